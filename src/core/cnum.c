/* cnum.c - numbers in the C locale, whatever the process's (see cnum.h). */
#define _GNU_SOURCE   /* strtod_l */
#include "core/cnum.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static locale_t c_locale;
static pthread_once_t c_once = PTHREAD_ONCE_INIT;

static void
make_c_locale(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static locale_t
the_c_locale(void)
{
	pthread_once(&c_once, make_c_locale);
	return c_locale;
}

double
c_strtod(const char *s, char **end)
{
	locale_t c = the_c_locale();
	return c != (locale_t)0 ? strtod_l(s, end, c) : strtod(s, end);
}

int
c_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	locale_t c = the_c_locale();
	locale_t old = c != (locale_t)0 ? uselocale(c) : (locale_t)0;
	int n = vsnprintf(buf, size, fmt, ap);
	if (old != (locale_t)0)
		uselocale(old);
	return n;
}

int
c_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = c_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

CnumStatus
c_strtonum_prefix(const char *s, const char **end, long long min, long long max, long long *out)
{
	const char *p = s;
	int neg = 0;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return s[0] == '\0' ? CNUM_EMPTY : CNUM_INVALID;
	/* Magnitudes up to LLONG_MAX + 1 (LLONG_MIN's). */
	unsigned long long v = 0, lim = (unsigned long long)LLONG_MAX + (neg ? 1 : 0);
	int over = 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (v > (lim - d) / 10)
			over = 1;
		else
			v = v * 10 + d;
	}
	if (end != NULL)
		*end = p;
	if (over)
		return CNUM_RANGE;
	long long x = neg ? (v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)v)
	                  : (long long)v;
	if (x < min || x > max)
		return CNUM_RANGE;
	*out = x;
	return CNUM_OK;
}

/* A prefix's status for the whole string: nothing may follow the number
 * (a number out of range with something after it is no number at all). */
static CnumStatus
whole(CnumStatus st, const char *end)
{
	if ((st == CNUM_OK || st == CNUM_RANGE) && *end != '\0')
		return CNUM_INVALID;
	return st;
}

CnumStatus
c_strtonum(const char *s, long long min, long long max, long long *out)
{
	const char *end = s;
	long long x = 0;
	CnumStatus st = c_strtonum_prefix(s, &end, min, max, &x);
	st = whole(st, end);
	if (st == CNUM_OK)
		*out = x;
	return st;
}

CnumStatus
c_strtodnum_prefix(const char *s, const char **end, double min, double max, double *out)
{
	/* Only decimal notation, scanned here: strtod alone would also take
	 * "0x1p3", "inf" and "nan". */
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	const char *digits = p;
	while (*p >= '0' && *p <= '9')
		p++;
	int before = p > digits;
	if (*p == '.') {
		const char *f = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (!before && p == f)
			p = digits;
	}
	if (p == digits)
		return s[0] == '\0' ? CNUM_EMPTY : CNUM_INVALID;
	if (*p == 'e' || *p == 'E') {
		const char *x = p + 1;
		if (*x == '+' || *x == '-')
			x++;
		if (*x >= '0' && *x <= '9') {
			while (*x >= '0' && *x <= '9')
				x++;
			p = x;
		}
	}
	if (end != NULL)
		*end = p;
	char buf[128];
	size_t n = (size_t)(p - s);
	if (n >= sizeof buf)
		return CNUM_RANGE;
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	double x = c_strtod(buf, NULL);
	if (errno == ERANGE || !isfinite(x) || x < min || x > max)
		return CNUM_RANGE;
	*out = x;
	return CNUM_OK;
}

CnumStatus
c_strtodnum(const char *s, double min, double max, double *out)
{
	const char *end = s;
	double x = 0;
	CnumStatus st = c_strtodnum_prefix(s, &end, min, max, &x);
	st = whole(st, end);
	if (st == CNUM_OK)
		*out = x;
	return st;
}
