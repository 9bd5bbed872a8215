/*
 * shortest.cc - fmt_shortest on double-conversion's DoubleToStringConverter.
 *
 * The library's shortest mode picks the fewest digits that round-trip
 * (Grisu3, falling back to an exact bignum algorithm when Grisu3 cannot
 * prove its answer shortest), so the text never depends on the C library's
 * printf. Only this file is C++; it throws nothing and allocates nothing.
 */
#include "shortest.h"

#include <double-conversion/double-conversion.h>

using double_conversion::DoubleToStringConverter;
using double_conversion::StringBuilder;

/*
 * Decimal layout between 10^DECIMAL_LOW and 10^DECIMAL_HIGH, as %g shows
 * numbers from 1e-4; every whole number below 1e17 (including each exact
 * integer up to 2^53) in plain digits, as a spreadsheet reads them.
 */
static const int DECIMAL_LOW = -4;
static const int DECIMAL_HIGH = 17;
/* Exponents with at least two digits and a sign, as printf writes them. */
static const int EXPONENT_WIDTH = 2;

static const DoubleToStringConverter converter(
	DoubleToStringConverter::EMIT_POSITIVE_EXPONENT_SIGN, "inf", "nan", 'e',
	DECIMAL_LOW, DECIMAL_HIGH, 0, 0, EXPONENT_WIDTH);

extern "C" size_t fmt_shortest(char *buf, double v)
{
	StringBuilder sb(buf, FMT_SHORTEST_MAX);

	converter.ToShortest(v, &sb);
	size_t n = (size_t)sb.position();
	sb.Finalize();
	return n;
}
