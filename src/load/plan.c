/* plan.c - input/plan.xml to a Plan (see load/plan.h), and the Plan lookups
 * of model/plan.h. Knows the element names of config/plan.xsd; never touches
 * libxml2 (that is load/xml.c). */
#include "load/plan.h"

#include "core/i18n.h"

#include "core/cnum.h"
#include "load/cells.h"
#include "load/plan_v1.h"
#include "load/xml.h"
#include "model/model.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----- numbers ----- */

int
plan_parse_money(const char *s, Satang *out)
{
	if (s == NULL)
		return -1;
	Satang baht = 0;
	int digits = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++digits > 12)  /* as the schema: 99 items stay far below LLONG_MAX */
			return -1;
		baht = baht * 10 + (*p - '0');
	}
	if (digits == 0)
		return -1;
	Satang satang = 0;
	if (*p == '.') {
		p++;
		int frac = 0;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (++frac > 2)
				return -1;
			satang = satang * 10 + (*p - '0');
		}
		if (frac == 0)
			return -1;
		if (frac == 1)
			satang *= 10;
	}
	if (*p != '\0')
		return -1;
	*out = baht * 100 + satang;
	return 0;
}

/* A whole decimal number in [lo, hi]; 0 or -1. */
static int
parse_long(const char *s, long lo, long hi, long *out)
{
	long long v;
	if (s == NULL || c_strtonum(cells_skip_space(s), lo, hi, &v) != CNUM_OK)
		return -1;
	*out = (long)v;
	return 0;
}

/* A goal: "6", "100", "3.51" (at most 9 + 4 digits). Parsed by hand, not by
 * strtod, so that the locale's decimal point can never change it. */
static int
parse_goal(const char *s, double *out)
{
	long long whole = 0, frac = 0, scale = 1;
	int digits = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++digits > 9)
			return -1;
		whole = whole * 10 + (*p - '0');
	}
	if (digits == 0)
		return -1;
	if (*p == '.') {
		p++;
		int n = 0;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (++n > 4)
				return -1;
			frac = frac * 10 + (*p - '0');
			scale *= 10;
		}
		if (n == 0)
			return -1;
	}
	if (*p != '\0')
		return -1;
	*out = (double)whole + (double)frac / (double)scale;
	return 0;
}

/* yyyy-mm-dd naming a real day; 0 or -1. */
static int
check_iso_date(const char *s)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int v[3] = {0, 0, 0};
	const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < len[k]; i++) {
			char c = s[start[k] + i];
			if (c < '0' || c > '9')
				return -1;
			v[k] = v[k] * 10 + (c - '0');
		}
	int y = v[0], m = v[1], day = v[2];
	if (m < 1 || m > 12 || day < 1 || day > mdays[m - 1])
		return -1;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && day == 29 && !leap)
		return -1;
	return 0;
}

/* ----- reading the tree ----- */

typedef struct Loader {
	Arena *a;
	Diag *d;
	const char *file;
	int errors;
} Loader;

static void problem(Loader *L, DiagSeverity sev, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
problem(Loader *L, DiagSeverity sev, long line, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), _(fmt), ap);
	va_end(ap);
	if (sev != DIAG_WARNING && sev != DIAG_NOTE)
		L->errors++;
	diag_report(L->d, sev, L->file, line, 0, "%s", buf);
}

#define ERR(L, line, ...) problem((L), DIAG_INPUT, (line), __VA_ARGS__)

/* Copy of s without leading and trailing white space, in the arena. */
static const char *
trimmed(Loader *L, const char *s)
{
	if (s == NULL)
		return NULL;
	size_t b = 0, e = strlen(s);
	while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
		e--;
	return arena_strndup(L->a, s + b, e - b);
}

/* The first child called name, or NULL after reporting. The schema already
 * demands it; this is for the unvalidated path and costs nothing. */
static const XmlNode *
need(Loader *L, const XmlNode *n, const char *name)
{
	const XmlNode *c = n ? xml_child(n, name) : NULL;
	if (c == NULL && n != NULL)
		ERR(L, n->line, "<%s> has no <%s> (missing element); add it, "
		    "see config/plan.xsd", n->name, name);
	return c;
}

static const char *
need_attr(Loader *L, const XmlNode *n, const char *name)
{
	const char *v = xml_attr(n, name);
	if (v == NULL)
		ERR(L, n->line, "<%s> has no %s= (missing attribute); add it, "
		    "see config/plan.xsd", n->name, name);
	return v;
}

/* Text of the child called name, trimmed; "" after reporting if missing. */
static const char *
need_text(Loader *L, const XmlNode *n, const char *name)
{
	const XmlNode *c = need(L, n, name);
	return c ? trimmed(L, c->text) : "";
}

/* The trimmed texts of every child called name. */
static TextList
text_list(Loader *L, const XmlNode *n, const char *name)
{
	TextList t = {NULL, 0};
	if (n == NULL)
		return t;
	size_t count = xml_count(n, name);
	t.items = count ? arena_array(L->a, count, sizeof(*t.items)) : NULL;
	for (size_t i = 0; i < n->nchildren; i++)
		if (strcmp(n->children[i].name, name) == 0)
			t.items[t.n++] = trimmed(L, n->children[i].text);
	return t;
}

/* Split "4 7" into params->activities (0-terminated); 0 or -1. */
static int
parse_activity_list(const char *s, int *out, size_t cap)
{
	size_t n = 0;
	const char *p = s;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		long v = 0;
		int digits = 0;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (++digits > 2)
				return -1;
			v = v * 10 + (*p - '0');
		}
		if (digits == 0 || v < 1 || n + 1 >= cap)
			return -1;
		if (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return -1;
		out[n++] = (int)v;
	}
	out[n] = 0;
	return n > 0 ? 0 : -1;
}

/* ----- event kinds ----- */

/* "yes"/"no" attribute; def when absent. */
static int
yes_no(Loader *L, const XmlNode *n, const char *name, int def)
{
	const char *v = xml_attr(n, name);
	if (v == NULL)
		return def;
	if (!strcmp(v, "yes"))
		return 1;
	if (!strcmp(v, "no"))
		return 0;
	ERR(L, n->line, "%s=\"%s\" must be yes or no", name, v);
	return def;
}

/* Split a space-separated attribute into a TextList (copies in the arena). */
static TextList
word_list(Loader *L, const char *v)
{
	TextList t = {NULL, 0};
	if (v == NULL)
		return t;
	size_t cap = 1;
	for (const char *p = v; *p; p++)
		cap += *p == ' ';
	t.items = arena_array(L->a, cap, sizeof(*t.items));
	for (const char *p = v; *p;) {
		p += strspn(p, " \t\r\n");
		size_t len = strcspn(p, " \t\r\n");
		if (len > 0 && t.n < cap)
			t.items[t.n++] = arena_strndup(L->a, p, len);
		p += len;
	}
	return t;
}

static void
read_event_kinds(Loader *L, const XmlNode *kinds, Plan *p)
{
	if (kinds == NULL) {
		/* A plan of the first format declared none: its six kinds were
		 * part of the format itself. */
		plan_v1_event_kinds(L->a, p);
		return;
	}
	size_t n = xml_count(kinds, "event-kind");
	p->event_kinds = arena_array(L->a, n ? n : 1, sizeof(*p->event_kinds));
	int committees = 0;
	for (const XmlNode *c = xml_next(kinds, "event-kind", NULL); c; c = xml_next(kinds, "event-kind", c)) {
		PlanEventKind *k = &p->event_kinds[p->nevent_kinds];
		const char *code = need_attr(L, c, "code");
		if (code == NULL)
			continue;
		k->code = trimmed(L, code);
		k->title = trimmed(L, c->text);
		k->aliases = word_list(L, xml_attr(c, "aliases"));
		k->attendance = yes_no(L, c, "attendance", 0);
		k->committee = yes_no(L, c, "committee", 0);
		k->line = (int)c->line;
		const char *act = xml_attr(c, "activity");
		long no = 0;
		if (act != NULL && parse_long(act, 1, 99, &no) != 0)
			ERR(L, c->line, "event kind %s: activity=\"%s\" is not an activity "
			    "number; write the number of an <activity>", k->code, act);
		k->activity = (int)no;
		if (k->committee && ++committees == 2)
			ERR(L, c->line, "event kind %s is a second committee=\"yes\"; only one "
			    "kind of meeting gets committee packs", k->code);
		/* A word may name one kind only, or the data would be ambiguous. */
		const char *words[1 + 16];
		size_t nw = 0;
		words[nw++] = k->code;
		for (size_t j = 0; j < k->aliases.n && nw < 17; j++)
			words[nw++] = k->aliases.items[j];
		for (size_t w = 0; w < nw; w++)
			if (plan_event_kind(p, words[w]) != NULL)
				ERR(L, c->line, "event kind %s: \"%s\" already names another "
				    "kind (duplicate code or alias); give each kind its own words",
				    k->code, words[w]);
		p->nevent_kinds++;
	}
}

static void
read_surveys(Loader *L, const XmlNode *surveys, Plan *p)
{
	if (surveys == NULL)
		return;
	size_t n = xml_count(surveys, "survey");
	p->surveys = arena_array(L->a, n ? n : 1, sizeof(*p->surveys));
	for (const XmlNode *c = xml_next(surveys, "survey", NULL); c; c = xml_next(surveys, "survey", c)) {
		PlanSurvey *sv = &p->surveys[p->nsurveys];
		const char *code = need_attr(L, c, "code"), *file = need_attr(L, c, "file");
		if (code == NULL || file == NULL)
			continue;
		sv->code = trimmed(L, code);
		sv->file = trimmed(L, file);
		sv->title = trimmed(L, c->text);
		sv->line = (int)c->line;
		const char *act = xml_attr(c, "activity");
		long no = 0;
		if (act != NULL && parse_long(act, 1, 99, &no) != 0)
			ERR(L, c->line, "survey %s: activity=\"%s\" is not an activity number; write the number "
			    "of an <activity>", sv->code, act);
		sv->activity = (int)no;
		/* The file is a name in the input folder, never a path nor the
		 * name of another input. */
		static const char *const TAKEN[] = { "plan", "schools", "networks", "staff", "visits",
			"evaluations", "surveys", "spending", "meetings", "attendance", "practices", "online",
			"scores", "assessments" };
		int taken = strchr(sv->file, '/') != NULL || sv->file[0] == '.';
		for (size_t k = 0; k < sizeof(TAKEN) / sizeof(TAKEN[0]); k++)
			taken |= !strcmp(sv->file, TAKEN[k]);
		if (taken)
			ERR(L, c->line, "survey %s: file=\"%s\" must be a plain name of its own (no folder, not "
			    "the name of another input such as surveys or visits), such as surveys-workshop",
			    sv->code, sv->file);
		if (p->nsurveys == 8) {
			ERR(L, c->line, "survey %s is a ninth survey; a plan declares 8 at most", sv->code);
			break;
		}
		for (size_t k = 0; k < p->nsurveys; k++)
			if (!strcmp(p->surveys[k].code, sv->code) || !strcmp(p->surveys[k].file, sv->file))
				ERR(L, c->line, "survey %s: its code or file is used by survey %s too; give each "
				    "survey its own", sv->code, p->surveys[k].code);
		p->nsurveys++;
	}
}

static void
read_evaluation_form(Loader *L, const XmlNode *n, Plan *p)
{
	if (n == NULL)
		return;
	PlanEvaluationForm *f = &p->evaluation_form;
	const char *name = need_attr(L, n, "name");
	f->name = name ? trimmed(L, name) : "";
	f->criteria = text_list(L, n, "criterion");
	if (f->criteria.n > 10)
		ERR(L, n->line, "evaluation form %s has %zu criteria; evaluations hold c1..c10 at most",
		    f->name, f->criteria.n);
	const char *levels = xml_attr(n, "levels");
	if (levels == NULL)
		return;
	/* "0 50 60 75 90": five ascending lower bounds, the first 0. */
	TextList w = word_list(L, levels);
	int ok = w.n == 5;
	for (size_t i = 0; ok && i < 5; i++) {
		double v;
		ok = parse_goal(w.items[i], &v) == 0 && v >= 0 && v <= 100 && (i == 0 ? v == 0 :
		    v > f->level_percent[i - 1]);
		if (ok)
			f->level_percent[i] = v;
	}
	if (!ok)
		ERR(L, n->line, "evaluation form %s: levels=\"%s\" must be five lower bounds in %% from 0 up, "
		    "each higher than the one before, like \"0 50 60 75 90\"", f->name, levels);
	else
		f->has_levels = 1;
}

/* ----- metrics ----- */

/* The index of v in a NULL-terminated name table, or -1. */
static int
name_index(const char *const *names, const char *v)
{
	for (int i = 0; v && names[i]; i++)
		if (!strcmp(names[i], v))
			return i;
	return -1;
}

/* "a, b or c" from a name table, for messages. */
static const char *
name_choices(Loader *L, const char *const *names)
{
	char buf[256] = "";
	size_t used = 0, n = 0;
	while (names[n])
		n++;
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(buf + used, sizeof(buf) - used, "%s%s", i == 0 ? "" :
		    i + 1 == n ? _(" or ") : ", ", names[i]);
		if (w > 0 && (size_t)w < sizeof(buf) - used)
			used += (size_t)w;
	}
	return arena_strdup(L->a, buf);
}

/* One vocabulary attribute: its index in names, or def when absent. */
static int
vocab_attr(Loader *L, const XmlNode *n, const PlanTarget *t, const char *attr,
    const char *const *names, int def)
{
	const char *v = xml_attr(n, attr);
	if (v == NULL)
		return def;
	int i = name_index(names, v);
	if (i < 0) {
		ERR(L, n->line, "target %s: %s=\"%s\" is not known; write %s", t->id, attr, v,
		    name_choices(L, names));
		return def;
	}
	return i;
}

/* Whether the space-separated list holds the word w. */
static int
has_word(const char *list, const char *w)
{
	size_t wl = strlen(w);
	for (const char *g = list; *g;) {
		g += strspn(g, " ");
		size_t n = strcspn(g, " ");
		if (n == wl && n > 0 && !memcmp(g, w, n))
			return 1;
		g += n;
	}
	return 0;
}

/* "\"events\" or \"attendance\"": the sources with bit set in want(). */
static const char *
source_choices(Loader *L, int (*want)(const PlanSource *, const void *), const void *arg)
{
	char buf[256] = "";
	size_t n = 0, k = 0, len = 0;
	for (size_t i = 0; i < SOURCE_NSOURCES; i++)
		n += want(&plan_sources[i], arg) != 0;
	for (size_t i = 0; i < SOURCE_NSOURCES; i++) {
		if (!want(&plan_sources[i], arg))
			continue;
		k++;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s\"%s\"",
		    k == 1 ? "" : k == n ? _(" or ") : ", ", plan_source_names[i]);
		if (len >= sizeof(buf))
			break;
	}
	return arena_strdup(L->a, buf);
}

static int
owns_attribute(const PlanSource *s, const void *attr)
{
	return has_word(s->attributes, attr);
}

static int
gives_result(const PlanSource *s, const void *result)
{
	return (s->results >> *(const MetricResult *)result) & 1u;
}

/* An attribute that belongs to other sources is an error: a plan never
 * says more than is counted. */
static void
check_source_attributes(Loader *L, const XmlNode *n, const PlanTarget *t)
{
	const PlanSource *src = &plan_sources[t->metric.source];
	char attr[32];
	for (const char *g = plan_source_attributes; *g;) {
		g += strspn(g, " ");
		size_t len = strcspn(g, " ");
		if (len == 0 || len >= sizeof(attr))
			break;
		memcpy(attr, g, len);
		attr[len] = '\0';
		g += len;
		if (xml_attr(n, attr) != NULL && !has_word(src->attributes, attr))
			ERR(L, n->line, "target %s: %s= applies to count=%s only; remove it", t->id, attr,
			    source_choices(L, owns_attribute, attr));
	}
}

/* The attributes that compose a metric (see docs/plan.md). */
static void
read_composed_metric(Loader *L, const XmlNode *n, PlanTarget *t, const Plan *p)
{
	Metric *m = &t->metric;
	const char *count = need_attr(L, n, "count");
	int s = name_index(plan_source_names, count);
	if (count != NULL && s < 0) {
		ERR(L, n->line, "target %s: count=\"%s\" is not known; write %s", t->id, count,
		    name_choices(L, plan_source_names));
		return;
	}
	if (s < 0)
		return;
	m->source = (MetricSource)s;
	const PlanSource *src = &plan_sources[s];
	m->members = (MetricMembers)vocab_attr(L, n, t, "of", plan_members_names, (int)src->default_members);
	m->every = (MetricPeriod)vocab_attr(L, n, t, "every", plan_period_names, PERIOD_NONE);
	m->result = (MetricResult)vocab_attr(L, n, t, "result", plan_result_names, (int)src->default_result);
	if (!((src->results >> m->result) & 1u)) {
		if (m->result == RESULT_MEAN)
			ERR(L, n->line, "target %s: result=\"mean\" needs a measured value: count=%s "
			    "(not %s)", t->id, source_choices(L, gives_result, &m->result), plan_source_names[s]);
		else
			ERR(L, n->line, "target %s: count=\"%s\" gives result=\"%s\" only; write that or "
			    "leave result= out", t->id, plan_source_names[s], plan_result_names[src->default_result]);
	}
	static const char *const denominators[] = { "all", "measured", NULL };
	m->denominator = (MetricDenominator)vocab_attr(L, n, t, "denominator", denominators, DENOMINATOR_ALL);
	check_source_attributes(L, n, t);
	if (!((src->members >> m->members) & 1u))
		ERR(L, n->line, "target %s: %s cannot be counted of=\"%s\"; see the table of "
		    "count= and of= in docs/plan.md", t->id, plan_source_names[s],
		    plan_members_names[m->members]);

	const char *kind = xml_attr(n, "event-kind");
	if (kind != NULL) {
		m->kind = plan_event_kind(p, kind);
		if (m->kind == NULL)
			ERR(L, n->line, "target %s: event-kind=\"%s\" is not declared; add it to "
			    "<event-kinds> or correct the name", t->id, kind);
		else if (m->source == SOURCE_ATTENDANCE && !m->kind->attendance)
			ERR(L, n->line, "target %s counts attendance of %s, whose <event-kind> does "
			    "not say attendance=\"yes\"; add it there", t->id, m->kind->code);
	}
	m->school_size = xml_attr(n, "school-size");
	/* Read as schools.csv's ประเภท is: trimmed, without "โรงเรียน". */
	const char *type = xml_attr(n, "school-type");
	m->school_type = type ? model_without_school_word(trimmed(L, type)) : NULL;
	const char *survey = xml_attr(n, "survey");
	if (survey != NULL) {
		m->survey = plan_survey(p, survey);
		if (m->survey == NULL && has_word(src->attributes, "survey"))
			ERR(L, n->line, "target %s: survey=\"%s\" is not declared; add it to <surveys> or "
			    "correct the name", t->id, survey);
	}
	m->test = xml_attr(n, "test");
	m->grade = xml_attr(n, "grade");
	m->subject = xml_attr(n, "subject");
	if (m->source == SOURCE_SCORES && m->test == NULL)
		ERR(L, n->line, "target %s: count=\"scores\" needs test= (O-NET, NT, RT, ... as written "
		    "in scores); add it", t->id);
	m->holidays = word_list(L, xml_attr(n, "holidays"));
	for (size_t i = 0; i < m->holidays.n; i++)
		if (check_iso_date(m->holidays.items[i]) != 0)
			ERR(L, n->line, "target %s: holidays= has \"%s\", not a date; write "
			    "yyyy-mm-dd (CE) dates separated by spaces", t->id, m->holidays.items[i]);
	static const struct { const char *name; long lo, hi; } ints[] = {
		{"at-least", 1, 100000}, {"months", 1, 12}, {"weekday", 0, 6}, {"min-level", 1, 5},
		{"year", 2400, 2700},
	};
	int *dest[] = {&m->at_least, &m->months, &m->weekday, &m->min_level, &m->year};
	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		const char *v = xml_attr(n, ints[i].name);
		long x;
		if (v == NULL)
			continue;
		if (parse_long(v, ints[i].lo, ints[i].hi, &x) != 0)
			ERR(L, n->line, "target %s: %s=\"%s\" is out of range; write a whole "
			    "number from %ld to %ld", t->id, ints[i].name, v, ints[i].lo, ints[i].hi);
		else
			*dest[i] = (int)x;
	}
	const char *mean = xml_attr(n, "min-mean");
	if (mean != NULL && (parse_goal(mean, &m->min_mean) != 0 || m->min_mean < 1 || m->min_mean > 5))
		ERR(L, n->line, "target %s: min-mean=\"%s\" is not a mean from 1 to 5; write it "
		    "like 3.51", t->id, mean);

	/* What the composition cannot do without. */
	if (m->every != PERIOD_WEEKDAY && xml_attr(n, "weekday") != NULL)
		ERR(L, n->line, "target %s: weekday= goes with every=\"week\"; add it or remove weekday=", t->id);
	if (m->every != PERIOD_MONTHS && xml_attr(n, "months") != NULL)
		ERR(L, n->line, "target %s: months= goes with every=\"months\"; add it or remove months=", t->id);
	if (m->every == PERIOD_WEEKDAY && xml_attr(n, "weekday") == NULL)
		ERR(L, n->line, "target %s: every=\"week\" needs weekday= (0 = Sunday .. 6); add "
		    "it", t->id);
	if (m->every == PERIOD_MONTHS && m->months == 0)
		ERR(L, n->line, "target %s: every=\"months\" needs months= (the window, such as 2); "
		    "add it", t->id);
	if (m->members == MEMBERS_PERIODS && m->every == PERIOD_NONE)
		ERR(L, n->line, "target %s: of=\"periods\" needs every= of term, quarter, month, months or "
		    "week (the year is one period); add it", t->id);
	if (m->source == SOURCE_EVENTS && m->kind == NULL && m->activities[0] == 0)
		ERR(L, n->line, "target %s: count=\"events\" needs event-kind= or activity=; add "
		    "one", t->id);
	if (m->denominator == DENOMINATOR_MEASURED && (m->members != MEMBERS_SCHOOLS || !src->measured))
		ERR(L, n->line, "target %s: denominator=\"measured\" applies to schools counted by "
		    "evaluations, responses or scores only; remove it", t->id);
	/* Parts that would be read and do nothing are errors, so that a plan
	 * never says more than is counted. */
	if (m->result == RESULT_PERCENT && m->members == MEMBERS_EVENTS && m->source != SOURCE_SPENDING)
		ERR(L, n->line, "target %s: result=\"percent\" of=\"events\" has no denominator; "
		    "count events with result=\"count\", or a share of schools, people or periods",
		    t->id);
	int counted_rows = src->rows;
	int per_member = m->members == MEMBERS_EVENTS || m->members == MEMBERS_SCHOOLS ||
	    m->members == MEMBERS_PERIODS || m->members == MEMBERS_NETWORKS;
	if (m->every != PERIOD_NONE && (!counted_rows || !per_member))
		ERR(L, n->line, "target %s: every= applies to events, schools, networks or periods counted "
		    "from visits, events, attendance or practices; remove it", t->id);
	if (xml_attr(n, "at-least") != NULL && (!counted_rows || !per_member))
		ERR(L, n->line, "target %s: at-least= applies to events, schools, networks or periods "
		    "counted from visits, events, attendance or practices; remove it", t->id);
	if ((m->color_groups || m->school_size || m->school_type) && (m->members == MEMBERS_EVENTS ||
	    m->members == MEMBERS_PERIODS || m->members == MEMBERS_NETWORKS))
		ERR(L, n->line, "target %s: color-groups=, school-size= and school-type= choose "
		    "schools; they apply to of=\"schools\", \"people\", \"teachers\" or "
		    "\"respondents\" only; remove them", t->id);
	if (xml_attr(n, "at-least") != NULL && m->members == MEMBERS_EVENTS && m->every == PERIOD_NONE)
		ERR(L, n->line, "target %s: at-least= on of=\"events\" needs every= (at least N in each "
		    "period); for a number of events in the year write goal= instead", t->id);
	if (m->holidays.n > 0 && m->every != PERIOD_WEEKDAY)
		ERR(L, n->line, "target %s: holidays= applies to every=\"week\" only; remove it", t->id);
}

/* A target of the first format: metric="..." with its own attributes. */
static void
plan_v1_metric(Loader *L, const XmlNode *n, PlanTarget *t, const Plan *p)
{
	Metric *m = &t->metric;
	const char *name = xml_attr(n, "metric");
	const char *needs;
	if (plan_v1_compose(name, m, &needs) != 0) {
		ERR(L, n->line, "target %s: unknown metric \"%s\"; use one of %s (or write the "
		    "target with count= as docs/plan.md shows)", t->id, name, plan_v1_names());
		return;
	}
	/* The parts of the count= form mean nothing here: an error, not a
	 * silent difference between what the plan says and what is counted. */
	static const char *const composed_only[] = { "of", "every", "at-least", "result", "denominator",
		"school-size", "school-type", "event-kind", "survey", "min-mean", "months", "holidays",
		"test", "grade", "subject", "year" };
	for (size_t i = 0; i < sizeof(composed_only) / sizeof(composed_only[0]); i++)
		if (xml_attr(n, composed_only[i]) != NULL)
			ERR(L, n->line, "target %s: %s= belongs to targets written with count=, not metric=; "
			    "write the target with count= (docs/plan.md) or remove it", t->id, composed_only[i]);
	const char *type = xml_attr(n, "event-type");
	if (type != NULL && (m->kind = plan_event_kind(p, type)) == NULL)
		ERR(L, n->line, "target %s: event-type=\"%s\" is not an event kind of the plan; "
		    "correct the name", t->id, type);
	static const struct { const char *name; long lo, hi; } ints[] = {
		{"weekday", 0, 6}, {"window-months", 1, 12}, {"min-level", 1, 5},
	};
	int *dest[] = {&m->weekday, &m->months, &m->min_level};
	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		const char *v = xml_attr(n, ints[i].name);
		long x;
		if (v == NULL)
			continue;
		if (parse_long(v, ints[i].lo, ints[i].hi, &x) != 0)
			ERR(L, n->line, "target %s: %s=\"%s\" is out of range; "
			    "write a whole number from %ld to %ld", t->id,
			    ints[i].name, v, ints[i].lo, ints[i].hi);
		else
			*dest[i] = (int)x;
	}
	/* What each metric could not be computed without. */
	const char *missing = NULL;
	if (needs && !strcmp(needs, "event-type") && type == NULL)
		missing = "event-type";
	else if (needs && !strcmp(needs, "activity") && m->activities[0] == 0)
		missing = "activity";
	else if (m->every == PERIOD_MONTHS && m->months == 0)
		missing = "window-months";
	else if (m->every == PERIOD_WEEKDAY && xml_attr(n, "weekday") == NULL)
		missing = "weekday";
	else if (m->every == PERIOD_MONTH && m->activities[0] == 0 && m->mode == NULL)
		missing = "activity (or mode)";
	else if (m->source == SOURCE_ATTENDANCE && m->activities[0] == 0 && type == NULL)
		missing = "activity (or event-type)";
	else if (!strcmp(name, "per-school-visits") && m->activities[0] == 0 && m->topic == NULL)
		missing = "topic (or activity)";
	if (missing != NULL)
		ERR(L, n->line, "target %s: metric %s needs %s= (missing); add the attribute",
		    t->id, name, missing);
}

/* Fill t from the attributes of a <target> or <indicator>. need_goal: a goal
 * is required (targets) or optional (indicators). */
static void
read_metric(Loader *L, const XmlNode *n, PlanTarget *t, int need_goal, const Plan *p)
{
	t->line = (int)n->line;
	const char *id = need_attr(L, n, "id");
	t->id = id ? id : "";
	const char *unit = need_attr(L, n, "unit");
	t->unit = unit ? trimmed(L, unit) : "";
	t->metric.level_goal = !strncmp(t->unit, "ระดับ", strlen("ระดับ"));

	const char *goal = need_goal ? need_attr(L, n, "goal") : xml_attr(n, "goal");
	if (goal != NULL) {
		if (parse_goal(goal, &t->goal) != 0)
			ERR(L, n->line, "target %s: goal=\"%s\" is not a number; "
			    "write it like 6, 100 or 3.51", t->id, goal);
		else
			t->has_goal = 1;
	}

	Metric *m = &t->metric;
	m->topic = xml_attr(n, "topic");
	m->color_groups = xml_attr(n, "color-groups");
	m->mode = xml_attr(n, "mode");
	const char *acts = xml_attr(n, "activity");
	if (acts != NULL && parse_activity_list(acts, m->activities, METRIC_MAX_ACTIVITIES + 1) != 0)
		ERR(L, n->line, "target %s: activity=\"%s\" is not a list of up to "
		    "%d activity numbers; write it like \"4\" or \"4 7\"", t->id, acts,
		    METRIC_MAX_ACTIVITIES);

	const char *v1 = xml_attr(n, "metric");
	if (v1 != NULL && xml_attr(n, "count") != NULL)
		ERR(L, n->line, "target %s has both metric= (the first plan format) and count=; "
		    "keep count= and its parts, remove metric=", t->id);
	else if (v1 != NULL)
		plan_v1_metric(L, n, t, p);
	else
		read_composed_metric(L, n, t, p);
}
static void
read_targets(Loader *L, const XmlNode *targets, Plan *p)
{
	const XmlNode *quant = need(L, targets, "quantitative");
	const XmlNode *qual = targets ? xml_child(targets, "qualitative") : NULL;
	size_t n = (quant ? xml_count(quant, "target") : 0) +
	    (qual ? xml_count(qual, "target") : 0);
	p->targets = n ? arena_array(L->a, n, sizeof(*p->targets)) : NULL;
	const XmlNode *groups[2] = {quant, qual};
	for (int g = 0; g < 2; g++) {
		if (groups[g] == NULL)
			continue;
		for (const XmlNode *c = xml_next(groups[g], "target", NULL); c; c = xml_next(groups[g], "target", c)) {
			PlanTarget *t = &p->targets[p->ntargets++];
			read_metric(L, c, t, 1, p);
			t->quantitative = g == 0;
			t->text = trimmed(L, c->text);
		}
	}
}

static void
read_topics(Loader *L, const XmlNode *topics, PlanActivity *act)
{
	size_t n = xml_count(topics, "topic");
	act->topics = n ? arena_array(L->a, n, sizeof(*act->topics)) : NULL;
	char prefix[16];
	int plen = snprintf(prefix, sizeof(prefix), "%d.", act->no);
	for (const XmlNode *c = xml_next(topics, "topic", NULL); c; c = xml_next(topics, "topic", c)) {
		PlanTopic *tp = &act->topics[act->ntopics];
		const char *code = need_attr(L, c, "code");
		if (code == NULL)
			continue;
		tp->code = code;
		tp->name = trimmed(L, c->text);
		if (strncmp(code, prefix, (size_t)plen) != 0 || code[plen] == '\0')
			ERR(L, c->line, "topic %s is inside activity %d (a topic "
			    "outside its activity); number the topics of activity %d "
			    "as %d.1, %d.2, ... or move it", code, act->no, act->no,
			    act->no, act->no);
		for (size_t k = 0; k < act->ntopics; k++)
			if (strcmp(act->topics[k].code, code) == 0)
				ERR(L, c->line, "topic %s appears twice in activity "
				    "%d (duplicate code); give each topic its own "
				    "code", code, act->no);
		const char *goal = xml_attr(c, "per-school-goal");
		long x;
		if (goal != NULL) {
			if (parse_long(goal, 1, 1000, &x) != 0)
				ERR(L, c->line, "topic %s: per-school-goal=\"%s\" is "
				    "out of range; write a whole number from 1 to "
				    "1000", code, goal);
			else
				tp->per_school_goal = (int)x;
		}
		act->ntopics++;
	}
}

static void
read_activities(Loader *L, const XmlNode *acts, Plan *p)
{
	if (acts == NULL)
		return;
	size_t n = xml_count(acts, "activity");
	p->activities = n ? arena_array(L->a, n, sizeof(*p->activities)) : NULL;
	/* The fiscal year named by BE year Y runs from 1 Oct (Y-544) to
	 * 30 Sep (Y-543), CE. */
	char fy_start[32], fy_end[32];
	snprintf(fy_start, sizeof(fy_start), "%04d-10-01", p->fiscal_year - 544);
	snprintf(fy_end, sizeof(fy_end), "%04d-09-30", p->fiscal_year - 543);
	for (const XmlNode *c = xml_next(acts, "activity", NULL); c; c = xml_next(acts, "activity", c)) {
		PlanActivity *act = &p->activities[p->nactivities++];
		long no = 0;
		const char *nos = need_attr(L, c, "no");
		if (nos != NULL && parse_long(nos, 1, 99, &no) != 0)
			ERR(L, c->line, "activity no=\"%s\" is not a number from 1 "
			    "to 99; number the activities 1, 2, 3, ...", nos);
		act->no = (int)no;
		if (nos != NULL && no != 0 && (size_t)no != p->nactivities)
			ERR(L, c->line, "activity %ld is activity number %zu in the "
			    "file (activities not numbered 1..N in order); number "
			    "them 1, 2, 3, ... in the order they appear", no,
			    p->nactivities);
		act->name = need_text(L, c, "name");
		act->period_text = need_text(L, c, "period");
		act->owner = need_text(L, c, "owner");
		act->target_groups = text_list(L, need(L, c, "target-groups"), "group");
		act->start = need_attr(L, c, "start");
		act->end = need_attr(L, c, "end");
		if (act->start && check_iso_date(act->start) != 0)
			ERR(L, c->line, "activity %d: start=\"%s\" is not a date; "
			    "write yyyy-mm-dd (CE)", act->no, act->start);
		else if (act->end && check_iso_date(act->end) != 0)
			ERR(L, c->line, "activity %d: end=\"%s\" is not a date; "
			    "write yyyy-mm-dd (CE)", act->no, act->end);
		else if (act->start && act->end && strcmp(act->start, act->end) > 0)
			ERR(L, c->line, "activity %d starts after it ends (%s > %s); "
			    "swap or correct the dates", act->no, act->start, act->end);
		else if (act->start && act->end && p->fiscal_year > 0 &&
		    (strcmp(act->start, fy_start) < 0 || strcmp(act->end, fy_end) > 0))
			problem(L, DIAG_WARNING, c->line, "activity %d is planned "
			    "%s..%s, outside fiscal year %d (%s..%s); check the "
			    "dates", act->no, act->start, act->end, p->fiscal_year,
			    fy_start, fy_end);
		const XmlNode *topics = xml_child(c, "topics");
		if (topics != NULL)
			read_topics(L, topics, act);
	}
}

/* Reads one money attribute; 0 when absent or after reporting. */
static Satang
money_attr(Loader *L, const XmlNode *n, const char *name, int *present)
{
	const char *v = xml_attr(n, name);
	Satang s = 0;
	*present = v != NULL;
	if (v != NULL && plan_parse_money(v, &s) != 0)
		ERR(L, n->line, "%s=\"%s\" is not an amount in baht; write it like "
		    "20000 or 20000.00 (no commas)", name, v);
	return s;
}

static void
read_budget(Loader *L, const XmlNode *b, Plan *p)
{
	if (b == NULL)
		return;
	int present;
	p->budget_total = money_attr(L, b, "total", &present);
	if (!present)
		need_attr(L, b, "total");
	const XmlNode *text = xml_child(b, "text");
	const XmlNode *note = xml_child(b, "note");
	p->budget_text = text ? trimmed(L, text->text) : NULL;
	p->budget_note = note ? trimmed(L, note->text) : NULL;

	/* seen[k]: line of the item for activity index k, 0 = none yet. */
	long *seen = p->nactivities ? arena_array(L->a, p->nactivities, sizeof(long)) : NULL;
	Satang sum = 0;
	for (const XmlNode *c = xml_next(b, "item", NULL); c; c = xml_next(b, "item", c)) {
		const char *nos = need_attr(L, c, "activity");
		long no;
		if (nos == NULL)
			continue;
		if (parse_long(nos, 1, 99, &no) != 0 || plan_activity(p, (int)no) == NULL) {
			ERR(L, c->line, "budget item for activity \"%s\", which the "
			    "plan does not have; use the number of an <activity>",
			    nos);
			continue;
		}
		size_t k = (size_t)(plan_activity(p, (int)no) - p->activities);
		PlanActivity *act = &p->activities[k];
		if (seen[k] != 0) {
			ERR(L, c->line, "a second budget item for activity %ld "
			    "(the first is on line %ld); keep one item per activity",
			    no, seen[k]);
			continue;
		}
		seen[k] = c->line;
		act->budget_label = trimmed(L, c->text);
		act->budget = money_attr(L, c, "amount", &present);
		if (!present)
			need_attr(L, c, "amount");
		sum += act->budget;

		int has[3];
		act->compensation = money_attr(L, c, "compensation", &has[0]);
		act->expenses = money_attr(L, c, "expenses", &has[1]);
		act->materials = money_attr(L, c, "materials", &has[2]);
		int nsplit = has[0] + has[1] + has[2];
		if (nsplit != 0 && nsplit != 3)
			ERR(L, c->line, "budget of activity %ld is split only in "
			    "part; give all of compensation=, expenses= and "
			    "materials= or none of them", no);
		else if (nsplit == 3) {
			act->has_split = 1;
			Satang parts = act->compensation + act->expenses + act->materials;
			if (parts != act->budget)
				ERR(L, c->line, "budget of activity %ld: the split adds "
				    "up to %lld.%02lld baht, not the amount %lld.%02lld; "
				    "correct the figures", no, parts / 100, parts % 100,
				    act->budget / 100, act->budget % 100);
		}
	}
	for (size_t k = 0; k < p->nactivities; k++)
		if (seen[k] == 0)
			ERR(L, b->line, "activity %d has no budget item; add <item "
			    "activity=\"%d\" amount=\"0\"> when the plan prints \"-\"",
			    p->activities[k].no, p->activities[k].no);
	if (sum != p->budget_total)
		ERR(L, b->line, "the budget items add up to %lld.%02lld baht but "
		    "total= is %lld.%02lld (the table does not add up); correct "
		    "an item or the total", sum / 100, sum % 100,
		    p->budget_total / 100, p->budget_total % 100);
}

static void
read_indicators(Loader *L, const XmlNode *ind, Plan *p)
{
	if (ind == NULL)
		return;
	size_t n = xml_count(ind, "indicator");
	p->indicators = n ? arena_array(L->a, n, sizeof(*p->indicators)) : NULL;
	for (const XmlNode *c = xml_next(ind, "indicator", NULL); c; c = xml_next(ind, "indicator", c)) {
		PlanIndicator *pi = &p->indicators[p->nindicators++];
		read_metric(L, c, &pi->target, 0, p);
		pi->target.text = need_text(L, c, "text");
		pi->method = need_text(L, c, "method");
		pi->tool = need_text(L, c, "tool");
	}
}

/* Activities and topics named by a target must exist; a topic must belong
 * to one of the target's activities when it lists some. */
static void
check_references(Loader *L, PlanTarget *t, const Plan *p)
{
	Metric *m = &t->metric;
	/* A per-school target on a topic asks for the topic's per-school goal
	 * (visits each school should get) unless it says at-least= itself. */
	if (m->at_least == 0 && m->source == SOURCE_VISITS && m->members == MEMBERS_SCHOOLS) {
		const PlanTopic *tp = plan_topic(p, m->topic);
		if (tp && tp->per_school_goal > 0)
			m->at_least = tp->per_school_goal;
	}
	if (m->at_least == 0)
		m->at_least = 1;

	for (const int *a = t->metric.activities; *a != 0; a++)
		if (plan_activity(p, *a) == NULL)
			ERR(L, t->line, "target %s refers to activity %d, which the "
			    "plan does not have; use the number of an <activity>",
			    t->id, *a);
	const char *topic = t->metric.topic;
	if (topic == NULL)
		return;
	long owner = 0;
	const char *dot = strchr(topic, '.');
	char head[8];
	size_t hl = dot ? (size_t)(dot - topic) : 0;
	if (hl > 0 && hl < sizeof(head)) {
		memcpy(head, topic, hl);
		head[hl] = '\0';
		if (parse_long(head, 1, 99, &owner) != 0)
			owner = 0;
	}
	const PlanActivity *act = owner ? plan_activity(p, (int)owner) : NULL;
	int found = 0;
	for (size_t k = 0; act != NULL && k < act->ntopics; k++)
		if (strcmp(act->topics[k].code, topic) == 0)
			found = 1;
	if (!found) {
		ERR(L, t->line, "target %s refers to topic %s, which the plan does "
		    "not have; use the code of a <topic>", t->id, topic);
		return;
	}
	if (t->metric.activities[0] == 0)
		return;
	for (const int *a = t->metric.activities; *a != 0; a++)
		if (*a == owner)
			return;
	ERR(L, t->line, "target %s: topic %s belongs to activity %ld, which is "
	    "not in activity=; add %ld to activity= or correct the topic",
	    t->id, topic, owner, owner);
}

static void
check_unique_ids(Loader *L, const Plan *p)
{
	size_t n = p->ntargets + p->nindicators;
	for (size_t i = 0; i < n; i++) {
		const PlanTarget *a = i < p->ntargets ? &p->targets[i] :
		    &p->indicators[i - p->ntargets].target;
		for (size_t j = 0; j < i; j++) {
			const PlanTarget *b = j < p->ntargets ? &p->targets[j] :
			    &p->indicators[j - p->ntargets].target;
			if (strcmp(a->id, b->id) == 0 && a->id[0] != '\0') {
				ERR(L, a->line, "id %s is used twice (first on line "
				    "%d: duplicate target id); give each target and "
				    "indicator its own id", a->id, b->line);
				break;
			}
		}
	}
}

static Plan *
plan_from_tree(Loader *L, const XmlNode *root)
{
	if (strcmp(root->name, "plan") != 0 || root->ns != NULL) {
		ERR(L, root->line, "the root element is <%s>, not <plan>; is this "
		    "the plan file?", root->name);
		return NULL;
	}
	Plan *p = arena_alloc(L->a, sizeof(*p));
	long fy = 0;
	const char *fys = need_attr(L, root, "fiscal-year");
	if (fys != NULL && parse_long(fys, 2400, 2700, &fy) != 0)
		ERR(L, root->line, "fiscal-year=\"%s\" is not a Buddhist-Era year; "
		    "write it like 2558", fys);
	p->fiscal_year = (int)fy;
	const char *office = need_attr(L, root, "office");
	p->office = office ? trimmed(L, office) : "";
	const char *network_word = xml_attr(root, "network-word");
	p->network_word = network_word ? trimmed(L, network_word) : NULL;
	/* It heads a table column, whose layout string uses | and :. */
	if (p->network_word && p->network_word[strcspn(p->network_word, "|:")] != '\0')
		ERR(L, root->line, "network-word=\"%s\" is the name of a group of schools, such as "
		    "สหวิทยาเขต; remove the | or :", p->network_word);
	p->title = need_text(L, root, "title");
	p->unit = need_text(L, root, "unit");
	p->alignment = text_list(L, need(L, root, "alignment"), "line");
	p->rationale = text_list(L, need(L, root, "rationale"), "p");
	p->objectives = text_list(L, need(L, root, "objectives"), "objective");
	p->outcomes = text_list(L, xml_child(root, "outcomes"), "outcome");

	read_event_kinds(L, xml_child(root, "event-kinds"), p);
	read_surveys(L, xml_child(root, "surveys"), p);
	read_evaluation_form(L, xml_child(root, "evaluation-form"), p);
	read_targets(L, need(L, root, "targets"), p);
	int before = L->errors;
	read_activities(L, need(L, root, "activities"), p);
	/* With activities misnumbered, every reference to them (budget items,
	 * targets) would be reported wrong too: say only what to fix first. */
	int activities_ok = L->errors == before;
	if (activities_ok)
		read_budget(L, need(L, root, "budget"), p);
	read_indicators(L, xml_child(root, "indicators"), p);

	check_unique_ids(L, p);
	for (size_t i = 0; activities_ok && i < p->nsurveys; i++)
		if (p->surveys[i].activity && plan_activity(p, p->surveys[i].activity) == NULL)
			ERR(L, p->surveys[i].line, "survey %s belongs to activity %d, which the plan does not have; "
			    "use the number of an <activity>", p->surveys[i].code, p->surveys[i].activity);
	for (size_t i = 0; activities_ok && i < p->nevent_kinds; i++) {
		const PlanEventKind *k = &p->event_kinds[i];
		if (k->activity && plan_activity(p, k->activity) == NULL)
			ERR(L, k->line, "event kind %s belongs to activity %d, which the plan does "
			    "not have; use the number of an <activity>", k->code, k->activity);
	}
	for (size_t i = 0; activities_ok && i < p->ntargets; i++)
		check_references(L, &p->targets[i], p);
	for (size_t i = 0; activities_ok && i < p->nindicators; i++)
		check_references(L, &p->indicators[i].target, p);
	return L->errors ? NULL : p;
}

Plan *
plan_load(Arena *a, const char *path, const char *xsd_path, int max_depth,
    long max_bytes, Diag *d)
{
	XmlSchema *schema = NULL;
	if (xsd_path != NULL) {
		schema = xml_schema_load(xsd_path, max_bytes, d);
		if (schema == NULL)
			return NULL;
	}
	XmlNode *root = xml_read_file(a, path, max_bytes, max_depth, schema, d);
	xml_schema_free(schema);
	if (root == NULL)
		return NULL;
	Loader L = {.a = a, .d = d, .file = path};
	return plan_from_tree(&L, root);
}
