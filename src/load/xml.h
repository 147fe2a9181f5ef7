/* xml.h - reading XML files safely into our own tree (the only door to libxml2).
 *
 * Nobody outside src/load/xml.c sees a libxml2 type: a document is handed out
 * as a tree of XmlNode allocated in the caller's Arena, so plan.c and the
 * SpreadsheetML reader walk plain structs.
 *
 * Secure by construction: the file is read by us with a size limit and parsed
 * from memory; no network, no DTD loading, no entity substitution, no default
 * attributes from a DTD; a document with a DOCTYPE (and so any entity
 * declaration) is rejected outright before its internal subset is read;
 * nesting depth is bounded; an external-entity loader that refuses everything
 * is installed for the whole process, so not even an XSD's xs:include can
 * reach the disk or the network. libxml2 never prints to stderr: every
 * complaint becomes a Diag message with the file and line.
 *
 * Two ways in: a whole document as a tree (xml_read_file, xml_parse_memory;
 * the plan, validated against its XSD) and a stream that builds only the
 * subtrees its caller asks for, one at a time (xml_stream_memory; the big
 * data tables of load/sheet). */
#ifndef NITHET_XML_H
#define NITHET_XML_H

#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"

typedef struct XmlAttr {
	const char *name;          /* local name, e.g. "Index" for ss:Index */
	const char *ns;            /* namespace URI, NULL when none */
	const char *value;         /* UTF-8, character references resolved */
} XmlAttr;

typedef struct XmlNode XmlNode;
struct XmlNode {
	const char *name;          /* local name */
	const char *ns;            /* namespace URI, NULL when none */
	XmlAttr *attrs;            /* in document order */
	size_t nattrs;
	const char *text;          /* the text and CDATA directly inside, joined
	                            * in order, untrimmed; "" when none */
	XmlNode *children;         /* child elements only, in document order */
	size_t nchildren;
	XmlNode *parent;           /* NULL for the root */
	long line;                 /* 1-based line where the start tag ends */
};

/* Streaming: what to do with an element whose start tag was just read. */
typedef enum XmlVisit {
	XML_SKIP,                  /* nothing inside it is reported */
	XML_ENTER,                 /* its child elements are offered to start too */
	XML_COLLECT                /* its whole subtree is built and handed to
	                            * the element callback at its end tag */
} XmlVisit;

/* Called at the start tag of the root and of every child of an entered
 * element. e has its name, namespace, attributes and line; its text is ""
 * and it has no children nor parent yet. depth: root = 1. */
typedef XmlVisit (*XmlStartFn)(void *ctx, const XmlNode *e, int depth);

/* Called at the end tag of a collected element with its whole subtree
 * (text, children, parents inside the subtree; e->parent is NULL). Return 0
 * to go on, non-zero to stop reading. */
typedef int (*XmlElementFn)(void *ctx, const XmlNode *e, int depth);

/* Flags of xml_stream_memory. */
enum {
	XML_STREAM_REPEAT = 1      /* the document was streamed before: libxml2's
	                            * warnings, reported then, are not repeated */
};

/* The most attributes one element may have. libxml2 checks a new
 * attribute against the element's others one by one: 200,000 attributes
 * took 43 s; xml.c finds such a tag before libxml2 sees it, load/xmlscan.c
 * refuses it too. No file nithet reads has elements with more than a few. */
enum { XML_MAX_ATTRIBUTES = 256 };

/* A compiled XSD. Opaque; free with xml_schema_free. */
typedef struct XmlSchema XmlSchema;

/* Set up libxml2's process-wide state (error handlers, the refusing entity
 * loader). Idempotent; every function below calls it, so calling it
 * explicitly is only needed to do the set-up at a chosen moment. Not
 * thread-safe: call it before starting threads. */
void xml_init(void);

/* Release libxml2's global memory. Call once at the end of the process,
 * after every XmlSchema is freed; no xml_ call may follow. */
void xml_cleanup(void);

/* Read path (at most max_bytes bytes; a bigger file, a directory, an empty or
 * unreadable file is an error) and parse it. Elements nested deeper than
 * max_depth (root = depth 1) are an error. When schema is not NULL the
 * document must also be valid against it.
 * Every problem is reported through d as DIAG_INPUT with the path and line
 * ("what is wrong; what to do"); at most 50 schema complaints are listed.
 * Returns the root element, or NULL after reporting. The tree and all its
 * strings live in a until arena_free(a). */
XmlNode *xml_read_file(Arena *a, const char *path, long max_bytes,
	int max_depth, const XmlSchema *schema, Diag *d);

/* The same for a document already in memory (len bytes, need not be
 * NUL-terminated); name is used in messages in place of a path. */
XmlNode *xml_parse_memory(Arena *a, const char *buf, size_t len,
	const char *name, int max_depth, const XmlSchema *schema, Diag *d);

/* Stream a document in memory (len bytes, need not be NUL-terminated; name
 * is used in messages) without building it: start decides, element by
 * element, what is skipped, entered or collected; each collected subtree
 * goes to element and is freed when element returns, so memory holds one
 * subtree (one row of a table) at a time, whatever the document's size
 * (besides libxml2's copy of buf during the call, as for xml_parse_memory).
 * The rules of xml_parse_memory apply with the same messages: no DOCTYPE,
 * no entity, no network, depth at most max_depth, libxml2's complaints as
 * DIAG_INPUT with the line. A collected element may hold at most 10,000,000
 * bytes of text (libxml2's limit for one text node of a tree).
 * The callbacks run while the document is read: an error further on is
 * reported after they have seen what came before it, so a caller that must
 * not act on a broken document streams it twice, acting on the second pass
 * only (the parse is fast; no tree is built), passing XML_STREAM_REPEAT in
 * flags the second time.
 * Every string of a node handed to a callback is valid during that call
 * only. Returns 0 when the document was read to its end and is well-formed,
 * element's non-zero value if it stopped, -1 after reporting. */
int xml_stream_memory(const char *buf, size_t len, const char *name, int max_depth,
	int flags, XmlStartFn start, XmlElementFn element, void *ctx, Diag *d);

/* Whether a namespace name is a URI as libxml2 parses one (load/xmlscan.c
 * asks, so that it refuses what libxml2 refuses). */
int xml_namespace_ok(const char *uri);

/* Where xml_stream_read gets its bytes: up to n into buf; returns the
 * number read, 0 at the end, -1 after reporting (DIAG_INPUT). */
typedef long (*XmlReadFn)(void *src, char *buf, size_t n);

/* xml_stream_memory over a document pulled through read in chunks (a
 * member of a zip file): never held whole, so memory is one chunk and one
 * subtree whatever the document's size. The same rules and messages; a
 * complaint may be worded after a little more of the text than with the
 * whole document in memory. */
int xml_stream_read(XmlReadFn read, void *src, const char *name, int max_depth,
	int flags, XmlStartFn start, XmlElementFn element, void *ctx, Diag *d);

/* Read and compile an XSD (size-limited like xml_read_file). It may not
 * include or import other files. Problems are reported as DIAG_INPUT with the
 * path and line. Returns NULL after reporting; the caller frees the result
 * with xml_schema_free. */
XmlSchema *xml_schema_load(const char *path, long max_bytes, Diag *d);
void xml_schema_free(XmlSchema *s);           /* NULL is fine */

/* Value of the first attribute with this local name (any namespace), or NULL
 * when absent. The string belongs to the tree's arena. */
const char *xml_attr(const XmlNode *n, const char *name);

/* The same, matching the namespace URI too (ns NULL = no namespace). */
const char *xml_attr_ns(const XmlNode *n, const char *ns, const char *name);

/* First child element with this local name, or NULL. */
const XmlNode *xml_child(const XmlNode *n, const char *name);

/* The next child element with this local name after `after` (NULL: the
 * first), or NULL: for (c = xml_next(n, "x", NULL); c; c = xml_next(n, "x", c)). */
const XmlNode *xml_next(const XmlNode *n, const char *name, const XmlNode *after);

/* Number of child elements with this local name. */
size_t xml_count(const XmlNode *n, const char *name);

#endif
