/* file.c - see file.h. Opening with O_NONBLOCK is what keeps a FIFO from
 * hanging the run: open(2) of a FIFO without a writer returns at once, and
 * fstat on the descriptor (not the path: no race with a swap) refuses it
 * before a single byte is read. */
#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"

static const char *
kind_of(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a named pipe (FIFO)" : S_ISCHR(m) ? "a character device" :
	    S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

int
file_open_regular(const char *path, long max_bytes, DiagSeverity sev, const char *what, struct stat *st,
    Diag *d)
{
	/* Run as root, an input (a file of the shared input folder: sev is
	 * DIAG_INPUT) is never read through a symbolic link: anyone who can
	 * write the folder could point one at a file only root may read, and
	 * its first line would reach the log. The config and the fonts are the
	 * administrator's and may be links. */
	int as_root_input = sev == DIAG_INPUT && geteuid() == 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (as_root_input ? O_NOFOLLOW : 0));
	if (fd < 0 && as_root_input && errno == ELOOP) {
		diag_report(d, sev, path, 0, 0, "%s is a symbolic link; run as root, nithet reads no input through a "
		    "link (anyone who can write the input folder could point it at any file): put the file itself "
		    "there, or run nithet as an ordinary user", what);
		return -1;
	}
	if (fd < 0) {
		diag_report(d, sev, path, 0, 0, "cannot open %s (%s); check the file name and the folder it is in", what,
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, st) != 0) {
		diag_report(d, sev, path, 0, 0, "cannot read %s (%s)", what, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		diag_report(d, sev, path, 0, 0, "%s is %s, not a regular file; give the path of a file", what,
		    kind_of(st->st_mode));
		close(fd);
		return -1;
	}
	if (max_bytes > 0 && st->st_size > max_bytes) {
		diag_report(d, sev, path, 0, 0, "%s is too large (%lld bytes, the limit is %ld); check that it is "
		    "the file meant, or raise [limits] max_file_bytes", what, (long long)st->st_size, max_bytes);
		close(fd);
		return -1;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

int
file_read_regular(const char *path, long max_bytes, DiagSeverity sev, const char *what, int allow_empty,
    char **out, size_t *len, Diag *d)
{
	*out = NULL;
	*len = 0;
	struct stat st;
	int fd = file_open_regular(path, max_bytes, sev, what, &st, d);
	if (fd < 0)
		return -1;
	/* Read at most one byte past the size fstat gave: a file that grows
	 * while it is read is caught, never read without end. */
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = mem_alloc(cap + 1);
	for (;;) {
		ssize_t k = read(fd, buf + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			diag_report(d, sev, path, 0, 0, "cannot read %s (%s)", what, strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		if (k == 0)
			break;
		n += (size_t)k;
		if (n == cap)
			break;
	}
	close(fd);
	if (n > (size_t)st.st_size || (max_bytes > 0 && (long long)n > max_bytes)) {
		diag_report(d, sev, path, 0, 0, "%s changed while it was read; run again when it is complete", what);
		free(buf);
		return -1;
	}
	if (n == 0 && !allow_empty) {
		diag_report(d, sev, path, 0, 0, "%s is empty; export or save it again", what);
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}
