/* store.c - where the loaders keep what they read: strings packed in the
 * model arena, repeated values stored once, lookups by key, growable row
 * arrays, and sets of ids for duplicates. See store.h. */
#include "load/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

typedef struct InternSlot {
	const char *s;             /* NULL: empty */
	uint32_t hash, len;
} InternSlot;

struct LoadInterner {
	StrPool *pool;
	InternSlot *slots;
	size_t cap, n;             /* cap is a power of two */
	size_t seen, hits;         /* in the current sample */
	int off;                   /* gave up: values do not repeat */
};

/* Long values (a visit's summary runs to a few hundred bytes, hashed once
 * per row) go 32 bytes at a time through four independent lanes, so the
 * multiplies overlap; the rest eight bytes at a time. */
static uint64_t
mix_word(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 32);
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	if (n >= 32) {
		uint64_t l0 = h, l1 = h + 0x632BE59BD9B4E019ULL, l2 = h + 0x8CB92BA72F3D8DD7ULL,
		    l3 = h + 0xD6E8FEB86659FD93ULL;
		while (n >= 32) {
			uint64_t w[4];
			memcpy(w, s, 32);
			l0 = mix_word(l0, w[0]);
			l1 = mix_word(l1, w[1]);
			l2 = mix_word(l2, w[2]);
			l3 = mix_word(l3, w[3]);
			s += 32;
			n -= 32;
		}
		h = mix_word(mix_word(mix_word(l0, l1), l2), l3);
	}
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = mix_word(h, w);
		s += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 29);
}

LoadInterner *
load_interner_new(StrPool *pool)
{
	LoadInterner *in = mem_alloc(sizeof(*in));
	memset(in, 0, sizeof(*in));
	in->pool = pool;
	in->cap = 256;
	in->slots = mem_array(in->cap, sizeof(InternSlot));
	return in;
}

void
load_interner_free(LoadInterner *in)
{
	if (in == NULL)
		return;
	free(in->slots);
	free(in);
}

const char *
load_intern(LoadInterner *in, const char *s, size_t n)
{
	if (n == 0)
		return "";
	if (in->off || n > UINT32_MAX)
		return load_strn(in->pool, s, n);
	uint32_t h = (uint32_t)hash_bytes(s, n);
	size_t i = h & (in->cap - 1);
	const char *found = NULL;
	for (; in->slots[i].s != NULL; i = (i + 1) & (in->cap - 1)) {
		const InternSlot *e = &in->slots[i];
		if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0) {
			found = e->s;
			in->hits++;
			break;
		}
	}
	/* Judged afresh over every INTERN_SAMPLE values, so a column whose
	 * values stop repeating half way stops growing the table. */
	if (++in->seen == INTERN_SAMPLE) {
		if (in->hits * 4 < in->seen) {
			in->off = 1;
			free(in->slots);
			in->slots = NULL;
		}
		in->seen = in->hits = 0;
	}
	if (found != NULL)
		return found;
	if (in->off)
		return load_strn(in->pool, s, n);
	const char *copy = load_strn(in->pool, s, n);
	in->slots[i] = (InternSlot){ copy, h, (uint32_t)n };
	if (++in->n * 10 > in->cap * 7) {
		size_t ncap = in->cap * 2;
		InternSlot *ns = mem_array(ncap, sizeof(InternSlot));
		for (size_t k = 0; k < in->cap; k++) {
			if (in->slots[k].s == NULL)
				continue;
			size_t j = in->slots[k].hash & (ncap - 1);
			while (ns[j].s != NULL)
				j = (j + 1) & (ncap - 1);
			ns[j] = in->slots[k];
		}
		free(in->slots);
		in->slots = ns;
		in->cap = ncap;
	}
	return copy;
}

/* ---- maps ---- */

typedef struct MapSlot {
	const char *key;           /* NULL: empty */
	const void *value;
	size_t len;
} MapSlot;

struct LoadMap {
	MapSlot *slots;
	size_t cap, n;             /* cap: a power of two, at least twice n */
};

LoadMap *
load_map_new(size_t n)
{
	LoadMap *m = mem_alloc(sizeof(*m));
	m->n = 0;
	m->cap = 16;
	while (m->cap < 2 * n)
		m->cap *= 2;
	m->slots = mem_array(m->cap, sizeof(MapSlot));
	return m;
}

void
load_map_free(LoadMap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m);
}

static MapSlot *
map_slot(const LoadMap *m, const char *key, size_t len)
{
	size_t i = (size_t)hash_bytes(key, len) & (m->cap - 1);
	while (m->slots[i].key != NULL &&
	    (m->slots[i].len != len || memcmp(m->slots[i].key, key, len) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

void
load_map_put(LoadMap *m, const char *key, const void *value)
{
	size_t len = strlen(key);
	MapSlot *s = map_slot(m, key, len);
	if (s->key != NULL)
		return;
	/* Sized for its keys by load_map_new; grows if more come. */
	if ((m->n + 1) * 2 > m->cap) {
		MapSlot *old = m->slots;
		size_t ocap = m->cap;
		m->cap *= 2;
		m->slots = mem_array(m->cap, sizeof(MapSlot));
		for (size_t i = 0; i < ocap; i++)
			if (old[i].key != NULL)
				*map_slot(m, old[i].key, old[i].len) = old[i];
		free(old);
		s = map_slot(m, key, len);
	}
	*s = (MapSlot){ key, value, len };
	m->n++;
}

const void *
load_map_get(const LoadMap *m, const char *key, size_t len)
{
	return map_slot(m, key, len)->value;
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
 * appended to a list; the hash table is built from that list the first time
 * a key arrives out of order. */
struct LoadIdSet {
	IdSlot *slots;
	size_t cap, n;             /* cap is a power of two */
	int ordered;               /* every key so far was greater than the one before */
	IdSlot *seq;
	size_t nseq, capseq;
};

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ^ (h >> 29);
}

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
	free(s->slots);
	free(s->seq);
	free(s);
}

static IdSlot *
idset_slot(IdSlot *slots, size_t cap, const char *key)
{
	size_t i = (size_t)hash_str(key) & (cap - 1);
	while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
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
		s->cap = 1024;
		while (s->cap * 7 < (s->nseq + 1) * 10)
			s->cap *= 2;
		s->slots = mem_array(s->cap, sizeof(IdSlot));
		for (size_t i = 0; i < s->nseq; i++)
			*idset_slot(s->slots, s->cap, s->seq[i].key) = s->seq[i];
		s->n = s->nseq;
		free(s->seq);
		s->seq = NULL;
	}
	if ((s->n + 1) * 10 > s->cap * 7) {
		size_t ncap = s->cap * 2;
		IdSlot *ns = mem_array(ncap, sizeof(IdSlot));
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i].key != NULL)
				*idset_slot(ns, ncap, s->slots[i].key) = s->slots[i];
		free(s->slots);
		s->slots = ns;
		s->cap = ncap;
	}
	IdSlot *slot = idset_slot(s->slots, s->cap, key);
	if (slot->key != NULL)
		return slot->line > 0 ? slot->line : 1;
	slot->key = key;
	slot->line = line;
	s->n++;
	return 0;
}
