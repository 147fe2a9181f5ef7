/* test.h - a tiny unit-test harness.
 *
 * Each tests/unit/test_*.c file writes
 *     TEST(name) { CHECK(x == 1); CHECK_STR(got, "want"); CHECK_INT(a, b); }
 * Tests register themselves at start-up (a constructor), so adding a file
 * needs no edit elsewhere. The runner (tests/unit/main.c) runs them all, or
 * those whose name contains argv[1], and prints "N passed, N failed". */
#ifndef NITHET_TEST_H
#define NITHET_TEST_H

#include <stdio.h>
#include <string.h>

typedef void (*TestFn)(void);
void test_register(const char *name, const char *file, TestFn fn);
void test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define TEST(name) \
	static void test_##name(void); \
	__attribute__((constructor)) static void register_##name(void) \
	{ test_register(#name, __FILE__, test_##name); } \
	static void test_##name(void)

#define CHECK(cond) do { if (!(cond)) \
	test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); } while (0)

#define CHECK_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) test_fail(__FILE__, __LINE__, "%s = %lld, want %lld", #got, g_, w_); } while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
	if (g_ == NULL || strcmp(g_, w_) != 0) \
		test_fail(__FILE__, __LINE__, "%s = \"%s\", want \"%s\"", #got, g_ ? g_ : "(null)", w_); } while (0)

#define CHECK_NEAR(got, want, eps) do { double g_ = (got), w_ = (want); \
	if (!(g_ - w_ <= (eps) && w_ - g_ <= (eps))) \
		test_fail(__FILE__, __LINE__, "%s = %.6f, want %.6f", #got, g_, w_); } while (0)

#endif
