/* review.c - รายงานตรวจทานข้อมูล: the office's own check of its data before
 * the reports are printed and signed (see review.h).
 *
 * The printed reports speak only of the work and never of files, encodings
 * or the program; whatever a preparer needs to see about the data is here.
 * The messages of loading are quoted as the command line printed them: they
 * name a file, line and column and say what to do. */
#include "report/review.h"

#include <string.h>

#include "core/numfmt.h"
#include "report/compose.h"

/* Past this many messages of one kind, the rest are counted, not listed:
 * the command line (nithet check) prints them all. */
enum { REVIEW_MAX_MESSAGES = 400 };

static void
files_table(Compose *c)
{
	const Model *m = c->m;
	doc_heading(c->doc, 1, NULL, "แฟ้มข้อมูลที่อ่าน");
	compose_table_caption(c, "แฟ้มข้อมูล รูปแบบแฟ้ม และจำนวนแถว");
	DocBlock *tb = compose_table(c, 14, "แฟ้มข้อมูล:0:l|รูปแบบแฟ้ม:30:l|แถว:17:r|รับ:17:r|ปฏิเสธ:17:r|"
	    "คำเตือน:17:r|นอกปีงบประมาณ:17:r");
	for (size_t i = 0; i < m->nfiles; i++) {
		const FileSummary *f = &m->files[i];
		if (!f->present) {
			compose_row(c, tb, DOC_ROW_BODY, 7, f->name, "ไม่มีแฟ้ม", "-", "-", "-", "-", "-");
			continue;
		}
		compose_row(c, tb, DOC_ROW_BODY, 7, f->name, f->encoding ? f->encoding : "-", fmt_int(c, f->rows),
		    fmt_int(c, f->accepted), fmt_int(c, f->rejected), fmt_int(c, f->warnings),
		    fmt_int(c, f->outside_fy));
	}
	doc_para(c->doc, "แถวที่ปฏิเสธไม่นำมาคำนวณ แถวที่ลงวันที่นอกปีงบประมาณเก็บไว้แต่ไม่นับ "
	    "รายละเอียดของแต่ละแถวอยู่ในหัวข้อถัดไป");
}

/* The messages of one severity: where, and what the message says. */
static void
messages(Compose *c, const Diag *d, DiagSeverity sev, const char *title, const char *none)
{
	doc_heading(c->doc, 1, NULL, title);
	size_t n = 0;
	for (size_t i = 0; i < diag_nrecords(d); i++)
		n += diag_record(d, i)->severity == sev;
	if (n == 0) {
		doc_para(c->doc, none);
		return;
	}
	compose_table_caption(c, fmt_printf(c, "%s (%s รายการ)", title, fmt_int(c, (long long)n)));
	DocBlock *tb = compose_table(c, 13, "ที่:10:c|ที่อยู่ในแฟ้ม:45:l|ข้อความ:0:l");
	size_t shown = 0;
	for (size_t i = 0; i < diag_nrecords(d) && shown < REVIEW_MAX_MESSAGES; i++) {
		const DiagRecord *rec = diag_record(d, i);
		if (rec->severity != sev)
			continue;
		char place[512];
		diag_where(rec, place, sizeof place);
		const char *where = rec->file ? fmt_printf(c, "%s", place) : "-";
		compose_row(c, tb, DOC_ROW_BODY, 3, fmt_int(c, (long long)++shown), where, rec->text);
	}
	if (n > shown)
		doc_para(c->doc, fmt_printf(c, "และอีก %s รายการ ดูทั้งหมดได้จากคำสั่ง nithet check",
		    fmt_int(c, (long long)(n - shown))));
}

/* Records entered but not approved: the reports do not count them, and a
 * school is not told it was visited by one. */
static void
drafts(Compose *c)
{
	const Model *m = c->m;
	doc_heading(c->doc, 1, NULL, "บันทึกที่ยังรออนุมัติ");
	size_t n = 0;
	for (size_t i = 0; i < m->nvisits; i++)
		n += m->visits[i].status == STATUS_DRAFT;
	if (n == 0) {
		doc_para(c->doc, "ไม่มีบันทึกการนิเทศที่ยังรออนุมัติ");
		return;
	}
	doc_para(c->doc, fmt_printf(c, "บันทึกการนิเทศต่อไปนี้ยังมีสถานะรออนุมัติ (draft) จึงยังไม่นับในรายงานใด "
	    "เมื่ออนุมัติแล้วให้สร้างรายงานใหม่ (%s รายการ)", fmt_int(c, (long long)n)));
	const char *file = "visits";
	for (size_t i = 0; i < m->nfiles; i++)
		if (!strncmp(m->files[i].name, "visits.", 7))
			file = m->files[i].name;
	compose_table_caption(c, "บันทึกการนิเทศที่รออนุมัติ");
	/* A text file is read by lines, a workbook by rows: each as its
	 * program shows it. */
	size_t fl = strlen(file);
	int lines = (fl > 4 && !strcmp(file + fl - 4, ".csv")) || (fl > 4 && !strcmp(file + fl - 4, ".xml"));
	DocBlock *tb = compose_table(c, 13, "รหัส:18:l|วันที่:22:c|โรงเรียน:0:l|กิจกรรม:14:c|ที่อยู่ในแฟ้ม:40:l");
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (v->status != STATUS_DRAFT)
			continue;
		compose_row(c, tb, DOC_ROW_BODY, 5, v->id, fmt_date_short(c, v->date),
		    v->school ? fmt_school(c, v->school) : v->network_code, fmt_int(c, v->activity),
		    fmt_printf(c, "%s %s %ld", file, lines ? "บรรทัด" : "แถว", (long)v->line));
	}
}

/* How many more members a target that is not met needs: 1 means one
 * record more would meet it. 0 when it cannot be said. */
static long
members_short(const TargetResult *t)
{
	if (!t->judged || t->met || !t->target->has_goal)
		return 0;
	if (t->is_percent) {
		if (t->den <= 0)
			return 0;
		/* The smallest count whose percentage reaches the goal. */
		long long need = (long long)(t->goal * (double)t->den / 100.0);
		while (need > 0 && (double)(need - 1) * 100.0 / (double)t->den >= t->goal - 1e-9)
			need--;
		while ((double)need * 100.0 / (double)t->den < t->goal - 1e-9)
			need++;
		return need > t->num ? (long)(need - t->num) : 0;
	}
	double gap = t->goal - t->value;
	return gap > 0 && gap == (double)(long)gap ? (long)gap : 0;
}

/* Targets one member short, and the schools one record short of a
 * per-school requirement: where a record not yet entered matters most. */
static void
near_misses(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	doc_heading(c->doc, 1, NULL, "เป้าหมายที่ขาดอีกเพียงเล็กน้อย");
	doc_para(c->doc, "ตรวจสอบว่ามีการดำเนินงานที่ยังไม่ได้บันทึกหรือไม่ เพราะบันทึกเพียงรายการเดียว"
	    "อาจทำให้ผลการประเมินเปลี่ยนไป");
	DocBlock *l = doc_labels(c->doc);
	int any = 0;
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		long short_by = members_short(t);
		if (short_by == 1) {
			doc_label(c->doc, l, fmt_printf(c, "ข้อ %s", t->target->id),
			    fmt_printf(c, "%s: ผล %s เป้าหมาย %s%s อีกหนึ่งรายการจะถึงเป้าหมาย", t->target->text,
			    fmt_target_result(c, t), fmt_target_goal(c, t),
			    compose_note(c, t) ? fmt_printf(c, " (%s)", compose_note(c, t)) : ""));
			any = 1;
		}
		const Metric *mt = &t->target->metric;
		if (t->school == NULL || mt->members != MEMBERS_SCHOOLS || mt->at_least < 2)
			continue;
		SchoolList near = { 0 };
		const School **items = arena_array(c->doc->arena, m->nschools + 1, sizeof *items);
		near.items = items;
		for (size_t i = 0; i < m->nschools; i++) {
			const SchoolFact *f = &t->school[i];
			if (m->schools[i].active && f->in_group && !f->counts && f->rows == mt->at_least - 1)
				items[near.n++] = &m->schools[i];
		}
		if (near.n == 0)
			continue;
		doc_label(c->doc, l, fmt_printf(c, "ข้อ %s", t->target->id),
		    fmt_printf(c, "โรงเรียนที่ขาดอีก 1 ครั้งจึงถึง %s ครั้งต่อโรงเรียน (%s โรงเรียน): %s",
		    fmt_int(c, mt->at_least), fmt_int(c, (long long)near.n), fmt_school_list(c, &near, 1, 300, "")));
		any = 1;
	}
	if (!any)
		doc_label(c->doc, l, "ไม่มี", "ไม่มีเป้าหมายหรือโรงเรียนที่ขาดอีกเพียงหนึ่งรายการ");
}

/* Whether the office wrote words of this kind about target id (or, with
 * id NULL, about the project). */
static int
written(const Model *m, const char *id, NarrativeKind kind)
{
	for (size_t i = 0; i < m->nnarrative; i++) {
		const Narrative *n = &m->narrative[i];
		if (n->kind == kind && n->activity == 0 &&
		    (id ? n->target_id && !strcmp(n->target_id, id) : n->target_id == NULL))
			return 1;
	}
	return 0;
}

/* What the annual report prints as "สำนักงานยังไม่ได้บันทึก": the causes
 * and remedies of the shortfalls, the discussion, the suggestions for next
 * year, to be written in narrative before the report is signed. */
static void
unwritten(Compose *c)
{
	const Model *m = c->m;
	const Results *r = c->r;
	doc_heading(c->doc, 1, NULL, "ข้อความของสำนักงานที่ยังไม่ได้เขียน");
	DocBlock *l = doc_list(c->doc, 0);
	for (size_t k = 0; k < r->ntargets + r->nindicators; k++) {
		const TargetResult *t = k < r->ntargets ? &r->targets[k] : &r->indicators[k - r->ntargets];
		if (!t->target->has_goal || (t->judged && t->met))
			continue;
		int cause = written(m, t->target->id, NARR_CAUSE), remedy = written(m, t->target->id, NARR_REMEDY);
		if (!cause || !remedy)
			doc_list_item(c->doc, l, fmt_printf(c, "ข้อ %s (%s): %s%s%s", t->target->id, t->judged ? "ยังไม่บรรลุ" : "ยังไม่ได้วัดผล",
			    cause ? "" : "สาเหตุ", !cause && !remedy ? " และ" : "", remedy ? "" : "แนวทางแก้ไข"));
	}
	if (!written(m, NULL, NARR_DISCUSSION))
		doc_list_item(c->doc, l, "โครงการ: อภิปรายผล");
	if (!written(m, NULL, NARR_NEXT_YEAR))
		doc_list_item(c->doc, l, "โครงการ: ข้อเสนอแนะสำหรับปีงบประมาณถัดไป");
	if (l->u.list.n == 0)
		doc_list_item(c->doc, l, "ไม่มี สำนักงานเขียนครบทุกส่วนที่รายงานต้องการแล้ว");
	else
		doc_para(c->doc, "เขียนในแฟ้ม narrative (คอลัมน์ about = ข้อหรือ โครงการ, kind = สาเหตุ แนวทางแก้ไข "
		    "อภิปรายผล หรือ ข้อเสนอแนะ, text = ข้อความ) แล้วสร้างรายงานใหม่");
}

Doc *
review_compose(Arena *a, const ReportInput *in)
{
	const Results *r = in->results;
	const Settings *s = in->settings;
	const Diag *d = in->diag;
	Doc *doc = doc_new(a);
	compose_page_words(doc);
	Compose c = compose_start(doc, in);
	c.technical = 1;   /* the office's own check: file and column names */
	const char *title = fmt_printf(&c, "รายงานตรวจทานข้อมูล ปีงบประมาณ %s", fmt_year(&c, r->fiscal_year));
	doc_set(doc, &doc->title, title);
	doc_set(doc, &doc->author, s->unit_name);
	doc_set(doc, &doc->subject, "สำหรับผู้จัดทำรายงาน ไม่ใช่เอกสารเผยแพร่");
	doc_set(doc, &doc->creator, "nithet " NITHET_VERSION);
	doc_set(doc, &doc->header_text, fmt_printf(&c, "%s (ไม่ใช่เอกสารเผยแพร่)", title));
	doc_set(doc, &doc->footer_text, s->office_name);
	DocBlock *h = doc_heading(doc, 1, NULL, title);
	h->u.heading.in_toc = 0;
	DocBlock *p = doc_para(doc, fmt_printf(&c, "ข้อมูล ณ วันที่ %s สำหรับผู้จัดทำรายงานของ%s "
	    "ใช้ตรวจสอบข้อมูลก่อนพิมพ์และลงนามรายงาน ไม่ใช่เอกสารเผยแพร่ รายงานที่พิมพ์ไม่กล่าวถึงแฟ้ม "
	    "การเข้ารหัส หรือโปรแกรม รายละเอียดเหล่านั้นรวมไว้ที่นี่", fmt_date(&c, r->as_of), s->unit_name));
	p->u.para.indent_mm = 12.5;
	drafts(&c);
	unwritten(&c);
	near_misses(&c);
	messages(&c, d, DIAG_ROW, "แถวที่ไม่นำมาคำนวณ", "ไม่มีแถวที่ถูกปฏิเสธ");
	messages(&c, d, DIAG_WARNING, "คำเตือนที่ควรตรวจสอบ", "ไม่มีคำเตือน");
	files_table(&c);
	return doc;
}
