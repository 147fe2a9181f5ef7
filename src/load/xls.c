/* xls.c - Excel 97-2003 workbooks as table rows (see xls.h). */
#include "load/xls.h"

#include <errno.h>
#include <freexl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/calendar.h"
#include "core/dynlib.h"
#include "core/file.h"
#include "core/mem.h"
#include "load/cells.h"

/* libfreexl, loaded when the first .xls workbook is read (core/dynlib.h):
 * the functions this file calls, each through fx. */
#define LIBFREEXL_FUNCTIONS(X) X(freexl_open) X(freexl_close) X(freexl_get_info) \
	X(freexl_get_worksheet_name) X(freexl_select_active_worksheet) X(freexl_worksheet_dimensions) \
	X(freexl_get_cell_value)
#ifndef FREEXL_SONAME
#define FREEXL_SONAME "libfreexl.so.1"   /* the Makefile says which, from the linker */
#endif
DYNLIB_TABLE(fx, libfreexl, LIBFREEXL_FUNCTIONS, FREEXL_SONAME, "libfreexl1");

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
	/* yyyy-mm-dd: four digits, two, two */
	int ok = strlen(text) >= 10 && text[4] == '-' && text[7] == '-';
	for (int i = 0; i < 10 && ok; i++)
		ok = i == 4 || i == 7 || (text[i] >= '0' && text[i] <= '9');
	int y = ok ? (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0') : 0;
	int m = ok ? (text[5] - '0') * 10 + (text[6] - '0') : 0;
	int dd = ok ? (text[8] - '0') * 10 + (text[9] - '0') : 0;
	if (!ok || y < 2100 || y > 9999 || m < 1 || m > 12) {
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

/* libfreexl is run in a child process: a fuzzed workbook made it read
 * past a buffer (inside its character conversion), and a library that may
 * do so never runs in nithet's own process. The child sends what it reads
 * through a pipe, as frames:
 *   'S' name         the sheet read (for cell references in messages)
 *   'R' line fields  one row
 *   'M' sev line col text   one message
 * and exits; a child that dies or is killed leaves a message of the
 * parent's, never a crash of nithet. */
static int
put_text(int fd, const char *s, size_t n)
{
	uint32_t len = (uint32_t)n;
	return file_write_all(fd, &len, sizeof len) || file_write_all(fd, s, n) ? -1 : 0;
}

static void
send_sheet(int fd, const char *name)
{
	if (file_write_all(fd, "S", 1) == 0)
		(void)put_text(fd, name, strlen(name));
}

static int
send_row(void *ctx, const SourceRow *row)
{
	int fd = *(int *)ctx;
	uint32_t n = (uint32_t)row->nfields;
	if (file_write_all(fd, "R", 1) || file_write_all(fd, &row->line, sizeof row->line) || file_write_all(fd, &n, sizeof n))
		return -1;
	for (size_t i = 0; i < row->nfields; i++)
		if (put_text(fd, row->fields[i], row->lens[i]))
			return -1;
	return 0;
}

static void
send_messages(int fd, const Diag *d)
{
	for (size_t i = 0; i < diag_nrecords(d); i++) {
		const DiagRecord *r = diag_record(d, i);
		int sev = (int)r->severity;
		if (file_write_all(fd, "M", 1) || file_write_all(fd, &sev, sizeof sev) || file_write_all(fd, &r->line, sizeof r->line) ||
		    file_write_all(fd, &r->col, sizeof r->col) || put_text(fd, r->text, strlen(r->text)))
			return;
	}
}

/* The workbook read by libfreexl, its rows to fn: run in the child. */
static int
read_book(const char *path, const ReadLimits *lim, const char *sheet, RowFn fn, void *ctx, Diag *d,
    int pipe_out)
{
	const void *h = NULL;
	int rc = fx.freexl_open(path, &h);
	if (rc != FREEXL_OK) {
		fx.freexl_close(h);
		return refuse(path, rc, d);
	}
	unsigned int info = 0, sheets = 0;
	if (fx.freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
		fx.freexl_close(h);
		diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook is protected by a password; open it in Excel, "
		    "remove the password (File > Info > Protect Workbook) and save it as Excel Workbook (.xlsx)");
		return -1;
	}
	fx.freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &sheets);
	const char *name = NULL;
	unsigned short index = 0;
	if (sheet != NULL) {
		/* The sheet the config names; the message lists them all. */
		char names[1024] = "";
		size_t at = 0;
		for (index = 0; index < sheets; index++) {
			const char *n = NULL;
			if (fx.freexl_get_worksheet_name(h, index, &n) == FREEXL_OK && n && !strcmp(n, sheet))
				break;
			int k = snprintf(names + at, sizeof names - at, "%s'%s'", at ? ", " : "", n ? n : "");
			at += k > 0 && (size_t)k < sizeof names - at ? (size_t)k : 0;
		}
		if (index == sheets) {
			fx.freexl_close(h);
			diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook has no sheet named '%s' (the config's "
			    "[sheets]); its sheets are %s: correct the name in the config, or leave it empty to read "
			    "the first sheet", sheet, at ? names : "none");
			return -1;
		}
	}
	if (sheets == 0 || (rc = fx.freexl_select_active_worksheet(h, index)) != FREEXL_OK ||
	    (rc = fx.freexl_get_worksheet_name(h, index, &name)) != FREEXL_OK) {
		fx.freexl_close(h);
		return sheets == 0 ? refuse(path, FREEXL_BIFF_WORKBOOK_NOT_FOUND, d) : refuse(path, rc, d);
	}
	send_sheet(pipe_out, name ? name : "");
	if (sheets > 1 && sheet == NULL)
		diag_report(d, DIAG_NOTE, path, 0, 0, "the workbook has %u sheets; the table is read from the "
		    "first, '%s'", sheets, name ? name : "");
	unsigned int rows = 0;
	unsigned short cols = 0;
	if ((rc = fx.freexl_worksheet_dimensions(h, &rows, &cols)) != FREEXL_OK) {
		fx.freexl_close(h);
		return refuse(path, rc, d);
	}
	CellRow r = { .name = path, .lim = lim, .fn = fn, .ctx = ctx, .d = d };
	int out = 0;
	for (unsigned int i = 0; i < rows && out == 0; i++) {
		cells_begin(&r);
		for (unsigned short j = 0; j < cols && out == 0; j++) {
			FreeXL_CellValue v;
			if ((rc = fx.freexl_get_cell_value(h, i, j, &v)) != FREEXL_OK) {
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
	fx.freexl_close(h);
	return out;
}

/* Read one frame's text into *buf (grown as needed, NUL-terminated). */
static int
get_text(int fd, char **buf, size_t *cap, size_t max)
{
	uint32_t n;
	if (file_read_exactly(fd, &n, sizeof n) || n > max)
		return -1;
	if (n + 1 > *cap) {
		*cap = n + 1;
		*buf = mem_grow(*buf, *cap, 1);
	}
	if (file_read_exactly(fd, *buf, n))
		return -1;
	(*buf)[n] = '\0';
	return (int)n;
}

int
xls_read_rows(const char *path, const ReadLimits *lim, const char *sheet, RowFn fn, void *ctx, Diag *d)
{
	/* libfreexl opens the path itself: look first that it is a regular
	 * file within the size limit (never a FIFO or a device). */
	struct stat st;
	int fd = file_open_regular(path, lim->max_file_bytes, DIAG_INPUT, N_("the workbook"), &st, d);
	if (fd < 0)
		return -1;
	close(fd);
	/* Loaded here, before the reader is forked: once for the process. */
	if (dynlib_load(&libfreexl) != 0) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "cannot read the workbook: the library that reads Excel "
		    "97-2003 (.xls) files cannot be loaded (%s); install the package %s (apt-get install %s), "
		    "or save the table as .xlsx or CSV", libfreexl.why, libfreexl.package, libfreexl.package);
		return -1;
	}
	int p[2];
	if (pipe(p) != 0) {
		diag_report(d, DIAG_INTERNAL, path, 0, 0, "cannot start the workbook reader (%s)", strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		diag_report(d, DIAG_INTERNAL, path, 0, 0, "cannot start the workbook reader (%s)", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		/* A workbook that would keep the reader busy for minutes is
		 * not one an office has. */
		struct rlimit cpu = { 60, 60 };
		setrlimit(RLIMIT_CPU, &cpu);
		Diag *cd = diag_new(NULL);
		int out = p[1];
		int rc = read_book(path, lim, sheet, send_row, &out, cd, out);
		send_messages(out, cd);
		int end = rc;
		if (file_write_all(out, "E", 1) == 0)
			(void)file_write_all(out, &end, sizeof end);
		_exit(0);
	}
	close(p[1]);
	/* Rows go to fn as they come; the child's messages are said after
	 * them, in its order. */
	SourceRow row = { 0, 0, NULL, NULL, 0 };
	char **fields = NULL, *text = NULL;
	size_t *lens = NULL, fcap = 0, tcap = 0;
	char **bufs = NULL;
	size_t *bcaps = NULL;
	int rc = -2, stop = 0;
	char type;
	while (rc == -2 && file_read_exactly(p[0], &type, 1) == 0) {
		if (type == 'S') {
			if (get_text(p[0], &text, &tcap, 4096) < 0)
				break;
			diag_cells(d, path, text);
		} else if (type == 'R') {
			uint32_t n;
			if (file_read_exactly(p[0], &row.line, sizeof row.line) || file_read_exactly(p[0], &n, sizeof n) || n > 65536)
				break;
			if (n > fcap) {
				fields = mem_grow(fields, n, sizeof *fields);
				lens = mem_grow(lens, n, sizeof *lens);
				bufs = mem_grow(bufs, n, sizeof *bufs);
				bcaps = mem_grow(bcaps, n, sizeof *bcaps);
				for (size_t i = fcap; i < n; i++) {
					bufs[i] = NULL;
					bcaps[i] = 0;
				}
				fcap = n;
			}
			int bad = 0;
			for (uint32_t i = 0; i < n && !bad; i++) {
				int k = get_text(p[0], &bufs[i], &bcaps[i], (size_t)lim->max_field_bytes + 1);
				bad = k < 0;
				fields[i] = bufs[i];
				lens[i] = k < 0 ? 0 : (size_t)k;
			}
			if (bad)
				break;
			row.nfields = n;
			row.fields = fields;
			row.lens = lens;
			if ((stop = fn(ctx, &row)) != 0)
				rc = stop;
		} else if (type == 'M') {
			int sev;
			long line, col;
			if (file_read_exactly(p[0], &sev, sizeof sev) || file_read_exactly(p[0], &line, sizeof line) ||
			    file_read_exactly(p[0], &col, sizeof col) || sev < 0 || sev >= DIAG_NSEVERITY ||
			    get_text(p[0], &text, &tcap, 65536) < 0)
				break;
			diag_report(d, (DiagSeverity)sev, path, line, col, "%s", text);
		} else if (type == 'E') {
			int end;
			if (file_read_exactly(p[0], &end, sizeof end) == 0)
				rc = end;
			break;
		} else {
			break;
		}
	}
	close(p[0]);
	if (rc != -2 && rc != 0 && stop)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	for (size_t i = 0; i < fcap; i++)
		free(bufs[i]);
	free(bufs);
	free(bcaps);
	free(fields);
	free(lens);
	free(text);
	if (rc == -2) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "the workbook cannot be read: the Excel 97-2003 reader %s on it "
		    "(a damaged file?); open it in Excel or LibreOffice Calc and save it as Excel Workbook (.xlsx)",
		    WIFSIGNALED(status) ? (WTERMSIG(status) == SIGXCPU ? _("ran out of time") : _("stopped")) : _("stopped"));
		return -1;
	}
	return rc;
}

