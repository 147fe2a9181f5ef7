/* png.h - what PDF/A-1 (which forbids transparency) can show of a PNG with
 * an alpha channel: its pixels laid on white. libharu reads PNGs itself but
 * keeps the alpha as a soft mask; this small decoder (zlib's inflate and
 * PNG's five row filters) covers the emblems offices have. Fuzzed by
 * tests/fuzz/fuzz_png.c. */
#ifndef NITHET_PNG_H
#define NITHET_PNG_H

#include <stddef.h>

/* An 8-bit RGBA or grey-alpha PNG, not interlaced, at most 4000 pixels a
 * side, as w x h RGB bytes on white (malloc'd; free it). NULL for any other
 * PNG or a damaged one. */
unsigned char *png_on_white(const unsigned char *png, size_t len, unsigned *wp, unsigned *hp);

#endif
