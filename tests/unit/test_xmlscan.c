/* test_xmlscan.c - the workbook tokenizer: the events of a document, the
 * same whatever the chunks it arrives in, and what it refuses, with the
 * message. The fuzzer (tests/fuzz/fuzz_xmlscan.c) compares it with
 * libxml2 on arbitrary bytes; these are the cases a reader can check. */
#include "test.h"

#include <stdlib.h>

#include "load/xmlscan.h"

typedef struct Bytes {
	const char *p;
	size_t n, at, chunk;
} Bytes;

static long
pull(void *src, char *buf, size_t n)
{
	Bytes *b = src;
	size_t k = b->n - b->at;
	if (k > n)
		k = n;
	if (k > b->chunk)
		k = b->chunk;
	memcpy(buf, b->p + b->at, k);
	b->at += k;
	return (long)k;
}

/* The events written out: <name a=v>, text in [], </name>. */
typedef struct Log {
	char s[4096];
	size_t n;
} Log;

static void
log_add(Log *l, const char *s)
{
	size_t k = strlen(s);
	if (l->n + k < sizeof l->s) {
		memcpy(l->s + l->n, s, k + 1);
		l->n += k;
	}
}

static int
on_start(void *ctx, const char *name, const XmlScanAttr *attrs, size_t nattrs, int depth)
{
	char buf[256];
	snprintf(buf, sizeof buf, "<%s%d", name, depth);
	log_add(ctx, buf);
	for (size_t i = 0; i < nattrs; i++) {
		snprintf(buf, sizeof buf, " %s=%s", attrs[i].name, attrs[i].value);
		log_add(ctx, buf);
	}
	log_add(ctx, ">");
	return 0;
}

static int
on_text(void *ctx, const char *s, size_t n, int depth)
{
	(void)depth;
	char buf[512];
	snprintf(buf, sizeof buf, "[%.*s]", (int)n, s);
	log_add(ctx, buf);
	return 0;
}

static int
on_end(void *ctx, const char *name, int depth)
{
	char buf[128];
	snprintf(buf, sizeof buf, "</%s%d>", name, depth);
	log_add(ctx, buf);
	return 0;
}

static const XmlScanHandler handler = { on_start, on_end, on_text };

/* Scan doc in chunks of chunk bytes: the return value, the events in log,
 * the first message in msg. */
static int
scan(const char *doc, size_t chunk, Log *log, char *msg, size_t msize)
{
	Bytes b = { doc, strlen(doc), 0, chunk };
	Diag *d = diag_new(NULL);
	memset(log, 0, sizeof *log);
	int rc = xml_scan_read(pull, &b, "t.xml", 8, &handler, log, d);
	if (msg != NULL)
		snprintf(msg, msize, "%s", diag_nrecords(d) ? diag_record(d, 0)->text : "");
	diag_free(d);
	return rc;
}

/* Pieces of text are joined, so chunking shows only in how text is cut:
 * compare with the texts' brackets taken out. */
static void
unbracket(char *s)
{
	char *o = s;
	for (; *s; s++)
		if (*s != '[' && *s != ']')
			*o++ = *s;
	*o = '\0';
}

TEST(xmlscan_events)
{
	static const char doc[] = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
	    "<!-- made by hand -->\n"
	    "<x:sheet xmlns:x=\"urn:s\" xmlns=\"urn:d\" x:k=\"1&amp;2&#10;&#x41;\" k='a\tb\r\nc'>"
	    "<c r=\"A1\"><v>ผู้อำนวยการ &lt;&gt;&quot;&apos;<![CDATA[<&amp;>]]>\r\nend</v></c>"
	    "<?pi data?><e/></x:sheet>\n<!-- after -->";
	Log whole, cut;
	char msg[512];
	CHECK_INT(scan(doc, 1 << 20, &whole, msg, sizeof msg), 0);
	CHECK_STR(whole.s, "<sheet1 k=1&2\nA k=a b c><c2 r=A1><v3>[ผู้อำนวยการ <>\"'][<&amp;>][\nend]</v3></c2>"
	    "<e2></e2></sheet1>");
	/* The same events when every token is cut, at every place. */
	for (size_t chunk = 1; chunk < 24; chunk++) {
		CHECK_INT(scan(doc, chunk, &cut, msg, sizeof msg), 0);
		unbracket(cut.s);
		char want[4096];
		snprintf(want, sizeof want, "%s", whole.s);
		unbracket(want);
		CHECK_STR(cut.s, want);
	}
}

TEST(xmlscan_refuses_with_the_place)
{
	static const struct {
		const char *doc, *says;
	} bad[] = {
		{ "<!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>", "DOCTYPE declaration (<!DOCTYPE x>)" },
		{ "<a><b></a></b>", "the end tag </a> does not match <b>" },
		{ "<a>&e;</a>", "the reference '&e;' is none XML knows" },
		{ "<p:a/>", "the prefix of <p:a> is not declared" },
		{ "<a x=\"1\" x='2'/>", "the attribute 'x' is given twice in <a>" },
		{ "<a xmlns:p=\"u\" xmlns:q=\"u\" p:x=\"1\" q:x=\"2\"/>", "the attribute 'q:x' is given twice" },
		{ "<a>\x01</a>", "the character U+0001 in text" },
		{ "<a>\xC3\x28</a>", "the byte 0xC3, which is not UTF-8" },
		{ "<a>\xED\xA0\x80</a>", "the byte 0xED" },                  /* a surrogate */
		{ "<a>x]]>y</a>", "']]>' in text" },
		{ "<a x=\"<\"/>", "'<' in the value of an attribute" },
		{ "<a x=1/>", "is not in quotes" },
		{ "<a x=\"1\"y=\"2\"/>", "separated by a space" },
		{ "<a/><b/>", "an element after the end of the root element" },
		{ "text<a/>", "text outside the root element" },
		{ "<a><!-- x -- y --></a>", "'--' inside a comment" },
		{ " <?xml version=\"1.0\"?><a/>", "an XML declaration" },
		{ "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", "the encoding 'UTF-16'" },
		{ "<?xml encoding=\"UTF-8\" version=\"1.0\"?><a/>", "does not begin with version" },
		{ "<a><b>", "the document ends before the end tag of <b>" },
		{ "<a", "the document ends inside a tag" },
		{ "<a x=\"1\"", "the document ends inside the tag <a" },
		{ "<a:b:c xmlns:a=\"u\"/>", "has a colon out of place" },
		{ "<aé/>", "letters other than A-Z" },
		{ "<a><b><c><d><e><f><g><h><i/></h></g></f></e></d></c></b></a>", "elements nested too deep (<i> at "
		    "depth 9, the limit is 8)" },
		{ "", "the document is empty" },
		{ "<!-- only -->", "no root element" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		Log log;
		char msg[512];
		int rc = scan(bad[i].doc, 7, &log, msg, sizeof msg);
		if (rc != -1 || strstr(msg, bad[i].says) == NULL)
			test_fail(__FILE__, __LINE__, "case %zu: rc %d, message \"%s\", want \"%s\"", i, rc, msg,
			    bad[i].says);
	}
}

/* Many attributes: over the limit is refused; under it, a duplicate is
 * found by sorting, in time linear in the tag. */
TEST(xmlscan_attribute_counts)
{
	char doc[8192];
	size_t n = 0;
	n += (size_t)snprintf(doc + n, sizeof doc - n, "<a");
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(doc + n, sizeof doc - n, " a%d=\"%d\"", i, i);
	snprintf(doc + n, sizeof doc - n, " a17=\"again\"/>");
	Log log;
	char msg[512];
	CHECK_INT(scan(doc, 1 << 20, &log, msg, sizeof msg), -1);
	CHECK(strstr(msg, "the attribute 'a17' is given twice") != NULL);
	snprintf(doc + n, sizeof doc - n, "/>");
	CHECK_INT(scan(doc, 1 << 20, &log, msg, sizeof msg), 0);
	n = (size_t)snprintf(doc, sizeof doc, "<a");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(doc + n, sizeof doc - n, " b%d=\"\"", i);
	snprintf(doc + n, sizeof doc - n, "/>");
	CHECK_INT(scan(doc, 1 << 20, &log, msg, sizeof msg), -1);
	CHECK(strstr(msg, "more than 256 attributes") != NULL);
}

/* A handler that says stop ends the reading with its value. */
static int
stop_at_b(void *ctx, const char *name, const XmlScanAttr *attrs, size_t nattrs, int depth)
{
	(void)ctx;
	(void)attrs;
	(void)nattrs;
	(void)depth;
	return strcmp(name, "b") == 0 ? 7 : 0;
}

TEST(xmlscan_stops_when_told)
{
	static const XmlScanHandler h = { stop_at_b, NULL, NULL };
	Bytes b = { "<a><b/>&broken;", 15, 0, 4 };
	Diag *d = diag_new(NULL);
	CHECK_INT(xml_scan_read(pull, &b, "t.xml", 8, &h, NULL, d), 7);
	CHECK_INT(diag_nrecords(d), 0);
	diag_free(d);
}
