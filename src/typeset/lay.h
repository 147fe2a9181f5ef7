/* lay.h - shared between the layout files of src/typeset/ only (layout.c,
 * pages.c, flow.c, blocks.c, table.c, chart.c): the state of one layout
 * pass and the helpers the blocks draw with. */
#ifndef NITHET_TYPESET_LAY_H
#define NITHET_TYPESET_LAY_H

#include "typeset/internal.h"

#define MM 2.834645669  /* points per millimetre */
/* What fits within a hundredth of a point fits: sums of widths and
 * heights round, and a page or a column that fits exactly on paper must
 * not be refused for it. */
#define LAY_FIT_EPS 0.01
/* The body of a line's text sits about this much of its size above the
 * baseline (base_of centres the nominal size in the line box). */
#define BASELINE_EM 0.78

/* A line of one of the lists of contents: a heading, or a table's or
 * chart's caption, in document order. */
typedef struct TocEntry {
	DocCaptionKind kind;       /* NONE: a heading */
	int level;
	const char *label;         /* a caption's "ตารางที่ 3"; NULL for headings */
	const char *text;
	char page[24];             /* the page's label, from the previous pass */
} TocEntry;

/* The lines of a paragraph, list or label list as pagination sees them: n
 * lines of one height lh, and brk[i] (0 < i < n) set when a page may end
 * before line i. brk lives in the layout's scratch, or, for a flow made
 * ahead (lay_keep_room), in the arena that block holds. */
typedef struct Flow {
	size_t n;
	double lh;
	uint8_t *brk;
} Flow;

/* A paragraph (or heading) shaped and broken, with its page breaks. */
typedef struct TextFlow {
	const TsText *t;
	TsLine *ln;
	Flow f;
} TextFlow;

/* A list's items shaped and broken, with the list's page breaks. */
typedef struct ListFlow {
	const TsText **t;
	TsLine **ln;
	size_t *n;                 /* lines of each item */
	size_t nitems;
	double xm, xt, hang;       /* marker and text left edges, marker width */
	Flow f;
} ListFlow;

/* A label list shaped and broken: each row is as tall as the longer of its
 * label and value. */
typedef struct LabelFlow {
	const TsText **tl, **tv;
	TsLine **ll, **lv;
	size_t *nl, *nv, *rows;
	size_t nrows;
	double lw;                 /* label column width */
	Flow f;
} LabelFlow;

typedef struct Lay {
	TsCtx *c;
	const Settings *s;
	const Doc *doc;
	DisplayList *dl;
	Arena *a;                  /* the display list's: what its pages keep */
	/* What laying out one block needs and its pages do not keep: texts
	 * shaped outside the memo, their lines, a flow's arrays. Emptied after
	 * every block (lay_pass): kept to the end, a national annual report's
	 * were 150 MB beside its 80 MB of pages. */
	Arena *scratch;
	double pw, ph;             /* page size of the current page */
	double ml, mr, mt, mb;
	double x0, width, top, bottom;
	double y;
	size_t page;
	int open;                  /* a page is open */
	int page_used;             /* something was placed on it */
	int orient;                /* orientation of the next page */
	uint8_t *cover;            /* per page: no header/footer, no number */
	size_t cap_cover;
	double body, spacing;
	double scale;              /* of the sizes the Doc gives explicitly (max_pages) */
	int thai_digits;
	TocEntry *toc;             /* headings and captions in order, pages of the previous pass */
	size_t ntoc, itoc;
	/* Front matter: with a body start in the Doc, pages before it are
	 * labelled ก ข ค and the body is numbered from 1. */
	int has_body;
	int body_pending;          /* the next page opened is the body's first */
	size_t body_first;         /* its index, once known */
	int body_known;
	/* A pass whose pages are handed on as they are done: the number of
	 * pages its footers print, from the pass before. */
	int total_given;
	size_t total;
	/* The flow lay_keep_room made of a block further on (a heading keeps
	 * room for it), which that block takes rather than make again: a
	 * paragraph, list or label list shaped and broken twice was 8 % of a
	 * build's instructions. Its arrays live in ahead_arena; the block that
	 * takes them holds that arena (held) until it is done (flow.c). */
	struct {
		const void *block;     /* its DocPara, DocList or DocLabels; NULL: none */
		double width;          /* the text width it was made for */
		union { TextFlow text; ListFlow list; LabelFlow labels; } u;
	} ahead;
	Arena *ahead_arena, *held;
	const char *table_label;   /* the caption of the table being laid, for "(ต่อ)" */
	int nblock;
	double page_w_mm, page_h_mm;
} Lay;

static const DlColor GRID = { 90, 90, 90, 0 };

static inline double
lh_of(const Lay *L, double size)
{
	return size * L->spacing;
}

/* Baseline below the top of a line box: the box is centred on the nominal
 * size, whose body sits about 0.78 em above the baseline. */
static inline double
base_of(const Lay *L, double size)
{
	return (lh_of(L, size) - size) / 2 + size * BASELINE_EM;
}

/* Drawing at a fixed place (layout.c): an item's source tag (fmt with up
 * to three %d: lay_tag's lives with the current page and is for what is
 * drawn on it now, lay_block_tag's as long as the display list, for a
 * block that flows over pages), text broken into lines in a box (returns
 * the height used), a text's natural width, a rectangle, a line, digits as
 * the document prints them (in the display list's arena). */
const char *lay_tag(Lay *L, const char *fmt, int a, int b, int c);
const char *lay_block_tag(Lay *L, const char *fmt, int a, int b, int c);
double lay_put_text(Lay *L, const char *text, double size, int bold, double x, double ytop, double w,
	DocAlign align, const char *src);
double lay_text_width(Lay *L, const char *text, double size, int bold);
void lay_rect(Lay *L, double x, double ytop, double w, double h, DlColor fill, DlColor stroke, double lw);
void lay_line(Lay *L, double x1, double y1, double x2, double y2, DlColor c, double lw);
const char *lay_digits(Lay *L, const char *s);
/* One of the Doc's words (DocWords), "" for NULL; the words of w[0..n)
 * that are neither NULL nor empty joined by single spaces (in the display
 * list's arena). */
const char *lay_word(const char *w);
const char *lay_join(Lay *L, const char *const *w, size_t n);

/* Pages (pages.c): a new page; room for h points on this one or a new one;
 * ending a page (orientation >= 0: the next one's); the next entry of the
 * lists of contents reached; the cover, a list of contents, and the
 * running header and footer of every page. */
void lay_open_page(Lay *L);
void lay_need(Lay *L, double h);
void lay_close_page(Lay *L, int orientation);
void lay_toc_reached(Lay *L);
void lay_cover(Lay *L, const DocCover *cv);
void lay_toc(Lay *L, DocCaptionKind kind);
/* The running header and footer and the pages' labels, drawn over every
 * page at the end of a pass; in a display list that drops its pages, each
 * page gets them when it is done (lay_page_done, called as the next page
 * opens), which needs the page count from the pass before (total_given).
 * lay_page_total: the count the footer prints ("จาก 12"). */
void lay_decorate(Lay *L);
void lay_page_done(Lay *L, size_t p);
size_t lay_page_total(const Lay *L);

/* Flowing blocks (flow.c). */
size_t lay_flow_take(Lay *L, const Flow *f, size_t k);
double lay_flow_head(const Flow *f);
void lay_text_flow(Lay *L, const DocText *dt, const char *plain, double size, int bold, double w,
	double indent, DocAlign align, TextFlow *tf);
void lay_flow_lines(Lay *L, const TextFlow *tf, double x, double w, double indent, DocAlign align,
	const char *src);
void lay_flow_text(Lay *L, const DocText *dt, const char *plain, double size, int bold, double x, double w,
	double indent, DocAlign align, const char *src);
double lay_heading_size(const Lay *L, int level);
void lay_para_flow(Lay *L, const DocPara *p, TextFlow *tf);
void lay_list_flow(Lay *L, const DocList *l, ListFlow *lf);
void lay_label_flow(Lay *L, const DocLabels *lb, LabelFlow *bf);
double lay_keep_room(Lay *L, const DocBlock *next);

/* The blocks (blocks.c, table.c, chart.c); next is the block after. */
void lay_heading(Lay *L, const DocHeading *h, const DocBlock *next);
void lay_para(Lay *L, const DocPara *p, const DocBlock *next);
void lay_list(Lay *L, const DocList *l);
void lay_labels(Lay *L, const DocLabels *lb);
void lay_images(Lay *L, const DocImages *g);
void lay_signature(Lay *L, const DocSignature *g);
void lay_put_image(Lay *L, const DocImage *im, double x, double ytop, double w, double h, int k);
void lay_table(Lay *L, const DocTable *tb);
void lay_chart(Lay *L, const DocChart *ch);

#endif
