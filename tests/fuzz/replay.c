/*
 * replay.c - run a fuzz harness once on each file named on the command line,
 * without libFuzzer: `make check` replays the seed corpus and every past crash
 * input this way, under AddressSanitizer and UndefinedBehaviorSanitizer, with
 * any C compiler. A sanitizer report aborts the program, so the exit status
 * says whether every input ran clean.
 */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!f) {
		perror(path);
		return -1;
	}
	do {
		if (len == cap) {
			unsigned char *n = realloc(buf, cap ? 2 * cap : 65536);
			if (!n) {
				fclose(f);
				free(buf);
				return -1;
			}
			buf = n;
			cap = cap ? 2 * cap : 65536;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	if (ferror(f)) {
		perror(path);
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int failed = 0;

	for (int i = 1; i < argc; i++) {
		/* Named first, so that a sanitizer report follows the input that caused it. */
		fprintf(stderr, "replay: %s\n", argv[i]);
		if (run_file(argv[i]) != 0)
			failed++;
	}
	printf("%s: %d inputs replayed, %d unreadable\n", argv[0], argc - 1 - failed, failed);
	return failed ? 1 : 0;
}
