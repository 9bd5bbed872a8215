/*
 * chart.h - the one small plotting module behind every chart of the HTML
 * document: scales with "nice" ticks (Heckbert, "Nice numbers for graph
 * labels", Graphics Gems, 1990), axes, bars, lines, a histogram, markers,
 * labels and a legend, written as inline SVG.
 *
 * A chart function in the document only maps its data to these calls; it
 * never computes pixel positions itself. The output is deterministic text:
 * coordinates are printed with one decimal, and nothing depends on the time
 * or on memory addresses, so golden files stay stable.
 *
 * Usage: chart_begin, then the axes (chart_value_axis / chart_category_axis
 * for x and y) and the legend entries, chart_frame to draw grid lines and
 * tick labels, then the marks (bars, lines, histogram, markers), chart_end.
 */
#ifndef CRMROI_CHART_H
#define CRMROI_CHART_H

#include <stddef.h>
#include <stdio.h>

/* How tick values are written. */
typedef enum chart_unit {
	CHART_AMOUNT,    /* 1.2M, 250k, -500k: money and counts */
	CHART_PERCENT,   /* fractions shown as 12%, 2.5% */
	CHART_PLAIN      /* 12, 24, 36 (months) */
} chart_unit;

/* A linear scale from a data interval to a pixel interval, with its ticks. */
typedef struct chart_scale {
	double lo, hi;       /* the data interval shown (the ticks' outer values) */
	double step;         /* distance between ticks; 0 for a category scale */
	int nticks;          /* ticks from lo to hi inclusive */
	double p0, p1;       /* pixels of lo and hi */
	chart_unit unit;
	size_t ncat;         /* categories (a category scale), else 0 */
} chart_scale;

/*
 * Heckbert's nice number near x > 0: 1, 2, 5 or 10 times a power of ten,
 * rounded to the nearest (round = 1) or the smallest not below x (round = 0).
 * Returns 0 for x <= 0 or not finite.
 */
double chart_nice_num(double x, int round);

/*
 * Loose labelling of [lo, hi] with about n ticks (n >= 2): lo and hi are
 * widened to multiples of a nice step. An empty interval (lo == hi) is
 * widened to include 0 (or to [0, 1] when both are 0); lo > hi are swapped;
 * non-finite values count as 0.
 */
void chart_ticks(double lo, double hi, int n, chart_scale *s);

/* The same with a given step (months by 12): lo down and hi up to multiples of it. */
void chart_ticks_step(double lo, double hi, double step, chart_scale *s);

/* Tick i (0 .. nticks-1), computed without accumulating rounding. */
double chart_tick(const chart_scale *s, int i);

/*
 * Write v as a tick label of s: the suffix (k, M, B) chosen from the largest
 * tick, the decimals from the step, so that all labels of one axis share
 * them ("0", "0.5M", "1.0M"; "-250k"; "2.5%").
 */
void chart_fmt_tick(const chart_scale *s, double v, char *buf, size_t len);

/* The pixel of value v on s (linear; outside values map outside). */
double chart_map(const chart_scale *s, double v);

/* ------------------------------------------------------------ escaping */

/* The one escaping function for HTML and SVG text content (& < >). */
void xml_text(FILE *fp, const char *s);
/* The one escaping function for attribute values in double quotes (& < > "). */
void xml_attr(FILE *fp, const char *s);

/* ------------------------------------------------------------- drawing */

/* Colours of series, in order of use. */
enum { CHART_BLUE, CHART_RED, CHART_GREY, CHART_TEAL, CHART_GOLD, CHART_PURPLE, CHART_DARK,
       CHART_NCOLOURS };
const char *chart_colour(int style);

typedef struct chart {
	FILE *fp;
	double w, h;                      /* SVG user units (CSS pixels at full width) */
	double left, right, top, bottom;  /* the plot area */
	chart_scale x, y;
	int horizontal;                   /* categories on y (tornado) */
	const char *xlabel, *ylabel;
	const char *const *xcats, *const *ycats;
	size_t nlegend;
	int legend_rows;                  /* rows beyond the first */
	double legend_x;
} chart;

/*
 * Start a chart w x h: the <svg> element, its <title> (the chart's title,
 * read by screen readers) and <desc>, and the visible title. Strings are
 * escaped here; the chart borrows them until chart_end.
 */
void chart_begin(chart *c, FILE *fp, double w, double h, const char *title, const char *desc);
/* A value axis on x (which = 'x') or y ('y') with about nticks nice ticks. */
void chart_value_axis(chart *c, int which, double lo, double hi, int nticks, chart_unit unit,
		      const char *label);
/* The same with a given tick step. */
void chart_value_axis_step(chart *c, int which, double lo, double hi, double step,
			   chart_unit unit, const char *label);
/* A category axis: n bands with labels (borrowed). Categories on y make bars horizontal. */
void chart_category_axis(chart *c, int which, size_t n, const char *const *labels,
			 const char *label);
/* Fit the plot area to the tick labels and draw grid lines, ticks, labels and the 0 line. */
void chart_frame(chart *c);

/*
 * A bar in category cat from value v0 to v1 (v0 = 0 for a plain bar; other
 * values for stacks, waterfalls and tornado bars), in slot `slot` of nslots
 * side by side. tip is the bar's own <title> (NULL for none).
 */
void chart_bar(chart *c, size_t cat, int slot, int nslots, double v0, double v1, int style,
	       const char *tip);
/*
 * A line through n points; x values are data values on a value axis, or
 * category indices (band centres) on a category axis. dashed: 0 solid, 1 dashed.
 * markers: draw a dot at each point.
 */
void chart_line(chart *c, size_t n, const double *x, const double *y, int style, int dashed,
		int markers);
/*
 * A histogram: bin k spans [lo[k], hi[k]] on x with height v[k]. Bins (or the
 * parts of bins) left of shade_below are drawn in shade_style: the loss area.
 */
void chart_histogram(chart *c, size_t n, const double *lo, const double *hi, const double *v,
		     int style, double shade_below, int shade_style);
/* A vertical line at x across the plot, with a label at its top. */
void chart_vline(chart *c, double x, int style, const char *label);
/* Where a marker's label goes: above right, above left, below right. */
enum { CHART_NE, CHART_NW, CHART_SE };
/* A dot at (x, y) with a label beside it (NULL for none). */
void chart_marker(chart *c, double x, double y, int style, const char *label, int where);
/*
 * One legend entry, in rows under the title; kind 0 swatch, 1 line, 2 dashed
 * line. Call before chart_frame, which makes room for the rows.
 */
void chart_legend(chart *c, const char *name, int style, int kind);
void chart_end(chart *c);

#endif
