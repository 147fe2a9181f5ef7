/* diag.c - recording and printing diagnostics (see diag.h). */
#include "diag.h"
#include "arena.h"
#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

struct Diag {
	FILE *out;
	int verbose;
	Arena *strings;        /* message texts and file names */
	DiagRecord *records;
	size_t n, cap;
	size_t counts[DIAG_NSEVERITY];
};

static const char *const severity_word[DIAG_NSEVERITY] = {
	[DIAG_NOTE] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ROW] = "error",
	[DIAG_USAGE] = "error",
	[DIAG_INPUT] = "error",
	[DIAG_OUTPUT] = "error",
	[DIAG_INTERNAL] = "internal error",
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
	free(d);
}

void
diag_set_verbose(Diag *d, int verbose)
{
	d->verbose = verbose;
}

int
diag_format(const DiagRecord *r, char *buf, size_t size)
{
	const char *word = severity_word[r->severity];
	if (r->file == NULL)
		return snprintf(buf, size, "%s: %s", word, r->text);
	if (r->line <= 0)
		return snprintf(buf, size, "%s: %s: %s", r->file, word, r->text);
	if (r->col <= 0)
		return snprintf(buf, size, "%s:%ld: %s: %s", r->file, r->line, word, r->text);
	return snprintf(buf, size, "%s:%ld:%ld: %s: %s", r->file, r->line, r->col, word, r->text);
}

void
diag_report(Diag *d, DiagSeverity sev, const char *file, long line, long col,
    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *text = arena_alloc(d->strings, n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->records = mem_grow(d->records, d->cap, sizeof(*d->records));
	}
	DiagRecord *r = &d->records[d->n++];
	r->severity = sev;
	r->file = file ? arena_strdup(d->strings, file) : NULL;
	r->line = line;
	r->col = col;
	r->text = text;
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
