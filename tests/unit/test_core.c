/* test_core.c - arena, diagnostics and UTF-8 helpers. */
#define _GNU_SOURCE   /* sched_getaffinity, CPU_COUNT: a thread started beside */
#include "test.h"

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/dynlib.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/mem.h"
#include "core/thread.h"
#include "core/utf8.h"

TEST(arena_allocates_zeroed_and_aligned)
{
	Arena *a = arena_new();
	for (int i = 0; i < 10000; i++) {
		long double *p = arena_alloc(a, sizeof(long double) * (size_t)(i % 7 + 1));
		CHECK(((uintptr_t)p % _Alignof(long double)) == 0);
		CHECK(p[0] == 0);
	}
	char *big = arena_alloc(a, 1 << 20);
	CHECK(big[(1 << 20) - 1] == 0);
	CHECK_STR(arena_printf(a, "%d-%s", 42, "ก"), "42-ก");
	CHECK_STR(arena_strndup(a, "abcdef", 3), "abc");
	CHECK(arena_used(a) >= (1 << 20));
	arena_free(a);
}

/* Blocks a freed arena leaves are taken by the next one: what they held
 * must be gone (arena_alloc promises zeros). */
TEST(arena_recycled_blocks_are_zero)
{
	Arena *a = arena_new();
	for (int i = 0; i < 2000; i++) {
		unsigned char *p = arena_alloc(a, 100 + (size_t)(i % 50));
		memset(p, 0xAB, 100 + (size_t)(i % 50));
	}
	arena_free(a);
	Arena *b = arena_new();
	int dirty = 0;
	for (int i = 0; i < 2000; i++) {
		const unsigned char *p = arena_alloc(b, 100 + (size_t)(i % 50));
		for (size_t k = 0; k < 100 + (size_t)(i % 50); k++)
			dirty |= p[k] != 0;
	}
	CHECK(!dirty);
	arena_free(b);
}

/* More blocks freed than are kept (256 of 64 KB): the rest go back to the
 * kernel but for their first page, and come back from there. Filled and
 * freed twice over, every block, kept or given back, must read as zeros
 * when an arena takes it again. */
TEST(arena_blocks_given_back_are_zero_again)
{
	enum { PIECE = 12000, PIECES = 5 * 600 };  /* about 600 blocks */
	for (int round = 0; round < 2; round++) {
		Arena *a = arena_new();
		int dirty = 0;
		for (int i = 0; i < PIECES; i++) {
			unsigned char *p = arena_alloc(a, PIECE);
			for (size_t k = 0; k < PIECE; k++)
				dirty |= p[k] != 0;
			memset(p, 0xCD, PIECE);
		}
		CHECK(!dirty);
		arena_free(a);
	}
}

/* A raw arena (not zeroed) takes a block another filled and uses a little
 * of it: when it frees the block, the next arena must still find all of it
 * zero, not only the part the raw one used. */
TEST(arena_raw_leaves_blocks_zero_for_the_next)
{
	enum { PIECE = 12000, PIECES = 5 };
	Arena *a = arena_new();
	for (int i = 0; i < PIECES; i++)
		memset(arena_alloc(a, PIECE), 0xAB, PIECE);
	arena_free(a);
	Arena *r = arena_new_raw();
	memset(arena_alloc(r, 1000), 0xCD, 1000);
	arena_free(r);
	Arena *b = arena_new();
	int dirty = 0;
	for (int i = 0; i < PIECES; i++) {
		const unsigned char *p = arena_alloc(b, PIECE);
		for (size_t k = 0; k < PIECE; k++)
			dirty |= p[k] != 0;
	}
	CHECK(!dirty);
	arena_free(b);
}

/* A reused block is cleared as it is handed out, and strings are not
 * cleared (they are written whole): an allocation after a string, in a
 * block an earlier arena filled, must still read as zeros. */
TEST(arena_alloc_after_string_is_zero)
{
	enum { PIECE = 1000, PIECES = 300 };
	Arena *a = arena_new();
	for (int i = 0; i < PIECES; i++)
		memset(arena_alloc(a, PIECE), 0xEE, PIECE);
	arena_free(a);
	Arena *b = arena_new();
	int dirty = 0;
	for (int i = 0; i < PIECES; i++) {
		const char *sd = arena_strndup(b, "abcdefghijklm", (size_t)(i % 13));
		CHECK(strlen(sd) == (size_t)(i % 13));
		const unsigned char *p = arena_alloc(b, PIECE / 2 + (size_t)i);
		for (size_t k = 0; k < PIECE / 2 + (size_t)i; k++)
			dirty |= p[k] != 0;
	}
	CHECK(!dirty);
	arena_free(b);
}

/* A worker thread keeps blocks of its own; when it ends they go to the
 * shared list, and an arena of another thread that takes them must find
 * them zero. */
static void *
fill_and_end(void *arg)
{
	(void)arg;
	Arena *a = arena_new();
	for (int i = 0; i < 5 * 80; i++)          /* about 80 blocks, more than a thread keeps */
		memset(arena_alloc(a, 12000), 0x5A, 12000);
	arena_free(a);
	return NULL;
}

TEST(arena_blocks_of_an_ended_thread_are_zero)
{
	pthread_t t;
	CHECK(pthread_create(&t, NULL, fill_and_end, NULL) == 0);
	CHECK(pthread_join(t, NULL) == 0);
	Arena *b = arena_new();
	int dirty = 0;
	for (int i = 0; i < 5 * 80; i++) {
		const unsigned char *p = arena_alloc(b, 12000);
		for (size_t k = 0; k < 12000; k++)
			dirty |= p[k] != 0;
	}
	CHECK(!dirty);
	arena_free(b);
}

/* A flag set by another thread: the waiter gets its value, whether it is
 * set while the waiter spins (at once) or after it has gone to sleep
 * (past the 20 ms of spinning). */
typedef struct FlagSetter {
	Flag *flag;
	long delay_ms;
	int value;
} FlagSetter;

static void *
set_later(void *arg)
{
	FlagSetter *fs = arg;
	struct timespec t = { fs->delay_ms / 1000, (fs->delay_ms % 1000) * 1000000L };
	nanosleep(&t, NULL);
	flag_set(fs->flag, fs->value);
	return NULL;
}

TEST(flag_wait_gets_the_value_set)
{
	const long delays[] = { 0, 1, 45 };
	const int values[] = { 3, 7, -2 };
	for (size_t i = 0; i < sizeof delays / sizeof delays[0]; i++) {
		Flag f;
		flag_init(&f);
		FlagSetter fs = { &f, delays[i], values[i] };
		pthread_t t;
		CHECK(pthread_create(&t, NULL, set_later, &fs) == 0);
		CHECK_INT(flag_wait(&f), fs.value);
		CHECK_INT(flag_wait(&f), fs.value);      /* set once: stays */
		CHECK(pthread_join(t, NULL) == 0);
		flag_destroy(&f);
	}
}

/* Making a buffer's pages present keeps what it holds (it must never
 * drop them, as MADV_DONTNEED would), whatever the range's edges. */
TEST(mem_populate_keeps_the_contents)
{
	enum { N = 300 * 1000 };
	unsigned char *p = mem_alloc_raw(N);
	for (size_t i = 0; i < N; i++)
		p[i] = (unsigned char)(i * 7 + 1);
	mem_populate(p + 3, N - 5000);
	mem_populate(p, 0);
	mem_populate(p + 100, 10);
	int same = 1;
	for (size_t i = 0; i < N; i++)
		same &= p[i] == (unsigned char)(i * 7 + 1);
	CHECK(same);
	free(p);
}

/* A thread started beside its creator runs its function with its argument
 * and may then run on any processor the process may: its start is only
 * where it begins. */
static void *
note_cpus(void *arg)
{
	int *n = arg;
	cpu_set_t now;
	*n = sched_getaffinity(0, sizeof now, &now) == 0 ? CPU_COUNT(&now) : -1;
	return arg;
}

TEST(thread_started_beside_is_free_to_move)
{
	cpu_set_t all;
	CHECK(sched_getaffinity(0, sizeof all, &all) == 0);
	int n = 0;
	pthread_t t;
	CHECK_INT(thread_start_beside(&t, note_cpus, &n), 0);
	void *ret = NULL;
	CHECK(pthread_join(t, &ret) == 0);
	CHECK(ret == &n);
	CHECK_INT(n, CPU_COUNT(&all));
}

/* A library loaded on first use: its functions found and callable; a
 * library or a function that is not there is refused with the system's
 * words, and asking again gives the same answer. */
TEST(dynlib_finds_functions_and_says_what_is_missing)
{
	static const char *const names[] = { "zlibVersion" };
	struct { const char *(*zlibVersion)(void); } z = { 0 };
	DynLib zlib = { "libz.so.1", "zlib1g", names, 1, &z, 0, "" };
	CHECK(dynlib_load(&zlib) == 0);
	CHECK(z.zlibVersion != NULL && z.zlibVersion()[0] == '1');
	CHECK(dynlib_load(&zlib) == 0);

	static const char *const bad_names[] = { "zlibVersion", "no_such_function_in_zlib" };
	struct { void (*a)(void), (*b)(void); } t = { 0 };
	DynLib partial = { "libz.so.1", "zlib1g", bad_names, 2, &t, 0, "" };
	CHECK(dynlib_load(&partial) == -1);
	CHECK(strstr(partial.why, "no_such_function_in_zlib") != NULL);

	DynLib none = { "libnithet-not-there.so.9", "nothing", names, 1, &z, 0, "" };
	CHECK(dynlib_load(&none) == -1);
	CHECK(strstr(none.why, "libnithet-not-there.so.9") != NULL);
	CHECK(dynlib_load(&none) == -1);
}

/* A build's worker reports into a Diag of its own: its status is its own
 * messages', and the parent counts them once absorbed. */
TEST(diag_fork_counts_its_own_until_absorbed)
{
	Diag *d = diag_new(NULL);
	diag_set_verbose(d, 1);
	diag_report(d, DIAG_WARNING, "a.csv", 3, 2, "w");
	Diag *w = diag_fork(d);
	CHECK_INT(diag_exit_status(w), 0);
	diag_report(w, DIAG_OUTPUT, "x.pdf", 0, 0, "cannot write (%s)", "disk full");
	CHECK_INT(diag_exit_status(w), EXIT_OUTPUT);
	CHECK_INT(diag_exit_status(d), 0);
	diag_absorb(d, w);
	CHECK_INT(diag_exit_status(d), EXIT_OUTPUT);
	CHECK_INT(diag_nrecords(d), 2);
	CHECK_INT(diag_warnings(d), 1);
	CHECK_INT(diag_errors(d), 1);
	char buf[128];
	diag_format(diag_record(d, 1), buf, sizeof(buf));
	CHECK_STR(buf, "x.pdf: error: cannot write (disk full)");
	diag_free(d);
}

TEST(diag_exit_status_is_worst_severity)
{
	Diag *d = diag_new(NULL);
	CHECK_INT(diag_exit_status(d), 0);
	diag_report(d, DIAG_WARNING, "a.csv", 3, 2, "w");
	CHECK_INT(diag_exit_status(d), 0);
	diag_report(d, DIAG_ROW, "a.csv", 4, 1, "r");
	CHECK_INT(diag_exit_status(d), 1);
	diag_report(d, DIAG_INPUT, "b.csv", 0, 0, "f");
	CHECK_INT(diag_exit_status(d), 3);
	diag_report(d, DIAG_ROW, "a.csv", 5, 1, "r");
	CHECK_INT(diag_exit_status(d), 3);
	CHECK_INT(diag_errors(d), 3);
	CHECK_INT(diag_warnings(d), 1);
	char buf[128];
	diag_format(diag_record(d, 0), buf, sizeof(buf));
	CHECK_STR(buf, "a.csv:3:2: warning: w");
	diag_format(diag_record(d, 2), buf, sizeof(buf));
	CHECK_STR(buf, "b.csv: error: f");
	diag_free(d);
}

TEST(utf8_decode_rejects_bad_sequences)
{
	uint32_t cp;
	CHECK_INT(utf8_decode("\xE0\xB8\x81", 3, &cp), 3);
	CHECK_INT(cp, 0x0E01);
	CHECK_INT(utf8_decode("\xE0\xB8", 2, &cp), 0);          /* truncated */
	CHECK_INT(utf8_decode("\xC0\x80", 2, &cp), 0);          /* overlong */
	CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 0);      /* surrogate */
	CHECK_INT(utf8_decode("\xA1", 1, &cp), 0);              /* Windows-874 ก */
	CHECK_INT(utf8_valid_prefix("ab\xA1", 3), 2);
	CHECK_INT(utf8_count("กขค", 9), 3);
	char out[8];
	CHECK_INT(utf8_encode(0x0E50, out), 3);
	CHECK(utf8_is_thai_mark(0x0E48));
	CHECK(!utf8_is_thai_mark(0x0E32));
	CHECK(utf8_is_thai_leading_vowel(0x0E40));
	char digits[32];
	CHECK_INT(utf8_thai_digits("หน้า 3/20", digits, sizeof(digits)), 12 + 1 + 3 + 1 + 6);
	CHECK_STR(digits, "หน้า ๓/๒๐");
	char tiny[5];
	utf8_thai_digits("12345", tiny, sizeof(tiny));
	CHECK_STR(tiny, "๑");   /* whole digits only: 3 bytes fit, 6 do not */
}

/* Paths of a config are joined to its folder as a person would write
 * them: "config" + "../input" is "input". */
TEST(file_join_and_dir)
{
	static const char *const cases[][3] = {
		{ "config", "../input", "input" }, { "config", "plan.xsd", "config/plan.xsd" },
		{ "/etc/nithet", "../../srv/x", "/srv/x" }, { "/", "../a", "/a" }, { ".", "a/./b", "a/b" },
		{ "a/b", "../..", "." }, { "..", "../x", "../../x" }, { "a", "/abs/p", "/abs/p" },
		{ NULL, "rel", "rel" }, { "/srv/office/", "input/", "/srv/office/input" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *j = file_join(cases[i][0], cases[i][1]);
		CHECK_STR(j, cases[i][2]);
		free(j);
	}
	char *d = file_dir("config/nithet.ini");
	CHECK_STR(d, "config");
	free(d);
	d = file_dir("nithet.ini");
	CHECK_STR(d, ".");
	free(d);
	d = file_dir("/nithet.ini");
	CHECK_STR(d, "/");
	free(d);
}

/* A size that wraps when rounded or multiplied asks for all memory and
 * exits 70 (mem.c), never hands back a small block. In a child: the exit
 * is the point. */
static int
child_exit(void (*fn)(void))
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		fclose(stderr);   /* mem.c's message is expected */
		fn();
		_exit(0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
alloc_huge(void)
{
	Arena *a = arena_new();
	(void)arena_alloc(a, SIZE_MAX - 3);
}

static void
array_wraps(void)
{
	Arena *a = arena_new();
	(void)arena_array(a, SIZE_MAX / 8, 16);
}

/* Under AddressSanitizer its allocator refuses the size itself (exit 1)
 * before mem.c can: the process still exits, never wraps. */
#if defined(__SANITIZE_ADDRESS__)
enum { OOM_EXIT = 1 };
#else
enum { OOM_EXIT = 70 };
#endif

TEST(arena_overflow_exits_instead_of_wrapping)
{
	CHECK_INT(child_exit(alloc_huge), OOM_EXIT);
	CHECK_INT(child_exit(array_wraps), OOM_EXIT);
}
