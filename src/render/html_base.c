/*
 * html_base.c - what every part of the business-case document writes with:
 * escaped text and elements, a section's opening, the case's currency and
 * title, amounts for a sentence or a table cell, names for people (areas,
 * scenario files), an input's value as its unit says, a line's timing in
 * words.
 *
 * No section and no chart (html_*.c), and no figure: these only word what
 * the case holds.
 */
#include "html_priv.h"
#include "chart.h"

#include <math.h>
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

/* An input is written as a percentage when its value or unit says so. */
static int param_is_percent(const crm_scenario *sc, const crm_param *p)
{
	if (p->unit == CRM_UNIT_RATE)
		return 1;
	if (p->kind != CRM_PARAM_INPUT)
		return 0;
	const crm_input *in = &sc->inputs[p->index];
	return strchr(in->value_text, '%') != NULL || !strcmp(in->unit, "percent");
}

void html_param_value(char *buf, size_t len, const crm_scenario *sc, const crm_param *p,
		      double v)
{
	if (param_is_percent(sc, p))
		fmt_percent(buf, len, v);
	else if (p->unit == CRM_UNIT_MONEY || fabs(v) >= 1000)
		fmt_money(buf, len, v, 0);
	else
		snprintf(buf, len, "%.3g", v);
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

	if (ln->timing == CRM_ONCE) {
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
		fmt_percent(g, sizeof g, ln->growth);
		fprintf(fp, ", growing %s a year", g);
	}
	if (ln->probability < 1) {
		fmt_percent(g, sizeof g, ln->probability);
		fprintf(fp, ", with a probability of %s", g);
	}
}
