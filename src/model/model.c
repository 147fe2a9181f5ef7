/* model.c - lookups over the loaded model (see model.h). */
/* The index is sorted by code, then by line, so that the first of duplicate
 * codes comes first and the order never depends on qsort. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

static int
by_code(const void *a, const void *b)
{
	const School *const *x = a, *const *y = b;
	int c = strcmp((*x)->code, (*y)->code);
	if (c != 0)
		return c;
	return ((*x)->line > (*y)->line) - ((*x)->line < (*y)->line);
}

void
model_index_schools(Model *m, Arena *a)
{
	m->schools_by_code = arena_array(a, m->nschools ? m->nschools : 1, sizeof(*m->schools_by_code));
	for (size_t i = 0; i < m->nschools; i++)
		m->schools_by_code[i] = &m->schools[i];
	qsort(m->schools_by_code, m->nschools, sizeof(*m->schools_by_code), by_code);
}

const School *
model_school(const Model *m, const char *code)
{
	if (m->schools_by_code == NULL) {
		for (size_t i = 0; i < m->nschools; i++)
			if (!strcmp(m->schools[i].code, code))
				return &m->schools[i];
		return NULL;
	}
	size_t lo = 0, hi = m->nschools;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->schools_by_code[mid]->code, code);
		if (c == 0)
			return m->schools_by_code[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Binary search over an array of structs whose first member is the key. */
static const void *
find_sorted(const void *base, size_t n, size_t size, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = *(const char *const *)((const char *)base + mid * size);
		int c = strcmp(k, key);
		if (c == 0)
			return (const char *)base + mid * size;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const Network *
model_network(const Model *m, const char *code)
{
	return find_sorted(m->networks, m->nnetworks, sizeof(Network), code);
}

const Staff *
model_staff(const Model *m, const char *id)
{
	return find_sorted(m->staff, m->nstaff, sizeof(Staff), id);
}

const char *
model_mode_name(VisitMode mode)
{
	static const char *const names[MODE_NMODES] = { "onsite", "online", "group", "network" };
	return mode < MODE_NMODES ? names[mode] : "?";
}

const char *
model_category_name(Category c)
{
	static const char *const names[CAT_NCATEGORIES] = { "ค่าตอบแทน", "ค่าใช้สอย", "ค่าวัสดุ",
		"ค่าสาธารณูปโภค" };
	return c < CAT_NCATEGORIES ? names[c] : "?";
}

const char *
model_meeting_type_name(MeetingType t)
{
	static const char *const names[MEETING_NTYPES] = { "กตปน", "ประชุมประจำเดือน", "KM",
		"ประชุมปฏิบัติการแผน", "ประชุมปฏิบัติการรายงาน", "สวัสดีคุณครู" };
	return t < MEETING_NTYPES ? names[t] : "?";
}
