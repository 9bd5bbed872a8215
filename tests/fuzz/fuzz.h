/*
 * fuzz.h - what the libFuzzer harnesses share.
 *
 * Each harness defines LLVMFuzzerTestOneInput; it is linked either with
 * libFuzzer (clang -fsanitize=fuzzer, `make fuzz`) or with replay.c, which
 * runs the stored corpus and the past crash inputs once under the sanitizers
 * (`make check`).
 */
#ifndef CRMROI_FUZZ_H
#define CRMROI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Inputs that name special files are not run: a base scenario of /dev/zero
 * or ../../proc/... would test the machine, not the loader (reading special
 * files is covered by tests/faults.sh).
 */
static inline int fuzz_names_special_file(const uint8_t *data, size_t size)
{
	static const char *const bad[] = { "/dev", "/proc", "/sys", ".." };

	for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
		size_t n = strlen(bad[b]);
		for (size_t i = 0; i + n <= size; i++)
			if (!memcmp(data + i, bad[b], n))
				return 1;
	}
	return 0;
}

#endif
