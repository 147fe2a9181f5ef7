/* ods.c - LibreOffice spreadsheets (.ods, OpenDocument) as table rows
 * (see ods.h). */
#include "load/ods.h"
#include "core/i18n.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/cnum.h"
#include "core/mem.h"
#include "load/archive.h"
#include "load/cells.h"
#include "load/xml.h"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* The manifest is small; no real one comes near this. */
enum { ODS_MANIFEST_MAX = 4 << 20 };

/* A cell spanning rows: its value for the covered cells below it. */
typedef struct Span {
	long until;                /* the last row it covers */
	char *value;
} Span;

typedef struct Book {
	Arena *a;
	Archive *ar;
	const char *path, *name;   /* name: "visits.ods (content.xml)" */
	Diag *d;
	const ReadLimits *lim;
	CellRow row;
	int tables;                /* table:table elements begun */
	const char *want;          /* the sheet the config names; NULL = the first */
	int found;                 /* the table read was begun */
	const char *sheet;         /* its name */
	const char *names;         /* every table's name, for a message */
	long next_row;             /* the sheet's row number of the next row */
	Span *spans;               /* by column - 1 */
	size_t nspans;
	CellText t;                /* one cell's text while it is gathered */
} Book;

/* A repeat count attribute: 1 when absent; at most max. */
static long
repeats(const XmlNode *e, const char *attr, long max)
{
	const char *v = xml_attr_ns(e, NS_TABLE, attr);
	if (v == NULL)
		return 1;
	/* A count past any number is as good as max; below 1, absent. */
	v = cells_skip_space(v);
	long long n;
	CnumStatus st = c_strtonum(v, LLONG_MIN, LLONG_MAX, &n);
	if (st == CNUM_RANGE)
		return v[0] == '-' ? 1 : max;
	if (st != CNUM_OK || n < 1)
		return 1;
	return n > max ? max : (long)n;
}

/* The text of a paragraph as shown: spans followed, <text:s c="n"/> as n
 * spaces, tabs and line breaks as such, notes and annotations left out. */
static void
gather(Book *b, const XmlNode *n)
{
	cells_text_add(&b->t, n->text, strlen(n->text));
	for (size_t i = 0; i < n->nchildren; i++) {
		const XmlNode *c = &n->children[i];
		if (!strcmp(c->name, "s")) {
			const char *cv = xml_attr_ns(c, NS_TEXT, "c");
			long long k = 1;
			if (cv != NULL) {
				/* As many as the leading digits say (0 for none); a count
				 * past any number is the loop's 1000. */
				cv = cells_skip_space(cv);
				CnumStatus st = c_strtonum_prefix(cv, NULL, LLONG_MIN, LLONG_MAX, &k);
				if (st != CNUM_OK)
					k = st == CNUM_RANGE && cv[0] != '-' ? 1000 : 0;
			}
			for (long long j = 0; j < k && j < 1000; j++)
				cells_text_add(&b->t, " ", 1);
		} else if (!strcmp(c->name, "tab")) {
			cells_text_add(&b->t, "\t", 1);
		} else if (!strcmp(c->name, "line-break")) {
			cells_text_add(&b->t, "\n", 1);
		} else if (strcmp(c->name, "annotation") != 0 && strcmp(c->name, "note") != 0) {
			gather(b, c);
		}
	}
}

/* A cell's value as a person sees it, in b->t.s: 0 when it has none. */
static int
cell_value(Book *b, const XmlNode *c)
{
	b->t.len = 0;
	cells_text_add(&b->t, "", 0);
	const char *type = xml_attr_ns(c, NS_OFFICE, "value-type");
	/* The shown text: its paragraphs, one line each. */
	size_t paras = 0;
	for (size_t i = 0; i < c->nchildren; i++)
		if (!strcmp(c->children[i].name, "p")) {
			if (paras++)
				cells_text_add(&b->t, "\n", 1);
			gather(b, &c->children[i]);
		}
	if (type == NULL || !strcmp(type, "string") || !strcmp(type, "percentage"))
		return paras > 0;
	if (!strcmp(type, "date")) {
		const char *v = xml_attr_ns(c, NS_OFFICE, "date-value");
		if (v == NULL)
			return paras > 0;
		/* 2014-09-30 or 2015-08-05T10:54:43[.fraction]; midnight is a date. */
		size_t n = strlen(v);
		b->t.len = 0;
		if (n > 10 && v[10] == 'T' && strspn(v + 11, "0:.") != n - 11) {
			cells_text_add(&b->t, v, 10);
			cells_text_add(&b->t, " ", 1);
			cells_text_add(&b->t, v + 11, n > 19 ? 8 : n - 11);
		} else {
			cells_text_add(&b->t, v, n < 10 ? n : 10);
		}
		return 1;
	}
	if (!strcmp(type, "time")) {
		/* PT13H30M00S -> 13:30 (seconds when there are some). */
		const char *v = xml_attr_ns(c, NS_OFFICE, "time-value");
		long long part[3] = { 0, 0, 0 };   /* hours, minutes, seconds */
		static const char units[3] = { 'H', 'M', 'S' };
		int got = 0;
		const char *p = v && !strncmp(v, "PT", 2) ? v + 2 : NULL;
		for (int i = 0; p && i < 3 && *p; i++) {
			const char *end;
			long long x;
			if (c_strtonum_prefix(cells_skip_space(p), &end, 0, 100000, &x) != CNUM_OK || *end != units[i])
				break;
			part[i] = x;
			got++;
			p = end + 1;
		}
		if (got < 2)
			return paras > 0;
		int h = (int)part[0], m = (int)part[1], s = (int)part[2];
		char out[32];
		int k = s ? snprintf(out, sizeof out, "%02d:%02d:%02d", h, m, s) : snprintf(out, sizeof out, "%02d:%02d", h, m);
		b->t.len = 0;
		cells_text_add(&b->t, out, (size_t)k);
		return 1;
	}
	if (!strcmp(type, "boolean")) {
		const char *v = xml_attr_ns(c, NS_OFFICE, "boolean-value");
		b->t.len = 0;
		cells_text_add(&b->t, v && !strcmp(v, "true") ? "TRUE" : "FALSE", v && !strcmp(v, "true") ? 4 : 5);
		return 1;
	}
	/* float, currency: the shown text when it is plain digits (a code
	 * formatted 00000000 keeps its zeros), else the value itself (no
	 * thousands separators, no rounding of the display). */
	const char *v = xml_attr_ns(c, NS_OFFICE, "value");
	int ok = 0;
	double x = v ? cells_parse_number(v, &ok) : 0;
	if (!ok)
		return paras > 0;
	if (b->t.len > 0 && strspn(b->t.s, "0123456789") == b->t.len && b->t.len < 32) {
		int same;
		if (cells_parse_number(b->t.s, &same) == x && same)
			return 1;
	}
	char out[64];
	cells_format_number(x, 0, out, sizeof out);
	b->t.len = 0;
	cells_text_add(&b->t, out, strlen(out));
	return 1;
}

static int
put_span(Book *b, long col, long until, const char *v)
{
	if ((size_t)col > b->nspans) {
		size_t n = b->nspans ? b->nspans : 16;
		while (n < (size_t)col)
			n *= 2;
		b->spans = mem_grow(b->spans, n, sizeof(*b->spans));
		memset(b->spans + b->nspans, 0, (n - b->nspans) * sizeof(*b->spans));
		b->nspans = n;
	}
	Span *s = &b->spans[col - 1];
	free(s->value);
	size_t n = strlen(v) + 1;
	s->value = mem_alloc(n);
	memcpy(s->value, v, n);
	s->until = until;
	return 0;
}

/* One table:table-row (repeated maybe): its cells placed, then handed out
 * as many times as it repeats, unless blank. */
static int
on_row(Book *b, const XmlNode *e)
{
	long line = b->next_row;
	long times = repeats(e, "number-rows-repeated", 1048576);
	b->next_row += times;
	cells_begin(&b->row);
	long col = 1;
	int any = 0;
	for (size_t j = 0; j < e->nchildren; j++) {
		const XmlNode *c = &e->children[j];
		int covered = !strcmp(c->name, "covered-table-cell");
		if (!covered && strcmp(c->name, "table-cell") != 0)
			continue;
		long n = repeats(c, "number-columns-repeated", 16384);
		int has = covered ? 0 : cell_value(b, c);
		if (!has && covered && (size_t)col <= b->nspans && b->spans[col - 1].value &&
		    b->spans[col - 1].until >= line) {
			/* Merged down from the cell above: the same value. */
			b->t.len = 0;
			cells_text_add(&b->t, b->spans[col - 1].value, strlen(b->spans[col - 1].value));
			has = 1;
		}
		if (has && b->t.len > 0) {
			if (col + n - 1 > b->lim->max_columns) {
				diag_report(b->d, DIAG_INPUT, b->path, line, col, "more than %ld columns in one row; remove "
				    "the extra columns, or raise [limits] max_columns", b->lim->max_columns);
				return -1;
			}
			for (long k = 0; k < n; k++)
				if (cells_put(&b->row, line, col + k, b->t.s, b->t.len, 1) != 0)
					return -1;
			any = 1;
			long down = covered ? 1 : repeats(c, "number-rows-spanned", 1048576);
			if (down > 1 && put_span(b, col, line + down - 1, b->row.row + b->row.offs[col - 1]) != 0)
				return -1;
		}
		col += n;
		if (col > 16385)
			break;   /* past any sheet's last column: trailing empty cells */
	}
	if (!any)
		return 0;   /* blank, however often repeated */
	int rc = 0;
	for (long t = 0; t < times && rc == 0; t++)
		rc = cells_hand_out(&b->row, line + t);
	cells_begin(&b->row);
	return rc;
}

/* content.xml: office:document-content > office:body > office:spreadsheet
 * > table:table, whose rows may sit in header-rows, row-groups and rows
 * elements at any depth. Only the first table is read. */
static XmlVisit
on_start(void *ctx, const XmlNode *e, int depth)
{
	Book *b = ctx;
	if (depth <= 3)
		return XML_ENTER;
	if (depth == 4) {
		if (strcmp(e->name, "table") != 0)
			return XML_SKIP;
		b->tables++;
		const char *name = xml_attr_ns(e, NS_TABLE, "name");
		b->names = arena_printf(b->a, "%s%s'%s'", b->names ? b->names : "", b->names ? ", " : "",
		    name ? name : "");
		if (b->found || (b->want && (name == NULL || strcmp(name, b->want) != 0)))
			return XML_SKIP;
		b->found = 1;
		b->sheet = arena_strdup(b->a, name ? name : "");
		diag_cells(b->d, b->path, b->sheet);
		return XML_ENTER;
	}
	if (!strcmp(e->name, "table-row"))
		return XML_COLLECT;
	if (!strcmp(e->name, "table-header-rows") || !strcmp(e->name, "table-row-group") ||
	    !strcmp(e->name, "table-rows"))
		return XML_ENTER;
	return XML_SKIP;
}

static int
on_element(void *ctx, const XmlNode *e, int depth)
{
	(void)depth;
	return on_row(ctx, e);
}

/* A password-protected document keeps its parts encrypted and says so in
 * its manifest. */
static int
encrypted(Book *b)
{
	size_t len;
	char *m = archive_member_slurp(b->ar, "META-INF/manifest.xml", ODS_MANIFEST_MAX, 0, &len, b->d);
	if (m == NULL)
		return 0;
	int yes = strstr(m, "encryption-data") != NULL;
	free(m);
	return yes;
}

int
ods_read_rows(const char *path, const ReadLimits *lim, int max_depth, const char *sheet, RowFn fn, void *ctx,
    Diag *d)
{
	Book b = {
		.a = arena_new(), .path = path, .d = d, .lim = lim, .next_row = 1, .want = sheet,
		.row = { .name = path, .lim = lim, .fn = fn, .ctx = ctx, .d = d },
	};
	int rc = -1;
	b.ar = archive_open(path, lim->max_file_bytes, NULL, d);
	if (b.ar == NULL)
		goto done;
	if (!archive_has(b.ar, "content.xml")) {
		const char *what = archive_has(b.ar, "xl/workbook.xml") ? _("an Excel workbook: name it .xlsx") :
		    archive_has(b.ar, "word/document.xml") ? _("a Word document") : _("a zip file, not a spreadsheet");
		diag_report(d, DIAG_INPUT, path, 0, 0, "the file is %s; save the table from LibreOffice Calc as "
		    "an OpenDocument spreadsheet (.ods)", what);
		goto done;
	}
	if (encrypted(&b)) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the spreadsheet is protected by a password; open it in "
		    "LibreOffice Calc, remove the password (File > Properties > Security) and save it again");
		goto done;
	}
	ArchiveMember *m = archive_member_open(b.ar, "content.xml", lim->max_file_bytes, 1, d);
	if (m == NULL)
		goto done;
	b.name = arena_printf(b.a, "%s (content.xml)", path);
	rc = xml_stream_read(archive_member_read, m, b.name, max_depth + 8, 0, on_start, on_element, &b, d);
	archive_member_close(m);
	if (rc == 0 && b.want && !b.found) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the spreadsheet has no sheet named '%s' (the config's "
		    "[sheets]); its sheets are %s: correct the name in the config, or leave it empty to read the "
		    "first sheet", b.want, b.names ? b.names : "none");
		rc = -1;
	} else if (rc == 0 && b.tables == 0) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the spreadsheet has no sheet; save the table again");
		rc = -1;
	} else if (rc == 0 && b.tables > 1 && !b.want) {
		diag_report(d, DIAG_NOTE, path, 0, 0, "the spreadsheet has %d sheets; the table is read from the "
		    "first, '%s'", b.tables, b.sheet);
	}
done:
	for (size_t i = 0; i < b.nspans; i++)
		free(b.spans[i].value);
	free(b.spans);
	free(b.t.s);
	cells_free(&b.row);
	archive_close(b.ar);
	arena_free(b.a);
	return rc;
}

