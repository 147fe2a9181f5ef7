/* doc.h - the Doc tree: what a report says, before it is laid out.
 *
 * report/ fills a Doc; typeset/ reads it (typeset never includes report/).
 * Everything in a Doc lives in the Arena passed to doc_new and is valid until
 * that arena is freed; strings given to the doc_* calls are copied. Sizes are
 * in "Sarabun points" (0 = the body size of the Settings), lengths in mm.
 *
 * Blocks are kept in document order as a singly linked list: headings,
 * paragraphs, lists, label/value blocks, tables, charts, images, signature
 * blocks, page breaks, a cover page and the places of the lists of contents,
 * tables and charts. */
#ifndef NITHET_DOC_H
#define NITHET_DOC_H

#include <stddef.h>

#include "config/settings.h"
#include "core/arena.h"

typedef enum DocAlign {
	DOC_ALIGN_DEFAULT,  /* paragraphs: justified (Thai style); cells: from the column */
	DOC_ALIGN_LEFT,
	DOC_ALIGN_RIGHT,
	DOC_ALIGN_CENTER,
	DOC_ALIGN_JUSTIFY
} DocAlign;

/* A piece of text in one weight. */
typedef struct DocSpan {
	const char *text;          /* UTF-8 */
	int bold;
	struct DocSpan *next;
} DocSpan;

/* Running text: a list of spans, read in order as one string. */
typedef struct DocText {
	DocSpan *first, *last;
} DocText;

typedef enum DocKind {
	DOC_HEADING, DOC_PARA, DOC_LIST, DOC_LABELS, DOC_TABLE, DOC_CHART,
	DOC_PAGEBREAK, DOC_COVER, DOC_TOC, DOC_SPACE, DOC_IMAGE, DOC_SIGNATURE
} DocKind;

/* What a caption numbers, and what a list of contents lists (NONE: the
 * headings, i.e. สารบัญ). */
typedef enum DocCaptionKind {
	DOC_CAPTION_NONE, DOC_CAPTION_TABLE, DOC_CAPTION_CHART
} DocCaptionKind;

typedef struct DocHeading {
	int level;                 /* 1..3 */
	const char *number;        /* "1.2" or "ส่วนที่ 1"; NULL = none */
	DocText text;
	int in_toc;                /* listed in the TOC and the bookmarks */
} DocHeading;

typedef struct DocPara {
	DocText text;
	DocAlign align;
	double indent_mm;          /* first-line indent */
	double size;               /* 0 = body size */
	int keep_with_next;        /* a caption: never the last line of a page */
	/* A numbered caption (doc_caption): listed in สารบัญตาราง/สารบัญแผนภูมิ,
	 * and a table's label is repeated with "(ต่อ)" where it continues. */
	DocCaptionKind caption;
	const char *caption_label; /* "ตารางที่ 3" */
	const char *caption_title;
} DocPara;

typedef struct DocItem {
	DocText text;
	struct DocItem *next;
} DocItem;

typedef struct DocList {
	int ordered;               /* 1: 1. 2. 3.; 0: bullets */
	DocItem *first, *last;
	size_t n;
} DocList;

typedef struct DocLabel {
	DocText label, value;
	struct DocLabel *next;
} DocLabel;

typedef struct DocLabels {
	double label_mm;           /* label column width; 0 = from content */
	DocLabel *first, *last;
} DocLabels;

typedef enum DocRowKind { DOC_ROW_HEADER, DOC_ROW_BODY, DOC_ROW_TOTAL } DocRowKind;

typedef struct DocCell {
	DocText text;
	int colspan, rowspan;      /* >= 1 */
	DocAlign align;            /* DEFAULT: the column's */
	struct DocCell *next;
} DocCell;

typedef struct DocRow {
	DocRowKind kind;           /* header rows come first and repeat on every page */
	int shaded;                /* light background */
	DocCell *first, *last;
	size_t ncells;
	struct DocRow *next;
} DocRow;

typedef struct DocColumn {
	double width_mm;           /* 0 = from content */
	DocAlign align;            /* LEFT by default; RIGHT for numbers */
} DocColumn;

typedef struct DocTable {
	size_t ncols;
	DocColumn *cols;
	DocRow *first, *last;
	size_t nrows;
	double size;               /* 0 = body size */
	int full_width;            /* stretch to the text width */
} DocTable;

typedef enum DocChartKind {
	DOC_CHART_BARS,            /* horizontal bars, one series, optional goal mark */
	DOC_CHART_STACKED,         /* horizontal stacked bars, several series, legend */
	DOC_CHART_COLUMNS          /* vertical columns, e.g. per month */
} DocChartKind;

typedef struct DocChart {
	DocChartKind kind;
	const char *title;
	const char *unit;          /* printed after values, e.g. "%"; may be NULL */
	size_t ncat, nseries;
	const char **categories;   /* ncat labels */
	const char **series;       /* nseries names (legend) */
	double *values;            /* [series * ncat + cat] */
	double max;                /* axis maximum; 0 = from the data */
	double goal;               /* drawn as a mark when has_goal */
	int has_goal;
	int decimals;              /* of the value labels */
} DocChart;

typedef struct DocPageBreak {
	int orientation;           /* -1 keep, 0 portrait, 1 landscape */
	/* The body starts after this break: pages before it are front matter,
	 * labelled ก ข ค …, and pages from here on are numbered 1, 2, 3 … */
	int body_starts;
} DocPageBreak;

typedef enum DocImageFormat { DOC_IMAGE_PNG, DOC_IMAGE_JPEG } DocImageFormat;

/* An image file's bytes (borrowed, not copied: they must outlive the Doc's
 * layout and PDF) and its size in pixels. */
typedef struct DocImage {
	const unsigned char *data;
	size_t len;
	DocImageFormat format;
	int px_w, px_h;
	const char *source;        /* file name, for messages */
} DocImage;

/* Images side by side, each scaled into a cell of width_mm x height_mm
 * (aspect kept) with its caption centred below; rows break across pages. */
typedef struct DocPicture {
	const DocImage *image;
	DocText caption;
	struct DocPicture *next;
} DocPicture;

typedef struct DocImages {
	int per_row;               /* >= 1 */
	double height_mm;          /* of each image's cell */
	DocPicture *first, *last;
	size_t n;
} DocImages;

/* A signature block flush with the right margin, at least half the text
 * width, lines centred, never split across pages:
 *   ลงชื่อ ........................ role        when sign_line (the Doc's
 *                                              words.sign, then dots)
 *            (name)                            a dotted line when name is empty
 *            position
 *            date                              when not NULL */
typedef struct DocSignature {
	int sign_line;
	const char *role;          /* may be NULL */
	const char *name;
	const char *position;      /* may be NULL */
	const char *date;          /* may be NULL */
} DocSignature;

typedef struct DocCoverLine {
	DocText text;
	double size;
	double gap_mm;             /* space above */
	struct DocCoverLine *next;
} DocCoverLine;

typedef struct DocCover {
	const DocImage *emblem;    /* the office's emblem, centred at the top; NULL = none */
	DocCoverLine *first, *last;
} DocCover;

typedef struct DocBlock {
	DocKind kind;
	union {
		DocHeading heading;
		DocPara para;
		DocList list;
		DocLabels labels;
		DocTable table;
		DocChart chart;
		DocPageBreak pagebreak;
		DocCover cover;
		DocCaptionKind toc;  /* DOC_TOC: which list; NONE = the headings */
		DocImages images;
		DocSignature signature;
		double space_mm;    /* DOC_SPACE */
	} u;
	struct DocBlock *next;
} DocBlock;

/* The words a layout prints of its own around the report's text: the
 * titles of the lists of contents and the heads of their columns, the page
 * number in the footer, the mark of a continued table, a chart's goal and
 * a signature's sign line. report/ sets the office's (compose_page_words);
 * typeset joins each with what it goes with by single spaces, and leaves
 * out a word that is NULL. */
typedef struct DocWords {
	const char *toc_title;        /* "สารบัญ": the headings' list */
	const char *toc_tables_title; /* "สารบัญตาราง" */
	const char *toc_charts_title; /* "สารบัญแผนภูมิ" */
	const char *table_label;      /* "ตารางที่": head of สารบัญตาราง's label column */
	const char *chart_label;      /* "แผนภูมิที่": of สารบัญแผนภูมิ's */
	const char *page;             /* "หน้า": head of the page column; before the
	                               * footer's page label ("หน้า 3") */
	const char *page_of;          /* "จาก": then the number of pages ("หน้า 3 จาก 12";
	                               * NULL: no number of pages) */
	const char *continued;        /* "(ต่อ)": after a table's caption label where the
	                               * table continues on a new page */
	const char *goal;             /* "เป้าหมาย": before a bar chart's goal value */
	const char *sign;             /* "ลงชื่อ": before a signature's dotted line */
} DocWords;

typedef struct Doc {
	Arena *arena;
	/* Metadata (PDF Info and the running header). NULL = empty. */
	const char *title, *author, *subject, *keywords, *creator;
	const char *header_text;   /* running header on every page but the cover */
	const char *footer_text;   /* left of the page number in the footer */
	DocWords words;            /* set with doc_set_words; all NULL from doc_new */
	/* The fonts it is set in: NULL for the config's [fonts] (the type
	 * specimen in Noto names its own). Borrowed; they outlive the Doc. */
	const FontSetting *thai_font, *latin_font;
	int landscape;             /* orientation of the first page */
	/* 0 = any length. Else the most pages the document may take: typeset
	 * tightens the line spacing, and at last the sizes, a step at a time
	 * until it fits (a school's report on two sheets); if even the last
	 * step does not fit, the last layout is kept. */
	int max_pages;
	int number_headings;       /* doc_heading fills "1", "1.1", ... itself */
	int counters[3];
	DocBlock *first, *last;
	size_t nblocks;
} Doc;

/* A new empty Doc in arena a (owned by a; nothing to free). */
Doc *doc_new(Arena *a);

/* Set a metadata field (copied); which is one of the Doc's const char * fields,
 * e.g. doc_set(d, &d->title, "..."). */
void doc_set(Doc *d, const char **which, const char *value);
/* The words a layout prints of its own (copied; NULL ones stay NULL). */
void doc_set_words(Doc *d, const DocWords *w);

/* Text helpers: an empty DocText, and appending a span (copied). */
void doc_text_add(Doc *d, DocText *t, const char *text, int bold);
/* The whole text of t concatenated, in d's arena. */
char *doc_text_string(Doc *d, const DocText *t);

/* Blocks. Each returns the new block, appended at the end of d; the caller may
 * adjust its fields (align, indent, ...) and add spans afterwards. */
DocBlock *doc_heading(Doc *d, int level, const char *number, const char *text);
DocBlock *doc_para(Doc *d, const char *text);
DocBlock *doc_list(Doc *d, int ordered);
void      doc_list_item(Doc *d, DocBlock *list, const char *text);
DocBlock *doc_labels(Doc *d);
void      doc_label(Doc *d, DocBlock *labels, const char *label, const char *value);
DocBlock *doc_table(Doc *d, size_t ncols);
/* Column i (< ncols): width in mm (0 = from content) and alignment. */
void      doc_table_column(DocBlock *table, size_t i, double width_mm, DocAlign align);
DocRow   *doc_table_row(Doc *d, DocBlock *table, DocRowKind kind);
/* A cell in row; returns it so colspan/rowspan/align can be set. */
DocCell  *doc_row_cell(Doc *d, DocRow *row, const char *text);
/* A chart with ncat categories and nseries series, values all 0. */
DocBlock *doc_chart(Doc *d, DocChartKind kind, const char *title, size_t ncat, size_t nseries);
void      doc_chart_category(Doc *d, DocBlock *chart, size_t i, const char *label);
void      doc_chart_series(Doc *d, DocBlock *chart, size_t j, const char *name);
void      doc_chart_value(DocBlock *chart, size_t series, size_t cat, double v);
DocBlock *doc_pagebreak(Doc *d, int orientation);
DocBlock *doc_cover(Doc *d);
void      doc_cover_line(Doc *d, DocBlock *cover, const char *text, double size, int bold, double gap_mm);
/* The list of contents (DOC_CAPTION_NONE), of tables or of charts, each on
 * its own page(s). */
DocBlock *doc_toc(Doc *d, DocCaptionKind of);
/* A numbered caption: label (bold, e.g. "ตารางที่ 3") and title, kept with
 * the table or chart that follows. */
DocBlock *doc_caption(Doc *d, DocCaptionKind kind, const char *label, const char *title);
/* A page break after which the body starts (see DocPageBreak). */
DocBlock *doc_body_start(Doc *d);
/* A grid of images, per_row to a row, each cell height_mm high. */
DocBlock *doc_images(Doc *d, int per_row, double height_mm);
void      doc_picture(Doc *d, DocBlock *images, const DocImage *image, const char *caption);
/* A signature block; strings are copied, NULL ones stay NULL. */
DocBlock *doc_signature(Doc *d, int sign_line, const char *role, const char *name,
	const char *position, const char *date);
DocBlock *doc_space(Doc *d, double mm);

#endif
