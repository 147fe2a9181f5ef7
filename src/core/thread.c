/* thread.c - threads started beside the caller, and flags (thread.h). */
#define _GNU_SOURCE   /* sched_getcpu, CPU_SET, pthread_attr_setaffinity_np */
#include "thread.h"

#include <sched.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/mem.h"

#define FLAG_SPIN_NS 20000000L   /* 20 ms */

void
flag_init(Flag *f)
{
	atomic_init(&f->value, 0);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->cond, NULL);
}

void
flag_destroy(Flag *f)
{
	pthread_cond_destroy(&f->cond);
	pthread_mutex_destroy(&f->lock);
}

void
flag_set(Flag *f, int value)
{
	pthread_mutex_lock(&f->lock);
	atomic_store_explicit(&f->value, value, memory_order_release);
	pthread_cond_broadcast(&f->cond);
	pthread_mutex_unlock(&f->lock);
}

static long long
now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void
relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield");
#endif
}

int
flag_wait(Flag *f)
{
	int v = atomic_load_explicit(&f->value, memory_order_acquire);
	if (v != 0)
		return v;
	if (sysconf(_SC_NPROCESSORS_ONLN) > 1) {
		long long until = now_ns() + FLAG_SPIN_NS;
		for (unsigned i = 1;; i++) {
			relax();
			if ((v = atomic_load_explicit(&f->value, memory_order_acquire)) != 0)
				return v;
			if (i % 1024 == 0 && now_ns() > until)
				break;
		}
	}
	pthread_mutex_lock(&f->lock);
	while ((v = atomic_load_explicit(&f->value, memory_order_acquire)) == 0)
		pthread_cond_wait(&f->cond, &f->lock);
	pthread_mutex_unlock(&f->lock);
	return v;
}

/* What the new thread needs to free itself to run anywhere again. */
typedef struct Beside {
	void *(*fn)(void *);
	void *arg;
	cpu_set_t all;
} Beside;

static void *
beside_main(void *p)
{
	Beside b = *(Beside *)p;
	free(p);
	(void)sched_setaffinity(0, sizeof b.all, &b.all);
	return b.fn(b.arg);
}

int
thread_start_beside(pthread_t *t, void *(*fn)(void *), void *arg)
{
	Beside *b = mem_alloc(sizeof *b);
	b->fn = fn;
	b->arg = arg;
	cpu_set_t others;
	CPU_ZERO(&others);
	int me = sched_getcpu();
	if (me >= 0 && sched_getaffinity(0, sizeof b->all, &b->all) == 0)
		for (int c = 0; c < CPU_SETSIZE; c++)
			if (c != me && CPU_ISSET(c, &b->all))
				CPU_SET(c, &others);
	if (CPU_COUNT(&others) == 0) {
		/* One processor, or none known: an ordinary start. */
		free(b);
		return pthread_create(t, NULL, fn, arg);
	}
	pthread_attr_t at;
	int err = pthread_attr_init(&at);
	if (err != 0) {
		free(b);
		return err;
	}
	if (pthread_attr_setaffinity_np(&at, sizeof others, &others) != 0) {
		pthread_attr_destroy(&at);
		free(b);
		return pthread_create(t, NULL, fn, arg);
	}
	err = pthread_create(t, &at, beside_main, b);
	pthread_attr_destroy(&at);
	if (err != 0)
		free(b);
	return err;
}
