/* evaluations.c - evaluations.csv (ผลการประเมินการนิเทศภายในของสถานศึกษา):
 * criterion scores c1..cN (1-5), an optional percentage and an optional
 * level; a level that disagrees with the scores is a warning. */
#include <stdio.h>
#include <string.h>

#include "core/numfmt.h"
#include "load/fields.h"
#include "load/loaders.h"

enum {
	COL_SCHOOL, COL_ROUND, COL_DATE, COL_EVALUATOR, COL_C1,
	COL_PCT = COL_C1 + EVAL_MAX_CRITERIA, COL_LEVEL, NCOLS
};

/* c1..c5 are the PIDRE steps by default. */
static const ColumnSpec columns[NCOLS] = {
	[COL_SCHOOL] = { "school_code", "รหัสโรงเรียน", 1, CT_SCHOOL },
	[COL_ROUND] = { "round", "ครั้งที่|รอบ", 0, CT_NUMBER },
	[COL_DATE] = { "eval_date", "วันที่ประเมิน|วันที่", 1, CT_DATE },
	[COL_EVALUATOR] = { "evaluator", "ผู้ประเมิน", 0 },
	[COL_C1 + 0] = { "c1", "การวางแผน|P", 0, CT_NUMBER },
	[COL_C1 + 1] = { "c2", "การให้ความรู้/ชี้แจง|การให้ความรู้|I", 0, CT_NUMBER },
	[COL_C1 + 2] = { "c3", "การดำเนินการนิเทศ|D", 0, CT_NUMBER },
	[COL_C1 + 3] = { "c4", "การเสริมแรง|R", 0, CT_NUMBER },
	[COL_C1 + 4] = { "c5", "การประเมินผล|E", 0, CT_NUMBER },
	[COL_C1 + 5] = { "c6", "", 0, CT_NUMBER },
	[COL_C1 + 6] = { "c7", "", 0, CT_NUMBER },
	[COL_C1 + 7] = { "c8", "", 0, CT_NUMBER },
	[COL_C1 + 8] = { "c9", "", 0, CT_NUMBER },
	[COL_C1 + 9] = { "c10", "", 0, CT_NUMBER },
	[COL_PCT] = { "score_pct", "ร้อยละ|คะแนนร้อยละ", 0, CT_NUMBER },
	[COL_LEVEL] = { "level", "ระดับ|ระดับคุณภาพ|ผลการประเมิน", 0, CT_CHOICE, "ดีเยี่ยม|ดีมาก|ดี|พอใช้|ปรับปรุง" },
};

const TableSpec evaluations_table = { "evaluations", columns, NCOLS, "ผลการประเมินการนิเทศภายใน" };

/* Levels 5..1 as words, then as digits. */
static const char LEVELS[] = "ดีเยี่ยม|ดีมาก|ดี|พอใช้|ปรับปรุง|5|4|3|2|1";
static const char *const LEVEL_NAMES[6] = { "", "ปรับปรุง", "พอใช้", "ดี", "ดีมาก", "ดีเยี่ยม" };

typedef struct Loader {
	Model *m;
	Diag *d;
	const Settings *s;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *keys;
} Loader;

static int
on_evaluation(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	const School *school;
	CalDate date;
	long round;
	int level_idx;

	if (load_school(r, &evaluations_table, COL_SCHOOL, l->m, 0, &school, d) != 0 ||
	    field_int(r, &evaluations_table, COL_ROUND, 1, 99, 1, 1, &round, d) != 0 ||
	    field_date(r, &evaluations_table, COL_DATE, 0, &date, d) != 0 ||
	    (level_idx = field_choice(r, &evaluations_table, COL_LEVEL, LEVELS, 1, d)) == -1)
		return 1;

	Evaluation e;
	memset(&e, 0, sizeof(e));
	int sum = 0, nscored = 0;
	for (int i = 0; i < EVAL_MAX_CRITERIA; i++) {
		long v;
		if (r->col[COL_C1 + i] == 0 && r->field[COL_C1 + i][0] == '\0')
			continue;
		if (field_int(r, &evaluations_table, COL_C1 + i, 1, 5, 1, 0, &v, d) != 0)
			return 1;
		e.scores[i] = (int)v;
		e.nscores = i + 1;
		if (v > 0) {
			sum += (int)v;
			nscored++;
		}
	}
	const char *pct = r->field[COL_PCT];
	if (*pct != '\0') {
		/* A percentage has at most 2 decimals: read it exactly as hundredths
		 * (the money parser does just that) so no locale is involved. */
		long long hundredths;
		size_t n = strlen(pct);
		if (n > 0 && pct[n - 1] == '%')
			n--;
		NumStatus st = num_parse_money(pct, n, &hundredths);
		if (st != NUM_OK || hundredths < 0 || hundredths > 10000) {
			diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_PCT],
			    "score_pct is not a percentage from 0 to 100 (found \"%s\"); write e.g. 72 or "
			    "72.50 (row rejected)", pct);
			return 1;
		}
		e.has_percent = 1;
		e.percent = (double)hundredths / 100.0;
	}
	if (level_idx >= 0)
		e.level = 5 - level_idx % 5;
	if (nscored == 0 && !e.has_percent && e.level == 0) {
		diag_report(d, DIAG_ROW, r->file, r->line, 0,
		    "the row has no result: no criterion score (c1..c%d), no score_pct and no level; "
		    "fill in the scores (row rejected)", EVAL_MAX_CRITERIA);
		return 1;
	}

	char key[64];
	snprintf(key, sizeof(key), "%s#%ld", school->code, round);
	const char *k = load_str(&l->pool, key);
	long first = load_idset_add(l->keys, k, r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_ROUND],
		    "school %s already has an evaluation of round %ld (%s %ld); number the rounds "
		    "or remove the copy (row rejected)", school->code, round, load_line_word(r->file), first);
		return 1;
	}

	/* The level the scores earn, against the level written. */
	if (e.level > 0 && (e.has_percent || nscored > 0)) {
		int derived;
		char basis[64];
		if (e.has_percent) {
			derived = settings_level_of_percent(l->s, e.percent);
			snprintf(basis, sizeof(basis), "score_pct %s", pct);
		} else if (l->s && l->s->eval_method == EVAL_BY_MEAN) {
			derived = settings_level_of_mean(l->s, (double)sum / nscored);
			snprintf(basis, sizeof(basis), "a mean score of %d/%d", sum, nscored);
		} else {
			derived = settings_level_of_percent(l->s, sum * 100.0 / (5.0 * nscored));
			snprintf(basis, sizeof(basis), "scores %d of %d", sum, 5 * nscored);
		}
		if (derived != e.level)
			diag_report(d, DIAG_WARNING, r->file, r->line, r->col[COL_LEVEL],
			    "level %s does not match %s, which is level %d (%s); the level is computed "
			    "from the scores: check both", LEVEL_NAMES[e.level], basis, derived,
			    LEVEL_NAMES[derived]);
	}

	Evaluation *out = load_vec_push(&l->rows);
	*out = e;
	out->school = school;
	out->round = (int)round;
	out->date = date;
	out->evaluator = load_str(&l->pool, r->field[COL_EVALUATOR]);
	out->in_fy = load_check_fy(r, &evaluations_table, COL_DATE, date, l->fy, l->sum, d);
	out->line = r->line;
	return 0;
}

int
evaluations_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .m = m, .d = d, .s = o->settings, .fy = o->fiscal_year, .sum = sum,
		.pool = { a, NULL, 0 }, .keys = load_idset_new() };
	load_vec_init(&l.rows, a, sizeof(Evaluation), 0);
	int rc = load_table(path, &evaluations_table, o, on_evaluation, &l, sum, d);
	load_idset_free(l.keys);
	m->evaluations = load_vec_finish(&l.rows);
	m->nevaluations = l.rows.n;
	return rc;
}
