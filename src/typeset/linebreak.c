/* linebreak.c - a shaped paragraph's lines, chosen together: the least
 * total cost over every way to break it (line costs, break penalties,
 * uneven ends, lines a justified paragraph would leave ragged), the breaks
 * found remembered with a remembered text; and its narrowest and natural
 * widths. */
#include "typeset/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

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
		if ((cl->flags & TS_BRK) && !(cl->flags & TS_TIED)) {
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

/* Line costs of ts_text_break, ordered on purpose: a break between words
 * (40 to 260) < splitting a short phrase (about 460) < a justified line left
 * ragged (PEN_RAGGED, more the shorter it is) < one line more (COST_LINE) <
 * leaving a one-syllable part of a compound or a name alone (from 640) <
 * breaking inside a word (COST_EMERG: only when no legal break fits). So a
 * paragraph takes a line more to keep บ้านห้วยน้ำใส or ภาค|ผนวก whole, never
 * to avoid a ragged line. Uneven line ends cost COST_SLACK * (slack /
 * width)^2, less in narrow boxes (table cells, where ragged lines are the
 * rule), and not on a paragraph's last line. A break inside a run no wider
 * than SHORT_RUN of the line costs PEN_SHORT_RUN more: names are written
 * without spaces and read as one word; they and short phrases move whole to
 * the next line when a space before them allows it. A justified paragraph's
 * first line left ragged costs PEN_RAGGED_FIRST more: it is indented, and
 * short as well it reads as a paragraph of its own; better a later line
 * takes the shortfall, or a break inside a run lets the first line fill. */
#define COST_LINE 620.0
#define COST_EMERG 1e8
#define COST_SLACK 1000.0
#define NARROW_EM 20.0
#define SHORT_RUN 0.3
#define PEN_SHORT_RUN 300.0
#define PEN_RAGGED 600.0
#define PEN_RAGGED_FIRST 600.0

typedef struct BrkNode {
	double cost;
	size_t from;                      /* start of the line ending here */
	size_t end;                       /* its end (cluster after it) */
	double width;
	int hard;
} BrkNode;


/* A line from s to e (exclusive; trailing spaces dropped later) of natural
 * width, in a box of wmax, whose gaps may take stretch points when it is
 * justified (negative: not justified): a way to reach the next line start.
 * first is the paragraph's first cluster. */
static void
relax(const TsText *t, BrkNode *nd, size_t first, size_t s, size_t e, double width, double wmax,
	double stretch, int hard, double pen)
{
	const TsCluster *cl = t->cl;
	size_t next = e;
	while (next < t->ncl && (cl[next].flags & TS_SPACE))
		next++;
	double cost = nd[s].cost + COST_LINE + pen;
	if (e < t->ncl && !hard && wmax > 0) {
		double slack = wmax - width, r = slack / wmax, k = wmax / (NARROW_EM * t->size);
		if (r < 0)
			r = 0;
		cost += COST_SLACK * r * r * (k < 1 ? k : 1);
		if (stretch >= 0 && slack > stretch + 0.01)
			cost += PEN_RAGGED + 4 * COST_SLACK * r * r + (s == first ? PEN_RAGGED_FIRST : 0);
	}
	if (cost < nd[next].cost) {
		nd[next].cost = cost;
		nd[next].from = s;
		nd[next].end = e;
		nd[next].width = width;
		nd[next].hard = hard;
	}
}

static size_t find_lines(const TsText *t, Arena *a, double w_first, double w_rest, int justify, TsLine **out);

size_t
ts_text_break(const TsText *t, Arena *a, double w_first, double w_rest, int justify, TsLine **out)
{
	for (const TsBreaks *b = t->home ? t->breaks : NULL; b; b = b->next)
		if (b->w_first == w_first && b->w_rest == w_rest && b->justify == justify) {
			*out = b->lines;
			return b->n;
		}
	size_t n = find_lines(t, a, w_first, w_rest, justify, out);
	if (t->home != NULL && arena_used(t->home) < TS_MEMO_BYTES) {
		/* The memo's text is the context's alone (one thread), and only
		 * its breaks change: remembered beside it. */
		TsText *tw = (TsText *)t;
		TsBreaks *b = arena_alloc(t->home, sizeof *b);
		b->w_first = w_first;
		b->w_rest = w_rest;
		b->justify = justify;
		b->n = n;
		b->lines = arena_array(t->home, n ? n : 1, sizeof *b->lines);
		memcpy(b->lines, *out, (n ? n : 1) * sizeof *b->lines);
		b->next = tw->breaks;
		tw->breaks = b;
		*out = b->lines;
	}
	return n;
}

/* The line breaks of t: ts_text_break's work. */
static size_t
find_lines(const TsText *t, Arena *a, double w_first, double w_rest, int justify, TsLine **out)
{
	const TsCluster *cl = t->cl;
	size_t ncl = t->ncl;
	/* Spaces that open the paragraph are dropped like those at a break. */
	size_t start = 0;
	while (start < ncl && (cl[start].flags & TS_SPACE))
		start++;
	if (start >= ncl) {
		*out = arena_array(a, 1, sizeof **out);
		return 0;
	}
	/* Width of the run (text between spaces) each cluster belongs to. */
	float *runw = mem_array(ncl, sizeof *runw);
	for (size_t r = 0; r < ncl;) {
		size_t e = r + 1;
		if (!(cl[r].flags & TS_SPACE))
			while (e < ncl && !(cl[e].flags & TS_SPACE))
				e++;
		float w = 0;
		for (size_t k = r; k < e; k++)
			w += cl[k].w;
		for (size_t k = r; k < e; k++)
			runw[k] = w;
		r = e;
	}
	/* Shortest path over line starts: nd[s] is the best way to start a line
	 * at cluster s (nd[ncl]: to finish). Lines only go forward, so one pass
	 * in order settles every node before it is left. */
	BrkNode *nd = mem_array(ncl + 1, sizeof *nd);
	for (size_t k = 0; k <= ncl; k++)
		nd[k].cost = HUGE_VAL;
	nd[start].cost = 0;
	for (size_t s = start; s < ncl; s++) {
		if (nd[s].cost == HUGE_VAL)
			continue;
		/* small tolerance so a line that fits exactly on paper is kept */
		double wmax = (s == start ? w_first : w_rest) + 0.01;
		double width = 0, trail = 0;
		int found = 0;
		size_t nsp = 0, nwb = 0, nth = 0; /* gaps of the line so far */
		size_t j = s;
		for (; j < ncl; j++) {
			if (cl[j].flags & TS_HARD) {
				relax(t, nd, start, s, j, width - trail, wmax, -1, 1, 0);
				found = 1;
				break;
			}
			if (j > s && (cl[j].flags & TS_BRK)) {
				double pen = cl[j].pen;
				if ((cl[j].flags & TS_INRUN) && runw[j] <= SHORT_RUN * wmax)
					pen += PEN_SHORT_RUN;
				double stretch = !justify ? -1 : justify == TS_JUSTIFY_THAI && nth > 0 ?
					t->em * TS_DIST_GAP_EM * ((double)nth + TS_DIST_SPACE_SHARE * (double)nsp) :
					t->em * (TS_JUST_SPACE_EM * (double)nsp + TS_JUST_WORD_EM * (double)nwb);
				relax(t, nd, start, s, j, width - trail, wmax, stretch, 0, pen);
				found = 1;
				if (cl[j - 1].flags & TS_SPACE)
					nsp++;
				else if ((cl[j].flags & (TS_INRUN | TS_GLUE)) == TS_INRUN)
					nwb++;
			}
			if (justify == TS_JUSTIFY_THAI && j > s && thai_gap(t, j))
				nth++;
			if (!(cl[j].flags & TS_SPACE) && j > s && width + cl[j].w > wmax) {
				if (!found) {
					/* Nothing breakable fits: split at the last cluster that may
					 * start a line (never inside a cluster or after a leading vowel). */
					size_t k = j;
					while (k > s + 1 && !(cl[k].flags & TS_EMERG))
						k--;
					if (k <= s)
						k = j;
					double w = 0;
					for (size_t m = s; m < k; m++)
						w += cl[m].w;
					relax(t, nd, start, s, k, w, wmax, -1, 0, COST_EMERG);
				}
				break;
			}
			width += cl[j].w;
			trail = (cl[j].flags & TS_SPACE) ? trail + cl[j].w : 0;
		}
		if (j == ncl)
			relax(t, nd, start, s, ncl, width - trail, wmax, -1, 0, 0);
	}
	free(runw);
	/* Walk back from the end. */
	size_t n = 0;
	for (size_t k = ncl; k != start; k = nd[k].from)
		n++;
	TsLine *lines = arena_array(a, n ? n : 1, sizeof *lines);
	size_t i = n;
	for (size_t k = ncl; k != start; k = nd[k].from) {
		const BrkNode *b = &nd[k];
		size_t e = b->end;
		while (e > b->from && (cl[e - 1].flags & TS_SPACE))
			e--;
		i--;
		lines[i].c0 = b->from;
		lines[i].c1 = e;
		lines[i].width = b->width;
		lines[i].hard = b->hard;
	}
	free(nd);
	*out = lines;
	return n;
}
