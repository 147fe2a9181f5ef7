/* fuzz_xlsx.c - libFuzzer target: the .xlsx reader over workbooks whose
 * parts are the fuzzer's. The input is split at "\n====\n" into the sheet,
 * the shared strings, the styles and the workbook (a part not given is a
 * plain valid one) and zipped with libzip's writing calls (test code only),
 * so the fuzzer works on the XML and the cells, not on deflate; every value
 * read then goes through the Likert parser. fuzz_zip gives raw bytes as the
 * whole file. */
#define _GNU_SOURCE   /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "load/loaders.h"
#include "load/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *defaults[4] = {
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
	"<c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t></si></sst>",
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs><xf numFmtId=\"14\"/>"
	"</cellXfs></styleSheet>",
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas."
	"openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/>"
	"</sheets></workbook>",
};
static const char *names[4] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml" };
static const char *rels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";

static int
each_row(void *ctx, const SourceRow *row)
{
	size_t *n = ctx;
	for (size_t i = 0; i < row->nfields; i++)
		*n += (size_t)(surveys_likert(row->fields[i], row->lens[i]) + 1) + row->lens[i];
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/fuzz-xlsx-%ld.xlsx", (long)getpid());
	const char *part[4];
	size_t len[4];
	const char *p = (const char *)data;
	size_t left = size;
	int more = 1;
	for (int i = 0; i < 4; i++) {
		if (!more) {
			part[i] = defaults[i];
			len[i] = strlen(defaults[i]);
			continue;
		}
		const char *sep = left ? memmem(p, left, "\n====\n", 6) : NULL;
		part[i] = p;
		len[i] = sep ? (size_t)(sep - p) : left;
		if (sep) {
			left -= len[i] + 6;
			p = sep + 6;
		} else {
			more = 0;
		}
	}
	int err;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (z == NULL)
		abort();
	zip_source_t *s = zip_source_buffer(z, rels, strlen(rels), 0);
	zip_file_add(z, "xl/_rels/workbook.xml.rels", s, ZIP_FL_OVERWRITE);
	for (int i = 0; i < 4; i++) {
		s = zip_source_buffer(z, part[i], len[i], 0);
		zip_file_add(z, names[i], s, ZIP_FL_OVERWRITE);
		zip_set_file_compression(z, (zip_uint64_t)i + 1, ZIP_CM_STORE, 0);
	}
	if (zip_close(z) != 0)
		abort();
	static const ReadLimits lim = { 1 << 20, 4096, 64, 10000 };
	Diag *d = diag_new(NULL);
	size_t n = 0;
	xlsx_read_rows(path, &lim, 32, NULL, each_row, &n, d);
	diag_free(d);
	return 0;
}
