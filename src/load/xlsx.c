/* xlsx.c - Excel workbooks as table rows (see xlsx.h). */
#define _GNU_SOURCE   /* memmem */
#include "load/xlsx.h"
#include "core/i18n.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/cnum.h"
#include "core/mem.h"
#include "load/archive.h"
#include "load/cells.h"
#include "load/xml.h"
#include "load/xmlscan.h"

/* The small parts (workbook, relationships, styles) are read whole; no
 * real one comes near this. */
enum { XLSX_PART_MAX = 16 << 20 };

/* Merged blocks kept for filling down; more than this in one sheet is not
 * a table. */
enum { XLSX_MAX_MERGES = 100000 };

typedef enum CellFormat { FMT_NUMBER, FMT_DATE, FMT_TIME, FMT_TEXT } CellFormat;

typedef struct Style {
	unsigned char format;      /* CellFormat */
	unsigned char zeros;       /* a format of zeros only: its width */
} Style;

/* A block of merged cells spanning rows. */
typedef struct Merge {
	long r1, c1, r2;
	char *value;               /* the top-left cell's value, once read */
} Merge;

typedef struct Workbook {
	Arena *a;
	Archive *ar;
	const char *path;
	Diag *d;
	const ReadLimits *lim;
	int max_depth;
	int date1904;
	const char *want;          /* the sheet the config names; NULL = the first shown */
	const char *sheet_name, *sheet_part, *strings_part, *styles_part;
	const char *names;         /* every sheet's name, for a message */
	size_t nsheets;
	/* shared strings: the text of string i is pool + soff[i] */
	char *pool;
	size_t plen, pcap;
	size_t *soff;
	size_t nstrings, scap;
	CellText g;                /* one string's text while it is read */
	/* where the tokenizer is in the part being read */
	int in_item;               /* inside <si>, or <c> of a row */
	int text_depth;            /* > 0: the text of the element at this depth counts */
	int skip_depth;            /* > 0: inside a phonetic guide of this depth */
	int in_block;              /* inside <sheetData> (pass 2), <mergeCells> (pass 1) */
	int in_row;
	/* the cell being read */
	char cell_type[12];        /* its t, "" when none */
	long cell_style;           /* its s, -1 when none */
	long cell_col;
	long line;                 /* the row's number */
	int has_v, has_is;
	CellText v;                /* <v>'s text */
	Style *styles;
	size_t nstyles;
	Merge *merges;
	size_t nmerges, mcap;
	int merges_over;           /* more than XLSX_MAX_MERGES: said once */
	/* the rows */
	CellRow row;
	int saw_sheet;
	long next_row;
	size_t merge_next;         /* merges sorted by r1: the first not yet begun */
	Merge **active;
	size_t nactive;
} Workbook;

/* ---- small things ---- */

/* Rich text, in a shared string or an inline one, is runs of <t>; a
 * phonetic guide (<rPh>, East Asian readings) is not part of the value.
 * Called for an element at depth inside the item: whether its text counts. */
static void
text_start(Workbook *wb, const char *name, int depth)
{
	if (wb->skip_depth)
		return;
	if (!strcmp(name, "rPh") || !strcmp(name, "phoneticPr"))
		wb->skip_depth = depth;
	else if (!strcmp(name, "t"))
		wb->text_depth = depth;
}

static void
text_end(Workbook *wb, int depth)
{
	if (depth == wb->skip_depth)
		wb->skip_depth = 0;
	if (depth == wb->text_depth)
		wb->text_depth = 0;
}

/* "C12" -> column 3, row 12; 0 when ref is not a cell reference. */
static int
parse_ref(const char *ref, long *col, long *row)
{
	long c = 0, r = 0;
	const char *p = ref;
	while (*p >= 'A' && *p <= 'Z' && c <= 16384)
		c = c * 26 + (*p++ - 'A' + 1);
	if (p == ref || c > 16384)
		return 0;
	const char *digits = p;
	while (*p >= '0' && *p <= '9' && r <= 1048576)
		r = r * 10 + (*p++ - '0');
	if (*p != '\0' || (row && p == digits) || r > 1048576)
		return 0;
	*col = c;
	if (row)
		*row = r;
	return 1;
}

static int
parse_long(const char *s, long min, long max, long *out)
{
	long long v;
	if (s == NULL || c_strtonum(cells_skip_space(s), min, max, &v) != CNUM_OK)
		return 0;
	*out = (long)v;
	return 1;
}

/* ---- number formats ---- */

/* What a number format shows: a date or time (its codes d, m, y, e, h, s,
 * or Thai Excel's b), text, or a number (zeros: a code of zeros only, as
 * "00000000" keeps a code's leading zeros). Quoted text, escaped
 * characters, [colour]/[locale] brackets and the letters of "General" are
 * not codes. */
static CellFormat
format_kind(const char *code, int *zeros)
{
	*zeros = 0;
	if (!strcasecmp(code, "General"))
		return FMT_NUMBER;
	if (!strcmp(code, "@"))
		return FMT_TEXT;
	int date = 0, time = 0, only_zeros = 1, nzeros = 0;
	char prev = 0;       /* the last date or time letter */
	for (const char *p = code; *p; p++) {
		char ch = *p;
		if (ch == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			only_zeros = 0;
			continue;
		}
		if (ch == '[') {
			/* [h]:mm elapsed time is a time; [Red], [$-th-TH,107] are not codes */
			if ((p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 'M' || p[1] == 's' || p[1] == 'S') &&
			    (p[2] == ']' || p[2] == p[1]))
				time = 1;
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
			continue;
		}
		if (ch == '\\' || ch == '_' || ch == '*') {
			if (p[1])
				p++;
			only_zeros = 0;
			continue;
		}
		if (ch == ';')
			break;     /* the first section says what the number is */
		char l = (char)(ch | 0x20);
		if (l == 'd' || l == 'y' || (ch == 'e' && p[1] != '+' && p[1] != '-') || l == 'b') {
			date = 1;
		} else if (l == 'h' || l == 's') {
			time = 1;
		} else if (l == 'm') {
			/* Minutes after an hour or before seconds (h:mm, mm:ss),
			 * else the month. */
			const char *q = p;
			while ((q[1] | 0x20) == 'm')
				q++;
			const char *n = q + 1;
			while (*n && strchr(":. ", *n))
				n++;
			if (prev == 'h' || (*n | 0x20) == 's')
				time = 1;
			else
				date = 1;
			p = q;
		}
		if (strchr("dymhs", l))
			prev = l;
		if (ch == '0')
			nzeros++;
		else
			only_zeros = 0;
	}
	if (date)
		return FMT_DATE;
	if (time)
		return FMT_TIME;
	if (only_zeros && nzeros > 1 && nzeros < 32)
		*zeros = nzeros;
	return FMT_NUMBER;
}

/* Excel's built-in number formats that are dates or times (ECMA-376
 * 18.8.30, and the East Asian and Thai ones Excel writes by number). */
static CellFormat
builtin_kind(long id)
{
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
	    (id >= 50 && id <= 58) || (id >= 71 && id <= 81))
		return FMT_DATE;
	if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47))
		return FMT_TIME;
	if (id == 49)
		return FMT_TEXT;
	return FMT_NUMBER;
}

/* A serial date of the workbook's system as yyyy-mm-dd[ hh:mm:ss], or a
 * time alone as hh:mm[:ss]. 0 when it is no date (negative, too big). */
static int
format_serial(const Workbook *wb, double v, CellFormat kind, char *out, size_t size)
{
	if (v < 0 || v > 2958465.0)      /* 9999-12-31 */
		return 0;
	long long secs = llround(v * 86400.0);
	long long days = secs / 86400, tod = secs % 86400;
	int hh = (int)(tod / 3600), mi = (int)(tod / 60 % 60), ss = (int)(tod % 60);
	if (kind == FMT_TIME || days == 0) {
		if (kind != FMT_TIME && tod == 0)
			return 0;
		return ss ? snprintf(out, size, "%02d:%02d:%02d", hh, mi, ss) :
		    snprintf(out, size, "%02d:%02d", hh, mi);
	}
	/* 1900 system: day 1 is 1900-01-01 and day 60 the 29 February 1900
	 * Lotus believed in; from day 61 on, day n is 1899-12-30 + n. */
	long long from1970;
	if (wb->date1904)
		from1970 = days - 24107;
	else if (days >= 61)
		from1970 = days - 25569;
	else if (days == 60)
		return 0;
	else
		from1970 = days - 25568;
	CalDateTime t = cal_datetime_from_seconds(from1970 * 86400 + tod);
	if (tod == 0)
		return snprintf(out, size, "%04d-%02d-%02d", t.date.year, t.date.month, t.date.day);
	return snprintf(out, size, "%04d-%02d-%02d %02d:%02d:%02d", t.date.year, t.date.month, t.date.day,
	    t.hour, t.minute, t.second);
}

/* ---- the small parts ---- */

/* Parse a small part into a tree; NULL after reporting (or, when absent
 * and !required, without a message). */
static XmlNode *
read_part(Workbook *wb, const char *part, int required)
{
	size_t len;
	char *buf = archive_member_slurp(wb->ar, part, XLSX_PART_MAX, required, &len, wb->d);
	if (buf == NULL)
		return NULL;
	const char *name = arena_printf(wb->a, "%s (%s)", wb->path, part);
	XmlNode *root = xml_parse_memory(wb->a, buf, len, name, wb->max_depth + 8, NULL, wb->d);
	free(buf);
	return root;
}

/* A relationship's target as a part name: relative to xl/, or absolute. */
static const char *
part_name(Workbook *wb, const char *target)
{
	if (target[0] == '/')
		return arena_strdup(wb->a, target + 1);
	return arena_printf(wb->a, "xl/%s", target);
}

static int
read_workbook(Workbook *wb)
{
	if (!archive_has(wb->ar, "xl/workbook.xml")) {
		const char *what = archive_has(wb->ar, "word/document.xml") ? _("a Word document") :
		    archive_has(wb->ar, "ppt/presentation.xml") ? _("a PowerPoint presentation") :
		    archive_has(wb->ar, "content.xml") ? _("an OpenDocument file (LibreOffice)") : _("a zip file");
		diag_report(wb->d, DIAG_INPUT, wb->path, 0, 0, "the file is %s, not an Excel workbook; save the "
		    "table from Excel or LibreOffice Calc as an Excel Workbook (.xlsx)", what);
		return -1;
	}
	XmlNode *book = read_part(wb, "xl/workbook.xml", 1);
	if (book == NULL)
		return -1;
	const XmlNode *pr = xml_child(book, "workbookPr");
	const char *d1904 = pr ? xml_attr(pr, "date1904") : NULL;
	wb->date1904 = d1904 && (!strcmp(d1904, "1") || !strcasecmp(d1904, "true"));
	const XmlNode *sheets = xml_child(book, "sheets");
	const char *rid = NULL;
	for (const XmlNode *s = sheets ? xml_next(sheets, "sheet", NULL) : NULL; s; s = xml_next(sheets, "sheet", s)) {
		wb->nsheets++;
		const char *state = xml_attr(s, "state");
		const char *name = xml_attr(s, "name");
		wb->names = arena_printf(wb->a, "%s%s'%s'", wb->names ? wb->names : "", wb->names ? ", " : "",
		    name ? name : "");
		int pick = wb->want ? name && !strcmp(name, wb->want) : state == NULL || !strcmp(state, "visible");
		if (rid == NULL && pick) {
			rid = xml_attr(s, "id");
			wb->sheet_name = arena_strdup(wb->a, name ? name : "");
		}
	}
	if (rid == NULL && wb->want) {
		diag_report(wb->d, DIAG_INPUT, wb->path, 0, 0, "the workbook has no sheet named '%s' (the config's "
		    "[sheets]); its sheets are %s: correct the name in the config, or leave it empty to read the "
		    "first sheet", wb->want, wb->names ? wb->names : "none");
		return -1;
	}
	if (rid == NULL) {
		diag_report(wb->d, DIAG_INPUT, wb->path, 0, 0, "the workbook has no visible sheet; show the "
		    "sheet with the table (Format > Sheet > Unhide) and save again");
		return -1;
	}
	XmlNode *rels = read_part(wb, "xl/_rels/workbook.xml.rels", 1);
	if (rels == NULL)
		return -1;
	for (const XmlNode *r = xml_next(rels, "Relationship", NULL); r; r = xml_next(rels, "Relationship", r)) {
		const char *id = xml_attr(r, "Id"), *type = xml_attr(r, "Type"), *target = xml_attr(r, "Target");
		if (id == NULL || type == NULL || target == NULL)
			continue;
		size_t tl = strlen(type);
		if (!strcmp(id, rid))
			wb->sheet_part = part_name(wb, target);
		else if (tl >= 14 && !strcmp(type + tl - 14, "/sharedStrings"))
			wb->strings_part = part_name(wb, target);
		else if (tl >= 7 && !strcmp(type + tl - 7, "/styles"))
			wb->styles_part = part_name(wb, target);
	}
	if (wb->sheet_part == NULL || !archive_has(wb->ar, wb->sheet_part)) {
		diag_report(wb->d, DIAG_INPUT, wb->path, 0, 0, "the sheet '%s' has no data part in the workbook; "
		    "open it in Excel or LibreOffice Calc and save it again", wb->sheet_name);
		return -1;
	}
	return 0;
}

static int
read_styles(Workbook *wb)
{
	if (wb->styles_part == NULL)
		return 0;
	XmlNode *st = read_part(wb, wb->styles_part, 0);
	if (st == NULL)
		return archive_has(wb->ar, wb->styles_part) ? -1 : 0;
	const XmlNode *fmts = xml_child(st, "numFmts");
	const XmlNode *xfs = xml_child(st, "cellXfs");
	if (xfs == NULL)
		return 0;
	wb->nstyles = xml_count(xfs, "xf");
	wb->styles = arena_array(wb->a, wb->nstyles ? wb->nstyles : 1, sizeof(Style));
	size_t i = 0;
	for (const XmlNode *x = xml_next(xfs, "xf", NULL); x; x = xml_next(xfs, "xf", x), i++) {
		long id = 0;
		parse_long(xml_attr(x, "numFmtId"), 0, 100000, &id);
		CellFormat k = builtin_kind(id);
		int zeros = 0;
		for (const XmlNode *f = fmts ? xml_next(fmts, "numFmt", NULL) : NULL; f; f = xml_next(fmts, "numFmt", f)) {
			long fid;
			const char *code = xml_attr(f, "formatCode");
			if (code && parse_long(xml_attr(f, "numFmtId"), 0, 100000, &fid) && fid == id) {
				k = format_kind(code, &zeros);
				break;
			}
		}
		wb->styles[i].format = (unsigned char)k;
		wb->styles[i].zeros = (unsigned char)zeros;
	}
	return 0;
}

/* Shared strings, streamed: one <si> at a time into the pool. */
static int
strings_start(void *ctx, const char *name, const XmlScanAttr *attrs, size_t nattrs, int depth)
{
	(void)attrs;
	(void)nattrs;
	Workbook *wb = ctx;
	if (depth == 2 && !strcmp(name, "si")) {
		wb->in_item = 1;
		wb->g.len = 0;
		cells_text_add(&wb->g, "", 0);
	} else if (depth > 2 && wb->in_item) {
		text_start(wb, name, depth);
	}
	return 0;
}

static int
strings_text(void *ctx, const char *s, size_t n, int depth)
{
	Workbook *wb = ctx;
	if (wb->text_depth == depth && !wb->skip_depth)
		cells_text_add(&wb->g, s, n);
	return 0;
}

static int
strings_end(void *ctx, const char *name, int depth)
{
	(void)name;
	Workbook *wb = ctx;
	text_end(wb, depth);
	if (depth != 2 || !wb->in_item)
		return 0;
	wb->in_item = 0;
	if (wb->nstrings == wb->scap) {
		wb->scap = wb->scap ? wb->scap * 2 : 1024;
		wb->soff = mem_grow(wb->soff, wb->scap, sizeof(*wb->soff));
	}
	if (wb->plen + wb->g.len + 1 > wb->pcap) {
		wb->pcap = (wb->plen + wb->g.len + 1) * 2;
		wb->pool = mem_grow(wb->pool, wb->pcap, 1);
	}
	wb->soff[wb->nstrings++] = wb->plen;
	memcpy(wb->pool + wb->plen, wb->g.s, wb->g.len + 1);
	wb->plen += wb->g.len + 1;
	return 0;
}

/* A big part (the shared strings, the sheet) through the tokenizer. */
static int
scan_part(Workbook *wb, const char *part, const XmlScanHandler *h)
{
	ArchiveMember *m = archive_member_open(wb->ar, part, wb->lim->max_file_bytes, 1, wb->d);
	if (m == NULL)
		return -1;
	const char *name = arena_printf(wb->a, "%s (%s)", wb->path, part);
	wb->in_item = wb->in_block = wb->in_row = wb->text_depth = wb->skip_depth = 0;
	int rc = xml_scan_read(archive_member_read, m, name, wb->max_depth + 8, h, wb, wb->d);
	archive_member_close(m);
	return rc;
}

static int
read_strings(Workbook *wb)
{
	if (wb->strings_part == NULL || !archive_has(wb->ar, wb->strings_part))
		return 0;
	static const XmlScanHandler h = { strings_start, strings_end, strings_text };
	return scan_part(wb, wb->strings_part, &h);
}

/* ---- the sheet ---- */

static int
by_first_row(const void *a, const void *b)
{
	const Merge *x = a, *y = b;
	return (x->r1 > y->r1) - (x->r1 < y->r1);
}

static const char *
attr_of(const XmlScanAttr *attrs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(attrs[i].name, name))
			return attrs[i].value;
	return NULL;
}

/* Pass 1: a block of merged cells spanning rows is kept. */
static void
add_merge(Workbook *wb, const char *ref)
{
	const char *colon = ref ? strchr(ref, ':') : NULL;
	if (colon == NULL || colon - ref > 15)
		return;
	char first[16];
	memcpy(first, ref, (size_t)(colon - ref));
	first[colon - ref] = '\0';
	long c1, r1, c2, r2;
	if (!parse_ref(first, &c1, &r1) || !parse_ref(colon + 1, &c2, &r2) || r2 <= r1)
		return;
	if (wb->nmerges >= XLSX_MAX_MERGES) {
		wb->merges_over = 1;
		return;
	}
	if (wb->nmerges == wb->mcap) {
		wb->mcap = wb->mcap ? wb->mcap * 2 : 64;
		wb->merges = mem_grow(wb->merges, wb->mcap, sizeof(*wb->merges));
	}
	wb->merges[wb->nmerges++] = (Merge){ r1, c1, r2, NULL };
}

static int
merges_start(void *ctx, const char *name, const XmlScanAttr *attrs, size_t nattrs, int depth)
{
	Workbook *wb = ctx;
	if (depth == 1)
		wb->saw_sheet = !strcmp(name, "worksheet");
	else if (depth == 2 && wb->saw_sheet)
		wb->in_block = !strcmp(name, "mergeCells");
	else if (depth == 3 && wb->in_block && !strcmp(name, "mergeCell"))
		add_merge(wb, attr_of(attrs, nattrs, "ref"));
	return 0;
}

static int
merges_end(void *ctx, const char *name, int depth)
{
	(void)name;
	Workbook *wb = ctx;
	if (depth == 2)
		wb->in_block = 0;
	return 0;
}

/* The text of the cell just read (1, in wb->g.s), or 0 when it has none:
 * an inline string is already in wb->g, a value in wb->v. */
static int
cell_value(Workbook *wb, long line, long col)
{
	const char *t = wb->cell_type[0] ? wb->cell_type : NULL;
	if (t && !strcmp(t, "inlineStr"))
		return 1;
	wb->g.len = 0;
	cells_text_add(&wb->g, "", 0);
	if (!wb->has_v)
		return 0;
	const char *text = wb->v.s;
	if (t && !strcmp(t, "s")) {
		long i;
		if (!parse_long(text, 0, LONG_MAX, &i) || (size_t)i >= wb->nstrings) {
			diag_report(wb->d, DIAG_INPUT, wb->path, line, col, "the cell points to shared string %s, "
			    "but the workbook has %zu; the workbook is damaged: open it in Excel or LibreOffice "
			    "Calc and save it again", text, wb->nstrings);
			return -1;
		}
		const char *s = wb->pool + wb->soff[i];
		cells_text_add(&wb->g, s, strlen(s));
		return 1;
	}
	if (t && !strcmp(t, "b")) {
		cells_text_add(&wb->g, !strcmp(text, "1") ? "TRUE" : "FALSE", !strcmp(text, "1") ? 4 : 5);
		return 1;
	}
	if (t && (!strcmp(t, "str") || !strcmp(t, "e"))) {
		cells_text_add(&wb->g, text, strlen(text));
		return 1;
	}
	if (t && !strcmp(t, "d")) {
		/* An ISO date-time; midnight is a date. */
		size_t n = strlen(text);
		if (n > 10 && text[10] == 'T' && strspn(text + 11, "0:.") == n - 11)
			n = 10;
		cells_text_add(&wb->g, text, n);
		return 1;
	}
	/* A number, shown by its style. Whole numbers in General format,
	 * most of a sheet's, are copied as they are (Excel writes them
	 * without a point or exponent). */
	Style style = { FMT_NUMBER, 0 };
	if (wb->cell_style >= 0 && (size_t)wb->cell_style < wb->nstyles)
		style = wb->styles[wb->cell_style];
	size_t digits = strspn(text + (text[0] == '-'), "0123456789");
	if (style.format != FMT_DATE && style.format != FMT_TIME && style.zeros == 0 && digits > 0 &&
	    digits < 16 && text[(text[0] == '-') + digits] == '\0' && (text[text[0] == '-'] != '0' || digits == 1)) {
		cells_text_add(&wb->g, strcmp(text, "-0") ? text : "0", strcmp(text, "-0") ? strlen(text) : 1);
		return 1;
	}
	int ok;
	double x = cells_parse_number(text, &ok);
	if (!ok) {
		cells_text_add(&wb->g, text, strlen(text));
		return 1;
	}
	char out[64];
	if ((style.format == FMT_DATE || style.format == FMT_TIME) &&
	    format_serial(wb, x, (CellFormat)style.format, out, sizeof out) > 0) {
		cells_text_add(&wb->g, out, strlen(out));
		return 1;
	}
	cells_format_number(x, style.zeros, out, sizeof out);
	cells_text_add(&wb->g, out, strlen(out));
	return 1;
}

/* The value of column col in the row being assembled, or NULL. */
static const char *
row_value(const CellRow *r, long col)
{
	if (col < 1 || (size_t)col > r->n || r->offs[col - 1] == SIZE_MAX)
		return NULL;
	return r->row + r->offs[col - 1];
}

/* Fill the merged blocks that cover this row from their top-left cell. */
static int
fill_merges(Workbook *wb, long line)
{
	/* Blocks that begin at or before this row join the active ones. */
	while (wb->merge_next < wb->nmerges && wb->merges[wb->merge_next].r1 <= line) {
		wb->active = mem_grow(wb->active, wb->nactive + 1, sizeof(*wb->active));
		wb->active[wb->nactive++] = &wb->merges[wb->merge_next++];
	}
	size_t keep = 0;
	for (size_t i = 0; i < wb->nactive; i++) {
		Merge *m = wb->active[i];
		if (m->r2 < line) {
			free(m->value);
			m->value = NULL;
			continue;
		}
		wb->active[keep++] = m;
		if (m->r1 == line) {
			const char *v = row_value(&wb->row, m->c1);
			if (v != NULL && *v) {
				size_t n = strlen(v) + 1;
				m->value = mem_alloc(n);
				memcpy(m->value, v, n);
			}
		} else if (m->value != NULL && row_value(&wb->row, m->c1) == NULL) {
			if (cells_put(&wb->row, line, m->c1, m->value, strlen(m->value), 0) != 0)
				return -1;
		}
	}
	wb->nactive = keep;
	return 0;
}

/* Pass 2: rows of <sheetData>, each a <row> of <c> cells whose value is
 * a <v> (a number, an index into the shared strings, a formula's last
 * value) or an inline <is>. */
static int
row_start(Workbook *wb, const XmlScanAttr *attrs, size_t nattrs)
{
	long line;
	if (!parse_long(attr_of(attrs, nattrs, "r"), 1, 1048576, &line))
		line = wb->next_row;
	if (line < wb->next_row) {
		diag_report(wb->d, DIAG_INPUT, wb->path, line, 0, "the sheet's rows are out of order (row %ld "
		    "after row %ld); open the workbook in Excel or LibreOffice Calc and save it again", line,
		    wb->next_row - 1);
		return -1;
	}
	wb->next_row = line + 1;
	wb->line = line;
	wb->cell_col = 0;
	wb->in_row = 1;
	cells_begin(&wb->row);
	return 0;
}

static void
cell_start(Workbook *wb, const XmlScanAttr *attrs, size_t nattrs)
{
	const char *ref = NULL, *t = NULL, *st = NULL;
	for (size_t i = 0; i < nattrs; i++) {
		const char *n = attrs[i].name;
		if (n[0] == 'r' && n[1] == '\0')
			ref = attrs[i].value;
		else if (n[0] == 't' && n[1] == '\0')
			t = attrs[i].value;
		else if (n[0] == 's' && n[1] == '\0')
			st = attrs[i].value;
	}
	long cr, rr;
	if (ref && parse_ref(ref, &cr, &rr) && rr == wb->line)
		wb->cell_col = cr;
	else
		wb->cell_col++;
	size_t tn = t ? strlen(t) : 0;
	if (tn >= sizeof wb->cell_type)
		tn = 0;      /* no type is this long: read as a number */
	memcpy(wb->cell_type, t ? t : "", tn);
	wb->cell_type[tn] = '\0';
	if (!parse_long(st, 0, LONG_MAX, &wb->cell_style))
		wb->cell_style = -1;
	wb->in_item = 1;
	wb->has_v = wb->has_is = 0;
	wb->v.len = 0;
	wb->g.len = 0;
	cells_text_add(&wb->g, "", 0);
}

static int
sheet_start(void *ctx, const char *name, const XmlScanAttr *attrs, size_t nattrs, int depth)
{
	Workbook *wb = ctx;
	switch (depth) {
	case 1:
		wb->saw_sheet = !strcmp(name, "worksheet");
		return 0;
	case 2:
		wb->in_block = wb->saw_sheet && !strcmp(name, "sheetData");
		return 0;
	case 3:
		if (wb->in_block && !strcmp(name, "row"))
			return row_start(wb, attrs, nattrs);
		return 0;
	case 4:
		if (wb->in_row && !strcmp(name, "c"))
			cell_start(wb, attrs, nattrs);
		return 0;
	case 5:
		if (!wb->in_item)
			return 0;
		if (!strcmp(name, "v") && !wb->has_v) {
			wb->text_depth = depth;
			cells_text_add(&wb->v, "", 0);
		} else if (!strcmp(name, "is") && !wb->has_is) {
			wb->has_is = 2;   /* inside it */
		}
		return 0;
	default:
		if (wb->in_item && wb->has_is == 2)
			text_start(wb, name, depth);
		return 0;
	}
}

static int
sheet_text(void *ctx, const char *s, size_t n, int depth)
{
	Workbook *wb = ctx;
	if (wb->text_depth != depth || wb->skip_depth)
		return 0;
	cells_text_add(depth == 5 ? &wb->v : &wb->g, s, n);
	return 0;
}

static int
sheet_end(void *ctx, const char *name, int depth)
{
	(void)name;
	Workbook *wb = ctx;
	switch (depth) {
	case 2:
		wb->in_block = 0;
		return 0;
	case 3:
		if (!wb->in_row)
			return 0;
		wb->in_row = 0;
		if (wb->nmerges && fill_merges(wb, wb->line) != 0)
			return -1;
		return cells_emit(&wb->row, wb->line);
	case 4: {
		if (!wb->in_item)
			return 0;
		wb->in_item = 0;
		int has = cell_value(wb, wb->line, wb->cell_col);
		if (has < 0)
			return -1;
		if (has && cells_put(&wb->row, wb->line, wb->cell_col, wb->g.s, wb->g.len, 1) != 0)
			return -1;
		return 0;
	}
	case 5:
		if (wb->text_depth == 5) {
			wb->text_depth = 0;
			wb->has_v = 1;
		} else if (wb->has_is == 2) {
			wb->has_is = 1;
		}
		return 0;
	default:
		text_end(wb, depth);
		return 0;
	}
}

/* A first look at the sheet's bytes, without parsing them: whether there
 * are merged cells at all (a table rarely has; they come after the rows,
 * so filling them down takes a pass of their own). Inflating is cheap
 * beside parsing. */
static int
prescan_sheet(Workbook *wb, int *has_merges)
{
	ArchiveMember *m = archive_member_open(wb->ar, wb->sheet_part, wb->lim->max_file_bytes, 1, wb->d);
	if (m == NULL)
		return -1;
	enum { CHUNK = 256 * 1024, KEEP = 16 };
	char *buf = mem_alloc(CHUNK + KEEP);
	size_t carry = 0;
	*has_merges = 0;
	int rc = 0;
	for (;;) {
		long got = archive_member_read(m, buf + carry, CHUNK);
		if (got <= 0) {
			rc = got < 0 ? -1 : 0;
			break;
		}
		size_t n = carry + (size_t)got;
		if (memmem(buf, n, "mergeCell", 9) != NULL) {
			*has_merges = 1;
			break;
		}
		/* The end of this chunk begins the next: a name cut in two is
		 * still found. */
		carry = n < KEEP ? n : KEEP;
		memmove(buf, buf + n - carry, carry);
	}
	free(buf);
	archive_member_close(m);
	return rc;
}

static int
read_sheet(Workbook *wb)
{
	int has_merges;
	if (prescan_sheet(wb, &has_merges) != 0)
		return -1;
	if (has_merges) {
		static const XmlScanHandler merges = { merges_start, merges_end, NULL };
		int rc = scan_part(wb, wb->sheet_part, &merges);
		if (rc != 0)
			return rc;
		if (wb->merges_over)
			diag_report(wb->d, DIAG_WARNING, wb->path, 0, 0, "more than %d blocks of merged cells; only "
			    "the first are filled down: unmerge the cells (Format > Merge Cells) and fill the values in",
			    XLSX_MAX_MERGES);
		if (wb->nmerges > 0)
			qsort(wb->merges, wb->nmerges, sizeof(*wb->merges), by_first_row);
	}
	wb->next_row = 1;
	static const XmlScanHandler rows = { sheet_start, sheet_end, sheet_text };
	int rc = scan_part(wb, wb->sheet_part, &rows);
	if (rc == 0 && !wb->saw_sheet) {
		diag_report(wb->d, DIAG_INPUT, wb->path, 0, 0, "the first sheet '%s' is not a worksheet (a chart?); "
		    "move the sheet with the table to the front and save again", wb->sheet_name);
		return -1;
	}
	return rc;
}

int
xlsx_read_rows(const char *path, const ReadLimits *lim, int max_depth, const char *sheet, RowFn fn, void *ctx,
    Diag *d)
{
	Workbook wb = {
		.a = arena_new(), .path = path, .d = d, .lim = lim, .max_depth = max_depth, .want = sheet,
		.row = { .name = path, .lim = lim, .fn = fn, .ctx = ctx, .d = d },
	};
	int rc = -1;
	wb.ar = archive_open(path, lim->max_file_bytes, NULL, d);
	if (wb.ar != NULL && read_workbook(&wb) == 0) {
		diag_cells(d, path, wb.sheet_name);
		if (wb.nsheets > 1 && sheet == NULL)
			diag_report(d, DIAG_NOTE, path, 0, 0, "the workbook has %zu sheets; the table is read from "
			    "the first one shown, '%s'", wb.nsheets, wb.sheet_name);
		if (read_styles(&wb) == 0 && read_strings(&wb) == 0)
			rc = read_sheet(&wb);
	}
	for (size_t i = 0; i < wb.nmerges; i++)
		free(wb.merges[i].value);
	free(wb.merges);
	free(wb.active);
	free(wb.pool);
	free(wb.soff);
	free(wb.g.s);
	free(wb.v.s);
	cells_free(&wb.row);
	archive_close(wb.ar);
	arena_free(wb.a);
	return rc;
}

