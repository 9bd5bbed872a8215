/*
 * html_base.c - what every part of the business-case document writes with:
 * escaped text and elements, a section's opening, the case's currency and
 * title, amounts for a sentence or a table cell, figures as the document
 * writes them (whole currency units, rates to a tenth of a percent, payback
 * to the month, shares of simulated draws to the digits their standard
 * error supports, Sobol indices to two significant figures), names for
 * people (inputs, lines, areas, scenario files, formulas), an input's value
 * as its unit says, a line's timing in words.
 *
 * No section and no chart (html_*.c), and no figure: these only word what
 * the case holds.
 */
#include "html_priv.h"
#include "calendar.h"
#include "chart.h"
#include "explain.h"
#include "headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void html_text(FILE *fp, const char *s)
{
	xml_text(fp, s);
}

/* <tag class="cls">escaped text</tag> */
void html_elem(FILE *fp, const char *tag, const char *cls, const char *s)
{
	if (cls)
		fprintf(fp, "<%s class=\"%s\">", tag, cls);
	else
		fprintf(fp, "<%s>", tag);
	html_text(fp, s);
	fprintf(fp, "</%s>\n", tag);
}

void html_section_open(FILE *fp, const char *id, const char *title)
{
	fprintf(fp, "<section id=\"%s\">\n", id);
	html_elem(fp, "h2", NULL, title);
}

const char *html_currency(const html_case *c)
{
	return c->r.sc->settings.currency;
}

const char *html_case_title(const html_case *c)
{
	const char *t = c->r.sc->settings.title;
	return t[0] ? t : c->r.sc->file;
}

/* An amount for a sentence: "USD 2.72 million", "USD 472,500". */
void html_short_money(char *buf, size_t len, const char *cur, double v)
{
	char n[64];

	if (fabs(v) >= 1e6)
		snprintf(n, sizeof n, "%.2f million", v / 1e6);
	else
		fmt_money(n, sizeof n, v, 0);
	snprintf(buf, len, "%s %s", cur, n);
}

void html_money0(char *buf, size_t len, double v)
{
	fmt_money(buf, len, v, 0);
}

/* An area or category name for people: "lead_management" -> "Lead management". */
void html_area_name(char *buf, size_t len, const char *a)
{
	if (!a || !a[0]) {
		snprintf(buf, len, "Other");
		return;
	}
	snprintf(buf, len, "%s", a);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

int html_input_is_percent(const crm_scenario *sc, size_t i)
{
	const crm_input *in = &sc->inputs[i];
	return strchr(in->value_text, '%') != NULL || !strcmp(in->unit, "percent") ||
	       !strcmp(in->unit, "rate");
}

/* An input is written as a percentage when its value or unit says so. */
int html_param_is_percent(const crm_scenario *sc, const crm_param *p)
{
	if (p->unit == CRM_UNIT_RATE)
		return 1;
	return p->kind == CRM_PARAM_INPUT && html_input_is_percent(sc, (size_t)p->index);
}

void html_param_value(char *buf, size_t len, const crm_scenario *sc, const crm_param *p,
		      double v)
{
	if (html_param_is_percent(sc, p))
		html_pct(buf, len, v);
	else if (p->months == CRM_PARAM_MONTH)
		snprintf(buf, len, "month %.3g", v);
	else if (p->months == CRM_PARAM_DURATION)
		snprintf(buf, len, "%.3g months", v);
	else if (p->unit == CRM_UNIT_MONEY || fabs(v) >= 1000)
		fmt_money(buf, len, v, 0);
	else
		snprintf(buf, len, "%.3g", v);
}

/* ------------------------------------------------------------- period tables */

/* The header row of a period table: label column, Initial, Year 1..n, Total, PV. */
void html_period_head(FILE *fp, const report *r, const char *first)
{
	char lab[32];

	fputs("<thead><tr><th>", fp);
	html_text(fp, first);
	fputs("</th>", fp);
	for (int c = 0; c < r->ncols; c++) {
		report_col_label(r, c, lab, sizeof lab);
		fprintf(fp, "<th class=\"n\">%s</th>", lab);
	}
	fputs("<th class=\"n\">Total</th><th class=\"n\">Present value</th></tr></thead>\n", fp);
}

/* A row of amounts by column, with total and present value (has_pv 0: blank). */
void html_period_row(FILE *fp, const report *r, const char *cls, const char *label,
		       const double *cols, double total, int has_pv, double pv)
{
	char b[64];

	fprintf(fp, "<tr%s%s%s><th>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	html_text(fp, label);
	fputs("</th>", fp);
	for (int c = 0; c < r->ncols; c++) {
		html_money0(b, sizeof b, cols[c]);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	}
	html_money0(b, sizeof b, total);
	fprintf(fp, "<td class=\"n\">%s</td>", b);
	if (has_pv) {
		html_money0(b, sizeof b, pv);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	} else {
		fputs("<td></td>", fp);
	}
	fputs("</tr>\n", fp);
}

void html_table_open(FILE *fp, const report *r, const char *caption)
{
	fprintf(fp, "<table class=\"num%s\">\n", r->ncols > 8 ? " wide" : "");
	if (caption) {
		fputs("<caption>", fp);
		html_text(fp, caption);
		fputs("</caption>\n", fp);
	}
}

int html_any_capitalised(const crm_scenario *sc)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].kind == CRM_COST && sc->lines[l].capitalise)
			return 1;
	return 0;
}

struct line_size {
	double size;
	size_t l;
};

static int larger_first(const void *x, const void *y)
{
	const struct line_size *a = x, *b = y;
	if (a->size != b->size)
		return a->size < b->size ? 1 : -1;
	return (a->l > b->l) - (a->l < b->l);
}

size_t html_lines_shown(const html_case *hc, crm_line_kind kind, char *shown)
{
	const crm_scenario *sc = hc->r.sc;
	struct line_size *k = malloc((sc->nlines + 1) * sizeof *k);
	size_t n = 0;

	for (size_t l = 0; l < sc->nlines; l++) {
		shown[l] = sc->lines[l].kind == kind;
		if (shown[l] && k)
			k[n] = (struct line_size){ fabs(hc->r.c->line_pv[l]), l };
		n += shown[l];
	}
	/* Out of memory, every line is shown, as a document of few lines shows them. */
	if (k && n > HTML_LINES_SHOWN) {
		qsort(k, n, sizeof *k, larger_first);
		for (size_t j = HTML_LINES_SHOWN; j < n; j++)
			shown[k[j].l] = 0;
	}
	free(k);
	return n;
}

void html_lines_rest(FILE *fp, const html_case *hc, crm_line_kind kind, const char *shown)
{
	const report *r = &hc->r;
	const crm_scenario *sc = r->sc;
	const crm_case *c = r->c;
	const char **areas = malloc((sc->nlines + 1) * sizeof *areas);
	size_t nrest = 0, nall = 0;
	double pv = 0, pv_all = kind == CRM_BENEFIT ? c->m.pv_benefits : c->m.pv_costs;
	const char *what = kind == CRM_BENEFIT ? "benefits" : "costs";
	char a[96], b[64], t[64], name[128];

	for (size_t l = 0; l < sc->nlines; l++) {
		if (sc->lines[l].kind != kind)
			continue;
		nall++;
		if (!shown[l]) {
			nrest++;
			pv += c->line_pv[l];
		}
	}
	if (!nrest || !areas) {
		free(areas);
		return;
	}
	explain_money(a, sizeof a, html_currency(hc), pv);
	fprintf(fp, "<p class=\"note\">Of the %zu %s, the %zu with the largest present value are "
		"shown one by one. The other %zu, ", nall, what, nall - nrest, nrest);
	html_text(fp, a);
	if (pv_all != 0) {
		html_pct(b, sizeof b, pv / pv_all);
		fprintf(fp, " of present value (%s of the %s)", b, what);
	} else {
		fputs(" of present value", fp);
	}
	fprintf(fp, ", are summed by %s below; each is listed in the appendix, in the assumptions "
		"register's cost and benefit lines.</p>\n", kind == CRM_BENEFIT ? "area" : "category");
	fprintf(fp, "<table class=\"num\">\n<caption>The other %s by %s (%s)</caption>\n<thead><tr>"
		"<th>%s</th><th class=\"n\">Lines</th><th class=\"n\">Total</th>"
		"<th class=\"n\">Present value</th></tr></thead>\n<tbody>\n", what,
		kind == CRM_BENEFIT ? "area" : "category", html_currency(hc),
		kind == CRM_BENEFIT ? "Area" : "Category");
	size_t na = report_areas(r, kind, 0, areas);
	for (size_t k = 0; k < na; k++) {
		size_t cnt = 0;
		double tot = 0, apv = 0;
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if (ln->kind != kind || shown[l] || strcmp(ln->area, areas[k]))
				continue;
			cnt++;
			tot += c->line_total[l];
			apv += c->line_pv[l];
		}
		if (!cnt)
			continue;
		html_area_name(name, sizeof name, areas[k]);
		html_money0(t, sizeof t, tot);
		html_money0(b, sizeof b, apv);
		fputs("<tr><th>", fp);
		html_text(fp, name);
		fprintf(fp, "</th><td class=\"n\">%zu</td><td class=\"n\">%s</td><td class=\"n\">%s"
			"</td></tr>\n", cnt, t, b);
	}
	fputs("</tbody></table>\n", fp);
	free(areas);
}

void html_fold_costs(const report *r, const crm_cashflow *cf, int capitalised, double *out)
{
	double *col = calloc((size_t)r->ncols, sizeof *col);

	for (int c = 0; c < r->ncols; c++)
		out[c] = 0;
	if (!col)
		return;
	for (size_t l = 0; l < r->sc->nlines; l++) {
		const crm_line *ln = &r->sc->lines[l];
		if (ln->kind != CRM_COST || !ln->capitalise != !capitalised)
			continue;
		report_fold_line(r, cf, l, col);
		for (int c = 0; c < r->ncols; c++)
			out[c] += col[c];
	}
	free(col);
}

void html_convention_short(char *buf, size_t len, const crm_scenario *sc)
{
	const crm_settings *s = &sc->settings;
	char r[32];

	fmt_share(r, sizeof r, s->discount_rate);
	if (s->discounting == CRM_DISCOUNT_DATED)
		snprintf(buf, len, "every flow is discounted on its own day by (1 + %s)^(days/365): "
			 "XNPV, day count ACT/365, with IRR as XIRR on the same days", r);
	else if (s->grid == CRM_GRID_YEAR)
		snprintf(buf, len, "Year k is discounted at its end by (1 + %s)^k", r);
	else
		snprintf(buf, len, "month m is discounted at its end by (1 + %s)^(m/12)", r);
}

void html_years_caption(char *buf, size_t len, const crm_scenario *sc)
{
	const crm_settings *s = &sc->settings;
	static const char *const mon[] = { "January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December" };

	buf[0] = '\0';
	if (!s->start_year)
		return;
	if (s->fiscal_year_start)
		snprintf(buf, len, "; each year named by the fiscal year it ends in, fiscal years "
			 "starting in %s", mon[s->fiscal_year_start - 1]);
	else if (s->start_month == 1)
		snprintf(buf, len, "; the years are calendar years, month 1 being January %d",
			 s->start_year);
	else
		snprintf(buf, len, "; each year of the horizon named by the calendar year its last "
			 "month falls in (month 1 is %s %d)", mon[s->start_month - 1], s->start_year);
	if (s->start_day && s->fiscal_year_start) {
		/* The fiscal year of the investment date, named by the calendar year it ends in. */
		int fy = s->fiscal_year_start > 1 && s->start_month >= s->fiscal_year_start ?
			 s->start_year + 1 : s->start_year;
		char y1[32];
		calendar_year_label(s, 1, y1, sizeof y1);
		crm_appendf(buf, len, "; Initial is the investment date, %04d-%02d-%02d, in FY%d: "
			    "a payment on it is shown apart from %s, the horizon's first year, as the "
			    "investment everything is discounted to", s->start_year, s->start_month,
			    s->start_day, fy, y1);
	} else if (s->start_day) {
		crm_appendf(buf, len, "; Initial is the investment date, %04d-%02d-%02d",
			    s->start_year, s->start_month, s->start_day);
	}
}

/* ------------------------------------------------------- figures as written */

void html_figure(char *buf, size_t len, int kind, int ok, double v)
{
	if (!ok || !isfinite(v)) {
		snprintf(buf, len, "n/a");
		return;
	}
	switch (kind) {
	case HEADLINE_MONEY: fmt_money(buf, len, v, 0); break;
	case HEADLINE_PERCENT: html_rate(buf, len, v); break;
	case HEADLINE_RATIO: snprintf(buf, len, "%.2f", v); break;
	default: snprintf(buf, len, "month %d", (int)ceil(v - 1e-9)); break;
	}
}

void html_rate(char *buf, size_t len, double fraction)
{
	/* Never "-0.0%". */
	double v = round(fraction * 1000) / 10;
	snprintf(buf, len, "%.1f%%", v == 0 ? 0 : v);
}

/* Digits after the point so that v has three significant figures, at most four. */
static int three_figures(double v)
{
	double a = fabs(v);

	if (!(a > 0) || a >= 100)
		return 0;
	int d = 2 - (int)floor(log10(a));
	return d < 0 ? 0 : d > 4 ? 4 : d;
}

/* A number without the zeros a decimal point leaves at its end: "48.0" -> "48". */
static void trim_zeros(char *s)
{
	char *dot = strchr(s, '.');

	if (!dot)
		return;
	char *e = s + strlen(s);
	while (e > dot + 1 && e[-1] == '0')
		*--e = '\0';
	if (e == dot + 1)
		*dot = '\0';
}

void html_pct(char *buf, size_t len, double fraction)
{
	char n[64];

	if (!isfinite(fraction)) {
		snprintf(buf, len, "n/a");
		return;
	}
	double v = fraction * 100;
	snprintf(n, sizeof n, "%.*f", three_figures(v), v);
	trim_zeros(n);
	snprintf(buf, len, "%s%%", strcmp(n, "-0") ? n : "0");
}

void html_sig2(char *buf, size_t len, double fraction)
{
	double v = fraction * 100, a = fabs(v);
	int d = a > 0 ? 1 - (int)floor(log10(a)) : 0;

	if (!isfinite(v)) {
		snprintf(buf, len, "n/a");
		return;
	}
	if (d < 0)
		d = 0;
	if (d > 4)
		d = 4;
	snprintf(buf, len, "%.*f%%", d, v);
}

void html_sim_share(char *buf, size_t len, double p, uint64_t n)
{
	char num[64];

	if (!n || !isfinite(p)) {
		snprintf(buf, len, "n/a");
		return;
	}
	if (p == 0 || p == 1) {
		fmt_money(num, sizeof num, (double)n, 0);
		snprintf(buf, len, p == 0 ? "0 of %s draws" : "all %s draws", num);
		return;
	}
	/*
	 * The share's standard error, sqrt(p (1 - p) / n), in percentage points
	 * decides the digits: the last one shown is the last whose unit is at
	 * least the error (65% with an error of 0.48 points, not 65.2%).
	 */
	double se = 100 * sqrt(p * (1 - p) / (double)n);
	int d = se > 0 ? (int)floor(-log10(se)) : 2;
	if (d < 0)
		d = 0;
	if (d > 3)
		d = 3;
	snprintf(buf, len, "%.*f%%", d, 100 * p);
}

void html_month_label(char *buf, size_t len, const crm_scenario *sc, int month)
{
	if (month == 0)
		snprintf(buf, len, "month 0 (the start)");
	else
		crm_track_month_label(sc, month, buf, len);
}

void html_in_month(char *buf, size_t len, const crm_scenario *sc, int month)
{
	char m[64];

	if (month == 0) {
		snprintf(buf, len, "at the start (month 0)");
		return;
	}
	crm_track_month_label(sc, month, m, sizeof m);
	snprintf(buf, len, "in %s", m);
}

void html_peak_after_tax(FILE *fp, const crm_case *c, const char *currency)
{
	char a[96], when[96];

	if (!(c->after_tax_peak.funding < 0)) {
		fputs(" After tax, the cumulative net cash flow never falls below zero.", fp);
		return;
	}
	explain_money(a, sizeof a, currency, -c->after_tax_peak.funding);
	html_in_month(when, sizeof when, c->sc, c->after_tax_peak.month);
	fputs(" After tax, with each year's tax paid (a saving received) at the end of its year, "
	      "peak funding is <b>", fp);
	html_text(fp, a);
	fputs("</b>, reached ", fp);
	html_text(fp, when);
	fputs(c->after_tax_peak.funding < c->peak_funding - 0.5 ? ": the tax deepens it." :
	      c->after_tax_peak.funding > c->peak_funding + 0.5 ? ": the tax saving eases it." :
	      ": the tax leaves it as it is.", fp);
}

int html_payback_year1(const crm_scenario *sc, double months)
{
	return sc->settings.grid == CRM_GRID_YEAR && sc->settings.discounting != CRM_DISCOUNT_DATED &&
	       months < 1e-9;
}

void html_payback_cell(char *buf, size_t len, const crm_scenario *sc, const crm_payback *pb)
{
	if (pb->status == CRM_PAYBACK_REACHED && html_payback_year1(sc, pb->months))
		snprintf(buf, len, "year 1");
	else
		html_figure(buf, len, HEADLINE_MONTHS, pb->status == CRM_PAYBACK_REACHED, pb->months);
}

void html_payback_words(char *buf, size_t len, const crm_scenario *sc, const crm_payback *pb)
{
	if (pb->status != CRM_PAYBACK_REACHED)
		snprintf(buf, len, "not within the %d-year horizon", sc->settings.horizon_years);
	else if (html_payback_year1(sc, pb->months))
		snprintf(buf, len, "year 1");
	else
		html_month_label(buf, len, sc, (int)ceil(pb->months - 1e-9));
}

const crm_metrics *html_head_metrics(const html_case *hc)
{
	return hc->r.c->has_tax ? &hc->r.c->at.metrics : &hc->r.c->m;
}

int html_tax_pv(const crm_case *c, double *pv_tax, double *pv_salvage)
{
	const crm_after_tax *at = &c->at;
	int saving = 0, salvage = 0;

	for (int y = 0; y < at->nyears; y++) {
		saving |= at->years[y].tax_paid < 0;
		salvage |= at->salvage[y] != 0;
	}
	/*
	 * The after-tax view adds the tax paid to the costs, and a tax saved and
	 * a salvage to the benefits: the differences of the present values the
	 * case gives are the tax paid and, on the benefits' side, what a year
	 * saves and gets back. Only when both a saving and a salvage occur do
	 * the two share one difference.
	 */
	double paid = at->metrics.pv_costs - c->m.pv_costs;
	double back = at->metrics.pv_benefits - c->m.pv_benefits;
	if (!saving) {
		*pv_tax = -paid;
		*pv_salvage = back;
		return 1;
	}
	*pv_tax = back - paid;
	*pv_salvage = 0;
	return !salvage;
}

int html_dated_lines(const crm_scenario *sc)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].date_year)
			return 1;
	return 0;
}

int html_no_risk(const crm_case *c)
{
	return c->unadjusted_model == NULL;
}

/* ------------------------------------------------------------ names for people */

void html_input_label(char *buf, size_t len, const crm_scenario *sc, size_t i)
{
	if (sc->inputs[i].label && sc->inputs[i].label[0])
		snprintf(buf, len, "%s", sc->inputs[i].label);
	else
		explain_name(sc->inputs[i].name, buf, len);
}

/* A name made of an input's name, inside a sentence (see html_item_label_mid). */
static void lower_made(char *lab, const crm_input *in)
{
	if (!(in->label && in->label[0]) && lab[0] >= 'A' && lab[0] <= 'Z' &&
	    !(lab[1] >= 'A' && lab[1] <= 'Z'))
		lab[0] = (char)(lab[0] - 'A' + 'a');
}

void html_item_label_mid(char *buf, size_t len, const crm_scenario *sc, const crm_uncertain *u)
{
	html_item_label(buf, len, sc, u);
	if (u->kind == CRM_ITEM_INPUT)
		lower_made(buf, &sc->inputs[u->index]);
}

void html_param_label(char *buf, size_t len, const crm_scenario *sc, const crm_param *p)
{
	if (p->kind == CRM_PARAM_INPUT)
		html_input_label(buf, len, sc, (size_t)p->index);
	else if (p->kind == CRM_PARAM_LINE)
		snprintf(buf, len, "%s", sc->lines[p->index].label);
	else
		explain_name(p->name, buf, len);
}

void html_item_label(char *buf, size_t len, const crm_scenario *sc, const crm_uncertain *u)
{
	if (u->kind == CRM_ITEM_INPUT)
		html_input_label(buf, len, sc, (size_t)u->index);
	else if (u->kind == CRM_ITEM_LINE)
		snprintf(buf, len, "%s", sc->lines[u->index].label);
	else
		snprintf(buf, len, "%s (whether it happens)", sc->lines[u->index].label);
}

void html_formula_words(FILE *fp, const crm_scenario *sc, const char *f)
{
	char lab[256];

	for (const char *p = f; *p;) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_') {
			size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					  "0123456789_");
			char *name = malloc(n + 1);
			if (!name)
				return;
			memcpy(name, p, n);
			name[n] = '\0';
			int i = crm_scenario_find_input(sc, name);
			if (i >= 0) {
				html_input_label(lab, sizeof lab, sc, (size_t)i);
				/* Inside a formula a name is not at the start of a sentence. */
				lower_made(lab, &sc->inputs[i]);
				html_text(fp, lab);
			} else {
				html_text(fp, name);
			}
			free(name);
			p += n;
		} else if (*p == '*') {
			fputs("&#215;", fp);
			p++;
		} else if ((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9')) {
			/* A number as the rest of the document writes it: 250000 -> 250,000. */
			size_t n = strspn(p, "0123456789"), frac = 0;
			if (p[n] == '.')
				frac = strspn(p + n + 1, "0123456789");
			size_t all = n + (p[n] == '.' ? 1 + frac : 0);
			char num[64], out[FMT_NUM_MAX];
			if (all < sizeof num && p[all] != 'e' && p[all] != 'E') {
				char *end;
				memcpy(num, p, all);
				num[all] = '\0';
				double v = strtod(num, &end);
				fmt_money(out, sizeof out, v, (int)frac);
				html_text(fp, *end == '\0' ? out : num);
			} else {
				fwrite(p, 1, all, fp);
			}
			p += all;
		} else {
			char one[2] = { *p, '\0' };
			html_text(fp, one);
			p++;
		}
	}
}

/* A short name for a scenario from its file name: "deployment/big_bang.csv" -> "Big bang". */
void html_short_name(char *buf, size_t len, const html_case *c)
{
	const char *f = c->r.sc->file, *slash = strrchr(f, '/');
	char tmp[128];

	snprintf(tmp, sizeof tmp, "%s", slash ? slash + 1 : f);
	char *dot = strrchr(tmp, '.');
	if (dot && dot != tmp)
		*dot = '\0';
	html_area_name(buf, len, tmp);
}

/* "yearly from month 4 to 60, reaching full effect over 6 months (linear), growing 3% a year" */
void html_timing_words(FILE *fp, const crm_line *ln, int months)
{
	char g[32];

	if (ln->timing == CRM_ONCE && ln->date_year) {
		/* A payment on a day of its own keeps its date. */
		fprintf(fp, "once, on %04d-%02d-%02d", ln->date_year, ln->date_month, ln->date_day);
		if (ln->start == 0)
			fputs(" (the investment date)", fp);
	} else if (ln->timing == CRM_ONCE) {
		if (ln->start == 0)
			fputs("once, at the start (Initial)", fp);
		else
			fprintf(fp, "once, in month %d", ln->start);
	} else {
		fprintf(fp, "%s from month %d to %d", ln->timing == CRM_MONTHLY ? "monthly amount"
			: "yearly amount", ln->start, ln->end_given ? ln->end_given : months);
	}
	if (ln->ramp)
		fprintf(fp, ", reaching full effect over %d months (%s)", ln->ramp,
			ln->curve == CRM_CURVE_SCURVE ? "S-curve" : "linear");
	if (ln->growth != 0) {
		fmt_share(g, sizeof g, ln->growth);
		fprintf(fp, ", growing %s a year", g);
	}
	if (ln->probability < 1) {
		fmt_share(g, sizeof g, ln->probability);
		fprintf(fp, ", with a probability of %s", g);
	}
}

/* Replace the first `from` in s (of size len) by `to`, when the result fits. */
static void replace_once(char *s, size_t len, const char *from, const char *to)
{
	char *at = strstr(s, from);
	size_t nf = strlen(from), nt = strlen(to), ns = strlen(s);

	if (!at || ns - nf + nt + 1 > len)
		return;
	memmove(at + nt, at + nf, ns - (size_t)(at - s) - nf + 1);
	memcpy(at, to, nt);
}

void html_classes_words(char *s, size_t len)
{
	explain_words_of_names(s);
	replace_once(s, len, " (--only)", " (as chosen for this document)");
	replace_once(s, len, "unless --only names it", "unless the document is asked to count it");
}
