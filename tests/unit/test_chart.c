/*
 * test_chart.c - the plotting module: nice numbers and ticks, scaling, tick
 * labels, escaping, and the SVG of small and degenerate charts.
 *
 * Expected ticks are worked by hand from Heckbert's algorithm (Graphics
 * Gems, "Nice numbers for graph labels", 1990): range = nicenum(hi - lo,
 * false), step = nicenum(range / (n - 1), true), ticks from
 * floor(lo / step) x step to ceil(hi / step) x step. Each case's arithmetic
 * is in its comment.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdlib.h>

#include "chart.h"

/* Ticks and pixel positions are exact multiples; this only absorbs the last bit. */
#define TICK_REL 1e-12

static void test_nice_num(void **state)
{
	(void)state;
	/* 2.385 = 2.385 x 10^0: rounded, f < 3 gives 2; not rounded, f <= 5 gives 5. */
	assert_close(chart_nice_num(2.385, 1), 2, TICK_REL, 0);
	assert_close(chart_nice_num(2.385, 0), 5, TICK_REL, 0);
	/* 0.00385 = 3.85 x 10^-3: rounded, 3 <= f < 7 gives 5 x 10^-3. */
	assert_close(chart_nice_num(0.00385, 1), 0.005, TICK_REL, 0);
	/* 12.3e6 = 1.23 x 10^7: not rounded, 1 < f <= 2 gives 2 x 10^7. */
	assert_close(chart_nice_num(12.3e6, 0), 2e7, TICK_REL, 0);
	/* 7.25: rounded, f >= 7 gives 10. */
	assert_close(chart_nice_num(7.25, 1), 10, TICK_REL, 0);
	assert_close(chart_nice_num(0, 1), 0, 0, 0);
	assert_close(chart_nice_num(-4.5, 0), 0, 0, 0);
	assert_close(chart_nice_num(NAN, 0), 0, 0, 0);
}

static void test_ticks_negative(void **state)
{
	chart_scale s;
	char b[32];

	(void)state;
	/*
	 * A cumulative cash flow from -1,241,118.91 to 4,210,076.23, 6 ticks:
	 * range = nice(5,451,195.14, false) = 10^7 (f = 5.45 > 5); step =
	 * nice(10^7 / 5 = 2 x 10^6, true) = 2 x 10^6; floor(-0.62) = -1 and
	 * ceil(2.105) = 3 give -2M .. 6M, 5 ticks.
	 */
	chart_ticks(-1241118.91, 4210076.23, 6, &s);
	s.unit = CHART_AMOUNT;
	assert_close(s.step, 2e6, TICK_REL, 0);
	assert_close(s.lo, -2e6, TICK_REL, 0);
	assert_close(s.hi, 6e6, TICK_REL, 0);
	assert_int_equal(s.nticks, 5);
	assert_close(chart_tick(&s, 1), 0, 0, 0);
	chart_fmt_tick(&s, chart_tick(&s, 0), b, sizeof b);
	assert_string_equal(b, "-2M");
	chart_fmt_tick(&s, chart_tick(&s, 1), b, sizeof b);
	assert_string_equal(b, "0");
	chart_fmt_tick(&s, chart_tick(&s, 4), b, sizeof b);
	assert_string_equal(b, "6M");
}

static void test_ticks_decimals(void **state)
{
	chart_scale s;
	char b[32];

	(void)state;
	/*
	 * 0 .. 1,240,000 with 4 ticks: range = nice(1.24e6, false) = 2e6; step =
	 * nice(2e6 / 3 = 666,667, true) = 5e5 (f = 6.67 < 7); ceil(2.48) = 3 gives
	 * 0, 0.5M, 1.0M, 1.5M: one decimal, because the step is half a million.
	 */
	chart_ticks(0, 1240000, 4, &s);
	s.unit = CHART_AMOUNT;
	assert_close(s.step, 5e5, TICK_REL, 0);
	assert_close(s.hi, 1.5e6, TICK_REL, 0);
	assert_int_equal(s.nticks, 4);
	chart_fmt_tick(&s, chart_tick(&s, 1), b, sizeof b);
	assert_string_equal(b, "0.5M");
	chart_fmt_tick(&s, chart_tick(&s, 2), b, sizeof b);
	assert_string_equal(b, "1.0M");
	/* Percent: 0 .. 8.91%, 5 ticks: range nice(0.0891) = 0.1, step nice(0.025, true) = 0.02. */
	chart_ticks(0, 0.0891, 5, &s);
	s.unit = CHART_PERCENT;
	assert_close(s.step, 0.02, TICK_REL, 0);
	assert_int_equal(s.nticks, 6);
	chart_fmt_tick(&s, chart_tick(&s, 5), b, sizeof b);
	assert_string_equal(b, "10%");
	chart_fmt_tick(&s, chart_tick(&s, 3), b, sizeof b);
	assert_string_equal(b, "6%");
}

static void test_ticks_degenerate(void **state)
{
	chart_scale s;
	char b[32];

	(void)state;
	/* All zeros: [0, 1]; range nice(1) = 1, step nice(0.25, true) = 0.2 (f = 2.5 < 3). */
	chart_ticks(0, 0, 5, &s);
	assert_close(s.lo, 0, 0, 0);
	assert_close(s.hi, 1, TICK_REL, 0);
	assert_close(s.step, 0.2, TICK_REL, 0);
	assert_int_equal(s.nticks, 6);
	/*
	 * One bar of 472,500: widened to [0, 472,500]; range nice(472,500) = 5e5,
	 * step nice(125,000, true) = 1e5; ceil(4.725) = 5 gives 0 .. 500k, labels in k.
	 */
	chart_ticks(472500, 472500, 5, &s);
	s.unit = CHART_AMOUNT;
	assert_close(s.lo, 0, 0, 0);
	assert_close(s.hi, 5e5, TICK_REL, 0);
	assert_int_equal(s.nticks, 6);
	chart_fmt_tick(&s, chart_tick(&s, 1), b, sizeof b);
	assert_string_equal(b, "100k");
	/* A negative constant is widened up to 0: [-3, 0], step nice(0.75, true) = 1. */
	chart_ticks(-3, -3, 5, &s);
	assert_close(s.lo, -3, TICK_REL, 0);
	assert_close(s.hi, 0, 0, 0);
	/* Reversed and non-finite bounds. */
	chart_ticks(10, -10, 3, &s);
	assert_true(s.lo <= -10 && s.hi >= 10);
	chart_ticks(NAN, INFINITY, 3, &s);
	assert_close(s.lo, 0, 0, 0);
	assert_close(s.hi, 1, TICK_REL, 0);
}

static void test_ticks_step(void **state)
{
	chart_scale s;

	(void)state;
	/* Months by 12 over a 60-month horizon: 0, 12, ..., 60. */
	chart_ticks_step(0, 60, 12, &s);
	assert_close(s.lo, 0, 0, 0);
	assert_close(s.hi, 60, 0, 0);
	assert_int_equal(s.nticks, 6);
	/* 0.1 + 0.2 is 0.30000000000000004: within rounding of the third step, not a fourth. */
	chart_ticks_step(0, 0.1 + 0.2, 0.1, &s);
	assert_int_equal(s.nticks, 4);
	/* A single period: month 0 to 12 by 6. */
	chart_ticks_step(0, 12, 6, &s);
	assert_int_equal(s.nticks, 3);
}

static void test_map(void **state)
{
	chart_scale s;

	(void)state;
	chart_ticks(0, 472500, 5, &s);   /* 0 .. 500,000 */
	s.p0 = 200;                      /* the bottom of a plot */
	s.p1 = 40;                       /* its top */
	/* 250,000 is half way: 200 - 160 / 2 = 120. 600,000 maps outside, above the top. */
	assert_close(chart_map(&s, 250000), 120, TICK_REL, 0);
	assert_close(chart_map(&s, 0), 200, TICK_REL, 0);
	assert_close(chart_map(&s, 600000), 8, TICK_REL, 0);
	/* A negative value maps below the 0 line. */
	chart_ticks(-1e6, 1e6, 3, &s);
	s.p0 = 200;
	s.p1 = 0;
	assert_close(chart_map(&s, -5e5), 150, TICK_REL, 0);
}

/* Draw into a memory buffer; the caller frees *buf. */
static FILE *mem(char **buf, size_t *len)
{
	FILE *fp = open_memstream(buf, len);
	assert_non_null(fp);
	return fp;
}

static void test_escape(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = mem(&buf, &len);

	(void)state;
	xml_text(fp, "R&D <x> \"q\"");
	fputc('|', fp);
	xml_attr(fp, "R&D <x> \"q\"");
	fclose(fp);
	assert_string_equal(buf, "R&amp;D &lt;x&gt; \"q\"|R&amp;D &lt;x&gt; &quot;q&quot;");
	free(buf);
}

static void test_one_bar_svg(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = mem(&buf, &len);
	const char *cats[] = { "Initial" };
	chart c;

	(void)state;
	chart_begin(&c, fp, 400, 200, "Costs & benefits", "One period.");
	chart_category_axis(&c, 'x', 1, cats, NULL);
	chart_value_axis(&c, 'y', -472500, 0, 5, CHART_AMOUNT, "USD");
	chart_legend(&c, "Costs", CHART_RED, 0);
	chart_frame(&c);
	chart_bar(&c, 0, 0, 1, 0, -472500, CHART_RED, "Initial: costs 472,500");
	double x = 0, y = -472500;
	chart_line(&c, 1, &x, &y, CHART_DARK, 0, 1);
	chart_end(&c);
	fclose(fp);
	assert_contains(buf, "<title>Costs &amp; benefits</title>");
	assert_contains(buf, "<desc>One period.</desc>");
	assert_contains(buf, "<title>Initial: costs 472,500</title>");
	assert_contains(buf, ">-500k</text>");
	assert_contains(buf, ">Initial</text>");
	assert_contains(buf, "</svg>\n");
	/* A negative bar still has a positive height: it hangs from the 0 line. */
	assert_null(strstr(buf, "height=\"-"));
	assert_null(strstr(buf, "nan"));
	free(buf);
}

static void test_all_zero_svg(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = mem(&buf, &len);
	double lo[2] = { 0, 1 }, hi[2] = { 1, 2 }, v[2] = { 0, 0 };
	chart c;

	(void)state;
	chart_begin(&c, fp, 400, 200, "Nothing", NULL);
	chart_value_axis(&c, 'x', 0, 0, 5, CHART_AMOUNT, "x");
	chart_value_axis(&c, 'y', 0, 0, 5, CHART_PERCENT, "y");
	chart_frame(&c);
	chart_histogram(&c, 2, lo, hi, v, CHART_BLUE, 0, CHART_RED);
	chart_end(&c);
	fclose(fp);
	/* No bars for empty bins, no NaN or infinity anywhere. */
	assert_null(strstr(buf, "<rect"));
	assert_null(strstr(buf, "nan"));
	assert_null(strstr(buf, "inf"));
	assert_contains(buf, ">100%</text>");
	free(buf);
}

static void test_histogram_shade(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = mem(&buf, &len);
	double lo[3] = { -2, -1, 1 }, hi[3] = { -1, 1, 2 }, v[3] = { 0.2, 0.5, 0.3 };
	chart c;

	(void)state;
	chart_begin(&c, fp, 400, 200, "NPV", NULL);
	chart_value_axis(&c, 'x', -2, 2, 5, CHART_AMOUNT, "NPV");
	chart_value_axis(&c, 'y', 0, 0.5, 5, CHART_PERCENT, "Share");
	chart_frame(&c);
	chart_histogram(&c, 3, lo, hi, v, CHART_BLUE, 0, CHART_RED);
	chart_end(&c);
	fclose(fp);
	/* The bin below 0 is all loss colour, the bin across 0 is split in two. */
	size_t red = 0, blue = 0;
	for (const char *p = buf; (p = strstr(p, "fill=\"")); p++) {
		if (!strncmp(p + 6, chart_colour(CHART_RED), 7))
			red++;
		if (!strncmp(p + 6, chart_colour(CHART_BLUE), 7))
			blue++;
	}
	assert_int_equal(red, 2);
	assert_int_equal(blue, 2);
	free(buf);
}

static void test_long_category_label(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = mem(&buf, &len);
	/*
	 * 45 bytes; the cut at byte 35 falls inside the two-byte e-acute at bytes
	 * 34-35 (0-based) and backs off to 34.
	 */
	const char *cats[] = { "Implementation partner: phase 1 ca\xc3\xa9 and more" };
	chart c;

	(void)state;
	chart_begin(&c, fp, 400, 200, "Tornado", NULL);
	chart_category_axis(&c, 'y', 1, cats, NULL);
	chart_value_axis(&c, 'x', 0, 10, 5, CHART_AMOUNT, "NPV");
	chart_frame(&c);
	chart_end(&c);
	fclose(fp);
	assert_contains(buf, ">Implementation partner: phase 1 ca\xe2\x80\xa6</text>");
	/* The plot area starts after 36 characters of label, not 40. */
	assert_true(c.left < 36 * 5.9 + 11);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nice_num),
		cmocka_unit_test(test_ticks_negative),
		cmocka_unit_test(test_ticks_decimals),
		cmocka_unit_test(test_ticks_degenerate),
		cmocka_unit_test(test_ticks_step),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_one_bar_svg),
		cmocka_unit_test(test_all_zero_svg),
		cmocka_unit_test(test_histogram_shade),
		cmocka_unit_test(test_long_category_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
