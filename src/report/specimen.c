/* specimen.c - builds the type-specimen Doc from the plan and renders it
 * twice: with the configured fonts and with Noto Sans Thai + Noto Sans. */
#include "report/specimen.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/mem.h"
#include "core/calendar.h"
#include "core/numfmt.h"
#include "doc/doc.h"
#include "report/compose.h"

static const char *
money(Arena *a, Satang v, int thai)
{
	char b[64];
	num_format_money(v, NUM_TRIM_SATANG | (thai ? NUM_THAI_DIGITS : 0), b, sizeof b);
	return arena_strdup(a, b);
}

static const char *
num(Arena *a, long long v, int thai)
{
	char b[64];
	num_format_int(v, thai ? NUM_THAI_DIGITS : 0, b, sizeof b);
	return arena_strdup(a, b);
}

/* A year: never grouped ("2558", not "2,558"). */
static const char *
year(Arena *a, long long v, int thai)
{
	char b[64];
	num_format_int(v, NUM_NO_GROUPING | (thai ? NUM_THAI_DIGITS : 0), b, sizeof b);
	return arena_strdup(a, b);
}

/* Month index 0 = ต.ค. .. 11 = ก.ย. of an ISO date, or -1. */
static int
fy_month(const char *iso)
{
	CalDate day;
	if (iso == NULL || cal_parse_iso(iso, strlen(iso), &day) != CAL_OK)
		return -1;
	return (day.month + 2) % 12;
}

static void
activity_table(Doc *d, const Plan *p, int thai, int with_detail)
{
	Arena *a = d->arena;
	DocBlock *t = doc_table(d, with_detail ? 8 : 7);
	DocTable *tb = &t->u.table;
	doc_table_column(t, 0, 10, DOC_ALIGN_CENTER);
	doc_table_column(t, 1, 0, DOC_ALIGN_LEFT);
	doc_table_column(t, 2, 0, DOC_ALIGN_LEFT);
	for (size_t k = 3; k < tb->ncols; k++)
		doc_table_column(t, k, 0, DOC_ALIGN_RIGHT);
	if (with_detail)
		doc_table_column(t, 7, 0, DOC_ALIGN_LEFT);
	/* Two header rows, as in the plan's budget table. */
	DocRow *h1 = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h1, "ที่")->rowspan = 2;
	doc_row_cell(d, h1, "กิจกรรม")->rowspan = 2;
	doc_row_cell(d, h1, "ระยะเวลา")->rowspan = 2;
	doc_row_cell(d, h1, "งบประมาณ (บาท)")->colspan = 4;
	if (with_detail)
		doc_row_cell(d, h1, "ผู้รับผิดชอบ")->rowspan = 2;
	DocRow *h2 = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h2, "รวม");
	doc_row_cell(d, h2, "ค่าตอบแทน");
	doc_row_cell(d, h2, "ค่าใช้สอย");
	doc_row_cell(d, h2, "วัสดุ");
	Satang total = 0;
	for (size_t i = 0; i < p->nactivities; i++) {
		const PlanActivity *ac = &p->activities[i];
		DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
		r->shaded = (int)(i % 2);
		doc_row_cell(d, r, num(a, ac->no, thai));
		doc_row_cell(d, r, ac->name ? ac->name : "");
		doc_row_cell(d, r, ac->period_text ? ac->period_text : "");
		doc_row_cell(d, r, ac->budget ? money(a, ac->budget, thai) : "-");
		doc_row_cell(d, r, ac->has_split && ac->compensation ? money(a, ac->compensation, thai) : "-");
		doc_row_cell(d, r, ac->has_split && ac->expenses ? money(a, ac->expenses, thai) : "-");
		doc_row_cell(d, r, ac->has_split && ac->materials ? money(a, ac->materials, thai) : "-");
		if (with_detail)
			doc_row_cell(d, r, ac->owner ? ac->owner : "");
		total += ac->budget;
	}
	DocRow *tr = doc_table_row(d, t, DOC_ROW_TOTAL);
	DocCell *lab = doc_row_cell(d, tr, "รวมทั้งสิ้น");
	lab->colspan = 3;
	lab->align = DOC_ALIGN_CENTER;
	doc_row_cell(d, tr, money(a, total, thai));
	doc_row_cell(d, tr, "-");
	doc_row_cell(d, tr, "-");
	doc_row_cell(d, tr, "-");
	if (with_detail)
		doc_row_cell(d, tr, "");
}

Doc *
specimen_doc(Arena *a, const Settings *s, const Plan *p)
{
	Doc *d = doc_new(a);
	int thai = s->thai_digits;
	const char *title = p->title ? p->title : "โครงการ";
	doc_set(d, &d->title, arena_printf(a, "ตัวอย่างการจัดพิมพ์: %s", title));
	doc_set(d, &d->author, p->unit ? p->unit : s->unit_name);
	doc_set(d, &d->subject, "ตัวอย่างการจัดพิมพ์ภาษาไทยของ nithet");
	doc_set(d, &d->keywords, "นิเทศ, ศึกษานิเทศก์, ปีงบประมาณ, ตัวอย่างแบบอักษร");
	doc_set(d, &d->creator, "nithet ระบบรายงานการนิเทศ");
	doc_set(d, &d->header_text, arena_printf(a, "%s  ปีงบประมาณ %d",
		p->office ? p->office : "", p->fiscal_year));
	doc_set(d, &d->footer_text, "ตัวอย่างการจัดพิมพ์ (specimen)");
	compose_page_words(d);
	d->number_headings = 1;

	DocBlock *cv = doc_cover(d);
	doc_cover_line(d, cv, "ตัวอย่างการจัดพิมพ์ภาษาไทย", s->body_size + 6, 1, 0);
	doc_cover_line(d, cv, title, s->body_size + 4, 1, 15);
	if (p->office)
		doc_cover_line(d, cv, p->office, s->body_size + 2, 0, 20);
	if (p->unit)
		doc_cover_line(d, cv, p->unit, s->body_size + 2, 0, 5);
	doc_cover_line(d, cv, arena_printf(a, "ปีงบประมาณ %s", year(a, p->fiscal_year, thai)),
		s->body_size + 2, 0, 5);
	doc_toc(d, DOC_CAPTION_NONE);
	doc_pagebreak(d, 0);

	doc_heading(d, 1, NULL, "หลักการและเหตุผล");
	for (size_t i = 0; i < p->rationale.n; i++) {
		DocBlock *b = doc_para(d, p->rationale.items[i]);
		b->u.para.indent_mm = 12;
	}
	doc_heading(d, 1, NULL, "วัตถุประสงค์และเป้าหมาย");
	doc_heading(d, 2, NULL, "วัตถุประสงค์ (รายการมีลำดับ)");
	DocBlock *ol = doc_list(d, 1);
	for (size_t i = 0; i < p->objectives.n; i++)
		doc_list_item(d, ol, p->objectives.items[i]);
	doc_heading(d, 2, NULL, "เป้าหมายเชิงปริมาณและเชิงคุณภาพ (รายการหัวข้อย่อย)");
	DocBlock *ul = doc_list(d, 0);
	for (size_t i = 0; i < p->ntargets; i++)
		if (p->targets[i].text)
			doc_list_item(d, ul, arena_printf(a, "%s %s", p->targets[i].id, p->targets[i].text));

	doc_heading(d, 1, NULL, "ข้อมูลโครงการ (ป้ายและค่า)");
	DocBlock *lv = doc_labels(d);
	doc_label(d, lv, "โครงการ", title);
	if (p->office)
		doc_label(d, lv, "หน่วยงาน", p->office);
	if (p->unit)
		doc_label(d, lv, "กลุ่ม/หน่วยผู้ที่รับผิดชอบ", p->unit);
	doc_label(d, lv, "ปีงบประมาณ", year(a, p->fiscal_year, thai));
	doc_label(d, lv, "งบประมาณ", p->budget_text ? p->budget_text :
		arena_printf(a, "%s บาท", money(a, p->budget_total, thai)));
	for (size_t i = 0; i < p->alignment.n; i++)
		doc_label(d, lv, i == 0 ? "ความสอดคล้อง" : "", p->alignment.items[i]);

	doc_heading(d, 1, NULL, "กิจกรรมและงบประมาณ (ตารางหัวตารางสองชั้น)");
	activity_table(d, p, thai, 0);
	DocBlock *note = doc_para(d, arena_printf(a, "หมายเหตุ %s", p->budget_note ? p->budget_note : "ขอถัวจ่ายทุกรายการ"));
	note->u.para.align = DOC_ALIGN_LEFT;

	doc_heading(d, 1, NULL, "แผนภูมิ");
	DocBlock *bars = doc_chart(d, DOC_CHART_BARS, "ร้อยละของงบประมาณแต่ละกิจกรรม (เส้นสีแดง = ค่าเป้าหมายสาธิต)",
		p->nactivities ? p->nactivities : 1, 1);
	bars->u.chart.unit = "%";
	bars->u.chart.decimals = 2;
	bars->u.chart.has_goal = 1;
	bars->u.chart.goal = 10;
	for (size_t i = 0; i < p->nactivities; i++) {
		doc_chart_category(d, bars, i, arena_printf(a, "กิจกรรมที่ %d", p->activities[i].no));
		doc_chart_value(bars, 0, i, p->budget_total ?
			100.0 * (double)p->activities[i].budget / (double)p->budget_total : 0);
	}
	/* Monthly columns: how many activities the plan runs in each month. */
	DocBlock *cols = doc_chart(d, DOC_CHART_COLUMNS, "จำนวนกิจกรรมตามแผนในแต่ละเดือน", 12, 1);
	for (int m = 0; m < 12; m++) {
		doc_chart_category(d, cols, (size_t)m, cal_month_name((m + 9) % 12 + 1, CAL_NAME_SHORT));
		int n = 0;
		for (size_t i = 0; i < p->nactivities; i++) {
			int m0 = fy_month(p->activities[i].start), m1 = fy_month(p->activities[i].end);
			if (m0 >= 0 && m1 >= m0 && m >= m0 && m <= m1)
				n++;
		}
		doc_chart_value(cols, 0, (size_t)m, n);
	}
	doc_chart_series(d, cols, 0, "กิจกรรม");
	static const char *const levels[5] = { "ปรับปรุง", "พอใช้", "ดี", "ดีมาก", "ดีเยี่ยม" };
	static const double demo[3][5] = { { 2, 5, 14, 17, 9 }, { 1, 4, 12, 15, 8 }, { 0, 3, 11, 12, 7 } };
	DocBlock *st = doc_chart(d, DOC_CHART_STACKED,
		"การกระจายระดับคุณภาพการนิเทศภายใน (ข้อมูลสาธิต ไม่ใช่ผลจริง)", 3, 5);
	doc_chart_category(d, st, 0, "ภาคเรียนที่ 2/2557");
	doc_chart_category(d, st, 1, "ภาคเรียนที่ 1/2558");
	doc_chart_category(d, st, 2, "ติดตามผล");
	for (size_t j = 0; j < 5; j++) {
		doc_chart_series(d, st, j, levels[j]);
		for (size_t i = 0; i < 3; i++)
			doc_chart_value(st, j, i, demo[i][j]);
	}

	/* A landscape page with the wide version of the table. */
	doc_pagebreak(d, 1);
	doc_heading(d, 1, NULL, "หน้าแนวนอน: กิจกรรม ระยะเวลา และผู้รับผิดชอบ");
	activity_table(d, p, thai, 1);
	doc_pagebreak(d, 0);

	/* A long table: the header repeats on every page. */
	doc_heading(d, 1, NULL, "ตารางยาว (หัวตารางซ้ำทุกหน้า)");
	DocBlock *lt = doc_table(d, 4);
	doc_table_column(lt, 0, 14, DOC_ALIGN_CENTER);
	doc_table_column(lt, 1, 0, DOC_ALIGN_LEFT);
	doc_table_column(lt, 2, 0, DOC_ALIGN_RIGHT);
	doc_table_column(lt, 3, 0, DOC_ALIGN_RIGHT);
	DocRow *lh = doc_table_row(d, lt, DOC_ROW_HEADER);
	doc_row_cell(d, lh, "ลำดับ");
	doc_row_cell(d, lh, "ข้อความจากแผน (ตัดบรรทัดในเซลล์)");
	doc_row_cell(d, lh, "ตัวอักษร");
	doc_row_cell(d, lh, "ร้อยละ");
	size_t row = 0;
	size_t total_chars = 0;
	for (int rep = 0; rep < 3; rep++) {
		for (size_t i = 0; i < p->ntargets; i++) {
			const char *tx = p->targets[i].text ? p->targets[i].text : "";
			DocRow *r = doc_table_row(d, lt, DOC_ROW_BODY);
			r->shaded = (int)(row % 2);
			row++;
			size_t nch = 0;
			for (const char *c = tx; *c; c++)
				nch += ((unsigned char)*c & 0xC0) != 0x80;
			total_chars += nch;
			doc_row_cell(d, r, num(a, (long long)row, thai));
			doc_row_cell(d, r, tx);
			doc_row_cell(d, r, num(a, (long long)nch, thai));
			char pc[32];
			num_format_percent((long long)nch, 500, thai ? NUM_THAI_DIGITS : 0, pc, sizeof pc);
			doc_row_cell(d, r, pc);
		}
	}
	DocRow *ltt = doc_table_row(d, lt, DOC_ROW_TOTAL);
	doc_row_cell(d, ltt, "รวม")->colspan = 2;
	doc_row_cell(d, ltt, num(a, (long long)total_chars, thai));
	doc_row_cell(d, ltt, "");

	doc_heading(d, 1, NULL, "ย่อหน้าชิดซ้าย ชิดขวา กึ่งกลาง และเต็มบรรทัด");
	const char *sample = p->rationale.n ? p->rationale.items[0] : title;
	static const DocAlign al[4] = { DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT, DOC_ALIGN_CENTER, DOC_ALIGN_JUSTIFY };
	for (int k = 0; k < 4; k++) {
		DocBlock *b = doc_para(d, sample);
		b->u.para.align = al[k];
	}
	return d;
}

Doc *
specimen_noto_doc(Arena *a, const Settings *s, const Plan *plan)
{
	/* Noto: from the folder of the configured Thai font, named by the
	 * Doc itself (the config's [fonts] stay the config's). */
	const char *thai = s->thai.regular ? s->thai.regular : "fonts/Laksaman.ttf";
	const char *slash = strrchr(thai, '/');
	int dl = slash ? (int)(slash - thai) : 1;
	const char *dir = slash ? thai : ".";
	FontSetting *th = arena_alloc(a, sizeof *th), *la = arena_alloc(a, sizeof *la);
	th->regular = arena_printf(a, "%.*s/NotoSansThai-Regular.ttf", dl, dir);
	th->bold = arena_printf(a, "%.*s/NotoSansThai-Bold.ttf", dl, dir);
	th->scale = 0.7;
	la->regular = arena_printf(a, "%.*s/NotoSans-Regular.ttf", dl, dir);
	la->bold = arena_printf(a, "%.*s/NotoSans-Bold.ttf", dl, dir);
	la->scale = 0.7;
	Doc *doc = specimen_doc(a, s, plan);
	doc->thai_font = th;
	doc->latin_font = la;
	doc_set(doc, &doc->footer_text, "ตัวอย่างการจัดพิมพ์ (specimen) Noto Sans Thai");
	return doc;
}
