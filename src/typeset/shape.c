/* shape.c - one paragraph into glyphs: its text gathered from the spans
 * (Thai digits, dropped bidi controls), itemised by font coverage, shaped
 * with HarfBuzz in pieces that no kerning pair or mark reaches across, and
 * its clusters flagged from the break opportunities. Paragraphs and pieces
 * are remembered in the context's memos. */
#include "typeset/internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

static void
grow(TsCtx *c, size_t n)
{
	if (n + 1 <= c->cap)
		return;
	size_t cap = c->cap ? c->cap : 256;
	while (cap < n + 1)
		cap *= 2;
	c->cps = mem_grow(c->cps, cap, sizeof *c->cps);
	c->offs = mem_grow(c->offs, cap, sizeof *c->offs);
	c->bold = mem_grow(c->bold, cap, sizeof *c->bold);
	c->fam = mem_grow(c->fam, cap, sizeof *c->fam);
	c->brkok = mem_grow(c->brkok, cap, sizeof *c->brkok);
	c->edge = mem_grow(c->edge, cap, sizeof *c->edge);
	c->wcs = mem_grow(c->wcs, cap, sizeof *c->wcs);
	c->pos = mem_grow(c->pos, cap, sizeof *c->pos);
	c->cap = cap;
}

static int
covers(const TsFonts *f, int face, uint32_t cp)
{
	const TsFace *fc = &f->faces[face];
	if (cp < TS_COVER_MAX)
		return fc->cover[cp];
	hb_codepoint_t g;
	return hb_font_get_nominal_glyph(fc->font, cp, &g);
}

static void
shape_run(TsCtx *c, const char *str, size_t len, size_t b0, size_t b1, int face, int thai)
{
	hb_buffer_t *buf = c->buf;
	hb_buffer_clear_contents(buf);
	hb_buffer_add_utf8(buf, str, (int)len, (unsigned)b0, (int)(b1 - b0));
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_script(buf, thai ? HB_SCRIPT_THAI : HB_SCRIPT_LATIN);
	hb_buffer_set_language(buf, hb_language_from_string("th", 2));
	hb_shape(c->fonts->faces[face].font, buf, NULL, 0);
}

/* The glyphs of str[b0, b1) (one piece) in face, from the piece memo or
 * shaped alone and remembered (or, the memo full, in scratch valid until
 * the next call); *ng their count. */
static const TsPieceGlyph *
piece_glyphs(TsCtx *c, const char *str, size_t len, size_t b0, size_t b1, int face, int thai, uint32_t *ng)
{
	uint64_t h = hash_done(hash_more(HASH_SEED ^ (uint64_t)(face * 2 + thai), str + b0, b1 - b0));
	uint32_t n = (uint32_t)(b1 - b0);
	HashProbe pr = hash_probe(&c->pmemo, h);
	const TsPiece *m;
	while ((m = hash_next(&c->pmemo, &pr)) != NULL)
		if (m->len == n && m->face == face && m->thai == thai && memcmp(m->str, str + b0, n) == 0) {
			*ng = m->ng;
			return m->g;
		}
	shape_run(c, str, len, b0, b1, face, thai);
	unsigned gn = 0;
	hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(c->buf, &gn);
	hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(c->buf, &gn);
	/* Kept in the memo, or (memo full) in the scratch it is read from. */
	int keep = arena_used(c->memo_arena) < TS_MEMO_BYTES;
	TsPieceGlyph *g;
	if (keep) {
		g = arena_array(c->memo_arena, gn ? gn : 1, sizeof *g);
	} else {
		if (gn > c->pg_cap) {
			c->pg_cap = 2 * gn + 64;
			c->pg = mem_grow(c->pg, c->pg_cap, sizeof *c->pg);
		}
		g = c->pg;
	}
	for (unsigned k = 0; k < gn; k++)
		g[k] = (TsPieceGlyph){ gi[k].codepoint, gi[k].cluster - (uint32_t)b0, gp[k].x_advance,
			gp[k].x_offset, gp[k].y_offset };
	*ng = gn;
	if (!keep)
		return g;
	TsPiece *e = arena_alloc(c->memo_arena, sizeof *e);
	*e = (TsPiece){ arena_strndup(c->memo_arena, str + b0, n), n, gn, (uint8_t)face, (uint8_t)thai, g };
	hash_put(&c->pmemo, h, e);
	return g;
}

/* Whether a run may be cut into separately shaped pieces before code point
 * k: a line may break there (between words, after a space), and neither
 * neighbour is a character the face kerns or covers no glyph of. Shaping
 * then cannot reach across: GPOS pairs need both glyphs, and the marks a
 * substitution or attachment looks at stay with their letter. */
static int
piece_edge(const TsCtx *c, const TsFace *fc, size_t k)
{
	uint32_t a = c->cps[k - 1], b = c->cps[k];
	return c->brkok[k] && a < TS_COVER_MAX && b < TS_COVER_MAX && fc->cover[a] && fc->cover[b] &&
	    !fc->kerned[a] && !fc->kerned[b] && !utf8_is_thai_mark(b);
}

/* The glyphs of the run of code points [i, j) (of ncp) in face, with
 * clusters as byte offsets into str, shaped piece by piece through the
 * memo, into c->rg; returns their count. */
static size_t
shape_pieces(TsCtx *c, const char *str, size_t len, size_t i, size_t j, size_t ncp, int face, int thai)
{
	const TsFace *fc = &c->fonts->faces[face];
	size_t n = 0;
	for (size_t p0 = i; p0 < j;) {
		size_t p1 = p0 + 1;
		while (p1 < j && !piece_edge(c, fc, p1))
			p1++;
		size_t b0 = c->offs[p0], b1 = p1 < ncp ? c->offs[p1] : len;
		uint32_t gn = 0;
		const TsPieceGlyph *g = piece_glyphs(c, str, len, b0, b1, face, thai, &gn);
		if (n + gn > c->rg_cap) {
			c->rg_cap = 2 * (n + gn) + 64;
			c->rg = mem_grow(c->rg, c->rg_cap, sizeof *c->rg);
		}
		for (uint32_t k = 0; k < gn; k++) {
			c->rg[n] = g[k];
			c->rg[n].cluster += (uint32_t)b0;
			n++;
		}
		p0 = p1;
	}
	return n;
}

/* The memo's key: the text, its bold flags and the size, each hashed
 * eight bytes at a time (every paragraph shaped is hashed, found or not;
 * byte by byte this was 1.3 % of a build's instructions). */
static uint64_t
memo_hash(const char *str, const uint8_t *bold, size_t len, double size)
{
	uint64_t bits;
	memcpy(&bits, &size, sizeof bits);
	uint64_t h = hash_long(str, len) ^ (hash_long(bold, len) * 0x9E3779B97F4A7C15ULL) ^ bits;
	return hash_done(h);
}

static TsText *
memo_find(const TsCtx *c, uint64_t h, const char *str, const uint8_t *bold, size_t len, double size)
{
	HashProbe pr = hash_probe(&c->memo, h);
	const TsMemo *m;
	while ((m = hash_next(&c->memo, &pr)) != NULL)
		if (m->size == size && m->t->len == len && memcmp(m->t->str, str, len) == 0 &&
		    memcmp(m->bold, bold, len) == 0)
			return m->t;
	return NULL;
}

static void
memo_put(TsCtx *c, uint64_t h, double size, const uint8_t *bold, TsText *t)
{
	TsMemo *e = arena_alloc(c->memo_arena, sizeof *e);
	*e = (TsMemo){ size, bold, t };
	hash_put(&c->memo, h, e);
}

static TsText *shape_text(TsCtx *c, Arena *a, char *str, size_t len, double size);

TsText *
ts_text_shape(TsCtx *c, Arena *a, const DocText *t, const char *plain, double size, int bold_all)
{
	/* One string for the whole paragraph, control characters made spaces. */
	/* With Thai digits each 0-9 becomes ๐-๙ (three bytes). */
	size_t len = 0;
	DocSpan one = { plain, bold_all, NULL };
	const DocSpan *first = t ? t->first : &one;
	for (const DocSpan *s = first; s; s = s->next) {
		size_t k = strlen(s->text);
		len += k;
		if (c->thai_digits)
			for (size_t i = 0; i < k; i++)
				len += (unsigned char)(s->text[i] - '0') <= 9 ? 2 : 0;
	}
	grow(c, len + 1);
	if (c->sbuf_cap < len + 1) {
		c->sbuf_cap = c->cap;
		c->sbuf = mem_grow(c->sbuf, c->sbuf_cap, 1);
	}
	char *sb = c->sbuf;
	size_t at = 0;
	for (const DocSpan *s = first; s; s = s->next) {
		size_t k = strlen(s->text), from = at;
		if (!c->thai_digits) {
			memcpy(sb + at, s->text, k);
			at += k;
		} else {
			for (size_t i = 0; i < k; i++) {
				unsigned d = (unsigned char)(s->text[i] - '0');
				if (d <= 9) {
					sb[at++] = (char)0xE0;
					sb[at++] = (char)0xB9;
					sb[at++] = (char)(0x90 + d);
				} else {
					sb[at++] = s->text[i];
				}
			}
		}
		memset(c->bold + from, s->bold || bold_all, at - from);
	}
	sb[len] = '\0';
	/* Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069)
	 * from the data would make the copied text read differently from what
	 * the page shows: they are dropped. */
	if (memchr(sb, 0xE2, len) != NULL) {   /* most texts have none: no copy */
		size_t w = 0;
		for (size_t i = 0; i < len;) {
			const unsigned char *p = (const unsigned char *)sb + i;
			if (i + 2 < len && p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
			    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
				i += 3;
				continue;
			}
			sb[w] = sb[i];
			c->bold[w++] = c->bold[i++];
		}
		len = w;
		sb[len] = '\0';
	}
	/* Control characters would draw as missing-glyph boxes; a newline stays,
	 * as a hard line break that is never drawn (TS_HARD). */
	unsigned char low = 0xFF;
	for (size_t i = 0; i < len; i++)
		low = (unsigned char)sb[i] < low ? (unsigned char)sb[i] : low;
	if (low < 0x20)
		for (size_t i = 0; i < len; i++)
			if ((unsigned char)sb[i] < 0x20 && sb[i] != '\n')
				sb[i] = ' ';

	/* The memo: shaping and libthai are most of the typesetting time, and
	 * the result depends only on the text, its bold flags and the size
	 * (fonts and keep words belong to the context). */
	uint64_t h = memo_hash(sb, c->bold, len, size);
	TsText *hit = memo_find(c, h, sb, c->bold, len, size);
	if (hit)
		return hit;
	int keep = arena_used(c->memo_arena) < TS_MEMO_BYTES;
	if (keep)
		a = c->memo_arena;
	char *str = arena_alloc(a, len + 1);
	memcpy(str, sb, len + 1);
	uint8_t *bold = NULL;
	if (keep) {
		bold = arena_alloc(a, len + 1);
		memcpy(bold, c->bold, len);
	}
	TsText *tx = shape_text(c, a, str, len, size);
	if (keep) {
		tx->home = a;
		memo_put(c, h, size, bold, tx);
	}
	return tx;
}

/* Shape str (bold flags per byte in c->bold) into arena a. */
static TsText *
shape_text(TsCtx *c, Arena *a, char *str, size_t len, double size)
{
	TsText *tx = arena_alloc(a, sizeof *tx);
	tx->str = str;
	tx->len = len;
	tx->size = size;
	{
		const TsFace *th = &c->fonts->faces[ts_face_of(c->fonts, TS_THAI, 0)];
		tx->em = size * th->scale;
	}
	if (len == 0)
		return tx;

	/* bold[] is per byte; move it to per code point while decoding. */
	size_t n = ts_decode_all(str, len, c->cps, c->offs);
	for (size_t i = 0; i < n; i++)
		c->bold[i] = c->bold[c->offs[i]];

	/* Itemise by font coverage: Thai face first, Latin face for what it lacks.
	 * Marks and spaces stay with the run before them. */
	const TsFonts *f = c->fonts;
	int have_latin = f->slot[TS_LATIN][0] >= 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = c->cps[i];
		int fam = TS_THAI;
		if (i > 0 && (utf8_is_thai_mark(cp) || is_space(cp) || cp == 0x200B || cp == 0x200C ||
		    cp == 0x200D) && covers(f, ts_face_of(f, c->fam[i - 1], 0), cp))
			fam = c->fam[i - 1];
		else if (covers(f, ts_face_of(f, TS_THAI, 0), cp))
			fam = TS_THAI;
		else if (have_latin && covers(f, ts_face_of(f, TS_LATIN, 0), cp))
			fam = TS_LATIN;
		c->fam[i] = (uint8_t)fam;
	}
	ts_find_breaks(c, n);

	/* Shape run by run into one glyph array, in the context's scratch;
	 * the text keeps them at their exact sizes. A text has at most one
	 * cluster a code point. */
	if (c->tcl_cap < n) {
		c->tcl_cap = 2 * n + 64;
		c->tcl = mem_grow(c->tcl, c->tcl_cap, sizeof *c->tcl);
	}
	size_t ng = 0, ncl = 0, ci = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && c->fam[j] == c->fam[i] && c->bold[j] == c->bold[i])
			j++;
		int face = ts_face_of(f, c->fam[i], c->bold[i]);
		int thai = 0;
		for (size_t k = i; k < j && !thai; k++)
			thai = utf8_is_thai(c->cps[k]);
		size_t gn = shape_pieces(c, str, len, i, j, n, face, thai);
		const TsPieceGlyph *rg = c->rg;
		if (ng + gn > c->tg_cap) {
			c->tg_cap = 2 * (ng + gn) + 64;
			c->tg = mem_grow(c->tg, c->tg_cap, sizeof *c->tg);
			c->tgf = mem_grow(c->tgf, c->tg_cap, 1);
		}
		const TsFace *fc = &f->faces[face];
		double k = size * fc->scale / (double)fc->dl.upem;
		for (size_t g = 0; g < gn; g++) {
			DlGlyph *o = &c->tg[ng];
			o->gid = rg[g].gid;
			o->adv = rg[g].adv;
			o->dx = rg[g].dx;
			o->dy = rg[g].dy;
			c->tgf[ng] = (uint8_t)face;
			uint32_t cb = rg[g].cluster;
			if (ncl == 0 || cb != c->tcl[ncl - 1].byte0) {
				TsCluster *cl = &c->tcl[ncl++];
				*cl = (TsCluster){ 0 };
				cl->byte0 = cb;
				cl->g0 = (uint32_t)ng;
				while (ci + 1 < n && c->offs[ci + 1] <= cb)
					ci++;
				c->pos[ncl - 1] = (int)ci;  /* libthai is done with it */
				uint32_t cp = c->cps[ci];
				if (utf8_is_thai(cp))
					cl->flags |= TS_THAIC;
				if (is_space(cp))
					cl->flags |= TS_SPACE;
				if (cp == '\n')
					cl->flags |= TS_SPACE | TS_HARD;
				if (c->brkok[ci])
					cl->flags |= TS_BRK;
				if (ci > 0 && !no_line_start(cp) && !utf8_is_thai_leading_vowel(c->cps[ci - 1]))
					cl->flags |= TS_EMERG;
			}
			TsCluster *cl = &c->tcl[ncl - 1];
			if (!(cl->flags & TS_HARD)) /* a newline is never drawn */
				cl->w += (float)(o->adv * k);
			ng++;
		}
		i = j;
	}
	tx->glyphs = arena_array(a, ng ? ng : 1, sizeof *tx->glyphs);
	tx->gface = arena_alloc(a, ng ? ng : 1);
	tx->cl = arena_array(a, ncl ? ncl : 1, sizeof *tx->cl);
	if (ng > 0) {
		memcpy(tx->glyphs, c->tg, ng * sizeof *tx->glyphs);
		memcpy(tx->gface, c->tgf, ng);
	}
	if (ncl > 0)
		memcpy(tx->cl, c->tcl, ncl * sizeof *tx->cl);
	tx->ng = ng;
	tx->ncl = ncl;
	c->pos[ncl] = (int)n;
	ts_price_breaks(c, tx);
	ts_tie_breaks(c, tx);
	return tx;
}
