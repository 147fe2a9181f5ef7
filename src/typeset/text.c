/* text.c - one paragraph of text: itemise by script and font coverage, find
 * break opportunities (libthai for Thai, spaces elsewhere, keep-together
 * words) and what each costs, shape with HarfBuzz, choose the line breaks of
 * the paragraph together and emit the lines. */
#include "typeset/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

TsCtx *
ts_ctx_new(TsFonts *f, Diag *d)
{
	ThBrk *brk = th_brk_new(NULL);
	if (brk == NULL) {
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0,
			"cannot load libthai's word-break dictionary (th_brk_new failed); "
			"install the libthai-data package");
		return NULL;
	}
	TsCtx *c = mem_alloc(sizeof *c);
	c->fonts = f;
	c->brk = brk;
	c->buf = hb_buffer_create();
	c->memo_arena = arena_new();
	return c;
}

void
ts_ctx_free(TsCtx *c)
{
	if (c == NULL)
		return;
	th_brk_delete(c->brk);
	hb_buffer_destroy(c->buf);
	free(c->cps);
	free(c->offs);
	free(c->bold);
	free(c->fam);
	free(c->brkok);
	free(c->edge);
	free(c->wcs);
	free(c->pos);
	for (size_t i = 0; i < c->nkeep; i++)
		free(c->keep[i].cp);
	free(c->keep);
	free(c->memo);
	free(c->bmemo);
	free(c->pmemo);
	free(c->rg);
	free(c->pg);
	arena_free(c->memo_arena);
	free(c->sbuf);
	free(c);
}

static void
memo_clear(TsCtx *c)
{
	arena_free(c->memo_arena);
	c->memo_arena = arena_new();
	free(c->memo);
	c->memo = NULL;
	c->memo_cap = c->memo_n = 0;
	free(c->bmemo);
	c->bmemo = NULL;
	c->bmemo_cap = c->bmemo_n = 0;
	free(c->pmemo);
	c->pmemo = NULL;
	c->pmemo_cap = c->pmemo_n = 0;
}

void
ts_memo_trim(TsCtx *c)
{
	if (arena_used(c->memo_arena) >= TS_MEMO_BYTES)
		memo_clear(c);
}

static size_t
decode_all(const char *s, size_t len, uint32_t *cps, uint32_t *offs)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		if (cps) {
			cps[n] = cp;
			offs[n] = (uint32_t)i;
		}
		n++;
		i += k;
	}
	return n;
}

/* Whether words (as set_keep would store them) equal c's list. */
static int
keep_same(const TsCtx *c, char *const *words, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(words[i]);
		size_t m = decode_all(words[i], len, NULL, NULL);
		if (m < 2)
			continue;
		if (k >= c->nkeep || c->keep[k].n != m)
			return 0;
		size_t j = 0;
		for (size_t at = 0; at < len; j++) {
			uint32_t cp;
			size_t step = utf8_decode(words[i] + at, len - at, &cp);
			at += step ? step : 1;
			if (cp != c->keep[k].cp[j])
				return 0;
		}
		k++;
	}
	return k == c->nkeep;
}

void
ts_ctx_set_keep(TsCtx *c, char *const *words, size_t n)
{
	/* Every document sets the same list: keep it, and the memo with it. */
	if (c->keep && keep_same(c, words, n))
		return;
	memo_clear(c);
	for (size_t i = 0; i < c->nkeep; i++)
		free(c->keep[i].cp);
	free(c->keep);
	c->keep = mem_array(n ? n : 1, sizeof *c->keep);
	c->nkeep = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(words[i]);
		size_t k = decode_all(words[i], len, NULL, NULL);
		if (k < 2)
			continue;
		TsKeep *kw = &c->keep[c->nkeep++];
		kw->cp = mem_array(k, sizeof *kw->cp);
		uint32_t *offs = mem_array(k, sizeof *offs);
		kw->n = decode_all(words[i], len, kw->cp, offs);
		free(offs);
	}
}

void
ts_ctx_set_digits(TsCtx *c, int thai)
{
	if (c->thai_digits == thai)
		return;
	memo_clear(c);  /* the memo is keyed by the text before conversion */
	c->thai_digits = thai;
}

void
ts_ctx_set_justify(TsCtx *c, int how)
{
	c->justify = how;
}

static void
grow(TsCtx *c, size_t n)
{
	if (n + 1 <= c->cap)
		return;
	size_t cap = c->cap ? c->cap : 256;
	while (cap < n + 1)
		cap *= 2;
	c->cps = mem_grow(c->cps, cap, sizeof *c->cps);
	c->offs = mem_grow(c->offs, cap, sizeof *c->offs);
	c->bold = mem_grow(c->bold, cap, sizeof *c->bold);
	c->fam = mem_grow(c->fam, cap, sizeof *c->fam);
	c->brkok = mem_grow(c->brkok, cap, sizeof *c->brkok);
	c->edge = mem_grow(c->edge, cap, sizeof *c->edge);
	c->wcs = mem_grow(c->wcs, cap, sizeof *c->wcs);
	c->pos = mem_grow(c->pos, cap, sizeof *c->pos);
	c->cap = cap;
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Thai letters libthai should see (consonants, vowels, marks; not digits or
 * the currency and punctuation signs around them). */
static int
is_thai_word_char(uint32_t cp)
{
	return (cp >= 0x0E01 && cp <= 0x0E3A) || (cp >= 0x0E40 && cp <= 0x0E4E);
}

/* Characters that may not begin a line: marks and following vowels belong
 * to the syllable before them, mai yamok and closing punctuation to the word. */
static int
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

static int
no_line_end(uint32_t cp)
{
	return utf8_is_thai_leading_vowel(cp) || cp == '(' || cp == '[' || cp == '{' ||
		cp == 0x201C || cp == 0x2018;
}

/* Punctuation that closes or opens a quoted or bracketed phrase. */
static int
is_phrase_close(uint32_t cp)
{
	return cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']' || cp == 0x00BB;
}

static int
is_phrase_open(uint32_t cp)
{
	return cp == 0x201C || cp == 0x2018 || cp == '(' || cp == '[' || cp == 0x00AB;
}

static int
covers(const TsFonts *f, int face, uint32_t cp)
{
	const TsFace *fc = &f->faces[face];
	if (cp < TS_COVER_MAX)
		return fc->cover[cp];
	hb_codepoint_t g;
	return hb_font_get_nominal_glyph(fc->font, cp, &g);
}

/* libthai's break positions in c->wcs[0..len) into c->pos; returns their
 * count. Remembered per run: libthai's dictionary walk is the dearest part
 * of breaking, and the same words come back in every report. */
static int
thai_breaks(TsCtx *c, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (uint64_t)(uint32_t)c->wcs[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 29;
	size_t mask = c->bmemo_cap - 1;
	for (size_t i = h & mask; c->bmemo_cap; i = (i + 1) & mask) {
		const TsBrkMemo *m = &c->bmemo[i];
		if (m->w == NULL)
			break;
		if (m->hash == h && m->len == len && memcmp(m->w, c->wcs, len * sizeof *m->w) == 0) {
			memcpy(c->pos, m->pos, (size_t)m->npos * sizeof *c->pos);
			return m->npos;
		}
	}
	int k = th_brk_wc_find_breaks(c->brk, (const thwchar_t *)c->wcs, c->pos, len);
	if (k < 0)
		k = 0;
	if (arena_used(c->memo_arena) >= TS_MEMO_BYTES)
		return k;
	if (2 * (c->bmemo_n + 1) > c->bmemo_cap) {
		size_t cap = c->bmemo_cap ? 2 * c->bmemo_cap : 1024;
		TsBrkMemo *tab = mem_array(cap, sizeof *tab);
		for (size_t j = 0; j < c->bmemo_cap; j++) {
			if (c->bmemo[j].w == NULL)
				continue;
			size_t i = c->bmemo[j].hash & (cap - 1);
			while (tab[i].w != NULL)
				i = (i + 1) & (cap - 1);
			tab[i] = c->bmemo[j];
		}
		free(c->bmemo);
		c->bmemo = tab;
		c->bmemo_cap = cap;
	}
	wchar_t *w = arena_array(c->memo_arena, len + 1, sizeof *w);
	memcpy(w, c->wcs, len * sizeof *w);
	int *pos = arena_array(c->memo_arena, (size_t)k + 1, sizeof *pos);
	memcpy(pos, c->pos, (size_t)k * sizeof *pos);
	size_t i = h & (c->bmemo_cap - 1);
	while (c->bmemo[i].w != NULL)
		i = (i + 1) & (c->bmemo_cap - 1);
	c->bmemo[i] = (TsBrkMemo){ h, w, len, pos, k };
	c->bmemo_n++;
	return k;
}

/* Break opportunities: c->brkok[i] = 1 when a line may start at code point i. */
static void
find_breaks(TsCtx *c, size_t n)
{
	uint32_t *cp = c->cps;
	uint8_t *ok = c->brkok;
	memset(ok, 0, n + 1);
	/* Keep-together words first: each occurrence is one unbreakable word,
	 * and the dictionary never sees across its edges (so "...คุณภาพก.ต.ป.น."
	 * is not read as "คุณภา|พก"). edge[i] = 1 at an occurrence's edges,
	 * 2 strictly inside. */
	uint8_t *edge = c->edge;
	memset(edge, 0, n + 1);
	for (size_t k = 0; k < c->nkeep; k++) {
		const TsKeep *kw = &c->keep[k];
		for (size_t i = 0; i + kw->n <= n; i++) {
			if (cp[i] != kw->cp[0] || memcmp(cp + i, kw->cp, kw->n * sizeof *cp) != 0)
				continue;
			if (edge[i] != 2)
				edge[i] = 1;
			for (size_t m = i + 1; m < i + kw->n; m++)
				edge[m] = 2;
			if (edge[i + kw->n] != 2)
				edge[i + kw->n] = 1;
			i += kw->n - 1;
		}
	}
	for (size_t i = 0; i < n;) {
		if (is_thai_word_char(cp[i]) && edge[i] != 2) {
			size_t j = i;
			while (j < n && is_thai_word_char(cp[j]) && (j == i || edge[j] == 0)) {
				c->wcs[j - i] = (wchar_t)cp[j];
				j++;
			}
			c->wcs[j - i] = 0;
			int k = thai_breaks(c, j - i);
			for (int m = 0; m < k; m++)
				if (c->pos[m] > 0 && (size_t)c->pos[m] < j - i)
					ok[i + (size_t)c->pos[m]] = 1;
			i = j;
		} else if (is_space(cp[i])) {
			size_t j = i;
			while (j < n && is_space(cp[j]))
				j++;
			if (j < n)
				ok[j] = 1;
			i = j;
		} else {
			i++;
		}
	}
	for (size_t i = 1; i < n; i++)
		if (edge[i] == 1)
			ok[i] = 1;
	/* A quotation or bracket that closes before a Thai letter, or opens
	 * after one, ends a phrase as a space does ("...คุณครู”|ผู้บริหาร"):
	 * the dictionary, which reads runs of letters only, never offers it. */
	for (size_t i = 1; i < n; i++)
		if ((is_phrase_close(cp[i - 1]) && is_thai_word_char(cp[i])) ||
		    (is_thai_word_char(cp[i - 1]) && is_phrase_open(cp[i])))
			ok[i] = 1;
	/* Rules that override the dictionary. */
	for (size_t i = 1; i < n; i++) {
		if (!ok[i])
			continue;
		if ((no_line_start(cp[i]) && !is_space(cp[i - 1])) || no_line_end(cp[i - 1]))
			ok[i] = 0;
	}
	/* No break strictly inside a keep-together word. */
	for (size_t i = 1; i < n; i++)
		if (edge[i] == 2)
			ok[i] = 0;
	ok[0] = 0;
}

/* Break penalties (TsCluster.pen), in the units of the line cost of
 * ts_text_break, where a line left 10% short costs 10. Thai puts spaces
 * between phrases, not words: a space is where a reader expects a line to
 * end. A break between two dictionary words of one run is legal but cuts a
 * phrase, and libthai's dictionary splits compounds into their parts
 * (ภาค|ผนวก, การ|ศึกษา, ผู้|บริหาร, คุณ|ครู, บ้านห้วยน้ำ|ใส). Two signs mark
 * such a compound without a list of compounds: one part is a one-syllable
 * word that is not a function word (a "bound" word: prefixes การ ผู้ คุณ,
 * and ภาค สี ใส ขอ ละ ...), or the break leaves the first or last word of
 * a run alone on its line, like a hyphenated word's last two letters (TeX's
 * lefthyphenmin and righthyphenmin, with words for letters). Function words
 * (และ ใน ที่ ของ ...) are the one-syllable words a Thai line may well end
 * or start with; they alone are listed, a closed class. Breaking after a
 * bound word costs more than before one: prefixes bind to what follows. */
enum {
	PEN_INRUN = 40,         /* any break between two words of one run */
	PEN_AFTER_BOUND = 200,  /* ... the word before it is bound */
	PEN_BEFORE_BOUND = 20,  /* ... the word after it is bound */
	PEN_EDGE = 60,          /* ... it leaves the run's first or last word alone */
	PEN_EDGE_BOUND = 600,   /* ... and that word is bound */
	/* A number stays with the word before it and its unit after it (เขต 2,
	 * วันที่ 30, 11 ข้อ, 500,000 บาท): a space next to one costs this. */
	PEN_NUMBER = 50,
	NUMBER_MAX = 9,         /* code points of a number kept so */
	/* A space tied (TS_TIED, see tie_breaks) costs more than any number of
	 * lines a cell or a paragraph could add to avoid it, less than a break
	 * inside a word. */
	PEN_TIED = 20000,
	UNIT_MAX = 8,           /* letters (marks not counted) of a unit word */
	WORD_BEFORE_MAX = 5     /* ... of a word tied to the number after it (ร้อยละ 96.52) */
};

static const char *const function_words[] = {
	"และ", "หรือ", "แต่", "กับ", "ก็", "จึง", "ถ้า", "หาก", "เมื่อ", "จน", "ซึ่ง", "ว่า",
	"ใน", "ของ", "แก่", "แด่", "ต่อ", "จาก", "โดย", "เพื่อ", "ตาม", "ถึง", "ด้วย", "สู่", "ณ",
	"ที่", "ยัง", "จะ", "ให้", "ต้อง", "ควร", "อาจ", "เป็น", "คือ", "มี", "ทุก", "แล้ว",
};

static int
is_thai_vowel(uint32_t cp)
{
	return (cp >= 0x0E30 && cp <= 0x0E39) || (cp >= 0x0E40 && cp <= 0x0E45) || cp == 0x0E47;
}

enum { WORD_OTHER = 0, WORD_FUNCTION = 1, WORD_BOUND = 2 };

/* The class of the word at code points [from, to) of c->cps. One syllable
 * is judged by spelling: at most three spacing letters after a leading
 * vowel, a letter silenced by thanthakhat or the second letter of an
 * initial cluster not counted, and at most one vowel sign (ภาค, เดือน, คุณ,
 * ห้วย, ประ, ความ; not ผนวก, สถาน, ระบุ, ศึกษา). คณะ and พลัง come out
 * wrong; the class only sets a penalty. Punctuation around the
 * word is ignored; a word with no Thai letter is WORD_OTHER. */
static int
word_class(const TsCtx *c, const char *str, size_t from, size_t to)
{
	const uint32_t *cp = c->cps;
	while (from < to && !is_thai_word_char(cp[from]))
		from++;
	while (to > from && !is_thai_word_char(cp[to - 1]))
		to--;
	if (from == to)
		return WORD_OTHER;
	size_t i = from, spacing = 0, vowels = 0;
	if (utf8_is_thai_leading_vowel(cp[i]))
		i++;
	/* A true initial cluster (คว, ปร, กล ...) is one sound: count it once. */
	int cluster = i + 1 < to && (cp[i] == 0x0E01 || cp[i] == 0x0E02 || cp[i] == 0x0E04 ||
	    cp[i] == 0x0E15 || cp[i] == 0x0E1B || cp[i] == 0x0E1E) &&
	    (cp[i + 1] == 0x0E23 || cp[i + 1] == 0x0E25 || cp[i + 1] == 0x0E27);
	for (; i < to; i++) {
		uint32_t u = cp[i];
		if (!is_thai_word_char(u))
			return WORD_OTHER;
		if (u == 0x0E4C) {
			if (spacing > 0)
				spacing--;
			continue;
		}
		vowels += is_thai_vowel(u);
		spacing += !utf8_is_thai_mark(u);
	}
	if (spacing > 3 + (size_t)cluster || vowels > 1)
		return WORD_OTHER;
	/* Thai letters take three bytes in UTF-8. */
	size_t b0 = c->offs[from], b1 = c->offs[to - 1] + 3;
	for (size_t k = 0; k < sizeof function_words / sizeof function_words[0]; k++)
		if (strlen(function_words[k]) == b1 - b0 && memcmp(function_words[k], str + b0, b1 - b0) == 0)
			return WORD_FUNCTION;
	return WORD_BOUND;
}

/* Whether code points [from, to) are a short number: digits (Arabic or
 * Thai) with separators, as 2, 30, 2558, 500,000, 97.44, 12.3.4, 50%. */
static int
is_number(const uint32_t *cp, size_t from, size_t to)
{
	if (to <= from || to - from > NUMBER_MAX)
		return 0;
	int digits = 0;
	for (size_t i = from; i < to; i++) {
		uint32_t u = cp[i];
		if ((u >= '0' && u <= '9') || (u >= 0x0E50 && u <= 0x0E59))
			digits = 1;
		else if (u != '.' && u != ',' && u != '%' && u != '-' && u != '/')
			return 0;
	}
	return digits;
}

/* Set TS_INRUN, TS_GLUE and pen on the breaks of tx that fall inside a run
 * of text (between two spaces), and pen on the spaces around a number.
 * c->pos[k] is the first code point of
 * cluster k (c->pos[ncl] = their number). */
static void
price_breaks(const TsCtx *c, TsText *tx)
{
	TsCluster *cl = tx->cl;
	size_t ncl = tx->ncl;
	const int *at = c->pos;
	for (size_t r = 0; r < ncl;) {
		if (cl[r].flags & TS_SPACE) {
			r++;
			continue;
		}
		size_t e = r + 1;
		while (e < ncl && !(cl[e].flags & TS_SPACE))
			e++;
		if (is_number(c->cps, (size_t)at[r], (size_t)at[e])) {
			size_t after = e;
			while (after < ncl && (cl[after].flags & TS_SPACE) && !(cl[after].flags & TS_HARD))
				after++;
			if (cl[r].flags & TS_BRK)
				cl[r].pen = (uint16_t)(cl[r].pen + PEN_NUMBER);
			if (after < ncl && (cl[after].flags & TS_BRK))
				cl[after].pen = (uint16_t)(cl[after].pen + PEN_NUMBER);
		}
		/* Words of the run: from one break to the next. */
		size_t prev = r, b = r + 1;
		while (b < e && !(cl[b].flags & TS_BRK))
			b++;
		int left = b < e ? word_class(c, tx->str, (size_t)at[prev], (size_t)at[b]) : 0;
		while (b < e) {
			size_t nb = b + 1;
			while (nb < e && !(cl[nb].flags & TS_BRK))
				nb++;
			int right = word_class(c, tx->str, (size_t)at[b], (size_t)at[nb]);
			uint32_t before = c->cps[at[b] - 1], after = c->cps[at[b]];
			int phrase = is_phrase_close(before) || is_phrase_open(after);
			unsigned pen = PEN_INRUN;
			if (!phrase) {
				if (left == WORD_BOUND)
					pen += PEN_AFTER_BOUND;
				if (right == WORD_BOUND)
					pen += PEN_BEFORE_BOUND;
				if (prev == r && left != WORD_FUNCTION)
					pen += left == WORD_BOUND ? PEN_EDGE_BOUND : PEN_EDGE;
				if (nb == e && right != WORD_FUNCTION)
					pen += right == WORD_BOUND ? PEN_EDGE_BOUND : PEN_EDGE;
			}
			cl[b].pen = (uint16_t)pen;
			cl[b].flags |= TS_INRUN;
			if (!phrase && (left == WORD_BOUND || (right == WORD_BOUND && nb == e)))
				cl[b].flags |= TS_GLUE;
			prev = b;
			b = nb;
			left = right;
		}
		r = e;
	}
}

/* Thai month names, abbreviated as dates are written in tables (5 มี.ค. 58)
 * and in full as in text (30 กันยายน 2558). */
static const char *const month_abbr[] = {
	"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
	"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
	"กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
};

static int
is_digit_cp(uint32_t u)
{
	return (u >= '0' && u <= '9') || (u >= 0x0E50 && u <= 0x0E59);
}

/* Code points [from, to) less opening or closing punctuation around them
 * (a date or a unit in brackets, a number before a comma). */
static void
trim_punct(const uint32_t *cp, size_t *from, size_t *to)
{
	while (*from < *to && (cp[*from] == '(' || cp[*from] == '[' || cp[*from] == 0x201C))
		(*from)++;
	while (*to > *from && (cp[*to - 1] == ')' || cp[*to - 1] == ']' || cp[*to - 1] == ',' ||
	    cp[*to - 1] == ';' || cp[*to - 1] == ':' || cp[*to - 1] == 0x201D))
		(*to)--;
}

/* Whether [from, to) is nothing but digits, between min and max of them. */
static int
all_digits(const uint32_t *cp, size_t from, size_t to, size_t min, size_t max)
{
	if (to - from < min || to - from > max)
		return 0;
	for (size_t i = from; i < to; i++)
		if (!is_digit_cp(cp[i]))
			return 0;
	return 1;
}

/* One run of text between spaces, as tie_breaks sees it. */
typedef struct TieRun {
	size_t c0, c1;          /* clusters */
	size_t p0, p1;          /* code points, punctuation around them trimmed */
	int whole;              /* no break opportunity inside */
	int number;             /* a short number (is_number) */
	int month;              /* a month name, abbreviated or in full */
	size_t letters;         /* Thai letters and signs up to a slash, marks not counted;
	                         * 0 if anything else */
	int closed;             /* ends in punctuation (58:, เขต,): says no more */
} TieRun;

static void
tie_run(const TsCtx *c, const TsText *tx, size_t r, size_t e, TieRun *run)
{
	const uint32_t *cp = c->cps;
	const int *at = c->pos;
	run->c0 = r;
	run->c1 = e;
	run->p0 = (size_t)at[r];
	run->p1 = (size_t)at[e];
	trim_punct(cp, &run->p0, &run->p1);
	run->closed = run->p1 < (size_t)at[e];
	run->whole = 1;
	for (size_t k = r + 1; k < e; k++)
		if (tx->cl[k].flags & TS_BRK)
			run->whole = 0;
	run->number = is_number(cp, (size_t)at[r], (size_t)at[e]) ||
		(run->p1 > run->p0 && is_number(cp, run->p0, run->p1));
	run->month = 0;
	size_t b0 = tx->cl[r].byte0, b1 = tx->cl[e - 1].byte1;
	for (size_t m = 0; m < sizeof month_abbr / sizeof month_abbr[0]; m++)
		if (strlen(month_abbr[m]) == b1 - b0 && memcmp(month_abbr[m], tx->str + b0, b1 - b0) == 0)
			run->month = 1;
	/* A unit "per" something (ครั้ง/โรงเรียน) counts up to its slash. */
	run->letters = 0;
	int per = 0;
	for (size_t i = run->p0; i < run->p1; i++) {
		if (!is_thai_word_char(cp[i]) && cp[i] != '/' && cp[i] != '.') {
			run->letters = 0;
			break;
		}
		per |= cp[i] == '/';
		run->letters += !per && !utf8_is_thai_mark(cp[i]);
	}
	if (run->p1 <= run->p0 || !is_thai_word_char(cp[run->p0]))
		run->letters = 0;
	/* จาก, ถึง, และ ... join phrases, they are no unit (102 จาก 108). */
	if (run->letters > 0 && word_class(c, tx->str, run->p0, run->p1) == WORD_FUNCTION)
		run->letters = 0;
}

/* Whether the space between runs a and b should be tied: a Thai date
 * (day, month abbreviated or in full, year of two or four digits) never breaks
 * inside; a number keeps its unit word after it (10 ครั้ง/โรง, 117 โรงเรียน:
 * one dictionary word of up to UNIT_MAX letters, not a function word) and
 * a short word before it (เขต 2); a lone dash stays at the end of the line before it, so a
 * range breaks after its dash (21 ต.ค. 57 - | 12 พ.ย. 57). */
static int
tie_between(const uint32_t *cp, const TieRun *a, const TieRun *b)
{
	if (a->month && all_digits(cp, b->p0, b->p1, 2, 2))
		return 1;
	if (b->month && !a->closed && all_digits(cp, a->p0, a->p1, 1, 2))
		return 1; /* the day before its month */
	if (a->month && all_digits(cp, b->p0, b->p1, 4, 4))
		return 1;
	if (b->c1 - b->c0 == 1 && (cp[b->p0] == '-' || cp[b->p0] == 0x2013) && b->p1 == b->p0 + 1)
		return 1;
	if (a->number && !a->closed && b->whole && b->letters > 0 && b->letters <= UNIT_MAX)
		return 1;
	if (b->number && a->whole && a->letters > 0 && a->letters <= WORD_BEFORE_MAX && !a->month &&
	    !a->closed)
		return 1;
	return 0;
}

/* Mark TS_TIED (and PEN_TIED) on the breaks after spaces that tie_between
 * picks. c->pos[k] is the first code point of cluster k. */
static void
tie_breaks(const TsCtx *c, TsText *tx)
{
	TsCluster *cl = tx->cl;
	size_t ncl = tx->ncl;
	TieRun prev = { 0 };
	int have_prev = 0;
	for (size_t r = 0; r < ncl;) {
		if (cl[r].flags & TS_SPACE) {
			if (cl[r].flags & TS_HARD)
				have_prev = 0;
			r++;
			continue;
		}
		size_t e = r + 1;
		while (e < ncl && !(cl[e].flags & TS_SPACE))
			e++;
		TieRun run;
		tie_run(c, tx, r, e, &run);
		if (have_prev && (cl[r].flags & TS_BRK) && tie_between(c->cps, &prev, &run)) {
			cl[r].flags |= TS_TIED;
			cl[r].pen = PEN_TIED;
		}
		prev = run;
		have_prev = 1;
		r = e;
	}
}

static void
shape_run(TsCtx *c, const char *str, size_t len, size_t b0, size_t b1, int face, int thai)
{
	hb_buffer_t *buf = c->buf;
	hb_buffer_clear_contents(buf);
	hb_buffer_add_utf8(buf, str, (int)len, (unsigned)b0, (int)(b1 - b0));
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_script(buf, thai ? HB_SCRIPT_THAI : HB_SCRIPT_LATIN);
	hb_buffer_set_language(buf, hb_language_from_string("th", 2));
	hb_shape(c->fonts->faces[face].font, buf, NULL, 0);
}

/* The glyphs of str[b0, b1) (one piece) in face, from the piece memo or
 * shaped alone and remembered (or, the memo full, in scratch valid until
 * the next call); *ng their count. */
static const TsPieceGlyph *
piece_glyphs(TsCtx *c, const char *str, size_t len, size_t b0, size_t b1, int face, int thai, uint32_t *ng)
{
	uint64_t h = 1469598103934665603ULL ^ (uint64_t)(face * 2 + thai);
	for (size_t i = b0; i < b1; i++) {
		h ^= (unsigned char)str[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 29;
	uint32_t n = (uint32_t)(b1 - b0);
	size_t mask = c->pmemo_cap - 1;
	for (size_t i = h & mask; c->pmemo_cap; i = (i + 1) & mask) {
		const TsPiece *m = &c->pmemo[i];
		if (m->str == NULL)
			break;
		if (m->hash == h && m->len == n && m->face == face && m->thai == thai &&
		    memcmp(m->str, str + b0, n) == 0) {
			*ng = m->ng;
			return m->g;
		}
	}
	shape_run(c, str, len, b0, b1, face, thai);
	unsigned gn = 0;
	hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(c->buf, &gn);
	hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(c->buf, &gn);
	/* Kept in the memo, or (memo full) in the scratch it is read from. */
	int keep = arena_used(c->memo_arena) < TS_MEMO_BYTES;
	TsPieceGlyph *g;
	if (keep) {
		g = arena_array(c->memo_arena, gn ? gn : 1, sizeof *g);
	} else {
		if (gn > c->pg_cap) {
			c->pg_cap = 2 * gn + 64;
			c->pg = mem_grow(c->pg, c->pg_cap, sizeof *c->pg);
		}
		g = c->pg;
	}
	for (unsigned k = 0; k < gn; k++)
		g[k] = (TsPieceGlyph){ gi[k].codepoint, gi[k].cluster - (uint32_t)b0, gp[k].x_advance,
			gp[k].x_offset, gp[k].y_offset };
	*ng = gn;
	if (!keep)
		return g;
	if (2 * (c->pmemo_n + 1) > c->pmemo_cap) {
		size_t cap = c->pmemo_cap ? 2 * c->pmemo_cap : 1024;
		TsPiece *tab = mem_array(cap, sizeof *tab);
		for (size_t j = 0; j < c->pmemo_cap; j++) {
			if (c->pmemo[j].str == NULL)
				continue;
			size_t i = c->pmemo[j].hash & (cap - 1);
			while (tab[i].str != NULL)
				i = (i + 1) & (cap - 1);
			tab[i] = c->pmemo[j];
		}
		free(c->pmemo);
		c->pmemo = tab;
		c->pmemo_cap = cap;
	}
	size_t i = h & (c->pmemo_cap - 1);
	while (c->pmemo[i].str != NULL)
		i = (i + 1) & (c->pmemo_cap - 1);
	c->pmemo[i] = (TsPiece){ h, arena_strndup(c->memo_arena, str + b0, n), n, gn, (uint8_t)face,
		(uint8_t)thai, g };
	c->pmemo_n++;
	return g;
}

/* Whether a run may be cut into separately shaped pieces before code point
 * k: a line may break there (between words, after a space), and neither
 * neighbour is a character the face kerns or covers no glyph of. Shaping
 * then cannot reach across: GPOS pairs need both glyphs, and the marks a
 * substitution or attachment looks at stay with their letter. */
static int
piece_edge(const TsCtx *c, const TsFace *fc, size_t k)
{
	uint32_t a = c->cps[k - 1], b = c->cps[k];
	return c->brkok[k] && a < TS_COVER_MAX && b < TS_COVER_MAX && fc->cover[a] && fc->cover[b] &&
	    !fc->kerned[a] && !fc->kerned[b] && !utf8_is_thai_mark(b);
}

/* The glyphs of the run of code points [i, j) (of ncp) in face, with
 * clusters as byte offsets into str, shaped piece by piece through the
 * memo, into c->rg; returns their count. */
static size_t
shape_pieces(TsCtx *c, const char *str, size_t len, size_t i, size_t j, size_t ncp, int face, int thai)
{
	const TsFace *fc = &c->fonts->faces[face];
	size_t n = 0;
	for (size_t p0 = i; p0 < j;) {
		size_t p1 = p0 + 1;
		while (p1 < j && !piece_edge(c, fc, p1))
			p1++;
		size_t b0 = c->offs[p0], b1 = p1 < ncp ? c->offs[p1] : len;
		uint32_t gn = 0;
		const TsPieceGlyph *g = piece_glyphs(c, str, len, b0, b1, face, thai, &gn);
		if (n + gn > c->rg_cap) {
			c->rg_cap = 2 * (n + gn) + 64;
			c->rg = mem_grow(c->rg, c->rg_cap, sizeof *c->rg);
		}
		for (uint32_t k = 0; k < gn; k++) {
			c->rg[n] = g[k];
			c->rg[n].cluster += (uint32_t)b0;
			n++;
		}
		p0 = p1;
	}
	return n;
}

/* FNV-1a over the text, its bold flags and the size. */
static uint64_t
memo_hash(const char *str, const uint8_t *bold, size_t len, double size)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)str[i] | (uint64_t)bold[i] << 8;
		h *= 1099511628211ULL;
	}
	uint64_t bits;
	memcpy(&bits, &size, sizeof bits);
	h ^= bits;
	h *= 1099511628211ULL;
	return h ^ (h >> 29);
}

static TsText *
memo_find(const TsCtx *c, uint64_t h, const char *str, const uint8_t *bold, size_t len, double size)
{
	if (c->memo_cap == 0)
		return NULL;
	for (size_t i = h & (c->memo_cap - 1);; i = (i + 1) & (c->memo_cap - 1)) {
		const TsMemo *m = &c->memo[i];
		if (m->t == NULL)
			return NULL;
		if (m->hash == h && m->size == size && m->t->len == len &&
		    memcmp(m->t->str, str, len) == 0 && memcmp(m->bold, bold, len) == 0)
			return m->t;
	}
}

static void
memo_put(TsCtx *c, uint64_t h, double size, const uint8_t *bold, TsText *t)
{
	if (2 * (c->memo_n + 1) > c->memo_cap) {
		size_t cap = c->memo_cap ? 2 * c->memo_cap : 1024;
		TsMemo *tab = mem_array(cap, sizeof *tab);
		for (size_t k = 0; k < c->memo_cap; k++) {
			if (c->memo[k].t == NULL)
				continue;
			size_t i = c->memo[k].hash & (cap - 1);
			while (tab[i].t != NULL)
				i = (i + 1) & (cap - 1);
			tab[i] = c->memo[k];
		}
		free(c->memo);
		c->memo = tab;
		c->memo_cap = cap;
	}
	size_t i = h & (c->memo_cap - 1);
	while (c->memo[i].t != NULL)
		i = (i + 1) & (c->memo_cap - 1);
	c->memo[i] = (TsMemo){ h, size, bold, t };
	c->memo_n++;
}

static TsText *shape_text(TsCtx *c, Arena *a, char *str, size_t len, double size);

TsText *
ts_text_shape(TsCtx *c, Arena *a, const DocText *t, const char *plain, double size, int bold_all)
{
	/* One string for the whole paragraph, control characters made spaces. */
	/* With Thai digits each 0-9 becomes ๐-๙ (three bytes). */
	size_t len = 0;
	DocSpan one = { plain, bold_all, NULL };
	const DocSpan *first = t ? t->first : &one;
	for (const DocSpan *s = first; s; s = s->next) {
		size_t k = strlen(s->text);
		len += k;
		if (c->thai_digits)
			for (size_t i = 0; i < k; i++)
				len += (unsigned char)(s->text[i] - '0') <= 9 ? 2 : 0;
	}
	grow(c, len + 1);
	if (c->sbuf_cap < len + 1) {
		c->sbuf_cap = c->cap;
		c->sbuf = mem_grow(c->sbuf, c->sbuf_cap, 1);
	}
	char *sb = c->sbuf;
	size_t at = 0;
	for (const DocSpan *s = first; s; s = s->next) {
		size_t k = strlen(s->text), from = at;
		if (!c->thai_digits) {
			memcpy(sb + at, s->text, k);
			at += k;
		} else {
			for (size_t i = 0; i < k; i++) {
				unsigned d = (unsigned char)(s->text[i] - '0');
				if (d <= 9) {
					sb[at++] = (char)0xE0;
					sb[at++] = (char)0xB9;
					sb[at++] = (char)(0x90 + d);
				} else {
					sb[at++] = s->text[i];
				}
			}
		}
		memset(c->bold + from, s->bold || bold_all, at - from);
	}
	sb[len] = '\0';
	/* Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069)
	 * from the data would make the copied text read differently from what
	 * the page shows: they are dropped. */
	size_t w = 0;
	for (size_t i = 0; i < len;) {
		const unsigned char *p = (const unsigned char *)sb + i;
		if (i + 2 < len && p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
		    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
			i += 3;
			continue;
		}
		sb[w] = sb[i];
		c->bold[w++] = c->bold[i++];
	}
	len = w;
	sb[len] = '\0';
	/* Control characters would draw as missing-glyph boxes; a newline stays,
	 * as a hard line break that is never drawn (TS_HARD). */
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)sb[i] < 0x20 && sb[i] != '\n')
			sb[i] = ' ';

	/* The memo: shaping and libthai are most of the typesetting time, and
	 * the result depends only on the text, its bold flags and the size
	 * (fonts and keep words belong to the context). */
	uint64_t h = memo_hash(sb, c->bold, len, size);
	TsText *hit = memo_find(c, h, sb, c->bold, len, size);
	if (hit)
		return hit;
	int keep = arena_used(c->memo_arena) < TS_MEMO_BYTES;
	if (keep)
		a = c->memo_arena;
	char *str = arena_alloc(a, len + 1);
	memcpy(str, sb, len + 1);
	uint8_t *bold = NULL;
	if (keep) {
		bold = arena_alloc(a, len + 1);
		memcpy(bold, c->bold, len);
	}
	TsText *tx = shape_text(c, a, str, len, size);
	if (keep) {
		tx->home = a;
		memo_put(c, h, size, bold, tx);
	}
	return tx;
}

/* Shape str (bold flags per byte in c->bold) into arena a. */
static TsText *
shape_text(TsCtx *c, Arena *a, char *str, size_t len, double size)
{
	TsText *tx = arena_alloc(a, sizeof *tx);
	tx->str = str;
	tx->len = len;
	tx->size = size;
	{
		const TsFace *th = &c->fonts->faces[ts_face_of(c->fonts, TS_THAI, 0)];
		tx->em = size * th->scale;
	}
	if (len == 0)
		return tx;

	/* bold[] is per byte; move it to per code point while decoding. */
	size_t n = decode_all(str, len, c->cps, c->offs);
	for (size_t i = 0; i < n; i++)
		c->bold[i] = c->bold[c->offs[i]];

	/* Itemise by font coverage: Thai face first, Latin face for what it lacks.
	 * Marks and spaces stay with the run before them. */
	const TsFonts *f = c->fonts;
	int have_latin = f->slot[TS_LATIN][0] >= 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = c->cps[i];
		int fam = TS_THAI;
		if (i > 0 && (utf8_is_thai_mark(cp) || is_space(cp) || cp == 0x200B || cp == 0x200C ||
		    cp == 0x200D) && covers(f, ts_face_of(f, c->fam[i - 1], 0), cp))
			fam = c->fam[i - 1];
		else if (covers(f, ts_face_of(f, TS_THAI, 0), cp))
			fam = TS_THAI;
		else if (have_latin && covers(f, ts_face_of(f, TS_LATIN, 0), cp))
			fam = TS_LATIN;
		c->fam[i] = (uint8_t)fam;
	}
	find_breaks(c, n);

	/* Shape run by run into one glyph array. */
	size_t capg = n + 8;
	tx->glyphs = arena_array(a, capg, sizeof *tx->glyphs);
	tx->gface = arena_alloc(a, capg);
	tx->cl = arena_array(a, n, sizeof *tx->cl);
	size_t ng = 0, ncl = 0, ci = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && c->fam[j] == c->fam[i] && c->bold[j] == c->bold[i])
			j++;
		int face = ts_face_of(f, c->fam[i], c->bold[i]);
		int thai = 0;
		for (size_t k = i; k < j && !thai; k++)
			thai = utf8_is_thai(c->cps[k]);
		size_t gn = shape_pieces(c, str, len, i, j, n, face, thai);
		const TsPieceGlyph *rg = c->rg;
		if (ng + gn > capg) {
			size_t nc = (ng + gn) * 2;
			DlGlyph *ngl = arena_array(a, nc, sizeof *ngl);
			uint8_t *nf = arena_alloc(a, nc);
			memcpy(ngl, tx->glyphs, ng * sizeof *ngl);
			memcpy(nf, tx->gface, ng);
			tx->glyphs = ngl;
			tx->gface = nf;
			capg = nc;
		}
		const TsFace *fc = &f->faces[face];
		double k = size * fc->scale / (double)fc->dl.upem;
		for (size_t g = 0; g < gn; g++) {
			DlGlyph *o = &tx->glyphs[ng];
			o->gid = rg[g].gid;
			o->adv = rg[g].adv;
			o->dx = rg[g].dx;
			o->dy = rg[g].dy;
			tx->gface[ng] = (uint8_t)face;
			uint32_t cb = rg[g].cluster;
			if (ncl == 0 || cb != tx->cl[ncl - 1].byte0) {
				if (ncl > 0)
					tx->cl[ncl - 1].byte1 = cb;
				TsCluster *cl = &tx->cl[ncl++];
				cl->byte0 = cb;
				cl->g0 = (uint32_t)ng;
				while (ci + 1 < n && c->offs[ci + 1] <= cb)
					ci++;
				c->pos[ncl - 1] = (int)ci;  /* libthai is done with it */
				uint32_t cp = c->cps[ci];
				if (utf8_is_thai(cp))
					cl->flags |= TS_THAIC;
				if (is_space(cp))
					cl->flags |= TS_SPACE;
				if (cp == '\n')
					cl->flags |= TS_SPACE | TS_HARD;
				if (c->brkok[ci])
					cl->flags |= TS_BRK;
				if (ci > 0 && !no_line_start(cp) && !utf8_is_thai_leading_vowel(c->cps[ci - 1]))
					cl->flags |= TS_EMERG;
			}
			TsCluster *cl = &tx->cl[ncl - 1];
			cl->g1 = (uint32_t)(ng + 1);
			if (!(cl->flags & TS_HARD)) /* a newline is never drawn */
				cl->w += (float)(o->adv * k);
			ng++;
		}
		i = j;
	}
	if (ncl > 0)
		tx->cl[ncl - 1].byte1 = (uint32_t)len;
	tx->ng = ng;
	tx->ncl = ncl;
	c->pos[ncl] = (int)n;
	price_breaks(c, tx);
	tie_breaks(c, tx);
	return tx;
}

void
ts_text_measure(const TsText *t, double *minw, double *maxw)
{
	double total = 0, piece = 0, widest = 0, trail = 0, longest = 0;
	for (size_t i = 0; i < t->ncl; i++) {
		const TsCluster *cl = &t->cl[i];
		if (cl->flags & TS_HARD) {
			/* The natural width is that of the longest line between newlines. */
			if (total - trail > longest)
				longest = total - trail;
			total = 0;
			trail = 0;
		}
		if ((cl->flags & TS_BRK) && !(cl->flags & TS_TIED)) {
			if (piece - trail > widest)
				widest = piece - trail;
			piece = 0;
		}
		piece += cl->w;
		trail = (cl->flags & TS_SPACE) ? trail + cl->w : 0;
		total += cl->w;
	}
	if (piece - trail > widest)
		widest = piece - trail;
	*minw = widest;
	*maxw = total - trail > longest ? total - trail : longest;
}

/* Line costs of ts_text_break, ordered on purpose: a break between words
 * (40 to 260) < splitting a short phrase (about 460) < a justified line left
 * ragged (PEN_RAGGED, more the shorter it is) < one line more (COST_LINE) <
 * leaving a one-syllable part of a compound or a name alone (from 640) <
 * breaking inside a word (COST_EMERG: only when no legal break fits). So a
 * paragraph takes a line more to keep บ้านห้วยน้ำใส or ภาค|ผนวก whole, never
 * to avoid a ragged line. Uneven line ends cost COST_SLACK * (slack /
 * width)^2, less in narrow boxes (table cells, where ragged lines are the
 * rule), and not on a paragraph's last line. A break inside a run no wider
 * than SHORT_RUN of the line costs PEN_SHORT_RUN more: names are written
 * without spaces and read as one word; they and short phrases move whole to
 * the next line when a space before them allows it. A justified paragraph's
 * first line left ragged costs PEN_RAGGED_FIRST more: it is indented, and
 * short as well it reads as a paragraph of its own; better a later line
 * takes the shortfall, or a break inside a run lets the first line fill. */
#define COST_LINE 620.0
#define COST_EMERG 1e8
#define COST_SLACK 1000.0
#define NARROW_EM 20.0
#define SHORT_RUN 0.3
#define PEN_SHORT_RUN 300.0
#define PEN_RAGGED 600.0
#define PEN_RAGGED_FIRST 600.0

typedef struct BrkNode {
	double cost;
	size_t from;                      /* start of the line ending here */
	size_t end;                       /* its end (cluster after it) */
	double width;
	int hard;
} BrkNode;

/* The gap before cluster i takes a share of a Thai distributed line's
 * extra width: it lies inside Thai text (figures and Latin words are never
 * letter-spaced; spaces take theirs apart). The line breaker asks this of
 * every cluster of every line it tries: flags only. */
static int
thai_gap(const TsText *t, size_t i)
{
	const TsCluster *cl = t->cl;
	return i > 0 && (cl[i - 1].flags & (TS_SPACE | TS_HARD | TS_THAIC)) == TS_THAIC &&
	    (cl[i].flags & (TS_SPACE | TS_HARD | TS_THAIC)) == TS_THAIC;
}

/* A line from s to e (exclusive; trailing spaces dropped later) of natural
 * width, in a box of wmax, whose gaps may take stretch points when it is
 * justified (negative: not justified): a way to reach the next line start.
 * first is the paragraph's first cluster. */
static void
relax(const TsText *t, BrkNode *nd, size_t first, size_t s, size_t e, double width, double wmax,
	double stretch, int hard, double pen)
{
	const TsCluster *cl = t->cl;
	size_t next = e;
	while (next < t->ncl && (cl[next].flags & TS_SPACE))
		next++;
	double cost = nd[s].cost + COST_LINE + pen;
	if (e < t->ncl && !hard && wmax > 0) {
		double slack = wmax - width, r = slack / wmax, k = wmax / (NARROW_EM * t->size);
		if (r < 0)
			r = 0;
		cost += COST_SLACK * r * r * (k < 1 ? k : 1);
		if (stretch >= 0 && slack > stretch + 0.01)
			cost += PEN_RAGGED + 4 * COST_SLACK * r * r + (s == first ? PEN_RAGGED_FIRST : 0);
	}
	if (cost < nd[next].cost) {
		nd[next].cost = cost;
		nd[next].from = s;
		nd[next].end = e;
		nd[next].width = width;
		nd[next].hard = hard;
	}
}

static size_t find_lines(const TsText *t, Arena *a, double w_first, double w_rest, int justify, TsLine **out);

size_t
ts_text_break(const TsText *t, Arena *a, double w_first, double w_rest, int justify, TsLine **out)
{
	for (const TsBreaks *b = t->home ? t->breaks : NULL; b; b = b->next)
		if (b->w_first == w_first && b->w_rest == w_rest && b->justify == justify) {
			*out = b->lines;
			return b->n;
		}
	size_t n = find_lines(t, a, w_first, w_rest, justify, out);
	if (t->home != NULL && arena_used(t->home) < TS_MEMO_BYTES) {
		/* The memo's text is the context's alone (one thread), and only
		 * its breaks change: remembered beside it. */
		TsText *tw = (TsText *)t;
		TsBreaks *b = arena_alloc(t->home, sizeof *b);
		b->w_first = w_first;
		b->w_rest = w_rest;
		b->justify = justify;
		b->n = n;
		b->lines = arena_array(t->home, n ? n : 1, sizeof *b->lines);
		memcpy(b->lines, *out, (n ? n : 1) * sizeof *b->lines);
		b->next = tw->breaks;
		tw->breaks = b;
		*out = b->lines;
	}
	return n;
}

/* The line breaks of t: ts_text_break's work. */
static size_t
find_lines(const TsText *t, Arena *a, double w_first, double w_rest, int justify, TsLine **out)
{
	const TsCluster *cl = t->cl;
	size_t ncl = t->ncl;
	/* Spaces that open the paragraph are dropped like those at a break. */
	size_t start = 0;
	while (start < ncl && (cl[start].flags & TS_SPACE))
		start++;
	if (start >= ncl) {
		*out = arena_array(a, 1, sizeof **out);
		return 0;
	}
	/* Width of the run (text between spaces) each cluster belongs to. */
	float *runw = mem_array(ncl, sizeof *runw);
	for (size_t r = 0; r < ncl;) {
		size_t e = r + 1;
		if (!(cl[r].flags & TS_SPACE))
			while (e < ncl && !(cl[e].flags & TS_SPACE))
				e++;
		float w = 0;
		for (size_t k = r; k < e; k++)
			w += cl[k].w;
		for (size_t k = r; k < e; k++)
			runw[k] = w;
		r = e;
	}
	/* Shortest path over line starts: nd[s] is the best way to start a line
	 * at cluster s (nd[ncl]: to finish). Lines only go forward, so one pass
	 * in order settles every node before it is left. */
	BrkNode *nd = mem_array(ncl + 1, sizeof *nd);
	for (size_t k = 0; k <= ncl; k++)
		nd[k].cost = HUGE_VAL;
	nd[start].cost = 0;
	for (size_t s = start; s < ncl; s++) {
		if (nd[s].cost == HUGE_VAL)
			continue;
		/* small tolerance so a line that fits exactly on paper is kept */
		double wmax = (s == start ? w_first : w_rest) + 0.01;
		double width = 0, trail = 0;
		int found = 0;
		size_t nsp = 0, nwb = 0, nth = 0; /* gaps of the line so far */
		size_t j = s;
		for (; j < ncl; j++) {
			if (cl[j].flags & TS_HARD) {
				relax(t, nd, start, s, j, width - trail, wmax, -1, 1, 0);
				found = 1;
				break;
			}
			if (j > s && (cl[j].flags & TS_BRK)) {
				double pen = cl[j].pen;
				if ((cl[j].flags & TS_INRUN) && runw[j] <= SHORT_RUN * wmax)
					pen += PEN_SHORT_RUN;
				double stretch = !justify ? -1 : justify == TS_JUSTIFY_THAI && nth > 0 ?
					t->em * TS_DIST_GAP_EM * ((double)nth + TS_DIST_SPACE_SHARE * (double)nsp) :
					t->em * (TS_JUST_SPACE_EM * (double)nsp + TS_JUST_WORD_EM * (double)nwb);
				relax(t, nd, start, s, j, width - trail, wmax, stretch, 0, pen);
				found = 1;
				if (cl[j - 1].flags & TS_SPACE)
					nsp++;
				else if ((cl[j].flags & (TS_INRUN | TS_GLUE)) == TS_INRUN)
					nwb++;
			}
			if (justify == TS_JUSTIFY_THAI && j > s && thai_gap(t, j))
				nth++;
			if (!(cl[j].flags & TS_SPACE) && j > s && width + cl[j].w > wmax) {
				if (!found) {
					/* Nothing breakable fits: split at the last cluster that may
					 * start a line (never inside a cluster or after a leading vowel). */
					size_t k = j;
					while (k > s + 1 && !(cl[k].flags & TS_EMERG))
						k--;
					if (k <= s)
						k = j;
					double w = 0;
					for (size_t m = s; m < k; m++)
						w += cl[m].w;
					relax(t, nd, start, s, k, w, wmax, -1, 0, COST_EMERG);
				}
				break;
			}
			width += cl[j].w;
			trail = (cl[j].flags & TS_SPACE) ? trail + cl[j].w : 0;
		}
		if (j == ncl)
			relax(t, nd, start, s, ncl, width - trail, wmax, -1, 0, 0);
	}
	free(runw);
	/* Walk back from the end. */
	size_t n = 0;
	for (size_t k = ncl; k != start; k = nd[k].from)
		n++;
	TsLine *lines = arena_array(a, n ? n : 1, sizeof *lines);
	size_t i = n;
	for (size_t k = ncl; k != start; k = nd[k].from) {
		const BrkNode *b = &nd[k];
		size_t e = b->end;
		while (e > b->from && (cl[e - 1].flags & TS_SPACE))
			e--;
		i--;
		lines[i].c0 = b->from;
		lines[i].c1 = e;
		lines[i].width = b->width;
		lines[i].hard = b->hard;
	}
	free(nd);
	*out = lines;
	return n;
}

/* How a justified line of natural width ln->width takes extra points: each
 * space gap gets *per_space, each word boundary inside a run that is not
 * TS_GLUE gets *per_word; both stay 0 when the line must stay ragged. Thai
 * readers take a gap inside a phrase for a space, so the spaces take the
 * stretch first (up to TS_JUST_SPACE_EM each), word boundaries only the
 * rest (up to TS_JUST_WORD_EM each), and never next to a one-syllable word
 * (การ ศึกษา, ยก ระดับ would read as two words). Past both limits a ragged
 * line is better than gaps that split phrases. */
static void
just_gaps(const TsText *t, const TsLine *ln, double extra, double *per_space, double *per_word)
{
	const TsCluster *cl = t->cl;
	size_t nsp = 0, nwb = 0;
	for (size_t i = ln->c0 + 1; i < ln->c1; i++) {
		if (!(cl[i].flags & TS_BRK))
			continue;
		if (cl[i - 1].flags & TS_SPACE)
			nsp++;
		else if ((cl[i].flags & (TS_INRUN | TS_GLUE)) == TS_INRUN)
			nwb++;
	}
	double sp_max = TS_JUST_SPACE_EM * t->em, wb_max = TS_JUST_WORD_EM * t->em;
	if (nsp > 0 && extra <= sp_max * (double)nsp) {
		*per_space = extra / (double)nsp;
		return;
	}
	double rest = extra - sp_max * (double)nsp;
	if (nwb > 0 && rest <= wb_max * (double)nwb) {
		*per_space = nsp > 0 ? sp_max : 0;
		*per_word = rest / (double)nwb;
	}
}

/* Thai distributed: each gap inside Thai text takes *per_gap, each space
 * TS_DIST_SPACE_SHARE times that; 0 when the line has no Thai gap (then the
 * spaces and word boundaries take it) or would need more than
 * TS_DIST_GAP_EM a gap (ragged). Returns whether the line has Thai gaps. */
static int
dist_gaps(const TsText *t, const TsLine *ln, double extra, double *per_gap)
{
	const TsCluster *cl = t->cl;
	size_t nth = 0, nsp = 0;
	for (size_t i = ln->c0 + 1; i < ln->c1; i++) {
		if ((cl[i].flags & TS_BRK) && (cl[i - 1].flags & TS_SPACE))
			nsp++;
		else if (thai_gap(t, i))
			nth++;
	}
	if (nth == 0)
		return 0;
	double per = extra / ((double)nth + TS_DIST_SPACE_SHARE * (double)nsp);
	if (per <= TS_DIST_GAP_EM * t->em + 1e-9)
		*per_gap = per;
	return 1;
}

void
ts_text_emit(TsCtx *c, DisplayList *dl, size_t p, const TsText *t, const TsLine *lines,
	size_t k, size_t n, double x, double y, double w, DocAlign align, const char *src)
{
	const TsLine *ln = &lines[k];
	if (ln->c1 <= ln->c0)
		return;
	const TsCluster *cl = t->cl;
	size_t g0 = cl[ln->c0].g0, g1 = cl[ln->c1 - 1].g1;
	double extra = w - ln->width;
	double x0 = x;
	double per_space = 0, per_word = 0, per_gap = 0;
	int distributed = 0;
	if (align == DOC_ALIGN_RIGHT)
		x0 = x + extra;
	else if (align == DOC_ALIGN_CENTER)
		x0 = x + extra / 2;
	else if ((align == DOC_ALIGN_JUSTIFY || align == DOC_ALIGN_DEFAULT) && k + 1 < n && !lines[k].hard &&
	    extra > 0) {
		if (c->justify == TS_JUSTIFY_THAI)
			distributed = dist_gaps(t, ln, extra, &per_gap);
		if (!distributed)
			just_gaps(t, ln, extra, &per_space, &per_word);
	}
	DlGlyph *gl = arena_array(dl->arena, g1 - g0, sizeof *gl);
	memcpy(gl, t->glyphs + g0, (g1 - g0) * sizeof *gl);
	double width = ln->width;
	if (per_space > 0 || per_word > 0 || per_gap > 0) {
		for (size_t i = ln->c0 + 1; i < ln->c1; i++) {
			double per;
			if (per_gap > 0)
				per = (cl[i].flags & TS_BRK) && (cl[i - 1].flags & TS_SPACE) ?
				    per_gap * TS_DIST_SPACE_SHARE : thai_gap(t, i) ? per_gap : 0;
			else if (!(cl[i].flags & TS_BRK))
				continue;
			else
				per = (cl[i - 1].flags & TS_SPACE) ? per_space :
				    (cl[i].flags & (TS_INRUN | TS_GLUE)) == TS_INRUN ? per_word : 0;
			if (per <= 0)
				continue;
			size_t g = cl[i].g0 - 1;
			const TsFace *fc = &c->fonts->faces[t->gface[g]];
			double units = per * (double)fc->dl.upem / (t->size * fc->scale);
			gl[g - g0].adv += (int32_t)(units + 0.5);
		}
		width = w;
	}
	/* Runs: consecutive glyphs of one face. */
	size_t nruns = 1;
	for (size_t g = g0 + 1; g < g1; g++)
		if (t->gface[g] != t->gface[g - 1])
			nruns++;
	DlRun *runs = arena_array(dl->arena, nruns, sizeof *runs);
	double pen = x0;
	size_t r = 0;
	for (size_t g = g0; g < g1;) {
		size_t e = g + 1;
		while (e < g1 && t->gface[e] == t->gface[g])
			e++;
		const TsFace *fc = &c->fonts->faces[t->gface[g]];
		DlRun *run = &runs[r++];
		run->font = t->gface[g];
		run->size = t->size * fc->scale;
		run->x = pen;
		run->y = y;
		run->glyphs = gl + (g - g0);
		run->n = e - g;
		long sum = 0;
		for (size_t m = g; m < e; m++)
			sum += gl[m - g0].adv;
		pen += (double)sum * run->size / (double)fc->dl.upem;
		g = e;
	}
	DlItem *it = dl_add_item(dl, p, DL_TEXT);
	size_t b0 = cl[ln->c0].byte0, b1 = cl[ln->c1 - 1].byte1;
	it->u.text.text = arena_strndup(dl->arena, t->str + b0, b1 - b0);
	it->u.text.src = src;
	it->u.text.x = x0;
	it->u.text.y = y;
	it->u.text.width = width;
	it->u.text.runs = runs;
	it->u.text.nruns = nruns;
}
