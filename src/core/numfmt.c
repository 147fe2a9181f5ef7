/* numfmt.c - thousands separators, exact decimal rounding, BAHTTEXT, money parsing (see numfmt.h). */
#include "numfmt.h"
#include "core/cnum.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- output sink: snprintf convention without splitting a piece ---- */

/* Pieces (a digit, a Thai word) are written whole or not at all, so a
 * truncated result never ends in half a UTF-8 character. Once one piece does
 * not fit, nothing more is written, but the length keeps counting. */
typedef struct Sink {
	char *out;
	size_t size;
	size_t len;       /* full length needed so far */
	size_t written;   /* bytes actually in out */
} Sink;

static Sink
sink_make(char *out, size_t size)
{
	return (Sink){ out, size, 0, 0 };
}

static void
sink_put(Sink *k, const char *s, size_t n)
{
	if (k->written == k->len && k->len + n < k->size) {
		memcpy(k->out + k->len, s, n);
		k->written += n;
	}
	k->len += n;
}

static void
sink_str(Sink *k, const char *s)
{
	sink_put(k, s, strlen(s));
}

/* One ASCII digit, as Thai ๐-๙ (U+0E50.., E0 B9 90..99) when thai is set. */
static void
sink_digit(Sink *k, char c, int thai)
{
	if (thai) {
		char t[3] = { (char)0xE0, (char)0xB9, (char)(0x90 + (c - '0')) };
		sink_put(k, t, 3);
	} else {
		sink_put(k, &c, 1);
	}
}

static size_t
sink_end(Sink *k)
{
	if (k->size > 0)
		k->out[k->written] = '\0';
	return k->len;
}

/* ---- decimal rendering ---- */

/* Decimal digits of v into buf (at least 21 bytes), no leading zeros ("0"
 * for 0). Returns the digit count. */
static size_t
u64_digits(unsigned long long v, char *buf)
{
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

/* Writes [-]int.frac: ip holds ni integer digits (leading zeros are
 * skipped), fp holds nf fraction digits (nf 0 = no point). The sign is
 * dropped when every printed digit is 0, so -0.001 rounded is "0.00". */
static void
emit_decimal(Sink *k, int neg, const char *ip, size_t ni, const char *fp,
	size_t nf, unsigned flags)
{
	int thai = (flags & NUM_THAI_DIGITS) != 0;
	int group = !(flags & NUM_NO_GROUPING);
	while (ni > 1 && ip[0] == '0') {
		ip++;
		ni--;
	}
	if (ni == 0) {
		ip = "0";
		ni = 1;
	}
	int nonzero = 0;
	for (size_t i = 0; i < ni; i++)
		nonzero |= ip[i] != '0';
	for (size_t i = 0; i < nf; i++)
		nonzero |= fp[i] != '0';
	if (neg && nonzero)
		sink_put(k, "-", 1);
	for (size_t i = 0; i < ni; i++) {
		if (group && i > 0 && (ni - i) % 3 == 0)
			sink_put(k, ",", 1);
		sink_digit(k, ip[i], thai);
	}
	if (nf > 0) {
		sink_put(k, ".", 1);
		for (size_t i = 0; i < nf; i++)
			sink_digit(k, fp[i], thai);
	}
}

enum { DEC_MAX = 9, DIGITS_MAX = 400 };

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* d[0..n) holds ni integer digits then at least dec + 1 fraction digits,
 * and d[-1] is writable. Rounds half away from zero at dec places: the
 * magnitude goes up exactly when the first dropped digit is 5 or more (a
 * tail of ...5000 is a tie, which rounds away from zero too). Then emits. */
static void
emit_rounded(Sink *k, int neg, char *d, size_t ni, int dec, unsigned flags)
{
	size_t keep = ni + (size_t)dec;
	if (d[keep] >= '5') {
		size_t i = keep;
		while (i > 0 && d[i - 1] == '9') {
			d[i - 1] = '0';
			i--;
		}
		if (i > 0) {
			d[i - 1]++;
		} else {
			d--;          /* carry out of the top digit: 999.995 -> 1000.00 */
			d[0] = '1';
			ni++;
		}
	}
	emit_decimal(k, neg, d, ni, d + ni, (size_t)dec, flags);
}

size_t
num_thai_letter(long n, char *out, size_t size)
{
	/* The consonants U+0E01..U+0E2E as Thai lists are lettered: without
	 * the obsolete ฃ ฅ, without ฆ (never a list letter), and without the
	 * vowels ฤ ฦ that sit among them. */
	static const unsigned char skip[] = { 0x03, 0x05, 0x06, 0x24, 0x26 };
	unsigned char order[46];
	size_t k = 0;
	for (unsigned char c = 0x01; c <= 0x2E; c++)
		if (memchr(skip, c, sizeof skip) == NULL)
			order[k++] = c;
	char buf[32];
	size_t len = 0;
	if (n < 1)
		n = 1;
	/* Bijective base k: 1..k are one letter, then two. */
	char rev[32];
	size_t nr = 0;
	while (n > 0 && nr + 3 <= sizeof rev) {
		long d = (n - 1) % (long)k;
		rev[nr++] = (char)order[d];
		n = (n - 1) / (long)k;
	}
	while (nr > 0) {
		unsigned char c = (unsigned char)rev[--nr];
		buf[len++] = (char)0xE0;
		buf[len++] = (char)0xB8;
		buf[len++] = (char)(0x80 + c);
	}
	if (size > 0) {
		size_t m = len < size - 1 ? len : size - 1;
		memcpy(out, buf, m);
		out[m] = '\0';
	}
	return len;
}

size_t
num_format_int(long long v, unsigned flags, char *out, size_t size)
{
	Sink k = sink_make(out, size);
	unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char buf[24];
	size_t n = u64_digits(mag, buf);
	emit_decimal(&k, v < 0, buf, n, NULL, 0, flags);
	return sink_end(&k);
}

size_t
num_format_money(long long satang, unsigned flags, char *out, size_t size)
{
	Sink k = sink_make(out, size);
	unsigned long long mag = satang < 0 ? 0ULL - (unsigned long long)satang
	                                    : (unsigned long long)satang;
	char ip[24], fp[2];
	size_t n = u64_digits(mag / 100, ip);
	unsigned st = (unsigned)(mag % 100);
	fp[0] = (char)('0' + st / 10);
	fp[1] = (char)('0' + st % 10);
	size_t nf = (st == 0 && (flags & NUM_TRIM_SATANG)) ? 0 : 2;
	emit_decimal(&k, satang < 0, ip, n, fp, nf, flags);
	return sink_end(&k);
}

/* r * 10 = q * den + r' with r < den <= 2^63, without overflowing: r + r
 * stays below 2^64 because both are below 2^63. Returns q (0..9). */
static int
next_digit(unsigned long long *r, unsigned long long den)
{
	unsigned long long acc = 0;
	int q = 0;
	for (int i = 0; i < 10; i++) {
		acc += *r;
		if (acc >= den) {
			acc -= den;
			q++;
		}
	}
	*r = acc;
	return q;
}

size_t
num_format_quotient(long long num, long long den, int scale10, int decimals,
	unsigned flags, char *out, size_t size)
{
	assert(scale10 >= 0 && scale10 <= 9 && decimals >= 0 && decimals <= DEC_MAX);
	/* Clamped as well, so that a release build (NDEBUG) cannot overrun buf. */
	scale10 = clamp(scale10, 0, 9);
	decimals = clamp(decimals, 0, DEC_MAX);
	Sink k = sink_make(out, size);
	if (den == 0) {
		sink_put(&k, "-", 1);
		return sink_end(&k);
	}
	unsigned long long n = num < 0 ? 0ULL - (unsigned long long)num : (unsigned long long)num;
	unsigned long long d = den < 0 ? 0ULL - (unsigned long long)den : (unsigned long long)den;

	/* Long division: the integer quotient, then scale10 + decimals + 1
	 * exact fraction digits; the scale moves the first scale10 of them
	 * into the integer part. */
	char buf[64];
	char *digits = buf + 1;
	size_t ni = u64_digits(n / d, digits);
	unsigned long long r = n % d;
	size_t nfrac = (size_t)scale10 + (size_t)decimals + 1;
	for (size_t i = 0; i < nfrac; i++)
		digits[ni + i] = (char)('0' + next_digit(&r, d));
	emit_rounded(&k, (num < 0) != (den < 0), digits, ni + (size_t)scale10,
		decimals, flags);
	return sink_end(&k);
}

size_t
num_format_percent(long long num, long long den, unsigned flags, char *out, size_t size)
{
	return num_format_quotient(num, den, 2, 2, flags, out, size);
}

/* The shortest decimal digits that read back as v (finite, > 0): the
 * digits d1 d2 ... go into dig (17 at most) and v = d1.d2d3... x 10^*exp10.
 * Returns the digit count. Printed and read back in the C locale (cnum.h),
 * and the exponent read by the one checked parser. */
static size_t
shortest_digits(double v, char *dig, int *exp10)
{
	/* If p significant digits read back as v, so do p + 1 (conversions are
	 * correctly rounded), so the shortest p is found by bisection; 17
	 * digits always suffice for a double. */
	char buf[64];
	int lo = 1, hi = 17;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		c_snprintf(buf, sizeof buf, "%.*e", mid - 1, v);
		if (c_strtod(buf, NULL) == v)
			hi = mid;
		else
			lo = mid + 1;
	}
	c_snprintf(buf, sizeof buf, "%.*e", lo - 1, v);
	size_t n = 0;
	const char *p = buf;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			dig[n++] = *p;
	long long e = 0;
	if (*p == 'e')
		(void)c_strtonum_prefix(p + 1, NULL, -400, 400, &e);   /* a double's: -324..308 */
	*exp10 = (int)e;
	while (n > 1 && dig[n - 1] == '0')
		n--;
	return n;
}

size_t
num_format_double(double v, int decimals, unsigned flags, char *out, size_t size)
{
	assert(decimals >= 0 && decimals <= DEC_MAX);
	decimals = clamp(decimals, 0, DEC_MAX);
	Sink k = sink_make(out, size);
	if (isnan(v) || isinf(v)) {
		sink_put(&k, "-", 1);
		return sink_end(&k);
	}
	int neg = signbit(v) != 0;
	double a = fabs(v);
	char buf[DIGITS_MAX];
	char *d = buf + 1;
	size_t ni, nd = 0;
	if (a == 0) {
		d[0] = '0';
		ni = 1;
	} else {
		char dig[24];
		int e;
		size_t n = shortest_digits(a, dig, &e);
		/* Place the digits around the decimal point: ni integer digits
		 * (at least one), then the fraction, zero-padded. */
		long point = (long)e + 1;   /* digits before the point */
		if (point <= 0) {
			d[0] = '0';
			ni = 1;
			for (long z = 0; z < -point && nd < (size_t)decimals + 1; z++)
				d[ni + nd++] = '0';
			for (size_t i = 0; i < n && nd < (size_t)decimals + 1; i++)
				d[ni + nd++] = dig[i];
		} else {
			/* |v| < 1.8e308 has at most 309 integer digits. */
			ni = (size_t)point;
			for (size_t i = 0; i < ni; i++)
				d[i] = i < n ? dig[i] : '0';
			for (size_t i = ni; i < n && nd < (size_t)decimals + 1; i++)
				d[ni + nd++] = dig[i];
		}
	}
	while (nd < (size_t)decimals + 1)
		d[ni + nd++] = '0';
	emit_rounded(&k, neg, d, ni, decimals, flags);
	return sink_end(&k);
}

/* ---- BAHTTEXT ---- */

static const char *const th_digit[10] = {
	"ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"
};
/* Place names for 10^2 .. 10^5 (index = power). */
static const char *const th_place[6] = { "", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน" };

/* One group of six digits, 1..999999, as Excel spells it: หนึ่งร้อยหนึ่ง for
 * 101 (เอ็ด only right after a non-zero tens digit: สิบเอ็ด, ยี่สิบเอ็ด),
 * สิบ not หนึ่งสิบ, ยี่สิบ not สองสิบ. */
static void
baht_group(Sink *k, unsigned v)
{
	static const unsigned pow10[6] = { 1, 10, 100, 1000, 10000, 100000 };
	for (int p = 5; p >= 2; p--) {
		unsigned dgt = v / pow10[p] % 10;
		if (dgt) {
			sink_str(k, th_digit[dgt]);
			sink_str(k, th_place[p]);
		}
	}
	unsigned tens = v / 10 % 10, ones = v % 10;
	if (tens == 2)
		sink_str(k, "ยี่");
	else if (tens >= 3)
		sink_str(k, th_digit[tens]);
	if (tens > 0)
		sink_str(k, "สิบ");
	if (ones == 1 && tens > 0)
		sink_str(k, "เอ็ด");
	else if (ones > 0)
		sink_str(k, th_digit[ones]);
}

size_t
num_baht_text(long long satang, char *out, size_t size)
{
	Sink k = sink_make(out, size);
	unsigned long long mag = satang < 0 ? 0ULL - (unsigned long long)satang
	                                    : (unsigned long long)satang;
	unsigned long long baht = mag / 100;
	unsigned st = (unsigned)(mag % 100);
	if (satang < 0)
		sink_str(&k, "ลบ");

	/* Baht in groups of six digits, most significant first; every group
	 * below the top one is preceded by ล้าน even when it is zero, so that
	 * 10^12 reads หนึ่งล้านล้าน. A long long baht has at most 17 digits. */
	unsigned groups[4];
	int ng = 0;
	for (unsigned long long b = baht; b > 0; b /= 1000000)
		groups[ng++] = (unsigned)(b % 1000000);
	for (int g = ng - 1; g >= 0; g--) {
		if (groups[g] > 0)
			baht_group(&k, groups[g]);
		if (g > 0)
			sink_str(&k, "ล้าน");
	}
	if (baht == 0 && st == 0)
		sink_str(&k, th_digit[0]);
	if (baht > 0 || st == 0)
		sink_str(&k, "บาท");
	if (st == 0) {
		sink_str(&k, "ถ้วน");
	} else {
		baht_group(&k, st);
		sink_str(&k, "สตางค์");
	}
	return sink_end(&k);
}

/* ---- parsing ---- */

size_t
num_digit(const char *s, size_t len, int *digit)
{
	if (len >= 1 && s[0] >= '0' && s[0] <= '9') {
		*digit = s[0] - '0';
		return 1;
	}
	/* Thai digits U+0E50..U+0E59 are E0 B9 90..99 in UTF-8. */
	if (len >= 3 && (unsigned char)s[0] == 0xE0 && (unsigned char)s[1] == 0xB9 &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*digit = (unsigned char)s[2] - 0x90;
		return 3;
	}
	return 0;
}

/* What the scanner found in a number. */
typedef struct Scan {
	int neg;
	unsigned long long ip;   /* integer part */
	int overflow;            /* ip did not fit */
	size_t nfrac;            /* fraction digits written */
	unsigned frac2;          /* the first two fraction digits as 0..99 */
	int frac_nonzero;        /* any fraction digit is not 0 */
} Scan;

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int
has_prefix(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t n = strlen(lit);
	return len - pos >= n && memcmp(s + pos, lit, n) == 0;
}

/* Reads a run of digits at *pos into sc->ip; returns how many digits. */
static size_t
scan_digits(const char *s, size_t len, size_t *pos, Scan *sc)
{
	size_t count = 0;
	int dg;
	size_t used;
	while ((used = num_digit(s + *pos, len - *pos, &dg)) > 0) {
		if (sc->ip > (ULLONG_MAX - 9) / 10)
			sc->overflow = 1;
		else
			sc->ip = sc->ip * 10 + (unsigned)dg;
		*pos += used;
		count++;
	}
	return count;
}

/* The grammar shared by money and integers:
 *   space* [+|-] [฿] space* digits[,ddd]* [.digits | .-] space* [บาท] space*
 * money enables ฿ and บาท. Commas, when present, group by exactly three. */
static NumStatus
scan_number(const char *s, size_t len, int money, Scan *sc)
{
	memset(sc, 0, sizeof *sc);
	size_t pos = 0;
	while (pos < len && is_space(s[pos]))
		pos++;
	if (pos == len)
		return NUM_ERR_EMPTY;
	if (s[pos] == '-' || s[pos] == '+') {
		sc->neg = s[pos] == '-';
		pos++;
	}
	if (money && has_prefix(s, len, pos, "฿")) {
		pos += strlen("฿");
		while (pos < len && is_space(s[pos]))
			pos++;
	}
	size_t first = scan_digits(s, len, &pos, sc);
	if (first == 0)
		return NUM_ERR_FORMAT;
	if (pos < len && s[pos] == ',') {
		if (first > 3)
			return NUM_ERR_GROUPING;
		while (pos < len && s[pos] == ',') {
			pos++;
			size_t n = scan_digits(s, len, &pos, sc);
			if (n == 0)
				return NUM_ERR_FORMAT;
			if (n != 3)
				return NUM_ERR_GROUPING;
		}
	}
	if (pos < len && s[pos] == '.') {
		pos++;
		if (pos < len && s[pos] == '-') {
			pos++;      /* "1,500.-": whole baht, as Thai documents write it */
		} else {
			int dg;
			size_t used;
			size_t start = pos;
			while ((used = num_digit(s + pos, len - pos, &dg)) > 0) {
				if (sc->nfrac < 2)
					sc->frac2 = sc->frac2 * 10 + (unsigned)dg;
				sc->frac_nonzero |= dg != 0;
				sc->nfrac++;
				pos += used;
			}
			if (pos == start)
				return NUM_ERR_FORMAT;
			if (sc->nfrac == 1)
				sc->frac2 *= 10;
		}
	}
	if (pos < len && (s[pos] == 'e' || s[pos] == 'E')) {
		size_t p = pos + 1;
		if (p < len && (s[p] == '+' || s[p] == '-'))
			p++;
		int dg;
		return num_digit(s + p, len - p, &dg) ? NUM_ERR_EXPONENT : NUM_ERR_FORMAT;
	}
	while (pos < len && is_space(s[pos]))
		pos++;
	if (money && has_prefix(s, len, pos, "บาท")) {
		pos += strlen("บาท");
		while (pos < len && is_space(s[pos]))
			pos++;
	}
	if (pos != len)
		return NUM_ERR_FORMAT;
	if (sc->nfrac > 2)
		return NUM_ERR_PRECISION;
	return NUM_OK;
}

NumStatus
num_parse_money(const char *s, size_t len, long long *satang)
{
	Scan sc;
	NumStatus st = scan_number(s, len, 1, &sc);
	if (st != NUM_OK)
		return st;
	if (sc.overflow || sc.ip > ((unsigned long long)LLONG_MAX - sc.frac2) / 100)
		return NUM_ERR_RANGE;
	long long v = (long long)(sc.ip * 100 + sc.frac2);
	*satang = sc.neg ? -v : v;
	return NUM_OK;
}

NumStatus
num_parse_int(const char *s, size_t len, long long min, long long max, long long *out)
{
	Scan sc;
	NumStatus st = scan_number(s, len, 0, &sc);
	if (st != NUM_OK)
		return st;
	if (sc.frac_nonzero)
		return NUM_ERR_PRECISION;
	if (sc.overflow || sc.ip > (unsigned long long)LLONG_MAX)
		return NUM_ERR_RANGE;
	long long v = sc.neg ? -(long long)sc.ip : (long long)sc.ip;
	if (v < min || v > max)
		return NUM_ERR_RANGE;
	*out = v;
	return NUM_OK;
}

const char *
num_status_text(NumStatus st)
{
	switch (st) {
	case NUM_OK:            return "a valid number";
	case NUM_ERR_EMPTY:     return "the value is empty";
	case NUM_ERR_FORMAT:    return "not a number";
	case NUM_ERR_GROUPING:  return "a thousands separator is misplaced";
	case NUM_ERR_EXPONENT:  return "the number is in scientific notation";
	case NUM_ERR_PRECISION: return "too many decimal places";
	case NUM_ERR_RANGE:     return "the number is out of range";
	}
	return "unknown number status";
}

const char *
num_status_hint(NumStatus st)
{
	switch (st) {
	case NUM_OK:            return "";
	case NUM_ERR_EMPTY:     return "write a number";
	case NUM_ERR_FORMAT:    return "write digits only, e.g. 7,500.00 or 7500";
	case NUM_ERR_GROUPING:  return "group digits by three (7,500,000) or leave the commas out";
	case NUM_ERR_EXPONENT:  return "format the column as Number (or Text) in Excel and export it again";
	case NUM_ERR_PRECISION: return "write money with at most 2 decimals (1,234.00, not 1.234) and counts as whole numbers";
	case NUM_ERR_RANGE:     return "check the value";
	}
	return "";
}
