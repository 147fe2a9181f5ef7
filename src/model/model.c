/* model.c - lookups over the loaded model (see model.h). */
/* The index is sorted by code, then by line, so that the first of duplicate
 * codes comes first and the order never depends on qsort. */
#include "model/model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/cnum.h"

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

const char *
model_without_school_word(const char *s)
{
	static const char *const prefixes[] = { "โรงเรียน", "ร.ร.", "รร." };
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(s, prefixes[i], n) != 0)
			continue;
		const char *rest = s + n + strspn(s + n, " ");
		return *rest ? rest : s;
	}
	return s;
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

/* Counting sort of rows by school: one pass to count, one to place. The
 * school of row k is at byte offset `school_off` of the row. */
static RowIndex
index_by_school(const Model *m, Arena *a, const void *rows, size_t nrows, size_t size, size_t school_off)
{
	RowIndex ix;
	ix.start = arena_array(a, m->nschools + 1, sizeof(size_t));
	ix.rows = arena_array(a, nrows ? nrows : 1, sizeof(void *));
	size_t *fill = arena_array(a, m->nschools + 1, sizeof(size_t));
	for (size_t k = 0; k < nrows; k++) {
		const School *s = *(const School *const *)((const char *)rows + k * size + school_off);
		if (s)
			ix.start[(size_t)(s - m->schools) + 1]++;
	}
	for (size_t i = 0; i < m->nschools; i++)
		ix.start[i + 1] += ix.start[i];
	for (size_t k = 0; k < nrows; k++) {
		const void *row = (const char *)rows + k * size;
		const School *s = *(const School *const *)((const char *)row + school_off);
		if (s) {
			size_t i = (size_t)(s - m->schools);
			ix.rows[ix.start[i] + fill[i]++] = row;
		}
	}
	return ix;
}

void
model_index_rows(Model *m, Arena *a)
{
	m->visits_by_school = index_by_school(m, a, m->visits, m->nvisits, sizeof(Visit), offsetof(Visit, school));
	m->responses_by_school = index_by_school(m, a, m->survey.responses, m->survey.nresponses, sizeof(Response),
	    offsetof(Response, school));
	m->evaluations_by_school = index_by_school(m, a, m->evaluations, m->nevaluations, sizeof(Evaluation),
	    offsetof(Evaluation, school));
	m->practices_by_school = index_by_school(m, a, m->practices, m->npractices, sizeof(Practice),
	    offsetof(Practice, school));
}

const void *const *
model_rows(const RowIndex *ix, const Model *m, const School *s, size_t *n)
{
	size_t i = (size_t)(s - m->schools);
	*n = ix->start[i + 1] - ix->start[i];
	return ix->rows + ix->start[i];
}

const Meeting *
model_committee_meeting(const Model *m, int no, int fiscal_year)
{
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (!mt->kind->committee || mt->seq_no != no)
			continue;
		/* seq "3/2558": the year after the slash, when written, must match. */
		const char *slash = strchr(mt->seq, '/');
		if (slash && slash[1] != '\0') {
			long long y;
			if (c_strtonum_prefix(slash + 1, NULL, 0, 9999, &y) != CNUM_OK || y != fiscal_year)
				continue;
		} else if (!cal_in_fy(mt->date, fiscal_year)) {
			continue;
		}
		return mt;
	}
	return NULL;
}

const Meeting *
model_committee_before(const Model *m, const Meeting *this)
{
	const Meeting *best = NULL;
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (!mt->kind->committee || mt == this || cal_compare(mt->date, this->date) >= 0)
			continue;
		if (best == NULL || cal_compare(mt->date, best->date) > 0)
			best = mt;
	}
	return best;
}
