/* schools.c - the schools table (see schools.h). */
#include "load/schools.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "load/fields.h"
#include "load/table.h"

enum {
	COL_CODE, COL_NAME, COL_DISTRICT, COL_SUBDISTRICT, COL_NETWORK, COL_COLOR, COL_SIZE,
	COL_STUDENTS, COL_TEACHERS, COL_ADMINS, COL_PRINCIPAL, COL_ACTIVE, COL_TYPE, NCOLS
};

static const ColumnSpec columns[NCOLS] = {
	[COL_CODE] = { "school_code", "รหัสโรงเรียน|รหัสสถานศึกษา", 1, CT_CODE },
	[COL_NAME] = { "name", "ชื่อโรงเรียน|ชื่อสถานศึกษา", 1 },
	[COL_DISTRICT] = { "district", "อำเภอ", 1 },
	[COL_SUBDISTRICT] = { "subdistrict", "ตำบล", 0 },
	[COL_NETWORK] = { "network_code", "รหัสเครือข่าย|เครือข่าย", 0, CT_NETWORK },
	[COL_COLOR] = { "color_group", "กลุ่มสี", 0, CT_CHOICE, "ดำ|แดง|เหลือง|เขียว|ฟ้า" },
	[COL_SIZE] = { "size", "ขนาด|ขนาดโรงเรียน", 0, CT_CHOICE, "เล็ก|กลาง|ใหญ่|ใหญ่พิเศษ" },
	[COL_STUDENTS] = { "students", "จำนวนนักเรียน|นักเรียน", 0, CT_NUMBER },
	[COL_TEACHERS] = { "teachers", "จำนวนครู|ครู", 0, CT_NUMBER },
	[COL_ADMINS] = { "admins", "จำนวนผู้บริหาร", 0, CT_NUMBER },
	[COL_PRINCIPAL] = { "principal", "ผู้บริหาร|ชื่อผู้บริหาร|ผู้อำนวยการ", 0 },
	[COL_ACTIVE] = { "active", "สถานะ", 0, CT_CHOICE, "ปกติ|ยุบรวม" },
	[COL_TYPE] = { "school_type", "ประเภท|ประเภทโรงเรียน|ประเภทสถานศึกษา", 0 },
};

const TableSpec schools_table = { "schools", columns, NCOLS, "โรงเรียน" };

static const char COLORS[] = "ดำ|แดง|เหลือง|เขียว|ฟ้า";
static const char SIZES[] = "เล็ก|กลาง|ใหญ่|ใหญ่พิเศษ";
/* Active first, then inactive: the index says which. */
static const char ACTIVE_WORDS[] = "1|yes|true|active|เปิด|เปิดสอน|ปกติ|0|no|false|inactive|ปิด|ยุบ|ยุบรวม|ควบรวม|เลิกล้ม";
enum { FIRST_INACTIVE = 7 };

typedef struct Loader {
	Model *m;
	Arena *a;
	Diag *d;
	size_t cap;
} Loader;

static int
on_school(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	long students, teachers, admins;
	int color, size, active;

	if (field_code(r, &schools_table, COL_CODE, 8, 10, d) != 0 ||
	    field_required(r, &schools_table, COL_NAME, d) != 0 ||
	    field_required(r, &schools_table, COL_DISTRICT, d) != 0 ||
	    (color = field_choice(r, &schools_table, COL_COLOR, COLORS, 1, d)) == -1 ||
	    (size = field_choice(r, &schools_table, COL_SIZE, SIZES, 1, d)) == -1 ||
	    (active = field_choice(r, &schools_table, COL_ACTIVE, ACTIVE_WORDS, 1, d)) == -1 ||
	    field_int(r, &schools_table, COL_STUDENTS, 0, 100000, 1, 0, &students, d) != 0 ||
	    field_int(r, &schools_table, COL_TEACHERS, 0, 10000, 1, 0, &teachers, d) != 0 ||
	    field_int(r, &schools_table, COL_ADMINS, 0, 100, 1, 0, &admins, d) != 0)
		return 1;

	const char *code = r->field[COL_CODE];
	if (l->m->nschools == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 128;
		School *grown = arena_array(l->a, ncap, sizeof(School));
		if (l->m->nschools)
			memcpy(grown, l->m->schools, l->m->nschools * sizeof(School));
		l->m->schools = grown;
		l->cap = ncap;
	}
	School *s = &l->m->schools[l->m->nschools++];
	s->code = arena_strdup(l->a, code);
	s->name = arena_strdup(l->a, model_without_school_word(r->field[COL_NAME]));
	s->district = arena_strdup(l->a, r->field[COL_DISTRICT]);
	s->subdistrict = arena_strdup(l->a, r->field[COL_SUBDISTRICT]);
	s->network_code = arena_strdup(l->a, r->field[COL_NETWORK]);
	s->color_group = arena_strdup(l->a, r->field[COL_COLOR]);
	s->size = arena_strdup(l->a, r->field[COL_SIZE]);
	s->principal = arena_strdup(l->a, r->field[COL_PRINCIPAL]);
	s->type = arena_strdup(l->a, model_without_school_word(r->field[COL_TYPE]));
	s->students = (int)students;
	s->teachers = (int)teachers;
	s->admins = (int)admins;
	s->active = active < FIRST_INACTIVE; /* blank (-2) counts as active */
	s->file = r->file;
	s->line = r->line;
	(void)color;
	(void)size;
	return 0;
}

/* Duplicate codes, found on the index (sorted by code, then line) in
 * O(n log n): the first row of a code is kept, every later one rejected. */
static void
reject_duplicates(Model *m, const char *path, FileSummary *sum, Diag *d)
{
	unsigned char *dup = mem_alloc(m->nschools ? m->nschools : 1);
	size_t ndup = 0;
	for (size_t i = 1; i < m->nschools; i++) {
		const School *prev = m->schools_by_code[i - 1], *s = m->schools_by_code[i];
		if (strcmp(prev->code, s->code) != 0)
			continue;
		const School *first = prev;
		for (size_t j = i - 1; j > 0 && !strcmp(m->schools_by_code[j - 1]->code, s->code); j--)
			first = m->schools_by_code[j - 1];
		diag_report(d, DIAG_ROW, path, s->line, 0, "school_code %s appears again (first on %s "
		    "%ld); keep one row per school (row rejected)", s->code, load_line_word(path), first->line);
		dup[s - m->schools] = 1;
		ndup++;
	}
	if (ndup > 0) {
		size_t w = 0;
		for (size_t i = 0; i < m->nschools; i++)
			if (!dup[i])
				m->schools[w++] = m->schools[i];
		m->nschools = w;
		sum->accepted -= (long)ndup;
		sum->rejected += (long)ndup;
	}
	free(dup);
}

int
schools_load(Model *m, Arena *a, const char *path, const LoadOptions *o, int expected,
    FileSummary *sum, Diag *d)
{
	Loader l = { m, a, d, 0 };
	m->schools = NULL;
	m->nschools = 0;
	if (load_table(path, &schools_table, o, on_school, &l, sum, d) != 0)
		return -1;
	model_index_schools(m, a);
	reject_duplicates(m, path, sum, d);
	model_index_schools(m, a);

	size_t active = 0;
	for (size_t i = 0; i < m->nschools; i++)
		active += m->schools[i].active != 0;
	if (m->nschools == 0) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "no school could be read; every later figure needs them");
		return -1;
	}
	if ((long)active != expected) {
		sum->warnings++;
		diag_report(d, DIAG_WARNING, path, 0, 0,
		    "%zu active schools, but [office] expected_schools is %d; percentages use the %zu in "
		    "the file (set expected_schools if the office really has %zu)", active, expected,
		    active, active);
	}
	return 0;
}
