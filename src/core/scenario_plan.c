/*
 * scenario_plan.c - kind=area rows: the benefit areas of the roll-out plan.
 * An area names lines (those whose area column is its name, or the lines of
 * the group it names) that go live together; its row gives the slots it may
 * go live in, whether it may be left out, the areas that must be live first
 * and the effort its go-live takes. crmroi plan chooses each area's slot
 * (crmroi/plan.h); the golive column states a choice, and scenario.c then
 * moves the area's lines (crm_scenario_set_golive). Read once every line's
 * months are known, since an area's go-live as written is its lines' start.
 */
#include "scenario_priv.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const enum col area_cols[] = { COL_AFTER, COL_GOLIVE, COL_SKIP };

crm_status crm_scen_check_area_columns(struct loader *ld, const struct srow *r, const char *kind)
{
	return crm_scen_check_unused(ld, r, kind, area_cols, sizeof area_cols / sizeof *area_cols);
}

void crm_scen_free_areas(crm_scenario *sc)
{
	for (size_t a = 0; a < sc->nareas; a++) {
		crm_plan_area *ar = &sc->areas[a];
		free(ar->lines);
		free(ar->after);
	}
	free(sc->areas);
}

int crm_scenario_find_area(const crm_scenario *sc, const char *name)
{
	for (size_t a = 0; a < sc->nareas; a++)
		if (!strcmp(sc->areas[a].name, name))
			return (int)a;
	return -1;
}

/* The lines of area ar (sc->nareas is its index): by group or by the area column. */
static crm_status find_lines(struct loader *ld, const struct srow *r, crm_plan_area *ar)
{
	crm_scenario *sc = ld->sc;
	size_t idx = sc->nareas;

	ar->lines = malloc((sc->nlines + 1) * sizeof *ar->lines);
	if (!ar->lines)
		return crm_scen_nomem(ld);
	for (size_t l = 0; l < sc->nlines; l++) {
		crm_line *ln = &sc->lines[l];
		int mine = ar->group >= 0 ? ln->group == ar->group : !strcmp(ln->area, ar->name);
		if (!mine)
			continue;
		if (ln->area_row >= 0)
			return FAIL(ld, r, ar->group >= 0 ? COL_GROUP : COL_NAME, "area '%s': %s '%s' "
				    "(line %d) is in area '%s' already (expected each line in one area "
				    "at most)", ar->name, ln->kind == CRM_COST ? "cost" : "benefit",
				    ln->label, ln->loc.line, sc->areas[ln->area_row].name);
		if (ln->date_year)
			return FAIL(ld, r, COL_NAME, "area '%s': %s '%s' (line %d) is paid on a date "
				    "of its own, which cannot move with the area's go-live (expected "
				    "its start month instead of a date)", ar->name,
				    ln->kind == CRM_COST ? "cost" : "benefit", ln->label, ln->loc.line);
		ln->area_row = (int)idx;
		ar->lines[ar->nlines++] = l;
	}
	if (!ar->nlines)
		return ar->group >= 0
			? FAIL(ld, r, COL_GROUP, "area '%s': group '%s' has no line", ar->name,
			       sc->groups[ar->group].name)
			: FAIL(ld, r, COL_NAME, "area '%s' has no lines (expected cost or benefit lines "
			       "whose area column is %s, or a group column naming the lines' group)",
			       ar->name, ar->name);
	/* Its go-live as written: its benefits' first month (its costs' when it has none). */
	int first = INT_MAX, first_any = INT_MAX;
	for (size_t k = 0; k < ar->nlines; k++) {
		const crm_line *ln = &sc->lines[ar->lines[k]];
		if (ln->kind == CRM_BENEFIT && ln->start < first)
			first = ln->start;
		if (ln->start < first_any)
			first_any = ln->start;
	}
	ar->written_month = first != INT_MAX ? first : first_any;
	if (ar->written_month < 1)
		ar->written_month = 1;
	return CRM_OK;
}

static crm_status read_area(struct loader *ld, const struct srow *r)
{
	static const enum col unused[] = { COL_LOW, COL_HIGH, COL_DIST, COL_AREA, COL_TIMING,
		COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY, COL_METRIC, COL_TREATMENT,
		COL_LIFE, COL_DEPRECIATION, COL_SALVAGE, COL_DATE, COL_CLASS, COL_ADOPTION,
		COL_DECIDE, COL_LABEL };
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	crm_plan_area *ar = &sc->areas[sc->nareas];
	int nslots = crm_plan_nslots(sc), k;
	crm_status st;

	if ((st = crm_scen_check_unused(ld, r, "area", unused, sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!crm_scen_is_identifier(name))
		return FAIL(ld, r, COL_NAME, "area name '%s' is not an identifier (expected a letter "
			    "or _ followed by letters, digits or _, e.g. lead_management)", name);
	if ((k = crm_scenario_find_area(sc, name)) >= 0)
		return FAIL(ld, r, COL_NAME, "area '%s' is defined twice (first on line %d)", name,
			    sc->areas[k].loc.line);
	if (sc->nareas >= CRM_MAX_AREAS)
		return FAIL(ld, r, COL_KIND, "area '%s': a scenario has at most %d areas", name,
			    CRM_MAX_AREAS);
	memset(ar, 0, sizeof *ar);
	ar->group = -1;
	ar->loc = (crm_loc){ srow_file(r), srow_line(r), 0 };
	sc->nareas++;   /* from here on, crm_scenario_free releases what ar holds */
	if ((st = crm_scen_copy_text(ld, r, COL_NAME, &ar->name)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_OWNER, &ar->owner)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_NOTE, &ar->note)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_AFTER, &ar->after_text)) != CRM_OK)
		return st;
	if (given(ld, r, COL_GROUP)) {
		const char *g = field(ld, r, COL_GROUP);
		for (size_t gi = 0; gi < sc->ngroups && ar->group < 0; gi++)
			if (!strcmp(sc->groups[gi].name, g))
				ar->group = (int)gi;
		if (ar->group < 0)
			return FAIL(ld, r, COL_GROUP, "area '%s': group '%s' is not defined (expected "
				    "the group column of its lines)", name, g);
	}
	if (given(ld, r, COL_VALUE)) {
		int pct;
		if ((st = crm_scen_get_number(ld, r, COL_VALUE, "effort", &ar->effort, &pct)) != CRM_OK)
			return st;
		if (pct || ar->effort < 0)
			return FAIL(ld, r, COL_VALUE, "area '%s': effort '%s' is not 0 or more (expected "
				    "the effort its go-live takes, e.g. 3 people)", name,
				    field(ld, r, COL_VALUE));
	}
	ar->first_slot = 1;
	ar->last_slot = nslots;
	if (given(ld, r, COL_START) &&
	    (st = crm_scen_get_whole(ld, r, COL_START, "start (the first slot it may go live in)",
				     1, nslots, &ar->first_slot)) != CRM_OK)
		return st;
	if (given(ld, r, COL_END) &&
	    (st = crm_scen_get_whole(ld, r, COL_END, "end (the last slot it may go live in)", 1,
				     nslots, &ar->last_slot)) != CRM_OK)
		return st;
	if (ar->last_slot < ar->first_slot)
		return FAIL(ld, r, COL_END, "area '%s': its last slot %d is before its first %d", name,
			    ar->last_slot, ar->first_slot);
	const char *skip = field(ld, r, COL_SKIP);
	if (!*skip || !strcasecmp(skip, "yes"))
		ar->skip_ok = 1;
	else if (strcasecmp(skip, "no"))
		return FAIL(ld, r, COL_SKIP, "area '%s': skip '%s' is not yes or no (yes: the plan may "
			    "leave it out)", name, skip);
	const char *g = field(ld, r, COL_GOLIVE);
	if (!strcasecmp(g, "skip")) {
		if (!ar->skip_ok)
			return FAIL(ld, r, COL_GOLIVE, "area '%s': golive skip, but its skip column says "
				    "it may not be left out", name);
		ar->golive = CRM_GOLIVE_SKIP;
	} else if (*g) {
		if ((st = crm_scen_get_whole(ld, r, COL_GOLIVE, "golive (a slot, or skip)", 1, nslots,
					     &ar->golive)) != CRM_OK)
			return st;
		if (ar->golive < ar->first_slot || ar->golive > ar->last_slot)
			return FAIL(ld, r, COL_GOLIVE, "area '%s': golive slot %d is outside its slots "
				    "%d to %d", name, ar->golive, ar->first_slot, ar->last_slot);
	}
	return find_lines(ld, r, ar);
}

/* The after column of area a: names of areas, each with an optional +lag in slots. */
static crm_status read_after(struct loader *ld, const struct srow *r, size_t a)
{
	crm_scenario *sc = ld->sc;
	crm_plan_area *ar = &sc->areas[a];
	const char *p = ar->after_text;
	size_t cap = strlen(p) / 2 + 1;

	ar->after = calloc(cap, sizeof *ar->after);
	if (!ar->after)
		return crm_scen_nomem(ld);
	while (*p) {
		while (*p == ',' || *p == ';' || isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		const char *s = p;
		while (*p && *p != ',' && *p != ';' && *p != '+' && !isspace((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - s);
		char name[128];
		if (n >= sizeof name)
			return FAIL(ld, r, COL_AFTER, "area '%s': after names an area of more than %zu "
				    "letters", ar->name, sizeof name - 1);
		memcpy(name, s, n);
		name[n] = '\0';
		int lag = 0;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '+') {
			p++;
			if (!isdigit((unsigned char)*p))
				return FAIL(ld, r, COL_AFTER, "area '%s': after '%s' has a + without a "
					    "whole number of slots (expected e.g. %s+1)", ar->name,
					    ar->after_text, name);
			long v = 0;
			while (isdigit((unsigned char)*p) && v <= 1000)
				v = v * 10 + (*p++ - '0');
			if (v > crm_plan_nslots(sc))
				return FAIL(ld, r, COL_AFTER, "area '%s': a lag of %ld slots is longer "
					    "than the horizon's %d", ar->name, v, crm_plan_nslots(sc));
			lag = (int)v;
		}
		int k = crm_scenario_find_area(sc, name);
		if (k < 0) {
			char sug[160] = "";
			const char **names = malloc((sc->nareas + 1) * sizeof *names);
			if (names) {
				for (size_t i = 0; i < sc->nareas; i++)
					names[i] = sc->areas[i].name;
				crm_suggest(name, names, sc->nareas, sug, sizeof sug);
				free(names);
			}
			return FAIL(ld, r, COL_AFTER, "area '%s': after names '%s', which is not an "
				    "area%s (expected the names of kind=area rows, each with an optional "
				    "+lag in slots)", ar->name, name, sug);
		}
		if ((size_t)k == a)
			return FAIL(ld, r, COL_AFTER, "area '%s' cannot come after itself", ar->name);
		if (ar->nafter >= cap)
			return FAIL(ld, r, COL_AFTER, "area '%s': after '%s' is not a list of areas",
				    ar->name, ar->after_text);
		ar->after[ar->nafter++] = (crm_plan_after){ k, lag };
	}
	return CRM_OK;
}

/* Depth-first search for a circle of after columns through area a. */
static int circle_from(const crm_scenario *sc, size_t a, unsigned char *state)
{
	state[a] = 1;
	for (size_t k = 0; k < sc->areas[a].nafter; k++) {
		size_t b = (size_t)sc->areas[a].after[k].area;
		if (state[b] == 1 || (state[b] == 0 && circle_from(sc, b, state)))
			return 1;
	}
	state[a] = 2;
	return 0;
}

crm_status crm_scen_read_areas(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t n = 0, i;
	crm_status st;
	const struct srow **rows;

	for (i = 0; i < ld->nrows; i++)
		n += ld->rows[i].kind == RK_AREA;
	sc->areas = calloc(n + 1, sizeof *sc->areas);
	rows = calloc(n + 1, sizeof *rows);
	if (!sc->areas || !rows) {
		free(rows);
		return crm_scen_nomem(ld);
	}
	for (size_t l = 0; l < sc->nlines; l++)
		sc->lines[l].area_row = -1;
	for (i = 0; i < ld->nrows; i++) {
		const struct srow *r = &ld->rows[i];
		if (r->bad || r->kind != RK_AREA)
			continue;
		size_t before = sc->nareas;
		st = read_area(ld, r);
		if (sc->nareas > before)
			rows[before] = r;
		if (st != CRM_OK && !go_on(ld, st)) {
			free(rows);
			return st;
		}
	}
	for (size_t a = 0; a < sc->nareas; a++)
		if (rows[a] && sc->areas[a].after_text &&
		    (st = read_after(ld, rows[a], a)) != CRM_OK && !go_on(ld, st)) {
			free(rows);
			return st;
		}
	unsigned char *state = calloc(sc->nareas + 1, 1);
	if (!state) {
		free(rows);
		return crm_scen_nomem(ld);
	}
	for (size_t a = 0; a < sc->nareas; a++)
		if (state[a] == 0 && circle_from(sc, a, state)) {
			st = FAIL(ld, rows[a], COL_AFTER, "area '%s': the after columns go round in a "
				  "circle through it (expected each area after others that can go live "
				  "first)", sc->areas[a].name);
			free(state);
			free(rows);
			return go_on(ld, st) ? CRM_OK : st;
		}
	free(state);
	/* A golive that goes against an after column: allowed, but probably unintended. */
	for (size_t a = 0; a < sc->nareas; a++) {
		const crm_plan_area *ar = &sc->areas[a];
		for (size_t k = 0; k < ar->nafter && ar->golive > 0; k++) {
			const crm_plan_area *b = &sc->areas[ar->after[k].area];
			if (b->golive > 0 && ar->golive >= b->golive + ar->after[k].lag)
				continue;
			if (b->golive == CRM_GOLIVE_AS_WRITTEN)
				continue;
			char msg[400];
			if (b->golive == CRM_GOLIVE_SKIP)
				snprintf(msg, sizeof msg, "area '%s' goes live in slot %d, but area '%s' "
					 "it comes after is left out", ar->name, ar->golive, b->name);
			else
				snprintf(msg, sizeof msg, "area '%s' goes live in slot %d, before slot %d: "
					 "%d slot(s) after area '%s' (slot %d)", ar->name, ar->golive,
					 b->golive + ar->after[k].lag, ar->after[k].lag, b->name, b->golive);
			if (crm_warnings_add(&sc->warnings, srow_file(rows[a]), srow_line(rows[a]),
					     fcol(rows[a], COL_GOLIVE), "%s", msg) != CRM_OK) {
				free(rows);
				return crm_scen_nomem(ld);
			}
		}
	}
	free(rows);
	return CRM_OK;
}
