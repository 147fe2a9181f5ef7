/* fuzz_csv.c - libFuzzer target: encoding detection, conversion and the CSV
 * reader over arbitrary bytes, with small limits so limit paths are reached.
 * Differential: the SIMD UTF-8 validator against the scalar one, and the
 * reader's own splitting of lines against libcsv's (csvread_libcsv_only):
 * both must give the same rows, fields, status and messages. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "load/csvread.h"
#include "load/csvread_internal.h"

static void
mix(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *u = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ u[i]) * 1099511628211ULL;
	*h = (*h ^ 0xFF) * 1099511628211ULL; /* a separator */
}

static int
digest_row(void *ctx, const SourceRow *row)
{
	uint64_t *h = ctx;
	mix(h, &row->line, sizeof(row->line));
	mix(h, &row->nfields, sizeof(row->nfields));
	for (size_t i = 0; i < row->nfields; i++) {
		if (strlen(row->fields[i]) != row->lens[i])
			abort(); /* a field's length must be its string's */
		mix(h, row->fields[i], row->lens[i]);
	}
	return 0;
}

static uint64_t
digest(const uint8_t *data, size_t size, int libcsv_only)
{
	static const ReadLimits lim = { 1 << 20, 4096, 64, 10000 };
	uint64_t h = 1469598103934665603ULL;
	Diag *d = diag_new(NULL);
	csvread_libcsv_only = libcsv_only;
	int rc = csvread_buffer("fuzz.csv", (const char *)data, size, &lim, digest_row, &h, NULL, d);
	csvread_libcsv_only = 0;
	mix(&h, &rc, sizeof(rc));
	for (size_t i = 0; i < diag_nrecords(d); i++) {
		char buf[1024];
		diag_format(diag_record(d, i), buf, sizeof(buf));
		mix(&h, buf, strlen(buf));
	}
	diag_free(d);
	return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (utf8_valid_prefix((const char *)data, size) !=
	    utf8_valid_prefix_scalar((const char *)data, size))
		abort();
	if (digest(data, size, 0) != digest(data, size, 1))
		abort();
	return 0;
}
