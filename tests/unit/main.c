/* main.c - runs every registered unit test; prints "N passed, N failed". */
#include "test.h"

#include <locale.h>
#include <stdlib.h>

#include <stdarg.h>
#include <stdlib.h>

typedef struct { const char *name, *file; TestFn fn; } Test;

static Test tests[1024];
static size_t ntests;
static int current_failed;

void
test_register(const char *name, const char *file, TestFn fn)
{
	if (ntests == sizeof(tests) / sizeof(tests[0])) {
		fprintf(stderr, "too many tests: raise the limit in tests/unit/main.c\n");
		exit(2);
	}
	tests[ntests++] = (Test){ name, file, fn };
}

void
test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	current_failed = 1;
}

int
main(int argc, char **argv)
{
	/* The locale of the environment, all of it: make test runs the suite
	 * a second time with LC_NUMERIC=fr_FR.UTF-8 (a decimal comma), so a
	 * number read or written through the C library's locale would fail
	 * here. NITHET_TEST_LOCALE names the numeric locale the run must
	 * really have: a missing one fails the run instead of passing in C. */
	if (setlocale(LC_ALL, "") == NULL) {
		fprintf(stderr, "unit: the environment's locale is not installed (see locale -a; make deps makes them)\n");
		return 1;
	}
	const char *want = getenv("NITHET_TEST_LOCALE");
	const char *numeric = setlocale(LC_NUMERIC, NULL);
	if (want && *want && (numeric == NULL || strcmp(numeric, want) != 0)) {
		fprintf(stderr, "unit: LC_NUMERIC is %s, not %s: generate the locale (make deps)\n",
		    numeric ? numeric : "unset", want);
		return 1;
	}
	if (want && *want && strcmp(localeconv()->decimal_point, ",") != 0) {
		fprintf(stderr, "unit: %s has no decimal comma; the second run would prove nothing\n", want);
		return 1;
	}
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0;
	for (size_t i = 0; i < ntests; i++) {
		if (filter && strstr(tests[i].name, filter) == NULL)
			continue;
		current_failed = 0;
		tests[i].fn();
		if (current_failed) {
			fprintf(stderr, "FAIL %s (%s)\n", tests[i].name, tests[i].file);
			failed++;
		} else {
			passed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
