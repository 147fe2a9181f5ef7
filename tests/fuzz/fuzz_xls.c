/* fuzz_xls.c - libFuzzer target: arbitrary bytes as an Excel 97-2003 file
 * through xls.c and libfreexl: a damaged workbook must end in a message,
 * never a crash or a hang. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "load/xls.h"

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
		snprintf(path, sizeof path, "/tmp/fuzz-xls-%ld.xls", (long)getpid());
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	static const CsvLimits lim = { 1 << 20, 4096, 64, 10000 };
	Diag *d = diag_new(NULL);
	xls_read_rows(path, &lim, NULL, each_row, NULL, d);
	diag_free(d);
	return 0;
}
