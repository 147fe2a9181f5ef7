/* xml.c - libxml2 behind a safe, small interface (see xml.h); the only file
 * of nithet that includes libxml2. */
#include "load/xml.h"
#include "core/i18n.h"

#include "core/file.h"
#include "core/hash.h"
#include "core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

/* More complaints than this about one file help nobody: the first ones are
 * the ones to fix. */
enum { XML_MAX_MESSAGES = 50 };

/* XSDs are small; their nesting is bounded generously. */
enum { XML_SCHEMA_MAX_DEPTH = 64 };

struct XmlSchema {
	xmlDocPtr doc;             /* kept alive: the compiled schema points into it */
	xmlSchemaPtr schema;
	char *path;                /* named in the advice of validation errors */
};

/* What one parse or validation is doing, reachable from libxml2's callbacks
 * (through the parser context's _private, or the error handlers' user
 * data). */
typedef struct XmlRun {
	Diag *d;
	const char *name;          /* file name for messages */
	const char *advice;        /* "what to do" appended to libxml2's complaints */
	int max_depth;
	int depth;
	int rejected;              /* we stopped the parser ourselves */
	int quiet_warnings;        /* libxml2's warnings are not reported */
	size_t nmessages;          /* libxml2 complaints reported so far */
	size_t nerrors;            /* of which errors (not warnings) */
} XmlRun;

static int xml_ready;

/* libxml2 may still print through its generic channel in a few places that
 * do not use the structured one; nithet's stderr belongs to Diag. */
static void
silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
silent_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

/* Nothing outside the bytes we hand to the parser is ever read: no DTD, no
 * external entity, no xs:include, whatever the document asks for. */
static xmlParserInputPtr
deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void
xml_init(void)
{
	if (xml_ready)
		return;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlThrDefSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	xmlThrDefSetStructuredErrorFunc(NULL, silent_structured);
	xmlSetExternalEntityLoader(deny_loader);
	xml_ready = 1;
}

void
xml_cleanup(void)
{
	if (!xml_ready)
		return;
	xmlCleanupParser();
	xml_ready = 0;
}

/* libxml2 ends its messages with a newline and a full stop, and may quote a
 * value holding control characters; a Diag text is one line followed by
 * "; what to do". Copies msg into out (size bytes) with the ending removed
 * and control characters written as \n, \t, \r or \xNN. */
static void
clean_message(const char *msg, char *out, size_t size)
{
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '\r'))
		n--;
	if (n > 0 && msg[n - 1] == '.')
		n--;
	size_t o = 0;
	for (size_t i = 0; i < n && o + 5 < size; i++) {
		unsigned char c = (unsigned char)msg[i];
		if (c >= 0x20 && c != 0x7f) {
			out[o++] = (char)c;
			continue;
		}
		out[o++] = '\\';
		if (c == '\n')
			out[o++] = 'n';
		else if (c == '\t')
			out[o++] = 't';
		else if (c == '\r')
			out[o++] = 'r';
		else
			o += (size_t)snprintf(out + o, size - o, "x%02x", c);
	}
	out[o] = '\0';
}

/* The structured error handler of every parse, schema compilation and
 * validation: each complaint becomes one Diag message with file and line. */
static void
collect_error(void *ctx, xmlErrorPtr err)
{
	XmlRun *run = ctx;
	if (run == NULL || err == NULL || err->level == XML_ERR_NONE)
		return;
	int is_error = err->level != XML_ERR_WARNING;
	if (is_error)
		run->nerrors++;
	else if (run->quiet_warnings)
		return;
	if (run->nmessages > XML_MAX_MESSAGES)
		return;
	if (run->nmessages++ == XML_MAX_MESSAGES) {
		diag_report(run->d, DIAG_INPUT, run->name, 0, 0,
		    "more than %d problems in this file (the rest are not listed); "
		    "fix the ones above and run again", XML_MAX_MESSAGES);
		return;
	}
	/* Parser errors carry the column in int2; schema errors do not. */
	long col = err->domain == XML_FROM_PARSER && err->int2 > 0 ? err->int2 : 0;
	char msg[1024];
	clean_message(err->message ? err->message : "unknown XML error", msg,
	    sizeof(msg));
	diag_report(run->d, is_error ? DIAG_INPUT : DIAG_WARNING, run->name,
	    err->line > 0 ? err->line : 0, col, "%s; %s", msg, run->advice);
}

static XmlRun *
run_of(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	return ctxt->_private;
}

static long
current_line(xmlParserCtxtPtr ctxt)
{
	return ctxt->input != NULL ? ctxt->input->line : 0;
}

/* Called by the parser as soon as it has read "<!DOCTYPE name ...", before
 * the internal subset: stopping here means no entity declaration is ever
 * parsed, so neither billion laughs nor an external entity can start. */
static void
reject_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	(void)external_id;
	(void)system_id;
	xmlParserCtxtPtr ctxt = ctx;
	XmlRun *run = run_of(ctx);
	run->rejected = 1;
	diag_report(run->d, DIAG_INPUT, run->name, current_line(ctxt), 0,
	    "the file has a DOCTYPE declaration (<!DOCTYPE %s>), which nithet "
	    "never reads, for safety (DTDs and entities can read other files or "
	    "expand without end); remove the DOCTYPE and write the characters "
	    "themselves instead of entities", name ? (const char *)name : "");
	xmlStopParser(ctxt);
}

/* Not reachable while reject_doctype stops the parser first; kept so that an
 * entity declaration can never be accepted even if that changes. */
static void
reject_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
    const xmlChar *system_id, xmlChar *content)
{
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	xmlParserCtxtPtr ctxt = ctx;
	XmlRun *run = run_of(ctx);
	run->rejected = 1;
	diag_report(run->d, DIAG_INPUT, run->name, current_line(ctxt), 0,
	    "the file declares an entity (%s), which nithet never expands, for "
	    "safety; remove the declaration", name ? (const char *)name : "");
	xmlStopParser(ctxt);
}

static void
report_depth(XmlRun *run, xmlParserCtxtPtr ctxt, const xmlChar *localname)
{
	diag_report(run->d, DIAG_INPUT, run->name, current_line(ctxt), 0,
	    "elements nested too deep (<%s> at depth %d, the limit is %d); "
	    "check that the file is the one expected, or raise "
	    "max_xml_depth in the [limits] of the config",
	    (const char *)localname, run->depth, run->max_depth);
}

static void
bounded_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	XmlRun *run = run_of(ctx);
	if (++run->depth > run->max_depth) {
		run->rejected = 1;
		report_depth(run, ctxt, localname);
		xmlStopParser(ctxt);
		return;
	}
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
	    namespaces, nb_attributes, nb_defaulted, attributes);
}

static void
bounded_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	XmlRun *run = run_of(ctx);
	run->depth--;
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}


/* The look every document gets before libxml2 sees it: a start tag with
 * more than XML_MAX_ATTRIBUTES attributes is found in one linear pass,
 * chunk by chunk: a state machine over the bytes, with the
 * common stretches taken by memchr (text between tags) and a table (the
 * inside of a tag: only quotes, '=', '>' and line ends matter). */
enum { SCAN_OUT, SCAN_LT, SCAN_TAG };

typedef struct XmlAttrScan {
	long line, tag, eq;
	char quote;
	int state;
} XmlAttrScan;

static const unsigned char tag_stop[256] = {
	['"'] = 1, ['\''] = 1, ['='] = 1, ['>'] = 1, ['\n'] = 1,
};

static void
xml_attr_scan_init(XmlAttrScan *b)
{
	memset(b, 0, sizeof *b);
	b->line = 1;
}

/* Feed the next n bytes: 0, or the line of the tag found (then stop). */
static long
xml_attr_scan(XmlAttrScan *b, const char *p, size_t n)
{
	const char *end = p + n;
	while (p < end) {
		if (b->state == SCAN_OUT) {
			const char *lt = memchr(p, '<', (size_t)(end - p));
			const char *stop = lt ? lt : end;
			for (const char *q = p; (q = memchr(q, '\n', (size_t)(stop - q))) != NULL; q++)
				b->line++;
			if (lt == NULL)
				return 0;
			p = lt + 1;
			b->state = SCAN_LT;
			continue;
		}
		char ch = *p;
		if (b->state == SCAN_LT) {
			if (ch == '!' || ch == '?' || ch == '/') {
				b->state = SCAN_OUT;
				p++;
				continue;
			}
			if (ch == '<') {
				p++;
				continue;
			}
			b->state = SCAN_TAG;
			b->tag = b->line;
			b->eq = 0;
			b->quote = 0;
		}
		/* Inside a tag. */
		if (b->quote) {
			const char *q = p;
			while (q < end && *q != b->quote)
				b->line += *q++ == '\n';
			if (q == end)
				return 0;
			b->quote = 0;
			p = q + 1;
			continue;
		}
		while (p < end && !tag_stop[(unsigned char)*p])
			p++;
		if (p == end)
			return 0;
		ch = *p++;
		if (ch == '\n') {
			b->line++;
		} else if (ch == '"' || ch == '\'') {
			b->quote = ch;
		} else if (ch == '=') {
			if (++b->eq > XML_MAX_ATTRIBUTES)
				return b->tag;
		} else {
			b->state = SCAN_OUT;
		}
	}
	return 0;
}

static long
attribute_bomb(const char *buf, size_t n)
{
	XmlAttrScan b;
	xml_attr_scan_init(&b);
	return xml_attr_scan(&b, buf, n);
}

/* Parse len bytes into a libxml2 document, or NULL after reporting. */
static xmlDocPtr
parse_doc(const char *buf, size_t len, XmlRun *run)
{
	long bomb = attribute_bomb(buf, len);
	if (bomb) {
		diag_report(run->d, DIAG_INPUT, run->name, bomb, 0, "an element has more than %d attributes; "
		    "this is not an export nithet can read (nothing was read from it)", XML_MAX_ATTRIBUTES);
		return NULL;
	}
	if (len > INT_MAX) {
		diag_report(run->d, DIAG_INPUT, run->name, 0, 0,
		    "file too large for the XML reader (%zu bytes); split it", len);
		return NULL;
	}
	if (len == 0) {
		diag_report(run->d, DIAG_INPUT, run->name, 0, 0,
		    "the document is empty; export it again");
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
	if (ctxt == NULL) {
		diag_report(run->d, DIAG_INTERNAL, run->name, 0, 0,
		    "the XML reader could not start (out of memory?); try again");
		return NULL;
	}
	ctxt->_private = run;
	ctxt->sax->internalSubset = reject_doctype;
	ctxt->sax->externalSubset = reject_doctype;
	ctxt->sax->entityDecl = reject_entity;
	ctxt->sax->startElementNs = bounded_start;
	ctxt->sax->endElementNs = bounded_end;
	/* Errors go to the process-wide structured handler, set to this run's
	 * collector for the duration of the parse (the context's own serror
	 * would receive the context, not the run). */
	ctxt->sax->serror = NULL;
	/* No NOENT (entities are never substituted), no DTDLOAD, no DTDATTR, no
	 * DTDVALID, no XINCLUDE, no HUGE (libxml2's own size limits stay on). */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	ctxt->linenumbers = 1;

	xmlSetStructuredErrorFunc(run, collect_error);
	xmlParseDocument(ctxt);
	xmlSetStructuredErrorFunc(NULL, silent_structured);

	xmlDocPtr doc = ctxt->myDoc;
	int ok = ctxt->wellFormed && !run->rejected && run->nerrors == 0;
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	if (!ok) {
		if (!run->rejected && run->nerrors == 0)
			diag_report(run->d, DIAG_INPUT, run->name, 0, 0,
			    "not well-formed XML; %s", run->advice);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		diag_report(run->d, DIAG_INPUT, run->name, 0, 0,
		    "no root element; %s", run->advice);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Turning libxml2's tree into ours. Element and attribute names come from
 * the parser's dictionary and namespace URIs from shared declarations, so the
 * same pointer recurs on every row of a big file: each is copied into the
 * arena once, found again through a small pointer-keyed hash table. */
typedef struct Converter {
	Arena *a;
	HashTable names;           /* items: NameCopy, by the libxml2 pointer */
} Converter;

typedef struct NameCopy {
	const void *from;          /* libxml2's pointer */
	const char *copy;          /* in the arena */
} NameCopy;

static const char *
intern(Converter *cv, const xmlChar *s)
{
	if (s == NULL)
		return "";
	uint64_t h = hash_bytes(&s, sizeof s);
	HashProbe pr = hash_probe(&cv->names, h);
	const NameCopy *e;
	while ((e = hash_next(&cv->names, &pr)) != NULL)
		if (e->from == s)
			return e->copy;
	NameCopy *n = arena_alloc(cv->a, sizeof(*n));
	n->from = s;
	n->copy = arena_strdup(cv->a, (const char *)s);
	hash_put(&cv->names, h, n);
	return n->copy;
}

/* Copy an xmlChar string into the arena; the shared "" for NULL or empty. */
static const char *
keep(Arena *a, const xmlChar *s)
{
	return s && *s ? arena_strdup(a, (const char *)s) : "";
}

static int
is_text(xmlNodePtr c)
{
	return (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
	    c->content != NULL;
}

/* Fill out (already allocated) from the element src, then its children. The
 * depth is bounded by the parse, so the recursion is too. */
static void
convert(Converter *cv, xmlNodePtr src, XmlNode *out, XmlNode *parent)
{
	Arena *a = cv->a;
	out->name = intern(cv, src->name);
	out->ns = src->ns && src->ns->href ? intern(cv, src->ns->href) : NULL;
	out->parent = parent;
	out->line = xmlGetLineNo(src);

	size_t nattrs = 0;
	for (xmlAttrPtr at = src->properties; at != NULL; at = at->next)
		nattrs++;
	out->attrs = nattrs ? arena_array(a, nattrs, sizeof(*out->attrs)) : NULL;
	out->nattrs = nattrs;
	size_t i = 0;
	for (xmlAttrPtr at = src->properties; at != NULL; at = at->next, i++) {
		out->attrs[i].name = intern(cv, at->name);
		out->attrs[i].ns = at->ns && at->ns->href ? intern(cv, at->ns->href) : NULL;
		xmlNodePtr v = at->children;
		if (v == NULL || (v->next == NULL && v->type == XML_TEXT_NODE)) {
			out->attrs[i].value = keep(a, v ? v->content : NULL);
		} else {
			xmlChar *joined = xmlNodeListGetString(src->doc, v, 1);
			out->attrs[i].value = keep(a, joined);
			xmlFree(joined);
		}
	}

	/* Text: join the text and CDATA children in order (usually one). */
	size_t tlen = 0, ntext = 0, nchildren = 0;
	xmlNodePtr only = NULL;
	for (xmlNodePtr c = src->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			nchildren++;
		else if (is_text(c)) {
			tlen += strlen((const char *)c->content);
			ntext++;
			only = c;
		}
	}
	if (ntext <= 1) {
		out->text = keep(a, only ? only->content : NULL);
	} else {
		char *text = arena_alloc(a, tlen + 1);
		size_t at = 0;
		for (xmlNodePtr c = src->children; c != NULL; c = c->next)
			if (is_text(c)) {
				size_t n = strlen((const char *)c->content);
				memcpy(text + at, c->content, n);
				at += n;
			}
		text[at] = '\0';
		out->text = text;
	}

	out->children = nchildren ? arena_array(a, nchildren, sizeof(*out->children)) : NULL;
	out->nchildren = nchildren;
	i = 0;
	for (xmlNodePtr c = src->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			convert(cv, c, &out->children[i++], out);
}

/* Validate doc against schema; 0 when valid, -1 after reporting. */
static int
validate(xmlDocPtr doc, const XmlSchema *schema, XmlRun *run)
{
	xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema->schema);
	if (v == NULL) {
		diag_report(run->d, DIAG_INTERNAL, run->name, 0, 0,
		    "the XML schema validator could not start (out of memory?); "
		    "try again");
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(v, collect_error, run);
	xmlSetStructuredErrorFunc(run, collect_error);
	int rc = xmlSchemaValidateDoc(v, doc);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	xmlSchemaFreeValidCtxt(v);
	if (rc == 0 && run->nerrors == 0)
		return 0;
	if (run->nerrors == 0)
		diag_report(run->d, DIAG_INPUT, run->name, 0, 0,
		    "not valid against the schema (libxml2 code %d); %s", rc,
		    run->advice);
	return -1;
}

XmlNode *
xml_parse_memory(Arena *a, const char *buf, size_t len, const char *name,
    int max_depth, const XmlSchema *schema, Diag *d)
{
	xml_init();
	XmlRun run = {
		.d = d, .name = name, .max_depth = max_depth > 0 ? max_depth : 1,
		.advice = "the file must be well-formed XML: correct it at this place",
	};
	xmlDocPtr doc = parse_doc(buf, len, &run);
	if (doc == NULL)
		return NULL;
	char advice[512];
	if (schema != NULL) {
		snprintf(advice, sizeof(advice), "correct the file so that it "
		    "follows %s", schema->path);
		run.advice = advice;
		if (validate(doc, schema, &run) != 0) {
			xmlFreeDoc(doc);
			return NULL;
		}
	}
	XmlNode *root = arena_alloc(a, sizeof(*root));
	Converter cv = {.a = a};
	convert(&cv, xmlDocGetRootElement(doc), root, NULL);
	hash_free(&cv.names);
	xmlFreeDoc(doc);
	return root;
}

XmlNode *
xml_read_file(Arena *a, const char *path, long max_bytes, int max_depth,
    const XmlSchema *schema, Diag *d)
{
	char *buf;
	size_t len;
	if (file_read_regular(path, max_bytes, DIAG_INPUT, N_("the file"), 0, &buf, &len, d) != 0)
		return NULL;
	XmlNode *root = xml_parse_memory(a, buf, len, path, max_depth, schema, d);
	free(buf);
	return root;
}

/* ---- streaming ---- */

/* The subtrees of a stream live in a scratch allocator that is emptied after
 * each one: its blocks are kept and reused, so a file of any size costs the
 * memory of its largest row and no allocation per row. */
enum { SCRATCH_BLOCK = 64 * 1024 };

typedef struct ScratchBlock {
	struct ScratchBlock *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
} ScratchBlock;

typedef struct Scratch {
	ScratchBlock *first;       /* blocks of SCRATCH_BLOCK bytes, kept */
	ScratchBlock *cur;         /* the one being filled */
	ScratchBlock *big;         /* larger requests, freed at each reset */
} Scratch;

static void *
scratch_alloc(Scratch *s, size_t size)
{
	const size_t align = alignof(max_align_t);
	size_t rounded = size < SIZE_MAX - align ? (size + align - 1) & ~(align - 1) : SIZE_MAX;
	if (rounded == 0)
		rounded = align;
	if (rounded > SCRATCH_BLOCK / 4) {
		ScratchBlock *b = mem_alloc(sizeof(*b) + rounded);
		b->next = s->big;
		s->big = b;
		return b->data;
	}
	if (s->cur == NULL || s->cur->size - s->cur->used < rounded) {
		ScratchBlock *next = s->cur ? s->cur->next : s->first;
		if (next == NULL) {
			next = mem_alloc(sizeof(*next) + SCRATCH_BLOCK);
			next->size = SCRATCH_BLOCK;
			if (s->cur)
				s->cur->next = next;
			else
				s->first = next;
		}
		next->used = 0;
		s->cur = next;
	}
	void *p = s->cur->data + s->cur->used;
	s->cur->used += rounded;
	return p;
}

static void
scratch_reset(Scratch *s)
{
	while (s->big != NULL) {
		ScratchBlock *next = s->big->next;
		free(s->big);
		s->big = next;
	}
	s->cur = NULL;
}

static void
scratch_free(Scratch *s)
{
	scratch_reset(s);
	while (s->first != NULL) {
		ScratchBlock *next = s->first->next;
		free(s->first);
		s->first = next;
	}
}

static const char *
scratch_strndup(Scratch *s, const char *src, size_t n)
{
	if (n == 0)
		return "";
	char *p = scratch_alloc(s, n + 1);
	memcpy(p, src, n);
	p[n] = '\0';
	return p;
}

/* An element of a collected subtree whose end tag has not come yet: its
 * finished children wait on the pending stack from first_child on, its text
 * in the text buffer from text_start on. */
typedef struct Frame {
	XmlNode node;
	size_t first_child;
	size_t text_start;
} Frame;

typedef struct Stream {
	XmlRun run;                /* first: the SAX handlers reach it as an XmlRun */
	XmlStartFn start;
	XmlElementFn element;
	void *ctx;
	int skip_depth;            /* > 0: inside a skipped element of this depth */
	int collect_depth;         /* > 0: building the subtree of this depth */
	int saw_root;
	int stopped;               /* element's non-zero value */
	Frame *frames;
	size_t nframes, fcap;
	XmlNode *pending;
	size_t npending, pcap;
	char *text;
	size_t tlen, tcap;
	Scratch scratch;
} Stream;

/* libxml2 hands attribute values over with '&' written as "&#38;" when
 * entities are not substituted (its tree builder decodes them later); every
 * other reference is already resolved. Copies [v, end) with that undone. */
static const char *
attr_value(Scratch *s, const xmlChar *v, const xmlChar *end)
{
	size_t n = (size_t)(end - v);
	const char *amp = memchr(v, '&', n);
	if (amp == NULL)
		return scratch_strndup(s, (const char *)v, n);
	char *out = scratch_alloc(s, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		out[o++] = (char)v[i];
		if (v[i] == '&' && i + 4 < n && memcmp(v + i + 1, "#38;", 4) == 0)
			i += 4;
	}
	out[o] = '\0';
	return out;
}

static void
stream_node(Stream *s, XmlNode *n, xmlParserCtxtPtr ctxt, const xmlChar *localname,
    const xmlChar *uri, int nb_attributes, const xmlChar **attributes)
{
	n->name = (const char *)localname;
	n->ns = (const char *)uri;
	n->text = "";
	n->children = NULL;
	n->nchildren = 0;
	n->parent = NULL;
	n->line = current_line(ctxt);
	n->nattrs = nb_attributes > 0 ? (size_t)nb_attributes : 0;
	n->attrs = NULL;
	if (n->nattrs == 0)
		return;
	n->attrs = scratch_alloc(&s->scratch, n->nattrs * sizeof(*n->attrs));
	for (size_t i = 0; i < n->nattrs; i++) {
		const xmlChar **at = attributes + 5 * i;
		n->attrs[i].name = (const char *)at[0];
		n->attrs[i].ns = (const char *)at[2];
		n->attrs[i].value = attr_value(&s->scratch, at[3], at[4]);
	}
}

static void
push_frame(Stream *s, const XmlNode *n)
{
	if (s->nframes == s->fcap) {
		s->fcap = s->fcap ? s->fcap * 2 : 16;
		s->frames = mem_grow(s->frames, s->fcap, sizeof(*s->frames));
	}
	Frame *f = &s->frames[s->nframes++];
	f->node = *n;
	f->first_child = s->npending;
	f->text_start = s->tlen;
}

static void
stream_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	xmlParserCtxtPtr ctxt = ctx;
	Stream *s = ctxt->_private;
	int depth = ++s->run.depth;
	if (depth > s->run.max_depth) {
		s->run.rejected = 1;
		report_depth(&s->run, ctxt, localname);
		xmlStopParser(ctxt);
		return;
	}
	s->saw_root = 1;
	if (s->skip_depth > 0)
		return;
	XmlNode n;
	stream_node(s, &n, ctxt, localname, uri, nb_attributes, attributes);
	if (s->collect_depth > 0) {
		push_frame(s, &n);
		return;
	}
	XmlVisit v = s->start(s->ctx, &n, depth);
	if (v == XML_COLLECT) {
		s->collect_depth = depth;
		push_frame(s, &n);
		return;
	}
	if (v == XML_SKIP)
		s->skip_depth = depth;
	scratch_reset(&s->scratch);
}

/* The end tag of an element being collected: its children and text move
 * from the stacks into the scratch, then it waits for its parent's end tag,
 * or goes to the callback when it is the subtree's top. */
static void
stream_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	(void)localname;
	(void)prefix;
	(void)uri;
	xmlParserCtxtPtr ctxt = ctx;
	Stream *s = ctxt->_private;
	int depth = s->run.depth--;
	if (s->skip_depth > 0) {
		if (depth == s->skip_depth)
			s->skip_depth = 0;
		return;
	}
	if (s->collect_depth == 0 || s->nframes == 0)
		return;
	Frame *f = &s->frames[--s->nframes];
	XmlNode n = f->node;
	n.nchildren = s->npending - f->first_child;
	if (n.nchildren > 0) {
		n.children = scratch_alloc(&s->scratch, n.nchildren * sizeof(*n.children));
		memcpy(n.children, s->pending + f->first_child, n.nchildren * sizeof(*n.children));
		/* The grandchildren were finished pointing nowhere: their
		 * parents have only now found their place. */
		for (size_t i = 0; i < n.nchildren; i++)
			for (size_t j = 0; j < n.children[i].nchildren; j++)
				n.children[i].children[j].parent = &n.children[i];
	}
	s->npending = f->first_child;
	n.text = s->tlen > f->text_start ? scratch_strndup(&s->scratch, s->text + f->text_start,
	    s->tlen - f->text_start) : "";
	s->tlen = f->text_start;
	if (depth > s->collect_depth) {
		if (s->npending == s->pcap) {
			s->pcap = s->pcap ? s->pcap * 2 : 64;
			s->pending = mem_grow(s->pending, s->pcap, sizeof(*s->pending));
		}
		s->pending[s->npending++] = n;
		return;
	}
	XmlNode *top = scratch_alloc(&s->scratch, sizeof(*top));
	*top = n;
	for (size_t i = 0; i < top->nchildren; i++)
		top->children[i].parent = top;
	s->collect_depth = 0;
	int rc = s->element(s->ctx, top, depth);
	scratch_reset(&s->scratch);
	if (rc != 0) {
		s->stopped = rc;
		xmlStopParser(ctxt);
	}
}

/* Text and CDATA of the element being collected, joined in order. */
static void
stream_text(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	Stream *s = ctxt->_private;
	if (s->collect_depth == 0 || s->nframes == 0 || len <= 0)
		return;
	size_t n = (size_t)len;
	Frame *f = &s->frames[s->nframes - 1];
	if (s->tlen - f->text_start + n > XML_MAX_TEXT_LENGTH) {
		s->run.rejected = 1;
		diag_report(s->run.d, DIAG_INPUT, s->run.name, current_line(ctxt), 0,
		    "the text of <%s> is longer than %d bytes; check that the file is "
		    "the one expected, or split the value", f->node.name, XML_MAX_TEXT_LENGTH);
		xmlStopParser(ctxt);
		return;
	}
	if (s->tlen + n + 1 > s->tcap) {
		s->tcap = (s->tlen + n + 1) * 2;
		s->text = mem_grow(s->text, s->tcap, 1);
	}
	memcpy(s->text + s->tlen, ch, n);
	s->tlen += n;
}

/* No DTD means no entity but the five predefined ones, which the parser
 * resolves before asking. */
static xmlEntityPtr
no_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

/* Comments are dropped, but libxml2 reads them differently without this
 * callback and then words its complaints about broken ones differently. */
static void
skip_comment(void *ctx, const xmlChar *value)
{
	(void)ctx;
	(void)value;
}

/* The handlers of a stream: only the callbacks below, no tree, no DTD, no
 * entity, no external subset; errors go to the structured handler set
 * around the parse. */
static void
stream_sax(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = stream_start;
	sax->endElementNs = stream_end;
	sax->characters = stream_text;
	sax->ignorableWhitespace = stream_text;
	sax->cdataBlock = stream_text;
	sax->internalSubset = reject_doctype;
	sax->externalSubset = reject_doctype;
	sax->entityDecl = reject_entity;
	sax->getEntity = no_entity;
	sax->getParameterEntity = no_entity;
	sax->comment = skip_comment;
}

static void
stream_setup(Stream *s, xmlParserCtxtPtr ctxt)
{
	ctxt->_private = s;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	ctxt->linenumbers = 1;
}

/* After the parse: the outcome, the context and the stream freed. */
static int
stream_finish(Stream *s, xmlParserCtxtPtr ctxt)
{
	Diag *d = s->run.d;
	const char *name = s->run.name;
	int rc = 0;
	if (s->stopped) {
		rc = s->stopped;
	} else if (!ctxt->wellFormed || s->run.rejected || s->run.nerrors > 0) {
		if (!s->run.rejected && s->run.nerrors == 0)
			diag_report(d, DIAG_INPUT, name, 0, 0, "not well-formed XML; %s", s->run.advice);
		rc = -1;
	} else if (!s->saw_root) {
		diag_report(d, DIAG_INPUT, name, 0, 0, "no root element; %s", s->run.advice);
		rc = -1;
	}
	/* No tree is built, but after an early fatal error (which silences our
	 * callbacks, so the DOCTYPE is not refused by them) libxml2 keeps the
	 * internal subset's entity declarations in a document of its own "for
	 * expat compatibility". Such a document is rejected above, and nothing
	 * was expanded from it (getEntity answers NULL); it is only freed. */
	if (ctxt->myDoc != NULL) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	free(s->frames);
	free(s->pending);
	free(s->text);
	scratch_free(&s->scratch);
	return rc;
}

int
xml_namespace_ok(const char *uri)
{
	xml_init();
	xmlURIPtr u = xmlParseURI(uri);
	if (u == NULL)
		return 0;
	xmlFreeURI(u);
	return 1;
}

/* The message for what xml_attr_scan found; returns -1. */
static int
xml_attr_scan_report(Diag *d, const char *name, long line)
{
	diag_report(d, DIAG_INPUT, name, line, 0, "an element has more than %d attributes; this is not an "
	    "export nithet can read (nothing was read from it)", XML_MAX_ATTRIBUTES);
	return -1;
}

/* A stream's state before its first byte: the rules and callbacks of both
 * ways in (from memory, pulled through a read function). */
static Stream
stream_new(const char *name, int max_depth, int flags, XmlStartFn start, XmlElementFn element, void *ctx,
    Diag *d)
{
	return (Stream){
		.run = { .d = d, .name = name, .max_depth = max_depth > 0 ? max_depth : 1,
			.advice = "the file must be well-formed XML: correct it at this place",
			.quiet_warnings = (flags & XML_STREAM_REPEAT) != 0 },
		.start = start, .element = element, .ctx = ctx,
	};
}

int
xml_stream_memory(const char *buf, size_t len, const char *name, int max_depth,
    int flags, XmlStartFn start, XmlElementFn element, void *ctx, Diag *d)
{
	xml_init();
	Stream s = stream_new(name, max_depth, flags, start, element, ctx, d);
	if (len == 0) {
		diag_report(d, DIAG_INPUT, name, 0, 0, "the document is empty; export it again");
		return -1;
	}
	if (len > INT_MAX) {
		diag_report(d, DIAG_INPUT, name, 0, 0,
		    "file too large for the XML reader (%zu bytes); split it", len);
		return -1;
	}
	xmlSAXHandler sax;
	stream_sax(&sax);
	long bomb = attribute_bomb(buf, len);
	if (bomb)
		return xml_attr_scan_report(d, name, bomb);
	/* The same whole-buffer parser as the tree's: pulling the document
	 * through a read callback would save libxml2's copy of it, but then
	 * libxml2 words some complaints (broken comments, undecodable bytes)
	 * after what it has buffered, and the messages would differ. */
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
	if (ctxt == NULL) {
		diag_report(d, DIAG_INTERNAL, name, 0, 0,
		    "the XML reader could not start (out of memory?); try again");
		return -1;
	}
	memcpy(ctxt->sax, &sax, sizeof(sax));
	stream_setup(&s, ctxt);
	xmlSetStructuredErrorFunc(&s.run, collect_error);
	xmlParseDocument(ctxt);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	return stream_finish(&s, ctxt);
}

int
xml_stream_read(XmlReadFn read, void *src, const char *name, int max_depth,
    int flags, XmlStartFn start, XmlElementFn element, void *ctx, Diag *d)
{
	xml_init();
	Stream s = stream_new(name, max_depth, flags, start, element, ctx, d);
	enum { CHUNK = 64 * 1024 };
	char *buf = malloc(CHUNK);
	if (buf == NULL) {
		diag_report(d, DIAG_INTERNAL, name, 0, 0, "out of memory; try again");
		return -1;
	}
	XmlAttrScan bomb;
	xml_attr_scan_init(&bomb);
	long got = read(src, buf, CHUNK);
	if (got <= 0) {
		if (got == 0)
			diag_report(d, DIAG_INPUT, name, 0, 0, "the document is empty; export it again");
		free(buf);
		return -1;
	}
	long at = xml_attr_scan(&bomb, buf, (size_t)got);
	if (at) {
		free(buf);
		return xml_attr_scan_report(d, name, at);
	}
	xmlSAXHandler sax;
	stream_sax(&sax);
	/* The first bytes go in with the context: they tell the encoding. */
	xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, buf, (int)(got < 4 ? got : 4), name);
	if (ctxt == NULL) {
		free(buf);
		diag_report(d, DIAG_INTERNAL, name, 0, 0,
		    "the XML reader could not start (out of memory?); try again");
		return -1;
	}
	stream_setup(&s, ctxt);
	xmlSetStructuredErrorFunc(&s.run, collect_error);
	size_t off = got < 4 ? (size_t)got : 4;
	int failed = 0;
	for (;;) {
		if (got > 0 && (size_t)got > off &&
		    xmlParseChunk(ctxt, buf + off, (int)((size_t)got - off), 0) != XML_ERR_OK)
			break;
		if (s.stopped || s.run.rejected || ctxt->disableSAX)
			break;
		off = 0;
		got = read(src, buf, CHUNK);
		if (got < 0) {
			failed = 1;  /* reported by read */
			break;
		}
		if (got == 0) {
			xmlParseChunk(ctxt, NULL, 0, 1);
			break;
		}
		if ((at = xml_attr_scan(&bomb, buf, (size_t)got)) != 0) {
			xmlStopParser(ctxt);
			s.run.rejected = 1;
			xml_attr_scan_report(d, name, at);
			break;
		}
	}
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	free(buf);
	int rc = stream_finish(&s, ctxt);
	return failed && rc == 0 ? -1 : (failed ? -1 : rc);
}

XmlSchema *
xml_schema_load(const char *path, long max_bytes, Diag *d)
{
	xml_init();
	char *buf;
	size_t len;
	if (file_read_regular(path, max_bytes, DIAG_INPUT, N_("the file"), 0, &buf, &len, d) != 0)
		return NULL;
	XmlRun run = {
		.d = d, .name = path, .max_depth = XML_SCHEMA_MAX_DEPTH,
		.advice = "the schema file is damaged: restore it from the nithet "
		    "distribution",
	};
	xmlDocPtr doc = parse_doc(buf, len, &run);
	free(buf);
	if (doc == NULL)
		return NULL;

	xmlSchemaParserCtxtPtr pc = xmlSchemaNewDocParserCtxt(doc);
	if (pc == NULL) {
		xmlFreeDoc(doc);
		diag_report(d, DIAG_INTERNAL, path, 0, 0,
		    "the XML schema reader could not start (out of memory?); try again");
		return NULL;
	}
	xmlSchemaSetParserStructuredErrors(pc, collect_error, &run);
	xmlSetStructuredErrorFunc(&run, collect_error);
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	xmlSchemaFreeParserCtxt(pc);
	if (schema == NULL || run.nerrors > 0) {
		if (run.nerrors == 0)
			diag_report(d, DIAG_INPUT, path, 0, 0,
			    "not a usable XML schema; %s", run.advice);
		if (schema != NULL)
			xmlSchemaFree(schema);
		xmlFreeDoc(doc);
		return NULL;
	}
	XmlSchema *s = mem_alloc(sizeof(*s));
	s->doc = doc;
	s->schema = schema;
	s->path = mem_strdup(path);
	return s;
}

void
xml_schema_free(XmlSchema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFree(s->schema);
	xmlFreeDoc(s->doc);
	free(s->path);
	free(s);
}

const char *
xml_attr(const XmlNode *n, const char *name)
{
	for (size_t i = 0; i < n->nattrs; i++)
		if (strcmp(n->attrs[i].name, name) == 0)
			return n->attrs[i].value;
	return NULL;
}

const char *
xml_attr_ns(const XmlNode *n, const char *ns, const char *name)
{
	for (size_t i = 0; i < n->nattrs; i++) {
		const XmlAttr *at = &n->attrs[i];
		if (strcmp(at->name, name) != 0)
			continue;
		if (ns == NULL ? at->ns == NULL : at->ns != NULL && strcmp(at->ns, ns) == 0)
			return at->value;
	}
	return NULL;
}

const XmlNode *
xml_child(const XmlNode *n, const char *name)
{
	return xml_next(n, name, NULL);
}

const XmlNode *
xml_next(const XmlNode *n, const char *name, const XmlNode *after)
{
	size_t i = after ? (size_t)(after - n->children) + 1 : 0;
	for (; i < n->nchildren; i++)
		if (strcmp(n->children[i].name, name) == 0)
			return &n->children[i];
	return NULL;
}

size_t
xml_count(const XmlNode *n, const char *name)
{
	size_t k = 0;
	for (size_t i = 0; i < n->nchildren; i++)
		if (strcmp(n->children[i].name, name) == 0)
			k++;
	return k;
}
