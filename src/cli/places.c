/* places.c - the data folder and the default config (see places.h). */
#include "cli/places.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/file.h"
#include "core/i18n.h"
#include "core/mem.h"

/* The folder of the running program, or NULL when /proc cannot tell. */
static char *
program_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	return file_dir(exe);
}

/* path as seen from the current folder when it lies inside it, so that
 * messages name input/visits.csv rather than /srv/nithet/input/visits.csv
 * when nithet is run from its own folder. */
static char *
from_here(char *path)
{
	char cwd[PATH_MAX];
	if (path == NULL || getcwd(cwd, sizeof cwd) == NULL)
		return path;
	size_t n = strlen(cwd);
	if (strcmp(path, cwd) == 0) {
		free(path);
		return mem_strdup(".");
	}
	if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/') {
		char *rel = mem_strdup(path + n + 1);
		free(path);
		return rel;
	}
	return path;
}

static int
exists(const char *dir, const char *name)
{
	char *path = file_join(dir, name);
	int ok = access(path, F_OK) == 0;
	free(path);
	return ok;
}

void
places_find(Places *p)
{
	memset(p, 0, sizeof *p);
	char *bin = from_here(program_dir());
	const char *data = getenv("NITHET_DATA");
	char *prefix = bin ? file_join(bin, "..") : NULL;
	/* A source tree: the program in it, or in build/ or build/asan/ */
	char *tree = NULL;
	for (int up = 0; bin && up < 3 && tree == NULL; up++) {
		char *dir = file_join(bin, up == 0 ? "." : up == 1 ? ".." : "../..");
		if (exists(dir, "config/plan.xsd") && exists(dir, "src/main.c"))
			tree = dir;
		else
			free(dir);
	}
	int build_tree = tree != NULL;
	if (data && *data)
		p->data_dir = mem_strdup(data);
	else if (build_tree)
		p->data_dir = mem_strdup(tree);
	else if (prefix)
		p->data_dir = file_join(prefix, "share/nithet");
	else
		p->data_dir = mem_strdup(".");

	/* the message catalogues: built into build/locale, installed into
	 * PREFIX/share/locale */
	if (build_tree)
		p->locale_dir = exists(bin, "locale") ? file_join(bin, "locale") : file_join(tree, "build/locale");
	else if (prefix)
		p->locale_dir = file_join(prefix, "share/locale");
	else
		p->locale_dir = mem_strdup("/usr/share/locale");

	const char *env = getenv("NITHET_CONFIG");
	if (env && *env) {
		p->config = mem_strdup(env);
		p->config_from = N_("NITHET_CONFIG");
	} else if (build_tree) {
		p->config = file_join(tree, "config/nithet.ini");
		p->config_from = N_("the build folder");
	} else if (prefix) {
		/* PREFIX/etc, but /etc for /usr (and DESTDIR/etc for a staged
		 * DESTDIR/usr), as make install puts it */
		const char *last = strrchr(prefix, '/');
		int usr = last && strcmp(last, "/usr") == 0;
		char *root = usr ? file_join(prefix, "..") : NULL;
		p->config = file_join(usr ? root : prefix, "etc/nithet/nithet.ini");
		p->config_from = N_("the installation");
		free(root);
	} else {
		p->config = mem_strdup("/etc/nithet/nithet.ini");
		p->config_from = N_("the installation");
	}
	free(bin);
	free(prefix);
	free(tree);
}

void
places_free(Places *p)
{
	free(p->data_dir);
	free(p->config);
	free(p->locale_dir);
}
