/* internal.h - shared between the files of src/typeset/ only (HarfBuzz and
 * libthai types are allowed here and nowhere outside this folder). */
#ifndef NITHET_TYPESET_INTERNAL_H
#define NITHET_TYPESET_INTERNAL_H

#include <hb.h>
#include <stdint.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include "core/arena.h"
#include "core/hash.h"
#include "core/utf8.h"
#include "doc/doc.h"
#include "typeset/dlist.h"
#include "typeset/typeset.h"

enum { TS_THAI = 0, TS_LATIN = 1 };       /* families */

/* Justification limits, in ems of the line's text: the extra space one gap
 * may take at a space, and at a word boundary inside a run of Thai. */
#define TS_JUST_SPACE_EM 1.0
#define TS_JUST_WORD_EM 0.15
/* Thai distributed justification (ts_ctx_set_justify): the extra space of a
 * line is spread evenly over the gaps between the grapheme clusters of its
 * Thai text, a space taking TS_DIST_SPACE_SHARE gaps' worth; a line that
 * would need more than TS_DIST_GAP_EM a gap is left ragged. */
#define TS_DIST_GAP_EM 0.10
#define TS_DIST_SPACE_SHARE 2.0

/* ts_text_break's justify: how a justified line takes its extra width. */
enum { TS_JUSTIFY_NONE = 0, TS_JUSTIFY_WORDS = 1, TS_JUSTIFY_THAI = 2 };
enum { TS_COVER_MAX = 0x0E80 };

typedef struct TsFace {
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	DlFont dl;
	double scale;
	char *ps_name;
	char *path_key;                   /* file it came from */
	uint32_t *gid_unicode;
	uint16_t *advance;
	uint8_t cover[TS_COVER_MAX];      /* 1 when the cmap has the code point */
	/* 1 when the code point's glyph is in the font's kerning pairs: a run
	 * is never shaped in pieces next to one (shape.c, shape_pieces). */
	uint8_t kerned[TS_COVER_MAX];
} TsFace;

struct TsFonts {
	TsFace faces[4];
	size_t nfaces;
	int slot[2][2];                   /* [family][bold] -> face index, -1 none */
	const DlFont *dl[4];
};

/* One grapheme cluster of shaped text: its first source byte and first
 * glyph; both run up to the next cluster's (ts_cl_byte_end,
 * ts_cl_glyph_end). 16 bytes: one per character of every text the
 * shaping memo keeps. */
typedef struct TsCluster {
	uint32_t byte0;                   /* source bytes */
	uint32_t g0;                      /* glyphs */
	float w;                          /* width in points */
	uint8_t flags;
	uint16_t pen;                     /* cost of a break before this cluster (TS_BRK) */
} TsCluster;
_Static_assert(sizeof(TsCluster) == 16, "a cluster is 16 bytes");

enum {
	TS_BRK = 1,        /* a line may start with this cluster */
	TS_EMERG = 2,      /* ... if nothing better fits (never inside a word's cluster) */
	TS_SPACE = 4,      /* whitespace: dropped at line ends */
	TS_HARD = 8,       /* a newline in the text: the line ends here (zero width) */
	TS_INRUN = 16,     /* a TS_BRK between two words of one run of text (no space) */
	TS_GLUE = 32,      /* ... after a one-syllable word, or before one that ends the run:
	                    * never stretched in justification */
	TS_TIED = 64,      /* a TS_BRK after a space inside a short date (5 มี.ค. 58), between
	                    * a number and its unit (10 ครั้ง/โรง) or before a lone dash:
	                    * taken only when the line is narrower than the tied piece, and
	                    * no break for ts_text_measure's narrowest width */
	TS_THAIC = 128     /* begins with a Thai character (Thai distributed spreads
	                    * a line's extra width between two of these) */
};

/* A shaped paragraph: glyphs in logical order and their clusters. Lives in
 * the arena given to ts_text_shape. */
typedef struct TsLine {
	size_t c0, c1;                    /* clusters, trailing spaces excluded */
	double width;
	int hard;                         /* ends at a newline: never justified */
} TsLine;

/* Line breaks remembered with a remembered text (ts_text_break): a block
 * is broken again to see whether it fits under a heading, and again in
 * every pass over the document (a second for the lists of contents, more
 * to fit a page budget). */
typedef struct TsBreaks {
	double w_first, w_rest;
	int justify;
	size_t n;
	TsLine *lines;
	struct TsBreaks *next;
} TsBreaks;

typedef struct TsText {
	const char *str;
	size_t len;
	DlGlyph *glyphs;
	uint8_t *gface;                   /* face of each glyph */
	size_t ng;
	TsCluster *cl;
	size_t ncl;
	double size;                      /* Sarabun points */
	double em;                        /* points of the Thai face's em at size */
	/* A text in the shaping memo: the memo's arena, and the line breaks
	 * found for it so far (kept there too). NULL for a text of one
	 * caller's arena, whose breaks are not kept. */
	Arena *home;
	TsBreaks *breaks;
} TsText;

/* Where cluster i of t ends: its bytes and glyphs run up to the next
 * cluster's first. */
static inline size_t
ts_cl_byte_end(const TsText *t, size_t i)
{
	return i + 1 < t->ncl ? t->cl[i + 1].byte0 : t->len;
}

static inline size_t
ts_cl_glyph_end(const TsText *t, size_t i)
{
	return i + 1 < t->ncl ? t->cl[i + 1].g0 : t->ng;
}

typedef struct TsKeep {
	uint32_t *cp;
	size_t n;
} TsKeep;

/* A glyph of a remembered piece: its cluster as a byte offset into the
 * piece. */
typedef struct TsPieceGlyph {
	uint32_t gid, cluster;
	int32_t adv, dx, dy;
} TsPieceGlyph;

/* One remembered piece of a run: its bytes, face and script, and glyphs. */
typedef struct TsPiece {
	const char *str;
	uint32_t len, ng;
	uint8_t face, thai;
	const TsPieceGlyph *g;
} TsPiece;

/* One remembered shaping result (see ts_text_shape). */
typedef struct TsMemo {
	double size;
	const uint8_t *bold;              /* per byte of t->str */
	TsText *t;                        /* read-only once made */
} TsMemo;

/* libthai's breaks of one run of Thai letters (see breaks.c, thai_breaks). */
typedef struct TsBrkMemo {
	const wchar_t *w;
	size_t len;
	const int *pos;
	int npos;
} TsBrkMemo;

/* The memo of one context stops growing at this many bytes and is emptied
 * before the next document. */
enum { TS_MEMO_BYTES = 16 << 20 };

struct TsCtx {
	TsFonts *fonts;
	int thai_digits;                  /* every 0-9 shaped as ๐-๙ (ts_ctx_set_digits) */
	int justify;                      /* TS_JUSTIFY_WORDS or _THAI (ts_ctx_set_justify) */
	ThBrk *brk;                       /* shared by every context (ctx.c) */
	hb_buffer_t *buf;
	/* scratch, grown as needed */
	uint32_t *cps;
	uint32_t *offs;
	uint8_t *bold;
	uint8_t *fam;
	uint8_t *brkok;
	uint8_t *edge;                    /* keep-word edges */
	wchar_t *wcs;
	int *pos;
	size_t cap;
	TsKeep *keep;
	size_t nkeep;
	/* Shaped paragraphs by (text, bold, size): reports repeat labels, table
	 * headers and whole paragraphs from document to document. */
	Arena *memo_arena;                /* the memos' entries and what they hold */
	HashTable memo;                   /* of TsMemo */
	/* Runs of Thai letters and their breaks: a paragraph seen for the first
	 * time is mostly made of words seen before. Same arena and lifetime. */
	HashTable bmemo;                  /* of TsBrkMemo */
	/* Runs shaped in pieces (words between spaces, and between Thai words
	 * where no kerning pair can reach across): HarfBuzz is the dearest
	 * part of shaping, and a new paragraph is mostly words seen before.
	 * Same arena and lifetime. */
	HashTable pmemo;                  /* of TsPiece */
	TsPieceGlyph *rg;                 /* a run's glyphs, gathered from its pieces */
	size_t rg_cap;
	TsPieceGlyph *pg;                 /* a piece's glyphs when the memo is full */
	size_t pg_cap;
	char *sbuf;                       /* the paragraph being looked up */
	size_t sbuf_cap;
	/* A text's glyphs, their faces and its clusters while it is shaped,
	 * copied to their exact sizes once done (the memo keeps thousands of
	 * short texts: table cells, labels). */
	DlGlyph *tg;
	uint8_t *tgf;
	size_t tg_cap;
	TsCluster *tcl;
	size_t tcl_cap;
};

/* Shape t (the spans of a DocText, or one string when spans is NULL) at
 * size Sarabun points; bold_all forces bold. The result is read-only: it is
 * either remembered in c's memo (valid until the next ts_memo_trim) or in
 * arena a. */
TsText *ts_text_shape(TsCtx *c, Arena *a, const DocText *t, const char *plain,
	double size, int bold_all);
/* Narrowest possible width (widest piece between breaks that are not
 * TS_TIED) and natural width. */
void ts_text_measure(const TsText *t, double *minw, double *maxw);
/* Break into lines no wider than w_first (first line) and w_rest, choosing
 * the breaks of the whole paragraph together (least total cost; linebreak.c and price.c say
 * how much each thing costs): lines, break penalties (TsCluster.pen: a space
 * costs nothing, a break between two words of one run of Thai costs more,
 * next to a one-syllable word or leaving one word of a run alone more still,
 * splitting a short run such as a name more again), uneven line ends and,
 * with justify, lines that will be left ragged because their slack is more
 * than their gaps may take (see ts_text_emit). A line more costs more than
 * any break between words, less than splitting a name. Returns the number of
 * lines; *out is read-only, in arena a or, for a text of the shaping memo,
 * remembered with it (the same widths give the same lines at once). Never
 * fails: a piece wider than the line is split at cluster boundaries, and
 * only then. */
size_t ts_text_break(const TsText *t, Arena *a, double w_first, double w_rest, int justify,
	TsLine **out);
/* Emit line k of lines (of n) as a DL_TEXT on page p of dl: left edge x,
 * baseline y (PDF coordinates), box width w, alignment; src tags the item.
 * Justified lines (c->justify) spread their extra width over the gaps
 * between Thai characters and the spaces (TS_DIST_*), or stretch their
 * spaces (up to TS_JUST_SPACE_EM each), then the word boundaries not marked
 * TS_GLUE (up to TS_JUST_WORD_EM each); a line that would need more is
 * left ragged (set left). A line without Thai text always takes the
 * second way. */
void ts_text_emit(TsCtx *c, DisplayList *dl, size_t p, const TsText *t, const TsLine *lines,
	size_t k, size_t n, double x, double y, double w, DocAlign align, const char *src);
/* Face index of slot (family, bold), falling back to regular and Thai. */
int ts_face_of(const TsFonts *f, int fam, int bold);

/* Settings keep words into c (replaces the previous list; a different list
 * empties the memo, whose breaks depend on it). */
void ts_ctx_set_keep(TsCtx *c, char *const *words, size_t n);
/* Whether every ASCII digit of the text shaped from now on is printed as a
 * Thai digit: one switch for all the text of a document (plan text, data,
 * page numbers), so that none is left in Arabic digits. */
void ts_ctx_set_digits(TsCtx *c, int thai);
/* How justified paragraphs take their extra width: TS_JUSTIFY_THAI spreads
 * it over the characters of Thai text (Word's Thai Distributed, marks
 * staying on their bases), TS_JUSTIFY_WORDS over spaces and word
 * boundaries. */
void ts_ctx_set_justify(TsCtx *c, int how);
/* Empty c's memo when it has reached TS_MEMO_BYTES. Call between documents
 * only: it frees every TsText the memo handed out. */
void ts_memo_trim(TsCtx *c);

/* ---- between the files of the text stage ---- */

/* Character classes of break finding, pricing and shaping. */
static inline int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Thai letters libthai should see (consonants, vowels, marks; not digits or
 * the currency and punctuation signs around them). */
static inline int
is_thai_word_char(uint32_t cp)
{
	return (cp >= 0x0E01 && cp <= 0x0E3A) || (cp >= 0x0E40 && cp <= 0x0E4E);
}

/* Characters that may not begin a line: marks and following vowels belong
 * to the syllable before them, mai yamok and closing punctuation to the word. */
static inline int
no_line_start(uint32_t cp)
{
	if (utf8_is_thai_mark(cp))
		return 1;
	switch (cp) {
	case 0x0E30: case 0x0E32: case 0x0E33: case 0x0E45: case 0x0E46: case 0x0E2F:
	case ')': case ']': case '}': case ',': case '.': case ':': case ';': case '!':
	case '?': case '%': case 0x201D: case 0x2019: case '"':
		return 1;
	default:
		return 0;
	}
}

static inline int
no_line_end(uint32_t cp)
{
	return utf8_is_thai_leading_vowel(cp) || cp == '(' || cp == '[' || cp == '{' ||
		cp == 0x201C || cp == 0x2018;
}

/* Punctuation that closes or opens a quoted or bracketed phrase. */
static inline int
is_phrase_close(uint32_t cp)
{
	return cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']' || cp == 0x00BB;
}

static inline int
is_phrase_open(uint32_t cp)
{
	return cp == 0x201C || cp == 0x2018 || cp == '(' || cp == '[' || cp == 0x00AB;
}

/* The gap before cluster i takes a share of a Thai distributed line's
 * extra width: it lies inside Thai text (figures and Latin words are never
 * letter-spaced; spaces take theirs apart). The line breaker asks this of
 * every cluster of every line it tries: flags only. */
static inline int
thai_gap(const TsText *t, size_t i)
{
	const TsCluster *cl = t->cl;
	return i > 0 && (cl[i - 1].flags & (TS_SPACE | TS_HARD | TS_THAIC)) == TS_THAIC &&
	    (cl[i].flags & (TS_SPACE | TS_HARD | TS_THAIC)) == TS_THAIC;
}

/* Decode len bytes of s: returns the number of code points; when cps is
 * not NULL, fills cps[] and offs[] (the byte offset of each). A byte that
 * is no UTF-8 counts as one code point. (ctx.c) */
size_t ts_decode_all(const char *s, size_t len, uint32_t *cps, uint32_t *offs);
/* Break opportunities of c->cps[0..n) into c->brkok (1: a line may start
 * at that code point), keep words whole. (breaks.c) */
void ts_find_breaks(TsCtx *c, size_t n);
/* Penalties of tx's break opportunities inside runs and around numbers,
 * then the spaces tied; c->pos[k] is the first code point of cluster k.
 * (price.c) */
void ts_price_breaks(const TsCtx *c, TsText *tx);
void ts_tie_breaks(const TsCtx *c, TsText *tx);

#endif
