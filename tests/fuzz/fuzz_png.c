/* fuzz_png.c - libFuzzer target: pdf/png.c's two readers — the decoder that
 * lays an emblem's alpha on white for PDF/A, and the check that lets a grey
 * or RGB PNG's rows into a PDF as they are — never read or write out of
 * bounds and never leak; what they accept has the size they say, and rows
 * they pass inflate to exactly h rows with filters PDF knows. */
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

#include "pdf/png.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned w = 0, h = 0;
	unsigned char *rgb = png_on_white(data, size, &w, &h);
	if (rgb != NULL) {
		volatile unsigned sum = 0;
		for (size_t i = 0; i < (size_t)w * h * 3; i++)
			sum += rgb[i];   /* every pixel read: ASan sees a short buffer */
		(void)sum;
		free(rgb);
	}
	size_t n = 0;
	int colors = 0;
	unsigned char *rows = png_rows(data, size, &n, &w, &h, &colors);
	if (rows != NULL) {
		/* What a PDF reader will do with them: inflate w x h pixels. */
		size_t want = ((size_t)w * (size_t)colors + 1) * h;
		unsigned char *out = malloc(want + 1);
		uLongf got = (uLongf)(want + 1);
		if (out == NULL || uncompress(out, &got, rows, (uLong)n) != Z_OK || got != want)
			abort();
		for (size_t y = 0; y < h; y++)
			if (out[y * ((size_t)w * (size_t)colors + 1)] > 4)
				abort();
		free(out);
		free(rows);
	}
	return 0;
}
