/* pdf.c - the display list into PDF bytes through libharu's object layer:
 * pdf_render takes the steps (see internal.h) for one document, its pages,
 * outlines and page labels; pdf_release frees what is kept for the process.
 *
 * libharu's own text calls are never used: they map CID = code point, drop
 * shaping, write a broken ToUnicode and embed every font loaded. Instead each
 * font is our own Type0 dictionary, glyph ids go straight into TJ arrays and
 * the fonts are subset with hb-subset when the document is finished (once
 * per glyph set and process: see subset.c). */
#include "pdf/pdf.h"
#include "pdf/internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/i18n.h"
#include "core/mem.h"

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

void
pdf_release(void)
{
	embed_release();
	made_release();
}

/* /PageLabels when the pages carry labels: each front-matter page its own
 * range with its letter as the prefix (PDF has no Thai numbering style),
 * and the body one decimal range from 1, so a viewer shows "ก" and "3"
 * where the page prints them. */
static void
put_page_labels(Writer *w)
{
	const DisplayList *dl = w->dl;
	if (dl->npages == 0 || dl->pages[0].label == NULL)
		return;
	HPDF_MMgr mmgr = w->pdf->mmgr;
	HPDF_Dict labels = HPDF_Dict_New(mmgr);
	HPDF_Array nums = HPDF_Array_New(mmgr);
	if (labels == NULL || nums == NULL)
		return;
	int in_body = 0;
	for (size_t p = 0; p < dl->npages; p++) {
		const DlPage *pg = &dl->pages[p];
		if (pg->body_first)
			in_body = 1;
		if (in_body && !pg->body_first)
			continue;
		HPDF_Dict range = HPDF_Dict_New(mmgr);
		if (range == NULL)
			return;
		if (in_body) {
			HPDF_Dict_AddName(range, "S", "D");
		} else {
			const char *label = pg->label && *pg->label ? pg->label : "ปก";
			HPDF_Dict_Add(range, "P", pdf_text_string(mmgr, label));
		}
		HPDF_Array_AddNumber(nums, (HPDF_INT32)p);
		HPDF_Array_Add(nums, range);
	}
	HPDF_Dict_Add(labels, "Nums", nums);
	HPDF_Dict_Add(w->pdf->catalog, "PageLabels", labels);
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
		HPDF_Dict_Add(o, "Title", pdf_text_string(w->pdf->mmgr, m->title));
		/* [page /XYZ left top zoom] written in the outline item itself:
		 * a destination of its own object is what PDF/A validators
		 * (PDFBox) do not take. */
		HPDF_Array dst = HPDF_Array_New(w->pdf->mmgr);
		if (dst == NULL)
			return;
		HPDF_Array_Add(dst, pages[m->page]);
		HPDF_Array_AddName(dst, "XYZ");
		HPDF_Array_AddNumber(dst, 0);
		HPDF_Array_AddReal(dst, (HPDF_REAL)m->y);
		HPDF_Array_AddNumber(dst, 1);
		HPDF_Dict_Add(o, "Dest", dst);
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		parent[lv] = o;
		for (int k = lv + 1; k < 8; k++)
			parent[k] = NULL;
	}
	HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* libharu's small objects come from an arena of the thread's, not from
 * malloc one by one (92,000 malloc and free calls a bundled build, 5 % of
 * its instructions): they live as long as their document, and the arena
 * goes when the thread's last open document does. What libharu frees
 * before the end is mostly its lists' arrays, replaced by larger ones as
 * they grow (a document's objects, a page tree): HPDF_BIG bytes and more
 * come from malloc and go back when libharu frees them, or a 5,000-page
 * document would keep every old copy. libharu's own memory pool would do
 * the rest alike but hands out addresses of any alignment. Its allocator
 * is given no context, hence thread-local: each document is written by
 * one thread from pdf_begin to pdf_finish. */
#define HPDF_BIG 16384
static _Thread_local Arena *hpdf_arena;
static _Thread_local int hpdf_docs;
/* The big blocks given out and not yet freed: a handful, one or two per
 * list libharu keeps. */
static _Thread_local void **hpdf_big;
static _Thread_local size_t hpdf_nbig, hpdf_capbig;

static void *
hpdf_alloc(HPDF_UINT size)
{
	if (size < HPDF_BIG)
		return arena_alloc(hpdf_arena, size);
	if (hpdf_nbig == hpdf_capbig) {
		hpdf_capbig = hpdf_capbig ? 2 * hpdf_capbig : 16;
		hpdf_big = mem_grow(hpdf_big, hpdf_capbig, sizeof *hpdf_big);
	}
	void *p = mem_alloc_raw(size);
	hpdf_big[hpdf_nbig++] = p;
	return p;
}

static void
hpdf_free(void *p)
{
	/* The latest first: a list frees the array it has just replaced. */
	for (size_t i = hpdf_nbig; i-- > 0;)
		if (hpdf_big[i] == p) {
			free(p);
			hpdf_big[i] = hpdf_big[--hpdf_nbig];
			return;
		}
}

static HPDF_Doc
hpdf_new(PdfErr *err)
{
	if (hpdf_docs++ == 0)
		hpdf_arena = arena_new_raw();
	return HPDF_NewEx(on_error, hpdf_alloc, hpdf_free, 0, err);
}

static void
hpdf_done(HPDF_Doc pdf)
{
	if (pdf != NULL)
		HPDF_Free(pdf);
	if (--hpdf_docs == 0) {
		arena_free(hpdf_arena);
		hpdf_arena = NULL;
		while (hpdf_nbig > 0)
			free(hpdf_big[--hpdf_nbig]);
		free(hpdf_big);
		hpdf_big = NULL;
		hpdf_capbig = 0;
	}
}

/* A document being written page by page (pdf.h). */
struct PdfOut {
	Writer w;
	HPDF_Page *pages;
	size_t npages, cap_pages;
};

PdfOut *
pdf_begin(const DisplayList *dl, Diag *d)
{
	PdfOut *o = mem_alloc(sizeof *o);
	memset(o, 0, sizeof *o);
	Writer *w = &o->w;
	w->dl = dl;
	w->pdf = hpdf_new(&w->err);
	if (w->pdf == NULL) {
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "cannot start a PDF (HPDF_New failed); out of memory?");
		hpdf_done(NULL);
		free(o);
		return NULL;
	}
	w->fonts = mem_array(dl->nfonts + 1, sizeof *w->fonts);
	for (size_t i = 0; i < dl->nfonts; i++) {
		w->fonts[i].src = dl->fonts[i];
		w->fonts[i].strict = dl->archival >= 2;
	}
	return o;
}

void
pdf_page(PdfOut *o, size_t p)
{
	Writer *w = &o->w;
	if (w->err.code != 0 || p != o->npages)
		return;     /* reported at the end */
	if (o->npages == o->cap_pages) {
		o->cap_pages = o->cap_pages ? o->cap_pages * 2 : 16;
		o->pages = mem_grow(o->pages, o->cap_pages, sizeof *o->pages);
	}
	const DlPage *pg = &w->dl->pages[p];
	HPDF_Page page = HPDF_AddPage(w->pdf);
	if (page == NULL)
		return;
	o->pages[o->npages++] = page;
	HPDF_Page_SetWidth(page, (HPDF_REAL)pg->w);
	HPDF_Page_SetHeight(page, (HPDF_REAL)pg->h);
	pdf_put_page(w, page, pg);
}

/* The font of o that draws with f, when o shares its glyphs (not PDF/A-2u
 * or -3u); else NULL. */
static PdfFont *
shared_font(PdfOut *o, const DlFont *f)
{
	if (o == NULL || o->w.dl->archival >= 2)
		return NULL;
	for (size_t m = 0; m < o->w.dl->nfonts; m++)
		if (o->w.fonts[m].type0 && o->w.fonts[m].src == f)
			return &o->w.fonts[m];
	return NULL;
}

void
pdf_share_glyphs(PdfOut *const *docs, size_t n)
{
	/* A font at a time, from the first document that draws with it: its
	 * used set collects every later one's, which then become copies. */
	for (size_t i = 0; i < n; i++) {
		if (docs[i] == NULL || docs[i]->w.dl->archival >= 2)
			continue;
		for (size_t k = 0; k < docs[i]->w.dl->nfonts; k++) {
			PdfFont *pf = &docs[i]->w.fonts[k];
			int first = pf->type0 != NULL;
			for (size_t j = 0; j < i && first; j++)
				first = shared_font(docs[j], pf->src) == NULL;
			if (!first)
				continue;
			unsigned ng = pf->src->nglyphs;
			for (size_t j = i + 1; j < n; j++) {
				const PdfFont *other = shared_font(docs[j], pf->src);
				for (unsigned g = 0; other && g < ng; g++)
					pf->used[g] |= other->used[g];
			}
			for (size_t j = i + 1; j < n; j++) {
				PdfFont *other = shared_font(docs[j], pf->src);
				if (other)
					memcpy(other->used, pf->used, ng);
			}
		}
	}
}

void
pdf_abandon(PdfOut *o)
{
	if (o == NULL)
		return;
	Writer *w = &o->w;
	for (size_t i = 0; i < w->dl->nfonts; i++) {
		free(w->fonts[i].used);
		free(w->fonts[i].w1000);
		embed_put(w->fonts[i].embed);
	}
	free(w->fonts);
	free(w->images);
	free(o->pages);
	free(w->zout);
	free(w->content.p);
	hpdf_done(w->pdf);
	free(o);
}

int
pdf_finish(PdfOut *o, unsigned char **out, size_t *len, Diag *d)
{
	*out = NULL;
	*len = 0;
	Writer *w = &o->w;
	const DisplayList *dl = w->dl;
	HPDF_Page *pages = o->pages;
	int rc = 0;
	if (w->err.code == 0 && o->npages != dl->npages) {
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "cannot build the PDF: %zu of its %zu pages were written",
		    o->npages, dl->npages);
		pdf_abandon(o);
		return -1;
	}
	for (size_t i = 0; i < dl->nfonts && w->err.code == 0 && rc == 0; i++)
		if (w->fonts[i].type0 && pdf_font_finish(w, &w->fonts[i]) < 0)
			rc = -1;
	for (size_t i = 0; i < dl->nfonts && rc == 0; i++) {
		const PdfFont *pf = &w->fonts[i];
		if (pf->embed && pf->embed->unmapped) {
			diag_report(d, DIAG_USAGE, NULL, 0, 0, "the font %s draws glyph %u, which stands for no "
			    "Unicode character, so the report cannot be PDF/A-%du; name another font in [fonts], or "
			    "set [pdf] archival = 1b", pf->src->ps_name, pf->embed->unmapped, dl->archival);
			rc = -2;
		}
	}
	if (w->err.code == 0 && rc == 0) {
		char xmp_date[32];
		pdf_put_info(w, xmp_date);
		put_outlines(w, pages);
		put_page_labels(w);
		if (dl->archival) {
			/* PDF/A-1b: ISO 19005-1, checked by Apache PDFBox Preflight
			 * in make test; PDF/A-2u and -3u (ISO 19005-2 and -3) by
			 * tests/pdfa/pdfcheck.py, for Preflight judges part 1 only */
			for (size_t i = 0; i < dl->nfonts && dl->archival == 1; i++)
				if (w->fonts[i].type0 && w->fonts[i].embed)
					pdf_put_cidset(w, &w->fonts[i]);
			pdf_put_metadata(w, PDF_PRODUCER, *xmp_date ? xmp_date : NULL);
			if (pdf_put_output_intent(w, d) != 0)
				rc = -2;
			pdf_put_id(w);
			/* The header: parts 2 and 3 are based on PDF 1.7. libharu
			 * has no call to choose it; it writes the version its
			 * document holds (1.3 unless a feature it drew raised it). */
			if (dl->archival >= 2)
				w->pdf->pdf_version = HPDF_VER_17;
		}
	}
	if (w->err.code == 0 && rc == 0 && HPDF_SaveToStream(w->pdf) == HPDF_OK) {
		/* Copied chunk by chunk: HPDF_ReadFromStream copies byte by byte. */
		size_t size = HPDF_GetStreamSize(w->pdf), got = 0;
		unsigned char *bytes = mem_alloc(size + 1);
		HPDF_UINT nb = HPDF_MemStream_GetBufCount(w->pdf->stream);
		for (HPDF_UINT i = 0; i < nb && got < size; i++) {
			HPDF_UINT k = 0;
			HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(w->pdf->stream, i, &k);
			if (p == NULL || k > size - got)
				break;
			memcpy(bytes + got, p, k);
			got += k;
		}
		if (got != size) {
			free(bytes);
			rc = -1;
		} else {
			*out = bytes;
			*len = got;
		}
	} else if (rc != -2) {
		rc = -1;
	}
	if (rc == -2)
		rc = -1;    /* reported */
	else if (rc < 0 && w->bad_image)
		diag_report(d, DIAG_INPUT, w->bad_image, 0, 0,
			"this image cannot be embedded in the PDF (libharu error 0x%04X); save it again as "
			"an 8-bit PNG without interlacing, or as a baseline JPEG", (unsigned)w->err.code);
	else if (rc < 0)
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0,
			"cannot build the PDF (libharu error 0x%04X, detail %u; font subsetting %s)",
			(unsigned)w->err.code, (unsigned)w->err.detail, w->err.code ? _("not reached") : _("failed"));
	pdf_abandon(o);
	return rc;
}

int
pdf_render(const DisplayList *dl, unsigned char **out, size_t *len, Diag *d)
{
	*out = NULL;
	*len = 0;
	PdfOut *o = pdf_begin(dl, d);
	if (o == NULL)
		return -1;
	for (size_t p = 0; p < dl->npages && o->w.err.code == 0; p++)
		pdf_page(o, p);
	return pdf_finish(o, out, len, d);
}
