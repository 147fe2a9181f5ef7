/* test_settings.c - config reading: defaults, values, and every error kind. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config/settings.h"
#include "core/diag.h"
#include "core/utf8.h"

/* Write text to a temporary .ini and load it; *d receives the diagnostics. */
static Settings *
load_text(const char *text, Diag **d)
{
	char path[] = "/tmp/nithet-test-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	FILE *fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	*d = diag_new(NULL);
	Settings *s = settings_load(path, NULL, *d);
	unlink(path);
	return s;
}

TEST(settings_defaults_match_domain)
{
	Settings *s = settings_defaults();
	CHECK_INT(s->fiscal_year, 2558);
	CHECK_INT(s->expected_schools, 117);
	CHECK_INT(s->pass_level, 3);
	CHECK_NEAR(s->satisfied_threshold, 3.51, 1e-9);
	CHECK_NEAR(s->body_size, 16, 1e-9);
	CHECK_NEAR(s->margin_left, 30, 1e-9);
	CHECK_NEAR(s->margin_right, 20, 1e-9);
	CHECK_NEAR(s->margin_top, 25, 1e-9);
	CHECK_NEAR(s->margin_bottom, 20, 1e-9);
	CHECK_NEAR(s->thai.scale, 0.66, 1e-9);
	CHECK_STR(s->thai.regular, "fonts/Laksaman.ttf");
	CHECK_STR(s->likert_bands[4].label, "มากที่สุด");
	CHECK_NEAR(s->likert_bands[3].min, 3.51, 1e-9);
	CHECK_STR(s->rubric_bands[2].label, "ดี");
	CHECK_NEAR(s->level_percent[2], 60, 1e-9);
	CHECK_INT(s->nkeep_words, 6);
	CHECK_STR(s->keep_words[0], "ศึกษานิเทศก์");
	CHECK_INT(s->nholidays, 0);
	settings_free(s);
}

TEST(settings_shipped_config_equals_defaults)
{
	/* config/nithet.ini must load clean: the shipped file is the defaults,
	 * but for the holidays, which are the year's (FY 2558's Tuesday
	 * holidays; the built-in default is none). */
	Diag *d = diag_new(stderr);
	Settings *s = settings_load("config/nithet.ini", NULL, d);
	CHECK(s != NULL);
	CHECK_INT(diag_errors(d), 0);
	if (s != NULL) {
		Settings *def = settings_defaults();
		SettingRule a[64], b[64];
		size_t na = settings_rules(s, a, 64), nb = settings_rules(def, b, 64);
		CHECK_INT(na, nb);
		for (size_t i = 0; i < na && i < nb; i++)
			if (strcmp(a[i].key, "holidays") != 0)
				CHECK_STR(a[i].value, b[i].value);
		CHECK_INT(s->nholidays, 0);  /* the plan's weekly target lists its own */
		settings_free(def);
	}
	settings_free(s);
	diag_free(d);
}

TEST(settings_values_are_read)
{
	Diag *d;
	Settings *s = load_text(
	    "; comment\n[office]\nfiscal_year = 2559\nname = สพป.ทดสอบ\n"
	    "[page]\nthai_digits = yes\norientation = landscape\nkeep_words = ก.ต.ป.น.\n"
	    "[calendar]\nholidays = 2015-04-14, 2015-05-05\n"
	    "[survey]\nlikert_bands = 1.00-1.80 a | 1.81-2.60 b | 2.61-3.40 c | 3.41-4.20 d | 4.21-5.00 e\n", &d);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(s->fiscal_year, 2559);
		CHECK_STR(s->office_name, "สพป.ทดสอบ");
		CHECK_INT(s->thai_digits, 1);
		CHECK_INT(s->landscape, 1);
		CHECK_INT(s->nkeep_words, 1);
		CHECK_INT(s->nholidays, 2);
		CHECK_STR(s->holidays[1], "2015-05-05");
		CHECK_NEAR(s->likert_bands[1].max, 2.60, 1e-9);
		CHECK_STR(s->likert_bands[4].label, "e");
		CHECK_INT(s->pass_level, 3); /* untouched keys keep their defaults */
	}
	settings_free(s);
	diag_free(d);
}

/* Expect a load to fail with one message on the given line containing want. */
static void
expect_error(const char *text, long line, const char *want)
{
	Diag *d;
	Settings *s = load_text(text, &d);
	CHECK(s == NULL);
	CHECK(diag_exit_status(d) == EXIT_USAGE);
	CHECK(diag_nrecords(d) >= 1);
	const DiagRecord *r = diag_record(d, 0);
	if (r) {
		CHECK_INT(r->line, line);
		if (strstr(r->text, want) == NULL)
			test_fail(__FILE__, __LINE__, "message \"%s\" lacks \"%s\"", r->text, want);
	}
	settings_free(s);
	diag_free(d);
}

TEST(settings_errors_name_the_line)
{
	expect_error("[office]\nfiscal_year = 2558\ncolour = red\n", 3, "unknown key 'colour' in [office]");
	expect_error("[office]\nfiscal_year = 2558\n\nfiscal_year = 2559\n", 4, "duplicate key 'fiscal_year'");
	expect_error("[pages]\nx = 1\n", 1, "unknown section [pages]");
	expect_error("[evaluation]\npass_level = 6\n", 2, "out of range");
	expect_error("[evaluation]\npass_level = three\n", 2, "not a whole number");
	expect_error("[page]\nbody_size = 16pt\n", 2, "not a number");
	expect_error("[page]\nthai_digits = maybe\n", 2, "yes or no");
	expect_error("[calendar]\nholidays = 2015-02-30\n", 2, "not a date");
	expect_error("fiscal_year = 2558\n", 1, "before any [section]");
	expect_error("[office]\njust words\n", 2, "not a setting");
	expect_error("[survey]\nlikert_bands = 1-2 a | 2-3 b\n", 2, "not 5 bands");
	/* Six bands once freed the parts twice (found by fuzz_config). */
	expect_error("[survey]\nlikert_bands = 1-1.2 a | 1.3-2 b | 2.1-3 c | 3.1-4 d | 4.1-4.5 e | 4.6-5 f\n",
	    2, "more than 5 bands");
	expect_error("[survey]\nlikert_bands = 1-2 a | 1.5-3 b | 3.1-4 c | 4.1-4.5 d | 4.6-5 e\n", 2, "inside band 1");
	expect_error("[evaluation]\nlevel_percent = 0 60 50 75 90\n", 2, "ascending");
	expect_error("[paths]\ninput_dir =\n", 2, "empty");
	/* ';' would end the value and keep one date without a word. */
	expect_error("[calendar]\nholidays = 2015-04-14;2015-05-05\n", 2, "start a comment");
}

/* [pdf] archival as an office writes it: a switch, or the PDF/A named. */
TEST(settings_archival_words)
{
	static const struct { const char *v; PdfArchival want; } ok[] = {
		{ "yes", PDF_ARCHIVAL_1B }, { "no", PDF_ARCHIVAL_NO }, { "on", PDF_ARCHIVAL_1B }, { "0", PDF_ARCHIVAL_NO },
		{ "1b", PDF_ARCHIVAL_1B }, { "1", PDF_ARCHIVAL_1B }, { "2u", PDF_ARCHIVAL_2U }, { "3u", PDF_ARCHIVAL_3U },
		{ "3U", PDF_ARCHIVAL_3U }, { "PDF/A-3u", PDF_ARCHIVAL_3U }, { "pdfa-2u", PDF_ARCHIVAL_2U },
		{ "PDF/A-3", PDF_ARCHIVAL_3U }, { "A-1b", PDF_ARCHIVAL_1B }, { "PDF/A-1B", PDF_ARCHIVAL_1B },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char text[64];
		snprintf(text, sizeof text, "[pdf]\narchival = %s\n", ok[i].v);
		Diag *d;
		Settings *s = load_text(text, &d);
		CHECK(s != NULL);
		if (s != NULL && s->pdf_archival != ok[i].want)
			test_fail(__FILE__, __LINE__, "archival = %s read as %d", ok[i].v, (int)s->pdf_archival);
		settings_free(s);
		diag_free(d);
	}
	expect_error("[pdf]\narchival = 3b\n", 2, "meets level b too");
	expect_error("[pdf]\narchival = 4u\n", 2, "2u (PDF/A-2u) or 3u (PDF/A-3u)");
	expect_error("[pdf]\narchival = 1u\n", 2, "not a PDF/A that nithet writes");
	expect_error("[pdf]\narchival = maybe\n", 2, "bad value for archival in [pdf]");
	Settings *s = settings_defaults();
	CHECK_INT(s->pdf_archival, PDF_ARCHIVAL_1B);
	settings_free(s);
}

TEST(settings_missing_file_is_usage_error)
{
	Diag *d = diag_new(NULL);
	Settings *s = settings_load("/nonexistent/nithet.ini", NULL, d);
	CHECK(s == NULL);
	CHECK_INT(diag_exit_status(d), EXIT_USAGE);
	diag_free(d);
}

/* A rule's text is never cut inside a character: bands with long Thai
 * labels print whole, and a list too long for the buffer ends in "...". */
TEST(settings_rules_keep_whole_characters)
{
	Diag *d;
	Settings *s = load_text("[evaluation]\nrubric_bands = 1.00-1.50 ต้องปรับปรุงอย่างเร่งด่วนที่สุด | "
	    "1.51-2.50 พอใช้ได้แต่ควรพัฒนาต่อเนื่อง | 2.51-3.50 ดีตามมาตรฐานที่กำหนดไว้ | "
	    "3.51-4.50 ดีมากเป็นแบบอย่างได้ | 4.51-5.00 ดีเยี่ยมเป็นต้นแบบของเขตพื้นที่\n"
	    "[mapping]\nno_answer_words = - ไม่มี\n", &d);
	CHECK(s != NULL);
	if (s == NULL)
		return;
	SettingRule rules[64];
	size_t n = settings_rules(s, rules, 64);
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK_INT(utf8_valid_prefix(rules[i].value, strlen(rules[i].value)), strlen(rules[i].value));
		if (!strcmp(rules[i].key, "rubric_bands")) {
			found = 1;
			CHECK(strstr(rules[i].value, "4.51-5.00 ดีเยี่ยมเป็นต้นแบบของเขตพื้นที่") != NULL);
		}
		if (!strcmp(rules[i].key, "no_answer_words"))
			CHECK_STR(rules[i].value, "- ไม่มี");
	}
	CHECK(found);
	CHECK_INT(s->nno_answer_words, 2);
	settings_free(s);
	diag_free(d);
}
