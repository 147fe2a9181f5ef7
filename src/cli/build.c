/* build.c - `nithet build`: every report, for the nightly cron job.
 *
 * Order of work: take the output folder's lock (a second build waits before
 * it reads anything), load and validate everything (an unusable input means
 * nothing is written and the previous reports stay as they were), then write
 * a job per report of every kind of the table of reports (reports.h) with -j
 * worker threads that share the loaded fonts, dictionaries and caches.
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
#include <sys/stat.h>
#include <time.h>

#include <unistd.h>

#include "core/i18n.h"
#include "core/mem.h"
#include "core/phase.h"
#include "core/thread.h"

#include "cli/reports.h"
#include "cli/run.h"
#include "cli/sets.h"
#include "export/indicators.h"
#include "render/render.h"

/* Freed memory beyond this, after one of the office's reports, is given
 * back to the system (mem_give_back); a bundled build never has so much.
 * Nor does any build whose model and year's figures (the run's arena) are
 * under GIVE_BACK_MODEL: a report's own memory grows with the rows it
 * gathers. Such a build does not even ask: asking locks every malloc heap
 * in turn and walks it, and a worker wanting its heap meanwhile sleeps,
 * which a virtual machine makes cost up to milliseconds to wake from. */
#define GIVE_BACK_OVER ((size_t)64 << 20)
#define GIVE_BACK_MODEL ((size_t)16 << 20)

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

/* The sets no link names (the one last night's build replaced, any a
 * killed build left), removed by a thread while this build loads and
 * writes: the lock says no other build uses them, and removing files is
 * slow (39 ms of a bundled build, 10 s at national scale). */
typedef struct Remover {
	const Run *run;
	char **names;
	size_t n;
	pthread_t thread;
	int started;
} Remover;

static void *
remove_stale(void *arg)
{
	Remover *rm = arg;
	sets_remove(rm->run, rm->names, rm->n);
	return NULL;
}

static void
remover_start(Run *run, Remover *rm)
{
	rm->run = run;
	rm->names = sets_stale(run, &rm->n);
	rm->started = rm->n > 0 && pthread_create(&rm->thread, NULL, remove_stale, rm) == 0;
	if (rm->n > 0 && !rm->started)
		sets_remove(run, rm->names, rm->n);
}

/* The end of a build that took the lock: the remover joined, the lock let
 * go. */
static void
end_build(int lock, Remover *rm)
{
	if (rm->started)
		pthread_join(rm->thread, NULL);
	rm->started = 0;
	release_lock(lock);
}

/* --- the work ------------------------------------------------------------ */

/* The per-file "wrote" lines would be 120 of them: build says it once. */
static int
do_job(Run *run, const Results *r, const Job *job)
{
	return report_write(run, job->kind, r, job->item, 1);
}

/* The schools' reports are written a batch at a time, together
 * (report_write_together): one font subset for a batch, where each report
 * made its own — the same hundred glyphs, give or take a few, in every
 * school's report; a subset and its deflating were the dearest part of a
 * small PDF. SHARE_BATCH reports a batch, but the last SHARE_TAIL of a kind
 * two at a time, so that the workers still end together. Batches go by
 * position alone, never by the number of workers: no report's bytes depend
 * on -j. */
enum { SHARE_BATCH = 8, SHARE_TAIL = 16, TAIL_BATCH = 2 };

/* Where each batch of jobs[nfirst, njobs) starts, in *starts (njobs - nfirst
 * + 1 slots, the last the end); returns how many batches. A batch holds
 * one kind of report. */
static size_t
plan_batches(const Job *jobs, size_t nfirst, size_t njobs, size_t *starts)
{
	size_t nb = 0;
	for (size_t i = nfirst; i < njobs;) {
		size_t end = i;
		while (end < njobs && jobs[end].kind == jobs[i].kind)
			end++;
		size_t tail = end - i > SHARE_TAIL ? end - SHARE_TAIL : i;
		for (size_t at = i; at < end;) {
			starts[nb++] = at;
			size_t step = at < tail ? SHARE_BATCH : TAIL_BATCH;
			size_t stop = at < tail && at + step > tail ? tail : at + step;
			at = stop < end ? stop : end;
		}
		i = end;
	}
	starts[nb] = njobs;
	return nb;
}

static int
do_batch(Run *run, const Results *r, const Job *jobs, size_t n)
{
	const void *items[SHARE_BATCH];
	for (size_t i = 0; i < n; i++)
		items[i] = jobs[i].item;
	return report_write_together(run, jobs[0].kind, r, items, n);
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

/* The workers of a build: threads of this process, the calling one among
 * them, so that the fonts, the word-break dictionary, the PDF writer's
 * caches and the model are loaded once and shared (processes would each
 * touch their own copy of every page they read, a cost of its own on a
 * virtual machine). What they share is read-only but for the job counter
 * and the progress bar. */
typedef struct Crew {
	const Results *r;
	const Job *jobs;
	size_t nfirst, njobs;
	const size_t *starts;       /* the schools' batches (plan_batches) */
	size_t nbatches;
	atomic_size_t next;         /* the next batch */
	atomic_size_t done;
	int show;                   /* a progress bar on the terminal */
	int give_back;              /* the inputs are large enough to ask (GIVE_BACK_MODEL) */
	pthread_mutex_t bar;        /* one bar drawn at a time */
} Crew;

/* One worker: its own view of the run (its own arena for paths, its own
 * Diag, its own committee figures), the rest shared. */
typedef struct Hand {
	Crew *crew;
	Run run;
	int first;                  /* writes the office's reports first */
	int rc;
} Hand;

/* The first worker writes the reports of the whole office first (jobs
 * [0, nfirst): the annual report, the review, the committee packs, in
 * order, since a pack's "before" is the pack before it); then, like the
 * others from the start, it takes the next school from the counter, so
 * no worker idles while another finishes a fixed share. */
static void *
hand_work(void *arg)
{
	Hand *h = arg;
	Crew *c = h->crew;
	int worst = 0;
	for (size_t f = 0;; f++) {
		size_t b = 0, i, n = 1;
		if (h->first && f < c->nfirst) {
			i = f;
		} else {
			if ((b = atomic_fetch_add(&c->next, 1)) >= c->nbatches)
				break;
			i = c->starts[b];
			n = c->starts[b + 1] - i;
		}
		int rc = i < c->nfirst ? do_job(&h->run, c->r, &c->jobs[i]) : do_batch(&h->run, c->r, &c->jobs[i], n);
		worst = rc > worst ? rc : worst;
		/* After the office's reports, each larger than every school's
		 * put together at national scale: what they freed returned, not
		 * left under the next one's new memory (peak 760 -> 670 MB). */
		if (i < c->nfirst && c->give_back)
			mem_give_back(GIVE_BACK_OVER);
		size_t done = atomic_fetch_add(&c->done, n) + n;
		if (c->show) {
			pthread_mutex_lock(&c->bar);
			progress((int)done, (int)c->njobs);
			pthread_mutex_unlock(&c->bar);
		}
	}
	int diag_rc = diag_exit_status(h->run.diag);
	h->rc = diag_rc > worst ? diag_rc : worst;
	return NULL;
}

/* The thread that loads the fonts and the word-break dictionary while the
 * inputs load, then works as the second worker (when there is one): one
 * thread for both, started once, since a thread started later took up to
 * 5 ms to begin and one that slept as long to wake (thread.h). */
typedef struct Helper {
	const Run *run;
	pthread_t thread;
	int started, ended;
	Flag preloaded;             /* the fonts loaded and checked: 1 fine, -1 not */
	Flag loaded;                /* 1: the inputs are loaded; -1: not, or no need */
	Flag told;                  /* 1: work as *hand; -1: end */
	Hand *hand;
	Flag done;                  /* it has nothing more to do */
} Helper;

static void *
helper_main(void *arg)
{
	Helper *hp = arg;
	Phase was = phase_enter(PHASE_SETUP);
	render_preload(hp->run->settings, hp->run->opt.jobs > 0 ? (size_t)hp->run->opt.jobs : 1);
	phase_enter(was);
	/* The fonts checked here too (a line through the PDF writer, 2 ms),
	 * while the inputs still load, saying nothing: the main thread checks
	 * again, to say what is wrong, only if this failed. */
	Diag *quiet = diag_new(NULL);
	int fine = render_check_fonts(hp->run->settings, quiet) == EXIT_DONE;
	diag_free(quiet);
	flag_set(&hp->preloaded, fine ? 1 : -1);
	/* While the figures are measured: the emblem and the photos made
	 * ready for the PDF writer (PNG rows checked, or laid on white), work
	 * a worker would do otherwise. */
	if (flag_wait(&hp->loaded) > 0) {
		const Model *m = &hp->run->model;
		const Settings *s = hp->run->settings;
		int full = render_prepare_image(s, m->emblem.data, m->emblem.len, m->emblem.jpeg);
		for (size_t i = 0; !full && i < m->nphotos; i++)
			full = render_prepare_image(s, m->photos[i].image.data, m->photos[i].image.len,
			    m->photos[i].image.jpeg);
	}
	if (flag_wait(&hp->told) > 0)
		hand_work(hp->hand);
	flag_set(&hp->done, 1);
	return NULL;
}

/* Start the helper, when want (else the calling thread loads the fonts
 * when it first needs them). */
static void
helper_start(const Run *run, Helper *hp, int want)
{
	*hp = (Helper){ .run = run };
	flag_init(&hp->preloaded);
	flag_init(&hp->loaded);
	flag_init(&hp->told);
	flag_init(&hp->done);
	/* On the other processor: started on this one (as the scheduler often
	 * chose), it took this thread's time for milliseconds (thread.h). */
	hp->started = want && thread_start_beside(&hp->thread, helper_main, hp) == 0;
}

/* Wait for the helper's end (after its last report, when it worked), telling
 * it to end first if it was not given work. Once; later calls do nothing. */
static void
helper_end(Helper *hp)
{
	if (hp->ended)
		return;
	hp->ended = 1;
	if (hp->started) {
		if (atomic_load(&hp->loaded.value) == 0)
			flag_set(&hp->loaded, -1);
		if (atomic_load(&hp->told.value) == 0)
			flag_set(&hp->told, -1);
		flag_wait(&hp->done);
		pthread_join(hp->thread, NULL);
		hp->started = 0;
	}
	flag_destroy(&hp->preloaded);
	flag_destroy(&hp->loaded);
	flag_destroy(&hp->told);
	flag_destroy(&hp->done);
}

/* Write every job with n workers (n >= 1), the helper (when started) the
 * second of them; the worst exit status. */
static int
run_jobs(Run *run, const Results *r, const Job *jobs, size_t nfirst, size_t njobs, size_t n, int show,
	Helper *hp)
{
	size_t *starts = arena_array(run->arena, njobs - nfirst + 1, sizeof *starts);
	Crew crew = { .r = r, .jobs = jobs, .nfirst = nfirst, .njobs = njobs, .show = show,
		.give_back = arena_used(run->arena) > GIVE_BACK_MODEL, .starts = starts,
		.nbatches = plan_batches(jobs, nfirst, njobs, starts) };
	atomic_init(&crew.next, 0);
	atomic_init(&crew.done, 0);
	pthread_mutex_init(&crew.bar, NULL);
	Hand *hands = arena_array(run->arena, n, sizeof *hands);
	pthread_t *threads = arena_array(run->arena, n, sizeof *threads);
	for (size_t k = 0; k < n; k++) {
		hands[k] = (Hand){ .crew = &crew, .run = *run, .first = k == 0 };
		if (k > 0) {
			hands[k].run.arena = arena_new();
			hands[k].run.diag = diag_fork(run->diag);
			hands[k].run.pack_arena = NULL;
			hands[k].run.pack_results = NULL;
		}
	}
	int worst = 0;
	size_t started = 1;
	int helping = n > 1 && hp->started;
	if (helping) {
		hp->hand = &hands[1];
		flag_set(&hp->told, 1);
		started++;
	}
	for (size_t k = started; k < n; k++, started++) {
		int err = pthread_create(&threads[k], NULL, hand_work, &hands[k]);
		if (err != 0) {
			/* Fewer workers, not fewer reports: the others take its share. */
			diag_report(run->diag, DIAG_WARNING, NULL, 0, 0, "cannot start a worker (%s); going on with %zu",
			    strerror(err), started);
			break;
		}
	}
	hand_work(&hands[0]);
	/* The first worker's view is a copy too: what it changed comes back. */
	run->pack_arena = hands[0].run.pack_arena;   /* freed with the run */
	run->disk_full = hands[0].run.disk_full;
	worst = hands[0].rc;
	if (helping)
		helper_end(hp);
	for (size_t k = 1; k < started; k++) {
		if (k > 1 || !helping)
			pthread_join(threads[k], NULL);
		worst = hands[k].rc > worst ? hands[k].rc : worst;
	}
	for (size_t k = 1; k < n; k++) {
		diag_absorb(run->diag, hands[k].run.diag);
		arena_free(hands[k].run.arena);
		arena_free(hands[k].run.pack_arena);
		if (hands[k].run.disk_full)
			run->disk_full = 1;
	}
	pthread_mutex_destroy(&crew.bar);
	return worst;
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
	/* The fonts and the word-break dictionary load in the helper thread
	 * while the lock is taken and the inputs load (the workers start after
	 * both); started first, as its start takes a while (thread.h). */
	Helper help;
	helper_start(run, &help, !run->opt.dump_layout);
	/* The lock first: a second run waits before it reads anything, and a
	 * run that cannot read its inputs still holds no one up. */
	if (!run->opt.dump_layout && sets_prepare(run) != 0) {
		helper_end(&help);
		return EXIT_OUTPUT;
	}
	int lock = run->opt.dump_layout ? -1 : take_lock(run);
	if (lock < 0 && !run->opt.dump_layout) {
		helper_end(&help);
		return EXIT_OUTPUT;
	}
	Remover rm = { 0 };
	int loaded = run_load(run);
	int fonts_fine = help.started && flag_wait(&help.preloaded) > 0;
	if (loaded != 0) {
		helper_end(&help);
		end_build(lock, &rm);
		return diag_exit_status(run->diag); /* nothing written */
	}
	if (help.started)
		flag_set(&help.loaded, 1);
	/* The fonts once, before any report: one message for a bad font, not
	 * one per report; the workers inherit the loaded fonts. Checked by the
	 * helper already when it could, and then again only to say why not. */
	if (!run->opt.dump_layout && !fonts_fine && render_check_fonts(run->settings, run->diag) != 0) {
		helper_end(&help);
		end_build(lock, &rm);
		return diag_exit_status(run->diag);
	}
	/* A new private set for tonight's reports; the stale ones removed
	 * while it is written (not before: a build that cannot load its
	 * inputs leaves the folder as it was). */
	const char *set = NULL;
	if (!run->opt.dump_layout) {
		remover_start(run, &rm);
		if (sets_begin(run, &set) != 0) {
			helper_end(&help);
			end_build(lock, &rm);
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
	if (run->opt.dump_layout || nworkers < 1)
		nworkers = 1;     /* the layout dump is one stream, in order */
	int jobs_rc = run_jobs(run, r, jobs, nfirst, njobs, nworkers, show, &help);
	helper_end(&help);
	worst = jobs_rc > worst ? jobs_rc : worst;
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
	end_build(lock, &rm);
	int diag_rc = diag_exit_status(run->diag);
	return diag_rc > worst ? diag_rc : worst;
}
