/*
 * scenario_lines.c - cost and benefit rows: label, value and range, area,
 * timing and the months of start, end and ramp (a formula there is compiled
 * here and resolved in scenario_timing.c), curve, growth, probability, risk,
 * adoption, class and group, and a cost's tax columns and date. The names of
 * the benefit areas, cost categories and classes are here, and so is the
 * sentence added to an error when a row's fields look shifted by a comma.
 *
 * Not a line's phase (scenario_tracking.c, once the phases are read), nor its
 * default risk (scenario.c, from the settings).
 */
#include "scenario_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crmroi/finance.h"

/* crm_class order: the names of the class column. */
static const char *const class_names[CRM_NCLASSES + 1] = {
	"cash", "cost_reduction", "productivity", "cost_avoidance", "flexibility", NULL
};

/* Two probabilities of one group closer than this are the same value written twice. */
#define GROUP_PROB_TOL 1e-12

static const char *const benefit_areas[] = {
	"lead_management", "opportunity_management", "configurator", "proposal_generation",
	"team_selling", "campaign_management", "call_center", "self_service",
	"field_service", "ecommerce", "partner_channel", NULL
};

static const char *const cost_categories[] = {
	"license", "implementation", "integration", "data_migration", "hardware",
	"training", "change_management", "internal_staff", "support", NULL
};

int crm_area_is_standard(crm_line_kind kind, const char *area)
{
	return crm_scen_in_list(area, kind == CRM_BENEFIT ? benefit_areas : cost_categories);
}

/* ------------------------------------------------------ tax and dates */

/*
 * The month (0 = the investment date) whose period holds calendar day d.
 * Month m ends m months after the investment date d0 (its flows are
 * discounted at that end date) and its last day is the day before: it holds
 * the days from the end of month m - 1 up to the day before its own end, so
 * that a day is in the period its label names (Year 1 of 2027-01-01 holds
 * 2027-01-01 to 2027-12-31 and is labelled 2027). The investment date itself
 * is the Initial column.
 */
static int month_of_day(const crm_settings *s, long d)
{
	int day0 = s->start_day ? s->start_day : 1;
	long d0 = crm_date_days(s->start_year, s->start_month, day0);
	int m = 0;

	if (d <= d0)
		return 0;
	m = 1 + (int)((d - d0) / 31);
	for (;; m++) {
		int y = s->start_year, mo = s->start_month, dd = day0;
		crm_date_add_months(&y, &mo, &dd, m);
		if (crm_date_days(y, mo, dd) > d)
			return m;
	}
}

/* The columns only cost and benefit lines have: a row of another kind leaves them empty. */
crm_status crm_scen_check_line_columns(struct loader *ld, const struct srow *r, const char *kind)
{
	static const enum col cols[] = { COL_TREATMENT, COL_LIFE, COL_DEPRECIATION, COL_SALVAGE,
		COL_DATE, COL_GROUP, COL_CLASS, COL_ADOPTION, COL_DECIDE };
	return crm_scen_check_unused(ld, r, kind, cols, sizeof cols / sizeof *cols);
}

/* treatment, life, depreciation and salvage of a cost; date of a once line. */
static crm_status read_tax_columns(struct loader *ld, const struct srow *r, crm_line *ln,
				   const char *what)
{
	const crm_settings *s = &ld->sc->settings;
	const char *t = field(ld, r, COL_TREATMENT), *d = field(ld, r, COL_DEPRECIATION);
	crm_status st;

	if (ln->kind == CRM_BENEFIT) {
		static const enum col cols[] = { COL_TREATMENT, COL_LIFE, COL_DEPRECIATION,
			COL_SALVAGE };
		if ((st = crm_scen_check_unused(ld, r, "benefit", cols,
						sizeof cols / sizeof *cols)) != CRM_OK)
			return st;
	} else if (*t && strcasecmp(t, "expense")) {
		if (strcasecmp(t, "capitalise") && strcasecmp(t, "capitalize"))
			return FAIL(ld, r, COL_TREATMENT, "%s: treatment '%s' is not known (expected "
				    "expense or capitalise)", what, t);
		ln->capitalise = 1;
		if (!given(ld, r, COL_LIFE))
			return FAIL(ld, r, COL_LIFE, "%s: a capitalised cost needs its life: the whole "
				    "years it is depreciated over (e.g. 5)", what);
		if ((st = crm_scen_get_whole(ld, r, COL_LIFE, "life", 1, CRM_MAX_HORIZON_YEARS, &ln->life)) !=
		    CRM_OK)
			return st;
		if (!*d || !strcasecmp(d, "straight"))
			ln->depreciation = CRM_DEPR_STRAIGHT;
		else if (!strcasecmp(d, "declining"))
			ln->depreciation = CRM_DEPR_DECLINING;
		else if (!strcasecmp(d, "syd"))
			ln->depreciation = CRM_DEPR_SYD;
		else
			return FAIL(ld, r, COL_DEPRECIATION, "%s: depreciation '%s' is not known "
				    "(expected straight, declining or syd)", what, d);
		if (given(ld, r, COL_SALVAGE)) {
			int pct;
			if (ln->timing != CRM_ONCE)
				return FAIL(ld, r, COL_SALVAGE, "%s: salvage is for a capitalised cost "
					    "paid once; each year's spending of a recurring cost is an "
					    "asset of its own", what);
			if ((st = crm_scen_get_number(ld, r, COL_SALVAGE, "salvage", &ln->salvage, &pct)) !=
			    CRM_OK)
				return st;
			if (pct || ln->salvage < 0)
				return FAIL(ld, r, COL_SALVAGE, "%s: salvage '%s' is not an amount of 0 "
					    "or more", what, field(ld, r, COL_SALVAGE));
			if (crm_expr_kind(ln->value) == CRM_VALUE_NUMBER &&
			    ln->salvage > crm_expr_number(ln->value))
				return FAIL(ld, r, COL_SALVAGE, "%s: salvage %s is above the cost %s "
					    "(the depreciable base is cost - salvage)", what,
					    field(ld, r, COL_SALVAGE), field(ld, r, COL_VALUE));
			ln->salvage_given = 1;
		}
	} else {
		static const enum col cols[] = { COL_LIFE, COL_DEPRECIATION, COL_SALVAGE };
		for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
			if (given(ld, r, cols[k]))
				return FAIL(ld, r, cols[k], "%s: %s is for a capitalised cost (give "
					    "treatment capitalise, or leave %s empty)", what,
					    crm_scen_col_names[cols[k]], crm_scen_col_names[cols[k]]);
	}
	if (given(ld, r, COL_DATE)) {
		const char *v = field(ld, r, COL_DATE);
		int y, m, dd;
		if (ln->timing != CRM_ONCE)
			return FAIL(ld, r, COL_DATE, "%s: a date is for a line paid once; a recurring "
				    "line runs from its start month to its end month", what);
		if (given(ld, r, COL_START))
			return FAIL(ld, r, COL_DATE, "%s: give start or date, not both (the date "
				    "decides the month)", what);
		if (crm_date_parse(v, &y, &m, &dd) != 0)
			return FAIL(ld, r, COL_DATE, "%s: date '%s' is not a day (expected YYYY-MM-DD, "
				    "e.g. 2027-03-15, in the years 1900 to 2999)", what, v);
		if (!s->start_year)
			return FAIL(ld, r, COL_DATE, "%s: a date needs the setting start_date (the "
				    "investment date the months count from)", what);
		long day = crm_date_days(y, m, dd);
		long d0 = crm_date_days(s->start_year, s->start_month, s->start_day ? s->start_day : 1);
		if (day < d0)
			return FAIL(ld, r, COL_DATE, "%s: date %s is before the investment date "
				    "%04d-%02d-%02d (start_date)", what, v, s->start_year, s->start_month,
				    s->start_day ? s->start_day : 1);
		ln->date_year = y;
		ln->date_month = m;
		ln->date_day = dd;
		ln->start = ln->end = month_of_day(s, day);
		int months = crm_scenario_months(ld->sc);
		if (ln->start > months)
			crm_warnings_add(&ld->sc->warnings, srow_file(r), srow_line(r), loc_of(ld, r, COL_DATE).col,
					 "%s: %s is in month %d, after the %d-month horizon; the line adds "
					 "nothing", what, v, ln->start, months);
	}
	return CRM_OK;
}

/* ------------------------------------------------------- shifted fields */

enum look { LOOK_EMPTY, LOOK_NUMBER, LOOK_TIMING, LOOK_DIST, LOOK_CURVE, LOOK_AREA, LOOK_TEXT };

static enum look look_of(const char *v, crm_decimal dec)
{
	static const char *const timings[] = { "once", "monthly", "yearly", "annual", NULL };
	static const char *const dists[] = { "fixed", "triangular", "pert", "uniform", "normal",
		"lognormal", NULL };
	double x;

	if (!*v)
		return LOOK_EMPTY;
	for (int i = 0; timings[i]; i++)
		if (!strcasecmp(v, timings[i]))
			return LOOK_TIMING;
	for (int i = 0; dists[i]; i++)
		if (!strcasecmp(v, dists[i]))
			return LOOK_DIST;
	if (!strcasecmp(v, "linear") || !strcasecmp(v, "scurve"))
		return LOOK_CURVE;
	if (crm_scen_in_list(v, benefit_areas) || crm_scen_in_list(v, cost_categories))
		return LOOK_AREA;
	if (crm_parse_number_in(v, dec, &x, NULL, NULL, 0) == CRM_OK)
		return LOOK_NUMBER;
	return LOOK_TEXT;
}

/* What a line's column holds when it is right (LOOK_EMPTY: anything). */
static enum look look_wanted(enum col c)
{
	switch (c) {
	case COL_DIST: return LOOK_DIST;
	case COL_AREA: return LOOK_AREA;
	case COL_TIMING: return LOOK_TIMING;
	case COL_LOW: case COL_HIGH: case COL_START: case COL_END: case COL_RAMP:
	case COL_GROWTH: case COL_RISK: case COL_PROBABILITY: return LOOK_NUMBER;
	case COL_CURVE: return LOOK_CURVE;
	default: return LOOK_EMPTY;
	}
}

/* The line column written in field fcol (1-based) of this row's header, or -1. */
static int col_at(const struct srow *r, int at)
{
	for (int c = 0; c < NCOLS; c++)
		if (fcol(r, c) == at && at > 0)
			return c;
	return -1;
}

#define SHIFT_MAX 3   /* fields left out (or written too many) that a hint looks for */

/*
 * After an error in a cost or benefit row: when two or more of its cells hold
 * what the column k further on (or back) wants and not what their own wants, k
 * fields were probably left out (or written too many) before them, for k from
 * 1 to SHIFT_MAX. Say so, since the error itself names only one of the
 * shifted cells.
 */
void crm_scen_explain_shift(struct loader *ld, const struct srow *r)
{
	int best = 0, best_k = 0, first_best = 0;
	char hint[240];

	for (int k = -SHIFT_MAX; k <= SHIFT_MAX; k++) {
		int n = 0, first = -1;
		if (!k)
			continue;
		for (int c = 0; c < NCOLS; c++) {
			enum look want = look_wanted((enum col)c), got;
			if (want == LOOK_EMPTY || !fcol(r, c) ||
			    (got = look_of(rowf(r, c), r->f->dec)) == LOOK_EMPTY || got == want)
				continue;
			/* Left out before it: its value belongs k columns further on. */
			int there = col_at(r, fcol(r, c) + k);
			if (there >= 0 && look_wanted((enum col)there) == got) {
				n++;
				if (first < 0 || fcol(r, c) < fcol(r, first))
					first = c;
			}
		}
		/* The most cells explained; on a tie the smaller shift, a missing field first. */
		if (n > best || (n == best && n && abs(k) < abs(best_k))) {
			best = n;
			best_k = k;
			first_best = first;
		}
	}
	if (best < 2)
		return;
	int k = abs(best_k);
	if (best_k > 0)
		snprintf(hint, sizeof hint, " (the fields from column '%s' on look shifted %s to the "
			 "left: %s before it? an empty field still needs its comma)",
			 crm_scen_col_names[first_best], k == 1 ? "one column" : k == 2 ?
			 "two columns" : "three columns", k == 1 ? "is a field missing" :
			 k == 2 ? "are two fields missing" : "are three fields missing");
	else
		snprintf(hint, sizeof hint, " (the fields from column '%s' on look shifted %s to the "
			 "right: %s before it?)", crm_scen_col_names[first_best],
			 k == 1 ? "one column" : k == 2 ? "two columns" : "three columns",
			 k == 1 ? "is there one field too many" : k == 2 ?
			 "are there two fields too many" : "are there three fields too many");
	crm_scen_amend_last(ld, hint);
}

/*
 * An area that is not a documented one is allowed (it is a label), but one
 * within two letters of a documented area is probably a typo.
 */
static crm_status check_area(struct loader *ld, const struct srow *r, const crm_line *ln,
			     const char *what)
{
	const char *const *list = ln->kind == CRM_BENEFIT ? benefit_areas : cost_categories;
	const char *pick = NULL;
	int best = 3;

	if (!*ln->area || crm_scen_in_list(ln->area, list))
		return CRM_OK;
	for (size_t i = 0; list[i]; i++) {
		int d = crm_scen_distance(ln->area, list[i]);
		if (d < best) {
			best = d;
			pick = list[i];
		}
	}
	if (!pick)
		return CRM_OK;
	crm_loc l = loc_of(ld, r, COL_AREA);
	if (crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: area '%s' is not a "
			     "documented %s (did you mean '%s'?); it is kept as written", what,
			     ln->area, ln->kind == CRM_BENEFIT ? "benefit area" : "cost category",
			     pick) != CRM_OK)
		return crm_scen_nomem(ld);
	return CRM_OK;
}

/* -------------------------------------------------- cost and benefit rows */

/*
 * A start, end or ramp cell: a whole number as before, or a formula over
 * inputs, compiled here and resolved by crm_scen_resolve_timing (in
 * scenario_timing.c) once every input is read. *formula tells which; *out
 * gets min as a stand-in for a formula.
 */
static crm_status get_month(struct loader *ld, const struct srow *r, enum col c, const char *what,
			    int min, crm_line *ln, int *out, int *formula)
{
	const char *v = field(ld, r, c);
	int k = c == COL_START ? CRM_TIMING_START : c == COL_END ? CRM_TIMING_END : CRM_TIMING_RAMP;
	crm_error e;
	double x;

	*formula = 0;
	if (crm_parse_number_in(v, r->f->dec, &x, NULL, NULL, 0) == CRM_OK)
		return crm_scen_get_whole(ld, r, c, crm_scen_col_names[c], min, MONTH_MAX, out);
	crm_error_clear(&e);
	ld->unknown[0] = '\0';
	crm_expr *ex = crm_expr_compile_in(v, r->f->dec, crm_scen_lookup_input, ld, &e);
	if (!ex) {
		char sug[160] = "";
		if (e.status == CRM_ENOMEM)
			return crm_scen_nomem(ld);
		/* A did-you-mean for an unknown input, not for a function's name without '('. */
		if (ld->unknown[0] && strstr(e.msg, "unknown input '")) {
			const char **names = malloc((ld->sc->ninputs + 1) * sizeof *names);
			if (!names)
				return crm_scen_nomem(ld);
			for (size_t i = 0; i < ld->sc->ninputs; i++)
				names[i] = ld->sc->inputs[i].name;
			crm_suggest(ld->unknown, names, ld->sc->ninputs, sug, sizeof sug);
			free(names);
		}
		return FAIL(ld, r, c, "%s: %s: %s%s", what, crm_scen_col_names[c], e.msg, sug);
	}
	if (crm_expr_kind(ex) == CRM_VALUE_SERIES) {
		crm_expr_free(ex);
		return FAIL(ld, r, c, "%s: %s '%s' is a series, and a %s is one month (give a whole "
			    "number or a formula over inputs)", what, crm_scen_col_names[c], v,
			    crm_scen_col_names[c]);
	}
	if (!ln->formulas && !(ln->formulas = crm_scen_keep_zeroed(ld->sc, sizeof *ln->formulas))) {
		crm_expr_free(ex);
		return crm_scen_nomem(ld);
	}
	ln->formulas->expr[k] = ex;
	if (!(ln->formulas->text[k] = crm_scen_keep(ld->sc, v)))
		return crm_scen_nomem(ld);
	ln->formulas->loc[k] = loc_of(ld, r, c);
	*out = min;
	*formula = 1;
	return CRM_OK;
}

/* The adoption column of a benefit: the name of an input holding a share from 0 to 1. */
static crm_status read_adoption(struct loader *ld, const struct srow *r, crm_line *ln,
				const char *what)
{
	const char *v = field(ld, r, COL_ADOPTION);
	size_t idx;

	ln->adoption_loc = loc_of(ld, r, COL_ADOPTION);
	if (ln->kind == CRM_COST)
		return FAIL(ld, r, COL_ADOPTION, "%s: adoption is for benefits (the share of users "
			    "who really work in the CRM multiplies what they gain); leave it empty "
			    "for a cost", what);
	if (!crm_scen_smap_get(&ld->input_names, v, strlen(v), &idx)) {
		const char **names = malloc((ld->sc->ninputs + 1) * sizeof *names);
		char sug[160] = "";
		if (!names)
			return crm_scen_nomem(ld);
		for (size_t i = 0; i < ld->sc->ninputs; i++)
			names[i] = ld->sc->inputs[i].name;
		crm_suggest(v, names, ld->sc->ninputs, sug, sizeof sug);
		free(names);
		return FAIL(ld, r, COL_ADOPTION, "%s: adoption '%s' is not an input%s (expected the "
			    "name of an input holding a share from 0%% to 100%%)", what, v, sug);
	}
	ln->adoption = (int)idx;
	ld->sc->inputs[idx].adoption = 1;
	return CRM_OK;
}

/*
 * The decide column of a group's line: input names separated by commas,
 * semicolons or blanks, each an input of the scenario, once. A group takes
 * it once, or the same list on each line that gives it.
 */
static crm_status read_decide(struct loader *ld, const struct srow *r, crm_group *grp,
			      const char *what)
{
	const char *v = field(ld, r, COL_DECIDE);
	size_t n = 0, cap = 0;
	int *idx = NULL;

	for (const char *p = v; *p;) {
		p += strspn(p, ",; \t");
		size_t len = strcspn(p, ",; \t");
		if (!len)
			break;
		size_t in;
		if (!crm_scen_smap_get(&ld->input_names, p, len, &in)) {
			free(idx);
			return FAIL(ld, r, COL_DECIDE, "%s: decide names '%.*s', which is not an input "
				    "(expected the inputs observed by the group's month, such as "
				    "adoption,lead_conversion_uplift)", what, (int)len, p);
		}
		for (size_t k = 0; k < n; k++)
			if (idx[k] == (int)in) {
				free(idx);
				return FAIL(ld, r, COL_DECIDE, "%s: decide names '%.*s' twice", what,
					    (int)len, p);
			}
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			int *g = realloc(idx, cap * sizeof *g);
			if (!g) {
				free(idx);
				return crm_scen_nomem(ld);
			}
			idx = g;
		}
		idx[n++] = (int)in;
		p += len;
	}
	if (grp->decide) {
		int same = grp->ndecide == n;
		for (size_t k = 0; same && k < n; k++)
			same = grp->decide[k] == idx[k];
		free(idx);
		if (!same)
			return FAIL(ld, r, COL_DECIDE, "%s: decide differs from the list on line %d for "
				    "group '%s' (give it once, or the same on every line)", what,
				    grp->decide_loc.line, grp->name);
		return CRM_OK;
	}
	grp->decide = idx;
	grp->ndecide = n;
	grp->decide_loc = loc_of(ld, r, COL_DECIDE);
	return CRM_OK;
}

/*
 * The class of a benefit, and the group of a line: a line joining a group
 * that already has a probability must give the same one, or none.
 */
static crm_status read_class_group(struct loader *ld, const struct srow *r, crm_line *ln,
				   const char *what)
{
	crm_scenario *sc = ld->sc;
	const char *cl = field(ld, r, COL_CLASS), *g = field(ld, r, COL_GROUP);
	size_t gi;

	ln->cls = CRM_CLASS_CASH;
	ln->group = -1;
	if (*cl && ln->kind == CRM_COST)
		return FAIL(ld, r, COL_CLASS, "%s: class '%s' is for benefits (a cost always counts "
			    "in full); leave the class column empty", what, cl);
	if (*cl) {
		char lower[64], sug[160];
		size_t k;
		for (k = 0; cl[k] && k + 1 < sizeof lower; k++)
			lower[k] = (char)tolower((unsigned char)cl[k]);
		lower[k] = '\0';
		int c = crm_class_parse(lower);
		if (c < 0) {
			crm_suggest(cl, class_names, CRM_NCLASSES, sug, sizeof sug);
			return FAIL(ld, r, COL_CLASS, "%s: class '%s' is not known%s (expected cash, "
				    "cost_reduction, productivity, cost_avoidance or flexibility)",
				    what, cl, sug);
		}
		ln->cls = (crm_class)c;
	}
	if (!*g) {
		if (given(ld, r, COL_DECIDE))
			return FAIL(ld, r, COL_DECIDE, "%s: decide names what a group's roll-out is "
				    "decided on; this line is in no group (give it a group, or leave "
				    "decide empty)", what);
		return CRM_OK;
	}
	if (!crm_scen_smap_get(&ld->group_names, g, strlen(g), &gi)) {
		/* Names that differ only in case would silently make two gates. */
		for (size_t o = 0; o < sc->ngroups; o++) {
			const crm_group *og = &sc->groups[o];
			if (strcasecmp(og->name, g))
				continue;
			if (og->loc.file != srow_file(r))
				return FAIL(ld, r, COL_GROUP, "%s: group '%s' differs only in case from "
					    "group '%s' on line %d of %s (expected the same spelling: "
					    "group names are case-sensitive, and two spellings would "
					    "be two gates drawn apart)", what, g, og->name,
					    og->loc.line, og->loc.file);
			return FAIL(ld, r, COL_GROUP, "%s: group '%s' differs only in case from group "
				    "'%s' on line %d (expected the same spelling: group names are "
				    "case-sensitive, and two spellings would be two gates drawn "
				    "apart)", what, g, og->name, og->loc.line);
		}
		if (sc->ngroups == ld->capgroups) {
			/* Grown as groups appear: a case has a few, whatever its lines. */
			size_t ncap = ld->capgroups ? 2 * ld->capgroups : 8;
			crm_group *ng = realloc(sc->groups, ncap * sizeof *ng);
			if (ng)
				sc->groups = ng;
			int *nl = realloc(ld->group_prob_line, ncap * sizeof *nl);
			if (nl)
				ld->group_prob_line = nl;
			const char **nf = realloc(ld->group_prob_file, ncap * sizeof *nf);
			if (nf)
				ld->group_prob_file = nf;
			if (!ng || !nl || !nf)
				return crm_scen_nomem(ld);
			ld->capgroups = ncap;
		}
		crm_group *grp = &sc->groups[sc->ngroups];
		memset(grp, 0, sizeof *grp);
		ld->group_prob_line[sc->ngroups] = 0;
		ld->group_prob_file[sc->ngroups] = NULL;
		if (!(grp->name = crm_scen_keep_visible(ld->sc, g)))
			return crm_scen_nomem(ld);
		gi = sc->ngroups++;
		if (crm_scen_smap_set(&ld->group_names, g, strlen(g), gi) != 0)
			return crm_scen_nomem(ld);
		grp->probability = 1.0;
		grp->first_line = (int)(ln - sc->lines);
		grp->first_month = ln->start;
		grp->loc = (crm_loc){ srow_file(r), srow_line(r), 0 };
	}
	crm_group *grp = &sc->groups[gi];
	ln->group = (int)gi;
	grp->nlines++;
	if (given(ld, r, COL_DECIDE)) {
		crm_status st = read_decide(ld, r, grp, what);
		if (st != CRM_OK)
			return st;
	}
	if (!given(ld, r, COL_PROBABILITY))
		return CRM_OK;
	if (!ld->group_prob_line[gi]) {
		ld->group_prob_line[gi] = srow_line(r);
		ld->group_prob_file[gi] = srow_file(r);
		grp->probability = ln->probability;
		return CRM_OK;
	}
	if (fabs(ln->probability - grp->probability) > GROUP_PROB_TOL) {
		char here[32], there[32];
		snprintf(here, sizeof here, "%g%%", 100 * ln->probability);
		snprintf(there, sizeof there, "%g%%", 100 * grp->probability);
		if (ld->group_prob_file[gi] != srow_file(r))
			return FAIL(ld, r, COL_PROBABILITY, "%s: probability %s, but group '%s' has "
				    "probability %s on line %d of %s (the lines of a group happen "
				    "together: give the probability once, or the same on every line)",
				    what, here, grp->name, there, ld->group_prob_line[gi],
				    ld->group_prob_file[gi]);
		return FAIL(ld, r, COL_PROBABILITY, "%s: probability %s, but group '%s' has "
			    "probability %s on line %d (the lines of a group happen together: give "
			    "the probability once, or the same on every line)", what, here,
			    grp->name, there, ld->group_prob_line[gi]);
	}
	return CRM_OK;
}

crm_status crm_scen_read_line(struct loader *ld, const struct srow *r, crm_line_kind kind)
{
	crm_scenario *sc = ld->sc;
	crm_line *ln = &sc->lines[sc->nlines];
	const char *label = field(ld, r, COL_NAME);
	const char *kname = kind == CRM_COST ? "cost" : "benefit";
	char what[300];
	crm_status st;
	int months = crm_scenario_months(sc);

	memset(ln, 0, sizeof *ln);
	ln->kind = kind;
	ln->group = -1;
	ln->loc = loc_of(ld, r, COL_VALUE);
	ln->loc.line = srow_line(r);
	if (!*label)
		return FAIL(ld, r, COL_NAME, "a %s row needs a name (a label such as 'CRM licences')",
			    kname);
	size_t first;
	char *shown = crm_scen_keep_visible(ld->sc, label);
	if (!shown)
		return crm_scen_nomem(ld);
	/* The map borrows the kept label when it is the label as written (no line break shown). */
	int same = !strcmp(shown, label);
	int had = crm_scen_smap_add(&ld->line_labels, same ? shown : label, strlen(label), sc->nlines,
				    same, &first);
	if (had < 0)
		return crm_scen_nomem(ld);
	if (had)
		return FAIL(ld, r, COL_NAME, "line '%s' is defined twice (first on line %d; "
			    "labels of costs and benefits must be unique)", label,
			    sc->lines[first].loc.line);
	sc->nlines++;   /* from here on, crm_scenario_free releases what ln holds */
	ln->label = shown;
	crm_scen_what(what, sizeof what, kname, label);
	static const enum col line_unused[] = { COL_UNIT };
	if (field(ld, r, COL_LABEL)[0])
		return FAIL(ld, r, COL_LABEL, "%s: a %s's name is already its label (leave the label "
			    "column empty; label gives an input a name for people)", what, kname);
	if ((st = crm_scen_check_unused(ld, r, kname, line_unused, 1)) != CRM_OK ||
	    (st = crm_scen_warn_thousands_dot(ld, r, COL_VALUE, what)) != CRM_OK ||
	    (st = crm_scen_warn_thousands_dot(ld, r, COL_LOW, what)) != CRM_OK ||
	    (st = crm_scen_warn_thousands_dot(ld, r, COL_HIGH, what)) != CRM_OK ||
	    (st = crm_scen_check_accounting(ld, r, what)) != CRM_OK ||
	    (st = crm_scen_compile_value(ld, r, what, &ln->value)) != CRM_OK ||
	    (st = crm_scen_read_range(ld, r, what, ln->value, &ln->range)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_VALUE, &ln->value_text)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_AREA, &ln->area)) != CRM_OK ||
	    (st = check_area(ld, r, ln, what)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_OWNER, &ln->owner)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_METRIC, &ln->metric)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_NOTE, &ln->note)) != CRM_OK ||
	    (st = crm_scen_copy_extra(ld, r, &ln->extra)) != CRM_OK)
		return st;

	/* timing */
	const char *t = field(ld, r, COL_TIMING);
	if (!*t)
		ln->timing = kind == CRM_COST ? CRM_ONCE : CRM_YEARLY;
	else if (!strcasecmp(t, "once"))
		ln->timing = CRM_ONCE;
	else if (!strcasecmp(t, "monthly"))
		ln->timing = CRM_MONTHLY;
	else if (!strcasecmp(t, "yearly") || !strcasecmp(t, "annual"))
		ln->timing = CRM_YEARLY;
	else
		return FAIL(ld, r, COL_TIMING, "%s: timing '%s' is not known (expected once, "
			    "monthly or yearly)", what, t);

	/* start, end, ramp: whole months, or formulas resolved once every input is read */
	int fs = 0, fe = 0, fr = 0;
	ln->adoption = -1;
	if (ln->timing == CRM_ONCE) {
		ln->start = 0;
		if (given(ld, r, COL_START) &&
		    (st = get_month(ld, r, COL_START, what, 0, ln, &ln->start, &fs)) != CRM_OK)
			return st;
		if (given(ld, r, COL_END))
			return FAIL(ld, r, COL_END, "%s: end is for recurring lines; a 'once' amount "
				    "is booked whole at month start (leave end empty, or make timing "
				    "monthly or yearly)", what);
		if (given(ld, r, COL_RAMP))
			return FAIL(ld, r, COL_RAMP, "%s: ramp is for recurring lines, and this one "
				    "has timing once", what);
		ln->end = ln->start;
		if (!fs && ln->start > months)
			crm_warnings_add(&sc->warnings, srow_file(r), srow_line(r), loc_of(ld, r, COL_START).col,
					 "%s: month %d is after the %d-month horizon; the line adds nothing",
					 what, ln->start, months);
	} else {
		ln->start = 1;
		ln->end = months;
		if (given(ld, r, COL_START) &&
		    (st = get_month(ld, r, COL_START, what, 0, ln, &ln->start, &fs)) != CRM_OK)
			return st;
		if (!fs && ln->start == 0)
			return FAIL(ld, r, COL_START, "%s: a recurring line starts at month 1 or later "
				    "(month 0 is the Initial column, for amounts with timing once)", what);
		if (given(ld, r, COL_END)) {
			if ((st = get_month(ld, r, COL_END, what, 1, ln, &ln->end, &fe)) != CRM_OK)
				return st;
			if (!fs && !fe && ln->end < ln->start)
				return FAIL(ld, r, COL_END, "%s: end month %d is before start month %d",
					    what, ln->end, ln->start);
			ln->end_given = ln->end;
		}
		if (!fs && ln->start > months)
			crm_warnings_add(&sc->warnings, srow_file(r), srow_line(r), loc_of(ld, r, COL_START).col,
					 "%s: starts in month %d, after the %d-month horizon; the line "
					 "adds nothing", what, ln->start, months);
		if (ln->end > months)
			ln->end = months;
		if (given(ld, r, COL_RAMP) &&
		    (st = get_month(ld, r, COL_RAMP, what, 0, ln, &ln->ramp, &fr)) != CRM_OK)
			return st;
	}
	if (given(ld, r, COL_ADOPTION) && (st = read_adoption(ld, r, ln, what)) != CRM_OK)
		return st;
	const char *cv = field(ld, r, COL_CURVE);
	if (*cv) {
		if (!strcasecmp(cv, "linear"))
			ln->curve = CRM_CURVE_LINEAR;
		else if (!strcasecmp(cv, "scurve"))
			ln->curve = CRM_CURVE_SCURVE;
		else
			return FAIL(ld, r, COL_CURVE, "%s: curve '%s' is not known (expected linear or "
				    "scurve)", what, cv);
		if (ln->ramp == 0 && !fr)
			crm_warnings_add(&sc->warnings, srow_file(r), srow_line(r), loc_of(ld, r, COL_CURVE).col,
					 "%s: curve is given but ramp is 0, so it has no effect", what);
	}
	if (given(ld, r, COL_GROWTH) &&
	    (st = crm_scen_get_rate(ld, r, COL_GROWTH, "growth", -0.99, 10.0, &ln->growth)) != CRM_OK)
		return st;
	ln->probability = 1.0;
	if (given(ld, r, COL_PROBABILITY)) {
		if ((st = crm_scen_get_rate(ld, r, COL_PROBABILITY, "probability", 0.0, 1.0,
					    &ln->probability)) != CRM_OK)
			return st;
		if (ln->probability == 0)
			return FAIL(ld, r, COL_PROBABILITY, "%s: probability 0 means the line never "
				    "happens (expected more than 0%% and at most 100%%)", what);
	}
	if (given(ld, r, COL_RISK)) {
		ln->risk_given = 1;
		if ((st = crm_scen_get_rate(ld, r, COL_RISK, "risk", 0.0, kind == CRM_BENEFIT ? 1.0 : 10.0,
					    &ln->risk)) != CRM_OK)
			return st;
	}
	if ((st = read_class_group(ld, r, ln, what)) != CRM_OK)
		return st;
	return read_tax_columns(ld, r, ln, what);
}

/* ---------------------------------------------------------------- classes */

const char *crm_class_name(crm_class c)
{
	return c >= 0 && c < CRM_NCLASSES ? class_names[c] : "?";
}

int crm_class_parse(const char *name)
{
	for (int c = 0; c < CRM_NCLASSES; c++)
		if (!strcmp(name, class_names[c]))
			return c;
	return -1;
}

crm_status crm_classes_parse(const char *list, unsigned *classes, crm_error *err)
{
	const char *p = list;
	unsigned set = 0;

	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char name[64], sug[160];
		int c = -1;
		if (len < sizeof name) {
			memcpy(name, p, len);
			name[len] = '\0';
			/* Any case, as in the class column: Cash is cash. */
			char lower[64];
			for (size_t k = 0; k <= len; k++)
				lower[k] = (char)tolower((unsigned char)name[k]);
			c = crm_class_parse(lower);
		} else {
			snprintf(name, sizeof name, "%.60s...", p);
		}
		if (c < 0 && !name[0])
			return crm_error_set(err, CRM_EUSAGE, "", 0, 0, "an empty class name in '%s' "
					     "(expected a comma-separated list of cash, cost_reduction, "
					     "productivity, cost_avoidance, flexibility)", list);
		if (c < 0) {
			crm_suggest(name, class_names, CRM_NCLASSES, sug, sizeof sug);
			return crm_error_set(err, CRM_EUSAGE, "", 0, 0, "unknown class '%s'%s in '%s' "
					     "(expected a comma-separated list of cash, cost_reduction, "
					     "productivity, cost_avoidance, flexibility)", name, sug, list);
		}
		set |= CRM_CLASS_BIT(c);
		if (!end)
			break;
		p = end + 1;
	}
	*classes = set;
	return CRM_OK;
}
