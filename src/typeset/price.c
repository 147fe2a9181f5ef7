/* price.c - what each break opportunity costs (TsCluster.pen): a break
 * inside a run of Thai by the words on either side (function words, bound
 * one-syllable words, a run's first and last word), a number kept with its
 * neighbours, and spaces tied inside dates, between a number and its unit
 * and before a lone dash (TS_TIED). */
#include "core/calendar.h"
#include "typeset/internal.h"

#include <pthread.h>
#include <string.h>

#include "core/utf8.h"

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
	/* A space tied (TS_TIED, see ts_tie_breaks) costs more than any number of
	 * lines a cell or a paragraph could add to avoid it, less than a break
	 * inside a word. */
	PEN_TIED = 20000,
	UNIT_MAX = 8,           /* letters (marks not counted) of a unit word */
	WORD_BEFORE_MAX = 5     /* ... of a word tied to the number after it (ร้อยละ 96.52) */
};

/* Each with its length in bytes: looked for at every one-syllable word. */
#define FW(w) { w, sizeof w - 1 }
static const struct {
	const char *w;
	size_t len;
} function_words[] = {
	FW("และ"), FW("หรือ"), FW("แต่"), FW("กับ"), FW("ก็"), FW("จึง"), FW("ถ้า"), FW("หาก"), FW("เมื่อ"),
	FW("จน"), FW("ซึ่ง"), FW("ว่า"), FW("ใน"), FW("ของ"), FW("แก่"), FW("แด่"), FW("ต่อ"), FW("จาก"),
	FW("โดย"), FW("เพื่อ"), FW("ตาม"), FW("ถึง"), FW("ด้วย"), FW("สู่"), FW("ณ"), FW("ที่"), FW("ยัง"),
	FW("จะ"), FW("ให้"), FW("ต้อง"), FW("ควร"), FW("อาจ"), FW("เป็น"), FW("คือ"), FW("มี"), FW("ทุก"),
	FW("แล้ว"),
};
#undef FW

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
		if (function_words[k].len == b1 - b0 && memcmp(function_words[k].w, str + b0, b1 - b0) == 0)
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
void
ts_price_breaks(const TsCtx *c, TsText *tx)
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

/* Whether str[0..n) is a Thai month's name, abbreviated as dates are
 * written in tables (5 มี.ค. 58) or in full as in text (30 กันยายน 2558):
 * the calendar's names, the one list of them, with their lengths found
 * once (every run of text is asked). */
static struct {
	const char *name;
	size_t len;
} months[24];
static pthread_once_t months_once = PTHREAD_ONCE_INIT;

static void
months_init(void)
{
	for (int m = 1; m <= 12; m++) {
		const char *names[2] = { cal_month_name(m, CAL_NAME_SHORT), cal_month_name(m, CAL_NAME_LONG) };
		for (int k = 0; k < 2; k++) {
			months[2 * (m - 1) + k].name = names[k];
			months[2 * (m - 1) + k].len = strlen(names[k]);
		}
	}
}

static int
is_month_name(const char *str, size_t n)
{
	pthread_once(&months_once, months_init);
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (months[i].len == n && memcmp(months[i].name, str, n) == 0)
			return 1;
	return 0;
}

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

/* One run of text between spaces, as ts_tie_breaks sees it. */
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
	size_t b0 = tx->cl[r].byte0, b1 = ts_cl_byte_end(tx, e - 1);
	run->month = is_month_name(tx->str + b0, b1 - b0);
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
void
ts_tie_breaks(const TsCtx *c, TsText *tx)
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
