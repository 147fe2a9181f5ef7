/* breaks.c - where a line may start: libthai's dictionary breaks inside runs
 * of Thai letters (remembered per run), spaces elsewhere, keep-together
 * words whole, and the rules that override the dictionary (marks, leading
 * vowels, brackets and quotation marks). */
#include "typeset/internal.h"

#include <string.h>

#include "core/utf8.h"

/* libthai's break positions in c->wcs[0..len) into c->pos; returns their
 * count. Remembered per run: libthai's dictionary walk is the dearest part
 * of breaking, and the same words come back in every report. */
static int
thai_breaks(TsCtx *c, size_t len)
{
	/* FNV-1a over whole code points, not their bytes. */
	uint64_t h = HASH_SEED;
	for (size_t i = 0; i < len; i++) {
		h ^= (uint64_t)(uint32_t)c->wcs[i];
		h *= 1099511628211ULL;
	}
	h = hash_done(h);
	HashProbe pr = hash_probe(&c->bmemo, h);
	const TsBrkMemo *m;
	while ((m = hash_next(&c->bmemo, &pr)) != NULL)
		if (m->len == len && memcmp(m->w, c->wcs, len * sizeof *m->w) == 0) {
			memcpy(c->pos, m->pos, (size_t)m->npos * sizeof *c->pos);
			return m->npos;
		}
	int k = th_brk_wc_find_breaks(c->brk, (const thwchar_t *)c->wcs, c->pos, len);
	if (k < 0)
		k = 0;
	if (arena_used(c->memo_arena) >= TS_MEMO_BYTES)
		return k;
	wchar_t *w = arena_array(c->memo_arena, len + 1, sizeof *w);
	memcpy(w, c->wcs, len * sizeof *w);
	int *pos = arena_array(c->memo_arena, (size_t)k + 1, sizeof *pos);
	memcpy(pos, c->pos, (size_t)k * sizeof *pos);
	TsBrkMemo *e = arena_alloc(c->memo_arena, sizeof *e);
	*e = (TsBrkMemo){ w, len, pos, k };
	hash_put(&c->bmemo, h, e);
	return k;
}

/* Break opportunities: c->brkok[i] = 1 when a line may start at code point i. */
void
ts_find_breaks(TsCtx *c, size_t n)
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
	/* A quotation or bracket that closes before a Thai letter, or opens
	 * after one, ends a phrase as a space does ("...คุณครู”|ผู้บริหาร"):
	 * the dictionary, which reads runs of letters only, never offers it. */
	for (size_t i = 1; i < n; i++)
		if ((is_phrase_close(cp[i - 1]) && is_thai_word_char(cp[i])) ||
		    (is_thai_word_char(cp[i - 1]) && is_phrase_open(cp[i])))
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
