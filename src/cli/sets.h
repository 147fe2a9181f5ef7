/* sets.h - the output folder as sets of reports, one per build, swapped in
 * one step.
 *
 *   OUT/2558            -> .sets/2558.Xa81Qz   the year's current set (a link)
 *   OUT/.sets/2558.Xa81Qz/annual-2558.pdf, schools/93020001-2558.pdf, ...
 *
 * Readers open OUT/<FY>/...: a stable path. A build writes a whole new set
 * into a private folder under OUT/.sets and then replaces the link with one
 * rename(2), so a reader sees last night's set or tonight's, never a mix,
 * whenever the build is killed. The set a commit replaces stays until the
 * next build, which removes it while it works (removing a set is a file
 * system's slowest work: 39 ms of a 235 ms build, 10 s at national scale).
 * nithet writes only into folders it made, never through a link but its
 * own year links (checked to point into .sets), and removes only the sets
 * it made. */
#ifndef NITHET_SETS_H
#define NITHET_SETS_H

#include "cli/run.h"

/* OUT and OUT/.sets exist and are real folders (OUT itself may be a link
 * the user made; .sets may not). -1 after reporting DIAG_OUTPUT. */
int sets_prepare(Run *run);

/* The year's current set, made empty when there is none yet: *dir is
 * OUT/<FY> (our link). -1 after reporting (OUT/<FY> is a folder or a link
 * nithet did not make, for example). */
int sets_current(Run *run, const char **dir);

/* A new private set folder for a build, with its schools/ folder. */
int sets_begin(Run *run, const char **dir);

/* Make dir the year's current set in one step; the set it replaces stays
 * for the next build to remove. Returns 0 or EXIT_OUTPUT (the previous set
 * is then current). */
int sets_commit(Run *run, const char *dir);

/* Remove a set folder nithet made (a failed build's). */
void sets_discard(Run *run, const char *dir);

/* The sets no year link names (those replaced by a build, and those of
 * builds that were killed): their names, in run's arena, *n of them. Take
 * the list before sets_begin, whose new set no link names yet. */
char **sets_stale(Run *run, size_t *n);

/* Remove the sets named (sets_stale's list). Only system calls relative to
 * folders held open: a thread may do it while the build works. */
void sets_remove(const Run *run, char *const *names, size_t n);

#endif
