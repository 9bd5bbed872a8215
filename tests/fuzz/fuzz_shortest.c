/*
 * fuzz_shortest.c - the output layer's shortest number text (fmt_shortest)
 * on arbitrary doubles: every 8 bytes of the input taken as the bits of a
 * double, and the input's text read by strtod. Each finite result must read
 * back as the same double, fit its buffer, and hold at most 17 significant
 * digits; a failure aborts, so that libFuzzer and the replay report it.
 */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>

#include "shortest.h"

static void check(double v)
{
	char buf[FMT_SHORTEST_MAX];
	size_t n = fmt_shortest(buf, v), digits = 0, lead = 1;

	if (n >= FMT_SHORTEST_MAX || strlen(buf) != n)
		abort();
	if (!isfinite(v))
		return;
	if (memcmp(&(double){ strtod(buf, NULL) }, &v, sizeof v) != 0)
		abort();
	for (const char *p = buf; *p && *p != 'e'; p++) {
		if (*p < '0' || *p > '9')
			continue;
		lead = lead && *p == '0';
		digits += !lead;
	}
	if (digits > 17)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[64];
	size_t n = size < sizeof text - 1 ? size : sizeof text - 1;

	for (size_t i = 0; i + 8 <= size; i += 8) {
		double v;
		memcpy(&v, data + i, sizeof v);
		check(v);
	}
	memcpy(text, data, n);
	text[n] = '\0';
	check(strtod(text, NULL));
	return 0;
}
