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
/* Make the pages of [p, p + n) present now, in one system call, for a
 * buffer about to be filled: each page's first touch is otherwise a fault
 * of its own, 11-15 microseconds on the virtual machines measured (reading
 * an 815 KB visits.csv into a new buffer: 230 faults, 1.2 ms). Linux 5.14
 * and later; elsewhere, or refused, nothing is done and the pages come as
 * they are touched. */
void mem_populate(void *p, size_t n);
void *mem_array(size_t count, size_t size);   /* zero-filled, overflow-checked */
void *mem_grow(void *ptr, size_t count, size_t size); /* realloc, overflow-checked */
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);

/* Give the system back the pages of freed memory when more than `over`
 * bytes are free inside the process's heaps. glibc returns only the free
 * top of a heap by itself; after a long report or a measurement, the
 * memory freed in the middle stays counted to the process and the next
 * job's new allocations come on top of it. Costs a fault per page when
 * that memory is used again: call it only after a large job. */
void mem_give_back(size_t over);

#endif
