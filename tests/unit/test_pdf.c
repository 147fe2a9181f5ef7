/* test_pdf.c - the PDF writer: embedding, ActualText, reproducibility, and
 * the atomic write of render/. */
#include "test.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/doc.h"
#include "pdf/pdf.h"
#include "render/render.h"

static int
has(const unsigned char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, needle, k) == 0)
			return 1;
	return 0;
}

static void
settings_laksaman(Settings *s)
{
	memset(s, 0, sizeof *s);
	s->thai.regular = access("fonts/Laksaman.ttf", R_OK) == 0 ? "fonts/Laksaman.ttf" :
		"/usr/share/fonts/truetype/tlwg/Laksaman.ttf";
	s->thai.bold = access("fonts/Laksaman-Bold.ttf", R_OK) == 0 ? "fonts/Laksaman-Bold.ttf" :
		"/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf";
	s->thai.scale = 0.66;
	s->body_size = 16;
	s->line_spacing = 1.2;
}

static Doc *
small_doc(Arena *a)
{
	Doc *d = doc_new(a);
	d->title = "รายงานทดสอบ";
	d->author = "ศึกษานิเทศก์";
	doc_heading(d, 1, "1", "หลักการและเหตุผล");
	doc_para(d, "น้ำ ปี่ ฟ้า ญี่ปุ่น ผู้อำนวยการ ศึกษานิเทศก์");
	return d;
}

TEST(pdf_embeds_subset_with_actualtext_and_is_reproducible)
{
	Settings s;
	settings_laksaman(&s);
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	setenv("SOURCE_DATE_EPOCH", "1443571200", 1);  /* 2015-09-30 */
	unsigned char *p1, *p2;
	size_t n1, n2;
	CHECK_INT(render_to_memory(small_doc(a), &s, &p1, &n1, d), 0);
	CHECK_INT(render_to_memory(small_doc(a), &s, &p2, &n2, d), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	CHECK(p1 && p2);
	if (p1 && p2) {
		CHECK(n1 > 1000 && n1 < 100000);
		CHECK(memcmp(p1, "%PDF-", 5) == 0);
		CHECK_INT(n1, n2);
		CHECK(n1 == n2 && memcmp(p1, p2, n1) == 0);
		CHECK(has(p1, n1, "/Subtype /Type0"));
		CHECK(has(p1, n1, "/Identity-H"));
		CHECK(has(p1, n1, "/CIDToGIDMap /Identity"));
		CHECK(has(p1, n1, "/FontFile2"));
		CHECK(has(p1, n1, "/ToUnicode"));
		CHECK(has(p1, n1, "D:20150930"));
		CHECK(has(p1, n1, "+Laksaman-Bold"));
		/* regular Laksaman is used by the paragraph; Laksaman-Bold by the heading */
		CHECK(has(p1, n1, "+Laksaman\n") || has(p1, n1, "+Laksaman\r") || has(p1, n1, "+Laksaman "));
	}
	free(p1);
	free(p2);
	diag_free(d);
	arena_free(a);
}

TEST(pdf_atomic_write_keeps_old_file_on_failure)
{
	char dir[] = "/tmp/nithet-pdf-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	Diag *d = diag_new(NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/out.pdf", dir);
	CHECK_INT(render_write_atomic(path, (const unsigned char *)"first", 5, d), 0);
	CHECK_INT(render_write_atomic(path, (const unsigned char *)"second", 6, d), 0);
	struct stat st;
	CHECK(stat(path, &st) == 0 && st.st_size == 6);
	/* a directory in the way: rename fails, the temp file is removed */
	char sub[256];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	CHECK(mkdir(sub, 0755) == 0);
	char inner[300];
	snprintf(inner, sizeof inner, "%s/keep", sub);
	FILE *f = fopen(inner, "w");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	CHECK_INT(render_write_atomic(sub, (const unsigned char *)"x", 1, d), 4);
	CHECK(diag_count(d, DIAG_OUTPUT) == 1);
	CHECK(stat(inner, &st) == 0);
	/* missing folder */
	char missing[300];
	snprintf(missing, sizeof missing, "%s/no/such/out.pdf", dir);
	CHECK_INT(render_write_atomic(missing, (const unsigned char *)"x", 1, d), 4);
	DIR *dd = opendir(dir);
	int entries = 0;
	struct dirent *e;
	while (dd && (e = readdir(dd)) != NULL)
		if (e->d_name[0] != '.')
			entries++;
	if (dd)
		closedir(dd);
	CHECK_INT(entries, 2);  /* out.pdf and sub: no .tmp leftovers */
	unlink(inner);
	rmdir(sub);
	unlink(path);
	rmdir(dir);
	diag_free(d);
}

TEST(pdf_missing_font_is_a_config_error)
{
	Settings s;
	settings_laksaman(&s);
	s.thai.regular = "/nonexistent/font.ttf";
	s.thai.bold = "/nonexistent/font-bold.ttf";
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	unsigned char *p;
	size_t n;
	CHECK_INT(render_to_memory(small_doc(a), &s, &p, &n, d), 2);
	CHECK(p == NULL);
	CHECK(diag_count(d, DIAG_USAGE) >= 1);
	diag_free(d);
	arena_free(a);
}
