/* buf.c - the byte buffer that content streams, CMaps and the XMP are
 * written into, and PDF's numbers and strings (see internal.h). */
#include "pdf/internal.h"

#include <stdlib.h>

#include "core/mem.h"
#include "core/utf8.h"

void
buf_grow(Buf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->n + n + 1)
		cap *= 2;
	b->p = mem_grow(b->p, cap, 1);
	b->cap = cap;
}

void
buf_num(Buf *b, double v, int decimals)
{
	/* Formatted in place: at most 32 bytes and the terminator. */
	if (b->n + 40 > b->cap)
		buf_grow(b, 40);
	b->n += dl_fmt_num(b->p + b->n, v, decimals);
}

void
buf_int(Buf *b, long v)
{
	buf_num(b, (double)v, 0);
}

const char pdf_hex[] = "0123456789ABCDEF";

void
buf_hex4(Buf *b, unsigned v)
{
	char t[4] = { pdf_hex[(v >> 12) & 15], pdf_hex[(v >> 8) & 15], pdf_hex[(v >> 4) & 15], pdf_hex[v & 15] };
	buf_put(b, t, 4);
}

/* UTF-8 to UTF-16BE code units (no BOM), each written by put. */
void
buf_utf16_lit(Buf *b, const char *s, size_t len)
{
	/* At most four bytes out per byte in: a character of one byte gives
	 * two (one escaped at most), a bad byte U+FFFD's two, one of four a
	 * surrogate pair, every byte of it escaped at worst. */
	if (b->n + 4 * len + 1 > b->cap)
		buf_grow(b, 4 * len);
	char *o = b->p + b->n;
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		if (u[i] < 0x80) {
			cp = u[i++];
		} else if (u[i] == 0xE0 && i + 2 < len && (u[i + 1] == 0xB8 || u[i + 1] == 0xB9) &&
		    (u[i + 2] & 0xC0) == 0x80) {
			cp = (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);   /* U+0E00-U+0E7F */
			i += 3;
		} else {
			size_t k = utf8_decode(s + i, len - i, &cp);
			i += k ? k : 1;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			unsigned hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
			lit_byte(&o, (unsigned char)(hi >> 8));
			lit_byte(&o, (unsigned char)(hi & 0xFF));
			lit_byte(&o, (unsigned char)(lo >> 8));
			lit_byte(&o, (unsigned char)(lo & 0xFF));
		} else {
			lit_byte(&o, (unsigned char)(cp >> 8));
			lit_byte(&o, (unsigned char)(cp & 0xFF));
		}
	}
	b->n = (size_t)(o - b->p);
}

/* A PDF text string (UTF-16BE with BOM) as a binary object. */
HPDF_Binary
pdf_text_string(HPDF_MMgr mmgr, const char *s)
{
	size_t len = strlen(s);
	unsigned char *u = mem_alloc(len * 4 + 2);
	size_t n = 0;
	u[n++] = 0xFE;
	u[n++] = 0xFF;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		unsigned units[2], nu = 0;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			units[nu++] = 0xD800 + (cp >> 10);
			units[nu++] = 0xDC00 + (cp & 0x3FF);
		} else {
			units[nu++] = cp;
		}
		for (unsigned j = 0; j < nu; j++) {
			u[n++] = (unsigned char)(units[j] >> 8);
			u[n++] = (unsigned char)(units[j] & 0xFF);
		}
	}
	HPDF_Binary bin = HPDF_Binary_New(mmgr, u, (HPDF_UINT)n);
	free(u);
	return bin;
}
