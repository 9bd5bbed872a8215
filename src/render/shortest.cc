/*
 * shortest.cc - fmt_shortest on double-conversion's DoubleToAscii.
 *
 * The library's SHORTEST mode picks the fewest decimal digits that read back
 * as the same double (Grisu3, falling back to an exact bignum algorithm when
 * Grisu3 cannot prove its answer shortest); this file only lays the digits
 * out, so the text never depends on the C library's printf. Only this file
 * is C++; it throws nothing and allocates nothing.
 */
#include "shortest.h"

#include <math.h>
#include <string.h>

#include <double-conversion/double-conversion.h>

using double_conversion::DoubleToStringConverter;

/*
 * Plain decimals for decimal exponents from DECIMAL_LOW up to DECIMAL_HIGH - 1:
 * %g's layout from 1e-4, and every whole number below 1e17 (each exact
 * integer up to 2^53 among them) in plain digits, as a spreadsheet reads them.
 */
static const int DECIMAL_LOW = -4;
static const int DECIMAL_HIGH = 17;

extern "C" size_t fmt_shortest(char *buf, double v)
{
	char digits[DoubleToStringConverter::kBase10MaximalLength + 1];
	bool negative;
	int len, point;
	size_t o = 0;

	if (isnan(v)) {
		memcpy(buf, "nan", 4);
		return 3;
	}
	if (isinf(v)) {
		strcpy(buf, v > 0 ? "inf" : "-inf");
		return v > 0 ? 3 : 4;
	}
	/* digits, len: the shortest digits; the value is 0.digits x 10^point. */
	DoubleToStringConverter::DoubleToAscii(v, DoubleToStringConverter::SHORTEST, 0, digits,
					       (int)sizeof digits, &negative, &len, &point);
	if (negative)
		buf[o++] = '-';
	int exp10 = point - 1;
	if (exp10 >= DECIMAL_LOW && exp10 < DECIMAL_HIGH) {
		if (point <= 0) {                       /* 0.000ddd */
			buf[o++] = '0';
			buf[o++] = '.';
			for (int i = 0; i < -point; i++)
				buf[o++] = '0';
			memcpy(buf + o, digits, (size_t)len);
			o += (size_t)len;
		} else if (point >= len) {              /* ddd000 */
			memcpy(buf + o, digits, (size_t)len);
			o += (size_t)len;
			for (int i = len; i < point; i++)
				buf[o++] = '0';
		} else {                                /* ddd.ddd */
			memcpy(buf + o, digits, (size_t)point);
			o += (size_t)point;
			buf[o++] = '.';
			memcpy(buf + o, digits + point, (size_t)(len - point));
			o += (size_t)(len - point);
		}
	} else {                                        /* d.ddde+XX, as printf writes it */
		buf[o++] = digits[0];
		if (len > 1) {
			buf[o++] = '.';
			memcpy(buf + o, digits + 1, (size_t)(len - 1));
			o += (size_t)(len - 1);
		}
		buf[o++] = 'e';
		buf[o++] = exp10 < 0 ? '-' : '+';
		int e = exp10 < 0 ? -exp10 : exp10;
		if (e >= 100)
			buf[o++] = (char)('0' + e / 100);
		buf[o++] = (char)('0' + e / 10 % 10);
		buf[o++] = (char)('0' + e % 10);
	}
	buf[o] = '\0';
	return o;
}
