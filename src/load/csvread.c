/* csvread.c - CSV rows with line numbers through libcsv (see csvread.h). */
#include "load/csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/mem.h"

typedef struct Reader {
	const char *name;
	const CsvLimits *lim;
	CsvRowFn fn;
	void *ctx;
	Diag *d;
	CsvInfo *info;

	char **fields;
	size_t *lens;
	size_t nfields, cap;
	long line;           /* physical line being fed */
	long row_line;       /* line the current row started on */
	int between_rows;
	int stop;            /* callback's value, or -1 on a limit error */
} Reader;

/* Remove U+200B ZERO WIDTH SPACE and U+FEFF (a stray BOM) everywhere, then
 * trim spaces and tabs at both ends. Works in place; returns the new length. */
static size_t
clean_field(char *s, size_t n)
{
	size_t w = 0;
	for (size_t r = 0; r < n;) {
		if (r + 2 < n && (unsigned char)s[r] == 0xE2 && (unsigned char)s[r + 1] == 0x80 &&
		    (unsigned char)s[r + 2] == 0x8B) {
			r += 3;
			continue;
		}
		if (r + 2 < n && (unsigned char)s[r] == 0xEF && (unsigned char)s[r + 1] == 0xBB &&
		    (unsigned char)s[r + 2] == 0xBF) {
			r += 3;
			continue;
		}
		s[w++] = s[r++];
	}
	size_t start = 0;
	while (start < w && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (w > start && (s[w - 1] == ' ' || s[w - 1] == '\t'))
		w--;
	memmove(s, s + start, w - start);
	s[w - start] = '\0';
	return w - start;
}

static void
on_field(void *data, size_t len, void *vr)
{
	Reader *r = vr;
	if (r->stop)
		return;
	if (r->nfields == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->fields = mem_grow(r->fields, r->cap, sizeof(*r->fields));
		r->lens = mem_grow(r->lens, r->cap, sizeof(*r->lens));
	}
	if ((long)r->nfields >= r->lim->max_columns) {
		diag_report(r->d, DIAG_INPUT, r->name, r->row_line, (long)r->nfields + 1,
		    "more than %ld columns in one row; check the separator is a comma, or raise "
		    "[limits] max_columns", r->lim->max_columns);
		r->stop = -1;
		return;
	}
	if ((long)len > r->lim->max_field_bytes) {
		diag_report(r->d, DIAG_INPUT, r->name, r->row_line, (long)r->nfields + 1,
		    "a field of %zu bytes is longer than the limit of %ld; check for an unclosed quote, "
		    "or raise [limits] max_field_bytes", len, r->lim->max_field_bytes);
		r->stop = -1;
		return;
	}
	char *f = mem_strndup(data ? data : "", data ? len : 0);
	r->lens[r->nfields] = clean_field(f, data ? len : 0);
	r->fields[r->nfields++] = f;
}

static void
free_fields(Reader *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
}

static void
on_row(int term, void *vr)
{
	(void)term;
	Reader *r = vr;
	r->between_rows = 1;
	if (r->stop) {
		free_fields(r);
		return;
	}
	/* A row of nothing but empty fields is a blank line (Excel writes ",,,"). */
	int blank = 1;
	for (size_t i = 0; i < r->nfields && blank; i++)
		blank = r->lens[i] == 0;
	if (!blank) {
		if (r->info)
			r->info->rows++;
		if (r->info && r->info->rows > r->lim->max_rows) {
			diag_report(r->d, DIAG_INPUT, r->name, r->row_line, 0,
			    "more than %ld rows; split the file or raise [limits] max_rows", r->lim->max_rows);
			r->stop = -1;
		} else {
			CsvRow row = { r->row_line, r->nfields, r->fields, r->lens };
			r->stop = r->fn(r->ctx, &row);
		}
	}
	free_fields(r);
}

int
csvread_buffer(const char *name, const char *data, size_t len, const CsvLimits *lim,
    CsvRowFn fn, void *ctx, CsvInfo *info, Diag *d)
{
	CsvInfo local = { 0 };
	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof(*info));
	info->bytes = len;
	info->encoding = encoding_detect(data, len);

	size_t ulen;
	char *text = encoding_to_utf8(data, len, info->encoding, name, &ulen, d);
	if (text == NULL)
		return -1;

	struct csv_parser p;
	/* Strict: a stray quote is an error we can name, not a guess; and only
	 * with CSV_STRICT does csv_fini report a quote left open. */
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(text);
		diag_report(d, DIAG_INTERNAL, name, 0, 0, "cannot start the CSV parser");
		return -1;
	}
	Reader r = { .name = name, .lim = lim, .fn = fn, .ctx = ctx, .d = d, .info = info,
		.between_rows = 1 };

	/* Feed one physical line at a time: LF, CRLF or a lone CR ends a line. */
	size_t pos = 0;
	while (pos < ulen && r.stop == 0) {
		size_t end = pos;
		while (end < ulen && text[end] != '\n' && text[end] != '\r')
			end++;
		if (end < ulen && text[end] == '\r' && end + 1 < ulen && text[end + 1] == '\n')
			end += 2;
		else if (end < ulen)
			end += 1;
		r.line++;
		/* A blank line never starts a row (libcsv skips it too). */
		size_t k = pos;
		while (k < end && (text[k] == '\r' || text[k] == '\n'))
			k++;
		if (r.between_rows && k < end) {
			r.row_line = r.line;
			r.between_rows = 0;
		}
		if (csv_parse(&p, text + pos, end - pos, on_field, on_row, &r) != end - pos) {
			diag_report(d, DIAG_INPUT, name, r.line, 0,
			    "malformed quotes: a \" inside a field must be written twice (\"\") and the "
			    "whole field put in quotes; fix this line");
			r.stop = -1;
		}
		pos = end;
	}
	if (r.stop == 0 && csv_fini(&p, on_field, on_row, &r) != 0) {
		diag_report(d, DIAG_INPUT, name, r.row_line, 0,
		    "a quoted field that starts in this row is never closed; add the closing \" "
		    "(a quote inside a field is written twice: \"\")");
		r.stop = -1;
	}
	free_fields(&r);
	free(r.fields);
	free(r.lens);
	csv_free(&p);
	free(text);
	return r.stop;
}

char *
csvread_slurp(const char *path, long max_bytes, size_t *len, Diag *d)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "cannot read the file (%s); check the name and "
		    "the input directory (-i DIR)", strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "is a directory, not a file; put the file there instead");
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "is not a regular file; give a file");
		return NULL;
	}
	if (st.st_size > max_bytes) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the file has %lld bytes, more than the limit of %ld; "
		    "raise [limits] max_file_bytes if it is right", (long long)st.st_size, max_bytes);
		return NULL;
	}
	FILE *fp = fopen(path, "rb");
	if (fp == NULL) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "cannot open the file (%s)", strerror(errno));
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = mem_alloc(cap);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - 1 - n, fp);
		n += got;
		if (got == 0 || n == cap - 1) {
			/* The file may have grown since stat; never read past the limit. */
			if (n == cap - 1 && !feof(fp) && fgetc(fp) != EOF) {
				diag_report(d, DIAG_INPUT, path, 0, 0, "the file changed while being read; try again");
				free(buf);
				fclose(fp);
				return NULL;
			}
			break;
		}
	}
	int err = ferror(fp);
	fclose(fp);
	if (err) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "read error; check the disk and the file");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

int
csvread_file(const char *path, const CsvLimits *lim, CsvRowFn fn, void *ctx, CsvInfo *info, Diag *d)
{
	size_t len;
	char *data = csvread_slurp(path, lim->max_file_bytes, &len, d);
	if (data == NULL)
		return -1;
	if (len == 0 || (len == 3 && !memcmp(data, "\xEF\xBB\xBF", 3))) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the file is empty; export it again with its header row");
		free(data);
		return -1;
	}
	int rc = csvread_buffer(path, data, len, lim, fn, ctx, info, d);
	free(data);
	return rc;
}
