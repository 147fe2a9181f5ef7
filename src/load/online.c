/* online.c - online.csv (optional; นิเทศระบบ Online): what was posted on which channel, per month. */
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_DATE, COL_CHANNEL, COL_SCHOOL, COL_TOPIC, COL_ITEMS, COL_CONTACTS, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_DATE] = { "date", "วันที่", 1, CT_DATE },
	[COL_CHANNEL] = { "channel", "ช่องทาง", 1 },
	[COL_SCHOOL] = { "school_code", "รหัสโรงเรียน", 0, CT_SCHOOL },
	[COL_TOPIC] = { "topic", "เรื่อง|หัวข้อ", 0 },
	[COL_ITEMS] = { "items_posted", "จำนวนเรื่องที่เผยแพร่|จำนวนโพสต์", 0, CT_NUMBER },
	[COL_CONTACTS] = { "contacts", "จำนวนผู้ติดต่อ|ผู้ติดต่อ", 0, CT_NUMBER },
};

const TableSpec online_table = { "online", columns, NCOLS, "การนิเทศออนไลน์" };

typedef struct Loader {
	Model *m;
	Diag *d;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
} Loader;

static int
on_online(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	CalDate date;
	const School *school;
	long items, contacts;
	/* A row is one posting unless it says how many. */
	if (field_date(r, &online_table, COL_DATE, 0, &date, d) != 0 ||
	    field_required(r, &online_table, COL_CHANNEL, d) != 0 ||
	    load_school(r, &online_table, COL_SCHOOL, l->m, 1, &school, d) != 0 ||
	    field_int(r, &online_table, COL_ITEMS, 0, 1000000, 1, 1, &items, d) != 0 ||
	    field_int(r, &online_table, COL_CONTACTS, 0, 10000000, 1, 0, &contacts, d) != 0)
		return 1;
	OnlineItem *it = load_vec_push(&l->rows);
	it->date = date;
	it->channel = load_str(&l->pool, r->field[COL_CHANNEL]);
	it->school = school;
	it->topic = load_str(&l->pool, r->field[COL_TOPIC]);
	it->items_posted = (int)items;
	it->contacts = (int)contacts;
	it->in_fy = load_check_fy(r, &online_table, COL_DATE, date, l->fy, l->sum, d);
	it->line = r->line;
	return 0;
}

int
online_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .m = m, .d = d, .fy = o->fiscal_year, .sum = sum, .pool = { a, NULL, 0 } };
	load_vec_init(&l.rows, a, sizeof(OnlineItem), 0);
	int rc = load_table(path, &online_table, o, on_online, &l, sum, d);
	m->online = load_vec_finish(&l.rows);
	m->nonline = l.rows.n;
	return rc;
}
