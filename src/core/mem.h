/* mem.h - allocation that never returns NULL.
 *
 * Out of memory is not a condition the pipeline can recover from, so every
 * allocation goes through these wrappers, which print one message and exit
 * with status 70 (internal error) instead of handing NULL to callers that
 * would each need an untested error branch (mandoc's mandoc_malloc habit). */
#ifndef NITHET_MEM_H
#define NITHET_MEM_H

#include <stddef.h>

/* Each returns memory the caller frees with free(). Never NULL. */
void *mem_alloc(size_t size);                 /* zero-filled */
/* Not zero-filled: for a large buffer every byte of which is written before
 * it is read (a zeroed 1 MB read buffer costs a memset and a fault on every
 * page even when the file is 3 KB). */
void *mem_alloc_raw(size_t size);
void *mem_array(size_t count, size_t size);   /* zero-filled, overflow-checked */
void *mem_grow(void *ptr, size_t count, size_t size); /* realloc, overflow-checked */
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);

#endif
