/* test_cnum.c - the checked number parser and the one hash table. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/cnum.h"
#include "core/hash.h"
#include "test.h"

TEST(strtonum_reads_whole_numbers_in_range)
{
	long long x = 7;
	CHECK_INT(c_strtonum("42", 0, 100, &x), CNUM_OK);
	CHECK_INT(x, 42);
	CHECK_INT(c_strtonum("-3", -5, 5, &x), CNUM_OK);
	CHECK_INT(x, -3);
	CHECK_INT(c_strtonum("+8", 0, 9, &x), CNUM_OK);
	CHECK_INT(x, 8);
	x = 7;
	CHECK_INT(c_strtonum("", 0, 9, &x), CNUM_EMPTY);
	CHECK_INT(c_strtonum("4x", 0, 9, &x), CNUM_INVALID);
	CHECK_INT(c_strtonum(" 4", 0, 9, &x), CNUM_INVALID);
	CHECK_INT(c_strtonum("-", 0, 9, &x), CNUM_INVALID);
	CHECK_INT(c_strtonum("10", 0, 9, &x), CNUM_RANGE);
	CHECK_INT(c_strtonum("99999999999999999999", 0, LLONG_MAX, &x), CNUM_RANGE);
	CHECK_INT(x, 7);
	CHECK_INT(c_strtonum("-9223372036854775808", LLONG_MIN, 0, &x), CNUM_OK);
	CHECK(x == LLONG_MIN);
	const char *end;
	CHECK_INT(c_strtonum_prefix("2567/3", &end, 0, 9999, &x), CNUM_OK);
	CHECK_INT(x, 2567);
	CHECK_STR(end, "/3");
	CHECK_INT(c_strtonum_prefix("/3", &end, 0, 9, &x), CNUM_INVALID);
}

TEST(strtodnum_reads_decimals_only)
{
	double d = 0;
	CHECK_INT(c_strtodnum("2.5", 0, 10, &d), CNUM_OK);
	CHECK_NEAR(d, 2.5, 1e-12);
	CHECK_INT(c_strtodnum(".5", 0, 10, &d), CNUM_OK);
	CHECK_NEAR(d, 0.5, 1e-12);
	CHECK_INT(c_strtodnum("3.", 0, 10, &d), CNUM_OK);
	CHECK_NEAR(d, 3, 1e-12);
	CHECK_INT(c_strtodnum("1e1", 0, 10, &d), CNUM_OK);
	CHECK_NEAR(d, 10, 1e-12);
	CHECK_INT(c_strtodnum("0x10", 0, 100, &d), CNUM_INVALID);
	CHECK_INT(c_strtodnum("inf", 0, 100, &d), CNUM_INVALID);
	CHECK_INT(c_strtodnum("nan", 0, 100, &d), CNUM_INVALID);
	CHECK_INT(c_strtodnum(".", 0, 100, &d), CNUM_INVALID);
	CHECK_INT(c_strtodnum("", 0, 100, &d), CNUM_EMPTY);
	CHECK_INT(c_strtodnum("1e999", 0, 1e300, &d), CNUM_RANGE);
	CHECK_INT(c_strtodnum("11", 0, 10, &d), CNUM_RANGE);
	const char *end;
	CHECK_INT(c_strtodnum_prefix("1.5 2", &end, 0, 10, &d), CNUM_OK);
	CHECK_STR(end, " 2");
}

static int
same_int(const void *item, const void *key)
{
	return *(const int *)item == *(const int *)key;
}

TEST(hash_table_finds_what_it_holds_through_growth_and_clear)
{
	HashTable t = HASH_TABLE_INIT;
	enum { N = 5000 };
	int *v = malloc(N * sizeof *v);
	for (int i = 0; i < N; i++) {
		v[i] = i * 7;
		/* A poor hash on purpose: every 8 keys share one. */
		hash_put(&t, (uint64_t)(i / 8), &v[i]);
	}
	CHECK_INT(t.count, N);
	CHECK(t.cap >= 2 * N);
	for (int i = 0; i < N; i += 13) {
		int key = i * 7;
		int *got = hash_find(&t, (uint64_t)(i / 8), same_int, &key);
		CHECK(got == &v[i]);
	}
	int absent = 3;
	CHECK(hash_find(&t, 0, same_int, &absent) == NULL);
	int n = 0;
	HashProbe pr = hash_probe(&t, 5);
	while (hash_next(&t, &pr) != NULL)
		n++;
	CHECK_INT(n, 8);
	CHECK(hash_bytes("ab", 2) == hash_str("ab"));
	CHECK(hash_bytes("ab", 2) != hash_str("ba"));
	hash_clear(&t);
	CHECK_INT(t.count, 0);
	CHECK(hash_find(&t, 1, same_int, &v[8]) == NULL);
	hash_free(&t);
	CHECK(hash_find(&t, 1, same_int, &v[8]) == NULL);
	free(v);
}
