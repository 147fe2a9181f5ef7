/* diag.c - recording and printing diagnostics (see diag.h). */
#include "diag.h"
#include "arena.h"
#include "core/cnum.h"
#include "core/i18n.h"
#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Diag {
	FILE *out;
	int verbose;
	Arena *strings;        /* message texts and file names */
	DiagRecord *records;
	size_t n, cap;
	size_t counts[DIAG_NSEVERITY];
	struct { const char *file, *sheet; } *cells;   /* diag_cells: files of a spreadsheet */
	size_t ncells;
};

static const char *const severity_word[DIAG_NSEVERITY] = {
	[DIAG_NOTE] = N_("note"),
	[DIAG_WARNING] = N_("warning"),
	[DIAG_ROW] = N_("error"),
	[DIAG_USAGE] = N_("error"),
	[DIAG_INPUT] = N_("error"),
	[DIAG_OUTPUT] = N_("error"),
	[DIAG_INTERNAL] = N_("internal error"),
};

static const int severity_exit[DIAG_NSEVERITY] = {
	[DIAG_NOTE] = EXIT_DONE,
	[DIAG_WARNING] = EXIT_DONE,
	[DIAG_ROW] = EXIT_ROWS_REJECTED,
	[DIAG_USAGE] = EXIT_USAGE,
	[DIAG_INPUT] = EXIT_INPUT,
	[DIAG_OUTPUT] = EXIT_OUTPUT,
	[DIAG_INTERNAL] = EXIT_INTERNAL,
};

Diag *
diag_new(FILE *out)
{
	Diag *d = mem_alloc(sizeof(*d));
	d->out = out;
	d->strings = arena_new();
	return d;
}

void
diag_free(Diag *d)
{
	if (d == NULL)
		return;
	arena_free(d->strings);
	free(d->records);
	free(d->cells);
	free(d);
}

void
diag_set_verbose(Diag *d, int verbose)
{
	d->verbose = verbose;
}

Diag *
diag_fork(const Diag *parent)
{
	Diag *d = diag_new(parent->out);
	d->verbose = parent->verbose;
	return d;
}

void
diag_absorb(Diag *parent, Diag *child)
{
	if (child == NULL)
		return;
	for (size_t i = 0; i < child->n; i++) {
		if (parent->n == parent->cap) {
			parent->cap = parent->cap ? parent->cap * 2 : 32;
			parent->records = mem_grow(parent->records, parent->cap, sizeof(*parent->records));
		}
		/* The texts are copied: the child's arena goes with it. */
		DiagRecord r = child->records[i];
		r.file = r.file ? arena_strdup(parent->strings, r.file) : NULL;
		r.sheet = r.sheet ? arena_strdup(parent->strings, r.sheet) : NULL;
		r.text = arena_strdup(parent->strings, r.text);
		parent->records[parent->n++] = r;
	}
	for (int s = 0; s < DIAG_NSEVERITY; s++)
		parent->counts[s] += child->counts[s];
	diag_free(child);
}

int
diag_where(const DiagRecord *r, char *buf, size_t size)
{
	if (r->file == NULL)
		return snprintf(buf, size, "%s", "");
	if (r->sheet != NULL && r->line > 0) {
		/* A spreadsheet's cell as its program names it: visits!C12. */
		char letters[8], *p = letters + sizeof letters - 1;
		*p = '\0';
		for (long c = r->col; c > 0 && p > letters; c = (c - 1) / 26)
			*--p = (char)('A' + (c - 1) % 26);
		if (r->col > 0)
			return snprintf(buf, size, "%s: %s!%s%ld", r->file, r->sheet, p, r->line);
		return snprintf(buf, size, _("%s: %s, row %ld"), r->file, r->sheet, r->line);
	}
	if (r->line <= 0)
		return snprintf(buf, size, "%s", r->file);
	if (r->col <= 0)
		return snprintf(buf, size, "%s:%ld", r->file, r->line);
	return snprintf(buf, size, "%s:%ld:%ld", r->file, r->line, r->col);
}

int
diag_format(const DiagRecord *r, char *buf, size_t size)
{
	const char *word = _(severity_word[r->severity]);
	if (r->file == NULL)
		return snprintf(buf, size, "%s: %s", word, r->text);
	int n = diag_where(r, buf, size);
	if (n < 0)
		return n;
	size_t at = (size_t)n < size ? (size_t)n : (size > 0 ? size - 1 : 0);
	int m = snprintf(buf + at, size - at, ": %s: %s", word, r->text);
	return m < 0 ? m : n + m;
}

/* s as it may reach a terminal, a log or a report: control characters
 * (a newline in a quoted field, an escape sequence) and the bidirectional
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069: text that reads
 * differently from what it is) written as \xNN or <U+202E>, so a value in
 * the data can neither forge a log line nor hide what it says. Invalid
 * UTF-8 bytes are written as \xNN too. In a's memory. */
static char *
escape_text(Arena *a, const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += 8;
	char *out = arena_alloc(a, n + 1), *o = out;
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p < 0x20 || *p == 0x7f) {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
			p++;
			continue;
		}
		/* E2 80 AA..AE and E2 81 A6..A9: the overrides and isolates. */
		if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
		    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
			unsigned cp = 0x2000u | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			o += snprintf(o, 9, "<U+%04X>", cp);   /* 8 bytes were counted for it */
			p += 3;
			continue;
		}
		*o++ = (char)*p++;
	}
	*o = '\0';
	return out;
}

/* fmt in the user's language (core/i18n.h), filled in the C locale's
 * numbers, as a string in a. */
static char *
message_text(Arena *a, const char *fmt, va_list ap)
{
	fmt = _(fmt);
	va_list again;
	va_copy(again, ap);
	int n = c_vsnprintf(NULL, 0, fmt, ap);
	char *text = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
	if (n > 0)
		c_vsnprintf(text, (size_t)n + 1, fmt, again);
	va_end(again);
	return text;
}

void
diag_report(Diag *d, DiagSeverity sev, const char *file, long line, long col,
    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = message_text(d->strings, fmt, ap);
	va_end(ap);

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->records = mem_grow(d->records, d->cap, sizeof(*d->records));
	}
	DiagRecord *r = &d->records[d->n++];
	r->severity = sev;
	r->file = file ? escape_text(d->strings, file) : NULL;
	r->line = line;
	r->col = col;
	r->sheet = NULL;
	for (size_t i = 0; file && i < d->ncells; i++)
		if (!strcmp(d->cells[i].file, file))
			r->sheet = d->cells[i].sheet;
	r->text = escape_text(d->strings, text);
	d->counts[sev]++;

	if (d->out != NULL && (sev != DIAG_NOTE || d->verbose)) {
		char small[512];
		int len = diag_format(r, small, sizeof(small));
		if (len >= 0 && (size_t)len < sizeof(small)) {
			fprintf(d->out, "nithet: %s\n", small);
		} else if (len >= 0) {
			char *big = mem_alloc((size_t)len + 1);
			diag_format(r, big, (size_t)len + 1);
			fprintf(d->out, "nithet: %s\n", big);
			free(big);
		}
	}
}

void
diag_say(Diag *d, const char *file, const char *fmt, ...)
{
	if (d->out == NULL)
		return;
	/* Worded and escaped as a recorded message is, in a scratch arena. */
	Arena *a = arena_new();
	va_list ap;
	va_start(ap, fmt);
	char *text = message_text(a, fmt, ap);
	va_end(ap);
	if (file != NULL)
		fprintf(d->out, "nithet: %s: %s\n", escape_text(a, file), escape_text(a, text));
	else
		fprintf(d->out, "nithet: %s\n", escape_text(a, text));
	arena_free(a);
}

size_t
diag_count(const Diag *d, DiagSeverity sev)
{
	return d->counts[sev];
}

size_t
diag_errors(const Diag *d)
{
	size_t n = 0;
	for (int s = DIAG_ROW; s < DIAG_NSEVERITY; s++)
		n += d->counts[s];
	return n;
}

size_t
diag_warnings(const Diag *d)
{
	return d->counts[DIAG_WARNING];
}

DiagSeverity
diag_worst(const Diag *d)
{
	for (int s = DIAG_NSEVERITY - 1; s > DIAG_NOTE; s--)
		if (d->counts[s] > 0)
			return (DiagSeverity)s;
	return DIAG_NOTE;
}

int
diag_severity_exit(DiagSeverity sev)
{
	return severity_exit[sev];
}

int
diag_exit_status(const Diag *d)
{
	return severity_exit[diag_worst(d)];
}

size_t
diag_nrecords(const Diag *d)
{
	return d->n;
}

const DiagRecord *
diag_record(const Diag *d, size_t i)
{
	return i < d->n ? &d->records[i] : NULL;
}

void
diag_cells(Diag *d, const char *file, const char *sheet)
{
	for (size_t i = 0; i < d->ncells; i++)
		if (!strcmp(d->cells[i].file, file)) {
			d->cells[i].sheet = escape_text(d->strings, sheet);
			return;
		}
	d->cells = mem_grow(d->cells, d->ncells + 1, sizeof(*d->cells));
	d->cells[d->ncells].file = arena_strdup(d->strings, file);
	d->cells[d->ncells++].sheet = escape_text(d->strings, sheet);
}
