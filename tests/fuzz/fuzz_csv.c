/* fuzz_csv.c - libFuzzer target: encoding detection, conversion and the CSV
 * reader over arbitrary bytes, with small limits so limit paths are reached. */
#include <stddef.h>
#include <stdint.h>

#include <stdlib.h>

#include "core/utf8.h"
#include "load/csvread.h"

static int
count_rows(void *ctx, const CsvRow *row)
{
	size_t *n = ctx;
	for (size_t i = 0; i < row->nfields; i++)
		*n += row->lens[i] + (row->fields[i][0] != 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const CsvLimits lim = { 1 << 20, 4096, 64, 10000 };
	/* The SIMD validator must agree with the scalar one on every input. */
	if (utf8_valid_prefix((const char *)data, size) !=
	    utf8_valid_prefix_scalar((const char *)data, size))
		abort();
	Diag *d = diag_new(NULL);
	size_t n = 0;
	csvread_buffer("fuzz.csv", (const char *)data, size, &lim, count_rows, &n, NULL, d);
	diag_free(d);
	return 0;
}
