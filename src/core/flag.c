/* flag.c - a value one thread sets once and another waits for (flag.h). */
#include "flag.h"

#include <time.h>
#include <unistd.h>

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
