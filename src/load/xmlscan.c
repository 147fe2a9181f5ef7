/* xmlscan.c - a strict XML tokenizer for the big parts of a workbook (see
 * xmlscan.h for why it exists beside libxml2 and what it accepts).
 *
 * The document is pulled in chunks into one buffer. Each token - a start
 * or end tag, a text, a comment, CDATA, a processing instruction - is
 * parsed only once it is whole in the buffer: a token cut by the end of
 * the buffer is parsed again after more is read (the buffer doubles when
 * one token fills it, so a long token costs twice its length at most).
 * Nothing is copied on the way: names and values are NUL-terminated in
 * the buffer and decoded in place (a reference is never shorter than what
 * it stands for). */
#define _GNU_SOURCE   /* memmem, qsort_r */
#include "load/xmlscan.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/mem.h"

enum { SCAN_CHUNK = 64 * 1024 };

/* What parsing a token came to. */
enum { TOK_DONE = 0, TOK_MORE = 1, TOK_FAIL = -1, TOK_STOP = 2 };

/* A namespace prefix in scope: declared on the element at depth. */
typedef struct Prefix {
	size_t name, uri;          /* offsets in the prefix pool */
	int depth;
} Prefix;

/* An attribute of the tag being parsed, by offsets in the buffer. */
typedef struct Span {
	size_t name, name_end, value, value_end;
	size_t colon;              /* offset of the prefix's colon, or 0 */
	int dirty;                 /* the value needs decoding */
	const char *uri;           /* resolved namespace of a prefixed name */
	int decl;                  /* xmlns or xmlns:p */
} Span;

typedef struct Scan {
	XmlReadFn read;
	void *src;
	const char *name;
	Diag *d;
	const XmlScanHandler *h;
	void *ctx;
	int max_depth;
	char *buf;
	size_t cap, len, pos;
	int eof;
	long line;
	size_t doc_start;          /* after a byte-order mark */
	int any_token;             /* a token has been read (the declaration's place is past) */
	int depth, root_done, stopped;
	/* open elements' qualified names, NUL-terminated, end to end */
	char *open;
	size_t open_len, open_cap;
	size_t *open_at;
	size_t open_n, open_at_cap;
	/* prefixes in scope, their names and URIs in a pool */
	Prefix *prefixes;
	size_t nprefixes, prefix_cap;
	char *pool;
	size_t pool_len, pool_cap;
	Span *spans;
	size_t span_cap;
	XmlScanAttr *attrs;
	size_t attr_cap;
} Scan;

/* ---- characters ---- */

/* Bytes a text run stops at: markup, references, line ends, the start of
 * "]]>", control characters and everything past ASCII. */
static unsigned char text_stop[256];
/* Bytes an attribute value stops at: the same, both quotes, and the
 * whitespace XML turns into spaces. */
static unsigned char value_stop[256];
/* ASCII name characters: 1 may start a name, 2 may only follow. */
static unsigned char name_class[256];
static int tables_ready;

static void
init_tables(void)
{
	if (tables_ready)
		return;
	for (int c = 0; c < 256; c++) {
		int stop = c < 0x20 || c >= 0x80 || c == '<' || c == '&' || c == ']';
		text_stop[c] = (unsigned char)(stop && c != '\t');
		value_stop[c] = (unsigned char)(c < 0x20 || c >= 0x80 || c == '<' || c == '&' || c == '"' || c == '\'');
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':')
			name_class[c] = 1;
		else if ((c >= '0' && c <= '9') || c == '.' || c == '-')
			name_class[c] = 2;
	}
	tables_ready = 1;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The XML character of 2 to 4 UTF-8 bytes at p (n available): its length,
 * 0 when the bytes are no character XML allows, -1 when cut off. */
static int
utf8_char(const unsigned char *p, size_t n, unsigned *cp_out)
{
	unsigned c = p[0], cp;
	int k;
	if (c >= 0xC2 && c <= 0xDF) {
		k = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		k = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		k = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (int i = 1; i < k; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3Fu);
	}
	if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	if (cp_out)
		*cp_out = cp;
	return k;
}

static int
xml_char(unsigned cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
	    (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

static size_t
utf8_put(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* ---- messages ---- */

static int
fail(Scan *s, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
fail(Scan *s, long line, const char *fmt, ...)
{
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, _(fmt), ap);
	va_end(ap);
	diag_report(s->d, DIAG_INPUT, s->name, line, 0, "not well-formed XML: %s; the workbook is damaged or "
	    "was not written by a spreadsheet program: open it in Excel or LibreOffice Calc and save it again",
	    what);
	return TOK_FAIL;
}

/* A character the message can show: printable ASCII as itself, else its
 * code point. */
static const char *
show_byte(const unsigned char *p, size_t n, char *out, size_t size)
{
	unsigned cp = p[0];
	if (cp >= 0x80 && utf8_char(p, n, &cp) <= 0)
		snprintf(out, size, _("the byte 0x%02X, which is not UTF-8"), p[0]);
	else if (cp > 0x20 && cp < 0x7F)
		snprintf(out, size, "'%c'", (char)cp);
	else
		snprintf(out, size, _("the character U+%04X"), cp);
	return out;
}

/* ---- references ---- */

/* The reference at p ('&' ... ';', n bytes available): its length and
 * code point; 0 when it is no reference XML allows without a DTD, -1 when
 * cut off. */
static long
reference(const unsigned char *p, size_t n, unsigned *cp)
{
	static const struct { const char *name; unsigned cp; } named[] = {
		{ "lt;", '<' }, { "gt;", '>' }, { "amp;", '&' }, { "quot;", '"' }, { "apos;", '\'' },
	};
	if (n >= 2 && p[1] == '#') {
		size_t i = 2;
		int hex = i < n && p[i] == 'x';
		if (hex)
			i++;
		size_t first = i;
		unsigned long v = 0;
		for (; i < n; i++) {
			unsigned d;
			unsigned char c = p[i];
			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				d = (c | 0x20) - 'a' + 10;
			else
				break;
			v = v * (hex ? 16 : 10) + d;
			if (v > 0x10FFFF)
				return 0;
		}
		if (i == n)
			return -1;
		if (i == first || p[i] != ';' || !xml_char((unsigned)v))
			return 0;
		*cp = (unsigned)v;
		return (long)i + 1;
	}
	for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
		size_t len = strlen(named[k].name);
		size_t have = n - 1 < len ? n - 1 : len;
		if (memcmp(p + 1, named[k].name, have) == 0) {
			if (have < len)
				return -1;
			*cp = named[k].cp;
			return (long)len + 1;
		}
	}
	return n < 2 ? -1 : 0;
}

static int
bad_reference(Scan *s, long line, const unsigned char *p, const unsigned char *end)
{
	size_t n = 0;
	while (p + n < end && n < 24 && p[n] != ';' && p[n] != '<' && !is_space(p[n]))
		n++;
	return fail(s, line, "the reference '%.*s%s' is none XML knows without a DTD (write the character "
	    "itself, or &lt; &gt; &amp; &quot; &apos; &#NNN;)", (int)n, (const char *)p,
	    p + n < end && p[n] == ';' ? ";" : "");
}

/* What decode undoes. */
enum { DECODE_TEXT, DECODE_VALUE, DECODE_LINES };

/* Decode [p, p+n) in place: line ends (\r\n and \r become \n), and but
 * in CDATA (DECODE_LINES) references; in an attribute value
 * (DECODE_VALUE) every whitespace becomes a space. The new length. */
static size_t
decode(char *p, size_t n, int mode)
{
	int value = mode == DECODE_VALUE;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '&' && mode != DECODE_LINES) {
			unsigned cp = 0;
			long k = reference((const unsigned char *)p + i, n - i, &cp);
			if (k > 0) {
				o += utf8_put(p + o, cp);
				i += (size_t)k - 1;
				continue;
			}
		} else if (c == '\r') {
			if (i + 1 < n && p[i + 1] == '\n')
				i++;
			p[o++] = value ? ' ' : '\n';
			continue;
		} else if (value && (c == '\n' || c == '\t')) {
			p[o++] = ' ';
			continue;
		}
		p[o++] = (char)c;
	}
	return o;
}

/* ---- the buffer ---- */

/* Make room and read more after a token was cut off. 1 when there is more
 * to parse, 0 at the end of the document, -1 after reporting. */
static int
refill(Scan *s)
{
	if (s->eof)
		return 0;
	if (s->pos > 0) {
		memmove(s->buf, s->buf + s->pos, s->len - s->pos);
		s->len -= s->pos;
		s->doc_start = s->doc_start > s->pos ? s->doc_start - s->pos : 0;
		s->pos = 0;
	}
	if (s->len == s->cap) {
		if (s->cap >= (size_t)XML_SCAN_MAX_TOKEN + SCAN_CHUNK) {
			fail(s, s->line, "one tag or text is longer than %d bytes", XML_SCAN_MAX_TOKEN);
			return -1;
		}
		s->cap *= 2;
		s->buf = mem_grow(s->buf, s->cap + 1, 1);
	}
	long got = s->read(s->src, s->buf + s->len, s->cap - s->len);
	if (got < 0)
		return -1;
	if (got == 0) {
		s->eof = 1;
		return 0;
	}
	s->len += (size_t)got;
	return 1;
}

/* ---- names ---- */

/* An ASCII name at p: its length (0 when none), the offset of its one
 * colon in *colon (0 when none). A name may not go past end. */
static size_t
name_at(const unsigned char *p, const unsigned char *end, size_t *colon, int *bad)
{
	*colon = 0;
	*bad = 0;
	if (p >= end || name_class[*p] != 1)
		return 0;
	size_t n = 0, colons = 0;
	while (p + n < end && name_class[p[n]]) {
		if (p[n] == ':') {
			colons++;
			*colon = n;
		}
		n++;
	}
	if (p + n < end && p[n] >= 0x80)
		*bad = 1;         /* a name this reader does not take */
	if (colons > 1 || (colons == 1 && (*colon == 0 || *colon == n - 1 || name_class[p[*colon + 1]] != 1)))
		*bad = 2;         /* no qualified name: a local part begins as a name does */
	return n;
}

/* The namespace a prefix stands for, or NULL when it is not declared. */
static const char *
prefix_uri(Scan *s, const char *prefix, size_t n)
{
	if (n == 3 && memcmp(prefix, "xml", 3) == 0)
		return "http://www.w3.org/XML/1998/namespace";
	for (size_t i = s->nprefixes; i-- > 0;) {
		const char *name = s->pool + s->prefixes[i].name;
		if (strlen(name) == n && memcmp(name, prefix, n) == 0)
			return s->pool + s->prefixes[i].uri;
	}
	return NULL;
}

static size_t
pool_add(Scan *s, const char *str, size_t n)
{
	if (s->pool_len + n + 1 > s->pool_cap) {
		s->pool_cap = (s->pool_len + n + 1) * 2;
		s->pool = mem_grow(s->pool, s->pool_cap, 1);
	}
	size_t at = s->pool_len;
	memcpy(s->pool + at, str, n);
	s->pool[at + n] = '\0';
	s->pool_len += n + 1;
	return at;
}

/* The prefixes declared on the element at depth go out of scope. */
static void
pop_prefixes(Scan *s, int depth)
{
	while (s->nprefixes > 0 && s->prefixes[s->nprefixes - 1].depth >= depth) {
		s->pool_len = s->prefixes[s->nprefixes - 1].name;
		s->nprefixes--;
	}
}

/* ---- tokens ---- */

/* Text up to the next '<'. */
static int
scan_text(Scan *s)
{
	unsigned char *start = (unsigned char *)s->buf + s->pos, *p = start;
	const unsigned char *end = (unsigned char *)s->buf + s->len;
	long lines = 0;
	int dirty = 0;
	char shown[64];
	for (;;) {
		while (p < end && !text_stop[*p])
			p++;
		if (p == end) {
			if (!s->eof)
				return TOK_MORE;
			break;
		}
		unsigned char c = *p;
		if (c == '<')
			break;
		if (c == '\n') {
			lines++;
			p++;
		} else if (c == '\r') {
			dirty = 1;
			p++;
		} else if (c == '&') {
			unsigned cp;
			long k = reference(p, (size_t)(end - p), &cp);
			if (k < 0 && !s->eof)
				return TOK_MORE;
			if (k <= 0)
				return bad_reference(s, s->line + lines, p, end);
			dirty = 1;
			p += k;
		} else if (c == ']') {
			if (end - p < 3 && !s->eof)
				return TOK_MORE;
			if (end - p >= 3 && p[1] == ']' && p[2] == '>')
				return fail(s, s->line + lines, "']]>' in text (write ]]&gt;)");
			p++;
		} else if (c < 0x80) {
			return fail(s, s->line + lines, "%s in text, which XML does not allow",
			    show_byte(p, (size_t)(end - p), shown, sizeof shown));
		} else {
			int k = utf8_char(p, (size_t)(end - p), NULL);
			if (k < 0 && !s->eof)
				return TOK_MORE;
			if (k <= 0)
				return fail(s, s->line + lines, "%s in text", show_byte(p, (size_t)(end - p), shown,
				    sizeof shown));
			p += k;
		}
	}
	size_t n = (size_t)(p - start);
	if (s->depth == 0) {
		for (size_t i = 0; i < n; i++)
			if (!is_space(start[i]))
				return fail(s, s->line, "text outside the root element");
	} else {
		char *t = (char *)start;
		size_t m = dirty ? decode(t, n, DECODE_TEXT) : n;
		unsigned char keep = start[m];
		start[m] = '\0';   /* the next token's '<', put back below */
		int rc = s->h->text ? s->h->text(s->ctx, t, m, s->depth) : 0;
		start[m] = keep;
		if (rc != 0) {
			s->stopped = rc;
			return TOK_STOP;
		}
	}
	s->line += lines;
	s->pos += n;
	s->any_token = 1;
	return TOK_DONE;
}

/* Characters of a comment, PI or CDATA section [p, end): all XML allows;
 * counts their lines. */
static int
check_chars(Scan *s, const unsigned char *p, const unsigned char *end, long *lines, const char *where)
{
	char shown[64];
	for (; p < end; p++) {
		if (*p == '\n') {
			++*lines;
		} else if (*p < 0x20 && *p != '\t' && *p != '\r') {
			return fail(s, s->line + *lines, "%s in %s", show_byte(p, (size_t)(end - p), shown,
			    sizeof shown), _(where));
		} else if (*p >= 0x80) {
			int k = utf8_char(p, (size_t)(end - p), NULL);
			if (k <= 0)
				return fail(s, s->line + *lines, "%s in %s", show_byte(p, (size_t)(end - p), shown,
				    sizeof shown), _(where));
			p += k - 1;
		}
	}
	return TOK_DONE;
}

static const unsigned char *
find(const unsigned char *p, const unsigned char *end, const char *what)
{
	size_t n = strlen(what);
	if ((size_t)(end - p) < n)
		return NULL;
	return memmem(p, (size_t)(end - p), what, n);
}

/* One pseudo-attribute of the XML declaration at *p: name = 'value'.
 * The value's bounds, or 0 when it is not there. */
static int
pseudo_attr(const unsigned char **p, const unsigned char *end, const char *name, const unsigned char **v,
    size_t *vn)
{
	const unsigned char *q = *p;
	if (q == end || !is_space(*q))
		return 0;
	while (q < end && is_space(*q))
		q++;
	size_t n = strlen(name);
	if ((size_t)(end - q) < n || memcmp(q, name, n) != 0)
		return 0;
	q += n;
	while (q < end && is_space(*q))
		q++;
	if (q == end || *q++ != '=')
		return 0;
	while (q < end && is_space(*q))
		q++;
	if (q == end || (*q != '"' && *q != '\''))
		return 0;
	const unsigned char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
	if (close == NULL)
		return 0;
	*v = q + 1;
	*vn = (size_t)(close - q - 1);
	*p = close + 1;
	return 1;
}

/* The XML declaration's insides [p, end): version 1.0, UTF-8 if an
 * encoding is named, standalone yes or no, in that order. */
static int
declaration(Scan *s, const unsigned char *p, const unsigned char *end)
{
	const unsigned char *v;
	size_t n;
	if (!pseudo_attr(&p, end, "version", &v, &n) || n != 3 || memcmp(v, "1.0", 3) != 0)
		return fail(s, s->line, "the XML declaration does not begin with version=\"1.0\"");
	if (pseudo_attr(&p, end, "encoding", &v, &n) && !((n == 5 && strncasecmp((const char *)v, "UTF-8", 5) == 0) ||
	    (n == 4 && strncasecmp((const char *)v, "UTF8", 4) == 0))) {
		diag_report(s->d, DIAG_INPUT, s->name, s->line, 0, "the part is written in the encoding '%.*s'; "
		    "nithet reads workbooks written in UTF-8, as Excel and LibreOffice write them: open it in one "
		    "of them and save it again", (int)(n < 40 ? n : 40), (const char *)v);
		return TOK_FAIL;
	}
	if (pseudo_attr(&p, end, "standalone", &v, &n) && !((n == 3 && memcmp(v, "yes", 3) == 0) ||
	    (n == 2 && memcmp(v, "no", 2) == 0)))
		return fail(s, s->line, "the XML declaration's standalone is neither yes nor no");
	while (p < end && is_space(*p))
		p++;
	if (p != end)
		return fail(s, s->line, "the XML declaration has more than version, encoding and standalone");
	return TOK_DONE;
}

/* <?target ...?> */
static int
scan_pi(Scan *s)
{
	const unsigned char *p = (unsigned char *)s->buf + s->pos, *end = (unsigned char *)s->buf + s->len;
	const unsigned char *close = find(p + 2, end, "?>");
	if (close == NULL)
		return s->eof ? fail(s, s->line, "a processing instruction '<?' is not closed by '?>'") : TOK_MORE;
	size_t colon;
	int bad;
	size_t n = name_at(p + 2, close, &colon, &bad);
	if (n == 0 || bad || colon)
		return fail(s, s->line, "'<?' is not followed by a name without a colon");
	const unsigned char *after = p + 2 + n;
	if (after < close && !is_space(*after))
		return fail(s, s->line, "a processing instruction's name must be followed by a space or '?>'");
	long lines = 0;
	if (check_chars(s, after, close, &lines, N_("a processing instruction")) != TOK_DONE)
		return TOK_FAIL;
	if (n == 3 && strncasecmp((const char *)p + 2, "xml", 3) == 0) {
		if (memcmp(p + 2, "xml", 3) != 0 || s->any_token || s->pos != s->doc_start)
			return fail(s, s->line, "an XML declaration ('<?xml ...?>') anywhere but at the very start");
		if (declaration(s, after, close) != TOK_DONE)
			return TOK_FAIL;
	} else if (n >= 3 && strncasecmp((const char *)p + 2, "xml", 3) == 0) {
		return fail(s, s->line, "a processing instruction whose name begins with 'xml'");
	}
	s->line += lines;
	s->pos = (size_t)(close + 2 - (unsigned char *)s->buf);
	s->any_token = 1;
	return TOK_DONE;
}

/* <!-- ... --> */
static int
scan_comment(Scan *s)
{
	const unsigned char *p = (unsigned char *)s->buf + s->pos, *end = (unsigned char *)s->buf + s->len;
	const unsigned char *dashes = find(p + 4, end, "--");
	if (dashes == NULL || dashes + 2 >= end)
		return s->eof ? fail(s, s->line, "a comment '<!--' is not closed by '-->'") : TOK_MORE;
	if (dashes[2] != '>')
		return fail(s, s->line, "'--' inside a comment");
	long lines = 0;
	if (check_chars(s, p + 4, dashes, &lines, N_("a comment")) != TOK_DONE)
		return TOK_FAIL;
	s->line += lines;
	s->pos = (size_t)(dashes + 3 - (unsigned char *)s->buf);
	s->any_token = 1;
	return TOK_DONE;
}

/* <![CDATA[ ... ]]>: text as it is, line ends made \n. */
static int
scan_cdata(Scan *s)
{
	unsigned char *p = (unsigned char *)s->buf + s->pos, *end = (unsigned char *)s->buf + s->len;
	if (s->depth == 0)
		return fail(s, s->line, "a CDATA section outside the root element");
	const unsigned char *close = find(p + 9, end, "]]>");
	if (close == NULL)
		return s->eof ? fail(s, s->line, "a CDATA section is not closed by ']]>'") : TOK_MORE;
	long lines = 0;
	if (check_chars(s, p + 9, close, &lines, N_("a CDATA section")) != TOK_DONE)
		return TOK_FAIL;
	char *t = (char *)p + 9;
	size_t n = (size_t)(close - (p + 9));
	if (memchr(t, '\r', n) != NULL)
		n = decode(t, n, DECODE_LINES);
	int rc = 0;
	if (n > 0 && s->h->text) {
		unsigned char keep = (unsigned char)t[n];
		t[n] = '\0';
		rc = s->h->text(s->ctx, t, n, s->depth);
		t[n] = (char)keep;
	}
	if (rc != 0) {
		s->stopped = rc;
		return TOK_STOP;
	}
	s->line += lines;
	s->pos = (size_t)(close + 3 - (unsigned char *)s->buf);
	s->any_token = 1;
	return TOK_DONE;
}

static void
push_open(Scan *s, const char *qname, size_t n)
{
	if (s->open_len + n + 1 > s->open_cap) {
		s->open_cap = (s->open_len + n + 1) * 2;
		s->open = mem_grow(s->open, s->open_cap, 1);
	}
	if (s->open_n == s->open_at_cap) {
		s->open_at_cap = s->open_at_cap ? s->open_at_cap * 2 : 32;
		s->open_at = mem_grow(s->open_at, s->open_at_cap, sizeof(*s->open_at));
	}
	s->open_at[s->open_n++] = s->open_len;
	memcpy(s->open + s->open_len, qname, n);
	s->open[s->open_len + n] = '\0';
	s->open_len += n + 1;
}

static const char *
local_name(const char *qname)
{
	const char *colon = strchr(qname, ':');
	return colon ? colon + 1 : qname;
}

/* The element at the top ends: its event, its prefixes out of scope. */
static int
close_element(Scan *s)
{
	const char *qname = s->open + s->open_at[s->open_n - 1];
	int rc = s->h->end ? s->h->end(s->ctx, local_name(qname), s->depth) : 0;
	pop_prefixes(s, s->depth);
	s->open_len = s->open_at[--s->open_n];
	if (--s->depth == 0)
		s->root_done = 1;
	if (rc != 0) {
		s->stopped = rc;
		return TOK_STOP;
	}
	return TOK_DONE;
}

/* </name> */
static int
scan_end_tag(Scan *s)
{
	const unsigned char *p = (unsigned char *)s->buf + s->pos, *end = (unsigned char *)s->buf + s->len;
	size_t colon;
	int bad;
	size_t n = name_at(p + 2, end, &colon, &bad);
	const unsigned char *q = p + 2 + n;
	long lines = 0;
	while (q < end && is_space(*q))
		lines += *q++ == '\n';
	if (q == end)
		return s->eof ? fail(s, s->line, "the document ends inside an end tag") : TOK_MORE;
	if (n == 0 || *q != '>')
		return fail(s, s->line, "an end tag '</' is not a name followed by '>'");
	if (s->depth == 0)
		return fail(s, s->line, "the end tag </%.*s> closes no element", (int)n, (const char *)p + 2);
	const char *open = s->open + s->open_at[s->open_n - 1];
	if (strlen(open) != n || memcmp(open, p + 2, n) != 0)
		return fail(s, s->line, "the end tag </%.*s> does not match <%s>", (int)n, (const char *)p + 2, open);
	s->line += lines;
	s->pos = (size_t)(q + 1 - (unsigned char *)s->buf);
	s->any_token = 1;
	return close_element(s);
}

/* Two spans name the same attribute: the same qualified name, or the same
 * local name in the same namespace. */
static int
same_attr(const Scan *s, const Span *x, const Span *y)
{
	const char *qx = s->buf + x->name, *qy = s->buf + y->name;
	if (strcmp(qx, qy) == 0)
		return 1;
	if (x->uri == NULL || y->uri == NULL || x->decl || y->decl)
		return 0;
	return strcmp(x->uri, y->uri) == 0 && strcmp(local_name(qx), local_name(qy)) == 0;
}

static int
span_order(const void *a, const void *b, void *sp)
{
	const Scan *s = sp;
	const Span *x = a, *y = b;
	/* By namespace and local name: equal neighbours are duplicates by
	 * either rule (an unprefixed name has the qualified name as key). */
	const char *kx = x->uri && !x->decl ? x->uri : "", *ky = y->uri && !y->decl ? y->uri : "";
	int c = strcmp(kx, ky);
	if (c)
		return c;
	const char *lx = s->buf + x->name, *ly = s->buf + y->name;
	if (x->uri && !x->decl)
		lx = local_name(lx);
	if (y->uri && !y->decl)
		ly = local_name(ly);
	return strcmp(lx, ly);
}

/* A duplicate attribute of the tag, or NULL. */
static const Span *
duplicate(Scan *s, size_t n)
{
	if (n <= 16) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (same_attr(s, &s->spans[i], &s->spans[j]))
					return &s->spans[i];
		return NULL;
	}
	Span *sorted = mem_grow(NULL, n, sizeof(*sorted));
	memcpy(sorted, s->spans, n * sizeof(*sorted));
	qsort_r(sorted, n, sizeof(*sorted), span_order, s);
	const Span *dup = NULL;
	size_t at = SIZE_MAX;
	for (size_t i = 1; i < n && at == SIZE_MAX; i++)
		if (span_order(&sorted[i - 1], &sorted[i], s) == 0)
			at = sorted[i].name;
	free(sorted);
	for (size_t i = 0; i < n && at != SIZE_MAX; i++)
		if (s->spans[i].name == at)
			dup = &s->spans[i];
	return dup;
}

/* <name attr="value" ...> or <name .../> */
static int
scan_start_tag(Scan *s)
{
	unsigned char *base = (unsigned char *)s->buf, *p = base + s->pos;
	const unsigned char *end = base + s->len;
	char shown[64];
	if (s->root_done)
		return fail(s, s->line, "an element after the end of the root element");
	size_t colon;
	int bad;
	size_t n = name_at(p + 1, end, &colon, &bad);
	if (p + 1 + n == end)
		return s->eof ? fail(s, s->line, "the document ends inside a tag") : TOK_MORE;
	if (bad == 1 || (n == 0 && p[1] >= 0x80))
		return fail(s, s->line, "an element name with letters other than A-Z (no spreadsheet part has one)");
	if (n == 0)
		return fail(s, s->line, "'<' is not followed by a name (write &lt; for the character)");
	if (bad == 2)
		return fail(s, s->line, "the element name '%.*s' has a colon out of place", (int)n,
		    (const char *)p + 1);
	size_t name_end = (size_t)(p + 1 + n - base);
	size_t elem_colon = colon ? (size_t)(p + 1 - base) + colon : 0;
	const unsigned char *q = p + 1 + n;
	long lines = 0;
	size_t nattrs = 0;
	int empty = 0;
	for (;;) {
		int space = 0;
		while (q < end && is_space(*q)) {
			lines += *q++ == '\n';
			space = 1;
		}
		if (q == end)
			goto more;
		if (*q == '>')
			break;
		if (*q == '/') {
			if (q + 1 == end)
				goto more;
			if (q[1] != '>')
				return fail(s, s->line + lines, "'/' in a tag not followed by '>'");
			empty = 1;
			q++;
			break;
		}
		if (!space)
			return fail(s, s->line + lines, "attributes must be separated by a space");
		size_t an = name_at(q, end, &colon, &bad);
		if (q + an == end)
			goto more;
		if (an == 0 || bad == 1)
			return fail(s, s->line + lines, "%s where an attribute's name should be",
			    show_byte(q, (size_t)(end - q), shown, sizeof shown));
		if (bad == 2)
			return fail(s, s->line + lines, "the attribute name '%.*s' has a colon out of place", (int)an,
			    (const char *)q);
		if (nattrs == XML_MAX_ATTRIBUTES)
			return fail(s, s->line + lines, "an element has more than %d attributes",
			    XML_MAX_ATTRIBUTES);
		if (nattrs == s->span_cap) {
			s->span_cap = s->span_cap ? s->span_cap * 2 : 16;
			s->spans = mem_grow(s->spans, s->span_cap, sizeof(*s->spans));
		}
		Span *sp = &s->spans[nattrs++];
		sp->name = (size_t)(q - base);
		sp->name_end = sp->name + an;
		sp->colon = colon ? sp->name + colon : 0;
		sp->uri = NULL;
		q += an;
		while (q < end && is_space(*q))
			lines += *q++ == '\n';
		if (q == end)
			goto more;
		if (*q != '=')
			return fail(s, s->line + lines, "the attribute '%.*s' has no '=' and value", (int)an,
			    (const char *)base + sp->name);
		q++;
		while (q < end && is_space(*q))
			lines += *q++ == '\n';
		if (q == end)
			goto more;
		if (*q != '"' && *q != '\'')
			return fail(s, s->line + lines, "the value of the attribute '%.*s' is not in quotes", (int)an,
			    (const char *)base + sp->name);
		unsigned char quote = *q++;
		sp->value = (size_t)(q - base);
		sp->dirty = 0;
		for (;;) {
			while (q < end && !value_stop[*q])
				q++;
			if (q == end)
				goto more;
			unsigned char c = *q;
			if (c == quote)
				break;
			if (c == '"' || c == '\'') {
				q++;
			} else if (c == '<') {
				return fail(s, s->line + lines, "'<' in the value of an attribute (write &lt;)");
			} else if (c == '&') {
				unsigned cp;
				long k = reference(q, (size_t)(end - q), &cp);
				if (k < 0)
					goto more;
				if (k == 0)
					return bad_reference(s, s->line + lines, q, end);
				sp->dirty = 1;
				q += k;
			} else if (c == '\n' || c == '\r' || c == '\t') {
				lines += c == '\n';
				sp->dirty = 1;
				q++;
			} else if (c < 0x80) {
				return fail(s, s->line + lines, "%s in the value of an attribute",
				    show_byte(q, (size_t)(end - q), shown, sizeof shown));
			} else {
				int k = utf8_char(q, (size_t)(end - q), NULL);
				if (k < 0)
					goto more;
				if (k == 0)
					return fail(s, s->line + lines, "%s in the value of an attribute",
					    show_byte(q, (size_t)(end - q), shown, sizeof shown));
				q += k;
			}
		}
		sp->value_end = (size_t)(q - base);
		q++;
	}
	/* The tag is whole: from here on it is consumed. */
	if (s->depth + 1 > s->max_depth) {
		diag_report(s->d, DIAG_INPUT, s->name, s->line, 0, "elements nested too deep (<%.*s> at depth %d, "
		    "the limit is %d); check that the file is the one expected, or raise max_xml_depth in the "
		    "[limits] of the config", (int)n, (const char *)p + 1, s->depth + 1, s->max_depth);
		return TOK_FAIL;
	}
	long tag_line = s->line;
	base[name_end] = '\0';
	int depth = s->depth + 1;
	/* Namespace declarations first: they hold for this element too. */
	for (size_t i = 0; i < nattrs; i++) {
		Span *sp = &s->spans[i];
		base[sp->name_end] = '\0';
		base[sp->value_end] = '\0';
		if (sp->dirty)
			base[sp->value + decode((char *)base + sp->value, sp->value_end - sp->value, DECODE_VALUE)] = '\0';
		const char *an = (const char *)base + sp->name;
		sp->decl = !strcmp(an, "xmlns") || !strncmp(an, "xmlns:", 6);
		if (!sp->decl)
			continue;
		const char *value = (const char *)base + sp->value;
		if (*value != '\0' && !xml_namespace_ok(value))
			return fail(s, tag_line, "the namespace name '%.80s' is not a valid URI", value);
		if (an[5] == ':') {
			if (!strcmp(an + 6, "xmlns") || (!strcmp(an + 6, "xml") &&
			    strcmp(value, "http://www.w3.org/XML/1998/namespace") != 0))
				return fail(s, tag_line, "the reserved prefix '%s' is declared", an + 6);
			if (*value == '\0')
				return fail(s, tag_line, "the prefix '%s' is declared with an empty name", an + 6);
			if (s->nprefixes == s->prefix_cap) {
				s->prefix_cap = s->prefix_cap ? s->prefix_cap * 2 : 16;
				s->prefixes = mem_grow(s->prefixes, s->prefix_cap, sizeof(*s->prefixes));
			}
			Prefix *pr = &s->prefixes[s->nprefixes++];
			pr->depth = depth;
			pr->name = pool_add(s, an + 6, strlen(an + 6));
			pr->uri = pool_add(s, value, strlen(value));
		}
	}
	const char *qname = (const char *)p + 1;
	if (elem_colon) {
		if (!strncmp(qname, "xmlns:", 6))
			return fail(s, tag_line, "the element <%s> uses the reserved prefix 'xmlns'", qname);
		if (prefix_uri(s, qname, elem_colon - (size_t)(p + 1 - base)) == NULL)
			return fail(s, tag_line, "the prefix of <%s> is not declared", qname);
	}
	for (size_t i = 0; i < nattrs; i++) {
		Span *sp = &s->spans[i];
		if (sp->colon && !sp->decl) {
			const char *an = (const char *)base + sp->name;
			sp->uri = prefix_uri(s, an, sp->colon - sp->name);
			if (sp->uri == NULL)
				return fail(s, tag_line, "the prefix of the attribute '%s' is not declared", an);
		}
	}
	const Span *dup = duplicate(s, nattrs);
	if (dup != NULL)
		return fail(s, tag_line, "the attribute '%s' is given twice in <%s>", s->buf + dup->name, qname);
	if (nattrs > s->attr_cap) {
		s->attr_cap = nattrs * 2;
		s->attrs = mem_grow(s->attrs, s->attr_cap, sizeof(*s->attrs));
	}
	size_t k = 0;
	for (size_t i = 0; i < nattrs; i++) {
		const Span *sp = &s->spans[i];
		if (sp->decl)
			continue;
		s->attrs[k].name = s->buf + (sp->colon ? sp->colon + 1 : sp->name);
		s->attrs[k].value = s->buf + sp->value;
		k++;
	}
	s->depth = depth;
	push_open(s, qname, strlen(qname));
	s->line += lines;
	s->pos = (size_t)(q + 1 - base);
	s->any_token = 1;
	const char *local = elem_colon ? (const char *)base + elem_colon + 1 : qname;
	int rc = s->h->start ? s->h->start(s->ctx, local, s->attrs, k, depth) : 0;
	if (rc != 0) {
		s->stopped = rc;
		return TOK_STOP;
	}
	return empty ? close_element(s) : TOK_DONE;
more:
	return s->eof ? fail(s, s->line + lines, "the document ends inside the tag <%.*s", (int)n,
	    (const char *)p + 1) : TOK_MORE;
}

static int
scan_markup(Scan *s)
{
	const unsigned char *p = (unsigned char *)s->buf + s->pos;
	size_t avail = s->len - s->pos;
	if (avail < 2)
		return s->eof ? fail(s, s->line, "the document ends after '<'") : TOK_MORE;
	if (p[1] == '/')
		return scan_end_tag(s);
	if (p[1] == '?')
		return scan_pi(s);
	if (p[1] != '!')
		return scan_start_tag(s);
	static const char *const opener[] = { "<!--", "<![CDATA[", "<!DOCTYPE" };
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(opener[i]);
		if (memcmp(p, opener[i], avail < n ? avail : n) != 0)
			continue;
		if (avail < n)
			return s->eof ? fail(s, s->line, "the document ends inside '%s'", opener[i]) : TOK_MORE;
		if (i == 0)
			return scan_comment(s);
		if (i == 1)
			return scan_cdata(s);
		const unsigned char *q = p + n, *end = p + avail;
		while (q < end && is_space(*q))
			q++;
		size_t colon;
		int bad;
		size_t nn = name_at(q, end, &colon, &bad);
		diag_report(s->d, DIAG_INPUT, s->name, s->line, 0, "the file has a DOCTYPE declaration "
		    "(<!DOCTYPE %.*s>), which nithet never reads, for safety (DTDs and entities can read other "
		    "files or expand without end); remove the DOCTYPE and write the characters themselves "
		    "instead of entities", (int)(nn < 64 ? nn : 64), (const char *)q);
		return TOK_FAIL;
	}
	return fail(s, s->line, "'<!' begins none of a comment, CDATA or DOCTYPE");
}

int
xml_scan_read(XmlReadFn read, void *src, const char *name, int max_depth, const XmlScanHandler *h, void *ctx,
    Diag *d)
{
	init_tables();
	Scan s = {
		.read = read, .src = src, .name = name, .d = d, .h = h, .ctx = ctx,
		.max_depth = max_depth > 0 ? max_depth : 1, .line = 1, .cap = SCAN_CHUNK,
	};
	s.buf = mem_alloc(s.cap + 1);
	int rc = refill(&s);
	if (rc == 0)
		diag_report(d, DIAG_INPUT, name, 0, 0, "the document is empty; open the workbook in Excel or "
		    "LibreOffice Calc and save it again");
	if (rc <= 0) {
		free(s.buf);
		return -1;
	}
	while (s.len < 3 && (rc = refill(&s)) > 0)
		;
	if (rc < 0) {
		free(s.buf);
		return -1;
	}
	if (s.len >= 3 && memcmp(s.buf, "\xEF\xBB\xBF", 3) == 0)
		s.pos = s.doc_start = 3;
	int result = 0;
	for (;;) {
		if (s.pos == s.len) {
			int r = refill(&s);
			if (r < 0) {
				result = -1;
				break;
			}
			if (r == 0)
				break;
			continue;
		}
		int t = s.buf[s.pos] == '<' ? scan_markup(&s) : scan_text(&s);
		if (t == TOK_DONE)
			continue;
		if (t == TOK_MORE) {
			int r = refill(&s);
			if (r < 0) {
				result = -1;
				break;
			}
			continue;   /* at the end, the token is parsed once more and fails */
		}
		result = t == TOK_STOP ? s.stopped : -1;
		break;
	}
	if (result == 0 && s.depth > 0)
		result = fail(&s, s.line, "the document ends before the end tag of <%s>", s.open + s.open_at[s.open_n - 1]);
	else if (result == 0 && !s.root_done)
		result = fail(&s, s.line, "no root element");
	free(s.buf);
	free(s.open);
	free(s.open_at);
	free(s.prefixes);
	free(s.pool);
	free(s.spans);
	free(s.attrs);
	return result;
}
