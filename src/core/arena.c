/* arena.c - region allocator (see arena.h).
 *
 * Blocks are chained; a request larger than a quarter of the block size gets
 * a block of its own so that big tables do not waste the tail of a block.
 *
 * Blocks of the standard size are recycled: a freed arena gives them to a
 * process-wide list (up to ARENA_KEEP of them) and the next arena takes
 * them from there, zeroing only as much of each as was used. A build
 * makes an arena or more per report, most of a block's 64 KB unused: new
 * blocks from calloc were zeroed whole, 4 % of a build's instructions.
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
	size_t dirty;              /* its bytes past this are zero, on the lists and in a raw arena */
	int mapped;                /* cut from a mapping, not from calloc */
	alignas(max_align_t) unsigned char data[];
} Block;

#define ARENA_BLOCK (ARENA_SLOT - sizeof(Block))

static Block *block_new(size_t size);
static void block_give(Block *b);
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

/* A freed standard block: kept for the next arena, or given back. */
static void
block_give(Block *b)
{
	if (b->used > b->dirty)
		b->dirty = b->used;
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

/* A standard block: a spare one, zeroed as far as it was written (unless
 * for a raw arena), a clean one, or one cut from the mapping. */
static Block *
block_standard(int raw)
{
	if (!ARENA_RECYCLE)
		return block_new(ARENA_BLOCK);
	pthread_mutex_lock(&spare_lock);
	Block *b = spare;
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
	if (!raw) {
		memset(b->data, 0, b->dirty);
		b->dirty = 0;
	}
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

void *
arena_alloc(Arena *a, size_t size)
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
		Block *b = block_standard(a->raw);
		b->next = a->head;
		a->head = b;
	}
	void *p = a->head->data + a->head->used;
	a->head->used += rounded;
	return p; /* zero: a new block is, a spare one was zeroed when taken */
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
	char *p = arena_alloc(a, n + 1);
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
		p = arena_alloc(a, (size_t)n + 1);
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
