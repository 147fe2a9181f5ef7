/* cnum.c - numbers in the C locale, whatever the process's (see cnum.h). */
#define _GNU_SOURCE   /* strtod_l */
#include "core/cnum.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

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
