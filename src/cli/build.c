/* build.c - `nithet build`: every report, for the nightly cron job.
 *
 * Order of work: take the output folder's lock (a second build waits before
 * it reads anything), load and validate everything (an unusable input means
 * nothing is written and the previous reports stay as they were), then write
 * a job per report of every kind of the table of reports (reports.h) with -j
 * worker processes.
 * Every file is written into a new private set that becomes current in one
 * step when complete (sets.h), so a reader never sees half a PDF or a mix of
 * two nights; sets left by a killed run are removed under the lock. */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include <unistd.h>

#include "core/i18n.h"
#include "core/phase.h"

#include "cli/reports.h"
#include "cli/run.h"
#include "cli/sets.h"
#include "export/indicators.h"
#include "render/render.h"

/* One report to write: its kind (reports.h) and what it is about. */
typedef struct Job {
	const ReportKind *kind;
	const void *item;          /* a Meeting, a School, or NULL for the year */
} Job;

/* --- the lock ------------------------------------------------------------ */

/* Take OUT/.nithet.lock; if another run holds it, say who and wait. Returns
 * the descriptor (kept open until exit) or -1 after reporting. */
static int
take_lock(Run *run)
{
	const char *path = arena_printf(run->arena, "%s/.nithet.lock", run->settings->output_dir);
	/* Never through a symbolic link, never a FIFO or a device: the lock
	 * is written to, and a link would make that write land elsewhere. */
	int fd = openat(run->out_fd, ".nithet.lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0666);
	struct stat st;
	if (fd < 0 && errno == ELOOP) {
		diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "the lock file is a symbolic link; nithet never "
		    "writes through one: remove it and run again");
		return -1;
	}
	if (fd < 0) {
		struct stat ls;
		int owned = fstatat(run->out_fd, ".nithet.lock", &ls, AT_SYMLINK_NOFOLLOW) == 0;
		diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "cannot open the lock file (%s)%s", strerror(errno),
		    owned && ls.st_uid != geteuid() ? _("; it belongs to another user (a run as root?): remove it, or run "
		    "as its owner") : _("; check the permissions of the output folder"));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "the lock file is not a regular file; remove it and "
		    "run again");
		close(fd);
		return -1;
	}
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	if (fcntl(fd, F_SETLK, &fl) != 0) {
		char who[128] = "";
		ssize_t n = pread(fd, who, sizeof(who) - 1, 0);
		who[n > 0 ? n : 0] = '\0';
		who[strcspn(who, "\n")] = '\0';
		if (run->opt.wait == 0) {
			diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "another nithet run is writing this folder (%s); "
			    "not waiting (--wait 0): run again when it has ended", *who ? who : _("pid unknown"));
			close(fd);
			return -1;
		}
		diag_say(run->diag, path, "another nithet run is writing this folder (%s); waiting for it%s",
		    *who ? who : _("pid unknown"), run->opt.wait > 0 ? " (--wait)" : "");
		int got = 0;
		for (long s = 0; !got && (run->opt.wait < 0 || s < run->opt.wait); s++) {
			if (run->opt.wait < 0) {
				got = fcntl(fd, F_SETLKW, &fl) == 0;
				if (!got && errno != EINTR)
					break;
			} else {
				sleep(1);
				got = fcntl(fd, F_SETLK, &fl) == 0;
			}
		}
		if (!got) {
			if (run->opt.wait > 0)
				diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "the other run did not end within %ld "
				    "seconds (--wait); nothing written", run->opt.wait);
			else
				diag_report(run->diag, DIAG_OUTPUT, path, 0, 0, "cannot take the lock (%s)", strerror(errno));
			close(fd);
			return -1;
		}
	}
	/* A note left in the lock: the run before was killed before it ended
	 * (a run that ends empties it). Its unfinished set is removed next. */
	char prev[128] = "";
	ssize_t pn = pread(fd, prev, sizeof(prev) - 1, 0);
	prev[pn > 0 ? pn : 0] = '\0';
	prev[strcspn(prev, "\n")] = '\0';
	if (*prev && !run->opt.quiet)
		diag_say(run->diag, path, "the previous run (%s) ended before it finished; its unfinished set "
		    "of reports is removed", prev);
	char me[128];
	int n = snprintf(me, sizeof(me), "pid %ld, started %ld\n", (long)getpid(), (long)time(NULL));
	if (ftruncate(fd, 0) != 0 || pwrite(fd, me, (size_t)n, 0) != n) {
		/* The lock holds without the note; the note only helps people. */
	}
	return fd;
}

/* A run that ends (well or not, but not killed) empties its note and lets
 * the lock go. */
static void
release_lock(int fd)
{
	if (fd < 0)
		return;
	if (ftruncate(fd, 0) != 0) {
		/* Only the note is left; the lock itself goes with the close. */
	}
	close(fd);
}

/* --- the work ------------------------------------------------------------ */

/* The per-file "wrote" lines would be 120 of them: build says it once. */
static int
do_job(Run *run, const Results *r, const Job *job)
{
	return report_write(run, job->kind, r, job->item, 1);
}

static const char *
indicators_name(Run *run, const Results *r, int json)
{
	return arena_printf(run->arena, "indicators-%d.%s", r->fiscal_year, json ? "json" : "csv");
}

static int
write_indicators(Run *run, const Results *r, int json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (mem == NULL)
		return EXIT_INTERNAL;
	if (json)
		indicators_write_json(r, (long)diag_errors(run->diag), (long)diag_warnings(run->diag), mem);
	else
		indicators_write_csv(r, mem);
	fclose(mem);
	int rc = run_write_bytes(run, indicators_name(run, r, json), (const unsigned char *)buf, len);
	free(buf);
	return rc;
}

/* build's closing line: "wrote OUT/<FY>/: annual-<FY>.pdf, review-<FY>.pdf,
 * 3 committee packs, 117 school reports, indicators-<FY>.json and .csv in
 * 0.25 s", each kind of the table with its count. */
static void
say_built(Run *run, const Results *r, const size_t *per_kind, double secs)
{
	const char *list = "";
	for (size_t k = 0; k < report_nkinds; k++) {
		const ReportKind *kind = &report_kinds[k];
		const char *part = kind->built_one == NULL ? report_file(run, kind, NULL) :
		    arena_printf(run->arena, ngettext(kind->built_one, kind->built_many, per_kind[k]), per_kind[k]);
		list = arena_printf(run->arena, "%s%s, ", list, part);
	}
	printf(_("wrote %s/%d/: %sindicators-%d.json and .csv in %.2f s\n"), run->settings->output_dir,
	    r->fiscal_year, list, r->fiscal_year, secs);
}

static void
progress(int done, int total)
{
	int width = 40, fill = total ? done * width / total : width;
	fprintf(stderr, "\rnithet: [%.*s%*s] %d/%d", fill, "########################################",
	    width - fill, "", done, total);
	if (done == total)
		fputc('\n', stderr);
}

/* What the workers share with the parent: the next job to take, and each
 * worker's time per step (added to the parent's for --summary). */
typedef struct Shared {
	atomic_size_t next;
	double phases[];            /* [worker][PHASE_COUNT] */
} Shared;

/* Run jobs in a child. The first worker writes the reports of the whole
 * office first (jobs [0, nfirst): the annual report, the review, the
 * committee packs), which share most of their words, so they are shaped
 * once; then, like the others from the start, it takes the next school
 * from a counter shared by all workers, so no worker idles while another
 * finishes a fixed share. One byte to `report` per job; the child's time
 * per step into phases (its own, not what it inherited). */
static int
worker(Run *run, const Results *r, const Job *jobs, size_t nfirst, size_t njobs, atomic_size_t *next,
    int report, double *phases)
{
	double before[PHASE_COUNT];
	phase_totals(before);
	int worst = 0;
	for (size_t f = 0;; f++) {
		size_t i = f < nfirst ? f : atomic_fetch_add(next, 1);
		if (i >= njobs)
			break;
		int rc = do_job(run, r, &jobs[i]);
		worst = rc > worst ? rc : worst;
		if (report >= 0 && write(report, "", 1) != 1)
			report = -1;
	}
	phase_totals(phases);
	for (int p = 0; p < PHASE_COUNT; p++)
		phases[p] -= before[p];
	int diag_rc = diag_exit_status(run->diag);
	return diag_rc > worst ? diag_rc : worst;
}

static void *
preload(void *settings)
{
	Phase was = phase_enter(PHASE_SETUP);
	render_preload(settings);
	phase_enter(was);
	return NULL;
}

int
cmd_build(Run *run, int argc, char **argv)
{
	if (argc > 1) {
		diag_report(run->diag, DIAG_USAGE, NULL, 0, 0, "build takes no arguments (found \"%s\")", argv[1]);
		return EXIT_USAGE;
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* The lock first: a second run waits before it reads anything, and a
	 * run that cannot read its inputs still holds no one up. */
	if (!run->opt.dump_layout && sets_prepare(run) != 0)
		return EXIT_OUTPUT;
	int lock = run->opt.dump_layout ? -1 : take_lock(run);
	if (lock < 0 && !run->opt.dump_layout)
		return EXIT_OUTPUT;
	/* The fonts and the word-break dictionary load in a thread while the
	 * inputs do (the workers are forked after both). */
	pthread_t pre;
	int preloading = !run->opt.dump_layout && pthread_create(&pre, NULL, preload, run->settings) == 0;
	int loaded = run_load(run);
	if (preloading)
		pthread_join(pre, NULL);
	if (loaded != 0) {
		release_lock(lock);
		return diag_exit_status(run->diag); /* nothing written */
	}
	/* The fonts once, before any report: one message for a bad font, not
	 * one per report; the workers inherit the loaded fonts. */
	if (!run->opt.dump_layout && render_check_fonts(run->settings, run->diag) != 0) {
		release_lock(lock);
		return diag_exit_status(run->diag);
	}
	/* A new private set for tonight's reports; sets a killed build left
	 * are removed first (the lock says no other build is writing). */
	const char *set = NULL;
	if (!run->opt.dump_layout) {
		sets_clean(run);
		if (sets_begin(run, &set) != 0) {
			release_lock(lock);
			return EXIT_OUTPUT;
		}
		run->write_dir = set;
	}

	Results *r = run_measure(run, (CalDate){ 0, 0, 0 });
	/* Every report of every kind: first the office's (the year's, the
	 * packs in the order of their meetings), in the table's order, which
	 * the first worker writes alone; then the schools', which all workers
	 * share. Two rounds, so an entry added after the schools' in the
	 * table still goes to the right side. */
	size_t maxn = report_max_items(run);
	const void **items = arena_array(run->arena, maxn, sizeof *items);
	Job *jobs = arena_array(run->arena, report_nkinds * maxn, sizeof(Job));
	size_t *per_kind = arena_array(run->arena, report_nkinds, sizeof *per_kind);
	size_t njobs = 0, nfirst = 0;
	for (int schools = 0; schools <= 1; schools++) {
		for (size_t k = 0; k < report_nkinds; k++) {
			if ((report_kinds[k].about == REPORT_SCHOOL) != schools)
				continue;
			per_kind[k] = report_items(run, &report_kinds[k], r, items);
			for (size_t i = 0; i < per_kind[k]; i++)
				jobs[njobs++] = (Job){ &report_kinds[k], items[i] };
		}
		if (!schools)
			nfirst = njobs;
	}

	/* Every file goes into the private set, made current at the end, all
	 * together: a failed build leaves the previous set whole. */
	run->staging = !run->opt.dump_layout;
	int worst = 0;
	if (!run->opt.dump_layout) {
		int rc = write_indicators(run, r, 1);
		int rc2 = write_indicators(run, r, 0);
		worst = rc > rc2 ? rc : rc2;
	}

	int quiet = run->opt.quiet;
	int show = !quiet && !run->opt.dump_layout && isatty(STDERR_FILENO);
	size_t nworkers = (size_t)run->opt.jobs < njobs ? (size_t)run->opt.jobs : njobs;
	if (nworkers <= 1 || run->opt.dump_layout) {
		for (size_t i = 0; i < njobs; i++) {
			int rc = do_job(run, r, &jobs[i]);
			worst = rc > worst ? rc : worst;
			if (show)
				progress((int)i + 1, (int)njobs);
		}
	} else {
		int pipefd[2];
		if (pipe(pipefd) != 0) {
			diag_report(run->diag, DIAG_INTERNAL, NULL, 0, 0, "cannot create a pipe (%s)", strerror(errno));
			return EXIT_INTERNAL;
		}
		size_t shared_len = sizeof(Shared) + nworkers * PHASE_COUNT * sizeof(double);
		Shared *shared = mmap(NULL, shared_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (shared == MAP_FAILED) {
			diag_report(run->diag, DIAG_INTERNAL, NULL, 0, 0, "cannot share the job counter (%s)",
			    strerror(errno));
			return EXIT_INTERNAL;
		}
		/* The office's reports, jobs [0, nfirst), go to the first worker. */
		atomic_init(&shared->next, nfirst);
		fflush(NULL); /* nothing buffered may be written twice by the children */
		pid_t *pids = arena_array(run->arena, nworkers, sizeof(pid_t));
		for (size_t k = 0; k < nworkers; k++) {
			pids[k] = fork();
			if (pids[k] == 0) {
				close(pipefd[0]);
				int rc = worker(run, r, jobs, k == 0 ? nfirst : 0, njobs, &shared->next, pipefd[1],
				    shared->phases + k * PHASE_COUNT);
				fflush(NULL);
				_exit(rc);
			}
			if (pids[k] < 0) {
				diag_report(run->diag, DIAG_INTERNAL, NULL, 0, 0, "cannot start a worker (%s)", strerror(errno));
				worst = EXIT_INTERNAL;
				nworkers = k;
				break;
			}
		}
		close(pipefd[1]);
		Phase was = phase_enter(PHASE_WAIT);
		char buf[64];
		int done = 0;
		ssize_t got;
		while ((got = read(pipefd[0], buf, sizeof(buf))) > 0 || (got < 0 && errno == EINTR)) {
			if (got > 0)
				done += (int)got;
			if (show && got > 0)
				progress(done, (int)njobs);
		}
		close(pipefd[0]);
		phase_enter(was);
		for (size_t k = 0; k < nworkers; k++) {
			int status = 0;
			while (waitpid(pids[k], &status, 0) < 0 && errno == EINTR)
				;
			int rc = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_INTERNAL;
			if (!WIFEXITED(status))
				diag_report(run->diag, DIAG_INTERNAL, NULL, 0, 0, "a worker died (signal %d); "
				    "the reports it had not finished keep their previous version",
				    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
			worst = rc > worst ? rc : worst;
			if (WIFEXITED(status))
				phase_add(shared->phases + k * PHASE_COUNT);
		}
		munmap(shared, shared_len);
	}
	run->staging = 0;

	/* The whole set in place at once, or none of it: readers see last
	 * night's set or tonight's. A school merged since is simply not in
	 * tonight's set. */
	if (set) {
		if (worst <= EXIT_ROWS_REJECTED) {
			int rc = sets_commit(run, set);
			worst = rc > worst ? rc : worst;
		} else {
			sets_discard(run, set);
			diag_say(run->diag, NULL, "build failed; the previous reports in %s/%d are kept as they were",
			    run->settings->output_dir, run->settings->fiscal_year);
		}
	}

	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (!quiet && !run->opt.dump_layout)
		say_built(run, r, per_kind, secs);
	release_lock(lock);
	int diag_rc = diag_exit_status(run->diag);
	return diag_rc > worst ? diag_rc : worst;
}
