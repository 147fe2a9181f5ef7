/* arena.h - region allocator: many small allocations, one free.
 *
 * A run owns one arena for the model; each report owns one arena that is
 * freed when its PDF is written. Memory from an arena is valid until
 * arena_free() on that arena; nothing allocated from it is freed alone. */
#ifndef NITHET_ARENA_H
#define NITHET_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);                 /* caller frees with arena_free */
/* An arena whose memory is not zeroed: for a caller that writes all it
 * reads (libharu's objects, which come from malloc otherwise), sparing
 * the clearing of reused blocks. */
Arena *arena_new_raw(void);
void   arena_free(Arena *a);            /* frees every block; NULL is fine */

/* Zero-filled (but from arena_new_raw), aligned for any type. Never NULL
 * (exits on out-of-memory). */
void  *arena_alloc(Arena *a, size_t size);
void  *arena_array(Arena *a, size_t count, size_t size);
char  *arena_strdup(Arena *a, const char *s);
char  *arena_strndup(Arena *a, const char *s, size_t n);
/* printf into the arena. */
char  *arena_printf(Arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char  *arena_vprintf(Arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Free the standard blocks that freed arenas left for the next ones and
 * that came from calloc (a program's end: they are still reachable, not
 * lost); those cut from the arenas' mappings go with the process. */
void   arena_release_spares(void);

/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const Arena *a);

#endif
