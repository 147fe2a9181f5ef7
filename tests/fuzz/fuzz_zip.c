/* fuzz_zip.c - libFuzzer target: arbitrary bytes as a whole .xlsx or .ods
 * file (the length's low bit chooses, so real zips reach both), through archive.c (libzip) and
 * the workbook reader: a damaged or forged zip must end in a message, never
 * a crash, a hang or a read past a bound. */
#include "fuzz_file.h"
#include "load/ods.h"
#include "load/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_to_file(data, size, "zip", "xlsx");
	if (path == NULL)
		return 0;
	static const ReadLimits lim = { 1 << 20, 4096, 64, 10000 };
	Diag *d = diag_new(NULL);
	if (size & 1)
		ods_read_rows(path, &lim, 32, NULL, fuzz_each_row, NULL, d);
	else
		xlsx_read_rows(path, &lim, 32, NULL, fuzz_each_row, NULL, d);
	diag_free(d);
	return 0;
}
