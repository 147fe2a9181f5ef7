/* content.c - each page's content stream: text runs as TJ arrays of glyph
 * ids inside an /ActualText span per line, colours, rectangles, lines and
 * images, deflated here.
 *
 * The graphics state is kept for the page (PageState): a colour, line width
 * or font is set when it changes, not saved and restored around every
 * table cell (q ... Q) nor named again for every line. A page's content
 * was a sixth cell rectangles and a twentieth font selections: 14 % fewer
 * bytes to build and deflate. Text is black: the fill is set back before a
 * line when a rectangle changed it. */
#include "pdf/internal.h"
#include "pdf/flate.h"

#include <stdlib.h>

#include "core/mem.h"

/* What the page's content has set so far; a page starts from PDF's
 * defaults (black, line width 1, no font). */
typedef struct PageState {
	DlColor fill, stroke;
	double lw;
	int font;
	double size;
} PageState;

static const DlColor BLACK = { 0, 0, 0, 0 };

static int
same_color(DlColor a, DlColor b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
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

/* Two numbers (a point, a size) of a path or a placement, then op. */
static void
put_pair(Buf *b, double x, double y, const char *op)
{
	buf_num(b, x, 2);
	buf_str(b, " ");
	buf_num(b, y, 2);
	buf_str(b, op);
}

static void
set_fill(Buf *b, PageState *st, DlColor c)
{
	if (!same_color(st->fill, c)) {
		put_color(b, c, " rg ");
		st->fill = c;
	}
}

/* The stroke's colour and line width. */
static void
set_stroke(Buf *b, PageState *st, DlColor c, double lw)
{
	if (!same_color(st->stroke, c)) {
		put_color(b, c, " RG ");
		st->stroke = c;
	}
	if (lw != st->lw) {
		buf_num(b, lw, 2);
		buf_str(b, " w ");
		st->lw = lw;
	}
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
	long pen_s[65];
	size_t *order = n <= 64 ? order_s : mem_array(n, sizeof *order);
	long *pen = n <= 64 ? pen_s : mem_array(n + 1, sizeof *pen);
	pen[0] = 0;
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
	int open = 0;          /* inside a string of glyphs */
	buf_str(b, "[");
	for (size_t oi = 0; oi < n; oi++) {
		size_t i = order[oi];
		const DlGlyph *g = &run->glyphs[i];
		/* PDF/A-2 and -3 forbid showing .notdef (a character no font
		 * has): left out, the line's ActualText still holds it. */
		if (pf->strict && (g->gid == 0 || g->gid >= f->nglyphs))
			continue;
		pf->used[g->gid < f->nglyphs ? g->gid : 0] = 1;
		double target = (double)(pen[i] + g->dx) * 1000.0 / (double)f->upem;
		double gr = (double)g->dy * size / (double)f->upem;
		if (gr != rise) {
			buf_str(b, open ? ")] TJ " : "] TJ ");
			buf_num(b, gr, 2);
			buf_str(b, " Ts [");
			rise = gr;
			open = 0;
		}
		long adj = (long)(cur - target >= 0 ? cur - target + 0.5 : cur - target - 0.5);
		if (adj != 0) {
			if (open)
				buf_str(b, ")");
			buf_int(b, adj);
			cur -= (double)adj;
			open = 0;
		}
		if (!open)
			buf_str(b, "(");
		open = 1;
		buf_lit16(b, g->gid);
		cur += g->gid < f->nglyphs ? pf->w1000[g->gid] : 0;
	}
	if (open)
		buf_str(b, ")");
	buf_str(b, "] TJ\n");
	if (rise != 0)
		buf_str(b, "0 Ts\n");
	if (pen != pen_s)
		free(pen);
	if (order != order_s)
		free(order);
}

static void
put_text(Writer *w, HPDF_Page page, const char **names, const DlText *t, PageState *st)
{
	Buf *b = &w->content;
	if (!same_color(st->fill, BLACK)) {
		buf_str(b, "0 0 0 rg\n");
		st->fill = BLACK;
	}
	buf_str(b, "/Span <</ActualText (\xFE\xFF");
	buf_utf16_lit(b, t->text, strlen(t->text));
	buf_str(b, ")>> BDC\nBT\n");
	for (size_t r = 0; r < t->nruns; r++) {
		const DlRun *run = &t->runs[r];
		PdfFont *pf = &w->fonts[run->font];
		if (pf->type0 == NULL)
			pdf_font_create(w, pf);
		if (names[run->font] == NULL)
			names[run->font] = HPDF_Page_GetLocalFontName(page, (HPDF_Font)pf->type0);
		/* The text font is part of the graphics state: it holds from one
		 * text object to the next. */
		if (run->font != st->font || run->size != st->size) {
			buf_str(b, "/");
			buf_str(b, names[run->font] ? names[run->font] : "F0");
			buf_str(b, " ");
			buf_num(b, run->size, 3);
			buf_str(b, " Tf\n");
			st->font = run->font;
			st->size = run->size;
		}
		/* BT starts from the identity: the first run moves there with
		 * Td, the same place in 9 fewer bytes; the others are placed
		 * outright, so no difference of rounded positions adds up. */
		if (r > 0)
			buf_str(b, "1 0 0 1 ");
		buf_num(b, run->x, 3);
		buf_str(b, " ");
		buf_num(b, run->y, 3);
		buf_str(b, r > 0 ? " Tm\n" : " Td\n");
		put_run(b, pf, run);
	}
	buf_str(b, "ET\nEMC\n");
}

static void
put_image(Writer *w, HPDF_Page page, const DlImage *im)
{
	HPDF_Image img = pdf_image_of(w, im);
	if (img == NULL)
		return;
	const char *name = HPDF_Page_GetXObjectName(page, img);
	if (name == NULL)
		return;
	Buf *b = &w->content;
	buf_str(b, "q ");
	buf_num(b, im->w, 2);
	buf_str(b, " 0 0 ");
	buf_num(b, im->h, 2);
	buf_str(b, " ");
	buf_num(b, im->x, 2);
	buf_str(b, " ");
	buf_num(b, im->y, 2);
	buf_str(b, " cm /");
	buf_str(b, name);
	buf_str(b, " Do Q\n");
}

void
pdf_put_page(Writer *w, HPDF_Page page, const DlPage *pg)
{
	const char **names = mem_array(w->dl->nfonts + 1, sizeof *names);
	Buf *b = &w->content;
	b->n = 0;
	PageState st = { BLACK, BLACK, 1, -1, -1 };
	for (size_t i = 0; i < pg->nitems; i++) {
		const DlItem *it = &pg->items[i];
		switch (it->kind) {
		case DL_TEXT:
			put_text(w, page, names, &it->u.text, &st);
			break;
		case DL_RECT: {
			const char *op = NULL;
			if (!it->u.rect.fill.none && !it->u.rect.stroke.none)
				op = " re B\n";
			else if (!it->u.rect.fill.none)
				op = " re f\n";
			else if (!it->u.rect.stroke.none)
				op = " re S\n";
			if (op == NULL)
				break;
			if (!it->u.rect.fill.none)
				set_fill(b, &st, it->u.rect.fill);
			if (!it->u.rect.stroke.none)
				set_stroke(b, &st, it->u.rect.stroke, it->u.rect.lw);
			put_pair(b, it->u.rect.x, it->u.rect.y, " ");
			put_pair(b, it->u.rect.w, it->u.rect.h, op);
			break;
		}
		case DL_IMAGE:
			put_image(w, page, &it->u.image);   /* inside q ... Q: the state comes back */
			break;
		case DL_LINE:
			set_stroke(b, &st, it->u.line.stroke, it->u.line.lw);
			put_pair(b, it->u.line.x1, it->u.line.y1, " m ");
			put_pair(b, it->u.line.x2, it->u.line.y2, " l S\n");
			break;
		}
	}
	/* Deflated here, straight from our buffer: libharu would copy it twice
	 * byte by byte and deflate with zlib. */
	HPDF_PageAttr pa = (HPDF_PageAttr)page->attr;
	size_t zn = flate_compress(b->p, b->n, &w->zout, &w->zout_cap);
	if (zn > 0) {
		pa->contents->filter = HPDF_STREAM_FILTER_NONE;
		pa->contents->write_fn = write_flate_name;
		HPDF_Stream_Write(pa->stream, w->zout, (HPDF_UINT)zn);
	} else {
		pa->contents->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		HPDF_Stream_Write(pa->stream, (const HPDF_BYTE *)b->p, (HPDF_UINT)b->n);
	}
	free(names);
}
