/* plan.c - the lookups of model/plan.h and the names of the metric
 * vocabulary, so that measure/ and report/ need nothing from load/. */
#include "model/plan.h"

#include <string.h>

const char *const plan_source_names[SOURCE_NSOURCES + 1] = {
	[SOURCE_VISITS] = "visits",
	[SOURCE_EVENTS] = "events",
	[SOURCE_ATTENDANCE] = "attendance",
	[SOURCE_EVALUATIONS] = "evaluations",
	[SOURCE_RESPONSES] = "responses",
	[SOURCE_PRACTICES] = "practices",
	[SOURCE_SCORES] = "scores",
	[SOURCE_SPENDING] = "spending",
	[SOURCE_ASSESSMENTS] = "assessments",
	[SOURCE_NSOURCES] = NULL,
};

#define M(x) (1u << (x))
#define ROWS_MEMBERS (M(MEMBERS_EVENTS) | M(MEMBERS_PERIODS))
#define COUNT_OR_PERCENT (M(RESULT_COUNT) | M(RESULT_PERCENT))
const PlanSource plan_sources[SOURCE_NSOURCES] = {
	[SOURCE_VISITS] = { MEMBERS_EVENTS, ROWS_MEMBERS | M(MEMBERS_SCHOOLS) | M(MEMBERS_PEOPLE) |
	    M(MEMBERS_TEACHERS) | M(MEMBERS_NETWORKS), RESULT_COUNT, COUNT_OR_PERCENT, "topic mode", 1, 0, 1 },
	[SOURCE_EVENTS] = { MEMBERS_EVENTS, ROWS_MEMBERS, RESULT_COUNT, COUNT_OR_PERCENT, "event-kind", 1, 0, 1 },
	[SOURCE_ATTENDANCE] = { MEMBERS_PEOPLE, M(MEMBERS_PEOPLE) | M(MEMBERS_TEACHERS) | M(MEMBERS_SCHOOLS),
	    RESULT_COUNT, COUNT_OR_PERCENT, "event-kind", 1, 0, 1 },
	[SOURCE_EVALUATIONS] = { MEMBERS_SCHOOLS, M(MEMBERS_SCHOOLS), RESULT_COUNT,
	    COUNT_OR_PERCENT | M(RESULT_MEAN), "min-level", 0, 1, 0 },
	[SOURCE_RESPONSES] = { MEMBERS_SCHOOLS, M(MEMBERS_SCHOOLS) | M(MEMBERS_RESPONDENTS), RESULT_COUNT,
	    COUNT_OR_PERCENT | M(RESULT_MEAN), "survey min-mean", 0, 1, 0 },
	[SOURCE_PRACTICES] = { MEMBERS_SCHOOLS, M(MEMBERS_SCHOOLS) | M(MEMBERS_EVENTS), RESULT_COUNT,
	    COUNT_OR_PERCENT, "", 1, 0, 0 },
	[SOURCE_SCORES] = { MEMBERS_SCHOOLS, M(MEMBERS_SCHOOLS), RESULT_COUNT, COUNT_OR_PERCENT,
	    "test grade subject year", 0, 1, 0 },
	/* A share of the approved budget, and only that. */
	[SOURCE_SPENDING] = { MEMBERS_EVENTS, M(MEMBERS_EVENTS), RESULT_PERCENT, M(RESULT_PERCENT), "", 0, 0, 1 },
	/* An instrument's items are summed up as their mean, and only so. */
	[SOURCE_ASSESSMENTS] = { MEMBERS_EVENTS, M(MEMBERS_EVENTS), RESULT_MEAN, M(RESULT_MEAN), "", 0, 0, 0 },
};
#undef COUNT_OR_PERCENT
#undef ROWS_MEMBERS
#undef M

const char plan_source_attributes[] = "topic mode event-kind min-level survey min-mean test grade subject year";

const char *const plan_members_names[MEMBERS_NKINDS + 1] = {
	[MEMBERS_EVENTS] = "events",
	[MEMBERS_SCHOOLS] = "schools",
	[MEMBERS_PEOPLE] = "people",
	[MEMBERS_TEACHERS] = "teachers",
	[MEMBERS_NETWORKS] = "networks",
	[MEMBERS_RESPONDENTS] = "respondents",
	[MEMBERS_PERIODS] = "periods",
	[MEMBERS_NKINDS] = NULL,
};

const char *const plan_period_names[PERIOD_NKINDS + 1] = {
	[PERIOD_NONE] = "year",
	[PERIOD_TERM] = "term",
	[PERIOD_QUARTER] = "quarter",
	[PERIOD_MONTH] = "month",
	[PERIOD_MONTHS] = "months",
	[PERIOD_WEEKDAY] = "week",
	[PERIOD_NKINDS] = NULL,
};

const char *const plan_result_names[RESULT_NKINDS + 1] = {
	[RESULT_COUNT] = "count",
	[RESULT_PERCENT] = "percent",
	[RESULT_MEAN] = "mean",
	[RESULT_NKINDS] = NULL,
};

int
plan_counts_source(const Plan *p, MetricSource source)
{
	for (size_t i = 0; i < p->ntargets; i++)
		if (p->targets[i].metric.source == source)
			return 1;
	for (size_t i = 0; i < p->nindicators; i++)
		if (p->indicators[i].target.metric.source == source)
			return 1;
	return 0;
}

const char *
plan_network_word(const Plan *p)
{
	return p->network_word && *p->network_word ? p->network_word : "เครือข่าย";
}

const PlanActivity *
plan_activity(const Plan *p, int no)
{
	for (size_t i = 0; i < p->nactivities; i++)
		if (p->activities[i].no == no)
			return &p->activities[i];
	return NULL;
}

/* Targets first, then the indicators' targets, so an indicator is found too. */
const PlanTarget *
plan_target(const Plan *p, const char *id)
{
	for (size_t i = 0; i < p->ntargets; i++)
		if (strcmp(p->targets[i].id, id) == 0)
			return &p->targets[i];
	for (size_t i = 0; i < p->nindicators; i++)
		if (strcmp(p->indicators[i].target.id, id) == 0)
			return &p->indicators[i].target;
	return NULL;
}

const PlanTopic *
plan_topic(const Plan *p, const char *code)
{
	for (size_t a = 0; code && a < p->nactivities; a++)
		for (size_t k = 0; k < p->activities[a].ntopics; k++)
			if (!strcmp(p->activities[a].topics[k].code, code))
				return &p->activities[a].topics[k];
	return NULL;
}

const PlanEventKind *
plan_event_kind(const Plan *p, const char *word)
{
	for (size_t i = 0; word && i < p->nevent_kinds; i++) {
		const PlanEventKind *k = &p->event_kinds[i];
		if (!strcmp(k->code, word))
			return k;
		for (size_t j = 0; j < k->aliases.n; j++)
			if (!strcmp(k->aliases.items[j], word))
				return k;
	}
	return NULL;
}

const PlanSurvey *
plan_survey(const Plan *p, const char *code)
{
	for (size_t i = 0; code && i < p->nsurveys; i++)
		if (!strcmp(p->surveys[i].code, code))
			return &p->surveys[i];
	return NULL;
}

const PlanEventKind *
plan_committee_kind(const Plan *p)
{
	for (size_t i = 0; i < p->nevent_kinds; i++)
		if (p->event_kinds[i].committee)
			return &p->event_kinds[i];
	return NULL;
}
