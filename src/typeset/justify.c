/* justify.c - one broken line onto a page: its extra width spread for
 * justification (Thai distributed over the gaps between Thai clusters, or
 * over spaces then word boundaries) and its glyphs emitted as runs of one
 * face. */
#include "typeset/internal.h"

#include <string.h>

/* How a justified line of natural width ln->width takes extra points: each
 * space gap gets *per_space, each word boundary inside a run that is not
 * TS_GLUE gets *per_word; both stay 0 when the line must stay ragged. Thai
 * readers take a gap inside a phrase for a space, so the spaces take the
 * stretch first (up to TS_JUST_SPACE_EM each), word boundaries only the
 * rest (up to TS_JUST_WORD_EM each), and never next to a one-syllable word
 * (การ ศึกษา, ยก ระดับ would read as two words). Past both limits a ragged
 * line is better than gaps that split phrases. */
static void
just_gaps(const TsText *t, const TsLine *ln, double extra, double *per_space, double *per_word)
{
	const TsCluster *cl = t->cl;
	size_t nsp = 0, nwb = 0;
	for (size_t i = ln->c0 + 1; i < ln->c1; i++) {
		if (!(cl[i].flags & TS_BRK))
			continue;
		if (cl[i - 1].flags & TS_SPACE)
			nsp++;
		else if ((cl[i].flags & (TS_INRUN | TS_GLUE)) == TS_INRUN)
			nwb++;
	}
	double sp_max = TS_JUST_SPACE_EM * t->em, wb_max = TS_JUST_WORD_EM * t->em;
	if (nsp > 0 && extra <= sp_max * (double)nsp) {
		*per_space = extra / (double)nsp;
		return;
	}
	double rest = extra - sp_max * (double)nsp;
	if (nwb > 0 && rest <= wb_max * (double)nwb) {
		*per_space = nsp > 0 ? sp_max : 0;
		*per_word = rest / (double)nwb;
	}
}

/* Thai distributed: each gap inside Thai text takes *per_gap, each space
 * TS_DIST_SPACE_SHARE times that; 0 when the line has no Thai gap (then the
 * spaces and word boundaries take it) or would need more than
 * TS_DIST_GAP_EM a gap (ragged). Returns whether the line has Thai gaps. */
static int
dist_gaps(const TsText *t, const TsLine *ln, double extra, double *per_gap)
{
	const TsCluster *cl = t->cl;
	size_t nth = 0, nsp = 0;
	for (size_t i = ln->c0 + 1; i < ln->c1; i++) {
		if ((cl[i].flags & TS_BRK) && (cl[i - 1].flags & TS_SPACE))
			nsp++;
		else if (thai_gap(t, i))
			nth++;
	}
	if (nth == 0)
		return 0;
	double per = extra / ((double)nth + TS_DIST_SPACE_SHARE * (double)nsp);
	if (per <= TS_DIST_GAP_EM * t->em + 1e-9)
		*per_gap = per;
	return 1;
}

void
ts_text_emit(TsCtx *c, DisplayList *dl, size_t p, const TsText *t, const TsLine *lines,
	size_t k, size_t n, double x, double y, double w, DocAlign align, const char *src)
{
	const TsLine *ln = &lines[k];
	if (ln->c1 <= ln->c0)
		return;
	const TsCluster *cl = t->cl;
	size_t g0 = cl[ln->c0].g0, g1 = ts_cl_glyph_end(t, ln->c1 - 1);
	double extra = w - ln->width;
	double x0 = x;
	double per_space = 0, per_word = 0, per_gap = 0;
	int distributed = 0;
	if (align == DOC_ALIGN_RIGHT)
		x0 = x + extra;
	else if (align == DOC_ALIGN_CENTER)
		x0 = x + extra / 2;
	else if ((align == DOC_ALIGN_JUSTIFY || align == DOC_ALIGN_DEFAULT) && k + 1 < n && !lines[k].hard &&
	    extra > 0) {
		if (c->justify == TS_JUSTIFY_THAI)
			distributed = dist_gaps(t, ln, extra, &per_gap);
		if (!distributed)
			just_gaps(t, ln, extra, &per_space, &per_word);
	}
	DlGlyph *gl = arena_array(dl->page_arena, g1 - g0, sizeof *gl);
	memcpy(gl, t->glyphs + g0, (g1 - g0) * sizeof *gl);
	double width = ln->width;
	if (per_space > 0 || per_word > 0 || per_gap > 0) {
		for (size_t i = ln->c0 + 1; i < ln->c1; i++) {
			double per;
			if (per_gap > 0)
				per = (cl[i].flags & TS_BRK) && (cl[i - 1].flags & TS_SPACE) ?
				    per_gap * TS_DIST_SPACE_SHARE : thai_gap(t, i) ? per_gap : 0;
			else if (!(cl[i].flags & TS_BRK))
				continue;
			else
				per = (cl[i - 1].flags & TS_SPACE) ? per_space :
				    (cl[i].flags & (TS_INRUN | TS_GLUE)) == TS_INRUN ? per_word : 0;
			if (per <= 0)
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
	DlRun *runs = arena_array(dl->page_arena, nruns, sizeof *runs);
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
	size_t b0 = cl[ln->c0].byte0, b1 = ts_cl_byte_end(t, ln->c1 - 1);
	it->u.text.text = arena_strndup(dl->page_arena, t->str + b0, b1 - b0);
	it->u.text.src = src;
	it->u.text.x = x0;
	it->u.text.y = y;
	it->u.text.width = width;
	it->u.text.runs = runs;
	it->u.text.nruns = nruns;
}
