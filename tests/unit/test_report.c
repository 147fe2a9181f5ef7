/* test_report.c - composer pieces with rules of their own: finding the
 * ก.ต.ป.น. meeting N/FY and the one before it, and school lists. */
#include "test.h"

#include "config/settings.h"
#include "core/arena.h"
#include "report/committee.h"
#include "report/compose.h"

static Meeting
committee(const char *seq, int no, int y, int m, int d)
{
	Meeting mt;
	memset(&mt, 0, sizeof(mt));
	static const PlanEventKind committee = { .code = "C", .title = "คณะกรรมการ", .committee = 1 };
	mt.kind = &committee;
	mt.seq = seq;
	mt.seq_no = no;
	mt.date = (CalDate){ y, m, d };
	mt.title = mt.minutes_ref = mt.resolutions = mt.id = "";
	return mt;
}

TEST(model_committee_meeting_and_the_one_before)
{
	Meeting mts[5];
	mts[0] = committee("1/2558", 1, 2014, 11, 5);
	mts[1] = committee("2/2558", 2, 2015, 1, 20);
	mts[2] = committee("2/2557", 2, 2014, 1, 15);   /* last year's 2 */
	mts[3] = committee("", 3, 2015, 3, 26);         /* no year written: by date */
	mts[4] = committee("", 4, 2015, 10, 2);         /* no year, FY 2559 */
	Model m;
	memset(&m, 0, sizeof(m));
	m.meetings = mts;
	m.nmeetings = 5;
	CHECK(model_committee_meeting(&m, 2, 2558) == &mts[1]);
	CHECK(model_committee_meeting(&m, 2, 2557) == &mts[2]);
	CHECK(model_committee_meeting(&m, 3, 2558) == &mts[3]);
	CHECK(model_committee_meeting(&m, 4, 2558) == NULL);
	CHECK(model_committee_meeting(&m, 9, 2558) == NULL);
	/* The one held last before: 2/2558 for 3, 1/2558 for 2/2558; last
	 * year's 2/2557 precedes 1/2558. */
	CHECK(model_committee_before(&m, &mts[3]) == &mts[1]);
	CHECK(model_committee_before(&m, &mts[1]) == &mts[0]);
	CHECK(model_committee_before(&m, &mts[0]) == &mts[2]);
	CHECK(model_committee_before(&m, &mts[2]) == NULL);
}

TEST(report_school_list_points_to_the_table_past_the_limit)
{
	School s[3];
	memset(s, 0, sizeof(s));
	s[0].name = "ก";
	s[1].name = "ข";
	s[2].name = "ค";
	const School *items[3] = { &s[0], &s[1], &s[2] };
	SchoolList l = { items, 3 };
	Arena *a = arena_new();
	Compose c;
	memset(&c, 0, sizeof(c));
	c.doc = doc_new(a);
	CHECK_STR(fmt_school_list(&c, &l, 0, 200, "(ดูตาราง)"), "ก, ข, ค");
	CHECK_STR(fmt_school_list(&c, &l, 0, 2, "(ดูตาราง)"), "ก, ข และอีก 1 โรงเรียน (ดูตาราง)");
	arena_free(a);
}

TEST(report_no_answer_words)
{
	Settings *s = settings_defaults();
	Compose c;
	memset(&c, 0, sizeof(c));
	c.s = s;
	CHECK(compose_no_answer(&c, "-"));
	CHECK(compose_no_answer(&c, " ไม่มี "));
	CHECK(compose_no_answer(&c, "ไม่มีค่ะ"));
	CHECK(compose_no_answer(&c, "ไม่มี ครับ."));
	CHECK(compose_no_answer(&c, "N/A"));
	CHECK(!compose_no_answer(&c, "ไม่มีปัญหา แต่ควรนิเทศบ่อยขึ้น"));
	CHECK(!compose_no_answer(&c, "ควรเพิ่มเวลา"));
	CHECK(!compose_no_answer(&c, ""));
	settings_free(s);
}

TEST(report_item_text_drops_its_own_number)
{
	CHECK_STR(compose_item_text("1. การวางแผน", 0), "การวางแผน");
	CHECK_STR(compose_item_text("10.  ประโยชน์", 9), "ประโยชน์");
	CHECK_STR(compose_item_text("2. ไม่ใช่ลำดับนี้", 0), "2. ไม่ใช่ลำดับนี้");
	CHECK_STR(compose_item_text("1.5 ทศนิยม", 0), "1.5 ทศนิยม");
	CHECK_STR(compose_item_text("1.", 0), "1.");
	CHECK_STR(compose_item_text("ไม่มีเลข", 3), "ไม่มีเลข");
}
