/* json.h - the one JSON string writer (the indicators export, the run's
 * summary). */
#ifndef NITHET_JSON_H
#define NITHET_JSON_H

#include <stdio.h>

/* s as a JSON string: quotes, backslashes and control characters escaped;
 * UTF-8 passes through as it is. NULL is written as "". */
void json_string(FILE *out, const char *s);

#endif
