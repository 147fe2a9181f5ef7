/* flag.h - a value one thread sets once and another waits for.
 *
 * The waiter spins for a while before it sleeps: on the virtual machines
 * measured, a thread that sleeps lets its processor halt, and waking it
 * again took from 0.2 to 5 ms (a build's thread started 0.24-5.3 ms after
 * pthread_create). The waits of a build between its threads are mostly
 * shorter than that; a long one (a national set loading for seconds)
 * sleeps after FLAG_SPIN_NS. On a single processor the waiter sleeps at
 * once: spinning would take the time of the thread it waits for. */
#ifndef NITHET_FLAG_H
#define NITHET_FLAG_H

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

#endif
