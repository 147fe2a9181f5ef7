/* pages.c - the pages of a layout: opening one and what fits on it, page
 * labels (front matter ก ข ค, the body from 1), the cover, the lists of
 * contents, tables and charts, and the running header and footer drawn
 * over every page at the end. */
#include "typeset/lay.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"
#include "core/numfmt.h"

/* The running footer's own text (left) takes this much of the text width,
 * the page number the right of it; the rule under the header this wide
 * (points). */
#define FOOTER_TEXT_SHARE 0.6
#define HEADER_RULE_LW 0.4
/* A list of contents starts on a page with room for its title and first
 * line. */
#define TOC_HEAD_LINES 2

void
lay_open_page(Lay *L)
{
	if (L->dl->drop_pages && L->dl->npages > 0)
		lay_page_done(L, L->dl->npages - 1);
	int land = L->orient;
	double w = L->page_w_mm * MM, h = L->page_h_mm * MM;
	if (land && h > w) {
		double t = w;
		w = h;
		h = t;
	}
	L->pw = w;
	L->ph = h;
	L->page = dl_add_page(L->dl, w, h);
	if (L->page >= L->cap_cover) {
		L->cap_cover = L->cap_cover ? L->cap_cover * 2 : 16;
		L->cover = mem_grow(L->cover, L->cap_cover, 1);
	}
	L->cover[L->page] = 0;
	if (L->body_pending) {
		L->body_first = L->page;
		L->body_known = 1;
		L->body_pending = 0;
	}
	L->x0 = L->ml;
	L->width = w - L->ml - L->mr;
	L->top = L->mt;
	L->bottom = h - L->mb;
	L->y = L->top;
	L->open = 1;
	L->page_used = 0;
}

void
lay_need(Lay *L, double h)
{
	if (!L->open) {
		lay_open_page(L);
	} else if (L->y + h > L->bottom + LAY_FIT_EPS && L->page_used) {
		lay_open_page(L);
	}
	L->page_used = 1;
}

void
lay_close_page(Lay *L, int orientation)
{
	if (L->open && L->page_used)
		L->open = 0;
	if (orientation >= 0) {
		L->orient = orientation;
		if (L->open && !L->page_used)
			L->open = 0;  /* reopen blank page with the new orientation */
	}
}

/* Page p's label as printed: in a document with front matter, ก ข ค …
 * before the body and 1, 2, 3 … from its first page; otherwise 1, 2, 3 …
 * counting every page but the covers. "" for a cover. */
static void
page_label(const Lay *L, size_t p, char *buf, size_t size)
{
	if (L->cover[p]) {
		buf[0] = '\0';
		return;
	}
	int front = L->has_body && (!L->body_known || p < L->body_first);
	size_t from = L->has_body && !front ? L->body_first : 0, n = 0;
	for (size_t q = from; q <= p; q++)
		n += !L->cover[q];
	if (front)
		num_thai_letter((long)n, buf, size);
	else
		snprintf(buf, size, "%zu", n);
}

/* The next entry of the lists of contents is on the current page. */
void
lay_toc_reached(Lay *L)
{
	if (L->itoc < L->ntoc) {
		TocEntry *e = &L->toc[L->itoc++];
		page_label(L, L->page, e->page, sizeof e->page);
	}
}

void
lay_cover(Lay *L, const DocCover *cv)
{
	if (L->open && L->page_used)
		L->open = 0;
	lay_need(L, 0);
	L->cover[L->page] = 1;
	double y = L->top + 30 * MM;
	if (cv->emblem) {
		/* The emblem at the head of the cover, as on an office's documents. */
		lay_put_image(L, cv->emblem, L->x0, L->top, L->width, 35 * MM, 0);
		y = L->top + 35 * MM;
	}
	L->y = y;
	int k = 0;
	for (const DocCoverLine *l = cv->first; l; l = l->next, k++) {
		double size = l->size > 0 ? l->size : L->body;
		L->y += l->gap_mm * MM;
		const TsText *t = ts_text_shape(L->c, L->scratch, &l->text, NULL, size, 0);
		TsLine *ln;
		size_t n = ts_text_break(t, L->scratch, L->width, L->width, 0, &ln);
		for (size_t i = 0; i < n; i++) {
			ts_text_emit(L->c, L->dl, L->page, t, ln, i, n, L->x0,
				L->ph - (L->y + base_of(L, size)), L->width, DOC_ALIGN_CENTER,
				lay_tag(L, "cover%d", k, 0, 0));
			L->y += lh_of(L, size);
		}
	}
	L->open = 0;
}

/* สารบัญ, สารบัญตาราง or สารบัญแผนภูมิ: the entries of one kind, each with
 * the page label the previous pass found. Captions are listed as their
 * label in a column, then the title, as Thai reports list them. */
void
lay_toc(Lay *L, DocCaptionKind kind)
{
	double size = L->body, lh = lh_of(L, size);
	if (L->open && L->page_used)
		L->open = 0;
	lay_need(L, lh * TOC_HEAD_LINES);
	const DocWords *words = &L->doc->words;
	const char *title = lay_word(kind == DOC_CAPTION_TABLE ? words->toc_tables_title :
		kind == DOC_CAPTION_CHART ? words->toc_charts_title : words->toc_title);
	lay_put_text(L, title, L->body + 4, 1, L->x0, L->y, L->width, DOC_ALIGN_CENTER, "toc");
	L->y += lh_of(L, L->body + 4);
	double numw = 15 * MM, labw = 0;
	if (kind != DOC_CAPTION_NONE) {
		/* The label column: as wide as the widest label ("ตารางที่ 18"). */
		const char *head = lay_word(kind == DOC_CAPTION_TABLE ? words->table_label : words->chart_label);
		labw = lay_text_width(L, head, size, 1);
		for (size_t i = 0; i < L->ntoc; i++)
			if (L->toc[i].kind == kind) {
				double w = lay_text_width(L, L->toc[i].label, size, 0);
				if (w > labw)
					labw = w;
			}
		labw += 4 * MM;
		lay_put_text(L, head, size, 1, L->x0, L->y, labw, DOC_ALIGN_LEFT, "toc");
	}
	lay_put_text(L, lay_word(words->page), size, 1, L->x0, L->y, L->width, DOC_ALIGN_RIGHT, "toc");
	L->y += lh;
	for (size_t i = 0; i < L->ntoc; i++) {
		const TocEntry *e = &L->toc[i];
		if (e->kind != kind)
			continue;
		double ind = kind == DOC_CAPTION_NONE ? (e->level - 1) * 8 * MM : labw;
		int bold = kind == DOC_CAPTION_NONE && e->level == 1;
		const TsText *t = ts_text_shape(L->c, L->scratch, NULL, e->text, size, bold);
		TsLine *ln;
		double w = L->width - ind - numw;
		size_t n = ts_text_break(t, L->scratch, w, w, 0, &ln);
		lay_need(L, lh * (double)n);
		/* The number is drawn first so that the list's length never depends
		 * on the page numbers (the layout runs twice). */
		lay_put_text(L, lay_digits(L, e->page[0] ? e->page : "0"), size, bold, L->x0 + L->width - numw, L->y,
			numw, DOC_ALIGN_RIGHT, lay_tag(L, "toc%dn", (int)i, 0, 0));
		if (e->label)
			lay_put_text(L, e->label, size, 0, L->x0, L->y, labw, DOC_ALIGN_LEFT,
				lay_tag(L, "toc%dl", (int)i, 0, 0));
		for (size_t k = 0; k < n; k++) {
			ts_text_emit(L->c, L->dl, L->page, t, ln, k, n, L->x0 + ind,
				L->ph - (L->y + base_of(L, size)), w, DOC_ALIGN_LEFT, lay_tag(L, "toc%d", (int)i, 0, 0));
			L->y += lh;
		}
	}
	L->open = 0;
}

/* ---- running header and footer ---- */

size_t
lay_page_total(const Lay *L)
{
	size_t total = 0;
	for (size_t p = L->has_body && L->body_known ? L->body_first : 0; p < L->dl->npages; p++)
		total += !L->cover[p];
	return total;
}

/* Page p's label, and its running header and footer: "หน้า ก" in front
 * matter, "หน้า 3 จาก 12" from the body on, total being the 12. */
static void
decorate(Lay *L, size_t p, size_t total)
{
	char label[24];
	page_label(L, p, label, sizeof label);
	int front = L->has_body && (!L->body_known || p < L->body_first);
	if (L->has_body) {
		L->dl->pages[p].label = arena_strdup(L->a, label);
		L->dl->pages[p].body_first = L->body_known && p == L->body_first;
	}
	if (L->cover[p])
		return;
	size_t was = L->page;
	double pw = L->pw, ph = L->ph;
	L->page = p;
	L->pw = L->dl->pages[p].w;
	L->ph = L->dl->pages[p].h;
	double size = L->body - 2, lh = lh_of(L, size);
	double x0 = L->ml, w = L->pw - L->ml - L->mr;
	if (L->doc->header_text && *L->doc->header_text) {
		double yt = L->mt - lh - 2 * MM;
		if (yt < 2 * MM)
			yt = 2 * MM;
		lay_put_text(L, L->doc->header_text, size, 0, x0, yt, w, DOC_ALIGN_RIGHT, "hdr");
		lay_line(L, x0, yt + lh + 0.5 * MM, x0 + w, yt + lh + 0.5 * MM, GRID, HEADER_RULE_LW);
	}
	const DocWords *words = &L->doc->words;
	char count[24];
	snprintf(count, sizeof count, "%zu", total);
	const char *pg = front || words->page_of == NULL ?
		lay_join(L, (const char *[]){ words->page, label }, 2) :
		lay_join(L, (const char *[]){ words->page, label, words->page_of, count }, 4);
	double yf = L->ph - L->mb + 3 * MM;
	if (yf + lh > L->ph - 2 * MM)
		yf = L->ph - 2 * MM - lh;
	if (L->doc->footer_text && *L->doc->footer_text)
		lay_put_text(L, L->doc->footer_text, size, 0, x0, yf, w * FOOTER_TEXT_SHARE, DOC_ALIGN_LEFT, "ftr");
	lay_put_text(L, lay_digits(L, pg), size, 0, x0, yf, w,
		L->doc->footer_text && *L->doc->footer_text ? DOC_ALIGN_RIGHT : DOC_ALIGN_CENTER, "pageno");
	L->page = was;
	L->pw = pw;
	L->ph = ph;
}

void
lay_page_done(Lay *L, size_t p)
{
	if (L->total_given)
		decorate(L, p, L->total);
	dl_page_done(L->dl, p);
}

void
lay_decorate(Lay *L)
{
	if (L->dl->drop_pages) {
		lay_page_done(L, L->dl->npages - 1);
		return;
	}
	size_t total = lay_page_total(L);
	for (size_t p = 0; p < L->dl->npages; p++)
		decorate(L, p, total);
}
