/* chart.c - a chart: horizontal bars (one series, a goal mark), stacked
 * bars with a legend, or vertical columns, on a round scale. */
#include "typeset/lay.h"

#include <math.h>
#include <string.h>

/* Heights in lines of the chart's labels (size body - 2): the legend's
 * rows; below the columns, their category labels and the room their
 * total height reserves; a bar's row; the goal's label above the bars
 * (else BARS_TOP_GAP); the scale below the bars, as reserved and as
 * left after it; and the space below the chart. */
#define LEGEND_LINES 1.3
#define CATEGORY_LINES 1.2
#define COLUMNS_BELOW_LINES 2.2
#define BAR_ROW_LINES 1.25
#define GOAL_LABEL_LINES 1.2
#define BARS_TOP_GAP 0.3
#define BARS_SCALE_LINES 1.5
#define BARS_SCALE_BELOW 1.3
#define CHART_AFTER 0.5
/* The bars fill BAR_SHARE of a column's slot or a bar's row, centred
 * (BAR_INSET = (1 - BAR_SHARE) / 2 before them). */
#define BAR_SHARE 0.7
#define BAR_INSET 0.15
/* The category labels left of horizontal bars take at most this share of
 * the text width. */
#define CATEGORY_COLUMN_MAX 0.35
/* A legend's colour swatch: its top and height in lines. */
#define SWATCH_TOP 0.3
#define SWATCH_HEIGHT 0.45
/* Stacked shares summing to within this of the scale's maximum (100 %)
 * print no total at the bar's end. */
#define STACK_FULL_SLACK 0.5
/* Line widths (points): the axes, the scale's grid lines and ticks, the
 * goal mark. */
#define AXIS_LW 0.8
#define GRIDLINE_LW 0.4
#define TICK_LW 0.5
#define GOAL_LW 1.2

static const DlColor BLACK = { 0, 0, 0, 0 };
static const DlColor GOAL = { 192, 0, 0, 0 };
static const DlColor PALETTE[] = {
	{ 68, 114, 196, 0 }, { 237, 125, 49, 0 }, { 112, 173, 71, 0 }, { 255, 192, 0, 0 },
	{ 91, 155, 213, 0 }, { 165, 165, 165, 0 }, { 158, 72, 14, 0 }, { 99, 37, 110, 0 },
};

static double
nice_max(double v)
{
	if (v <= 0)
		return 1;
	double e = pow(10, floor(log10(v)));
	double m = v / e;
	double n = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
	return n * e;
}

/* Number of scale divisions giving round steps, and the decimals they need. */
static int
ticks_of(double vmax, int *decimals)
{
	static const int tries[] = { 4, 5, 2, 10 };
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		double st = vmax / tries[i];
		if (fabs(st - round(st)) < 1e-9) {
			*decimals = 0;
			return tries[i];
		}
	}
	*decimals = 1;
	return 4;
}

static const char *
fmt_value(Lay *L, double v, int decimals, const char *unit)
{
	char b[40];
	dl_fmt_num(b, v, decimals);
	/* dl_fmt_num drops trailing zeros; charts print the decimals asked for. */
	char full[64];
	size_t n = strlen(b);
	memcpy(full, b, n + 1);
	if (decimals > 0) {
		char *dot = strchr(full, '.');
		size_t have = dot ? strlen(dot + 1) : 0;
		if (!dot) {
			full[n++] = '.';
			full[n] = '\0';
		}
		for (; have < (size_t)decimals && n + 1 < sizeof full; have++) {
			full[n++] = '0';
			full[n] = '\0';
		}
	}
	const char *s = arena_printf(L->a, "%s%s", full, unit ? unit : "");
	return lay_digits(L, s);
}

void
lay_chart(Lay *L, const DocChart *ch)
{
	double size = L->body - 2, lh = lh_of(L, size);
	int bi = L->nblock;
	int has_title = ch->title && *ch->title;
	double title_h = has_title ? lh_of(L, L->body) : 0;
	size_t ncat = ch->ncat, ns = ch->nseries;
	double vmax = ch->max;
	if (vmax <= 0) {
		for (size_t i = 0; i < ncat; i++) {
			double sum = 0;
			for (size_t j = 0; j < ns; j++) {
				double v = ch->values[j * ncat + i];
				if (ch->kind == DOC_CHART_STACKED)
					sum += v;
				else if (v > sum)
					sum = v;
			}
			if (sum > vmax)
				vmax = sum;
		}
		if (ch->has_goal && ch->goal > vmax)
			vmax = ch->goal;
		vmax = nice_max(vmax);
	}
	const char *unit = ch->unit;
	double legend_h = ns > 1 || ch->kind == DOC_CHART_STACKED ? lh * LEGEND_LINES : 0;

	if (ch->kind == DOC_CHART_COLUMNS) {
		double plot_h = 55 * MM;
		double total = title_h + plot_h + lh * COLUMNS_BELOW_LINES + legend_h + lh;
		lay_need(L, total);
		double y = L->y;
		if (has_title)
			lay_put_text(L, ch->title, L->body, 1, L->x0, y, L->width, DOC_ALIGN_CENTER,
				lay_tag(L, "c%dt", bi, 0, 0));
		y += title_h + lh;
		double ax = L->x0 + 12 * MM, aw = L->width - 12 * MM;
		double slot = aw / (double)ncat, bw = slot * BAR_SHARE / (double)ns;
		/* grid lines and scale */
		int tdec, nt = ticks_of(vmax, &tdec);
		for (int k = 0; k <= nt; k++) {
			double v = vmax * k / nt, yy = y + plot_h - plot_h * k / nt;
			lay_line(L, ax, yy, ax + aw, yy, k == 0 ? BLACK : dl_rgb(220, 220, 220), k == 0 ? AXIS_LW : GRIDLINE_LW);
			lay_put_text(L, fmt_value(L, v, tdec, NULL), size, 0, L->x0, yy - lh / 2, 11 * MM,
				DOC_ALIGN_RIGHT, lay_tag(L, "c%ds%d", bi, k, 0));
		}
		for (size_t i = 0; i < ncat; i++) {
			double sx = ax + slot * (double)i + slot * BAR_INSET;
			for (size_t j = 0; j < ns; j++) {
				double v = ch->values[j * ncat + i];
				double hgt = vmax > 0 ? plot_h * (v < 0 ? 0 : v > vmax ? vmax : v) / vmax : 0;
				double bx = sx + bw * (double)j;
				lay_rect(L, bx, y + plot_h - hgt, bw, hgt, PALETTE[j % 8], DL_NONE, 0);
				lay_put_text(L, fmt_value(L, v, ch->decimals, NULL), size - 2, 0, bx - 2 * MM,
					y + plot_h - hgt - lh, bw + 4 * MM, DOC_ALIGN_CENTER,
					lay_tag(L, "c%dv%d_%d", bi, (int)j, (int)i));
			}
			lay_put_text(L, ch->categories[i], size, 0, ax + slot * (double)i, y + plot_h + 0.5 * MM,
				slot, DOC_ALIGN_CENTER, lay_tag(L, "c%dk%d", bi, (int)i, 0));
		}
		y += plot_h + lh * CATEGORY_LINES;
		L->y = y;
	} else {
		/* Horizontal bars: labels on the left, values at the bar ends. */
		double lw = 0;
		for (size_t i = 0; i < ncat; i++) {
			double w = lay_text_width(L, ch->categories[i], size, 0);
			if (w > lw)
				lw = w;
		}
		lw += 2 * MM;
		if (lw > L->width * CATEGORY_COLUMN_MAX)
			lw = L->width * CATEGORY_COLUMN_MAX;
		double ax = L->x0 + lw, aw = L->width - lw - 18 * MM;
		double row = lh * BAR_ROW_LINES;
		/* Category labels may wrap: row height from the widest label. */
		double total = title_h + lh * GOAL_LABEL_LINES + row * (double)ncat + lh * BARS_SCALE_LINES + legend_h;
		lay_need(L, total > L->bottom - L->top ? L->bottom - L->top : total);
		double y = L->y;
		if (has_title)
			lay_put_text(L, ch->title, L->body, 1, L->x0, y, L->width, DOC_ALIGN_CENTER,
				lay_tag(L, "c%dt", bi, 0, 0));
		y += title_h;
		/* Room above the bars for the goal's label only when there is one. */
		if (ch->has_goal) {
			lay_put_text(L, lay_join(L, (const char *[]){ L->doc->words.goal,
				fmt_value(L, ch->goal, ch->decimals, unit) }, 2),
				size, 0, ax + aw * ch->goal / vmax - 20 * MM, y, 40 * MM, DOC_ALIGN_CENTER,
				lay_tag(L, "c%dg", bi, 0, 0));
			y += lh * GOAL_LABEL_LINES;
		} else {
			y += lh * BARS_TOP_GAP;
		}
		double y_axis0 = y;
		for (size_t i = 0; i < ncat; i++) {
			if (y + row > L->bottom) {
				lay_open_page(L);
				L->page_used = 1;
				y = L->y;
				y_axis0 = y;
			}
			lay_put_text(L, ch->categories[i], size, 0, L->x0, y + (row - lh) / 2, lw - 2 * MM,
				DOC_ALIGN_RIGHT, lay_tag(L, "c%dk%d", bi, (int)i, 0));
			double bx = ax, sum = 0;
			for (size_t j = 0; j < ns; j++) {
				double v = ch->values[j * ncat + i];
				if (v < 0)
					v = 0;
				double bw = vmax > 0 ? aw * (v > vmax ? vmax : v) / vmax : 0;
				lay_rect(L, bx, y + row * BAR_INSET, bw, row * BAR_SHARE, PALETTE[j % 8], DL_NONE, 0);
				if (ch->kind == DOC_CHART_STACKED && v > 0 &&
				    bw > lay_text_width(L, fmt_value(L, v, ch->decimals, NULL), size - 2, 0) + 2)
					lay_put_text(L, fmt_value(L, v, ch->decimals, NULL), size - 2, 0, bx,
						y + (row - lh_of(L, size - 2)) / 2, bw, DOC_ALIGN_CENTER,
						lay_tag(L, "c%dv%d_%d", bi, (int)j, (int)i));
				bx += bw;
				sum += v;
			}
			/* The total at the bar's end, but not a stack of shares that
			 * adds up to its scale (100 % at the end of every bar). */
			if (ch->kind != DOC_CHART_STACKED || ch->max <= 0 || fabs(sum - ch->max) > STACK_FULL_SLACK)
				lay_put_text(L, fmt_value(L, sum, ch->decimals, ch->kind == DOC_CHART_STACKED ? NULL : unit),
					size, 0, bx + 1.5 * MM, y + (row - lh) / 2, 18 * MM, DOC_ALIGN_LEFT,
					lay_tag(L, "c%dv%d", bi, (int)i, 0));
			y += row;
		}
		lay_line(L, ax, y_axis0, ax, y, BLACK, AXIS_LW);
		lay_line(L, ax, y, ax + aw, y, BLACK, AXIS_LW);
		int tdec, nt = ticks_of(vmax, &tdec);
		for (int k = 0; k <= nt; k++) {
			double xx = ax + aw * k / nt;
			lay_line(L, xx, y, xx, y + 1 * MM, BLACK, TICK_LW);
			lay_put_text(L, fmt_value(L, vmax * k / nt, tdec, unit), size - 2, 0, xx - 10 * MM, y + 1 * MM,
				20 * MM, DOC_ALIGN_CENTER, lay_tag(L, "c%ds%d", bi, k, 0));
		}
		if (ch->has_goal && vmax > 0) {
			double gx = ax + aw * (ch->goal > vmax ? vmax : ch->goal) / vmax;
			lay_line(L, gx, y_axis0 - 1 * MM, gx, y, GOAL, GOAL_LW);
		}
		L->y = y + lh * BARS_SCALE_BELOW;
	}
	if (legend_h > 0) {
		double x = L->x0;
		for (size_t j = 0; j < ns; j++) {
			double tw = lay_text_width(L, ch->series[j], size, 0);
			if (x + 6 * MM + tw > L->x0 + L->width && x > L->x0) {
				L->y += lh;
				x = L->x0;
			}
			lay_rect(L, x, L->y + lh * SWATCH_TOP, 3.5 * MM, lh * SWATCH_HEIGHT, PALETTE[j % 8], DL_NONE, 0);
			lay_put_text(L, ch->series[j], size, 0, x + 5 * MM, L->y, tw + 1, DOC_ALIGN_LEFT,
				lay_tag(L, "c%dl%d", bi, (int)j, 0));
			x += 5 * MM + tw + 5 * MM;
		}
		L->y += lh;
	}
	L->y += lh * CHART_AFTER;
}
