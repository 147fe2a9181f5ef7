/* notes.c - the sentence beside a target's result, and the names of its
 * secondary figures, worded from the facts measure leaves in TargetResult
 * (see compose.h). measure counts; this file only says. */
#include "report/compose.h"

#include <string.h>

/* How a reader names one missing period: a day, a month, or a span of
 * months. */
static const char *
period_name(Compose *c, const Metric *p, CalDate from, CalDate to)
{
	if (p->every == PERIOD_WEEKDAY)
		return fmt_date(c, from);
	if (p->every == PERIOD_MONTH)
		return fmt_month(c, from);
	CalDate last_month = { to.year, to.month, 1 };
	return fmt_printf(c, "%s–%s", fmt_month(c, from), fmt_month(c, last_month));
}

/* "ต.ค. 57, ก.พ. 58–มี.ค. 58": the periods due without enough rows. */
static const char *
missing_list(Compose *c, const TargetResult *t)
{
	const Metric *p = &t->target->metric;
	const char *list = "";
	for (size_t k = 0; k < t->dates_missing.n; k++)
		list = fmt_printf(c, "%s%s%s", list, k ? ", " : "", period_name(c, p, t->dates_missing.items[k],
		    t->dates_missing.to ? t->dates_missing.to[k] : t->dates_missing.items[k]));
	return list;
}

/* Why a target with a goal could not be judged. */
static const char *
gap_text(Compose *c, const TargetResult *t)
{
	const Metric *p = &t->target->metric;
	switch (t->gap) {
	case GAP_EMPTY_GROUP:
		return metric_chooses_schools(p) ? fmt_printf(c, "ไม่มี%s", fmt_population(c, p)) :
		    "ไม่มีโรงเรียนในกลุ่มเป้าหมาย";
	case GAP_NO_NETWORKS: return fmt_printf(c, "ไม่มีข้อมูล%s", fmt_network_word(c));
	case GAP_NO_SCHOOL_ANSWERED: return "ยังไม่มีโรงเรียนตอบแบบสำรวจ";
	case GAP_NONE_EVALUATED: return "ยังไม่มีโรงเรียนได้รับการประเมิน";
	case GAP_NO_RESPONDENTS: return "ยังไม่มีผู้ตอบแบบสำรวจ";
	case GAP_NO_SCORES: {
		int year = measure_score_year(p, c->r->fiscal_year);
		return fmt_printf(c, "ไม่มีโรงเรียนที่มีคะแนน %s ทั้งปีการศึกษา %s และ %s", p->test,
		    fmt_year(c, year - 1), fmt_year(c, year));
	}
	case GAP_NO_DATA: return "ยังไม่มีข้อมูลจากเครื่องมือที่แผนกำหนด จึงยังไม่ได้วัดผล";
	case GAP_NO_BUDGET: return "ไม่มีงบประมาณที่ได้รับสำหรับกิจกรรมนี้";
	case GAP_NONE: break;
	}
	return NULL;
}

/* "อย่างน้อย 2 ครั้งทุกภาคเรียน" for a requirement other than one row. */
static const char *
at_least(Compose *c, const Metric *p)
{
	return fmt_printf(c, "อย่างน้อย %s ครั้ง%s%s", fmt_int(c, p->at_least), p->every != PERIOD_NONE ? "ทุก" : "",
	    p->every != PERIOD_NONE ? fmt_period_noun(c, p) : "");
}

static const char *
events_note(Compose *c, const TargetResult *t)
{
	const Metric *p = &t->target->metric;
	switch (p->source) {
	case SOURCE_SPENDING:
		return fmt_printf(c, "เบิกจ่าย %s บาท จากงบประมาณ %s บาท", fmt_money(c, t->hit), fmt_money(c, t->whole));
	case SOURCE_ASSESSMENTS:
		return t->is_level ? fmt_printf(c, "ค่าเฉลี่ย %s จากการประเมิน %s รายการ (ผู้ประเมิน %s คน) ตรงกับระดับ%s",
		    fmt_double(c, t->mean, 2), fmt_int(c, t->num), fmt_int(c, t->evaluators),
		    c->s->rubric_bands[(int)t->value - 1].label) :
		    fmt_printf(c, "ค่าเฉลี่ยจากการประเมิน %s รายการ (ผู้ประเมิน %s คน)", fmt_int(c, t->num),
		    fmt_int(c, t->evaluators));
	default:
		break;
	}
	/* What was measured: the count, and the periods that had enough of it
	 * ("6 ครั้ง ใน 5 จาก 6 ช่วง 2 เดือน"), then the periods without. */
	if (p->every != PERIOD_NONE)
		return t->dates_missing.n ? fmt_printf(c, "จัด %s ครั้ง ครบใน %s จาก %s %s ไม่มีการดำเนินการใน%s %s",
		    fmt_int(c, t->num), fmt_int(c, t->periods_met), fmt_int(c, t->periods), fmt_period_noun(c, p),
		    p->every == PERIOD_MONTH ? "เดือน" : "ช่วง", missing_list(c, t)) : NULL;
	/* A single event: when it was held, and whether later than planned. */
	if (p->source != SOURCE_EVENTS || !t->target->has_goal || t->goal > 1)
		return NULL;
	if (t->first_held.year == 0)
		return "ยังไม่ได้จัด";
	const PlanActivity *pa = p->activities[0] ? plan_activity(c->m->plan, p->activities[0]) : NULL;
	if (t->late && pa)
		return fmt_printf(c, "จัดเมื่อ %s ช้ากว่าแผน (%s)", fmt_date(c, t->first_held),
		    pa->period_text ? pa->period_text : pa->end);
	return fmt_printf(c, "จัดเมื่อ %s", fmt_date(c, t->first_held));
}

static const char *
schools_note(Compose *c, const TargetResult *t)
{
	const Metric *p = &t->target->metric;
	switch (p->source) {
	case SOURCE_EVALUATIONS:
		return fmt_printf(c, "ผ่านระดับ%s ขึ้นไป %s จาก %s โรงเรียน%s",
		    c->s->rubric_bands[t->min_level - 1].label, fmt_int(c, t->hit), fmt_int(c, t->whole),
		    t->whole > t->measured ? fmt_printf(c, " และยังไม่ได้รับการประเมิน %s โรงเรียน",
		    fmt_int(c, t->whole - t->measured)) : "");
	case SOURCE_SCORES: {
		int year = measure_score_year(p, c->r->fiscal_year);
		/* The count is of the denominator the result uses. */
		if (p->denominator == DENOMINATOR_MEASURED)
			return fmt_printf(c, "ค่าเฉลี่ย %s ปีการศึกษา %s สูงกว่าปี %s: %s จาก %s โรงเรียนที่มีคะแนนครบสองปี",
			    p->test, fmt_year(c, year), fmt_year(c, year - 1), fmt_int(c, t->hit), fmt_int(c, t->measured));
		return fmt_printf(c, "ค่าเฉลี่ย %s ปีการศึกษา %s สูงกว่าปี %s: %s จาก %s โรงเรียน (ไม่มีคะแนนครบสองปี %s "
		    "โรงเรียน นับว่ายังไม่สูงขึ้น)", p->test, fmt_year(c, year), fmt_year(c, year - 1), fmt_int(c, t->hit),
		    fmt_int(c, t->whole), fmt_int(c, t->whole - t->measured));
	}
	case SOURCE_RESPONSES:
		return fmt_printf(c, "พึงพอใจ %s จาก %s โรงเรียนที่ตอบ (เกณฑ์ค่าเฉลี่ย %s)", fmt_int(c, t->hit),
		    fmt_int(c, t->measured), fmt_double(c, t->min_mean, 2));
	case SOURCE_VISITS:
		if (p->at_least > 1 || p->every != PERIOD_NONE)
			return fmt_printf(c, "โรงเรียนที่ได้รับการนิเทศ%s %s จาก %s โรงเรียน", at_least(c, p),
			    fmt_int(c, t->hit), fmt_int(c, t->whole));
		return fmt_printf(c, "%s จาก %s โรงเรียน", fmt_int(c, t->hit), fmt_int(c, t->whole));
	default:
		return NULL;
	}
}

const char *
compose_note(Compose *c, const TargetResult *t)
{
	const Metric *p = &t->target->metric;
	const char *note = NULL;
	if (!t->judged && t->gap != GAP_NONE)
		return gap_text(c, t);
	switch (p->members) {
	case MEMBERS_EVENTS:
		note = events_note(c, t);
		break;
	case MEMBERS_PERIODS:
		if (p->every == PERIOD_WEEKDAY)
			note = fmt_printf(c, "จัด %s ครั้ง จาก %s %s%s", fmt_int(c, t->periods_met), fmt_int(c, t->periods_due),
			    fmt_period_noun(c, p), t->holidays ?
			    fmt_printf(c, " (ไม่นับวันหยุด %s วัน)", fmt_int(c, t->holidays)) : "");
		else if (t->dates_missing.n)
			note = fmt_printf(c, "%sที่ไม่มีการดำเนินการ: %s", fmt_period_noun(c, p),
			    missing_list(c, t));
		break;
	case MEMBERS_SCHOOLS:
		note = schools_note(c, t);
		break;
	case MEMBERS_PEOPLE:
	case MEMBERS_TEACHERS:
		note = fmt_printf(c, "%s %s จาก %s คน (%s)", p->members == MEMBERS_TEACHERS ? "ครู" : "ผู้บริหารและครู",
		    fmt_int(c, t->hit), fmt_int(c, t->whole), t->from_visits ? "จากบันทึกการนิเทศ" : "จากบัญชีลงเวลา");
		break;
	case MEMBERS_NETWORKS:
		note = p->at_least > 1 || p->every != PERIOD_NONE ?
		    fmt_printf(c, "%s จาก %s %s ได้รับการนิเทศ%s", fmt_int(c, t->hit), fmt_int(c, t->whole),
		    fmt_network_word(c), at_least(c, p)) :
		    fmt_printf(c, "%s จาก %s %s", fmt_int(c, t->hit), fmt_int(c, t->whole), fmt_network_word(c));
		break;
	case MEMBERS_RESPONDENTS:
		note = p->result == RESULT_MEAN ? fmt_printf(c, "ค่าเฉลี่ยของผู้ตอบ %s คน", fmt_int(c, t->whole)) :
		    fmt_printf(c, "ผู้ตอบที่มีค่าเฉลี่ยตั้งแต่ %s ขึ้นไป %s จาก %s คน", fmt_double(c, t->min_mean, 2),
		    fmt_int(c, t->hit), fmt_int(c, t->whole));
		break;
	case MEMBERS_NKINDS:
		break;
	}
	if (note == NULL && !t->target->has_goal)
		note = "ไม่ได้กำหนดค่าเป้าหมาย";
	return note;
}

const char *
compose_extra_label(Compose *c, const TargetResult *t, const Extra *e)
{
	const Metric *p = &t->target->metric;
	switch (e->kind) {
	case EXTRA_PERIODS_MET:
		return fmt_printf(c, "%sที่มีการดำเนินการ", fmt_period_noun(c, p));
	case EXTRA_EVALUATED: return "ได้รับการประเมิน";
	case EXTRA_ABOVE_PASS:
		return fmt_printf(c, "ระดับ%s%s (คุณภาพสูง)", c->s->rubric_bands[t->min_level].label,
		    t->min_level + 1 < 5 ? " ขึ้นไป" : "");
	case EXTRA_SCORED: {
		int year = measure_score_year(p, c->r->fiscal_year);
		return fmt_printf(c, "มีคะแนนทั้งปีการศึกษา %s และ %s", fmt_year(c, year - 1), fmt_year(c, year));
	}
	case EXTRA_ANSWERED: return "ความครอบคลุม (โรงเรียนที่ตอบ)";
	case EXTRA_SATISFIED_OF_ALL: return "พึงพอใจ เทียบกับโรงเรียนทั้งหมด";
	case EXTRA_SCHOOLS_TAKING_PART: return "โรงเรียนที่เข้าร่วม";
	case EXTRA_SCHOOLS_VIA_NETWORK: return fmt_printf(c, "โรงเรียนที่ได้รับการนิเทศผ่าน%s", fmt_network_word(c));
	}
	return "";
}
