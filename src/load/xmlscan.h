/* xmlscan.h - the big parts of a workbook read as a stream of XML events,
 * fast and strict, without libxml2.
 *
 * A sheet of an .xlsx file is XML of one simple shape: elements, attributes,
 * text, now and then a comment. Read through libxml2 it cannot go faster
 * than libxml2's parser with empty callbacks, which on the bench's sheet
 * (600 bytes a row) is about 280,000 rows a second, before inflating and
 * before any work of ours; what an office expects of a workbook reader
 * needs more. This tokenizer reads that shape in one pass over the bytes,
 * in chunks pulled through an XmlReadFn (a zip member), so memory is one
 * token whatever the part's size.
 *
 * It accepts a subset of XML and rejects the rest, never more than XML:
 * UTF-8 only (a declaration naming another encoding is refused); element
 * and attribute names in ASCII; every prefix declared; no DOCTYPE (refused
 * with the words libxml2's path uses); characters, references, comments,
 * CDATA, processing instructions and nesting checked as XML 1.0 says.
 * What it accepts, libxml2 accepts with the same names, attributes and
 * text: tests/fuzz/fuzz_xmlscan.c compares the two on every input. The
 * small parts (workbook, relationships, styles) and every other XML input
 * still go through xml.c and libxml2. */
#ifndef NITHET_XMLSCAN_H
#define NITHET_XMLSCAN_H

#include <stddef.h>

#include "core/diag.h"
#include "load/xml.h"

/* An attribute of a start tag: local name (the prefix left out) and value
 * with references, line ends and whitespace normalised as XML says. */
typedef struct XmlScanAttr {
	const char *name;
	const char *value;
} XmlScanAttr;

/* The events, each with the element's depth (root = 1). Strings are valid
 * during the call only. Return 0 to go on, non-zero to stop reading (the
 * value is then xml_scan_read's). Namespace declarations (xmlns, xmlns:p)
 * are not among the attributes. */
typedef struct XmlScanHandler {
	int (*start)(void *ctx, const char *name, const XmlScanAttr *attrs, size_t nattrs, int depth);
	int (*end)(void *ctx, const char *name, int depth);
	/* text and CDATA inside elements, decoded, possibly in several pieces;
	 * s[n] is '\0' */
	int (*text)(void *ctx, const char *s, size_t n, int depth);
} XmlScanHandler;

/* Read a whole document through read(src, ...). name is used in messages
 * (file and part, e.g. "visits.xlsx (xl/worksheets/sheet1.xml)"). A
 * problem is reported through d as DIAG_INPUT with the line, in the words
 * "what is wrong; what to do". A token (a tag, a comment, one text) longer
 * than XML_SCAN_MAX_TOKEN bytes is an error, elements deeper than max_depth and
 * start tags with more than XML_MAX_ATTRIBUTES attributes too.
 * Returns 0 at the end of a well-formed document, a handler's non-zero
 * value if one stopped, -1 after reporting. Events come as the document
 * is read: an error further on is reported after they were handed out. */
int xml_scan_read(XmlReadFn read, void *src, const char *name, int max_depth,
	const XmlScanHandler *h, void *ctx, Diag *d);

enum { XML_SCAN_MAX_TOKEN = 10000000 };   /* libxml2's limit on one text */

#endif
