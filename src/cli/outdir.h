/* outdir.h - files of the output tree, by folder handle.
 *
 * The output folder may be shared with other people. Every file nithet
 * writes there, and every file it removes, is named relative to a folder
 * it holds open (openat and friends), never by a path walked again later:
 * a folder swapped for a symbolic link between a check and a write cannot
 * send a report, or a removal, elsewhere. Only the output folder itself
 * may be a link (the user's own choice on the command line). */
#ifndef NITHET_OUTDIR_H
#define NITHET_OUTDIR_H

#include <stddef.h>

#include "core/diag.h"

/* Open the folder name inside the folder at (AT_FDCWD for a path of the
 * user's), creating it when missing. follow: name may be a symbolic link
 * (the output folder the user gave); otherwise a link, or anything not a
 * folder, is refused. shown is the path said in messages. Returns the
 * descriptor, or -1 after reporting DIAG_OUTPUT. */
int outdir_open(int at, const char *name, int follow, const char *shown, Diag *d);

/* Create the file name in dir, exclusively (never over or through anything
 * there) and write data, without fsync (a build flushes its set once).
 * Returns 0 or an errno value; a file left half written is removed. */
int outdir_create(int dir, const char *name, const unsigned char *data, size_t len);

/* Replace the file name in dir atomically: a new file under a temporary
 * name made exclusively, written, flushed, then renamed over name. Returns
 * 0 or an errno value; on failure name is as it was and the temporary file
 * is gone. *step says which step failed. */
int outdir_replace(int dir, const char *name, const unsigned char *data, size_t len, const char **step);

/* Remove the folder name inside at and what nithet puts in such a folder:
 * its files and links, and the files of its subfolders (one level), never
 * following a link. Anything else stays, and so does the folder. */
void outdir_remove_tree(int at, const char *name);

#endif
