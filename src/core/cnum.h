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

#endif
