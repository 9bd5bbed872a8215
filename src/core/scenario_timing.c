/*
 * scenario_timing.c - the checks that need every input and line read: inputs
 * that refer to each other in a circle; the months of lines whose start, end
 * or ramp is a formula over inputs, computed at the inputs' values and checked
 * at both ends of their ranges; the inputs used as shares of adoption; each
 * group's first month. Also the input order and the evaluation of a line's
 * timing, which the model uses again for each draw.
 *
 * Not the reading of those formulas: they are compiled with their lines in
 * scenario_lines.c.
 */
#include "scenario_priv.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- cycles */

/*
 * Inputs may refer to each other in any order, but not in a circle unless the
 * circle passes through prev(). Depth-first search with colours; on a back
 * edge the stack holds the cycle, which the message spells out.
 */
crm_status crm_scen_check_cycles(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t n = sc->ninputs;
	int *colour = calloc(n + 1, sizeof *colour);   /* 0 new, 1 on stack, 2 done */
	int *stack = malloc((n + 1) * sizeof *stack);
	size_t *next = calloc(n + 1, sizeof *next);
	crm_status st = CRM_OK;

	if (!colour || !stack || !next) {
		st = crm_scen_nomem(ld);
		goto done;
	}
	for (size_t root = 0; root < n; root++) {
		size_t sp = 0;
		if (colour[root])
			continue;
		stack[sp++] = (int)root;
		colour[root] = 1;
		while (sp) {
			int v = stack[sp - 1];
			const int *deps;
			/* An input whose value failed to compile (while checking) has none. */
			size_t nd = sc->inputs[v].value ? crm_expr_deps(sc->inputs[v].value, &deps) : 0;
			if (next[v] < nd) {
				int w = deps[next[v]++];
				if (colour[w] == 1) {
					char msg[600] = "";
					size_t from = sp;
					while (from > 0 && stack[from - 1] != w)
						from--;
					from = from ? from - 1 : 0;
					for (size_t k = from; k < sp; k++)
						crm_appendf(msg, sizeof msg, "%s -> ", sc->inputs[stack[k]].name);
					crm_appendf(msg, sizeof msg, "%s", sc->inputs[w].name);
					st = crm_scen_fail_at(ld, sc->inputs[w].loc, "inputs refer to "
							      "each other in a circle: %s (break the "
							      "circle with prev(name) or a number)", msg);
					goto done;
				}
				if (colour[w] == 0) {
					colour[w] = 1;
					stack[sp++] = w;
				}
			} else {
				colour[v] = 2;
				sp--;
			}
		}
	}
done:
	free(colour);
	free(stack);
	free(next);
	return st;
}

/* ------------------------------------------------------- timing from inputs */

int crm_line_has_timing_formula(const crm_line *ln)
{
	return crm_line_timing_expr(ln, 0) || crm_line_timing_expr(ln, 1) || crm_line_timing_expr(ln, 2);
}

/* "golive = 14, lag = 2": the inputs formula e uses and their values. */
static void name_values(const crm_scenario *sc, const crm_expr *e, const double *vals, char *buf,
			size_t len)
{
	const int *deps;
	size_t n = e ? crm_expr_deps(e, &deps) : 0;

	for (size_t k = 0; k < n; k++) {
		char needle[160];
		snprintf(needle, sizeof needle, ", %s = ", sc->inputs[deps[k]].name);
		if (!strncmp(buf, needle + 2, strlen(needle + 2)) || strstr(buf, needle))
			continue;   /* named already by another formula */
		crm_appendf(buf, len, "%s%s = %.10g", buf[0] ? ", " : "", sc->inputs[deps[k]].name,
			    vals[deps[k]]);
	}
}

crm_status crm_line_timing_eval(const crm_scenario *sc, const crm_line *ln, const double *vals,
				crm_line_timing *out, crm_error *err)
{
	static const char *const field_name[3] = { "start", "end", "ramp" };
	crm_expr_env env = { vals, vals, 1, 1 };
	int got[3] = { ln->start, ln->end_given, ln->ramp };
	const char *what = ln->kind == CRM_COST ? "cost" : "benefit";

	for (int k = 0; k < 3; k++) {
		const crm_expr *e = crm_line_timing_expr(ln, k);
		if (!e)
			continue;
		double x = round(crm_expr_eval(e, &env));   /* halves away from zero */
		int lo = k == CRM_TIMING_END || (k == CRM_TIMING_START && ln->timing != CRM_ONCE) ? 1 : 0;
		if (crm_scen_timing_month(ln, k, x, &got[k]))
			continue;
		char used[400] = "", why[160];
		name_values(sc, e, vals, used, sizeof used);
		/* A month of many digits is shown in 6 significant ones (1e+300, not 300 digits). */
		const char *mf = fabs(x) < 1e9 ? "%.0f" : "%.6g";
		char num[64];
		snprintf(num, sizeof num, mf, x);
		if (!isfinite(x))
			snprintf(why, sizeof why, "not a number");
		else if (k == CRM_TIMING_RAMP)
			snprintf(why, sizeof why, "%s months", num);
		else
			snprintf(why, sizeof why, "month %s", num);
		return crm_error_set(err, CRM_EDATA, crm_line_timing_loc(ln, k).file, crm_line_timing_loc(ln, k).line,
				     crm_line_timing_loc(ln, k).col, "%s '%s': %s '%s' gives %s%s%s (expected %s "
				     "to %d%s)", what, ln->label, field_name[k], crm_line_timing_text(ln, k), why,
				     used[0] ? " with " : "", used,
				     k == CRM_TIMING_RAMP ? "0 months" : lo ? "month 1" : "month 0",
				     MONTH_MAX, k == CRM_TIMING_START && lo ? ": a recurring line starts "
				     "in month 1 at the earliest" : k == CRM_TIMING_START ? ": month 0 is "
				     "the Initial column" : k == CRM_TIMING_RAMP ? " months" : "");
	}
	if (ln->timing != CRM_ONCE && got[CRM_TIMING_END] && got[CRM_TIMING_END] < got[CRM_TIMING_START]) {
		int k = crm_line_timing_expr(ln, CRM_TIMING_END) ? CRM_TIMING_END : CRM_TIMING_START;
		char used[400] = "";
		name_values(sc, crm_line_timing_expr(ln, CRM_TIMING_START), vals, used, sizeof used);
		name_values(sc, crm_line_timing_expr(ln, CRM_TIMING_END), vals, used, sizeof used);
		/* Each month with the formula that gave it: "end 'golive - 2' gives month 2". */
		char endw[300], startw[300];
		if (crm_line_timing_expr(ln, CRM_TIMING_END))
			snprintf(endw, sizeof endw, "end '%s' gives month %d",
				 crm_line_timing_text(ln, CRM_TIMING_END), got[CRM_TIMING_END]);
		else
			snprintf(endw, sizeof endw, "end month %d", got[CRM_TIMING_END]);
		if (crm_line_timing_expr(ln, CRM_TIMING_START))
			snprintf(startw, sizeof startw, "start '%s' (month %d)",
				 crm_line_timing_text(ln, CRM_TIMING_START), got[CRM_TIMING_START]);
		else
			snprintf(startw, sizeof startw, "start month %d", got[CRM_TIMING_START]);
		return crm_error_set(err, CRM_EDATA, crm_line_timing_loc(ln, k).file, crm_line_timing_loc(ln, k).line,
				     crm_line_timing_loc(ln, k).col, "%s '%s': %s, before %s%s%s (expected an "
				     "end at or after the start)", what, ln->label, endw, startw,
				     used[0] ? " with " : "", used);
	}
	out->start = got[CRM_TIMING_START];
	out->end_given = got[CRM_TIMING_END];
	out->ramp = got[CRM_TIMING_RAMP];
	return CRM_OK;
}

int crm_scenario_input_order(const crm_scenario *sc, int *order)
{
	size_t n = sc->ninputs, k = 0;
	char *seen = calloc(n + 1, 1);
	int *stack = malloc((n + 1) * sizeof *stack);
	size_t *next = calloc(n + 1, sizeof *next);
	int rc = -1;

	if (!seen || !stack || !next)
		goto done;
	for (size_t root = 0; root < n; root++) {
		size_t sp = 0;
		if (seen[root])
			continue;
		seen[root] = 1;
		stack[sp++] = (int)root;
		while (sp) {
			int v = stack[sp - 1];
			const int *deps;
			size_t nd = sc->inputs[v].value ? crm_expr_deps(sc->inputs[v].value, &deps) : 0;
			if (next[v] < nd) {
				int w = deps[next[v]++];
				if (!seen[w]) {
					seen[w] = 1;
					stack[sp++] = w;
				}
			} else {
				order[k++] = v;
				sp--;
			}
		}
	}
	rc = 0;
done:
	free(seen);
	free(stack);
	free(next);
	return rc;
}

/*
 * Marks every input e uses, directly or through others, as driving timing
 * field k. stack has room for every input. Depth-first without recursion:
 * a chain of inputs may be as long as the file.
 */
static void mark_timing(crm_scenario *sc, const crm_expr *e, int k, int *stack)
{
	const int *deps;
	size_t n = crm_expr_deps(e, &deps), sp = 0;

	for (size_t d = 0; d < n; d++)
		if (!(sc->inputs[deps[d]].timing & (1 << k))) {
			sc->inputs[deps[d]].timing |= 1 << k;
			stack[sp++] = deps[d];
		}
	while (sp) {
		const crm_input *in = &sc->inputs[stack[--sp]];
		n = in->value ? crm_expr_deps(in->value, &deps) : 0;
		for (size_t d = 0; d < n; d++)
			if (!(sc->inputs[deps[d]].timing & (1 << k))) {
				sc->inputs[deps[d]].timing |= 1 << k;
				stack[sp++] = deps[d];
			}
	}
}

/* An adoption input written as numbers: every one a share from 0 to 1. */
static crm_status check_adoption_input(struct loader *ld, const crm_input *in)
{
	crm_scenario *sc = ld->sc;
	const char *user = "";

	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].adoption >= 0 && &sc->inputs[sc->lines[l].adoption] == in) {
			user = sc->lines[l].label;
			break;
		}
	if (crm_expr_kind(in->value) == CRM_VALUE_NUMBER) {
		double x = crm_expr_number(in->value);
		if (!(x >= 0 && x <= 1))
			return crm_scen_fail_at(ld, in->loc, "input '%s': %s is not a share of "
						"adoption (expected 0%% to 100%%; benefit '%s' is "
						"multiplied by it)", in->name, in->value_text, user);
	} else if (crm_expr_kind(in->value) == CRM_VALUE_SERIES) {
		const double *v;
		size_t n = crm_expr_series(in->value, &v);
		for (size_t y = 0; y < n && y < (size_t)sc->settings.horizon_years; y++)
			if (!(v[y] >= 0 && v[y] <= 1))
				return crm_scen_fail_at(ld, in->loc, "input '%s': %g%% in year %zu is "
							"not a share of adoption (expected 0%% to "
							"100%%; benefit '%s' is multiplied by it)",
							in->name, v[y] * 100, y + 1, user);
	}
	if (in->range.given &&
	    (in->range.dist == CRM_DIST_NORMAL || in->range.dist == CRM_DIST_LOGNORMAL))
		/* Draws beyond low and high are checked nowhere: a share must be bounded. */
		return crm_scen_fail_at(ld, crm_range_loc(&in->range, CRM_RANGE_DIST), "input '%s': dist %s draws beyond "
					"low and high, and the input is a share of adoption "
					"(benefit '%s' is multiplied by it), so a draw could give a "
					"share below 0%% or above 100%% (use triangular, pert or "
					"uniform, which stay within %s to %s)", in->name,
					crm_dist_name(in->range.dist), user, in->range.low_text,
					in->range.high_text);
	if (in->range.given) {
		int bad_low = !(in->range.low >= 0 && in->range.low <= 1);
		if (bad_low || !(in->range.high >= 0 && in->range.high <= 1))
			return crm_scen_fail_at(ld, crm_range_loc(&in->range, bad_low ? CRM_RANGE_LOW : CRM_RANGE_HIGH),
						"input '%s': %s %s is not a share of adoption "
						"(expected 0%% to 100%%; benefit '%s' is multiplied by "
						"it)", in->name, bad_low ? "low" : "high",
						bad_low ? in->range.low_text : in->range.high_text, user);
	}
	return CRM_OK;
}

/*
 * Once every input and line is read: the lines whose start, end or ramp is a
 * formula get their months at the inputs' own values, checked as if written;
 * a formula that could give another month in each period is refused; an
 * input with a range that drives timing is checked at both ends of it, so
 * that sensitivity and simulation do not find a bad month halfway.
 */
crm_status crm_scen_resolve_timing(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t ni = sc->ninputs;
	int any = 0;
	crm_status st = CRM_OK;

	for (size_t i = 0; i < ni; i++)
		if (sc->inputs[i].adoption && !ld->input_bad[i] && sc->inputs[i].value &&
		    (st = check_adoption_input(ld, &sc->inputs[i])) != CRM_OK && !go_on(ld, st))
			return st;
	for (size_t l = 0; l < sc->nlines; l++)
		any |= !ld->line_bad[l] && crm_line_has_timing_formula(&sc->lines[l]);
	if (!any)
		return CRM_OK;
	int *order = malloc((ni + 1) * sizeof *order);
	double *vals = calloc(ni + 1, sizeof *vals), *trial = calloc(ni + 1, sizeof *trial);
	char *fixed = calloc(ni + 1, 1), *ok = calloc(ni + 1, 1);
	int *stack = malloc((ni + 1) * sizeof *stack);
	if (!order || !vals || !trial || !fixed || !ok || !stack ||
	    crm_scenario_input_order(sc, order) != 0) {
		st = crm_scen_nomem(ld);
		goto done;
	}
	/* The inputs' own values in month 1; which of them never change; which compiled. */
	crm_expr_env env = { vals, trial, 1, 1 };   /* trial is all zeros: prev() in month 1 */
	for (size_t k = 0; k < ni; k++) {
		int i = order[k];
		const crm_input *in = &sc->inputs[i];
		const int *deps;
		size_t nd;
		if (ld->input_bad[i] || !in->value)
			continue;
		nd = crm_expr_deps(in->value, &deps);
		ok[i] = fixed[i] = 1;
		fixed[i] = !crm_expr_uses_time(in->value);
		for (size_t d = 0; d < nd; d++) {
			ok[i] &= ok[deps[d]];
			fixed[i] &= fixed[deps[d]];
		}
		vals[i] = ok[i] ? crm_expr_eval(in->value, &env) : NAN;
	}
	for (size_t l = 0; l < sc->nlines; l++) {
		crm_line *ln = &sc->lines[l];
		crm_line_timing t;
		crm_error e;
		const char *what = ln->kind == CRM_COST ? "cost" : "benefit";
		int usable = 1;
		if (ld->line_bad[l] || !crm_line_has_timing_formula(ln))
			continue;
		for (int k = 0; k < 3 && usable; k++) {
			static const char *const field_name[3] = { "start", "end", "ramp" };
			const crm_expr *ex = crm_line_timing_expr(ln, k);
			const int *deps;
			if (!ex)
				continue;
			if (crm_expr_uses_time(ex)) {
				st = crm_scen_fail_at(ld, crm_line_timing_loc(ln, k), "%s '%s': %s '%s' can "
						      "change from period to period (it uses year, "
						      "month, prev() or a series), and a line has one "
						      "%s month (use inputs that keep one value)", what,
						      ln->label, field_name[k], crm_line_timing_text(ln, k),
						      field_name[k]);
				usable = 0;
				break;
			}
			size_t nd = crm_expr_deps(ex, &deps);
			for (size_t d = 0; d < nd; d++) {
				if (!ok[deps[d]]) {
					usable = 0;   /* its input's own error is reported already */
					break;
				}
				if (!fixed[deps[d]]) {
					st = crm_scen_fail_at(ld, crm_line_timing_loc(ln, k), "%s '%s': %s '%s' "
							      "uses input '%s', which changes from "
							      "period to period (a series, year, month "
							      "or prev()), and a line has one %s month "
							      "(use inputs that keep one value)", what,
							      ln->label, field_name[k], crm_line_timing_text(ln, k),
							      sc->inputs[deps[d]].name, field_name[k]);
					usable = 0;
					break;
				}
			}
		}
		if (!usable) {
			if (st != CRM_OK && !go_on(ld, st))
				goto done;
			st = CRM_OK;
			continue;
		}
		crm_error_clear(&e);
		if (crm_line_timing_eval(sc, ln, vals, &t, &e) != CRM_OK) {
			st = crm_scen_record(ld, &e);
			if (!go_on(ld, st))
				goto done;
			st = CRM_OK;
			continue;
		}
		int months = crm_scenario_months(sc);
		ln->start = t.start;
		ln->end_given = t.end_given;
		ln->ramp = t.ramp;
		ln->end = ln->timing == CRM_ONCE ? ln->start : t.end_given ? t.end_given : months;
		if (ln->end > months)
			ln->end = months;
		if (ln->start > months &&
		    crm_warnings_add(&sc->warnings, crm_line_timing_loc(ln, 0).file ? crm_line_timing_loc(ln, 0).file
				     : ln->loc.file, crm_line_timing_loc(ln, 0).file ? crm_line_timing_loc(ln, 0).line
				     : ln->loc.line, crm_line_timing_loc(ln, 0).col, "%s '%s': starts in month "
				     "%d, after the %d-month horizon; the line adds nothing", what,
				     ln->label, ln->start, months) != CRM_OK) {
			st = crm_scen_nomem(ld);
			goto done;
		}
		for (int k = 0; k < 3; k++)
			if (crm_line_timing_expr(ln, k))
				mark_timing(sc, crm_line_timing_expr(ln, k), k, stack);
	}
	/* The ends of every range that moves a timing: each one on its own, the rest at base. */
	for (size_t i = 0; i < ni; i++) {
		const crm_input *in = &sc->inputs[i];
		if (!in->timing || !in->range.given || !ok[i])
			continue;
		if (in->range.dist == CRM_DIST_NORMAL || in->range.dist == CRM_DIST_LOGNORMAL) {
			/* Draws beyond low and high are checked nowhere: such a month must be bounded. */
			st = crm_scen_fail_at(ld, crm_range_loc(&in->range, CRM_RANGE_DIST), "input '%s': dist %s draws "
					      "beyond low and high, and the input moves a line's months, "
					      "so a draw could give a month no line can have (use "
					      "triangular, pert or uniform, which stay within %s to %s)",
					      in->name, crm_dist_name(in->range.dist),
					      in->range.low_text, in->range.high_text);
			if (!go_on(ld, st))
				goto done;
			st = CRM_OK;
			continue;
		}
		for (int end = 0; end < 2; end++) {
			double x = end ? in->range.high : in->range.low;
			memcpy(trial, vals, ni * sizeof *trial);
			trial[i] = x;
			crm_expr_env te = { trial, vals, 1, 1 };
			for (size_t k = 0; k < ni; k++) {
				int j = order[k];
				if ((size_t)j != i && ok[j] && fixed[j] && sc->inputs[j].timing)
					trial[j] = crm_expr_eval(sc->inputs[j].value, &te);
			}
			for (size_t l = 0; l < sc->nlines; l++) {
				const crm_line *ln = &sc->lines[l];
				crm_line_timing t;
				crm_error e;
				if (ld->line_bad[l] || !crm_line_has_timing_formula(ln))
					continue;
				crm_error_clear(&e);
				crm_loc at = crm_range_loc(&in->range, end ? CRM_RANGE_HIGH : CRM_RANGE_LOW);
				int months = crm_scenario_months(sc);
				if (crm_line_timing_eval(sc, ln, trial, &t, &e) == CRM_OK) {
					/* As a literal start after the horizon: a warning, once an end. */
					if (t.start <= months || ln->start > months)
						continue;
					if (crm_warnings_add(&sc->warnings, at.file ? at.file : sc->file,
							     at.line, at.col, "input '%s': its %s %s starts %s "
							     "'%s' in month %d, after the %d-month horizon; "
							     "there the line adds nothing", in->name,
							     end ? "high" : "low", end ? in->range.high_text
							     : in->range.low_text, ln->kind == CRM_COST
							     ? "cost" : "benefit", ln->label, t.start,
							     months) != CRM_OK) {
						st = crm_scen_nomem(ld);
						goto done;
					}
					break;
				}
				st = crm_scen_fail_at(ld, at, "input '%s': its %s %s gives a bad "
						      "month: %s", in->name, end ? "high" : "low",
						      end ? in->range.high_text : in->range.low_text,
						      e.msg);
				if (!go_on(ld, st))
					goto done;
				st = CRM_OK;
				break;
			}
		}
	}
done:
	free(order);
	free(stack);
	free(vals);
	free(trial);
	free(fixed);
	free(ok);
	return st;
}

/* ----------------------------------------------------------------- groups */

/* Each group's first month, once every line's timing is known (timing may be a formula). */
void crm_scen_group_months(crm_scenario *sc)
{
	for (size_t g = 0; g < sc->ngroups; g++)
		sc->groups[g].first_month = INT_MAX;
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->group >= 0 && ln->start < sc->groups[ln->group].first_month)
			sc->groups[ln->group].first_month = ln->start;
	}
}
