/* committee.c - เอกสารประกอบการประชุม ก.ต.ป.น. ครั้งที่ N.
 *
 * All figures are cut off at the meeting's date: the caller measures twice,
 * as of this meeting and as of the previous one, and the pack shows the
 * progress in between and the fiscal year to date. */
#include "report/committee.h"

#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"
#include "report/compose.h"

/* Share of the fiscal year elapsed by the as-of day, in days. */
static void
time_elapsed(const Results *r, long *days, long *total)
{
	*total = cal_days(r->fy_last) - cal_days(r->fy_first) + 1;
	*days = cal_days(r->as_of) - cal_days(r->fy_first) + 1;
	if (*days < 0)
		*days = 0;
}

/* "3/2558": the meeting's number as written, or from its seq_no and the
 * fiscal year of its date when the file leaves seq blank (the previous
 * meeting may be the last one of the year before); digits as configured. */
static const char *
meeting_no(Compose *c, const Meeting *mt)
{
	return fmt_text(c, *mt->seq ? mt->seq : fmt_printf(c, "%d/%d", mt->seq_no, cal_fiscal_year(mt->date)));
}

/* The day the figures are as of, in words: "วันประชุม" when it is the
 * meeting's, else its date (a pack built ahead of its meeting). */
static const char *
on_day(Compose *c)
{
	return cal_compare(c->r->as_of, c->meeting_day) == 0 ? "วันประชุม" :
	    fmt_printf(c, "วันที่ %s", fmt_date_short(c, c->r->as_of));
}

static void
agenda(Compose *c, int no, const char *title)
{
	doc_heading(c->doc, 1, fmt_printf(c, "ระเบียบวาระที่ %s", fmt_int(c, no)), title);
}

static void
blank_lines(Compose *c, int n)
{
	for (int i = 0; i < n; i++)
		doc_para(c->doc, "......................................................................................................");
}

/* prev_seq: the previous meeting's number ("4/2558") and since: the words
 * for the days after it ("ตั้งแต่ 26 มิ.ย. 58"); both NULL when this is the
 * first meeting (then there is no column to compare with). */
static void
progress(Compose *c, const Results *prev, const char *since, const char *prev_seq)
{
	const Results *r = c->r;
	doc_heading(c->doc, 2, "4.1", "ความก้าวหน้าการนิเทศรายกิจกรรม");
	/* The first meeting of the year has nothing before it: "since the
	 * last meeting" would repeat the year to date. */
	DocBlock *tb;
	if (prev_seq) {
		compose_table_caption(c, fmt_printf(c, "จำนวนครั้งการดำเนินงานรายกิจกรรม %s และสะสมตั้งแต่ต้นปีงบประมาณ",
		    since));
		tb = compose_table(c, 0, fmt_printf(c, "ที่:10:c|กิจกรรม:0:l|หลังการประชุมครั้งที่ %s (ครั้ง):28:r|"
		    "สะสม (ครั้ง):22:r|โรงเรียน:22:r", prev_seq));
	} else {
		compose_table_caption(c, "จำนวนครั้งการดำเนินงานรายกิจกรรม สะสมตั้งแต่ต้นปีงบประมาณ");
		tb = compose_table(c, 0, "ที่:10:c|กิจกรรม:0:l|สะสม (ครั้ง):22:r|โรงเรียน:22:r");
	}
	long total_new = 0, total = 0;
	int group_level = 0;
	for (size_t i = 0; i < r->nactivities; i++) {
		const ActivityResults *a = &r->activities[i];
		long before = prev ? prev->activities[i].events : 0;
		/* Sessions held for a network or a group name no school: "0
		 * schools" would read as nobody taking part (as in the annual
		 * report's table of activities). */
		int no_schools = a->events > 0 && a->schools_reached == 0;
		group_level |= no_schools;
		const char *schools = no_schools ? "-*" : fmt_int(c, a->schools_reached);
		if (prev_seq)
			compose_row(c, tb, DOC_ROW_BODY, 5, fmt_int(c, a->plan->no), a->plan->name,
			    fmt_int(c, a->events - before), fmt_int(c, a->events), schools);
		else
			compose_row(c, tb, DOC_ROW_BODY, 4, fmt_int(c, a->plan->no), a->plan->name,
			    fmt_int(c, a->events), schools);
		total_new += a->events - before;
		total += a->events;
	}
	DocRow *row = prev_seq ?
	    compose_row(c, tb, DOC_ROW_TOTAL, 4, "รวม", fmt_int(c, total_new), fmt_int(c, total), "") :
	    compose_row(c, tb, DOC_ROW_TOTAL, 3, "รวม", fmt_int(c, total), "");
	row->first->colspan = 2;
	if (group_level)
		doc_para(c->doc, fmt_printf(c, "* ข้อมูลของกิจกรรมไม่ได้ระบุรายโรงเรียน "
		    "(ดำเนินการกับ%sหรือกับกลุ่มบุคลากร)", fmt_network_word(c)));

	doc_heading(c->doc, 2, "4.2", fmt_printf(c, "ผลตามเป้าหมาย ณ %s", on_day(c)));
	compose_table_caption(c, fmt_printf(c, "ผลการดำเนินงานตามเป้าหมาย สะสมถึง%s", on_day(c)));
	/* Values carry their unit (ครั้ง, เดือน, ร้อยละ) like the goals beside
	 * them: a bare "5" next to "ร้อยละ 100" reads as either. */
	DocBlock *tt = prev_seq ?
	    compose_table(c, 0, fmt_printf(c, "ข้อ:14:c|เป้าหมาย:0:l|ค่าเป้าหมาย:24:c|ผลสะสม ณ %s:28:r|"
	    "ณ การประชุมครั้งก่อน (%s):28:r", on_day(c), prev_seq)) :
	    compose_table(c, 0, fmt_printf(c, "ข้อ:14:c|เป้าหมาย:0:l|ค่าเป้าหมาย:24:c|ผลสะสม ณ %s:28:r", on_day(c)));
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		if (prev_seq)
			compose_row(c, tt, DOC_ROW_BODY, 5, fmt_text(c, t->target->id), t->target->text,
			    fmt_target_goal(c, t), fmt_target_result(c, t),
			    prev ? fmt_target_result(c, &prev->targets[i]) : "-");
		else
			compose_row(c, tt, DOC_ROW_BODY, 4, fmt_text(c, t->target->id), t->target->text,
			    fmt_target_goal(c, t), fmt_target_result(c, t));
	}

	doc_heading(c->doc, 2, "4.3", "การนิเทศภายใน ความพึงพอใจ และงบประมาณ");
	long days, total_days;
	time_elapsed(r, &days, &total_days);
	const BudgetResults *b = &r->budget;
	DocBlock *l = doc_labels(c->doc);
	doc_label(c->doc, l, "โรงเรียนที่ได้รับการนิเทศแล้ว", fmt_printf(c, "%s จาก %s โรงเรียน (ร้อยละ %s)",
	    fmt_int(c, r->schools - (long)r->schools_not_visited.n), fmt_int(c, r->schools),
	    fmt_percent(c, r->schools - (long)r->schools_not_visited.n, r->schools)));
	for (size_t i = 0; i < r->ntargets; i++)
		if (r->targets[i].target->metric.members == MEMBERS_SCHOOLS &&
		    r->targets[i].target->metric.source == SOURCE_VISITS &&
		    metric_chooses_schools(&r->targets[i].target->metric))
			doc_label(c->doc, l, fmt_population(c, &r->targets[i].target->metric),
			    compose_note(c, &r->targets[i]) ? fmt_text(c, compose_note(c, &r->targets[i])) : fmt_target_value(c, &r->targets[i]));
	if (compose_reports_evaluations(c))
		doc_label(c->doc, l, "ประเมินการนิเทศภายในแล้ว", fmt_printf(c, "%s โรงเรียน ผ่านเกณฑ์ %s โรงเรียน",
		    fmt_int(c, r->eval.evaluated), fmt_int(c, r->eval.passed)));
	doc_label(c->doc, l, "ความพึงพอใจ", r->survey.respondents ? fmt_printf(c, "ผู้ตอบ %s คน ค่าเฉลี่ย %s (%s) "
	    "โรงเรียนพึงพอใจ %s จาก %s", fmt_int(c, r->survey.respondents), fmt_double(c, r->survey.overall.mean, 2),
	    r->survey.overall.band ? r->survey.overall.band : "-", fmt_int(c, r->survey.schools_satisfied),
	    fmt_int(c, r->survey.schools_responding)) : "ยังไม่มีผู้ตอบแบบสำรวจ");
	doc_label(c->doc, l, "การเบิกจ่ายงบประมาณ", fmt_printf(c, "%s บาท ร้อยละ %s ของ %s บาท "
	    "(เวลาผ่านไปร้อยละ %s ของปีงบประมาณ)", fmt_money(c, b->spent), fmt_percent(c, b->spent, b->approved_total),
	    fmt_baht(c, b->approved_total), fmt_percent(c, days, total_days)));

	compose_chart_caption(c, "ร้อยละการเบิกจ่ายสะสม เทียบกับเวลาที่ผ่านไป");
	DocBlock *ch = doc_chart(c->doc, DOC_CHART_BARS, "", 2, 1);
	ch->u.chart.unit = "%";
	ch->u.chart.max = 100;
	ch->u.chart.decimals = 2;
	doc_chart_series(c->doc, ch, 0, "ร้อยละ");
	doc_chart_category(c->doc, ch, 0, "เบิกจ่ายสะสม");
	doc_chart_value(ch, 0, 0, b->approved_total ? b->spent * 100.0 / b->approved_total : 0);
	doc_chart_category(c->doc, ch, 1, "เวลาที่ผ่านไป");
	doc_chart_value(ch, 0, 1, days * 100.0 / total_days);
}

/* "ร้อยละ 95.08" or "4 ครั้ง": an amount in the unit of a target's value. */
static const char *
amount(Compose *c, const TargetResult *t, const char *number)
{
	if (t->is_percent)
		return fmt_printf(c, "ร้อยละ %s", number);
	return t->unit && *t->unit ? fmt_printf(c, "%s %s", number, t->unit) : number;
}

static const char *
value_text(Compose *c, const TargetResult *t)
{
	return amount(c, t, fmt_target_value(c, t));
}

static const char *
goal_text(Compose *c, const TargetResult *t)
{
	double g = t->goal;
	return amount(c, t, g == (double)(long long)g ? fmt_int(c, (long long)g) : fmt_double(c, g, 2));
}

static const char *
expected_text(Compose *c, const TargetResult *t, double expected)
{
	return amount(c, t, t->is_percent ? fmt_double(c, expected, 2) : fmt_int(c, (long long)expected));
}

static const char *
period_text(Compose *c, const ProgressCheck *ck)
{
	if (ck->activity && ck->activity->period_text && *ck->activity->period_text)
		return fmt_text(c, ck->activity->period_text);
	if (ck->whole_year)
		return fmt_printf(c, "ตลอดปีงบประมาณ %s", fmt_year(c, c->r->fiscal_year));
	return fmt_printf(c, "%s – %s", fmt_date_short(c, ck->from), fmt_date_short(c, ck->to));
}

/* How a rate's schools are named: what passing is (with its criterion, and
 * short), who was measured and who not yet. */
typedef struct RateWords {
	const char *passed, *passed_short, *measured, *unmeasured;
} RateWords;

static RateWords
rate_words(Compose *c, const TargetResult *t)
{
	RateWords w = { "ถึงเกณฑ์", "ถึงเกณฑ์", "ที่วัดผลแล้ว", "ยังไม่ได้วัดผล" };
	switch (t->target->metric.source) {
	case SOURCE_EVALUATIONS: {
		int min = t->min_level;
		w.passed_short = "ผ่านเกณฑ์";
		w.passed = min >= 1 && min <= 5 ?
		    fmt_printf(c, "ผ่านเกณฑ์ระดับ%sขึ้นไป", c->s->rubric_bands[min - 1].label) : w.passed_short;
		w.measured = "ที่ได้รับการประเมินแล้ว";
		w.unmeasured = "ยังไม่ได้รับการประเมิน";
		break;
	}
	case SOURCE_RESPONSES:
		w.passed = w.passed_short = "พึงพอใจ";
		w.measured = "ที่ตอบแบบสำรวจแล้ว";
		w.unmeasured = "ยังไม่ตอบแบบสำรวจ";
		break;
	default:
		break;
	}
	return w;
}

/* A running rate whose headline counts schools not yet measured (a pass
 * rate counts a school not evaluated as not passed): Table 2 prints the one
 * figure and the judgement rests on the other. */
static int
two_figures(const TargetResult *t, const ProgressCheck *ck)
{
	return ck->is_rate && !ck->ended && t->is_percent && ck->den > 0 && t->den > ck->den;
}

/* A rate judged on those measured so far; with two figures, both are named,
 * each with its denominator, so the reader sees how they relate. */
static const char *
running_reason(Compose *c, const TargetResult *t, const ProgressCheck *ck, const char *period)
{
	RateWords w = rate_words(c, t);
	if (two_figures(t, ck))
		return fmt_printf(c, "ผลสะสม %s ของโรงเรียนทั้งหมด (%s %s จาก %s โรงเรียน %s %s โรงเรียน) "
		    "ในจำนวน%s %s โรงเรียน %sร้อยละ %s ซึ่งยังต่ำกว่าค่าเป้าหมาย %s (ช่วงวัดผล %s)",
		    value_text(c, t), w.passed, fmt_int(c, t->num), fmt_int(c, t->den), w.unmeasured,
		    fmt_int(c, t->den - ck->den), w.measured, fmt_int(c, ck->den), w.passed_short,
		    fmt_percent(c, ck->num, ck->den), goal_text(c, t), period);
	return fmt_printf(c, "ผลเท่าที่วัดได้ถึง%s ร้อยละ %s (%s %s จาก %s โรงเรียน%s) ต่ำกว่าค่าเป้าหมาย %s "
	    "(ช่วงวัดผล %s)", on_day(c), fmt_percent(c, ck->num, ck->den), w.passed, fmt_int(c, ck->num), fmt_int(c, ck->den),
	    w.measured, goal_text(c, t), period);
}

/* Why a target is at risk, with the figures behind it. */
static const char *
risk_reason(Compose *c, const TargetResult *t, const ProgressCheck *ck)
{
	const char *period = period_text(c, ck);
	if (ck->ended && !t->judged)
		return fmt_printf(c, "สิ้นสุดช่วง%s (%s) แล้ว แต่ยังประเมินผลไม่ได้", ck->is_rate ? "วัดผล" : "ดำเนินการ",
		    period);
	if (ck->ended)
		return fmt_printf(c, "สิ้นสุดช่วง%s (%s) แล้ว ผล%s %s ยังไม่ถึงค่าเป้าหมาย %s", ck->is_rate ? "วัดผล" :
		    "ดำเนินการ", period, ck->is_rate ? "" : "สะสม", value_text(c, t), goal_text(c, t));
	if (ck->is_rate && t->target->metric.result == RESULT_MEAN)
		return fmt_printf(c, "ผลเท่าที่วัดได้ถึง%s %s ต่ำกว่าค่าเป้าหมาย %s (ช่วงวัดผล %s)", on_day(c), value_text(c, t),
		    goal_text(c, t), period);
	if (ck->is_rate)
		return running_reason(c, t, ck, period);
	if (measure_growth(&t->target->metric) == GROWTH_DUE_SO_FAR)
		return fmt_printf(c, "ผล %s ของครั้งที่ถึงกำหนดแล้ว ต่ำกว่าค่าเป้าหมาย %s (ช่วงดำเนินการ %s)",
		    value_text(c, t), goal_text(c, t), period);
	if (ck->little_time)
		return fmt_printf(c, "ผลสะสม %s จากค่าเป้าหมาย %s ยังขาดอีก %s โดยเหลือเวลาในช่วง %s อีกเพียง %s วัน",
		    value_text(c, t), goal_text(c, t), amount(c, t, fmt_double(c, t->goal - t->value, 0)), period,
		    fmt_int(c, ck->total - ck->days));
	if (t->value >= t->goal - 1e-9)
		return fmt_printf(c, "ผลสะสม %s ครบค่าเป้าหมาย (%s) แล้ว แต่ยังไม่บรรลุตามเงื่อนไขของเป้าหมาย",
		    value_text(c, t), goal_text(c, t));
	return fmt_printf(c, "ผลสะสม %s ต่ำกว่าที่ควรได้ ณ %s %s (ค่าเป้าหมาย %s ในช่วง %s ผ่านไปแล้ว %s จาก %s วัน)",
	    value_text(c, t), on_day(c), expected_text(c, t, ck->expected), goal_text(c, t), period, fmt_int(c, ck->days),
	    fmt_int(c, ck->total));
}

/* Section 5.n: the activities that spent more than they were given, paid
 * from what others left (ถัวจ่าย). An activity given nothing
 * did not "overspend by 0 baht": it is said to have had no allocation. All
 * money in satang form (fmt_money), one format throughout. */
static void
budget_moves(Compose *c, int n)
{
	const BudgetResults *b = &c->r->budget;
	doc_heading(c->doc, 2, fmt_text(c, fmt_printf(c, "5.%d", n)), "การถัวจ่ายงบประมาณระหว่างกิจกรรม");
	DocBlock *bl = doc_list(c->doc, 0);
	Satang moved_in = 0, left_over = 0;
	for (size_t i = 0; i < b->nlines; i++) {
		const BudgetLine *line = &b->lines[i];
		if (line->moved_out > 0)
			left_over += line->moved_out;
		if (line->moved_in <= 0)
			continue;
		moved_in += line->moved_in;
		if (line->approved == 0)
			doc_list_item(c->doc, bl, fmt_printf(c, "กิจกรรมที่ %s ไม่ได้รับจัดสรรงบประมาณ ใช้จ่ายจริง %s บาท "
			    "โดยถัวจ่ายจากงบประมาณของกิจกรรมอื่น", fmt_int(c, line->activity), fmt_money(c, line->spent)));
		else
			doc_list_item(c->doc, bl, fmt_printf(c, "กิจกรรมที่ %s ได้รับงบประมาณ %s บาท ใช้จ่ายจริง %s บาท "
			    "เกินงบประมาณที่ได้รับ %s บาท โดยถัวจ่ายจากงบประมาณของกิจกรรมอื่น", fmt_int(c, line->activity),
			    fmt_money(c, line->approved), fmt_money(c, line->spent), fmt_money(c, line->moved_in)));
	}
	if (moved_in == 0)
		doc_list_item(c->doc, bl, "ไม่มีกิจกรรมที่ใช้จ่ายเกินงบประมาณที่ได้รับ");
	/* The summary left-aligned: amounts give few places to break, and
	 * justified lines would open wide gaps between them. */
	if (b->over_total)
		doc_para(c->doc, fmt_printf(c, "รวมถัวจ่าย %s บาท แต่การใช้จ่ายรวมของโครงการ %s บาท เกินงบประมาณโครงการ "
		    "%s บาท อยู่ %s บาท ซึ่งถัวจ่ายไม่ได้ ต้องพิจารณาแก้ไข", fmt_money(c, moved_in), fmt_money(c, b->spent),
		    fmt_money(c, b->approved_total), fmt_money(c, b->spent - b->approved_total)))->u.para.align =
		    DOC_ALIGN_LEFT;
	else if (moved_in > 0)
		doc_para(c->doc, fmt_printf(c, "รวมถัวจ่าย %s บาท จากงบประมาณที่ยังไม่ได้ใช้ของกิจกรรมอื่นรวม %s บาท "
		    "การใช้จ่ายรวมของโครงการ %s บาท ไม่เกินงบประมาณโครงการ %s บาท จึงถัวจ่ายได้ตามหมายเหตุของโครงการ "
		    "“ขอถัวจ่ายทุกรายการ”", fmt_money(c, moved_in), fmt_money(c, left_over), fmt_money(c, b->spent),
		    fmt_money(c, b->approved_total)))->u.para.align = DOC_ALIGN_LEFT;
	if (moved_in > 0 || b->over_total) {
		doc_para(c->doc, b->over_total ? "ประเด็นเสนอเพื่อพิจารณา ที่ประชุมพิจารณาแนวทางแก้ไขการใช้จ่ายที่เกินงบประมาณโครงการ" :
		    "ประเด็นเสนอเพื่อพิจารณา จึงเสนอที่ประชุมเพื่อโปรดพิจารณาเห็นชอบการถัวจ่ายข้างต้น");
		doc_para(c->doc, "มติที่ประชุม ....................................................................................");
	}
}

/* Targets at risk, each with its reason; then those not yet due or still
 * being measured, which are named so the committee knows why they are not
 * judged. */
/* 4.4: the targets whose risk cannot be judged yet (not due, under way,
 * or without data), for information: the committee decides on the others
 * in agenda 5. */
static void
pending_targets(Compose *c)
{
	const Results *r = c->r;
	DocBlock *later = NULL;
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		ProgressCheck ck = measure_progress(r, t, c->m->plan);
		if (ck.status != PROGRESS_NO_DATA && ck.status != PROGRESS_NOT_YET_DUE && ck.status != PROGRESS_IN_PROGRESS)
			continue;
		if (later == NULL) {
			doc_heading(c->doc, 2, fmt_text(c, "4.4"), "เป้าหมายที่ยังไม่ถึงเวลาประเมินความเสี่ยง");
			later = doc_list(c->doc, 0);
		}
		const char *note = compose_note(c, t) ? fmt_printf(c, " %s", fmt_text(c, compose_note(c, t))) : "";
		if (ck.status == PROGRESS_NO_DATA)
			doc_list_item(c->doc, later, fmt_printf(c, "ข้อ %s %s (ยังไม่มีข้อมูลสำหรับวัดผล)",
			    fmt_text(c, t->target->id), t->target->text));
		else
			doc_list_item(c->doc, later, fmt_printf(c, "ข้อ %s %s (ช่วง%s %s)%s", fmt_text(c, t->target->id),
			    ck.status == PROGRESS_NOT_YET_DUE ? "ยังไม่ถึงช่วงดำเนินการ" : "อยู่ระหว่างดำเนินการ",
			    ck.is_rate ? "วัดผล" : "ดำเนินการ", period_text(c, &ck),
			    ck.status == PROGRESS_IN_PROGRESS ? note : ""));
	}
}

/* What the committee is asked to decide about one target at risk: the
 * plan's activity behind it, the schools not reached (when there are a
 * few to name), and a question a chair can put to the vote. */
static void
decision_item(Compose *c, int *n, const TargetResult *t, const ProgressCheck *ck)
{
	const Results *r = c->r;
	const Metric *p = &t->target->metric;
	doc_heading(c->doc, 2, fmt_text(c, fmt_printf(c, "5.%d", ++*n)), fmt_printf(c, "เป้าหมายข้อ %s %s",
	    fmt_text(c, t->target->id), t->target->text));
	DocBlock *l = doc_labels(c->doc);
	l->u.labels.label_mm = 45;
	/* A running rate's reason already gives its counts: no note after it. */
	doc_label(c->doc, l, "ความเป็นมา", two_figures(t, ck) || (ck->is_rate && !ck->ended) ?
	    risk_reason(c, t, ck) : fmt_with_note(c, risk_reason(c, t, ck), compose_note(c, t)));
	if (t->schools_missing.n > 0 && t->schools_missing.n <= 30 && t->schools_missing.n < (size_t)r->schools)
		doc_label(c->doc, l, fmt_printf(c, p->members == MEMBERS_PEOPLE || p->members == MEMBERS_TEACHERS ?
		    "โรงเรียนที่ไม่ได้เข้าร่วมเลย (%s โรงเรียน)" : "โรงเรียนที่ยังไม่ถึงเกณฑ์ (%s โรงเรียน)",
		    fmt_int(c, (long long)t->schools_missing.n)), fmt_school_list(c, &t->schools_missing, 0, 30, ""));
	const PlanActivity *act = p->activities[0] ? plan_activity(c->m->plan, p->activities[0]) : NULL;
	if (act && act->owner && *act->owner)
		doc_label(c->doc, l, "ผู้รับผิดชอบตามแผน", act->owner);
	const char *who = c->s->unit_name;
	const char *what = act ? fmt_printf(c, "กิจกรรมที่ %s %s", fmt_int(c, act->no), act->name) :
	    "การดำเนินงานตามเป้าหมายนี้";
	const char *question;
	if (!ck->is_rate && t->judged && t->value >= t->goal - 1e-9)
		question = fmt_printf(c, "จำนวนครบค่าเป้าหมายแล้ว แต่ช่วงที่ไม่ได้ดำเนินการผ่านไปแล้ว ที่ประชุมพิจารณาให้บันทึก"
		    "เป็นข้อเสนอแนะ เพื่อกำหนด%s ให้ครบทุกช่วงในปีงบประมาณถัดไป", what);
	else if (ck->ended || ck->little_time)
		question = fmt_printf(c, "ที่ประชุมพิจารณาว่าจะให้%sดำเนิน%s เพิ่มเติมให้ครบก่อนสิ้นปีงบประมาณ %s "
		    "หรือให้บันทึกเป็นข้อเสนอแนะสำหรับการวางแผนปีงบประมาณถัดไป", who, what,
		    fmt_year(c, r->fiscal_year));
	else
		question = fmt_printf(c, "ที่ประชุมพิจารณาให้%sเร่งรัด%s ให้ถึงค่าเป้าหมาย %s ภายในช่วง %s", who, what,
		    goal_text(c, t), period_text(c, ck));
	doc_label(c->doc, l, "ประเด็นเสนอเพื่อพิจารณา", question);
	/* The resolution's line in the same block: never alone on a page. */
	doc_label(c->doc, l, "มติที่ประชุม", "..................................................................................");
}

static void
exceptions(Compose *c)
{
	const Results *r = c->r;
	int n = 0;
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		ProgressCheck ck = measure_progress(r, t, c->m->plan);
		if (ck.status == PROGRESS_AT_RISK)
			decision_item(c, &n, t, &ck);
	}
	if (n == 0)
		doc_para(c->doc, "ไม่มีเป้าหมายที่มีความเสี่ยงไม่บรรลุ เป้าหมายที่ถึงช่วงดำเนินการแล้วเป็นไปตามแผน");
	/* Schools not yet visited are a question for the committee only when
	 * there are some; agenda 4 says when every school was. */
	if (r->schools_not_visited.n > 0) {
		doc_heading(c->doc, 2, fmt_text(c, fmt_printf(c, "5.%d", ++n)), "โรงเรียนที่ยังไม่ได้รับการนิเทศ");
		int colours = compose_has_colours(c);
		DocBlock *tb = compose_table(c, 0, colours ? "ที่:10:c|โรงเรียน:0:l|อำเภอ:30:l|กลุ่มสี:20:c" :
		    "ที่:10:c|โรงเรียน:0:l|อำเภอ:30:l");
		for (size_t i = 0; i < r->schools_not_visited.n; i++) {
			const School *s = r->schools_not_visited.items[i];
			if (colours)
				compose_row(c, tb, DOC_ROW_BODY, 4, fmt_int(c, (long long)i + 1), fmt_school(c, s),
				    s->district, *s->color_group ? s->color_group : "-");
			else
				compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, (long long)i + 1), fmt_school(c, s),
				    s->district);
		}
		doc_para(c->doc, fmt_printf(c, "ประเด็นเสนอเพื่อพิจารณา ที่ประชุมพิจารณาให้%sนิเทศโรงเรียน %s โรงเรียนข้างต้น"
		    "ก่อนสิ้นปีงบประมาณ %s", c->s->unit_name, fmt_int(c, (long long)r->schools_not_visited.n),
		    fmt_year(c, r->fiscal_year)));
	doc_para(c->doc, "มติที่ประชุม ....................................................................................");
	}
	budget_moves(c, ++n);
}

/* A resolution's standing on the day of meeting `on`: done (and whether
 * late), overdue, or under way with its due date. */
static const char *
resolution_status(Compose *c, const Resolution *x, CalDate on)
{
	if (x->done.year && cal_compare(x->done, on) <= 0)
		return x->due.year && cal_compare(x->done, x->due) > 0 ?
		    fmt_printf(c, "ดำเนินการแล้ว เมื่อ %s (หลังกำหนด %s)", fmt_date_short(c, x->done),
		    fmt_date_short(c, x->due)) :
		    fmt_printf(c, "ดำเนินการแล้ว เมื่อ %s", fmt_date_short(c, x->done));
	if (x->due.year && cal_compare(x->due, on) < 0)
		return fmt_printf(c, "ยังไม่แล้วเสร็จ เลยกำหนด %s", fmt_date_short(c, x->due));
	return x->due.year ? fmt_printf(c, "อยู่ระหว่างดำเนินการ กำหนดเสร็จ %s", fmt_date_short(c, x->due)) :
	    "อยู่ระหว่างดำเนินการ";
}

/* ระเบียบวาระที่ 3: the resolutions of the earlier meetings with what
 * became of them by this meeting. Carried from meeting to meeting: those
 * of the previous meeting, and older ones not yet reported done then. */
static void
follow_up(Compose *c, const Meeting *meeting, const Meeting *previous)
{
	const Model *m = c->m;
	if (m->nresolutions == 0) {
		if (previous && *previous->resolutions)
			doc_para(c->doc, fmt_printf(c, "มติจากการประชุมครั้งที่ %s: %s", meeting_no(c, previous),
			    previous->resolutions));
		else
			doc_para(c->doc, "ไม่มี");
		return;
	}
	DocBlock *tb = NULL;
	long n = 0;
	for (size_t i = 0; i < m->nresolutions; i++) {
		const Resolution *x = &m->resolutions[i];
		if (cal_compare(x->meeting->date, meeting->date) >= 0)
			continue;
		/* Reported done at an earlier meeting: not carried further. */
		if (previous && x->meeting != previous && x->done.year && cal_compare(x->done, previous->date) <= 0)
			continue;
		if (tb == NULL) {
			compose_table_caption(c, "การดำเนินการตามมติการประชุมครั้งก่อน");
			tb = compose_table(c, 14, fmt_printf(c, "ที่:8:c|มติ (การประชุมครั้งที่):0:l|ผู้รับผิดชอบ:34:l|"
			    "สถานะ ณ %s:34:l|ผลการดำเนินการ:44:l", on_day(c)));
		}
		compose_row(c, tb, DOC_ROW_BODY, 5, fmt_int(c, ++n), fmt_printf(c, "%s (%s)", x->text,
		    meeting_no(c, x->meeting)), *x->owner ? x->owner : "-", resolution_status(c, x, c->r->as_of),
		    *x->result ? x->result : "-");
	}
	if (tb == NULL)
		doc_para(c->doc, "ไม่มีมติที่ต้องติดตาม");
	doc_para(c->doc, "มติที่ประชุม ....................................................................................");
}

/* The agenda on one page, with who presents each item. */
static void
agenda_page(Compose *c, const Meeting *meeting, const Meeting *previous)
{
	const Settings *s = c->s;
	/* A name on its own line: never broken between given name and surname. */
	const char *chair = *s->committee_chair ? fmt_printf(c, "ประธานกรรมการ\n(%s)", s->committee_chair) :
	    "ประธานกรรมการ";
	const char *secretary = *s->director_name ? fmt_printf(c, "กรรมการและเลขานุการ\n(%s)", s->director_name) :
	    "กรรมการและเลขานุการ";
	const char *unit = *s->group_director_name ? fmt_printf(c, "%s\n(%s)", fmt_group_director_position(c),
	    s->group_director_name) : fmt_group_director_position(c);
	DocBlock *h = doc_heading(c->doc, 1, NULL, fmt_printf(c, "ระเบียบวาระการประชุมคณะกรรมการ ก.ต.ป.น. ครั้งที่ %s",
	    meeting_no(c, meeting)));
	h->u.heading.in_toc = 0;
	DocBlock *l = doc_labels(c->doc);
	doc_label(c->doc, l, "วันที่", fmt_date_full(c, meeting->date));
	if (meeting->start_min >= 0)
		doc_label(c->doc, l, "เวลา", fmt_clock(c, meeting->start_min, meeting->end_min));
	if (*meeting->venue)
		doc_label(c->doc, l, "สถานที่", meeting->venue);
	DocBlock *tb = compose_table(c, 0, "วาระที่:16:c|เรื่อง:0:l|ผู้เสนอ:60:l");
	compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, 1), "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", chair);
	compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, 2), previous ?
	    fmt_printf(c, "รับรองรายงานการประชุมครั้งที่ %s", meeting_no(c, previous)) :
	    "รับรองรายงานการประชุมครั้งที่แล้ว", secretary);
	compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, 3), "เรื่องสืบเนื่อง: การดำเนินการตามมติการประชุมครั้งก่อน",
	    secretary);
	compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, 4), "เรื่องเสนอเพื่อทราบ: ผลการนิเทศ ติดตาม และการใช้งบประมาณ",
	    unit);
	compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, 5), "เรื่องเสนอเพื่อพิจารณา: เป้าหมายที่มีความเสี่ยง "
	    "โรงเรียนที่ยังไม่ได้รับการนิเทศ และการถัวจ่ายงบประมาณ", unit);
	compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, 6), "เรื่องอื่น ๆ", "ที่ประชุม");
}

Doc *
committee_compose(Arena *a, const ReportInput *in)
{
	const Model *m = in->model;
	const Results *r = in->results;
	const Results *prev = in->before;
	const Meeting *meeting = in->meeting;
	const Meeting *previous = in->previous;
	const Settings *s = in->settings;
	Doc *d = doc_new(a);
	compose_page_words(d);
	Compose c = compose_start(d, in);
	c.meeting_day = meeting->date;
	const char *no = meeting_no(&c, meeting);
	const char *title = fmt_printf(&c, "เอกสารประกอบการประชุมคณะกรรมการ ก.ต.ป.น. ครั้งที่ %s", no);
	doc_set(d, &d->title, title);
	doc_set(d, &d->author, s->office_name);
	doc_set(d, &d->subject, "เอกสารประกอบการประชุม ก.ต.ป.น.");
	doc_set(d, &d->keywords, "ก.ต.ป.น., นิเทศ, วาระการประชุม");
	doc_set(d, &d->creator, "nithet " NITHET_VERSION);
	doc_set(d, &d->header_text, fmt_printf(&c, "การประชุม ก.ต.ป.น. ครั้งที่ %s", no));
	doc_set(d, &d->footer_text, s->office_name);

	DocBlock *cv = doc_cover(d);
	cv->u.cover.emblem = compose_image(&c, &m->emblem);
	int emblem = cv->u.cover.emblem != NULL;
	doc_cover_line(d, cv, "เอกสารประกอบการประชุม", 24, 1, emblem ? 12 : 40);
	doc_cover_line(d, cv, "คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา (ก.ต.ป.น.)", 20, 1, 10);
	doc_cover_line(d, cv, fmt_printf(&c, "ครั้งที่ %s", no), 20, 1, 10);
	doc_cover_line(d, cv, fmt_date_full(&c, meeting->date), 18, 0, 20);
	if (meeting->start_min >= 0)
		doc_cover_line(d, cv, fmt_printf(&c, "เวลา %s", fmt_clock(&c, meeting->start_min, meeting->end_min)),
		    18, 0, 4);
	if (*meeting->venue)
		doc_cover_line(d, cv, fmt_printf(&c, "ณ %s", meeting->venue), 18, 0, 4);
	if (*meeting->title)
		doc_cover_line(d, cv, meeting->title, 16, 0, 8);
	doc_cover_line(d, cv, s->office_name, 18, 1, emblem ? 50 : 70);
	doc_cover_line(d, cv, fmt_printf(&c, "ข้อมูล ณ วันที่ %s", fmt_date(&c, r->as_of)), 16, 0, 8);

	doc_pagebreak(d, -1);
	agenda_page(&c, meeting, previous);
	doc_pagebreak(d, -1);
	agenda(&c, 1, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ");
	blank_lines(&c, 3);
	agenda(&c, 2, previous ? fmt_printf(&c, "รับรองรายงานการประชุมครั้งที่ %s", meeting_no(&c, previous))
	    : "รับรองรายงานการประชุมครั้งที่แล้ว");
	if (previous)
		doc_para(d, fmt_printf(&c, "%s เมื่อวันที่ %s", *previous->minutes_ref ? previous->minutes_ref :
		    "รายงานการประชุม", fmt_date(&c, previous->date)));
	else
		doc_para(d, "เป็นการประชุมครั้งแรกของปีงบประมาณ ไม่มีรายงานการประชุมที่ต้องรับรอง");
	doc_para(d, "มติที่ประชุม ....................................................................................");
	agenda(&c, 3, "เรื่องสืบเนื่อง");
	follow_up(&c, meeting, previous);
	agenda(&c, 4, "เรื่องเสนอเพื่อทราบ: ผลการนิเทศ ติดตาม และการใช้งบประมาณ");
	progress(&c, prev, previous ? fmt_printf(&c, "ตั้งแต่ %s", fmt_date_short(&c, cal_add_days(previous->date, 1)))
	    : NULL, previous ? meeting_no(&c, previous) : NULL);
	pending_targets(&c);
	if (r->schools_not_visited.n == 0)
		doc_para(d, "ทุกโรงเรียนได้รับการนิเทศแล้ว");
	doc_para(d, "มติที่ประชุม รับทราบ ....................................................................");
	agenda(&c, 5, "เรื่องเสนอเพื่อพิจารณา");
	exceptions(&c);
	agenda(&c, 6, "เรื่องอื่น ๆ");
	blank_lines(&c, 3);
	return d;
}
