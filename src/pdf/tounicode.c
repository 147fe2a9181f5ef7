/* tounicode.c - the ToUnicode CMap of a font subset, and every glyph's
 * Unicode for PDF/A level u.
 *
 * The font's cmap reaches most glyphs (DlFont.gid_unicode). Level u wants
 * every glyph a page draws mapped, and not to a private use code point:
 * Laksaman's positional variants of the Thai marks (uni0E48.low) are in its
 * cmap only at U+F70A and on, the old Windows convention, and Noto Sans
 * Thai's ligatures of nikhahit and a tone mark (sara am under a tone mark,
 * น้ำ) have no code point at all. Such a glyph gets the code points its
 * name spells (uni0E48.low: U+0E48; uni0E240E45: U+0E24 U+0E45, by the
 * Adobe Glyph List's rules for uniXXXX and uXXXX names, a ligature's parts
 * joined by _), or else those of the glyphs GSUB makes it of: a single
 * substitution's input, or a ligature's two components. Each line's exact
 * text is its ActualText whatever the map says; the map is what a reader
 * that ignores ActualText, and a PDF/A-2u or -3u validator, read. */
#include "pdf/internal.h"

#include <hb-ot.h>
#include <stdlib.h>

#include "core/mem.h"

enum { TU_MAX = 8 };   /* code points for one glyph, at most */

static int
unicode_ok(uint32_t cp)
{
	return cp != 0 && cp != 0xFEFF && cp != 0xFFFE && cp != 0xFFFD && !(cp >= 0xD800 && cp <= 0xDFFF) &&
	    !(cp >= 0xE000 && cp <= 0xF8FF) && cp < 0xF0000;
}

/* n hex digits at s as a code point a glyph may map to: 0, or -1. */
static int
hex_cp(const char *s, size_t n, uint32_t *cp)
{
	uint32_t v = 0;
	for (size_t i = 0; i < n; i++) {
		const char *d = strchr(pdf_hex, s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 'A' : s[i]);
		if (s[i] == '\0' || d == NULL)
			return -1;
		v = v * 16 + (uint32_t)(d - pdf_hex);
	}
	*cp = v;
	return unicode_ok(v) ? 0 : -1;
}

/* The code points a glyph's name spells into u: the part before a period,
 * ligature parts joined by _, each uniXXXX[XXXX...] or uXXXX[X[X]]. 0 when
 * any part is something else. */
static unsigned
name_unicode(const char *name, uint32_t u[TU_MAX])
{
	const char *p = name, *end = name + strcspn(name, ".");
	unsigned n = 0;
	while (p < end) {
		size_t k = strcspn(p, "_.");
		if (k >= 7 && (k - 3) % 4 == 0 && strncmp(p, "uni", 3) == 0) {
			for (size_t i = 3; i < k; i += 4)
				if (n == TU_MAX || hex_cp(p + i, 4, &u[n++]) != 0)
					return 0;
		} else if (k >= 5 && k <= 7 && p[0] == 'u') {
			if (n == TU_MAX || hex_cp(p + 1, k - 1, &u[n++]) != 0)
				return 0;
		} else {
			return 0;
		}
		p += k;
		if (p < end && *p == '_')
			p++;
	}
	return n;
}

/* What the derivation reads of one font, made on first need. */
typedef struct Names {
	const DlFont *f;
	hb_face_t *face;
	hb_font_t *font;
	unsigned nlookups;
	hb_set_t **in, **out;         /* [nlookups]: each GSUB lookup's glyphs */
} Names;

static void
names_open(Names *nm)
{
	if (nm->face != NULL)
		return;
	hb_blob_t *blob = hb_blob_create((const char *)nm->f->data, (unsigned)nm->f->len,
		HB_MEMORY_MODE_READONLY, NULL, NULL);
	nm->face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	nm->font = hb_font_create(nm->face);
	nm->nlookups = hb_ot_layout_table_get_lookup_count(nm->face, HB_OT_TAG_GSUB);
	nm->in = mem_array(nm->nlookups + 1, sizeof *nm->in);
	nm->out = mem_array(nm->nlookups + 1, sizeof *nm->out);
}

static void
names_close(Names *nm)
{
	for (unsigned i = 0; i < nm->nlookups; i++) {
		hb_set_destroy(nm->in[i]);
		hb_set_destroy(nm->out[i]);
	}
	free(nm->in);
	free(nm->out);
	if (nm->font)
		hb_font_destroy(nm->font);
	if (nm->face)
		hb_face_destroy(nm->face);
}

static unsigned glyph_text(Names *nm, unsigned g, uint32_t u[TU_MAX], int depth);

/* Whether lookup l makes g out of the glyphs a (and b). */
static int
makes(Names *nm, unsigned l, unsigned g, hb_codepoint_t a, hb_codepoint_t b)
{
	hb_set_t *s = hb_set_create();
	hb_set_add(s, a);
	hb_set_add(s, b);
	hb_ot_layout_lookup_substitute_closure(nm->face, l, s);
	int has = hb_set_has(s, g) && g != a && g != b;
	hb_set_destroy(s);
	return has;
}

/* g's code points from the glyphs GSUB makes it of; depth bounds a chain
 * of substitutions (and a cycle). */
static unsigned
gsub_text(Names *nm, unsigned g, uint32_t u[TU_MAX], int depth)
{
	if (depth >= 3)
		return 0;
	for (unsigned l = 0; l < nm->nlookups; l++) {
		if (nm->in[l] == NULL) {
			nm->in[l] = hb_set_create();
			nm->out[l] = hb_set_create();
			hb_ot_layout_lookup_collect_glyphs(nm->face, HB_OT_TAG_GSUB, l, NULL, nm->in[l], NULL,
				nm->out[l]);
		}
		if (!hb_set_has(nm->out[l], g))
			continue;
		hb_codepoint_t a = HB_SET_VALUE_INVALID, b;
		while (hb_set_next(nm->in[l], &a))
			if (makes(nm, l, g, a, a)) {
				unsigned n = glyph_text(nm, a, u, depth + 1);
				if (n > 0)
					return n;
			}
		/* A ligature of two: neither makes it alone. */
		if (hb_set_get_population(nm->in[l]) > 64)
			continue;
		for (a = HB_SET_VALUE_INVALID; hb_set_next(nm->in[l], &a);) {
			if (makes(nm, l, g, a, a))
				continue;
			for (b = a; hb_set_next(nm->in[l], &b);) {
				if (makes(nm, l, g, b, b) || !makes(nm, l, g, a, b))
					continue;
				hb_codepoint_t ab[2] = { a, b };
				if (!hb_ot_layout_lookup_would_substitute(nm->face, l, ab, 2, 1)) {
					ab[0] = b;
					ab[1] = a;
				}
				uint32_t u1[TU_MAX], u2[TU_MAX];
				unsigned n1 = glyph_text(nm, ab[0], u1, depth + 1);
				unsigned n2 = n1 ? glyph_text(nm, ab[1], u2, depth + 1) : 0;
				if (n1 > 0 && n2 > 0 && n1 + n2 <= TU_MAX) {
					memcpy(u, u1, n1 * sizeof *u);
					memcpy(u + n1, u2, n2 * sizeof *u);
					return n1 + n2;
				}
			}
		}
	}
	return 0;
}

/* The code points glyph g stands for, into u; how many (0: none found).
 * A ligature's name first (the cmap holds one of its parts at most), then
 * the cmap, the name, GSUB. */
static unsigned
glyph_text(Names *nm, unsigned g, uint32_t u[TU_MAX], int depth)
{
	const DlFont *f = nm->f;
	uint32_t cp = g < f->nglyphs ? f->gid_unicode[g] : 0;
	names_open(nm);
	char name[128];
	unsigned n = 0;
	if (hb_font_get_glyph_name(nm->font, g, name, sizeof name))
		n = name_unicode(name, u);
	if (n >= 2 || (n == 1 && !unicode_ok(cp)))
		return n;
	if (unicode_ok(cp)) {
		u[0] = cp;
		return 1;
	}
	return gsub_text(nm, g, u, depth);
}

/* The ToUnicode CMap of set: bfchar blocks of at most 100 entries. Strict
 * (level u): every glyph of the set but .notdef (which is never drawn
 * then) as glyph_text finds it, *unmapped one it cannot map; else the
 * cmap's code points as they are (PDF/A-1b's files, unchanged). */
void
tounicode_text(const DlFont *f, const uint8_t *set, int strict, Buf *cm, unsigned *unmapped)
{
	Names nm = { .f = f };
	*unmapped = 0;
	buf_str(cm, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	unsigned g = 0;
	for (;;) {
		unsigned batch[100], nb = 0, ntext[100];
		uint32_t text[100][TU_MAX];
		for (; g < f->nglyphs && nb < 100; g++) {
			if (!set[g])
				continue;
			unsigned n = 0;
			if (!strict && f->gid_unicode[g]) {
				text[nb][0] = f->gid_unicode[g];
				n = 1;
			} else if (strict && g > 0) {
				n = glyph_text(&nm, g, text[nb], 0);
				if (n == 0 && *unmapped == 0)
					*unmapped = g;
			}
			if (n > 0) {
				ntext[nb] = n;
				batch[nb++] = g;
			}
		}
		if (nb == 0)
			break;
		buf_int(cm, (long)nb);
		buf_str(cm, " beginbfchar\n");
		for (unsigned i = 0; i < nb; i++) {
			buf_str(cm, "<");
			buf_hex4(cm, batch[i]);
			buf_str(cm, "> <");
			for (unsigned k = 0; k < ntext[i]; k++)
				buf_cp16(cm, text[i][k], buf_hex4);
			buf_str(cm, ">\n");
		}
		buf_str(cm, "endbfchar\n");
	}
	buf_str(cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	names_close(&nm);
}
