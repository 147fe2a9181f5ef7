/* test_typeset.c - line breaking, justification, tables and pagination,
 * checked on the display list (no PDF involved). */
#include "test.h"

#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/cnum.h"
#include "core/utf8.h"
#include "doc/doc.h"
#include "typeset/internal.h"

static const char *
font_file(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "fonts/%s", name);
	if (access(buf, R_OK) == 0)
		return buf;
	snprintf(buf, size, "/usr/share/fonts/truetype/%s/%s",
		strncmp(name, "Laksaman", 8) == 0 ? "tlwg" : "noto", name);
	return buf;
}

/* The display lists' creation date: typeset takes it from its caller. */
enum { TEST_CREATED = 1443571200 };  /* 2015-09-30 */

/* The words report/ gives every Doc (compose_page_words), so that the
 * tests see the pages an office prints. */
static const DocWords page_words = {
	.toc_title = "สารบัญ", .toc_tables_title = "สารบัญตาราง", .toc_charts_title = "สารบัญแผนภูมิ",
	.table_label = "ตารางที่", .chart_label = "แผนภูมิที่", .page = "หน้า", .page_of = "จาก",
	.continued = "(ต่อ)", .goal = "เป้าหมาย", .sign = "ลงชื่อ",
};

static char *keep_words[] = { "ศึกษานิเทศก์", "ปีงบประมาณ", "ก.ต.ป.น.", "สพป." };

/* Hand-made settings: Laksaman at 0.66, or Noto Sans Thai + Noto Sans. */
static void
settings_for(Settings *s, int noto, char bufs[4][256])
{
	memset(s, 0, sizeof *s);
	if (noto) {
		s->thai.regular = (char *)font_file("NotoSansThai-Regular.ttf", bufs[0], 256);
		s->thai.bold = (char *)font_file("NotoSansThai-Bold.ttf", bufs[1], 256);
		s->latin.regular = (char *)font_file("NotoSans-Regular.ttf", bufs[2], 256);
		s->latin.bold = (char *)font_file("NotoSans-Bold.ttf", bufs[3], 256);
		s->thai.scale = s->latin.scale = 0.7;
	} else {
		s->thai.regular = (char *)font_file("Laksaman.ttf", bufs[0], 256);
		s->thai.bold = (char *)font_file("Laksaman-Bold.ttf", bufs[1], 256);
		s->thai.scale = 0.66;
	}
	s->body_size = 16;
	s->line_spacing = 1.2;
	s->margin_left = 25;
	s->margin_right = 20;
	s->margin_top = 25;
	s->margin_bottom = 20;
	for (size_t i = 0; i < 4; i++)
		s->keep_words[i] = keep_words[i];
	s->nkeep_words = 4;
}

typedef struct Fix {
	Settings s;
	char bufs[4][256];
	TsFonts *f;
	TsCtx *c;
	Diag *d;
	Arena *a;
} Fix;

static int
fix_open(Fix *x, int noto)
{
	settings_for(&x->s, noto, x->bufs);
	x->d = diag_new(NULL);
	x->f = ts_fonts_load(&x->s.thai, &x->s.latin, x->d);
	x->c = x->f ? ts_ctx_new(x->f, x->d) : NULL;
	x->a = arena_new();
	if (x->c)
		ts_ctx_set_keep(x->c, x->s.keep_words, x->s.nkeep_words);
	return x->c != NULL;
}

static void
fix_close(Fix *x)
{
	ts_ctx_free(x->c);
	ts_fonts_free(x->f);
	diag_free(x->d);
	arena_free(x->a);
}

/* The text of each line of t broken at width w (points). */
static size_t
break_at(Fix *x, const char *text, double w, char lines[][512], size_t max)
{
	TsText *t = ts_text_shape(x->c, x->a, NULL, text, 16, 0);
	TsLine *ln;
	size_t n = ts_text_break(t, x->a, w, w, 0, &ln);
	for (size_t k = 0; k < n && k < max; k++) {
		size_t b0 = t->cl[ln[k].c0].byte0, b1 = ts_cl_byte_end(t, ln[k].c1 - 1);
		snprintf(lines[k], 512, "%.*s", (int)(b1 - b0), t->str + b0);
	}
	return n;
}

static uint32_t
first_cp(const char *s)
{
	uint32_t cp;
	utf8_decode(s, strlen(s), &cp);
	return cp;
}

static uint32_t
last_cp(const char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	uint32_t cp;
	utf8_decode(s + i, n - i, &cp);
	return cp;
}

TEST(typeset_breaks_respect_thai_rules)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	const char *text = "ศึกษานิเทศก์ติดตามการดำเนินงานของโรงเรียนในปีงบประมาณ ๒๕๕๘ "
		"เพื่อให้ผู้เรียนได้เรียนรู้อย่างมีประสิทธิภาพ ก.ต.ป.น.แบบบูรณาการ สพป.พัทลุง "
		"เยี่ยมเยียนน้ำใจไมตรีแก่ครูทุกคน";
	static char lines[200][512];
	int checked = 0;
	for (double w = 30; w <= 300; w += 7) {
		size_t n = break_at(&x, text, w, lines, 200);
		CHECK(n >= 1);
		for (size_t k = 0; k < n && k < 200; k++) {
			checked++;
			CHECK(!utf8_is_thai_mark(first_cp(lines[k])));
			if (k + 1 < n)
				CHECK(!utf8_is_thai_leading_vowel(last_cp(lines[k])));
			/* keep words never split: a line never ends or starts inside one */
			for (size_t kw = 0; kw < 4; kw++) {
				const char *word = keep_words[kw];
				size_t wl = strlen(word);
				for (size_t cut = 1; cut < wl; cut++) {
					if (((unsigned char)word[cut] & 0xC0) == 0x80)
						continue;
					size_t ll = strlen(lines[k]);
					int ends = ll >= cut && memcmp(lines[k] + ll - cut, word, cut) == 0 &&
						k + 1 < n && strncmp(lines[k + 1], word + cut, wl - cut) == 0;
					if (ends && w > 120)
						test_fail(__FILE__, __LINE__, "keep word %s split at width %g", word, w);
				}
			}
		}
	}
	CHECK(checked > 100);
	fix_close(&x);
}

TEST(typeset_lines_rebuild_the_text)
{
	Fix x;
	CHECK(fix_open(&x, 1));
	if (!x.c)
		return;
	const char *text = "การนิเทศเป็นองค์ประกอบหนึ่ง of the quality process ที่ช่วย info@obec.go.th";
	static char lines[100][512];
	size_t n = break_at(&x, text, 150, lines, 100);
	CHECK(n > 2);
	/* Joined without the spaces dropped at breaks, the lines give the text. */
	char joined[2048] = "";
	for (size_t k = 0; k < n; k++) {
		size_t at = strlen(joined);
		snprintf(joined + at, sizeof joined - at, "%s", lines[k]);
	}
	char nospace[2048];
	size_t j = 0;
	for (const char *p = text; *p; p++)
		if (*p != ' ')
			nospace[j++] = *p;
	nospace[j] = '\0';
	size_t jj = 0;
	for (char *p = joined; *p; p++)
		if (*p != ' ')
			joined[jj++] = *p;
	joined[jj] = '\0';
	CHECK_STR(joined, nospace);
	/* the e-mail address stays whole */
	int whole = 0;
	for (size_t k = 0; k < n; k++)
		whole |= strstr(lines[k], "info@obec.go.th") != NULL;
	CHECK(whole);
	fix_close(&x);
}

TEST(typeset_fallback_uses_latin_font)
{
	Fix x;
	CHECK(fix_open(&x, 1));
	if (!x.c)
		return;
	TsText *t = ts_text_shape(x.c, x.a, NULL, "ปี 2558 OK", 16, 0);
	int thai = ts_face_of(x.f, TS_THAI, 0), latin = ts_face_of(x.f, TS_LATIN, 0);
	CHECK(thai != latin);
	int nt = 0, nl = 0;
	for (size_t g = 0; g < t->ng; g++) {
		nt += t->gface[g] == thai;
		nl += t->gface[g] == latin;
		CHECK(t->glyphs[g].gid != 0);  /* no .notdef */
	}
	CHECK(nt >= 2);
	CHECK(nl >= 6);
	fix_close(&x);
}

static size_t
count_text(const DisplayList *dl, size_t page, const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < dl->pages[page].nitems; i++) {
		const DlItem *it = &dl->pages[page].items[i];
		if (it->kind == DL_TEXT && strstr(it->u.text.text, needle))
			n++;
	}
	return n;
}

TEST(typeset_justify_fills_the_measure)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	Doc *d = doc_new(x.a);
	doc_set_words(d, &page_words);
	doc_para(d, "สำนักงานเขตพื้นที่การศึกษา เป็นหน่วยงานทางการศึกษาที่ทำหน้าที่ในการ กำกับ ติดตามประเมินผล "
		"และนิเทศการศึกษา สถานศึกษาขั้นพื้นฐาน ซึ่งในการกำกับ ดูแลใช้กระบวนการนิเทศการศึกษาเป็นกระบวนการ"
		"ที่เสริมคุณภาพของการจัดการเรียนการสอน")->u.para.align = DOC_ALIGN_JUSTIFY;
	DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
	CHECK(dl != NULL && dl->npages == 1);
	double measure = (210 - 25 - 20) * 2.834645669;
	int full = 0, lines = 0;
	for (size_t i = 0; i < dl->pages[0].nitems; i++) {
		const DlItem *it = &dl->pages[0].items[i];
		if (it->kind != DL_TEXT || strcmp(it->u.text.src, "p1") != 0)
			continue;
		lines++;
		CHECK(it->u.text.width <= measure + 0.5);
		if (it->u.text.width > measure - 0.5)
			full++;
		/* the runs' advances add up to the width */
		double sum = 0;
		for (size_t r = 0; r < it->u.text.nruns; r++) {
			const DlRun *run = &it->u.text.runs[r];
			for (size_t g = 0; g < run->n; g++)
				sum += run->glyphs[g].adv * run->size / dl->fonts[run->font]->upem;
		}
		CHECK_NEAR(sum, it->u.text.width, 1.0);
	}
	CHECK(lines >= 3);
	CHECK_INT(full, lines - 1);
	dl_free(dl);
	fix_close(&x);
}

TEST(typeset_long_table_repeats_header_and_numbers_pages)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	x.s.thai_digits = 1;
	Doc *d = doc_new(x.a);
	doc_set_words(d, &page_words);
	d->header_text = "สพป.พัทลุง เขต 2";
	DocBlock *t = doc_table(d, 3);
	doc_table_column(t, 2, 0, DOC_ALIGN_RIGHT);
	DocRow *h = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h, "ที่");
	doc_row_cell(d, h, "โรงเรียน");
	doc_row_cell(d, h, "คะแนน");
	for (int i = 0; i < 300; i++) {
		DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
		char b[32];
		snprintf(b, sizeof b, "%d", i + 1);
		doc_row_cell(d, r, b);
		doc_row_cell(d, r, i % 7 ? "บ้านควนประกอบ" :
			"โรงเรียนบ้านควนโคกยาซึ่งมีชื่อยาวมากจนต้องตัดบรรทัดในเซลล์ของตารางนี้อย่างแน่นอน");
		doc_row_cell(d, r, "97.44");
	}
	DocRow *tot = doc_table_row(d, t, DOC_ROW_TOTAL);
	doc_row_cell(d, tot, "รวม")->colspan = 2;
	doc_row_cell(d, tot, "100.00");
	DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
	CHECK(dl != NULL);
	CHECK(dl->npages >= 5);
	double bottom = 20 * 2.834645669;
	for (size_t p = 0; p < dl->npages; p++) {
		CHECK_INT(count_text(dl, p, "โรงเรียน") >= 1, 1);
		char want[128], thai[256];
		snprintf(want, sizeof want, "หน้า %zu จาก %zu", p + 1, dl->npages);
		utf8_thai_digits(want, thai, sizeof thai);
		CHECK_INT(count_text(dl, p, thai), 1);
		/* nothing of the table below the bottom margin */
		for (size_t i = 0; i < dl->pages[p].nitems; i++) {
			const DlItem *it = &dl->pages[p].items[i];
			if (it->kind == DL_RECT)
				CHECK(it->u.rect.y >= bottom - 0.5);
		}
	}
	/* every body row appears exactly once, its figure in Thai digits like
	 * everything else in this document */
	size_t rows = 0;
	for (size_t p = 0; p < dl->npages; p++)
		rows += count_text(dl, p, "๙๗.๔๔");
	CHECK_INT(rows, 300);
	dl_free(dl);
	fix_close(&x);
}

TEST(typeset_toc_and_bookmarks)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	Doc *d = doc_new(x.a);
	doc_set_words(d, &page_words);
	d->number_headings = 1;
	DocBlock *cv = doc_cover(d);
	doc_cover_line(d, cv, "รายงานผลการดำเนินงาน", 24, 1, 0);
	doc_toc(d, DOC_CAPTION_NONE);
	doc_pagebreak(d, 0);
	doc_heading(d, 1, NULL, "บทนำ");
	doc_para(d, "ข้อความ");
	doc_pagebreak(d, 1);
	doc_heading(d, 1, NULL, "ผลการดำเนินงาน");
	doc_heading(d, 2, NULL, "เป้าหมายเชิงปริมาณ");
	DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
	CHECK(dl != NULL);
	CHECK_INT(dl->npages, 4);
	CHECK_INT(dl->nmarks, 3);
	CHECK_STR(dl->marks[0].title, "1 บทนำ");
	CHECK_INT(dl->marks[1].page, 3);
	CHECK_STR(dl->marks[2].title, "2.1 เป้าหมายเชิงปริมาณ");
	/* landscape page */
	CHECK(dl->pages[3].w > dl->pages[3].h);
	/* TOC entries with printed page numbers: cover unnumbered, TOC = 1 */
	int found = 0;
	for (size_t i = 0; i < dl->pages[1].nitems; i++) {
		const DlItem *it = &dl->pages[1].items[i];
		if (it->kind == DL_TEXT && strcmp(it->u.text.src, "toc1n") == 0)
			found = strcmp(it->u.text.text, "3") == 0;
	}
	CHECK(found);
	CHECK_INT(count_text(dl, 0, "หน้า"), 0);
	dl_free(dl);
	fix_close(&x);
}

TEST(typeset_fmt_num_ignores_locale)
{
	char b[40];
	dl_fmt_num(b, 12.5, 2);
	CHECK_STR(b, "12.5");
	dl_fmt_num(b, -0.004, 2);
	CHECK_STR(b, "0");
	dl_fmt_num(b, 841.8898, 3);
	CHECK_STR(b, "841.89");
	dl_fmt_num(b, 100, 2);
	CHECK_STR(b, "100");
}

/* Against printf's %.*f in the C locale, trailing zeros dropped, over
 * coordinates, sizes and colours of every kind (0 to 4 decimals, both
 * signs, halves): the digits a page's content is made of. */
TEST(typeset_fmt_num_matches_printf)
{
	unsigned x = 12345;
	int bad = 0;
	for (int i = 0; i < 20000 && !bad; i++) {
		x = x * 1103515245u + 12345u;
		double v = ((double)(x % 4000000) - 2000000) / 997.0;
		if (i % 5 == 0)
			v = (double)((int)(x % 20001) - 10000) / 8.0;   /* halves and eighths */
		int d = i % 5;
		char got[40], want[64];
		dl_fmt_num(got, v, d);
		double scale = 1;
		for (int k = 0; k < d; k++)
			scale *= 10;
		long long q = llround(fabs(v) * scale);
		c_snprintf(want, sizeof want, "%s%.*f", q != 0 && v < 0 ? "-" : "", d, (double)q / scale);
		if (strchr(want, '.')) {
			size_t n = strlen(want);
			while (want[n - 1] == '0')
				want[--n] = '\0';
			if (want[n - 1] == '.')
				want[--n] = '\0';
		}
		bad = strcmp(got, want) != 0;
		if (bad)
			fprintf(stderr, "dl_fmt_num(%.17g, %d) = %s, printf says %s\n", v, d, got, want);
	}
	CHECK(!bad);
}

TEST(typeset_newline_is_a_hard_break)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	static char lines[8][512];
	/* Wide enough for all of it on one line: the newlines still break. */
	size_t n = break_at(&x, "กิจกรรมที่ 4\n4.1 ประเมินผล\n4.2 สื่อ", 1000, lines, 8);
	CHECK_INT(n, 3);
	CHECK_STR(lines[0], "กิจกรรมที่ 4");
	CHECK_STR(lines[1], "4.1 ประเมินผล");
	CHECK_STR(lines[2], "4.2 สื่อ");
	/* The natural width is the longest line, not the sum. */
	TsText *t = ts_text_shape(x.c, x.a, NULL, "กขค\nก", 16, 0);
	TsText *one = ts_text_shape(x.c, x.a, NULL, "กขค", 16, 0);
	double minw, maxw, minw1, maxw1;
	ts_text_measure(t, &minw, &maxw);
	ts_text_measure(one, &minw1, &maxw1);
	CHECK_NEAR(maxw, maxw1, 1e-6);
	fix_close(&x);
}

/* The page a text containing needle is on, or -1. */
static int
page_of(const DisplayList *dl, const char *needle)
{
	for (size_t p = 0; p < dl->npages; p++)
		if (count_text(dl, p, needle) > 0)
			return (int)p;
	return -1;
}

/* Fill the first page with filler lines, then (with_heading) a heading, a
 * caption kept with its table, and a ten-row table. Fails the test when the
 * heading or the caption does not land on the table's first page. */
static void
check_kept_with_table(Fix *x, int filler, int with_heading)
{
	Arena *a = arena_new();
	Doc *d = doc_new(a);
	doc_set_words(d, &page_words);
	for (int i = 0; i < filler; i++)
		doc_para(d, "บรรทัดเติมหน้า");
	if (with_heading)
		doc_heading(d, 2, "3.4", "หัวข้อทดสอบ");
	doc_para(d, "ตารางที่ 9 ตัวอย่าง")->u.para.keep_with_next = 1;
	DocBlock *t = doc_table(d, 2);
	DocRow *h = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h, "หัวตาราง");
	doc_row_cell(d, h, "ค่า");
	for (int i = 0; i < 10; i++) {
		DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
		doc_row_cell(d, r, "แถว");
		doc_row_cell(d, r, "1");
	}
	DisplayList *dl = ts_layout(x->c, d, &x->s, TEST_CREATED, x->d);
	CHECK(dl != NULL);
	if (dl) {
		int pt = page_of(dl, "หัวตาราง"), pc = page_of(dl, "ตารางที่ 9");
		int ph = with_heading ? page_of(dl, "หัวข้อทดสอบ") : pt;
		if (pc != pt || ph != pt)
			test_fail(__FILE__, __LINE__, "filler %d: heading on page %d, caption on %d, table on %d",
			    filler, ph, pc, pt);
		dl_free(dl);
	}
	arena_free(a);
}

/* For each amount of filler the caption lands on the table's page. */
TEST(typeset_caption_stays_with_its_table)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	for (int filler = 20; filler <= 40; filler++)
		check_kept_with_table(&x, filler, 0);
	fix_close(&x);
}

/* A heading, a caption and a table are one chain: the heading lands on the
 * page where the table starts. */
TEST(typeset_heading_stays_with_caption_and_table)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	for (int filler = 20; filler <= 40; filler++)
		check_kept_with_table(&x, filler, 1);
	fix_close(&x);
}

/* Whether some text item of dl tagged src holds needle whole. */
static int
item_has(const DisplayList *dl, const char *src, const char *needle)
{
	for (size_t p = 0; p < dl->npages; p++)
		for (size_t i = 0; i < dl->pages[p].nitems; i++) {
			const DlItem *it = &dl->pages[p].items[i];
			if (it->kind == DL_TEXT && strcmp(it->u.text.src, src) == 0 &&
			    strstr(it->u.text.text, needle))
				return 1;
		}
	return 0;
}

TEST(typeset_header_column_fits_its_widest_word)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	/* Fixed widths that fill the page and leave the last column narrower
	 * than ปีงบประมาณ (a keep word): the other columns give way. */
	for (int fixed = 0; fixed < 2; fixed++) {
		Arena *a = arena_new();
		Doc *d = doc_new(a);
		doc_set_words(d, &page_words);
		DocBlock *t = doc_table(d, 4);
		if (fixed) {
			doc_table_column(t, 0, 60, DOC_ALIGN_LEFT);
			doc_table_column(t, 1, 60, DOC_ALIGN_LEFT);
			doc_table_column(t, 2, 33, DOC_ALIGN_RIGHT);
			doc_table_column(t, 3, 12, DOC_ALIGN_RIGHT);
		}
		DocRow *h = doc_table_row(d, t, DOC_ROW_HEADER);
		doc_row_cell(d, h, "แฟ้มข้อมูล");
		doc_row_cell(d, h, "รายละเอียด");
		doc_row_cell(d, h, "ความพึงพอใจ");
		doc_row_cell(d, h, "นอกปีงบประมาณ");
		for (int i = 0; i < 3; i++) {
			DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
			/* Long body text: from content, the columns ask for more than
			 * the page and are squeezed. */
			doc_row_cell(d, r, "การประชุมคณะกรรมการ ก.ต.ป.น. แบบบูรณาการ จำนวน 6 ครั้งต่อปีงบประมาณ "
				"และการนิเทศติดตามการดำเนินงานของโรงเรียนในสังกัดทุกโรงเรียน");
			doc_row_cell(d, r, "กิจกรรมนิเทศยกระดับผลสัมฤทธิ์โรงเรียนกลุ่มสีดำ สีแดง และสีเหลือง "
				"ด้วยการนิเทศแบบเพื่อนช่วยเพื่อนและเครือข่ายผู้ปกครอง");
			doc_row_cell(d, r, "4.52");
			doc_row_cell(d, r, "0");
		}
		DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
		CHECK(dl != NULL);
		if (dl) {
			if (!item_has(dl, "t1r0c3", "ปีงบประมาณ"))
				test_fail(__FILE__, __LINE__, "fixed=%d: ปีงบประมาณ broken in its header", fixed);
			if (!item_has(dl, "t1r0c2", "พึงพอใจ"))
				test_fail(__FILE__, __LINE__, "fixed=%d: พึงพอใจ broken in its header", fixed);
			/* the table still fits the text width */
			double right = (210 - 20) * 2.834645669;
			for (size_t i = 0; i < dl->pages[0].nitems; i++) {
				const DlItem *it = &dl->pages[0].items[i];
				if (it->kind == DL_RECT)
					CHECK(it->u.rect.x + it->u.rect.w <= right + 0.5);
			}
			dl_free(dl);
		}
		arena_free(a);
	}
	fix_close(&x);
}

/* Shaping in pieces (words remembered between texts) gives the glyphs and
 * positions HarfBuzz gives the whole run: texts with kerned letters (เ แ โ
 * ใ ไ ร ว in Laksaman), Latin words that kern (AVA, Office), marks on
 * tall letters, and words met first in another text. */
TEST(typeset_pieces_shape_as_the_whole_run)
{
	static const char *const texts[] = {
		"ศึกษานิเทศก์ไปนิเทศโรงเรียนบ้านควนประกอบ เมื่อวันที่ ๑๒ มกราคม ๒๕๕๘",
		"ผู้อำนวยการโรงเรียนให้ความร่วมมือ แล้วไปญี่ปุ่นเพื่อดูงาน น้ำใจ ฟ้าใส ปี่ ที่",
		"AVA Office Wave ใช้ระบบ Coaching and Mentoring ในการนิเทศภายใน โรงเรียนไปนิเทศ",
		"เว็บไซต์ แบบสำรวจ โปรแกรม ไม้โท ใบไม้ ไปญี่ปุ่นเพื่อดูงาน",
	};
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	hb_buffer_t *buf = hb_buffer_create();
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
			TsText *t = ts_text_shape(x.c, x.a, NULL, texts[i], 16, 0);
			/* Laksaman covers every character here: one run, one face. */
			const TsFace *fc = &x.f->faces[t->gface[0]];
			hb_buffer_clear_contents(buf);
			hb_buffer_add_utf8(buf, t->str, (int)t->len, 0, (int)t->len);
			hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
			hb_buffer_set_script(buf, HB_SCRIPT_THAI);
			hb_buffer_set_language(buf, hb_language_from_string("th", 2));
			hb_shape(fc->font, buf, NULL, 0);
			unsigned n = 0;
			hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(buf, &n);
			hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(buf, &n);
			CHECK(n == t->ng);
			for (unsigned k = 0; k < n && k < t->ng; k++) {
				const DlGlyph *g = &t->glyphs[k];
				if (g->gid != gi[k].codepoint || g->adv != gp[k].x_advance || g->dx != gp[k].x_offset ||
				    g->dy != gp[k].y_offset) {
					test_fail(__FILE__, __LINE__, "text %zu glyph %u: %u/%d/%d/%d, whole run %u/%d/%d/%d",
					    i, k, (unsigned)g->gid, g->adv, g->dx, g->dy, gi[k].codepoint, gp[k].x_advance,
					    gp[k].x_offset, gp[k].y_offset);
					break;
				}
			}
		}
	hb_buffer_destroy(buf);
	fix_close(&x);
}

/* A table of many columns whose widest words together are wider than the
 * page (a per-network table of ten figures): a keep word and a number are
 * never cut in a narrow column (ศึกษานิเทศ|ก์, 1,234,|567); the table's type
 * is set smaller instead, and the table stays inside the page. */
TEST(typeset_narrow_columns_keep_words_and_numbers_whole)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	enum { NC = 11 };
	Arena *a = arena_new();
	Doc *d = doc_new(a);
	doc_set_words(d, &page_words);
	DocBlock *t = doc_table(d, NC);
	DocRow *h = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h, "ผู้รับผิดชอบ");
	for (int k = 1; k < NC; k++)
		doc_row_cell(d, h, "งบ");
	for (int i = 0; i < 3; i++) {
		DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
		doc_row_cell(d, r, "ศึกษานิเทศก์");
		for (int k = 1; k < NC; k++)
			doc_row_cell(d, r, k % 2 ? "1,234,567.89" : "๓.๑.๑๐");
	}
	DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
	CHECK(dl != NULL);
	if (dl) {
		double right = (210 - 20) * 2.834645669;
		for (size_t i = 0; i < dl->pages[0].nitems; i++) {
			const DlItem *it = &dl->pages[0].items[i];
			if (it->kind == DL_RECT)
				CHECK(it->u.rect.x + it->u.rect.w <= right + 0.5);
			if (it->kind != DL_TEXT || strncmp(it->u.text.src, "t1r", 3) != 0 ||
			    strncmp(it->u.text.src, "t1r0", 4) == 0)
				continue;
			const char *s = it->u.text.text;
			if (strcmp(s, "ศึกษานิเทศก์") != 0 && strcmp(s, "1,234,567.89") != 0 && strcmp(s, "๓.๑.๑๐") != 0)
				test_fail(__FILE__, __LINE__, "a body cell's line is \"%s\": a word or number was cut", s);
		}
		dl_free(dl);
	}
	arena_free(a);
	fix_close(&x);
}

/* The lines of text at width w (justify as given), each checked against
 * the breaks a Thai reader refuses: compound parts split (one part a word
 * of one syllable), a name split when a space before it allows otherwise. */
TEST(typeset_compounds_and_names_stay_whole)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	static const char *const texts[] = {
		"ตัวเลขทุกรายการคำนวณจากข้อมูลการนิเทศ การประเมิน การสำรวจความพึงพอใจ และการเบิกจ่าย "
		"ตามเกณฑ์ที่ระบุไว้ในภาคผนวก",
		"บ้านกงหรา, วัดชะรัด, บ้านคลองทรายขาว, บ้านโหล๊ะจันกระ, บ้านห้วยน้ำใส, บ้านเขาชัยสน, "
		"บ้านนาโหนด, บ้านควนกรวด, บ้านนาปะขอ, วัดนาปะขอ, บ้านทุ่งบัว, บ้านแหลมกรวด",
		"นักเรียน / ครู / ผู้บริหาร",
		"กิจกรรมนิเทศยกระดับผลสัมฤทธิ์โรงเรียน กลุ่ม “สีดำ – สีแดง”",
		/* a closing quote before the compound ends a phrase: break there */
		"กิจกรรมนิเทศแบบพบกลุ่ม “กิจกรรมสวัสดีคุณครู”ผู้บริหาร  และครูทุกคน",
	};
	static const char *const bad[][2] = {
		{ "ภาค", "ผนวก" }, { "บ้านห้วยน้ำ", "ใส" }, { "วัดนาปะ", "ขอ" }, { "ผู้", "บริหาร" },
		{ "สี", "แดง" }, { "การ", "ศึกษา" },
	};
	static char lines[64][512];
	int checked = 0;
	for (size_t ti = 0; ti < sizeof texts / sizeof texts[0]; ti++) {
		for (double w = 80; w <= 460; w += 3) {
			size_t n = break_at(&x, texts[ti], w, lines, 64);
			for (size_t k = 0; k + 1 < n && k + 1 < 64; k++) {
				checked++;
				for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
					size_t ll = strlen(lines[k]), bl = strlen(bad[b][0]);
					if (ll >= bl && strcmp(lines[k] + ll - bl, bad[b][0]) == 0 &&
					    strncmp(lines[k + 1], bad[b][1], strlen(bad[b][1])) == 0)
						test_fail(__FILE__, __LINE__, "width %g: %s|%s", w, bad[b][0], bad[b][1]);
				}
			}
		}
	}
	CHECK(checked > 200);
	fix_close(&x);
}

/* Extra advance (points) of each glyph of a DL_TEXT line over the shaped
 * text t it was taken from, starting at glyph g0 of t. */
static double
glyph_extra(const DisplayList *dl, const DlItem *it, const TsText *t, size_t g0, size_t k)
{
	size_t at = 0;
	for (size_t r = 0; r < it->u.text.nruns; r++) {
		const DlRun *run = &it->u.text.runs[r];
		for (size_t g = 0; g < run->n; g++, at++)
			if (at == k)
				return (double)(run->glyphs[g].adv - t->glyphs[g0 + k].adv) * run->size /
					dl->fonts[run->font]->upem;
	}
	return 0;
}

TEST(typeset_justify_stretches_spaces_first_and_caps_word_gaps)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	/* Two lines whose first must end before a long Latin token (broken only
	 * at spaces): the Thai line has no space and must either take small gaps
	 * at real word boundaries or stay ragged; never a gap after a word of
	 * one syllable (การ|ศึกษา, ยก|ระดับ). */
	static const char *const texts[] = {
		"การนิเทศเป็นองค์ประกอบหนึ่งของกระบวนการพัฒนาคุณภาพการศึกษาที่จะช่วยยกระดับ "
		"https://www.obec.go.th/supervision/reports/annual-2558/appendix-tables.pdf",
		"สำนักงานเขตพื้นที่การศึกษา เป็นหน่วยงานทางการศึกษาที่ทำหน้าที่ในการ กำกับ ติดตามประเมินผล "
		"และนิเทศการศึกษา สถานศึกษาขั้นพื้นฐาน ซึ่งในการกำกับ ดูแลใช้กระบวนการนิเทศการศึกษาเป็นกระบวนการ"
		"ที่เสริมคุณภาพของการจัดการเรียนการสอน",
	};
	int ragged = 0, justified = 0;
	for (size_t ti = 0; ti < sizeof texts / sizeof texts[0]; ti++) {
		for (double w = 250; w <= 460; w += 10) {
			TsText *t = ts_text_shape(x.c, x.a, NULL, texts[ti], 16, 0);
			TsLine *ln;
			size_t n = ts_text_break(t, x.a, w, w, 1, &ln);
			DisplayList *dl = dl_new(ts_fonts_dl(x.f), ts_fonts_count(x.f));
			dl_add_page(dl, 595, 842);
			for (size_t k = 0; k + 1 < n; k++) {
				ts_text_emit(x.c, dl, 0, t, ln, k, n, 0, 500, w, DOC_ALIGN_JUSTIFY, "p");
				const DlItem *it = &dl->pages[0].items[dl->pages[0].nitems - 1];
				if (it->u.text.width < w - 0.5) {
					/* ragged: natural spacing throughout */
					ragged++;
					CHECK_NEAR(it->u.text.width, ln[k].width, 0.01);
				} else {
					justified++;
				}
				size_t g0 = t->cl[ln[k].c0].g0;
				for (size_t i = ln[k].c0 + 1; i < ln[k].c1; i++) {
					const TsCluster *c = &t->cl[i];
					double extra = glyph_extra(dl, it, t, g0, c->g0 - 1 - g0);
					if (extra <= 0.001)
						continue;
					if (t->cl[i - 1].flags & TS_SPACE) {
						CHECK(extra <= TS_JUST_SPACE_EM * t->em + 0.05);
					} else {
						/* only at a word boundary, capped, not next to a bound word */
						CHECK((c->flags & (TS_BRK | TS_INRUN | TS_GLUE)) == (TS_BRK | TS_INRUN));
						if (extra > TS_JUST_WORD_EM * t->em + 0.05)
							test_fail(__FILE__, __LINE__, "width %g: word gap %.2f pt", w, extra);
					}
				}
			}
			dl_free(dl);
		}
	}
	CHECK(ragged > 0);
	CHECK(justified > 0);
	fix_close(&x);
}

static int
is_thai_at(const char *s)
{
	uint32_t cp = 0;
	return utf8_decode(s, strlen(s), &cp) > 0 && utf8_is_thai(cp);
}

/* Thai distributed (the default of reports): a justified line's extra
 * width goes evenly to every gap between the grapheme clusters of its Thai
 * text, at most TS_DIST_GAP_EM each, a space taking twice as much; nothing
 * inside a cluster (a mark stays on its letter), nothing between digits or
 * Latin letters; the last line, and a line that would need more, ragged. */
TEST(typeset_thai_distributed_spreads_over_characters)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	ts_ctx_set_justify(x.c, TS_JUSTIFY_THAI);
	static const char *const texts[] = {
		"การนิเทศเป็นองค์ประกอบหนึ่งของกระบวนการพัฒนาคุณภาพการศึกษาที่จะช่วยส่งเสริมให้มีการปรับปรุงกระบวน"
		"การจัดการเรียนการสอนและปรับปรุงวิธีสอนให้ผู้เรียนได้เรียนรู้อย่างมีประสิทธิภาพสูงขึ้น",
		"ปีงบประมาณ 2558 สำนักงานเขตพื้นที่การศึกษาประถมศึกษาได้กำหนดนโยบาย 8+4 ได้แก่ นโยบายด้านคุณภาพ"
		"การศึกษา (Educational quality policies) 8 ข้อ ศึกษานิเทศก์ ผู้อำนวยการ น้ำ ญี่ปุ่น ฟ้า ปี่",
	};
	int justified = 0, ragged = 0;
	for (size_t ti = 0; ti < sizeof texts / sizeof texts[0]; ti++) {
		for (double w = 200; w <= 460; w += 20) {
			TsText *t = ts_text_shape(x.c, x.a, NULL, texts[ti], 16, 0);
			TsLine *ln;
			size_t n = ts_text_break(t, x.a, w, w, TS_JUSTIFY_THAI, &ln);
			DisplayList *dl = dl_new(ts_fonts_dl(x.f), ts_fonts_count(x.f));
			dl_add_page(dl, 595, 842);
			for (size_t k = 0; k < n; k++) {
				ts_text_emit(x.c, dl, 0, t, ln, k, n, 0, 500, w, DOC_ALIGN_JUSTIFY, "p");
				const DlItem *it = &dl->pages[0].items[dl->pages[0].nitems - 1];
				int filled = it->u.text.width >= w - 0.5;
				if (k + 1 == n)
					CHECK(!filled || fabs(ln[k].width - w) < 0.5);    /* the last line ragged */
				else if (filled)
					justified++;
				else
					ragged++;
				size_t g0 = t->cl[ln[k].c0].g0;
				double gap = -1;
				for (size_t i = ln[k].c0; i < ln[k].c1; i++) {
					const TsCluster *c = &t->cl[i];
					/* inside a cluster: untouched */
					size_t g1 = ts_cl_glyph_end(t, i);
					for (size_t g = c->g0; g + 1 < g1; g++)
						CHECK(fabs(glyph_extra(dl, it, t, g0, g - g0)) < 0.001);
					if (i + 1 >= ln[k].c1)
						continue;
					double extra = glyph_extra(dl, it, t, g0, g1 - 1 - g0);
					const TsCluster *next = &t->cl[i + 1];
					if (c->flags & TS_SPACE) {
						if (filled && gap > 0)
							CHECK_NEAR(extra, 2 * gap, 0.05);
					} else if (next->flags & TS_SPACE) {
						CHECK(extra < 0.001);
					} else if (!is_thai_at(t->str + c->byte0) || !is_thai_at(t->str + next->byte0)) {
						CHECK(extra < 0.001);    /* 2558, 8+4, Educational: never spaced out */
					} else if (filled && extra > 0.001) {
						CHECK(extra <= TS_DIST_GAP_EM * t->em + 0.05);
						if (gap < 0)
							gap = extra;
						else
							CHECK_NEAR(extra, gap, 0.05);    /* evenly */
					}
				}
			}
			dl_free(dl);
		}
	}
	CHECK(justified > 10);
	CHECK(ragged >= 0);
	fix_close(&x);
}

/* The block a text item's source tag belongs to: "p7" for a paragraph,
 * "l9" for a list's lines and markers, "b4" for a label list's labels and
 * values; 0 for anything else (tables, headings, running heads). */
static int
block_key(const char *src, char *key, size_t size, int *marker)
{
	char kind = src[0];
	size_t i = 1;
	if (kind != 'p' && kind != 'l' && kind != 'b')
		return 0;
	while (src[i] >= '0' && src[i] <= '9')
		i++;
	if (i == 1)
		return 0;
	if (kind == 'p' ? src[i] != '\0' : (src[i] == '\0' || !strchr(kind == 'l' ? "im" : "lv", src[i])))
		return 0;
	*marker = kind == 'l' && src[i] == 'm';
	snprintf(key, size, "%.*s", (int)i, src);
	return 1;
}

/* Fails the test when a paragraph, list or label list of dl is split over
 * pages with a single line alone on one of them, or a list with its last
 * item alone at the head of a page. what names the case in the message. */
static void
check_no_widows(const DisplayList *dl, const char *what)
{
	enum { MAXB = 64 };
	static char keys[MAXB][16];
	static size_t lines[MAXB][16], marks[MAXB][16];
	static double lasty[MAXB][16];
	size_t nb = 0;
	memset(lines, 0, sizeof lines);
	memset(marks, 0, sizeof marks);
	for (size_t p = 0; p < dl->npages && p < 16; p++)
		for (size_t i = 0; i < dl->pages[p].nitems; i++) {
			const DlItem *it = &dl->pages[p].items[i];
			char key[16];
			int marker;
			if (it->kind != DL_TEXT || !block_key(it->u.text.src, key, sizeof key, &marker))
				continue;
			size_t b = 0;
			while (b < nb && strcmp(keys[b], key) != 0)
				b++;
			if (b == nb) {
				if (nb == MAXB)
					continue;
				snprintf(keys[nb++], sizeof keys[0], "%s", key);
			}
			if (marker) {
				marks[b][p]++;
				continue;
			}
			/* a label and its value share a baseline: one line */
			if (lines[b][p] == 0 || fabs(lasty[b][p] - it->u.text.y) > 0.5)
				lines[b][p]++;
			lasty[b][p] = it->u.text.y;
		}
	for (size_t b = 0; b < nb; b++) {
		size_t pages = 0, last = 0;
		for (size_t p = 0; p < 16; p++)
			if (lines[b][p] > 0) {
				pages++;
				last = p;
			}
		if (pages < 2)
			continue;
		for (size_t p = 0; p < 16; p++)
			if (lines[b][p] == 1)
				test_fail(__FILE__, __LINE__, "%s: one line of %s alone on page %zu", what, keys[b], p + 1);
		if (marks[b][last] == 1)
			test_fail(__FILE__, __LINE__, "%s: the last item of %s alone on page %zu", what, keys[b], last + 1);
	}
}

/* Paragraphs of four to six lines after enough one-line filler that, for
 * some amounts, line-by-line pagination leaves their first line alone at a
 * page's foot or their last alone at the next page's head. */
TEST(typeset_no_widows_or_orphans_in_paragraphs)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	const char *para = "สำนักงานเขตพื้นที่การศึกษา เป็นหน่วยงานทางการศึกษาที่ทำหน้าที่ในการ กำกับ ติดตามประเมินผล "
		"และนิเทศการศึกษา สถานศึกษาขั้นพื้นฐาน ซึ่งในการกำกับ ดูแลใช้กระบวนการนิเทศการศึกษาเป็นกระบวนการ"
		"ที่เสริมคุณภาพของการจัดการเรียนการสอน การนิเทศเป็นองค์ประกอบหนึ่งของกระบวนการพัฒนาคุณภาพ"
		"การศึกษาที่จะช่วยยกระดับ ให้มีการปรับปรุงกระบวนการจัดการเรียนรู้";
	int split = 0;
	for (int filler = 20; filler <= 34; filler++) {
		Arena *a = arena_new();
		Doc *d = doc_new(a);
		doc_set_words(d, &page_words);
		for (int i = 0; i < filler; i++)
			doc_para(d, "บรรทัดเติมหน้า");
		doc_para(d, para)->u.para.align = DOC_ALIGN_JUSTIFY;
		doc_para(d, para);
		DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
		CHECK(dl != NULL);
		if (dl) {
			char what[32];
			snprintf(what, sizeof what, "filler %d", filler);
			check_no_widows(dl, what);
			split += dl->npages > 1 && count_text(dl, 1, "การ") > 0 && count_text(dl, 0, "การ") > 0;
			dl_free(dl);
		}
		arena_free(a);
	}
	/* some of the cases did split a paragraph over the pages */
	CHECK(split > 3);
	fix_close(&x);
}

/* Lists of three-line items and label lists at the foot of the page: no
 * line, item or row alone on either page; a heading stays with a short
 * label list and the label list stays whole (a list of facts read as one,
 * "ระดับคุณภาพ" was left alone on page 2 of a school's report). */
TEST(typeset_no_widows_in_lists_and_labels)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	const char *item = "กิจกรรมนิเทศยกระดับผลสัมฤทธิ์โรงเรียนกลุ่มสีดำ สีแดง และสีเหลือง ด้วยการนิเทศแบบเพื่อน"
		"ช่วยเพื่อนและเครือข่ายผู้ปกครอง การประชุมคณะกรรมการ ก.ต.ป.น. แบบบูรณาการ จำนวน 6 ครั้ง";
	for (int filler = 20; filler <= 34; filler++) {
		Arena *a = arena_new();
		Doc *d = doc_new(a);
		doc_set_words(d, &page_words);
		for (int i = 0; i < filler; i++)
			doc_para(d, "บรรทัดเติมหน้า");
		DocBlock *l = doc_list(d, 0);
		for (int i = 0; i < 4; i++)
			doc_list_item(d, l, item);
		doc_heading(d, 2, "2", "ผลการประเมินการนิเทศภายใน");
		DocBlock *b = doc_labels(d);
		doc_label(d, b, "ครั้งที่ / วันที่", "2 / 7 กรกฎาคม 2558");
		doc_label(d, b, "คะแนนรายด้าน (PIDRE) ของการประเมินรอบที่สอง", "3 4 3 3 4");
		doc_label(d, b, "ร้อยละของคะแนน", "68.00");
		doc_label(d, b, "ระดับคุณภาพ", "3 ดี (ผ่านเกณฑ์)");
		for (int i = 0; i < 10; i++)
			doc_para(d, "บรรทัดเติมหน้า");
		DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
		CHECK(dl != NULL);
		if (dl) {
			char what[32];
			snprintf(what, sizeof what, "filler %d", filler);
			check_no_widows(dl, what);
			int ph = page_of(dl, "ผลการประเมินการนิเทศภายใน");
			int p0 = page_of(dl, "ครั้งที่ / วันที่"), p3 = page_of(dl, "ระดับคุณภาพ");
			if (ph != p0 || p0 != p3)
				test_fail(__FILE__, __LINE__, "%s: heading on page %d, labels on %d to %d", what, ph, p0, p3);
			dl_free(dl);
		}
		arena_free(a);
	}
	fix_close(&x);
}

/* Short Thai dates never break inside, a number keeps its unit word and
 * the short word before it, and a date range breaks after its dash; only a
 * line narrower than the tied piece breaks it, and then at a space. */
TEST(typeset_short_dates_and_units_stay_whole)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	double minw, maxw;
	TsText *date = ts_text_shape(x.c, x.a, NULL, "5 มี.ค. 58", 16, 0);
	ts_text_measure(date, &minw, &maxw);
	CHECK_NEAR(minw, maxw, 0.01);
	/* A date with the month in full is one piece too. */
	double fmin, fmax;
	ts_text_measure(ts_text_shape(x.c, x.a, NULL, "30 กันยายน 2558", 16, 0), &fmin, &fmax);
	CHECK_NEAR(fmin, fmax, 0.01);
	static char lines[32][512];
	/* From the width of the widest tied piece of all three texts up. */
	double from = minw, m1, m2;
	ts_text_measure(ts_text_shape(x.c, x.a, NULL, "21 ต.ค. 57 - 12 พ.ย. 57", 16, 0), &m1, &m2);
	from = m1 > from ? m1 : from;
	ts_text_measure(ts_text_shape(x.c, x.a, NULL, "ร้อยละ 42.74 (เกณฑ์ 10 ครั้ง/โรง)", 16, 0), &m1, &m2);
	from = m1 > from ? m1 : from;
	for (double w = from + 0.5; w < from + 80; w += 2) {
		size_t n = break_at(&x, "5 มี.ค. 58", w, lines, 32);
		CHECK_INT(n, 1);
		n = break_at(&x, "21 ต.ค. 57 - 12 พ.ย. 57", w, lines, 32);
		for (size_t k = 0; k < n && k < 32; k++)
			if (strcmp(lines[k], "21 ต.ค. 57 -") != 0 && strcmp(lines[k], "12 พ.ย. 57") != 0 &&
			    strcmp(lines[k], "21 ต.ค. 57 - 12 พ.ย. 57") != 0)
				test_fail(__FILE__, __LINE__, "width %g: range line \"%s\"", w, lines[k]);
		n = break_at(&x, "ร้อยละ 42.74 (เกณฑ์ 10 ครั้ง/โรง)", w, lines, 32);
		int whole = 0;
		for (size_t k = 0; k < n && k < 32; k++)
			whole |= strstr(lines[k], "10 ครั้ง/โรง)") != NULL;
		if (!whole)
			test_fail(__FILE__, __LINE__, "width %g: 10 ครั้ง/โรง split", w);
	}
	/* Narrower than the date: it breaks at a space, not inside a word. */
	size_t n = break_at(&x, "5 มี.ค. 58", minw - 2, lines, 32);
	CHECK(n >= 2);
	for (size_t k = 0; k < n && k < 32; k++)
		CHECK(strcmp(lines[k], "5") == 0 || strcmp(lines[k], "มี.ค.") == 0 || strcmp(lines[k], "58") == 0 ||
		    strcmp(lines[k], "5 มี.ค.") == 0 || strcmp(lines[k], "มี.ค. 58") == 0);
	/* เขต 2 in a paragraph: never เขต | 2. */
	const char *para = "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพัทลุง "
		"เขต 2 ระหว่างวันที่ 1 ตุลาคม 2557 ถึงวันที่ 30 กันยายน 2558";
	for (double w = 120; w <= 460; w += 4) {
		n = break_at(&x, para, w, lines, 32);
		for (size_t k = 0; k + 1 < n && k + 1 < 32; k++) {
			size_t ll = strlen(lines[k]);
			if (ll >= 9 && strcmp(lines[k] + ll - 9, "เขต") == 0 && lines[k + 1][0] == '2')
				test_fail(__FILE__, __LINE__, "width %g: เขต | 2", w);
		}
	}
	/* In a table squeezed by long text, the date column keeps its dates whole. */
	Arena *a = arena_new();
	Doc *d = doc_new(a);
	doc_set_words(d, &page_words);
	DocBlock *t = doc_table(d, 4);
	DocRow *h = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h, "กิจกรรม");
	doc_row_cell(d, h, "ล่าสุด");
	doc_row_cell(d, h, "ผู้นิเทศ");
	doc_row_cell(d, h, "หมายเหตุ");
	for (int i = 0; i < 3; i++) {
		DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
		doc_row_cell(d, r, "กิจกรรมนิเทศยกระดับผลสัมฤทธิ์โรงเรียนกลุ่มสีดำ สีแดง และสีเหลือง "
			"ด้วยการนิเทศแบบเพื่อนช่วยเพื่อนและเครือข่ายผู้ปกครอง");
		doc_row_cell(d, r, "5 มี.ค. 58");
		doc_row_cell(d, r, "นางจิราพร ชูช่วย นางสาวกาญจนา ศรีสุวรรณ นายธนากร ด้วงแก้ว");
		doc_row_cell(d, r, "การประชุมคณะกรรมการ ก.ต.ป.น. แบบบูรณาการ จำนวน 6 ครั้งต่อปีงบประมาณ");
	}
	DisplayList *dl = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
	CHECK(dl != NULL);
	if (dl) {
		for (int r = 1; r <= 3; r++) {
			char src[32];
			snprintf(src, sizeof src, "t1r%dc1", r);
			if (!item_has(dl, src, "5 มี.ค. 58"))
				test_fail(__FILE__, __LINE__, "row %d: the date is broken in its cell", r);
		}
		dl_free(dl);
	}
	arena_free(a);
	fix_close(&x);
}

/* The first line of a justified paragraph (indented, so 418 of 454 points
 * here) fills its box when other breaks allow: left short it reads as a
 * paragraph of its own. */
TEST(typeset_justified_first_line_fills)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	const char *text = "สำนักงานเขตพื้นที่การศึกษา เป็นหน่วยงานทางการศึกษาที่ทำหน้าที่ในการ กำกับ ติดตามประเมินผล "
		"และนิเทศการศึกษา สถานศึกษาขั้นพื้นฐาน ซึ่งในการกำกับ ดูแลใช้กระบวนการนิเทศการศึกษาเป็นกระบวนการ"
		"ที่เสริมคุณภาพของการจัดการเรียนการสอน การปฏิบัติการนิเทศการศึกษาจึงเป็นการปฏิบัติงานที่มุ่งสนับสนุน"
		"ความสามารถของครูให้สามารถจัดกิจกรรมการเรียนการสอนที่ส่งผลต่อการเรียนรู้ของนักเรียนอย่างแท้จริง";
	double wf = 418.11, wr = 453.54;
	TsText *t = ts_text_shape(x.c, x.a, NULL, text, 16, 0);
	TsLine *ln;
	size_t n = ts_text_break(t, x.a, wf, wr, 1, &ln);
	CHECK(n >= 3);
	DisplayList *dl = dl_new(ts_fonts_dl(x.f), ts_fonts_count(x.f));
	dl_add_page(dl, 595, 842);
	ts_text_emit(x.c, dl, 0, t, ln, 0, n, 0, 500, wf, DOC_ALIGN_JUSTIFY, "p");
	CHECK_NEAR(dl->pages[0].items[0].u.text.width, wf, 0.5);
	dl_free(dl);
	fix_close(&x);
}

/* One number for everything page p of dl draws: kinds, places, texts. */
static uint64_t
page_sig(const DisplayList *dl, size_t p)
{
	uint64_t h = 1469598103934665603ULL;
	const DlPage *pg = &dl->pages[p];
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ULL)
	MIX(pg->nitems);
	for (size_t i = 0; i < pg->nitems; i++) {
		const DlItem *it = &pg->items[i];
		MIX(it->kind);
		if (it->kind == DL_TEXT) {
			MIX(llround(it->u.text.x * 100));
			MIX(llround(it->u.text.y * 100));
			MIX(llround(it->u.text.width * 100));
			for (const char *s = it->u.text.text; *s; s++)
				MIX((unsigned char)*s);
			for (size_t r = 0; r < it->u.text.nruns; r++)
				for (size_t g = 0; g < it->u.text.runs[r].n; g++) {
					MIX(it->u.text.runs[r].glyphs[g].gid);
					MIX(it->u.text.runs[r].glyphs[g].adv);
				}
		} else if (it->kind == DL_RECT) {
			MIX(llround(it->u.rect.y * 100));
			MIX(llround(it->u.rect.h * 100));
		}
	}
#undef MIX
	return h;
}

/* A table of n body rows whose cells take their texts from a few (some
 * wrap), the same few whatever n, so its columns are as wide for any n. */
static void
add_cycle_table(Doc *d, int n)
{
	static const char *name[] = { "บ้านควนประกอบ", "วัดป่าลิไลยก์", "บ้านท่ามะเดื่อ", "ชุมชนบ้านปากพะยูน",
		"โรงเรียนบ้านควนโคกยาซึ่งมีชื่อยาวมากจนต้องตัดบรรทัดในเซลล์ของตารางนี้อย่างแน่นอน",
		"บ้านหูแร่", "ศึกษานิเทศก์ประจำเครือข่าย" };
	static const char *mark[] = { "ก", "ข", "ค", "ง", "จ", "ฉ", "ช" };
	DocBlock *t = doc_table(d, 3);
	doc_table_column(t, 2, 0, DOC_ALIGN_RIGHT);
	DocRow *h = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h, "กลุ่ม");
	doc_row_cell(d, h, "โรงเรียน");
	doc_row_cell(d, h, "ร้อยละ");
	for (int i = 0; i < n; i++) {
		DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
		doc_row_cell(d, r, mark[i % 7]);
		doc_row_cell(d, r, name[(i / 3) % 7]);
		doc_row_cell(d, r, i % 2 ? "97.44" : "100.00");
	}
}

/* A table too long to keep its cells shaped (table.c's TABLE_KEEP_CELLS,
 * 4,096) shapes each row again when it draws it: its pages are those of
 * the same rows in a table short enough to keep them. */
TEST(typeset_long_table_shaped_row_by_row_lays_out_the_same)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	DocWords words = page_words;
	words.page_of = NULL;      /* "หน้า 3", the same in both */
	DisplayList *dl[2];
	int rows[2] = { 1400, 1300 };   /* 4,203 cells and 3,903 */
	for (int k = 0; k < 2; k++) {
		Doc *d = doc_new(x.a);
		doc_set_words(d, &words);
		add_cycle_table(d, rows[k]);
		dl[k] = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
		CHECK(dl[k] != NULL);
	}
	CHECK(dl[0]->npages > dl[1]->npages);
	CHECK(dl[1]->npages > 20);
	/* Every page of the shorter but its last is the longer's too. */
	for (size_t p = 0; p + 1 < dl[1]->npages; p++)
		CHECK(page_sig(dl[0], p) == page_sig(dl[1], p));
	dl_free(dl[0]);
	dl_free(dl[1]);
	fix_close(&x);
}

typedef struct Handed {
	uint64_t sig[1024];
	size_t n;
	int out_of_order;
} Handed;

static void
take_page(void *user, const DisplayList *dl, size_t p)
{
	Handed *h = user;
	if (p != h->n || p >= 1024) {
		h->out_of_order = 1;
		return;
	}
	h->sig[h->n++] = page_sig(dl, p);
}

/* ts_layout_pages hands on the pages ts_layout holds, in order: for a
 * document with contents (laid twice, never held), for one without that
 * turns out long (held to 200 pages, then laid again, never held), and
 * for a short one (held, then handed on); only the long ones are not
 * kept. */
TEST(typeset_pages_handed_on_are_the_whole_layouts)
{
	Fix x;
	CHECK(fix_open(&x, 0));
	if (!x.c)
		return;
	for (int kind = 0; kind < 3; kind++) {
		Doc *d = doc_new(x.a);
		doc_set_words(d, &page_words);
		d->header_text = "สพป.พัทลุง เขต 2";
		if (kind == 0) {
			doc_toc(d, DOC_CAPTION_NONE);
			doc_pagebreak(d, -1);
		}
		for (int s = 0; s < (kind == 2 ? 1 : 12); s++) {
			char title[128];
			snprintf(title, sizeof title, "ส่วนที่ %d ผลการนิเทศ", s + 1);
			doc_heading(d, 1, NULL, title);
			add_cycle_table(d, kind == 1 ? 600 : 120);
		}
		DisplayList *whole = ts_layout(x.c, d, &x.s, TEST_CREATED, x.d);
		Handed h = { .n = 0 };
		int again = -1;
		DisplayList *dl = ts_layout_pages(x.c, d, &x.s, TEST_CREATED, x.d, take_page, &h, &again);
		CHECK(whole != NULL && dl != NULL);
		CHECK_INT(again, 0);
		CHECK_INT(h.out_of_order, 0);
		CHECK_INT(h.n, whole->npages);
		CHECK_INT(dl->npages, whole->npages);
		CHECK_INT(dl->nmarks, whole->nmarks);
		if (kind == 1)
			CHECK(whole->npages > 200);
		for (size_t p = 0; p < h.n && p < whole->npages; p++) {
			CHECK(h.sig[p] == page_sig(whole, p));
			/* A long document is not held: no page keeps its items. */
			CHECK_INT(dl->pages[p].nitems == 0, kind != 2);
		}
		dl_free(whole);
		dl_free(dl);
	}
	fix_close(&x);
}
