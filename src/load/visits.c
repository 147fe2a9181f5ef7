/* visits.c - visits.csv (การนิเทศ/การติดตาม): one row per school
 * visit or contact. The biggest file by far (about 3 million rows at national
 * scale), so rows go straight into one array sized from the file's line
 * count, strings into a packed pool (the repeated texts interned), ids into
 * a hash set. Schools and staff are found through hash maps, dates through
 * a small memo: per-row work stays a few hundred nanoseconds. */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

#include "load/fields.h"
#include "load/loaders.h"

enum {
	COL_ID, COL_DATE, COL_SCHOOL, COL_NETWORK, COL_ACTIVITY, COL_TOPIC, COL_MODE,
	COL_SUPERVISORS, COL_TEACHERS, COL_ADMINS, COL_STATUS, COL_SUMMARY, COL_SUGGESTIONS, NCOLS
};

static const ColumnSpec columns[NCOLS] = {
	[COL_ID] = { "visit_id", "รหัส|รหัสการนิเทศ|id", 1, CT_CODE },
	[COL_DATE] = { "date", "วันที่นิเทศ|วันที่", 1, CT_DATE },
	[COL_SCHOOL] = { "school_code", "รหัสโรงเรียน|school", 1, CT_SCHOOL },
	[COL_NETWORK] = { "network_code", "เครือข่าย|รหัสเครือข่าย", 0, CT_NETWORK },
	[COL_ACTIVITY] = { "activity_no", "กิจกรรมที่|กิจกรรม|activity", 1, CT_ACTIVITY },
	[COL_TOPIC] = { "topic", "ประเด็น|ประเด็นการนิเทศ", 0, CT_TOPIC },
	[COL_MODE] = { "mode", "รูปแบบ|รูปแบบการนิเทศ", 1, CT_CHOICE, "ลงพื้นที่|ออนไลน์|พบกลุ่ม|เครือข่าย" },
	[COL_SUPERVISORS] = { "supervisors", "ผู้นิเทศ|supervisor", 0 },
	[COL_TEACHERS] = { "teachers_met", "จำนวนครูที่รับการนิเทศ|จำนวนครู", 0, CT_NUMBER },
	[COL_ADMINS] = { "admins_met", "จำนวนผู้บริหารที่รับการนิเทศ|จำนวนผู้บริหาร", 0, CT_NUMBER },
	[COL_STATUS] = { "status", "สถานะ", 0, CT_CHOICE, "อนุมัติ|เผยแพร่|ร่าง" },
	[COL_SUMMARY] = { "summary", "สรุปผล|สรุปผลการนิเทศ", 0 },
	[COL_SUGGESTIONS] = { "suggestions", "ข้อเสนอแนะ", 0 },
};

const TableSpec visits_table = { "visits", columns, NCOLS, "บันทึกการนิเทศ" };

/* English word, then Thai, in the order of VisitMode / RowStatus. */
static const char MODES[] = "onsite|online|group|network|ลงพื้นที่|ออนไลน์|พบกลุ่ม|เครือข่าย";
static const char STATUSES[] = "approved|published|draft|อนุมัติ|เผยแพร่|ร่าง";

typedef struct Loader {
	Model *m;
	Diag *d;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *ids;
	LoadInterner *topics, *summaries, *suggestions;
	LoadMap *schools;          /* by code -> School */
	LoadMap *staff;            /* by id -> one-element list of that Staff (in solo) */
	const Staff **solo;
	Arena *a;
	struct {
		char text[16];
		CalDate date;
	} dates[512];               /* by a hash of the text; text "" = empty */
} Loader;

/* field_date through the memo: the same text always parses the same. */
static int
visit_date(Loader *l, const Record *r, CalDate *out)
{
	const char *v = r->field[COL_DATE];
	size_t n = strlen(v);
	if (n == 0 || n >= sizeof(l->dates[0].text))
		return field_date(r, &visits_table, COL_DATE, 0, out, l->d);
	unsigned h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * 31 + (unsigned char)v[i];
	h &= sizeof(l->dates) / sizeof(l->dates[0]) - 1;
	if (memcmp(l->dates[h].text, v, n + 1) == 0) {
		*out = l->dates[h].date;
		return 0;
	}
	if (field_date(r, &visits_table, COL_DATE, 0, out, l->d) != 0)
		return -1;
	memcpy(l->dates[h].text, v, n + 1);
	l->dates[h].date = *out;
	return 0;
}

/* load_school through the map: a code found there is a school's, which
 * schools.csv checked, so only the others need load_school's checks and
 * messages. */
static int
visit_school(Loader *l, const Record *r, const School **out)
{
	const char *v = r->field[COL_SCHOOL];
	const School *s = load_map_get(l->schools, v, strlen(v));
	if (s != NULL) {
		*out = s;
		return 0;
	}
	return load_school(r, &visits_table, COL_SCHOOL, l->m, 1, out, l->d);
}

/* The topic of an activity that has sub-topics in the plan (activity 4):
 * required and one of the plan's codes. Returns the plan's string. */
static int
check_topic(Loader *l, const Record *r, int activity, const char **out)
{
	const char *v = r->field[COL_TOPIC];
	const PlanActivity *pa = l->m->plan ? plan_activity(l->m->plan, activity) : NULL;
	int needs = pa ? pa->ntopics > 0 : activity == 4;
	if (!needs) {
		*out = load_intern(l->topics, v, strlen(v));
		return 0;
	}
	if (*v == '\0') {
		diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_TOPIC] ? r->col[COL_TOPIC] :
		    r->col[COL_ACTIVITY], "topic is blank for activity %d; write the sub-topic "
		    "(4.1 to 4.8) the visit was about (row rejected)", activity);
		return -1;
	}
	if (pa == NULL) {
		*out = load_intern(l->topics, v, strlen(v));
		return 0;
	}
	for (size_t i = 0; i < pa->ntopics; i++) {
		if (!strcmp(pa->topics[i].code, v)) {
			*out = pa->topics[i].code;
			return 0;
		}
	}
	diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_TOPIC],
	    "topic %s is not a sub-topic of activity %d in the plan (%s to %s); correct it "
	    "(row rejected)", v, activity, pa->topics[0].code, pa->topics[pa->ntopics - 1].code);
	return -1;
}

/* "S01;S03": every id must be in staff. The map gives, for each id, a
 * one-element list holding that person (l->solo), which a visit by one
 * supervisor points at; a visit by several gets its own small list. No
 * table of teams: at national scale most pairs of supervisors are new, so
 * one cost more than it saved. */
static int
parse_supervisors(Loader *l, const Record *r, Visit *v)
{
	const Staff *const *found[VISIT_MAX_SUPERVISORS];
	int n = 0;
	const char *p = r->field[COL_SUPERVISORS];
	while (*p) {
		while (*p == ' ' || *p == ';')
			p++;
		if (*p == '\0')
			break;
		size_t len = strcspn(p, ";");
		size_t k = len;
		while (k > 0 && p[k - 1] == ' ')
			k--;
		const Staff *const *s = load_map_get(l->staff, p, k);
		if (s == NULL) {
			diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_SUPERVISORS],
			    "supervisor %.*s is not in staff; correct the id or add the person to staff "
			    "(row rejected)", k > 64 ? 64 : (int)k, p);
			return -1;
		}
		if (n == VISIT_MAX_SUPERVISORS) {
			diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_SUPERVISORS],
			    "more than %d supervisors in one visit; split the visit into rows of at most "
			    "%d (row rejected)", VISIT_MAX_SUPERVISORS, VISIT_MAX_SUPERVISORS);
			return -1;
		}
		found[n++] = s;
		p += len;
	}
	v->nsupervisors = n;
	if (n == 0) {
		v->supervisors = NULL;
	} else if (n == 1) {
		v->supervisors = found[0];
	} else {
		const Staff **list = arena_array(l->a, (size_t)n, sizeof(*list));
		for (int i = 0; i < n; i++)
			list[i] = *found[i];
		v->supervisors = list;
	}
	return 0;
}

static int
on_visit(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	CalDate date;
	const School *school;
	int activity, mode, status;
	long teachers, admins;
	const char *topic;

	if (field_required(r, &visits_table, COL_ID, d) != 0 ||
	    visit_date(l, r, &date) != 0 ||
	    visit_school(l, r, &school) != 0 ||
	    load_activity(r, &visits_table, COL_ACTIVITY, l->m, 0, &activity, d) != 0 ||
	    check_topic(l, r, activity, &topic) != 0 ||
	    (mode = field_choice(r, &visits_table, COL_MODE, MODES, 0, d)) < 0 ||
	    (status = field_choice(r, &visits_table, COL_STATUS, STATUSES, 1, d)) == -1 ||
	    field_int(r, &visits_table, COL_TEACHERS, 0, 100000, 1, 0, &teachers, d) != 0 ||
	    field_int(r, &visits_table, COL_ADMINS, 0, 10000, 1, 0, &admins, d) != 0)
		return 1;

	const char *net = r->field[COL_NETWORK];
	if (*net != '\0' && model_network(l->m, net) == NULL) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_NETWORK],
		    "network_code %s is not in networks; correct the code or add the network "
		    "(row rejected)", net);
		return 1;
	}
	if (school == NULL && *net == '\0') {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_SCHOOL],
		    "school_code is blank and no network_code is given; write the school, or the "
		    "network for a network or group session (row rejected)");
		return 1;
	}

	load_vec_reserve(&l->rows, r->rows_max);
	Visit *v = load_vec_push(&l->rows);
	if (parse_supervisors(l, r, v) != 0) {
		load_vec_pop(&l->rows);
		return 1;
	}
	const char *id = load_strn(&l->pool, r->field[COL_ID], strlen(r->field[COL_ID]));
	long first = load_idset_add(l->ids, id, r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_ID],
		    "visit_id %s appears again (first on line %ld); give every visit its own id "
		    "(row rejected)", id, first);
		load_vec_pop(&l->rows);
		return 1;
	}
	v->id = id;
	v->date = date;
	v->school = school;
	v->network_code = *net ? (school && !strcmp(school->network_code, net) ?
	    school->network_code : model_network(l->m, net)->code) : "";
	v->activity = activity;
	v->topic = topic;
	v->mode = (VisitMode)(mode % MODE_NMODES);
	v->teachers_met = (int)teachers;
	v->admins_met = (int)admins;
	v->status = status < 0 ? STATUS_APPROVED : (RowStatus)(status % 3);
	v->summary = load_intern(l->summaries, r->field[COL_SUMMARY], strlen(r->field[COL_SUMMARY]));
	v->suggestions = load_intern(l->suggestions, r->field[COL_SUGGESTIONS],
	    strlen(r->field[COL_SUGGESTIONS]));
	v->in_fy = load_check_fy(r, &visits_table, COL_DATE, date, l->fy, l->sum, d);
	v->line = (uint32_t)r->line;
	return 0;
}

int
visits_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader *l = mem_alloc(sizeof(*l));
	memset(l, 0, sizeof(*l));
	*l = (Loader){ .m = m, .d = d, .fy = o->fiscal_year, .sum = sum, .pool = { a, NULL, 0 },
		.ids = load_idset_new() };
	/* First wins, as in a search of the sorted arrays: codes are unique
	 * once their loaders have rejected duplicates. */
	l->schools = load_map_new();
	for (size_t i = 0; i < m->nschools; i++)
		load_map_put(l->schools, m->schools[i].code, &m->schools[i]);
	l->staff = load_map_new();
	l->solo = arena_array(a, m->nstaff ? m->nstaff : 1, sizeof(*l->solo));
	for (size_t i = 0; i < m->nstaff; i++) {
		l->solo[i] = &m->staff[i];
		load_map_put(l->staff, m->staff[i].id, &l->solo[i]);
	}
	l->a = a;
	l->topics = load_interner_new(&l->pool);
	l->summaries = load_interner_new(&l->pool);
	l->suggestions = load_interner_new(&l->pool);
	load_vec_init(&l->rows, a, sizeof(Visit), 0);
	int rc = load_table(path, &visits_table, o, on_visit, l, sum, d);
	load_idset_free(l->ids);
	load_interner_free(l->topics);
	load_interner_free(l->summaries);
	load_interner_free(l->suggestions);
	load_map_free(l->schools);
	load_map_free(l->staff);
	m->visits = load_vec_finish(&l->rows);
	m->nvisits = l->rows.n;
	free(l);
	return rc;
}
