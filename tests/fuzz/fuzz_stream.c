/* fuzz_stream.c - libFuzzer target, differential: the streaming XML reader
 * must agree with the tree parser on every input. Collecting the root gives
 * back the whole tree, so the two must produce the same nodes, the same
 * outcome and the same messages; a second pass that skips and enters
 * elements by a rule drawn from the names must walk consistent subtrees. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same_node(const XmlNode *a, const XmlNode *b, const XmlNode *pa, const XmlNode *pb)
{
	if (strcmp(a->name, b->name) != 0 || strcmp(a->text, b->text) != 0 || a->line != b->line ||
	    (a->ns == NULL) != (b->ns == NULL) || (a->ns && strcmp(a->ns, b->ns) != 0) ||
	    a->nattrs != b->nattrs || a->nchildren != b->nchildren || a->parent != pa || b->parent != pb)
		return 0;
	for (size_t i = 0; i < a->nattrs; i++) {
		const XmlAttr *x = &a->attrs[i], *y = &b->attrs[i];
		if (strcmp(x->name, y->name) != 0 || strcmp(x->value, y->value) != 0 ||
		    (x->ns == NULL) != (y->ns == NULL) || (x->ns && strcmp(x->ns, y->ns) != 0))
			return 0;
	}
	for (size_t i = 0; i < a->nchildren; i++)
		if (!same_node(&a->children[i], &b->children[i], a, b))
			return 0;
	return 1;
}

/* Touch every string of a subtree and check the parent links. */
static size_t
walk(const XmlNode *n)
{
	size_t k = strlen(n->text) + strlen(n->name);
	for (size_t i = 0; i < n->nattrs; i++)
		k += strlen(n->attrs[i].value);
	for (size_t i = 0; i < n->nchildren; i++) {
		if (n->children[i].parent != n)
			abort();
		k += walk(&n->children[i]);
	}
	return k;
}

typedef struct Pass {
	const XmlNode *tree;       /* pass 1: what the tree parser built */
	int by_rule;               /* pass 2: skip/enter/collect from the names */
	int collected, agreed;
} Pass;

static XmlVisit
on_start(void *ctx, const XmlNode *e, int depth)
{
	const Pass *p = ctx;
	if (!p->by_rule)
		return XML_COLLECT;
	if (depth == 1)
		return XML_ENTER;
	return (e->name[0] & 1) ? XML_SKIP : (e->name[0] & 2) ? XML_ENTER : XML_COLLECT;
}

static int
on_element(void *ctx, const XmlNode *e, int depth)
{
	Pass *p = ctx;
	(void)depth;
	p->collected++;
	if (!p->by_rule)
		p->agreed = p->tree && same_node(p->tree, e, NULL, NULL);
	else
		walk(e);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Arena *a = arena_new();
	Diag *dt = diag_new(NULL), *ds = diag_new(NULL), *dr = diag_new(NULL);
	const char *buf = (const char *)data;
	XmlNode *tree = xml_parse_memory(a, buf, size, "f", 8, NULL, dt);

	Pass whole = { tree, 0, 0, 0 };
	int rc = xml_stream_memory(buf, size, "f", 8, 0, on_start, on_element, &whole, ds);
	if ((tree != NULL) != (rc == 0))
		abort();
	if (tree && (whole.collected != 1 || !whole.agreed))
		abort();
	if (diag_nrecords(dt) != diag_nrecords(ds))
		abort();
	for (size_t i = 0; i < diag_nrecords(dt); i++) {
		const DiagRecord *x = diag_record(dt, i), *y = diag_record(ds, i);
		if (x->line != y->line || x->col != y->col || x->severity != y->severity ||
		    strcmp(x->text, y->text) != 0)
			abort();
	}

	Pass rule = { NULL, 1, 0, 0 };
	if (rc == 0 && xml_stream_memory(buf, size, "f", 8, XML_STREAM_REPEAT, on_start, on_element, &rule, dr) != 0)
		abort();
	diag_free(dt);
	diag_free(ds);
	diag_free(dr);
	arena_free(a);
	return 0;
}
