/* pdf.c - the display list into PDF bytes through libharu's object layer.
 *
 * libharu's own text calls are never used: they map CID = code point, drop
 * shaping, write a broken ToUnicode and embed every font loaded. Instead each
 * font is our own Type0 dictionary, glyph ids go straight into TJ arrays and
 * the fonts are subset with hb-subset when the document is finished. */
#include "pdf/pdf.h"

#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mem.h"
#include "core/utf8.h"

typedef struct PdfErr {
	HPDF_STATUS code, detail;
} PdfErr;

/* libharu reports through this callback: record and return, never longjmp. */
static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	PdfErr *e = user;
	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
	}
}

typedef struct Buf {
	char *p;
	size_t n, cap;
} Buf;

static void
buf_put(Buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n + 1)
			cap *= 2;
		b->p = mem_grow(b->p, cap, 1);
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
buf_str(Buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static void
buf_num(Buf *b, double v, int decimals)
{
	char t[40];
	size_t n = dl_fmt_num(t, v, decimals);
	buf_put(b, t, n);
}

static void
buf_int(Buf *b, long v)
{
	buf_num(b, (double)v, 0);
}

static const char HEX[] = "0123456789ABCDEF";

static void
buf_hex4(Buf *b, unsigned v)
{
	char t[4] = { HEX[(v >> 12) & 15], HEX[(v >> 8) & 15], HEX[(v >> 4) & 15], HEX[v & 15] };
	buf_put(b, t, 4);
}

/* UTF-8 to UTF-16BE hex (no BOM). */
static void
buf_utf16hex(Buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			buf_hex4(b, 0xD800 + (cp >> 10));
			buf_hex4(b, 0xDC00 + (cp & 0x3FF));
		} else {
			buf_hex4(b, cp);
		}
	}
}

/* A PDF text string (UTF-16BE with BOM) as a binary object. */
static HPDF_Binary
text_string(HPDF_MMgr mmgr, const char *s)
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

typedef struct PdfFont {
	const DlFont *src;
	HPDF_Dict type0, cid, desc;
	uint8_t *used;                /* [nglyphs] */
	int16_t *w1000;               /* advance in 1/1000 em */
} PdfFont;

typedef struct Writer {
	HPDF_Doc pdf;
	PdfErr err;
	const DisplayList *dl;
	PdfFont *fonts;
	Buf content;
} Writer;

static long
to1000(const DlFont *f, long units)
{
	long v = units * 1000;
	return v >= 0 ? (v + (long)f->upem / 2) / (long)f->upem : -((-v + (long)f->upem / 2) / (long)f->upem);
}

static void
font_create(Writer *w, PdfFont *pf)
{
	HPDF_MMgr mmgr = w->pdf->mmgr;
	HPDF_Xref xref = w->pdf->xref;
	const DlFont *f = pf->src;
	pf->used = mem_alloc(f->nglyphs);
	pf->used[0] = 1;
	pf->w1000 = mem_array(f->nglyphs, sizeof *pf->w1000);
	for (unsigned g = 0; g < f->nglyphs; g++)
		pf->w1000[g] = (int16_t)to1000(f, f->advance[g]);

	pf->type0 = HPDF_Dict_New(mmgr);
	HPDF_Xref_Add(xref, pf->type0);
	HPDF_Dict_AddName(pf->type0, "Type", "Font");
	HPDF_Dict_AddName(pf->type0, "Subtype", "Type0");
	HPDF_Dict_AddName(pf->type0, "Encoding", "Identity-H");

	pf->cid = HPDF_Dict_New(mmgr);
	HPDF_Xref_Add(xref, pf->cid);
	HPDF_Dict_AddName(pf->cid, "Type", "Font");
	HPDF_Dict_AddName(pf->cid, "Subtype", "CIDFontType2");
	HPDF_Dict info = HPDF_Dict_New(mmgr);
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);
	HPDF_Dict_Add(pf->cid, "CIDSystemInfo", info);
	HPDF_Dict_AddName(pf->cid, "CIDToGIDMap", "Identity");
	HPDF_Dict_AddNumber(pf->cid, "DW", 0);
	HPDF_Array desc_fonts = HPDF_Array_New(mmgr);
	HPDF_Array_Add(desc_fonts, pf->cid);
	HPDF_Dict_Add(pf->type0, "DescendantFonts", desc_fonts);

	pf->desc = HPDF_Dict_New(mmgr);
	HPDF_Xref_Add(xref, pf->desc);
	HPDF_Dict_AddName(pf->desc, "Type", "FontDescriptor");
	HPDF_Dict_AddNumber(pf->desc, "Flags", 4);
	HPDF_Array bbox = HPDF_Array_New(mmgr);
	for (int i = 0; i < 4; i++)
		HPDF_Array_AddNumber(bbox, (HPDF_INT32)to1000(f, f->bbox[i]));
	HPDF_Dict_Add(pf->desc, "FontBBox", bbox);
	HPDF_Dict_AddNumber(pf->desc, "ItalicAngle", 0);
	HPDF_Dict_AddNumber(pf->desc, "Ascent", (HPDF_INT32)to1000(f, f->ascent));
	HPDF_Dict_AddNumber(pf->desc, "Descent", (HPDF_INT32)to1000(f, f->descent));
	HPDF_Dict_AddNumber(pf->desc, "CapHeight", (HPDF_INT32)to1000(f, f->cap_height));
	HPDF_Dict_AddNumber(pf->desc, "StemV", f->bold ? 120 : 80);
	HPDF_Dict_Add(pf->cid, "FontDescriptor", pf->desc);
}

/* The subset tag: six capitals derived from the glyph set, so that equal
 * input gives equal bytes (SOURCE_DATE_EPOCH reproducibility). */
static void
subset_tag(const PdfFont *pf, char tag[7])
{
	uint64_t h = 1469598103934665603ULL;
	for (unsigned g = 0; g < pf->src->nglyphs; g++) {
		if (pf->used[g]) {
			h ^= g;
			h *= 1099511628211ULL;
		}
	}
	for (const char *s = pf->src->ps_name; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

static int
font_finish(Writer *w, PdfFont *pf)
{
	HPDF_MMgr mmgr = w->pdf->mmgr;
	const DlFont *f = pf->src;
	char tag[7], name[128];
	subset_tag(pf, tag);
	snprintf(name, sizeof name, "%s+%s", tag, f->ps_name);
	HPDF_Dict_AddName(pf->type0, "BaseFont", name);
	HPDF_Dict_AddName(pf->cid, "BaseFont", name);
	HPDF_Dict_AddName(pf->desc, "FontName", name);

	/* /W: runs of consecutive glyph ids share one array. */
	HPDF_Array wa = HPDF_Array_New(mmgr);
	for (unsigned g = 0; g < f->nglyphs;) {
		if (!pf->used[g]) {
			g++;
			continue;
		}
		HPDF_Array_AddNumber(wa, (HPDF_INT32)g);
		HPDF_Array inner = HPDF_Array_New(mmgr);
		while (g < f->nglyphs && pf->used[g]) {
			HPDF_Array_AddNumber(inner, pf->w1000[g]);
			g++;
		}
		HPDF_Array_Add(wa, inner);
	}
	HPDF_Dict_Add(pf->cid, "W", wa);

	/* ToUnicode: bfchar blocks of at most 100 entries. */
	Buf cm = { 0 };
	buf_str(&cm, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	unsigned g = 0;
	for (;;) {
		unsigned batch[100], nb = 0;
		for (; g < f->nglyphs && nb < 100; g++)
			if (pf->used[g] && f->gid_unicode[g])
				batch[nb++] = g;
		if (nb == 0)
			break;
		buf_int(&cm, (long)nb);
		buf_str(&cm, " beginbfchar\n");
		for (unsigned i = 0; i < nb; i++) {
			char u8[4];
			size_t k = utf8_encode(f->gid_unicode[batch[i]], u8);
			buf_str(&cm, "<");
			buf_hex4(&cm, batch[i]);
			buf_str(&cm, "> <");
			buf_utf16hex(&cm, u8, k);
			buf_str(&cm, ">\n");
		}
		buf_str(&cm, "endbfchar\n");
	}
	buf_str(&cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Dict tu = HPDF_DictStream_New(mmgr, w->pdf->xref);
	tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)cm.p, (HPDF_UINT)cm.n);
	free(cm.p);
	HPDF_Dict_Add(pf->type0, "ToUnicode", tu);

	/* The subset keeps glyph ids, so CIDToGIDMap /Identity stays true. */
	hb_blob_t *blob = hb_blob_create((const char *)f->data, (unsigned)f->len,
		HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (in == NULL) {
		hb_face_destroy(face);
		hb_blob_destroy(blob);
		return -1;
	}
	hb_set_t *gs = hb_subset_input_glyph_set(in);
	for (unsigned i = 0; i < f->nglyphs; i++)
		if (pf->used[i])
			hb_set_add(gs, i);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char *const tables[] = { "GSUB", "GPOS", "GDEF", "kern", "morx", "BASE",
		"JSTF", "MATH", "DSIG", "FFTM", "meta" };
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		hb_set_add(drop, hb_tag_from_string(tables[i], 4));
	hb_face_t *sub = hb_subset_or_fail(face, in);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	if (sub == NULL)
		return -1;
	hb_blob_t *out = hb_face_reference_blob(sub);
	unsigned olen = 0;
	const char *odata = hb_blob_get_data(out, &olen);
	HPDF_Dict ff = HPDF_DictStream_New(mmgr, w->pdf->xref);
	ff->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_Write(ff->stream, (const HPDF_BYTE *)odata, olen);
	HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)olen);
	HPDF_Dict_Add(pf->desc, "FontFile2", ff);
	hb_blob_destroy(out);
	hb_face_destroy(sub);
	return olen > 0 ? 0 : -1;
}

static void
put_color(Buf *b, DlColor c, const char *op)
{
	buf_num(b, c.r / 255.0, 3);
	buf_str(b, " ");
	buf_num(b, c.g / 255.0, 3);
	buf_str(b, " ");
	buf_num(b, c.b / 255.0, 3);
	buf_str(b, op);
}

/* One run as a TJ array. Positions are absolute from the run origin, so the
 * glyphs may be drawn in any order: trailing zero-advance marks go before
 * their base so that the last glyph drawn advances (poppler sizes the span
 * from the last glyph). */
static void
put_run(Buf *b, PdfFont *pf, const DlRun *run)
{
	const DlFont *f = pf->src;
	size_t n = run->n;
	size_t order_s[64];
	size_t *order = n <= 64 ? order_s : mem_array(n, sizeof *order);
	long *pen = mem_array(n + 1, sizeof *pen);
	for (size_t i = 0; i < n; i++) {
		order[i] = i;
		pen[i + 1] = pen[i] + run->glyphs[i].adv;
	}
	size_t m = n;
	while (m > 0 && run->glyphs[m - 1].adv == 0)
		m--;
	if (m > 0 && m < n) {
		size_t base = m - 1, k = base;
		for (size_t i = m; i < n; i++)
			order[k++] = i;
		order[k] = base;
	}
	double size = run->size;
	double cur = 0;       /* PDF's pen, in thousandths of text space */
	double rise = 0;
	buf_str(b, "[");
	for (size_t oi = 0; oi < n; oi++) {
		size_t i = order[oi];
		const DlGlyph *g = &run->glyphs[i];
		pf->used[g->gid < f->nglyphs ? g->gid : 0] = 1;
		double target = (double)(pen[i] + g->dx) * 1000.0 / (double)f->upem;
		double gr = (double)g->dy * size / (double)f->upem;
		if (gr != rise) {
			buf_str(b, "] TJ ");
			buf_num(b, gr, 2);
			buf_str(b, " Ts [");
			rise = gr;
		}
		long adj = (long)(cur - target >= 0 ? cur - target + 0.5 : cur - target - 0.5);
		if (adj != 0) {
			buf_int(b, adj);
			cur -= (double)adj;
		}
		buf_str(b, "<");
		buf_hex4(b, g->gid);
		buf_str(b, ">");
		cur += g->gid < f->nglyphs ? pf->w1000[g->gid] : 0;
	}
	buf_str(b, "] TJ\n");
	if (rise != 0)
		buf_str(b, "0 Ts\n");
	free(pen);
	if (order != order_s)
		free(order);
}

static void
put_text(Writer *w, HPDF_Page page, const char **names, const DlText *t)
{
	Buf *b = &w->content;
	buf_str(b, "/Span <</ActualText <FEFF");
	buf_utf16hex(b, t->text, strlen(t->text));
	buf_str(b, ">>> BDC\nBT\n");
	int cur_font = -1;
	double cur_size = -1;
	for (size_t r = 0; r < t->nruns; r++) {
		const DlRun *run = &t->runs[r];
		PdfFont *pf = &w->fonts[run->font];
		if (pf->type0 == NULL)
			font_create(w, pf);
		if (names[run->font] == NULL)
			names[run->font] = HPDF_Page_GetLocalFontName(page, (HPDF_Font)pf->type0);
		if (run->font != cur_font || run->size != cur_size) {
			buf_str(b, "/");
			buf_str(b, names[run->font] ? names[run->font] : "F0");
			buf_str(b, " ");
			buf_num(b, run->size, 3);
			buf_str(b, " Tf\n");
			cur_font = run->font;
			cur_size = run->size;
		}
		buf_str(b, "1 0 0 1 ");
		buf_num(b, run->x, 3);
		buf_str(b, " ");
		buf_num(b, run->y, 3);
		buf_str(b, " Tm\n");
		put_run(b, pf, run);
	}
	buf_str(b, "ET\nEMC\n");
}

static void
put_page(Writer *w, HPDF_Page page, const DlPage *pg)
{
	const char **names = mem_array(w->dl->nfonts + 1, sizeof *names);
	Buf *b = &w->content;
	b->n = 0;
	for (size_t i = 0; i < pg->nitems; i++) {
		const DlItem *it = &pg->items[i];
		switch (it->kind) {
		case DL_TEXT:
			put_text(w, page, names, &it->u.text);
			break;
		case DL_RECT: {
			const char *op = NULL;
			if (!it->u.rect.fill.none && !it->u.rect.stroke.none)
				op = " re B Q\n";
			else if (!it->u.rect.fill.none)
				op = " re f Q\n";
			else if (!it->u.rect.stroke.none)
				op = " re S Q\n";
			if (op == NULL)
				break;
			buf_str(b, "q ");
			if (!it->u.rect.fill.none)
				put_color(b, it->u.rect.fill, " rg ");
			if (!it->u.rect.stroke.none) {
				put_color(b, it->u.rect.stroke, " RG ");
				buf_num(b, it->u.rect.lw, 2);
				buf_str(b, " w ");
			}
			buf_num(b, it->u.rect.x, 2);
			buf_str(b, " ");
			buf_num(b, it->u.rect.y, 2);
			buf_str(b, " ");
			buf_num(b, it->u.rect.w, 2);
			buf_str(b, " ");
			buf_num(b, it->u.rect.h, 2);
			buf_str(b, op);
			break;
		}
		case DL_LINE:
			buf_str(b, "q ");
			put_color(b, it->u.line.stroke, " RG ");
			buf_num(b, it->u.line.lw, 2);
			buf_str(b, " w ");
			buf_num(b, it->u.line.x1, 2);
			buf_str(b, " ");
			buf_num(b, it->u.line.y1, 2);
			buf_str(b, " m ");
			buf_num(b, it->u.line.x2, 2);
			buf_str(b, " ");
			buf_num(b, it->u.line.y2, 2);
			buf_str(b, " l S Q\n");
			break;
		}
	}
	HPDF_Stream stream = ((HPDF_PageAttr)page->attr)->stream;
	HPDF_Stream_Write(stream, (const HPDF_BYTE *)b->p, (HPDF_UINT)b->n);
	free(names);
}

static void
set_info(Writer *w, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	HPDF_Dict_Add(w->pdf->info, key, text_string(w->pdf->mmgr, value));
}

static void
put_info(Writer *w)
{
	const DisplayList *dl = w->dl;
	/* HPDF_SetInfoAttr creates the Info dictionary; the Thai values are then
	 * replaced by UTF-16BE strings (libharu would write them as PDFDocEncoding). */
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, "nithet");
	set_info(w, "Title", dl->title);
	set_info(w, "Author", dl->author);
	set_info(w, "Subject", dl->subject);
	set_info(w, "Keywords", dl->keywords);
	set_info(w, "Creator", dl->creator);
	time_t t = (time_t)dl->created;
	struct tm tm;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	HPDF_Date date = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		tm.tm_sec, 'Z', 0, 0 };
	HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, date);
}

static void
put_outlines(Writer *w, HPDF_Page *pages)
{
	const DisplayList *dl = w->dl;
	if (dl->nmarks == 0)
		return;
	HPDF_Outline parent[8] = { NULL };
	for (size_t i = 0; i < dl->nmarks; i++) {
		const DlMark *m = &dl->marks[i];
		int lv = m->level < 1 ? 1 : m->level > 7 ? 7 : m->level;
		HPDF_Outline up = NULL;
		for (int k = lv - 1; k >= 1 && up == NULL; k--)
			up = parent[k];
		HPDF_Outline o = HPDF_CreateOutline(w->pdf, up, "-", NULL);
		if (o == NULL)
			return;
		HPDF_Dict_Add(o, "Title", text_string(w->pdf->mmgr, m->title));
		HPDF_Destination dst = HPDF_Page_CreateDestination(pages[m->page]);
		HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)m->y, 1);
		HPDF_Outline_SetDestination(o, dst);
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		parent[lv] = o;
		for (int k = lv + 1; k < 8; k++)
			parent[k] = NULL;
	}
	HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

int
pdf_render(const DisplayList *dl, unsigned char **out, size_t *len, Diag *d)
{
	*out = NULL;
	*len = 0;
	Writer w = { 0 };
	w.dl = dl;
	w.pdf = HPDF_New(on_error, &w.err);
	if (w.pdf == NULL) {
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "cannot start a PDF (HPDF_New failed); out of memory?");
		return -1;
	}
	HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
	w.fonts = mem_array(dl->nfonts + 1, sizeof *w.fonts);
	for (size_t i = 0; i < dl->nfonts; i++)
		w.fonts[i].src = dl->fonts[i];
	HPDF_Page *pages = mem_array(dl->npages + 1, sizeof *pages);
	for (size_t p = 0; p < dl->npages && w.err.code == 0; p++) {
		pages[p] = HPDF_AddPage(w.pdf);
		if (pages[p] == NULL)
			break;
		HPDF_Page_SetWidth(pages[p], (HPDF_REAL)dl->pages[p].w);
		HPDF_Page_SetHeight(pages[p], (HPDF_REAL)dl->pages[p].h);
		put_page(&w, pages[p], &dl->pages[p]);
	}
	int rc = 0;
	for (size_t i = 0; i < dl->nfonts && w.err.code == 0; i++)
		if (w.fonts[i].type0 && font_finish(&w, &w.fonts[i]) < 0)
			rc = -1;
	if (w.err.code == 0 && rc == 0) {
		put_info(&w);
		put_outlines(&w, pages);
	}
	if (w.err.code == 0 && rc == 0 && HPDF_SaveToStream(w.pdf) == HPDF_OK) {
		HPDF_UINT32 size = HPDF_GetStreamSize(w.pdf);
		unsigned char *bytes = mem_alloc(size + 1);
		HPDF_UINT32 got = size;
		HPDF_ReadFromStream(w.pdf, bytes, &got);
		if (got != size) {
			free(bytes);
			rc = -1;
		} else {
			*out = bytes;
			*len = got;
		}
	} else {
		rc = -1;
	}
	if (rc < 0)
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0,
			"cannot build the PDF (libharu error 0x%04X, detail %u; font subsetting %s)",
			(unsigned)w.err.code, (unsigned)w.err.detail, w.err.code ? "not reached" : "failed");
	for (size_t i = 0; i < dl->nfonts; i++) {
		free(w.fonts[i].used);
		free(w.fonts[i].w1000);
	}
	free(w.fonts);
	free(pages);
	free(w.content.p);
	HPDF_Free(w.pdf);
	return rc;
}
