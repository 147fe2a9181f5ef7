/* png.h - PNGs as PDF image data, without libharu's decode and deflate of
 * every pixel: a grey or RGB PNG's compressed rows go into the PDF as they
 * are (PDF reads PNG's row filters: /Predictor 15); what an archival PDF
 * (PDF/A-1 forbids transparency; 2u and 3u are made without it too) can
 * show of a PNG with an alpha channel is its pixels laid on white, which this small decoder (zlib's inflate and PNG's
 * five row filters) makes. Fuzzed by tests/fuzz/fuzz_png.c. */
#ifndef NITHET_PNG_H
#define NITHET_PNG_H

#include <stddef.h>

/* An 8-bit RGBA or grey-alpha PNG, not interlaced, at most 4000 pixels a
 * side, as w x h RGB bytes on white (malloc'd; free it). NULL for any other
 * PNG or a damaged one. */
unsigned char *png_on_white(const unsigned char *png, size_t len, unsigned *wp, unsigned *hp);

/* An 8-bit grey or RGB PNG without alpha, not interlaced, at most 4000
 * pixels a side: its IDAT chunks joined (a zlib stream of the filtered
 * rows; malloc'd, *lenp bytes), its size and its colours (1 or 3). The
 * rows are inflated once to check them, so a damaged PNG never reaches a
 * PDF. NULL for any other PNG or a damaged one. */
unsigned char *png_rows(const unsigned char *png, size_t len, size_t *lenp, unsigned *wp, unsigned *hp,
    int *colorsp);

#endif
