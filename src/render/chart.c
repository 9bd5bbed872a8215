/*
 * chart.c - scales, nice ticks and SVG marks for the document's charts.
 *
 * Nice ticks follow Heckbert's loose labelling (Graphics Gems, 1990): the
 * step is a nice number (1, 2, 5 x 10^k) near range / (n - 1), and the axis
 * runs from the multiple of the step at or below the data to the one at or
 * above it. This file knows nothing about cash flows or scenarios.
 */
#include "chart.h"

#include <math.h>
#include <string.h>

/* Rough width of a character of the chart font at 10px, for margins. */
#define CHAR_W 5.9
#define FONT_PX 10
#define TITLE_PX 13
/* A tick within this fraction of the step of 0 is written as 0. */
#define ZERO_SNAP 1e-9
/* Category labels longer than this many bytes are cut with an ellipsis. */
#define CAT_MAX 36
/* Height of a legend row. */
#define LEGEND_ROW 14

/* --------------------------------------------------------------- scales */

double chart_nice_num(double x, int round)
{
	if (!(x > 0) || !isfinite(x))
		return 0;
	double e = floor(log10(x));
	double f = x / pow(10, e);     /* 1 <= f < 10 */
	double nf;

	if (round)
		nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
	else
		nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return nf * pow(10, e);
}

static void widen(double *lo, double *hi)
{
	if (!isfinite(*lo))
		*lo = 0;
	if (!isfinite(*hi))
		*hi = 0;
	if (*lo > *hi) {
		double t = *lo;
		*lo = *hi;
		*hi = t;
	}
	if (*lo == *hi) {
		if (*lo > 0)
			*lo = 0;
		else if (*hi < 0)
			*hi = 0;
		else
			*hi = 1;
	}
}

void chart_ticks_step(double lo, double hi, double step, chart_scale *s)
{
	widen(&lo, &hi);
	memset(s, 0, sizeof *s);
	if (!(step > 0) || !isfinite(step))
		step = chart_nice_num(hi - lo, 1);
	s->step = step;
	/* A value within rounding of a multiple of the step counts as on it. */
	double a = lo / step, b = hi / step;
	double fa = floor(a), cb = ceil(b);
	if (a - fa > 1 - ZERO_SNAP)
		fa += 1;
	if (cb - b > 1 - ZERO_SNAP)
		cb -= 1;
	s->lo = fa * step;
	s->hi = cb * step;
	if (s->hi <= s->lo)
		s->hi = s->lo + step;
	s->nticks = (int)lround((s->hi - s->lo) / step) + 1;
}

void chart_ticks(double lo, double hi, int n, chart_scale *s)
{
	if (n < 2)
		n = 2;
	widen(&lo, &hi);
	double range = chart_nice_num(hi - lo, 0);
	double step = chart_nice_num(range / (n - 1), 1);
	chart_ticks_step(lo, hi, step, s);
}

double chart_tick(const chart_scale *s, int i)
{
	double v = s->lo + i * s->step;

	if (fabs(v) < s->step * ZERO_SNAP)
		v = 0;
	return v;
}

double chart_map(const chart_scale *s, double v)
{
	if (s->hi == s->lo)
		return s->p0;
	return s->p0 + (v - s->lo) / (s->hi - s->lo) * (s->p1 - s->p0);
}

void chart_fmt_tick(const chart_scale *s, double v, char *buf, size_t len)
{
	double big = fmax(fabs(s->lo), fabs(s->hi));
	double unit = 1, step = s->step > 0 ? s->step : 1;
	const char *suffix = "";
	int dec;

	if (fabs(v) < step * ZERO_SNAP)
		v = 0;
	if (s->unit == CHART_PERCENT) {
		v *= 100;
		step *= 100;
		suffix = "%";
	} else if (s->unit == CHART_AMOUNT) {
		if (big >= 1e9) {
			unit = 1e9;
			suffix = "B";
		} else if (big >= 1e6) {
			unit = 1e6;
			suffix = "M";
		} else if (big >= 1e4) {
			unit = 1e3;
			suffix = "k";
		}
	}
	/* Enough decimals to tell two neighbouring ticks apart, and no more. */
	dec = (int)ceil(-log10(step / unit) - ZERO_SNAP);
	if (dec < 0)
		dec = 0;
	if (dec > 6)
		dec = 6;
	if (v == 0) {
		snprintf(buf, len, "0");
		return;
	}
	snprintf(buf, len, "%.*f%s", dec, v / unit, suffix);
}

/* ------------------------------------------------------------- escaping */

static void escape(FILE *fp, const char *s, int quote)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"':
			if (quote) {
				fputs("&quot;", fp);
				break;
			}
			/* fall through */
		default:
			/* Control characters other than tab and newline are not allowed in XML. */
			if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')
				fputc(' ', fp);
			else
				fputc(*s, fp);
		}
	}
}

void xml_text(FILE *fp, const char *s)
{
	escape(fp, s, 0);
}

void xml_attr(FILE *fp, const char *s)
{
	escape(fp, s, 1);
}

/* -------------------------------------------------------------- drawing */

const char *chart_colour(int style)
{
	static const char *const colours[CHART_NCOLOURS] = {
		"#1f4e79", "#c0504d", "#9aa5b1", "#2a9d8f", "#d9a21b", "#6a4c93", "#33414e"
	};
	if (style < 0)
		style = 0;
	return colours[style % CHART_NCOLOURS];
}

/* Coordinates with one decimal and never "-0.0", so output is stable. */
static void num(FILE *fp, double v)
{
	double r = round(v * 10) / 10;

	if (r == 0 || !isfinite(r))
		r = 0;
	fprintf(fp, "%.1f", r);
}

static void attr_num(FILE *fp, const char *name, double v)
{
	fprintf(fp, " %s=\"", name);
	num(fp, v);
	fputc('"', fp);
}

static void text_at(chart *c, double x, double y, const char *anchor, const char *extra,
		    const char *s)
{
	fputs("<text", c->fp);
	attr_num(c->fp, "x", x);
	attr_num(c->fp, "y", y);
	if (anchor)
		fprintf(c->fp, " text-anchor=\"%s\"", anchor);
	if (extra)
		fprintf(c->fp, " %s", extra);
	fputc('>', c->fp);
	xml_text(c->fp, s);
	fputs("</text>\n", c->fp);
}

void chart_begin(chart *c, FILE *fp, double w, double h, const char *title, const char *desc)
{
	memset(c, 0, sizeof *c);
	c->fp = fp;
	c->w = w;
	c->h = h;
	c->top = 48;
	c->bottom = h - 38;
	c->left = 60;
	c->right = w - 14;
	fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"", fp);
	fprintf(fp, " viewBox=\"0 0 %.0f %.0f\" font-size=\"%d\">\n<title>", w, h, FONT_PX);
	xml_text(fp, title);
	fputs("</title>\n", fp);
	if (desc && *desc) {
		fputs("<desc>", fp);
		xml_text(fp, desc);
		fputs("</desc>\n", fp);
	}
	char extra[64];
	snprintf(extra, sizeof extra, "font-size=\"%d\" font-weight=\"bold\"", TITLE_PX);
	text_at(c, 0, 15, NULL, extra, title);
}

static void set_value(chart_scale *s, chart_unit unit)
{
	s->unit = unit;
	s->ncat = 0;
}

void chart_value_axis(chart *c, int which, double lo, double hi, int nticks, chart_unit unit,
		      const char *label)
{
	chart_scale *s = which == 'x' ? &c->x : &c->y;

	chart_ticks(lo, hi, nticks, s);
	set_value(s, unit);
	if (which == 'x')
		c->xlabel = label;
	else
		c->ylabel = label;
}

void chart_value_axis_step(chart *c, int which, double lo, double hi, double step,
			   chart_unit unit, const char *label)
{
	chart_scale *s = which == 'x' ? &c->x : &c->y;

	chart_ticks_step(lo, hi, step, s);
	set_value(s, unit);
	if (which == 'x')
		c->xlabel = label;
	else
		c->ylabel = label;
}

void chart_category_axis(chart *c, int which, size_t n, const char *const *labels,
			 const char *label)
{
	chart_scale *s = which == 'x' ? &c->x : &c->y;

	memset(s, 0, sizeof *s);
	s->ncat = n ? n : 1;
	s->lo = 0;
	s->hi = (double)s->ncat;
	if (which == 'x') {
		c->xcats = labels;
		c->xlabel = label;
	} else {
		c->ycats = labels;
		c->ylabel = label;
		c->horizontal = 1;
	}
}

/*
 * s itself when it is short enough, else its first bytes up to a character
 * boundary and an ellipsis, in buf (of at least CAT_MAX + 4 bytes).
 */
static const char *shorten(const char *s, char *buf, size_t len)
{
	size_t n = strlen(s);

	if (n <= CAT_MAX || len < CAT_MAX + 4)
		return s;
	n = CAT_MAX - 1;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "\xe2\x80\xa6", 4);   /* U+2026 and the terminating NUL */
	return buf;
}

/* Widest tick or category label of an axis, in characters. */
static size_t label_chars(const chart_scale *s, const char *const *cats)
{
	size_t w = 0;
	char buf[64];

	if (s->ncat) {
		for (size_t i = 0; cats && i < s->ncat; i++)
			if (cats[i] && strlen(cats[i]) > w)
				w = strlen(cats[i]);
		return w < CAT_MAX ? w : CAT_MAX;
	}
	for (int i = 0; i < s->nticks; i++) {
		chart_fmt_tick(s, chart_tick(s, i), buf, sizeof buf);
		if (strlen(buf) > w)
			w = strlen(buf);
	}
	return w;
}

/* Centre of category i (a fractional index is allowed) on a category scale. */
static double band_centre(const chart_scale *s, double i)
{
	double bw = (s->p1 - s->p0) / (double)s->ncat;
	return s->p0 + (i + 0.5) * bw;
}

static double pos(const chart_scale *s, double v)
{
	return s->ncat ? band_centre(s, v) : chart_map(s, v);
}

void chart_frame(chart *c)
{
	FILE *fp = c->fp;
	char buf[64];
	double ylw = (double)label_chars(&c->y, c->ycats) * CHAR_W;

	c->top = 48 + LEGEND_ROW * c->legend_rows;
	c->left = ylw + 10 + (c->ylabel && *c->ylabel ? 16 : 0);
	if (c->left < 36)
		c->left = 36;
	c->right = c->w - (c->x.ncat ? 8 : 6 + (double)label_chars(&c->x, NULL) * CHAR_W / 2);
	c->bottom = c->h - (c->xlabel && *c->xlabel ? 34 : 20);
	c->x.p0 = c->left;
	c->x.p1 = c->right;
	if (c->y.ncat) {
		c->y.p0 = c->top;
		c->y.p1 = c->bottom;
	} else {
		c->y.p0 = c->bottom;
		c->y.p1 = c->top;
	}
	fputs("<g class=\"axes\" fill=\"#333\">\n", fp);
	/* Value grid lines and tick labels. */
	if (!c->y.ncat)
		for (int i = 0; i < c->y.nticks; i++) {
			double v = chart_tick(&c->y, i), py = chart_map(&c->y, v);
			fputs("<line", fp);
			attr_num(fp, "x1", c->left);
			attr_num(fp, "x2", c->right);
			attr_num(fp, "y1", py);
			attr_num(fp, "y2", py);
			fprintf(fp, " stroke=\"%s\"/>\n", v == 0 ? "#555" : "#e2e2e2");
			chart_fmt_tick(&c->y, v, buf, sizeof buf);
			text_at(c, c->left - 5, py + 3.5, "end", NULL, buf);
		}
	if (!c->x.ncat)
		for (int i = 0; i < c->x.nticks; i++) {
			double v = chart_tick(&c->x, i), px = chart_map(&c->x, v);
			fputs("<line", fp);
			attr_num(fp, "x1", px);
			attr_num(fp, "x2", px);
			attr_num(fp, "y1", c->top);
			attr_num(fp, "y2", c->bottom);
			fprintf(fp, " stroke=\"%s\"/>\n", v == 0 && c->y.ncat ? "#555" : "#e2e2e2");
			chart_fmt_tick(&c->x, v, buf, sizeof buf);
			text_at(c, px, c->bottom + 13, "middle", NULL, buf);
		}
	/* Category labels; on a crowded x axis only every k-th one. */
	if (c->x.ncat && c->xcats) {
		double bw = (c->right - c->left) / (double)c->x.ncat;
		size_t wide = label_chars(&c->x, c->xcats);
		size_t every = 1;
		while (every < c->x.ncat && bw * (double)every < (double)wide * CHAR_W + 6)
			every++;
		for (size_t i = 0; i < c->x.ncat; i += every)
			if (c->xcats[i])
				text_at(c, band_centre(&c->x, (double)i), c->bottom + 13, "middle", NULL,
					c->xcats[i]);
	}
	if (c->y.ncat && c->ycats)
		for (size_t i = 0; i < c->y.ncat; i++)
			if (c->ycats[i]) {
				char cut[CAT_MAX + 8];
				text_at(c, c->left - 5, band_centre(&c->y, (double)i) + 3.5, "end", NULL,
					shorten(c->ycats[i], cut, sizeof cut));
			}
	/* The base line of a category x axis. */
	if (c->x.ncat) {
		fputs("<line", fp);
		attr_num(fp, "x1", c->left);
		attr_num(fp, "x2", c->right);
		attr_num(fp, "y1", c->bottom);
		attr_num(fp, "y2", c->bottom);
		fputs(" stroke=\"#555\"/>\n", fp);
	}
	if (c->xlabel && *c->xlabel)
		text_at(c, (c->left + c->right) / 2, c->h - 6, "middle", "fill=\"#555\"", c->xlabel);
	if (c->ylabel && *c->ylabel) {
		double cy = (c->top + c->bottom) / 2;
		char tr[96];
		snprintf(tr, sizeof tr, "fill=\"#555\" transform=\"rotate(-90 10 %.1f)\"", cy);
		text_at(c, 10, cy, "middle", tr, c->ylabel);
	}
	fputs("</g>\n", fp);
}

static void rect(chart *c, double x0, double y0, double x1, double y1, const char *fill,
		 const char *extra, const char *tip)
{
	FILE *fp = c->fp;

	fputs("<rect", fp);
	attr_num(fp, "x", fmin(x0, x1));
	attr_num(fp, "y", fmin(y0, y1));
	attr_num(fp, "width", fabs(x1 - x0));
	attr_num(fp, "height", fabs(y1 - y0));
	fprintf(fp, " fill=\"%s\"", fill);
	if (extra)
		fprintf(fp, " %s", extra);
	if (tip && *tip) {
		fputs("><title>", fp);
		xml_text(fp, tip);
		fputs("</title></rect>\n", fp);
	} else {
		fputs("/>\n", fp);
	}
}

void chart_bar(chart *c, size_t cat, int slot, int nslots, double v0, double v1, int style,
	       const char *tip)
{
	const chart_scale *cs = c->horizontal ? &c->y : &c->x;
	const chart_scale *vs = c->horizontal ? &c->x : &c->y;
	double bw = (cs->p1 - cs->p0) / (double)cs->ncat;
	double inner = bw * 0.7;
	if (nslots < 1)
		nslots = 1;
	double sw = inner / nslots;
	double a = cs->p0 + (double)cat * bw + (bw - inner) / 2 + slot * sw;
	double b = a + sw;
	double p = chart_map(vs, v0), q = chart_map(vs, v1);

	if (c->horizontal)
		rect(c, p, a, q, b, chart_colour(style), NULL, tip);
	else
		rect(c, a, p, b, q, chart_colour(style), NULL, tip);
}

void chart_line(chart *c, size_t n, const double *x, const double *y, int style, int dashed,
		int markers)
{
	FILE *fp = c->fp;

	if (!n)
		return;
	fputs("<polyline fill=\"none\" stroke-width=\"2\"", fp);
	fprintf(fp, " stroke=\"%s\"%s points=\"", chart_colour(style),
		dashed ? " stroke-dasharray=\"5 3\"" : "");
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(' ', fp);
		num(fp, pos(&c->x, x[i]));
		fputc(',', fp);
		num(fp, pos(&c->y, y[i]));
	}
	fputs("\"/>\n", fp);
	if (markers)
		for (size_t i = 0; i < n; i++)
			chart_marker(c, x[i], y[i], style, NULL, CHART_NE);
}

void chart_histogram(chart *c, size_t n, const double *lo, const double *hi, const double *v,
		     int style, double shade_below, int shade_style)
{
	for (size_t k = 0; k < n; k++) {
		double a = chart_map(&c->x, lo[k]), b = chart_map(&c->x, hi[k]);
		double y0 = chart_map(&c->y, 0), y1 = chart_map(&c->y, v[k]);
		if (v[k] <= 0)
			continue;
		if (hi[k] <= shade_below) {
			rect(c, a, y0, b, y1, chart_colour(shade_style), "stroke=\"#fff\"", NULL);
		} else if (lo[k] < shade_below) {
			double m = chart_map(&c->x, shade_below);
			rect(c, a, y0, m, y1, chart_colour(shade_style), NULL, NULL);
			rect(c, m, y0, b, y1, chart_colour(style), NULL, NULL);
		} else {
			rect(c, a, y0, b, y1, chart_colour(style), "stroke=\"#fff\"", NULL);
		}
	}
}

void chart_vline(chart *c, double x, int style, const char *label)
{
	FILE *fp = c->fp;
	double px = pos(&c->x, x);

	fputs("<line", fp);
	attr_num(fp, "x1", px);
	attr_num(fp, "x2", px);
	attr_num(fp, "y1", c->top - 2);
	attr_num(fp, "y2", c->bottom);
	fprintf(fp, " stroke=\"%s\" stroke-dasharray=\"3 2\"/>\n", chart_colour(style));
	if (label && *label) {
		/* The label sits above the plot; near the right edge it ends at the line. */
		int left = px + (double)strlen(label) * CHAR_W / 2 > c->w;
		text_at(c, px, c->top - 5, left ? "end" : "middle", NULL, label);
	}
}

void chart_marker(chart *c, double x, double y, int style, const char *label, int where)
{
	FILE *fp = c->fp;
	double px = pos(&c->x, x), py = pos(&c->y, y);

	fputs("<circle", fp);
	attr_num(fp, "cx", px);
	attr_num(fp, "cy", py);
	fprintf(fp, " r=\"%s\" fill=\"%s\" stroke=\"#fff\"/>\n", label ? "4" : "2.5",
		chart_colour(style));
	if (label && *label) {
		int left = where == CHART_NW;
		double dy = where == CHART_SE ? 15 : -7;
		char extra[64];
		snprintf(extra, sizeof extra, "fill=\"%s\"", chart_colour(style));
		text_at(c, px + (left ? -7 : 7), py + dy, left ? "end" : "start", extra, label);
	}
}

void chart_legend(chart *c, const char *name, int style, int kind)
{
	FILE *fp = c->fp;
	double sw = kind == 0 ? 14 : 20;
	double width = sw + (double)strlen(name) * CHAR_W + 16;

	/* Entries run in rows under the title; a full row starts the next one. */
	if (c->legend_x > 0 && c->legend_x + width > c->w) {
		c->legend_x = 0;
		c->legend_rows++;
	}
	double x = c->legend_x, y = 31 + LEGEND_ROW * c->legend_rows;
	if (kind == 0) {
		rect(c, x, y - 8, x + 10, y + 2, chart_colour(style), NULL, NULL);
	} else {
		fputs("<line", fp);
		attr_num(fp, "x1", x);
		attr_num(fp, "x2", x + 16);
		attr_num(fp, "y1", y - 3);
		attr_num(fp, "y2", y - 3);
		fprintf(fp, " stroke=\"%s\" stroke-width=\"2\"%s/>\n", chart_colour(style),
			kind == 2 ? " stroke-dasharray=\"5 3\"" : "");
	}
	text_at(c, x + sw, y + 1, NULL, NULL, name);
	c->legend_x = x + width;
	c->nlegend++;
}

void chart_end(chart *c)
{
	fputs("</svg>\n", c->fp);
}
