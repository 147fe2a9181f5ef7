/* mem.c - allocation wrappers that exit on out-of-memory (see mem.h). */
#include "mem.h"
#include "core/i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void
mem_die(size_t size)
{
	fprintf(stderr, _("nithet: internal error: out of memory (asked for %zu bytes)\n"), size);
	exit(70);
}

void *
mem_alloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);
	if (p == NULL)
		mem_die(size);
	return p;
}

void *
mem_alloc_raw(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		mem_die(size);
	return p;
}

void
mem_populate(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0)
		return;
	/* Only the whole pages inside: the ones at the edges may be shared
	 * with other allocations, already present. */
	uintptr_t a = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
	uintptr_t e = ((uintptr_t)p + n) & ~((uintptr_t)page - 1);
	if (e > a)
		(void)madvise((void *)a, e - a, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)n;
#endif
}

void *
mem_array(size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		mem_die(SIZE_MAX);
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		mem_die(count * size);
	return p;
}

void *
mem_grow(void *ptr, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		mem_die(SIZE_MAX);
	size_t total = count * size;
	void *p = realloc(ptr, total ? total : 1);
	if (p == NULL)
		mem_die(total);
	return p;
}

char *
mem_strdup(const char *s)
{
	return mem_strndup(s, strlen(s));
}

char *
mem_strndup(const char *s, size_t n)
{
	char *p = mem_alloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
mem_give_back(size_t over)
{
	struct mallinfo2 mi = mallinfo2();
	if (mi.fordblks > over)
		malloc_trim(0);
}
