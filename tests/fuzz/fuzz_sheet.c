/* fuzz_sheet.c - libFuzzer target: the SpreadsheetML and data-XML readers
 * (through load/xml) over arbitrary bytes, with small limits so the limit
 * paths are reached, then the Likert parser over every value read. */
#include <stddef.h>
#include <stdint.h>

#include "load/loaders.h"
#include "load/sheet.h"

static int
each_row(void *ctx, const SourceRow *row)
{
	size_t *n = ctx;
	for (size_t i = 0; i < row->nfields; i++)
		*n += (size_t)(surveys_likert(row->fields[i], row->lens[i]) + 1) + row->lens[i];
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const ReadLimits lim = { 1 << 20, 4096, 64, 10000 };
	Diag *d = diag_new(NULL);
	size_t n = 0;
	/* The stem picks our XML's section; alternate so both are reached. */
	const char *stem = size > 0 && (data[0] & 1) ? "surveys" : "visits";
	sheet_parse_rows("fuzz.xml", (const char *)data, size, stem, &lim, 32, each_row, &n, NULL, d);
	diag_free(d);
	return 0;
}
