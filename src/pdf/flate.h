/* flate.h - compressing PDF streams (FlateDecode: the zlib format), the one
 * door to libdeflate: page contents, image pixels, font subsets and their
 * ToUnicode maps, the colour profile.
 *
 * Why libdeflate and not zlib (which pdf/png.c still uses to read PNGs):
 * on our page streams its level 1 is 2.6 times as fast as zlib's level 3
 * for the same size, and it needs no per-stream state to clear. Why level 1
 * for everything, fonts included: on the bundled build, level 6 for the
 * font subsets made the year's folder 1.5 % smaller (4,494 KB against
 * 4,561 KB) for 73 million more instructions (callgrind), 4.6 % of the
 * build. */
#ifndef NITHET_FLATE_H
#define NITHET_FLATE_H

#include <stddef.h>

/* Compress n bytes of in into *out, which is grown as needed (*cap is its
 * size; *out may start NULL, the caller frees it). Returns the compressed
 * length, or 0 when libdeflate cannot (out of memory: the caller writes
 * the stream plain). Thread-safe: each thread keeps its own compressor,
 * freed when it ends. */
size_t flate_compress(const void *in, size_t n, unsigned char **out, size_t *cap);

/* The same into a new malloc'd buffer of exactly *outlen bytes; NULL when
 * it fails. */
unsigned char *flate_copy(const void *in, size_t n, size_t *outlen);

#endif
