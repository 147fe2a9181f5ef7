/* thread.h - a build's threads: started beside the caller, and waiting for
 * one another without the cost of waking.
 *
 * On the virtual machines measured, a processor with nothing to run halts,
 * and a thread woken or started there begins late: a new thread took 0.2
 * to 5 ms to run. Worse, the scheduler often put a new thread on its
 * creator's own processor, the other one halted, and the two shared it for
 * milliseconds (the inputs' loading 15 -> 18-24 ms).
 *
 * thread_start_beside starts a thread on another processor than the
 * caller's, free to move once it runs.
 *
 * A Flag is a value one thread sets once and another waits for. The waiter
 * spins for a while before it sleeps: on the virtual machines
 * measured, a thread that sleeps lets its processor halt, and waking it
 * again took from 0.2 to 5 ms (a build's thread started 0.24-5.3 ms after
 * pthread_create). The waits of a build between its threads are mostly
 * shorter than that; a long one (a national set loading for seconds)
 * sleeps after FLAG_SPIN_NS. On a single processor the waiter sleeps at
 * once: spinning would take the time of the thread it waits for. */
#ifndef NITHET_THREAD_H
#define NITHET_THREAD_H

#include <pthread.h>
#include <stdatomic.h>

typedef struct Flag {
	atomic_int value;           /* 0 until set */
	pthread_mutex_t lock;       /* for a waiter that sleeps */
	pthread_cond_t cond;
} Flag;

void flag_init(Flag *f);
void flag_destroy(Flag *f);
/* Set the value (not 0) and wake the waiter. */
void flag_set(Flag *f, int value);
/* The value, once it is set. */
int flag_wait(Flag *f);

/* pthread_create(t, NULL, fn, arg), the thread starting on another
 * processor than the caller's when the process may use another (then free
 * to run anywhere the process may). 0 or an error number. */
int thread_start_beside(pthread_t *t, void *(*fn)(void *), void *arg);

#endif
