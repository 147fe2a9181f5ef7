/* png.c - a PNG's rows as they are, or laid on white (see png.h). */
#include "pdf/png.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/mem.h"

/* The channels of an 8-bit, not interlaced PNG of at most 4000 pixels a
 * side (grey 1, grey-alpha 2, RGB 3, RGBA 4; 0 for any other) and its
 * size, from its IHDR. */
static int
png_header(const unsigned char *png, size_t len, unsigned *wp, unsigned *hp)
{
	if (len < 33 || memcmp(png, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(png + 12, "IHDR", 4) != 0)
		return 0;
	const unsigned char *ih = png + 16;
	unsigned w = (unsigned)ih[0] << 24 | (unsigned)ih[1] << 16 | (unsigned)ih[2] << 8 | ih[3];
	unsigned h = (unsigned)ih[4] << 24 | (unsigned)ih[5] << 16 | (unsigned)ih[6] << 8 | ih[7];
	int depth = ih[8], type = ih[9], interlace = ih[12];
	int ch = type == 6 ? 4 : type == 4 ? 2 : type == 2 ? 3 : type == 0 ? 1 : 0;
	if (depth != 8 || interlace != 0 || w == 0 || h == 0 || w > 4000 || h > 4000)
		return 0;
	*wp = w;
	*hp = h;
	return ch;
}

/* An 8-bit RGBA or grey-alpha PNG (not interlaced) as RGB on white: what
 * an archival PDF, without transparency, can show of it. NULL for any
 * other PNG, or a damaged one. */
unsigned char *
png_on_white(const unsigned char *png, size_t len, unsigned *wp, unsigned *hp)
{
	unsigned w, h;
	int ch = png_header(png, len, &w, &h);
	if (ch != 2 && ch != 4)
		return NULL;
	size_t stride = (size_t)w * (size_t)ch, raw_len = (stride + 1) * h;
	unsigned char *raw = mem_alloc(raw_len), *prev = mem_alloc(stride), *rgb = mem_alloc((size_t)w * h * 3);
	z_stream z = { 0 };
	int inited = inflateInit(&z) == Z_OK, ok = inited, zrc = Z_OK;
	z.next_out = raw;
	z.avail_out = (uInt)raw_len;
	for (size_t at = 8; ok && at + 12 <= len;) {
		size_t n = (size_t)png[at] << 24 | (size_t)png[at + 1] << 16 | (size_t)png[at + 2] << 8 | png[at + 3];
		if (n > len - at - 12)
			break;
		if (memcmp(png + at + 4, "IDAT", 4) == 0 && zrc == Z_OK) {
			z.next_in = (unsigned char *)png + at + 8;
			z.avail_in = (uInt)n;
			zrc = inflate(&z, Z_NO_FLUSH);
			if (zrc != Z_OK && zrc != Z_STREAM_END)
				ok = 0;
		}
		at += n + 12;
	}
	if (inited)
		inflateEnd(&z);
	ok = ok && z.total_out == raw_len;
	/* Undo the filters row by row, then lay each pixel on white. */
	for (unsigned y = 0; ok && y < h; y++) {
		unsigned char *row = raw + (stride + 1) * y + 1;
		int f = row[-1];
		if (f > 4) {
			ok = 0;
			break;
		}
		/* Each filter its own loop: all four predictors computed for
		 * every byte took most of an emblem's 12 million instructions. */
		size_t c0 = (size_t)ch;       /* the first byte with a left neighbour */
		if (f == 1) {
			for (size_t i = c0; i < stride; i++)
				row[i] = (unsigned char)(row[i] + row[i - c0]);
		} else if (f == 2) {
			for (size_t i = 0; i < stride; i++)
				row[i] = (unsigned char)(row[i] + prev[i]);
		} else if (f == 3) {
			for (size_t i = 0; i < stride; i++)
				row[i] = (unsigned char)(row[i] + ((i >= c0 ? row[i - c0] : 0) + prev[i]) / 2);
		} else if (f == 4) {
			for (size_t i = 0; i < stride; i++) {
				int a = i >= c0 ? row[i - c0] : 0, b = prev[i], c = i >= c0 ? prev[i - c0] : 0;
				int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
				row[i] = (unsigned char)(row[i] + ((pa <= pb && pa <= pc) ? a : pb <= pc ? b : c));
			}
		}
		memcpy(prev, row, stride);
		for (unsigned x = 0; x < w; x++) {
			const unsigned char *px = row + (size_t)x * ch;
			unsigned alpha = px[ch - 1];
			for (int k = 0; k < 3; k++) {
				unsigned v = ch == 4 ? px[k] : px[0];
				rgb[((size_t)y * w + x) * 3 + k] = (unsigned char)((v * alpha + 255 * (255 - alpha) + 127) / 255);
			}
		}
	}
	free(raw);
	free(prev);
	if (!ok) {
		free(rgb);
		return NULL;
	}
	*wp = w;
	*hp = h;
	return rgb;
}

unsigned char *
png_rows(const unsigned char *png, size_t len, size_t *lenp, unsigned *wp, unsigned *hp, int *colorsp)
{
	unsigned w, h;
	int ch = png_header(png, len, &w, &h);
	if (ch != 1 && ch != 3)
		return NULL;
	unsigned char *idat = mem_alloc_raw(len);
	size_t n_idat = 0;
	for (size_t at = 8; at + 12 <= len;) {
		size_t n = (size_t)png[at] << 24 | (size_t)png[at + 1] << 16 | (size_t)png[at + 2] << 8 | png[at + 3];
		if (n > len - at - 12)
			break;
		if (memcmp(png + at + 4, "IDAT", 4) == 0) {
			memcpy(idat + n_idat, png + at + 8, n);
			n_idat += n;
		}
		at += n + 12;
	}
	/* The check: the stream inflates to exactly h rows, each with a filter
	 * PDF knows (0-4). One row at a time: no image-sized buffer. */
	size_t stride = (size_t)w * (size_t)ch + 1;
	unsigned char *row = mem_alloc_raw(stride);
	z_stream z = { 0 };
	int ok = n_idat > 0 && inflateInit(&z) == Z_OK, inited = ok, zrc = Z_OK;
	z.next_in = idat;
	z.avail_in = (uInt)n_idat;
	for (unsigned y = 0; ok && y < h; y++) {
		z.next_out = row;
		z.avail_out = (uInt)stride;
		zrc = inflate(&z, Z_SYNC_FLUSH);
		ok = (zrc == Z_OK || zrc == Z_STREAM_END) && z.avail_out == 0 && row[0] <= 4 &&
		    (zrc == Z_OK || y + 1 == h);
	}
	if (ok && zrc != Z_STREAM_END) {
		/* All rows read: the stream must end here, with nothing after. */
		unsigned char extra;
		z.next_out = &extra;
		z.avail_out = 1;
		ok = inflate(&z, Z_FINISH) == Z_STREAM_END && z.avail_out == 1;
	}
	if (inited)
		inflateEnd(&z);
	free(row);
	if (!ok) {
		free(idat);
		return NULL;
	}
	*lenp = n_idat;
	*wp = w;
	*hp = h;
	*colorsp = ch;
	return idat;
}
