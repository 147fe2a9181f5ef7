/* fuzz_zip.c - libFuzzer target: arbitrary bytes as a whole .xlsx or .ods
 * file (the length's low bit chooses, so real zips reach both), through archive.c (libzip) and
 * the workbook reader: a damaged or forged zip must end in a message, never
 * a crash, a hang or a read past a bound. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "load/ods.h"
#include "load/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
each_row(void *ctx, const CsvRow *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/fuzz-zip-%ld.xlsx", (long)getpid());
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	static const CsvLimits lim = { 1 << 20, 4096, 64, 10000 };
	Diag *d = diag_new(NULL);
	if (size & 1)
		ods_read_rows(path, &lim, 32, NULL, each_row, NULL, d);
	else
		xlsx_read_rows(path, &lim, 32, NULL, each_row, NULL, d);
	diag_free(d);
	return 0;
}
