/* plan_v1.c - the first plan.xml format (fiscal year 2558), translated into
 * the composed metrics of model/plan.h.
 *
 * That format named one hand-written metric per target ("event-count",
 * "school-coverage", ...) and fixed the event kinds in its schema. This file
 * is the one place that still knows those six kinds: they were part of the
 * format, not of a plan, and a plan of that format cannot declare them. A
 * plan of the current format declares its own <event-kinds>, and nothing
 * else in the program names a kind. */
#include "load/plan_v1.h"

#include <string.h>

static const struct V1Metric {
	const char *name;
	MetricSource source;
	MetricMembers members;
	MetricPeriod every;
	MetricResult result;
	MetricDenominator denominator;
	const char *needs;
} v1_metrics[] = {
	{ "event-count", SOURCE_EVENTS, MEMBERS_EVENTS, PERIOD_NONE, RESULT_COUNT, DENOMINATOR_ALL, "event-type" },
	{ "event-windows", SOURCE_EVENTS, MEMBERS_EVENTS, PERIOD_MONTHS, RESULT_COUNT, DENOMINATOR_ALL, "event-type" },
	{ "weekday-coverage", SOURCE_EVENTS, MEMBERS_PERIODS, PERIOD_WEEKDAY, RESULT_PERCENT, DENOMINATOR_ALL, "event-type" },
	{ "month-coverage", SOURCE_VISITS, MEMBERS_PERIODS, PERIOD_MONTH, RESULT_COUNT, DENOMINATOR_ALL, NULL },
	{ "school-coverage", SOURCE_VISITS, MEMBERS_SCHOOLS, PERIOD_NONE, RESULT_PERCENT, DENOMINATOR_ALL, "activity" },
	{ "staff-coverage", SOURCE_ATTENDANCE, MEMBERS_PEOPLE, PERIOD_NONE, RESULT_PERCENT, DENOMINATOR_ALL, NULL },
	{ "network-coverage", SOURCE_VISITS, MEMBERS_NETWORKS, PERIOD_NONE, RESULT_PERCENT, DENOMINATOR_ALL, "activity" },
	{ "per-school-visits", SOURCE_VISITS, MEMBERS_SCHOOLS, PERIOD_NONE, RESULT_PERCENT, DENOMINATOR_ALL, NULL },
	{ "event-held", SOURCE_EVENTS, MEMBERS_EVENTS, PERIOD_NONE, RESULT_COUNT, DENOMINATOR_ALL, "event-type" },
	{ "eval-pass-percent", SOURCE_EVALUATIONS, MEMBERS_SCHOOLS, PERIOD_NONE, RESULT_PERCENT, DENOMINATOR_ALL, NULL },
	{ "satisfied-percent", SOURCE_RESPONSES, MEMBERS_SCHOOLS, PERIOD_NONE, RESULT_PERCENT, DENOMINATOR_MEASURED, NULL },
	{ "practice-percent", SOURCE_PRACTICES, MEMBERS_SCHOOLS, PERIOD_NONE, RESULT_PERCENT, DENOMINATOR_ALL, NULL },
	{ "system-quality", SOURCE_ASSESSMENTS, MEMBERS_EVENTS, PERIOD_NONE, RESULT_MEAN, DENOMINATOR_ALL, NULL },
};

int
plan_v1_compose(const char *name, Metric *m, const char **needs)
{
	for (size_t i = 0; name && i < sizeof(v1_metrics) / sizeof(v1_metrics[0]); i++) {
		const struct V1Metric *v = &v1_metrics[i];
		if (strcmp(v->name, name) != 0)
			continue;
		m->source = v->source;
		m->members = v->members;
		m->every = v->every;
		m->result = v->result;
		m->denominator = v->denominator;
		*needs = v->needs;
		return 0;
	}
	*needs = NULL;
	return -1;
}

const char *
plan_v1_names(void)
{
	return "event-count, event-windows, weekday-coverage, month-coverage, school-coverage, "
	    "staff-coverage, network-coverage, per-school-visits, event-held, eval-pass-percent, "
	    "satisfied-percent, practice-percent or system-quality";
}

void
plan_v1_event_kinds(Arena *a, Plan *p)
{
	static const struct {
		const char *code, *title, *alias;
		int attendance, committee;
	} kinds[] = {
		{ "กตปน", "ก.ต.ป.น.", "ก.ต.ป.น.", 0, 1 },
		{ "ประชุมประจำเดือน", "ประชุมประจำเดือน", NULL, 0, 0 },
		{ "KM", "แลกเปลี่ยนเรียนรู้ (KM)", NULL, 0, 0 },
		{ "ประชุมปฏิบัติการแผน", "ประชุมปฏิบัติการจัดทำแผน", NULL, 0, 0 },
		{ "ประชุมปฏิบัติการรายงาน", "ประชุมปฏิบัติการจัดทำรายงาน", NULL, 0, 0 },
		{ "สวัสดีคุณครู", "สวัสดีคุณครู", NULL, 1, 0 },
	};
	size_t n = sizeof(kinds) / sizeof(kinds[0]);
	p->event_kinds = arena_array(a, n, sizeof(*p->event_kinds));
	p->nevent_kinds = n;
	for (size_t i = 0; i < n; i++) {
		PlanEventKind *k = &p->event_kinds[i];
		k->code = kinds[i].code;
		k->title = kinds[i].title;
		k->attendance = kinds[i].attendance;
		k->committee = kinds[i].committee;
		if (kinds[i].alias) {
			k->aliases.items = arena_array(a, 1, sizeof(*k->aliases.items));
			k->aliases.items[0] = kinds[i].alias;
			k->aliases.n = 1;
		}
	}
}
