/* school.c - รายงานผลการนิเทศรายโรงเรียน: what the office did
 * with one school this year, for its principal, on two or three pages. */
#include "report/school.h"

#include <string.h>

#include "core/numfmt.h"
#include "report/compose.h"

/* The label column of the label/value blocks: wide enough for
 * "นักเรียน / ครู / ผู้บริหาร" on one line. */
enum { LABEL_MM = 46 };

static int
in_year(const Results *r, CalDate d)
{
	return cal_compare(d, r->fy_first) >= 0 && cal_compare(d, r->as_of) <= 0;
}

static const char *
supervisors(Compose *c, const Visit *v)
{
	/* The first name and how many more: a row a line keeps the school's
	 * report to two pages (the annual report lists supervisors in full). */
	if (v->nsupervisors == 0)
		return "-";
	if (v->nsupervisors == 1)
		return v->supervisors[0]->name;
	return fmt_printf(c, "%s และอีก %s คน", v->supervisors[0]->name, fmt_int(c, v->nsupervisors - 1));
}

static void
facts(Compose *c, const School *s)
{
	const Network *n = *s->network_code ? model_network(c->m, s->network_code) : NULL;
	DocBlock *l = doc_labels(c->doc);
	l->u.labels.label_mm = LABEL_MM;
	doc_label(c->doc, l, "รหัสโรงเรียน", fmt_text(c, s->code));
	if (*s->subdistrict)
		doc_label(c->doc, l, "ตำบล / อำเภอ", fmt_printf(c, "%s / %s", s->subdistrict, s->district));
	else
		doc_label(c->doc, l, "อำเภอ", s->district);
	doc_label(c->doc, l, fmt_network_word(c), n ? n->name : *s->network_code ? s->network_code : "-");
	if (compose_has_colours(c))
		doc_label(c->doc, l, "กลุ่มสี / ขนาด", fmt_printf(c, "%s / %s", *s->color_group ? s->color_group : "-",
		    *s->size ? s->size : "-"));
	else
		doc_label(c->doc, l, "ขนาด", *s->size ? s->size : "-");
	doc_label(c->doc, l, "นักเรียน / ครู / ผู้บริหาร", fmt_printf(c, "%s / %s / %s คน", fmt_int(c, s->students),
	    fmt_int(c, s->teachers), fmt_int(c, s->admins)));
	if (*s->principal)
		doc_label(c->doc, l, "ผู้บริหาร", s->principal);
}

/* Visits summed per activity (and topic), then the latest distinct
 * suggestions: a principal reads the year at a glance, not 25 rows. */
static void
visits(Compose *c, const School *s)
{
	const Model *m = c->m;
	const Results *r = c->r;
	enum { MAXROWS = 64 };
	struct { int activity; const char *topic; long n; CalDate last; const Visit *latest; } rows[MAXROWS];
	size_t nrows = 0, total = 0, nv;
	const Visit *const *vs = (const Visit *const *)model_rows(&m->visits_by_school, m, s, &nv);
	for (size_t i = 0; i < nv; i++) {
		const Visit *v = vs[i];
		if (v->status == STATUS_DRAFT || !in_year(r, v->date))
			continue;
		total++;
		size_t k = 0;
		while (k < nrows && !(rows[k].activity == v->activity && !strcmp(rows[k].topic, v->topic)))
			k++;
		if (k == nrows) {
			if (nrows == MAXROWS)
				continue; /* 64 activity/topic pairs: more than any plan has */
			rows[nrows].activity = v->activity;
			rows[nrows].topic = v->topic;
			rows[nrows].n = 0;
			rows[nrows].last = v->date;
			rows[nrows].latest = v;
			nrows++;
		}
		rows[k].n++;
		if (cal_compare(v->date, rows[k].last) >= 0) {
			rows[k].last = v->date;
			rows[k].latest = v;
		}
	}
	/* Records awaiting approval are not counted, and the school is told so:
	 * "not visited" would be untrue when a supervisor did come. */
	size_t ndraft = 0;
	const char *draft_dates = "";
	for (size_t i = 0; i < nv; i++)
		if (vs[i]->status == STATUS_DRAFT && in_year(r, vs[i]->date))
			draft_dates = fmt_printf(c, "%s%s%s", draft_dates, ndraft++ ? ", " : "",
			    fmt_date_short(c, vs[i]->date));
	doc_heading(c->doc, 2, "1", fmt_printf(c, "การนิเทศที่ได้รับ (%s ครั้ง)", fmt_int(c, (long long)total)));
	if (ndraft > 0)
		doc_para(c->doc, fmt_printf(c, "มีบันทึกการนิเทศอีก %s ครั้ง (%s) ที่รออนุมัติ เมื่ออนุมัติแล้วจะนับรวมในรายงานที่จัดทำใหม่",
		    fmt_int(c, (long long)ndraft), draft_dates));
	if (total == 0) {
		doc_para(c->doc, ndraft ? "ยังไม่มีบันทึกการนิเทศที่อนุมัติแล้วในปีงบประมาณนี้" :
		    "ยังไม่ได้รับการนิเทศในปีงบประมาณนี้");
		return;
	}
	DocBlock *tb = compose_table(c, 13, "กิจกรรม:0:l|ครั้ง:14:r|วันที่ล่าสุด:22:c|ผู้นิเทศครั้งล่าสุด:44:l");
	/* In the plan's order of activities, then topics. */
	for (size_t a = 0; a < m->plan->nactivities; a++) {
		const PlanActivity *pa = &m->plan->activities[a];
		/* Pass t = ntopics takes the rows without a topic of the plan. */
		for (size_t t = 0; t <= pa->ntopics; t++) {
			for (size_t k = 0; k < nrows; k++) {
				if (rows[k].activity != pa->no)
					continue;
				int known = 0;
				for (size_t u = 0; u < pa->ntopics; u++)
					known |= !strcmp(pa->topics[u].code, rows[k].topic);
				if (t < pa->ntopics ? strcmp(pa->topics[t].code, rows[k].topic) != 0 : known)
					continue;
				const char *name = t < pa->ntopics ?
				    fmt_printf(c, "%s. %s", fmt_text(c, pa->topics[t].code), pa->topics[t].name) :
				    fmt_printf(c, "%s. %s", fmt_int(c, pa->no), pa->name);
				compose_row(c, tb, DOC_ROW_BODY, 4, name, fmt_int(c, rows[k].n),
				    fmt_date_short(c, rows[k].last), supervisors(c, rows[k].latest));
			}
		}
	}
	/* The five latest distinct suggestions, newest first. */
	const Visit *picked[5];
	size_t npicked = 0;
	while (npicked < 5) {
		const Visit *best = NULL;
		for (size_t i = 0; i < nv; i++) {
			const Visit *v = vs[i];
			if (v->status == STATUS_DRAFT || !in_year(r, v->date) || !*v->suggestions ||
			    compose_no_answer(c, v->suggestions))
				continue;
			int seen = 0;
			for (size_t k = 0; k < npicked; k++)
				seen |= !strcmp(picked[k]->suggestions, v->suggestions);
			if (!seen && (best == NULL || cal_compare(v->date, best->date) > 0))
				best = v;
		}
		if (best == NULL)
			break;
		picked[npicked++] = best;
	}
	/* Up to five suggestions, each with the date of its visit: the title
	 * says how many and what the dates are (not "the latest visit"). */
	if (npicked > 0) {
		doc_para(c->doc, fmt_printf(c, "ข้อเสนอแนะจากการนิเทศ %s รายการล่าสุด (วันที่นิเทศ: ข้อเสนอแนะ)",
		    fmt_int(c, (long long)npicked)))->u.para.keep_with_next = 1;
		DocBlock *l = doc_list(c->doc, 0);
		for (size_t k = 0; k < npicked; k++)
			doc_list_item(c->doc, l, fmt_printf(c, "%s: %s", fmt_date_short(c, picked[k]->date),
			    picked[k]->suggestions));
	}
}

/* "ระดับ 3 (ดี)": a level with its name, as a school reads its result. */
static const char *
level_text(Compose *c, int level)
{
	return level >= 1 && level <= 5 ? fmt_printf(c, "ระดับ %s (%s)", fmt_int(c, level),
	    c->s->rubric_bands[level - 1].label) : "-";
}

/* The criteria's names, for the note under the rounds: the plan's form,
 * else PIDRE's five, else "ด้านที่ n". */
static const char *
criteria_note(Compose *c, int n)
{
	const PlanEvaluationForm *form = &c->m->plan->evaluation_form;
	const char *out = "";
	for (int i = 0; i < n; i++) {
		const char *name = form->name != NULL && (size_t)i < form->criteria.n ? form->criteria.items[i] :
		    !form->name && n == 5 ? fmt_printf(c, "%s %s", compose_pidre[i].letter, compose_pidre[i].name) :
		    fmt_printf(c, "ด้านที่ %s", fmt_int(c, i + 1));
		out = fmt_printf(c, "%s%s%s", out, i ? ", " : "", name);
	}
	return out;
}

/* Every round of the year side by side, so a school sees whether it
 * improved: the scores (1-5) per criterion, the percentage and the level,
 * then the change from the first round to the latest in words. */
static void
evaluation(Compose *c, const School *s)
{
	const Model *m = c->m;
	const Results *r = c->r;
	doc_heading(c->doc, 2, "2", "ผลการประเมินการนิเทศภายใน");
	if (!compose_reports_evaluations(c)) {
		doc_para(c->doc, "โครงการนี้ไม่ได้กำหนดการประเมินการนิเทศภายในของโรงเรียน");
		return;
	}
	size_t ne;
	const Evaluation *const *es = (const Evaluation *const *)model_rows(&m->evaluations_by_school, m, s, &ne);
	const Evaluation *rounds[16];
	size_t n = 0;
	for (size_t i = 0; i < ne && n < 16; i++)
		if (es[i]->in_fy && cal_compare(es[i]->date, r->as_of) <= 0)
			rounds[n++] = es[i];
	if (n == 0) {
		doc_para(c->doc, s->active ? "ยังไม่ได้รับการประเมินในปีงบประมาณนี้ (นับว่ายังไม่ผ่านเกณฑ์การประเมินการนิเทศภายใน)" :
		    "ไม่ได้รับการประเมินในปีงบประมาณนี้");
		return;
	}
	/* In date order (the file's order may be any). */
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && cal_compare(rounds[k]->date, rounds[k - 1]->date) < 0; k--) {
			const Evaluation *t = rounds[k];
			rounds[k] = rounds[k - 1];
			rounds[k - 1] = t;
		}
	int ncrit = 0;
	for (size_t i = 0; i < n; i++)
		if (rounds[i]->nscores > ncrit)
			ncrit = rounds[i]->nscores;
	int pass = r->eval.pass_level;
	DocBlock *tb = compose_table(c, 13, ncrit ? "ครั้งที่:14:c|วันที่ประเมิน:24:c|คะแนนรายด้าน (1–5):0:c|"
	    "ร้อยละ:18:r|ระดับคุณภาพ:30:c" : "ครั้งที่:14:c|วันที่ประเมิน:24:c|ร้อยละ:18:r|ระดับคุณภาพ:30:c");
	int first_level = 0, last_level = 0;
	for (size_t i = 0; i < n; i++) {
		const Evaluation *e = rounds[i];
		double pct;
		int level = measure_eval_level(c->s, e, &pct);
		if (i == 0)
			first_level = level;
		last_level = level;
		const char *scores = "";
		for (int k = 0; k < e->nscores; k++)
			scores = fmt_printf(c, "%s%s%s", scores, k ? "  " : "", e->scores[k] ? fmt_int(c, e->scores[k]) : "-");
		const char *round = fmt_int(c, e->round ? e->round : (long long)i + 1);
		if (ncrit)
			compose_row(c, tb, DOC_ROW_BODY, 5, round, fmt_date_short(c, e->date), scores,
			    pct >= 0 ? fmt_double(c, pct, 2) : "-", level_text(c, level));
		else
			compose_row(c, tb, DOC_ROW_BODY, 4, round, fmt_date_short(c, e->date),
			    pct >= 0 ? fmt_double(c, pct, 2) : "-", level_text(c, level));
	}
	const char *change = "";
	if (n > 1 && first_level >= 1 && last_level >= 1)
		change = last_level > first_level ? fmt_printf(c, " ระดับคุณภาพดีขึ้นจาก %s เป็น %s", level_text(c, first_level),
		    level_text(c, last_level)) : last_level < first_level ?
		    fmt_printf(c, " ระดับคุณภาพลดลงจาก %s เป็น %s", level_text(c, first_level), level_text(c, last_level)) :
		    fmt_printf(c, " ระดับคุณภาพคงที่ที่ %s", level_text(c, last_level));
	doc_para(c->doc, fmt_printf(c, "ผลล่าสุด %s%sเกณฑ์ %s ขึ้นไป%s%s", level_text(c, last_level),
	    last_level >= pass ? " ผ่าน" : " ยังไม่ผ่าน", level_text(c, pass), *change ? " และ" : "", *change ? change + 1 : ""));
	if (ncrit)
		doc_para(c->doc, fmt_printf(c, "คะแนนรายด้านเรียงตาม%s: %s", c->m->plan->evaluation_form.name ?
		    c->m->plan->evaluation_form.name : "ขั้นตอน", criteria_note(c, ncrit)))->u.para.size = 13;
}

/* The school's mean, whether it is satisfied and its item means: all
 * measure's (one rule for the satisfied mean in every report). */
static void
satisfaction(Compose *c, const School *s)
{
	const Survey *sv = &c->m->survey;
	const SurveyResults *sr = &c->r->survey;
	size_t si = (size_t)(s - c->m->schools);
	doc_heading(c->doc, 2, "3", "ความพึงพอใจต่อการนิเทศ");
	if (sr->school_respondents[si] == 0) {
		doc_para(c->doc, "ไม่มีผู้ตอบแบบสำรวจจากโรงเรียนนี้");
		return;
	}
	double mean = sr->school_mean[si];
	const char *band = measure_likert_band(c->s, mean);
	doc_para(c->doc, fmt_printf(c, "ผู้ตอบ %s คน ค่าเฉลี่ย %s (คะแนน 1–5) ระดับ%s (%sเกณฑ์พึงพอใจ คือค่าเฉลี่ย %s ขึ้นไป)",
	    fmt_int(c, sr->school_respondents[si]), fmt_double(c, mean, 2), band ? band : "-",
	    sr->school_satisfied[si] ? "ถึง" : "ยังไม่ถึง", fmt_double(c, sr->satisfied_mean, 2)));
	/* Item means of a handful of respondents could tell who answered what. */
	if (sr->school_respondents[si] < c->s->min_item_respondents) {
		doc_para(c->doc, fmt_printf(c, "ไม่แสดงค่าเฉลี่ยรายข้อ เนื่องจากผู้ตอบน้อยกว่า %s คน",
		    fmt_int(c, c->s->min_item_respondents)));
		return;
	}
	double item[SURVEY_MAX_ITEMS];
	long n[SURVEY_MAX_ITEMS];
	measure_school_items(c->m, c->r, s, item, n);
	DocBlock *tb = compose_table(c, 13, "รายการประเมิน:0:l|ค่าเฉลี่ย:22:r|ระดับ:30:c");
	for (size_t k = 0; k < sv->nitems; k++) {
		const char *b = n[k] ? measure_likert_band(c->s, item[k]) : NULL;
		compose_row(c, tb, DOC_ROW_BODY, 3, sv->items[k], n[k] ? fmt_double(c, item[k], 2) : "-", b ? b : "-");
	}
}

static void
practices(Compose *c, const School *s)
{
	const Model *m = c->m;
	doc_heading(c->doc, 2, "4", "นวัตกรรมและวิธีปฏิบัติที่เป็นเลิศ");
	DocBlock *l = NULL;
	size_t np;
	const Practice *const *ps = (const Practice *const *)model_rows(&m->practices_by_school, m, s, &np);
	for (size_t i = 0; i < np; i++) {
		const Practice *p = ps[i];
		if (l == NULL)
			l = doc_list(c->doc, 0);
		const char *when = p->published.year ? fmt_date_short(c, p->published) : "ยังไม่เผยแพร่";
		doc_list_item(c->doc, l, fmt_printf(c, "%s (%s) %s %s%s", p->title, p->kind,
		    *p->channel ? p->channel : "", when, *p->level ? fmt_printf(c, " ระดับ%s", p->level) : ""));
	}
	if (l == NULL)
		doc_para(c->doc, "ไม่มีข้อมูล");
}

/* "กิจกรรมที่ 4 (ประเด็น 4.1)" or "กิจกรรมที่ 4 หรือ 7": the activities a
 * metric counts. */
static const char *
activities_text(Compose *c, const Metric *p)
{
	size_t max = METRIC_MAX_ACTIVITIES;
	if (p->activities[0] == 0)
		return p->kind ? fmt_printf(c, "กิจกรรม%s", p->kind->title) : "กิจกรรมใดก็ได้ของโครงการ";
	const char *s = fmt_printf(c, "กิจกรรมที่ %s", fmt_int(c, p->activities[0]));
	for (size_t i = 1; i < max && p->activities[i]; i++)
		s = fmt_printf(c, "%s%s%s", s, i + 1 < max && p->activities[i + 1] ? ", " : " หรือ ",
		    fmt_int(c, p->activities[i]));
	if (p->topic && *p->topic)
		s = fmt_printf(c, "%s (ประเด็น %s)", s, fmt_text(c, p->topic));
	return s;
}

/* Where one school stands in one target of the project. */
typedef enum Standing {
	STAND_COUNTED,             /* counts toward the target */
	STAND_PARTLY,              /* some of its staff count */
	STAND_NOT_YET,             /* does not count, for a reason given */
	STAND_NOT_IN_GROUP,        /* the target is about other schools */
	STAND_NONE                 /* the target is not about schools */
} Standing;

static const char *
standing_word(Standing st)
{
	switch (st) {
	case STAND_COUNTED: return "นับเป็นผลสำเร็จแล้ว";
	case STAND_PARTLY: return "นับแล้วบางส่วน";
	case STAND_NOT_YET: return "ยังไม่ครบเกณฑ์";
	case STAND_NOT_IN_GROUP: return "ไม่อยู่ในกลุ่มเป้าหมาย";
	case STAND_NONE: break;
	}
	return "";
}

/* " มีบันทึกการนิเทศวันที่ ... รออนุมัติ" when s has visits of p's
 * activities still awaiting approval in the year; "" otherwise. */
static const char *
draft_note(Compose *c, const School *s, const Metric *p)
{
	size_t nv;
	const Visit *const *vs = (const Visit *const *)model_rows(&c->m->visits_by_school, c->m, s, &nv);
	const char *dates = "";
	for (size_t i = 0; i < nv; i++) {
		const Visit *v = vs[i];
		if (v->status != STATUS_DRAFT || !in_year(c->r, v->date))
			continue;
		int of = p->activities[0] == 0;
		for (size_t k = 0; p->activities[k] && !of; k++)
			of = p->activities[k] == v->activity;
		if (of)
			dates = fmt_printf(c, "%s%s%s", dates, *dates ? ", " : "", fmt_date_short(c, v->date));
	}
	return *dates ? fmt_printf(c, " มีบันทึกการนิเทศวันที่ %s รออนุมัติ", dates) : "";
}

/* The standing of s in target t and why, from measure's facts about the
 * school in that target. STAND_NONE for targets that count events, periods
 * or respondents, not schools. */
static Standing
school_standing(Compose *c, const School *s, const TargetResult *t, const char **why)
{
	const Metric *p = &t->target->metric;
	*why = "";
	if (t->school == NULL)
		return STAND_NONE;
	const SchoolFact *f = &t->school[s - c->m->schools];
	if (!f->in_group) {
		*why = fmt_printf(c, "เป้าหมายนี้สำหรับ%s แต่โรงเรียนนี้%s", fmt_population(c, p),
		    fmt_outside(c, s, (Outside)f->outside));
		return STAND_NOT_IN_GROUP;
	}
	const char *acts = activities_text(c, p);
	switch (p->members) {
	case MEMBERS_PEOPLE:
	case MEMBERS_TEACHERS: {
		const char *who = p->members == MEMBERS_TEACHERS ? "ครู" : "ผู้บริหารและครู";
		if (!f->counts) {
			*why = fmt_printf(c, "%sยังไม่ได้เข้าร่วม%s", who, acts);
			return STAND_NOT_YET;
		}
		*why = f->people >= f->of_people ? fmt_printf(c, "%sเข้าร่วม%s ครบ %s คน", who, acts,
		    fmt_int(c, f->of_people)) : fmt_printf(c, "%sเข้าร่วม%s แล้ว %s จาก %s คน", who, acts,
		    fmt_int(c, f->people), fmt_int(c, f->of_people));
		return f->people < f->of_people ? STAND_PARTLY : STAND_COUNTED;
	}
	case MEMBERS_NETWORKS: {
		const Network *n = *s->network_code ? model_network(c->m, s->network_code) : NULL;
		const char *net = n ? n->name : *s->network_code ? s->network_code : NULL;
		if (!f->counts && net && f->network_rows > 0)
			/* Its network was supervised, not yet as often as required. */
			*why = fmt_printf(c, "%s ได้รับการนิเทศตาม%s แล้ว %s ครั้ง ยังไม่ครบเกณฑ์อย่างน้อย %s ครั้ง%s", net, acts,
			    fmt_int(c, f->network_rows), fmt_int(c, p->at_least), p->every != PERIOD_NONE ?
			    fmt_printf(c, "ทุก%s", fmt_period_noun(c, p)) : "");
		else if (!f->counts)
			*why = net ? fmt_printf(c, "ทั้งโรงเรียนและ%s ยังไม่ได้รับการนิเทศตาม%s", net, acts) :
			    fmt_printf(c, "ยังไม่ได้รับการนิเทศตาม%s และไม่ได้ระบุ%sของโรงเรียน", acts,
			    fmt_network_word(c));
		else
			*why = fmt_printf(c, "โรงเรียน%s ได้รับการนิเทศตาม%s แล้ว", net ? fmt_printf(c, "หรือ%s", net) : "",
			    acts);
		return f->counts ? STAND_COUNTED : STAND_NOT_YET;
	}
	case MEMBERS_SCHOOLS:
		break;
	default:
		return STAND_NONE;
	}
	switch (p->source) {
	case SOURCE_EVALUATIONS:
		if (!f->measured)
			*why = "ยังไม่ได้รับการประเมินการนิเทศภายใน";
		else
			*why = fmt_printf(c, "ผลการประเมิน %s %sเกณฑ์ %s ขึ้นไป", level_text(c, (int)f->value),
			    f->counts ? "ผ่าน" : "ต่ำกว่า", level_text(c, t->min_level));
		break;
	case SOURCE_RESPONSES:
		if (!f->measured)
			*why = "ยังไม่มีผู้ตอบแบบสำรวจจากโรงเรียนนี้";
		else
			*why = fmt_printf(c, "ค่าเฉลี่ยความพึงพอใจ %s %sเกณฑ์ %s", fmt_double(c, f->value, 2),
			    f->counts ? "ถึง" : "ต่ำกว่า", fmt_double(c, t->min_mean, 2));
		break;
	case SOURCE_SCORES: {
		int year = measure_score_year(p, c->r->fiscal_year);
		*why = !f->measured ? fmt_printf(c, "ไม่มีคะแนน %s ครบทั้งปีการศึกษา %s และ %s", p->test,
		    fmt_year(c, year - 1), fmt_year(c, year)) :
		    fmt_printf(c, "ค่าเฉลี่ย %s ปีการศึกษา %s เท่ากับ %s %s ปีการศึกษา %s (%s)", p->test,
		    fmt_year(c, year), fmt_double(c, f->value, 2), f->counts ? "สูงกว่า" : "ไม่สูงกว่า",
		    fmt_year(c, year - 1), fmt_double(c, f->base, 2));
		break;
	}
	case SOURCE_PRACTICES:
		*why = f->counts ? "มีนวัตกรรมหรือวิธีปฏิบัติที่เป็นเลิศเผยแพร่แล้ว" :
		    "ยังไม่มีนวัตกรรมหรือวิธีปฏิบัติที่เป็นเลิศที่เผยแพร่ในปีงบประมาณนี้";
		break;
	case SOURCE_ATTENDANCE:
		*why = f->counts ? fmt_printf(c, "เข้าร่วม%s แล้ว", acts) : fmt_printf(c, "ยังไม่ได้เข้าร่วม%s", acts);
		break;
	default:
		if (p->at_least > 1 || p->every != PERIOD_NONE)
			*why = fmt_printf(c, "ได้รับการนิเทศตาม%s %s ครั้ง%s %s ครั้ง%s%s", acts, fmt_int(c, f->rows),
			    f->counts ? " ถึงเกณฑ์" : " ยังไม่ถึงเกณฑ์", fmt_int(c, p->at_least),
			    p->every != PERIOD_NONE ? fmt_printf(c, "ทุก%s", fmt_period_noun(c, p)) : "",
			    /* Which share of the periods, so the reader sees what is short. */
			    !f->counts && f->periods_due > 0 ? fmt_printf(c, " (ครบ %s จาก %s %s)",
			    fmt_int(c, f->periods_met), fmt_int(c, f->periods_due), fmt_period_noun(c, p)) : "");
		else
			*why = f->counts ? fmt_printf(c, "ได้รับการนิเทศตาม%s แล้ว %s ครั้ง", acts, fmt_int(c, f->rows)) :
			    fmt_printf(c, "ยังไม่ได้รับการนิเทศตาม%s", acts);
		if (!f->counts && p->source == SOURCE_VISITS)
			*why = fmt_printf(c, "%s%s", *why, draft_note(c, s, p));
		break;
	}
	return f->counts ? STAND_COUNTED : STAND_NOT_YET;
}

/* Section 5: the targets are about all the schools ("117 โรงเรียน"); for one
 * school the question is whether it counts toward each, and if not, why. */
static void
standing(Compose *c, const School *s)
{
	const Results *r = c->r;
	doc_heading(c->doc, 2, "5", "สถานะของโรงเรียนในเป้าหมายของโครงการ");
	if (!s->active) {
		doc_para(c->doc, "โรงเรียนนี้ยุบหรือควบรวมแล้วตามทะเบียนโรงเรียน จึงไม่นับในเป้าหมายของโครงการ");
		return;
	}
	/* A table at the tables' size: a school's report stays on two pages. */
	DocBlock *tb = NULL;
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		const char *why;
		Standing st = school_standing(c, s, t, &why);
		if (st == STAND_NONE)
			continue;
		if (tb == NULL)
			tb = compose_table(c, 13, "ข้อ:12:c|เป้าหมาย (ผลคิดจากโรงเรียนทั้งหมด):0:l|"
			    "โรงเรียนนี้นับเป็นผลสำเร็จหรือไม่:62:l");
		DocRow *row = compose_row(c, tb, DOC_ROW_BODY, 2, fmt_text(c, t->target->id), t->target->text);
		/* The standing in bold, the reason after it. */
		DocCell *cell = doc_row_cell(c->doc, row, "");
		doc_text_add(c->doc, &cell->text, standing_word(st), 1);
		doc_text_add(c->doc, &cell->text, fmt_printf(c, " (%s)", why), 0);
	}
	if (tb == NULL)
		doc_para(c->doc, "ไม่มีเป้าหมายที่นับผลเป็นรายโรงเรียน");
}

Doc *
school_compose(Arena *a, const ReportInput *in)
{
	const Results *r = in->results;
	const School *s = in->school;
	const Settings *set = in->settings;
	Doc *d = doc_new(a);
	compose_page_words(d);
	Compose c = compose_start(d, in);
	d->max_pages = 2;   /* a school's report is one sheet, printed on both sides */
	doc_set(d, &d->title, fmt_printf(&c, "รายงานผลการนิเทศ โรงเรียน%s ปีงบประมาณ %d", s->name, r->fiscal_year));
	doc_set(d, &d->author, set->office_name);
	doc_set(d, &d->subject, "รายงานผลการนิเทศรายโรงเรียน");
	doc_set(d, &d->keywords, fmt_printf(&c, "นิเทศ, %s, %s", s->code, s->name));
	doc_set(d, &d->creator, "nithet " NITHET_VERSION);
	doc_set(d, &d->header_text, fmt_printf(&c, "%s ปีงบประมาณ %s", set->office_name, fmt_year(&c, r->fiscal_year)));
	doc_set(d, &d->footer_text, fmt_printf(&c, "โรงเรียน%s", s->name));
	DocBlock *h = doc_heading(d, 1, NULL, fmt_printf(&c, "รายงานผลการนิเทศ โรงเรียน%s", s->name));
	h->u.heading.in_toc = 1;
	doc_para(d, fmt_printf(&c, "ปีงบประมาณ %s ข้อมูลถึงวันที่ %s", fmt_year(&c, r->fiscal_year),
	    fmt_date(&c, r->as_of)));
	if (!s->active)
		doc_para(d, "หมายเหตุ: โรงเรียนนี้ยุบหรือควบรวมแล้ว ไม่นับในตัวหารและเป้าหมายของโครงการ "
		    "รายงานนี้แสดงเฉพาะข้อมูลที่บันทึกไว้");
	facts(&c, s);
	visits(&c, s);
	evaluation(&c, s);
	satisfaction(&c, s);
	practices(&c, s);
	standing(&c, s);
	return d;
}
