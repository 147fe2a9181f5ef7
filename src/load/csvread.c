/* csvread.c - CSV rows with line numbers (see csvread.h): pass 2's row loop
 * and the libcsv path.
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
 * Each line starting between rows is offered to the direct splitter
 * (csvsplit.c), which takes the lines without quotes and those whose quoted
 * fields are whole; every other line goes to libcsv, here, which sees
 * exactly the bytes it would have seen had it been fed the whole file. Rows
 * from either are checked against the limits and handed out here.
 *
 * The bytes, their decoding and the first pass are csvsource.c's. */
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

/* ---- pass 2: lines, fields, rows ---- */

void
csv_grow_fields(Reader *r)
{
	r->cap = r->cap ? r->cap * 2 : 16;
	r->fields = mem_grow(r->fields, r->cap, sizeof(*r->fields));
	r->lens = mem_grow(r->lens, r->cap, sizeof(*r->lens));
	r->offs = mem_grow(r->offs, r->cap, sizeof(*r->offs));
}

/* The limits on one more field of len bytes (as libcsv counts them: an
 * unquoted field without its surrounding spaces). 0, or -1 after
 * reporting. */
int
csv_check_field(Reader *r, size_t len)
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
	if (r->stop || csv_check_field(r, len) != 0)
		return;
	if (r->nfields == r->cap)
		csv_grow_fields(r);
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
void
csv_end_row(Reader *r)
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
	csv_end_row(r);
}

/* Does a row start in s[0..n)? libcsv skips spaces, tabs and line breaks
 * before a row; anything else begins one. */
void
csv_note_row_start(Reader *r, const char *s, size_t n)
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
	csv_note_row_start(r, s, n);
	if (csv_parse(p, s, n, on_field, on_row, r) != n && r->stop == 0)
		bad_quote(r, p);
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
		size_t i = csv_scan_line(r, u, pos, &quote, &zw);
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
		    csv_split_quoted_line(r, t + pos, i - pos, zw) != 0)))
			feed(r, p, t + pos, end - pos);
		else if (!quote)
			csv_split_line(r, t + pos, i - pos, zw);
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
	/* As far as the file will fill it, at once (a fault a page else). */
	mem_populate(buf, s->len < CSV_CHUNK ? s->len : CSV_CHUNK);
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
