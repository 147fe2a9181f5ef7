/* arena.c - region allocator (see arena.h).
 *
 * Blocks are chained; a request larger than a quarter of the block size gets
 * a block of its own so that big tables do not waste the tail of a block.
 *
 * Blocks of the standard size are recycled: a freed arena gives them to
 * its thread's list (ARENA_OWN of them), then to a process-wide one (up to
 * ARENA_KEEP), and the next arena takes them from there, clearing each
 * allocation as it hands it out, and only as far as an earlier arena
 * wrote. A build makes an arena or more per report, most of a block's 64
 * KB unused: new blocks from calloc were zeroed whole, 4 % of a build's
 * instructions; reused blocks cleared whole when taken, 40 MB a build, 3 %.
 *
 * Standard blocks are cut from mappings of ARENA_MAP bytes that the kernel
 * is asked to back with transparent huge pages (madvise MADV_HUGEPAGE): the
 * first touch of a page costs a fault, 5 to 15 microseconds on the virtual
 * machines measured, and a build's arenas (the shaping memo, display
 * lists, layout scratch) grow to tens of megabytes, page by page. Backed by
 * 2 MB pages, a bundled build took 2,300 faults instead of 5,400 and 13 %
 * less time. Where the kernel gives no huge page (disabled, or memory too
 * fragmented), the mapping works with ordinary pages, as before. A block
 * beyond the ARENA_KEEP kept is given back to the kernel (MADV_DONTNEED,
 * its first page kept for the list's link) and reused from there. */
#include "arena.h"
#include "mem.h"

#include <pthread.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* A standard block is ARENA_SLOT bytes, header included, at an address
 * that is a multiple of ARENA_SLOT (so its pages are its own). */
enum { ARENA_SLOT = 64 * 1024, ARENA_KEEP = 256 /* 16 MB */ };
#define ARENA_HUGE ((size_t)2 << 20)   /* a transparent huge page on x86-64 and arm64 */
#define ARENA_MAP ((size_t)8 << 20)

/* Under AddressSanitizer no block is kept and none is cut from a mapping:
 * a block freed is freed, so that memory used after its arena_free is
 * caught. */
#ifdef __SANITIZE_ADDRESS__
enum { ARENA_RECYCLE = 0 };
#else
enum { ARENA_RECYCLE = 1 };
#endif

typedef struct Block {
	struct Block *next;
	size_t size, used;
	size_t dirty;              /* its bytes past this are zero; below, an earlier arena's may be left */
	int mapped;                /* cut from a mapping, not from calloc */
	alignas(max_align_t) unsigned char data[];
} Block;

#define ARENA_BLOCK (ARENA_SLOT - sizeof(Block))

static Block *block_new(size_t size);
static void block_give(Block *b);
static void block_share(Block *b);
static void own_flush(void *unused);
static void block_clean(Block *b);

/* Standard blocks given back, each zero beyond its `dirty`. */
static pthread_mutex_t spare_lock = PTHREAD_MUTEX_INITIALIZER;
static Block *spare;
static size_t nspare;
/* Under the same lock: blocks whose pages after the first were given
 * back (zero when touched again; `dirty` covers the first page), and the
 * rest of the current mapping, not yet cut. */
static Block *clean;
static unsigned char *map_at;
static size_t map_left;

/* Before the shared list, each thread keeps up to ARENA_OWN blocks of its
 * own: a build's workers each take and give a block thousands of times,
 * and on the one lock one of them now and then had to sleep, which costs
 * up to milliseconds on a virtual machine (a halted processor woken); a
 * block a thread gave back is also still in its own core's cache. A
 * thread's blocks go to the shared list when it ends. */
enum { ARENA_OWN = 32 };
static _Thread_local Block *own;
static _Thread_local size_t nown;
static pthread_key_t own_key;         /* its destructor hands a thread's blocks on */
static pthread_once_t own_once = PTHREAD_ONCE_INIT;

struct Arena {
	Block *head;
	size_t handed_out;
	int raw;                   /* its memory is not zeroed (arena_new_raw) */
};

Arena *
arena_new(void)
{
	return mem_alloc(sizeof(Arena));
}

Arena *
arena_new_raw(void)
{
	Arena *a = mem_alloc(sizeof(Arena));
	a->raw = 1;
	return a;
}

void
arena_free(Arena *a)
{
	if (a == NULL)
		return;
	Block *b = a->head;
	while (b != NULL) {
		Block *next = b->next;
		if (ARENA_RECYCLE && b->size == ARENA_BLOCK)
			block_give(b);
		else
			free(b);
		b = next;
	}
	free(a);
}

void
arena_release_spares(void)
{
	/* Blocks cut from a mapping go with the process (one alone cannot be
	 * unmapped, and giving their pages back at the end costs a flush of
	 * every core's TLB each); those from calloc are freed. */
	own_flush(NULL);
	pthread_mutex_lock(&spare_lock);
	Block *b = spare;
	spare = NULL;
	nspare = 0;
	pthread_mutex_unlock(&spare_lock);
	while (b != NULL) {
		Block *next = b->next;
		if (!b->mapped)
			free(b);
		b = next;
	}
}

/* Give b's pages after its first back to the kernel and list it clean. */
static void
block_clean(Block *b)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	if (page < sizeof(Block) || page >= ARENA_SLOT || madvise((unsigned char *)b + page,
	    ARENA_SLOT - page, MADV_DONTNEED) != 0)
		page = ARENA_SLOT;   /* nothing given back: all of it may be dirty */
	size_t keep = page - sizeof(Block);
	if (b->dirty > keep)
		b->dirty = keep;
	pthread_mutex_lock(&spare_lock);
	b->next = clean;
	clean = b;
	pthread_mutex_unlock(&spare_lock);
}

/* The calling thread's own blocks to the shared list (or given back past
 * ARENA_KEEP); the argument is the key's value, unused. */
static void
own_flush(void *unused)
{
	(void)unused;
	while (own != NULL) {
		Block *b = own;
		own = b->next;
		nown--;
		block_share(b);
	}
}

static void
own_key_make(void)
{
	(void)pthread_key_create(&own_key, own_flush);
}

/* A freed standard block: kept by its thread, or for the next arena, or
 * given back. */
static void
block_give(Block *b)
{
	if (b->used > b->dirty)
		b->dirty = b->used;
	if (nown < ARENA_OWN) {
		if (nown == 0) {
			/* The key's value makes the destructor run at the thread's end. */
			pthread_once(&own_once, own_key_make);
			(void)pthread_setspecific(own_key, &own);
		}
		b->next = own;
		own = b;
		nown++;
		return;
	}
	block_share(b);
}

/* b to the shared list, or given back when it is full. */
static void
block_share(Block *b)
{
	pthread_mutex_lock(&spare_lock);
	int kept = nspare < ARENA_KEEP;
	if (kept) {
		b->next = spare;
		spare = b;
		nspare++;
	}
	pthread_mutex_unlock(&spare_lock);
	if (kept)
		return;
	if (b->mapped)
		block_clean(b);
	else
		free(b);
}

/* ARENA_MAP more bytes to cut blocks from, aligned to a huge page; 0 when
 * the system gives no mapping (blocks then come from calloc). Called with
 * spare_lock held. */
static int
map_more(void)
{
	size_t len = ARENA_MAP + ARENA_HUGE;
	unsigned char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return 0;
	/* Only the aligned ARENA_MAP bytes are kept. */
	unsigned char *at = (unsigned char *)(((uintptr_t)m + ARENA_HUGE - 1) & ~(uintptr_t)(ARENA_HUGE - 1));
	if (at > m)
		munmap(m, (size_t)(at - m));
	if (at + ARENA_MAP < m + len)
		munmap(at + ARENA_MAP, (size_t)(m + len - (at + ARENA_MAP)));
	(void)madvise(at, ARENA_MAP, MADV_HUGEPAGE);   /* a hint: refused, pages are small */
	map_at = at;
	map_left = ARENA_MAP;
	return 1;
}

/* A standard block: a spare one (its bytes below `dirty` not yet cleared:
 * take() clears what it hands out), a clean one, or one cut from the
 * mapping. */
static Block *
block_standard(void)
{
	if (!ARENA_RECYCLE)
		return block_new(ARENA_BLOCK);
	Block *b = own;
	if (b != NULL) {
		own = b->next;
		nown--;
		b->used = 0;
		b->next = NULL;
		return b;
	}
	pthread_mutex_lock(&spare_lock);
	b = spare;
	if (b != NULL) {
		spare = b->next;
		nspare--;
	} else if ((b = clean) != NULL) {
		clean = b->next;
	} else if (map_left >= ARENA_SLOT || map_more()) {
		b = (Block *)map_at;   /* zero: fresh from the kernel */
		map_at += ARENA_SLOT;
		map_left -= ARENA_SLOT;
		b->size = ARENA_BLOCK;
		b->mapped = 1;
	}
	pthread_mutex_unlock(&spare_lock);
	if (b == NULL)
		return block_new(ARENA_BLOCK);
	b->used = 0;
	b->next = NULL;
	return b;
}

static Block *
block_new(size_t size)
{
	/* A size that cannot be added to the header asks for all memory:
	 * mem_alloc then fails loudly instead of wrapping to a small block. */
	Block *b = mem_alloc(size > SIZE_MAX - sizeof(Block) ? SIZE_MAX : sizeof(Block) + size);
	b->size = size;

	return b;
}

/* size bytes from a; zeroed unless zero is 0 (for a caller that writes
 * them all at once) or the arena is raw. */
static void *
take(Arena *a, size_t size, int zero)
{
	const size_t align = alignof(max_align_t);
	/* A size that would wrap when rounded up is kept below the wrap; it is
	 * still more than any block can be, so block_new asks mem_alloc for all
	 * memory and the process exits 70 (tests/unit/test_core.c checks it). */
	if (size > SIZE_MAX - align)
		size = SIZE_MAX - align;
	size_t rounded = (size + align - 1) & ~(align - 1);
	if (rounded == 0)
		rounded = align;
	a->handed_out += rounded;

	if (rounded > ARENA_BLOCK / 4) {
		/* Own block, linked behind the head so the head keeps its free tail. */
		Block *b = block_new(rounded);
		b->used = rounded;
		if (a->head == NULL) {
			a->head = b;
		} else {
			b->next = a->head->next;
			a->head->next = b;
		}
		return b->data;
	}
	if (a->head == NULL || a->head->size - a->head->used < rounded) {
		Block *b = block_standard();
		b->next = a->head;
		a->head = b;
	}
	Block *b = a->head;
	unsigned char *p = b->data + b->used;
	/* A reused block is cleared as it is handed out, not whole when taken:
	 * most arenas are small (a block's layout scratch, a page's items) and
	 * use a few hundred bytes of a block that its last arena filled. Past
	 * `dirty` it is zero already. */
	if (zero && !a->raw && b->used < b->dirty) {
		size_t n = b->dirty - b->used;
		memset(p, 0, n < rounded ? n : rounded);
	}
	b->used += rounded;
	return p;
}

void *
arena_alloc(Arena *a, size_t size)
{
	return take(a, size, 1);
}

void *
arena_array(Arena *a, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		return arena_alloc(a, SIZE_MAX);
	return arena_alloc(a, count * size);
}

char *
arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = take(a, n + 1, 0);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
	/* Most texts fit the stack buffer: formatted once, then copied (a
	 * report's figures and phrases, tens of thousands a build). */
	char small[256];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	char *p;
	if (n < 0) {
		p = arena_strdup(a, "");
	} else if ((size_t)n < sizeof small) {
		p = arena_strndup(a, small, (size_t)n);
	} else {
		p = take(a, (size_t)n + 1, 0);
		vsnprintf(p, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	return p;
}

char *
arena_printf(Arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t
arena_used(const Arena *a)
{
	return a->handed_out;
}
