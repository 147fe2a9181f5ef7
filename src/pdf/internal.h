/* internal.h - what the files of pdf/ share, and nothing outside includes:
 * the byte buffer, the writer of one document and its fonts, what a font
 * subset contributes, what is made once from the same bytes, and each
 * file's entry points. pdf_render (pdf.c) takes the steps; the files:
 *
 *   buf.c        the byte buffer; PDF numbers, literal and UTF-16 strings
 *   content.c    each page's content stream: text runs, colours, shapes
 *   images.c     image XObjects (PNG and JPEG), each once per document
 *   fonts.c      a font's dictionaries: Type0, CIDFont, descriptor, CIDSet
 *   subset.c     font subsets with their /W and tag, made once per glyph set
 *   tounicode.c  the ToUnicode CMap, every glyph's Unicode for PDF/A level u
 *   made.c       streams made once per process from the same bytes
 *   streams.c    stream objects holding bytes we made or deflated
 *   archival.c   the Info dictionary, and PDF/A's XMP, output intent and /ID
 *
 * Functions named pdf_ here are pdf/'s own despite the prefix (pdf.h holds
 * the public two); the prefix keeps them from meeting another folder's
 * put_text or image_of at link time. */
#ifndef NITHET_PDF_INTERNAL_H
#define NITHET_PDF_INTERNAL_H

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/diag.h"
#include "typeset/dlist.h"

/* ---- the byte buffer (buf.c) ---- */

typedef struct Buf {
	char *p;
	size_t n, cap;
} Buf;

/* Room for n more bytes and a NUL; b->p may move. The bytes are the
 * buffer owner's to free (free(b->p)). */
void buf_grow(Buf *b, size_t n);

/* Inline: the content stream is written a few bytes at a time. */
static inline void
buf_put(Buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap)
		buf_grow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static inline void
buf_str(Buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/* Two bytes (big-endian v) inside a PDF literal string. Binary strings are
 * half the size of hex ones, and the content streams are most of what is
 * deflated. Escaped: the delimiters, the backslash, and CR and LF (a raw end
 * of line in a literal string reads back as LF). */
static inline void
lit_byte(char **o, unsigned char c)
{
	char *p = *o;
	switch (c) {
	case '(': case ')': case '\\':
		*p++ = '\\';
		*p++ = (char)c;
		break;
	case '\r':
		*p++ = '\\';
		*p++ = 'r';
		break;
	case '\n':
		*p++ = '\\';
		*p++ = 'n';
		break;
	default:
		*p++ = (char)c;
	}
	*o = p;
}

static inline void
buf_lit16(Buf *b, unsigned v)
{
	if (b->n + 5 > b->cap)
		buf_grow(b, 4);
	char *o = b->p + b->n;
	lit_byte(&o, (unsigned char)(v >> 8));
	lit_byte(&o, (unsigned char)(v & 0xFF));
	b->n = (size_t)(o - b->p);
}

/* v with the given decimals, trailing zeros dropped (dl_fmt_num). */
void buf_num(Buf *b, double v, int decimals);
void buf_int(Buf *b, long v);
/* Four hex digits (capitals) of v. */
void buf_hex4(Buf *b, unsigned v);
/* One code point as UTF-16BE code units, each written by put (buf_hex4:
 * the ToUnicode maps, for every glyph, hence inline). */
static inline void
buf_cp16(Buf *b, uint32_t cp, void (*put)(Buf *, unsigned))
{
	if (cp >= 0x10000) {
		cp -= 0x10000;
		put(b, 0xD800 + (cp >> 10));
		put(b, 0xDC00 + (cp & 0x3FF));
	} else {
		put(b, cp);
	}
}

/* UTF-8 to UTF-16BE code units (no BOM) inside a literal string, as
 * buf_lit16 writes each: an ActualText, so every line of every page; ASCII
 * and Thai decoded inline. */
void buf_utf16_lit(Buf *b, const char *s, size_t len);

/* "0123456789ABCDEF" */
extern const char pdf_hex[];

/* A PDF text string (UTF-16BE with BOM) as a binary object of mmgr's
 * document (which frees it). */
HPDF_Binary pdf_text_string(HPDF_MMgr mmgr, const char *s);

/* ---- one document ---- */

typedef struct PdfErr {
	HPDF_STATUS code, detail;
} PdfErr;

/* What one font subset contributes to a PDF. */
typedef struct Embed {
	uint64_t hash;                /* set_hash of set: makes the tag */
	uint8_t *set;                 /* [nglyphs] */
	char tag[7];
	unsigned char *file;          /* the subset, deflated */
	size_t file_len, file_len1;   /* its deflated and plain sizes */
	unsigned char *tu;            /* the ToUnicode CMap, deflated */
	size_t tu_len;
	char *w;                      /* "/W [...]\n" for the CIDFont dictionary */
	size_t w_len;
	/* Its ToUnicode maps every glyph it can (PDF/A level u), not only
	 * those the cmap reaches; a glyph of the set it cannot, 0 none. */
	int strict;
	unsigned unmapped;
	/* Guarded by subset.c's cache_lock: writers using it, whether the table holds it,
	 * and when it was last used (for replacement). */
	unsigned refs;
	int cached;
	unsigned long long stamp;
} Embed;

/* Bytes libharu reads straight from our memory (the cached font data),
 * instead of a copy in a memory stream of the document. */
typedef struct RawSrc {
	const unsigned char *p;
	size_t n, at;
} RawSrc;

typedef struct PdfFont {
	const DlFont *src;
	HPDF_Dict type0, cid, desc;
	uint8_t *used;                /* [nglyphs] */
	int16_t *w1000;               /* advance in 1/1000 em */
	Embed *embed;
	RawSrc raw[2];                /* its ToUnicode and FontFile2 bytes */
	int strict;                   /* PDF/A level u: every glyph drawn mapped
	                               * to Unicode, no .notdef drawn */
} PdfFont;

typedef struct Writer {
	HPDF_Doc pdf;
	PdfErr err;
	const DisplayList *dl;
	PdfFont *fonts;
	Buf content;
	unsigned char *zout;          /* a page's content, deflated */
	size_t zout_cap;
	/* Images, each embedded once however many pages show it. */
	struct { const unsigned char *data; HPDF_Image image; } *images;
	size_t nimages, cap_images;
	const char *bad_image;        /* the image libharu could not read */
} Writer;

static inline long
to1000(const DlFont *f, long units)
{
	long v = units * 1000;
	return v >= 0 ? (v + (long)f->upem / 2) / (long)f->upem : -((-v + (long)f->upem / 2) / (long)f->upem);
}

/* ---- the steps ---- */

/* content.c: page pg's content stream, deflated into page's contents;
 * its fonts are created (pdf_font_create) and its images loaded
 * (pdf_image_of) on first use, and the glyphs drawn marked in each font's
 * used[]. */
void pdf_put_page(Writer *w, HPDF_Page page, const DlPage *pg);

/* images.c: the image XObject for im's bytes, loaded on first use and
 * owned by w's document; NULL (and w->bad_image set) when libharu cannot
 * read them. */
HPDF_Image pdf_image_of(Writer *w, const DlImage *im);

/* fonts.c: pf's Type0, CIDFont and descriptor dictionaries (made when a
 * page first draws with it); and when the pages are done, its subset,
 * ToUnicode and /W (pdf_font_finish: 0, or -1 when subsetting failed;
 * pf->embed is then given back by pdf_render); the PDF/A-1 /CIDSet. */
void pdf_font_create(Writer *w, PdfFont *pf);
int pdf_font_finish(Writer *w, PdfFont *pf);
void pdf_put_cidset(Writer *w, PdfFont *pf);

/* subset.c: the embedding of pf's glyphs, from the process-wide cache or
 * made; NULL when subsetting failed. Every one got is given back with
 * embed_put. embed_release frees the cache (pdf_release). */
Embed *embed_get(const PdfFont *pf);
void embed_put(Embed *e);
void embed_release(void);

/* tounicode.c: the ToUnicode CMap of f's glyphs in set into cm; strict
 * (PDF/A level u) maps every glyph it can and sets *unmapped to one it
 * cannot (0: none). */
void tounicode_text(const DlFont *f, const uint8_t *set, int strict, Buf *cm, unsigned *unmapped);

/* made.c: what kind makes of the n bytes at src, made once per process.
 * 0 and *out filled (its data owned by the cache, or by the caller when
 * *owned), or -1 when it cannot be made. made_release frees the cache. */
typedef enum MadeKind { MADE_PROFILE, MADE_PNG_ROWS, MADE_PNG_ON_WHITE } MadeKind;

typedef struct Made {
	MadeKind kind;
	uint64_t hash;
	size_t src_len;
	unsigned char *data;          /* deflated */
	size_t len;
	unsigned w, h;                /* images */
	int colors;
} Made;

int made_get(MadeKind kind, const unsigned char *src, size_t n, Made *out, int *owned);
void made_release(void);

/* streams.c: stream objects of w's document (which frees them; NULL when
 * libharu fails). deflated_stream reads src's bytes, already deflated,
 * when the document is saved (src must live until then); plain_stream
 * holds n bytes, deflated here unless plain; deflated_copy holds n bytes
 * already deflated, copied. write_flate_name is the dictionary hook that
 * writes /Filter /FlateDecode for a stream libharu does not compress. */
HPDF_STATUS write_flate_name(HPDF_Dict d, HPDF_Stream out);
HPDF_Dict deflated_stream(Writer *w, RawSrc *src);
HPDF_Dict plain_stream(Writer *w, const void *bytes, size_t n, int plain);
HPDF_Dict deflated_copy(Writer *w, const unsigned char *bytes, size_t n);

/* archival.c, all into w's document: the Info dictionary (every document;
 * xmp_date, of at least 32 bytes, gets the date's XMP form or ""); for
 * PDF/A the XMP packet, the output intent (0, or -1 after reporting
 * through d) and the trailer's /ID. */
/* The producer named in the Info dictionary and the XMP alike. */
#define PDF_PRODUCER "nithet (libharu " HPDF_VERSION_TEXT ")"
void pdf_put_info(Writer *w, char *xmp_date);
void pdf_put_metadata(Writer *w, const char *producer, const char *date);
int pdf_put_output_intent(Writer *w, Diag *d);
void pdf_put_id(Writer *w);

#endif
