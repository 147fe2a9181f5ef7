/* fuzz_xls.c - libFuzzer target: arbitrary bytes as an Excel 97-2003 file
 * through xls.c and libfreexl: a damaged workbook must end in a message,
 * never a crash or a hang. */
#include "fuzz_file.h"
#include "load/xls.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_to_file(data, size, "xls", "xls");
	if (path == NULL)
		return 0;
	static const ReadLimits lim = { 1 << 20, 4096, 64, 10000 };
	Diag *d = diag_new(NULL);
	xls_read_rows(path, &lim, NULL, fuzz_each_row, NULL, d);
	diag_free(d);
	return 0;
}
