/* arena.c - region allocator (see arena.h).
 *
 * Blocks are chained; a request larger than a quarter of the block size gets
 * a block of its own so that big tables do not waste the tail of a block.
 *
 * Blocks of the standard size are recycled: a freed arena gives them to a
 * process-wide list (up to ARENA_KEEP of them) and the next arena takes
 * them from there, zeroing only as much of each as was used. A build
 * makes an arena or more per report, most of a block's 64 KB unused: new
 * blocks from calloc were zeroed whole, 4 % of a build's instructions. */
#include "arena.h"
#include "mem.h"

#include <pthread.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 64 * 1024, ARENA_KEEP = 256 /* 16 MB */ };

/* Under AddressSanitizer no block is kept: a block freed is freed, so that
 * memory used after its arena_free is caught. */
#ifdef __SANITIZE_ADDRESS__
enum { ARENA_RECYCLE = 0 };
#else
enum { ARENA_RECYCLE = 1 };
#endif

typedef struct Block {
	struct Block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
} Block;

static Block *block_new(size_t size);

/* Standard blocks given back, each zero beyond its `used`. */
static pthread_mutex_t spare_lock = PTHREAD_MUTEX_INITIALIZER;
static Block *spare;
static size_t nspare;

struct Arena {
	Block *head;
	size_t handed_out;
};

Arena *
arena_new(void)
{
	return mem_alloc(sizeof(Arena));
}

void
arena_free(Arena *a)
{
	if (a == NULL)
		return;
	Block *b = a->head;
	while (b != NULL) {
		Block *next = b->next;
		int kept = 0;
		if (ARENA_RECYCLE && b->size == ARENA_BLOCK) {
			pthread_mutex_lock(&spare_lock);
			if (nspare < ARENA_KEEP) {
				b->next = spare;
				spare = b;
				nspare++;
				kept = 1;
			}
			pthread_mutex_unlock(&spare_lock);
		}
		if (!kept)
			free(b);
		b = next;
	}
	free(a);
}

void
arena_release_spares(void)
{
	pthread_mutex_lock(&spare_lock);
	Block *b = spare;
	spare = NULL;
	nspare = 0;
	pthread_mutex_unlock(&spare_lock);
	while (b != NULL) {
		Block *next = b->next;
		free(b);
		b = next;
	}
}

/* A standard block: a spare one, zeroed as far as it was used, or new. */
static Block *
block_standard(void)
{
	pthread_mutex_lock(&spare_lock);
	Block *b = spare;
	if (b != NULL) {
		spare = b->next;
		nspare--;
	}
	pthread_mutex_unlock(&spare_lock);
	if (b == NULL)
		return block_new(ARENA_BLOCK);
	memset(b->data, 0, b->used);
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
		Block *b = block_standard();
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
arena_printf(Arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t
arena_used(const Arena *a)
{
	return a->handed_out;
}
