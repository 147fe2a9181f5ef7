/* store.h - where the loaders keep what they read (store.c): strings
 * packed in the model arena, repeated values stored once, lookups by key,
 * growable row arrays, sets of ids. None of them reads a file or reports. */
#ifndef NITHET_STORE_H
#define NITHET_STORE_H

#include <stddef.h>

#include "core/arena.h"

/* Strings packed end to end in blocks of the model arena (no per-string
 * alignment or header). */
typedef struct StrPool {
	Arena *a;
	char *cur;
	size_t left;
} StrPool;

/* A copy of s valid until the arena is freed; "" for an empty s (shared). */
const char *load_str(StrPool *p, const char *s);
const char *load_strn(StrPool *p, const char *s, size_t n);

/* Repeated values stored once: columns such as a visit's suggestions hold a
 * few dozen texts over millions of rows. While values keep repeating, equal
 * strings share one copy in the pool; when they stop (fewer than a quarter
 * of the first INTERN_SAMPLE values had been seen before) the interner
 * gives up and copies, so that unique text costs no table. Free with
 * load_interner_free (the strings stay in the pool). */
typedef struct LoadInterner LoadInterner;
LoadInterner *load_interner_new(StrPool *pool);
void load_interner_free(LoadInterner *in);
/* s (n bytes) valid until the pool's arena is freed; "" for n == 0. */
const char *load_intern(LoadInterner *in, const char *s, size_t n);

/* Keys (not copied; they must outlive the map) to pointers: the loaders'
 * lookups of schools and staff by code, once per row. Free with
 * load_map_free. */
typedef struct LoadMap LoadMap;
LoadMap *load_map_new(void);
void load_map_free(LoadMap *m);
/* Add key; a key already there keeps its first value. */
void load_map_put(LoadMap *m, const char *key, const void *value);
/* The value of key (len bytes), or NULL. */
const void *load_map_get(const LoadMap *m, const char *key, size_t len);

/* A growable array of elements of one size: in the arena when the hint was
 * big enough, on the heap while it grows beyond it; load_vec_finish moves it
 * into the arena. */
typedef struct LoadVec {
	Arena *a;
	void *data;
	size_t n, cap, size;
	int heap;
} LoadVec;

void load_vec_init(LoadVec *v, Arena *a, size_t size, size_t hint);
/* Before the first push: room for n elements in the arena at once (a
 * Record's rows_max), so that a big table is never grown and copied. Does
 * nothing once elements are stored or room is there. */
void load_vec_reserve(LoadVec *v, size_t n);
/* The next element, zero-filled; valid until the next push. */
void *load_vec_push(LoadVec *v);
/* Drop the last element pushed (a row rejected after it was stored). */
void load_vec_pop(LoadVec *v);
/* The elements, in the arena (valid until it is freed); NULL when empty. */
void *load_vec_finish(LoadVec *v);

/* A set of keys, each with the line where it was first seen: duplicate ids.
 * Keys are not copied and must outlive the set. Free with load_idset_free. */
typedef struct LoadIdSet LoadIdSet;
LoadIdSet *load_idset_new(void);
void load_idset_free(LoadIdSet *s);
/* Adds key; returns 0 when it is new, or the line it was first seen on. */
long load_idset_add(LoadIdSet *s, const char *key, long line);

#endif
