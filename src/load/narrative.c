/* narrative.c - narrative.csv (optional): the office's own words, merged
 * where each belongs in the annual report: the cause of a shortfall and the
 * remedy beside its target, the discussion of results, the suggestions for
 * next year. A row is about a target or indicator (its id as the plan numbers it), an
 * activity ("กิจกรรมที่ 4") or the project as a whole ("โครงการ", or blank). */
#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_ABOUT, COL_KIND, COL_TEXT, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_ABOUT] = { "about", "เรื่อง|ข้อ|เป้าหมาย/กิจกรรม", 0 },
	[COL_KIND] = { "kind", "หัวข้อ|ประเภท", 1, CT_CHOICE, "สาเหตุ|แนวทางแก้ไข|อภิปรายผล|ข้อเสนอแนะ" },
	[COL_TEXT] = { "text", "ข้อความ", 1 },
};

const TableSpec narrative_table = { "narrative", columns, NCOLS, "ข้อความของสำนักงาน" };

/* The words a kind may be written with, each mapped onto NarrativeKind. */
static const char KINDS[] = "สาเหตุ|ปัญหาอุปสรรค|ปัญหา|แนวทางแก้ไข|การแก้ไข|ข้อเสนอแนะ|"
	"ข้อเสนอแนะสำหรับปีถัดไป|อภิปรายผล|cause|remedy|next|discussion";
static const NarrativeKind KIND_OF[] = { NARR_CAUSE, NARR_CAUSE, NARR_CAUSE, NARR_REMEDY, NARR_REMEDY,
	NARR_NEXT_YEAR, NARR_NEXT_YEAR, NARR_DISCUSSION, NARR_CAUSE, NARR_REMEDY, NARR_NEXT_YEAR,
	NARR_DISCUSSION };

static int
on_narrative(void *vl, const Record *r)
{
	LoadRows *l = vl;
	Diag *d = l->d;
	const Plan *p = l->m->plan;
	int kind = field_choice(r, &narrative_table, COL_KIND, KINDS, 0, d);
	if (kind < 0 || field_required(r, &narrative_table, COL_TEXT, d) != 0)
		return 1;
	const char *about = r->field[COL_ABOUT];
	const PlanTarget *t = NULL;
	int activity = 0;
	if (*about && strcmp(about, "โครงการ") != 0 && strcmp(about, "project") != 0) {
		t = plan_target(p, about);
		activity = t ? 0 : load_activity_word(about, 0);
		if (t == NULL && (activity == 0 || plan_activity(p, activity) == NULL)) {
			diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_ABOUT],
			    "about \"%s\" is neither a target of the plan (as numbered there, e.g. %s), an activity "
			    "(กิจกรรมที่ 1 to %zu) nor โครงการ; correct it (row rejected)", about,
			    p->ntargets ? p->targets[0].id : "1", p->nactivities);
			return 1;
		}
	}
	Narrative *n = load_vec_push(&l->rows);
	n->target_id = t ? t->id : NULL;
	n->activity = activity;
	n->kind = KIND_OF[kind];
	n->text = load_str(&l->pool, r->field[COL_TEXT]);
	n->line = r->line;
	return 0;
}

int
narrative_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum, Diag *d)
{
	void *rows;
	int rc = load_rows(m, a, path, &narrative_table, o, sum, d, sizeof(Narrative), on_narrative, &rows, &m->nnarrative);
	m->narrative = rows;
	return rc;
}
