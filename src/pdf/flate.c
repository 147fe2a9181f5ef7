/* flate.c - PDF stream compression through libdeflate (flate.h). */
#include "pdf/flate.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/phase.h"

/* Levels by use, measured on the bundled build (make bench prints its
 * bytes): page streams at 1 cost about a third of zlib's level 3 and are
 * within 1 % of its size; font subsets at 6 (1 would add 1.5 % to the
 * year's folder for a few milliseconds; 12 takes 10 ms a subset). */
static const int LEVELS[FLATE_USES] = { 1, 6 };

/* A thread's compressors, one per use, freed by the key's destructor when
 * the thread ends (a build's workers are processes and end whole). */
typedef struct Compressors {
	struct libdeflate_compressor *c[FLATE_USES];
} Compressors;

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void
compressors_free(void *p)
{
	Compressors *cs = p;
	for (int i = 0; i < FLATE_USES; i++)
		if (cs->c[i])
			libdeflate_free_compressor(cs->c[i]);
	free(cs);
}

static void
key_make(void)
{
	(void)pthread_key_create(&key, compressors_free);
}

static struct libdeflate_compressor *
compressor(FlateUse use)
{
	pthread_once(&key_once, key_make);
	Compressors *cs = pthread_getspecific(key);
	if (cs == NULL) {
		cs = mem_alloc(sizeof *cs);
		if (pthread_setspecific(key, cs) != 0) {
			free(cs);
			return NULL;
		}
	}
	if (cs->c[use] == NULL)
		cs->c[use] = libdeflate_alloc_compressor(LEVELS[use]);
	return cs->c[use];
}

size_t
flate_compress(FlateUse use, const void *in, size_t n, unsigned char **out, size_t *cap)
{
	Phase was = phase_enter(PHASE_DEFLATE);
	size_t got = 0;
	struct libdeflate_compressor *c = compressor(use);
	if (c != NULL) {
		size_t bound = libdeflate_zlib_compress_bound(c, n);
		if (*out == NULL || *cap < bound) {
			*out = mem_grow(*out, bound, 1);
			*cap = bound;
		}
		got = libdeflate_zlib_compress(c, in, n, *out, *cap);
	}
	phase_enter(was);
	return got;
}

unsigned char *
flate_copy(FlateUse use, const void *in, size_t n, size_t *outlen)
{
	unsigned char *buf = NULL;
	size_t cap = 0;
	*outlen = flate_compress(use, in, n, &buf, &cap);
	if (*outlen == 0) {
		free(buf);
		return NULL;
	}
	/* Kept for the process: give back what the bound reserved. */
	return mem_grow(buf, *outlen, 1);
}
