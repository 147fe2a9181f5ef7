/* fuzz_xmlscan.c - libFuzzer target, differential: whatever the workbook
 * tokenizer (load/xmlscan.c) accepts, libxml2 (through xml.c's tree) must
 * accept too, with the same elements, attributes and text. The tokenizer
 * may refuse more (it reads a subset of XML); it may never accept more nor
 * read differently. The bytes are pulled in small chunks whose size the
 * first byte chooses, so every token is also cut at every place. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/xml.h"
#include "load/xmlscan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Source {
	const char *p;
	size_t n, at, chunk;
} Source;

static long
pull(void *src, char *buf, size_t n)
{
	Source *s = src;
	size_t k = s->n - s->at;
	if (k > n)
		k = n;
	if (k > s->chunk)
		k = s->chunk;
	memcpy(buf, s->p + s->at, k);
	s->at += k;
	return (long)k;
}

enum { MAX_DEPTH = 8 };

typedef struct Open {
	const XmlNode *node;
	size_t child;
	char *text;
	size_t len;
} Open;

typedef struct Walk {
	const XmlNode *root;       /* libxml2's tree, NULL when it refused */
	Open open[MAX_DEPTH + 1];
	int depth;
	int differ;
	int roots;
} Walk;

static int
on_start(void *ctx, const char *name, const XmlScanAttr *attrs, size_t nattrs, int depth)
{
	Walk *w = ctx;
	if (depth != w->depth + 1 || depth > MAX_DEPTH)
		abort();
	const XmlNode *n = NULL;
	if (w->root == NULL) {
		w->differ = 1;
	} else if (depth == 1) {
		n = w->root;
		w->roots++;
	} else if (w->open[depth - 1].node != NULL) {
		Open *parent = &w->open[depth - 1];
		if (parent->child < parent->node->nchildren)
			n = &parent->node->children[parent->child++];
		else
			w->differ = 1;
	}
	if (n != NULL) {
		if (strcmp(n->name, name) != 0 || n->nattrs != nattrs)
			w->differ = 1;
		for (size_t i = 0; i < nattrs && !w->differ; i++)
			if (strcmp(n->attrs[i].name, attrs[i].name) != 0 || strcmp(n->attrs[i].value, attrs[i].value) != 0)
				w->differ = 1;
	}
	w->depth = depth;
	w->open[depth] = (Open){ n, 0, NULL, 0 };
	return 0;
}

static int
on_text(void *ctx, const char *s, size_t n, int depth)
{
	Walk *w = ctx;
	if (depth != w->depth || s[n] != '\0' || memchr(s, '\0', n) != NULL)
		abort();
	Open *o = &w->open[depth];
	o->text = realloc(o->text, o->len + n + 1);
	if (o->text == NULL)
		abort();
	memcpy(o->text + o->len, s, n);
	o->len += n;
	o->text[o->len] = '\0';
	return 0;
}

static int
on_end(void *ctx, const char *name, int depth)
{
	Walk *w = ctx;
	if (depth != w->depth || depth < 1)
		abort();
	Open *o = &w->open[depth];
	if (o->node != NULL && (strcmp(o->node->name, name) != 0 || o->child != o->node->nchildren ||
	    strcmp(o->node->text, o->text ? o->text : "") != 0))
		w->differ = 1;
	free(o->text);
	o->text = NULL;
	w->depth--;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	Source src = { (const char *)data + 1, size - 1, 0, 1 + data[0] % 64 };
	if (data[0] >= 192)
		src.chunk = (size_t)1 << 20;
	Arena *a = arena_new();
	Diag *dt = diag_new(NULL), *ds = diag_new(NULL);
	Walk w = { .root = xml_parse_memory(a, src.p, src.n, "f", MAX_DEPTH, NULL, dt) };
	static const XmlScanHandler h = { on_start, on_end, on_text };
	int rc = xml_scan_read(pull, &src, "f", MAX_DEPTH, &h, &w, ds);
	for (int i = 0; i <= MAX_DEPTH; i++)
		free(w.open[i].text);
	if (rc == 0 && (w.root == NULL || w.differ || w.roots != 1 || w.depth != 0))
		abort();     /* accepted what libxml2 refused, or read it differently */
	if (rc != 0 && diag_nrecords(ds) == 0)
		abort();     /* refused without a word */
	diag_free(dt);
	diag_free(ds);
	arena_free(a);
	return 0;
}
