/*
 * scenario_inputs.c - input and correlation rows. In the first pass every
 * input's name is declared, so that a formula may use an input defined
 * further down; in the second each input's value is compiled and checked with
 * its range and its unit. Correlations are read once every input is, since
 * they need the inputs' ranges.
 *
 * Not the checks that need every input at once (circles, months from inputs,
 * shares of adoption): scenario_timing.c makes those.
 */
#include "scenario_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Pass 1: register an input's name, so formulas anywhere can use it. */
crm_status crm_scen_declare_input(struct loader *ld, const struct srow *r)
{
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	crm_input *in;

	if (!crm_scen_is_identifier(name))
		return FAIL(ld, r, COL_NAME, "input name '%s' is not an identifier (expected a "
			    "letter or _ followed by letters, digits or _, e.g. leads_per_year)", name);
	if (crm_expr_reserved(name))
		return FAIL(ld, r, COL_NAME, "input name '%s' is reserved for formulas (%s); choose "
			    "another name", name, crm_expr_reserved_list());
	if (crm_scen_in_list(name, crm_scen_setting_names))
		return FAIL(ld, r, COL_NAME, "input name '%s' is the name of a setting; choose "
			    "another name, or make the row kind=setting", name);
	size_t first;
	char *kept = crm_scen_keep(ld->sc, name);   /* the map borrows it: no second copy */
	int had = kept ? crm_scen_smap_add(&ld->input_names, kept, strlen(kept), sc->ninputs, 1,
					   &first) : -1;
	if (had < 0)
		return crm_scen_nomem(ld);
	if (had)
		return FAIL(ld, r, COL_NAME, "input '%s' is defined twice (first on line %d)",
			    name, sc->inputs[first].loc.line);
	in = &sc->inputs[sc->ninputs];
	memset(in, 0, sizeof *in);
	in->name = kept;
	in->loc = loc_of(ld, r, COL_VALUE);
	in->loc.line = srow_line(r);
	sc->ninputs++;
	return CRM_OK;
}

/* ----------------------------------------------------------------- units */

/* Units an input may name; anything else is kept as free text. */
static const char *const known_units[] = {
	"percent", "rate", "currency", "count", "hours", "months", "ratio", NULL
};

/* Name endings that read like a rate or share: a value above 1 there is suspicious. */
static const char *const rate_suffixes[] = {
	"_rate", "_uplift", "_share", "_pct", "_percent", "_percentage", "_margin",
	"_growth", "_churn", "_conversion", "_reduction", "_improvement", "_increase",
	"_decrease", "_discount", "_probability", NULL
};

/* A percent cell (value, low or high) written as a bare number above 1 is refused. */
static crm_status check_percent_cell(struct loader *ld, const struct srow *r, enum col c,
				     const char *what)
{
	const char *v = field(ld, r, c);
	double x;
	int pct = 0;
	char shown[32];

	if (!*v || crm_parse_number_in(v, r->f->dec, &x, &pct, NULL, 0) != CRM_OK || pct ||
	    fabs(x) <= RATE_BARE_MAX)
		return CRM_OK;
	return FAIL(ld, r, c, "%s: '%s' would mean %s%%: write %s%% (the unit is percent)", what,
		    v, crm_number_text(shown, sizeof shown, x * 100, r->f->dec), v);
}

/*
 * The unit column of an input: percent (or rate) makes a bare number above 1
 * an error, as for rates; without a unit, a name that reads like a rate with
 * a value above 1 gets a warning. A thousands dot gets a warning whatever
 * the unit.
 */
static crm_status check_input_unit(struct loader *ld, const struct srow *r, const char *what,
				   const crm_input *in)
{
	const char *u = in->unit;
	crm_status st;

	if ((st = crm_scen_warn_thousands_dot(ld, r, COL_VALUE, what)) != CRM_OK ||
	    (st = crm_scen_warn_thousands_dot(ld, r, COL_LOW, what)) != CRM_OK ||
	    (st = crm_scen_warn_thousands_dot(ld, r, COL_HIGH, what)) != CRM_OK)
		return st;
	if (!strcasecmp(u, "percent") || !strcasecmp(u, "rate")) {
		if ((st = check_percent_cell(ld, r, COL_VALUE, what)) != CRM_OK ||
		    (st = check_percent_cell(ld, r, COL_LOW, what)) != CRM_OK ||
		    (st = check_percent_cell(ld, r, COL_HIGH, what)) != CRM_OK)
			return st;
		/* A series: each year's item. */
		if (crm_expr_kind(in->value) == CRM_VALUE_SERIES) {
			const char *v = field(ld, r, COL_VALUE);
			while (*v) {
				size_t n = strcspn(v, ";");
				char *item = malloc(n + 1);
				double x;
				int pct = 0;
				char shown[32];
				if (!item)
					return crm_scen_nomem(ld);
				memcpy(item, v, n);
				item[n] = '\0';
				crm_csv_trim(item);
				if (crm_parse_number_in(item, r->f->dec, &x, &pct, NULL, 0) == CRM_OK && !pct &&
				    fabs(x) > RATE_BARE_MAX)
					st = FAIL(ld, r, COL_VALUE, "%s: '%s' in the series would mean "
						  "%s%%: write %s%% (the unit is percent)", what, item,
						  crm_number_text(shown, sizeof shown, x * 100, r->f->dec),
						  item);
				free(item);
				if (st != CRM_OK)
					return st;
				v += n + (v[n] == ';');
			}
		}
		return CRM_OK;
	}
	if (*u) {
		/* Free text is allowed; one close to a known unit is probably a typo. */
		char sug[160];
		if (!crm_scen_in_list(u, known_units)) {
			crm_suggest(u, known_units, crm_scen_count_list(known_units), sug, sizeof sug);
			crm_loc l = loc_of(ld, r, COL_UNIT);
			if (sug[0] && crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: "
						       "unit '%s' is not one crmroi knows%s (it is kept "
						       "as text)", what, u, sug) != CRM_OK)
				return crm_scen_nomem(ld);
		}
		return CRM_OK;   /* a unit is given: the number means what it says */
	}
	/* No unit: a rate-like name with a bare value above 1 was probably meant as a percentage. */
	int pct = 0;
	double x;
	char shown[32];
	const char *v = field(ld, r, COL_VALUE);
	/* Every suffix is a '_' and letters: the name ends with one when its last '_' starts it. */
	const char *last = strrchr(in->name, '_');
	for (size_t k = 0; last && rate_suffixes[k]; k++)
		if (tolower((unsigned char)last[1]) == rate_suffixes[k][1] &&
		    !strcasecmp(last, rate_suffixes[k]) &&
		    crm_parse_number_in(v, r->f->dec, &x, &pct, NULL, 0) == CRM_OK && !pct && fabs(x) > RATE_BARE_MAX) {
			crm_loc l = loc_of(ld, r, COL_VALUE);
			if (crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: %s is read "
					     "as the number %s (%s%%), and the name reads like a rate: if "
					     "%s%% is meant, write %s%% and give the unit percent; if the "
					     "number is meant, give a unit (such as ratio or count) to say so",
					     what, v, v, crm_number_text(shown, sizeof shown, x * 100, r->f->dec),
					     v, v) != CRM_OK)
				return crm_scen_nomem(ld);
			break;
		}
	return CRM_OK;
}

crm_status crm_scen_read_input(struct loader *ld, const struct srow *r, crm_input *in)
{
	static const enum col unused[] = { COL_AREA, COL_TIMING, COL_START, COL_END, COL_RAMP,
		COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY };
	char what[160];
	crm_status st;

	crm_scen_what(what, sizeof what, "input", in->name);
	if ((st = crm_scen_check_unused(ld, r, "input", unused, sizeof unused / sizeof *unused)) != CRM_OK ||
	    (st = crm_scen_check_accounting(ld, r, what)) != CRM_OK ||
	    (st = crm_scen_compile_value(ld, r, what, &in->value)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_UNIT, &in->unit)) != CRM_OK ||
	    (st = check_input_unit(ld, r, what, in)) != CRM_OK ||
	    (st = crm_scen_read_range(ld, r, what, in->value, &in->range)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_VALUE, &in->value_text)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_NOTE, &in->note)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_LABEL, &in->label)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_OWNER, &in->owner)) != CRM_OK ||
	    (st = crm_scen_copy_extra(ld, r, &in->extra)) != CRM_OK)
		return st;
	return CRM_OK;
}

/* ----------------------------------------------------------- correlations */

/* kind=correlation, name=a|b, value=rank correlation between inputs a and b. */
crm_status crm_scen_read_correlation(struct loader *ld, const struct srow *r)
{
	static const enum col unused[] = { COL_LOW, COL_HIGH, COL_DIST, COL_AREA, COL_TIMING,
		COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY,
		COL_UNIT, COL_LABEL };
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	const char *bar = strchr(name, '|');
	crm_correlation *c = &sc->correlations[sc->ncorrelations];
	char why[512], pair[64];
	crm_status st;
	size_t ia, ib, first;

	if ((st = crm_scen_check_unused(ld, r, "correlation", unused,
					sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!bar || strchr(bar + 1, '|'))
		return FAIL(ld, r, COL_NAME, "correlation name '%s' is not two inputs (expected "
			    "input_a|input_b)", name);
	/* The two names, blanks around them left out (fields are trimmed already). */
	const char *a = name, *b = bar + 1;
	size_t la = (size_t)(bar - name), lb = strlen(b);
	while (la && isspace((unsigned char)a[la - 1]))
		la--;
	while (isspace((unsigned char)*b)) {
		b++;
		lb--;
	}
	if (!crm_scen_smap_get(&ld->input_names, a, la, &ia) ||
	    !crm_scen_smap_get(&ld->input_names, b, lb, &ib)) {
		int first_bad = !crm_scen_smap_get(&ld->input_names, a, la, &ia);
		return FAIL(ld, r, COL_NAME, "correlation '%s': '%.*s' is not an input", name,
			    first_bad ? (int)la : (int)lb, first_bad ? a : b);
	}
	if (ia == ib)
		return FAIL(ld, r, COL_NAME, "correlation '%s' names the same input twice", name);
	if (ld->input_bad && (ld->input_bad[ia] || ld->input_bad[ib]))
		return CRM_OK;   /* checking: the input's own error is reported already */
	for (int k = 0; k < 2; k++) {
		const crm_input *in = &sc->inputs[k ? ib : ia];
		if (!in->range.given)
			return FAIL(ld, r, COL_NAME, "correlation '%s': input '%s' is not uncertain "
				    "(give it low and high, and a dist other than fixed)", name, in->name);
		if (in->range.dist == CRM_DIST_FIXED)
			return FAIL(ld, r, COL_NAME, "correlation '%s': input '%s' has dist fixed, so it "
				    "is not uncertain and has nothing to correlate (correlations are "
				    "between inputs that vary: give it another dist, or remove the "
				    "correlation)", name, in->name);
	}
	snprintf(pair, sizeof pair, "%zu|%zu", ia < ib ? ia : ib, ia < ib ? ib : ia);
	if (crm_scen_smap_get(&ld->corr_pairs, pair, strlen(pair), &first))
		return FAIL(ld, r, COL_NAME, "the correlation of %.*s and %.*s is given twice "
			    "(first on line %d)", (int)la, a, (int)lb, b, sc->correlations[first].loc.line);
	if (crm_parse_number_in(field(ld, r, COL_VALUE), r->f->dec, &c->rho, NULL, why, sizeof why) != CRM_OK)
		return FAIL(ld, r, COL_VALUE, "correlation '%s': %s", name, why);
	if (c->rho < -1 || c->rho > 1)
		return FAIL(ld, r, COL_VALUE, "correlation '%s': %s is not a rank correlation "
			    "(expected -1 to 1)", name, field(ld, r, COL_VALUE));
	if (crm_scen_smap_set(&ld->corr_pairs, pair, strlen(pair), sc->ncorrelations) != 0)
		return crm_scen_nomem(ld);
	c->a = (int)ia;
	c->b = (int)ib;
	c->loc = loc_of(ld, r, COL_VALUE);
	c->loc.line = srow_line(r);
	sc->ncorrelations++;
	return CRM_OK;
}
