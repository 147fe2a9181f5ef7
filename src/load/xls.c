/* xls.c - Excel 97-2003 workbooks as table rows (see xls.h). */
#include "load/xls.h"

#include <freexl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/file.h"
#include "load/cells.h"

/* What a libfreexl error means to the person with the file. */
static const char *
why(int rc)
{
	switch (rc) {
	case FREEXL_INSUFFICIENT_MEMORY:
		return "it is too big to read";
	case FREEXL_INVALID_CFBF_HEADER:
	case FREEXL_CFBF_INVALID_SIGNATURE:
		return "it is not an Excel 97-2003 workbook";
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		return "it holds no workbook (a Word or other Office file?)";
	case FREEXL_INVALID_CHARACTER:
	case FREEXL_UNSUPPORTED_CHARSET:
		return "its text is in a character set that cannot be read";
	default:
		return "it is damaged";
	}
}

/* libfreexl 1.0.6 turns a date serial into a date as if every fourth year
 * were a leap year, so 2100, 2200, 2300 and 2500 gain a 29 February: a
 * date after 1 March 2100 comes out a day early for each. Thai offices
 * type Buddhist-Era years that Excel keeps as such years (30/9/2557 is
 * the 30 September of the year 2557), so it matters. The serial is found
 * again by libfreexl's rule and turned into the date by the calendar's.
 * text is "yyyy-mm-dd" and the rest ("hh:mm:ss") is kept; out gets the
 * corrected text. */
static void
fix_date(const char *text, char *out, size_t size)
{
	int y, m, dd;
	if (sscanf(text, "%4d-%2d-%2d", &y, &m, &dd) != 3 || y < 2100 || y > 9999 || m < 1 || m > 12) {
		snprintf(out, size, "%s", text);
		return;
	}
	static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	/* Days from 1 March 2100 by libfreexl's rule, then by the true one. */
	long days = 0;
	for (int yr = 2100; yr < y; yr++)
		days += 365 + (yr % 4 == 0);
	days += before[m - 1] + (m > 2 && y % 4 == 0) + dd - 1;
	days -= before[2];     /* from 1 March, not 1 January */
	if (days < 0) {
		snprintf(out, size, "%s", text);   /* January or February 2100: right as it is */
		return;
	}
	CalDate fixed = cal_from_days(cal_days((CalDate){ 2100, 3, 1 }) + days);
	snprintf(out, size, "%04d-%02d-%02d%s", fixed.year, fixed.month, fixed.day, text + 10);
}

static int
refuse(const char *path, int rc, Diag *d)
{
	diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook cannot be read: %s; open it in Excel or LibreOffice "
	    "Calc and save it as Excel Workbook (.xlsx)", why(rc));
	return -1;
}

int
xls_read_rows(const char *path, const CsvLimits *lim, CsvRowFn fn, void *ctx, Diag *d)
{
	/* libfreexl opens the path itself: look first that it is a regular
	 * file within the size limit (never a FIFO or a device). */
	struct stat st;
	int fd = file_open_regular(path, lim->max_file_bytes, DIAG_INPUT, "the workbook", &st, d);
	if (fd < 0)
		return -1;
	close(fd);
	const void *h = NULL;
	int rc = freexl_open(path, &h);
	if (rc != FREEXL_OK) {
		freexl_close(h);
		return refuse(path, rc, d);
	}
	unsigned int info = 0, sheets = 0;
	if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
		freexl_close(h);
		diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook is protected by a password; open it in Excel, "
		    "remove the password (File > Info > Protect Workbook) and save it as Excel Workbook (.xlsx)");
		return -1;
	}
	freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &sheets);
	const char *name = NULL;
	if (sheets == 0 || (rc = freexl_select_active_worksheet(h, 0)) != FREEXL_OK ||
	    (rc = freexl_get_worksheet_name(h, 0, &name)) != FREEXL_OK) {
		freexl_close(h);
		return sheets == 0 ? refuse(path, FREEXL_BIFF_WORKBOOK_NOT_FOUND, d) : refuse(path, rc, d);
	}
	diag_cells(d, path, name ? name : "");
	if (sheets > 1)
		diag_report(d, DIAG_NOTE, path, 0, 0, "the workbook has %u sheets; the table is read from the "
		    "first, '%s'", sheets, name ? name : "");
	unsigned int rows = 0;
	unsigned short cols = 0;
	if ((rc = freexl_worksheet_dimensions(h, &rows, &cols)) != FREEXL_OK) {
		freexl_close(h);
		return refuse(path, rc, d);
	}
	CellRow r = { .name = path, .lim = lim, .fn = fn, .ctx = ctx, .d = d };
	int out = 0;
	for (unsigned int i = 0; i < rows && out == 0; i++) {
		cells_begin(&r);
		for (unsigned short j = 0; j < cols && out == 0; j++) {
			FreeXL_CellValue v;
			if ((rc = freexl_get_cell_value(h, i, j, &v)) != FREEXL_OK) {
				diag_report(d, DIAG_INPUT, path, (long)i + 1, (long)j + 1, "the cell cannot be read (%s); "
				    "save the workbook as .xlsx", why(rc));
				out = -1;
				break;
			}
			char num[64];
			const char *s = NULL;
			switch (v.type) {
			case FREEXL_CELL_INT:
				snprintf(num, sizeof num, "%d", v.value.int_value);
				s = num;
				break;
			case FREEXL_CELL_DOUBLE:
				cells_format_number(v.value.double_value, 0, num, sizeof num);
				s = num;
				break;
			case FREEXL_CELL_DATE:
			case FREEXL_CELL_DATETIME:
				if (v.value.text_value == NULL || strlen(v.value.text_value) < 10)
					break;
				fix_date(v.value.text_value, num, sizeof num);
				/* Midnight is a date. */
				if (strlen(num) == 19 && !strcmp(num + 10, " 00:00:00"))
					num[10] = '\0';
				s = num;
				break;
			case FREEXL_CELL_TEXT:
			case FREEXL_CELL_SST_TEXT:
			case FREEXL_CELL_TIME:
				s = v.value.text_value;
				break;
			default:
				break;
			}
			if (s && *s && cells_put(&r, (long)i + 1, (long)j + 1, s, strlen(s), 1) != 0)
				out = -1;
		}
		if (out == 0)
			out = cells_emit(&r, (long)i + 1);
	}
	cells_free(&r);
	freexl_close(h);
	return out;
}

int
xls_table_read(const char *path, const TableSpec *spec, const CsvLimits *lim, RecordFn fn, void *ctx,
    FileSummary *sum, Diag *d)
{
	TableRows t = { .path = path, .spec = spec, .fn = fn, .ctx = ctx, .sum = sum, .d = d, .with_columns = 1 };
	size_t warnings_before = diag_warnings(d);
	sum->path = path;
	sum->present = 1;
	sum->encoding = XLS_FORMAT_NAME;
	int rc = xls_read_rows(path, lim, table_rows_feed, &t, d);
	sum->warnings = (long)(diag_warnings(d) - warnings_before);
	return table_rows_end(&t, rc);
}
