/*
 * shortest.h - the shortest decimal text of a double that reads back as
 * exactly the same double (shortest round trip), and fast.
 *
 * Implemented in shortest.cc on Google's double-conversion library (Grisu3,
 * with an exact bignum fallback for the rare doubles Grisu3 cannot decide):
 * a small C++ file with a C interface, so that the rest of the output layer
 * stays C. Used for every number written to CSV and JSON (see fmt_exact in
 * format.c and the data table of crmroi sweep).
 *
 * The text is printf's %g layout with as many digits as the value needs:
 * plain decimals from 1e-4 up to 1e17 ("0.3", "2022031.3778112901",
 * "123456789012345680"), exponent form outside ("1e-05", "1.7976931348623157e+308"),
 * "-0" for negative zero, "inf", "-inf" and "nan" for the rest.
 */
#ifndef CRMROI_SHORTEST_H
#define CRMROI_SHORTEST_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Room for any result and its terminating NUL: a sign, 17 digits, a point,
 * up to 4 zeros after it before the digits, or an exponent "e-308".
 */
#define FMT_SHORTEST_MAX 32

/*
 * Write the shortest round-trip text of v to buf (at least FMT_SHORTEST_MAX
 * bytes), NUL-terminated; returns its length.
 */
size_t fmt_shortest(char *buf, double v);

#ifdef __cplusplus
}
#endif

#endif
