/* spending.c - spending.csv (การเบิกจ่าย): amounts in
 * exact satang; a category outside the three of the plan, a duplicate doc_no
 * and a refund without a note are warnings, not errors. */
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_ID, COL_DATE, COL_ACTIVITY, COL_CATEGORY, COL_AMOUNT, COL_DOC, COL_DESC, COL_NOTE,
	NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_ID] = { "txn_id", "รหัส|เลขที่รายการ", 1, CT_CODE },
	[COL_DATE] = { "date", "วันที่|วันที่เบิกจ่าย", 1, CT_DATE },
	[COL_ACTIVITY] = { "activity_no", "กิจกรรมที่|กิจกรรม", 1, CT_ACTIVITY },
	[COL_CATEGORY] = { "category", "หมวด|หมวดรายจ่าย|ประเภท", 1, CT_CHOICE, "ค่าตอบแทน|ค่าใช้สอย|ค่าวัสดุ" },
	[COL_AMOUNT] = { "amount", "จำนวนเงิน|จำนวนเงิน (บาท)|จำนวน", 1, CT_NUMBER },
	[COL_DOC] = { "doc_no", "เลขที่เอกสาร|เลขที่ฎีกา|เอกสาร", 0 },
	[COL_DESC] = { "description", "รายการ|รายละเอียด", 0 },
	[COL_NOTE] = { "note", "หมายเหตุ", 0 },
};

const TableSpec spending_table = { "spending", columns, NCOLS, "การเบิกจ่ายงบประมาณ" };

/* Category words in the order of Category, then the short forms of the
 * seed's budget table (วัสดุ) and of clerks. */
static const char CATEGORIES[] = "ค่าตอบแทน|ค่าใช้สอย|ค่าวัสดุ|ค่าสาธารณูปโภค|ตอบแทน|ใช้สอย|วัสดุ|สาธารณูปโภค";

typedef struct Loader {
	Model *m;
	Diag *d;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *ids, *docs;
} Loader;

static int
on_spending(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	CalDate date;
	int activity;
	long long amount;

	if (field_required(r, &spending_table, COL_ID, d) != 0 ||
	    field_date(r, &spending_table, COL_DATE, 0, &date, d) != 0 ||
	    load_activity(r, &spending_table, COL_ACTIVITY, l->m, 0, &activity, d) != 0 ||
	    field_money(r, &spending_table, COL_AMOUNT, 0, &amount, d) != 0)
		return 1;
	const char *cv = r->field[COL_CATEGORY];
	int cat = -1;
	if (*cv == '\0') {
		(void)field_required(r, &spending_table, COL_CATEGORY, d);
		return 1;
	}
	size_t cl = strlen(cv), idx = 0;
	for (const char *p = CATEGORIES; *p; idx++) {
		size_t n = strcspn(p, "|");
		if (n == cl && memcmp(p, cv, n) == 0)
			cat = (int)(idx % CAT_NCATEGORIES);
		p += n;
		if (*p == '|')
			p++;
	}
	if (cat < 0) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_CATEGORY],
		    "category \"%s\" is not a category of operating expenses; write ค่าตอบแทน, "
		    "ค่าใช้สอย or ค่าวัสดุ (row rejected)", cv);
		return 1;
	}
	const char *id = load_str(&l->pool, r->field[COL_ID]);
	long first = load_idset_add(l->ids, id, r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_ID],
		    "txn_id %s appears again (first on %s %ld); give every payment its own id "
		    "(row rejected)", id, load_line_word(r->file), first);
		return 1;
	}

	/* Accepted from here on; what follows only warns. */
	if (cat == CAT_UTILITIES)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[COL_CATEGORY],
		    "category ค่าสาธารณูปโภค is not one of the plan's three (ค่าตอบแทน, ค่าใช้สอย, "
		    "ค่าวัสดุ); it is counted, check it is meant");
	const char *doc = load_str(&l->pool, r->field[COL_DOC]);
	if (*doc != '\0' && (first = load_idset_add(l->docs, doc, r->line)) != 0)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[COL_DOC],
		    "doc_no %s was already used on %s %ld; both payments are counted, check one is "
		    "not a copy", doc, load_line_word(r->file), first);
	const char *desc = r->field[COL_DESC], *note = r->field[COL_NOTE];
	if (amount < 0 && *note == '\0' && strstr(desc, "คืน") == NULL)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[COL_AMOUNT],
		    "a negative amount (%s) without a note; a refund (คืนเงิน) is counted, say so in "
		    "note or description", r->field[COL_AMOUNT]);
	if (amount == 0)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[COL_AMOUNT],
		    "the amount is 0; check the row");

	Spending *s = load_vec_push(&l->rows);
	s->id = id;
	s->date = date;
	s->activity = activity;
	s->category = (Category)cat;
	s->amount = amount;
	s->doc_no = doc;
	s->description = load_str(&l->pool, *desc ? desc : note);
	s->in_fy = load_check_fy(r, &spending_table, COL_DATE, date, l->fy, l->sum, d);
	s->line = r->line;
	return 0;
}

int
spending_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .m = m, .d = d, .fy = o->fiscal_year, .sum = sum, .pool = { a, NULL, 0 },
		.ids = load_idset_new(), .docs = load_idset_new() };
	load_vec_init(&l.rows, a, sizeof(Spending), 0);
	int rc = load_table(path, &spending_table, o, on_spending, &l, sum, d);
	load_idset_free(l.ids);
	load_idset_free(l.docs);
	m->spending = load_vec_finish(&l.rows);
	m->nspending = l.rows.n;
	return rc;
}
