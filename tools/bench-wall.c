/* bench-wall.c - the wall time of one run of a command, for make bench.
 *
 *   bench-wall COMMAND [ARG...]
 *
 * Runs COMMAND with its output sent to /dev/null and prints, on stdout,
 * the microseconds from just before it is started (fork) to just after it
 * has ended (waitpid): its whole life, the loading of its libraries and its
 * exit included. Timing it between two `date` commands in the shell also
 * counted the second date's start, about 11 ms on these machines: 8 % of
 * a bundled build. Exit status: the command's (127 when it cannot be run). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-wall COMMAND [ARG...]\n");
		return 2;
	}
	double t0 = bench_now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench-wall: fork");
		return 127;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	int status = 0;
	if (waitpid(pid, &status, 0) < 0) {
		perror("bench-wall: waitpid");
		return 127;
	}
	double t = bench_now() - t0;
	printf("%.0f\n", t * 1e6);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
}
