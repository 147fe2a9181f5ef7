/* hash.c - the one hash table (see hash.h). */
#include "core/hash.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

uint64_t
hash_more(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 1099511628211ULL;
	}
	return h;
}

uint64_t
hash_done(uint64_t h)
{
	/* FNV's low bits mix poorly; fold the high ones in (a table uses the
	 * low ones as the slot). */
	return h ^ (h >> 29);
}

uint64_t
hash_bytes(const void *p, size_t n)
{
	return hash_done(hash_more(HASH_SEED, p, n));
}

uint64_t
hash_str(const char *s)
{
	return hash_bytes(s, strlen(s));
}

static uint64_t
mix_word(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 32);
}

uint64_t
hash_long(const void *p, size_t n)
{
	const unsigned char *s = p;
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

HashProbe
hash_probe(const HashTable *t, uint64_t h)
{
	HashProbe p = { h, t->cap ? (size_t)h & (t->cap - 1) : 0 };
	return p;
}

void *
hash_next(const HashTable *t, HashProbe *p)
{
	if (t->cap == 0)
		return NULL;
	for (;;) {
		const HashSlot *s = &t->slot[p->i];
		if (s->item == NULL)
			return NULL;
		p->i = (p->i + 1) & (t->cap - 1);
		if (s->hash == p->hash)
			return s->item;
	}
}

void *
hash_find(const HashTable *t, uint64_t h, HashSame same, const void *key)
{
	HashProbe p = hash_probe(t, h);
	void *e;
	while ((e = hash_next(t, &p)) != NULL)
		if (same(e, key))
			return e;
	return NULL;
}

static void
place(HashSlot *slot, size_t cap, uint64_t h, void *item)
{
	size_t i = (size_t)h & (cap - 1);
	while (slot[i].item != NULL)
		i = (i + 1) & (cap - 1);
	slot[i].hash = h;
	slot[i].item = item;
}

void
hash_put(HashTable *t, uint64_t h, void *item)
{
	if (2 * (t->count + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		HashSlot *slot = mem_array(cap, sizeof *slot);
		for (size_t i = 0; i < t->cap; i++)
			if (t->slot[i].item != NULL)
				place(slot, cap, t->slot[i].hash, t->slot[i].item);
		free(t->slot);
		t->slot = slot;
		t->cap = cap;
	}
	place(t->slot, t->cap, h, item);
	t->count++;
}

void
hash_clear(HashTable *t)
{
	if (t->cap)
		memset(t->slot, 0, t->cap * sizeof *t->slot);
	t->count = 0;
}

void
hash_free(HashTable *t)
{
	free(t->slot);
	t->slot = NULL;
	t->cap = t->count = 0;
}
