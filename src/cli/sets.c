/* sets.c - see sets.h. */
#define _GNU_SOURCE   /* syncfs */
#include "cli/sets.h"
#include "cli/reports.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/outdir.h"
#include "core/mem.h"

/* For the commit test only: NITHET_FAULT_AT=written|linked|swapped kills
 * the build right after that step, as a power cut or kill -9 would. */
static void
fault(const char *step)
{
	const char *at = getenv("NITHET_FAULT_AT");
	if (at && !strcmp(at, step))
		raise(SIGKILL);
}

static const char *
sets_dir(Run *run)
{
	return arena_printf(run->arena, "%s/.sets", run->settings->output_dir);
}

/* OUT/<FY> as said in messages, and its name inside OUT. */
static const char *
year_link(Run *run)
{
	return arena_printf(run->arena, "%s/%d", run->settings->output_dir, run->settings->fiscal_year);
}

static const char *
year_name(Run *run)
{
	return arena_printf(run->arena, "%d", run->settings->fiscal_year);
}

/* A set's name as nithet makes them: the year, a dot, six characters. */
static int
is_set_name(const char *name)
{
	size_t n = strlen(name);
	return n == 11 && strspn(name, "0123456789") == 4 && name[4] == '.' &&
	    strspn(name + 5, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == 6;
}

int
sets_prepare(Run *run)
{
	if (run->sets_fd >= 0)
		return 0;
	run->out_fd = outdir_open(AT_FDCWD, run->settings->output_dir, 1, run->settings->output_dir, run->diag);
	if (run->out_fd < 0)
		return -1;
	run->sets_fd = outdir_open(run->out_fd, ".sets", 0, sets_dir(run), run->diag);
	return run->sets_fd < 0 ? -1 : 0;
}

/* The set OUT/<FY> names: its folder name under .sets, or NULL when there
 * is no link (*bad set when there is something else there). */
static const char *
current_name(Run *run, int *bad)
{
	*bad = 0;
	char target[256];
	ssize_t n = readlinkat(run->out_fd, year_name(run), target, sizeof target - 1);
	if (n < 0) {
		struct stat st;
		if (errno == ENOENT || (errno == EINVAL && fstatat(run->out_fd, year_name(run), &st,
		    AT_SYMLINK_NOFOLLOW) != 0))
			return NULL;
		*bad = 1;
		return NULL;
	}
	target[n] = '\0';
	if (strncmp(target, ".sets/", 6) != 0 || !is_set_name(target + 6)) {
		*bad = 1;
		return NULL;
	}
	return arena_strdup(run->arena, target + 6);
}

static int
refuse_year(Run *run)
{
	diag_report(run->diag, DIAG_OUTPUT, year_link(run), 0, 0, "is not a set of reports nithet made (a folder "
	    "or a link of someone else's); move it away and run again");
	return -1;
}

/* Open the set called name under .sets as the folder written into. */
static int
enter_set(Run *run, const char *name)
{
	const char *shown = arena_printf(run->arena, "%s/%s", sets_dir(run), name);
	int fd = openat(run->sets_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		diag_report(run->diag, DIAG_OUTPUT, shown, 0, 0, "cannot open the set of reports (%s)",
		    strerror(errno));
		return -1;
	}
	if (run->write_fd >= 0)
		close(run->write_fd);
	run->write_fd = fd;
	return 0;
}

int
sets_begin(Run *run, const char **dir)
{
	/* mkdtemp's way, relative to .sets: a new name, made exclusively. */
	char name[16];
	unsigned long x = (unsigned long)time(NULL) ^ ((unsigned long)getpid() << 20) ^ (unsigned long)(size_t)name;
	static const char abc[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	int made = -1;
	for (int tries = 0; made != 0 && tries < 100; tries++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		int k = snprintf(name, sizeof name, "%d.", run->settings->fiscal_year);
		for (int i = 0; i < 6; i++)
			name[k + i] = abc[(x >> (10 + 5 * i)) % 62];
		name[k + 6] = '\0';
		made = mkdirat(run->sets_fd, name, 0755);
		if (made != 0 && errno != EEXIST)
			break;
	}
	if (made != 0) {
		diag_report(run->diag, DIAG_OUTPUT, sets_dir(run), 0, 0, "cannot create a new set of reports (%s)",
		    strerror(errno));
		return -1;
	}
	const char *path = arena_printf(run->arena, "%s/%s", sets_dir(run), name);
	if (enter_set(run, name) != 0)
		return -1;
	/* The reports' folders (reports.c), made once here: a worker only
	 * ever creates files. */
	for (size_t k = 0; k < report_nkinds; k++) {
		const char *folder = report_kinds[k].folder;
		if (folder != NULL && mkdirat(run->write_fd, folder, 0755) != 0) {
			diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "cannot create its folder %s (%s)", folder,
			    strerror(errno));
			sets_discard(run, path);
			return -1;
		}
	}
	*dir = path;
	return 0;
}

/* Point OUT/<FY> at set (a folder name under .sets) in one rename. */
static int
swap_link(Run *run, const char *set)
{
	const char *tmp = arena_printf(run->arena, ".%d.link", run->settings->fiscal_year);
	const char *shown = arena_printf(run->arena, "%s/%s", run->settings->output_dir, tmp);
	if (unlinkat(run->out_fd, tmp, 0) != 0 && errno != ENOENT) {
		diag_report(run->diag, DIAG_OUTPUT, shown, 0, 0, "cannot replace (%s)", strerror(errno));
		return -1;
	}
	if (symlinkat(arena_printf(run->arena, ".sets/%s", set), run->out_fd, tmp) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, shown, 0, 0, "cannot create the link to the new set (%s)",
		    strerror(errno));
		return -1;
	}
	fault("linked");
	if (renameat(run->out_fd, tmp, run->out_fd, year_name(run)) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, year_link(run), 0, 0, "cannot put the new set in place (%s)",
		    strerror(errno));
		unlinkat(run->out_fd, tmp, 0);
		return -1;
	}
	fsync(run->out_fd);
	return 0;
}

int
sets_current(Run *run, const char **dir)
{
	int bad;
	const char *name = current_name(run, &bad);
	if (bad)
		return refuse_year(run);
	if (name == NULL) {
		const char *fresh;
		if (sets_begin(run, &fresh) != 0)
			return -1;
		if (swap_link(run, strrchr(fresh, '/') + 1) != 0) {
			sets_discard(run, fresh);
			return -1;
		}
	} else if (enter_set(run, name) != 0) {
		return -1;
	}
	*dir = year_link(run);
	return 0;
}

void
sets_discard(Run *run, const char *dir)
{
	if (run->write_fd >= 0) {
		close(run->write_fd);
		run->write_fd = -1;
	}
	outdir_remove_tree(run->sets_fd, strrchr(dir, '/') + 1);
}

int
sets_commit(Run *run, const char *dir)
{
	/* One flush of every file of the set before the link may reach the
	 * disk: the link never names a set whose bytes are not there. */
	if (syncfs(run->write_fd) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, dir, 0, 0, "cannot flush the new reports to disk (%s); the "
		    "previous reports are kept", strerror(errno));
		sets_discard(run, dir);
		return EXIT_OUTPUT;
	}
	fault("written");
	int bad;
	(void)current_name(run, &bad);
	if (bad) {
		sets_discard(run, dir);
		refuse_year(run);
		return EXIT_OUTPUT;
	}
	if (swap_link(run, strrchr(dir, '/') + 1) != 0) {
		sets_discard(run, dir);
		return EXIT_OUTPUT;
	}
	fault("swapped");
	/* The set replaced stays: the next build removes it while it works. */
	return 0;
}

char **
sets_stale(Run *run, size_t *n)
{
	*n = 0;
	/* Its own descriptor: a dup would share the read position. */
	int fd = openat(run->sets_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (d == NULL) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t cap = 8;
	char **names = arena_array(run->arena, cap, sizeof *names);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_set_name(e->d_name))
			continue;
		/* The set a year link names is current; any other is one a build
		 * replaced, or a killed build's (a running one holds the lock). */
		char target[256];
		ssize_t k = readlinkat(run->out_fd, arena_printf(run->arena, "%.4s", e->d_name), target,
		    sizeof target - 1);
		if (k > 0) {
			target[k] = '\0';
			if (!strcmp(target + (strncmp(target, ".sets/", 6) ? 0 : 6), e->d_name))
				continue;
		}
		if (*n == cap) {
			char **more = arena_array(run->arena, cap * 2, sizeof *more);
			memcpy(more, names, cap * sizeof *names);
			names = more;
			cap *= 2;
		}
		names[(*n)++] = arena_strdup(run->arena, e->d_name);
	}
	closedir(d);
	unlinkat(run->out_fd, arena_printf(run->arena, ".%d.link", run->settings->fiscal_year), 0);
	return names;
}

void
sets_remove(const Run *run, char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		outdir_remove_tree(run->sets_fd, names[i]);
}
