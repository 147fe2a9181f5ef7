/* csvsplit.c - the CSV reader's direct splitter (see csvread_internal.h):
 * in pass 2, the lines that need no parser are cut into fields here.
 *
 * A line that holds no quote character, starting between rows, has the
 * trivial grammar "fields split at commas" and is split here without a copy;
 * so is a line whose quoted fields are whole ("..." with "" inside, closed
 * on the line: what Excel and Google Forms write). Every other line goes to
 * libcsv (csvread.c), which sees exactly the bytes it would have seen had
 * it been fed the whole file, and whose state between rows is the same
 * either way. csv_scan_line cuts the lines for both, sixteen bytes at a
 * time where SSE2 is there. */
#include "load/csvread_internal.h"

#include <string.h>

#include "core/mem.h"
#include "load/cells.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CSV_SSE2 1
#endif

/* A line without quotes, starting between rows: s[0..n) without its line
 * break, s[n] writable; the commas at r->commas (offsets from s). Fields
 * are cleaned where they lie. A line of spaces holds no row (libcsv's rule);
 * ",,," is a row of blanks, handed to csv_end_row which skips it. */
void
csv_split_line(Reader *r, char *s, size_t n, int zw)
{
	csv_note_row_start(r, s, n);
	if (r->between_rows)
		return;
	size_t a = 0;
	for (size_t k = 0; k <= r->ncommas; k++) {
		size_t b = k < r->ncommas ? r->commas[k] : n;
		/* libcsv's length: without the spaces and tabs around the field. */
		size_t i = a, j = b;
		while (i < j && (s[i] == ' ' || s[i] == '\t'))
			i++;
		while (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t'))
			j--;
		if (csv_check_field(r, j - i) != 0)
			break;
		if (r->nfields == r->cap)
			csv_grow_fields(r);
		size_t len;
		r->fields[r->nfields] = cells_clean(s + i, j - i, zw, &len);
		r->lens[r->nfields++] = len;
		a = b + 1;
	}
	csv_end_row(r);
}

/* A line with quotes, starting between rows, in the shape spreadsheets and
 * Google Forms write: every field either free of quotes or wholly quoted
 * ("...", a quote inside written ""), with at most spaces and tabs around
 * the quotes, and every quote closed on this line. Such a line means to
 * libcsv exactly what it means here: the text between the quotes with ""
 * read as ", nothing trimmed inside the quotes (cells_clean trims after).
 * s[0..n) is the line without its break, s[n] writable. Returns 0 when the
 * line was split here, -1 when it is not of that shape; the bytes are then
 * untouched, for libcsv (which also reports any error in them). */
int
csv_split_quoted_line(Reader *r, char *s, size_t n, int zw)
{
	/* First, only look: field k is s[offs[k]..lens[k]), quoted or not. */
	size_t nf = 0, k = 0; /* k: the next of r->commas to consider */
	size_t a = 0;
	for (;;) {
		while (a < n && (s[a] == ' ' || s[a] == '\t'))
			a++;
		size_t start, end, next;
		if (a < n && s[a] == '"') {
			start = a + 1;
			size_t q = start;
			for (;;) {
				const char *c = memchr(s + q, '"', n - q);
				if (c == NULL)
					return -1; /* the field goes on past this line */
				q = (size_t)(c - s);
				if (q + 1 < n && s[q + 1] == '"') {
					q += 2;
					continue;
				}
				break;
			}
			end = q;
			next = q + 1;
			while (next < n && (s[next] == ' ' || s[next] == '\t'))
				next++;
			if (next < n && s[next] != ',')
				return -1; /* text after the closing quote */
		} else {
			while (k < r->ncommas && r->commas[k] < a)
				k++;
			next = k < r->ncommas ? r->commas[k] : n;
			if (memchr(s + a, '"', next - a) != NULL)
				return -1; /* a quote inside an unquoted field */
			start = a;
			end = next;
			while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
				end--;
		}
		if ((long)nf >= r->lim->max_columns)
			return -1; /* libcsv's path reports it */
		if (nf == r->cap)
			csv_grow_fields(r);
		r->offs[nf] = start;
		r->lens[nf] = end;
		nf++;
		if (next >= n)
			break;
		a = next + 1;
	}
	/* Then cut: each field unescaped and cleaned where it lies. */
	csv_note_row_start(r, s, n);
	for (size_t f = 0; f < nf; f++) {
		size_t start = r->offs[f], end = r->lens[f];
		/* Quoted fields are the ones between quotes: an unquoted field
		 * holds none and follows a comma or a space. */
		int quoted = start > 0 && s[start - 1] == '"';
		if (quoted && memchr(s + start, '"', end - start) != NULL) {
			size_t w = start;
			for (size_t i = start; i < end; i++) {
				s[w++] = s[i];
				if (s[i] == '"')
					i++; /* "" -> " */
			}
			end = w;
		}
		if (csv_check_field(r, end - start) != 0)
			break;
		size_t len;
		r->fields[r->nfields] = cells_clean(s + start, end - start, zw, &len);
		r->lens[r->nfields++] = len;
	}
	csv_end_row(r);
	return 0;
}

#ifndef CSV_SSE2
/* Byte classes for cutting lines: anything that is not 0 stops the scan. */
enum { C_COMMA = 1, C_QUOTE, C_EOL, C_ZW };
static const unsigned char CLASS[256] = {
	[','] = C_COMMA, ['"'] = C_QUOTE, ['\r'] = C_EOL, ['\n'] = C_EOL,
	[0xE2] = C_ZW, [0xEF] = C_ZW,
};
#endif

static void
add_comma(Reader *r, size_t off)
{
	if (r->ncommas == r->capcommas) {
		r->capcommas = r->capcommas ? r->capcommas * 2 : 64;
		r->commas = mem_grow(r->commas, r->capcommas, sizeof(*r->commas));
	}
	r->commas[r->ncommas++] = off;
}

/* From u[pos], find the line break (a sentinel guarantees one), noting the
 * commas (offsets from pos) and whether a quote or a possible zero-width
 * character comes before it. Returns the break's index. */
size_t
csv_scan_line(Reader *r, const unsigned char *u, size_t pos, int *quote, int *zw)
{
	r->ncommas = 0;
#ifdef CSV_SSE2
	/* Sixteen bytes at a time: one mask per kind of byte. */
	const __m128i comma = _mm_set1_epi8(','), dq = _mm_set1_epi8('"');
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	const __m128i e2 = _mm_set1_epi8((char)0xE2), ef = _mm_set1_epi8((char)0xEF);
	for (size_t i = pos;; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		unsigned eol = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lf),
		    _mm_cmpeq_epi8(v, cr)));
		unsigned below = eol ? (eol & (0u - eol)) - 1 : 0xFFFFu;
		unsigned com = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)) & below;
		unsigned other = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, dq),
		    _mm_or_si128(_mm_cmpeq_epi8(v, e2), _mm_cmpeq_epi8(v, ef)))) & below;
		if (other) {
			*quote |= (_mm_movemask_epi8(_mm_cmpeq_epi8(v, dq)) & (int)below) != 0;
			*zw |= ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dq)) & below) != other;
		}
		while (com) {
			add_comma(r, i - pos + (size_t)__builtin_ctz(com));
			com &= com - 1;
		}
		if (eol)
			return i + (size_t)__builtin_ctz(eol);
	}
#else
	size_t i = pos;
	for (;;) {
		while (CLASS[u[i]] == 0)
			i++;
		int c = CLASS[u[i]];
		if (c == C_EOL)
			return i;
		if (c == C_COMMA)
			add_comma(r, i - pos);
		else if (c == C_QUOTE)
			*quote = 1;
		else
			*zw = 1;
		i++;
	}
#endif
}
