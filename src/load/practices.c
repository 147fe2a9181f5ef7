/* practices.c - practices.csv (นวัตกรรม/วิธีปฏิบัติที่เป็นเลิศ) and
 * targets that count practices: one counts when published in the FY on a channel. */
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_ID, COL_SCHOOL, COL_TITLE, COL_KIND, COL_AREA, COL_DATE, COL_CHANNEL, COL_REF,
	COL_LEVEL, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_ID] = { "bp_id", "รหัส", 1, CT_CODE },
	[COL_SCHOOL] = { "school_code", "รหัสโรงเรียน", 1, CT_SCHOOL },
	[COL_TITLE] = { "title", "ชื่อผลงาน|ชื่อนวัตกรรม|เรื่อง", 1 },
	[COL_KIND] = { "kind", "ประเภท", 0, CT_CHOICE, "นวัตกรรม|วิธีปฏิบัติที่เป็นเลิศ" },
	[COL_AREA] = { "area", "ด้าน", 0 },
	[COL_DATE] = { "published_date", "วันที่เผยแพร่", 0, CT_DATE },
	[COL_CHANNEL] = { "channel", "ช่องทางการเผยแพร่|ช่องทาง", 0 },
	[COL_REF] = { "url_or_ref", "แหล่งอ้างอิง|url|ref", 0 },
	[COL_LEVEL] = { "level", "ระดับ|ระดับการเผยแพร่", 0, CT_CHOICE, "เขตพื้นที่|จังหวัด|ภาค|ชาติ" },
};

const TableSpec practices_table = { "practices", columns, NCOLS, "นวัตกรรมและวิธีปฏิบัติ" };

/* Kinds and levels: the canonical words first, then synonyms mapped onto
 * them by the tables below. */
static const char KINDS[] = "นวัตกรรม|BP|วิธีปฏิบัติที่เป็นเลิศ|Best Practice";
static const char *const KIND_NAMES[] = { "นวัตกรรม", "วิธีปฏิบัติที่เป็นเลิศ", "วิธีปฏิบัติที่เป็นเลิศ",
	"วิธีปฏิบัติที่เป็นเลิศ" };
static const char LEVELS[] = "เขต|จังหวัด|ภาค|ชาติ|เขตพื้นที่|ประเทศ";
static const char *const LEVEL_NAMES[] = { "เขต", "จังหวัด", "ภาค", "ชาติ", "เขต", "ชาติ" };

typedef struct Loader {
	Model *m;
	Diag *d;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *ids;
} Loader;

static int
on_practice(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	const School *school;
	CalDate date;
	int kind, level;
	if (field_required(r, &practices_table, COL_ID, d) != 0 ||
	    load_school(r, &practices_table, COL_SCHOOL, l->m, 0, &school, d) != 0 ||
	    field_required(r, &practices_table, COL_TITLE, d) != 0 ||
	    (kind = field_choice(r, &practices_table, COL_KIND, KINDS, 1, d)) == -1 ||
	    (level = field_choice(r, &practices_table, COL_LEVEL, LEVELS, 1, d)) == -1 ||
	    field_date(r, &practices_table, COL_DATE, 1, &date, d) != 0)
		return 1;
	const char *id = load_str(&l->pool, r->field[COL_ID]);
	long first = load_idset_add(l->ids, id, r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_ID],
		    "bp_id %s appears again (first on %s %ld); give every practice its own id "
		    "(row rejected)", id, load_line_word(r->file), first);
		return 1;
	}
	Practice *p = load_vec_push(&l->rows);
	p->id = id;
	p->school = school;
	p->title = load_str(&l->pool, r->field[COL_TITLE]);
	p->kind = kind >= 0 ? KIND_NAMES[kind] : "";
	p->area = load_str(&l->pool, r->field[COL_AREA]);
	p->published = date;
	p->channel = load_str(&l->pool, r->field[COL_CHANNEL]);
	p->ref = load_str(&l->pool, r->field[COL_REF]);
	p->level = level >= 0 ? LEVEL_NAMES[level] : "";
	p->line = r->line;
	if (date.year == 0) {
		/* Not dated: cannot be counted as published in the FY. */
		p->in_fy = 0;
		if (*p->channel != '\0')
			diag_report(d, DIAG_WARNING, r->file, r->line, r->col[COL_DATE] ?
			    r->col[COL_DATE] : 0, "published_date is blank although channel is %s; "
			    "the practice is not counted as published in the fiscal year (add the "
			    "date)", p->channel);
	} else {
		p->in_fy = load_check_fy(r, &practices_table, COL_DATE, date, l->fy, l->sum, d);
	}
	return 0;
}

int
practices_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .m = m, .d = d, .fy = o->fiscal_year, .sum = sum, .pool = { a, NULL, 0 },
		.ids = load_idset_new() };
	load_vec_init(&l.rows, a, sizeof(Practice), 0);
	int rc = load_table(path, &practices_table, o, on_practice, &l, sum, d);
	load_idset_free(l.ids);
	m->practices = load_vec_finish(&l.rows);
	m->npractices = l.rows.n;
	return rc;
}
