/* dlist.h - the display list: pages of positioned glyph runs and vector shapes.
 *
 * The only thing typeset/ hands to pdf/ (and to the --dump-layout backend).
 * No third-party types. Coordinates are PDF points with the origin at the
 * bottom-left of the page; glyph advances and offsets stay in font units
 * (DlFont.upem per em) until the writer. All memory belongs to the
 * DisplayList and is freed by dl_free; DlFont records are borrowed from the
 * font cache and outlive every display list.
 *
 * Text dump format (dl_dump; one record per line, numbers with up to 2
 * decimals, strings in double quotes with \" \\ \n escaped):
 *   doc "title"
 *   page N W H                        N from 1, size in points
 *   text X Y W SIZE FONT SRC "line"   one typeset line: left x, baseline y,
 *                                     width, size of its first run, font index
 *                                     of its first run, source tag (which
 *                                     paragraph or cell: "p12"), its text
 *   rect X Y W H FILL STROKE LW       FILL/STROKE as #rrggbb or -
 *   line X1 Y1 X2 Y2 STROKE LW
 *   image X Y W H FORMAT "source"     png or jpeg, scaled into the box
 *   label "ก"                         the page's label (front matter) or
 *                                     its number, when the document has
 *                                     front matter
 *   mark LEVEL Y "title"              a bookmark on this page
 *   end
 */
#ifndef NITHET_DLIST_H
#define NITHET_DLIST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/arena.h"

/* A font as the PDF writer needs it. Owned by the font cache. */
typedef struct DlFont {
	const char *ps_name;         /* PostScript name, no spaces */
	const unsigned char *data;   /* the whole TrueType file */
	size_t len;
	unsigned upem;
	unsigned nglyphs;
	const uint32_t *gid_unicode; /* [nglyphs]: code point of each glyph, 0 unknown */
	const uint16_t *advance;     /* [nglyphs]: nominal advance (hmtx), font units */
	int ascent, descent, cap_height;  /* font units */
	int bbox[4];                 /* xMin yMin xMax yMax */
	int bold;
} DlFont;

typedef struct DlGlyph {
	uint32_t gid;
	int32_t adv;                 /* advance actually used (justification included) */
	int32_t dx, dy;              /* offset from the pen position */
} DlGlyph;

/* Glyphs of one font and size drawn from (x, y). */
typedef struct DlRun {
	int font;                    /* index into DisplayList.fonts */
	double size;                 /* points (already scaled) */
	double x, y;
	const DlGlyph *glyphs;
	size_t n;
} DlRun;

/* One typeset line: one /ActualText span carrying text. */
typedef struct DlText {
	const char *text;            /* UTF-8, exactly what the line shows */
	const char *src;             /* tag of the source block, for tests */
	double x, y, width;
	const DlRun *runs;
	size_t nruns;
} DlText;

typedef struct DlColor { unsigned char r, g, b, none; } DlColor;

typedef enum DlKind { DL_TEXT, DL_RECT, DL_LINE, DL_IMAGE } DlKind;

/* An image file's bytes, borrowed from the Doc (see DocImage): the writer
 * embeds each distinct data pointer once. */
typedef struct DlImage {
	double x, y, w, h;           /* the box it fills, bottom-left origin */
	const unsigned char *data;
	size_t len;
	int jpeg;                    /* 0: PNG */
	const char *source;
} DlImage;

typedef struct DlItem {
	DlKind kind;
	union {
		DlText text;
		struct { double x, y, w, h; DlColor fill, stroke; double lw; } rect;
		struct { double x1, y1, x2, y2; DlColor stroke; double lw; } line;
		DlImage image;
	} u;
} DlItem;

typedef struct DlPage {
	double w, h;
	/* Set on every page of a document with front matter: the page's label
	 * as printed ("ก", "ข", … or "1", "2", …; "" on a cover), and whether it
	 * is the first page numbered 1. NULL: pages are simply 1, 2, 3 … */
	const char *label;
	int body_first;
	DlItem *items;
	size_t nitems, cap;
} DlPage;

typedef struct DlMark {
	int level;                   /* 1.. */
	size_t page;                 /* 0-based */
	double y;
	const char *title;
} DlMark;

typedef struct DisplayList DisplayList;

/* Called with each page of a display list written as it is laid (see
 * page_fn): the page's items are there for this call only. */
typedef void (*DlPageFn)(void *user, const DisplayList *dl, size_t page);

struct DisplayList {
	Arena *arena;                /* what outlives a page: marks, labels, tags */
	/* What the pages not yet done draw with: their items' glyphs, runs and
	 * texts. Emptied when a page is done in a list that drops its pages. */
	Arena *page_arena;
	const DlFont **fonts;
	size_t nfonts;
	DlPage *pages;
	size_t npages, cap_pages;
	DlMark *marks;
	size_t nmarks, cap_marks;
	/* Document information, UTF-8; NULL = absent. */
	const char *title, *author, *subject, *keywords, *creator;
	long long created;           /* seconds since the epoch (UTC) */
	/* [pdf] archival: 0, or the PDF/A part written, at the one level
	 * written of it: 1 = PDF/A-1b, 2 = PDF/A-2u, 3 = PDF/A-3u (settings.h's
	 * PdfArchival); and the sRGB profile of its output intent (borrowed;
	 * render/ reads it once a process) */
	int archival;
	const unsigned char *icc;
	size_t icc_len;
	/* A long document is not held whole (a national annual report's pages
	 * were 170 MB): with drop_pages set, each page done is handed to
	 * page_fn (when set) and its items freed, and the list keeps only the
	 * pages' sizes and labels and the marks. */
	int drop_pages;
	DlPageFn page_fn;
	void *page_user;
	size_t ndone;                /* pages done: handed on and dropped */
	/* keep_max > 0: a list that keeps its pages drops them all when it
	 * would grow past keep_max, and every page after (without page_fn):
	 * overflowed says so, and the layer above lays the document again,
	 * page by page, knowing its length. */
	size_t keep_max;
	int overflowed;
};

/* A new empty display list that can use fonts[0..nfonts) (borrowed; the
 * array is copied). Free with dl_free. */
DisplayList *dl_new(const DlFont *const *fonts, size_t nfonts);
void dl_free(DisplayList *dl);

/* Page p (the last one, all pages before it done) is complete: when dl
 * drops its pages, hand it to page_fn and free what it drew with; else
 * nothing. */
void dl_page_done(DisplayList *dl, size_t p);

/* Append a page; returns its index. */
size_t dl_add_page(DisplayList *dl, double w, double h);
/* Append an item to page p; returns it (valid until the next add on p). */
DlItem *dl_add_item(DisplayList *dl, size_t p, DlKind kind);
void dl_add_mark(DisplayList *dl, size_t page, int level, double y, const char *title);

DlColor dl_rgb(unsigned r, unsigned g, unsigned b);
extern const DlColor DL_NONE;

/* Write the text dump (format above) to out. Returns 0, or -1 on a write error. */
int dl_dump(const DisplayList *dl, FILE *out);

/* Format v with at most `decimals` decimals, locale-independent, trailing
 * zeros dropped, into buf (>= 32 bytes). Returns the length. */
size_t dl_fmt_num(char *buf, double v, int decimals);

#endif
