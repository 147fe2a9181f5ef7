/* sheet.c - SpreadsheetML 2003 and our data XML as table rows (see sheet.h). */
#include "load/sheet.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/cnum.h"
#include "core/file.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "load/cells.h"
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

/* A worksheet's reader: the row being assembled (cells.h) and a buffer
 * gathering one value's text. */
typedef struct Reader {
	CellRow c;
	SheetInfo *info;
	CellText t;
} Reader;

static void
text_add(Reader *r, const char *s)
{
	cells_text_add(&r->t, s, strlen(s));
}

/* Text of a Data element and of the rich-text markup inside it (<B>, <Font>). */
static void
gather(Reader *r, const XmlNode *n)
{
	text_add(r, n->text);
	for (size_t i = 0; i < n->nchildren; i++)
		gather(r, &n->children[i]);
}

/* A whole number attribute >= 1 (ss:Index, ss:MergeAcross + 1). */
static int
attr_count(Reader *r, const XmlNode *n, const char *attr, long min, long *out)
{
	const char *v = xml_attr(n, attr);
	if (v == NULL)
		return 0;
	long long x;
	if (c_strtonum(cells_skip_space(v), min, 1000000, &x) != CNUM_OK) {
		diag_report(r->c.d, DIAG_INPUT, r->c.name, n->line, 0,
		    "ss:%s is not a whole number of at least %ld (found \"%s\"); save the file "
		    "from Excel again", attr, min, v);
		return -1;
	}
	*out = (long)x;
	return 1;
}

/* Header names of our XML: attributes, then <answer item> children, in the
 * order they first appear; then the text column when some row has text. */
typedef struct Header {
	const char **names;
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

/* Add name (copied into a) unless known; -1 when that would make more than
 * max columns. */
static long
header_add(Header *h, Arena *a, const char *name, long max)
{
	long i = header_find(h, name);
	if (i >= 0)
		return i;
	if ((long)h->n >= max)
		return -1;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->names = mem_grow(h->names, h->cap, sizeof(*h->names));
	}
	h->names[h->n] = arena_strdup(a, name);
	return (long)h->n++;
}

static void
report_header_full(Reader *r, long line)
{
	diag_report(r->c.d, DIAG_INPUT, r->c.name, line, 0,
	    "more than %ld different attributes; remove the extra ones, or raise "
	    "[limits] max_columns", r->c.lim->max_columns);
}

static int
is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* A section of <supervision-data> that is not the file's. */
typedef struct Ignored {
	const char *name;
	long line;
} Ignored;

/* Both dialects are streamed twice (xml.h): the first pass sees the whole
 * document and learns its shape (well-formed or not, which dialect, the
 * first worksheet, our XML's header), reporting nothing but libxml2's
 * complaints; the second hands out the rows one at a time. So a broken file
 * loads no row at all, and every message comes in the order of a reader who
 * had the whole document before them. */
typedef struct Sheet {
	Reader r;
	Arena *a;                  /* what outlives a pass: names, header */
	const char *stem;
	int pass;                  /* 1: the shape, 2: the rows */
	int root;                  /* 0: neither dialect */
	const char *root_name;
	long root_line;
	/* SpreadsheetML */
	size_t nworksheets, ntables;
	long ws_line;
	const char *ws_name;
	int has_table;
	/* our XML */
	const Section *sec;
	const char *fiscal_year;
	size_t nlists;
	long list_line;
	Ignored *ignored;
	size_t nignored, icap;
	Header h;
	long header_full_line;     /* > 0: the header overflowed at this line */
	int has_text;
	long text_col;
	int text_warned;
} Sheet;

enum { ROOT_WORKBOOK = 1, ROOT_DATA = 2 };

static XmlVisit
workbook_start(Sheet *sh, const XmlNode *e, int depth)
{
	if (depth == 2) {
		if (strcmp(e->name, "Worksheet") != 0)
			return XML_SKIP;
		if (sh->nworksheets++ > 0)
			return XML_SKIP;
		if (sh->pass == 1) {
			const char *name = xml_attr(e, "Name");
			sh->ws_line = e->line;
			sh->ws_name = arena_strdup(sh->a, name ? name : "");
		}
		return XML_ENTER;
	}
	if (depth == 3) {
		/* Inside the first worksheet: its first table holds the rows. */
		if (strcmp(e->name, "Table") != 0 || sh->ntables++ > 0)
			return XML_SKIP;
		sh->has_table = 1;
		return sh->pass == 1 ? XML_SKIP : XML_ENTER;
	}
	return depth == 4 && !strcmp(e->name, "Row") ? XML_COLLECT : XML_SKIP;
}

static int
workbook_row(Sheet *sh, const XmlNode *row)
{
	Reader *r = &sh->r;
	cells_begin(&r->c);
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
				diag_report(r->c.d, DIAG_INPUT, r->c.name, cell->line, idx,
				    "ss:Index %ld points back to a column already filled (the next "
				    "free one is %ld); save the file from Excel again", idx, col);
				return -1;
			}
			col = idx;
		}
		const XmlNode *data = xml_child(cell, "Data");
		r->t.len = 0;
		text_add(r, "");
		if (data != NULL)
			gather(r, data);
		const char *type = data ? xml_attr(data, "Type") : NULL;
		size_t len;
		size_t off = cells_add(&r->c, r->t.s, r->t.len, 1, &len);
		char *v = r->c.row + off;
		/* DateTime is always written with a time; at midnight the
		 * value is a date. */
		if (type && !strcmp(type, "DateTime") && len > 10 && v[10] == 'T') {
			const char *t = v + 11;
			if (!strcmp(t, "00:00:00.000") || !strcmp(t, "00:00:00") ||
			    !strcmp(t, "00:00")) {
				v[10] = '\0';
				len = 10;
			}
		}
		if (len > 0 || data != NULL)
			if (cells_place(&r->c, cell->line, col, off, len) != 0)
				return -1;
		if (col > r->c.lim->max_columns - merge) {
			diag_report(r->c.d, DIAG_INPUT, r->c.name, cell->line, col,
			    "more than %ld columns in one row; remove the extra columns, or raise "
			    "[limits] max_columns", r->c.lim->max_columns);
			return -1;
		}
		col += 1 + merge;
	}
	if (cells_emit(&r->c, row->line) != 0)
		return r->c.stop ? r->c.stop : -1;
	return 0;
}

static XmlVisit
data_start(Sheet *sh, const XmlNode *e, int depth)
{
	if (depth == 2) {
		int mine = !strcmp(e->name, sh->stem);
		if (mine && sh->sec != NULL && sh->nlists++ == 0) {
			sh->list_line = e->line;
			return XML_ENTER;
		}
		if (!mine && sh->pass == 1) {
			if (sh->nignored == sh->icap) {
				sh->icap = sh->icap ? sh->icap * 2 : 8;
				sh->ignored = mem_grow(sh->ignored, sh->icap, sizeof(*sh->ignored));
			}
			sh->ignored[sh->nignored].name = arena_strdup(sh->a, e->name);
			sh->ignored[sh->nignored++].line = e->line;
		}
		return XML_SKIP;
	}
	/* depth 3: inside the file's section */
	if (!strcmp(e->name, sh->sec->row))
		return XML_COLLECT;
	if (sh->pass == 2)
		diag_report(sh->r.c.d, DIAG_WARNING, sh->r.c.name, e->line, 0,
		    "element <%s> is ignored; rows of %s are <%s> elements", e->name, sh->stem,
		    sh->sec->row);
	return XML_SKIP;
}

/* The first pass over a row of our XML: the header grows. */
static void
data_header(Sheet *sh, const XmlNode *e)
{
	long max = sh->r.c.lim->max_columns;
	if (sh->header_full_line > 0)
		return;
	for (size_t k = 0; k < e->nattrs; k++)
		if (header_add(&sh->h, sh->a, e->attrs[k].name, max) < 0) {
			sh->header_full_line = e->line;
			return;
		}
	for (size_t k = 0; k < e->nchildren; k++) {
		const char *item = xml_attr(&e->children[k], "item");
		if (!strcmp(e->children[k].name, "answer") && item != NULL &&
		    header_add(&sh->h, sh->a, item, max) < 0) {
			sh->header_full_line = e->children[k].line;
			return;
		}
	}
	if (sh->sec->text_key && !is_blank(e->text))
		sh->has_text = 1;
}

static int
data_row(Sheet *sh, const XmlNode *e)
{
	Reader *r = &sh->r;
	const Section *sec = sh->sec;
	int failed = 0;
	cells_begin(&r->c);
	for (size_t k = 0; k < e->nattrs && !failed; k++) {
		const char *v = e->attrs[k].value;
		failed = cells_put(&r->c, e->line, header_find(&sh->h, e->attrs[k].name) + 1, v,
		    strlen(v), 1) != 0;
	}
	for (size_t k = 0; k < e->nchildren && !failed; k++) {
		const XmlNode *c = &e->children[k];
		const char *item = xml_attr(c, "item");
		if (strcmp(c->name, "answer") != 0 || item == NULL) {
			diag_report(r->c.d, DIAG_WARNING, r->c.name, c->line, 0,
			    "element <%s> is ignored; only <answer item=\"...\"> may appear in a row",
			    c->name);
			continue;
		}
		r->t.len = 0;
		text_add(r, "");
		gather(r, c);
		failed = cells_put(&r->c, c->line, header_find(&sh->h, item) + 1, r->t.s, r->t.len, 1) != 0;
	}
	if (!failed && sec->text_key && !is_blank(e->text)) {
		if (sh->text_col >= 0) {
			failed = cells_put(&r->c, e->line, sh->text_col + 1, e->text, strlen(e->text), 1) != 0;
		} else if (sh->text_warned++ == 1) {
			diag_report(r->c.d, DIAG_WARNING, r->c.name, e->line, 0,
			    "the text inside <%s> is ignored because the %s attribute is given",
			    sec->row, sec->text_key);
		}
	}
	/* Short rows are padded so that every column exists. */
	if (!failed && r->c.n < sh->h.n)
		failed = cells_put(&r->c, e->line, (long)sh->h.n, "", 0, 0) != 0;
	if (!failed && cells_emit(&r->c, e->line) != 0)
		failed = 1;
	return failed ? (r->c.stop ? r->c.stop : -1) : 0;
}

static XmlVisit
on_start(void *ctx, const XmlNode *e, int depth)
{
	Sheet *sh = ctx;
	if (depth == 1) {
		if (sh->pass == 1) {
			sh->root_name = arena_strdup(sh->a, e->name);
			sh->root_line = e->line;
			if (!strcmp(e->name, "Workbook")) {
				sh->root = ROOT_WORKBOOK;
			} else if (!strcmp(e->name, "supervision-data")) {
				const char *fy = xml_attr(e, "fiscal-year");
				sh->root = ROOT_DATA;
				sh->fiscal_year = fy ? arena_strdup(sh->a, fy) : NULL;
			}
		}
		return sh->root ? XML_ENTER : XML_SKIP;
	}
	return sh->root == ROOT_WORKBOOK ? workbook_start(sh, e, depth) : data_start(sh, e, depth);
}

static int
on_element(void *ctx, const XmlNode *e, int depth)
{
	(void)depth;
	Sheet *sh = ctx;
	if (sh->root == ROOT_WORKBOOK)
		return workbook_row(sh, e);
	if (sh->pass == 1) {
		data_header(sh, e);
		return 0;
	}
	return data_row(sh, e);
}

/* After the first pass of our XML: the messages about its shape, then the
 * header row. Returns 0, or -1 after reporting. */
static int
data_prepare(Sheet *sh)
{
	Reader *r = &sh->r;
	if (sh->sec == NULL || sh->nlists == 0) {
		diag_report(r->c.d, DIAG_INPUT, r->c.name, sh->root_line, 0,
		    "no <%s> section in <supervision-data>; put the rows in <%s> (see config/data.xsd)",
		    sh->stem, sh->stem);
		return -1;
	}
	if (sh->fiscal_year != NULL) {
		long long y;
		r->info->fiscal_year = c_strtonum(cells_skip_space(sh->fiscal_year), 1, 9999, &y) == CNUM_OK ?
		    (int)y : 0;
	}
	for (size_t i = 0; i < sh->nignored; i++)
		diag_report(r->c.d, DIAG_WARNING, r->c.name, sh->ignored[i].line, 0,
		    "section <%s> is ignored in %s.xml; give it its own file", sh->ignored[i].name,
		    sh->stem);
	if (sh->header_full_line > 0) {
		report_header_full(r, sh->header_full_line);
		return -1;
	}
	sh->text_col = -1;
	if (sh->has_text) {
		if (header_find(&sh->h, sh->sec->text_key) >= 0) {
			sh->text_warned = 1;
		} else {
			sh->text_col = header_add(&sh->h, sh->a, sh->sec->text_key, r->c.lim->max_columns);
			if (sh->text_col < 0) {
				report_header_full(r, sh->list_line);
				return -1;
			}
		}
	}
	/* The header row, at the section's line. */
	cells_begin(&r->c);
	for (size_t i = 0; i < sh->h.n; i++)
		if (cells_put(&r->c, sh->list_line, (long)i + 1, sh->h.names[i], strlen(sh->h.names[i]),
		    0) != 0)
			return -1;
	if (cells_emit(&r->c, sh->list_line) != 0)
		return r->c.stop ? r->c.stop : -1;
	return 0;
}

int
sheet_parse_rows(const char *name, const char *buf, size_t len, const char *stem,
    const ReadLimits *lim, int max_depth, RowFn fn, void *ctx, SheetInfo *info, Diag *d)
{
	SheetInfo local;
	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof(*info));
	Sheet sh = {
		.r = { .c = { .name = name, .lim = lim, .fn = fn, .ctx = ctx, .d = d }, .info = info },
		.a = arena_new(), .stem = stem, .pass = 1,
	};
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (!strcmp(sections[i].stem, stem))
			sh.sec = &sections[i];
	int rc = xml_stream_memory(buf, len, name, max_depth, 0, on_start, on_element, &sh, d);
	if (rc == 0) {
		if (sh.root == ROOT_WORKBOOK) {
			info->format = SHEET_SPREADSHEETML;
			info->columns_known = 1;
			if (!sh.has_table) {
				diag_report(d, DIAG_INPUT, name, sh.root_line, 0,
				    "the workbook has no worksheet with a table; export the sheet again");
				rc = -1;
			} else if (sh.nworksheets > 1) {
				diag_report(d, DIAG_WARNING, name, sh.ws_line, 0,
				    "the workbook has %zu worksheets; only the first ('%s') is read",
				    sh.nworksheets, sh.ws_name);
			}
		} else if (sh.root == ROOT_DATA) {
			info->format = SHEET_DATAXML;
			rc = data_prepare(&sh);
		} else {
			diag_report(d, DIAG_INPUT, name, sh.root_line, 0,
			    "the root element is <%s>; an XML input must be an Excel XML Spreadsheet "
			    "(<Workbook>) or nithet's data XML (<supervision-data>, see config/data.xsd)",
			    sh.root_name);
			rc = -1;
		}
	}
	if (rc == 0) {
		sh.pass = 2;
		sh.nworksheets = sh.ntables = sh.nlists = 0;
		rc = xml_stream_memory(buf, len, name, max_depth, XML_STREAM_REPEAT, on_start,
		    on_element, &sh, d);
	}
	info->rows = sh.r.c.rows;
	cells_free(&sh.r.c);
	free(sh.r.t.s);
	free(sh.h.names);
	free(sh.ignored);
	arena_free(sh.a);
	return rc;
}

int
sheet_read_rows(const char *path, const char *stem, const ReadLimits *lim, int max_depth,
    RowFn fn, void *ctx, SheetInfo *info, Diag *d)
{
	size_t len;
	char *buf;
	if (file_read_regular(path, lim->max_file_bytes, DIAG_INPUT, N_("the file"), 1, &buf, &len, d) != 0)
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
