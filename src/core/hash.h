/* hash.h - the one hash table of the program: open addressing with linear
 * probing over the caller's own entries.
 *
 * The table holds (hash, pointer) pairs and nothing else; the entries live
 * wherever their owner keeps them (an arena, an array), so one
 * implementation serves the interner, the loaders' lookups, the XML tree's
 * names, typeset's memos and pdf's caches, each with tables of its own. A lookup compares the stored 64-bit hash first and calls
 * the caller's `same` only when it matches, so a miss costs no call.
 * The table never removes one entry; hash_clear empties it (a bounded memo
 * starting again). Not thread-safe: one owner, or the owner's lock. */
#ifndef NITHET_HASH_H
#define NITHET_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct HashSlot {
	uint64_t hash;
	void *item;          /* NULL: empty */
} HashSlot;

typedef struct HashTable {
	HashSlot *slot;      /* cap slots, cap a power of two, or NULL */
	size_t cap;
	size_t count;
} HashTable;

#define HASH_TABLE_INIT { NULL, 0, 0 }

/* Whether item is the entry sought by key (the caller's meaning of both). */
typedef int (*HashSame)(const void *item, const void *key);

/* FNV-1a over n bytes, its bits mixed so that the low ones (the slot) depend
 * on every byte. hash_more continues a hash over more bytes (a key in parts);
 * hash_done mixes it. hash_bytes(p, n) is hash_done(hash_more(HASH_SEED, p, n)). */
#define HASH_SEED 1469598103934665603ULL
uint64_t hash_more(uint64_t h, const void *p, size_t n);
uint64_t hash_done(uint64_t h);
uint64_t hash_bytes(const void *p, size_t n);
uint64_t hash_str(const char *s);

/* Another hash for long keys (texts of a few hundred bytes hashed once per
 * row, the loaders' interner): eight bytes at a time through four
 * independent lanes, so the multiplies overlap, several times faster than
 * hash_bytes on long keys. Its values differ from hash_bytes': one table
 * uses one of the two for all its keys. */
uint64_t hash_long(const void *p, size_t n);

/* The entry stored under hash h for which same(item, key) holds, or NULL. */
void *hash_find(const HashTable *t, uint64_t h, HashSame same, const void *key);

/* Store item (not NULL, not already in t) under hash h; the table grows to
 * keep at most half its slots used. */
void hash_put(HashTable *t, uint64_t h, void *item);

/* Walking the entries stored under one hash, for a caller that compares
 * inline: HashProbe pr = hash_probe(t, h); while ((e = hash_next(t, &pr)))
 * if (...) return e; */
typedef struct HashProbe {
	uint64_t hash;
	size_t i;
} HashProbe;
HashProbe hash_probe(const HashTable *t, uint64_t h);
void *hash_next(const HashTable *t, HashProbe *p);

/* Forget every entry, keeping the slots (the entries are the caller's). */
void hash_clear(HashTable *t);

/* Free the slots (not the entries); t is empty again. */
void hash_free(HashTable *t);

#endif
