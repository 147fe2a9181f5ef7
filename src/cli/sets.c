/* sets.c - see sets.h. */
#define _GNU_SOURCE   /* syncfs */
#include "cli/sets.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static const char *
year_link(Run *run)
{
	return arena_printf(run->arena, "%s/%d", run->settings->output_dir, run->settings->fiscal_year);
}

/* A set's name as nithet makes them: the year, a dot, six characters of
 * mkdtemp. */
static int
is_set_name(const char *name)
{
	size_t n = strlen(name);
	return n == 11 && strspn(name, "0123456789") == 4 && name[4] == '.';
}

static int
real_dir(Run *run, const char *dir, int may_be_link)
{
	struct stat st;
	if ((may_be_link ? stat(dir, &st) : lstat(dir, &st)) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		diag_report(run->diag, DIAG_OUTPUT, dir, 0, 0, S_ISLNK(st.st_mode) ? "is a symbolic link; nithet writes "
		    "only into folders it made itself: remove the link and run again" : "is not a folder; give an "
		    "output folder with -o DIR, or remove the file");
		return -1;
	}
	if (mkdir(dir, 0755) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, dir, 0, 0, "cannot create the folder (%s)", strerror(errno));
		return -1;
	}
	return 0;
}

int
sets_prepare(Run *run)
{
	if (real_dir(run, run->settings->output_dir, 1) != 0)
		return -1;
	return real_dir(run, sets_dir(run), 0);
}

/* The set OUT/<FY> names: its folder name under .sets, or NULL when there
 * is no link (*bad set when there is something else there). */
static const char *
current_name(Run *run, int *bad)
{
	const char *link = year_link(run);
	*bad = 0;
	char target[256];
	ssize_t n = readlink(link, target, sizeof target - 1);
	if (n < 0) {
		struct stat st;
		if (errno == ENOENT || (errno == EINVAL && lstat(link, &st) != 0))
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

int
sets_begin(Run *run, const char **dir)
{
	char *path = arena_printf(run->arena, "%s/%d.XXXXXX", sets_dir(run), run->settings->fiscal_year);
	if (mkdtemp(path) == NULL) {
		diag_report(run->diag, DIAG_OUTPUT, sets_dir(run), 0, 0, "cannot create a new set of reports (%s)",
		    strerror(errno));
		return -1;
	}
	(void)chmod(path, 0755);
	if (mkdir(arena_printf(run->arena, "%s/schools", path), 0755) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "cannot create its schools folder (%s)", strerror(errno));
		sets_discard(run, path);
		return -1;
	}
	*dir = path;
	return 0;
}

/* Point OUT/<FY> at set (a folder name under .sets) in one rename. */
static int
swap_link(Run *run, const char *set)
{
	const char *out = run->settings->output_dir;
	const char *tmp = arena_printf(run->arena, "%s/.%d.link", out, run->settings->fiscal_year);
	if (unlink(tmp) != 0 && errno != ENOENT) {
		diag_report(run->diag, DIAG_OUTPUT, tmp, 0, 0, "cannot replace (%s)", strerror(errno));
		return -1;
	}
	if (symlink(arena_printf(run->arena, ".sets/%s", set), tmp) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, tmp, 0, 0, "cannot create the link to the new set (%s)",
		    strerror(errno));
		return -1;
	}
	fault("linked");
	if (rename(tmp, year_link(run)) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, year_link(run), 0, 0, "cannot put the new set in place (%s)",
		    strerror(errno));
		unlink(tmp);
		return -1;
	}
	int fd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
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
	}
	*dir = year_link(run);
	return 0;
}

/* Remove what is inside a set (its files and schools/ with its files),
 * then the set: only regular files and links, never following one. */
static void
remove_tree(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *path = mem_alloc(n);
		snprintf(path, n, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode) && depth == 0)
				remove_tree(path, 1);
			else if (!S_ISDIR(st.st_mode))
				unlink(path);
		}
		free(path);
	}
	closedir(d);
	rmdir(dir);
}

void
sets_discard(Run *run, const char *dir)
{
	(void)run;
	remove_tree(dir, 0);
}

int
sets_commit(Run *run, const char *dir)
{
	/* One flush of every file of the set before the link may reach the
	 * disk: the link never names a set whose bytes are not there. */
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || syncfs(fd) != 0) {
		diag_report(run->diag, DIAG_OUTPUT, dir, 0, 0, "cannot flush the new reports to disk (%s); the "
		    "previous reports are kept", strerror(errno));
		if (fd >= 0)
			close(fd);
		sets_discard(run, dir);
		return EXIT_OUTPUT;
	}
	close(fd);
	fault("written");
	int bad;
	const char *old = current_name(run, &bad);
	if (bad) {
		sets_discard(run, dir);
		return refuse_year(run) ? EXIT_OUTPUT : EXIT_OUTPUT;
	}
	if (swap_link(run, strrchr(dir, '/') + 1) != 0) {
		sets_discard(run, dir);
		return EXIT_OUTPUT;
	}
	fault("swapped");
	if (old)
		remove_tree(arena_printf(run->arena, "%s/%s", sets_dir(run), old), 0);
	return 0;
}

void
sets_clean(Run *run)
{
	DIR *d = opendir(sets_dir(run));
	if (d == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_set_name(e->d_name))
			continue;
		/* The set a year link names is current; any other is a killed
		 * build's (a running one holds the lock, so there is none). */
		char target[256];
		char *link = arena_printf(run->arena, "%s/%.4s", run->settings->output_dir, e->d_name);
		ssize_t n = readlink(link, target, sizeof target - 1);
		if (n > 0) {
			target[n] = '\0';
			if (!strcmp(target + (strncmp(target, ".sets/", 6) ? 0 : 6), e->d_name))
				continue;
		}
		remove_tree(arena_printf(run->arena, "%s/%s", sets_dir(run), e->d_name), 0);
	}
	closedir(d);
	unlink(arena_printf(run->arena, "%s/.%d.link", run->settings->output_dir, run->settings->fiscal_year));
}
