/* cnum.h - numbers read and written the same in every locale.
 *
 * nithet never sets LC_NUMERIC, but the C library reads "1.5" and writes
 * 1.5 by it: in a program (or a test run) under fr_FR.UTF-8, strtod would
 * stop at the point and printf would write "1,5" into a report or a config
 * rule. These always use the C locale's point; make test runs the unit
 * tests a second time under fr_FR.UTF-8 to keep it so. */
#ifndef NITHET_CNUM_H
#define NITHET_CNUM_H

#include <stdarg.h>
#include <stddef.h>

/* strtod in the C locale. */
double c_strtod(const char *s, char **end);

/* snprintf and vsnprintf in the C locale. */
int c_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int c_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

/* The one checked number parser (as OpenBSD's strtonum): the whole of s is
 * an optional sign and decimal digits, and the value lies in [min, max].
 * Returns CNUM_OK and sets *out, or why not (and *out is untouched). Every
 * number nithet reads from a config, an option, a plan or a cell goes
 * through these, so no reader forgets the end, the range or overflow. */
typedef enum CnumStatus {
	CNUM_OK = 0,
	CNUM_EMPTY,      /* nothing to read */
	CNUM_INVALID,    /* not a number, or something after it */
	CNUM_RANGE       /* a number outside [min, max] */
} CnumStatus;

CnumStatus c_strtonum(const char *s, long long min, long long max, long long *out);

/* As c_strtonum for a number at the start of s followed by anything: *end
 * (when end is not NULL) points after its last digit. At least one digit. */
CnumStatus c_strtonum_prefix(const char *s, const char **end, long long min, long long max,
	long long *out);

/* A decimal number (c_strtod's syntax, no hex, no inf or nan), the whole of
 * s, in [min, max]. A number written in 128 characters or more is
 * CNUM_RANGE whatever its value (no input has a reason to). */
CnumStatus c_strtodnum(const char *s, double min, double max, double *out);

/* The same for a decimal number at the start of s; *end after it. */
CnumStatus c_strtodnum_prefix(const char *s, const char **end, double min, double max,
	double *out);

#endif
