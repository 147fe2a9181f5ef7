/* surveys.c - surveys.csv (แบบสำรวจความพึงพอใจ): the Google
 * Forms export. Its columns are not fixed: every grid column "คำถาม [แถว]" is
 * a Likert item, so the header is read here rather than by table_read; the
 * fixed columns still go through the shared field checks. */
#include <string.h>
#include <strings.h>

#include "core/numfmt.h"
#include "load/fields.h"
#include "load/loaders.h"
#include "load/sheet.h"

enum { COL_TIME, COL_EMAIL, COL_SCHOOL, COL_ROLE, COL_ACTIVITY, COL_COMMENT, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_TIME] = { "timestamp", "ประทับเวลา|Timestamp", 1 },
	[COL_EMAIL] = { "email", "ที่อยู่อีเมล|Email Address|Email|อีเมล", 0 },
	[COL_SCHOOL] = { "school", "โรงเรียน|ชื่อโรงเรียน|school_code|รหัสโรงเรียน|สถานศึกษา", 1 },
	[COL_ROLE] = { "respondent_role", "สถานภาพผู้ตอบ|สถานภาพ|role", 0 },
	[COL_ACTIVITY] = { "activity_no", "กิจกรรมที่|กิจกรรม", 0, CT_ACTIVITY },
	[COL_COMMENT] = { "comment", "ข้อเสนอแนะ|ข้อเสนอแนะเพิ่มเติม|ความคิดเห็น", 0 },
};

const TableSpec surveys_table = { "surveys", columns, NCOLS, "แบบสอบถามความพึงพอใจ" };

/* Longest first where one word begins another. */
static const struct { const char *word; int value; } LIKERT[] = {
	{ "มากที่สุด", 5 }, { "มาก", 4 }, { "ปานกลาง", 3 }, { "น้อยที่สุด", 1 }, { "น้อย", 2 },
};

int
surveys_likert(const char *s, size_t len)
{
	char c[96];
	size_t n = 0;
	/* Spaces, brackets and the marks forms put between a number and its
	 * word ("5 - มากที่สุด", "5. มาก", "5 = มาก", "มาก – 4") are not part
	 * of the answer. */
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\0' && strchr(" ()\t-.=:", s[i]) != NULL)
			continue;
		if (i + 2 < len && !memcmp(s + i, "\xE2\x80\x93", 3)) {
			i += 2;     /* an en dash */
			continue;
		}
		if (n == sizeof(c) - 1)
			return -1;
		c[n++] = s[i];
	}
	c[n] = '\0';
	if (n == 0)
		return 0;
	int digit = 0, found = 0, dv;
	const char *p = c, *end = c + n;
	size_t k = num_digit(p, n, &dv);
	if (k > 0) {
		digit = dv;
		found = 1;
		p += k;
	} else {
		/* A trailing digit: ASCII (1 byte) or Thai (3 bytes). */
		for (size_t w = 1; w <= 3 && w <= n && !found; w += 2)
			if (num_digit(end - w, w, &dv) == w) {
				digit = dv;
				found = 1;
				end -= w;
			}
	}
	if (found && (digit < 1 || digit > 5))
		return -1;      /* "0", "9 (มาก)" */
	size_t rest = (size_t)(end - p);
	if (rest == 0)
		return digit ? digit : -1;
	for (size_t i = 0; i < sizeof(LIKERT) / sizeof(LIKERT[0]); i++) {
		size_t wl = strlen(LIKERT[i].word);
		if (rest < wl || memcmp(p, LIKERT[i].word, wl) != 0)
			continue;
		if (rest != wl)
			return -1;   /* มากมาก, น้อยกว่า ... */
		if (digit && digit != LIKERT[i].value)
			return -1;   /* "5 (น้อย)" */
		return LIKERT[i].value;
	}
	return -1;
}

typedef struct Loader {
	Model *m;
	Survey *sv;                  /* the survey being read: m->survey or another */
	Arena *a;
	Diag *d;
	const char *path;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *keys;
	const School **by_name;
	const RowSource *src;        /* our XML gives no column numbers */
	int have_header, failed;
	long map[NCOLS];             /* fixed column -> file column index, -1 absent */
	long *item_col;              /* item i -> file column index */
	size_t nitems;
	long invalid;                /* answers that are not Likert ratings */
} Loader;

/* "ความพึงพอใจต่อการนิเทศ [1. การวางแผน]": the row name in brackets, or NULL. */
static const char *
grid_item(const char *h, size_t *len)
{
	size_t n = strlen(h);
	if (n < 3 || h[n - 1] != ']')
		return NULL;
	const char *open = NULL;
	for (const char *p = h; p < h + n - 1; p++)
		if (*p == '[')
			open = p;
	if (open == NULL || open == h)
		return NULL;
	const char *s = open + 1;
	while (*s == ' ')
		s++;
	size_t l = (size_t)(h + n - 1 - s);
	while (l > 0 && s[l - 1] == ' ')
		l--;
	if (l == 0)
		return NULL;
	*len = l;
	return s;
}

static long
col_of(const Loader *l, size_t i)
{
	return l->src && l->src->sheet && !l->src->sheet->columns_known ? 0 : (long)i + 1;
}

static int
read_header(Loader *l, const SourceRow *row)
{
	Survey *sv = l->sv;
	for (int c = 0; c < NCOLS; c++)
		l->map[c] = -1;
	l->item_col = arena_array(l->a, row->nfields ? row->nfields : 1, sizeof(long));
	for (size_t i = 0; i < row->nfields; i++) {
		const char *h = row->fields[i];
		if (*h == '\0')
			continue;
		int known = 0;
		for (int c = 0; c < NCOLS && !known; c++) {
			if (!table_header_matches(&columns[c], h))
				continue;
			known = 1;
			if (l->map[c] >= 0) {
				diag_report(l->d, DIAG_INPUT, l->path, row->line, col_of(l, i),
				    "column '%s' appears twice (also column %ld); keep one", h, l->map[c] + 1);
				return -1;
			}
			l->map[c] = (long)i;
		}
		size_t len;
		const char *item = known ? NULL : grid_item(h, &len);
		if (item != NULL) {
			if (sv->nitems == SURVEY_MAX_ITEMS) {
				diag_report(l->d, DIAG_INPUT, l->path, row->line, col_of(l, i),
				    "more than %d rating items (grid columns); split the form's export into "
				    "files of at most %d items", SURVEY_MAX_ITEMS, SURVEY_MAX_ITEMS);
				return -1;
			}
			l->item_col[sv->nitems] = (long)i;
			sv->items[sv->nitems++] = load_strn(&l->pool, item, len);
			known = 1;
		}
		if (!known)
			diag_report(l->d, DIAG_WARNING, l->path, row->line, col_of(l, i),
			    "unknown column '%s' is ignored; rating items are grid columns headed "
			    "\"question [item]\"", h);
	}
	l->nitems = sv->nitems;
	int missing = 0;
	for (int c = 0; c < NCOLS; c++) {
		if (!columns[c].required || l->map[c] >= 0)
			continue;
		diag_report(l->d, DIAG_INPUT, l->path, row->line, 0,
		    "required column '%s' is missing; add a column headed %s or %s", columns[c].key,
		    columns[c].key, columns[c].aliases);
		missing++;
	}
	if (!missing && sv->nitems == 0) {
		diag_report(l->d, DIAG_INPUT, l->path, row->line, 0,
		    "no rating item: the Likert questions must be grid columns headed \"question "
		    "[item]\", as Google Forms exports them");
		missing++;
	}
	return missing ? -1 : 0;
}

static int
on_response(Loader *l, const SourceRow *row)
{
	Diag *d = l->d;
	Record rec;
	rec.file = l->path;
	rec.line = row->line;
	rec.rows_max = row->rows_max;
	load_vec_reserve(&l->rows, row->rows_max);
	for (int c = 0; c < NCOLS; c++) {
		long i = l->map[c];
		rec.field[c] = i >= 0 && (size_t)i < row->nfields ? row->fields[i] : "";
		rec.col[c] = i >= 0 ? col_of(l, (size_t)i) : 0;
	}
	const Record *r = &rec;

	CalDateTime ts;
	int activity;
	if (field_required(r, &surveys_table, COL_TIME, d) != 0 ||
	    field_required(r, &surveys_table, COL_SCHOOL, d) != 0 ||
	    load_activity(r, &surveys_table, COL_ACTIVITY, l->m, 1, &activity, d) != 0)
		return 1;
	const char *tv = r->field[COL_TIME];
	CalStatus st = cal_parse_datetime(tv, strlen(tv), CAL_BE_THRESHOLD, &ts);
	if (st != CAL_OK) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_TIME],
		    "timestamp is not a date and time: %s (found \"%s\"); write it as Google Forms "
		    "does, e.g. 14/9/2015, 10:05:12 (row rejected)", cal_status_text(st), tv);
		return 1;
	}
	int ambiguous;
	const char *sname = r->field[COL_SCHOOL];
	const School *school = load_find_school(l->m, l->by_name, sname, &ambiguous);
	if (school == NULL) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_SCHOOL],
		    ambiguous ? "school \"%s\" names more than one school of schools.csv; answer with "
		    "the school code (row rejected)" : "school \"%s\" is not in schools.csv; write the "
		    "school code, or the name as schools.csv has it (row rejected)", sname);
		return 1;
	}

	/* The same timestamp and e-mail is the same response. Without an
	 * e-mail, two people may submit in the same second: only a row equal in
	 * school and every answer too is a copy. */
	char key[320];
	char when[32];
	cal_format_datetime(ts, CAL_FORMAT_ISO, 0, when, sizeof(when));
	int kl = snprintf(key, sizeof(key), "%s|%s", when, r->field[COL_EMAIL]);
	if (r->field[COL_EMAIL][0] == '\0' && kl < (int)sizeof(key))
		kl += snprintf(key + kl, sizeof(key) - (size_t)kl, "|%s", school->code);
	for (size_t i = 0; r->field[COL_EMAIL][0] == '\0' && i < l->nitems && kl + 2 <
	    (int)sizeof(key); i++) {
		long c = l->item_col[i];
		const char *v = (size_t)c < row->nfields ? row->fields[c] : "";
		key[kl++] = (char)('0' + surveys_likert(v, strlen(v)) + 1);
		key[kl] = '\0';
	}
	const char *k = load_strn(&l->pool, key, kl < (int)sizeof(key) ? (size_t)kl :
	    sizeof(key) - 1);
	long first = load_idset_add(l->keys, k, r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_TIME],
		    "the same response (timestamp %s%s%s) was already read on line %ld; remove the "
		    "copy (row rejected)", tv, *r->field[COL_EMAIL] ? ", e-mail " : "",
		    r->field[COL_EMAIL], first);
		return 1;
	}

	Response *resp = load_vec_push(&l->rows);
	for (size_t i = 0; i < l->nitems; i++) {
		long c = l->item_col[i];
		const char *v = (size_t)c < row->nfields ? row->fields[c] : "";
		size_t vl = (size_t)c < row->nfields ? row->lens[c] : 0;
		int x = surveys_likert(v, vl);
		if (x < 0) {
			l->invalid++;
			diag_report(d, DIAG_WARNING, r->file, r->line, col_of(l, (size_t)c),
			    "answer \"%s\" to item \"%s\" is not a rating (มากที่สุด, มาก, ปานกลาง, น้อย, "
			    "น้อยที่สุด or 1-5); it is counted as invalid and left out of the means",
			    v, l->sv->items[i]);
		}
		resp->answers[i] = (signed char)x;
	}
	resp->timestamp = ts;
	resp->email = load_str(&l->pool, r->field[COL_EMAIL]);
	resp->school = school;
	resp->role = load_str(&l->pool, r->field[COL_ROLE]);
	resp->activity = activity;
	resp->comment = load_str(&l->pool, r->field[COL_COMMENT]);
	resp->in_fy = load_check_fy(r, &surveys_table, COL_TIME, ts.date, l->fy, l->sum, d);
	resp->line = r->line;
	return 0;
}

static int
on_row(void *vl, const SourceRow *row)
{
	Loader *l = vl;
	if (!l->have_header) {
		l->have_header = 1;
		if (read_header(l, row) != 0) {
			l->failed = 1;
			return -1;
		}
		return 0;
	}
	l->sum->rows++;
	if (on_response(l, row) == 0)
		l->sum->accepted++;
	else
		l->sum->rejected++;
	return 0;
}

int
surveys_load_into(Model *m, Survey *sv, Arena *a, const char *path, const LoadOptions *o,
    FileSummary *sum, Diag *d)
{
	Loader l = { .m = m, .sv = sv, .a = a, .d = d, .path = path, .fy = o->fiscal_year, .sum = sum,
		.pool = { a, NULL, 0 }, .keys = load_idset_new() };
	memset(sv, 0, sizeof(*sv));
	l.by_name = load_schools_by_name(m, a);
	load_vec_init(&l.rows, a, sizeof(Response), 0);
	size_t warnings_before = diag_warnings(d);
	sum->path = path;
	sum->present = 1;
	RowSource src;
	l.src = &src;
	int rc = load_read_rows(path, "surveys", o, on_row, &l, &src, d);
	sum->encoding = src.format;
	sum->rows += src.rows_rejected;
	sum->rejected += src.rows_rejected;
	load_idset_free(l.keys);
	sv->responses = load_vec_finish(&l.rows);
	sv->nresponses = l.rows.n;
	sum->warnings = (long)(diag_warnings(d) - warnings_before);
	if (l.failed || rc != 0)
		return -1;
	if (!l.have_header) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "no header row; the first row must name the columns");
		return -1;
	}
	return 0;
}

int
surveys_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	return surveys_load_into(m, &m->survey, a, path, o, sum, d);
}
