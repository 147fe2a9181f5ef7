/* gen-sample.c - writes the bundled sample input (FY 2558, สพป.พัทลุง เขต 2)
 * and the national-scale benchmark set, deterministically from a seed.
 *
 *   gen-sample [--seed N] [--schools N] [--visits-per-school N] --out DIR
 *   gen-sample --national [--seed N] --out DIR
 *   gen-sample --images --out DIR   (emblem.png and photos/ only: make builds them)
 *
 * Every random choice comes from our own splitmix64 streams, one stream per
 * file and per school, so the output depends only on the seed and the
 * options, never on the C library, the platform or the order of generation.
 * No floating point touches the output for the same reason. The generator
 * writes every input file of the README's table except plan.xml, which is written
 * by hand from the seed plan. Files are written under a temporary name and
 * renamed into place when complete. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "core/mem.h"

enum {
	DEFAULT_SEED = 2558,
	DEFAULT_SCHOOLS = 118,  /* 117 active and one merged at the start of the year */
	DEFAULT_VPS = 20,
	NATIONAL_SCHOOLS = 30000,
	NATIONAL_VPS = 100,
	MAX_SCHOOLS = 1000000,
	MAX_VPS = 1000,
	/* Above this many expected visit rows the rows are streamed in school
	 * order instead of being held and sorted by date. */
	SORT_LIMIT = 1000000,
	NITEMS = 10
};

/* ------------------------------------------------------------------ */
/* Errors */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
	va_list ap;
	fputs("gen-sample: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* snprintf that treats truncation as our bug: every buffer is sized for
 * the longest text the tables below can produce. */
static void fmt(char *buf, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));
static void fmt(char *buf, size_t n, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int k = vsnprintf(buf, n, f, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= n)
		die("internal: text too long for its buffer (%s)", f);
}

/* ------------------------------------------------------------------ */
/* Random numbers: splitmix64, one independent stream per (file, index). */

typedef struct Rng {
	uint64_t s;
} Rng;

enum Stream {
	ST_SCHOOLS = 1, ST_NAMES, ST_NETWORKS, ST_STAFF, ST_VISITS, ST_ACT3,
	ST_EVAL, ST_SURVEY, ST_SPENDING, ST_MEETINGS, ST_ATTEND, ST_PRACTICE,
	ST_ONLINE, ST_NETVISIT, ST_SETUP, ST_PHOTOS
};

static uint64_t rng_next(Rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void rng_init(Rng *r, uint64_t seed, int stream, uint64_t index)
{
	r->s = seed ^ ((uint64_t)stream * 0xD1B54A32D192ED03ULL) ^
	       (index * 0xABC98388FB8FAC03ULL);
	(void)rng_next(r);
}

/* Uniform in [0, n), without modulo bias. n > 0. */
static uint64_t rng_below(Rng *r, uint64_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = rng_next(r);
	while (x >= limit);
	return x % n;
}

static long rng_range(Rng *r, long lo, long hi) /* inclusive */
{
	return lo + (long)rng_below(r, (uint64_t)(hi - lo + 1));
}

static int rng_pm(Rng *r, int per_mille)
{
	return (int)rng_below(r, 1000) < per_mille;
}

/* Triangular noise in [-w, w], integer only. */
static long rng_tri(Rng *r, long w)
{
	return (rng_range(r, -w, w) + rng_range(r, -w, w)) / 2;
}

#define PICK(r, arr) ((arr)[rng_below((r), sizeof(arr) / sizeof((arr)[0]))])

/* A count with mean mean_pm/1000, spread +-50 %, rounded at random so
 * that the mean is kept. */
static int rng_count(Rng *r, long mean_pm)
{
	if (mean_pm <= 0)
		return 0;
	long x = mean_pm * rng_range(r, 500, 1500) / 1000;
	return (int)(x / 1000 + ((long)rng_below(r, 1000) < x % 1000));
}

static void shuffle(Rng *r, int *a, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = (int)rng_below(r, (uint64_t)i + 1);
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

/* ------------------------------------------------------------------ */
/* Calendar: days since 1970-01-01 (H. Hinnant's civil algorithms). */

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int weekday(long z) /* 0 = Sunday */
{
	return (int)((z + 4) % 7);
}

#define D(y, m, d) days_from_civil((y), (m), (d))

static const char *const THAI_MONTH_SHORT[12] = {
	"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
	"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."
};
static const char *const THAI_MONTH_LONG[12] = {
	"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
	"กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"
};

enum DateForm { DF_ISO, DF_BE_SLASH, DF_CE_SLASH, DF_THAI };

static void fmt_date(char *buf, size_t n, long z, enum DateForm f)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	switch (f) {
	case DF_ISO: fmt(buf, n, "%04d-%02d-%02d", y, m, d); break;
	case DF_BE_SLASH: fmt(buf, n, "%d/%d/%d", d, m, y + 543); break;
	case DF_CE_SLASH: fmt(buf, n, "%d/%d/%d", d, m, y); break;
	case DF_THAI: fmt(buf, n, "%d %s %d", d, THAI_MONTH_SHORT[m - 1], y + 543); break;
	}
}

/* Official holidays of FY 2558 that fall on weekdays. */
static const long *holidays(size_t *n)
{
	static long h[20];
	static size_t nh;
	if (!nh) {
		const int t[][3] = {
			{2014, 10, 23}, {2014, 12, 5}, {2014, 12, 10}, {2014, 12, 31},
			{2015, 1, 1}, {2015, 1, 2}, {2015, 3, 4}, {2015, 4, 6},
			{2015, 4, 13}, {2015, 4, 14}, {2015, 4, 15}, {2015, 5, 1},
			{2015, 5, 5}, {2015, 6, 1}, {2015, 7, 30}, {2015, 7, 31},
			{2015, 8, 12}
		};
		for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
			h[nh++] = D(t[i][0], t[i][1], t[i][2]);
	}
	*n = nh;
	return h;
}

static int is_workday(long z)
{
	size_t nh;
	const long *h = holidays(&nh);
	int w = weekday(z);
	if (w == 0 || w == 6)
		return 0;
	for (size_t i = 0; i < nh; i++)
		if (h[i] == z)
			return 0;
	return 1;
}

/* A set of days to draw from. */
typedef struct Days {
	long *d;
	int n;
} Days;

static void days_add_range(Days *s, long from, long to)
{
	for (long z = from; z <= to; z++) {
		if (!is_workday(z))
			continue;
		s->d = mem_grow(s->d, (size_t)s->n + 1, sizeof *s->d);
		s->d[s->n++] = z;
	}
}

static long days_pick(Rng *r, const Days *s)
{
	if (s->n == 0)
		die("internal: empty day set");
	return s->d[rng_below(r, (uint64_t)s->n)];
}

/* ------------------------------------------------------------------ */
/* Output: CSV rows (UTF-8 or Windows-874) and raw text, buffered. */

typedef struct Out {
	FILE *f;
	char path[1024], tmp[1040];
	int cp874;        /* convert our UTF-8 to Windows-874 bytes */
	int quote_all;    /* Google Sheets' example quotes every field */
	int final_eol;    /* 0: no line end after the last row */
	const char *eol;
	int nfields;      /* fields written in the current row */
	int pending_eol;
	long rows;
	long long bytes;
	char *vbuf;
} Out;

static void out_open(Out *o, const char *dir, const char *name, const char *eol,
                     int bom, int cp874)
{
	memset(o, 0, sizeof *o);
	fmt(o->path, sizeof o->path, "%s/%s", dir, name);
	fmt(o->tmp, sizeof o->tmp, "%s.tmp", o->path);
	o->f = fopen(o->tmp, "wb");
	if (!o->f)
		die("cannot write %s: %s", o->tmp, strerror(errno));
	o->vbuf = mem_alloc(1 << 20);
	setvbuf(o->f, o->vbuf, _IOFBF, 1 << 20);
	o->eol = eol;
	o->cp874 = cp874;
	o->final_eol = 1;
	if (bom) {
		fwrite("\xEF\xBB\xBF", 1, 3, o->f);
		o->bytes = 3;
	}
}

/* Windows-874: ASCII, Thai U+0E01..U+0E5B at 0xA1..0xFB, and the
 * punctuation Windows puts at 0x80..0x9F. */
static int cp874_byte(uint32_t cp)
{
	if (cp < 0x80)
		return (int)cp;
	if ((cp >= 0x0E01 && cp <= 0x0E3A) || (cp >= 0x0E3F && cp <= 0x0E5B))
		return (int)(cp - 0x0E00 + 0xA0);
	switch (cp) {
	case 0x20AC: return 0x80;
	case 0x2026: return 0x85;
	case 0x2018: return 0x91;
	case 0x2019: return 0x92;
	case 0x201C: return 0x93;
	case 0x201D: return 0x94;
	case 0x2022: return 0x95;
	case 0x2013: return 0x96;
	case 0x2014: return 0x97;
	case 0x00A0: return 0xA0;
	default: return -1;
	}
}

static void out_bytes(Out *o, const char *s, size_t n)
{
	if (!o->cp874) {
		fwrite(s, 1, n, o->f);
		o->bytes += (long long)n;
		return;
	}
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		uint32_t cp;
		int len;
		if (p[0] < 0x80) { cp = p[0]; len = 1; }
		else if ((p[0] & 0xE0) == 0xC0) { cp = p[0] & 0x1Fu; len = 2; }
		else if ((p[0] & 0xF0) == 0xE0) { cp = p[0] & 0x0Fu; len = 3; }
		else { cp = p[0] & 0x07u; len = 4; }
		if (p + len > end)
			die("internal: truncated UTF-8 in %s", o->path);
		for (int i = 1; i < len; i++)
			cp = (cp << 6) | (p[i] & 0x3Fu);
		int b = cp874_byte(cp);
		if (b < 0)
			die("internal: U+%04X has no Windows-874 byte (%s)", (unsigned)cp, o->path);
		fputc(b, o->f);
		o->bytes++;
		p += len;
	}
}

static void out_raw(Out *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

static void out_rawf(Out *o, const char *f, ...) __attribute__((format(printf, 2, 3)));
static void out_rawf(Out *o, const char *f, ...)
{
	char buf[4096];
	va_list ap;
	va_start(ap, f);
	int k = vsnprintf(buf, sizeof buf, f, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= sizeof buf)
		die("internal: line too long (%s)", o->path);
	out_bytes(o, buf, (size_t)k);
}

static void out_field(Out *o, const char *s)
{
	if (o->nfields == 0 && o->pending_eol) {
		out_raw(o, o->eol);
		o->pending_eol = 0;
	}
	if (o->nfields++ > 0)
		out_bytes(o, ",", 1);
	if (!o->quote_all && !strpbrk(s, ",\"\r\n")) {
		out_raw(o, s);
		return;
	}
	out_bytes(o, "\"", 1);
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		out_bytes(o, s, (size_t)(q - s) + 1);
		out_bytes(o, "\"", 1);
	}
	out_raw(o, s);
	out_bytes(o, "\"", 1);
}

static void out_fieldf(Out *o, const char *f, ...) __attribute__((format(printf, 2, 3)));
static void out_fieldf(Out *o, const char *f, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, f);
	int k = vsnprintf(buf, sizeof buf, f, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= sizeof buf)
		die("internal: field too long (%s)", o->path);
	out_field(o, buf);
}

static void out_int(Out *o, long v)
{
	out_fieldf(o, "%ld", v);
}

static void out_endrow(Out *o)
{
	o->nfields = 0;
	o->rows++;
	if (o->final_eol)
		out_raw(o, o->eol);
	else
		o->pending_eol = 1;
}

static void out_header(Out *o, const char *const *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out_field(o, cols[i]);
	out_endrow(o);
	o->rows--; /* count data rows only */
}

static void out_close(Out *o)
{
	if (fflush(o->f) != 0 || ferror(o->f))
		die("cannot write %s: %s", o->tmp, strerror(errno));
	if (fclose(o->f) != 0)
		die("cannot close %s: %s", o->tmp, strerror(errno));
	free(o->vbuf);
	if (rename(o->tmp, o->path) != 0)
		die("cannot rename %s to %s: %s", o->tmp, o->path, strerror(errno));
	printf("%-18s %9ld rows %12lld bytes\n", strrchr(o->path, '/') + 1, o->rows, o->bytes);
}

/* Money in satang, written the way Excel displays "#,##0.00". */
static void fmt_money(char *buf, size_t n, long long satang, int plain)
{
	char digits[32], grouped[48];
	long long a = satang < 0 ? -satang : satang;
	if (plain && a % 100 == 0) {
		fmt(buf, n, "%s%lld", satang < 0 ? "-" : "", a / 100);
		return;
	}
	fmt(digits, sizeof digits, "%lld", a / 100);
	size_t len = strlen(digits), k = 0;
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[k++] = ',';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	fmt(buf, n, "%s%s.%02lld", satang < 0 ? "-" : "", grouped, a % 100);
}

/* ------------------------------------------------------------------ */
/* The area: districts, schools, networks, staff. */

enum Color { C_NONE, C_DAM, C_DAENG, C_LUEANG, C_KHIAO };
static const char *const COLOR_NAME[] = { "", "ดำ", "แดง", "เหลือง", "เขียว" };
static const char *const SIZE_NAME[] = { "", "เล็ก", "กลาง", "ใหญ่" };

typedef struct District {
	char name[64];
	const char *const *sub;
	int nsub;
	int nschools;
	int first_school;
	int first_network, nnetworks;
} District;

typedef struct School {
	char code[12];
	char name[128];
	char principal[128];
	int dist;
	const char *subdistrict;
	int network;
	int color;
	int size;
	int students, teachers, admins;
	int active;
	int extended;      /* ขยายโอกาส: teaches up to ม.3 */
	int sup;           /* responsible supervisor (staff index) */
	int quality;       /* latent internal-supervision quality x100 */
	int satisfaction;  /* latent mean satisfaction x100 */
	int no_act3;       /* never followed up (target 3.1.7 missed) */
	int no_eval;       /* followed up, evaluation never sent */
	int no_survey;     /* did not answer the satisfaction form */
} School;

typedef struct Network {
	char code[12];
	char name[192];
	int dist;
	int chair;
	int first, n;      /* schools first .. first+n-1 */
	int sup;
} Network;

typedef struct Staff {
	char id[12];
	char name[128];
	const char *position;
} Staff;

typedef struct Event {
	char id[12];
	const char *type;
	int act;
	char seq[16];
	long day;
	char title[320];
	int participants;
	char minutes[160];
	const char *resolutions;
	const char *time, *venue;
	int dist;          /* สวัสดีคุณครู: district, -1 for the catch-up */
} Event;

typedef struct Attend {
	int event, school, teachers, admins;
} Attend;

typedef struct Ctx {
	uint64_t seed;
	int nschools, vps, national, bundled, collect;
	const char *out;
	District *dists;
	int ndists;
	School *schools;
	Network *nets;
	int nnets;
	Staff *staff;
	int nstaff, nsup;  /* supervisors are staff[0..nsup-1] */
	Event *events;
	int nevents;
	Attend *att;
	int natt;
	Days schooldays, workdays, dec, round1, round2, survey;
	long scale_pm;     /* activity 4/6/7 counts x scale_pm/1000 */
} Ctx;

/* The six districts of สพป.พัทลุง เขต 2 with their subdistricts, and 118
 * school names in the office's own style (no "โรงเรียน" prefix). */
static const char *const SUB_KONGRA[] = { "กงหรา", "ชะรัด", "คลองเฉลิม", "คลองทรายขาว", "สมหวัง" };
static const char *const SUB_KHAOCHAISON[] = { "เขาชัยสน", "ควนขนุน", "จองถนน", "หานโพธิ์", "โคกม่วง" };
static const char *const SUB_TAMOT[] = { "แม่ขรี", "ตะโหมด", "คลองใหญ่" };
static const char *const SUB_BANGKAEO[] = { "ท่ามะเดื่อ", "นาปะขอ", "โคกสัก" };
static const char *const SUB_PAKPHAYUN[] = { "ปากพะยูน", "ดอนประดู่", "เกาะนางคำ", "เกาะหมาก", "ฝาละมี", "หารประดู่", "ดอนทราย" };
static const char *const SUB_PABON[] = { "ป่าบอน", "โคกทราย", "หนองธง", "ทุ่งนารี", "วังใหม่" };

static const char *const NAMES_KONGRA[] = {
	"บ้านกงหรา", "บ้านควนประกอบ", "บ้านชะรัด", "วัดชะรัด", "บ้านท่าลาด",
	"บ้านคลองเฉลิม", "บ้านควนอินนอโม", "บ้านนาปรัง", "บ้านคลองทรายขาว", "บ้านหนองหอย",
	"บ้านทุ่งยาว", "บ้านสมหวัง", "บ้านป่าบาก", "บ้านโหล๊ะจันกระ", "วัดหัวช้าง",
	"บ้านควนนุ้ย", "บ้านห้วยน้ำใส", "บ้านลำแตง", "ชุมชนบ้านคลองหมวย", "บ้านไสกุน"
};
static const char *const NAMES_KHAOCHAISON[] = {
	"บ้านเขาชัยสน", "ชุมชนวัดเขาชัยสน", "บ้านควนขนุน", "บ้านจองถนน", "บ้านหานโพธิ์",
	"บ้านโคกม่วง", "บ้านควนโคกยา", "บ้านท่าเนียน", "บ้านนาโหนด", "บ้านหัวป่า",
	"บ้านควนกรวด", "บ้านพรุนายขาว", "วัดโคกเมือง", "บ้านทุ่งลาน", "บ้านหนองโพธิ์",
	"บ้านป่าตอ", "บ้านทุ่งตำเสา", "บ้านหูแร่", "วัดหานโพธิ์", "บ้านโคกมะเหร็ด",
	"บ้านท่าควาย", "บ้านโพธิ์ทอง"
};
static const char *const NAMES_TAMOT[] = {
	"บ้านตะโหมด", "วัดตะโหมด", "บ้านแม่ขรี", "บ้านคลองใหญ่", "บ้านควนหัวช้าง",
	"บ้านนาวง", "บ้านทุ่งโพธิ์", "บ้านหนองปลิง", "บ้านควนยวน", "บ้านลานแร่",
	"บ้านป่าเหรียง", "บ้านไสเลียบ", "บ้านโหล๊ะท่อม", "บ้านพรุพ้อ", "ชุมชนบ้านนาปอ"
};
static const char *const NAMES_BANGKAEO[] = {
	"บ้านท่ามะเดื่อ", "บ้านนาปะขอ", "บ้านโคกสัก", "บ้านหัวถนน", "บ้านควนมะพร้าว",
	"บ้านปลักปอม", "วัดนาปะขอ", "บ้านควนแหวง", "บ้านสะพานพราหมณ์", "บ้านโคกยาง",
	"บ้านท่าแค", "บ้านดอนศาลา", "ชุมชนวัดโคกสัก"
};
static const char *const NAMES_PAKPHAYUN[] = {
	"บ้านปากพะยูน", "ชุมชนวัดสุวรรณวิชัย", "บ้านดอนประดู่", "บ้านเกาะนางคำ", "บ้านเกาะหมาก",
	"บ้านฝาละมี", "บ้านหารประดู่", "บ้านดอนทราย", "บ้านแหลมจองถนน", "บ้านท่าช้าง",
	"บ้านหัวหมอน", "บ้านโคกทอง", "บ้านเกาะยวน", "บ้านหารเทา", "บ้านทุ่งบัว",
	"บ้านแหลมกรวด", "บ้านบางขวน", "บ้านท่าพะยอม", "บ้านหัวท่า", "บ้านคลองนุ้ย",
	"วัดเกาะหมาก", "บ้านควนป้อม", "บ้านเตาปูน", "บ้านลำหิง", "บ้านหน้าควน"
};
static const char *const NAMES_PABON[] = {
	"บ้านป่าบอน", "วัดป่าบอน", "บ้านโคกทราย", "บ้านหนองธง", "บ้านทุ่งนารี",
	"บ้านวังใหม่", "บ้านควนอินทร์", "บ้านนาเสือ", "บ้านควนโพธิ์", "บ้านป่าไผ่",
	"บ้านโคกกอ", "บ้านทุ่งโหนด", "บ้านหนองหว้า", "บ้านไสกลิ้ง", "บ้านวังตะเคียน",
	"บ้านลำกะ", "บ้านนาท่อม", "บ้านเหนือคลอง", "บ้านทุ่งสำโรง", "บ้านปากทุ่ง",
	"ชุมชนวัดทุ่งนารี", "บ้านควนพระ", "บ้านควนเจดีย์"
};

typedef struct AreaDistrict {
	const char *name;
	const char *const *sub;
	int nsub;
	const char *const *names;
	int nnames;
	int nnetworks;
	int code_base;     /* first SMIS sequence number of the district */
} AreaDistrict;

#define N_(a) (int)(sizeof(a) / sizeof((a)[0]))
static const AreaDistrict AREA[] = {
	{ "กงหรา", SUB_KONGRA, N_(SUB_KONGRA), NAMES_KONGRA, N_(NAMES_KONGRA), 2, 1 },
	{ "เขาชัยสน", SUB_KHAOCHAISON, N_(SUB_KHAOCHAISON), NAMES_KHAOCHAISON, N_(NAMES_KHAOCHAISON), 3, 31 },
	{ "ตะโหมด", SUB_TAMOT, N_(SUB_TAMOT), NAMES_TAMOT, N_(NAMES_TAMOT), 2, 61 },
	{ "บางแก้ว", SUB_BANGKAEO, N_(SUB_BANGKAEO), NAMES_BANGKAEO, N_(NAMES_BANGKAEO), 2, 81 },
	{ "ปากพะยูน", SUB_PAKPHAYUN, N_(SUB_PAKPHAYUN), NAMES_PAKPHAYUN, N_(NAMES_PAKPHAYUN), 3, 101 },
	{ "ป่าบอน", SUB_PABON, N_(SUB_PABON), NAMES_PABON, N_(NAMES_PABON), 2, 141 },
};
enum { NAREA = N_(AREA) };

/* Parts for made-up names when the set is not the bundled 118 (117 active). */
static const char *const STEM_A[] = {
	"ควน", "ทุ่ง", "นา", "หนอง", "โคก", "ท่า", "คลอง", "ห้วย", "ป่า", "บาง",
	"ลำ", "ดอน", "เกาะ", "แหลม", "หัว", "วัง", "พรุ", "ไส", "โหล๊ะ", "หาร",
	"บ่อ", "สวน", "เขา", "ปาก", "หน้า", "ท้าย", "ปลัก", "นาง", "เหนือ", "ใต้"
};
static const char *const STEM_B[] = {
	"ยาง", "ม่วง", "โพธิ์", "ทราย", "ใหม่", "เก่า", "ยาว", "หวาย", "ไผ่", "ขาม",
	"มะพร้าว", "ตะเคียน", "จันทร์", "ทอง", "แก้ว", "ขาว", "แดง", "พลู", "บัว", "กก",
	"หว้า", "ไทร", "พะยอม", "ประดู่", "เตียน", "ลึก", "ตอ", "ระกำ", "ปริง", "กลาง",
	"เสม็ด", "หมาก", "จิก", "ขี้เหล็ก", "มะเดื่อ", "ช้าง", "เสือ", "ควาย", "นก", "กระ"
};
static const char *const NAME_PREFIX[] = { "บ้าน", "วัด", "ชุมชนบ้าน" };
static const char *const DISTRICT_POOL[] = {
	"เมือง", "กงหรา", "เขาชัยสน", "ตะโหมด", "บางแก้ว", "ปากพะยูน", "ป่าบอน", "ควนขนุน",
	"ศรีบรรพต", "ป่าพะยอม", "ศรีนครินทร์", "รัตภูมิ", "สะเดา", "จะนะ", "นาทวี", "เทพา",
	"ระโนด", "สทิงพระ", "ทุ่งสง", "ร่อนพิบูลย์", "ฉวาง", "ทุ่งใหญ่", "ชะอวด", "หัวไทร",
	"ปากพนัง", "ลานสกา", "พรหมคีรี", "สิชล", "ขนอม", "ท่าศาลา", "กันตัง", "ย่านตาขาว",
	"ปะเหลียน", "สิเกา", "ห้วยยอด", "วังวิเศษ", "นาโยง", "รัษฎา", "ละงู", "ท่าแพ",
	"ควนกาหลง", "มะนัง", "โคกโพธิ์", "หนองจิก", "ยะรัง", "สายบุรี", "บันนังสตา", "รามัน",
	"ตากใบ", "บาเจาะ", "ยี่งอ", "รือเสาะ", "ศรีสาคร", "แว้ง", "สุไหงปาดี", "จะแนะ"
};

static const char *const SUBDISTRICT_POOL[] = {
	"ควนมะพร้าว", "ท่ามิหรำ", "ลำปำ", "นาโหนด", "ปรางหมู่", "โคกชะงาย", "ร่มเมือง", "ชัยบุรี",
	"พญาขัน", "ตำนาน", "นาท่อม", "ท่าแค", "เขาเจียก", "คูหาสวรรค์", "ทะเลน้อย", "นาขยาด",
	"พนมวังก์", "แหลมโตนด", "ปันแต", "โตนดด้วน", "บ้านสวน", "มะกอกเหนือ", "ชะมวง", "พนางตุง",
	"เกาะเต่า", "ลานข่อย", "บ้านพร้าว", "เขาปู่", "เขาย่า", "ตะแพน"
};
static const char *const MALE_FIRST[] = {
	"สมชาย", "ประเสริฐ", "วิโรจน์", "ธนากร", "อนุชา", "สุรชัย", "ณรงค์", "สมพงษ์", "ไพโรจน์", "ชัยวัฒน์",
	"บุญเลิศ", "สุวิทย์", "อำนาจ", "ประยุทธ", "จักรพันธ์", "เอกชัย", "กิตติพงษ์", "ธีระ", "มานพ", "สมศักดิ์"
};
static const char *const FEMALE_FIRST[] = {
	"วิไลวรรณ", "จิราพร", "กาญจนา", "อรุณี", "สุนีย์", "ปิยนุช", "เบญจวรรณ", "ศิริรัตน์", "นันทนา", "สุภาพร",
	"รัชนี", "พรทิพย์", "อัญชลี", "มาลี", "ยุพิน", "จันทร์เพ็ญ", "ลำดวน", "ปราณี", "สุดารัตน์", "วันเพ็ญ"
};
static const char *const SURNAMES[] = {
	"ทองแก้ว", "แก้วประดับ", "ชูช่วย", "ศรีสุวรรณ", "บุญช่วย", "เพ็ชรรัตน์", "จันทร์แก้ว", "นวลศรี",
	"ขุนทอง", "ด้วงแก้ว", "พรหมทอง", "รักษ์ทอง", "หนูแก้ว", "คงเมือง", "ชูแก้ว", "ทองสม",
	"เรืองศรี", "ปานแก้ว", "ช่วยชู", "สุวรรณรัตน์", "แสงจันทร์", "อินทร์แก้ว", "บุญรอด", "ทองขาว",
	"ณ พัทลุง", "เกื้อกูล", "รัตนพันธ์", "สงวนทรัพย์", "ศรีเปารยะ", "หมื่นศรี", "ชุมทอง", "ยอดแก้ว",
	"เอียดแก้ว", "ขวัญทอง", "นิ่มนวล", "หนูเอียด", "คงแก้ว", "จุลพันธ์", "เพชรสุข", "พูลสวัสดิ์"
};

static void person_name(Rng *r, char *buf, size_t n, int allow_title_rank)
{
	int female = rng_pm(r, 550);
	const char *title = female ? (rng_pm(r, 750) ? "นาง" : "นางสาว") : "นาย";
	if (allow_title_rank && !female && rng_pm(r, 40))
		title = "ว่าที่ร้อยตรี";
	fmt(buf, n, "%s%s %s", title, female ? PICK(r, FEMALE_FIRST) : PICK(r, MALE_FIRST),
	    PICK(r, SURNAMES));
}

/* The part of a school name after its prefix: "ควนประกอบ" of
 * "บ้านควนประกอบ", used to name models and networks. */
static const char *name_stem(const char *name)
{
	static const char *const pre[] = { "ชุมชนบ้าน", "ชุมชนวัด", "บ้าน", "วัด" };
	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
		if (strncmp(name, pre[i], strlen(pre[i])) == 0)
			return name + strlen(pre[i]);
	return name;
}

static void setup_districts(Ctx *c)
{
	if (c->bundled) {
		c->ndists = NAREA;
		c->dists = mem_array(NAREA, sizeof *c->dists);
		for (int i = 0; i < NAREA; i++) {
			fmt(c->dists[i].name, sizeof c->dists[i].name, "%s", AREA[i].name);
			c->dists[i].sub = AREA[i].sub;
			c->dists[i].nsub = AREA[i].nsub;
			c->dists[i].nschools = AREA[i].nnames;
			c->dists[i].nnetworks = AREA[i].nnetworks;
		}
		return;
	}
	/* Anything else: the real six districts for a small area, a made-up
	 * country of about 60 schools per district for a large one. */
	int nd = c->nschools <= 600 ? (c->nschools < NAREA ? c->nschools : NAREA)
	                            : (c->nschools + 59) / 60;
	c->ndists = nd;
	c->dists = mem_array((size_t)nd, sizeof *c->dists);
	for (int i = 0; i < nd; i++) {
		District *d = &c->dists[i];
		if (c->nschools <= 600) {
			fmt(d->name, sizeof d->name, "%s", AREA[i].name);
			d->sub = AREA[i].sub;
			d->nsub = AREA[i].nsub;
		} else {
			int k = i % N_(DISTRICT_POOL), round = i / N_(DISTRICT_POOL);
			if (round == 0)
				fmt(d->name, sizeof d->name, "%s", DISTRICT_POOL[k]);
			else
				fmt(d->name, sizeof d->name, "%s %d", DISTRICT_POOL[k], round + 1);
			d->sub = NULL; /* subdistricts come from SUBDISTRICT_POOL */
			d->nsub = 0;
		}
		d->nschools = c->nschools / nd + (i < c->nschools % nd);
		d->nnetworks = d->nschools / 9 > 0 ? d->nschools / 9 : 1;
	}
}

static void setup_staff(Ctx *c)
{
	/* The bundled office: its director of the group, eleven supervisors
	 * and one clerk who never supervises. */
	static const struct { const char *name, *pos; } office[] = {
		{ "นายสมพงษ์ แก้วประดับ", "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา" },
		{ "นางจิราพร ชูช่วย", "ศึกษานิเทศก์ชำนาญการพิเศษ" },
		{ "นางสาวกาญจนา ศรีสุวรรณ", "ศึกษานิเทศก์ชำนาญการพิเศษ" },
		{ "นายประเสริฐ บุญช่วย", "ศึกษานิเทศก์ชำนาญการพิเศษ" },
		{ "นางอรุณี เพ็ชรรัตน์", "ศึกษานิเทศก์ชำนาญการพิเศษ" },
		{ "นายวิโรจน์ จันทร์แก้ว", "ศึกษานิเทศก์ชำนาญการพิเศษ" },
		{ "นางสุนีย์ นวลศรี", "ศึกษานิเทศก์ชำนาญการ" },
		{ "นางสาวปิยนุช ขุนทอง", "ศึกษานิเทศก์ชำนาญการ" },
		{ "นายธนากร ด้วงแก้ว", "ศึกษานิเทศก์ชำนาญการ" },
		{ "นางเบญจวรรณ พรหมทอง", "ศึกษานิเทศก์ชำนาญการ" },
		{ "นายอนุชา รักษ์ทอง", "ศึกษานิเทศก์ชำนาญการ" },
		{ "นางสาวศิริรัตน์ หนูแก้ว", "ศึกษานิเทศก์" },
		{ "นางสาวนันทนา คงเมือง", "เจ้าพนักงานธุรการชำนาญงาน" },
	};
	static const char *const positions[] = {
		"ศึกษานิเทศก์ชำนาญการพิเศษ", "ศึกษานิเทศก์ชำนาญการพิเศษ", "ศึกษานิเทศก์ชำนาญการ",
		"ศึกษานิเทศก์ชำนาญการ", "ศึกษานิเทศก์", "ศึกษานิเทศก์เชี่ยวชาญ"
	};
	int nsup = c->nschools <= 150 ? 12 : (c->nschools + 9) / 10;
	c->nsup = nsup;
	c->nstaff = nsup + 1;
	c->staff = mem_array((size_t)c->nstaff, sizeof *c->staff);
	Rng r;
	rng_init(&r, c->seed, ST_STAFF, 0);
	for (int i = 0; i < c->nstaff; i++) {
		Staff *s = &c->staff[i];
		fmt(s->id, sizeof s->id, c->nstaff <= 99 ? "S%02d" : "S%05d", i + 1);
		if (c->nstaff <= N_(office)) {
			int k = i < nsup ? i : N_(office) - 1;
			fmt(s->name, sizeof s->name, "%s", office[k].name);
			s->position = office[k].pos;
		} else if (i < nsup) {
			person_name(&r, s->name, sizeof s->name, 0);
			s->position = PICK(&r, positions);
		} else {
			person_name(&r, s->name, sizeof s->name, 0);
			s->position = "เจ้าพนักงานธุรการชำนาญงาน";
		}
	}
}

static void make_school_name(const Ctx *c, int i, int di, int k, char *buf, size_t n)
{
	if (c->bundled) {
		fmt(buf, n, "%s", AREA[di].names[k]);
		return;
	}
	/* The i-th made-up name. Within each round of 1,200 schools the
	 * pair (stem A, stem B) is a permutation, so names are distinct within
	 * a round; each round has its own prefix and suffix, so the first
	 * 31,200 names are all distinct (beyond that names repeat, as they do
	 * across a whole country). Most schools are บ้าน...; วัด and ชุมชน are
	 * the minority. */
	static const char *const suffix[] = {
		"เหนือ", "ใต้", "ตะวันออก", "ตะวันตก", "สามัคคี", "พัฒนา",
		"ประชาสรรค์", "มิตรภาพ", "ราษฎร์บำรุง", "ประชาอุทิศ", "สงเคราะห์", "วิทยา"
	};
	int pairs = N_(STEM_A) * N_(STEM_B);
	int x = (int)(((long)i * 7919) % pairs), round = i / pairs;
	const char *a = STEM_A[x / N_(STEM_B)], *b = STEM_B[x % N_(STEM_B)];
	if (round == 0)
		fmt(buf, n, "%s%s%s", i % 10 == 3 ? NAME_PREFIX[2] : NAME_PREFIX[0], a, b);
	else if (round == 1)
		fmt(buf, n, "%s%s%s", NAME_PREFIX[1], a, b);
	else
		fmt(buf, n, "%s%s%s%s", NAME_PREFIX[(round - 2) % 2], a, b,
		    suffix[(round - 2) / 2 % N_(suffix)]);
}

static void setup_schools(Ctx *c)
{
	Rng r;
	rng_init(&r, c->seed, ST_SCHOOLS, 0);
	c->schools = mem_array((size_t)c->nschools, sizeof *c->schools);
	long seq = 0;
	int i = 0;
	for (int di = 0; di < c->ndists; di++) {
		District *d = &c->dists[di];
		d->first_school = i;
		/* Each district's block starts at its base, or after the last
		 * code when the previous district overran it: codes stay unique. */
		if (c->nschools <= 600 && seq < AREA[di].code_base - 1)
			seq = AREA[di].code_base - 1;
		for (int k = 0; k < d->nschools; k++, i++) {
			School *s = &c->schools[i];
			/* SMIS codes run in blocks per district with the gaps that
			 * closed schools leave. */
			seq += 1 + (rng_pm(&r, 120) ? 1 : 0);
			if (c->nschools <= 4000)
				fmt(s->code, sizeof s->code, "9302%04ld", seq);
			else
				fmt(s->code, sizeof s->code, "%08ld", 10000000L + seq);
			make_school_name(c, i, di, k, s->name, sizeof s->name);
			s->dist = di;
			if (d->nsub > 0) {
				s->subdistrict = d->sub[rng_below(&r, (uint64_t)d->nsub)];
				for (int j = 0; j < d->nsub; j++)
					if (strstr(s->name, d->sub[j]))
						s->subdistrict = d->sub[j];
			} else {
				s->subdistrict = SUBDISTRICT_POOL[(di * 7 + k / 12) % N_(SUBDISTRICT_POOL)];
			}
			s->active = 1;
			int u = (int)rng_below(&r, 100);
			if (u < 55) {
				s->size = 1;
				s->students = (int)rng_range(&r, 28, 120);
				s->teachers = 3 + s->students / 22 + (int)rng_range(&r, 0, 2);
				s->admins = rng_pm(&r, 60) ? 0 : 1;
			} else if (u < 95) {
				s->size = 2;
				s->students = (int)rng_range(&r, 121, 390);
				s->teachers = 4 + s->students / 21 + (int)rng_range(&r, 0, 3);
				s->admins = rng_pm(&r, 300) ? 2 : 1;
			} else {
				s->size = 3;
				s->students = (int)rng_range(&r, 601, 1150);
				s->teachers = 6 + s->students / 22 + (int)rng_range(&r, 0, 4);
				s->admins = (int)rng_range(&r, 2, 4);
			}
			s->extended = s->size >= 2 && rng_pm(&r, 350);
			if (s->admins > 0)
				person_name(&r, s->principal, sizeof s->principal, 1);
			s->quality = 375 + (int)rng_tri(&r, 110);
			s->satisfaction = 398 + (int)rng_tri(&r, 95);
		}
	}
}

typedef struct Keyed {
	long key;
	int idx;
} Keyed;

static int cmp_keyed(const void *a, const void *b)
{
	const Keyed *x = a, *y = b;
	if (x->key != y->key)
		return (x->key > y->key) - (x->key < y->key);
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Networks, colour groups, the merged school, responsible supervisors and
 * the few schools that miss out on something this year. */
static void setup_groups(Ctx *c)
{
	int total = 0;
	for (int di = 0; di < c->ndists; di++)
		total += c->dists[di].nnetworks;
	c->nnets = total;
	c->nets = mem_array((size_t)total, sizeof *c->nets);
	int ni = 0;
	for (int di = 0; di < c->ndists; di++) {
		District *d = &c->dists[di];
		d->first_network = ni;
		for (int k = 0; k < d->nnetworks; k++, ni++) {
			Network *nw = &c->nets[ni];
			fmt(nw->code, sizeof nw->code, total <= 99 ? "NW%02d" : "NW%05d", ni + 1);
			nw->dist = di;
			nw->first = d->first_school + d->nschools * k / d->nnetworks;
			nw->n = d->first_school + d->nschools * (k + 1) / d->nnetworks - nw->first;
			if (d->nnetworks == 1)
				fmt(nw->name, sizeof nw->name, "เครือข่ายพัฒนาคุณภาพการศึกษา%s", d->name);
			else
				fmt(nw->name, sizeof nw->name, "เครือข่ายพัฒนาคุณภาพการศึกษา%s %d", d->name, k + 1);
			nw->sup = ni % c->nsup;
			nw->chair = nw->first;
			for (int s = nw->first; s < nw->first + nw->n; s++) {
				c->schools[s].network = ni;
				c->schools[s].sup = nw->sup;
				if (c->schools[s].students > c->schools[nw->chair].students)
					nw->chair = s;
			}
		}
	}

	/* One small school (bundled) or 0.3 % (large sets) was merged into a
	 * neighbour at the start of the year: listed, but inactive. */
	Rng g;
	rng_init(&g, c->seed, ST_SETUP, 0);
	int *idx = mem_array((size_t)c->nschools, sizeof *idx);
	for (int i = 0; i < c->nschools; i++)
		idx[i] = i;
	shuffle(&g, idx, c->nschools);
	int nmerged = c->nschools <= 400 ? 1 : c->nschools * 3 / 1000;
	int m = 0;
	for (int k = 0; k < c->nschools && m < nmerged; k++) {
		School *s = &c->schools[idx[k]];
		if (s->size != 1 || c->nets[s->network].chair == idx[k])
			continue;
		s->active = 0;
		s->students = s->teachers = s->admins = 0;
		s->principal[0] = '\0';
		s->size = 0;
		m++;
	}

	/* Colour groups among the active schools; the weakest schools are
	 * the likeliest ดำ/แดง, but not always. Bundled: exactly 6 ดำ and
	 * 15 แดง; otherwise 5 % and 13 %. */
	int nact = 0;
	for (int i = 0; i < c->nschools; i++)
		if (c->schools[i].active)
			idx[nact++] = i;
	Keyed *kv = mem_array((size_t)nact, sizeof *kv);
	for (int k = 0; k < nact; k++) {
		kv[k].key = c->schools[idx[k]].quality + (long)rng_tri(&g, 80);
		kv[k].idx = idx[k];
	}
	qsort(kv, (size_t)nact, sizeof *kv, cmp_keyed);
	int ndam = c->bundled ? 6 : nact * 5 / 100;
	int ndaeng = c->bundled ? 15 : nact * 13 / 100;
	int nlueang = c->bundled ? 41 : nact * 35 / 100;
	for (int k = 0; k < nact; k++) {
		School *s = &c->schools[kv[k].idx];
		s->color = k < ndam ? C_DAM : k < ndam + ndaeng ? C_DAENG :
		           k < ndam + ndaeng + nlueang ? C_LUEANG : C_KHIAO;
		/* the colour is last year's O-NET: weak schools stay weaker */
		if (s->color == C_DAM)
			s->quality -= 45;
		else if (s->color == C_DAENG)
			s->quality -= 20;
	}
	free(kv);

	/* Misses of the year: three schools (bundled; 2.5 % otherwise) got no
	 * internal-supervision follow-up, one more never sent its evaluation,
	 * and about 7 % did not answer the satisfaction form. */
	shuffle(&g, idx, nact);
	int nno3 = c->bundled ? 3 : nact / 40;
	int nnoeval = c->bundled ? 1 : nact / 100;
	int nnosurv = c->bundled ? 9 : nact * 7 / 100;
	for (int k = 0; k < nact; k++) {
		School *s = &c->schools[idx[k]];
		if (k < nno3)
			s->no_act3 = 1;
		else if (k < nno3 + nnoeval)
			s->no_eval = 1;
		if (k >= nact - nnosurv)
			s->no_survey = 1;
	}
	free(idx);
}

/* ------------------------------------------------------------------ */
/* schools.csv (Thai headers, as the office's own school list has them),
 * networks.csv, staff.csv. */

static void write_schools(Ctx *c)
{
	/* Excel "CSV UTF-8": BOM and CRLF. Thai aliases as headers. */
	static const char *const cols[] = {
		"รหัสโรงเรียน", "ชื่อโรงเรียน", "อำเภอ", "ตำบล", "รหัสเครือข่าย", "กลุ่มสี", "ขนาด",
		"จำนวนนักเรียน", "จำนวนครู", "จำนวนผู้บริหาร", "ผู้บริหาร", "สถานะ"
	};
	Out o;
	out_open(&o, c->out, "schools.csv", "\r\n", 1, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < c->nschools; i++) {
		const School *s = &c->schools[i];
		out_field(&o, s->code);
		out_field(&o, s->name);
		out_field(&o, c->dists[s->dist].name);
		out_field(&o, s->subdistrict);
		out_field(&o, c->nets[s->network].code);
		out_field(&o, COLOR_NAME[s->color]);
		out_field(&o, SIZE_NAME[s->size]);
		out_int(&o, s->students);
		out_int(&o, s->teachers);
		out_int(&o, s->admins);
		out_field(&o, s->principal);
		out_int(&o, s->active);
		out_endrow(&o);
	}
	out_close(&o);
}

static void write_networks(Ctx *c)
{
	static const char *const cols[] = { "network_code", "name", "district", "chair_school_code" };
	Out o;
	out_open(&o, c->out, "networks.csv", "\n", 0, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < c->nnets; i++) {
		const Network *n = &c->nets[i];
		out_field(&o, n->code);
		out_field(&o, n->name);
		out_field(&o, c->dists[n->dist].name);
		out_field(&o, c->schools[n->chair].code);
		out_endrow(&o);
	}
	out_close(&o);
}

static void write_staff(Ctx *c)
{
	static const char *const cols[] = { "staff_id", "name", "position", "group" };
	Out o;
	out_open(&o, c->out, "staff.csv", "\n", 0, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < c->nstaff; i++) {
		out_field(&o, c->staff[i].id);
		out_field(&o, c->staff[i].name);
		out_field(&o, c->staff[i].position);
		out_field(&o, "กลุ่มนิเทศฯ");
		out_endrow(&o);
	}
	out_close(&o);
}

/* ------------------------------------------------------------------ */
/* Free text. Templates take {g} a grade, {s} a subject, {n} a small
 * number, {w} the network's name, {m} the month's name. */

static const char *const GRADES_P[] = { "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6" };
static const char *const GRADES_M[] = { "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6", "ม.1", "ม.2", "ม.3" };
static const char *const SUBJECTS[] = {
	"ภาษาไทย", "คณิตศาสตร์", "วิทยาศาสตร์", "สังคมศึกษา ศาสนาและวัฒนธรรม", "ภาษาอังกฤษ",
	"สุขศึกษาและพลศึกษา", "ศิลปะ", "การงานอาชีพและเทคโนโลยี"
};

static const char *const T_ACT2[] = {
	"ร่วมวิเคราะห์ผล O-NET และ NT ปีการศึกษา 2556 กับครูผู้สอน จัดทำแผนยกระดับผลสัมฤทธิ์รายวิชา{s}",
	"ครูมีแผนยกระดับผล O-NET รายวิชา{s} และจัดสอนซ่อมเสริมหลังเลิกเรียน",
	"ติดตามการสอนซ่อมเสริมนักเรียนกลุ่มอ่อน ชั้น ป.6 พบว่านักเรียนเข้าร่วมสม่ำเสมอ",
	"นิเทศการใช้ข้อสอบคู่ขนานเตรียมความพร้อมสอบ O-NET นักเรียนทำแบบฝึกครบทุกสาระ",
	"โรงเรียนจัดทำข้อมูลนักเรียนรายบุคคลและแบ่งกลุ่มตามผลการทดสอบ พร้อมกำหนดครูรับผิดชอบ",
	"ครูบางส่วนยังไม่ได้วิเคราะห์ตัวชี้วัดที่นักเรียนไม่ผ่าน ได้แนะนำให้ใช้ผลวิเคราะห์รายข้อ",
	"จัดทำข้อตกลงยกระดับผลสัมฤทธิ์ระหว่างผู้บริหารกับครู ตั้งเป้าคะแนน O-NET เพิ่มขึ้นร้อยละ 3"
};
static const char *const T_ACT3[] = {
	"ติดตามการดำเนินการนิเทศภายในตามกระบวนการ PIDRE โรงเรียนมีแผนและปฏิทินการนิเทศชัดเจน",
	"โรงเรียนมีคำสั่งแต่งตั้งคณะกรรมการนิเทศภายใน และบันทึกการนิเทศการสอนครบทุกชั้นเรียน",
	"ผู้บริหารนิเทศการสอนในชั้นเรียนภาคเรียนละ 1 ครั้ง ยังขาดการสรุปผลและรายงานการนิเทศ",
	"ตรวจสอบเครื่องมือนิเทศภายใน พบว่ามีแบบสังเกตการสอน แต่ยังไม่มีการให้ข้อมูลย้อนกลับแก่ครู",
	"โรงเรียนใช้ระบบพี่เลี้ยง (Coaching and Mentoring) ในการนิเทศภายใน ครูบรรจุใหม่ได้รับการดูแลใกล้ชิด",
	"ประเมินการนิเทศภายใน โรงเรียนจัดทำรายงานผลการนิเทศภายในเป็นรูปเล่มพร้อมร่องรอยหลักฐาน",
	"ครูวิชาการนิเทศเพื่อนครูชั้น {g} ด้วยการสังเกตการสอนและสะท้อนคิดหลังสอน"
};
static const char *const T_41[] = {
	"ติดตามการจัดทำรายงานการประเมินตนเอง (SAR) ปีการศึกษา 2557",
	"ตรวจสอบระบบประกันคุณภาพภายในตามกฎกระทรวง 8 องค์ประกอบ โรงเรียนดำเนินการครบ {n} องค์ประกอบ",
	"เตรียมความพร้อมรับการประเมินคุณภาพภายนอกรอบสามจาก สมศ. ทบทวนหลักฐานตามตัวบ่งชี้",
	"ติดตามการจัดทำแผนพัฒนาคุณภาพการศึกษาและแผนปฏิบัติการประจำปี"
};
static const char *const T_42[] = {
	"ติดตามการจัดการเรียนการสอนผ่านโทรทัศน์ทางไกล (DLTV) ชั้น {g} สัญญาณภาพชัดเจน ครูปลายทางช่วยสรุปบทเรียน",
	"นิเทศการใช้แท็บเล็ตเพื่อการศึกษา ชั้น ป.1 - ป.2 เครื่องบางส่วนชำรุด",
	"ครูผลิตสื่อการสอน{s}และใช้ในชั้นเรียนอย่างสม่ำเสมอ",
	"ห้องคอมพิวเตอร์ใช้งานได้ แต่สัญญาณอินเทอร์เน็ตไม่เสถียร"
};
static const char *const T_43[] = {
	"ติดตามโครงการ \"โรงเรียนสุจริต\" นักเรียนจัดกิจกรรมร้านค้าความซื่อสัตย์",
	"ติดตามกิจกรรมบริษัทสร้างการดี และค่ายเยาวชนคนดีของโรงเรียนสุจริต",
	"โรงเรียนบูรณาการหลักสูตรต้านทุจริตในกิจกรรมลูกเสือและกิจกรรมหน้าเสาธง"
};
static const char *const T_44[] = {
	"ติดตามการขับเคลื่อนค่านิยมหลักของคนไทย 12 ประการ นักเรียนท่องจำและปฏิบัติได้",
	"ติดตามโครงการอาหารกลางวันและอาหารเสริม (นม) ตรวจสอบทะเบียนคุมและคุณภาพอาหาร",
	"ติดตามนโยบายปีแห่งการปลอดนักเรียนอ่านไม่ออกเขียนไม่ได้ ชั้น {g}",
	"ติดตามการดำเนินงานตามนโยบาย 8+4 ของ สพป.พัทลุง เขต 2",
	"ติดตามการเตรียมความพร้อมสู่ประชาคมอาเซียน มีมุมอาเซียนและกิจกรรมภาษาอังกฤษวันละคำ",
	"ติดตามระบบดูแลช่วยเหลือนักเรียน โรงเรียนเยี่ยมบ้านนักเรียนครบร้อยละ {n}0",
	"ติดตามโครงการโรงเรียนดีประจำตำบล",
	"ติดตามการจัดกิจกรรมตามหลักปรัชญาของเศรษฐกิจพอเพียง แปลงผักและธนาคารโรงเรียน",
	"ติดตามการใช้จ่ายเงินอุดหนุนปัจจัยพื้นฐานสำหรับนักเรียนยากจน",
	"ติดตามโครงการห้องสมุดมีชีวิตและการส่งเสริมนิสัยรักการอ่าน",
	"ติดตามกิจกรรมลูกเสือต้านภัยยาเสพติดและโรงเรียนสีขาว"
};
static const char *const T_45[] = {
	"นิเทศการจัดการเรียนรู้กลุ่มสาระการเรียนรู้{s} ชั้น {g} ครูใช้สื่อของจริงประกอบการสอน",
	"สังเกตการสอน{s} ชั้น {g} นักเรียนมีส่วนร่วมในกิจกรรมกลุ่ม",
	"นิเทศการเขียนแผนการจัดการเรียนรู้{s} แผนยังไม่ระบุการวัดผลตามตัวชี้วัด",
	"สังเกตการสอน{s} ชั้น {g} ครูใช้คำถามกระตุ้นการคิด แต่เวลาไม่เพียงพอ",
	"ตรวจสมุดงานนักเรียนวิชา{s} ชั้น {g} ครูตรวจงานและให้ข้อเสนอแนะสม่ำเสมอ"
};
static const char *const T_46[] = {
	"ติดตามการประเมินการอ่าน คิดวิเคราะห์และเขียนสื่อความ ชั้น {g}",
	"นิเทศการใช้แบบฝึกการเขียนสื่อความ นักเรียนเขียนสรุปความได้ร้อยละ {n}0",
	"ติดตามกิจกรรมบันทึกการอ่านของนักเรียน ชั้น {g}"
};
static const char *const T_47[] = {
	"คัดกรองนักเรียน ป.1 - ป.3 ที่อ่านไม่ออกเขียนไม่ได้ พบ {n} คน โรงเรียนจัดครูสอนซ่อมเสริมรายบุคคล",
	"ติดตามกิจกรรมคัดลายมือสวยตามแบบกระทรวงศึกษาธิการ ชั้น {g}",
	"ทดสอบการอ่านออกเสียงนักเรียนชั้น {g} รายบุคคล นักเรียนอ่านคล่องเพิ่มขึ้น",
	"ติดตามการใช้แบบฝึกสะกดคำ มีนักเรียนอ่านไม่ออก {n} คน"
};
static const char *const T_48[] = {
	"ติดตามการคัดกรองนักเรียนที่มีความบกพร่องทางการเรียนรู้ (LD) และการจัดทำแผน IEP",
	"นิเทศครูการศึกษาพิเศษ จัดกิจกรรมเสริมทักษะนักเรียน LD ชั้น {g} จำนวน {n} คน",
	"ติดตามการส่งต่อนักเรียนที่มีความต้องการพิเศษไปยังศูนย์การศึกษาพิเศษ"
};
static const char *const T_ACT5[] = {
	"ประชุม{w} แลกเปลี่ยนเรียนรู้การจัดการเรียนการสอนและวางแผนการนิเทศร่วมกัน",
	"นิเทศแบบพบกลุ่ม{w} ชี้แจงแนวทางการยกระดับผลสัมฤทธิ์ทางการเรียน",
	"{w}จัดสอบ Pre O-NET ร่วมกันและวิเคราะห์ผลรายโรงเรียน",
	"{w}จัดกิจกรรมตลาดนัดวิชาการและประกวดแข่งขันทักษะทางวิชาการ",
	"ประชุมคณะกรรมการ{w} สรุปผลการนิเทศภาคเรียนและกำหนดจุดเน้นร่วม"
};
static const char *const T_ACT6[] = {
	"ให้คำปรึกษาการจัดทำแผนการจัดการเรียนรู้ผ่าน LINE",
	"ติดตามการรายงานผลการคัดกรองการอ่านผ่านระบบออนไลน์",
	"ตอบคำถามเรื่องการจัดทำรายงานการประเมินตนเองทาง e-mail",
	"ประชุมทางไกลผ่านระบบ VDO Conference ชี้แจงการนิเทศภายใน",
	"ส่งแบบนิเทศออนไลน์ให้โรงเรียนตอบกลับผ่าน Google Form",
	"แนะนำแหล่งสื่อการสอน{s}ทางกลุ่ม Facebook ของกลุ่มนิเทศฯ"
};

/* Activity 7 works in campaigns: the same check of every school in a
 * few weeks. */
typedef struct Campaign {
	int y1, m1, d1, y2, m2, d2;
	int weight;
	const char *text;
} Campaign;
static const Campaign CAMPAIGNS[] = {
	{ 2014, 10, 1, 2014, 10, 10, 6, "ติดตามการสอบปลายภาคเรียนที่ 1/2557 และการส่งผลการเรียน" },
	{ 2014, 11, 3, 2014, 11, 14, 22, "ตรวจเยี่ยมการเปิดภาคเรียนที่ 2/2557 อาคารสถานที่สะอาด ปลอดภัย" },
	{ 2015, 1, 5, 2015, 1, 30, 8, "ติดตามการเตรียมความพร้อมสอบ O-NET ปีการศึกษา 2557" },
	{ 2015, 2, 2, 2015, 2, 13, 10, "ติดตามการบริหารจัดการสอบ O-NET ชั้น ป.6 และ ม.3 สนามสอบเรียบร้อย" },
	{ 2015, 3, 2, 2015, 3, 13, 10, "ติดตามการประเมินคุณภาพการศึกษาขั้นพื้นฐาน (NT) ชั้น ป.3" },
	{ 2015, 3, 16, 2015, 4, 3, 6, "ติดตามการรับนักเรียน ปีการศึกษา 2558" },
	{ 2015, 5, 18, 2015, 5, 29, 24, "ตรวจเยี่ยมความพร้อมการเปิดภาคเรียนที่ 1/2558" },
	{ 2015, 6, 15, 2015, 7, 10, 6, "ติดตามการใช้จ่ายเงินอุดหนุนรายหัวและการจัดซื้อจัดจ้าง" },
	{ 2015, 8, 3, 2015, 9, 18, 8, "ติดตามการซ่อมแซมอาคารเรียนและการใช้งบประมาณที่ได้รับจัดสรร" },
};

static const char *const SUGGESTIONS[] = {
	"ควรจัดทำแผนการสอนซ่อมเสริมให้ชัดเจนและติดตามผลเป็นรายบุคคล",
	"ควรนำผลการนิเทศภายในมาใช้ปรับปรุงการจัดการเรียนรู้",
	"ควรให้นักเรียนได้ฝึกทำข้อสอบที่เน้นการคิดวิเคราะห์มากขึ้น",
	"ควรบันทึกหลังการสอนให้สะท้อนปัญหาของนักเรียน",
	"ควรจัดมุมส่งเสริมการอ่านในห้องเรียน",
	"ควรจัดกิจกรรมแลกเปลี่ยนเรียนรู้ภายในโรงเรียนอย่างน้อยเดือนละ 1 ครั้ง",
	"ควรใช้สื่อเทคโนโลยีให้หลากหลาย, เหมาะกับวัยของนักเรียน",
	"ควรประสานผู้ปกครองให้มีส่วนร่วมในการพัฒนาการอ่านของนักเรียน",
	"ควรจัดทำเครื่องมือวัดผลให้สอดคล้องกับตัวชี้วัด",
	"ควรสรุปรายงานผลโครงการและเผยแพร่ทางเว็บไซต์ของโรงเรียน",
	"ควรขยายผล \"ครูแกนนำ\" ไปยังโรงเรียนในเครือข่าย",
	"ควรคัดกรองนักเรียนซ้ำเมื่อสิ้นภาคเรียนเพื่อติดตามพัฒนาการ",
	"ควรจัดสภาพแวดล้อมในห้องเรียนให้เอื้อต่อการเรียนรู้",
	"ควรส่งครูเข้ารับการอบรมการจัดการเรียนรู้แบบ Active Learning",
	"ควรจัดทำ ID Plan ของครูให้สอดคล้องกับปัญหาของนักเรียน",
	"ควรเร่งรัดการเบิกจ่ายงบประมาณให้เป็นไปตามแผน",
	"-"
};

/* Typed into a text area: a quoted newline inside the CSV field. */
static const char SUGG_MULTILINE[] =
	"1. ควรจัดทำปฏิทินการนิเทศภายใน\n2. ควรบันทึกผลการนิเทศทุกครั้งและแจ้งครูผู้รับการนิเทศ";

static void expand(Rng *r, const char *tpl, const School *s, const char *net,
                   char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = tpl; *p; p++) {
		char tmp[160];
		const char *ins = NULL;
		if (p[0] == '{' && p[1] && p[2] == '}') {
			switch (p[1]) {
			case 'g': ins = s && s->extended ? PICK(r, GRADES_M) : PICK(r, GRADES_P); break;
			case 's': ins = PICK(r, SUBJECTS); break;
			case 'n': fmt(tmp, sizeof tmp, "%ld", rng_range(r, 2, 9)); ins = tmp; break;
			case 'w': ins = net ? net : ""; break;
			default: break;
			}
		}
		if (ins) {
			size_t l = strlen(ins);
			if (k + l >= n)
				die("internal: summary too long");
			memcpy(out + k, ins, l);
			k += l;
			p += 2;
		} else {
			if (k + 1 >= n)
				die("internal: summary too long");
			out[k++] = *p;
		}
	}
	out[k] = '\0';
}

/* ------------------------------------------------------------------ */
/* visits.csv: one row per visit or contact, the web system's export. */

enum Mode { M_ONSITE, M_ONLINE, M_GROUP, M_NETWORK };
static const char *const MODE_NAME[] = { "onsite", "online", "group", "network" };
enum Status { ST_BLANK, ST_APPROVED, ST_PUBLISHED, ST_DRAFT };
static const char *const STATUS_NAME[] = { "", "approved", "published", "draft" };

typedef struct Visit {
	long day;
	int school, network;   /* -1 when none */
	int act, topic, mode;
	int sup[4], nsup;
	int tmet, amet;
	int status;
	int form;
	long entered_day;
	int entered_secs;
	char *summary, *sugg;
	long order;
} Visit;

typedef struct Sink {
	Ctx *c;
	Out *o;
	Visit *v;
	size_t n, cap;
	long next_id;
	long order;
} Sink;

static void team(Ctx *c, Rng *r, int lead, int extra, Visit *v)
{
	v->nsup = 0;
	v->sup[v->nsup++] = lead;
	for (int k = 0; k < extra && v->nsup < 4; k++) {
		int s = (int)rng_below(r, (uint64_t)c->nsup);
		int dup = 0;
		for (int j = 0; j < v->nsup; j++)
			dup |= v->sup[j] == s;
		if (!dup)
			v->sup[v->nsup++] = s;
	}
	for (int i = 1; i < v->nsup; i++) /* ids in order: "S01;S03" */
		for (int j = i; j > 0 && v->sup[j - 1] > v->sup[j]; j--) {
			int t = v->sup[j];
			v->sup[j] = v->sup[j - 1];
			v->sup[j - 1] = t;
		}
}

static void write_visit(Sink *k, const Visit *v, long id)
{
	Ctx *c = k->c;
	Out *o = k->o;
	char buf[64], sup[64];
	out_fieldf(o, c->collect ? "V%04ld" : "V%07ld", id);
	fmt_date(buf, sizeof buf, v->day, (enum DateForm)v->form);
	out_field(o, buf);
	out_field(o, v->school >= 0 ? c->schools[v->school].code : "");
	out_field(o, v->network >= 0 ? c->nets[v->network].code : "");
	out_int(o, v->act);
	if (v->topic)
		out_fieldf(o, "4.%d", v->topic);
	else
		out_field(o, "");
	out_field(o, MODE_NAME[v->mode]);
	size_t l = 0;
	for (int i = 0; i < v->nsup; i++) {
		fmt(sup + l, sizeof sup - l, "%s%s", i ? ";" : "", c->staff[v->sup[i]].id);
		l = strlen(sup);
	}
	out_field(o, sup);
	out_int(o, v->tmet);
	out_int(o, v->amet);
	out_field(o, STATUS_NAME[v->status]);
	out_field(o, v->summary);
	out_field(o, v->sugg);
	fmt_date(buf, sizeof buf, v->entered_day, DF_ISO);
	out_fieldf(o, "%s %02d:%02d:%02d", buf, v->entered_secs / 3600,
	           v->entered_secs / 60 % 60, v->entered_secs % 60);
	out_endrow(o);
}

/* Fill the fields every visit shares, then keep or write it. */
static void emit(Sink *k, Rng *r, Visit *v, const char *summary)
{
	Ctx *c = k->c;
	int u = (int)rng_below(r, 1000);
	if (c->national)
		v->form = u < 960 ? DF_ISO : DF_BE_SLASH;
	else
		v->form = u < 800 ? DF_ISO : u < 930 ? DF_BE_SLASH : u < 970 ? DF_CE_SLASH : DF_THAI;
	/* Drafts are mostly the last weeks' entries, not yet approved. */
	int draft_pm = v->day >= D(2015, 9, 1) ? 80 : 5;
	u = (int)rng_below(r, 1000);
	v->status = rng_pm(r, draft_pm) ? ST_DRAFT : u < 560 ? ST_APPROVED : u < 720 ? ST_PUBLISHED : ST_BLANK;
	v->entered_day = v->day + rng_range(r, 0, 6);
	v->entered_secs = (int)rng_range(r, 8 * 3600, 20 * 3600);
	const char *sugg = !rng_pm(r, 450) ? "" : rng_pm(r, 12) ? SUGG_MULTILINE : PICK(r, SUGGESTIONS);
	v->order = k->order++;
	if (!c->collect) {
		v->summary = (char *)summary;
		v->sugg = (char *)sugg;
		write_visit(k, v, ++k->next_id);
		return;
	}
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 4096;
		k->v = mem_grow(k->v, k->cap, sizeof *k->v);
	}
	Visit *dst = &k->v[k->n++];
	*dst = *v;
	dst->summary = mem_strdup(summary);
	dst->sugg = mem_strdup(sugg);
}

static void act3_days(Ctx *c, int si, long *d1, long *d2)
{
	const School *s = &c->schools[si];
	Rng r;
	rng_init(&r, c->seed, ST_ACT3, (uint64_t)si);
	int first = rng_pm(&r, 650);
	long a = days_pick(&r, &c->round1), b = days_pick(&r, &c->round2);
	*d1 = *d2 = 0;
	if (!s->active || s->no_act3)
		return;
	if (first)
		*d1 = a;
	*d2 = b;
}

static long campaign_day(Rng *r, const Campaign *cp)
{
	long from = D(cp->y1, cp->m1, cp->d1), to = D(cp->y2, cp->m2, cp->d2);
	for (;;) {
		long z = rng_range(r, from, to);
		if (is_workday(z))
			return z;
	}
}

static const char *const *topic_pool(int t, int *n)
{
	switch (t) {
	case 1: *n = N_(T_41); return T_41;
	case 2: *n = N_(T_42); return T_42;
	case 3: *n = N_(T_43); return T_43;
	case 4: *n = N_(T_44); return T_44;
	case 5: *n = N_(T_45); return T_45;
	case 6: *n = N_(T_46); return T_46;
	case 7: *n = N_(T_47); return T_47;
	default: *n = N_(T_48); return T_48;
	}
}

static void gen_school_visits(Ctx *c, int si, Sink *k)
{
	const School *s = &c->schools[si];
	if (!s->active)
		return;
	Rng r;
	rng_init(&r, c->seed, ST_VISITS, (uint64_t)si);
	char text[1024];
	Visit v;

	/* Activity 2: the ดำ/แดง schools, in December 2557. */
	if (s->color == C_DAM || s->color == C_DAENG) {
		int n = 1 + rng_pm(&r, 350);
		for (int i = 0; i < n; i++) {
			memset(&v, 0, sizeof v);
			v.day = days_pick(&r, &c->dec);
			v.school = si;
			v.network = -1;
			v.act = 2;
			v.mode = M_ONSITE;
			team(c, &r, s->sup, (int)rng_range(&r, 1, 2), &v);
			v.tmet = (int)rng_range(&r, 2, s->teachers < 5 ? s->teachers : 5);
			v.amet = s->admins > 0;
			expand(&r, PICK(&r, T_ACT2), s, NULL, text, sizeof text);
			emit(k, &r, &v, text);
		}
	}

	/* Activity 3: the internal-supervision follow-ups of both terms. */
	long d[2];
	act3_days(c, si, &d[0], &d[1]);
	for (int i = 0; i < 2; i++) {
		if (!d[i])
			continue;
		memset(&v, 0, sizeof v);
		v.day = d[i];
		v.school = si;
		v.network = -1;
		v.act = 3;
		v.mode = M_ONSITE;
		team(c, &r, s->sup, rng_pm(&r, 300), &v);
		v.tmet = (int)rng_range(&r, 2, s->teachers);
		v.amet = s->admins;
		expand(&r, PICK(&r, T_ACT3), s, NULL, text, sizeof text);
		emit(k, &r, &v, text);
	}

	/* Activity 4: the eight topics; 4.4 and 4.5 carry the per-school
	 * goals of 10 and 4, which many schools do not reach. */
	static const long mean_pm[9] = { 0, 500, 600, 400, 9000, 4000, 600, 1000, 300 };
	for (int t = 1; t <= 8; t++) {
		int n = rng_count(&r, mean_pm[t] * c->scale_pm / 1000);
		int npool;
		const char *const *pool = topic_pool(t, &npool);
		for (int i = 0; i < n; i++) {
			memset(&v, 0, sizeof v);
			v.day = days_pick(&r, &c->schooldays);
			v.school = si;
			v.network = -1;
			v.act = 4;
			v.topic = t;
			v.mode = (t == 6 || t == 7) && rng_pm(&r, 120) ? M_GROUP : M_ONSITE;
			team(c, &r, s->sup, rng_pm(&r, 250), &v);
			int hi = t == 5 ? 2 : t == 4 ? (s->teachers / 2 > 1 ? s->teachers / 2 : 1) : 3;
			if (hi > s->teachers)
				hi = s->teachers;
			v.tmet = (int)rng_range(&r, 1, hi);
			v.amet = s->admins > 0 && rng_pm(&r, 800);
			expand(&r, pool[rng_below(&r, (uint64_t)npool)], s, NULL, text, sizeof text);
			emit(k, &r, &v, text);
		}
	}

	/* Activity 6: supervision online, any working day of the year. */
	int n6 = rng_count(&r, 1500 * c->scale_pm / 1000);
	for (int i = 0; i < n6; i++) {
		memset(&v, 0, sizeof v);
		v.day = days_pick(&r, &c->workdays);
		v.school = si;
		v.network = -1;
		v.act = 6;
		v.mode = M_ONLINE;
		team(c, &r, s->sup, 0, &v);
		v.tmet = (int)rng_range(&r, 1, 2);
		v.amet = rng_pm(&r, 300) && s->admins > 0;
		expand(&r, PICK(&r, T_ACT6), s, NULL, text, sizeof text);
		emit(k, &r, &v, text);
	}

	/* Activity 7: the area-level campaigns. */
	int n7 = rng_count(&r, 1200 * c->scale_pm / 1000);
	int wsum = 0;
	for (int i = 0; i < N_(CAMPAIGNS); i++)
		wsum += CAMPAIGNS[i].weight;
	for (int i = 0; i < n7; i++) {
		int x = (int)rng_below(&r, (uint64_t)wsum), ci = 0;
		while (x >= CAMPAIGNS[ci].weight)
			x -= CAMPAIGNS[ci++].weight;
		memset(&v, 0, sizeof v);
		v.day = campaign_day(&r, &CAMPAIGNS[ci]);
		v.school = si;
		v.network = -1;
		v.act = 7;
		v.mode = M_ONSITE;
		team(c, &r, s->sup, (int)rng_range(&r, 1, 2), &v);
		v.tmet = (int)rng_range(&r, 0, 3);
		v.amet = s->admins > 0;
		emit(k, &r, &v, CAMPAIGNS[ci].text);
	}
}

/* Activity 5: events of a whole network, with no school code. */
static void gen_network_visits(Ctx *c, int ni, Sink *k)
{
	const Network *nw = &c->nets[ni];
	Rng r;
	rng_init(&r, c->seed, ST_NETVISIT, (uint64_t)ni);
	int n = (int)rng_range(&r, 2, 4);
	int teachers = 0, schools = 0;
	for (int s = nw->first; s < nw->first + nw->n; s++)
		if (c->schools[s].active) {
			teachers += c->schools[s].teachers;
			schools++;
		}
	char text[1024];
	for (int i = 0; i < n; i++) {
		Visit v;
		memset(&v, 0, sizeof v);
		v.day = days_pick(&r, &c->schooldays);
		v.school = -1;
		v.network = ni;
		v.act = 5;
		v.mode = M_NETWORK;
		team(c, &r, nw->sup, 1, &v);
		v.tmet = teachers * (int)rng_range(&r, 55, 90) / 100;
		v.amet = schools * (int)rng_range(&r, 70, 100) / 100;
		expand(&r, PICK(&r, T_ACT5), NULL, nw->name, text, sizeof text);
		emit(k, &r, &v, text);
	}
}

/* The first active school at or after index i (wrapping). */
static int first_active(const Ctx *c, int i)
{
	for (int k = 0; k < c->nschools; k++) {
		int j = (i + k) % c->nschools;
		if (c->schools[j].active)
			return j;
	}
	die("no active school");
}

static int cmp_visit(const void *a, const void *b)
{
	const Visit *x = a, *y = b;
	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->order > y->order) - (x->order < y->order);
}

static void write_visits(Ctx *c)
{
	static const char *const cols[] = {
		"visit_id", "date", "school_code", "network_code", "activity_no", "topic", "mode",
		"supervisors", "teachers_met", "admins_met", "status", "summary", "suggestions",
		/* the web system's own column, unknown to nithet: warned once */
		"วันที่บันทึก"
	};
	Out o;
	out_open(&o, c->out, "visits.csv", "\n", 0, 0);
	out_header(&o, cols, N_(cols));
	Sink k = { .c = c, .o = &o };
	for (int i = 0; i < c->nschools; i++)
		gen_school_visits(c, i, &k);
	for (int i = 0; i < c->nnets; i++)
		gen_network_visits(c, i, &k);
	if (c->collect && c->bundled) {
		/* Two deliberate warnings: a visit of last year entered late and
		 * one of next year entered early; both dated outside FY 2558. */
		Rng r;
		rng_init(&r, c->seed, ST_SETUP, 7);
		Visit v;
		memset(&v, 0, sizeof v);
		v.day = D(2014, 9, 30);
		v.school = first_active(c, 7);
		v.network = -1;
		v.act = 4;
		v.topic = 4;
		v.mode = M_ONSITE;
		team(c, &r, c->schools[v.school].sup, 0, &v);
		v.tmet = 2;
		v.amet = 1;
		emit(&k, &r, &v, "ติดตามโครงการอาหารกลางวัน (บันทึกย้อนหลังจากปีงบประมาณ 2557)");
		k.v[k.n - 1].form = DF_BE_SLASH;
		k.v[k.n - 1].status = ST_APPROVED;
		memset(&v, 0, sizeof v);
		v.day = D(2015, 10, 2);
		v.school = first_active(c, 40);
		v.network = -1;
		v.act = 6;
		v.mode = M_ONLINE;
		team(c, &r, c->schools[v.school].sup, 0, &v);
		v.tmet = 1;
		emit(&k, &r, &v, "ให้คำปรึกษาการจัดทำแผนการนิเทศภายใน ปีการศึกษา 2558 ภาคเรียนที่ 2 ผ่าน LINE");
		k.v[k.n - 1].form = DF_ISO;
		k.v[k.n - 1].status = ST_APPROVED;
	}
	if (c->collect) {
		qsort(k.v, k.n, sizeof *k.v, cmp_visit);
		for (size_t i = 0; i < k.n; i++) {
			write_visit(&k, &k.v[i], (long)i + 1);
			free(k.v[i].summary);
			free(k.v[i].sugg);
		}
		free(k.v);
	}
	out_close(&o);
}

/* ------------------------------------------------------------------ */
/* meetings.csv and attendance.csv: the office's own events. */

static const char *const KM_TITLES[] = {
	"แลกเปลี่ยนเรียนรู้การนิเทศแบบ Coaching",
	"ทบทวนหลังการปฏิบัติ (AAR) การนิเทศโรงเรียนกลุ่มสีดำ-สีแดง",
	"การใช้เครื่องมือนิเทศการอ่านออกเขียนได้",
	"เทคนิคการสังเกตชั้นเรียนและการให้ข้อมูลย้อนกลับ",
	"แลกเปลี่ยนประสบการณ์การนิเทศภายในแบบ PIDRE",
	"การวิเคราะห์ผล O-NET รายตัวชี้วัด",
	"การเขียนรายงานผลการนิเทศ",
	"การนิเทศออนไลน์ผ่าน LINE และ Facebook",
	"การพัฒนาเครื่องมือประเมินความพึงพอใจ",
	"เทคนิคการนิเทศแบบกัลยาณมิตร",
	"การถอดบทเรียนวิธีปฏิบัติที่เป็นเลิศของโรงเรียน",
	"การวิจัยเชิงปฏิบัติการเพื่อพัฒนาการนิเทศ",
	"สรุปผลการนิเทศประจำสัปดาห์และวางแผนสัปดาห์ถัดไป"
};

static const char *const KTPN_RESOLUTIONS[] = {
	"รับทราบแผนการนิเทศ ปีงบประมาณ 2558; เห็นชอบแนวทางการนิเทศแบบบูรณาการโดยใช้เครือข่ายเป็นฐาน",
	"รับทราบผลการนิเทศยกระดับผลสัมฤทธิ์โรงเรียนกลุ่มสีดำ-สีแดง; มอบกลุ่มนิเทศฯ ติดตามการเตรียมสอบ O-NET",
	"รับทราบผลการนิเทศภาคเรียนที่ 2/2557; ให้เร่งรัดการนิเทศภายในของโรงเรียนที่ยังไม่ผ่านเกณฑ์",
	"รับทราบผลการทดสอบ O-NET ปีการศึกษา 2557; เห็นชอบมาตรการยกระดับผลสัมฤทธิ์ ปีการศึกษา 2558",
	"รับทราบผลการดำเนินงานโครงการ ปีงบประมาณ 2558; ให้จัดประชุมให้ครบ 6 ครั้งในปีงบประมาณ 2559"
};

static Event *new_event(Ctx *c)
{
	c->events = mem_grow(c->events, (size_t)c->nevents + 1, sizeof *c->events);
	Event *e = &c->events[c->nevents++];
	memset(e, 0, sizeof *e);
	e->dist = -1;
	e->resolutions = "";
	e->time = "";
	e->venue = "";
	return e;
}

static void setup_events(Ctx *c)
{
	Rng r;
	rng_init(&r, c->seed, ST_MEETINGS, 0);

	/* Activity 1, สวัสดีคุณครู: one session per district in late
	 * October 2557, then a catch-up session for those who missed it. */
	static const int gdays[] = { 21, 22, 24, 28, 29, 30 };
	Days gwin = { 0 };
	days_add_range(&gwin, D(2014, 10, 20), D(2014, 11, 28));
	for (int di = 0; di < c->ndists; di++) {
		Event *e = new_event(c);
		fmt(e->id, sizeof e->id, c->ndists < 99 ? "G%03d" : "G%05d", di + 1);
		e->type = "สวัสดีคุณครู";
		e->act = 1;
		e->day = c->nschools <= 600 ? D(2014, 10, gdays[di]) : gwin.d[di % gwin.n];
		e->dist = di;
		fmt(e->title, sizeof e->title, "กิจกรรมนิเทศแบบพบกลุ่ม “สวัสดีคุณครู” อำเภอ%s", c->dists[di].name);
		e->time = "08.30-16.00 น.";
		e->venue = "หอประชุมที่ว่าการอำเภอ";
	}
	free(gwin.d);
	Event *g = new_event(c);
	fmt(g->id, sizeof g->id, c->ndists < 99 ? "G%03d" : "G%05d", c->ndists + 1);
	g->type = "สวัสดีคุณครู";
	g->act = 1;
	g->day = D(2014, 11, 12);
	g->dist = -2;
	g->time = "09.00-12.00 น.";
	g->venue = "ห้องประชุมสำนักงานเขตพื้นที่การศึกษา";
	fmt(g->title, sizeof g->title, "กิจกรรมนิเทศแบบพบกลุ่ม “สวัสดีคุณครู” (รอบเก็บตก)");

	/* Activity 10, ก.ต.ป.น.: five meetings; the sixth, planned for
	 * August, was cancelled (target 3.1.1 missed). */
	static const int kdays[][3] = {
		{2014, 11, 27}, {2015, 1, 29}, {2015, 3, 26}, {2015, 6, 25}, {2015, 9, 24}
	};
	for (int i = 0; i < 5; i++) {
		Event *e = new_event(c);
		fmt(e->id, sizeof e->id, "M%03d", i + 1);
		e->type = "กตปน";
		e->act = 10;
		fmt(e->seq, sizeof e->seq, "%d/2558", i + 1);
		e->day = D(kdays[i][0], kdays[i][1], kdays[i][2]);
		fmt(e->title, sizeof e->title, "ประชุมคณะกรรมการ ก.ต.ป.น. แบบบูรณาการ ครั้งที่ %d/2558", i + 1);
		e->participants = (int)rng_range(&r, 13, 16);
		fmt(e->minutes, sizeof e->minutes, "รายงานการประชุม ก.ต.ป.น. ครั้งที่ %d/2558", i + 1);
		e->resolutions = KTPN_RESOLUTIONS[i];
		e->time = "09.00-12.00 น.";
		e->venue = "ห้องประชุมสำนักงานเขตพื้นที่การศึกษา ชั้น 2";
	}

	/* ประชุมประจำเดือน (3.1.5, counted as activity 7): six meetings, but
	 * none in ก.พ.-มี.ค. 2558 (O-NET and NT season), two in ส.ค.-ก.ย. */
	static const int pdays[][3] = {
		{2014, 11, 6}, {2015, 1, 8}, {2015, 5, 14}, {2015, 7, 9}, {2015, 8, 6}, {2015, 9, 10}
	};
	int heads = 0;
	for (int i = 0; i < c->nschools; i++)
		heads += c->schools[i].active && c->schools[i].admins > 0;
	for (int i = 0; i < 6; i++) {
		Event *e = new_event(c);
		int y, m, dd;
		fmt(e->id, sizeof e->id, "P%03d", i + 1);
		e->type = "ประชุมประจำเดือน";
		e->act = 7;
		fmt(e->seq, sizeof e->seq, "%d/2558", i + 1);
		e->day = D(pdays[i][0], pdays[i][1], pdays[i][2]);
		civil_from_days(e->day, &y, &m, &dd);
		fmt(e->title, sizeof e->title, "ประชุมผู้บริหารสถานศึกษาประจำเดือน%s %d (วาระการนิเทศ)",
		    THAI_MONTH_LONG[m - 1], y + 543);
		e->participants = heads - (int)rng_range(&r, 0, heads / 12) + 9;
		fmt(e->minutes, sizeof e->minutes, "รายงานการประชุมผู้บริหารสถานศึกษา ครั้งที่ %d/2558", i + 1);
		e->time = "09.00-16.00 น.";
		e->venue = "หอประชุมสำนักงานเขตพื้นที่การศึกษา";
	}

	/* KM every Tuesday, except six: the New-Year week, an O-NET field
	 * week, Songkran, Coronation Day, the day before Mother's Day and the
	 * last, report-writing Tuesday (3.1.4: 46 of 52). */
	static const int skip[][3] = {
		{2014, 12, 30}, {2015, 2, 10}, {2015, 4, 14}, {2015, 5, 5}, {2015, 8, 11}, {2015, 9, 29}
	};
	int km = 0;
	for (long z = D(2014, 10, 1); z <= D(2015, 9, 30); z++) {
		if (weekday(z) != 2)
			continue;
		int skipped = 0;
		for (int i = 0; i < N_(skip); i++)
			skipped |= z == D(skip[i][0], skip[i][1], skip[i][2]);
		if (skipped)
			continue;
		Event *e = new_event(c);
		fmt(e->id, sizeof e->id, "K%03d", ++km);
		e->type = "KM";
		e->act = 11;
		e->day = z;
		fmt(e->title, sizeof e->title, "%s", PICK(&r, KM_TITLES));
		e->participants = (int)rng_range(&r, 8, 12);
		e->time = "13.30-16.30 น.";
		e->venue = "ห้องกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา";
	}

	/* The two workshops: the plan late (planned ธ.ค. 2557), the report on
	 * time. */
	Event *w = new_event(c);
	fmt(w->id, sizeof w->id, "W001");
	w->type = "ประชุมปฏิบัติการแผน";
	w->act = 8;
	w->day = D(2015, 1, 15);
	fmt(w->title, sizeof w->title, "ประชุมปฏิบัติการจัดทำแผนการนิเทศฯ ประจำปีงบประมาณ 2558");
	w->participants = 24;
	fmt(w->minutes, sizeof w->minutes, "บันทึกสรุปการประชุมปฏิบัติการ 15-16 ม.ค. 2558");
	w = new_event(c);
	fmt(w->id, sizeof w->id, "W002");
	w->type = "ประชุมปฏิบัติการรายงาน";
	w->act = 9;
	w->day = D(2015, 9, 22);
	fmt(w->title, sizeof w->title, "ประชุมปฏิบัติการจัดทำรายงานการนิเทศฯ ประจำปีงบประมาณ 2558");
	w->participants = 22;
	fmt(w->minutes, sizeof w->minutes, "บันทึกสรุปการประชุมปฏิบัติการ 22-23 ก.ย. 2558");
}

/* Who came to สวัสดีคุณครู: most teachers of most schools; a few absent,
 * some of whom came to the catch-up (3.1.2 stays under 100 %). */
static void setup_attendance(Ctx *c)
{
	Rng r;
	rng_init(&r, c->seed, ST_ATTEND, 0);
	int catchup = -1;
	for (int i = 0; i < c->nevents; i++)
		if (c->events[i].dist == -2)
			catchup = i;
	int *missing_t = mem_array((size_t)c->nschools, sizeof *missing_t);
	int *missing_a = mem_array((size_t)c->nschools, sizeof *missing_a);
	for (int ei = 0; ei < c->nevents; ei++) {
		Event *e = &c->events[ei];
		if (e->dist < 0)
			continue;
		const District *d = &c->dists[e->dist];
		for (int si = d->first_school; si < d->first_school + d->nschools; si++) {
			const School *s = &c->schools[si];
			if (!s->active)
				continue;
			int tp = 0, ap = 0;
			if (rng_pm(&r, 985)) {
				int absent = rng_pm(&r, 260) ? (rng_pm(&r, 800) ? 1 : 2) : 0;
				tp = s->teachers - absent;
				ap = s->admins - (s->admins > 0 && rng_pm(&r, 50));
				c->att = mem_grow(c->att, (size_t)c->natt + 1, sizeof *c->att);
				c->att[c->natt++] = (Attend){ ei, si, tp, ap };
				e->participants += tp + ap;
			}
			missing_t[si] = s->teachers - tp;
			missing_a[si] = s->admins - ap;
		}
	}
	for (int si = 0; si < c->nschools; si++) {
		if (missing_t[si] + missing_a[si] == 0 || !rng_pm(&r, 400))
			continue;
		int tp = (int)rng_range(&r, 1, missing_t[si] > 0 ? missing_t[si] : 1);
		if (tp > missing_t[si])
			tp = missing_t[si];
		c->att = mem_grow(c->att, (size_t)c->natt + 1, sizeof *c->att);
		c->att[c->natt++] = (Attend){ catchup, si, tp, missing_a[si] };
		c->events[catchup].participants += tp + missing_a[si];
	}
	free(missing_t);
	free(missing_a);
}

static int cmp_event(const void *a, const void *b)
{
	const Event *x = a, *y = b;
	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return strcmp(x->id, y->id);
}

static void write_meetings(Ctx *c)
{
	static const char *const cols[] = {
		"event_id", "type", "activity_no", "seq", "date", "title", "participants",
		"minutes_ref", "resolutions", "time", "venue"
	};
	Event *sorted = mem_array((size_t)c->nevents, sizeof *sorted);
	memcpy(sorted, c->events, (size_t)c->nevents * sizeof *sorted);
	qsort(sorted, (size_t)c->nevents, sizeof *sorted, cmp_event);
	Out o;
	out_open(&o, c->out, "meetings.csv", "\r\n", 1, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < c->nevents; i++) {
		const Event *e = &sorted[i];
		char buf[32];
		out_field(&o, e->id);
		out_field(&o, e->type);
		out_int(&o, e->act);
		out_field(&o, e->seq);
		fmt_date(buf, sizeof buf, e->day, DF_ISO);
		out_field(&o, buf);
		out_field(&o, e->title);
		out_int(&o, e->participants);
		out_field(&o, e->minutes);
		out_field(&o, e->resolutions);
		out_field(&o, e->time);
		out_field(&o, e->venue);
		out_endrow(&o);
	}
	out_close(&o);
	free(sorted);
}

/* resolutions.csv: what became of the committee's resolutions that ask for
 * work (a "รับทราบ" asks for none). One is done late, one is still open
 * past its due date at meeting 5, two run into the next year. */
static void write_resolutions(Ctx *c)
{
	static const char *const cols[] = { "meeting", "resolution", "owner", "due", "done", "result" };
	static const char *const rows[][6] = {
		{ "1/2558", "เห็นชอบแนวทางการนิเทศแบบบูรณาการโดยใช้เครือข่ายเป็นฐาน", "กลุ่มนิเทศฯ",
		  "2014-12-31", "2015-01-16",
		  "ประชุมปฏิบัติการจัดทำแผนการนิเทศแบบบูรณาการโดยใช้เครือข่ายเป็นฐาน 15-16 ม.ค. 2558" },
		{ "2/2558", "มอบกลุ่มนิเทศฯ ติดตามการเตรียมสอบ O-NET", "ศึกษานิเทศก์ผู้รับผิดชอบเครือข่าย",
		  "2015-02-06", "2015-02-05", "ติดตามการเตรียมสอบ O-NET ของโรงเรียนกลุ่มสีดำ-สีแดงตามปฏิทินการสอบ" },
		{ "3/2558", "ให้เร่งรัดการนิเทศภายในของโรงเรียนที่ยังไม่ผ่านเกณฑ์", "ศึกษานิเทศก์ผู้รับผิดชอบเครือข่าย",
		  "2015-08-31", "", "ประเมินการนิเทศภายในรอบที่ 2 แล้ว ยังมีโรงเรียนอยู่ในระดับพอใช้" },
		{ "4/2558", "เห็นชอบมาตรการยกระดับผลสัมฤทธิ์ ปีการศึกษา 2558", "กลุ่มนิเทศฯ",
		  "2016-03-31", "", "ดำเนินการตามมาตรการในภาคเรียนที่ 1/2558" },
		{ "5/2558", "ให้จัดประชุมให้ครบ 6 ครั้งในปีงบประมาณ 2559", "ฝ่ายเลขานุการ ก.ต.ป.น.",
		  "2016-09-30", "", "" },
	};
	Out o;
	out_open(&o, c->out, "resolutions.csv", "\n", 0, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < N_(rows); i++) {
		for (int k = 0; k < 6; k++)
			out_field(&o, rows[i][k]);
		out_endrow(&o);
	}
	out_close(&o);
}

/* narrative.csv: the office's own words, as its supervisors would write
 * them after the year: the cause and the remedy of each shortfall, a
 * discussion, suggestions for next year. No school is named: the same text
 * must hold for any seed. 3.2.2 (met) and 3.1.6 (met) have none; one unmet
 * target (3.1.7) is left without a remedy so that the report shows what is
 * still to be written. */
static void write_narrative(Ctx *c)
{
	static const char *const cols[] = { "about", "kind", "text" };
	static const char *const rows[][3] = {
		{ "3.1.1", "สาเหตุ", "การประชุมที่กำหนดไว้ในเดือนสิงหาคม 2558 ต้องเลื่อนออกไป เนื่องจากกรรมการส่วนใหญ่ติดภารกิจ"
		  "การประเมินคุณภาพภายนอก และไม่สามารถจัดการประชุมแทนได้ทันภายในปีงบประมาณ" },
		{ "3.1.1", "แนวทางแก้ไข", "กำหนดปฏิทินการประชุมทั้ง 6 ครั้งไว้ตั้งแต่ต้นปีงบประมาณ พร้อมวันสำรองของแต่ละครั้ง "
		  "และแจ้งกรรมการล่วงหน้าอย่างน้อย 1 เดือน" },
		{ "3.1.2", "สาเหตุ", "ครูบางส่วนติดภารกิจของโรงเรียนในวันจัดกิจกรรมของอำเภอ และบางโรงเรียนไม่ได้เข้าร่วม"
		  "ทั้งในวันของอำเภอและรอบเก็บตก" },
		{ "3.1.2", "แนวทางแก้ไข", "แจ้งกำหนดการล่วงหน้าอย่างน้อย 2 สัปดาห์ และจัดรอบเก็บตกเป็นรายเครือข่ายแทนการจัด"
		  "ที่สำนักงานเขตพื้นที่เพียงรอบเดียว" },
		{ "3.1.3", "สาเหตุ", "บันทึกการนิเทศบางรายการยังไม่ได้รับการอนุมัติ จึงยังไม่รวมอยู่ในผลการดำเนินงาน" },
		{ "3.1.3", "แนวทางแก้ไข", "ผู้อำนวยการกลุ่มนิเทศฯ ตรวจและอนุมัติบันทึกการนิเทศภายในสัปดาห์ที่บันทึก" },
		{ "3.1.4", "สาเหตุ", "วันอังคารบางสัปดาห์ตรงกับภารกิจเร่งด่วนของกลุ่มนิเทศฯ ได้แก่ ช่วงปีใหม่ การสอบระดับชาติ "
		  "และการจัดทำรายงานสิ้นปีงบประมาณ" },
		{ "3.1.4", "แนวทางแก้ไข", "เมื่อวันอังคารตรงกับภารกิจ ให้จัดการแลกเปลี่ยนเรียนรู้ชดเชยในวันทำการถัดไป" },
		{ "3.1.5", "สาเหตุ", "ช่วงเดือนกุมภาพันธ์ถึงมีนาคมเป็นช่วงการทดสอบระดับชาติ จึงไม่ได้จัดประชุม และจัดเพิ่ม"
		  "ในช่วงปลายปีงบประมาณแทน ทำให้จำนวนครั้งครบแต่ไม่ครบทุกช่วงสองเดือน" },
		{ "3.1.5", "แนวทางแก้ไข", "กำหนดการประชุมให้มีในทุกช่วงสองเดือน โดยเลื่อนวันประชุมภายในช่วงเดียวกันเมื่อมีภารกิจ" },
		{ "3.1.7", "สาเหตุ", "ศึกษานิเทศก์ผู้รับผิดชอบบางเครือข่ายมีภารกิจเพิ่มเติมระหว่างปี จึงไม่ได้ติดตาม"
		  "การนิเทศภายในของบางโรงเรียน" },
		{ "3.2.1", "สาเหตุ", "โรงเรียนกลุ่มสีดำและสีแดงบางโรงยังอยู่ในระดับพอใช้ และบางโรงเรียนยังไม่ได้ส่ง"
		  "ผลการประเมินการนิเทศภายใน" },
		{ "3.2.1", "แนวทางแก้ไข", "นิเทศแบบเข้มโรงเรียนที่ยังอยู่ในระดับพอใช้ และติดตามการส่งผลการประเมินทุกภาคเรียน" },
		{ "กิจกรรมที่ 4", "ข้อเสนอแนะ", "ควรกระจายการนิเทศประเด็นตามนโยบายให้ครบจำนวนครั้งต่อโรงเรียนที่แผนกำหนด "
		  "โดยวางปฏิทินรายเครือข่ายตั้งแต่ต้นภาคเรียน" },
		{ "โครงการ", "อภิปรายผล", "การนิเทศโดยใช้เครือข่ายโรงเรียนเป็นฐานทำให้การนิเทศครอบคลุมทุกเครือข่าย และโรงเรียน"
		  "ส่วนใหญ่พึงพอใจต่อการนิเทศแบบกัลยาณมิตร แต่เป้าหมายที่ต้องครบทุกโรงเรียนหรือทุกช่วงเวลายังไม่บรรลุ "
		  "เพราะการดำเนินงานบางส่วนต้องเลื่อนตามภารกิจเร่งด่วน และบันทึกบางรายการยังไม่ได้อนุมัติ" },
		{ "โครงการ", "ข้อเสนอแนะ", "ควรบันทึกและอนุมัติบันทึกการนิเทศให้เป็นปัจจุบันทุกสัปดาห์ เพื่อให้รายงานต่อ"
		  "คณะกรรมการ ก.ต.ป.น. สะท้อนการดำเนินงานจริง" },
		{ "โครงการ", "ข้อเสนอแนะ", "ควรเพิ่มการนิเทศแบบพบกลุ่มเครือข่ายและการนิเทศออนไลน์ตามข้อเสนอของโรงเรียน" },
	};
	Out o;
	out_open(&o, c->out, "narrative.csv", "\r\n", 1, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < N_(rows); i++) {
		for (int k = 0; k < 3; k++)
			out_field(&o, rows[i][k]);
		out_endrow(&o);
	}
	out_close(&o);
}

/* photos/<activity>/<caption>.png: a few generated pictures of activities
 * (a room, a screen, rows of people), so that the annual report's
 * appendix of photos shows; an office puts its own JPEGs there. Each PNG is
 * written by hand with zlib: 8-bit RGB, no interlacing. */
enum { PH_W = 360, PH_H = 240 };

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void png_chunk(FILE *f, const char *type, const unsigned char *data, uint32_t len)
{
	unsigned char b[4];
	put_be32(b, len);
	fwrite(b, 1, 4, f);
	uLong crc = crc32(0L, (const Bytef *)type, 4);
	fwrite(type, 1, 4, f);
	if (len) {
		fwrite(data, 1, len, f);
		crc = crc32(crc, data, len);
	}
	put_be32(b, (uint32_t)crc);
	fwrite(b, 1, 4, f);
}

/* px (w x h pixels of ch bytes: 3 RGB, 4 RGBA) as an 8-bit, non-interlaced
 * PNG at path: rows unfiltered, deflated at level 9. */
static void write_png(const char *path, int w, int h, int ch, const unsigned char *px)
{
	size_t stride = (size_t)w * (size_t)ch;
	unsigned char *raw = mem_alloc((stride + 1) * (size_t)h);
	for (int y = 0; y < h; y++) {
		raw[(size_t)y * (stride + 1)] = 0;
		memcpy(raw + (size_t)y * (stride + 1) + 1, px + (size_t)y * stride, stride);
	}
	uLongf zlen = compressBound((uLong)((stride + 1) * (size_t)h));
	unsigned char *z = mem_alloc(zlen);
	compress2(z, &zlen, raw, (uLong)((stride + 1) * (size_t)h), 9);
	FILE *f = fopen(path, "wb");
	if (f == NULL) {
		fprintf(stderr, "gen-sample: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char ihdr[13];
	put_be32(ihdr, (uint32_t)w);
	put_be32(ihdr + 4, (uint32_t)h);
	ihdr[8] = 8;                      /* bits per sample */
	ihdr[9] = ch == 4 ? 6 : 2;        /* RGBA or RGB */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	fwrite(sig, 1, 8, f);
	png_chunk(f, "IHDR", ihdr, 13);
	png_chunk(f, "IDAT", z, (uint32_t)zlen);
	png_chunk(f, "IEND", NULL, 0);
	if (fclose(f) != 0) {
		fprintf(stderr, "gen-sample: cannot write %s\n", path);
		exit(1);
	}
	free(z);
	free(raw);
}

/* emblem.png: a placeholder emblem for the covers, 240x240 RGBA: a gold
 * eight-pointed star on a navy disc inside a gold ring, transparent
 * around; an office puts its own emblem there. Drawn with integer
 * geometry, so the same bytes everywhere. */
static void write_emblem(Ctx *c)
{
	enum { E = 240 };
	unsigned char *px = mem_alloc((size_t)E * E * 4);
	static const unsigned char gold[3] = { 212, 170, 60 }, navy[3] = { 28, 44, 96 };
	const double cx = (E - 1) / 2.0, cy = (E - 1) / 2.0;
	for (int y = 0; y < E; y++)
		for (int x = 0; x < E; x++) {
			double dx = x - cx, dy = y - cy, r = sqrt(dx * dx + dy * dy);
			unsigned char *p = px + ((size_t)y * E + x) * 4;
			const unsigned char *col = NULL;
			if (r <= 118 && r > 104)
				col = gold;                       /* the ring */
			else if (r <= 104) {
				/* an eight-pointed star: radius 30 at the notches, 90 at the points */
				double a = atan2(dy, dx), k = fabs(fmod(a * 4 / M_PI + 8.5, 1.0) - 0.5) * 2;
				double edge = 30 + 60 * (1 - k);
				col = r <= 16 ? navy : r <= edge ? gold : navy;
			}
			if (col) {
				memcpy(p, col, 3);
				p[3] = 255;
			}
		}
	char path[8192];
	snprintf(path, sizeof path, "%s/emblem.png", c->out);
	write_png(path, E, E, 4, px);
	free(px);
	printf("%-24s %4d files\n", "emblem.png", 1);
}

static void fill(unsigned char *px, int x0, int y0, int x1, int y1, const unsigned char rgb[3])
{
	for (int y = y0 < 0 ? 0 : y0; y < y1 && y < PH_H; y++)
		for (int x = x0 < 0 ? 0 : x0; x < x1 && x < PH_W; x++)
			memcpy(px + (size_t)(y * PH_W + x) * 3, rgb, 3);
}

static void disc(unsigned char *px, int cx, int cy, int r, const unsigned char rgb[3])
{
	for (int y = cy - r; y <= cy + r; y++)
		for (int x = cx - r; x <= cx + r; x++)
			if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r && x >= 0 && y >= 0 && x < PH_W && y < PH_H)
				memcpy(px + (size_t)(y * PH_W + x) * 3, rgb, 3);
}

static void write_photo(Ctx *c, Rng *r, const char *dir, const char *caption)
{
	unsigned char *px = mem_alloc((size_t)PH_W * PH_H * 3);
	static const unsigned char wall[3] = { 226, 221, 205 }, floor_[3] = { 150, 120, 92 },
		screen[3] = { 245, 247, 250 }, frame[3] = { 60, 60, 70 }, table[3] = { 120, 86, 60 },
		skin[3] = { 196, 152, 118 }, hair[3] = { 40, 32, 30 };
	static const unsigned char shirts[][3] = {
		{ 196, 165, 92 }, { 70, 110, 160 }, { 220, 220, 225 }, { 150, 60, 60 }, { 90, 130, 90 }, { 230, 200, 80 }
	};
	fill(px, 0, 0, PH_W, PH_H * 2 / 3, wall);
	fill(px, 0, PH_H * 2 / 3, PH_W, PH_H, floor_);
	int sx = (int)rng_range(r, 40, 200);
	fill(px, sx - 3, 22, sx + 123, 103, frame);
	fill(px, sx, 25, sx + 120, 100, screen);
	fill(px, sx + 10, 40, sx + 10 + (int)rng_range(r, 40, 100), 48, frame);
	fill(px, sx + 10, 58, sx + 10 + (int)rng_range(r, 30, 90), 64, shirts[1]);
	int rows = (int)rng_range(r, 2, 3);
	for (int row = 0; row < rows; row++) {
		int y = 140 + row * 38, n = (int)rng_range(r, 5, 8);
		fill(px, 10, y + 22, PH_W - 10, y + 30, table);
		for (int k = 0; k < n; k++) {
			int x = 30 + k * (PH_W - 60) / n + (int)rng_range(r, -6, 6);
			fill(px, x - 13, y, x + 13, y + 24, shirts[rng_range(r, 0, 5)]);
			disc(px, x, y - 10, 10, skin);
			fill(px, x - 10, y - 21, x + 10, y - 14, hair);
		}
	}
	char path[8192];
	snprintf(path, sizeof path, "%s/%s.png", dir, caption);
	write_png(path, PH_W, PH_H, 3, px);
	free(px);
	(void)c;
}

static void write_photos(Ctx *c)
{
	static const struct { int act; const char *caption; } photos[] = {
		{ 1, "กิจกรรมสวัสดีคุณครู อำเภอกงหรา" }, { 1, "กิจกรรมสวัสดีคุณครู รอบเก็บตก" },
		{ 2, "นิเทศชั้นเรียน โรงเรียนกลุ่มสีแดง" }, { 5, "นิเทศแบบพบกลุ่มเครือข่าย" },
		{ 8, "ประชุมปฏิบัติการจัดทำแผนการนิเทศ" }, { 10, "ประชุมคณะกรรมการ ก.ต.ป.น. ครั้งที่ 1 ปีงบประมาณ 2558" },
		{ 10, "ประชุมคณะกรรมการ ก.ต.ป.น. ครั้งที่ 4 ปีงบประมาณ 2558" }, { 11, "แลกเปลี่ยนเรียนรู้ศึกษานิเทศก์ วันอังคาร" },
	};
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/photos", c->out);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen-sample: cannot create %s: %s\n", dir, strerror(errno));
		exit(1);
	}
	Rng r;
	rng_init(&r, c->seed, ST_PHOTOS, 0);
	for (size_t i = 0; i < sizeof photos / sizeof photos[0]; i++) {
		snprintf(dir, sizeof dir, "%s/photos/%d", c->out, photos[i].act);
		if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "gen-sample: cannot create %s: %s\n", dir, strerror(errno));
			exit(1);
		}
		write_photo(c, &r, dir, photos[i].caption);
	}
	printf("%-24s %4zu files\n", "photos/", sizeof photos / sizeof photos[0]);
}

/* indicators-2557.csv: last year's results as nithet would have written
 * them (FY 2557), which the office copies into the input folder so that
 * the annual report compares the two years. Invented: most targets a
 * little lower than this year, the online target met both years, 6.1 not
 * measured then either. */
static void write_last_year(Ctx *c)
{
	static const char *const cols[] = { "id", "value", "goal", "unit", "met" };
	static const char *const rows[][5] = {
		{ "3.1.1", "4", "6", "ครั้ง", "false" }, { "3.1.2", "93.10", "100", "ร้อยละ", "false" },
		{ "3.1.3", "85.71", "100", "ร้อยละ", "false" }, { "3.1.4", "88.46", "100", "ร้อยละ", "false" },
		{ "3.1.5", "6", "6", "ครั้ง", "true" }, { "3.1.6", "12", "12", "เดือน", "true" },
		{ "3.1.7", "94.02", "100", "ร้อยละ", "false" }, { "3.1.8", "92.86", "100", "ร้อยละ", "false" },
		{ "3.1.9", "11", "12", "เดือน", "false" }, { "3.1.10", "1", "1", "ครั้ง", "true" },
		{ "3.1.11", "1", "1", "ครั้ง", "true" }, { "3.2.1", "86.32", "100", "ร้อยละ", "false" },
		{ "3.2.2", "91.18", "80", "ร้อยละ", "true" }, { "6.1", "", "3", "ระดับ", "" },
		{ "6.2", "86.32", "100", "ร้อยละ", "false" }, { "6.3", "91.18", "80", "ร้อยละ", "true" },
		{ "6.4", "15.38", "", "ร้อยละ", "" }, { "budget", "471250.00", "500000", "บาท", "true" },
	};
	Out o;
	out_open(&o, c->out, "indicators-2557.csv", "\n", 0, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < N_(rows); i++) {
		for (int k = 0; k < 5; k++)
			out_field(&o, rows[i][k]);
		out_endrow(&o);
	}
	out_close(&o);
}

static void write_attendance(Ctx *c)
{
	static const char *const cols[] = { "event_id", "school_code", "teachers_present", "admins_present" };
	Out o;
	out_open(&o, c->out, "attendance.csv", "\n", 0, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < c->natt; i++) {
		const Attend *a = &c->att[i];
		out_field(&o, c->events[a->event].id);
		out_field(&o, c->schools[a->school].code);
		out_int(&o, a->teachers);
		out_int(&o, a->admins);
		out_endrow(&o);
	}
	out_close(&o);
}

/* ------------------------------------------------------------------ */
/* evaluations.xml: Excel 2003 XML Spreadsheet, as a web system exports. */

typedef struct Eval {
	long day;
	int c[5];
	int evaluator;     /* -1: the cell was left empty */
} Eval;

/* The evaluation of round 1 or 2 of school si; 0 when there is none. */
static int school_eval(Ctx *c, int si, int round, Eval *e)
{
	const School *s = &c->schools[si];
	long d[2];
	act3_days(c, si, &d[0], &d[1]);
	if (!s->active || s->no_eval || !d[round - 1])
		return 0;
	Rng r;
	rng_init(&r, c->seed, ST_EVAL, (uint64_t)si * 2 + (uint64_t)round);
	/* Schools improve between the rounds. */
	int q = s->quality + (round == 1 ? -25 : 15);
	e->day = d[round - 1];
	for (int i = 0; i < 5; i++) {
		int v = (q + (int)rng_tri(&r, 90) + 50) / 100;
		e->c[i] = v < 1 ? 1 : v > 5 ? 5 : v;
	}
	e->evaluator = rng_pm(&r, 25) ? -1 : s->sup;
	return 1;
}

static void write_evaluations(Ctx *c)
{
	static const char *const cols[] = {
		"school_code", "round", "eval_date", "evaluator", "c1", "c2", "c3", "c4", "c5"
	};
	long rows = 1;
	Eval e;
	for (int round = 1; round <= 2; round++)
		for (int i = 0; i < c->nschools; i++)
			rows += school_eval(c, i, round, &e);

	Out o;
	out_open(&o, c->out, "evaluations.xml", "\r\n", 0, 0);
	out_raw(&o,
		"<?xml version=\"1.0\"?>\r\n"
		"<?mso-application progid=\"Excel.Sheet\"?>\r\n"
		"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\r\n"
		" xmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n"
		" xmlns:x=\"urn:schemas-microsoft-com:office:excel\"\r\n"
		" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"\r\n"
		" xmlns:html=\"http://www.w3.org/TR/REC-html40\">\r\n"
		" <DocumentProperties xmlns=\"urn:schemas-microsoft-com:office:office\">\r\n"
		"  <Author>ระบบสารสนเทศการนิเทศ</Author>\r\n"
		"  <LastAuthor>นันทนา คงเมือง</LastAuthor>\r\n"
		"  <Created>2015-09-28T02:14:07Z</Created>\r\n"
		"  <LastSaved>2015-09-28T03:41:55Z</LastSaved>\r\n"
		"  <Company>สพป.พัทลุง เขต 2</Company>\r\n"
		"  <Version>14.00</Version>\r\n"
		" </DocumentProperties>\r\n"
		" <OfficeDocumentSettings xmlns=\"urn:schemas-microsoft-com:office:office\">\r\n"
		"  <AllowPNG/>\r\n"
		" </OfficeDocumentSettings>\r\n"
		" <ExcelWorkbook xmlns=\"urn:schemas-microsoft-com:office:excel\">\r\n"
		"  <WindowHeight>8010</WindowHeight>\r\n"
		"  <WindowWidth>14805</WindowWidth>\r\n"
		"  <WindowTopX>240</WindowTopX>\r\n"
		"  <WindowTopY>105</WindowTopY>\r\n"
		"  <ProtectStructure>False</ProtectStructure>\r\n"
		"  <ProtectWindows>False</ProtectWindows>\r\n"
		" </ExcelWorkbook>\r\n"
		" <Styles>\r\n"
		"  <Style ss:ID=\"Default\" ss:Name=\"Normal\">\r\n"
		"   <Alignment ss:Vertical=\"Bottom\"/>\r\n"
		"   <Borders/>\r\n"
		"   <Font ss:FontName=\"Tahoma\" x:CharSet=\"222\" x:Family=\"Swiss\" ss:Size=\"11\"\r\n"
		"    ss:Color=\"#000000\"/>\r\n"
		"   <Interior/>\r\n"
		"   <NumberFormat/>\r\n"
		"   <Protection/>\r\n"
		"  </Style>\r\n"
		"  <Style ss:ID=\"s62\">\r\n"
		"   <Font ss:FontName=\"TH SarabunPSK\" x:Family=\"Swiss\" ss:Size=\"16\" ss:Color=\"#000000\"\r\n"
		"    ss:Bold=\"1\"/>\r\n"
		"   <Interior ss:Color=\"#DDEBF7\" ss:Pattern=\"Solid\"/>\r\n"
		"  </Style>\r\n"
		"  <Style ss:ID=\"s63\">\r\n"
		"   <NumberFormat ss:Format=\"@\"/>\r\n"
		"  </Style>\r\n"
		"  <Style ss:ID=\"s64\">\r\n"
		"   <NumberFormat ss:Format=\"Short Date\"/>\r\n"
		"  </Style>\r\n"
		" </Styles>\r\n"
		" <Worksheet ss:Name=\"ผลการประเมินนิเทศภายใน\">\r\n");
	out_rawf(&o,
		"  <Table ss:ExpandedColumnCount=\"9\" ss:ExpandedRowCount=\"%ld\" x:FullColumns=\"1\"\r\n"
		"   x:FullRows=\"1\" ss:DefaultRowHeight=\"15\">\r\n", rows);
	out_raw(&o,
		"   <Column ss:StyleID=\"s63\" ss:AutoFitWidth=\"0\" ss:Width=\"75\"/>\r\n"
		"   <Column ss:AutoFitWidth=\"0\" ss:Width=\"42\"/>\r\n"
		"   <Column ss:StyleID=\"s64\" ss:AutoFitWidth=\"0\" ss:Width=\"72\"/>\r\n"
		"   <Column ss:AutoFitWidth=\"0\" ss:Width=\"54\"/>\r\n"
		"   <Column ss:AutoFitWidth=\"0\" ss:Width=\"33\" ss:Span=\"4\"/>\r\n"
		"   <Row ss:AutoFitHeight=\"0\" ss:Height=\"21\">\r\n");
	for (int i = 0; i < N_(cols); i++)
		out_rawf(&o, "    <Cell ss:StyleID=\"s62\"><Data ss:Type=\"String\">%s</Data></Cell>\r\n", cols[i]);
	out_raw(&o, "   </Row>\r\n");
	for (int round = 1; round <= 2; round++)
		for (int i = 0; i < c->nschools; i++) {
			if (!school_eval(c, i, round, &e))
				continue;
			char date[32];
			fmt_date(date, sizeof date, e.day, DF_ISO);
			out_raw(&o, "   <Row>\r\n");
			out_rawf(&o, "    <Cell ss:StyleID=\"s63\"><Data ss:Type=\"String\">%s</Data></Cell>\r\n",
			         c->schools[i].code);
			out_rawf(&o, "    <Cell><Data ss:Type=\"Number\">%d</Data></Cell>\r\n", round);
			out_rawf(&o, "    <Cell ss:StyleID=\"s64\"><Data ss:Type=\"DateTime\">%sT00:00:00.000</Data></Cell>\r\n",
			         date);
			/* Excel leaves an empty cell out and numbers the next one. */
			if (e.evaluator >= 0)
				out_rawf(&o, "    <Cell><Data ss:Type=\"String\">%s</Data></Cell>\r\n",
				         c->staff[e.evaluator].id);
			for (int k = 0; k < 5; k++)
				out_rawf(&o, "    <Cell%s><Data ss:Type=\"Number\">%d</Data></Cell>\r\n",
				         k == 0 && e.evaluator < 0 ? " ss:Index=\"5\"" : "", e.c[k]);
			out_raw(&o, "   </Row>\r\n");
			o.rows++;
		}
	out_raw(&o,
		"  </Table>\r\n"
		"  <WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\">\r\n"
		"   <PageSetup>\r\n"
		"    <Header x:Margin=\"0.3\"/>\r\n"
		"    <Footer x:Margin=\"0.3\"/>\r\n"
		"    <PageMargins x:Bottom=\"0.75\" x:Left=\"0.7\" x:Right=\"0.7\" x:Top=\"0.75\"/>\r\n"
		"   </PageSetup>\r\n"
		"   <Print>\r\n"
		"    <ValidPrinterInfo/>\r\n"
		"    <PaperSizeIndex>9</PaperSizeIndex>\r\n"
		"    <HorizontalResolution>600</HorizontalResolution>\r\n"
		"    <VerticalResolution>600</VerticalResolution>\r\n"
		"   </Print>\r\n"
		"   <Selected/>\r\n"
		"   <FreezePanes/>\r\n"
		"   <FrozenNoSplit/>\r\n"
		"   <SplitHorizontal>1</SplitHorizontal>\r\n"
		"   <TopRowBottomPane>1</TopRowBottomPane>\r\n"
		"   <ActivePane>2</ActivePane>\r\n"
		"   <Panes>\r\n"
		"    <Pane>\r\n"
		"     <Number>3</Number>\r\n"
		"    </Pane>\r\n"
		"    <Pane>\r\n"
		"     <Number>2</Number>\r\n"
		"     <ActiveRow>1</ActiveRow>\r\n"
		"    </Pane>\r\n"
		"   </Panes>\r\n"
		"   <ProtectObjects>False</ProtectObjects>\r\n"
		"   <ProtectScenarios>False</ProtectScenarios>\r\n"
		"  </WorksheetOptions>\r\n"
		" </Worksheet>\r\n"
		"</Workbook>\r\n");
	out_close(&o);
}

/* ------------------------------------------------------------------ */
/* surveys.csv: the Google Forms satisfaction export */

static const char *const ITEMS[NITEMS] = {
	"1. การวางแผนการนิเทศร่วมกับโรงเรียน",
	"2. ความรู้ความสามารถของผู้นิเทศ",
	"3. การให้คำปรึกษา แนะนำ และช่วยเหลือ",
	"4. ความเหมาะสมของระยะเวลาและความถี่ในการนิเทศ",
	"5. การใช้สื่อ เครื่องมือ และเทคโนโลยีในการนิเทศ",
	"6. การนิเทศแบบกัลยาณมิตร",
	"7. การนิเทศโดยใช้เครือข่ายโรงเรียนเป็นฐาน",
	"8. การนิเทศระบบ Online",
	"9. การติดตามและให้ข้อมูลย้อนกลับ",
	"10. ประโยชน์ที่ได้รับต่อการพัฒนาคุณภาพการศึกษา"
};
static const char *const LIKERT[6] = { "", "น้อยที่สุด", "น้อย", "ปานกลาง", "มาก", "มากที่สุด" };
static const char *const SURVEY_SUGG[] = {
	"อยากให้มีการนิเทศออนไลน์เพิ่มขึ้น",
	"ขอให้ศึกษานิเทศก์มาเยี่ยมโรงเรียนบ่อยขึ้น",
	"ควรแจ้งกำหนดการนิเทศล่วงหน้าอย่างน้อย 1 สัปดาห์",
	"การนิเทศเป็นกัลยาณมิตร ครูได้รับกำลังใจ",
	"อยากให้มีตัวอย่างแผนการจัดการเรียนรู้ที่ดีเผยแพร่ทางเว็บไซต์",
	"ขอบคุณคณะศึกษานิเทศก์ที่ให้คำแนะนำที่เป็นประโยชน์",
	"ขอให้ลดเอกสารที่ต้องรายงาน",
	"ควรจัดอบรมการผลิตสื่อ ICT ให้ครู",
	"ช่วงเวลานิเทศตรงกับกิจกรรมของโรงเรียน ควรประสานก่อน",
	"ควรมีการนิเทศแบบพบกลุ่มเครือข่ายบ่อยขึ้น",
	"อยากให้ติดตามนักเรียนอ่านไม่ออกเขียนไม่ได้อย่างต่อเนื่อง",
	"โรงเรียนขนาดเล็กครูไม่ครบชั้น อยากให้ช่วยแนะนำการสอนคละชั้น",
	"-",
	"ไม่มี"
};
static const char *const NICKS[] = {
	"somchai", "wilai", "kanya", "nok", "jeab", "tuk", "aom", "bee", "fon", "ning",
	"noi", "pla", "toey", "kung", "mai", "jan", "ple", "joy", "dao", "pong"
};

typedef struct Resp {
	long day;
	int secs;
	int school;
	int role;
	int form;          /* how the school was written */
	signed char item[NITEMS]; /* 0 blank, 1..5, -1 an unmappable word */
	char email[96];
	const char *sugg;
	long order;
} Resp;

static const char *const ROLES[] = { "ผู้บริหารสถานศึกษา", "ครูผู้รับผิดชอบงานวิชาการ", "ครู" };

typedef struct RSink {
	Ctx *c;
	Out *o;
	Resp *v;
	size_t n, cap;
	long order;
} RSink;

static void write_resp(RSink *k, const Resp *p)
{
	Ctx *c = k->c;
	Out *o = k->o;
	const School *s = &c->schools[p->school];
	int y, m, d;
	civil_from_days(p->day, &y, &m, &d);
	out_fieldf(o, "%d/%d/%d, %d:%02d:%02d", d, m, y, p->secs / 3600, p->secs / 60 % 60, p->secs % 60);
	out_field(o, p->email);
	switch (p->form) {
	case 0: out_fieldf(o, "%s %s", s->code, s->name); break;
	case 1: out_field(o, s->name); break;
	case 2: out_fieldf(o, "โรงเรียน%s", s->name); break;
	default: out_fieldf(o, "ร.ร.%s", s->name); break;
	}
	out_field(o, ROLES[p->role]);
	/* The form owner changed the grid's column labels to "5 (มากที่สุด)"
	 * on 1 September; later answers carry the new labels. */
	int numbered = p->day >= D(2015, 9, 1);
	for (int i = 0; i < NITEMS; i++) {
		int v = p->item[i];
		if (v < 0)
			out_field(o, "ดี");
		else if (v == 0)
			out_field(o, "");
		else if (numbered)
			out_fieldf(o, "%d (%s)", v, LIKERT[v]);
		else
			out_field(o, LIKERT[v]);
	}
	out_field(o, p->sugg);
	out_endrow(o);
}

static void gen_school_survey(Ctx *c, int si, RSink *k)
{
	const School *s = &c->schools[si];
	if (!s->active || s->no_survey)
		return;
	Rng r;
	rng_init(&r, c->seed, ST_SURVEY, (uint64_t)si);
	long day0 = days_pick(&r, &c->survey);
	int n = 2 + (int)rng_range(&r, 0, 1) + (s->teachers > 10 ? (int)rng_range(&r, 0, 2) : 0);
	for (int j = 0; j < n; j++) {
		Resp p;
		memset(&p, 0, sizeof p);
		p.day = day0 + rng_range(&r, 0, 6);
		if (p.day > D(2015, 9, 30))
			p.day = D(2015, 9, 30);
		p.secs = (int)rng_range(&r, 7 * 3600, 21 * 3600);
		p.school = si;
		p.role = j == 0 ? (s->admins > 0 ? 0 : 1) : (j == 1 && rng_pm(&r, 500) ? 1 : 2);
		int u = (int)rng_below(&r, 100);
		p.form = c->nschools > 31200 ? 0 : u < 45 ? 0 : u < 85 ? 1 : u < 93 ? 2 : 3;
		if (j == 0 && rng_pm(&r, 700))
			fmt(p.email, sizeof p.email, "school%s@example.ac.th", s->code);
		else if (!rng_pm(&r, 150))
			fmt(p.email, sizeof p.email, "%s.%s%02ld@example.com", PICK(&r, NICKS),
			    PICK(&r, NICKS), rng_range(&r, 1, 99));
		int mean = s->satisfaction + (int)rng_tri(&r, 45);
		for (int i = 0; i < NITEMS; i++) {
			int v = (mean + (int)rng_tri(&r, 85) + 50) / 100;
			p.item[i] = (signed char)(v < 1 ? 1 : v > 5 ? 5 : v);
			if (rng_pm(&r, 8))
				p.item[i] = 0;
		}
		p.sugg = rng_pm(&r, 450) ? PICK(&r, SURVEY_SUGG) : "";
		p.order = k->order++;
		if (!c->collect) {
			write_resp(k, &p);
			continue;
		}
		if (k->n == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 1024;
			k->v = mem_grow(k->v, k->cap, sizeof *k->v);
		}
		k->v[k->n++] = p;
	}
}

static int cmp_resp(const void *a, const void *b)
{
	const Resp *x = a, *y = b;
	long tx = x->day * 86400 + x->secs, ty = y->day * 86400 + y->secs;
	if (tx != ty)
		return (tx > ty) - (tx < ty);
	return (x->order > y->order) - (x->order < y->order);
}

static void write_surveys(Ctx *c)
{
	Out o;
	out_open(&o, c->out, "surveys.csv", "\r\n", 1, 0);
	o.quote_all = 1;
	o.final_eol = 0;
	out_field(&o, "ประทับเวลา");
	out_field(&o, "ที่อยู่อีเมล");
	out_field(&o, "โรงเรียน");
	out_field(&o, "สถานภาพผู้ตอบ");
	for (int i = 0; i < NITEMS; i++)
		out_fieldf(&o, "ความพึงพอใจต่อการนิเทศ [%s]", ITEMS[i]);
	out_field(&o, "ข้อเสนอแนะ");
	out_endrow(&o);
	o.rows--;
	RSink k = { .c = c, .o = &o };
	for (int i = 0; i < c->nschools; i++)
		gen_school_survey(c, i, &k);
	if (c->collect) {
		qsort(k.v, k.n, sizeof *k.v, cmp_resp);
		/* One deliberate warning: a respondent typed the rubric word "ดี"
		 * into a Likert cell, which is not mapped by default. */
		if (c->bundled && k.n > 10)
			k.v[k.n * 2 / 5].item[5] = -1;
		for (size_t i = 0; i < k.n; i++)
			write_resp(&k, &k.v[i]);
		free(k.v);
	}
	out_close(&o);
}

/* ------------------------------------------------------------------ */
/* spending.csv: Excel "Save as CSV" on Thai Windows (Windows-874, CRLF,
 * Buddhist-Era dates, "7,500.00"). */

typedef struct Spend {
	long day;
	int act;
	const char *cat;
	long long satang;
	int plain;         /* cell formatted General: "3600" */
	int same_doc;      /* shares the previous row's document number */
	char desc[320];
	int order;
} Spend;

typedef struct Spending {
	Spend *v;
	int n;
} Spending;

static const char *const CAT_PAY = "ค่าตอบแทน";
static const char *const CAT_USE = "ค่าใช้สอย";
static const char *const CAT_MAT = "ค่าวัสดุ";
static const char *const CAT_UTIL = "ค่าสาธารณูปโภค";

static Spend *spend(Spending *sp, long day, int act, const char *cat, long long baht100,
                    const char *desc)
{
	sp->v = mem_grow(sp->v, (size_t)sp->n + 1, sizeof *sp->v);
	Spend *x = &sp->v[sp->n];
	memset(x, 0, sizeof *x);
	x->day = day;
	x->act = act;
	x->cat = cat;
	x->satang = baht100;
	x->order = sp->n++;
	fmt(x->desc, sizeof x->desc, "%s", desc);
	return x;
}

static int cmp_spend(const void *a, const void *b)
{
	const Spend *x = a, *y = b;
	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->order > y->order) - (x->order < y->order);
}

static long last_workday_of_month(int y, int m)
{
	long z = m == 12 ? D(y + 1, 1, 1) - 1 : D(y, m + 1, 1) - 1;
	while (!is_workday(z))
		z--;
	return z;
}

#define BAHT(x) ((long long)(x) * 100)

static void write_spending(Ctx *c)
{
	Rng r;
	rng_init(&r, c->seed, ST_SPENDING, 0);
	Spending sp = { 0 };
	char d[320];

	/* 1 สวัสดีคุณครู (approved 0: ถัวจ่าย): refreshments per session. */
	int ng = 0;
	for (int i = 0; i < c->nevents && ng < 7; i++) {
		const Event *e = &c->events[i];
		if (e->act != 1)
			continue;
		ng++;
		if (e->dist >= 0)
			fmt(d, sizeof d, "ค่าอาหารว่างและเครื่องดื่ม กิจกรรม “สวัสดีคุณครู” อำเภอ%s",
			    c->dists[e->dist].name);
		else
			fmt(d, sizeof d, "ค่าอาหารว่างและเครื่องดื่ม กิจกรรม “สวัสดีคุณครู” รอบเก็บตก");
		/* refreshments are ordered for at most 350 heads a session */
		spend(&sp, e->day, 1, CAT_USE, BAHT((e->participants < 350 ? e->participants : 350) * 20), d);
	}

	/* 2 ดำ/แดง (20,000): overspent. */
	spend(&sp, D(2014, 12, 2), 2, CAT_MAT, BAHT(4850), "ค่าวัสดุจัดทำแบบทดสอบคู่ขนาน O-NET สำหรับโรงเรียนกลุ่มสีดำ-สีแดง");
	spend(&sp, D(2014, 12, 9), 2, CAT_PAY, BAHT(3600), "ค่าตอบแทนวิทยากร อบรมครูโรงเรียนกลุ่มสีดำ-สีแดง")->plain = 1;
	spend(&sp, D(2014, 12, 9), 2, CAT_USE, BAHT(7500), "ค่าอาหารกลางวันและอาหารว่าง ประชุมโรงเรียนกลุ่มสีดำ-สีแดง");
	spend(&sp, D(2014, 12, 26), 2, CAT_USE, BAHT(7900), "ค่าเบี้ยเลี้ยงและค่าพาหนะศึกษานิเทศก์ นิเทศโรงเรียนกลุ่มสีดำ-สีแดง");

	/* 3 นิเทศภายใน (30,000). */
	spend(&sp, D(2015, 1, 9), 3, CAT_MAT, BAHT(2720), "ค่าวัสดุจัดทำแบบบันทึกและแบบประเมินการนิเทศภายใน");
	spend(&sp, D(2015, 2, 27), 3, CAT_USE, BAHT(6400), "ค่าเบี้ยเลี้ยงและค่าพาหนะ ติดตามการนิเทศภายใน ภาคเรียนที่ 2/2557");
	spend(&sp, D(2015, 8, 28), 3, CAT_USE, BAHT(7200), "ค่าเบี้ยเลี้ยงและค่าพาหนะ ติดตามการนิเทศภายใน ภาคเรียนที่ 1/2558");
	spend(&sp, D(2015, 8, 31), 3, CAT_MAT, BAHT(2400), "ค่าถ่ายเอกสารสรุปผลการประเมินการนิเทศภายใน");

	/* 4 (210,000): the monthly travel claims of the supervisors. */
	for (int k = 0; k < 12; k++) {
		int m = (k + 9) % 12 + 1, y = k < 3 ? 2014 : 2015;
		fmt(d, sizeof d, "ค่าเบี้ยเลี้ยง ค่าพาหนะ และค่าเช่าที่พัก ศึกษานิเทศก์ นิเทศโรงเรียน เดือน%s %d",
		    THAI_MONTH_LONG[m - 1], y + 543);
		Spend *x = spend(&sp, last_workday_of_month(y, m), 4, CAT_USE, rng_range(&r, 1150, 1600) * 1000, d);
		if (rng_pm(&r, 300))
			x->satang += 50; /* a half-baht fuel receipt */
	}
	spend(&sp, D(2014, 11, 18), 4, CAT_MAT, BAHT(8450), "ค่าวัสดุสำนักงาน (กระดาษ หมึกพิมพ์) สำหรับแบบนิเทศ");
	spend(&sp, D(2015, 6, 16), 4, CAT_MAT, BAHT(6980), "ค่าวัสดุสำนักงาน (กระดาษ หมึกพิมพ์) ภาคเรียนที่ 1/2558");
	spend(&sp, D(2015, 7, 21), 4, CAT_USE, BAHT(4600), "ค่าจ้างเหมาถ่ายเอกสารแบบติดตามโครงการตามนโยบาย");

	/* 5 เครือข่าย (0: ถัวจ่าย). */
	spend(&sp, D(2015, 1, 20), 5, CAT_USE, BAHT(4200), "ค่าอาหารว่างและเครื่องดื่ม ประชุมเครือข่ายพัฒนาคุณภาพการศึกษา");
	spend(&sp, D(2015, 7, 14), 5, CAT_USE, BAHT(3800), "ค่าอาหารว่างและเครื่องดื่ม ประชุมเครือข่ายพัฒนาคุณภาพการศึกษา");

	/* 6 Online (50,000): one utility bill, a category nithet warns about. */
	spend(&sp, D(2014, 10, 15), 6, CAT_USE, BAHT(6000), "ค่าเช่าพื้นที่และโดเมนเว็บไซต์กลุ่มนิเทศฯ 1 ปี");
	spend(&sp, D(2014, 11, 20), 6, CAT_MAT, BAHT(8300), "ค่าวัสดุคอมพิวเตอร์ (ฮาร์ดดิสก์ภายนอก เมาส์ แป้นพิมพ์)");
	spend(&sp, D(2015, 9, 25), 6, CAT_UTIL, BAHT(7200), "ค่าบริการอินเทอร์เน็ตความเร็วสูง ต.ค. 57 – ก.ย. 58");

	/* 7 ระดับเขตพื้นที่ (0: ถัวจ่าย). */
	spend(&sp, D(2015, 5, 29), 7, CAT_USE, BAHT(4800), "ค่าน้ำมันเชื้อเพลิง ตรวจเยี่ยมความพร้อมการเปิดภาคเรียนที่ 1/2558");

	/* 8 แผน (30,000): overspent, then a refund of an unused advance. */
	spend(&sp, D(2015, 1, 16), 8, CAT_PAY, BAHT(7200), "ค่าตอบแทนวิทยากร ประชุมปฏิบัติการจัดทำแผนการนิเทศฯ");
	spend(&sp, D(2015, 1, 16), 8, CAT_USE, BAHT(12780), "ค่าอาหารกลางวัน อาหารว่างและเครื่องดื่ม 3 วัน");
	spend(&sp, D(2015, 1, 16), 8, CAT_USE, BAHT(9600), "ค่าที่พักผู้เข้าประชุมปฏิบัติการ 2 คืน");
	spend(&sp, D(2015, 1, 23), 8, CAT_MAT, BAHT(5950), "ค่าจัดพิมพ์และเข้าเล่มแผนการนิเทศฯ ปีงบประมาณ 2558");
	spend(&sp, D(2015, 1, 30), 8, CAT_USE, -BAHT(1250),
	      "คืนเงินยืมทดรองราชการส่วนที่เหลือจ่าย (ค่าที่พัก) สัญญาการยืมเงินเลขที่ 12/2558");

	/* 9 รายงาน (30,000). */
	spend(&sp, D(2015, 9, 23), 9, CAT_PAY, BAHT(4800), "ค่าตอบแทนวิทยากร ประชุมปฏิบัติการจัดทำรายงานการนิเทศฯ");
	spend(&sp, D(2015, 9, 23), 9, CAT_USE, BAHT(11160), "ค่าอาหารกลางวัน อาหารว่างและเครื่องดื่ม 3 วัน");
	spend(&sp, D(2015, 9, 28), 9, CAT_MAT, BAHT(12000), "ค่าจัดพิมพ์และเข้าเล่มรายงานผลการนิเทศฯ ปีงบประมาณ 2558");

	/* 10 ก.ต.ป.น. (100,000): five meetings, so under budget. The third
	 * meeting's allowance and meals were paid on one document. */
	for (int i = 0, k = 0; i < c->nevents; i++) {
		const Event *e = &c->events[i];
		if (strcmp(e->type, "กตปน") != 0)
			continue;
		fmt(d, sizeof d, "เบี้ยประชุมคณะกรรมการ ก.ต.ป.น. ครั้งที่ %s", e->seq);
		spend(&sp, e->day, 10, CAT_PAY, BAHT((e->participants - 3) * 800), d);
		fmt(d, sizeof d, "ค่าอาหารกลางวันและอาหารว่าง ประชุม ก.ต.ป.น. ครั้งที่ %s", e->seq);
		spend(&sp, e->day, 10, CAT_USE, BAHT(e->participants * 120), d)->same_doc = k == 2;
		fmt(d, sizeof d, "ค่าจัดทำเอกสารประกอบการประชุม ก.ต.ป.น. ครั้งที่ %s", e->seq);
		spend(&sp, e->day - 2, 10, CAT_MAT, BAHT(rng_range(&r, 12, 18) * 100), d);
		k++;
	}

	/* 11 KM (30,000). */
	spend(&sp, D(2014, 10, 14), 11, CAT_MAT, BAHT(3000), "ค่าวัสดุสำนักงานสำหรับกิจกรรมแลกเปลี่ยนเรียนรู้ (KM)")->plain = 1;
	static const int q[4][3] = { {2014, 12, 23}, {2015, 3, 31}, {2015, 6, 30}, {2015, 9, 22} };
	for (int i = 0; i < 4; i++) {
		fmt(d, sizeof d, "ค่าอาหารว่างและเครื่องดื่ม KM วันอังคาร ไตรมาสที่ %d", i + 1);
		spend(&sp, D(q[i][0], q[i][1], q[i][2]), 11, CAT_USE, BAHT(1650), d);
	}

	long long total = 0;
	for (int i = 0; i < sp.n; i++)
		total += sp.v[i].satang;
	if (total >= BAHT(500000))
		die("internal: spending %lld satang reaches the project total", total);

	qsort(sp.v, (size_t)sp.n, sizeof *sp.v, cmp_spend);
	static const char *const cols[] = {
		"txn_id", "date", "activity_no", "category", "amount", "doc_no", "description"
	};
	Out o;
	out_open(&o, c->out, "spending.csv", "\r\n", 0, 1);
	out_header(&o, cols, N_(cols));
	int doc = 11;
	for (int i = 0; i < sp.n; i++) {
		const Spend *x = &sp.v[i];
		char buf[64];
		out_fieldf(&o, "T%03d", i + 1);
		fmt_date(buf, sizeof buf, x->day, DF_BE_SLASH);
		out_field(&o, buf);
		out_int(&o, x->act);
		out_field(&o, x->cat);
		fmt_money(buf, sizeof buf, x->satang, x->plain);
		out_field(&o, buf);
		if (!x->same_doc)
			doc += (int)rng_range(&r, 1, 9);
		out_fieldf(&o, "บค %04d/2558", doc);
		out_field(&o, x->desc);
		out_endrow(&o);
	}
	out_close(&o);
	free(sp.v);
}

/* ------------------------------------------------------------------ */
/* practices.csv (best practices) and online.csv (activity 6 log). */

static const char *const BP_ACAD[] = {
	"การพัฒนาทักษะการอ่านออกเขียนได้ด้วยแบบฝึก “%sโมเดล”",
	"การยกระดับผลสัมฤทธิ์ทางการเรียนคณิตศาสตร์ด้วยเทคนิคบาร์โมเดล",
	"ชุดกิจกรรมพัฒนาการคิดวิเคราะห์ วิชาวิทยาศาสตร์ ชั้นประถมศึกษาปีที่ 6",
	"การสอนภาษาอังกฤษด้วยเพลงและเกม โรงเรียน%s",
	"ห้องเรียนคุณภาพด้วยการนิเทศแบบเพื่อนช่วยเพื่อน",
	"การพัฒนาทักษะการเขียนสื่อความด้วยแผนผังความคิด ชั้นประถมศึกษาปีที่ 4",
	"การสอนคละชั้นในโรงเรียนขนาดเล็กด้วยบทเรียนสำเร็จรูป",
	"แบบฝึกทักษะการคัดลายมือสวย “%sคัดไทย”",
	"การจัดการเรียนรู้แบบโครงงานตามหลักปรัชญาของเศรษฐกิจพอเพียง",
	"การแก้ปัญหานักเรียนอ่านไม่ออกเขียนไม่ได้ด้วยบัตรคำพื้นบ้านปักษ์ใต้",
	"ค่ายวิทยาศาสตร์สร้างนักคิด"
};
static const char *const BP_ADMIN[] = {
	"การบริหารจัดการโรงเรียนขนาดเล็กแบบมีส่วนร่วม “%sโมเดล”",
	"ระบบดูแลช่วยเหลือนักเรียนด้วยเครือข่ายผู้ปกครอง",
	"การบริหารงานวิชาการด้วยวงจรคุณภาพ PDCA",
	"การระดมทรัพยากรจากชุมชนเพื่อพัฒนาแหล่งเรียนรู้",
	"ระบบนิเทศภายในแบบกัลยาณมิตร “%sโมเดล”"
};
static const char *const BP_STUDENT[] = {
	"ธนาคารขยะรีไซเคิลสร้างนิสัยประหยัด",
	"สภานักเรียนกับการขับเคลื่อนโรงเรียนสุจริต",
	"ลานกีฬาต้านยาเสพติด บ้าน วัด โรงเรียน",
	"ออมทรัพย์วันละบาทสร้างวินัยทางการเงิน",
	"โรงเรียนปลอดขยะด้วยกระบวนการ 3R"
};

typedef struct Practice {
	long day;
	int school;
	char title[320];
	const char *kind, *area, *channel, *level;
	int order;
} Practice;

static int cmp_practice(const void *a, const void *b)
{
	const Practice *x = a, *y = b;
	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->order > y->order) - (x->order < y->order);
}

static void write_practices(Ctx *c)
{
	Rng r;
	rng_init(&r, c->seed, ST_PRACTICE, 0);
	int nact = 0;
	Keyed *kv = mem_array((size_t)c->nschools, sizeof *kv);
	for (int i = 0; i < c->nschools; i++)
		if (c->schools[i].active) {
			kv[nact].key = -(c->schools[i].quality + (long)rng_tri(&r, 120));
			kv[nact++].idx = i;
		}
	qsort(kv, (size_t)nact, sizeof *kv, cmp_keyed);
	int nbp = c->bundled ? 26 : nact * 22 / 100;
	int ntwo = c->bundled ? 3 : nbp / 10;
	Practice *p = mem_array((size_t)(nbp + ntwo), sizeof *p);
	int n = 0;
	static const char *const channels[] = { "เว็บไซต์", "เอกสาร", "เวทีนำเสนอ", "สื่อออนไลน์" };
	Days win = { 0 };
	days_add_range(&win, D(2015, 3, 2), D(2015, 9, 25));
	for (int k = 0; k < nbp + ntwo; k++) {
		int si = kv[k < nbp ? k : k - nbp].idx;
		Practice *x = &p[n];
		x->school = si;
		x->order = n++;
		int u = (int)rng_below(&r, 100);
		const char *tpl;
		if (u < 60) { x->area = "วิชาการ"; tpl = PICK(&r, BP_ACAD); }
		else if (u < 80) { x->area = "บริหาร"; tpl = PICK(&r, BP_ADMIN); }
		else { x->area = "กิจการนักเรียน"; tpl = PICK(&r, BP_STUDENT); }
		const char *stem = name_stem(c->schools[si].name);
		if (strstr(tpl, "%s")) {
			const char *pct = strstr(tpl, "%s");
			fmt(x->title, sizeof x->title, "%.*s%s%s", (int)(pct - tpl), tpl,
			    strstr(tpl, "โรงเรียน%s") ? c->schools[si].name : stem, pct + 2);
		} else {
			fmt(x->title, sizeof x->title, "%s", tpl);
		}
		x->kind = rng_pm(&r, 600) ? "BP" : "นวัตกรรม";
		/* Not every practice reached the public: no channel, not counted
		 * by indicator 6.4. */
		x->channel = rng_pm(&r, 170) ? "" : PICK(&r, channels);
		x->day = strcmp(x->channel, "เวทีนำเสนอ") == 0 ? D(2015, 8, 20) : days_pick(&r, &win);
		u = (int)rng_below(&r, 1000);
		x->level = u < 550 ? "เขต" : u < 800 ? "จังหวัด" : u < 950 ? "ภาค" : "ชาติ";
	}
	free(win.d);
	free(kv);
	qsort(p, (size_t)n, sizeof *p, cmp_practice);

	static const char *const cols[] = {
		"bp_id", "school_code", "title", "kind", "area", "published_date", "channel",
		"url_or_ref", "level"
	};
	Out o;
	out_open(&o, c->out, "practices.csv", "\n", 0, 0);
	out_header(&o, cols, N_(cols));
	for (int i = 0; i < n; i++) {
		const Practice *x = &p[i];
		char id[16], date[32];
		fmt(id, sizeof id, n < 1000 ? "B%03d" : "B%06d", i + 1);
		fmt_date(date, sizeof date, x->day, DF_ISO);
		out_field(&o, id);
		out_field(&o, c->schools[x->school].code);
		out_field(&o, x->title);
		out_field(&o, x->kind);
		out_field(&o, x->area);
		out_field(&o, date);
		out_field(&o, x->channel);
		if (strcmp(x->channel, "เว็บไซต์") == 0)
			out_fieldf(&o, "http://bp.example.go.th/2558/%s", id);
		else if (strcmp(x->channel, "เอกสาร") == 0)
			out_fieldf(&o, "เอกสารเผยแพร่ลำดับที่ %d/2558", i + 1);
		else if (strcmp(x->channel, "เวทีนำเสนอ") == 0)
			out_field(&o, "งานมหกรรมวิชาการ สพป.พัทลุง เขต 2 ปีการศึกษา 2557");
		else if (strcmp(x->channel, "สื่อออนไลน์") == 0)
			out_field(&o, "กลุ่ม Facebook นิเทศ สพป.พท.2");
		else
			out_field(&o, "");
		out_field(&o, x->level);
		out_endrow(&o);
	}
	out_close(&o);
	free(p);
}

static const char *const ONLINE_TOPICS[] = {
	"เผยแพร่แนวทางการคัดกรองนักเรียนอ่านไม่ออกเขียนไม่ได้",
	"แจ้งปฏิทินการนิเทศประจำเดือน",
	"แบ่งปันสื่อการสอนคณิตศาสตร์",
	"ตอบข้อซักถามการจัดทำรายงานการประเมินตนเอง",
	"เผยแพร่ตัวอย่างแผนการจัดการเรียนรู้",
	"ถ่ายทอดสดการประชุมชี้แจงการสอบ O-NET",
	"ประชาสัมพันธ์ผลงานวิธีปฏิบัติที่เป็นเลิศของโรงเรียน",
	"สรุปผลการนิเทศประจำเดือน",
	"แบบติดตามการนิเทศภายในออนไลน์"
};

static void write_online(Ctx *c)
{
	static const char *const cols[] = { "date", "channel", "school_code", "topic", "items_posted", "contacts" };
	static const char *const channels[] = { "เว็บไซต์", "Facebook group", "LINE", "e-mail", "VDO" };
	Rng r;
	rng_init(&r, c->seed, ST_ONLINE, 0);
	Out o;
	out_open(&o, c->out, "online.csv", "\r\n", 0, 0);
	out_header(&o, cols, N_(cols));
	for (int k = 0; k < 12; k++) {
		int m = (k + 9) % 12 + 1, y = k < 3 ? 2014 : 2015;
		Days month = { 0 };
		days_add_range(&month, D(y, m, 1), last_workday_of_month(y, m));
		int n = (int)rng_range(&r, 4, 9);
		long *days = mem_array((size_t)n, sizeof *days);
		for (int i = 0; i < n; i++)
			days[i] = days_pick(&r, &month);
		for (int i = 1; i < n; i++)
			for (int j = i; j > 0 && days[j - 1] > days[j]; j--) {
				long t = days[j];
				days[j] = days[j - 1];
				days[j - 1] = t;
			}
		for (int i = 0; i < n; i++) {
			char date[32];
			const char *ch = PICK(&r, channels);
			int personal = strcmp(ch, "LINE") == 0 || strcmp(ch, "e-mail") == 0;
			fmt_date(date, sizeof date, days[i], DF_ISO);
			out_field(&o, date);
			out_field(&o, ch);
			out_field(&o, personal && rng_pm(&r, 600)
			          ? c->schools[first_active(c, (int)rng_below(&r, (uint64_t)c->nschools))].code : "");
			out_field(&o, PICK(&r, ONLINE_TOPICS));
			out_int(&o, rng_range(&r, 1, 6));
			out_int(&o, personal ? rng_range(&r, 1, 15) : rng_range(&r, 20, 180));
			out_endrow(&o);
		}
		free(days);
		free(month.d);
	}
	out_close(&o);
}

/* ------------------------------------------------------------------ */

static void setup_days(Ctx *c)
{
	/* School terms: the end of term 1/2557, term 2/2557, term 1/2558. */
	days_add_range(&c->schooldays, D(2014, 10, 1), D(2014, 10, 10));
	days_add_range(&c->schooldays, D(2014, 11, 3), D(2015, 4, 1));
	days_add_range(&c->schooldays, D(2015, 5, 18), D(2015, 9, 30));
	days_add_range(&c->workdays, D(2014, 10, 1), D(2015, 9, 30));
	days_add_range(&c->dec, D(2014, 12, 1), D(2014, 12, 26));
	days_add_range(&c->round1, D(2015, 1, 12), D(2015, 2, 27));
	days_add_range(&c->round2, D(2015, 7, 1), D(2015, 8, 28));
	days_add_range(&c->survey, D(2015, 8, 3), D(2015, 9, 25));
}

static long parse_num(const char *opt, const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		die("%s wants a whole number from %ld to %ld (got \"%s\")", opt, lo, hi, s);
	return v;
}

static void usage(FILE *f)
{
	fputs("usage: gen-sample [--seed N] [--schools N] [--visits-per-school N] --out DIR\n"
	      "       gen-sample --national [--seed N] --out DIR\n"
	      "       gen-sample --images --out DIR     (the emblem and the photos only)\n"
	      "Writes the sample input of nithet (every file but plan.xml) into DIR.\n"
	      "Defaults: seed 2558, 118 schools: 117 active and one merged (the bundled set of สพป.พัทลุง เขต 2),\n"
	      "20 visits per school. --national: 30,000 schools, 100 visits each\n"
	      "(about 3 million visit rows), streamed.\n", f);
}

int main(int argc, char **argv)
{
	Ctx c;
	memset(&c, 0, sizeof c);
	c.seed = DEFAULT_SEED;
	long schools = -1, vps = -1;
	int images = 0;       /* --images: the emblem and the photos only */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(a, "--national") == 0) {
			c.national = 1;
			continue;
		}
		if (strcmp(a, "--images") == 0) {
			images = 1;
			continue;
		}
		if (i + 1 >= argc)
			die("%s: unknown option or missing value (try --help)", a);
		if (strcmp(a, "--seed") == 0)
			c.seed = (uint64_t)parse_num(a, argv[++i], 0, 2147483647L);
		else if (strcmp(a, "--schools") == 0)
			schools = parse_num(a, argv[++i], 1, MAX_SCHOOLS);
		else if (strcmp(a, "--visits-per-school") == 0)
			vps = parse_num(a, argv[++i], 1, MAX_VPS);
		else if (strcmp(a, "--out") == 0)
			c.out = argv[++i];
		else
			die("%s: unknown option (try --help)", a);
	}
	if (!c.out) {
		usage(stderr);
		return 2;
	}
	c.nschools = (int)(schools > 0 ? schools : c.national ? NATIONAL_SCHOOLS : DEFAULT_SCHOOLS);
	c.vps = (int)(vps > 0 ? vps : c.national ? NATIONAL_VPS : DEFAULT_VPS);
	c.bundled = !c.national && c.nschools == DEFAULT_SCHOOLS;
	c.collect = (long)c.nschools * c.vps <= SORT_LIMIT;
	/* Activities 2 and 3 are fixed (about 1.8 visits per school); 4, 6
	 * and 7 (19.1 per school at scale 1000) stretch to the rest. */
	c.scale_pm = ((long)c.vps * 1000 - 1800) * 1000 / 19100;
	if (c.scale_pm < 0)
		c.scale_pm = 0;
	if (mkdir(c.out, 0777) != 0 && errno != EEXIST)
		die("cannot create %s: %s", c.out, strerror(errno));
	if (images) {
		write_emblem(&c);
		write_photos(&c);
		return 0;
	}

	setup_days(&c);
	setup_districts(&c);
	setup_staff(&c);
	setup_schools(&c);
	setup_groups(&c);
	setup_events(&c);
	setup_attendance(&c);

	write_schools(&c);
	write_networks(&c);
	write_staff(&c);
	write_visits(&c);
	write_evaluations(&c);
	write_surveys(&c);
	write_spending(&c);
	write_meetings(&c);
	write_attendance(&c);
	write_resolutions(&c);
	write_narrative(&c);
	write_emblem(&c);
	write_photos(&c);
	write_last_year(&c);
	write_practices(&c);
	write_online(&c);

	free(c.schooldays.d);
	free(c.workdays.d);
	free(c.dec.d);
	free(c.round1.d);
	free(c.round2.d);
	free(c.survey.d);
	free(c.dists);
	free(c.schools);
	free(c.nets);
	free(c.staff);
	free(c.events);
	free(c.att);
	return 0;
}
