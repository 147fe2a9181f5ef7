/* typeset-lines.c - typeset each line of a UTF-8 text file as its own
 * paragraph into a PDF (or a layout dump), with a chosen font pair. Used by
 * tests/thai/run.sh to check that every line copies back exactly.
 *
 * usage: typeset-lines [-f laksaman|noto] [-w WIDTH_MM] [-h HEIGHT_MM]
 *                      [-k WORD]... [-d] [-t] INPUT OUTPUT.pdf
 *   -d writes the layout dump to OUTPUT instead of a PDF ("-" = stdout).
 *   -t puts the lines into a two-column table (ลำดับ | ข้อความ) with a
 *      header row, as a Doc, to test header repetition across pages. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/mem.h"
#include "doc/doc.h"
#include "pdf/pdf.h"
#include "core/file.h"
#include "render/render.h"
#include "typeset/typeset.h"

enum { MAX_LINES = 100000, MAX_LINE_BYTES = 65536 };
/* The PDFs' creation date, fixed: the same input gives the same file. */
static const long long CREATED = 1443571200;  /* 2015-09-30 */

static char *
font_path(const char *name)
{
	/* fonts/ first (what `make fonts` fills), then the Debian packages. */
	char buf[512];
	snprintf(buf, sizeof buf, "fonts/%s", name);
	if (access(buf, R_OK) == 0)
		return mem_strdup(buf);
	const char *dir = strncmp(name, "Laksaman", 8) == 0 ? "tlwg" : "noto";
	snprintf(buf, sizeof buf, "/usr/share/fonts/truetype/%s/%s", dir, name);
	return mem_strdup(buf);
}

static double
number(const char *s, double lo, double hi, const char *what)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || v < lo || v > hi) {
		fprintf(stderr, "typeset-lines: %s must be a number from %g to %g (got \"%s\")\n", what, lo, hi, s);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	const char *face = "laksaman";
	double width = 400, height = 297;
	int dump = 0, table = 0;
	char *keep[SETTINGS_MAX_LIST];
	size_t nkeep = 0;
	int opt;
	while ((opt = getopt(argc, argv, "f:w:h:k:dt")) != -1) {
		switch (opt) {
		case 'f': face = optarg; break;
		case 'w': width = number(optarg, 50, 5000, "-w"); break;
		case 'h': height = number(optarg, 50, 5000, "-h"); break;
		case 'k':
			if (nkeep < SETTINGS_MAX_LIST)
				keep[nkeep++] = optarg;
			break;
		case 'd': dump = 1; break;
		case 't': table = 1; break;
		default:
			fprintf(stderr, "usage: typeset-lines [-f laksaman|noto] [-w MM] [-h MM] [-k WORD]... [-d] [-t] INPUT OUTPUT\n");
			return 2;
		}
	}
	if (argc - optind != 2) {
		fprintf(stderr, "usage: typeset-lines [-f laksaman|noto] [-w MM] [-h MM] [-k WORD]... [-d] [-t] INPUT OUTPUT\n");
		return 2;
	}
	Settings s;
	memset(&s, 0, sizeof s);
	if (strcmp(face, "noto") == 0) {
		s.thai.regular = font_path("NotoSansThai-Regular.ttf");
		s.thai.bold = font_path("NotoSansThai-Bold.ttf");
		s.thai.scale = 0.7;
		s.latin.regular = font_path("NotoSans-Regular.ttf");
		s.latin.bold = font_path("NotoSans-Bold.ttf");
		s.latin.scale = 0.7;
	} else if (strcmp(face, "laksaman") == 0) {
		s.thai.regular = font_path("Laksaman.ttf");
		s.thai.bold = font_path("Laksaman-Bold.ttf");
		s.thai.scale = 0.66;
	} else {
		fprintf(stderr, "typeset-lines: unknown font pair \"%s\" (laksaman or noto)\n", face);
		return 2;
	}
	s.body_size = 16;
	s.line_spacing = 1.0;
	for (size_t i = 0; i < nkeep; i++)
		s.keep_words[i] = keep[i];
	s.nkeep_words = nkeep;

	FILE *in = fopen(argv[optind], "r");
	if (in == NULL) {
		fprintf(stderr, "typeset-lines: %s: %s\n", argv[optind], strerror(errno));
		return 3;
	}
	char **lines = mem_array(MAX_LINES, sizeof *lines);
	size_t n = 0;
	char *buf = mem_alloc(MAX_LINE_BYTES);
	while (n < MAX_LINES && fgets(buf, MAX_LINE_BYTES, in)) {
		size_t k = strcspn(buf, "\r\n");
		buf[k] = '\0';
		lines[n++] = mem_strdup(buf);
	}
	fclose(in);
	free(buf);

	Diag *d = diag_new(stderr);
	int rc = 0;
	TsFonts *f = ts_fonts_load(&s.thai, &s.latin, d);
	TsCtx *c = f ? ts_ctx_new(f, d) : NULL;
	if (c == NULL) {
		rc = 2;
	} else {
		DisplayList *dl;
		Arena *a = arena_new();
		if (table) {
			Doc *doc = doc_new(a);
			doc_set(doc, &doc->title, "typeset-lines");
			doc_set(doc, &doc->header_text, "typeset-lines -t");
			DocBlock *t = doc_table(doc, 2);
			doc_table_column(t, 0, 15, DOC_ALIGN_RIGHT);
			DocRow *h = doc_table_row(doc, t, DOC_ROW_HEADER);
			doc_row_cell(doc, h, "ลำดับ");
			doc_row_cell(doc, h, "ข้อความ");
			for (size_t i = 0; i < n; i++) {
				DocRow *r = doc_table_row(doc, t, DOC_ROW_BODY);
				r->shaded = (int)(i % 2);
				char no[32];
				snprintf(no, sizeof no, "%zu", i + 1);
				doc_row_cell(doc, r, no);
				doc_row_cell(doc, r, lines[i]);
			}
			dl = ts_layout(c, doc, &s, CREATED, d);
		} else {
			dl = ts_layout_lines(c, (const char *const *)lines, n, &s, width, height, CREATED);
			dl->title = "typeset-lines";
		}
		if (dump) {
			FILE *out = strcmp(argv[optind + 1], "-") == 0 ? stdout : fopen(argv[optind + 1], "w");
			if (out == NULL || dl_dump(dl, out) != 0)
				rc = 4;
			if (out && out != stdout)
				fclose(out);
		} else {
			unsigned char *pdf;
			size_t len;
			if (pdf_render(dl, &pdf, &len, d) != 0)
				rc = 70;
			else
				rc = file_write_atomic(argv[optind + 1], pdf, len, d);
			free(pdf);
		}
		dl_free(dl);
		arena_free(a);
	}
	ts_ctx_free(c);
	ts_fonts_free(f);
	diag_free(d);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(s.thai.regular);
	free(s.thai.bold);
	free(s.latin.regular);
	free(s.latin.bold);
	return rc;
}
