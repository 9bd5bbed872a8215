/*
 * scenario_tracking.c - phases and criteria, and the phase column of a line.
 * kind=phase and kind=criterion rows describe how the program is followed
 * after approval (crmroi track): they add no cash flow. They are read after
 * every other row, so that criteria and lines can name any phase.
 *
 * Not the tracking itself (actuals against the plan, gate verdicts): that is
 * track.c.
 */
#include "scenario_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int crm_scenario_find_phase(const crm_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->nphases; i++)
		if (!strcmp(sc->phases[i].name, name))
			return (int)i;
	return -1;
}

int crm_scenario_find_criterion(const crm_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->ncriteria; i++)
		if (!strcmp(sc->criteria[i].name, name))
			return (int)i;
	return -1;
}

/* Their text is the scenario's (crm_scenario.text). */
void crm_scen_free_tracking(crm_scenario *sc)
{
	free(sc->phases);
	free(sc->criteria);
}

/* The phase named in a row's phase column: its index, or an error with a suggestion. */
static crm_status find_phase_of(struct loader *ld, const struct srow *r, const char *what,
				int *out)
{
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_PHASE);
	char sug[160] = "";

	if ((*out = crm_scenario_find_phase(sc, name)) >= 0)
		return CRM_OK;
	const char **names = malloc((sc->nphases + 1) * sizeof *names);
	if (names) {
		for (size_t i = 0; i < sc->nphases; i++)
			names[i] = sc->phases[i].name;
		crm_suggest(name, names, sc->nphases, sug, sizeof sug);
		free(names);
	}
	if (!sc->nphases)
		return FAIL(ld, r, COL_PHASE, "%s: phase '%s' is not defined (the scenario has no "
			    "kind=phase rows)", what, name);
	return FAIL(ld, r, COL_PHASE, "%s: phase '%s' is not defined%s (expected the name of a "
		    "kind=phase row)", what, name, sug);
}

static crm_status read_phase(struct loader *ld, const struct srow *r)
{
	static const enum col unused[] = { COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
		COL_TIMING, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY, COL_METRIC,
		COL_PHASE, COL_BASELINE, COL_TARGET, COL_DIRECTION, COL_DUE, COL_UNIT, COL_LABEL };
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	crm_phase *ph = &sc->phases[sc->nphases];
	int months = crm_scenario_months(sc), k;
	crm_status st;

	if ((st = crm_scen_check_unused(ld, r, "phase", unused, sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!crm_scen_is_identifier(name))
		return FAIL(ld, r, COL_NAME, "phase name '%s' is not an identifier (expected a letter "
			    "or _ followed by letters, digits or _, e.g. implementation)", name);
	if ((k = crm_scenario_find_phase(sc, name)) >= 0)
		return FAIL(ld, r, COL_NAME, "phase '%s' is defined twice (first on line %d)", name,
			    sc->phases[k].loc.line);
	memset(ph, 0, sizeof *ph);
	if (!given(ld, r, COL_START) || !given(ld, r, COL_END))
		return FAIL(ld, r, given(ld, r, COL_START) ? COL_END : COL_START, "phase '%s' needs "
			    "its start and end months (e.g. start 1, end 6)", name);
	if ((st = crm_scen_get_whole(ld, r, COL_START, "start", 0, months, &ph->start)) != CRM_OK ||
	    (st = crm_scen_get_whole(ld, r, COL_END, "end", 0, months, &ph->end)) != CRM_OK)
		return st;
	if (ph->end < ph->start)
		return FAIL(ld, r, COL_END, "phase '%s': end month %d is before start month %d", name,
			    ph->end, ph->start);
	ph->loc = (crm_loc){ srow_file(r), srow_line(r), 0 };
	sc->nphases++;   /* from here on, crm_scenario_free releases what ph holds */
	if ((st = crm_scen_copy_text(ld, r, COL_NAME, &ph->name)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_OWNER, &ph->owner)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_NOTE, &ph->note)) != CRM_OK)
		return st;
	return CRM_OK;
}

/* A baseline or target cell: a plain number, '%' allowed. */
static crm_status get_level(struct loader *ld, const struct srow *r, enum col c, const char *what,
			    int *has, double *out, int *pct, char **text)
{
	crm_status st;

	*pct = 0;
	if ((st = crm_scen_copy_text(ld, r, c, text)) != CRM_OK)
		return st;
	if (!given(ld, r, c))
		return CRM_OK;
	if ((st = crm_scen_get_number(ld, r, c, what, out, pct)) != CRM_OK)
		return st;
	*has = 1;
	return CRM_OK;
}

static crm_status read_criterion(struct loader *ld, const struct srow *r)
{
	static const enum col unused[] = { COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
		COL_TIMING, COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK,
		COL_PROBABILITY, COL_LABEL };
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	crm_criterion *cr = &sc->criteria[sc->ncriteria];
	char what[200];
	int k, bpct = 0, tpct = 0;
	crm_status st;

	if ((st = crm_scen_check_unused(ld, r, "criterion", unused,
					sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!crm_scen_is_identifier(name))
		return FAIL(ld, r, COL_NAME, "criterion name '%s' is not an identifier (expected a "
			    "letter or _ followed by letters, digits or _, e.g. lead_conversion)", name);
	if ((k = crm_scenario_find_criterion(sc, name)) >= 0)
		return FAIL(ld, r, COL_NAME, "criterion '%s' is defined twice (first on line %d)",
			    name, sc->criteria[k].loc.line);
	snprintf(what, sizeof what, "criterion '%s'", name);
	memset(cr, 0, sizeof *cr);
	cr->loc = (crm_loc){ srow_file(r), srow_line(r), 0 };
	sc->ncriteria++;   /* from here on, crm_scenario_free releases what cr holds */
	if ((st = crm_scen_copy_text(ld, r, COL_NAME, &cr->name)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_METRIC, &cr->metric)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_UNIT, &cr->unit)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_OWNER, &cr->owner)) != CRM_OK ||
	    (st = crm_scen_copy_text(ld, r, COL_NOTE, &cr->note)) != CRM_OK ||
	    (st = get_level(ld, r, COL_BASELINE, "baseline", &cr->has_baseline, &cr->baseline,
			    &bpct, &cr->baseline_text)) != CRM_OK ||
	    (st = get_level(ld, r, COL_TARGET, "target", &cr->has_target, &cr->target, &tpct,
			    &cr->target_text)) != CRM_OK)
		return st;
	if (!given(ld, r, COL_PHASE))
		return FAIL(ld, r, COL_PHASE, "%s needs the phase it measures (the phase column)",
			    what);
	if ((st = find_phase_of(ld, r, what, &cr->phase)) != CRM_OK)
		return st;
	if (cr->has_baseline && cr->has_target && bpct != tpct)
		return FAIL(ld, r, COL_TARGET, "%s: baseline '%s' and target '%s' must both be "
			    "percentages or both plain numbers", what, cr->baseline_text, cr->target_text);
	cr->percent = bpct || tpct;
	const char *d = field(ld, r, COL_DIRECTION);
	if (!*d || !strcasecmp(d, "up"))
		cr->direction = CRM_DIR_UP;
	else if (!strcasecmp(d, "down"))
		cr->direction = CRM_DIR_DOWN;
	else
		return FAIL(ld, r, COL_DIRECTION, "%s: direction '%s' is not known (expected up, "
			    "higher is better, or down, lower is better)", what, d);
	if (cr->has_baseline && cr->has_target) {
		if (cr->baseline == cr->target)
			return FAIL(ld, r, COL_TARGET, "%s: target %s equals the baseline (progress "
				    "runs from baseline to target; expected a different target)", what,
				    cr->target_text);
		if ((cr->direction == CRM_DIR_UP) != (cr->target > cr->baseline))
			return FAIL(ld, r, COL_TARGET, "%s: target %s is %s the baseline %s, but "
				    "direction is %s (expected direction=%s, or another target)", what,
				    cr->target_text, cr->target > cr->baseline ? "above" : "below",
				    cr->baseline_text, cr->direction == CRM_DIR_UP ? "up" : "down",
				    cr->direction == CRM_DIR_UP ? "down" : "up");
	}
	if (given(ld, r, COL_DUE) &&
	    (st = crm_scen_get_whole(ld, r, COL_DUE, "due", 1, crm_scenario_months(sc), &cr->due)) != CRM_OK)
		return st;
	return CRM_OK;
}

crm_status crm_scen_read_tracking(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t nph = 0, ncr = 0, i;
	crm_status st;

	for (i = 0; i < ld->nrows; i++) {
		nph += ld->rows[i].kind == RK_PHASE;
		ncr += ld->rows[i].kind == RK_CRITERION;
	}
	sc->phases = calloc(nph + 1, sizeof *sc->phases);
	sc->criteria = calloc(ncr + 1, sizeof *sc->criteria);
	if (!sc->phases || !sc->criteria)
		return crm_scen_nomem(ld);
	for (i = 0; i < ld->nrows; i++)
		if (!ld->rows[i].bad && ld->rows[i].kind == RK_PHASE &&
		    (st = read_phase(ld, &ld->rows[i])) != CRM_OK && !go_on(ld, st))
			return st;
	for (i = 0; i < ld->nrows; i++) {
		const struct srow *r = &ld->rows[i];
		const char *kind = field(ld, r, COL_KIND);
		int is_line = r->kind == RK_COST || r->kind == RK_BENEFIT;
		if (r->bad)
			continue;
		if (r->kind == RK_CRITERION) {
			if ((st = read_criterion(ld, r)) != CRM_OK && !go_on(ld, st))
				return st;
			continue;
		}
		if (r->kind == RK_PHASE)
			continue;
		/* Other rows: the tracking columns mean nothing there. */
		static const enum col tracking_cols[] = { COL_BASELINE, COL_TARGET, COL_DIRECTION,
			COL_DUE };
		if ((st = crm_scen_check_unused(ld, r, kind, tracking_cols,
						sizeof tracking_cols / sizeof *tracking_cols)) != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			continue;
		}
		if (!is_line) {
			static const enum col phase_col[] = { COL_PHASE };
			if ((st = crm_scen_check_unused(ld, r, kind, phase_col, 1)) != CRM_OK &&
			    !go_on(ld, st))
				return st;
			continue;
		}
		/* The line this row was read into (none when its row had an error). */
		if (r->line_index < 0)
			continue;
		crm_line *ln = &sc->lines[r->line_index];
		ln->phase = -1;
		if (given(ld, r, COL_PHASE)) {
			char what[300];
			snprintf(what, sizeof what, "%s '%s'", ln->kind == CRM_COST ? "cost" : "benefit",
				 ln->label);
			if ((st = find_phase_of(ld, r, what, &ln->phase)) != CRM_OK && !go_on(ld, st))
				return st;
		}
	}
	return CRM_OK;
}
