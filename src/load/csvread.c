/* csvread.c - CSV rows with line numbers, split here or by libcsv (see csvread.h).
 *
 * The bytes are read twice, in chunks, so that memory stays flat however big
 * the file is. The first pass decides the encoding: "valid UTF-8 is UTF-8"
 * needs every byte checked before any row is handed out, because a row
 * handed out cannot be taken back; it also counts the line breaks (an upper
 * bound on the rows, so loaders can size their arrays once). The second
 * pass decodes (UTF-8 needs nothing: the bytes are parsed where they were
 * read), cuts physical lines and parses them; the page cache makes the
 * second read cheap.
 *
 * A line that holds no quote character, starting between rows, has the
 * trivial grammar "fields split at commas" and is split here without a copy;
 * so is a line whose quoted fields are whole ("..." with "" inside, closed
 * on the line: what Excel and Google Forms write). Every other line goes to
 * libcsv, which sees exactly the bytes it would have seen had it been fed
 * the whole file, and whose state between rows is the same either way.
 *
 * The bytes, their decoding and the first pass are csvsource.c's; this file
 * is the second pass. */
#include "load/csvread.h"
#include "load/csvread_internal.h"
#include "core/i18n.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"
#include "core/mem.h"
#include "core/utf8.h"
#include "load/cells.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CSV_SSE2 1
#endif

/* ---- pass 2: lines, fields, rows ---- */

typedef struct Reader {
	const char *name;
	const ReadLimits *lim;
	RowFn fn;
	void *ctx;
	Diag *d;
	CsvInfo *info;
	size_t rows_max;

	char **fields;
	size_t *lens;
	size_t *offs;        /* libcsv rows: field starts in rowbuf */
	size_t nfields, cap;
	char *rowbuf;        /* libcsv rows: the fields end to end, each NUL-terminated */
	size_t rowlen, rowcap;
	size_t *commas;      /* quote-free lines: where the commas are */
	size_t ncommas, capcommas;

	long line;           /* physical line being read */
	long row_line;       /* line the current row started on */
	int between_rows;
	int partial;         /* the current line has been fed to libcsv in part */
	int skip_line;       /* a row was rejected: drop the rest of this physical line */
	int stop;            /* callback's value, or -1 on an error */
} Reader;

static void
grow_fields(Reader *r)
{
	r->cap = r->cap ? r->cap * 2 : 16;
	r->fields = mem_grow(r->fields, r->cap, sizeof(*r->fields));
	r->lens = mem_grow(r->lens, r->cap, sizeof(*r->lens));
	r->offs = mem_grow(r->offs, r->cap, sizeof(*r->offs));
}

/* The limits on one more field of len bytes (as libcsv counts them: an
 * unquoted field without its surrounding spaces). 0, or -1 after
 * reporting. */
static int
check_field(Reader *r, size_t len)
{
	if ((long)r->nfields >= r->lim->max_columns) {
		diag_report(r->d, DIAG_INPUT, r->name, r->row_line, (long)r->nfields + 1,
		    "more than %ld columns in one row; check the separator is a comma, or raise "
		    "[limits] max_columns", r->lim->max_columns);
		r->stop = -1;
		return -1;
	}
	if ((long)len > r->lim->max_field_bytes) {
		diag_report(r->d, DIAG_INPUT, r->name, r->row_line, (long)r->nfields + 1,
		    "a field of %zu bytes is longer than the limit of %ld; check for an unclosed quote, "
		    "or raise [limits] max_field_bytes", len, r->lim->max_field_bytes);
		r->stop = -1;
		return -1;
	}
	return 0;
}

static void
on_field(void *data, size_t len, void *vr)
{
	Reader *r = vr;
	if (r->stop || check_field(r, len) != 0)
		return;
	if (r->nfields == r->cap)
		grow_fields(r);
	if (r->rowcap - r->rowlen < len + 1) {
		r->rowcap = (r->rowlen + len + 1) * 2;
		r->rowbuf = mem_grow(r->rowbuf, r->rowcap, 1);
	}
	char *f = r->rowbuf + r->rowlen;
	if (len)
		memcpy(f, data, len);
	size_t n;
	char *c = cells_clean(f, len, 1, &n);
	r->offs[r->nfields] = r->rowlen + (size_t)(c - f);
	r->lens[r->nfields++] = n;
	r->rowlen += len + 1;
}

/* The row is complete: hand it out unless blank. */
static void
end_row(Reader *r)
{
	r->between_rows = 1;
	size_t n = r->nfields;
	r->nfields = 0;
	r->rowlen = 0;
	if (r->stop)
		return;
	/* A row of nothing but empty fields is a blank line (Excel writes ",,,"). */
	int blank = 1;
	for (size_t i = 0; i < n && blank; i++)
		blank = r->lens[i] == 0;
	if (blank)
		return;
	r->info->rows++;
	if (r->info->rows > r->lim->max_rows) {
		diag_report(r->d, DIAG_INPUT, r->name, r->row_line, 0,
		    "more than %ld rows; split the file or raise [limits] max_rows", r->lim->max_rows);
		r->stop = -1;
		return;
	}
	SourceRow row = { r->row_line, n, r->fields, r->lens, r->rows_max };
	r->stop = r->fn(r->ctx, &row);
}

static void
on_row(int term, void *vr)
{
	(void)term;
	Reader *r = vr;
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->rowbuf + r->offs[i];
	end_row(r);
}

/* Does a row start in s[0..n)? libcsv skips spaces, tabs and line breaks
 * before a row; anything else begins one. */
static void
note_row_start(Reader *r, const char *s, size_t n)
{
	if (!r->between_rows)
		return;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
			r->row_line = r->line;
			r->between_rows = 0;
			return;
		}
	}
}

/* libcsv grows a field's buffer by a fixed block at a time, so a field of
 * megabytes would be copied thousands of times. Its buffer goes through
 * these instead: the capacity sits in a header and doubles. */
enum { FIELD_HEADER = 2 * sizeof(size_t) };

static void *
field_realloc(void *p, size_t n)
{
	size_t *h = p ? (size_t *)(void *)((char *)p - FIELD_HEADER) : NULL;
	if (h != NULL && h[0] >= n)
		return p;
	size_t cap = h != NULL ? h[0] * 2 : 256;
	if (cap < n)
		cap = n;
	if (cap > SIZE_MAX - FIELD_HEADER)
		return NULL;
	h = realloc(h, cap + FIELD_HEADER);
	if (h == NULL)
		return NULL;
	h[0] = cap;
	return (char *)h + FIELD_HEADER;
}

static void
field_free(void *p)
{
	if (p != NULL)
		free((char *)p - FIELD_HEADER);
}

/* Strict libcsv with our allocator (see field_realloc). 0, or -1 after
 * reporting. */
static int
parser_start(Reader *r, struct csv_parser *p)
{
	/* Strict: a stray quote is an error we can name, not a guess; and only
	 * with CSV_STRICT does csv_fini report a quote left open. */
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		diag_report(r->d, DIAG_INTERNAL, r->name, 0, 0, "cannot start the CSV parser");
		r->stop = -1;
		return -1;
	}
	csv_set_realloc_func(p, field_realloc);
	csv_set_free_func(p, field_free);
	return 0;
}

/* libcsv stopped at a quote it cannot read. In the header the file cannot
 * be read at all; in a data row only that row is lost: it is reported,
 * counted as rejected, the parser restarts and the rest of the physical
 * line is dropped (skip_line), so the next line begins a row again. */
static void
bad_quote(Reader *r, struct csv_parser *p)
{
	long col = (long)r->nfields + 1;
	if (csv_error(p) != CSV_EPARSE || r->info->rows == 0) {
		diag_report(r->d, DIAG_INPUT, r->name, r->line, col,
		    "malformed quotes: a \" inside a field must be written twice (\"\") and the "
		    "whole field put in quotes; fix this line");
		r->stop = -1;
		return;
	}
	char began[64] = "";
	if (r->row_line != r->line)
		snprintf(began, sizeof(began), " (the row began on line %ld)", r->row_line);
	diag_report(r->d, DIAG_ROW, r->name, r->line, col,
	    "a quote (\") inside field %ld that is not wholly in quotes%s; put the whole field in "
	    "quotes and write each \" inside it twice (\"\"), or remove the quote (row rejected)",
	    col, began);
	r->info->rows++;
	r->info->rows_rejected++;
	csv_free(p);
	if (parser_start(r, p) != 0)
		return;
	r->nfields = 0;
	r->rowlen = 0;
	r->between_rows = 1;
	r->skip_line = 1;
}

static void
feed(Reader *r, struct csv_parser *p, const char *s, size_t n)
{
	if (r->skip_line)
		return;
	note_row_start(r, s, n);
	if (csv_parse(p, s, n, on_field, on_row, r) != n && r->stop == 0)
		bad_quote(r, p);
}

/* A line without quotes, starting between rows: s[0..n) without its line
 * break, s[n] writable; the commas at r->commas (offsets from s). Fields
 * are cleaned where they lie. A line of spaces holds no row (libcsv's rule);
 * ",,," is a row of blanks, handed to end_row which skips it. */
static void
split_line(Reader *r, char *s, size_t n, int zw)
{
	note_row_start(r, s, n);
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
		if (check_field(r, j - i) != 0)
			break;
		if (r->nfields == r->cap)
			grow_fields(r);
		size_t len;
		r->fields[r->nfields] = cells_clean(s + i, j - i, zw, &len);
		r->lens[r->nfields++] = len;
		a = b + 1;
	}
	end_row(r);
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
static int
split_quoted_line(Reader *r, char *s, size_t n, int zw)
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
			grow_fields(r);
		r->offs[nf] = start;
		r->lens[nf] = end;
		nf++;
		if (next >= n)
			break;
		a = next + 1;
	}
	/* Then cut: each field unescaped and cleaned where it lies. */
	note_row_start(r, s, n);
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
		if (check_field(r, end - start) != 0)
			break;
		size_t len;
		r->fields[r->nfields] = cells_clean(s + start, end - start, zw, &len);
		r->lens[r->nfields++] = len;
	}
	end_row(r);
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
static size_t
scan_line(Reader *r, const unsigned char *u, size_t pos, int *quote, int *zw)
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

/* Parse the complete lines of t[0..n) (t[n] and CSV_SLACK bytes after it
 * writable); at eof the rest is the last line. Returns how many bytes were
 * consumed. */
static size_t
parse_lines(Reader *r, struct csv_parser *p, char *t, size_t n, int eof)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t pos = 0;
	t[n] = '\n'; /* sentinel: the scan needs no bounds check */
	memset(t + n + 1, 0, CSV_SLACK);
	while (pos < n && r->stop == 0) {
		if (r->partial) {
			/* The rest of a long line already partly fed to libcsv. */
			size_t e = pos;
			while (e < n && t[e] != '\n' && t[e] != '\r')
				e++;
			if (e == n && !eof) {
				feed(r, p, t + pos, n - pos);
				pos = n;
				break;
			}
			if (e + 1 == n && t[e] == '\r' && !eof) {
				feed(r, p, t + pos, e - pos);
				pos = e;
				break;
			}
			size_t end = e == n ? n : e + (t[e] == '\r' && e + 1 < n && t[e + 1] == '\n' ? 2 : 1);
			feed(r, p, t + pos, end - pos);
			r->partial = 0;
			r->skip_line = 0;
			pos = end;
			continue;
		}
		r->skip_line = 0;
		int quote = 0, zw = 0;
		size_t i = scan_line(r, u, pos, &quote, &zw);
		/* i is the line break, or n (no break yet). */
		size_t end;
		if (i == n) {
			if (!eof) {
				if (n - pos < CSV_PARTIAL)
					break;
				/* A very long line: libcsv takes it in pieces. */
				r->line++;
				r->partial = 1;
				feed(r, p, t + pos, n - pos);
				pos = n;
				break;
			}
			end = n;
		} else if (t[i] == '\r' && i + 1 == n && !eof) {
			break; /* CR LF may be cut between two chunks */
		} else {
			end = i + (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n' ? 2 : 1);
		}
		r->line++;
		if (!r->between_rows || (quote && (csvread_libcsv_only ||
		    split_quoted_line(r, t + pos, i - pos, zw) != 0)))
			feed(r, p, t + pos, end - pos);
		else if (!quote)
			split_line(r, t + pos, i - pos, zw);
		pos = end;
	}
	return pos;
}


/* Pass 2: decode, cut lines, parse. *bufp is CSV_CHUNK + 1 + CSV_SLACK bytes to
 * start with. */
static int
parse_source(Reader *r, Source *s, Encoding enc, char **bufp)
{
	struct csv_parser p;
	if (parser_start(r, &p) != 0)
		return -1;
	EncodingConverter *cv = NULL;
	char *raw = NULL;
	if (enc != ENC_UTF8 && enc != ENC_UTF8_BOM) {
		cv = encoding_converter_new(enc, r->name, r->d);
		if (cv == NULL) {
			csv_free(&p);
			return -1;
		}
		raw = mem_alloc_raw(CSV_CHUNK);
	}
	char *t = *bufp;
	size_t tsize = CSV_CHUNK + 1, tlen = 0, rawlen = 0, base = 0;
	int first = 1;
	if (csv_src_rewind(s) != 0) {
		csv_report_read_error(s, r->d);
		r->stop = -1;
	}
	while (r->stop == 0) {
		/* Room for a chunk after the unfinished line, and a byte for the
		 * sentinel of parse_lines. */
		if (tsize - 1 - tlen < CSV_CHUNK / 2) {
			tsize = 2 * tsize;
			t = mem_grow(t, tsize + CSV_SLACK, 1);
		}
		long got;
		int eof;
		if (cv == NULL) {
			got = csv_src_read(s, t + tlen, tsize - 1 - tlen);
			eof = s->pos == s->len;
			if (got > 0) {
				size_t skip = first && enc == ENC_UTF8_BOM ? 3 : 0;
				memmove(t + tlen, t + tlen + skip, (size_t)got - skip);
				tlen += (size_t)got - skip;
			}
		} else {
			got = csv_src_read(s, raw + rawlen, CSV_CHUNK - rawlen);
			eof = s->pos == s->len;
			if (got >= 0) {
				size_t n = rawlen + (size_t)got;
				size_t skip = first ? encoding_bom_length(enc) : 0;
				rawlen = n - skip;
				memmove(raw, raw + skip, rawlen);
				size_t before = rawlen;
				if (csv_decode_chunk(cv, s, base + skip, raw, &rawlen, eof, &t, &tsize, &tlen,
				    r->d) != 0) {
					r->stop = -1;
					break;
				}
				base += skip + before - rawlen;
			}
		}
		first = 0;
		if (got < 0 || s->changed) {
			if (got < 0)
				csv_report_read_error(s, r->d);
			else
				csv_report_changed(s, r->d);
			r->stop = -1;
			break;
		}
		size_t used = parse_lines(r, &p, t, tlen, eof);
		memmove(t, t + used, tlen - used);
		tlen -= used;
		if (eof)
			break;
	}
	if (r->stop == 0 && csv_fini(&p, on_field, on_row, r) != 0) {
		diag_report(r->d, DIAG_INPUT, r->name, r->row_line, 0,
		    "a quoted field that starts in this row is never closed; add the closing \" "
		    "(a quote inside a field is written twice: \"\")");
		r->stop = -1;
	}
	csv_free(&p);
	free(raw);
	encoding_converter_free(cv);
	*bufp = t;
	return r->stop;
}

static int
read_source(Source *s, const ReadLimits *lim, RowFn fn, void *ctx, CsvInfo *info, Diag *d)
{
	CsvInfo local = { 0 };
	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof(*info));
	info->bytes = s->len;
	char *buf = mem_alloc_raw(CSV_CHUNK + 1 + CSV_SLACK);
	Scan sc;
	if (csv_scan(s, buf, &sc, d) != 0) {
		free(buf);
		return -1;
	}
	info->encoding = sc.enc;
	Reader r = { .name = s->name, .lim = lim, .fn = fn, .ctx = ctx, .d = d, .info = info,
		.between_rows = 1, .rows_max = sc.breaks + 1 };
	/* Never reserve for more rows than the limit allows. */
	if (lim && lim->max_rows > 0 && r.rows_max > (size_t)lim->max_rows + 1)
		r.rows_max = (size_t)lim->max_rows + 1;
	int rc = parse_source(&r, s, sc.enc, &buf);
	free(r.fields);
	free(r.lens);
	free(r.offs);
	free(r.rowbuf);
	free(r.commas);
	free(buf);
	return rc;
}

int
csvread_buffer(const char *name, const char *data, size_t len, const ReadLimits *lim,
    RowFn fn, void *ctx, CsvInfo *info, Diag *d)
{
	Source s = { .name = name, .fd = -1, .mem = data, .len = len };
	return read_source(&s, lim, fn, ctx, info, d);
}

/* After reading size bytes: the file must have no more. */
static int
at_end(int fd)
{
	char c;
	ssize_t k;
	while ((k = read(fd, &c, 1)) < 0 && errno == EINTR)
		;
	return k == 0;
}

int
csvread_file(const char *path, const ReadLimits *lim, RowFn fn, void *ctx, CsvInfo *info, Diag *d)
{
	struct stat st;
	int fd = file_open_regular(path, lim->max_file_bytes, DIAG_INPUT, N_("the file"), &st, d);
	if (fd < 0)
		return -1;
	size_t size = (size_t)st.st_size;
	Source s = { .name = path, .fd = fd, .len = size };
	char head[3];
	if (size == 0 || (size == 3 && csv_src_read(&s, head, 3) == 3 && !memcmp(head, "\xEF\xBB\xBF", 3))) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the file is empty; export it again with its header row");
		close(fd);
		return -1;
	}
#ifdef POSIX_FADV_SEQUENTIAL
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	int rc = read_source(&s, lim, fn, ctx, info, d);
	/* Pass 2 trusts what pass 1 found: a file rewritten in between is
	 * reported, never half believed. */
	struct stat now;
	if (rc == 0 && (fstat(fd, &now) != 0 || now.st_size != st.st_size ||
	    now.st_mtim.tv_sec != st.st_mtim.tv_sec || now.st_mtim.tv_nsec != st.st_mtim.tv_nsec ||
	    !at_end(fd))) {
		csv_report_changed(&s, d);
		rc = -1;
	}
	close(fd);
	return rc;
}
