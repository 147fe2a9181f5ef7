/* text.c - one paragraph of text: itemise by script and font coverage, find
 * break opportunities (libthai for Thai, spaces elsewhere, keep-together
 * words), shape with HarfBuzz, fit lines greedily and emit them. */
#include "typeset/internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

TsCtx *
ts_ctx_new(TsFonts *f, Diag *d)
{
	ThBrk *brk = th_brk_new(NULL);
	if (brk == NULL) {
		diag_report(d, DIAG_INTERNAL, NULL, 0, 0,
			"cannot load libthai's word-break dictionary (th_brk_new failed); "
			"install the libthai-data package");
		return NULL;
	}
	TsCtx *c = mem_alloc(sizeof *c);
	c->fonts = f;
	c->brk = brk;
	c->buf = hb_buffer_create();
	c->memo_arena = arena_new();
	return c;
}

void
ts_ctx_free(TsCtx *c)
{
	if (c == NULL)
		return;
	th_brk_delete(c->brk);
	hb_buffer_destroy(c->buf);
	free(c->cps);
	free(c->offs);
	free(c->bold);
	free(c->fam);
	free(c->brkok);
	free(c->edge);
	free(c->wcs);
	free(c->pos);
	for (size_t i = 0; i < c->nkeep; i++)
		free(c->keep[i].cp);
	free(c->keep);
	free(c->memo);
	free(c->bmemo);
	arena_free(c->memo_arena);
	free(c->sbuf);
	free(c);
}

static void
memo_clear(TsCtx *c)
{
	arena_free(c->memo_arena);
	c->memo_arena = arena_new();
	free(c->memo);
	c->memo = NULL;
	c->memo_cap = c->memo_n = 0;
	free(c->bmemo);
	c->bmemo = NULL;
	c->bmemo_cap = c->bmemo_n = 0;
}

void
ts_memo_trim(TsCtx *c)
{
	if (arena_used(c->memo_arena) >= TS_MEMO_BYTES)
		memo_clear(c);
}

static size_t
decode_all(const char *s, size_t len, uint32_t *cps, uint32_t *offs)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		if (cps) {
			cps[n] = cp;
			offs[n] = (uint32_t)i;
		}
		n++;
		i += k;
	}
	return n;
}

/* Whether words (as set_keep would store them) equal c's list. */
static int
keep_same(const TsCtx *c, char *const *words, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(words[i]);
		size_t m = decode_all(words[i], len, NULL, NULL);
		if (m < 2)
			continue;
		if (k >= c->nkeep || c->keep[k].n != m)
			return 0;
		size_t j = 0;
		for (size_t at = 0; at < len; j++) {
			uint32_t cp;
			size_t step = utf8_decode(words[i] + at, len - at, &cp);
			at += step ? step : 1;
			if (cp != c->keep[k].cp[j])
				return 0;
		}
		k++;
	}
	return k == c->nkeep;
}

void
ts_ctx_set_keep(TsCtx *c, char *const *words, size_t n)
{
	/* Every document sets the same list: keep it, and the memo with it. */
	if (c->keep && keep_same(c, words, n))
		return;
	memo_clear(c);
	for (size_t i = 0; i < c->nkeep; i++)
		free(c->keep[i].cp);
	free(c->keep);
	c->keep = mem_array(n ? n : 1, sizeof *c->keep);
	c->nkeep = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(words[i]);
		size_t k = decode_all(words[i], len, NULL, NULL);
		if (k < 2)
			continue;
		TsKeep *kw = &c->keep[c->nkeep++];
		kw->cp = mem_array(k, sizeof *kw->cp);
		uint32_t *offs = mem_array(k, sizeof *offs);
		kw->n = decode_all(words[i], len, kw->cp, offs);
		free(offs);
	}
}

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
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Thai letters libthai should see (consonants, vowels, marks; not digits or
 * the currency and punctuation signs around them). */
static int
is_thai_word_char(uint32_t cp)
{
	return (cp >= 0x0E01 && cp <= 0x0E3A) || (cp >= 0x0E40 && cp <= 0x0E4E);
}

/* Characters that may not begin a line: marks and following vowels belong
 * to the syllable before them, mai yamok and closing punctuation to the word. */
static int
no_line_start(uint32_t cp)
{
	if (utf8_is_thai_mark(cp))
		return 1;
	switch (cp) {
	case 0x0E30: case 0x0E32: case 0x0E33: case 0x0E45: case 0x0E46: case 0x0E2F:
	case ')': case ']': case '}': case ',': case '.': case ':': case ';': case '!':
	case '?': case '%': case 0x201D: case 0x2019: case '"':
		return 1;
	default:
		return 0;
	}
}

static int
no_line_end(uint32_t cp)
{
	return utf8_is_thai_leading_vowel(cp) || cp == '(' || cp == '[' || cp == '{' ||
		cp == 0x201C || cp == 0x2018;
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

/* libthai's break positions in c->wcs[0..len) into c->pos; returns their
 * count. Remembered per run: libthai's dictionary walk is the dearest part
 * of breaking, and the same words come back in every report. */
static int
thai_breaks(TsCtx *c, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (uint64_t)(uint32_t)c->wcs[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 29;
	size_t mask = c->bmemo_cap - 1;
	for (size_t i = h & mask; c->bmemo_cap; i = (i + 1) & mask) {
		const TsBrkMemo *m = &c->bmemo[i];
		if (m->w == NULL)
			break;
		if (m->hash == h && m->len == len && memcmp(m->w, c->wcs, len * sizeof *m->w) == 0) {
			memcpy(c->pos, m->pos, (size_t)m->npos * sizeof *c->pos);
			return m->npos;
		}
	}
	int k = th_brk_wc_find_breaks(c->brk, (const thwchar_t *)c->wcs, c->pos, len);
	if (k < 0)
		k = 0;
	if (arena_used(c->memo_arena) >= TS_MEMO_BYTES)
		return k;
	if (2 * (c->bmemo_n + 1) > c->bmemo_cap) {
		size_t cap = c->bmemo_cap ? 2 * c->bmemo_cap : 1024;
		TsBrkMemo *tab = mem_array(cap, sizeof *tab);
		for (size_t j = 0; j < c->bmemo_cap; j++) {
			if (c->bmemo[j].w == NULL)
				continue;
			size_t i = c->bmemo[j].hash & (cap - 1);
			while (tab[i].w != NULL)
				i = (i + 1) & (cap - 1);
			tab[i] = c->bmemo[j];
		}
		free(c->bmemo);
		c->bmemo = tab;
		c->bmemo_cap = cap;
	}
	wchar_t *w = arena_array(c->memo_arena, len + 1, sizeof *w);
	memcpy(w, c->wcs, len * sizeof *w);
	int *pos = arena_array(c->memo_arena, (size_t)k + 1, sizeof *pos);
	memcpy(pos, c->pos, (size_t)k * sizeof *pos);
	size_t i = h & (c->bmemo_cap - 1);
	while (c->bmemo[i].w != NULL)
		i = (i + 1) & (c->bmemo_cap - 1);
	c->bmemo[i] = (TsBrkMemo){ h, w, len, pos, k };
	c->bmemo_n++;
	return k;
}

/* Break opportunities: c->brkok[i] = 1 when a line may start at code point i. */
static void
find_breaks(TsCtx *c, size_t n)
{
	uint32_t *cp = c->cps;
	uint8_t *ok = c->brkok;
	memset(ok, 0, n + 1);
	/* Keep-together words first: each occurrence is one unbreakable word,
	 * and the dictionary never sees across its edges (so "...คุณภาพก.ต.ป.น."
	 * is not read as "คุณภา|พก"). edge[i] = 1 at an occurrence's edges,
	 * 2 strictly inside. */
	uint8_t *edge = c->edge;
	memset(edge, 0, n + 1);
	for (size_t k = 0; k < c->nkeep; k++) {
		const TsKeep *kw = &c->keep[k];
		for (size_t i = 0; i + kw->n <= n; i++) {
			if (cp[i] != kw->cp[0] || memcmp(cp + i, kw->cp, kw->n * sizeof *cp) != 0)
				continue;
			if (edge[i] != 2)
				edge[i] = 1;
			for (size_t m = i + 1; m < i + kw->n; m++)
				edge[m] = 2;
			if (edge[i + kw->n] != 2)
				edge[i + kw->n] = 1;
			i += kw->n - 1;
		}
	}
	for (size_t i = 0; i < n;) {
		if (is_thai_word_char(cp[i]) && edge[i] != 2) {
			size_t j = i;
			while (j < n && is_thai_word_char(cp[j]) && (j == i || edge[j] == 0)) {
				c->wcs[j - i] = (wchar_t)cp[j];
				j++;
			}
			c->wcs[j - i] = 0;
			int k = thai_breaks(c, j - i);
			for (int m = 0; m < k; m++)
				if (c->pos[m] > 0 && (size_t)c->pos[m] < j - i)
					ok[i + (size_t)c->pos[m]] = 1;
			i = j;
		} else if (is_space(cp[i])) {
			size_t j = i;
			while (j < n && is_space(cp[j]))
				j++;
			if (j < n)
				ok[j] = 1;
			i = j;
		} else {
			i++;
		}
	}
	for (size_t i = 1; i < n; i++)
		if (edge[i] == 1)
			ok[i] = 1;
	/* Rules that override the dictionary. */
	for (size_t i = 1; i < n; i++) {
		if (!ok[i])
			continue;
		if ((no_line_start(cp[i]) && !is_space(cp[i - 1])) || no_line_end(cp[i - 1]))
			ok[i] = 0;
	}
	/* No break strictly inside a keep-together word. */
	for (size_t i = 1; i < n; i++)
		if (edge[i] == 2)
			ok[i] = 0;
	ok[0] = 0;
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

/* FNV-1a over the text, its bold flags and the size. */
static uint64_t
memo_hash(const char *str, const uint8_t *bold, size_t len, double size)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)str[i] | (uint64_t)bold[i] << 8;
		h *= 1099511628211ULL;
	}
	uint64_t bits;
	memcpy(&bits, &size, sizeof bits);
	h ^= bits;
	h *= 1099511628211ULL;
	return h ^ (h >> 29);
}

static TsText *
memo_find(const TsCtx *c, uint64_t h, const char *str, const uint8_t *bold, size_t len, double size)
{
	if (c->memo_cap == 0)
		return NULL;
	for (size_t i = h & (c->memo_cap - 1);; i = (i + 1) & (c->memo_cap - 1)) {
		const TsMemo *m = &c->memo[i];
		if (m->t == NULL)
			return NULL;
		if (m->hash == h && m->size == size && m->t->len == len &&
		    memcmp(m->t->str, str, len) == 0 && memcmp(m->bold, bold, len) == 0)
			return m->t;
	}
}

static void
memo_put(TsCtx *c, uint64_t h, double size, const uint8_t *bold, TsText *t)
{
	if (2 * (c->memo_n + 1) > c->memo_cap) {
		size_t cap = c->memo_cap ? 2 * c->memo_cap : 1024;
		TsMemo *tab = mem_array(cap, sizeof *tab);
		for (size_t k = 0; k < c->memo_cap; k++) {
			if (c->memo[k].t == NULL)
				continue;
			size_t i = c->memo[k].hash & (cap - 1);
			while (tab[i].t != NULL)
				i = (i + 1) & (cap - 1);
			tab[i] = c->memo[k];
		}
		free(c->memo);
		c->memo = tab;
		c->memo_cap = cap;
	}
	size_t i = h & (c->memo_cap - 1);
	while (c->memo[i].t != NULL)
		i = (i + 1) & (c->memo_cap - 1);
	c->memo[i] = (TsMemo){ h, size, bold, t };
	c->memo_n++;
}

static TsText *shape_text(TsCtx *c, Arena *a, char *str, size_t len, double size);

TsText *
ts_text_shape(TsCtx *c, Arena *a, const DocText *t, const char *plain, double size, int bold_all)
{
	/* One string for the whole paragraph, control characters made spaces. */
	size_t len = 0;
	if (t) {
		for (const DocSpan *s = t->first; s; s = s->next)
			len += strlen(s->text);
	} else {
		len = strlen(plain);
	}
	grow(c, len + 1);
	if (c->sbuf_cap < len + 1) {
		c->sbuf_cap = c->cap;
		c->sbuf = mem_grow(c->sbuf, c->sbuf_cap, 1);
	}
	char *sb = c->sbuf;
	size_t at = 0;
	if (t) {
		for (const DocSpan *s = t->first; s; s = s->next) {
			size_t k = strlen(s->text);
			memcpy(sb + at, s->text, k);
			memset(c->bold + at, s->bold || bold_all, k);
			at += k;
		}
	} else {
		memcpy(sb, plain, len);
		memset(c->bold, bold_all, len);
	}
	sb[len] = '\0';
	/* Control characters would draw as missing-glyph boxes; a newline stays,
	 * as a hard line break that is never drawn (TS_HARD). */
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
	if (keep)
		memo_put(c, h, size, bold, tx);
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
	if (len == 0)
		return tx;

	/* bold[] is per byte; move it to per code point while decoding. */
	size_t n = decode_all(str, len, c->cps, c->offs);
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
	find_breaks(c, n);

	/* Shape run by run into one glyph array. */
	size_t capg = n + 8;
	tx->glyphs = arena_array(a, capg, sizeof *tx->glyphs);
	tx->gface = arena_alloc(a, capg);
	tx->cl = arena_array(a, n, sizeof *tx->cl);
	size_t ng = 0, ncl = 0, ci = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && c->fam[j] == c->fam[i] && c->bold[j] == c->bold[i])
			j++;
		int face = ts_face_of(f, c->fam[i], c->bold[i]);
		int thai = 0;
		for (size_t k = i; k < j && !thai; k++)
			thai = utf8_is_thai(c->cps[k]);
		size_t b0 = c->offs[i], b1 = j < n ? c->offs[j] : len;
		shape_run(c, str, len, b0, b1, face, thai);
		unsigned gn = 0;
		hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(c->buf, &gn);
		hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(c->buf, &gn);
		if (ng + gn > capg) {
			size_t nc = (ng + gn) * 2;
			DlGlyph *ngl = arena_array(a, nc, sizeof *ngl);
			uint8_t *nf = arena_alloc(a, nc);
			memcpy(ngl, tx->glyphs, ng * sizeof *ngl);
			memcpy(nf, tx->gface, ng);
			tx->glyphs = ngl;
			tx->gface = nf;
			capg = nc;
		}
		const TsFace *fc = &f->faces[face];
		double k = size * fc->scale / (double)fc->dl.upem;
		for (unsigned g = 0; g < gn; g++) {
			DlGlyph *o = &tx->glyphs[ng];
			o->gid = gi[g].codepoint;
			o->adv = gp[g].x_advance;
			o->dx = gp[g].x_offset;
			o->dy = gp[g].y_offset;
			tx->gface[ng] = (uint8_t)face;
			uint32_t cb = gi[g].cluster;
			if (ncl == 0 || cb != tx->cl[ncl - 1].byte0) {
				if (ncl > 0)
					tx->cl[ncl - 1].byte1 = cb;
				TsCluster *cl = &tx->cl[ncl++];
				cl->byte0 = cb;
				cl->g0 = (uint32_t)ng;
				while (ci + 1 < n && c->offs[ci + 1] <= cb)
					ci++;
				uint32_t cp = c->cps[ci];
				if (is_space(cp))
					cl->flags |= TS_SPACE;
				if (cp == '\n')
					cl->flags |= TS_SPACE | TS_HARD;
				if (c->brkok[ci])
					cl->flags |= TS_BRK;
				if (ci > 0 && !no_line_start(cp) && !utf8_is_thai_leading_vowel(c->cps[ci - 1]))
					cl->flags |= TS_EMERG;
			}
			TsCluster *cl = &tx->cl[ncl - 1];
			cl->g1 = (uint32_t)(ng + 1);
			if (!(cl->flags & TS_HARD)) /* a newline is never drawn */
				cl->w += (float)(o->adv * k);
			ng++;
		}
		i = j;
	}
	if (ncl > 0)
		tx->cl[ncl - 1].byte1 = (uint32_t)len;
	tx->ng = ng;
	tx->ncl = ncl;
	return tx;
}

void
ts_text_measure(const TsText *t, double *minw, double *maxw)
{
	double total = 0, piece = 0, widest = 0, trail = 0, longest = 0;
	for (size_t i = 0; i < t->ncl; i++) {
		const TsCluster *cl = &t->cl[i];
		if (cl->flags & TS_HARD) {
			/* The natural width is that of the longest line between newlines. */
			if (total - trail > longest)
				longest = total - trail;
			total = 0;
			trail = 0;
		}
		if (cl->flags & TS_BRK) {
			if (piece - trail > widest)
				widest = piece - trail;
			piece = 0;
		}
		piece += cl->w;
		trail = (cl->flags & TS_SPACE) ? trail + cl->w : 0;
		total += cl->w;
	}
	if (piece - trail > widest)
		widest = piece - trail;
	*minw = widest;
	*maxw = total - trail > longest ? total - trail : longest;
}

size_t
ts_text_break(const TsText *t, Arena *a, double w_first, double w_rest, TsLine **out)
{
	size_t cap = 4, n = 0;
	TsLine *lines = arena_array(a, cap, sizeof *lines);
	const TsCluster *cl = t->cl;
	size_t i = 0;
	/* Spaces that open the paragraph are dropped like those at a break. */
	while (i < t->ncl && (cl[i].flags & TS_SPACE))
		i++;
	while (i < t->ncl) {
		double wmax = n == 0 ? w_first : w_rest;
		size_t start = i, j = i, last_ok = 0;
		double width = 0, trail = 0, w_at_ok = 0;
		size_t end = t->ncl;
		/* small tolerance so a line that fits exactly on paper is kept */
		wmax += 0.01;
		for (; j < t->ncl; j++) {
			if (cl[j].flags & TS_HARD) {
				end = j;
				width -= trail;
				break;
			}
			if (j > start && (cl[j].flags & TS_BRK)) {
				last_ok = j;
				w_at_ok = width - trail;
			}
			if (!(cl[j].flags & TS_SPACE) && j > start && width + cl[j].w > wmax) {
				if (last_ok > start) {
					end = last_ok;
					width = w_at_ok;
				} else {
					/* Nothing breakable fits: split at the last cluster that may
					 * start a line (never inside a cluster or after a leading vowel). */
					size_t k = j;
					while (k > start + 1 && !(cl[k].flags & TS_EMERG))
						k--;
					if (k <= start)
						k = j;
					end = k;
					width = 0;
					for (size_t m = start; m < k; m++)
						width += cl[m].w;
				}
				break;
			}
			width += cl[j].w;
			trail = (cl[j].flags & TS_SPACE) ? trail + cl[j].w : 0;
		}
		if (j == t->ncl)
			width -= trail;
		size_t e = end;
		while (e > start && (cl[e - 1].flags & TS_SPACE))
			e--;
		if (n == cap) {
			TsLine *nl = arena_array(a, cap * 2, sizeof *nl);
			memcpy(nl, lines, n * sizeof *nl);
			lines = nl;
			cap *= 2;
		}
		lines[n].c0 = start;
		lines[n].c1 = e;
		lines[n].width = width;
		lines[n].hard = end < t->ncl && (cl[end].flags & TS_HARD);
		n++;
		i = end;
		while (i < t->ncl && (cl[i].flags & TS_SPACE))
			i++;
	}
	*out = lines;
	return n;
}

void
ts_text_emit(TsCtx *c, DisplayList *dl, size_t p, const TsText *t, const TsLine *lines,
	size_t k, size_t n, double x, double y, double w, DocAlign align, const char *src)
{
	const TsLine *ln = &lines[k];
	if (ln->c1 <= ln->c0)
		return;
	const TsCluster *cl = t->cl;
	size_t g0 = cl[ln->c0].g0, g1 = cl[ln->c1 - 1].g1;
	double extra = w - ln->width;
	double x0 = x;
	size_t njust = 0;
	if (align == DOC_ALIGN_RIGHT)
		x0 = x + extra;
	else if (align == DOC_ALIGN_CENTER)
		x0 = x + extra / 2;
	else if ((align == DOC_ALIGN_JUSTIFY || align == DOC_ALIGN_DEFAULT) && k + 1 < n && !lines[k].hard &&
	    extra > 0) {
		/* Thai justification: spread the extra space over every break
		 * opportunity inside the line, not only over spaces. */
		for (size_t i = ln->c0 + 1; i < ln->c1; i++)
			if (cl[i].flags & TS_BRK)
				njust++;
	}
	DlGlyph *gl = arena_array(dl->arena, g1 - g0, sizeof *gl);
	memcpy(gl, t->glyphs + g0, (g1 - g0) * sizeof *gl);
	double width = ln->width;
	if (njust) {
		double per = extra / (double)njust;
		for (size_t i = ln->c0 + 1; i < ln->c1; i++) {
			if (!(cl[i].flags & TS_BRK))
				continue;
			size_t g = cl[i].g0 - 1;
			const TsFace *fc = &c->fonts->faces[t->gface[g]];
			double units = per * (double)fc->dl.upem / (t->size * fc->scale);
			gl[g - g0].adv += (int32_t)(units + 0.5);
		}
		width = w;
	}
	/* Runs: consecutive glyphs of one face. */
	size_t nruns = 1;
	for (size_t g = g0 + 1; g < g1; g++)
		if (t->gface[g] != t->gface[g - 1])
			nruns++;
	DlRun *runs = arena_array(dl->arena, nruns, sizeof *runs);
	double pen = x0;
	size_t r = 0;
	for (size_t g = g0; g < g1;) {
		size_t e = g + 1;
		while (e < g1 && t->gface[e] == t->gface[g])
			e++;
		const TsFace *fc = &c->fonts->faces[t->gface[g]];
		DlRun *run = &runs[r++];
		run->font = t->gface[g];
		run->size = t->size * fc->scale;
		run->x = pen;
		run->y = y;
		run->glyphs = gl + (g - g0);
		run->n = e - g;
		long sum = 0;
		for (size_t m = g; m < e; m++)
			sum += gl[m - g0].adv;
		pen += (double)sum * run->size / (double)fc->dl.upem;
		g = e;
	}
	DlItem *it = dl_add_item(dl, p, DL_TEXT);
	size_t b0 = cl[ln->c0].byte0, b1 = cl[ln->c1 - 1].byte1;
	it->u.text.text = arena_strndup(dl->arena, t->str + b0, b1 - b0);
	it->u.text.src = src;
	it->u.text.x = x0;
	it->u.text.y = y;
	it->u.text.width = width;
	it->u.text.runs = runs;
	it->u.text.nruns = nruns;
}
