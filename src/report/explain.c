/* explain.c - a target's metric in the office's words (see explain.h).
 * Each part of the vocabulary has its phrase here and nowhere else, so the
 * command and the reports say the same thing. */
#include "report/explain.h"

#include <string.h>

/* "กิจกรรมที่ 4 หรือ 7" (rows of any of them), or with " และ " (the money of
 * all of them); "" for none. */
static const char *
activities_joined(Compose *c, const Metric *p, const char *last)
{
	if (p->activities[0] == 0)
		return "";
	const char *s = fmt_printf(c, "กิจกรรมที่ %s", fmt_int(c, p->activities[0]));
	for (size_t i = 1; i < METRIC_MAX_ACTIVITIES && p->activities[i]; i++)
		s = fmt_printf(c, "%s%s%s", s, p->activities[i + 1] ? ", " : last, fmt_int(c, p->activities[i]));
	return s;
}

static const char *
activities(Compose *c, const Metric *p)
{
	return activities_joined(c, p, " หรือ ");
}

/* " (แฟ้ม visits)" for the plan's writer, who must know which export a
 * target reads; nothing for the report's reader, who needs no file names. */
static const char *
from(Compose *c, const char *file)
{
	return c->technical ? fmt_printf(c, " (แฟ้ม %s)", file) : "";
}

/* The office's general rule: the config file for the writer. */
static const char *
by_config(Compose *c)
{
	return c->technical ? " ตามแฟ้มตั้งค่า" : " ตามเกณฑ์ทั่วไปของสำนักงาน";
}

/* "“title” (ในแฟ้ม meetings เขียนว่า code หรือ alias)"; the title alone for a
 * reader. */
static const char *
kind_name(Compose *c, const PlanEventKind *k)
{
	if (!c->technical)
		return fmt_printf(c, "“%s”", fmt_text(c, k->title));
	const char *words = fmt_text(c, k->code);
	for (size_t i = 0; i < k->aliases.n; i++)
		words = fmt_printf(c, "%s หรือ %s", words, fmt_text(c, k->aliases.items[i]));
	return fmt_printf(c, "“%s” (ในแฟ้ม meetings เขียนว่า %s)", fmt_text(c, k->title), words);
}

/* What is counted: the rows, from which file, with the filters. */
static const char *
counted(Compose *c, const Metric *p, const char *tool)
{
	const char *acts = activities(c, p);
	const char *of_acts = *acts ? fmt_printf(c, " ของ%s", acts) : "";
	switch (p->source) {
	case SOURCE_VISITS: {
		const char *s = fmt_printf(c, "การนิเทศที่บันทึกไว้%s%s", from(c, "visits"), of_acts);
		if (p->topic)
			s = fmt_printf(c, "%s ประเด็น %s", s, fmt_text(c, p->topic));
		if (p->mode) {
			/* The mode as the data write it for the writer; in Thai for a reader. */
			static const struct { const char *mode, *thai; } MODES[] = {
				{ "onsite", "ลงพื้นที่" }, { "online", "ออนไลน์" }, { "group", "พบกลุ่ม" },
			};
			const char *mode = p->mode;
			for (size_t i = 0; !c->technical && i < sizeof(MODES) / sizeof(MODES[0]); i++)
				if (!strcmp(MODES[i].mode, p->mode))
					mode = MODES[i].thai;
			if (!c->technical && !strcmp(p->mode, "network"))
				mode = fmt_printf(c, "ผ่าน%s", fmt_network_word(c));
			s = fmt_printf(c, *acts ? "%s และการนิเทศแบบ%s%s ของกิจกรรมใดก็ได้%s" : "%s เฉพาะแบบ%s%s%s", s,
			    c->technical ? " " : "", mode, !strcmp(p->mode, "online") ? (c->technical ?
			    " (รวมรายการในแฟ้ม online)" : " (รวมบันทึกการนิเทศออนไลน์)") : "");
		}
		return fmt_printf(c, "%s ไม่นับบันทึกที่ยังไม่อนุมัติ", s);
	}
	case SOURCE_EVENTS:
		return p->kind ? fmt_printf(c, "กิจกรรมประเภท %s%s", kind_name(c, p->kind), of_acts) : fmt_printf(c, "การประชุมและกิจกรรมกลุ่ม%s%s", from(c, "meetings"), of_acts);
	case SOURCE_ATTENDANCE:
		return fmt_printf(c, "ผู้เข้าร่วม%s ตามบัญชีลงเวลา%s%s",
		    p->kind ? fmt_printf(c, "กิจกรรมประเภท %s", kind_name(c, p->kind)) : "กิจกรรม", from(c, "attendance"),
		    *acts ? fmt_printf(c, " (ถ้าไม่มีบัญชีลงเวลาเลย ใช้จำนวนผู้รับการนิเทศจากบันทึกการนิเทศของ%s)",
		    acts) : "");
	case SOURCE_EVALUATIONS:
		return fmt_printf(c, "ผลการประเมินการนิเทศภายในครั้งล่าสุดในปีงบประมาณของแต่ละโรงเรียน%s%s",
		    c->m->plan->evaluation_form.name ? fmt_printf(c, " ตามแบบประเมิน “%s”",
		    c->m->plan->evaluation_form.name) :
		    " ตามแบบประเมิน PIDRE 5 ขั้นตอน", from(c, "evaluations"));
	case SOURCE_RESPONSES:
		return p->survey ? fmt_printf(c, "คำตอบแบบสำรวจ “%s”%s ค่าเฉลี่ยของผู้ตอบแต่ละคนจากทุกข้อที่ตอบ",
		    fmt_text(c, p->survey->title), from(c, p->survey->file)) :
		    fmt_printf(c, "คำตอบแบบสำรวจความพึงพอใจ%s ค่าเฉลี่ยของผู้ตอบแต่ละคนจากทุกข้อที่ตอบ",
		    from(c, "surveys"));
	case SOURCE_PRACTICES:
		return fmt_printf(c, "นวัตกรรมหรือวิธีปฏิบัติที่เป็นเลิศที่เผยแพร่ในปีงบประมาณ%s", from(c, "practices"));
	case SOURCE_SCORES: {
		int year = measure_score_year(p, c->m->plan->fiscal_year);
		return fmt_printf(c, "คะแนนเฉลี่ยการทดสอบ %s%s%s ของแต่ละโรงเรียน%s ปีการศึกษา %s "
		    "เทียบกับปีการศึกษา %s", fmt_text(c, p->test), p->grade ? fmt_printf(c, " ชั้น %s", p->grade) : "",
		    p->subject ? fmt_printf(c, " %s%s", !strncmp(p->subject, "ด้าน", strlen("ด้าน")) ||
		    !strncmp(p->subject, "วิชา", strlen("วิชา")) ? "" : "วิชา", p->subject) : " (ค่าเฉลี่ยของทุกวิชา)",
		    from(c, "scores"),
		    fmt_year(c, year), fmt_year(c, year - 1));
	}
	case SOURCE_SPENDING:
		return fmt_printf(c, "การเบิกจ่ายงบประมาณ%s%s", *acts ? fmt_printf(c, "ของ%s",
		    activities_joined(c, p, " และ ")) : "ทั้งโครงการ", from(c, "spending"));
	case SOURCE_ASSESSMENTS:
		return fmt_printf(c, "คะแนน 1–5 ที่ผู้ประเมินให้แต่ละรายการของ%s%s ถ้ายังไม่มีข้อมูล รายงานจะแจ้งว่า"
		    "ยังไม่ได้วัดผล และไม่ใช้ค่าอื่นแทน", tool ? fmt_printf(c, "เครื่องมือ “%s”", tool) :
		    "เครื่องมือที่ใช้วัดเป้าหมายนี้", from(c, "assessments"));
	case SOURCE_NSOURCES:
		break;
	}
	return "-";
}

/* "โรงเรียนในสังกัด", "โรงเรียนขนาดเล็กในสังกัด", "โรงเรียนกลุ่มสี... ในสังกัด":
 * the population (merged and closed schools are never in it). */
static const char *
schools(Compose *c, const Metric *p)
{
	/* A list of colours ends in a space before the next word. */
	return fmt_printf(c, "%s%sในสังกัด", fmt_population(c, p), p->color_groups ? " " : "");
}

/* What one event is called in the target's unit: "รุ่น" for "4 รุ่น", else
 * "ครั้ง". */
static const char *
event_noun(const PlanTarget *t)
{
	const char *u = t->unit;
	if (u == NULL || *u == '\0' || !strncmp(u, "ร้อยละ", strlen("ร้อยละ")) || !strncmp(u, "ระดับ", strlen("ระดับ")))
		return t->metric.source == SOURCE_PRACTICES ? "ผลงาน" : "ครั้ง";
	return u;
}

/* "ภาคเรียน", "ช่วง 2 เดือน", "วันพุธ"; "" without a period. */
static const char *
period_noun(Compose *c, const Metric *p)
{
	return p->every == PERIOD_NONE ? "" : fmt_period_noun(c, p);
}

/* The periods themselves, as measure counts them: "12 เดือน (ต.ค. 57 ถึง
 * ก.ย. 58)", the terms with their dates, or for weeks the count and the
 * holidays left out. */
static const char *
periods(Compose *c, const Metric *p, int fy)
{
	CalDate from[64], to[64];
	long holidays = 0;
	size_t n = measure_periods(c->s, p, fy, from, to, 64, &holidays);
	if (n > 64)
		n = 64;
	if (p->every == PERIOD_WEEKDAY) {
		const char *s = fmt_printf(c, "%sทุกสัปดาห์ของปีงบประมาณ %s วัน", period_noun(c, p), fmt_int(c, (long long)n));
		if (holidays == 0)
			return s;
		const char *list = "";
		for (size_t i = 0; i < p->holidays.n; i++) {
			CalDate d;
			const char *h = p->holidays.items[i];
			list = fmt_printf(c, "%s%s%s", list, *list ? ", " : "",
			    cal_parse_iso(h, strlen(h), &d) == CAL_OK ? fmt_date_short(c, d) : h);
		}
		if (c->s->nholidays > 0)
			list = fmt_printf(c, "%s%sวันหยุดของสำนักงาน%s", list, *list ? " และ" : "",
			    c->technical ? "ในแฟ้มตั้งค่า" : "");
		return fmt_printf(c, "%s ไม่นับวันหยุด %s วัน (%s)", s, fmt_int(c, holidays), list);
	}
	if (n == 0)
		return "-";
	if (p->every == PERIOD_MONTH)
		return fmt_printf(c, "%s เดือน (%s ถึง %s)", fmt_int(c, (long long)n), fmt_month(c, from[0]),
		    fmt_month(c, to[n - 1]));
	const char *s = "";
	for (size_t k = 0; k < n; k++) {
		/* Terms begin and end mid-month: their days; the others are
		 * whole months. */
		const char *span = p->every == PERIOD_TERM ?
		    fmt_printf(c, "%s – %s", fmt_date_short(c, from[k]), fmt_date_short(c, to[k])) :
		    fmt_printf(c, "%s – %s", fmt_month(c, from[k]), fmt_month(c, to[k]));
		s = fmt_printf(c, "%s%s%s", s, k == 0 ? "" : k + 1 == n ? " และ " : ", ", span);
	}
	if (p->every == PERIOD_MONTHS)
		return fmt_printf(c, "%s ช่วง ช่วงละ %s เดือน: %s", fmt_int(c, (long long)n), fmt_int(c, p->months), s);
	return fmt_printf(c, "%s %s: %s", fmt_int(c, (long long)n), period_noun(c, p), s);
}

/* What one row is to a member: "ได้รับการนิเทศ ... ครั้ง" (a school),
 * "มีการนิเทศ ... ครั้ง" (a period). */
static const char *
row_phrase(Compose *c, const Metric *p, const char *n)
{
	switch (p->source) {
	case SOURCE_VISITS:
		return fmt_printf(c, p->members == MEMBERS_SCHOOLS ? "ได้รับการนิเทศอย่างน้อย %s ครั้ง" :
		    "มีการนิเทศอย่างน้อย %s ครั้ง", n);
	case SOURCE_EVENTS: return fmt_printf(c, "มีการจัดอย่างน้อย %s ครั้ง", n);
	case SOURCE_ATTENDANCE: return fmt_printf(c, "มีผู้เข้าร่วมอย่างน้อย %s ครั้ง", n);
	case SOURCE_PRACTICES: return fmt_printf(c, "มีผลงานเผยแพร่อย่างน้อย %s เรื่อง", n);
	default: break;
	}
	return fmt_printf(c, "มีอย่างน้อย %s ครั้ง", n);
}

/* Whom the result is about, with what makes one of them count. */
static const char *
members(Compose *c, const PlanTarget *t, int fy, int *has_requirement, const char **requirement)
{
	const Metric *p = &t->metric;
	const char *n = fmt_int(c, p->at_least);
	const char *every = p->every != PERIOD_NONE ? fmt_printf(c, "ทุก%s", period_noun(c, p)) : "";
	*has_requirement = 1;
	switch (p->members) {
	case MEMBERS_EVENTS:
		*has_requirement = p->every != PERIOD_NONE;
		if (*has_requirement)
			*requirement = fmt_printf(c, "บรรลุเมื่อจำนวน%sถึงค่าเป้าหมาย และ%s%s (%s)", event_noun(t),
			    row_phrase(c, p, n), every, periods(c, p, fy));
		return fmt_printf(c, "จำนวน%s", event_noun(t));
	case MEMBERS_SCHOOLS:
		switch (p->source) {
		case SOURCE_EVALUATIONS: {
			int level = measure_min_level(c->s, p);
			*has_requirement = p->result != RESULT_MEAN;  /* a mean of levels judges none */
			*requirement = level >= 1 && level <= 5 ?
			    fmt_printf(c, "โรงเรียนผ่านเมื่อได้ระดับ %s (%s) ขึ้นไป%s", fmt_int(c, level),
			    c->s->rubric_bands[level - 1].label, p->min_level ? "" : by_config(c)) : "-";
			break;
		}
		case SOURCE_SCORES: {
			int year = measure_score_year(p, fy);
			*requirement = fmt_printf(c, "โรงเรียนหนึ่งนับเมื่อค่าเฉลี่ยปีการศึกษา %s สูงกว่าปีการศึกษา %s "
			    "(เทียบทศนิยม 2 ตำแหน่ง) ส่วนโรงเรียนที่ไม่มีคะแนนครบทั้งสองปี%s", fmt_year(c, year),
			    fmt_year(c, year - 1), p->denominator == DENOMINATOR_MEASURED ? "ไม่นับในตัวหาร" :
			    "นับว่ายังไม่สูงขึ้น");
			break;
		}
		case SOURCE_RESPONSES:
			*requirement = fmt_printf(c, "โรงเรียนพึงพอใจเมื่อค่าเฉลี่ยของผู้ตอบจากโรงเรียน (ทศนิยม 2 ตำแหน่ง) "
			    "ตั้งแต่ %s ขึ้นไป%s", fmt_double(c, measure_min_mean(c->s, p), 2),
			    p->min_mean > 0 ? "" : by_config(c));
			break;
		default:
			*requirement = fmt_printf(c, "โรงเรียนหนึ่งนับเมื่อ%s%s%s", row_phrase(c, p, n), every,
			    p->every != PERIOD_NONE ? fmt_printf(c, " (%s)", periods(c, p, fy)) : "");
			break;
		}
		return schools(c, p);
	case MEMBERS_PEOPLE:
	case MEMBERS_TEACHERS:
		*requirement = fmt_printf(c, "แต่ละโรงเรียนนับไม่เกินจำนวน%sของโรงเรียน%s",
		    p->members == MEMBERS_TEACHERS ? "ครู" : "ผู้บริหารและครู", from(c, "schools"));
		return fmt_printf(c, "%sของ%s", p->members == MEMBERS_TEACHERS ? "ครู" : "ผู้บริหารและครู", schools(c, p));
	case MEMBERS_NETWORKS: {
		const char *nw = fmt_network_word(c);
		*requirement = fmt_printf(c, "%sหนึ่งนับเมื่อได้รับการนิเทศอย่างน้อย %s ครั้ง%s (การนิเทศของ"
		    "%sหรือของโรงเรียนใน%s)%s", nw, n, every, nw, nw,
		    p->every != PERIOD_NONE ? fmt_printf(c, " (%s)", periods(c, p, fy)) : "");
		return fmt_printf(c, "%s%s", fmt_network_title(c), from(c, "networks"));
	}
	case MEMBERS_RESPONDENTS:
		*has_requirement = p->result != RESULT_MEAN;
		*requirement = fmt_printf(c, "ผู้ตอบพึงพอใจเมื่อค่าเฉลี่ย (ทศนิยม 2 ตำแหน่ง) ตั้งแต่ %s ขึ้นไป%s",
		    fmt_double(c, measure_min_mean(c->s, p), 2),
		    p->min_mean > 0 ? "" : by_config(c));
		return "ผู้ตอบแบบสำรวจ";
	case MEMBERS_PERIODS:
		*requirement = fmt_printf(c, "%sหนึ่งนับเมื่อ%s%s", period_noun(c, p), row_phrase(c, p, n),
		    p->every != PERIOD_WEEKDAY ? "" : c->technical ? " ในวันนั้น หรือจัดวันอื่นแทนโดยระบุวันที่แทนในช่อง "
		    "replaces" : " ในวันนั้น หรือจัดวันอื่นแทนวันนั้น");
		return periods(c, p, fy);
	case MEMBERS_NKINDS:
		break;
	}
	*has_requirement = 0;
	return "-";
}

/* How the members are summed up, with the denominator of a percentage. */
static const char *
result(Compose *c, const PlanTarget *t)
{
	const Metric *p = &t->metric;
	switch (p->result) {
	case RESULT_MEAN:
		return p->source == SOURCE_EVALUATIONS ? "ค่าเฉลี่ยของระดับ" : "ค่าเฉลี่ย";
	case RESULT_COUNT:
		switch (p->members) {
		case MEMBERS_EVENTS: return fmt_printf(c, "จำนวน%s", event_noun(t));
		case MEMBERS_PERIODS: return fmt_printf(c, "จำนวน%sที่นับได้", period_noun(c, p));
		case MEMBERS_SCHOOLS: return "จำนวนโรงเรียนที่นับได้";
		case MEMBERS_NETWORKS: return fmt_printf(c, "จำนวน%sที่นับได้", fmt_network_word(c));
		case MEMBERS_RESPONDENTS: return "จำนวนผู้ตอบที่พึงพอใจ";
		default: return "จำนวนคน";
		}
	case RESULT_PERCENT:
		break;
	case RESULT_NKINDS:
		return "-";
	}
	switch (p->members) {
	case MEMBERS_SCHOOLS:
		return p->denominator == DENOMINATOR_MEASURED ?
		    fmt_printf(c, "ร้อยละของจำนวนโรงเรียนที่%s", p->source == SOURCE_RESPONSES ? "มีผู้ตอบแบบสำรวจ" :
		    p->source == SOURCE_SCORES ? "มีคะแนนครบทั้งสองปี" : "ได้รับการประเมินแล้ว") :
		    fmt_printf(c, "ร้อยละของจำนวน%s", schools(c, p));
	case MEMBERS_PEOPLE:
		return fmt_printf(c, "ร้อยละของผู้บริหารและครูทั้งหมดของ%s", schools(c, p));
	case MEMBERS_TEACHERS:
		return fmt_printf(c, "ร้อยละของครูทั้งหมดของ%s", schools(c, p));
	case MEMBERS_NETWORKS:
		return fmt_printf(c, "ร้อยละของ%sทั้งหมด", fmt_network_word(c));
	case MEMBERS_RESPONDENTS:
		return "ร้อยละของผู้ตอบทั้งหมด";
	case MEMBERS_PERIODS:
		return fmt_printf(c, "ร้อยละของ%sที่ถึงกำหนดแล้ว", period_noun(c, p));
	case MEMBERS_EVENTS:
	case MEMBERS_NKINDS:
		break;
	}
	return "-";
}

/* The goal with its unit in Thai order, as the reports print it. */
static const char *
goal_text(Compose *c, const PlanTarget *t)
{
	TargetResult tr;
	memset(&tr, 0, sizeof(tr));
	tr.target = t;
	tr.goal = t->goal;
	tr.unit = t->unit;
	const char *goal = fmt_target_goal(c, &tr);
	/* A level goal with its name: "ระดับ 3 (ดี)". */
	if (t->has_goal && !strncmp(t->unit, "ระดับ", strlen("ระดับ")) && t->goal == (long long)t->goal &&
	    t->goal >= 1 && t->goal <= 5)
		goal = fmt_printf(c, "%s (%s)", goal, c->s->rubric_bands[(int)t->goal - 1].label);
	return goal;
}

size_t
explain_target(Compose *c, const PlanTarget *t, const char *tool, ExplainLine *out)
{
	const Metric *p = &t->metric;
	int fy = c->m->plan->fiscal_year;
	size_t n = 0;
	out[n++] = (ExplainLine){ "นับ", counted(c, p, tool) };
	if (p->source == SOURCE_SPENDING) {
		out[n++] = (ExplainLine){ "ผลที่รายงาน", p->activities[0] ? fmt_printf(c, "ร้อยละของงบประมาณที่ได้รับของ%s",
		    activities_joined(c, p, " และ ")) : "ร้อยละของงบประมาณทั้งโครงการ" };
		out[n++] = (ExplainLine){ "ช่วงเวลา", fmt_printf(c, "ปีงบประมาณ %s (%s – %s) นับถึงวันที่ของรายงาน",
		    fmt_year(c, fy), fmt_date(c, cal_fy_first(fy)), fmt_date(c, cal_fy_last(fy))) };
		out[n++] = (ExplainLine){ "ค่าเป้าหมาย", goal_text(c, t) };
		return n;
	}
	if (p->source == SOURCE_ASSESSMENTS) {
		int level = p->level_goal;
		out[n++] = (ExplainLine){ "ผลที่รายงาน", level ? "ค่าเฉลี่ยของคะแนนทุกรายการ อ่านเป็นระดับตามเกณฑ์"
		    "ค่าเฉลี่ยของระดับคุณภาพ" : "ค่าเฉลี่ยของคะแนนทุกรายการ" };
		out[n++] = (ExplainLine){ "ช่วงเวลา", fmt_printf(c, "การประเมินที่ลงวันที่ในปีงบประมาณ %s นับถึงวันที่ของรายงาน",
		    fmt_year(c, fy)) };
		out[n++] = (ExplainLine){ "ค่าเป้าหมาย", goal_text(c, t) };
		return n;
	}
	int has_requirement;
	const char *requirement = NULL;
	out[n++] = (ExplainLine){ "นับเป็น", members(c, t, fy, &has_requirement, &requirement) };
	if (has_requirement)
		out[n++] = (ExplainLine){ "เงื่อนไข", requirement };
	out[n++] = (ExplainLine){ "ผลที่รายงาน", result(c, t) };
	if (p->source == SOURCE_SCORES)
		out[n++] = (ExplainLine){ "ช่วงเวลา", fmt_printf(c, "ผลการทดสอบปีการศึกษา %s เทียบกับ %s "
		    "ไม่ขึ้นกับวันที่ของรายงาน", fmt_year(c, measure_score_year(p, fy)),
		    fmt_year(c, measure_score_year(p, fy) - 1)) };
	else
		out[n++] = (ExplainLine){ "ช่วงเวลา", fmt_printf(c, "ปีงบประมาณ %s (%s – %s) นับถึงวันที่ของรายงาน",
		    fmt_year(c, fy), fmt_date(c, cal_fy_first(fy)), fmt_date(c, cal_fy_last(fy))) };
	out[n++] = (ExplainLine){ "ค่าเป้าหมาย", goal_text(c, t) };
	return n;
}

static const char *
explain_one(Compose *c, const char *out, const char *kind, const PlanTarget *t, const char *tool)
{
	ExplainLine lines[EXPLAIN_MAX_LINES];
	size_t n = explain_target(c, t, tool, lines);
	out = fmt_printf(c, "%s\n%s %s %s\n", out, kind, fmt_text(c, t->id), t->text);
	for (size_t i = 0; i < n; i++)
		out = fmt_printf(c, "%s  %s: %s\n", out, lines[i].label, lines[i].text);
	return out;
}

const char *
explain_plan(Compose *c)
{
	const Plan *p = c->m->plan;
	const char *out = fmt_printf(c, "โครงการ%s%s\n%s\n", fmt_project(c), fmt_project_year(c), p->office);
	if (p->nevent_kinds > 0) {
		out = fmt_printf(c, "%s\nประเภทกิจกรรมในแฟ้ม meetings\n", out);
		for (size_t i = 0; i < p->nevent_kinds; i++) {
			const PlanEventKind *k = &p->event_kinds[i];
			out = fmt_printf(c, "%s  %s%s%s%s\n", out, kind_name(c, k),
			    k->activity ? fmt_printf(c, " กิจกรรมที่ %s", fmt_int(c, k->activity)) : "",
			    k->attendance ? " มีบัญชีลงเวลา" : "", k->committee ? " (ทำเอกสารประกอบการประชุมทุกครั้ง)" : "");
		}
	}
	if (p->nsurveys > 0) {
		out = fmt_printf(c, "%s\nแบบสำรวจนอกจากแบบสำรวจประจำปี (surveys)\n", out);
		for (size_t i = 0; i < p->nsurveys; i++)
			out = fmt_printf(c, "%s  “%s” (%s ในแฟ้ม %s)%s\n", out, p->surveys[i].title, p->surveys[i].code,
			    p->surveys[i].file, p->surveys[i].activity ? fmt_printf(c, " กิจกรรมที่ %s",
			    fmt_int(c, p->surveys[i].activity)) : "");
	}
	for (size_t i = 0; i < p->ntargets; i++)
		out = explain_one(c, out, p->targets[i].quantitative ? "เป้าหมายเชิงปริมาณ" : "เป้าหมายเชิงคุณภาพ",
		    &p->targets[i], NULL);
	for (size_t i = 0; i < p->nindicators; i++)
		out = explain_one(c, out, "ตัวชี้วัดความสำเร็จ", &p->indicators[i].target, p->indicators[i].tool);
	return out;
}
