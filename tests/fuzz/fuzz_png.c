/* fuzz_png.c - libFuzzer target: the PNG decoder that lays an emblem's
 * alpha on white for PDF/A (pdf/png.c) never reads or writes out of bounds,
 * never leaks, and gives w x h x 3 bytes when it accepts. */
#include <stdint.h>
#include <stdlib.h>

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
			sum += rgb[i];
		free(rgb);
	}
	return 0;
}
