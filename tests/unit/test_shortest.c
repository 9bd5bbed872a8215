/*
 * test_shortest.c - fmt_shortest, the shortest round-trip number text of
 * the output layer (src/render/shortest.cc).
 *
 * Three independent checks: strtod reads every result back as exactly the
 * same double (bit for bit); no text with one significant digit fewer reads
 * back as it (printf's correctly rounded %.*e gives the nearest such text);
 * and the digits equal those of Python's repr(), which is David Gay's
 * shortest round-trip algorithm (the table below was computed with
 * /usr/bin/python3 3.11.2: print(v.hex(), repr(v)) for each value, the
 * random ones from random.seed(20261130); random.getrandbits(64) as bits).
 */
#include "testutil.h"

#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#include "shortest.h"

/* Doubles and their repr() in Python 3.11.2 (see the top of the file). */
static const struct { double v; const char *repr; } python_repr[] = {
	{ 0x1.3333333333334p-2, "0.30000000000000004" },
	{ 0x1.999999999999ap-4, "0.1" },
	{ 0x1.3333333333333p-2, "0.3" },
	{ 0x1.5555555555555p-2, "0.3333333333333333" },
	{ 0x1.5555555555555p-1, "0.6666666666666666" },
	{ 0x1.56e1fc2f8f359p-997, "1e-300" },
	{ 0x1.fffffffffffffp+1023, "1.7976931348623157e+308" },
	{ 0x0.0000000000001p-1022, "5e-324" },
	{ 0x1.0000000000000p-1022, "2.2250738585072014e-308" },
	{ 0x0.fffffffffffffp-1022, "2.225073858507201e-308" },
	{ 0x0.0000000000064p-1022, "4.94e-322" },
	{ 0x1.52d02c7e14af6p+76, "1e+23" },
	{ 0x1.0000000000000p+53, "9007199254740992.0" },
	{ 0x1.b69b4ba630f35p+56, "1.2345678901234568e+17" },
	{ 0x1.eda8f60b83d9fp+20, "2022031.37781129" },
	{ 0x1.a36e2eb1c432dp-14, "0.0001" },
	{ 0x1.4f8b588e368f1p-17, "1e-05" },
	{ 0x1.c6bf526340000p+49, "1000000000000000.0" },
	{ 0x1.1c37937e08000p+53, "1e+16" },
	{ 0x1.6345785d8a000p+56, "1e+17" },
	{ 0x1.b1ae4d6e2ef50p+69, "1e+21" },
	{ 0x1.0f0cf064dd592p+73, "1e+22" },
	{ 0x1.a36e2eb1c432dp-15, "5e-05" },
	{ 0x1.1de784a000000p+28, "299792458.0" },
	{ 0x1.fe185ca57c517p+78, "6.02214076e+23" },
	{ 0x1.79ca10c924223p-63, "1.6e-19" },
	{ -0x1.1126666666666p+8, "-273.15" },
	{ 0x1.3147ae147ae14p+1, "2.385" },
	{ 0x1.9000000000000p+3, "12.5" },
	{ 0x1.2d687e4189375p+20, "1234567.891" },
	{ 0x1.1eb851eb851ecp-4, "0.07" },
	{ 0x1.9000000000000p+6, "100.0" },
	{ 0x1.0000000000000p+0, "1.0" },
	{ 0x0.0000000000003p-1022, "1.5e-323" },
	{ 0x1.0000000000000p-20, "9.5367431640625e-07" },
	{ 0x0.0000000003039p-1022, "6.099e-320" },
	{ 0x1.35c28f5c28f5dp+0, "1.2100000000000002" },
	{ 0x1.1666666666666p+2, "4.35" },
	{ 0x1.b2fffffffffffp+8, "434.99999999999994" },
	{ 0x1.0000000000000p+63, "9.223372036854776e+18" },
	{ 0x1.0000000000000p+64, "1.8446744073709552e+19" },
	{ 0x1.ad7f29abcaf48p-24, "1e-07" },
	{ 0x1.921fb54442d11p+1, "3.14159265358979" },
	{ 0x1.eed24c2c063fep-454, "4.155186703770596e-137" },
	{ -0x1.8064f958507adp+887, "-1.5493276596893557e+267" },
	{ 0x1.13dc30e9a8df5p+338, "6.033752503594958e+101" },
	{ 0x1.6eb44e0c67744p+407, "4.734610875454951e+122" },
	{ 0x1.82984fcb042d9p+203, "1.9413567533350407e+61" },
	{ -0x1.48cb01720800ep-99, "-2.026343252790744e-30" },
	{ -0x1.93f01a9f18630p+365, "-1.1858317169172704e+110" },
	{ -0x1.c546dbc4d13dcp-380, "-7.1899383220287395e-115" },
	{ -0x1.66023df2d5c05p-454, "-3.0063231000714837e-137" },
	{ -0x1.970fccddba416p-305, "-2.4393359722187145e-92" },
	{ 0x1.2c4e12b5eadadp+255, "6.791589889097515e+76" },
	{ 0x1.33256e25fe71dp-1017, "8.542787587741869e-307" },
	{ 0x1.6049fa9998118p-179, "1.7959319186620425e-54" },
	{ -0x1.c0e9819428e8ap+615, "-2.3843428951958722e+185" },
	{ -0x1.d2465be71c2d9p-413, "-8.610211252232095e-125" },
	{ 0x1.9c840d9f9bacdp-62, "3.4941450171141172e-19" },
	{ -0x1.6b47b57a73cabp+859, "-5.4546631221766884e+258" },
	{ -0x1.137f5a11b5c7dp+640, "-4.909925150375343e+192" },
	{ 0x1.8a1e2fdbc4be2p+523, "4.227405874484781e+157" },
	{ 0x1.034c143d2ba11p-720, "1.836373244701896e-217" },
	{ -0x1.67964cfbaa4ddp+358, "-8.247125440860612e+107" },
	{ -0x1.e0b93946a0998p-962, "-4.8172544458004544e-290" },
	{ -0x1.77337923fe54ep-520, "-4.269985049367663e-157" },
	{ 0x1.c193bf65cc902p-919, "3.962764273852618e-277" },
	{ 0x1.9782e12806dccp-200, "9.906049698865113e-61" },
};

/* The significant digits of a number's text: no sign, point, exponent or outer zeros. */
static void digits_of(const char *s, char *out)
{
	size_t n = 0;

	for (; *s && *s != 'e' && *s != 'E'; s++)
		if (*s >= '0' && *s <= '9' && !(n == 0 && *s == '0'))
			out[n++] = *s;
	while (n > 0 && out[n - 1] == '0')
		n--;
	out[n] = '\0';
}

static int same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

/*
 * The checks every finite value gets: NUL-terminated within the buffer, its
 * length returned, read back bit for bit by strtod, and no correctly rounded
 * text with fewer significant digits that reads back as v.
 */
static void check_value(double v)
{
	char buf[FMT_SHORTEST_MAX + 8], dig[40], fewer[64];

	memset(buf, 'x', sizeof buf);
	size_t n = fmt_shortest(buf, v);
	assert_true(n < FMT_SHORTEST_MAX);
	assert_int_equal(strlen(buf), n);
	errno = 0;
	char *end;
	double back = strtod(buf, &end);
	if (*end != '\0' || !same_bits(back, v)) {
		print_error("fmt_shortest(%a) = '%s' reads back as %a\n", v, buf, back);
		fail();
	}
	digits_of(buf, dig);
	size_t k = strlen(dig);
	assert_true(k <= 17);
	if (k > 1) {
		snprintf(fewer, sizeof fewer, "%.*e", (int)k - 2, v);
		if (same_bits(strtod(fewer, NULL), v)) {
			print_error("fmt_shortest(%a) = '%s', but '%s' is shorter and reads back\n", v,
				    buf, fewer);
			fail();
		}
	}
}

static void test_python_repr(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof python_repr / sizeof *python_repr; i++) {
		char buf[FMT_SHORTEST_MAX], got[40], want[40];
		fmt_shortest(buf, python_repr[i].v);
		digits_of(buf, got);
		digits_of(python_repr[i].repr, want);
		if (strcmp(got, want) != 0) {
			print_error("%a: '%s', Python's repr gives '%s'\n", python_repr[i].v, buf,
				    python_repr[i].repr);
			fail();
		}
		check_value(python_repr[i].v);
	}
}

/* The layout promised in shortest.h, value by value. */
static void test_layout(void **state)
{
	static const struct { double v; const char *text; } cases[] = {
		{ 0.1 + 0.2, "0.30000000000000004" },
		{ 0.3, "0.3" },
		{ -0.0, "-0" },
		{ 0.0, "0" },
		{ 1e-300, "1e-300" },
		{ 1.7976931348623157e308, "1.7976931348623157e+308" },
		{ 4.9406564584124654e-324, "5e-324" },      /* the smallest subnormal */
		{ 2.2250738585072014e-308, "2.2250738585072014e-308" },  /* DBL_MIN */
		{ 0.0001, "0.0001" },                       /* %g's last plain decimal */
		{ 0.00001, "1e-05" },
		{ 1e16, "10000000000000000" },
		{ 99999999999999984.0, "99999999999999980" },
		{ 1e17, "1e+17" },
		{ -2022031.37781129, "-2022031.37781129" },
		{ 2022031.3778112901, "2022031.37781129" },
		{ 9007199254740993.0, "9007199254740992" },  /* 2^53 + 1 is 2^53 as a double */
		{ 5500.0, "5500" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char buf[FMT_SHORTEST_MAX];
		fmt_shortest(buf, cases[i].v);
		if (strcmp(buf, cases[i].text) != 0) {
			print_error("%a: '%s', expected '%s'\n", cases[i].v, buf, cases[i].text);
			fail();
		}
	}
}

static void test_not_finite(void **state)
{
	char buf[FMT_SHORTEST_MAX];

	(void)state;
	fmt_shortest(buf, INFINITY);
	assert_string_equal(buf, "inf");
	fmt_shortest(buf, -INFINITY);
	assert_string_equal(buf, "-inf");
	fmt_shortest(buf, NAN);
	assert_string_equal(buf, "nan");
}

/* xorshift64*: a fixed stream of bit patterns, the same on every machine. */
static uint64_t next_bits(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static double from_bits(uint64_t b)
{
	double v;
	memcpy(&v, &b, sizeof v);
	return v;
}

/* Random bit patterns cover every exponent and mantissa equally. */
#define RANDOM_VALUES 300000

static void test_random_doubles(void **state)
{
	uint64_t s = 0x9E3779B97F4A7C15ULL;
	size_t done = 0;

	(void)state;
	while (done < RANDOM_VALUES) {
		double v = from_bits(next_bits(&s));
		if (!isfinite(v))
			continue;
		check_value(v);
		done++;
	}
}

/* Money-sized values with few decimals, as the model produces them. */
static void test_random_amounts(void **state)
{
	uint64_t s = 12345;

	(void)state;
	for (int i = 0; i < RANDOM_VALUES; i++) {
		double cents = (double)(next_bits(&s) % 100000000000ULL);
		check_value(cents / 100);
		check_value(-cents / 7);
	}
}

static void test_subnormals(void **state)
{
	uint64_t s = 77;

	(void)state;
	for (int e = 0; e < 52; e++)
		check_value(from_bits(1ULL << e));            /* every subnormal power of two */
	for (int i = 0; i < 100000; i++)
		check_value(from_bits(next_bits(&s) & ((1ULL << 52) - 1)));
	check_value(from_bits((1ULL << 52) - 1));         /* the largest subnormal */
	check_value(from_bits(1ULL << 52));               /* DBL_MIN */
}

/* Every power of ten a double holds reads "1" and its exponent. */
static void test_powers_of_ten(void **state)
{
	(void)state;
	for (int e = -323; e <= 308; e++) {
		char text[16], buf[FMT_SHORTEST_MAX], dig[40];
		snprintf(text, sizeof text, "1e%d", e);
		double v = strtod(text, NULL);
		fmt_shortest(buf, v);
		digits_of(buf, dig);
		if (strcmp(dig, "1") != 0 || strtod(buf, NULL) != v) {
			print_error("%s: '%s'\n", text, buf);
			fail();
		}
		check_value(v);
		check_value(-v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_python_repr),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_not_finite),
		cmocka_unit_test(test_random_doubles),
		cmocka_unit_test(test_random_amounts),
		cmocka_unit_test(test_subnormals),
		cmocka_unit_test(test_powers_of_ten),
	};
	return cmocka_run_group_tests_name("shortest", tests, NULL, NULL);
}
