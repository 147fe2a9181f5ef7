/* flate.h - compressing PDF streams (FlateDecode: the zlib format), the one
 * door to libdeflate. Two uses, two levels: what every document writes
 * anew (page contents, images' pixels, the colour profile) at a fast
 * level; font subsets, made once per glyph set and process, at a middle
 * one.
 *
 * Why libdeflate and not zlib (which pdf/png.c still uses to read PNGs):
 * on our page streams its level 1 is 2.6 times as fast as zlib's level 3
 * for the same size, and it needs no per-stream state to clear. */
#ifndef NITHET_FLATE_H
#define NITHET_FLATE_H

#include <stddef.h>

typedef enum FlateUse {
	FLATE_EVERY_DOC,   /* page contents, image pixels, the colour profile */
	FLATE_FONT,        /* a font subset and its ToUnicode map */
	FLATE_USES
} FlateUse;

/* Compress n bytes of in into *out, which is grown as needed (*cap is its
 * size; *out may start NULL, the caller frees it). Returns the compressed
 * length, or 0 when libdeflate cannot (out of memory: the caller writes
 * the stream plain). Thread-safe: each thread keeps its own compressors,
 * freed when it ends. */
size_t flate_compress(FlateUse use, const void *in, size_t n, unsigned char **out, size_t *cap);

/* The same into a new malloc'd buffer of exactly *outlen bytes; NULL when
 * it fails. */
unsigned char *flate_copy(FlateUse use, const void *in, size_t n, size_t *outlen);

#endif
