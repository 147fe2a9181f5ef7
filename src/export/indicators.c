/* indicators.c - JSON and CSV export of the results (see indicators.h). */
#include "export/indicators.h"

#include <string.h>

#include "core/json.h"
#include "core/numfmt.h"

/* The headline value as the JSON and CSV print it. */
static void
format_value(const TargetResult *t, char *buf, size_t size)
{
	if (measure_shown_cut(t))
		num_format_double(measure_cut2(t->value), 2, NUM_NO_GROUPING, buf, size);
	else if (t->is_percent)
		num_format_percent(t->num, t->den, NUM_NO_GROUPING, buf, size);
	else if (t->target->metric.result == RESULT_MEAN && !t->is_level)
		num_format_double(t->value, 2, NUM_NO_GROUPING, buf, size);
	else
		num_format_int((long long)(t->value + (t->value < 0 ? -0.5 : 0.5)), NUM_NO_GROUPING, buf, size);
	if ((t->is_percent && t->den == 0) || t->no_data || t->gap != GAP_NONE)
		snprintf(buf, size, "null");
}

static void
format_goal(const TargetResult *t, char *buf, size_t size)
{
	if (!t->target->has_goal)
		snprintf(buf, size, "null");
	else
		/* A mean of answers reads 4.00, as its value; a level stays 3. */
		num_format_double(t->goal, t->goal == (long long)t->goal && !(t->target->metric.result == RESULT_MEAN &&
		    t->target->metric.source == SOURCE_RESPONSES) ? 0 : 2, NUM_NO_GROUPING, buf, size);
}

static const char *
met_word(const TargetResult *t)
{
	if (t->judged)
		return t->met ? "true" : "false";
	/* Not judged (no data from its instrument, no school in its population,
	 * nobody to count yet) is not a miss: unknown. */
	return "null";
}

/* Baht: "500000", or "212350.50" when there are satang. */
static void
format_baht(Satang v, char *buf, size_t size)
{
	num_format_money(v, NUM_NO_GROUPING | NUM_TRIM_SATANG, buf, size);
}

static void
json_target(FILE *out, const TargetResult *t, int comma)
{
	char value[64], goal[64];
	format_value(t, value, sizeof(value));
	format_goal(t, goal, sizeof(goal));
	fputs("    {\"id\": ", out);
	json_string(out, t->target->id);
	fprintf(out, ", \"value\": %s, \"goal\": %s, \"unit\": ", value, goal);
	json_string(out, t->unit);
	fprintf(out, ", \"met\": %s}%s\n", met_word(t), comma ? "," : "");
}

int
indicators_write_json(const Results *r, long errors, long warnings, FILE *out)
{
	char iso[16];
	cal_format(r->as_of, CAL_FORMAT_ISO, 0, iso, sizeof(iso));
	fprintf(out, "{\"fiscal_year\": %d, \"as_of\": \"%s\", \"schools\": %ld,\n  \"targets\": [\n",
	    r->fiscal_year, iso, r->schools);
	size_t total = r->ntargets + r->nindicators;
	for (size_t i = 0; i < r->ntargets; i++)
		json_target(out, &r->targets[i], i + 1 < total);
	for (size_t i = 0; i < r->nindicators; i++)
		json_target(out, &r->indicators[i], r->ntargets + i + 1 < total);

	const BudgetResults *b = &r->budget;
	char a[64], s[64], rem[64];
	format_baht(b->approved_total, a, sizeof(a));
	format_baht(b->spent, s, sizeof(s));
	format_baht(b->remaining, rem, sizeof(rem));
	fprintf(out, "  ],\n  \"budget\": {\"approved\": %s, \"spent\": %s, \"remaining\": %s, "
	    "\"activities\": [\n", a, s, rem);
	for (size_t i = 0; i < b->nlines; i++) {
		format_baht(b->lines[i].approved, a, sizeof(a));
		format_baht(b->lines[i].spent, s, sizeof(s));
		fprintf(out, "    {\"no\": %d, \"approved\": %s, \"spent\": %s}%s\n", b->lines[i].activity, a,
		    s, i + 1 < b->nlines ? "," : "");
	}
	fprintf(out, "  ]},\n  \"errors\": %ld, \"warnings\": %ld}\n", errors, warnings);
	return ferror(out) ? -1 : 0;
}

/* A CSV field: quoted when it holds a comma, a quote or a newline. */
static void
csv_field(FILE *out, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int
indicators_write_csv(const Results *r, FILE *out)
{
	fputs("id,value,goal,unit,met\n", out);
	size_t total = r->ntargets + r->nindicators;
	for (size_t i = 0; i < total; i++) {
		const TargetResult *t = i < r->ntargets ? &r->targets[i] : &r->indicators[i - r->ntargets];
		char value[64], goal[64];
		format_value(t, value, sizeof(value));
		format_goal(t, goal, sizeof(goal));
		const char *met = met_word(t);
		csv_field(out, t->target->id);
		fprintf(out, ",%s,%s,", strcmp(value, "null") ? value : "", strcmp(goal, "null") ? goal : "");
		csv_field(out, t->unit ? t->unit : "");
		fprintf(out, ",%s\n", strcmp(met, "null") ? met : "");
	}
	/* The budget: value = spent, goal = approved; met = within the project
	 * total. Per activity there is no met: ถัวจ่าย allows an activity to spend
	 * above its own approval. */
	const BudgetResults *b = &r->budget;
	char a[64], s[64];
	format_baht(b->spent, s, sizeof(s));
	format_baht(b->approved_total, a, sizeof(a));
	fprintf(out, "budget,%s,%s,บาท,%s\n", s, a, b->over_total ? "false" : "true");
	for (size_t i = 0; i < b->nlines; i++) {
		format_baht(b->lines[i].spent, s, sizeof(s));
		format_baht(b->lines[i].approved, a, sizeof(a));
		fprintf(out, "budget.%d,%s,%s,บาท,\n", b->lines[i].activity, s, a);
	}
	return ferror(out) ? -1 : 0;
}
