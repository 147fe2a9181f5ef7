/* school.c - รายงานผลการนิเทศรายโรงเรียน (DOMAIN 6.3): what the office did
 * with one school this year, for its principal, on one or two pages. */
#include "report/school.h"

#include <string.h>

#include "core/numfmt.h"
#include "report/compose.h"

static int
in_year(const Results *r, CalDate d)
{
	return cal_compare(d, r->fy_first) >= 0 && cal_compare(d, r->as_of) <= 0;
}

static const char *
supervisors(Compose *c, const Visit *v)
{
	/* One name a line: names are not in the word list, so a name split
	 * across lines would be cut at a guess. */
	const char *s = "";
	for (int i = 0; i < v->nsupervisors; i++)
		s = fmt_printf(c, "%s%s%s", s, i ? "\n" : "", v->supervisors[i]->name);
	return *s ? s : "-";
}

static void
facts(Compose *c, const School *s)
{
	const Network *n = *s->network_code ? model_network(c->m, s->network_code) : NULL;
	DocBlock *l = doc_labels(c->doc);
	l->u.labels.label_mm = 38;
	doc_label(c->doc, l, "รหัสโรงเรียน", fmt_text(c, s->code));
	doc_label(c->doc, l, "อำเภอ", *s->subdistrict ? fmt_printf(c, "ตำบล%s อำเภอ%s", s->subdistrict, s->district) :
	    s->district);
	doc_label(c->doc, l, "เครือข่าย", n ? n->name : *s->network_code ? s->network_code : "-");
	doc_label(c->doc, l, "กลุ่มสี / ขนาด", fmt_printf(c, "%s / %s", *s->color_group ? s->color_group : "-",
	    *s->size ? s->size : "-"));
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
	doc_heading(c->doc, 2, "1", fmt_printf(c, "การนิเทศที่ได้รับ (%s ครั้ง)", fmt_int(c, (long long)total)));
	if (total == 0) {
		doc_para(c->doc, "ยังไม่ได้รับการนิเทศในปีงบประมาณนี้");
		return;
	}
	DocBlock *tb = compose_table(c, 14, "กิจกรรม:0:l|ครั้ง:14:r|ล่าสุด:22:c|ผู้นิเทศครั้งล่าสุด:44:l");
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
	if (npicked > 0) {
		doc_para(c->doc, "ข้อเสนอแนะจากการนิเทศครั้งหลังสุด");
		DocBlock *l = doc_list(c->doc, 0);
		for (size_t k = 0; k < npicked; k++)
			doc_list_item(c->doc, l, fmt_printf(c, "%s: %s", fmt_date_short(c, picked[k]->date),
			    picked[k]->suggestions));
	}
}

static void
evaluation(Compose *c, const School *s)
{
	const Results *r = c->r;
	size_t k = (size_t)(s - c->m->schools);
	const Evaluation *e = r->eval.latest[k];
	doc_heading(c->doc, 2, "2", "ผลการประเมินการนิเทศภายใน");
	if (e == NULL) {
		doc_para(c->doc, s->active ? "ยังไม่ได้รับการประเมินในปีงบประมาณนี้ (นับว่ายังไม่ผ่านเกณฑ์ในเป้าหมาย 3.2.1)" :
		    "ไม่ได้รับการประเมินในปีงบประมาณนี้");
		return;
	}
	double pct;
	int level = measure_eval_level(c->s, e, &pct);
	const char *scores = "";
	for (int i = 0; i < e->nscores; i++)
		scores = fmt_printf(c, "%s%s%s", scores, i ? " " : "", e->scores[i] ? fmt_int(c, e->scores[i]) : "-");
	DocBlock *l = doc_labels(c->doc);
	l->u.labels.label_mm = 38;
	doc_label(c->doc, l, "ครั้งที่ / วันที่", fmt_printf(c, "%s / %s", fmt_int(c, e->round), fmt_date(c, e->date)));
	if (*scores)
		doc_label(c->doc, l, "คะแนนรายด้าน (PIDRE)", scores);
	if (pct >= 0)
		doc_label(c->doc, l, "ร้อยละของคะแนน", fmt_double(c, pct, 2));
	doc_label(c->doc, l, "ระดับคุณภาพ", fmt_printf(c, "%s %s (%s)", fmt_int(c, level),
	    c->s->rubric_bands[level - 1].label, level >= c->s->pass_level ? "ผ่านเกณฑ์" : "ยังไม่ผ่านเกณฑ์"));
}

static void
satisfaction(Compose *c, const School *s)
{
	const Model *m = c->m;
	const Survey *sv = &m->survey;
	doc_heading(c->doc, 2, "3", "ความพึงพอใจต่อการนิเทศ");
	double sum[SURVEY_MAX_ITEMS] = { 0 };
	long n[SURVEY_MAX_ITEMS] = { 0 }, respondents = 0;
	double resp_sum = 0;
	size_t nr;
	const Response *const *rows = (const Response *const *)model_rows(&m->responses_by_school, m, s, &nr);
	for (size_t i = 0; i < nr; i++) {
		const Response *rs = rows[i];
		if (!in_year(c->r, rs->timestamp.date))
			continue;
		int rsum = 0, rn = 0;
		for (size_t k = 0; k < sv->nitems; k++)
			if (rs->answers[k] > 0) {
				sum[k] += rs->answers[k];
				n[k]++;
				rsum += rs->answers[k];
				rn++;
			}
		if (rn) {
			resp_sum += (double)rsum / rn;
			respondents++;
		}
	}
	if (respondents == 0) {
		doc_para(c->doc, "ไม่มีผู้ตอบแบบสำรวจจากโรงเรียนนี้");
		return;
	}
	double mean = resp_sum / respondents;
	const char *band = measure_likert_band(c->s, mean);
	doc_para(c->doc, fmt_printf(c, "ผู้ตอบ %s คน ค่าเฉลี่ย %s ระดับ%s (%s)", fmt_int(c, respondents),
	    fmt_double(c, mean, 2), band ? band : "-",
	    measure_round2(mean) >= c->s->satisfied_threshold - 1e-9 ? "พึงพอใจตามเกณฑ์" : "ต่ำกว่าเกณฑ์"));
	DocBlock *tb = compose_table(c, 14, "รายการประเมิน:0:l|ค่าเฉลี่ย:22:r|ระดับ:30:c");
	for (size_t k = 0; k < sv->nitems; k++) {
		const char *b = n[k] ? measure_likert_band(c->s, sum[k] / n[k]) : NULL;
		compose_row(c, tb, DOC_ROW_BODY, 3, sv->items[k], n[k] ? fmt_double(c, sum[k] / n[k], 2) : "-",
		    b ? b : "-");
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

/* Is s in l? Lists are in the order of m->schools, so search by position. */
static int
in_list(const SchoolList *l, const School *s)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->items[mid] == s)
			return 1;
		if (l->items[mid] < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void
standing(Compose *c, const School *s)
{
	const Results *r = c->r;
	doc_heading(c->doc, 2, "5", "สถานะของโรงเรียนในเป้าหมายของโครงการ");
	if (!s->active) {
		doc_para(c->doc, "โรงเรียนนี้ยุบหรือควบรวมแล้ว (ตามแฟ้ม schools) จึงไม่นับในเป้าหมายของโครงการ");
		return;
	}
	DocBlock *l = doc_list(c->doc, 0);
	size_t n = 0;
	for (size_t i = 0; i < r->ntargets; i++) {
		const TargetResult *t = &r->targets[i];
		if (t->schools_missing.items == NULL)
			continue;
		int missing = in_list(&t->schools_missing, s);
		/* Only targets about schools (those that list the schools missed). */
		if (t->target->metric == METRIC_SCHOOL_COVERAGE && t->target->params.color_groups &&
		    !strstr(t->target->params.color_groups, *s->color_group ? s->color_group : "-"))
			continue;
		doc_list_item(c->doc, l, fmt_printf(c, "%s %s: %s", fmt_text(c, t->target->id), t->target->text,
		    missing ? "ยังไม่ถึงเกณฑ์" : "ถึงเกณฑ์แล้ว"));
		n++;
	}
	if (n == 0)
		doc_list_item(c->doc, l, "-");
}

Doc *
school_compose(Arena *a, const Model *m, const Results *r, const School *s, const Settings *set)
{
	Doc *d = doc_new(a);
	Compose c = { d, set, m, r, set->thai_digits ? NUM_THAI_DIGITS : 0, 0, 0 };
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
