/* font.c - loading fonts once per process with HarfBuzz, and what the PDF
 * writer needs to know about them (reverse cmap, advances, metrics). */
#include "typeset/internal.h"
#include "core/i18n.h"

#include <hb-ot.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/mem.h"

/* The head table's bounding box: xMin yMin xMax yMax at offset 36, int16 BE. */
static void
read_bbox(hb_face_t *face, int bbox[4])
{
	hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned len = 0;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(head, &len);
	if (p && len >= 44) {
		for (int i = 0; i < 4; i++)
			bbox[i] = (int16_t)(uint16_t)((p[36 + 2 * i] << 8) | p[37 + 2 * i]);
	}
	hb_blob_destroy(head);
}

static unsigned
hexval(const char *s, int n)
{
	unsigned v = 0;
	for (int i = 0; i < n; i++) {
		char ch = s[i];
		unsigned d;
		if (ch >= '0' && ch <= '9')
			d = (unsigned)(ch - '0');
		else if (ch >= 'A' && ch <= 'F')
			d = (unsigned)(ch - 'A' + 10);
		else if (ch >= 'a' && ch <= 'f')
			d = (unsigned)(ch - 'a' + 10);
		else
			return 0;
		v = v * 16 + d;
	}
	return v;
}

static char *
ps_name_of(hb_face_t *face, const char *path)
{
	char buf[64];
	unsigned size = sizeof buf;
	unsigned n = hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
		&size, buf);
	if (n == 0) {
		const char *b = strrchr(path, '/');
		b = b ? b + 1 : path;
		size_t k = strcspn(b, ".");
		if (k >= sizeof buf)
			k = sizeof buf - 1;
		memcpy(buf, b, k);
		buf[k] = '\0';
	}
	/* A PDF name without delimiters or spaces. */
	char out[64];
	size_t j = 0;
	for (size_t i = 0; buf[i] && j + 1 < sizeof out; i++) {
		char ch = buf[i];
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '_')
			out[j++] = ch;
	}
	out[j] = '\0';
	return mem_strdup(j ? out : "Font");
}

static int
face_load(TsFace *fc, const char *path, double scale, int bold, Diag *d)
{
	memset(fc, 0, sizeof *fc);
	/* A regular file only, read whole and bounded: a FIFO or /dev/zero
	 * named as a font is refused at once. 64 MB is larger than any Thai
	 * TrueType font. */
	char *data;
	size_t size;
	if (file_read_regular(path, 64L << 20, DIAG_USAGE, N_("the font file"), 0, &data, &size, d) != 0) {
		diag_report(d, DIAG_NOTE, path, 0, 0, "run `make fonts` or correct [fonts] in the config");
		return -1;
	}
	fc->blob = hb_blob_create(data, (unsigned)size, HB_MEMORY_MODE_READONLY, data, free);
	fc->face = hb_face_create(fc->blob, 0);
	unsigned ng = hb_face_get_glyph_count(fc->face);
	if (ng == 0 || hb_face_get_upem(fc->face) == 0) {
		diag_report(d, DIAG_USAGE, path, 0, 0,
			"not a usable TrueType font (no glyphs); name a .ttf file with TrueType outlines");
		return -1;
	}
	hb_blob_t *glyf = hb_face_reference_table(fc->face, HB_TAG('g', 'l', 'y', 'f'));
	unsigned glen = hb_blob_get_length(glyf);
	hb_blob_destroy(glyf);
	if (glen == 0) {
		diag_report(d, DIAG_USAGE, path, 0, 0,
			"the font has no TrueType outlines (CFF fonts cannot be embedded); "
			"use a .ttf font such as Laksaman or TH Sarabun New");
		return -1;
	}
	hb_face_make_immutable(fc->face);
	fc->font = hb_font_create(fc->face);
	hb_font_make_immutable(fc->font);
	fc->scale = scale > 0 ? scale : 1.0;

	fc->gid_unicode = mem_array(ng, sizeof *fc->gid_unicode);
	fc->advance = mem_array(ng, sizeof *fc->advance);
	for (unsigned g = 0; g < ng; g++) {
		hb_position_t a = hb_font_get_glyph_h_advance(fc->font, g);
		fc->advance[g] = (uint16_t)(a < 0 ? 0 : a > 65535 ? 65535 : a);
	}
	/* Reverse cmap for ToUnicode; the lowest code point wins. */
	hb_set_t *set = hb_set_create();
	hb_face_collect_unicodes(fc->face, set);
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(set, &cp)) {
		hb_codepoint_t g;
		if (!hb_font_get_nominal_glyph(fc->font, cp, &g))
			continue;
		if (cp < TS_COVER_MAX)
			fc->cover[cp] = 1;
		if (g < ng && fc->gid_unicode[g] == 0)
			fc->gid_unicode[g] = cp;
	}
	hb_set_destroy(set);
	/* The glyphs kerning pairs name (every lookup of the 'kern' feature):
	 * text is shaped in pieces only where neither side has one. */
	hb_set_t *lookups = hb_set_create(), *kern = hb_set_create();
	static const hb_tag_t kern_feature[] = { HB_TAG('k', 'e', 'r', 'n'), HB_TAG_NONE };
	hb_ot_layout_collect_lookups(fc->face, HB_OT_TAG_GPOS, NULL, NULL, kern_feature, lookups);
	hb_codepoint_t lk = HB_SET_VALUE_INVALID;
	while (hb_set_next(lookups, &lk))
		hb_ot_layout_lookup_collect_glyphs(fc->face, HB_OT_TAG_GPOS, lk, kern, kern, kern, kern);
	if (!hb_ot_layout_has_positioning(fc->face)) {
		/* Without GPOS HarfBuzz kerns by an old-style 'kern' table, whose
		 * pairs cannot be listed here: every glyph counts as kerned. */
		hb_blob_t *kt = hb_face_reference_table(fc->face, HB_TAG('k', 'e', 'r', 'n'));
		if (hb_blob_get_length(kt) > 0)
			hb_set_invert(kern);
		hb_blob_destroy(kt);
	}
	for (hb_codepoint_t u = 0; u < TS_COVER_MAX; u++) {
		hb_codepoint_t g;
		if (fc->cover[u] && hb_font_get_nominal_glyph(fc->font, u, &g) && hb_set_has(kern, g))
			fc->kerned[u] = 1;
	}
	hb_set_destroy(kern);
	hb_set_destroy(lookups);
	/* Glyphs the cmap does not reach (positional variants of marks) carry
	 * their base letter in the name: uni0E49.low_left -> U+0E49. */
	for (unsigned g = 1; g < ng; g++) {
		if (fc->gid_unicode[g])
			continue;
		char name[64];
		if (!hb_font_get_glyph_name(fc->font, g, name, sizeof name))
			continue;
		if (strncmp(name, "uni", 3) == 0 && strlen(name) >= 7)
			fc->gid_unicode[g] = hexval(name + 3, 4);
		else if (name[0] == 'u' && strlen(name) >= 5 && strlen(name) <= 7)
			fc->gid_unicode[g] = hexval(name + 1, (int)strlen(name) - 1);
	}

	fc->ps_name = ps_name_of(fc->face, path);
	DlFont *f = &fc->dl;
	unsigned len = 0;
	f->data = (const unsigned char *)hb_blob_get_data(fc->blob, &len);
	f->len = len;
	f->ps_name = fc->ps_name;
	f->upem = hb_face_get_upem(fc->face);
	f->nglyphs = ng;
	f->gid_unicode = fc->gid_unicode;
	f->advance = fc->advance;
	f->bold = bold;
	hb_position_t v;
	f->ascent = hb_ot_metrics_get_position(fc->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v) ? v : (int)f->upem * 8 / 10;
	f->descent = hb_ot_metrics_get_position(fc->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v) ? v : -(int)f->upem * 2 / 10;
	f->cap_height = hb_ot_metrics_get_position(fc->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) ? v : f->ascent;
	read_bbox(fc->face, f->bbox);
	return 0;
}

static void
face_free(TsFace *fc)
{
	if (fc->font)
		hb_font_destroy(fc->font);
	if (fc->face)
		hb_face_destroy(fc->face);
	if (fc->blob)
		hb_blob_destroy(fc->blob);
	free(fc->gid_unicode);
	free(fc->advance);
	free(fc->ps_name);
	memset(fc, 0, sizeof *fc);
}

static int
add_face(TsFonts *f, const char *path, double scale, int bold, Diag *d)
{
	/* The same file named twice (bold = regular) is loaded and embedded once. */
	for (size_t i = 0; i < f->nfaces; i++)
		if (f->faces[i].scale == (scale > 0 ? scale : 1.0) &&
		    strcmp(f->faces[i].path_key, path) == 0)
			return (int)i;
	TsFace *fc = &f->faces[f->nfaces];
	if (face_load(fc, path, scale, bold, d) < 0) {
		face_free(fc);
		return -1;
	}
	fc->path_key = mem_strdup(path);
	f->dl[f->nfaces] = &fc->dl;
	return (int)f->nfaces++;
}

TsFonts *
ts_fonts_load(const FontSetting *thai, const FontSetting *latin, Diag *d)
{
	TsFonts *f = mem_alloc(sizeof *f);
	for (int i = 0; i < 2; i++)
		f->slot[i][0] = f->slot[i][1] = -1;
	if (thai == NULL || thai->regular == NULL || *thai->regular == '\0') {
		diag_report(d, DIAG_USAGE, NULL, 0, 0,
			"no Thai font configured (fonts.thai_regular is empty); name a .ttf file");
		free(f);
		return NULL;
	}
	int ok = 1;
	f->slot[TS_THAI][0] = add_face(f, thai->regular, thai->scale, 0, d);
	const char *tb = thai->bold && *thai->bold ? thai->bold : thai->regular;
	f->slot[TS_THAI][1] = add_face(f, tb, thai->scale, 1, d);
	ok = f->slot[TS_THAI][0] >= 0 && f->slot[TS_THAI][1] >= 0;
	if (ok && latin && latin->regular && *latin->regular) {
		f->slot[TS_LATIN][0] = add_face(f, latin->regular, latin->scale, 0, d);
		const char *lb = latin->bold && *latin->bold ? latin->bold : latin->regular;
		f->slot[TS_LATIN][1] = add_face(f, lb, latin->scale, 1, d);
		ok = f->slot[TS_LATIN][0] >= 0 && f->slot[TS_LATIN][1] >= 0;
	}
	if (!ok) {
		ts_fonts_free(f);
		return NULL;
	}
	return f;
}

void
ts_fonts_free(TsFonts *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->nfaces; i++) {
		free(f->faces[i].path_key);
		face_free(&f->faces[i]);
	}
	free(f);
}

size_t
ts_fonts_count(const TsFonts *f)
{
	return f->nfaces;
}

const DlFont *const *
ts_fonts_dl(const TsFonts *f)
{
	return f->dl;
}

int
ts_face_of(const TsFonts *f, int fam, int bold)
{
	int i = f->slot[fam][bold ? 1 : 0];
	if (i < 0)
		i = f->slot[fam][0];
	if (i < 0)
		i = f->slot[TS_THAI][bold ? 1 : 0];
	return i;
}
