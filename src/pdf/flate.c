/* flate.c - PDF stream compression through libdeflate (flate.h). */
#include "pdf/flate.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

#include "core/mem.h"
#include "core/phase.h"

enum { FLATE_LEVEL = 1 };

/* A thread's compressor, freed by the key's destructor when the thread
 * ends (a build's workers are threads; the main thread's goes with the
 * process). */
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void
compressor_free(void *c)
{
	libdeflate_free_compressor(c);
}

static void
key_make(void)
{
	(void)pthread_key_create(&key, compressor_free);
}

static struct libdeflate_compressor *
compressor(void)
{
	pthread_once(&key_once, key_make);
	struct libdeflate_compressor *c = pthread_getspecific(key);
	if (c == NULL) {
		c = libdeflate_alloc_compressor(FLATE_LEVEL);
		if (c != NULL && pthread_setspecific(key, c) != 0) {
			libdeflate_free_compressor(c);
			c = NULL;
		}
	}
	return c;
}

size_t
flate_compress(const void *in, size_t n, unsigned char **out, size_t *cap)
{
	Phase was = phase_enter(PHASE_DEFLATE);
	size_t got = 0;
	struct libdeflate_compressor *c = compressor();
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
flate_copy(const void *in, size_t n, size_t *outlen)
{
	unsigned char *buf = NULL;
	size_t cap = 0;
	*outlen = flate_compress(in, n, &buf, &cap);
	if (*outlen == 0) {
		free(buf);
		return NULL;
	}
	/* Often kept for the process: give back what the bound reserved. */
	return mem_grow(buf, *outlen, 1);
}
