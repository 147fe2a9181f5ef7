/* dynlib.c - shared libraries loaded on first use (dynlib.h). */
#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* POSIX makes a function's address from dlsym a void *: the table's
 * members are stored byte for byte, each the size of a data pointer. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "function and data pointers differ in size");

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int
dynlib_load(DynLib *lib)
{
	pthread_mutex_lock(&lock);
	if (lib->state == 0) {
		/* Never closed: the functions stay valid for the process. */
		void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
		lib->state = h ? 1 : -1;
		if (h == NULL) {
			const char *e = dlerror();
			snprintf(lib->why, sizeof lib->why, "%s", e ? e : lib->soname);
		}
		for (size_t i = 0; h != NULL && i < lib->n; i++) {
			void *f = dlsym(h, lib->names[i]);
			if (f == NULL) {
				snprintf(lib->why, sizeof lib->why, "%s has no function %s", lib->soname,
				    lib->names[i]);
				lib->state = -1;
				break;
			}
			memcpy((char *)lib->table + i * sizeof f, &f, sizeof f);
		}
	}
	int ok = lib->state == 1;
	pthread_mutex_unlock(&lock);
	return ok ? 0 : -1;
}
