/* test_xml.c - load/xml: our tree, limits, hostile documents, schema errors. */
#include "test.h"

#include "core/arena.h"
#include "core/diag.h"
#include "core/mem.h"
#include "load/xml.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define XML_DATA "tests/unit/data/xml/"
#define PLAN_DATA "tests/unit/data/plan/"

static XmlNode *
parse(Arena *a, const char *s, int depth, Diag *d)
{
	return xml_parse_memory(a, s, strlen(s), "t.xml", depth, NULL, d);
}

/* Does any recorded message contain needle? */
static int
said(const Diag *d, const char *needle)
{
	for (size_t i = 0; i < diag_nrecords(d); i++)
		if (strstr(diag_record(d, i)->text, needle) != NULL)
			return 1;
	return 0;
}

TEST(xml_tree_shape)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	const char *doc =
	    "<?xml version=\"1.0\"?>\n"
	    "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
	    "  xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\" a=\"1 &amp; 2\">\n"
	    "  <Row ss:Index=\"3\">ก<![CDATA[<ข>]]>&#x0E04;<Cell/>ง</Row>\n"
	    "  <!-- a comment -->\n"
	    "  <Row/>\n"
	    "</Workbook>\n";
	XmlNode *root = parse(a, doc, 10, d);
	CHECK(root != NULL);
	CHECK_INT(diag_nrecords(d), 0);
	if (root == NULL)
		goto out;
	CHECK_STR(root->name, "Workbook");
	CHECK_STR(root->ns, "urn:schemas-microsoft-com:office:spreadsheet");
	CHECK_INT(root->line, 3);        /* where its start tag ends */
	CHECK(root->parent == NULL);
	CHECK_INT(root->nattrs, 1);      /* namespace declarations are not attributes */
	CHECK_STR(xml_attr(root, "a"), "1 & 2");
	CHECK(xml_attr_ns(root, NULL, "a") != NULL);
	CHECK(xml_attr(root, "b") == NULL);
	CHECK_INT(root->nchildren, 2);   /* the comment is not a child element */
	CHECK_INT(xml_count(root, "Row"), 2);
	const XmlNode *row = xml_child(root, "Row");
	CHECK(row == &root->children[0]);
	CHECK_INT(row->line, 4);
	CHECK(row->parent == root);
	CHECK_STR(xml_attr(row, "Index"), "3");
	CHECK_STR(xml_attr_ns(row, "urn:schemas-microsoft-com:office:spreadsheet", "Index"), "3");
	CHECK(xml_attr_ns(row, NULL, "Index") == NULL);
	CHECK_STR(row->text, "ก<ข>คง");  /* text and CDATA joined, around the child */
	CHECK_INT(row->nchildren, 1);
	CHECK_STR(row->children[0].name, "Cell");
	CHECK_STR(row->children[0].text, "");
	CHECK_INT(root->children[1].line, 6);
	CHECK(xml_child(root, "Table") == NULL);
	/* Walking the children of one name: both rows, then the end. */
	CHECK(xml_next(root, "Row", row) == &root->children[1]);
	CHECK(xml_next(root, "Row", &root->children[1]) == NULL);
	CHECK(xml_next(root, "Cell", NULL) == NULL);
out:
	diag_free(d);
	arena_free(a);
}

TEST(xml_depth_limit)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	const char *doc = "<a>\n<b>\n<c>\n<d>\n<e/>\n</d></c></b></a>";
	CHECK(parse(a, doc, 5, d) != NULL);
	CHECK_INT(diag_nrecords(d), 0);
	CHECK(parse(a, doc, 4, d) == NULL);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	CHECK_INT(diag_nrecords(d), 1);
	if (diag_nrecords(d) == 1) {
		CHECK_INT(diag_record(d, 0)->line, 5);
		CHECK(strstr(diag_record(d, 0)->text, "nested too deep") != NULL);
		CHECK(strstr(diag_record(d, 0)->text, "limit is 4") != NULL);
	}
	diag_free(d);
	arena_free(a);
}

/* Lines past 65,535 (where libxml2 used to stop counting) are still right. */
TEST(xml_big_line_numbers)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	size_t n = 70000;
	char *doc = mem_alloc(n + 64);
	memcpy(doc, "<r>", 3);
	memset(doc + 3, '\n', n);
	memcpy(doc + 3 + n, "<x/></r>", 9);
	XmlNode *root = parse(a, doc, 4, d);
	CHECK(root != NULL);
	if (root != NULL && root->nchildren == 1)
		CHECK_INT(root->children[0].line, 70001);
	free(doc);
	diag_free(d);
	arena_free(a);
}

TEST(xml_not_well_formed)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	CHECK(parse(a, "<a>\n<b>\n</a>\n", 10, d) == NULL);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	CHECK(diag_nrecords(d) >= 1);
	if (diag_nrecords(d) >= 1) {
		const DiagRecord *r = diag_record(d, 0);
		CHECK_STR(r->file, "t.xml");
		CHECK_INT(r->line, 3);
		CHECK(strstr(r->text, "mismatch") != NULL);
		CHECK(strstr(r->text, "well-formed") != NULL);   /* the advice */
		CHECK(r->text[strlen(r->text) - 1] != '\n');
	}
	/* An entity that was never declared (no DTD) is an error, not text. */
	Diag *d2 = diag_new(NULL);
	CHECK(parse(a, "<a>&nbsp;</a>", 10, d2) == NULL);
	CHECK(said(d2, "nbsp"));
	/* Nothing at all, and text outside the root. */
	Diag *d3 = diag_new(NULL);
	CHECK(parse(a, "", 10, d3) == NULL);
	CHECK(parse(a, "<a/>junk", 10, d3) == NULL);
	CHECK_INT(diag_exit_status(d3), EXIT_INPUT);
	diag_free(d3);
	diag_free(d2);
	diag_free(d);
	arena_free(a);
}

TEST(xml_rejects_doctype)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	/* Even a harmless DOCTYPE is refused: nithet's formats have none. */
	CHECK(parse(a, "<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<a/>", 10, d) == NULL);
	CHECK_INT(diag_nrecords(d), 1);
	if (diag_nrecords(d) == 1) {
		CHECK_INT(diag_record(d, 0)->line, 2);
		CHECK(strstr(diag_record(d, 0)->text, "DOCTYPE") != NULL);
	}
	diag_free(d);
	arena_free(a);
}

TEST(xml_xxe_rejected)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	CHECK(xml_read_file(a, PLAN_DATA "xxe.xml", 1 << 20, 64, NULL, d) == NULL);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	CHECK_INT(diag_nrecords(d), 1);
	CHECK(said(d, "DOCTYPE"));
	CHECK(!said(d, "root:"));        /* /etc/passwd was never read */
	if (diag_nrecords(d) == 1)
		CHECK_INT(diag_record(d, 0)->line, 2);
	diag_free(d);
	arena_free(a);
}

TEST(xml_billion_laughs_rejected)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	CHECK(xml_read_file(a, PLAN_DATA "billion-laughs.xml", 1 << 20, 64, NULL, d) == NULL);
	CHECK_INT(diag_nrecords(d), 1);
	CHECK(said(d, "DOCTYPE"));
	CHECK(arena_used(a) < 4096);     /* nothing was expanded into the tree */
	diag_free(d);
	arena_free(a);
}

TEST(xml_file_limits)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	CHECK(xml_read_file(a, XML_DATA "list.xml", 1 << 20, 8, NULL, d) != NULL);
	CHECK_INT(diag_nrecords(d), 0);
	/* list.xml is 122 bytes */
	CHECK(xml_read_file(a, XML_DATA "list.xml", 100, 8, NULL, d) == NULL);
	CHECK(said(d, "too large"));
	CHECK(said(d, "limit is 100"));
	CHECK(xml_read_file(a, XML_DATA "list.xml", 122, 8, NULL, d) != NULL);
	Diag *d2 = diag_new(NULL);
	CHECK(xml_read_file(a, XML_DATA "no-such-file.xml", 1 << 20, 8, NULL, d2) == NULL);
	CHECK(said(d2, "cannot open"));
	CHECK(xml_read_file(a, XML_DATA, 1 << 20, 8, NULL, d2) == NULL);
	CHECK(said(d2, "directory"));
	CHECK(xml_read_file(a, PLAN_DATA "empty.xml", 1 << 20, 8, NULL, d2) == NULL);
	CHECK(said(d2, "empty"));
	CHECK_INT(diag_nrecords(d2), 3);
	CHECK_INT(diag_exit_status(d2), EXIT_INPUT);
	for (size_t i = 0; i < diag_nrecords(d2); i++)
		CHECK_INT(diag_record(d2, i)->line, 0);
	diag_free(d2);
	diag_free(d);
	arena_free(a);
}

TEST(xml_schema_validation)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	XmlSchema *s = xml_schema_load(XML_DATA "small.xsd", 1 << 20, d);
	CHECK(s != NULL);
	CHECK_INT(diag_nrecords(d), 0);
	XmlNode *ok = xml_read_file(a, XML_DATA "list.xml", 1 << 20, 8, s, d);
	CHECK(ok != NULL);
	if (ok != NULL && ok->nchildren == 2)
		CHECK_STR(ok->children[1].text, "สอง");
	CHECK_INT(diag_nrecords(d), 0);

	CHECK(xml_read_file(a, XML_DATA "list-invalid.xml", 1 << 20, 8, s, d) == NULL);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	CHECK_INT(diag_nrecords(d), 2);  /* both problems, each at its line */
	if (diag_nrecords(d) == 2) {
		const DiagRecord *r0 = diag_record(d, 0), *r1 = diag_record(d, 1);
		char buf[512];
		diag_format(r0, buf, sizeof(buf));
		CHECK(strncmp(buf, XML_DATA "list-invalid.xml:4: error: Element 'item', "
		    "attribute 'n': ", strlen(XML_DATA) + 47) == 0);
		CHECK(strstr(buf, "; correct the file so that it follows " XML_DATA "small.xsd") != NULL);
		CHECK_INT(r1->line, 5);
		CHECK(strstr(r1->text, "Element 'thing': This element is not expected.") != NULL);
	}
	xml_schema_free(s);
	diag_free(d);
	arena_free(a);
}

TEST(xml_schema_may_not_include)
{
	Diag *d = diag_new(NULL);
	XmlSchema *s = xml_schema_load(XML_DATA "includes.xsd", 1 << 20, d);
	CHECK(s == NULL);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	CHECK(diag_nrecords(d) >= 1);
	if (diag_nrecords(d) >= 1)
		CHECK_STR(diag_record(d, 0)->file, XML_DATA "includes.xsd");
	xml_schema_free(s);
	diag_free(d);
}

/* libxml2 must never write to stderr itself: every word goes through Diag. */
TEST(xml_silent_on_stderr)
{
	char path[] = "/tmp/nithet-xml-stderr-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);

	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	parse(a, "<a><b></a>", 10, d);
	parse(a, "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", 10, d);
	XmlSchema *s = xml_schema_load(XML_DATA "small.xsd", 1 << 20, d);
	xml_read_file(a, XML_DATA "list-invalid.xml", 1 << 20, 8, s, d);
	xml_schema_free(s);
	xml_schema_free(xml_schema_load(XML_DATA "includes.xsd", 1 << 20, d));
	xml_schema_free(xml_schema_load(XML_DATA "list.xml", 1 << 20, d));

	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	off_t size = lseek(fd, 0, SEEK_END);
	close(fd);
	unlink(path);
	CHECK_INT(size, 0);
	CHECK(diag_nrecords(d) >= 6);
	diag_free(d);
	arena_free(a);
}

/* ---- streaming ---- */

/* Are two trees the same, field by field, parents included? */
static int
same_tree(const XmlNode *a, const XmlNode *b, const XmlNode *pa, const XmlNode *pb)
{
	if (strcmp(a->name, b->name) != 0 || (a->ns == NULL) != (b->ns == NULL) ||
	    (a->ns != NULL && strcmp(a->ns, b->ns) != 0) || strcmp(a->text, b->text) != 0 ||
	    a->line != b->line || a->nattrs != b->nattrs || a->nchildren != b->nchildren ||
	    a->parent != pa || b->parent != pb)
		return 0;
	for (size_t i = 0; i < a->nattrs; i++) {
		const XmlAttr *x = &a->attrs[i], *y = &b->attrs[i];
		if (strcmp(x->name, y->name) != 0 || strcmp(x->value, y->value) != 0 ||
		    (x->ns == NULL) != (y->ns == NULL) || (x->ns != NULL && strcmp(x->ns, y->ns) != 0))
			return 0;
	}
	for (size_t i = 0; i < a->nchildren; i++)
		if (!same_tree(&a->children[i], &b->children[i], a, b))
			return 0;
	return 1;
}

/* What a stream handed out, for the tests below. */
typedef struct Seen {
	const XmlNode *tree;       /* compare each collected root with this */
	int same;
	int nstart, nelement;
	int stop_at;               /* element returns 5 at this call (1-based) */
	const char *collect;       /* element name to collect; NULL: the root */
	long lines[8];
	char texts[8][64];
	int depths[8];
	size_t total_text;
} Seen;

static XmlVisit
seen_start(void *ctx, const XmlNode *e, int depth)
{
	Seen *s = ctx;
	s->nstart++;
	CHECK(e->nchildren == 0 && *e->text == '\0' && e->parent == NULL);
	if (s->collect == NULL || !strcmp(e->name, s->collect))
		return XML_COLLECT;
	return depth == 1 || !strcmp(e->name, "enter") ? XML_ENTER : XML_SKIP;
}

static size_t
text_bytes(const XmlNode *n)
{
	size_t k = strlen(n->text);
	for (size_t i = 0; i < n->nattrs; i++)
		k += strlen(n->attrs[i].value);
	for (size_t i = 0; i < n->nchildren; i++) {
		CHECK(n->children[i].parent == n);
		k += text_bytes(&n->children[i]);
	}
	return k;
}

static int
seen_element(void *ctx, const XmlNode *e, int depth)
{
	Seen *s = ctx;
	if (s->tree != NULL)
		s->same = same_tree(s->tree, e, NULL, NULL);
	int i = s->nelement++;
	if (i < 8) {
		s->lines[i] = e->line;
		s->depths[i] = depth;
		snprintf(s->texts[i], sizeof(s->texts[i]), "%s", e->text);
	}
	CHECK(e->parent == NULL);
	s->total_text += text_bytes(e);
	return s->nelement == s->stop_at ? 5 : 0;
}

static int
stream(const char *doc, int depth, Seen *s, Diag *d)
{
	return xml_stream_memory(doc, strlen(doc), "t.xml", depth, 0, seen_start, seen_element, s,
	    d);
}

/* The same document pulled through a read function a few bytes at a time
 * (xml_stream_read, as a zip member is read). */
typedef struct Pull {
	const char *p;
	size_t left, step;
} Pull;

static long
pull(void *src, char *buf, size_t n)
{
	Pull *q = src;
	size_t k = q->left < q->step ? q->left : q->step;
	if (k > n)
		k = n;
	memcpy(buf, q->p, k);
	q->p += k;
	q->left -= k;
	return (long)k;
}

static int
stream_pulled(const char *doc, size_t len, size_t step, int depth, Seen *s, Diag *d)
{
	Pull q = { doc, len, step };
	return xml_stream_read(pull, &q, "t.xml", depth, 0, seen_start, seen_element, s, d);
}

/* Collecting the root gives the tree xml_parse_memory builds. */
TEST(xml_stream_builds_the_same_tree)
{
	const char *docs[] = {
		"<?xml version=\"1.0\"?>\n"
		"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
		"  xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\" a=\"1 &amp; 2\">\n"
		"  <Row ss:Index=\"3\">ก<![CDATA[<ข>]]>&#x0E04;<Cell/>ง</Row>\n"
		"  <!-- a comment --><?pi x?>\n"
		"  <Row/>\n"
		"</Workbook>\n",
		"<r x=\"a&amp;b&#38;c&#x26;d&lt;&#38;#38;\" y=\"&#9;t\n\">"
		"<a><b><c>deep<d/>er</c></b>mid</a><a/><e k=\"\"/>tail</r>",
		"<r xmlns:p=\"urn:p\"><p:x p:y=\"1\" y=\"2\"/><z xmlns=\"urn:z\"><w xmlns=\"\"/></z></r>",
	};
	for (size_t k = 0; k < sizeof(docs) / sizeof(docs[0]); k++) {
		Arena *a = arena_new();
		Diag *d = diag_new(NULL);
		Seen s = { .tree = parse(a, docs[k], 10, d) };
		CHECK(s.tree != NULL);
		CHECK_INT(stream(docs[k], 10, &s, d), 0);
		CHECK_INT(s.nelement, 1);
		CHECK_INT(s.nstart, 1);
		CHECK(s.same);
		CHECK_INT(diag_nrecords(d), 0);
		diag_free(d);
		arena_free(a);
	}
}

TEST(xml_stream_skips_enters_and_collects)
{
	const char *doc =
	    "<r>\n"
	    "<row n=\"1\">one<c>x</c></row>\n"
	    "<skip><row>never</row><enter/></skip>\n"
	    "<enter>\n<row n=\"2\">two</row>\n</enter>\n"
	    "<row n=\"3\"/>\n"
	    "</r>";
	Diag *d = diag_new(NULL);
	Seen s = { .collect = "row" };
	CHECK_INT(stream(doc, 10, &s, d), 0);
	CHECK_INT(diag_nrecords(d), 0);
	CHECK_INT(s.nelement, 3);
	CHECK_INT(s.nstart, 6);          /* r, 3 rows, skip, enter: nothing inside skip */
	CHECK_INT(s.lines[0], 2);
	CHECK_STR(s.texts[0], "one");
	CHECK_INT(s.depths[0], 2);
	CHECK_INT(s.lines[1], 5);
	CHECK_STR(s.texts[1], "two");
	CHECK_INT(s.depths[1], 3);
	CHECK_INT(s.lines[2], 7);
	diag_free(d);
}

/* Many rows, some bigger than a scratch block: every byte arrives. */
TEST(xml_stream_reuses_memory_across_rows)
{
	size_t nrows = 3000, cap = 16 << 20, len = 0;
	char *doc = mem_alloc(cap);
	size_t want = 0;
	len += (size_t)snprintf(doc + len, cap - len, "<r>");
	for (size_t i = 0; i < nrows; i++) {
		size_t n = (i * 7919) % (i % 100 == 0 ? 100000 : 700);
		len += (size_t)snprintf(doc + len, cap - len, "<row a=\"%zu\"><c>", i);
		memset(doc + len, 'a' + (int)(i % 26), n);
		len += n;
		len += (size_t)snprintf(doc + len, cap - len, "</c><c/>t</row>\n");
		want += n + 1 + (size_t)snprintf(NULL, 0, "%zu", i);
	}
	len += (size_t)snprintf(doc + len, cap - len, "</r>");
	Diag *d = diag_new(NULL);
	Seen s = { .collect = "row" };
	CHECK_INT(xml_stream_memory(doc, len, "t.xml", 4, 0, seen_start, seen_element, &s, d), 0);
	CHECK_INT(s.nelement, nrows);
	CHECK_INT(s.total_text, want);
	CHECK_INT(s.lines[7], 8);
	CHECK_INT(diag_nrecords(d), 0);
	diag_free(d);
	free(doc);
}

/* Pulled in chunks of 1, 3 and 64 KiB bytes: the same trees, the same
 * rows, every byte, and the same refusals. */
TEST(xml_stream_read_pulls_the_same_document)
{
	const char *docs[] = {
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
		"  xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\" a=\"1 &amp; 2\">\n"
		"  <Row ss:Index=\"3\">ก<![CDATA[<ข>]]>&#x0E04;<Cell/>ง</Row>\n"
		"  <!-- a comment --><?pi x?>\n"
		"  <Row/>\n"
		"</Workbook>\n",
		"<r x=\"a&amp;b&#38;c&#x26;d&lt;&#38;#38;\" y=\"&#9;t\n\">"
		"<a><b><c>deep<d/>er</c></b>mid</a><a/><e k=\"\"/>tail</r>",
	};
	size_t steps[] = { 1, 3, 65536 };
	for (size_t k = 0; k < sizeof(docs) / sizeof(docs[0]); k++)
		for (size_t j = 0; j < 3; j++) {
			Arena *a = arena_new();
			Diag *d = diag_new(NULL);
			Seen s = { .tree = parse(a, docs[k], 10, d) };
			CHECK_INT(stream_pulled(docs[k], strlen(docs[k]), steps[j], 10, &s, d), 0);
			CHECK_INT(s.nelement, 1);
			CHECK(s.same);
			CHECK_INT(diag_nrecords(d), 0);
			diag_free(d);
			arena_free(a);
		}
	/* Rows and lines. */
	const char *rows = "<r>\n<row n=\"1\">one<c>x</c></row>\n<skip><row>never</row></skip>\n"
	    "<enter>\n<row n=\"2\">two</row>\n</enter>\n<row n=\"3\"/>\n</r>";
	Diag *d = diag_new(NULL);
	Seen s = { .collect = "row" };
	CHECK_INT(stream_pulled(rows, strlen(rows), 2, 10, &s, d), 0);
	CHECK_INT(s.nelement, 3);
	CHECK_STR(s.texts[1], "two");
	CHECK_INT(s.lines[1], 5);
	CHECK_INT(s.lines[2], 7);
	diag_free(d);
	/* A DOCTYPE, a broken end, an empty source, an attribute bomb split
	 * across chunks: refused with the line. */
	const char *bad[] = { "<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>", "<r>\n<row>\n</r>", "" };
	for (size_t k = 0; k < 3; k++) {
		Diag *d2 = diag_new(NULL);
		Seen s2 = { .collect = "row" };
		CHECK_INT(stream_pulled(bad[k], strlen(bad[k]), 4, 10, &s2, d2), -1);
		CHECK(diag_count(d2, DIAG_INPUT) >= 1);
		diag_free(d2);
	}
	size_t cap = 300 * 8 + 64, len = 0;
	char *bomb = mem_alloc(cap);
	len += (size_t)snprintf(bomb, cap, "<r>\n<e");
	for (int i = 0; i < 300; i++)
		len += (size_t)snprintf(bomb + len, cap - len, " a%d=\"\"", i);
	len += (size_t)snprintf(bomb + len, cap - len, "/></r>");
	Diag *d3 = diag_new(NULL);
	Seen s3 = { .collect = "e" };
	CHECK_INT(stream_pulled(bomb, len, 7, 10, &s3, d3), -1);
	CHECK_INT(s3.nelement, 0);
	CHECK_INT(diag_record(d3, 0)->line, 2);
	CHECK(strstr(diag_record(d3, 0)->text, "attributes") != NULL);
	diag_free(d3);
	free(bomb);
}

TEST(xml_stream_stops_when_asked)
{
	Diag *d = diag_new(NULL);
	Seen s = { .collect = "row", .stop_at = 2 };
	/* Stopped before the broken end is read: no complaint about it. */
	CHECK_INT(stream("<r><row/><row/><row/><oops></r>", 10, &s, d), 5);
	CHECK_INT(s.nelement, 2);
	CHECK_INT(diag_nrecords(d), 0);
	diag_free(d);
}

/* The same refusals, with the same messages and lines, as the tree. */
TEST(xml_stream_security_and_errors_match_the_tree)
{
	const char *docs[] = {
		"<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<a/>",
		"<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
		"<a>\n<b>\n</a>\n",
		"<a>&nbsp;</a>",
		"<a/>junk",
		"<a x=\"&bad;\"/>",
		"  ",
		"<r><skip><b><c><d><e><f/></e></d></c></b></skip></r>",  /* too deep where skipped */
		"<r><row><b><c><d><e><f/></e></d></c></b></row></r>",    /* too deep where collected */
		"<r>\n<row>\xff</row></r>",
	};
	for (size_t k = 0; k < sizeof(docs) / sizeof(docs[0]); k++) {
		Arena *a = arena_new();
		Diag *d1 = diag_new(NULL), *d2 = diag_new(NULL);
		CHECK(parse(a, docs[k], 5, d1) == NULL);
		Seen s = { .collect = "row" };
		CHECK_INT(stream(docs[k], 5, &s, d2), -1);
		CHECK_INT(s.nelement, 0);
		CHECK(diag_nrecords(d2) >= 1);
		CHECK_INT(diag_nrecords(d1), diag_nrecords(d2));
		for (size_t i = 0; i < diag_nrecords(d1) && i < diag_nrecords(d2); i++) {
			char b1[1024], b2[1024];
			diag_format(diag_record(d1, i), b1, sizeof(b1));
			diag_format(diag_record(d2, i), b2, sizeof(b2));
			CHECK_STR(b2, b1);
		}
		CHECK_INT(diag_exit_status(d2), EXIT_INPUT);
		diag_free(d1);
		diag_free(d2);
		arena_free(a);
	}
	Diag *d = diag_new(NULL);
	Seen s = { 0 };
	CHECK_INT(xml_stream_memory("", 0, "t.xml", 5, 0, seen_start, seen_element, &s, d), -1);
	CHECK(said(d, "empty"));
	diag_free(d);
}

TEST(xml_stream_hostile_files_end_quickly)
{
	const char *files[] = { PLAN_DATA "billion-laughs.xml", PLAN_DATA "xxe.xml" };
	for (size_t k = 0; k < 2; k++) {
		Arena *a = arena_new();
		Diag *d = diag_new(NULL);
		/* Read through the tree reader's file check, then streamed. */
		CHECK(xml_read_file(a, files[k], 1 << 20, 64, NULL, d) == NULL);
		FILE *f = fopen(files[k], "rb");
		CHECK(f != NULL);
		if (f == NULL) {
			diag_free(d);
			arena_free(a);
			continue;
		}
		char buf[4096];
		size_t n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		Diag *d2 = diag_new(NULL);
		Seen s = { 0 };
		CHECK_INT(xml_stream_memory(buf, n, "t.xml", 64, 0, seen_start, seen_element, &s, d2),
		    -1);
		CHECK_INT(diag_nrecords(d2), 1);
		CHECK(said(d2, "DOCTYPE"));
		CHECK(!said(d2, "root:"));
		CHECK_INT(s.nelement, 0);
		if (diag_nrecords(d2) == 1 && diag_nrecords(d) == 1)
			CHECK_INT(diag_record(d2, 0)->line, diag_record(d, 0)->line);
		diag_free(d2);
		diag_free(d);
		arena_free(a);
	}
}

/* A collected element may not gather more text than libxml2 lets one text
 * node of a tree hold; the same text in a skipped element costs nothing. */
TEST(xml_stream_text_limit)
{
	size_t n = 10000001;
	char *doc = mem_alloc(n + 64);
	size_t len = (size_t)snprintf(doc, 64, "<r>\n<row>");
	memset(doc + len, 'x', n);
	len += n;
	memcpy(doc + len, "</row></r>", 10);
	len += 10;
	Diag *d = diag_new(NULL);
	Seen s = { .collect = "row" };
	CHECK_INT(xml_stream_memory(doc, len, "t.xml", 4, 0, seen_start, seen_element, &s, d), -1);
	CHECK_INT(s.nelement, 0);
	CHECK_INT(diag_nrecords(d), 1);
	CHECK(said(d, "longer than 10000000 bytes"));
	diag_free(d);
	d = diag_new(NULL);
	Seen skip = { .collect = "nothing" };
	CHECK_INT(xml_stream_memory(doc, len, "t.xml", 4, 0, seen_start, seen_element, &skip, d), 0);
	CHECK_INT(diag_nrecords(d), 0);
	diag_free(d);
	free(doc);
}

TEST(xml_stream_big_line_numbers)
{
	size_t n = 70000;
	char *doc = mem_alloc(n + 64);
	memcpy(doc, "<r>", 3);
	memset(doc + 3, '\n', n);
	memcpy(doc + 3 + n, "<row/></r>", 11);
	Diag *d = diag_new(NULL);
	Seen s = { .collect = "row" };
	CHECK_INT(stream(doc, 4, &s, d), 0);
	CHECK_INT(s.nelement, 1);
	CHECK_INT(s.lines[0], 70001);
	free(doc);
	diag_free(d);
}

/* A second pass does not repeat libxml2's warnings; errors still count. */
TEST(xml_stream_repeat_is_quiet_about_warnings)
{
	const char *doc = "<?xml version=\"1.8\"?>\n<r><row/></r>";
	Diag *d = diag_new(NULL);
	Seen s = { .collect = "row" };
	CHECK_INT(stream(doc, 4, &s, d), 0);
	CHECK_INT(diag_nrecords(d), 1);
	CHECK_INT(diag_count(d, DIAG_WARNING), 1);
	CHECK_INT(xml_stream_memory(doc, strlen(doc), "t.xml", 4, XML_STREAM_REPEAT, seen_start,
	    seen_element, &s, d), 0);
	CHECK_INT(diag_nrecords(d), 1);
	CHECK_INT(s.nelement, 2);
	const char *bad = "<?xml version=\"1.8\"?>\n<r><row></r>";
	CHECK_INT(xml_stream_memory(bad, strlen(bad), "t.xml", 4, XML_STREAM_REPEAT, seen_start,
	    seen_element, &s, d), -1);
	CHECK_INT(diag_count(d, DIAG_WARNING), 1);
	CHECK(diag_count(d, DIAG_INPUT) >= 1);
	diag_free(d);
}
