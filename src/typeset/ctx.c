/* ctx.c - the per-thread typesetting context (TsCtx): libthai's breaker
 * (one shared by all contexts), a HarfBuzz buffer, scratch arrays, the
 * document's keep words, digits and justification, and the life of the
 * shaping memos (emptied between documents when full). */
#include "typeset/internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/utf8.h"

/* libthai's breaker, one for the process however many contexts: its
 * dictionary is most of what a context would load, and its methods may be
 * called from many threads at once (thai/thbrk.h, since libthai 0.1.25);
 * only making and deleting it need the lock. */
static pthread_mutex_t brk_lock = PTHREAD_MUTEX_INITIALIZER;
static ThBrk *brk_shared;
static size_t brk_users;

static ThBrk *
brk_take(void)
{
	pthread_mutex_lock(&brk_lock);
	if (brk_shared == NULL)
		brk_shared = th_brk_new(NULL);
	ThBrk *brk = brk_shared;
	if (brk != NULL)
		brk_users++;
	pthread_mutex_unlock(&brk_lock);
	return brk;
}

static void
brk_give_back(void)
{
	pthread_mutex_lock(&brk_lock);
	if (--brk_users == 0) {
		th_brk_delete(brk_shared);
		brk_shared = NULL;
	}
	pthread_mutex_unlock(&brk_lock);
}

TsCtx *
ts_ctx_new(TsFonts *f, Diag *d)
{
	ThBrk *brk = brk_take();
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
	brk_give_back();
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
	hash_free(&c->memo);
	hash_free(&c->bmemo);
	hash_free(&c->pmemo);
	free(c->rg);
	free(c->pg);
	free(c->tg);
	free(c->tgf);
	free(c->tcl);
	arena_free(c->memo_arena);
	free(c->sbuf);
	free(c);
}

static void
memo_clear(TsCtx *c)
{
	arena_free(c->memo_arena);
	c->memo_arena = arena_new();
	hash_clear(&c->memo);
	hash_clear(&c->bmemo);
	hash_clear(&c->pmemo);
}

void
ts_memo_trim(TsCtx *c)
{
	if (arena_used(c->memo_arena) >= TS_MEMO_BYTES)
		memo_clear(c);
}

size_t
ts_decode_all(const char *s, size_t len, uint32_t *cps, uint32_t *offs)
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
		size_t m = ts_decode_all(words[i], len, NULL, NULL);
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
		size_t k = ts_decode_all(words[i], len, NULL, NULL);
		if (k < 2)
			continue;
		TsKeep *kw = &c->keep[c->nkeep++];
		kw->cp = mem_array(k, sizeof *kw->cp);
		uint32_t *offs = mem_array(k, sizeof *offs);
		kw->n = ts_decode_all(words[i], len, kw->cp, offs);
		free(offs);
	}
}

void
ts_ctx_set_digits(TsCtx *c, int thai)
{
	if (c->thai_digits == thai)
		return;
	memo_clear(c);  /* the memo is keyed by the text before conversion */
	c->thai_digits = thai;
}

void
ts_ctx_set_justify(TsCtx *c, int how)
{
	c->justify = how;
}
