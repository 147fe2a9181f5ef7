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

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
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
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(xml_read_file(a, PLAN_DATA "xxe.xml", 1 << 20, 64, NULL, d) == NULL);
	CHECK(seconds_since(&t0) < 0.5);
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
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(xml_read_file(a, PLAN_DATA "billion-laughs.xml", 1 << 20, 64, NULL, d) == NULL);
	double s = seconds_since(&t0);
	CHECK(s < 0.5);
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
