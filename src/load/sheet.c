/* sheet.c - SpreadsheetML 2003 and our data XML as table rows (see sheet.h). */
#include "load/sheet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/mem.h"
#include "load/xml.h"

/* Our XML: per file, the section element, the row element and the column
 * that the row element's text fills (NULL: none). config/data.xsd says the
 * same. */
typedef struct Section {
	const char *stem, *row, *text_key;
} Section;

static const Section sections[] = {
	{ "schools", "school", "name" },
	{ "networks", "network", "name" },
	{ "staff", "person", "name" },
	{ "visits", "visit", "summary" },
	{ "evaluations", "evaluation", NULL },
	{ "surveys", "response", "comment" },
	{ "spending", "payment", "description" },
	{ "meetings", "meeting", "title" },
	{ "attendance", "presence", NULL },
	{ "practices", "practice", "title" },
	{ "online", "post", "topic" },
};

const char *
sheet_format_name(SheetFormat f)
{
	return f == SHEET_SPREADSHEETML ? "SpreadsheetML" : "XML (nithet)";
}

/* The row being assembled: field i is column i + 1. Strings live in the
 * reader's scratch arena. */
typedef struct Reader {
	const char *name;
	const CsvLimits *lim;
	CsvRowFn fn;
	void *ctx;
	Diag *d;
	SheetInfo *info;
	Arena *scratch;
	char **fields;
	size_t *lens;
	size_t n, cap;
	char *text;                /* gathering buffer for one value */
	size_t tlen, tcap;
	int stop;
} Reader;

static void
text_add(Reader *r, const char *s)
{
	size_t n = strlen(s);
	if (r->tlen + n + 1 > r->tcap) {
		r->tcap = (r->tlen + n + 1) * 2;
		r->text = mem_grow(r->text, r->tcap, 1);
	}
	memcpy(r->text + r->tlen, s, n);
	r->tlen += n;
	r->text[r->tlen] = '\0';
}

/* Text of a Data element and of the rich-text markup inside it (<B>, <Font>). */
static void
gather(Reader *r, const XmlNode *n)
{
	text_add(r, n->text);
	for (size_t i = 0; i < n->nchildren; i++)
		gather(r, &n->children[i]);
}

/* The same cleaning as CSV fields: U+200B and stray U+FEFF removed, spaces,
 * tabs and line breaks trimmed at both ends. Returns a scratch copy. */
static char *
clean(Reader *r, const char *s, size_t n, size_t *out_len)
{
	char *c = arena_alloc(r->scratch, n + 1);
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)s + i;
		if (i + 2 < n && ((u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B) ||
		    (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF))) {
			i += 3;
			continue;
		}
		c[w++] = s[i++];
	}
	size_t start = 0;
	while (start < w && strchr(" \t\r\n", c[start]) != NULL)
		start++;
	while (w > start && strchr(" \t\r\n", c[w - 1]) != NULL)
		w--;
	c[w] = '\0';
	*out_len = w - start;
	return c + start;
}

/* Put value at column col (1-based), filling skipped columns with "". */
static int
put(Reader *r, long line, long col, const char *value, size_t len)
{
	if (col > r->lim->max_columns) {
		diag_report(r->d, DIAG_INPUT, r->name, line, col,
		    "more than %ld columns in one row; remove the extra columns, or raise "
		    "[limits] max_columns", r->lim->max_columns);
		return -1;
	}
	if ((long)len > r->lim->max_field_bytes) {
		diag_report(r->d, DIAG_INPUT, r->name, line, col,
		    "a value of %zu bytes is longer than the limit of %ld; shorten it, or raise "
		    "[limits] max_field_bytes", len, r->lim->max_field_bytes);
		return -1;
	}
	if ((size_t)col > r->cap) {
		size_t ncap = r->cap ? r->cap : 16;
		while (ncap < (size_t)col)
			ncap *= 2;
		r->fields = mem_grow(r->fields, ncap, sizeof(*r->fields));
		r->lens = mem_grow(r->lens, ncap, sizeof(*r->lens));
		r->cap = ncap;
	}
	while (r->n < (size_t)col) {
		r->fields[r->n] = (char *)"";
		r->lens[r->n++] = 0;
	}
	r->fields[col - 1] = (char *)value;
	r->lens[col - 1] = len;
	return 0;
}

/* Hand the assembled row to the callback unless it is blank. */
static int
emit(Reader *r, long line)
{
	int blank = 1;
	for (size_t i = 0; i < r->n && blank; i++)
		blank = r->lens[i] == 0;
	if (!blank) {
		r->info->rows++;
		if (r->info->rows > r->lim->max_rows) {
			diag_report(r->d, DIAG_INPUT, r->name, line, 0,
			    "more than %ld rows; split the file or raise [limits] max_rows", r->lim->max_rows);
			return -1;
		}
		CsvRow row = { line, r->n, r->fields, r->lens, 0 };
		r->stop = r->fn(r->ctx, &row);
	}
	r->n = 0;
	return r->stop;
}

/* A whole number attribute >= 1 (ss:Index, ss:MergeAcross + 1). */
static int
attr_count(Reader *r, const XmlNode *n, const char *attr, long min, long *out)
{
	const char *v = xml_attr(n, attr);
	if (v == NULL)
		return 0;
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (end == v || *end != '\0' || errno != 0 || x < min || x > 1000000) {
		diag_report(r->d, DIAG_INPUT, r->name, n->line, 0,
		    "ss:%s is not a whole number of at least %ld (found \"%s\"); save the file "
		    "from Excel again", attr, min, v);
		return -1;
	}
	*out = x;
	return 1;
}

static const XmlNode *
first_child(const XmlNode *n, const char *name)
{
	return n == NULL ? NULL : xml_child(n, name);
}

static int
read_spreadsheet(Reader *r, const XmlNode *root)
{
	const XmlNode *ws = first_child(root, "Worksheet");
	const XmlNode *table = first_child(ws, "Table");
	if (table == NULL) {
		diag_report(r->d, DIAG_INPUT, r->name, root->line, 0,
		    "the workbook has no worksheet with a table; export the sheet again");
		return -1;
	}
	size_t nws = xml_count(root, "Worksheet");
	if (nws > 1)
		diag_report(r->d, DIAG_WARNING, r->name, ws->line, 0,
		    "the workbook has %zu worksheets; only the first ('%s') is read", nws,
		    xml_attr(ws, "Name") ? xml_attr(ws, "Name") : "");
	for (size_t i = 0; i < table->nchildren; i++) {
		const XmlNode *row = &table->children[i];
		if (strcmp(row->name, "Row") != 0)
			continue;
		r->n = 0;
		long col = 1;
		for (size_t j = 0; j < row->nchildren; j++) {
			const XmlNode *cell = &row->children[j];
			if (strcmp(cell->name, "Cell") != 0)
				continue;
			long idx, merge = 0;
			int has = attr_count(r, cell, "Index", 1, &idx);
			if (has < 0 || attr_count(r, cell, "MergeAcross", 0, &merge) < 0)
				return -1;
			if (has) {
				if (idx < col) {
					diag_report(r->d, DIAG_INPUT, r->name, cell->line, idx,
					    "ss:Index %ld points back to a column already filled (the next "
					    "free one is %ld); save the file from Excel again", idx, col);
					return -1;
				}
				col = idx;
			}
			const XmlNode *data = xml_child(cell, "Data");
			r->tlen = 0;
			text_add(r, "");
			if (data != NULL)
				gather(r, data);
			const char *type = data ? xml_attr(data, "Type") : NULL;
			size_t len;
			char *v = clean(r, r->text, r->tlen, &len);
			/* DateTime is always written with a time; at midnight
			 * the value is a date. */
			if (type && !strcmp(type, "DateTime") && len > 10 && v[10] == 'T') {
				const char *t = v + 11;
				if (!strcmp(t, "00:00:00.000") || !strcmp(t, "00:00:00") ||
				    !strcmp(t, "00:00")) {
					v[10] = '\0';
					len = 10;
				}
			}
			if (len > 0 || data != NULL)
				if (put(r, cell->line, col, v, len) != 0)
					return -1;
			if (col > r->lim->max_columns - merge) {
				diag_report(r->d, DIAG_INPUT, r->name, cell->line, col,
				    "more than %ld columns in one row; remove the extra columns, or raise "
				    "[limits] max_columns", r->lim->max_columns);
				return -1;
			}
			col += 1 + merge;
		}
		if (emit(r, row->line) != 0)
			return r->stop;
	}
	return 0;
}

/* Header names of our XML: attributes, then <answer item> children, in the
 * order they first appear; then the text column when some row has text. */
typedef struct Header {
	const char **names;
	long *lines;
	size_t n, cap;
} Header;

static long
header_find(const Header *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++)
		if (!strcmp(h->names[i], name))
			return (long)i;
	return -1;
}

static long
header_add(Reader *r, Header *h, const char *name, long line)
{
	long i = header_find(h, name);
	if (i >= 0)
		return i;
	if ((long)h->n >= r->lim->max_columns) {
		diag_report(r->d, DIAG_INPUT, r->name, line, 0,
		    "more than %ld different attributes; remove the extra ones, or raise "
		    "[limits] max_columns", r->lim->max_columns);
		return -1;
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->names = mem_grow(h->names, h->cap, sizeof(*h->names));
		h->lines = mem_grow(h->lines, h->cap, sizeof(*h->lines));
	}
	h->names[h->n] = name;
	h->lines[h->n] = line;
	return (long)h->n++;
}

static int
is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

static int
read_dataxml(Reader *r, const XmlNode *root, const char *stem)
{
	const Section *sec = NULL;
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (!strcmp(sections[i].stem, stem))
			sec = &sections[i];
	const XmlNode *list = sec ? xml_child(root, sec->stem) : NULL;
	if (sec == NULL || list == NULL) {
		diag_report(r->d, DIAG_INPUT, r->name, root->line, 0,
		    "no <%s> section in <supervision-data>; put the rows in <%s> (see config/data.xsd)",
		    stem, stem);
		return -1;
	}
	const char *fy = xml_attr(root, "fiscal-year");
	if (fy != NULL) {
		char *end;
		long y = strtol(fy, &end, 10);
		r->info->fiscal_year = (*end == '\0' && y > 0 && y < 10000) ? (int)y : 0;
	}
	for (size_t i = 0; i < root->nchildren; i++)
		if (strcmp(root->children[i].name, stem) != 0)
			diag_report(r->d, DIAG_WARNING, r->name, root->children[i].line, 0,
			    "section <%s> is ignored in %s.xml; give it its own file",
			    root->children[i].name, stem);

	/* First pass: the header. */
	Header h = { 0 };
	int has_text = 0, text_warned = 0, failed = 0;
	for (size_t i = 0; i < list->nchildren && !failed; i++) {
		const XmlNode *e = &list->children[i];
		if (strcmp(e->name, sec->row) != 0)
			continue;
		for (size_t k = 0; k < e->nattrs && !failed; k++)
			failed = header_add(r, &h, e->attrs[k].name, e->line) < 0;
		for (size_t k = 0; k < e->nchildren && !failed; k++) {
			const char *item = xml_attr(&e->children[k], "item");
			if (!strcmp(e->children[k].name, "answer") && item != NULL)
				failed = header_add(r, &h, item, e->children[k].line) < 0;
		}
		if (sec->text_key && !is_blank(e->text))
			has_text = 1;
	}
	long text_col = -1;
	if (!failed && has_text) {
		if (header_find(&h, sec->text_key) >= 0) {
			text_warned = 1;
		} else {
			text_col = header_add(r, &h, sec->text_key, list->line);
			failed = text_col < 0;
		}
	}
	if (failed) {
		free(h.names);
		free(h.lines);
		return -1;
	}

	/* The header row, at the section's line. */
	r->n = 0;
	for (size_t i = 0; i < h.n; i++)
		if (put(r, list->line, (long)i + 1, h.names[i], strlen(h.names[i])) != 0)
			failed = 1;
	if (!failed && emit(r, list->line) != 0)
		failed = 1;

	for (size_t i = 0; i < list->nchildren && !failed; i++) {
		const XmlNode *e = &list->children[i];
		if (strcmp(e->name, sec->row) != 0) {
			diag_report(r->d, DIAG_WARNING, r->name, e->line, 0,
			    "element <%s> is ignored; rows of %s are <%s> elements", e->name, stem, sec->row);
			continue;
		}
		r->n = 0;
		size_t len;
		for (size_t k = 0; k < e->nattrs && !failed; k++) {
			const char *v = clean(r, e->attrs[k].value, strlen(e->attrs[k].value), &len);
			failed = put(r, e->line, header_find(&h, e->attrs[k].name) + 1, v, len) != 0;
		}
		for (size_t k = 0; k < e->nchildren && !failed; k++) {
			const XmlNode *c = &e->children[k];
			const char *item = xml_attr(c, "item");
			if (strcmp(c->name, "answer") != 0 || item == NULL) {
				diag_report(r->d, DIAG_WARNING, r->name, c->line, 0,
				    "element <%s> is ignored; only <answer item=\"...\"> may appear in a row",
				    c->name);
				continue;
			}
			r->tlen = 0;
			text_add(r, "");
			gather(r, c);
			const char *v = clean(r, r->text, r->tlen, &len);
			failed = put(r, c->line, header_find(&h, item) + 1, v, len) != 0;
		}
		if (!failed && sec->text_key && !is_blank(e->text)) {
			if (text_col >= 0) {
				const char *v = clean(r, e->text, strlen(e->text), &len);
				failed = put(r, e->line, text_col + 1, v, len) != 0;
			} else if (text_warned++ == 1) {
				diag_report(r->d, DIAG_WARNING, r->name, e->line, 0,
				    "the text inside <%s> is ignored because the %s attribute is given",
				    sec->row, sec->text_key);
			}
		}
		/* Short rows are padded so that every column exists. */
		if (!failed && r->n < h.n)
			failed = put(r, e->line, (long)h.n, "", 0) != 0;
		if (!failed && emit(r, e->line) != 0)
			failed = 1;
	}
	free(h.names);
	free(h.lines);
	return failed ? (r->stop ? r->stop : -1) : 0;
}

int
sheet_parse_rows(const char *name, const char *buf, size_t len, const char *stem,
    const CsvLimits *lim, int max_depth, CsvRowFn fn, void *ctx, SheetInfo *info, Diag *d)
{
	SheetInfo local;
	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof(*info));
	Arena *scratch = arena_new();
	int rc = -1;
	XmlNode *root = xml_parse_memory(scratch, buf, len, name, max_depth, NULL, d);
	if (root != NULL) {
		Reader r = { .name = name, .lim = lim, .fn = fn, .ctx = ctx, .d = d, .info = info,
			.scratch = scratch };
		if (!strcmp(root->name, "Workbook")) {
			info->format = SHEET_SPREADSHEETML;
			info->columns_known = 1;
			rc = read_spreadsheet(&r, root);
		} else if (!strcmp(root->name, "supervision-data")) {
			info->format = SHEET_DATAXML;
			rc = read_dataxml(&r, root, stem);
		} else {
			diag_report(d, DIAG_INPUT, name, root->line, 0,
			    "the root element is <%s>; an XML input must be an Excel XML Spreadsheet "
			    "(<Workbook>) or nithet's data XML (<supervision-data>, see config/data.xsd)",
			    root->name);
		}
		free(r.fields);
		free(r.lens);
		free(r.text);
	}
	arena_free(scratch);
	return rc;
}

int
sheet_read_rows(const char *path, const char *stem, const CsvLimits *lim, int max_depth,
    CsvRowFn fn, void *ctx, SheetInfo *info, Diag *d)
{
	size_t len;
	char *buf = csvread_slurp(path, lim->max_file_bytes, &len, d);
	if (buf == NULL)
		return -1;
	if (len == 0) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the file is empty; export it again with its header row");
		free(buf);
		return -1;
	}
	int rc = sheet_parse_rows(path, buf, len, stem, lim, max_depth, fn, ctx, info, d);
	free(buf);
	return rc;
}

/* ---- header matching and Records, as table.c does for CSV ---- */

typedef struct TableReader {
	const char *path;
	const TableSpec *spec;
	RecordFn fn;
	void *ctx;
	Diag *d;
	FileSummary *sum;
	SheetInfo *info;
	int have_header;
	long map[TABLE_MAX_COLUMNS];
	int failed;
} TableReader;

int
sheet_header_matches(const ColumnSpec *c, const char *h)
{
	if (strcasecmp(c->key, h) == 0)
		return 1;
	size_t hl = strlen(h);
	for (const char *a = c->aliases; a && *a;) {
		size_t n = strcspn(a, "|");
		if (n == hl && memcmp(a, h, n) == 0)
			return 1;
		a += n;
		if (*a == '|')
			a++;
	}
	return 0;
}

static int
read_header(TableReader *t, const CsvRow *row)
{
	const TableSpec *spec = t->spec;
	long col0 = t->info->columns_known;
	for (size_t c = 0; c < spec->ncols; c++)
		t->map[c] = -1;
	for (size_t i = 0; i < row->nfields; i++) {
		const char *h = row->fields[i];
		if (*h == '\0')
			continue;
		int known = 0;
		for (size_t c = 0; c < spec->ncols; c++) {
			if (!sheet_header_matches(&spec->cols[c], h))
				continue;
			known = 1;
			if (t->map[c] >= 0) {
				diag_report(t->d, DIAG_INPUT, t->path, row->line, col0 ? (long)i + 1 : 0,
				    "column '%s' appears twice (also column %ld); keep one", h, t->map[c] + 1);
				return -1;
			}
			t->map[c] = (long)i;
		}
		if (!known)
			diag_report(t->d, DIAG_WARNING, t->path, row->line, col0 ? (long)i + 1 : 0,
			    "unknown column '%s' is ignored; rename it if it should be read", h);
	}
	int missing = 0;
	for (size_t c = 0; c < spec->ncols; c++) {
		if (!spec->cols[c].required || t->map[c] >= 0)
			continue;
		const char *al = spec->cols[c].aliases;
		diag_report(t->d, DIAG_INPUT, t->path, row->line, 0,
		    "required column '%s' is missing; add a column headed %s%s%s", spec->cols[c].key,
		    spec->cols[c].key, al && *al ? " or " : "", al ? al : "");
		missing++;
	}
	return missing ? -1 : 0;
}

static int
on_table_row(void *vt, const CsvRow *row)
{
	TableReader *t = vt;
	if (!t->have_header) {
		t->have_header = 1;
		if (read_header(t, row) != 0) {
			t->failed = 1;
			return -1;
		}
		return 0;
	}
	Record rec;
	rec.file = t->path;
	rec.line = row->line;
	rec.rows_max = 0;
	long known = t->info->columns_known;
	for (size_t c = 0; c < t->spec->ncols; c++) {
		long i = t->map[c];
		if (i >= 0 && (size_t)i < row->nfields)
			rec.field[c] = row->fields[i];
		else
			rec.field[c] = "";
		rec.col[c] = i >= 0 && known ? i + 1 : 0;
	}
	t->sum->rows++;
	if (t->fn(t->ctx, &rec) == 0)
		t->sum->accepted++;
	else
		t->sum->rejected++;
	return 0;
}

int
sheet_table_read(const char *path, const TableSpec *spec, const CsvLimits *lim, int max_depth,
    RecordFn fn, void *ctx, FileSummary *sum, Diag *d)
{
	if (spec->ncols > TABLE_MAX_COLUMNS) {
		diag_report(d, DIAG_INTERNAL, path, 0, 0, "table spec with too many columns");
		return -1;
	}
	SheetInfo info = { 0 };
	TableReader t = { .path = path, .spec = spec, .fn = fn, .ctx = ctx, .d = d, .sum = sum,
		.info = &info };
	size_t warnings_before = diag_warnings(d);
	sum->path = path;
	sum->present = 1;
	int rc = sheet_read_rows(path, spec->stem, lim, max_depth, on_table_row, &t, &info, d);
	sum->warnings = (long)(diag_warnings(d) - warnings_before);
	sum->encoding = sheet_format_name(info.format);
	if (t.failed || rc != 0)
		return -1;
	if (!t.have_header) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "no header row; the first row must name the columns");
		return -1;
	}
	return 0;
}
