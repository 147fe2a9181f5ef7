/* store.c - where the loaders keep what they read: strings packed in the
 * model arena, repeated values stored once, lookups by key, growable row
 * arrays, and sets of ids for duplicates. See store.h. */
#include "load/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/mem.h"

/* ---- strings, arrays, id sets ---- */

enum { POOL_BLOCK = 64 * 1024 };

const char *
load_strn(StrPool *p, const char *s, size_t n)
{
	if (n == 0)
		return "";
	if (n + 1 > POOL_BLOCK / 4)
		return arena_strndup(p->a, s, n);
	if (p->left < n + 1) {
		p->cur = arena_alloc(p->a, POOL_BLOCK);
		p->left = POOL_BLOCK;
	}
	char *r = p->cur;
	memcpy(r, s, n);
	r[n] = '\0';
	p->cur += n + 1;
	p->left -= n + 1;
	return r;
}

const char *
load_str(StrPool *p, const char *s)
{
	return load_strn(p, s, strlen(s));
}

/* ---- interning ---- */

enum { INTERN_SAMPLE = 4096 };

struct LoadInterner {
	StrPool *pool;
	HashTable copies;          /* items: the copies in the pool, NUL-terminated;
	                            * hash_long (summaries run to hundreds of bytes) */
	size_t seen, hits;         /* in the current sample */
	int off;                   /* gave up: values do not repeat */
};

LoadInterner *
load_interner_new(StrPool *pool)
{
	LoadInterner *in = mem_alloc(sizeof(*in));
	memset(in, 0, sizeof(*in));
	in->pool = pool;
	return in;
}

void
load_interner_free(LoadInterner *in)
{
	if (in == NULL)
		return;
	hash_free(&in->copies);
	free(in);
}

const char *
load_intern(LoadInterner *in, const char *s, size_t n)
{
	if (n == 0)
		return "";
	if (in->off)
		return load_strn(in->pool, s, n);
	uint64_t h = hash_long(s, n);
	HashProbe pr = hash_probe(&in->copies, h);
	const char *e, *found = NULL;
	/* A copy is n bytes long when its NUL is at n (strnlen first: a
	 * shorter copy is not read past its end). */
	while ((e = hash_next(&in->copies, &pr)) != NULL)
		if (strnlen(e, n + 1) == n && memcmp(e, s, n) == 0) {
			found = e;
			in->hits++;
			break;
		}
	/* Judged afresh over every INTERN_SAMPLE values, so a column whose
	 * values stop repeating half way stops growing the table. */
	if (++in->seen == INTERN_SAMPLE) {
		if (in->hits * 4 < in->seen) {
			in->off = 1;
			hash_free(&in->copies);
		}
		in->seen = in->hits = 0;
	}
	if (found != NULL)
		return found;
	const char *copy = load_strn(in->pool, s, n);
	if (!in->off)
		hash_put(&in->copies, h, (void *)copy);
	return copy;
}

/* ---- maps ---- */

typedef struct MapEntry {
	const char *key;
	const void *value;
	size_t len;
} MapEntry;

struct LoadMap {
	HashTable t;               /* items: MapEntry, in entries */
	Arena *entries;
};

LoadMap *
load_map_new(void)
{
	LoadMap *m = mem_alloc(sizeof(*m));
	m->entries = arena_new();
	return m;
}

void
load_map_free(LoadMap *m)
{
	if (m == NULL)
		return;
	hash_free(&m->t);
	arena_free(m->entries);
	free(m);
}

static MapEntry *
map_find(const LoadMap *m, uint64_t h, const char *key, size_t len)
{
	HashProbe pr = hash_probe(&m->t, h);
	MapEntry *e;
	while ((e = hash_next(&m->t, &pr)) != NULL)
		if (e->len == len && memcmp(e->key, key, len) == 0)
			return e;
	return NULL;
}

void
load_map_put(LoadMap *m, const char *key, const void *value)
{
	size_t len = strlen(key);
	uint64_t h = hash_long(key, len);
	if (map_find(m, h, key, len) != NULL)
		return;
	MapEntry *e = arena_alloc(m->entries, sizeof(*e));
	*e = (MapEntry){ key, value, len };
	hash_put(&m->t, h, e);
}

const void *
load_map_get(const LoadMap *m, const char *key, size_t len)
{
	const MapEntry *e = map_find(m, hash_long(key, len), key, len);
	return e ? e->value : NULL;
}

void
load_vec_init(LoadVec *v, Arena *a, size_t size, size_t hint)
{
	memset(v, 0, sizeof(*v));
	v->a = a;
	v->size = size;
	if (hint > 0) {
		v->data = arena_array(a, hint, size);
		v->cap = hint;
	}
}

void
load_vec_reserve(LoadVec *v, size_t n)
{
	if (v->n > 0 || v->heap || v->cap >= n)
		return;
	v->data = arena_array(v->a, n, v->size);
	v->cap = n;
}

void *
load_vec_push(LoadVec *v)
{
	if (v->n == v->cap) {
		size_t ncap = v->cap ? v->cap * 2 : 64;
		if (v->heap) {
			v->data = mem_grow(v->data, ncap, v->size);
		} else {
			void *h = mem_array(ncap, v->size);
			if (v->n)
				memcpy(h, v->data, v->n * v->size);
			v->data = h;
			v->heap = 1;
		}
		v->cap = ncap;
	}
	char *e = (char *)v->data + v->n++ * v->size;
	memset(e, 0, v->size);
	return e;
}

void
load_vec_pop(LoadVec *v)
{
	if (v->n > 0)
		v->n--;
}

void *
load_vec_finish(LoadVec *v)
{
	if (v->n == 0) {
		if (v->heap)
			free(v->data);
		v->data = NULL;
		return NULL;
	}
	if (v->heap) {
		void *a = arena_array(v->a, v->n, v->size);
		memcpy(a, v->data, v->n * v->size);
		free(v->data);
		v->data = a;
		v->heap = 0;
	}
	return v->data;
}

typedef struct IdSlot {
	const char *key;
	long line;
} IdSlot;

/* Exports usually list ids in increasing order (V0000001, V0000002, ...):
 * while they do, a key greater than the last one is new and is only
 * appended to a list; the hash table is built over that list (which then
 * stops growing) the first time a key arrives out of order, and the keys
 * after it are kept in an arena of the set's own. */
struct LoadIdSet {
	int ordered;               /* every key so far was greater than the one before */
	IdSlot *seq;
	size_t nseq, capseq;
	HashTable t;               /* once out of order: items IdSlot, in seq or more */
	Arena *more;
};

LoadIdSet *
load_idset_new(void)
{
	LoadIdSet *s = mem_alloc(sizeof(*s));
	s->ordered = 1;
	return s;
}

void
load_idset_free(LoadIdSet *s)
{
	if (s == NULL)
		return;
	hash_free(&s->t);
	arena_free(s->more);
	free(s->seq);
	free(s);
}

long
load_idset_add(LoadIdSet *s, const char *key, long line)
{
	if (s->ordered) {
		int c = s->nseq ? strcmp(key, s->seq[s->nseq - 1].key) : 1;
		if (c == 0)
			return s->seq[s->nseq - 1].line > 0 ? s->seq[s->nseq - 1].line : 1;
		if (c > 0) {
			if (s->nseq == s->capseq) {
				s->capseq = s->capseq ? s->capseq * 2 : 1024;
				s->seq = mem_grow(s->seq, s->capseq, sizeof(IdSlot));
			}
			s->seq[s->nseq++] = (IdSlot){ key, line };
			return 0;
		}
		/* Out of order: from now on, the hash table. */
		s->ordered = 0;
		for (size_t i = 0; i < s->nseq; i++)
			hash_put(&s->t, hash_str(s->seq[i].key), &s->seq[i]);
		s->more = arena_new();
	}
	uint64_t h = hash_str(key);
	HashProbe pr = hash_probe(&s->t, h);
	const IdSlot *e;
	while ((e = hash_next(&s->t, &pr)) != NULL)
		if (strcmp(e->key, key) == 0)
			return e->line > 0 ? e->line : 1;
	IdSlot *slot = arena_alloc(s->more, sizeof(*slot));
	*slot = (IdSlot){ key, line };
	hash_put(&s->t, h, slot);
	return 0;
}
