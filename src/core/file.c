/* file.c - see file.h. Opening with O_NONBLOCK is what keeps a FIFO from
 * hanging the run: open(2) of a FIFO without a writer returns at once, and
 * fstat on the descriptor (not the path: no race with a swap) refuses it
 * before a single byte is read. */
#include "core/file.h"
#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"

static const char *
kind_of(mode_t m)
{
	return S_ISDIR(m) ? _("a directory") : S_ISFIFO(m) ? _("a named pipe (FIFO)") : S_ISCHR(m) ? _("a character device") :
	    S_ISBLK(m) ? _("a block device") : S_ISSOCK(m) ? _("a socket") : _("not a regular file");
}

int
file_open_regular(const char *path, long max_bytes, DiagSeverity sev, const char *what_en, struct stat *st,
    Diag *d)
{
	const char *what = _(what_en);    /* "the file", "the workbook": N_() where given */
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
file_read_regular(const char *path, long max_bytes, DiagSeverity sev, const char *what_en, int allow_empty,
    char **out, size_t *len, Diag *d)
{
	const char *what = _(what_en);
	*out = NULL;
	*len = 0;
	struct stat st;
	int fd = file_open_regular(path, max_bytes, sev, what_en, &st, d);
	if (fd < 0)
		return -1;
	/* Read at most one byte past the size fstat gave: a file that grows
	 * while it is read is caught, never read without end. */
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = mem_alloc_raw(cap + 1);
	mem_populate(buf, cap);   /* filled by read(): its pages at once, not a fault each */
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

char *
file_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return mem_strdup(".");
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *d = mem_alloc(n + 1);
	memcpy(d, path, n);
	return d;
}

char *
file_join(const char *base, const char *path)
{
	if (path[0] == '/')
		return mem_strdup(path);
	if (base == NULL || !strcmp(base, "."))
		base = "";
	size_t bl = strlen(base), pl = strlen(path);
	char *out = mem_alloc(bl + pl + 4);
	memcpy(out, base, bl);
	size_t n = bl;
	while (n > 1 && out[n - 1] == '/')
		n--;
	const char *p = path;
	while (*p) {
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == 0 || (len == 1 && p[0] == '.')) {
			/* nothing */
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			/* take out the last name of out, unless it is ".." or the root */
			size_t start = n;
			while (start > 0 && out[start - 1] != '/')
				start--;
			const char *last = out + start;
			size_t ll = n - start;
			if (ll == 0 && n == 1 && out[0] == '/') {
				/* the root's parent is the root */
			} else if (ll > 0 && !(ll == 2 && last[0] == '.' && last[1] == '.') && !(ll == 1 && last[0] == '.')) {
				n = start > 1 ? start - 1 : start;
				if (n == 0 && out[0] != '/') {
					out[0] = '.';
					n = 1;
				}
			} else {
				if (n > 0 && out[n - 1] != '/')
					out[n++] = '/';
				memcpy(out + n, "..", 2);
				n += 2;
			}
		} else {
			if (n == 1 && out[0] == '.') {
				n = 0;
			} else if (n > 0 && out[n - 1] != '/') {
				out[n++] = '/';
			}
			memcpy(out + n, p, len);
			n += len;
		}
		if (e == NULL)
			break;
		p = e + 1;
	}
	if (n == 0)
		out[n++] = '.';
	out[n] = '\0';
	return out;
}

int
file_write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0) {
		ssize_t k = write(fd, c, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return errno;
		if (k == 0)
			return ENOSPC;
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

int
file_read_exactly(int fd, void *p, size_t n)
{
	char *c = p;
	while (n > 0) {
		ssize_t k = read(fd, c, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

int
file_write_atomic(const char *path, const unsigned char *data, size_t len, Diag *d)
{
	size_t n = strlen(path) + 16;
	char *tmp = mem_alloc(n);
	snprintf(tmp, n, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	const char *step = N_("create a temporary file");
	if (fd >= 0) {
		/* mkstemp creates the file 0600; a report is meant to be read by others. */
		(void)fchmod(fd, 0644);
		step = N_("write");
		int werr = file_write_all(fd, data, len);
		if (werr != 0)
			errno = werr;
		if (werr == 0) {
			step = N_("flush");
			if (fsync(fd) == 0) {
				step = N_("close");
				int cr = close(fd);
				fd = -1;
				if (cr == 0) {
					step = N_("rename into place");
					if (rename(tmp, path) == 0) {
						free(tmp);
						return 0;
					}
				}
			}
		}
	}
	int err = errno;
	if (fd >= 0)
		close(fd);
	if (strcmp(step, "create a temporary file") != 0)
		unlink(tmp);
	diag_report(d, DIAG_OUTPUT, path, 0, 0,
		"cannot write the file (could not %s: %s); check that its folder exists and is writable",
		_(step), strerror(err));
	free(tmp);
	return EXIT_OUTPUT;
}
