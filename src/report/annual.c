/* annual.c - รายงานผลการดำเนินงานโครงการ, the end-of-year report.
 *
 * Every sentence with a number reads it from Results; every quotation of
 * the plan reads it from the Plan. Sections follow common Thai project-report
 * practice: cover, คำนำ, สารบัญ, บทสรุปผู้บริหาร, ส่วนที่ 1-5, ภาคผนวก. */
#include "report/annual.h"

#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"
#include "report/compose.h"
#include "report/explain.h"
#include "report/themes.h"

/* --- cover, foreword, summary -------------------------------------------- */

/* The cover: the emblem, the title, the year, the unit and office, and
 * the document's number and date as the office registers it. */
static void
cover(Compose *c)
{
	DocBlock *cv = doc_cover(c->doc);
	cv->u.cover.emblem = compose_image(c, &c->m->emblem);
	int emblem = cv->u.cover.emblem != NULL;
	doc_cover_line(c->doc, cv, "รายงานผลการดำเนินงานโครงการ", 26, 1, emblem ? 12 : 40);
	doc_cover_line(c->doc, cv, fmt_printf(c, "โครงการ%s", fmt_project(c)), 20, 1, 12);
	if (*fmt_project_year(c))
		doc_cover_line(c->doc, cv, fmt_printf(c, "ปีงบประมาณ %s", fmt_year(c, c->r->fiscal_year)), 20, 1, 12);
	doc_cover_line(c->doc, cv, c->s->unit_name, 18, 0, emblem ? 60 : 80);
	doc_cover_line(c->doc, cv, c->s->office_name, 18, 1, 6);
	doc_cover_line(c->doc, cv, "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน กระทรวงศึกษาธิการ", 16, 0, 6);
	if (c->s->document_number && *c->s->document_number)
		doc_cover_line(c->doc, cv, fmt_text(c, c->s->document_number), 16, 0, 10);
	doc_cover_line(c->doc, cv, fmt_month_year(c, compose_report_date(c)), 16, 0,
	    c->s->document_number && *c->s->document_number ? 2 : 10);
}

static void
foreword(Compose *c)
{
	const Results *r = c->r;
	doc_pagebreak(c->doc, -1);
	DocBlock *h = doc_heading(c->doc, 1, NULL, "คำนำ");
	h->u.heading.in_toc = 0;
	DocBlock *p = doc_para(c->doc, fmt_printf(c,
	    "รายงานผลการดำเนินงานโครงการ%s%s ฉบับนี้ จัดทำขึ้นเพื่อสรุปผลการดำเนินงานตามแผนของ%s "
	    "%s ระหว่างวันที่ %s ถึงวันที่ %s ครอบคลุมโรงเรียนในสังกัด %s โรงเรียน "
	    "โดยรายงานผลตามเป้าหมายเชิงปริมาณ เป้าหมายเชิงคุณภาพ%s และการใช้งบประมาณ "
	    "ตัวเลขทุกรายการคำนวณจากข้อมูลการนิเทศ การประเมิน การสำรวจความพึงพอใจ และการเบิกจ่าย "
	    "ตามเกณฑ์ที่ระบุไว้ในภาคผนวก",
	    fmt_project(c), fmt_project_year(c), c->s->unit_name, c->s->office_name,
	    fmt_date(c, r->fy_first), fmt_date(c, r->as_of), fmt_int(c, r->schools),
	    r->nindicators ? " ตัวชี้วัดความสำเร็จ" : ""));
	p->u.para.indent_mm = 12.5;
	p = doc_para(c->doc, "หวังเป็นอย่างยิ่งว่ารายงานฉบับนี้จะเป็นประโยชน์ต่อการวางแผนพัฒนาคุณภาพการศึกษา "
	    "และการนิเทศ ติดตาม ตรวจสอบและประเมินผลการจัดการศึกษาในปีงบประมาณต่อไป");
	p->u.para.indent_mm = 12.5;
	doc_space(c->doc, 6);
	/* Signed by the office's director, dated with the report's month. */
	doc_signature(c->doc, 0, NULL, c->s->director_name, fmt_director_position(c),
	    fmt_month_year(c, compose_report_date(c)));
	doc_pagebreak(c->doc, -1);
	doc_toc(c->doc, DOC_CAPTION_NONE);
	doc_toc(c->doc, DOC_CAPTION_TABLE);
	doc_toc(c->doc, DOC_CAPTION_CHART);
}

/* การรับรองรายงาน: the reporter and the unit's director sign that the
 * report is theirs, the office's director approves it. Names and
 * positions come from the configuration; an empty name is a dotted line. */
static void
approval(Compose *c)
{
	doc_pagebreak(c->doc, -1);
	doc_heading(c->doc, 1, NULL, "การรับรองรายงาน");
	DocBlock *p = doc_para(c->doc, fmt_printf(c, "ขอรับรองว่าผลการดำเนินงานที่รายงานไว้ในเอกสารฉบับนี้ "
	    "เป็นไปตามข้อมูลการดำเนินงานโครงการ%s%s ณ วันที่ %s", fmt_project(c), fmt_project_year(c),
	    fmt_date(c, c->r->as_of)));
	p->u.para.indent_mm = 12.5;
	doc_signature(c->doc, 1, "ผู้รายงาน", c->s->reporter_name, c->s->reporter_position,
	    "วันที่ ........ เดือน ........................ พ.ศ. ..............");
	doc_signature(c->doc, 1, "ผู้ตรวจสอบ", c->s->group_director_name, fmt_group_director_position(c),
	    "วันที่ ........ เดือน ........................ พ.ศ. ..............");
	doc_space(c->doc, 4);
	p = doc_para(c->doc, fmt_printf(c, "ความเห็นของ%s", fmt_director_position(c)));
	p->u.para.keep_with_next = 1;
	doc_para(c->doc, "(   ) เห็นชอบ     (   ) ไม่เห็นชอบ  เนื่องจาก ............................................................")->
	    u.para.keep_with_next = 1;
	doc_signature(c->doc, 1, NULL, c->s->director_name, fmt_director_position(c),
	    "วันที่ ........ เดือน ........................ พ.ศ. ..............");
}

/* คณะผู้จัดทำ: the advisers (the office's and the unit's directors) and the
 * staff of staff.csv, each with the position written there. */
/* One name column for every group of คณะผู้จัดทำ. */
static DocBlock *
team_labels(Compose *c)
{
	DocBlock *l = doc_labels(c->doc);
	l->u.labels.label_mm = 55;
	return l;
}

static void
team(Compose *c)
{
	const Model *m = c->m;
	const Settings *s = c->s;
	doc_pagebreak(c->doc, -1);
	doc_heading(c->doc, 1, NULL, "คณะผู้จัดทำ");
	DocBlock *h = doc_heading(c->doc, 3, NULL, "ที่ปรึกษา");
	h->u.heading.in_toc = 0;
	DocBlock *l = team_labels(c);
	doc_label(c->doc, l, *s->director_name ? s->director_name : "..............................",
	    fmt_director_position(c));
	if (*s->group_director_name)
		doc_label(c->doc, l, s->group_director_name, fmt_group_director_position(c));
	l = NULL;
	for (size_t i = 0; i < m->nstaff; i++) {
		const Staff *st = &m->staff[i];
		if (!strcmp(st->name, s->group_director_name) || !strcmp(st->name, s->reporter_name))
			continue;
		if (l == NULL) {
			h = doc_heading(c->doc, 3, NULL, "คณะทำงาน");
			h->u.heading.in_toc = 0;
			l = team_labels(c);
		}
		doc_label(c->doc, l, st->name, st->position ? st->position : "");
	}
	if (*s->reporter_name) {
		h = doc_heading(c->doc, 3, NULL, "ผู้รายงาน");
		h->u.heading.in_toc = 0;
		l = team_labels(c);
		doc_label(c->doc, l, s->reporter_name, s->reporter_position);
	}
}

/* Which targets a table or count takes: the plan's own grouping, never
 * its numbering. */
enum { ALL_TARGETS = -1, QUALITATIVE = 0, QUANTITATIVE = 1 };

static int
in_group(const TargetResult *t, int group)
{
	return group == ALL_TARGETS || t->target->quantitative == group;
}

/* Met of those with a goal (an indicator without one, or one that could not
 * be judged for want of data, is reported but cannot be met or missed). */
static long
count_met(const TargetResult *t, size_t n, int group, long *total)
{
	long met = 0;
	*total = 0;
	for (size_t i = 0; i < n; i++) {
		if (!in_group(&t[i], group) || !t[i].target->has_goal || !t[i].judged)
			continue;
		(*total)++;
		met += t[i].met;
	}
	return met;
}

/* One table of targets: ที่ | เป้าหมาย | ค่าเป้าหมาย | ผลการดำเนินงาน | ร้อยละ/หน่วย | ผล */
/* The per-school requirement of the topic a target counts, when the plan
 * sets one ("4.4 … 10 ครั้ง/โรงเรียน"): how many schools reached it, which
 * the target itself (months with a visit) does not show. NULL otherwise. */
static const char *
topic_goal_note(Compose *c, const TargetResult *t)
{
	const Results *r = c->r;
	const char *code = t->target->metric.topic;
	for (size_t i = 0; code && i < r->nactivities; i++) {
		const ActivityResults *a = &r->activities[i];
		for (size_t k = 0; k < a->plan->ntopics; k++) {
			const PlanTopic *tp = &a->plan->topics[k];
			if (strcmp(tp->code, code) != 0 || tp->per_school_goal <= 0)
				continue;
			return fmt_printf(c, "ทั้งนี้ ประเด็น %s ที่แผนกำหนด %s ครั้งต่อโรงเรียน (ไม่ใช่เกณฑ์ของข้อนี้) "
			    "มีโรงเรียนได้รับครบ %s จาก %s โรงเรียน", fmt_text(c, tp->code),
			    fmt_int(c, tp->per_school_goal), fmt_int(c, a->topic_schools_meeting_goal[k]), fmt_int(c, r->schools));
		}
	}
	return NULL;
}

/* What was measured beside a result, for the หมายเหตุ column: the
 * counts behind it and the reason it is not met, then the per-school
 * requirement of its topic. */
static const char *
result_remark(Compose *c, const TargetResult *t)
{
	const char *note = compose_note(c, t) ? fmt_text(c, compose_note(c, t)) : NULL;
	const char *topic = topic_goal_note(c, t);
	/* A percentage states its denominator: "22 จาก 117 โรงเรียน". */
	if (t->is_percent && t->den > 0 && (note == NULL || strstr(note, "จาก") == NULL)) {
		MetricMembers mm = t->target->metric.members;
		const char *noun = mm == MEMBERS_SCHOOLS ? "โรงเรียน" : mm == MEMBERS_NETWORKS ? fmt_network_word(c) :
		    mm == MEMBERS_PEOPLE || mm == MEMBERS_TEACHERS || mm == MEMBERS_RESPONDENTS ? "คน" : "";
		const char *count = fmt_printf(c, "%s จาก %s%s%s", fmt_int(c, t->num), fmt_int(c, t->den), *noun ? " " : "", noun);
		note = note ? fmt_printf(c, "%s %s", count, note) : count;
	}
	/* A count short of its goal with nothing else to say: by how much. */
	if (note == NULL && t->judged && !t->met && !t->is_percent && t->goal > t->value)
		note = fmt_printf(c, "ต่ำกว่าค่าเป้าหมาย %s%s", fmt_double(c, t->goal - t->value,
		    t->goal - t->value == (double)(long)(t->goal - t->value) ? 0 : 2),
		    t->unit && *t->unit ? fmt_printf(c, " %s", t->unit) : "");
	if (note && topic)
		return fmt_printf(c, "%s %s", note, topic);
	return note ? note : topic ? topic : "";
}

static void
targets_table(Compose *c, const TargetResult *t, size_t n, int group, int with_note)
{
	DocBlock *tb = with_note ? compose_table(c, 14, "ข้อ:13:c|เป้าหมาย / ตัวชี้วัด:0:l|ค่าเป้าหมาย:20:c|"
	    "ผลการดำเนินงาน:22:r|ผล:17:c|หมายเหตุ:46:l") : compose_table(c, 0, "ข้อ:14:c|เป้าหมาย / ตัวชี้วัด:0:l|"
	    "ค่าเป้าหมาย:24:c|ผลการดำเนินงาน:26:r|ผล:20:c");
	for (size_t i = 0; i < n; i++) {
		if (!in_group(&t[i], group))
			continue;
		const char *value = fmt_target_result(c, &t[i]);
		if (with_note)
			compose_row(c, tb, DOC_ROW_BODY, 6, fmt_text(c, t[i].target->id), t[i].target->text,
			    fmt_target_goal(c, &t[i]), value, fmt_met(&t[i]), result_remark(c, &t[i]));
		else
			compose_row(c, tb, DOC_ROW_BODY, 5, fmt_text(c, t[i].target->id), t[i].target->text,
			    fmt_target_goal(c, &t[i]), value, fmt_met(&t[i]));
	}
}

static void
summary(Compose *c)
{
	const Results *r = c->r;
	doc_pagebreak(c->doc, -1);
	doc_heading(c->doc, 1, NULL, "บทสรุปผู้บริหาร");
	long nq, nk, ni;
	long mq = count_met(r->targets, r->ntargets, QUANTITATIVE, &nq);
	long mk = count_met(r->targets, r->ntargets, QUALITATIVE, &nk);
	long mi = count_met(r->indicators, r->nindicators, ALL_TARGETS, &ni);
	const BudgetResults *b = &r->budget;
	long unmeasured = 0, no_goal = 0;
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		unmeasured += !t->judged && t->target->has_goal;
		no_goal += !t->target->has_goal;
	}
	DocBlock *p = doc_para(c->doc, fmt_printf(c,
	    "%s ดำเนินโครงการ%s%s ข้อมูล ณ วันที่ %s ผลการดำเนินงานบรรลุเป้าหมายเชิงปริมาณ "
	    "%s จาก %s ข้อ%sเป้าหมายเชิงคุณภาพ %s จาก %s ข้อ%s%s "
	    "ใช้งบประมาณ %s บาท จากที่ได้รับ %s บาท คิดเป็นร้อยละ %s คงเหลือ %s บาท",
	    c->s->office_name, fmt_project(c), fmt_project_year(c), fmt_date(c, r->as_of),
	    fmt_int(c, mq), fmt_int(c, nq), r->nindicators ? " " : " และ", fmt_int(c, mk), fmt_int(c, nk),
	    r->nindicators ? fmt_printf(c, " และตัวชี้วัดความสำเร็จ %s จาก %s ตัวชี้วัด", fmt_int(c, mi),
	    fmt_int(c, ni)) : "",
	    unmeasured || no_goal ? fmt_printf(c, " (%s%s%s)", unmeasured ? fmt_printf(c, "ยังไม่ได้วัดผล %s ข้อ",
	    fmt_int(c, unmeasured)) : "", unmeasured && no_goal ? " และ" : "", no_goal ?
	    fmt_printf(c, "ไม่ได้กำหนดค่าเป้าหมาย %s ข้อ", fmt_int(c, no_goal)) : "") : "",
	    fmt_money(c, b->spent), fmt_baht(c, b->approved_total),
	    fmt_percent(c, b->spent, b->approved_total), fmt_money(c, b->remaining)));
	p->u.para.indent_mm = 12.5;

	compose_table_caption(c, r->nindicators ? "สรุปผลการดำเนินงานตามเป้าหมายและตัวชี้วัด" :
	    "สรุปผลการดำเนินงานตามเป้าหมาย");
	targets_table(c, r->targets, r->ntargets, ALL_TARGETS, 1);
	if (r->nindicators) {
		doc_space(c->doc, 4);
		targets_table(c, r->indicators, r->nindicators, ALL_TARGETS, 1);
	}
	/* The table says what was measured and why a target is not met; the
	 * office's causes and remedies are in part 5, said once. */
	long unmet = 0;
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		unmet += t->target->has_goal && (!t->judged || !t->met);
	}
	if (unmet > 0)
		doc_para(c->doc, fmt_printf(c, "จากตารางที่ %s ข้อที่ยังไม่บรรลุหรือยังไม่ได้วัดผล %s ข้อ "
		    "มีผลที่วัดได้และเหตุผลอยู่ในช่องหมายเหตุ ส่วนสาเหตุและแนวทางแก้ไขอยู่ในส่วนที่ 5 หัวข้อ 5.3",
		    fmt_int(c, c->ntables), fmt_int(c, unmet)))->u.para.indent_mm = 12.5;
}

/* --- ส่วนที่ 1 and 2: the plan itself ----------------------------------- */

static void
introduction(Compose *c)
{
	const Plan *p = c->m->plan;
	doc_body_start(c->doc);
	doc_heading(c->doc, 1, "ส่วนที่ 1", "บทนำ");
	doc_heading(c->doc, 2, "1.1", "หลักการและเหตุผล");
	for (size_t i = 0; i < p->rationale.n; i++) {
		DocBlock *b = doc_para(c->doc, p->rationale.items[i]);
		b->u.para.indent_mm = 12.5;
	}
	doc_heading(c->doc, 2, "1.2", "วัตถุประสงค์");
	DocBlock *l = doc_list(c->doc, 0);
	for (size_t i = 0; i < p->objectives.n; i++)
		doc_list_item(c->doc, l, p->objectives.items[i]);
	doc_heading(c->doc, 2, "1.3", "เป้าหมาย");
	doc_para(c->doc, "เชิงปริมาณ")->u.para.keep_with_next = 1;
	l = doc_list(c->doc, 0);
	for (size_t i = 0; i < p->ntargets; i++)
		if (p->targets[i].quantitative)
			doc_list_item(c->doc, l, fmt_printf(c, "%s %s", fmt_text(c, p->targets[i].id), p->targets[i].text));
	doc_para(c->doc, "เชิงคุณภาพ")->u.para.keep_with_next = 1;
	l = doc_list(c->doc, 0);
	for (size_t i = 0; i < p->ntargets; i++)
		if (!p->targets[i].quantitative)
			doc_list_item(c->doc, l, fmt_printf(c, "%s %s", fmt_text(c, p->targets[i].id), p->targets[i].text));
	int sec = 4;
	if (p->alignment.n > 0) {
		doc_heading(c->doc, 2, fmt_text(c, fmt_printf(c, "1.%d", sec++)), "ความสอดคล้อง");
		l = doc_list(c->doc, 0);
		for (size_t i = 0; i < p->alignment.n; i++)
			doc_list_item(c->doc, l, p->alignment.items[i]);
	}
	/* The scope: whom and when, from the data; the budget from the plan. */
	const Model *m = c->m;
	long teachers = 0, admins = 0;
	for (size_t i = 0; i < m->nschools; i++)
		if (m->schools[i].active) {
			teachers += m->schools[i].teachers;
			admins += m->schools[i].admins;
		}
	doc_heading(c->doc, 2, fmt_text(c, fmt_printf(c, "1.%d", sec++)), "ขอบเขตของการดำเนินงาน");
	DocBlock *lb = doc_labels(c->doc);
	lb->u.labels.label_mm = 32;
	doc_label(c->doc, lb, "กลุ่มเป้าหมาย", fmt_printf(c, "โรงเรียนในสังกัด %s โรงเรียน%s%s", fmt_int(c, c->r->schools),
	    teachers + admins > 0 ? fmt_printf(c, " ผู้บริหาร %s คน และครู %s คน", fmt_int(c, admins), fmt_int(c, teachers)) : "",
	    m->nnetworks ? fmt_printf(c, " ใน %s %s", fmt_int(c, (long long)m->nnetworks), fmt_network_word(c)) : ""));
	doc_label(c->doc, lb, "ระยะเวลา", fmt_printf(c, "%s ถึง %s (ปีงบประมาณ %s)", fmt_date(c, c->r->fy_first),
	    fmt_date(c, c->r->fy_last), fmt_year(c, c->r->fiscal_year)));
	doc_label(c->doc, lb, "งบประมาณ", fmt_printf(c, "%s บาท%s", fmt_baht(c, p->budget_total),
	    p->budget_note && *p->budget_note ? fmt_printf(c, " (%s)", p->budget_note) : ""));
	if (p->outcomes.n > 0) {
		doc_heading(c->doc, 2, fmt_text(c, fmt_printf(c, "1.%d", sec++)), "ผลที่คาดว่าจะได้รับ");
		l = doc_list(c->doc, 1);
		for (size_t i = 0; i < p->outcomes.n; i++)
			doc_list_item(c->doc, l, compose_item_text(p->outcomes.items[i], i));
	}
}

static const char *
join_list(Compose *c, const TextList *l)
{
	size_t len = 1;
	for (size_t i = 0; i < l->n; i++)
		len += strlen(l->items[i]) + 2;
	char *s = arena_alloc(c->doc->arena, len);
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			memcpy(s + strlen(s), ", ", 3);
		memcpy(s + strlen(s), l->items[i], strlen(l->items[i]) + 1);
	}
	return s;
}

static const char *
actual_period(Compose *c, const ActivityResults *a)
{
	if (a->first.year == 0)
		return "ยังไม่ได้ดำเนินการ";
	if (cal_compare(a->first, a->last) == 0)
		return fmt_date_short(c, a->first);
	return fmt_printf(c, "%s - %s", fmt_date_short(c, a->first), fmt_date_short(c, a->last));
}

/* "4.51–5.00 มากที่สุด, 3.51–4.50 มาก, …": five bands, highest first. */
static const char *
fmt_bands(Compose *c, const Band *b)
{
	const char *out = "";
	for (int i = 4; i >= 0; i--)
		out = fmt_printf(c, "%s%s%s–%s %s", out, i < 4 ? ", " : "", fmt_double(c, b[i].min, 2),
		    fmt_double(c, b[i].max, 2), b[i].label);
	return out;
}

/* "ดีเยี่ยม ร้อยละ 90 ขึ้นไป, ดีมาก ร้อยละ 75 ถึงต่ำกว่า 90, …". */
static const char *
fmt_levels(Compose *c)
{
	const Settings *s = c->s;
	const char *out = "";
	for (int i = 4; i >= 0; i--) {
		double lo = s->level_percent[i];
		const char *lo_s = fmt_double(c, lo, lo == (double)(long)lo ? 0 : 2);
		const char *hi_s = i < 4 ? fmt_double(c, s->level_percent[i + 1],
		    s->level_percent[i + 1] == (double)(long)s->level_percent[i + 1] ? 0 : 2) : NULL;
		out = fmt_printf(c, "%s%s%s %s", out, i < 4 ? ", " : "", s->rubric_bands[i].label,
		    i == 4 ? fmt_printf(c, "ร้อยละ %s ขึ้นไป", lo_s) : i == 0 && lo <= 0 ?
		    fmt_printf(c, "ต่ำกว่าร้อยละ %s", hi_s) : fmt_printf(c, "ร้อยละ %s ถึงต่ำกว่า %s", lo_s, hi_s));
	}
	return out;
}

/* How the results were measured: the plan's methods and tools for its
 * indicators, the records the figures come from, and the statistics in
 * words (the config's bands and cut-offs). */
static void
method_instruments(Compose *c)
{
	const Model *m = c->m;
	const Plan *p = m->plan;
	const Settings *s = c->s;
	doc_heading(c->doc, 2, "2.1", "เครื่องมือและวิธีการเก็บข้อมูล");
	DocBlock *l = doc_list(c->doc, 0);
	doc_list_item(c->doc, l, fmt_printf(c, "บันทึกการนิเทศของศึกษานิเทศก์ ระบุวันที่ โรงเรียนหรือ%s กิจกรรม ประเด็น "
	    "และข้อเสนอแนะ นับเฉพาะบันทึกที่อนุมัติแล้ว", fmt_network_word(c)));
	if (m->nmeetings)
		doc_list_item(c->doc, l, "บันทึกการประชุมและกิจกรรมกลุ่ม พร้อมบัญชีลงเวลาผู้เข้าร่วม");
	if (compose_reports_evaluations(c)) {
		const PlanEvaluationForm *f = &p->evaluation_form;
		doc_list_item(c->doc, l, f->name ? fmt_printf(c, "แบบประเมินการนิเทศภายในของโรงเรียน (%s) %s ด้าน คะแนน 1–5",
		    f->name, fmt_int(c, (long long)f->criteria.n)) :
		    "แบบประเมินการนิเทศภายในของโรงเรียนตามขั้นตอน PIDRE 5 ด้าน คะแนน 1–5");
	}
	if (m->survey.nitems)
		doc_list_item(c->doc, l, fmt_printf(c, "แบบสำรวจความพึงพอใจต่อการนิเทศ มาตราส่วนประมาณค่า 5 ระดับ %s ข้อ "
		    "และคำถามปลายเปิด (ภาคผนวก)", fmt_int(c, (long long)m->survey.nitems)));
	if (m->nspending)
		doc_list_item(c->doc, l, "ทะเบียนคุมการเบิกจ่ายงบประมาณ");
	if (p->nindicators) {
		compose_table_caption(c, "ตัวชี้วัดความสำเร็จ วิธีการประเมิน และเครื่องมือที่ใช้ตามแผน");
		DocBlock *tb = compose_table(c, 0, "ข้อ:14:c|ตัวชี้วัดความสำเร็จ:0:l|วิธีการประเมิน:28:l|เครื่องมือที่ใช้:40:l");
		for (size_t i = 0; i < p->nindicators; i++) {
			const PlanIndicator *in = &p->indicators[i];
			compose_row(c, tb, DOC_ROW_BODY, 4, fmt_text(c, in->target.id), in->target.text,
			    in->method ? in->method : "-", in->tool ? in->tool : "-");
		}
	}
	doc_heading(c->doc, 2, "2.2", "การวิเคราะห์ข้อมูลและสถิติที่ใช้");
	l = doc_list(c->doc, 0);
	doc_list_item(c->doc, l, "ร้อยละ คือ จำนวนที่บรรลุเกณฑ์หารด้วยจำนวนทั้งหมดของกลุ่มที่ระบุไว้กับตัวเลขนั้น คูณด้วย 100 "
	    "ตัวตั้งและตัวหารของร้อยละแต่ละค่าระบุไว้ในช่องหมายเหตุ ในข้อความ หรือใต้ตาราง");
	doc_list_item(c->doc, l, fmt_printf(c, "ค่าเฉลี่ยและส่วนเบี่ยงเบนมาตรฐาน (S.D.) ของคะแนนความพึงพอใจ "
	    "แปลความหมายค่าเฉลี่ยดังนี้ %s", fmt_bands(c, s->likert_bands)));
	if (compose_reports_evaluations(c))
		doc_list_item(c->doc, l, s->eval_method == EVAL_BY_MEAN ?
		    fmt_printf(c, "ระดับคุณภาพการนิเทศภายในจากค่าเฉลี่ยคะแนนรายด้าน ดังนี้ %s", fmt_bands(c, s->rubric_bands)) :
		    fmt_printf(c, "ระดับคุณภาพการนิเทศภายในจากร้อยละของคะแนน ดังนี้ %s", fmt_levels(c)));
	doc_list_item(c->doc, l, "ความถี่ของข้อเสนอแนะ จัดกลุ่มตามประเด็นจากคำสำคัญในข้อความ");
}

static void
method(Compose *c)
{
	const Results *r = c->r;
	doc_pagebreak(c->doc, -1);
	doc_heading(c->doc, 1, "ส่วนที่ 2", "วิธีดำเนินการ");
	doc_para(c->doc, "โครงการดำเนินการตามกิจกรรมในแผน โดยมีระยะเวลาตามแผนและระยะเวลาที่ดำเนินการจริงดังนี้");
	compose_table_caption(c, "กิจกรรม ระยะเวลาตามแผนและที่ดำเนินการจริง กลุ่มเป้าหมาย และผู้รับผิดชอบ");
	DocBlock *tb = compose_table(c, 0, "ที่:10:c|กิจกรรม/วิธีดำเนินการ:0:l|ระยะเวลา (แผน):24:c|ดำเนินการจริง:28:c|กลุ่มเป้าหมาย:22:l|ผู้รับผิดชอบ:22:l");
	for (size_t i = 0; i < r->nactivities; i++) {
		const ActivityResults *a = &r->activities[i];
		const PlanActivity *pa = a->plan;
		const char *name = pa->name;
		if (pa->ntopics > 0) {
			for (size_t k = 0; k < pa->ntopics; k++)
				name = fmt_printf(c, "%s\n%s %s", name, fmt_text(c, pa->topics[k].code), pa->topics[k].name);
		}
		compose_row(c, tb, DOC_ROW_BODY, 6, fmt_int(c, pa->no), name, fmt_text(c, pa->period_text),
		    actual_period(c, a), join_list(c, &pa->target_groups), pa->owner);
	}
	method_instruments(c);
}

/* --- ส่วนที่ 3: results -------------------------------------------------- */

static void
targets_chart(Compose *c)
{
	const Results *r = c->r;
	size_t n = 0;
	for (size_t i = 0; i < r->ntargets; i++)
		n += r->targets[i].is_percent && r->targets[i].den > 0;
	if (n == 0)
		return;
	/* One goal line when every such target shares its goal (the seed's aim
	 * at 100 %); otherwise each bar's label carries its own goal. */
	double goal = -1;
	int same = 1;
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		if (!t->is_percent || t->den == 0 || !t->target->has_goal)
			continue;
		if (goal < 0)
			goal = t->target->goal;
		same &= t->target->goal == goal;
	}
	compose_chart_caption(c, same ? "ผลการดำเนินงานตามเป้าหมายที่เป็นร้อยละ เทียบกับค่าเป้าหมาย" :
	    "ผลการดำเนินงานตามเป้าหมายที่เป็นร้อยละ (ค่าเป้าหมายในวงเล็บ)");
	DocBlock *ch = doc_chart(c->doc, DOC_CHART_BARS, "", n, 1);
	ch->u.chart.unit = "%";
	ch->u.chart.max = 100;
	ch->u.chart.decimals = 2;
	ch->u.chart.has_goal = goal >= 0 && same;
	ch->u.chart.goal = goal;
	doc_chart_series(c->doc, ch, 0, "ร้อยละ");
	size_t k = 0;
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		if (!t->is_percent || t->den == 0)
			continue;
		const char *label = fmt_text(c, t->target->id);
		if (!same && t->target->has_goal)
			label = fmt_printf(c, "%s (%s)", label, fmt_target_goal(c, t));
		doc_chart_category(c->doc, ch, k, label);
		doc_chart_value(ch, 0, k, measure_shown_cut(t) ? measure_cut2(t->value) : t->value);
		k++;
	}
}

static void
level_table(Compose *c)
{
	const EvalResults *e = &c->r->eval;
	if (!compose_reports_evaluations(c)) {
		doc_para(c->doc, "โครงการนี้ไม่ได้กำหนดการประเมินการนิเทศภายในของโรงเรียน และไม่มีข้อมูลการประเมิน");
		return;
	}
	compose_table_caption(c, "จำนวนโรงเรียนจำแนกตามระดับคุณภาพการนิเทศภายใน");
	DocBlock *tb = compose_table(c, 0, "ระดับคุณภาพ:0:l|จำนวนโรงเรียน:30:r|ร้อยละ:30:r");
	for (int l = 5; l >= 1; l--)
		compose_row(c, tb, DOC_ROW_BODY, 3,
		    fmt_printf(c, "%s %s", fmt_int(c, l), c->s->rubric_bands[l - 1].label),
		    fmt_int(c, e->level_count[l]), fmt_percent(c, e->level_count[l], c->r->schools));
	compose_row(c, tb, DOC_ROW_BODY, 3, "ไม่ได้รับการประเมิน", fmt_int(c, e->level_count[0]),
	    fmt_percent(c, e->level_count[0], c->r->schools));
	compose_row(c, tb, DOC_ROW_TOTAL, 3, "รวม", fmt_int(c, c->r->schools),
	    fmt_percent(c, c->r->schools, c->r->schools));
	/* In words: the commonest level, and how many reach the pass level. */
	int top = 0;
	for (int l = 1; l <= 5; l++)
		if (top == 0 || e->level_count[l] > e->level_count[top])
			top = l;
	if (e->evaluated > 0)
		doc_para(c->doc, fmt_printf(c, "จากตารางที่ %s พบว่า โรงเรียนได้รับการประเมิน %s จาก %s โรงเรียน "
		    "ส่วนใหญ่อยู่ในระดับ%s %s โรงเรียน (ร้อยละ %s ของโรงเรียนทั้งหมด) ผ่านเกณฑ์ระดับ%s ขึ้นไป %s โรงเรียน "
		    "(ร้อยละ %s)%s", fmt_int(c, c->ntables), fmt_int(c, e->evaluated), fmt_int(c, c->r->schools),
		    c->s->rubric_bands[top - 1].label, fmt_int(c, e->level_count[top]),
		    fmt_percent(c, e->level_count[top], c->r->schools), c->s->rubric_bands[e->pass_level - 1].label,
		    fmt_int(c, e->passed), fmt_percent(c, e->passed, c->r->schools),
		    e->level_count[0] ? fmt_printf(c, " และยังไม่ได้รับการประเมิน %s โรงเรียน", fmt_int(c, e->level_count[0])) :
		    ""))->u.para.indent_mm = 12.5;

	/* The same distribution per district, as stacked bars. */
	const Breakdown *bd = &c->r->by_district;
	if (bd->n == 0)
		return;
	compose_chart_caption(c, "ระดับคุณภาพการนิเทศภายในของโรงเรียน จำแนกตามอำเภอ (ร้อยละ)");
	DocBlock *ch = doc_chart(c->doc, DOC_CHART_STACKED, "", bd->n, 6);
	ch->u.chart.unit = "%";
	ch->u.chart.max = 100;
	ch->u.chart.decimals = 1;
	for (int l = 5; l >= 1; l--)
		doc_chart_series(c->doc, ch, (size_t)(5 - l), c->s->rubric_bands[l - 1].label);
	doc_chart_series(c->doc, ch, 5, "ไม่ได้ประเมิน");
	for (size_t i = 0; i < bd->n; i++) {
		doc_chart_category(c->doc, ch, i, bd->rows[i].label);
		long count[6] = { 0 };
		for (size_t k = 0; k < c->m->nschools; k++) {
			const School *s = &c->m->schools[k];
			if (!s->active || strcmp(s->district, bd->rows[i].key) != 0)
				continue;
			int l = c->r->eval.level[k];
			count[l == 0 ? 5 : 5 - l]++;
		}
		/* Exact shares to one decimal: two groups of the same size show
		 * the same figure (rounded to whole numbers that add up to 100,
		 * they would not). */
		double pct[6] = { 0 };
		long total = bd->rows[i].schools;
		for (int j = 0; j < 6 && total > 0; j++)
			pct[j] = (double)count[j] * 100.0 / (double)total;
		for (int j = 0; j < 6; j++)
			doc_chart_value(ch, (size_t)j, i, pct[j]);
	}
}

static void
satisfaction_table(Compose *c)
{
	const SurveyResults *sv = &c->r->survey;
	compose_table_caption(c, fmt_printf(c, "ความพึงพอใจต่อการดำเนินงานนิเทศ (ผู้ตอบ %s คน จาก %s โรงเรียน)",
	    fmt_int(c, sv->respondents), fmt_int(c, sv->schools_responding)));
	DocBlock *tb = compose_table(c, 0, "ข้อ:10:c|รายการประเมิน:0:l|ค่าเฉลี่ย:18:r|S.D.:14:r|ระดับความพึงพอใจ:24:c|ลำดับที่:14:c");
	for (size_t i = 0; i < sv->nitems; i++) {
		const ItemStats *it = &sv->items[i];
		compose_row(c, tb, DOC_ROW_BODY, 6, fmt_int(c, (long long)i + 1), compose_item_text(it->text, i),
		    it->n ? fmt_double(c, it->mean, 2) : "-", it->has_sd ? fmt_double(c, it->sd, 2) : "-",
		    it->band ? it->band : "-", it->rank ? fmt_int(c, it->rank) : "-");
	}
	const ItemStats *o = &sv->overall;
	DocRow *row = compose_row(c, tb, DOC_ROW_TOTAL, 5, "รวม/เฉลี่ย", o->n ? fmt_double(c, o->mean, 2) : "-",
	    o->has_sd ? fmt_double(c, o->sd, 2) : "-", o->band ? o->band : "-", "");
	row->first->colspan = 2;
	/* In words: the overall mean and the items ranked first and last. */
	const ItemStats *hi = NULL, *lo = NULL;
	size_t ihi = 0, ilo = 0;
	for (size_t i = 0; i < sv->nitems; i++) {
		const ItemStats *it = &sv->items[i];
		if (!it->n)
			continue;
		if (hi == NULL || it->mean > hi->mean)
			hi = it, ihi = i;
		if (lo == NULL || it->mean < lo->mean)
			lo = it, ilo = i;
	}
	if (o->n && hi && lo && hi != lo)
		doc_para(c->doc, fmt_printf(c, "จากตารางที่ %s พบว่า ผู้ตอบพึงพอใจต่อการดำเนินงานนิเทศในภาพรวมระดับ%s "
		    "(ค่าเฉลี่ย %s ส่วนเบี่ยงเบนมาตรฐาน %s) ข้อที่มีค่าเฉลี่ยสูงสุดคือ %s (%s) ข้อที่มีค่าเฉลี่ยต่ำสุดคือ %s (%s)",
		    fmt_int(c, c->ntables), o->band ? o->band : "-", fmt_double(c, o->mean, 2),
		    o->has_sd ? fmt_double(c, o->sd, 2) : "-", compose_item_text(hi->text, ihi), fmt_double(c, hi->mean, 2),
		    compose_item_text(lo->text, ilo), fmt_double(c, lo->mean, 2)))->u.para.indent_mm = 12.5;
}

static void
activity_results(Compose *c)
{
	const Results *r = c->r;
	doc_heading(c->doc, 2, "3.4", "ผลการดำเนินงานรายกิจกรรม");
	compose_table_caption(c, "ผลการดำเนินงานรายกิจกรรม");
	DocBlock *tb = compose_table(c, 0, "ที่:10:c|กิจกรรม:0:l|ครั้ง:18:r|โรงเรียน:18:r|เป้าหมาย (ผล):22:c|ใช้จ่าย (บาท):22:r|ความพึงพอใจ:16:r");
	int group_level = 0;
	for (size_t i = 0; i < r->nactivities; i++) {
		const ActivityResults *a = &r->activities[i];
		const char *target = a->target ? fmt_printf(c, "%s (%s)", fmt_text(c, a->target->target->id),
		    fmt_met(a->target)) : "-";
		/* Sessions held for a network or a group name no school. */
		int no_schools = a->events > 0 && a->schools_reached == 0;
		group_level |= no_schools;
		compose_row(c, tb, DOC_ROW_BODY, 7, fmt_int(c, a->plan->no), a->plan->name,
		    fmt_int(c, a->events), no_schools ? "-*" : fmt_int(c, a->schools_reached), target,
		    fmt_money(c, a->budget->spent),
		    a->has_satisfaction ? fmt_double(c, a->satisfaction, 2) : "-");
	}
	if (group_level)
		doc_para(c->doc, fmt_printf(c, "* ข้อมูลของกิจกรรมไม่ได้ระบุรายโรงเรียน "
		    "(ดำเนินการกับ%sหรือกับกลุ่มบุคลากร)", fmt_network_word(c)));
	doc_para(c->doc, "ครั้ง หมายถึง จำนวนการนิเทศและการประชุมของกิจกรรม โรงเรียน หมายถึง จำนวนโรงเรียนที่ได้รับการนิเทศ"
	    "หรือเข้าร่วมตามบัญชีลงเวลาอย่างน้อย 1 ครั้ง");
	/* The activity done most often, in words under its table. */
	const ActivityResults *most = NULL;
	for (size_t i = 0; i < r->nactivities; i++)
		if (most == NULL || r->activities[i].events > most->events)
			most = &r->activities[i];
	if (most && most->events > 0)
		doc_para(c->doc, fmt_printf(c, "จากตารางที่ %s พบว่า ดำเนินการรวม %s ครั้ง กิจกรรมที่ดำเนินการมากที่สุดคือ "
		    "กิจกรรมที่ %s %s จำนวน %s ครั้ง คิดเป็นร้อยละ %s ของทั้งหมด", fmt_int(c, c->ntables),
		    fmt_int(c, r->tally.activity_total), fmt_int(c, most->plan->no), most->plan->name,
		    fmt_int(c, most->events), fmt_percent(c, most->events, r->tally.activity_total)))->u.para.indent_mm = 12.5;

	/* One table explains every count of visits the report prints: the
	 * activities' total above, the breakdowns' and the schools' below. */
	const VisitTally *vt = &r->tally;
	compose_table_caption(c, "ที่มาของจำนวนครั้งการนิเทศที่รายงาน");
	DocBlock *rt = compose_table(c, 14, "รายการ:0:l|จำนวน (ครั้ง):26:r|ใช้ในตาราง:52:l");
	compose_row(c, rt, DOC_ROW_BODY, 3, "บันทึกการนิเทศทั้งหมด", fmt_int(c, vt->rows), "-");
	if (vt->drafts)
		compose_row(c, rt, DOC_ROW_BODY, 3, "หัก บันทึกที่ยังรออนุมัติ", fmt_int(c, vt->drafts), "ไม่นับ");
	if (vt->outside)
		compose_row(c, rt, DOC_ROW_BODY, 3, fmt_printf(c, "หัก บันทึกที่ลงวันที่นอกช่วง %s ถึง %s",
		    fmt_date_short(c, r->fy_first), fmt_date_short(c, r->as_of)), fmt_int(c, vt->outside), "ไม่นับ");
	DocRow *row = compose_row(c, rt, DOC_ROW_TOTAL, 3, "การนิเทศที่นับในรายงาน", fmt_int(c, vt->counted), "");
	(void)row;
	compose_row(c, rt, DOC_ROW_BODY, 3, "ในจำนวนนี้ ระบุโรงเรียน", fmt_int(c, vt->with_school),
	    fmt_printf(c, "จำแนกตามอำเภอ %s%s และสถานะรายโรงเรียน", fmt_network_word(c),
	    compose_has_colours(c) ? " กลุ่มสี" : ""));
	compose_row(c, rt, DOC_ROW_BODY, 3, fmt_printf(c, "ในจำนวนนี้ ระดับ%sหรือกลุ่มบุคลากร (ไม่ระบุโรงเรียน)", fmt_network_word(c)),
	    fmt_int(c, vt->counted - vt->with_school), "-");
	if (vt->no_activity)
		compose_row(c, rt, DOC_ROW_BODY, 3, "หัก การนิเทศที่ไม่ระบุกิจกรรมตามแผน", fmt_int(c, vt->no_activity), "-");
	compose_row(c, rt, DOC_ROW_BODY, 3, "บวก การประชุมและกิจกรรมกลุ่มของกิจกรรมตามแผน", fmt_int(c, vt->meetings), "-");
	compose_row(c, rt, DOC_ROW_TOTAL, 3, "รวมจำนวนครั้งของกิจกรรม", fmt_int(c, vt->activity_total),
	    "ผลการดำเนินงานรายกิจกรรม");

	/* Activity 4 in detail: each topic, and the per-school counts of 10 and 4. */
	for (size_t i = 0; i < r->nactivities; i++) {
		const ActivityResults *a = &r->activities[i];
		if (a->plan->ntopics == 0)
			continue;
		compose_table_caption(c, fmt_printf(c, "การนิเทศกิจกรรมที่ %s จำแนกตามประเด็น",
		    fmt_int(c, a->plan->no)));
		DocBlock *t4 = compose_table(c, 0, "ประเด็น:12:c|เรื่อง:0:l|ครั้ง:20:r|โรงเรียนที่ได้รับการนิเทศครบตามเกณฑ์:46:r");
		for (size_t k = 0; k < a->plan->ntopics; k++) {
			const PlanTopic *tp = &a->plan->topics[k];
			const char *goal = tp->per_school_goal > 0 ?
			    fmt_printf(c, "%s จาก %s (เกณฑ์ %s ครั้ง/โรง)", fmt_int(c, a->topic_schools_meeting_goal[k]),
			        fmt_int(c, r->schools), fmt_int(c, tp->per_school_goal)) : "-";
			compose_row(c, t4, DOC_ROW_BODY, 4, fmt_text(c, tp->code), tp->name,
			    fmt_int(c, a->topic_visits[k]), goal);
		}
	}

	compose_chart_caption(c, "จำนวนครั้งของการนิเทศ รายเดือน");
	DocBlock *ch = doc_chart(c->doc, DOC_CHART_COLUMNS, "", RESULTS_MONTHS, 1);
	ch->u.chart.decimals = 0;
	doc_chart_series(c->doc, ch, 0, "การนิเทศ");
	for (int mo = 0; mo < RESULTS_MONTHS; mo++) {
		doc_chart_category(c->doc, ch, (size_t)mo, fmt_month(c, r->months[mo].first));
		doc_chart_value(ch, 0, (size_t)mo, (double)r->months[mo].visits);
	}
	doc_para(c->doc, fmt_printf(c, "นับการนิเทศทุกกิจกรรมและทุกรูปแบบ รวมการนิเทศระดับ%s ไม่รวมการประชุม "
	    "(ตารางผลการดำเนินงานรายกิจกรรมนับการประชุมด้วย)", fmt_network_word(c)));
}

/* A breakdown row's name; schools with no colour (or network) form a row. */
static const char *
group_label(const GroupRow *g)
{
	return *g->label ? g->label : "(ไม่ระบุ)";
}

static void
breakdown_table(Compose *c, const Breakdown *b, const char *title, const char *key_head)
{
	compose_table_caption(c, title);
	/* The breakdowns count the config's pass level (a target may set
	 * another): the header says which. */
	int pass = c->r->eval.pass_level;
	DocBlock *tb = compose_table(c, 0, fmt_printf(c, "%s:0:l|โรงเรียน:19:r|ได้รับการนิเทศ:19:r|ครั้ง:19:r|"
	    "นิเทศภายในระดับ%sขึ้นไป (%%):19:r|พึงพอใจ (%%):19:r|มีนวัตกรรมหรือวิธีปฏิบัติที่เป็นเลิศ (%%):22:r", key_head,
	    c->s->rubric_bands[pass - 1].label));
	long t[7] = { 0 };
	int evals = compose_reports_evaluations(c), practices = compose_reports_practices(c);
	for (size_t i = 0; i < b->n; i++) {
		const GroupRow *g = &b->rows[i];
		compose_row(c, tb, DOC_ROW_BODY, 7, group_label(g), fmt_int(c, g->schools), fmt_int(c, g->supervised),
		    fmt_int(c, g->visits), evals ? fmt_percent(c, g->passed, g->schools) : "-",
		    fmt_percent(c, g->satisfied, g->responding),
		    practices ? fmt_percent(c, g->with_practice, g->schools) : "-");
		t[0] += g->schools;
		t[1] += g->supervised;
		t[2] += g->visits;
		t[3] += g->passed;
		t[4] += g->satisfied;
		t[5] += g->responding;
		t[6] += g->with_practice;
	}
	compose_row(c, tb, DOC_ROW_TOTAL, 7, "รวม", fmt_int(c, t[0]), fmt_int(c, t[1]), fmt_int(c, t[2]),
	    evals ? fmt_percent(c, t[3], t[0]) : "-", fmt_percent(c, t[4], t[5]),
	    practices ? fmt_percent(c, t[6], t[0]) : "-");
	/* In words: the groups with the highest and the lowest share passing
	 * internal supervision (or, without evaluations, visits per school). */
	const GroupRow *hi = NULL, *lo = NULL;
	for (size_t i = 0; i < b->n; i++) {
		const GroupRow *g = &b->rows[i];
		if (g->schools == 0)
			continue;
		double v = evals ? (double)g->passed / (double)g->schools : (double)g->visits / (double)g->schools;
		if (hi == NULL || v > (evals ? (double)hi->passed / (double)hi->schools : (double)hi->visits / (double)hi->schools))
			hi = g;
		if (lo == NULL || v < (evals ? (double)lo->passed / (double)lo->schools : (double)lo->visits / (double)lo->schools))
			lo = g;
	}
	if (hi && lo && hi != lo)
		doc_para(c->doc, evals ? fmt_printf(c, "จากตารางที่ %s พบว่า %sที่มีร้อยละของโรงเรียนที่ผ่านเกณฑ์การนิเทศภายใน"
		    "สูงที่สุดคือ %s (%s จาก %s โรงเรียน ร้อยละ %s) ต่ำที่สุดคือ %s (%s จาก %s โรงเรียน ร้อยละ %s)", fmt_int(c, c->ntables),
		    key_head, group_label(hi), fmt_int(c, hi->passed), fmt_int(c, hi->schools), fmt_percent(c, hi->passed, hi->schools),
		    group_label(lo), fmt_int(c, lo->passed), fmt_int(c, lo->schools), fmt_percent(c, lo->passed, lo->schools)) :
		    fmt_printf(c, "จากตารางที่ %s พบว่า %sที่ได้รับการนิเทศเฉลี่ยต่อโรงเรียนมากที่สุดคือ %s (%s ครั้ง จาก %s โรงเรียน) "
		    "น้อยที่สุดคือ %s (%s ครั้ง จาก %s โรงเรียน)", fmt_int(c, c->ntables), key_head, group_label(hi),
		    fmt_int(c, hi->visits), fmt_int(c, hi->schools), group_label(lo), fmt_int(c, lo->visits),
		    fmt_int(c, lo->schools)))->u.para.indent_mm = 12.5;
}

static void
breakdown_chart(Compose *c, const Breakdown *b, const char *title)
{
	if (b->n == 0)
		return;
	/* Bars all at 100 % tell nothing a sentence cannot. */
	size_t full = 0;
	for (size_t i = 0; i < b->n; i++)
		full += b->rows[i].supervised == b->rows[i].schools;
	if (full == b->n) {
		doc_para(c->doc, "ทุกกลุ่มในตารางข้างต้นได้รับการนิเทศครบทุกโรงเรียน (ร้อยละ 100)");
		return;
	}
	compose_chart_caption(c, title);
	DocBlock *ch = doc_chart(c->doc, DOC_CHART_BARS, "", b->n, 1);
	ch->u.chart.unit = "%";
	ch->u.chart.max = 100;
	ch->u.chart.decimals = 2;
	ch->u.chart.has_goal = 1;
	ch->u.chart.goal = 100;
	doc_chart_series(c->doc, ch, 0, "ร้อยละของโรงเรียนที่ได้รับการนิเทศ");
	for (size_t i = 0; i < b->n; i++) {
		doc_chart_category(c->doc, ch, i, group_label(&b->rows[i]));
		doc_chart_value(ch, 0, i, b->rows[i].schools ? b->rows[i].supervised * 100.0 / b->rows[i].schools : 0);
	}
}

static void
practices_list(Compose *c)
{
	const Model *m = c->m;
	compose_table_caption(c, "นวัตกรรมและวิธีปฏิบัติที่เป็นเลิศที่เผยแพร่ในปีงบประมาณ");
	DocBlock *tb = compose_table(c, 0, "ที่:10:c|ผลงาน:0:l|โรงเรียน:40:l|ช่องทางเผยแพร่:26:l|ระดับ:14:c");
	long n = 0;
	for (size_t i = 0; i < m->npractices; i++) {
		const Practice *p = &m->practices[i];
		if (p->school == NULL || p->published.year == 0 || !*p->channel ||
		    cal_compare(p->published, c->r->fy_first) < 0 || cal_compare(p->published, c->r->as_of) > 0)
			continue;
		compose_row(c, tb, DOC_ROW_BODY, 5, fmt_int(c, ++n), fmt_printf(c, "%s (%s)", p->title, p->kind),
		    p->school->name, fmt_printf(c, "%s %s", p->channel, fmt_date_short(c, p->published)), p->level);
	}
	if (n == 0)
		compose_row(c, tb, DOC_ROW_BODY, 5, "-", "ไม่มีผลงานที่เผยแพร่", "", "", "");
}

/* 3.7: each target beside its result of the year before, from last
 * year's indicators file; nothing when the office has not put it in. */
static void
year_over_year(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	if (m->previous_year == 0)
		return;
	doc_heading(c->doc, 2, "3.7", fmt_printf(c, "เปรียบเทียบผลการดำเนินงานกับปีงบประมาณ %s", fmt_year(c, m->previous_year)));
	compose_table_caption(c, fmt_printf(c, "ผลการดำเนินงานตามเป้าหมาย ปีงบประมาณ %s และ %s",
	    fmt_year(c, m->previous_year), fmt_year(c, r->fiscal_year)));
	DocBlock *tb = compose_table(c, 14, fmt_printf(c, "ข้อ:13:c|เป้าหมาย / ตัวชี้วัด:0:l|ปี %s:24:r|ปี %s:24:r|"
	    "การเปลี่ยนแปลง:30:l", fmt_year(c, m->previous_year), fmt_year(c, r->fiscal_year)));
	long up = 0, down = 0, same = 0, none = 0;
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		const PreviousResult *p = NULL;
		for (size_t i = 0; i < m->nprevious && p == NULL; i++)
			if (!strcmp(m->previous[i].id, t->target->id))
				p = &m->previous[i];
		const char *before = p && p->has_value ? (t->is_percent ? fmt_printf(c, "ร้อยละ %s", fmt_double(c, p->value, 2)) :
		    fmt_printf(c, "%s%s%s", fmt_double(c, p->value, p->value == (double)(long)p->value ? 0 : 2),
		    *p->unit ? " " : "", p->unit)) : "-";
		const char *change;
		if (p == NULL || !p->has_value || t->no_data) {
			change = p == NULL ? "ไม่มีข้อมูลปีก่อน" : "เปรียบเทียบไม่ได้";
			none++;
		} else {
			double d = t->value - p->value;
			const char *amount = fmt_double(c, d < 0 ? -d : d, t->is_percent || d != (double)(long)d ? 2 : 0);
			const char *unit = t->is_percent ? " จุด" : t->unit && *t->unit ? fmt_printf(c, " %s", t->unit) : "";
			if (d > 1e-9)
				change = fmt_printf(c, "สูงขึ้น %s%s", amount, unit), up++;
			else if (d < -1e-9)
				change = fmt_printf(c, "ลดลง %s%s", amount, unit), down++;
			else
				change = "เท่าเดิม", same++;
		}
		compose_row(c, tb, DOC_ROW_BODY, 5, fmt_text(c, t->target->id), t->target->text, before,
		    fmt_target_result(c, t), change);
	}
	doc_para(c->doc, fmt_printf(c, "จากตารางที่ %s พบว่า เมื่อเทียบกับปีงบประมาณ %s ผลการดำเนินงานสูงขึ้น %s ข้อ "
	    "ลดลง %s ข้อ เท่าเดิม %s ข้อ%s (จุด หมายถึง ผลต่างของร้อยละ)", fmt_int(c, c->ntables),
	    fmt_year(c, m->previous_year), fmt_int(c, up), fmt_int(c, down), fmt_int(c, same),
	    none ? fmt_printf(c, " และเปรียบเทียบไม่ได้ %s ข้อ", fmt_int(c, none)) : ""))->u.para.indent_mm = 12.5;
}

static void
results_part(Compose *c)
{
	const Results *r = c->r;
	doc_pagebreak(c->doc, -1);
	doc_heading(c->doc, 1, "ส่วนที่ 3", "ผลการดำเนินงาน");
	doc_heading(c->doc, 2, "3.1", "ผลการดำเนินงานตามเป้าหมายเชิงปริมาณ");
	compose_table_caption(c, "ผลการดำเนินงานตามเป้าหมายเชิงปริมาณ");
	targets_table(c, r->targets, r->ntargets, QUANTITATIVE, 1);
	targets_chart(c);

	doc_heading(c->doc, 2, "3.2", "ผลการดำเนินงานตามเป้าหมายเชิงคุณภาพ");
	compose_table_caption(c, "ผลการดำเนินงานตามเป้าหมายเชิงคุณภาพ");
	targets_table(c, r->targets, r->ntargets, QUALITATIVE, 1);
	/* The figures beside each qualitative result (how many were measured,
	 * how many above the pass level), in one captioned table. */
	DocBlock *xt = NULL;
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		if (t->target->quantitative || t->nextras == 0)
			continue;
		if (xt == NULL) {
			compose_table_caption(c, "ข้อมูลประกอบผลการดำเนินงานตามเป้าหมายเชิงคุณภาพ");
			xt = compose_table(c, 14, "ข้อ:13:c|รายการ:0:l|ร้อยละ:22:r|จำนวน:36:r");
		}
		for (size_t k = 0; k < t->nextras; k++) {
			const Extra *e = &t->extras[k];
			compose_row(c, xt, DOC_ROW_BODY, 4, fmt_text(c, t->target->id), compose_extra_label(c, t, e),
			    e->is_percent ? fmt_percent(c, e->num, e->den) : "-",
			    e->is_percent ? fmt_printf(c, "%s จาก %s", fmt_int(c, e->num), fmt_int(c, e->den)) :
			    fmt_double(c, e->value, 0));
		}
	}
	level_table(c);
	satisfaction_table(c);

	doc_heading(c->doc, 2, "3.3", "ผลตามตัวชี้วัดความสำเร็จ");
	if (r->nindicators) {
		compose_table_caption(c, "ผลตามตัวชี้วัดความสำเร็จของโครงการ");
		targets_table(c, r->indicators, r->nindicators, ALL_TARGETS, 1);
	} else {
		doc_para(c->doc, "โครงการไม่ได้กำหนดตัวชี้วัดความสำเร็จแยกจากเป้าหมาย "
		    "ผลการดำเนินงานรายงานตามเป้าหมายในหัวข้อ 3.1 และ 3.2");
	}

	activity_results(c);

	int colours = compose_has_colours(c);
	const char *nw = fmt_network_word(c);
	doc_heading(c->doc, 2, "3.5", colours ? fmt_printf(c, "ผลการดำเนินงานจำแนกตามอำเภอ %s และกลุ่มสี", nw) :
	    fmt_printf(c, "ผลการดำเนินงานจำแนกตามอำเภอและ%s", nw));
	doc_para(c->doc, fmt_printf(c, "ได้รับการนิเทศ หมายถึง โรงเรียนที่ได้รับการนิเทศอย่างน้อย 1 ครั้งจากกิจกรรมใดก็ได้ "
	    "ส่วนเป้าหมายแต่ละข้อนับเฉพาะกิจกรรมที่เป้าหมายนั้นกำหนด ครั้ง หมายถึง การนิเทศที่ระบุโรงเรียน "
	    "ไม่รวมการประชุมและการนิเทศระดับ%s ร้อยละคิดจากจำนวนโรงเรียนในแต่ละกลุ่ม "
	    "ยกเว้นพึงพอใจ ซึ่งคิดจากโรงเรียนที่ตอบแบบสำรวจ และนับโรงเรียนที่ค่าเฉลี่ยตั้งแต่ %s ขึ้นไป", nw,
	    fmt_double(c, r->survey.satisfied_mean, 2)));
	breakdown_table(c, &r->by_district, "ผลการดำเนินงานจำแนกตามอำเภอ", "อำเภอ");
	breakdown_chart(c, &r->by_district, "ร้อยละของโรงเรียนที่ได้รับการนิเทศ จำแนกตามอำเภอ");
	breakdown_table(c, &r->by_network, fmt_printf(c, "ผลการดำเนินงานจำแนกตาม%s", fmt_network_title(c)), nw);
	if (colours) {
		breakdown_table(c, &r->by_colour, "ผลการดำเนินงานจำแนกตามกลุ่มสีของโรงเรียน", "กลุ่มสี");
		breakdown_chart(c, &r->by_colour, "ร้อยละของโรงเรียนที่ได้รับการนิเทศ จำแนกตามกลุ่มสี");
	}

	doc_heading(c->doc, 2, "3.6", "นวัตกรรมและวิธีปฏิบัติที่เป็นเลิศ");
	practices_list(c);
	year_over_year(c);
}

/* --- ส่วนที่ 4: budget --------------------------------------------------- */

static const char *
money_or_dash(Compose *c, Satang v)
{
	return v == 0 ? "-" : fmt_money(c, v);
}

/* What an auditor reading the budget must see beside it: payments in a
 * category the plan does not budget, one document number paid twice, and
 * refunds, each with its date, activity and amount. */
static void
budget_remarks(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	DocBlock *l = NULL;
	for (size_t i = 0; i < m->nspending; i++) {
		const Spending *sp = &m->spending[i];
		if (!sp->in_fy || cal_compare(sp->date, r->as_of) > 0)
			continue;
		const char *what = NULL;
		if (sp->category == CAT_UTILITIES)
			what = fmt_printf(c, "เบิกจ่ายหมวด%s ซึ่งไม่อยู่ในหมวดรายจ่ายของโครงการ", model_category_name(sp->category));
		else if (sp->amount < 0)
			what = "รายการคืนเงิน";
		for (size_t k = 0; k < i && what == NULL; k++) {
			const Spending *o = &m->spending[k];
			if (*sp->doc_no && o->in_fy && !strcmp(o->doc_no, sp->doc_no))
				what = fmt_printf(c, "เอกสารเลขที่ %s ใช้เบิกจ่ายซ้ำกับรายการวันที่ %s จำนวน %s บาท", sp->doc_no,
				    fmt_date_short(c, o->date), fmt_money(c, o->amount));
		}
		if (what == NULL)
			continue;
		if (l == NULL) {
			doc_para(c->doc, "ข้อสังเกตสำหรับการตรวจสอบ")->u.para.keep_with_next = 1;
			l = doc_list(c->doc, 0);
		}
		doc_list_item(c->doc, l, fmt_printf(c, "%s กิจกรรมที่ %s จำนวน %s บาท%s: %s", fmt_date_short(c, sp->date),
		    fmt_int(c, sp->activity), fmt_money(c, sp->amount), *sp->doc_no ? fmt_printf(c, " (เอกสาร %s)", sp->doc_no) : "",
		    what));
	}
}

static void
budget_part(Compose *c)
{
	const BudgetResults *b = &c->r->budget;
	const Plan *p = c->m->plan;
	doc_pagebreak(c->doc, 1); /* the seed's budget table is wide: landscape */
	doc_heading(c->doc, 1, "ส่วนที่ 4", "การใช้งบประมาณ");
	char words[512];
	num_baht_text(b->approved_total, words, sizeof(words));
	/* The amount in words right after the amount; the plan's own sentence
	 * about the budget is quoted in ส่วนที่ 1. */
	DocBlock *para = doc_para(c->doc, fmt_printf(c, "งบประมาณที่ได้รับ %s บาท (%s) ใช้จ่ายจริง %s บาท "
	    "คิดเป็นร้อยละ %s ของงบประมาณ คงเหลือ %s บาท", fmt_baht(c, b->approved_total), words,
	    fmt_money(c, b->spent), fmt_percent(c, b->spent, b->approved_total), fmt_money(c, b->remaining)));
	para->u.para.indent_mm = 12.5;

	compose_table_caption(c, "การใช้งบประมาณจำแนกตามกิจกรรมและหมวดรายจ่าย");
	/* The seed's three categories under "การใช้จ่ายจริง"; a fourth column
	 * only when money was spent outside them (ค่าสาธารณูปโภค), so that each
	 * row's categories always add up to its รวมจ่ายจริง. */
	int ncat = b->by_category[CAT_UTILITIES] != 0 ? 4 : 3;
	size_t ncols = 7 + (size_t)ncat;
	double money_mm = ncat == 4 ? 22 : 24;
	DocBlock *tb = doc_table(c->doc, ncols);
	doc_table_column(tb, 0, 9, DOC_ALIGN_CENTER);
	doc_table_column(tb, 1, 0, DOC_ALIGN_LEFT);
	for (size_t i = 2; i < ncols - 2; i++)
		doc_table_column(tb, i, money_mm, DOC_ALIGN_RIGHT);
	doc_table_column(tb, ncols - 2, 17, DOC_ALIGN_RIGHT);
	doc_table_column(tb, ncols - 1, 30, DOC_ALIGN_LEFT);
	tb->u.table.full_width = 1;
	tb->u.table.size = 13;
	/* Two header rows, as the seed's table: the categories under "จ่ายจริง". */
	DocRow *h = doc_table_row(c->doc, tb, DOC_ROW_HEADER);
	h->shaded = 1;
	const char *top[] = { "ที่", "รายการ", "งบประมาณที่ได้รับ", "การใช้จ่ายจริง", "คงเหลือ", "ร้อยละการเบิกจ่าย",
		"หมายเหตุ (ถัวจ่าย)" };
	for (size_t i = 0; i < 7; i++) {
		DocCell *cell = doc_row_cell(c->doc, h, top[i]);
		cell->align = DOC_ALIGN_CENTER;
		if (i == 3)
			cell->colspan = ncat + 1;
		else
			cell->rowspan = 2;
	}
	compose_header(c, tb, ncat == 4 ? "ค่าตอบแทน|ค่าใช้สอย|ค่าวัสดุ|ค่าสาธารณูปโภค|รวมจ่ายจริง" :
	    "ค่าตอบแทน|ค่าใช้สอย|ค่าวัสดุ|รวมจ่ายจริง");
	for (size_t i = 0; i < b->nlines; i++) {
		const BudgetLine *l = &b->lines[i];
		/* What an activity left over is "moved out" only when another
		 * drew on it: with nothing overspent, nothing was moved. */
		const char *note = "";
		if (l->moved_in > 0)
			note = fmt_printf(c, "ถัวจ่ายเพิ่ม %s", fmt_money(c, l->moved_in));
		else if (l->moved_out > 0 && l->approved > 0 && b->moved > 0)
			note = fmt_printf(c, "ถัวจ่ายออก %s", fmt_money(c, l->moved_out));
		DocRow *row = doc_table_row(c->doc, tb, DOC_ROW_BODY);
		doc_row_cell(c->doc, row, fmt_int(c, l->activity));
		doc_row_cell(c->doc, row, l->plan->budget_label ? l->plan->budget_label : l->plan->name);
		doc_row_cell(c->doc, row, money_or_dash(c, l->approved));
		for (int k = 0; k < ncat; k++)
			doc_row_cell(c->doc, row, money_or_dash(c, l->by_category[k]));
		doc_row_cell(c->doc, row, money_or_dash(c, l->spent));
		doc_row_cell(c->doc, row, fmt_money(c, l->remaining));
		doc_row_cell(c->doc, row, l->has_percent ? fmt_percent(c, l->spent, l->approved) : "-");
		doc_row_cell(c->doc, row, note);
	}
	DocRow *total = doc_table_row(c->doc, tb, DOC_ROW_TOTAL);
	total->shaded = 1;
	doc_row_cell(c->doc, total, "รวมทั้งสิ้น");
	doc_row_cell(c->doc, total, fmt_money(c, b->approved_total));
	for (int k = 0; k < ncat; k++)
		doc_row_cell(c->doc, total, fmt_money(c, b->by_category[k]));
	doc_row_cell(c->doc, total, fmt_money(c, b->spent));
	doc_row_cell(c->doc, total, fmt_money(c, b->remaining));
	doc_row_cell(c->doc, total, fmt_percent(c, b->spent, b->approved_total));
	doc_row_cell(c->doc, total, b->moved > 0 ?
	    fmt_printf(c, "ถัวจ่ายระหว่างกิจกรรม %s", fmt_money(c, b->moved)) : "");
	total->first->colspan = 2;
	DocBlock *note = doc_para(c->doc, fmt_printf(c, "*%s", p->budget_note ? p->budget_note : "ขอถัวจ่ายทุกรายการ"));
	note->u.para.size = 14;
	/* In words: the category spent most, and the activities over their
	 * allocation (paid from what others left). */
	int topcat = 0;
	for (int k = 1; k < CAT_NCATEGORIES; k++)
		if (b->by_category[k] > b->by_category[topcat])
			topcat = k;
	const char *over = "";
	size_t nover = 0;
	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].moved_in > 0)
			over = fmt_printf(c, "%s%s%s", over, nover++ ? ", " : "", fmt_int(c, b->lines[i].activity));
	doc_para(c->doc, fmt_printf(c, "จากตารางที่ %s พบว่า ใช้จ่ายจริง %s บาท คิดเป็นร้อยละ %s ของงบประมาณที่ได้รับ "
	    "หมวดที่ใช้จ่ายมากที่สุดคือหมวด%s %s บาท (ร้อยละ %s ของที่ใช้จ่าย)%s", fmt_int(c, c->ntables),
	    fmt_money(c, b->spent), fmt_percent(c, b->spent, b->approved_total), model_category_name((Category)topcat),
	    fmt_money(c, b->by_category[topcat]), fmt_percent(c, b->by_category[topcat], b->spent),
	    nover ? fmt_printf(c, " กิจกรรมที่ใช้จ่ายเกินงบประมาณที่ได้รับหรือไม่ได้รับจัดสรร ได้แก่ กิจกรรมที่ %s "
	    "ซึ่งถัวจ่ายจากกิจกรรมอื่น", over) : ""))->u.para.indent_mm = 12.5;

	char spent_words[512], left_words[512];
	num_baht_text(b->spent, spent_words, sizeof(spent_words));
	num_baht_text(b->remaining, left_words, sizeof(left_words));
	DocBlock *l = doc_labels(c->doc);
	doc_label(c->doc, l, "งบประมาณที่ได้รับ", fmt_printf(c, "%s บาท (%s)", fmt_money(c, b->approved_total), words));
	doc_label(c->doc, l, "ใช้จ่ายจริง", fmt_printf(c, "%s บาท (%s)", fmt_money(c, b->spent), spent_words));
	doc_label(c->doc, l, "คงเหลือ", fmt_printf(c, "%s บาท (%s)", fmt_money(c, b->remaining), left_words));
	for (int k = 0; k < CAT_NCATEGORIES; k++)
		if (b->by_category[k] != 0 || k < CAT_UTILITIES)
			doc_label(c->doc, l, fmt_printf(c, "หมวด%s", model_category_name((Category)k)),
			    fmt_printf(c, "%s บาท (ร้อยละ %s ของที่ใช้จ่าย)", fmt_money(c, b->by_category[k]),
			        fmt_percent(c, b->by_category[k], b->spent)));
	if (b->over_total)
		doc_para(c->doc, "การใช้จ่ายเกินงบประมาณรวมของโครงการ ซึ่งไม่อยู่ในหลักการถัวจ่าย ต้องตรวจสอบ");
	budget_remarks(c);
	compose_table_caption(c, "การเบิกจ่ายรายไตรมาส");
	DocBlock *q = compose_table(c, 0, "ไตรมาส:0:c|เบิกจ่าย (บาท):45:r|สะสม (บาท):45:r|ร้อยละสะสม:35:r");
	Satang cum = 0;
	for (int k = 0; k < 4; k++) {
		cum += b->by_quarter[k];
		compose_row(c, q, DOC_ROW_BODY, 4, fmt_int(c, k + 1), fmt_money(c, b->by_quarter[k]),
		    fmt_money(c, cum), fmt_percent(c, cum, b->approved_total));
	}
	int topq = 0;
	for (int k = 1; k < 4; k++)
		if (b->by_quarter[k] > b->by_quarter[topq])
			topq = k;
	doc_para(c->doc, fmt_printf(c, "จากตารางที่ %s พบว่า ไตรมาสที่ %s เบิกจ่ายมากที่สุด %s บาท "
	    "และเมื่อสิ้นไตรมาสที่ 2 เบิกจ่ายสะสมร้อยละ %s ของงบประมาณ", fmt_int(c, c->ntables), fmt_int(c, topq + 1),
	    fmt_money(c, b->by_quarter[topq]), fmt_percent(c, b->by_quarter[0] + b->by_quarter[1],
	    b->approved_total)))->u.para.indent_mm = 12.5;
	doc_pagebreak(c->doc, 0);
}

/* --- ส่วนที่ 5: สรุป อภิปรายผล และข้อเสนอแนะ ------------------------------ */

/* The office's words of one kind about a target (id), an activity (no) or
 * the project (both 0/NULL), in the file's order, as one paragraph each in
 * a list; NULL when it wrote none. */
static DocBlock *
narrative_list(Compose *c, const char *target_id, int activity, NarrativeKind kind, DocBlock *list)
{
	const Model *m = c->m;
	for (size_t i = 0; i < m->nnarrative; i++) {
		const Narrative *n = &m->narrative[i];
		if (n->kind != kind || n->activity != activity ||
		    (target_id ? n->target_id == NULL || strcmp(n->target_id, target_id) : n->target_id != NULL))
			continue;
		if (list == NULL)
			list = doc_list(c->doc, 0);
		doc_list_item(c->doc, list, n->text);
	}
	return list;
}

/* The office's words of one kind about one target, joined: "" when none. */
static const char *
narrative_text(Compose *c, const char *target_id, NarrativeKind kind)
{
	const char *out = "";
	for (size_t i = 0; i < c->m->nnarrative; i++) {
		const Narrative *n = &c->m->narrative[i];
		if (n->kind == kind && n->target_id && !strcmp(n->target_id, target_id))
			out = *out ? fmt_printf(c, "%s %s", out, n->text) : n->text;
	}
	return out;
}

static const char *const NOT_WRITTEN = "สำนักงานยังไม่ได้บันทึก";

/* 5.3: each target or indicator not met (or not measured) with what was
 * measured, and the office's cause and remedy beside it; the per-school
 * goals of activities' topics; the activities' own problems. */
static void
shortfalls(Compose *c)
{
	const Results *r = c->r;
	doc_heading(c->doc, 2, "5.3", "ปัญหา อุปสรรค และแนวทางแก้ไข");
	size_t said = 0, unwritten = 0;
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		if (!t->target->has_goal || (t->judged && t->met))
			continue;
		DocBlock *p = doc_para(c->doc, "");
		p->u.para.keep_with_next = 1;
		doc_text_add(c->doc, &p->u.para.text, fmt_printf(c, "ข้อ %s ", fmt_text(c, t->target->id)), 1);
		doc_text_add(c->doc, &p->u.para.text, t->target->text, 0);
		DocBlock *l = doc_labels(c->doc);
		l->u.labels.label_mm = 32;
		doc_label(c->doc, l, "ผลการดำเนินงาน", t->judged ?
		    fmt_with_note(c, fmt_printf(c, "%s เป้าหมาย %s ยังไม่บรรลุ", fmt_target_result(c, t), fmt_target_goal(c, t)),
		    compose_note(c, t)) : fmt_printf(c, "ยังไม่ได้วัดผล %s", compose_note(c, t) ? fmt_text(c, compose_note(c, t)) : ""));
		const char *cause = narrative_text(c, t->target->id, NARR_CAUSE);
		const char *remedy = narrative_text(c, t->target->id, NARR_REMEDY);
		doc_label(c->doc, l, "สาเหตุ", *cause ? cause : NOT_WRITTEN);
		doc_label(c->doc, l, "แนวทางแก้ไข", *remedy ? remedy : NOT_WRITTEN);
		unwritten += !*cause + !*remedy;
		said++;
	}
	/* The activities' own problems and remedies, as the office wrote them. */
	for (size_t i = 0; i < r->nactivities; i++) {
		const PlanActivity *a = r->activities[i].plan;
		DocBlock *l = NULL;
		for (size_t n = 0; n < c->m->nnarrative; n++) {
			const Narrative *x = &c->m->narrative[n];
			if (x->activity != a->no || (x->kind != NARR_CAUSE && x->kind != NARR_REMEDY))
				continue;
			if (l == NULL) {
				DocBlock *p = doc_para(c->doc, "");
				p->u.para.keep_with_next = 1;
				doc_text_add(c->doc, &p->u.para.text, fmt_printf(c, "กิจกรรมที่ %s ", fmt_int(c, a->no)), 1);
				doc_text_add(c->doc, &p->u.para.text, a->name, 0);
				l = doc_labels(c->doc);
				l->u.labels.label_mm = 32;
			}
			doc_label(c->doc, l, x->kind == NARR_CAUSE ? "สาเหตุ" : "แนวทางแก้ไข", x->text);
			said++;
		}
	}
	if (said == 0)
		doc_para(c->doc, "ไม่มี ทุกเป้าหมายและตัวชี้วัดที่กำหนดค่าเป้าหมายบรรลุแล้ว");
	else if (unwritten > 0)
		doc_para(c->doc, fmt_printf(c, "หมายเหตุ: สาเหตุหรือแนวทางแก้ไข %s รายการข้างต้นที่ระบุว่า%s "
		    "เป็นส่วนที่สำนักงานยังต้องเขียนก่อนลงนามรายงาน", fmt_int(c, (long long)unwritten), NOT_WRITTEN));

	/* The per-school goals of an activity's topics (activity 4: 10 and 4
	 * visits a school), which no target of section 3 counts: facts the
	 * director should see beside the targets met. */
	DocBlock *l = NULL;
	for (size_t i = 0; i < r->nactivities; i++) {
		const ActivityResults *a = &r->activities[i];
		for (size_t k = 0; k < a->plan->ntopics; k++) {
			const PlanTopic *tp = &a->plan->topics[k];
			if (tp->per_school_goal <= 0 || a->topic_schools_meeting_goal[k] >= r->schools)
				continue;
			if (l == NULL) {
				doc_para(c->doc, "ข้อสังเกตจากผลการดำเนินงานรายโรงเรียนตามที่แผนกำหนด")->u.para.keep_with_next = 1;
				l = doc_list(c->doc, 0);
			}
			doc_list_item(c->doc, l, fmt_printf(c, "กิจกรรมที่ %s ประเด็น %s %s กำหนด %s ครั้งต่อโรงเรียน "
			    "มีโรงเรียนที่ได้รับการนิเทศครบ %s จาก %s โรงเรียน (ร้อยละ %s)", fmt_int(c, a->plan->no),
			    fmt_text(c, tp->code), tp->name, fmt_int(c, tp->per_school_goal),
			    fmt_int(c, a->topic_schools_meeting_goal[k]), fmt_int(c, r->schools),
			    fmt_percent(c, a->topic_schools_meeting_goal[k], r->schools)));
		}
	}
}

static void
problems_part(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	doc_pagebreak(c->doc, -1);
	doc_heading(c->doc, 1, "ส่วนที่ 5", "สรุป อภิปรายผล และข้อเสนอแนะ");

	doc_heading(c->doc, 2, "5.1", "สรุปผลการดำเนินงาน");
	long nq, nk, ni;
	long mq = count_met(r->targets, r->ntargets, QUANTITATIVE, &nq);
	long mk = count_met(r->targets, r->ntargets, QUALITATIVE, &nk);
	long mi = count_met(r->indicators, r->nindicators, ALL_TARGETS, &ni);
	const char *unmet = "";
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		if (t->judged && !t->met && t->target->has_goal)
			unmet = fmt_printf(c, "%s%s%s", unmet, *unmet ? ", " : "", fmt_text(c, t->target->id));
	}
	DocBlock *p = doc_para(c->doc, fmt_printf(c, "การดำเนินงาน%s%s บรรลุเป้าหมายเชิงปริมาณ %s จาก %s ข้อ "
	    "เป้าหมายเชิงคุณภาพ %s จาก %s ข้อ%s ใช้งบประมาณร้อยละ %s ของงบประมาณที่ได้รับ%s",
	    fmt_project(c), fmt_project_year(c), fmt_int(c, mq), fmt_int(c, nq), fmt_int(c, mk), fmt_int(c, nk),
	    r->nindicators ? fmt_printf(c, " และตัวชี้วัดความสำเร็จ %s จาก %s ตัวชี้วัด", fmt_int(c, mi), fmt_int(c, ni)) : "",
	    fmt_percent(c, r->budget.spent, r->budget.approved_total),
	    *unmet ? fmt_printf(c, " ข้อที่ยังไม่บรรลุ ได้แก่ ข้อ %s ซึ่งสาเหตุและแนวทางแก้ไขอยู่ในหัวข้อ 5.3", unmet) : ""));
	p->u.para.indent_mm = 12.5;

	doc_heading(c->doc, 2, "5.2", "อภิปรายผล");
	DocBlock *l = narrative_list(c, NULL, 0, NARR_DISCUSSION, NULL);
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		const char *d = narrative_text(c, t->target->id, NARR_DISCUSSION);
		if (!*d)
			continue;
		if (l == NULL)
			l = doc_list(c->doc, 0);
		doc_list_item(c->doc, l, fmt_printf(c, "ข้อ %s: %s", fmt_text(c, t->target->id), d));
	}
	if (l == NULL)
		doc_para(c->doc, fmt_printf(c, "%sการอภิปรายผลของปีงบประมาณนี้", NOT_WRITTEN));

	shortfalls(c);

	doc_heading(c->doc, 2, "5.4", "ความคิดเห็นและข้อเสนอแนะของโรงเรียนต่อการนิเทศ");
	const Survey *sv = &m->survey;
	const char **texts = arena_array(c->doc->arena, sv->nresponses + m->nvisits + 1, sizeof *texts);
	size_t n = 0;
	for (size_t i = 0; i < sv->nresponses; i++) {
		const Response *rs = &sv->responses[i];
		if (cal_compare(rs->timestamp.date, r->fy_first) >= 0 && cal_compare(rs->timestamp.date, r->as_of) <= 0)
			texts[n++] = rs->comment;
	}
	compose_themes(c, texts, n, "ความคิดเห็นของโรงเรียนต่อการนิเทศ จำแนกตามประเด็น", "ผู้ตอบแบบสำรวจความพึงพอใจ");

	doc_heading(c->doc, 2, "5.5", "ข้อเสนอแนะที่ศึกษานิเทศก์ให้แก่โรงเรียน");
	n = 0;
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (v->status != STATUS_DRAFT && cal_compare(v->date, r->fy_first) >= 0 && cal_compare(v->date, r->as_of) <= 0)
			texts[n++] = v->suggestions;
	}
	compose_themes(c, texts, n, "ข้อเสนอแนะจากการนิเทศ จำแนกตามประเด็น", "ศึกษานิเทศก์");

	doc_heading(c->doc, 2, "5.6", "ข้อเสนอแนะสำหรับการดำเนินงานในปีงบประมาณถัดไป");
	l = narrative_list(c, NULL, 0, NARR_NEXT_YEAR, NULL);
	for (size_t i = 0; i < r->nactivities; i++) {
		const PlanActivity *a = r->activities[i].plan;
		for (size_t k = 0; k < m->nnarrative; k++) {
			const Narrative *x = &m->narrative[k];
			if (x->activity != a->no || x->kind != NARR_NEXT_YEAR)
				continue;
			if (l == NULL)
				l = doc_list(c->doc, 0);
			doc_list_item(c->doc, l, fmt_printf(c, "กิจกรรมที่ %s: %s", fmt_int(c, a->no), x->text));
		}
	}
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		const char *x = narrative_text(c, t->target->id, NARR_NEXT_YEAR);
		if (!*x)
			continue;
		if (l == NULL)
			l = doc_list(c->doc, 0);
		doc_list_item(c->doc, l, fmt_printf(c, "ข้อ %s: %s", fmt_text(c, t->target->id), x));
	}
	if (l == NULL)
		doc_para(c->doc, fmt_printf(c, "%sข้อเสนอแนะสำหรับปีงบประมาณถัดไป", NOT_WRITTEN));
}

/* --- appendices ---------------------------------------------------------- */

static void
school_status(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	compose_appendix(c, "สถานะรายโรงเรียน");
	compose_table_caption(c, "ผลการดำเนินงานรายโรงเรียน");
	/* Every figure is measure's: the counted visits, the level, the mean
	 * of the respondents' means (per activity first), a practice published. */
	int colours = compose_has_colours(c), evals = compose_reports_evaluations(c);
	DocBlock *tb = compose_table(c, 14, colours ?
	    "ที่:10:c|โรงเรียน:0:l|อำเภอ:20:l|กลุ่มสี:14:c|นิเทศ (ครั้ง):14:r|นิเทศภายใน:20:c|ความพึงพอใจ (ค่าเฉลี่ย):18:r|ผลงานเผยแพร่:16:c" :
	    "ที่:10:c|โรงเรียน:0:l|อำเภอ:20:l|นิเทศ (ครั้ง):14:r|นิเทศภายใน:20:c|ความพึงพอใจ (ค่าเฉลี่ย):18:r|ผลงานเผยแพร่:16:c");
	long row = 0;
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (!s->active)
			continue;
		int level = r->eval.level[i];
		const char *no = fmt_int(c, ++row), *visits = fmt_int(c, r->school_visits[i]);
		const char *eval = level ? c->s->rubric_bands[level - 1].label : evals ? "ไม่ได้ประเมิน" : "-";
		const char *sat = r->survey.school_respondents[i] ? fmt_double(c, r->survey.school_mean[i], 2) : "-";
		const char *bp = r->school_practice[i] ? "มี" : "-";
		if (colours)
			compose_row(c, tb, DOC_ROW_BODY, 8, no, fmt_school(c, s), s->district,
			    *s->color_group ? s->color_group : "-", visits, eval, sat, bp);
		else
			compose_row(c, tb, DOC_ROW_BODY, 7, no, fmt_school(c, s), s->district, visits, eval, sat, bp);
	}
	DocBlock *p = doc_para(c->doc, "ความพึงพอใจ คือค่าเฉลี่ยของผู้ตอบแบบสำรวจจากโรงเรียน (คะแนน 1–5) "
	    "เครื่องหมาย - หมายถึงไม่มีผู้ตอบจากโรงเรียนนั้น ผลงานเผยแพร่ หมายถึงมีนวัตกรรมหรือวิธีปฏิบัติที่เป็นเลิศ"
	    "ที่เผยแพร่ในปีงบประมาณ");
	p->u.para.size = 14;
}

static void
schools_not_reached(Compose *c)
{
	const Results *r = c->r;
	compose_appendix(c, "โรงเรียนที่ยังไม่ได้รับการนิเทศหรือยังไม่ผ่านเกณฑ์");
	DocBlock *l = doc_labels(c->doc);
	/* Up to 200 names a list; the status of every school is in table ก. */
	const char *see = "(ดูสถานะรายโรงเรียนในภาคผนวก ก)";
	doc_label(c->doc, l, "ยังไม่ได้รับการนิเทศ", r->schools_not_visited.n ?
	    fmt_school_list(c, &r->schools_not_visited, 1, 200, see) : "ไม่มี");
	for (size_t t = 0; t < r->ntargets; t++) {
		const TargetResult *tr = &r->targets[t];
		/* A target on networks names the networks short of it; the schools
		 * not reached otherwise follow on their own line. */
		if (tr->networks_missing.n > 0 && tr->networks_missing.n < (size_t)tr->whole) {
			const char *names = "";
			for (size_t i = 0; i < tr->networks_missing.n; i++)
				names = fmt_printf(c, "%s%s%s", names, i ? ", " : "", tr->networks_missing.items[i]);
			doc_label(c->doc, l, fmt_printf(c, "เป้าหมาย %s (%s %s)", fmt_text(c, tr->target->id),
			    fmt_int(c, (long long)tr->networks_missing.n), fmt_network_word(c)), names);
		}
		if (tr->schools_missing.n == 0 || tr->schools_missing.n == (size_t)r->schools)
			continue;
		doc_label(c->doc, l, fmt_printf(c, "เป้าหมาย %s (%s โรงเรียน)", fmt_text(c, tr->target->id),
		    fmt_int(c, (long long)tr->schools_missing.n)), fmt_school_list(c, &tr->schools_missing, 0, 200, see));
	}
}

static void
meetings_list(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	compose_appendix(c, "การประชุมและกิจกรรมกลุ่ม");
	compose_table_caption(c, "การประชุมและกิจกรรมกลุ่มที่จัดในปีงบประมาณ");
	/* An event kind held every week (a target counts it every=week) would
	 * fill pages: it is summed up under the table, not listed. */
	const TargetResult *weekly[16];
	size_t nweekly = 0;
	for (size_t i = 0; i < r->ntargets && nweekly < 16; i++) {
		const Metric *mt = &r->targets[i].target->metric;
		if (mt->every == PERIOD_WEEKDAY && mt->source == SOURCE_EVENTS && mt->kind)
			weekly[nweekly++] = &r->targets[i];
	}
	long *held = arena_array(c->doc->arena, nweekly + 1, sizeof(long));
	DocBlock *tb = compose_table(c, 14, "ประเภท:24:l|วันที่:22:c|เรื่อง:0:l|ผู้เข้าร่วม:16:r|รายงานการประชุม:40:l");
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (cal_compare(mt->date, r->fy_first) < 0 || cal_compare(mt->date, r->as_of) > 0)
			continue;
		size_t w = 0;
		while (w < nweekly && weekly[w]->target->metric.kind != mt->kind)
			w++;
		if (w < nweekly) {
			held[w]++;
			continue;
		}
		compose_row(c, tb, DOC_ROW_BODY, 5, mt->kind->title, fmt_date_short(c, mt->date),
		    mt->title, mt->participants ? fmt_int(c, mt->participants) : "-",
		    *mt->minutes_ref ? mt->minutes_ref : "-");
	}
	for (size_t w = 0; w < nweekly; w++) {
		const TargetResult *t = weekly[w];
		const PlanEventKind *k = t->target->metric.kind;
		doc_para(c->doc, fmt_printf(c, "%s จัดทั้งสิ้น %s ครั้ง", k->title, fmt_int(c, held[w])));
		if (t->dates_missing.n > 0) {
			const char *list = "";
			for (size_t i = 0; i < t->dates_missing.n; i++)
				list = fmt_printf(c, "%s%s%s", list, i ? ", " : "", fmt_date_short(c, t->dates_missing.items[i]));
			doc_para(c->doc, fmt_printf(c, "วัน%sที่ไม่ได้จัด%s: %s",
			    cal_weekday_name(t->target->metric.weekday, CAL_NAME_LONG), k->title, list));
		}
	}
}

/* The instruments in full, as an office attaches them: the survey form
 * with its scale and open question, and the internal-supervision
 * evaluation form with its criteria, scale and level cut-offs. */
static void
instrument(Compose *c)
{
	const Survey *sv = &c->m->survey;
	const Settings *s = c->s;
	compose_appendix(c, "เครื่องมือที่ใช้");
	if (sv->nitems) {
		DocBlock *h = doc_heading(c->doc, 3, NULL, "แบบสำรวจความพึงพอใจต่อการนิเทศ");
		h->u.heading.in_toc = 0;
		doc_para(c->doc, fmt_printf(c, "คำชี้แจง โปรดเลือกระดับความพึงพอใจของท่านต่อการนิเทศในแต่ละข้อ "
		    "5 หมายถึง มากที่สุด 4 มาก 3 ปานกลาง 2 น้อย 1 น้อยที่สุด (มีผู้ตอบ %s คน จาก %s โรงเรียน)",
		    fmt_int(c, c->r->survey.respondents), fmt_int(c, c->r->survey.schools_responding)));
		DocBlock *tb = compose_table(c, 14, "ข้อ:10:c|รายการ:0:l|5:9:c|4:9:c|3:9:c|2:9:c|1:9:c");
		for (size_t i = 0; i < sv->nitems; i++)
			compose_row(c, tb, DOC_ROW_BODY, 7, fmt_int(c, (long long)i + 1), compose_item_text(sv->items[i], i),
			    "", "", "", "", "");
		doc_para(c->doc, "ข้อเสนอแนะเพิ่มเติม ........................................................................"
		    "...................................");
	}
	if (compose_reports_evaluations(c)) {
		const PlanEvaluationForm *f = &c->m->plan->evaluation_form;
		size_t n = f->name ? f->criteria.n : 5;
		DocBlock *h = doc_heading(c->doc, 3, NULL, f->name ? fmt_printf(c, "แบบประเมินการนิเทศภายใน (%s)", f->name) :
		    "แบบประเมินการนิเทศภายในของโรงเรียน (PIDRE)");
		h->u.heading.in_toc = 0;
		doc_para(c->doc, "ผู้ประเมินให้คะแนนแต่ละด้าน 1 ถึง 5 (5 ดีเยี่ยม 4 ดีมาก 3 ดี 2 พอใช้ 1 ปรับปรุง)");
		DocBlock *tb = compose_table(c, 14, "ด้านที่:14:c|รายการประเมิน:0:l|คะแนน (1–5):26:c");
		for (size_t i = 0; i < n; i++)
			compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, (long long)i + 1),
			    f->name ? f->criteria.items[i] : fmt_printf(c, "%s (%s)", compose_pidre[i].name, compose_pidre[i].letter), "");
		const double *lp = f->has_levels ? f->level_percent : s->level_percent;
		const char *levels = "";
		for (int i = 4; i >= 0; i--)
			levels = fmt_printf(c, "%s%s%s %s", levels, i < 4 ? ", " : "", s->rubric_bands[i].label,
			    i == 4 ? fmt_printf(c, "ร้อยละ %s ขึ้นไป", fmt_double(c, lp[i], 0)) :
			    i == 0 ? fmt_printf(c, "ต่ำกว่าร้อยละ %s", fmt_double(c, lp[1], 0)) :
			    fmt_printf(c, "ร้อยละ %s ถึงต่ำกว่า %s", fmt_double(c, lp[i], 0), fmt_double(c, lp[i + 1], 0)));
		doc_para(c->doc, fmt_printf(c, "การแปลผล คิดร้อยละของคะแนนรวมจากคะแนนเต็ม แล้วเทียบระดับคุณภาพ ดังนี้ %s "
		    "ผ่านเกณฑ์เมื่ออยู่ในระดับ%s ขึ้นไป", levels, s->rubric_bands[c->r->eval.pass_level - 1].label));
	}
}

/* The committee's resolutions of the year, with what became of them by the
 * report's date when the office keeps resolutions. */
static void
committee_resolutions(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	size_t n = 0;
	for (size_t i = 0; i < m->nmeetings; i++)
		n += m->meetings[i].kind->committee && *m->meetings[i].resolutions && m->meetings[i].in_fy;
	if (n == 0 && m->nresolutions == 0)
		return;
	compose_appendix(c, "มติคณะกรรมการ ก.ต.ป.น.");
	compose_table_caption(c, "มติการประชุมคณะกรรมการ ก.ต.ป.น. ในปีงบประมาณ");
	DocBlock *tb = compose_table(c, 14, "ครั้งที่:18:c|วันที่:22:c|มติที่ประชุม:0:l");
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (!mt->kind->committee || !*mt->resolutions || !mt->in_fy || cal_compare(mt->date, r->as_of) > 0)
			continue;
		compose_row(c, tb, DOC_ROW_BODY, 3, fmt_text(c, *mt->seq ? mt->seq : "-"), fmt_date_short(c, mt->date),
		    mt->resolutions);
	}
	if (m->nresolutions == 0)
		return;
	compose_table_caption(c, fmt_printf(c, "การดำเนินการตามมติ ณ วันที่ %s", fmt_date(c, r->as_of)));
	tb = compose_table(c, 14, "มติ (ครั้งที่):0:l|ผู้รับผิดชอบ:34:l|สถานะ:36:l|ผลการดำเนินการ:44:l");
	for (size_t i = 0; i < m->nresolutions; i++) {
		const Resolution *x = &m->resolutions[i];
		if (cal_compare(x->meeting->date, r->as_of) > 0)
			continue;
		const char *status = x->done.year && cal_compare(x->done, r->as_of) <= 0 ?
		    fmt_printf(c, "ดำเนินการแล้ว เมื่อ %s", fmt_date_short(c, x->done)) :
		    x->due.year && cal_compare(x->due, r->as_of) < 0 ? fmt_printf(c, "เลยกำหนด %s", fmt_date_short(c, x->due)) :
		    x->due.year ? fmt_printf(c, "อยู่ระหว่างดำเนินการ กำหนดเสร็จ %s", fmt_date_short(c, x->due)) :
		    "อยู่ระหว่างดำเนินการ";
		compose_row(c, tb, DOC_ROW_BODY, 4, fmt_printf(c, "%s (%s)", x->text, fmt_text(c, *x->meeting->seq ?
		    x->meeting->seq : x->meeting->id)), *x->owner ? x->owner : "-", status, *x->result ? x->result : "-");
	}
}

/* Thai names of the rules the figures depend on. */
static const struct { const char *key, *thai; } rule_names[] = {
	{ "fiscal_year", "ปีงบประมาณ" },
	{ "expected_schools", "จำนวนโรงเรียนในสังกัดตามแผน" },
	{ "pass_level", "ระดับที่ถือว่าผ่านเกณฑ์การนิเทศภายใน (เมื่อเป้าหมายไม่ได้กำหนดเอง)" },
	{ "method", "วิธีตัดสินระดับการนิเทศภายใน" },
	{ "level_percent", "ระดับคุณภาพจากร้อยละของคะแนน" },
	{ "rubric_bands", "เกณฑ์ค่าเฉลี่ยของระดับคุณภาพ" },
	{ "likert_bands", "เกณฑ์การแปลความหมายค่าเฉลี่ยความพึงพอใจ" },
	{ "satisfied_threshold", "ค่าเฉลี่ยขั้นต่ำที่ถือว่าพึงพอใจ (เมื่อเป้าหมายไม่ได้กำหนดเอง)" },
	{ "min_item_respondents", "จำนวนผู้ตอบขั้นต่ำที่รายงานรายโรงเรียนแสดงค่าเฉลี่ยรายข้อ" },
	{ "holidays", "วันหยุดของสำนักงาน (ไม่นับในเป้าหมายรายสัปดาห์)" },
	{ "no_answer_words", "คำตอบที่ถือว่าไม่มีข้อเสนอแนะ (ไม่ยกมาในส่วนที่ 5)" },
};

/* 60 or 62.50: a bound of the config without needless decimals. */
static const char *
fmt_bound(Compose *c, double v)
{
	return fmt_double(c, v, v == (double)(long)v ? 0 : 2);
}

/* A rule as a reader would say it: levels by name, lists a line an item,
 * dates in Thai. Others as written in the config. */
static const char *
rule_value(Compose *c, const SettingRule *rule)
{
	const Settings *s = c->s;
	const Band *levels = s->rubric_bands;
	if (!strcmp(rule->key, "pass_level") && s->pass_level >= 1 && s->pass_level <= 5)
		return fmt_printf(c, "ระดับ %s (%s) ขึ้นไป", fmt_int(c, s->pass_level),
		    levels[s->pass_level - 1].label);
	if (!strcmp(rule->key, "method"))
		return s->eval_method == EVAL_BY_MEAN ? "จากค่าเฉลี่ยคะแนน (1-5) ตามเกณฑ์ค่าเฉลี่ยของระดับคุณภาพ" :
		    "จากร้อยละของคะแนนเต็ม ตามระดับคุณภาพจากร้อยละของคะแนน";
	if (!strcmp(rule->key, "level_percent")) {
		const char *out = fmt_printf(c, "%s: ร้อยละ %s ขึ้นไป", levels[4].label,
		    fmt_bound(c, s->level_percent[4]));
		for (int i = 3; i >= 0; i--)
			out = i == 0 && s->level_percent[0] <= 0 ?
			    fmt_printf(c, "%s\n%s: ต่ำกว่าร้อยละ %s", out, levels[0].label,
			    fmt_bound(c, s->level_percent[1])) :
			    fmt_printf(c, "%s\n%s: ร้อยละ %s ถึงต่ำกว่า %s", out, levels[i].label,
			    fmt_bound(c, s->level_percent[i]), fmt_bound(c, s->level_percent[i + 1]));
		return out;
	}
	if (!strcmp(rule->key, "holidays") && s->nholidays > 0) {
		const char *out = "";
		for (size_t i = 0; i < s->nholidays; i++) {
			CalDate d;
			const char *h = s->holidays[i];
			const char *text = cal_parse_iso(h, strlen(h), &d) == CAL_OK ? fmt_date(c, d) : h;
			out = fmt_printf(c, "%s%s%s", out, i ? ", " : "", text);
		}
		return out;
	}
	/* Words the office counts as no answer, each in quotation marks: they
	 * are quoted data ("-", "n/a"), not the report's own words. */
	if (!strcmp(rule->key, "no_answer_words")) {
		const char *out = "";
		for (size_t i = 0; i < s->nno_answer_words; i++)
			out = fmt_printf(c, "%s%s“%s”", out, i ? " " : "", s->no_answer_words[i]);
		return *out ? out : "(ไม่มี)";
	}
	/* Bands ("1.00-1.50 ปรับปรุง | ...") a line each. */
	const char *v = fmt_text(c, rule->value);
	const char *out = "";
	for (const char *bar; (bar = strstr(v, " | ")) != NULL; v = bar + 3)
		out = fmt_printf(c, "%s%.*s\n", out, (int)(bar - v), v);
	return *rule->value ? fmt_printf(c, "%s%s", out, v) : "(ไม่มี)";
}

static void
rules_used(Compose *c)
{
	const Results *r = c->r;
	compose_appendix(c, "เกณฑ์ที่ใช้");
	doc_para(c->doc, "เกณฑ์ทั่วไปของสำนักงาน ใช้กับเป้าหมายที่แผนไม่ได้กำหนดเกณฑ์ของตนเอง");
	DocBlock *l = doc_labels(c->doc);
	for (size_t i = 0; i < r->nrules; i++) {
		const char *name = r->rules[i].key;
		for (size_t k = 0; k < sizeof(rule_names) / sizeof(rule_names[0]); k++)
			if (!strcmp(rule_names[k].key, r->rules[i].key))
				name = rule_names[k].thai;
		doc_label(c->doc, l, name, rule_value(c, &r->rules[i]));
	}
	doc_label(c->doc, l, "ข้อมูลที่นับ", fmt_printf(c, "ลงวันที่ระหว่าง %s ถึง %s บันทึกการนิเทศที่ยังรออนุมัติไม่นับ "
	    "และโรงเรียนที่ยุบหรือควบรวมไม่นับในตัวหาร", fmt_date(c, r->fy_first), fmt_date(c, r->as_of)));
	if (compose_has_colours(c))
		doc_label(c->doc, l, "กลุ่มสีของโรงเรียน", "ตามทะเบียนโรงเรียนของสำนักงานเขต ไม่ได้คำนวณจากผลการดำเนินงาน");

	/* Each target's own rule beside it, in the words of plan explain. */
	doc_para(c->doc, "วิธีนับของแต่ละเป้าหมายและตัวชี้วัด ตามที่แผนกำหนด")->u.para.keep_with_next = 1;
	const Plan *p = c->m->plan;
	for (size_t i = 0; i < p->ntargets + p->nindicators; i++) {
		const PlanTarget *t = i < p->ntargets ? &p->targets[i] : &p->indicators[i - p->ntargets].target;
		const char *tool = i < p->ntargets ? NULL : p->indicators[i - p->ntargets].tool;
		ExplainLine lines[EXPLAIN_MAX_LINES];
		size_t n = explain_target(c, t, tool, lines);
		DocBlock *tl = doc_labels(c->doc);
		doc_label(c->doc, tl, fmt_printf(c, "ข้อ %s", fmt_text(c, t->id)), t->text);
		for (size_t k = 0; k < n; k++)
			doc_label(c->doc, tl, lines[k].label, lines[k].text);
	}
}

/* ภาพกิจกรรม: each activity's photos in a captioned grid, two to a row. */
static void
photos(Compose *c)
{
	const Model *m = c->m;
	if (m->nphotos == 0)
		return;
	compose_appendix(c, "ภาพกิจกรรม");
	int no = 0;
	for (size_t i = 0; i < m->plan->nactivities; i++) {
		const PlanActivity *a = &m->plan->activities[i];
		DocBlock *grid = NULL;
		for (size_t k = 0; k < m->nphotos; k++) {
			const Photo *ph = &m->photos[k];
			if (ph->activity != a->no)
				continue;
			if (grid == NULL) {
				DocBlock *h = doc_heading(c->doc, 3, NULL, fmt_printf(c, "กิจกรรมที่ %s %s", fmt_int(c, a->no), a->name));
				h->u.heading.in_toc = 0;
				grid = doc_images(c->doc, 2, 55);
			}
			doc_picture(c->doc, grid, compose_image(c, &ph->image),
			    fmt_printf(c, "ภาพที่ %s %s", fmt_int(c, ++no), ph->caption));
		}
	}
}

static void
appendices(Compose *c)
{
	doc_pagebreak(c->doc, -1);
	doc_heading(c->doc, 1, NULL, "ภาคผนวก");
	school_status(c);
	schools_not_reached(c);
	meetings_list(c);
	committee_resolutions(c);
	photos(c);
	instrument(c);
	rules_used(c);
}

Doc *
annual_compose(Arena *a, const ReportInput *in)
{
	const Results *r = in->results;
	const Settings *s = in->settings;
	Doc *d = doc_new(a);
	Compose c = compose_start(d, in);
	doc_set(d, &d->title, fmt_printf(&c, "รายงานผลการดำเนินงานโครงการ%s%s", fmt_project(&c),
	    fmt_project_year(&c)));
	doc_set(d, &d->author, fmt_printf(&c, "%s %s", s->unit_name, s->office_name));
	doc_set(d, &d->subject, "รายงานผลการดำเนินงานโครงการ");
	doc_set(d, &d->keywords, "นิเทศ, ก.ต.ป.น., รายงานประจำปี");
	doc_set(d, &d->creator, "nithet " NITHET_VERSION);
	doc_set(d, &d->header_text, fmt_printf(&c, "รายงานผลการดำเนินงานโครงการ ปีงบประมาณ %s",
	    fmt_year(&c, r->fiscal_year)));
	doc_set(d, &d->footer_text, s->office_name);
	compose_page_words(d);
	cover(&c);
	foreword(&c);
	summary(&c);
	introduction(&c);
	method(&c);
	results_part(&c);
	budget_part(&c);
	problems_part(&c);
	approval(&c);
	appendices(&c);
	team(&c);
	return d;
}
