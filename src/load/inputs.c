/* inputs.c - every input file into the model, and the helpers the loaders
 * share (see inputs.h and loaders.h). */
#include "load/inputs.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "load/csvread.h"
#include "load/encoding.h"
#include "load/fields.h"
#include "load/image.h"
#include "load/loaders.h"
#include "load/schools.h"
#include "load/sheet.h"
#include "load/ods.h"
#include "load/xls.h"
#include "load/xlsx.h"

/* ---- reading a table by its extension ---- */

static int
has_extension(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcasecmp(path + n - e, ext) == 0;
}

const char *
load_line_word(const char *path)
{
	return has_extension(path, ".xlsx") || has_extension(path, ".ods") || has_extension(path, ".xls") ? _("row") :
	    _("line");
}

int
load_read_rows(const char *path, const char *stem, const LoadOptions *o, RowFn fn, void *ctx,
    RowSource *src, Diag *d)
{
	RowSource local;
	if (src == NULL)
		src = &local;
	memset(src, 0, sizeof *src);
	src->columns_known = 1;
	if (has_extension(path, ".xml")) {
		/* Our XML tells its columns only after its first pass: the
		 * caller looks at src->sheet while the rows arrive. */
		src->sheet = &src->sheet_info;
		int rc = sheet_read_rows(path, stem, &o->lim, o->max_xml_depth, fn, ctx, &src->sheet_info, d);
		src->format = sheet_format_name(src->sheet_info.format);
		src->columns_known = src->sheet_info.columns_known;
		return rc;
	}
	if (has_extension(path, ".xlsx")) {
		src->format = XLSX_FORMAT_NAME;
		return xlsx_read_rows(path, &o->lim, o->max_xml_depth, settings_sheet(o->settings, stem), fn, ctx, d);
	}
	if (has_extension(path, ".ods")) {
		src->format = ODS_FORMAT_NAME;
		return ods_read_rows(path, &o->lim, o->max_xml_depth, settings_sheet(o->settings, stem), fn, ctx, d);
	}
	if (has_extension(path, ".xls")) {
		src->format = XLS_FORMAT_NAME;
		return xls_read_rows(path, &o->lim, settings_sheet(o->settings, stem), fn, ctx, d);
	}
	CsvInfo info = { 0 };
	int rc = csvread_file(path, &o->lim, fn, ctx, &info, d);
	src->format = encoding_name(info.encoding);
	src->rows_rejected = info.rows_rejected;
	return rc;
}

/* Records of any form: our XML tells whether it has column numbers only
 * after its first pass, before its first row. */
typedef struct TableFeed {
	TableRows rows;
	const RowSource *src;
} TableFeed;

static int
feed_table(void *v, const SourceRow *row)
{
	TableFeed *f = v;
	f->rows.with_columns = f->src->sheet == NULL || f->src->sheet->columns_known;
	return table_rows_feed(&f->rows, row);
}

int
load_table(const char *path, const TableSpec *spec, const LoadOptions *o, RecordFn fn,
    void *ctx, FileSummary *sum, Diag *d)
{
	if (spec->ncols > TABLE_MAX_COLUMNS) {
		diag_report(d, DIAG_INTERNAL, path, 0, 0, "table spec with too many columns");
		return -1;
	}
	RowSource src;
	TableFeed f = { { .path = path, .spec = spec, .fn = fn, .ctx = ctx, .sum = sum, .d = d, .with_columns = 1 },
		&src };
	size_t warnings_before = diag_warnings(d);
	sum->path = path;
	sum->present = 1;
	int rc = load_read_rows(path, spec->stem, o, feed_table, &f, &src, d);
	sum->warnings = (long)(diag_warnings(d) - warnings_before);
	if (rc == -1 && !f.rows.have_header && !f.rows.failed)
		return -1;   /* the file itself was unusable; its reader said why */
	sum->encoding = src.format;
	sum->rows += src.rows_rejected;
	sum->rejected += src.rows_rejected;
	return table_rows_end(&f.rows, rc);
}

/* ---- strings, arrays, id sets ---- */

enum { POOL_BLOCK = 64 * 1024 };

const char *
load_strn(StrPool *p, const char *s, size_t n)
{
	if (n == 0)
		return "";
	if (n + 1 > POOL_BLOCK / 4)
		return arena_strndup(p->a, s, n);
	if (p->left < n + 1) {
		p->cur = arena_alloc(p->a, POOL_BLOCK);
		p->left = POOL_BLOCK;
	}
	char *r = p->cur;
	memcpy(r, s, n);
	r[n] = '\0';
	p->cur += n + 1;
	p->left -= n + 1;
	return r;
}

const char *
load_str(StrPool *p, const char *s)
{
	return load_strn(p, s, strlen(s));
}

/* ---- interning ---- */

enum { INTERN_SAMPLE = 4096 };

typedef struct InternSlot {
	const char *s;             /* NULL: empty */
	uint32_t hash, len;
} InternSlot;

struct LoadInterner {
	StrPool *pool;
	InternSlot *slots;
	size_t cap, n;             /* cap is a power of two */
	size_t seen, hits;         /* in the current sample */
	int off;                   /* gave up: values do not repeat */
};

/* Long values (a visit's summary runs to a few hundred bytes, hashed once
 * per row) go 32 bytes at a time through four independent lanes, so the
 * multiplies overlap; the rest eight bytes at a time. */
static uint64_t
mix_word(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 32);
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	if (n >= 32) {
		uint64_t l0 = h, l1 = h + 0x632BE59BD9B4E019ULL, l2 = h + 0x8CB92BA72F3D8DD7ULL,
		    l3 = h + 0xD6E8FEB86659FD93ULL;
		while (n >= 32) {
			uint64_t w[4];
			memcpy(w, s, 32);
			l0 = mix_word(l0, w[0]);
			l1 = mix_word(l1, w[1]);
			l2 = mix_word(l2, w[2]);
			l3 = mix_word(l3, w[3]);
			s += 32;
			n -= 32;
		}
		h = mix_word(mix_word(mix_word(l0, l1), l2), l3);
	}
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = mix_word(h, w);
		s += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 29);
}

LoadInterner *
load_interner_new(StrPool *pool)
{
	LoadInterner *in = mem_alloc(sizeof(*in));
	memset(in, 0, sizeof(*in));
	in->pool = pool;
	in->cap = 256;
	in->slots = mem_array(in->cap, sizeof(InternSlot));
	return in;
}

void
load_interner_free(LoadInterner *in)
{
	if (in == NULL)
		return;
	free(in->slots);
	free(in);
}

const char *
load_intern(LoadInterner *in, const char *s, size_t n)
{
	if (n == 0)
		return "";
	if (in->off || n > UINT32_MAX)
		return load_strn(in->pool, s, n);
	uint32_t h = (uint32_t)hash_bytes(s, n);
	size_t i = h & (in->cap - 1);
	const char *found = NULL;
	for (; in->slots[i].s != NULL; i = (i + 1) & (in->cap - 1)) {
		const InternSlot *e = &in->slots[i];
		if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0) {
			found = e->s;
			in->hits++;
			break;
		}
	}
	/* Judged afresh over every INTERN_SAMPLE values, so a column whose
	 * values stop repeating half way stops growing the table. */
	if (++in->seen == INTERN_SAMPLE) {
		if (in->hits * 4 < in->seen) {
			in->off = 1;
			free(in->slots);
			in->slots = NULL;
		}
		in->seen = in->hits = 0;
	}
	if (found != NULL)
		return found;
	if (in->off)
		return load_strn(in->pool, s, n);
	const char *copy = load_strn(in->pool, s, n);
	in->slots[i] = (InternSlot){ copy, h, (uint32_t)n };
	if (++in->n * 10 > in->cap * 7) {
		size_t ncap = in->cap * 2;
		InternSlot *ns = mem_array(ncap, sizeof(InternSlot));
		for (size_t k = 0; k < in->cap; k++) {
			if (in->slots[k].s == NULL)
				continue;
			size_t j = in->slots[k].hash & (ncap - 1);
			while (ns[j].s != NULL)
				j = (j + 1) & (ncap - 1);
			ns[j] = in->slots[k];
		}
		free(in->slots);
		in->slots = ns;
		in->cap = ncap;
	}
	return copy;
}

/* ---- maps ---- */

typedef struct MapSlot {
	const char *key;           /* NULL: empty */
	const void *value;
	size_t len;
} MapSlot;

struct LoadMap {
	MapSlot *slots;
	size_t cap, n;             /* cap: a power of two, at least twice n */
};

LoadMap *
load_map_new(size_t n)
{
	LoadMap *m = mem_alloc(sizeof(*m));
	m->n = 0;
	m->cap = 16;
	while (m->cap < 2 * n)
		m->cap *= 2;
	m->slots = mem_array(m->cap, sizeof(MapSlot));
	return m;
}

void
load_map_free(LoadMap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m);
}

static MapSlot *
map_slot(const LoadMap *m, const char *key, size_t len)
{
	size_t i = (size_t)hash_bytes(key, len) & (m->cap - 1);
	while (m->slots[i].key != NULL &&
	    (m->slots[i].len != len || memcmp(m->slots[i].key, key, len) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

void
load_map_put(LoadMap *m, const char *key, const void *value)
{
	size_t len = strlen(key);
	MapSlot *s = map_slot(m, key, len);
	if (s->key != NULL)
		return;
	/* Sized for its keys by load_map_new; grows if more come. */
	if ((m->n + 1) * 2 > m->cap) {
		MapSlot *old = m->slots;
		size_t ocap = m->cap;
		m->cap *= 2;
		m->slots = mem_array(m->cap, sizeof(MapSlot));
		for (size_t i = 0; i < ocap; i++)
			if (old[i].key != NULL)
				*map_slot(m, old[i].key, old[i].len) = old[i];
		free(old);
		s = map_slot(m, key, len);
	}
	*s = (MapSlot){ key, value, len };
	m->n++;
}

const void *
load_map_get(const LoadMap *m, const char *key, size_t len)
{
	return map_slot(m, key, len)->value;
}

void
load_vec_init(LoadVec *v, Arena *a, size_t size, size_t hint)
{
	memset(v, 0, sizeof(*v));
	v->a = a;
	v->size = size;
	if (hint > 0) {
		v->data = arena_array(a, hint, size);
		v->cap = hint;
	}
}

void
load_vec_reserve(LoadVec *v, size_t n)
{
	if (v->n > 0 || v->heap || v->cap >= n)
		return;
	v->data = arena_array(v->a, n, v->size);
	v->cap = n;
}

void *
load_vec_push(LoadVec *v)
{
	if (v->n == v->cap) {
		size_t ncap = v->cap ? v->cap * 2 : 64;
		if (v->heap) {
			v->data = mem_grow(v->data, ncap, v->size);
		} else {
			void *h = mem_array(ncap, v->size);
			if (v->n)
				memcpy(h, v->data, v->n * v->size);
			v->data = h;
			v->heap = 1;
		}
		v->cap = ncap;
	}
	char *e = (char *)v->data + v->n++ * v->size;
	memset(e, 0, v->size);
	return e;
}

void
load_vec_pop(LoadVec *v)
{
	if (v->n > 0)
		v->n--;
}

void *
load_vec_finish(LoadVec *v)
{
	if (v->n == 0) {
		if (v->heap)
			free(v->data);
		v->data = NULL;
		return NULL;
	}
	if (v->heap) {
		void *a = arena_array(v->a, v->n, v->size);
		memcpy(a, v->data, v->n * v->size);
		free(v->data);
		v->data = a;
		v->heap = 0;
	}
	return v->data;
}

typedef struct IdSlot {
	const char *key;
	long line;
} IdSlot;

/* Exports usually list ids in increasing order (V0000001, V0000002, ...):
 * while they do, a key greater than the last one is new and is only
 * appended to a list; the hash table is built from that list the first time
 * a key arrives out of order. */
struct LoadIdSet {
	IdSlot *slots;
	size_t cap, n;             /* cap is a power of two */
	int ordered;               /* every key so far was greater than the one before */
	IdSlot *seq;
	size_t nseq, capseq;
};

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ^ (h >> 29);
}

LoadIdSet *
load_idset_new(void)
{
	LoadIdSet *s = mem_alloc(sizeof(*s));
	s->ordered = 1;
	return s;
}

void
load_idset_free(LoadIdSet *s)
{
	if (s == NULL)
		return;
	free(s->slots);
	free(s->seq);
	free(s);
}

static IdSlot *
idset_slot(IdSlot *slots, size_t cap, const char *key)
{
	size_t i = (size_t)hash_str(key) & (cap - 1);
	while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

long
load_idset_add(LoadIdSet *s, const char *key, long line)
{
	if (s->ordered) {
		int c = s->nseq ? strcmp(key, s->seq[s->nseq - 1].key) : 1;
		if (c == 0)
			return s->seq[s->nseq - 1].line > 0 ? s->seq[s->nseq - 1].line : 1;
		if (c > 0) {
			if (s->nseq == s->capseq) {
				s->capseq = s->capseq ? s->capseq * 2 : 1024;
				s->seq = mem_grow(s->seq, s->capseq, sizeof(IdSlot));
			}
			s->seq[s->nseq++] = (IdSlot){ key, line };
			return 0;
		}
		/* Out of order: from now on, the hash table. */
		s->ordered = 0;
		s->cap = 1024;
		while (s->cap * 7 < (s->nseq + 1) * 10)
			s->cap *= 2;
		s->slots = mem_array(s->cap, sizeof(IdSlot));
		for (size_t i = 0; i < s->nseq; i++)
			*idset_slot(s->slots, s->cap, s->seq[i].key) = s->seq[i];
		s->n = s->nseq;
		free(s->seq);
		s->seq = NULL;
	}
	if ((s->n + 1) * 10 > s->cap * 7) {
		size_t ncap = s->cap * 2;
		IdSlot *ns = mem_array(ncap, sizeof(IdSlot));
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i].key != NULL)
				*idset_slot(ns, ncap, s->slots[i].key) = s->slots[i];
		free(s->slots);
		s->slots = ns;
		s->cap = ncap;
	}
	IdSlot *slot = idset_slot(s->slots, s->cap, key);
	if (slot->key != NULL)
		return slot->line > 0 ? slot->line : 1;
	slot->key = key;
	slot->line = line;
	s->n++;
	return 0;
}

/* ---- checks shared by the loaders ---- */

enum { LOAD_OUTSIDE_FY_SAID = 10 };

int
load_check_fy(const Record *r, const TableSpec *spec, int c, CalDate date, int fy_be,
    FileSummary *sum, Diag *d)
{
	if (cal_in_fy(date, fy_be))
		return 1;
	/* In the words the clerk typed, and as read (a long Thai date, so a
	 * year taken as CE or BE the wrong way is plain to see). */
	char got[64], first[64], last[64];
	cal_format(date, CAL_FORMAT_LONG, 0, got, sizeof(got));
	cal_format(cal_fy_first(fy_be), CAL_FORMAT_LONG, 0, first, sizeof(first));
	cal_format(cal_fy_last(fy_be), CAL_FORMAT_LONG, 0, last, sizeof(last));
	/* Ten such warnings a file say it; past them the summary counts the
	 * rest (a whole file of another year would print thousands). */
	if (sum->outside_fy < LOAD_OUTSIDE_FY_SAID)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[c],
		    "%s %s (read as %s) is outside fiscal year %d (%s to %s); the row is kept but left "
		    "out of the figures (check the year: BE years are written 25xx)", spec->cols[c].key,
		    r->field[c], got, fy_be, first, last);
	else if (sum->outside_fy == LOAD_OUTSIDE_FY_SAID)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[c], "more rows are dated outside fiscal year "
		    "%d; they are counted in the summary of the file, not listed one by one", fy_be);
	sum->outside_fy++;
	return 0;
}

int
load_activity(const Record *r, const TableSpec *spec, int c, const Model *m, int optional,
    int *out, Diag *d)
{
	long n = m->plan ? (long)m->plan->nactivities : 99;
	long v;
	if (r->field[c][0] == '\0' && optional) {
		*out = 0;
		return 0;
	}
	if (field_int(r, spec, c, 1, 1000000, optional, 0, &v, d) != 0)
		return -1;
	if (v > n || (m->plan && plan_activity(m->plan, (int)v) == NULL)) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s %ld is not an activity of the plan (it has activities 1 to %ld); write the "
		    "activity's number from section 4 of the plan (row rejected)", spec->cols[c].key,
		    v, n);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int
load_school(const Record *r, const TableSpec *spec, int c, const Model *m, int optional,
    const School **out, Diag *d)
{
	const char *v = r->field[c];
	if (*v == '\0' && optional) {
		*out = NULL;
		return 0;
	}
	if (field_code(r, spec, c, 8, 10, d) != 0)
		return -1;
	const School *s = model_school(m, v);
	if (s == NULL) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[c],
		    "%s %s is not in schools.csv; correct the code or add the school (row rejected)",
		    spec->cols[c].key, v);
		return -1;
	}
	*out = s;
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	const School *const *x = a, *const *y = b;
	int c = strcmp((*x)->name, (*y)->name);
	if (c != 0)
		return c;
	return strcmp((*x)->code, (*y)->code);
}

const School **
load_schools_by_name(const Model *m, Arena *a)
{
	const School **v = arena_array(a, m->nschools ? m->nschools : 1, sizeof(*v));
	for (size_t i = 0; i < m->nschools; i++)
		v[i] = &m->schools[i];
	qsort(v, m->nschools, sizeof(*v), by_name);
	return v;
}

/* Skip a leading "โรงเรียน", "ร.ร." or "รร." and the spaces after it. */
static const char *
skip_prefix(const char *s)
{
	static const char *const prefixes[] = { "โรงเรียน", "ร.ร.", "รร." };
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(s, prefixes[i], n) == 0) {
			s += n;
			break;
		}
	}
	while (*s == ' ')
		s++;
	return s;
}

const School *
load_find_school(const Model *m, const School *const *names, const char *text, int *ambiguous)
{
	*ambiguous = 0;
	size_t digits = strspn(text, "0123456789");
	if ((digits == 8 || digits == 10) && (text[digits] == '\0' || text[digits] == ' ' ||
	    text[digits] == '-')) {
		char code[11];
		memcpy(code, text, digits);
		code[digits] = '\0';
		return model_school(m, code);
	}
	const char *name = skip_prefix(text);
	size_t lo = 0, hi = m->nschools;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(names[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == m->nschools || strcmp(names[lo]->name, name) != 0)
		return NULL;
	if (lo + 1 < m->nschools && strcmp(names[lo + 1]->name, name) == 0) {
		*ambiguous = 1;
		return NULL;
	}
	return names[lo];
}

/* ---- inputs_load ---- */

typedef int (*LoadFn)(Model *, Arena *, const char *, const LoadOptions *, FileSummary *, Diag *);

typedef struct InputFile {
	const char *stem;
	int required;
	LoadFn load;               /* NULL: schools (schools_load) */
	const char *if_absent;     /* optional files: what the figures use instead */
	/* Optional files only some plans use: whether this plan does. An absent
	 * file a plan does not use is not mentioned. NULL: every plan. */
	int (*wanted)(const Plan *p);
} InputFile;

static int
plan_counts(const Plan *p, MetricSource source)
{
	return p && plan_counts_source(p, source);
}

/* Evaluations and practices are every plan's in the first format; a plan
 * that counts neither does without the file (the reports say so). */
static int
wants_evaluations(const Plan *p)
{
	return plan_counts(p, SOURCE_EVALUATIONS);
}

static int
wants_practices(const Plan *p)
{
	return plan_counts(p, SOURCE_PRACTICES);
}

static int
wants_scores(const Plan *p)
{
	return plan_counts(p, SOURCE_SCORES);
}

static int
wants_assessments(const Plan *p)
{
	return plan_counts(p, SOURCE_ASSESSMENTS);
}

/* Online items stand in for visits of mode="online" only. */
static int
wants_online(const Plan *p)
{
	for (size_t i = 0; p && i < p->ntargets + p->nindicators; i++) {
		const Metric *m = i < p->ntargets ? &p->targets[i].metric :
		    &p->indicators[i - p->ntargets].target.metric;
		if (m->mode && !strcmp(m->mode, "online"))
			return 1;
	}
	return 0;
}

/* Attendance is taken at the kinds that say so, and counted by targets. */
static int
wants_attendance(const Plan *p)
{
	for (size_t i = 0; p && i < p->nevent_kinds; i++)
		if (p->event_kinds[i].attendance)
			return 1;
	return plan_counts(p, SOURCE_ATTENDANCE);
}

int
load_activity_word(const char *v, int bare)
{
	static const char *const words[] = { "กิจกรรมที่", "กิจกรรม", "activity", "" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i]);
		if ((n == 0 && !bare) || strncmp(v, words[i], n) != 0)
			continue;
		const char *p = v + n;
		while (*p == ' ')
			p++;
		char *end;
		long no = strtol(p, &end, 10);
		if (end != p && *end == '\0' && no > 0 && no < 1000)
			return (int)no;
	}
	return 0;
}

int
load_rows(Model *m, Arena *a, const char *path, const TableSpec *spec, const LoadOptions *o,
    FileSummary *sum, Diag *d, size_t elem, RecordFn fn, void **out, size_t *n)
{
	LoadRows lr = { .m = m, .d = d, .pool = { a, NULL, 0 } };
	load_vec_init(&lr.rows, a, elem, 0);
	int rc = load_table(path, spec, o, fn, &lr, sum, d);
	*out = load_vec_finish(&lr.rows);
	*n = lr.rows.n;
	return rc;
}

/* Resolutions are followed up in the committee's packs. */
static int
wants_committee(const Plan *p)
{
	return p && plan_committee_kind(p) != NULL;
}

enum { F_SCHOOLS, F_NETWORKS, F_STAFF, F_VISITS, F_EVALUATIONS, F_SURVEYS, F_SPENDING,
	F_MEETINGS, F_ATTENDANCE, F_RESOLUTIONS, F_PRACTICES, F_ONLINE, F_SCORES, F_ASSESSMENTS, F_NARRATIVE,
	NFILES };

static const InputFile files[NFILES] = {
	[F_SCHOOLS] = { "schools", 1, NULL },
	[F_NETWORKS] = { "networks", 1, networks_load },
	[F_STAFF] = { "staff", 1, staff_load },
	[F_VISITS] = { "visits", 1, visits_load },
	[F_EVALUATIONS] = { "evaluations", 1, evaluations_load, NULL, wants_evaluations },
	[F_SURVEYS] = { "surveys", 1, surveys_load },
	[F_SPENDING] = { "spending", 1, spending_load },
	[F_MEETINGS] = { "meetings", 1, meetings_load },
	[F_ATTENDANCE] = { "attendance", 0, attendance_load, N_("the teachers and administrators met "
		"are counted from the visits of each target's activity instead; add the file "
		"if the sessions of a kind marked attendance=\"yes\" took attendance"), wants_attendance },
	[F_RESOLUTIONS] = { "resolutions", 0, resolutions_load, N_("the committee packs quote the previous "
		"meeting's resolutions from meetings without their follow-up; add the file to carry each "
		"resolution's owner, due date and what was done from meeting to meeting"), wants_committee },
	[F_PRACTICES] = { "practices", 1, practices_load, NULL, wants_practices },
	[F_ONLINE] = { "online", 0, online_load, N_("online supervision is counted from the visits "
		"whose mode is online instead; add the file if the office posts online outside "
		"visits"), wants_online },
	[F_SCORES] = { "scores", 0, scores_load, N_("the targets that count test scores have no data and "
		"are reported as not measured; add the schools' mean scores (school_code, test, grade, "
		"subject, year, mean) for this year and the year before"), wants_scores },
	[F_ASSESSMENTS] = { "assessments", 0, assessments_load, N_("the targets measured by an instrument of "
		"the plan (count=\"assessments\") have no data and are reported as not measured; add the "
		"scores its evaluators gave (target_id, criterion, score 1-5, evaluator, date)"),
		wants_assessments },
	[F_NARRATIVE] = { "narrative", 0, narrative_load, N_("the annual report says which causes, remedies, "
		"discussion and suggestions for next year the office has not written yet; add the office's own words "
		"(about, kind, text)")},
};

/* Each file's columns, in the order of files[]. */
static const TableSpec *const tables[NFILES] = {
	[F_SCHOOLS] = &schools_table, [F_NETWORKS] = &networks_table, [F_STAFF] = &staff_table,
	[F_VISITS] = &visits_table, [F_EVALUATIONS] = &evaluations_table, [F_SURVEYS] = &surveys_table,
	[F_SPENDING] = &spending_table, [F_MEETINGS] = &meetings_table, [F_ATTENDANCE] = &attendance_table,
	[F_RESOLUTIONS] = &resolutions_table, [F_PRACTICES] = &practices_table, [F_ONLINE] = &online_table,
	[F_SCORES] = &scores_table, [F_ASSESSMENTS] = &assessments_table, [F_NARRATIVE] = &narrative_table,
};

size_t
inputs_tables(const Plan *p, InputTable *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < NFILES && n < max; i++) {
		if (files[i].wanted && !files[i].wanted(p))
			continue;
		out[n].spec = tables[i];
		out[n].required = files[i].required;
		n++;
	}
	return n;
}

static int
exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The forms a table may come in, in the order they are named in messages;
 * then forms people have that nithet cannot read, and what to do with
 * each. */
static const char *const readable[] = { "csv", "xlsx", "ods", "xls", "xml" };
static const struct {
	const char *ext, *what;
} unreadable[] = {
	{ "xlsm", N_("an Excel workbook with macros (.xlsm): save it as Excel Workbook (.xlsx)") },
	{ "numbers", N_("an Apple Numbers file: export it as Excel (.xlsx) or CSV") },
	{ "docx", N_("a Word document: copy the table into Excel and save it as .xlsx") },
	{ "doc", N_("a Word document: copy the table into Excel and save it as .xlsx") },
	{ "pdf", N_("a PDF, which holds no table nithet can read: export the table from the program that "
	  "made it as .xlsx or CSV") },
};

/* Whether the table stem is there in any readable form. */
static int
has_input(Arena *a, const char *dir, const InputFile *f)
{
	for (size_t i = 0; i < sizeof readable / sizeof *readable; i++)
		if (exists(arena_printf(a, "%s/%s.%s", dir, f->stem, readable[i])))
			return 1;
	return 0;
}

const char *
inputs_table_file(Arena *a, const char *dir, const char *stem)
{
	for (size_t i = 0; i < sizeof readable / sizeof *readable; i++) {
		const char *path = arena_printf(a, "%s/%s.%s", dir, stem, readable[i]);
		if (exists(path))
			return path;
	}
	return NULL;
}

/* Which file to read for stem: the one of its readable forms that is
 * there. NULL when none is, or when two are (one table, one file: never a
 * silent choice), or when only a form nithet cannot read is (reported when
 * that is an error). */
static const char *
find_input(Arena *a, const char *dir, const InputFile *f, FileSummary *sum, int *failed,
    Diag *d)
{
	const char *found = NULL, *other = NULL;
	for (size_t i = 0; i < sizeof readable / sizeof *readable; i++) {
		const char *path = arena_printf(a, "%s/%s.%s", dir, f->stem, readable[i]);
		if (!exists(path))
			continue;
		if (found == NULL)
			found = path;
		else if (other == NULL)
			other = path;
	}
	const char *base = found ? strrchr(found, '/') + 1 : arena_printf(a, "%s.csv", f->stem);
	sum->name = arena_strdup(a, base);
	if (other != NULL) {
		diag_report(d, DIAG_INPUT, other, 0, 0, "both %s and %s are in the input directory, for the "
		    "same table; keep the one to read and move the other away", base, strrchr(other, '/') + 1);
		*failed = 1;
		return NULL;
	}
	if (found != NULL)
		return found;
	for (size_t i = 0; i < sizeof unreadable / sizeof *unreadable; i++) {
		const char *path = arena_printf(a, "%s/%s.%s", dir, f->stem, unreadable[i].ext);
		if (exists(path)) {
			sum->name = arena_strdup(a, strrchr(path, '/') + 1);
			diag_report(d, f->required ? DIAG_INPUT : DIAG_WARNING, path, 0, 0, "is %s%s",
			    _(unreadable[i].what), f->required ? "" : _("; until then it is treated as absent"));
			if (f->required)
				*failed = 1;
			else
				sum->warnings++;
			return NULL;
		}
	}
	const char *csv = arena_printf(a, "%s/%s.csv", dir, f->stem);
	if (f->required) {
		diag_report(d, DIAG_INPUT, csv, 0, 0, "the file is missing; put %s into the input directory as "
		    "%s.csv (CSV UTF-8), %s.xlsx or %s.xls (Excel), %s.ods (LibreOffice) or %s.xml", f->stem, f->stem,
		    f->stem, f->stem, f->stem, f->stem);
		*failed = 1;
	} else {
		/* Optional, but its absence changes what a target counts:
		 * said every run, so a file lost by mistake is noticed. */
		diag_report(d, DIAG_WARNING, csv, 0, 0, "absent (optional): %s", _(f->if_absent));
		sum->warnings++;
	}
	return NULL;
}

/* Schools that name a network missing from networks: a warning each. */
static void
check_school_networks(const Model *m, FileSummary *sum, Diag *d)
{
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (s->network_code[0] == '\0' || model_network(m, s->network_code) != NULL)
			continue;
		diag_report(d, DIAG_WARNING, s->file, s->line, 0, "network_code %s of school %s is not "
		    "in networks; the school is left out of the network breakdowns (add the network "
		    "or correct the code)", s->network_code, s->code);
		sum->warnings++;
	}
}

/* The fiscal year most of the dated rows (visits, meetings, payments) fall
 * in, and how many of n fall outside fy. A wrong [office] fiscal_year over
 * last year's data would otherwise build a year of empty reports. */
static int
data_year(const Model *m, int fy, long *outside, long *n)
{
	enum { SPAN = 8 };
	long per[SPAN] = { 0 };   /* fy - 4 .. fy + 3 */
	*outside = *n = 0;
	CalDate dates[3];
	for (size_t k = 0; k < m->nvisits + m->nmeetings + m->nspending; k++) {
		dates[0] = k < m->nvisits ? m->visits[k].date : k < m->nvisits + m->nmeetings ?
		    m->meetings[k - m->nvisits].date : m->spending[k - m->nvisits - m->nmeetings].date;
		if (dates[0].year == 0)
			continue;
		int y = cal_fiscal_year(dates[0]);
		(*n)++;
		*outside += y != fy;
		if (y - fy + 4 >= 0 && y - fy + 4 < SPAN)
			per[y - fy + 4]++;
	}
	int best = 0;
	for (int i = 1; i < SPAN; i++)
		if (per[i] > per[best])
			best = i;
	return fy - 4 + best;
}

LoadOptions
inputs_options(const Settings *s, int fiscal_year)
{
	LoadOptions o = {
		.lim = { s->max_file_bytes, s->max_field_bytes, s->max_columns, s->max_rows },
		.max_xml_depth = s->max_xml_depth,
		.fiscal_year = fiscal_year ? fiscal_year : s->fiscal_year,
		.settings = s,
	};
	return o;
}

int
inputs_load(Model *m, Arena *a, const Settings *s, Diag *d)
{
	LoadOptions o = inputs_options(s, m->fiscal_year);
	int failed = 0;
	/* A file that others refer to and that could not be read makes the
	 * rows referring to it meaningless: those files are skipped. */
	int skip[NFILES] = { 0 };
	FileSummary *sums[NFILES] = { 0 };
	for (int i = 0; i < NFILES; i++) {
		const InputFile *f = &files[i];
		if (m->nfiles == MODEL_MAX_FILES) {
			diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "too many input files for the summary");
			return -1;
		}
		FileSummary *sum = &m->files[m->nfiles++];
		memset(sum, 0, sizeof(*sum));
		sums[i] = sum;
		int file_failed = 0;
		const char *path = f->wanted && !f->wanted(m->plan) && !has_input(a, s->input_dir, f) ? NULL :
		    find_input(a, s->input_dir, f, sum, &file_failed, d);
		if (path == NULL && !file_failed && f->wanted && !f->wanted(m->plan)) {
			m->nfiles--;               /* not this plan's: not listed */
			continue;
		}
		failed |= file_failed;
		if (path == NULL) {
			sum->path = arena_printf(a, "%s/%s", s->input_dir, sum->name);
			if (file_failed)
				sum->present = 1;
			if (i == F_SCHOOLS)
				return -1;
			if (file_failed && (i == F_NETWORKS || i == F_STAFF))
				skip[F_VISITS] = 1;
			if (i == F_MEETINGS)
				skip[F_ATTENDANCE] = skip[F_RESOLUTIONS] = 1;
			continue;
		}
		sum->path = path;
		sum->present = 1;
		if (skip[i]) {
			diag_report(d, DIAG_NOTE, path, 0, 0, "not checked: a file it refers to could not "
			    "be read");
			continue;
		}
		int rc;
		if (i == F_SCHOOLS) {
			rc = schools_load(m, a, path, &o, s->expected_schools, sum, d);
			if (rc != 0)
				return -1;
			continue;
		}
		rc = f->load(m, a, path, &o, sum, d);
		if (rc != 0) {
			failed = 1;
			if (i == F_NETWORKS || i == F_STAFF)
				skip[F_VISITS] = 1;
			if (i == F_MEETINGS)
				skip[F_ATTENDANCE] = skip[F_RESOLUTIONS] = 1;
		}
		if (i == F_NETWORKS && rc == 0)
			check_school_networks(m, sums[F_SCHOOLS], d);
	}
	/* The surveys the plan declares beside the yearly one: each is its own
	 * export, read like surveys.csv. Not there yet: its targets have no
	 * respondents, which the reports say. */
	size_t nmore = m->plan ? m->plan->nsurveys : 0;
	m->more_surveys = arena_array(a, nmore ? nmore : 1, sizeof(Survey));
	for (size_t k = 0; k < nmore; k++) {
		const PlanSurvey *ps = &m->plan->surveys[k];
		if (m->nfiles == MODEL_MAX_FILES) {
			diag_report(d, DIAG_INTERNAL, NULL, 0, 0, "too many input files for the summary");
			return -1;
		}
		FileSummary *sum = &m->files[m->nfiles++];
		memset(sum, 0, sizeof(*sum));
		InputFile f = { ps->file, 0, NULL, arena_printf(a, "no one has answered survey %s yet; "
			"its targets are reported without respondents", ps->code), NULL };
		int file_failed = 0;
		const char *path = find_input(a, s->input_dir, &f, sum, &file_failed, d);
		failed |= file_failed;
		if (path == NULL) {
			sum->path = arena_printf(a, "%s/%s", s->input_dir, sum->name);
			sum->present = file_failed;
			continue;
		}
		if (surveys_load_into(m, &m->more_surveys[k], a, path, &o, sum, d) != 0)
			failed = 1;
	}
	photos_load(m, a, arena_printf(a, "%s/photos", s->input_dir), s->max_file_bytes, d);
	/* Last year's indicators, as nithet wrote them: optional, never asked
	 * for, listed with the other files when present. */
	int last = o.fiscal_year - 1;
	const char *prev = arena_printf(a, "%s/indicators-%d.csv", s->input_dir, last);
	if (exists(prev) && m->nfiles < MODEL_MAX_FILES) {
		FileSummary *sum = &m->files[m->nfiles++];
		memset(sum, 0, sizeof(*sum));
		sum->name = arena_printf(a, "indicators-%d.csv", last);
		sum->path = prev;
		sum->present = 1;
		if (previous_load(m, a, prev, &o, sum, d) != 0)
			failed = 1;
		else
			m->previous_year = last;
	}
	/* Mostly another year's data: stop before a single report of the
	 * wrong year replaces anything. */
	long outside, dated;
	int year = data_year(m, o.fiscal_year, &outside, &dated);
	if (!failed && dated >= 20 && outside * 2 > dated) {
		diag_report(d, DIAG_INPUT, s->input_dir, 0, 0, "%ld of the %ld dated rows (visits, meetings, payments) "
		    "fall outside fiscal year %d; the data looks like fiscal year %d: set [office] fiscal_year = %d "
		    "in the config, or give the input folder of year %d (nothing written)", outside, dated,
		    o.fiscal_year, year, year, o.fiscal_year);
		failed = 1;
	}
	if (s->emblem_file && *s->emblem_file) {
		const char *path = s->emblem_file[0] == '/' ? s->emblem_file :
			arena_printf(a, "%s/%s", s->input_dir, s->emblem_file);
		if (image_load(path, a, s->max_file_bytes, &m->emblem, d) != 0)
			failed = 1;
	}
	return failed ? -1 : 0;
}
