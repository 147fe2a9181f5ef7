/* fuzz_plan.c - libFuzzer target: plan.xml through the parser, the XSD and
 * the plan loader's own checks (the schema is compiled once). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* plan_load reads a path; the schema path is relative to the repository,
	 * where tests/fuzz/run.sh starts the fuzzer from. */
	static char path[64], xsd[4096];
	if (path[0] == '\0') {
		snprintf(path, sizeof(path), "/tmp/nithet-fuzz-plan-%ld.xml", (long)getpid());
		if (getcwd(xsd, sizeof(xsd) - 32) == NULL)
			return 0;
		snprintf(xsd + strlen(xsd), 32, "/../../../config/plan.xsd");
	}
	FILE *fp = fopen(path, "wb");
	if (fp == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	plan_load(a, path, xsd, 64, 1 << 20, d);
	diag_free(d);
	arena_free(a);
	return 0;
}
