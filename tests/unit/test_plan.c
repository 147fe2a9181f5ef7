/* test_plan.c - load/plan: the bundled plan, and every way a plan is refused. */
#include "test.h"

#include "core/arena.h"
#include "core/diag.h"
#include "core/mem.h"
#include "load/plan.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PLAN "input/plan.xml"
#define XSD "config/plan.xsd"
#define DATA "tests/unit/data/plan/"
#define DEPTH 32
#define MAXB (4L << 20)

static int
said(const Diag *d, const char *needle)
{
	for (size_t i = 0; i < diag_nrecords(d); i++)
		if (strstr(diag_record(d, i)->text, needle) != NULL)
			return 1;
	return 0;
}

/* The first error (not warning) recorded, or NULL. */
static const DiagRecord *
first_error(const Diag *d)
{
	for (size_t i = 0; i < diag_nrecords(d); i++)
		if (diag_record(d, i)->severity >= DIAG_ROW)
			return diag_record(d, i);
	return NULL;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = mem_alloc(cap + 1);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = mem_grow(buf, cap + 1, 1);
		}
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* A copy of the bundled plan with the first `from` replaced by `to`, written
 * to a temporary file whose name goes to path (size >= 64). *line is the line
 * of the replaced text in the plan. Returns 0, or -1 when `from` is absent. */
static int
variant(const char *from, const char *to, char *path, long *line)
{
	size_t len;
	char *plan = slurp(PLAN, &len);
	if (plan == NULL)
		return -1;
	char *at = strstr(plan, from);
	if (at == NULL) {
		free(plan);
		return -1;
	}
	*line = 1;
	for (const char *p = plan; p < at; p++)
		if (*p == '\n')
			(*line)++;
	snprintf(path, 64, "/tmp/nithet-plan-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0) {
		free(plan);
		return -1;
	}
	FILE *f = fdopen(fd, "wb");
	fwrite(plan, 1, (size_t)(at - plan), f);
	fwrite(to, 1, strlen(to), f);
	fputs(at + strlen(from), f);
	fclose(f);
	free(plan);
	return 0;
}

/* Load a variant; expect exit 3 with the first error at the replaced line
 * (plus line_offset) and saying `needle`. */
static void
expect_refused(const char *from, const char *to, long line_offset,
    const char *needle, int test_line)
{
	char path[64];
	long line = 0;
	if (variant(from, to, path, &line) != 0) {
		test_fail(__FILE__, test_line, "\"%s\" not found in " PLAN, from);
		return;
	}
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Plan *p = plan_load(a, path, XSD, DEPTH, MAXB, d);
	const DiagRecord *r = first_error(d);
	if (p != NULL)
		test_fail(__FILE__, test_line, "plan accepted");
	if (diag_exit_status(d) != EXIT_INPUT)
		test_fail(__FILE__, test_line, "exit %d, want 3", diag_exit_status(d));
	if (r == NULL) {
		test_fail(__FILE__, test_line, "no error reported");
	} else {
		if (r->line != line + line_offset)
			test_fail(__FILE__, test_line, "error on line %ld, want %ld: %s",
			    r->line, line + line_offset, r->text);
		if (strstr(r->text, needle) == NULL)
			test_fail(__FILE__, test_line, "\"%s\" not in: %s", needle, r->text);
		if (strcmp(r->file, path) != 0)
			test_fail(__FILE__, test_line, "file %s, want %s", r->file, path);
	}
	diag_free(d);
	arena_free(a);
	unlink(path);
}

#define REFUSED(from, to, off, needle) expect_refused(from, to, off, needle, __LINE__)

TEST(plan_bundled)
{
	Arena *a = arena_new();
	Diag *d = diag_new(stderr);
	Plan *p = plan_load(a, PLAN, XSD, DEPTH, MAXB, d);
	CHECK(p != NULL);
	CHECK_INT(diag_nrecords(d), 0);
	if (p == NULL)
		goto out;
	CHECK_INT(p->fiscal_year, 2558);
	CHECK_STR(p->office, "สพป.พัทลุง เขต 2");
	CHECK_STR(p->title, "การนิเทศฯ แบบบูรณาการโดยความร่วมมือของภาคีเครือข่ายเพื่อยกระดับคุณภาพการศึกษา");
	CHECK_STR(p->unit, "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา");
	CHECK_INT(p->alignment.n, 5);
	CHECK_INT(p->rationale.n, 4);
	CHECK_INT(p->objectives.n, 3);
	CHECK_INT(p->outcomes.n, 5);
	CHECK_STR(p->objectives.items[0],
	    "เพื่อส่งเสริมสนับสนุนให้สถานศึกษาดำเนินการนิเทศภายในของสถานศึกษาได้อย่างมีคุณภาพและประสิทธิภาพ");
	/* The seed's own typo is kept. */
	CHECK_STR(p->outcomes.items[1], "สถานศึกษาสามรถพัฒนาคุณภาพการศึกษาเข้าสู่มาตรฐาน");

	/* 13 targets in plan order */
	static const char *const ids[] = {"3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5",
	    "3.1.6", "3.1.7", "3.1.8", "3.1.9", "3.1.10", "3.1.11", "3.2.1", "3.2.2"};
	CHECK_INT(p->ntargets, 13);
	for (size_t i = 0; i < p->ntargets && i < 13; i++)
		CHECK_STR(p->targets[i].id, ids[i]);
	const PlanTarget *t = plan_target(p, "3.1.1");
	CHECK(t == &p->targets[0]);
	CHECK_INT(t->metric.source, SOURCE_EVENTS);
	CHECK_INT(t->metric.members, MEMBERS_EVENTS);
	CHECK_INT(t->metric.result, RESULT_COUNT);
	CHECK_STR(t->metric.kind->code, "กตปน");
	CHECK(t->metric.kind->committee);
	CHECK(plan_committee_kind(p) == t->metric.kind);
	CHECK(plan_event_kind(p, "ก.ต.ป.น.") == t->metric.kind);
	CHECK_INT(t->metric.activities[0], 10);
	CHECK_INT(t->metric.activities[1], 0);
	CHECK(t->has_goal);
	CHECK_NEAR(t->goal, 6, 0);
	CHECK_STR(t->unit, "ครั้ง");
	CHECK_STR(t->text, "การประชุมคณะกรรมการ ก.ต.ป.น.แบบบูรณาการ  จำนวน 6 ครั้ง/ปีงบประมาณ");
	CHECK(t->line > 1);
	t = plan_target(p, "3.1.3");
	CHECK_INT(t->metric.source, SOURCE_VISITS);
	CHECK_INT(t->metric.members, MEMBERS_SCHOOLS);
	CHECK_INT(t->metric.result, RESULT_PERCENT);
	CHECK_STR(t->metric.color_groups, "ดำ แดง");
	t = plan_target(p, "3.1.4");
	CHECK_INT(t->metric.members, MEMBERS_PERIODS);
	CHECK_INT(t->metric.every, PERIOD_WEEKDAY);
	CHECK_INT(t->metric.holidays.n, 2);
	CHECK_STR(t->metric.holidays.items[1], "2015-05-05");
	CHECK_INT(t->metric.weekday, 2);
	t = plan_target(p, "3.1.5");
	CHECK_INT(t->metric.every, PERIOD_MONTHS);
	CHECK_INT(t->metric.months, 2);
	CHECK_INT(t->metric.at_least, 1);
	t = plan_target(p, "3.1.9");
	CHECK_INT(t->metric.members, MEMBERS_PERIODS);
	CHECK_INT(t->metric.every, PERIOD_MONTH);
	CHECK_INT(t->metric.activities[0], 4);
	CHECK_INT(t->metric.activities[1], 7);
	CHECK_STR(t->metric.topic, "4.4");
	t = plan_target(p, "3.2.2");
	CHECK_INT(t->metric.source, SOURCE_RESPONSES);
	CHECK_INT(t->metric.denominator, DENOMINATOR_MEASURED);
	CHECK_NEAR(t->metric.min_mean, 3.51, 1e-9);
	CHECK_NEAR(t->goal, 80, 0);
	CHECK(plan_target(p, "3.1.12") == NULL);

	/* 11 activities, numbered 1..11 */
	CHECK_INT(p->nactivities, 11);
	for (size_t i = 0; i < p->nactivities; i++)
		CHECK_INT(p->activities[i].no, (long long)i + 1);
	const PlanActivity *act = plan_activity(p, 1);
	CHECK_STR(act->period_text, "ต.ค. – พ.ย. 2557");
	CHECK_STR(act->start, "2014-10-01");
	CHECK_STR(act->end, "2014-11-30");
	CHECK_INT(act->target_groups.n, 2);
	CHECK_STR(act->target_groups.items[0], "ครูทุกคน");
	CHECK_STR(act->owner, "STAFF นโยบาย");
	CHECK_INT(act->budget, 0);
	CHECK(!act->has_split);
	act = plan_activity(p, 4);
	CHECK_INT(act->ntopics, 8);
	CHECK_STR(act->topics[3].code, "4.4");
	CHECK_INT(act->topics[3].per_school_goal, 10);
	CHECK_INT(act->topics[4].per_school_goal, 4);
	CHECK_INT(act->topics[0].per_school_goal, 0);
	CHECK_STR(act->topics[7].name, "การพัฒนาการจัดการเรียนการสอนของนักเรียน LD");
	CHECK_STR(act->budget_label,
	    "กิจกรรม ตรวจสอบประเมินผล และนิเทศติดตามการดำเนินงานพัฒนาคุณภาพการศึกษา");
	CHECK_INT(act->budget, 21000000);
	CHECK_STR(plan_activity(p, 10)->name, "การดำเนินการประชุมคณะกรรมการ ก.ต.ป.น.");
	CHECK(plan_activity(p, 12) == NULL);
	CHECK(plan_activity(p, 0) == NULL);

	/* budget: 500,000 baht exactly, and the ถัวจ่าย note */
	Satang sum = 0;
	for (size_t i = 0; i < p->nactivities; i++)
		sum += p->activities[i].budget;
	CHECK_INT(sum, 50000000LL);
	CHECK_INT(p->budget_total, 50000000LL);
	CHECK_STR(p->budget_note, "ขอถัวจ่ายทุกรายการ");
	CHECK_STR(p->budget_text, "จำนวน 500,000 บาท โดยใช้แบบบริหารงบประมาณแบบบูรณาการเป็นเครื่องมือ");

	/* section 6 */
	CHECK_INT(p->nindicators, 4);
	for (size_t i = 0; i < p->nindicators && i < 4; i++) {
		char id[8];
		snprintf(id, sizeof(id), "6.%zu", i + 1);
		CHECK_STR(p->indicators[i].target.id, id);
	}
	if (p->nindicators == 4) {
		CHECK_INT(p->indicators[0].target.metric.source, SOURCE_ASSESSMENTS);
		CHECK_STR(p->indicators[2].method, "สำรวจ");
		CHECK_STR(p->indicators[2].tool, "แบบสำรวจ");
		CHECK(p->indicators[2].target.has_goal);
		CHECK(!p->indicators[3].target.has_goal);
		CHECK_INT(p->indicators[3].target.metric.source, SOURCE_PRACTICES);
		CHECK(plan_target(p, "6.4") == &p->indicators[3].target);
	}
out:
	diag_free(d);
	arena_free(a);
}

/* A plan's own evaluation form: its criteria and level cut-offs. */
TEST(plan_evaluation_form)
{
	Arena *a = arena_new();
	Diag *d = diag_new(stderr);
	Plan *p = plan_load(a, "examples/secondary-2567/input/plan.xml", "config/plan.xsd", 64, 1 << 24, d);
	CHECK(p != NULL);
	if (p) {
		CHECK_STR(p->evaluation_form.name, "นิเทศภายใน 5 ด้าน");
		CHECK_INT(p->evaluation_form.criteria.n, 5);
		CHECK_STR(p->evaluation_form.criteria.items[4], "การรายงานผล");
		CHECK(p->evaluation_form.has_levels);
		CHECK_NEAR(p->evaluation_form.level_percent[2], 65, 1e-9);
		CHECK_INT(p->nsurveys, 1);
		CHECK_STR(p->surveys[0].file, "surveys-workshop");
	}
	Plan *bundled = plan_load(a, "input/plan.xml", "config/plan.xsd", 64, 1 << 24, d);
	CHECK(bundled != NULL && bundled->evaluation_form.name == NULL);
	diag_free(d);
	arena_free(a);
}

TEST(plan_vocabulary_names_are_complete)
{
	for (int i = 0; i < SOURCE_NSOURCES; i++)
		CHECK(plan_source_names[i] != NULL);
	for (int i = 0; i < MEMBERS_NKINDS; i++)
		CHECK(plan_members_names[i] != NULL);
	for (int i = 0; i < PERIOD_NKINDS; i++)
		CHECK(plan_period_names[i] != NULL);
	for (int i = 0; i < RESULT_NKINDS; i++)
		CHECK(plan_result_names[i] != NULL);
	CHECK(plan_source_names[SOURCE_NSOURCES] == NULL);
	CHECK_STR(plan_members_names[MEMBERS_PERIODS], "periods");
}

/* A plan of the first format (metric= names, no <event-kinds>) reads as the
 * same composed metrics as the bundled plan written in the current one. The
 * rules the first format left to the config (holidays, pass level,
 * satisfied mean) are the only differences. */
TEST(plan_first_format_reads_as_the_composed_plan)
{
	Arena *a = arena_new();
	Diag *d = diag_new(stderr);
	Plan *v1 = plan_load(a, "tests/plans/plan-v1-2558.xml", "config/plan.xsd", 64, 1 << 24, d);
	Plan *v2 = plan_load(a, "input/plan.xml", "config/plan.xsd", 64, 1 << 24, d);
	CHECK(v1 != NULL && v2 != NULL);
	if (v1 == NULL || v2 == NULL)
		goto out;
	CHECK_INT(v1->nevent_kinds, v2->nevent_kinds);
	CHECK_INT(v1->ntargets, v2->ntargets);
	CHECK_INT(v1->nindicators, v2->nindicators);
	for (size_t i = 0; i < v1->ntargets + v1->nindicators && i < v2->ntargets + v2->nindicators; i++) {
		const PlanTarget *x = i < v1->ntargets ? &v1->targets[i] : &v1->indicators[i - v1->ntargets].target;
		const PlanTarget *y = i < v2->ntargets ? &v2->targets[i] : &v2->indicators[i - v2->ntargets].target;
		const Metric *p = &x->metric, *q = &y->metric;
		CHECK_STR(x->id, y->id);
		CHECK_INT(p->source, q->source);
		CHECK_INT(p->members, q->members);
		CHECK_INT(p->every, q->every);
		CHECK_INT(p->result, q->result);
		CHECK_INT(p->denominator, q->denominator);
		CHECK_INT(p->at_least, q->at_least);
		CHECK_INT(p->months, q->months);
		CHECK_INT(p->weekday, q->weekday);
		for (int k = 0; k <= METRIC_MAX_ACTIVITIES; k++)
			CHECK_INT(p->activities[k], q->activities[k]);
		CHECK_STR(p->topic ? p->topic : "", q->topic ? q->topic : "");
		CHECK_STR(p->color_groups ? p->color_groups : "", q->color_groups ? q->color_groups : "");
		CHECK_STR(p->kind ? p->kind->code : "", q->kind ? q->kind->code : "");
		CHECK_INT(x->quantitative, y->quantitative);
	}
out:
	diag_free(d);
	arena_free(a);
}

TEST(plan_money)
{
	Satang s = -1;
	CHECK_INT(plan_parse_money("20000", &s), 0);
	CHECK_INT(s, 2000000);
	CHECK_INT(plan_parse_money("20000.00", &s), 0);
	CHECK_INT(s, 2000000);
	CHECK_INT(plan_parse_money("0.5", &s), 0);
	CHECK_INT(s, 50);
	CHECK_INT(plan_parse_money("212350.05", &s), 0);
	CHECK_INT(s, 21235005);
	CHECK_INT(plan_parse_money("0", &s), 0);
	CHECK_INT(s, 0);
	CHECK_INT(plan_parse_money("999999999999.99", &s), 0);
	CHECK_INT(s, 99999999999999LL);
	s = 7;
	static const char *const bad[] = {"", "-1", "+1", "20,000", "1.", ".5", "1.234",
	    "1e3", " 1", "1 ", "บาท", "1000000000000", "0x10", "-"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (plan_parse_money(bad[i], &s) != -1)
			test_fail(__FILE__, __LINE__, "\"%s\" accepted", bad[i]);
	CHECK_INT(s, 7);
	CHECK_INT(plan_parse_money(NULL, &s), -1);
}

/* Schema violations: the XSD's complaint, at the line. */
TEST(plan_refuses_schema_violations)
{
	REFUSED("  <unit>", "  <colour>แดง</colour><unit>", 0,
	    "Element 'colour': This element is not expected");
	REFUSED("      <owner>STAFF นโยบาย</owner>\n", "", -7,
	    "Element 'activity': Missing child element(s). Expected is ( owner )");
	REFUSED("count=\"events\" event-kind=\"กตปน\"", "count=\"eventz\" event-kind=\"กตปน\"", 0,
	    "'eventz' is not an element of the set");
	REFUSED("of=\"schools\"", "of=\"school\"", 0, "'school' is not an element of the set");
	REFUSED("<item activity=\"2\" amount=\"20000\"", "<item activity=\"2\" amount=\"20,000\"", 0,
	    "'20,000' is not accepted by the pattern");
	REFUSED("start=\"2014-12-01\"", "start=\"2014-12-32\"", 0, "start");
	REFUSED("<target id=\"3.1.2\"", "<target id=\"3..2\"", 0, "attribute 'id'");
	REFUSED("fiscal-year=\"2558\"", "fiscal-year=\"2015\"", 0, "fiscal-year");
	REFUSED("fiscal-year=\"2558\"", "fiscal-year=\"2558\" network-word=\"สหวิทยาเขต|ก\"", 0,
	    "remove the | or :");
	REFUSED("<title>", "<title>ซ้ำ</title>\n  <title>", 1,
	    "Element 'title': This element is not expected. Expected is ( alignment )");
	REFUSED("<title>", "<title>\n</title><title>", 0,
	    "Element 'title': [facet 'pattern'] The value '\\n' is not accepted");
}

/* What the XSD cannot see, checked by plan.c with the line. */
TEST(plan_refuses_semantic_errors)
{
	REFUSED("<target id=\"3.1.2\"", "<target id=\"3.1.1\"", 0,
	    "id 3.1.1 is used twice");
	REFUSED("<activity no=\"3\"", "<activity no=\"4\"", 0,
	    "not numbered 1..N in order");
	REFUSED("<topic code=\"4.3\"", "<topic code=\"5.3\"", 0,
	    "a topic outside its activity");
	REFUSED("<topic code=\"4.3\"", "<topic code=\"4.2\"", 0, "duplicate code");
	REFUSED("<item activity=\"2\" amount=\"20000\"", "<item activity=\"2\" amount=\"20000.01\"",
	    -3, "add up to 500000.01 baht but total= is 500000.00");
	REFUSED("<item activity=\"3\"", "<item activity=\"2\"", 0,
	    "a second budget item for activity 2");
	REFUSED("<item activity=\"2\" amount=\"20000\"",
	    "<item activity=\"2\" amount=\"20000\" compensation=\"20000\"", 0,
	    "split only in part");
	REFUSED("<item activity=\"2\" amount=\"20000\"",
	    "<item activity=\"2\" amount=\"20000\" compensation=\"10000\" expenses=\"5000\" materials=\"4000\"",
	    0, "the split adds up to 19000.00 baht");
	REFUSED("count=\"events\" event-kind=\"กตปน\" activity=\"10\"", "count=\"events\"", 0,
	    "count=\"events\" needs event-kind= or activity=");
	REFUSED("event-kind=\"KM\"", "event-kind=\"KMX\"", 0, "event-kind=\"KMX\" is not declared");
	REFUSED("count=\"events\" event-kind=\"กตปน\"", "count=\"events\" of=\"schools\" event-kind=\"กตปน\"",
	    0, "events cannot be counted of=\"schools\"");
	REFUSED(" weekday=\"2\"", "", 0, "every=\"week\" needs weekday=");
	REFUSED("count=\"responses\" of=\"schools\" min-mean=\"3.51\"",
	    "count=\"responses\" survey=\"workshop\" of=\"schools\" min-mean=\"3.51\"", 0,
	    "survey=\"workshop\" is not declared");
	REFUSED("event-kind=\"กตปน\" activity=\"10\" goal", "event-kind=\"กตปน\" activity=\"10\" result=\"percent\" goal",
	    0, "result=\"percent\" of=\"events\" has no denominator");
	REFUSED("color-groups=\"ดำ แดง\"", "color-groups=\"ดำ แดง\" min-level=\"3\"", 0,
	    "min-level= applies to count=\"evaluations\" only");
	REFUSED("color-groups=\"ดำ แดง\"", "color-groups=\"ดำ แดง\" every=\"month\" holidays=\"2015-04-14\"", 0,
	    "holidays= applies to every=\"week\" only");
	REFUSED(" months=\"2\"", "", 0, "every=\"months\" needs months=");
	REFUSED("color-groups=\"ดำ แดง\"", "color-groups=\"ดำ แดง\" weekday=\"2\"", 0,
	    "weekday= goes with every=\"week\"");
	REFUSED("count=\"assessments\" result=\"mean\"", "count=\"assessments\" result=\"count\"", 0,
	    "count=\"assessments\" gives result=\"mean\" only");
	/* From the table of sources: an attribute of another source names the
	 * sources it belongs to. */
	REFUSED("color-groups=\"ดำ แดง\"", "color-groups=\"ดำ แดง\" event-kind=\"KM\"", 0,
	    "event-kind= applies to count=\"events\" or \"attendance\" only; remove it");
	REFUSED("color-groups=\"ดำ แดง\"", "color-groups=\"ดำ แดง\" test=\"O-NET\"", 0,
	    "test= applies to count=\"scores\" only");
	REFUSED("color-groups=\"ดำ แดง\"", "color-groups=\"ดำ แดง\" min-mean=\"3.51\"", 0,
	    "min-mean= applies to count=\"responses\" only");
	REFUSED("<targets>", "<surveys><survey code=\"x\" file=\"visits\">แบบสำรวจ</survey></surveys>\n  <targets>", 0,
	    "must be a plain name of its own");
	REFUSED("event-kind=\"กตปน\" activity=\"10\" goal", "event-kind=\"กตปน\" activity=\"10\" result=\"mean\" goal",
	    0, "result=\"mean\" needs a measured value: count=\"evaluations\", \"responses\" or "
	    "\"assessments\" (not events)");
	REFUSED("code=\"KM\"", "code=\"กตปน\"", 0, "\"กตปน\" already names another kind");
	/* Reported on the target that counts the attendance (11 lines below). */
	REFUSED(" attendance=\"yes\">", ">", 11, "does not say attendance=\"yes\"");
	REFUSED("code=\"KM\" activity=\"11\"", "code=\"KM\" activity=\"11\" committee=\"yes\"", 0,
	    "a second committee=\"yes\"");
	REFUSED("code=\"KM\" activity=\"11\"", "code=\"KM\" activity=\"12\"", 0,
	    "event kind KM belongs to activity 12");
	REFUSED("count=\"visits\" activity=\"2\" of=\"schools\" color-groups=\"ดำ แดง\" result=\"percent\"",
	    "metric=\"school-coverage\" activity=\"2\" color-groups=\"ดำ แดง\" school-type=\"ขยายโอกาส\"", 0,
	    "target 3.1.3: school-type= belongs to targets written with count=, not metric=");
	REFUSED("count=\"events\" event-kind=\"กตปน\"", "metric=\"event-count\" count=\"events\" event-kind=\"กตปน\"",
	    0, "has both metric= (the first plan format) and count=");
	REFUSED("activity=\"4 7\" topic=\"4.4\"", "activity=\"7\" topic=\"4.4\"", 0,
	    "topic 4.4 belongs to activity 4, which is not in activity=");
	REFUSED("topic=\"4.4\"", "topic=\"4.9\"", 0, "refers to topic 4.9");
	REFUSED("activity=\"10\" goal=\"6\"", "activity=\"12\" goal=\"6\"", 0,
	    "refers to activity 12");
	REFUSED("start=\"2014-12-01\" end=\"2014-12-31\"", "start=\"2014-12-31\" end=\"2014-12-01\"", 0,
	    "starts after it ends");
}

/* A balanced split is accepted and read; a period outside the FY only warns. */
TEST(plan_split_and_warning)
{
	char path[64];
	long line;
	CHECK_INT(variant("<item activity=\"2\" amount=\"20000\"",
	    "<item activity=\"2\" amount=\"20000.00\" compensation=\"3600\" expenses=\"15000.50\" materials=\"1399.50\"",
	    path, &line), 0);
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Plan *p = plan_load(a, path, XSD, DEPTH, MAXB, d);
	CHECK(p != NULL);
	if (p != NULL) {
		const PlanActivity *act = plan_activity(p, 2);
		CHECK(act->has_split);
		CHECK_INT(act->compensation, 360000);
		CHECK_INT(act->expenses, 1500050);
		CHECK_INT(act->materials, 139950);
	}
	unlink(path);
	diag_free(d);

	CHECK_INT(variant("start=\"2015-09-01\"", "start=\"2015-08-01\" ", path, &line), 0);
	d = diag_new(NULL);
	CHECK(plan_load(a, path, XSD, DEPTH, MAXB, d) != NULL);
	CHECK_INT(diag_exit_status(d), EXIT_DONE);
	CHECK_INT(diag_count(d, DIAG_WARNING), 0);
	diag_free(d);
	unlink(path);

	CHECK_INT(variant("end=\"2014-11-30\"", "end=\"2015-10-01\"", path, &line), 0);
	d = diag_new(NULL);
	CHECK(plan_load(a, path, XSD, DEPTH, MAXB, d) != NULL);
	CHECK_INT(diag_count(d, DIAG_WARNING), 1);
	CHECK(said(d, "outside fiscal year 2558"));
	if (diag_nrecords(d) == 1)
		CHECK_INT(diag_record(d, 0)->line, line);
	diag_free(d);
	unlink(path);
	arena_free(a);
}

/* Whole-file problems: exit 3 with a clear message (how fast is make
 * bench's and the hostile cases' business, not a unit test's). */
static void
expect_file_refused(const char *path, const char *needle, long want_line, int test_line)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Plan *p = plan_load(a, path, XSD, DEPTH, MAXB, d);
	const DiagRecord *r = first_error(d);
	if (p != NULL)
		test_fail(__FILE__, test_line, "%s accepted", path);
	if (diag_exit_status(d) != EXIT_INPUT)
		test_fail(__FILE__, test_line, "exit %d, want 3", diag_exit_status(d));
	if (r == NULL || strstr(r->text, needle) == NULL)
		test_fail(__FILE__, test_line, "\"%s\" not in: %s", needle, r ? r->text : "(nothing)");
	else if (r->line != want_line)
		test_fail(__FILE__, test_line, "line %ld, want %ld", r->line, want_line);
	if (said(d, "root:x:"))
		test_fail(__FILE__, test_line, "/etc/passwd leaked into a message");
	diag_free(d);
	arena_free(a);
}

TEST(plan_refuses_bad_files)
{
	expect_file_refused(DATA "no-such-plan.xml", "cannot open the file", 0, __LINE__);
	expect_file_refused(DATA, "directory", 0, __LINE__);
	expect_file_refused(DATA "empty.xml", "empty", 0, __LINE__);
	expect_file_refused(DATA "not-well-formed.xml", "Opening and ending tag mismatch", 6, __LINE__);
	expect_file_refused(DATA "xxe.xml", "DOCTYPE", 2, __LINE__);
	expect_file_refused(DATA "billion-laughs.xml", "DOCTYPE", 2, __LINE__);
}

TEST(plan_schema_problems)
{
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	CHECK(plan_load(a, PLAN, "config/no-such.xsd", DEPTH, MAXB, d) == NULL);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	CHECK(said(d, "cannot open"));
	/* A plan is not a schema. */
	Diag *d2 = diag_new(NULL);
	CHECK(plan_load(a, PLAN, PLAN, DEPTH, MAXB, d2) == NULL);
	CHECK_INT(diag_exit_status(d2), EXIT_INPUT);
	/* Depth and size limits reach the plan. */
	Diag *d3 = diag_new(NULL);
	CHECK(plan_load(a, PLAN, XSD, 3, MAXB, d3) == NULL);
	CHECK(said(d3, "nested too deep"));
	CHECK(plan_load(a, PLAN, XSD, DEPTH, 1000, d3) == NULL);
	CHECK(said(d3, "too large"));
	diag_free(d3);
	diag_free(d2);
	diag_free(d);
	arena_free(a);
}

/* Without the schema (the fuzzing path) the loader still refuses, never
 * crashes, on a tree the XSD would have rejected. */
TEST(plan_without_schema)
{
	char path[64];
	long line;
	CHECK_INT(variant("<targets>", "<targetz>", path, &line), 0);
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	CHECK(plan_load(a, path, NULL, DEPTH, MAXB, d) == NULL);  /* not well-formed now */
	unlink(path);
	diag_free(d);
	CHECK_INT(variant("count=\"events\" event-kind=\"กตปน\"", "count=\"eventz\" event-kind=\"กตปน\"", path, &line), 0);
	d = diag_new(NULL);
	CHECK(plan_load(a, path, NULL, DEPTH, MAXB, d) == NULL);
	CHECK(said(d, "count=\"eventz\" is not known; write visits, events,"));
	CHECK_INT(first_error(d) ? first_error(d)->line : 0, line);
	unlink(path);
	diag_free(d);
	d = diag_new(NULL);
	Plan *p = plan_load(a, DATA "not-well-formed.xml", NULL, DEPTH, MAXB, d);
	CHECK(p == NULL);
	diag_free(d);
	d = diag_new(NULL);
	CHECK(plan_load(a, PLAN, NULL, DEPTH, MAXB, d) != NULL);
	CHECK_INT(diag_nrecords(d), 0);
	diag_free(d);
	arena_free(a);
}
