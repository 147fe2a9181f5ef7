/* main.c - runs every registered unit test; prints "N passed, N failed". */
#include "test.h"

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
