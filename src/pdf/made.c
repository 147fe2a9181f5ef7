/* made.c - streams made once per process from the same bytes.
 *
 * The colour profile is in every archival PDF and the emblem on the cover
 * of the annual report and of every committee pack: what is made of their
 * bytes (deflated, decoded, laid on white) is made once and copied after.
 * Keyed by the bytes themselves (their hash, length and what was made),
 * not by where they are, so freed and reused memory cannot alias. */
#include "pdf/internal.h"
#include "pdf/flate.h"
#include "pdf/png.h"

#include <pthread.h>
#include <stdlib.h>

#include "core/hash.h"

enum { PDF_CACHE_MADE = 16 };
static pthread_mutex_t made_lock = PTHREAD_MUTEX_INITIALIZER;
static Made made_cache[PDF_CACHE_MADE];   /* under made_lock */
static size_t nmade;
static HashTable made_index = HASH_TABLE_INIT;   /* made_cache[] by Made.hash */

/* What kind makes of the n bytes at src: from the table, or made and put
 * in it. 0 and *out filled (its data owned by the table, or by the caller
 * when *owned: the table was full), or -1 when it cannot be made (a PNG of
 * another kind, a damaged one). */
int
made_get(MadeKind kind, const unsigned char *src, size_t n, Made *out, int *owned)
{
	uint64_t h = hash_long(src, n);   /* a photo is hashed whole: eight bytes at a time */
	*owned = 0;
	pthread_mutex_lock(&made_lock);
	HashProbe pr = hash_probe(&made_index, h);
	const Made *found;
	while ((found = hash_next(&made_index, &pr)) != NULL)
		if (found->kind == kind && found->src_len == n) {
			*out = *found;
			pthread_mutex_unlock(&made_lock);
			return 0;
		}
	pthread_mutex_unlock(&made_lock);
	Made m = { kind, h, n, NULL, 0, 0, 0, 3 };
	if (kind == MADE_PROFILE) {
		m.data = flate_copy(src, n, &m.len);
	} else if (kind == MADE_PNG_ROWS) {
		m.data = png_rows(src, n, &m.len, &m.w, &m.h, &m.colors);
	} else {
		unsigned char *rgb = png_on_white(src, n, &m.w, &m.h);
		if (rgb != NULL)
			m.data = flate_copy(rgb, (size_t)m.w * m.h * 3, &m.len);
		free(rgb);
	}
	if (m.data == NULL)
		return -1;
	pthread_mutex_lock(&made_lock);
	if (nmade < PDF_CACHE_MADE) {
		made_cache[nmade] = m;
		hash_put(&made_index, h, &made_cache[nmade]);
		nmade++;
	} else {
		*owned = 1;
	}
	pthread_mutex_unlock(&made_lock);
	*out = m;
	return 0;
}

void
made_release(void)
{
	pthread_mutex_lock(&made_lock);
	for (size_t i = 0; i < nmade; i++)
		free(made_cache[i].data);
	memset(made_cache, 0, sizeof made_cache);
	nmade = 0;
	hash_free(&made_index);
	pthread_mutex_unlock(&made_lock);
}
