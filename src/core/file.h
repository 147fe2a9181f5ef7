/* file.h - opening the files nithet reads (plan, schema, config, fonts,
 * inputs, images) the one safe way: only a regular file, checked on the
 * open descriptor before any read, never blocking on a FIFO or a device,
 * bounded in size. */
#ifndef NITHET_FILE_H
#define NITHET_FILE_H

#include <stddef.h>
#include <sys/stat.h>

#include "core/diag.h"

/* Open path read-only if it is a regular file of at most max_bytes. Run
 * as root, a file reported as DIAG_INPUT (the shared input folder's) is not
 * read through a symbolic link.
 * Returns the descriptor (blocking again, close-on-exec) and fills *st, or
 * -1 after a message of severity sev naming path and saying what it is
 * instead (a folder, a FIFO, a device), what the limit is, or why it could
 * not be opened. what names the file for the message ("the config file"). */
int file_open_regular(const char *path, long max_bytes, DiagSeverity sev, const char *what,
	struct stat *st, Diag *d);

/* The whole of a regular file (as file_open_regular) in a malloc'd buffer
 * with a NUL after it; *len its size. Returns 0, or -1 after reporting
 * (an empty file is reported too when !allow_empty). Caller frees *out. */
int file_read_regular(const char *path, long max_bytes, DiagSeverity sev, const char *what,
	int allow_empty, char **out, size_t *len, Diag *d);

/* path resolved against the folder base, as a new string (free it):
 * an absolute path as it is; otherwise base/path with "." and "name/.."
 * taken out as text ("config" + "../input" is "input"), so messages name
 * the file the way a person would write it. base NULL or "" is the
 * current folder. */
char *file_join(const char *base, const char *path);

/* The folder of a file's path, as a new string: "config" for
 * "config/nithet.ini", "." for "nithet.ini", "/" for "/nithet.ini". */
char *file_dir(const char *path);

/* Write all n bytes of p to fd, again after a signal or a short write:
 * 0, or the errno that stopped it (ENOSPC when write wrote nothing). The
 * one write loop of the program (reports, their temporary files, the pipe
 * of the .xls reader's child). */
int file_write_all(int fd, const void *p, size_t n);

/* Write len bytes to path atomically: a temporary file beside it
 * (path.tmpXXXXXX, mode 0644), fsync, rename; on any failure the temporary
 * file is removed and a file already at path is left as it was. Returns 0,
 * or EXIT_OUTPUT after reporting through d (what could not be done). For a
 * file outside a build's output tree (cli/outdir.h writes those): the
 * --summary JSON, a tool's PDF. */
int file_write_atomic(const char *path, const unsigned char *data, size_t len, Diag *d);

/* Read exactly n bytes from fd into p (again after a signal or a short
 * read): 0, or -1 at an error or the end before n bytes. */
int file_read_exactly(int fd, void *p, size_t n);

#endif
