/* dlist.c - the display list and its text dump (see dlist.h). */
#include "typeset/dlist.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

const DlColor DL_NONE = { 0, 0, 0, 1 };

DlColor
dl_rgb(unsigned r, unsigned g, unsigned b)
{
	DlColor c = { (unsigned char)r, (unsigned char)g, (unsigned char)b, 0 };
	return c;
}

DisplayList *
dl_new(const DlFont *const *fonts, size_t nfonts)
{
	DisplayList *dl = mem_alloc(sizeof *dl);
	dl->arena = arena_new();
	dl->page_arena = arena_new();
	dl->fonts = arena_array(dl->arena, nfonts ? nfonts : 1, sizeof *dl->fonts);
	for (size_t i = 0; i < nfonts; i++)
		dl->fonts[i] = fonts[i];
	dl->nfonts = nfonts;
	return dl;
}

void
dl_free(DisplayList *dl)
{
	if (dl == NULL)
		return;
	for (size_t i = 0; i < dl->npages; i++)
		free(dl->pages[i].items);
	free(dl->pages);
	free(dl->marks);
	arena_free(dl->arena);
	arena_free(dl->page_arena);
	free(dl);
}

void
dl_page_done(DisplayList *dl, size_t p)
{
	if (!dl->drop_pages || p >= dl->npages || p < dl->ndone)
		return;
	if (dl->page_fn != NULL)
		dl->page_fn(dl->page_user, dl, p);
	DlPage *pg = &dl->pages[p];
	free(pg->items);
	pg->items = NULL;
	pg->nitems = pg->cap = 0;
	dl->ndone = p + 1;
	/* Only the pages done have drawn into it (p is the last). */
	arena_free(dl->page_arena);
	dl->page_arena = arena_new();
}

size_t
dl_add_page(DisplayList *dl, double w, double h)
{
	if (dl->keep_max > 0 && !dl->drop_pages && dl->npages >= dl->keep_max) {
		/* Too long to hold: from here on, only counted. */
		for (size_t p = 0; p < dl->npages; p++) {
			free(dl->pages[p].items);
			dl->pages[p].items = NULL;
			dl->pages[p].nitems = dl->pages[p].cap = 0;
		}
		arena_free(dl->page_arena);
		dl->page_arena = arena_new();
		dl->ndone = dl->npages;
		dl->drop_pages = 1;
		dl->page_fn = NULL;
		dl->overflowed = 1;
	}
	if (dl->npages == dl->cap_pages) {
		dl->cap_pages = dl->cap_pages ? dl->cap_pages * 2 : 8;
		dl->pages = mem_grow(dl->pages, dl->cap_pages, sizeof *dl->pages);
	}
	/* The page before is (nearly) done: its items to their size, not the
	 * doubling's (a third of a long document's items were slack). The
	 * running header and footer are added later, growing it again. */
	if (dl->npages > 0) {
		DlPage *q = &dl->pages[dl->npages - 1];
		if (q->nitems > 0 && q->cap > q->nitems) {
			q->items = mem_grow(q->items, q->nitems, sizeof *q->items);
			q->cap = q->nitems;
		}
	}
	DlPage *p = &dl->pages[dl->npages];
	memset(p, 0, sizeof *p);
	p->w = w;
	p->h = h;
	return dl->npages++;
}

DlItem *
dl_add_item(DisplayList *dl, size_t page, DlKind kind)
{
	DlPage *p = &dl->pages[page];
	if (p->nitems == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->items = mem_grow(p->items, p->cap, sizeof *p->items);
	}
	DlItem *it = &p->items[p->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	return it;
}

void
dl_add_mark(DisplayList *dl, size_t page, int level, double y, const char *title)
{
	if (dl->nmarks == dl->cap_marks) {
		dl->cap_marks = dl->cap_marks ? dl->cap_marks * 2 : 16;
		dl->marks = mem_grow(dl->marks, dl->cap_marks, sizeof *dl->marks);
	}
	DlMark *m = &dl->marks[dl->nmarks++];
	m->level = level;
	m->page = page;
	m->y = y;
	m->title = arena_strdup(dl->arena, title);
}

size_t
dl_fmt_num(char *buf, double v, int decimals)
{
	/* Our own formatting: printf's %f follows LC_NUMERIC and would write a
	 * decimal comma into the PDF under a French or German locale. Every
	 * coordinate of every page comes through here: the common decimals (2
	 * and 3) divide by constants, which the compiler makes multiplies. */
	static const long long pow10[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
		100000000, 1000000000 };
	long long scale = 1;
	if (decimals >= 0 && decimals <= 9)
		scale = pow10[decimals];
	else
		for (int i = 0; i < decimals; i++)
			scale *= 10;
	int neg = v < 0;
	double a = fabs(v);
	if (a > 1e15)
		a = 1e15;
	long long q = llround(a * (double)scale);
	long long ip, fp;
	if (decimals == 2) {
		ip = q / 100;
		fp = q % 100;
	} else if (decimals == 3) {
		ip = q / 1000;
		fp = q % 1000;
	} else {
		ip = q / scale;
		fp = q % scale;
	}
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	size_t len = 0;
	if (neg && q != 0)
		buf[len++] = '-';
	while (n)
		buf[len++] = tmp[--n];
	if (fp) {
		/* The decimals written from the last, trailing zeros left out. */
		int k = decimals;
		while (fp % 10 == 0) {
			fp /= 10;
			k--;
		}
		buf[len] = '.';
		for (int i = k; i >= 1; i--) {
			buf[len + (size_t)i] = (char)('0' + fp % 10);
			fp /= 10;
		}
		len += (size_t)k + 1;
	}
	buf[len] = '\0';
	return len;
}

static void
put_num(FILE *out, double v)
{
	char b[40];
	dl_fmt_num(b, v, 2);
	fputs(b, out);
}

static void
put_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		if (*s == '\n') {
			fputs("\\n", out);
			continue;
		}
		fputc(*s, out);
	}
	fputc('"', out);
}

static void
put_color(FILE *out, DlColor c)
{
	if (c.none)
		fputs("-", out);
	else
		fprintf(out, "#%02x%02x%02x", c.r, c.g, c.b);
}

int
dl_dump(const DisplayList *dl, FILE *out)
{
	fputs("doc ", out);
	put_str(out, dl->title ? dl->title : "");
	fputc('\n', out);
	for (size_t p = 0; p < dl->npages; p++) {
		const DlPage *pg = &dl->pages[p];
		fprintf(out, "page %zu ", p + 1);
		put_num(out, pg->w);
		fputc(' ', out);
		put_num(out, pg->h);
		fputc('\n', out);
		if (pg->label) {
			fputs("label ", out);
			put_str(out, pg->label);
			fputc('\n', out);
		}
		for (size_t m = 0; m < dl->nmarks; m++) {
			if (dl->marks[m].page != p)
				continue;
			fprintf(out, "mark %d ", dl->marks[m].level);
			put_num(out, dl->marks[m].y);
			fputc(' ', out);
			put_str(out, dl->marks[m].title);
			fputc('\n', out);
		}
		for (size_t i = 0; i < pg->nitems; i++) {
			const DlItem *it = &pg->items[i];
			switch (it->kind) {
			case DL_TEXT:
				fputs("text ", out);
				put_num(out, it->u.text.x);
				fputc(' ', out);
				put_num(out, it->u.text.y);
				fputc(' ', out);
				put_num(out, it->u.text.width);
				fputc(' ', out);
				put_num(out, it->u.text.nruns ? it->u.text.runs[0].size : 0);
				fprintf(out, " %d %s ", it->u.text.nruns ? it->u.text.runs[0].font : -1,
					it->u.text.src ? it->u.text.src : "-");
				put_str(out, it->u.text.text);
				break;
			case DL_RECT:
				fputs("rect ", out);
				put_num(out, it->u.rect.x);
				fputc(' ', out);
				put_num(out, it->u.rect.y);
				fputc(' ', out);
				put_num(out, it->u.rect.w);
				fputc(' ', out);
				put_num(out, it->u.rect.h);
				fputc(' ', out);
				put_color(out, it->u.rect.fill);
				fputc(' ', out);
				put_color(out, it->u.rect.stroke);
				fputc(' ', out);
				put_num(out, it->u.rect.lw);
				break;
			case DL_LINE:
				fputs("line ", out);
				put_num(out, it->u.line.x1);
				fputc(' ', out);
				put_num(out, it->u.line.y1);
				fputc(' ', out);
				put_num(out, it->u.line.x2);
				fputc(' ', out);
				put_num(out, it->u.line.y2);
				fputc(' ', out);
				put_color(out, it->u.line.stroke);
				fputc(' ', out);
				put_num(out, it->u.line.lw);
				break;
			case DL_IMAGE:
				fputs("image ", out);
				put_num(out, it->u.image.x);
				fputc(' ', out);
				put_num(out, it->u.image.y);
				fputc(' ', out);
				put_num(out, it->u.image.w);
				fputc(' ', out);
				put_num(out, it->u.image.h);
				fputs(it->u.image.jpeg ? " jpeg " : " png ", out);
				put_str(out, it->u.image.source ? it->u.image.source : "");
				break;
			}
			fputc('\n', out);
		}
	}
	fputs("end\n", out);
	return ferror(out) ? -1 : 0;
}
