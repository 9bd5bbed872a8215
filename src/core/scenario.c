/*
 * scenario.c - scenario CSV rows to settings, inputs and lines, fully checked:
 * the loader's entry points, and the driver that runs its stages in order.
 *
 * Loading is two passes over the rows: the first reads the header, settings
 * and the names of all inputs (so a formula may use an input defined further
 * down); the second compiles every value and checks every field; then the
 * months of lines whose start, end or ramp is a formula are computed from the
 * inputs and checked (crm_scen_resolve_timing). The first problem found stops
 * the load, with its file, line and column. Problems that do not make the
 * numbers wrong (a line that starts after the horizon) are collected as
 * warnings instead.
 *
 * Each stage is a file of its own (scenario_priv.h lists them). This file
 * reads no row kind itself: it calls the stages, and none of them calls it.
 */
#include "crmroi/scenario.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crmroi/assess.h"
#include "scenario_priv.h"

/* ------------------------------------------------------------------- load */

static crm_status load_rows(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t ninputs = 0, nlines = 0, ncorr = 0;
	crm_status st;
	size_t i;

	/* Pass 1: kinds, settings, input names. A bad row is marked and, while
	 * checking, skipped from then on, so that it is reported once. */
	for (i = 0; i < ld->nrows; i++) {
		struct srow *r = &ld->rows[i];
		const char *kind;
		kind = field(ld, r, COL_KIND);
		st = CRM_OK;
		int is_area = r->kind == RK_AREA;
		if (r->kind != RK_COST && r->kind != RK_BENEFIT && !is_area)
			st = crm_scen_check_line_columns(ld, r, kind);
		if (st == CRM_OK && !is_area)
			st = crm_scen_check_area_columns(ld, r, kind);
		if (r->kind == RK_PHASE || r->kind == RK_CRITERION || is_area) {
			/* phases and criteria: crm_scen_read_tracking; areas: crm_scen_read_areas */
			if (st != CRM_OK) {
				if (!go_on(ld, st))
					return st;
				r->bad = 1;
			}
			continue;
		}
		/* Every input, line and correlation row is counted, a bad one too: the
		 * arrays are sized from these counts. */
		if (r->kind == RK_INPUT)
			ninputs++;
		else if (r->kind == RK_COST || r->kind == RK_BENEFIT)
			nlines++;
		else if (r->kind == RK_CORRELATION)
			ncorr++;
		else if (st != CRM_OK) {
			/* reported already */
		} else if (r->kind == RK_SETTING) {
			st = crm_scen_read_setting(ld, r);
		} else if (!*kind) {
			st = FAIL(ld, r, COL_KIND, "the row has no kind (expected setting, input, cost, "
				  "benefit, correlation, phase, criterion or area; a comment row starts "
				  "with #)");
		} else {
			static const char *const kinds[] = { "setting", "input", "cost", "benefit",
				"correlation", "phase", "criterion", "area" };
			char sug[160];
			crm_suggest(kind, kinds, 8, sug, sizeof sug);
			st = FAIL(ld, r, COL_KIND, "unknown kind '%s'%s (expected setting, input, "
				  "cost, benefit, correlation, phase, criterion or area)", kind, sug);
		}
		if (st == CRM_OK && r->kind != RK_SETTING && r->kind != RK_AREA &&
		    !given(ld, r, COL_VALUE))
			st = FAIL(ld, r, COL_VALUE, "%s '%s' has no value (expected a number, a "
				  "series like 100;120;150, or a formula)", kind, field(ld, r, COL_NAME));
		if (st != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			r->bad = 1;
		}
	}
	if ((st = crm_scen_settings_done(ld)) != CRM_OK)
		return st;
	sc->inputs = calloc(ninputs + 1, sizeof *sc->inputs);
	sc->lines = calloc(nlines + 1, sizeof *sc->lines);
	sc->correlations = calloc(ncorr + 1, sizeof *sc->correlations);
	ld->input_bad = calloc(ninputs + 1, 1);
	ld->line_bad = calloc(nlines + 1, 1);
	if (!sc->inputs || !sc->lines || !sc->correlations || !ld->input_bad || !ld->line_bad)
		return crm_scen_nomem(ld);
	/* Every input's name is known before any formula is compiled. An input whose
	 * row is bad still declares its name, so formulas using it are not blamed. */
	for (i = 0; i < ld->nrows; i++) {
		struct srow *r = &ld->rows[i];
		if (r->kind != RK_INPUT)
			continue;
		r->input = (int)sc->ninputs;
		if ((st = crm_scen_declare_input(ld, r)) != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			r->bad = 1;
			r->input = -1;
		}
	}

	/* Pass 2: compile and check inputs and lines. */
	for (i = 0; i < ld->nrows; i++) {
		struct srow *r = &ld->rows[i];
		int is_input = r->kind == RK_INPUT;
		size_t lines_before = sc->nlines;
		r->line_index = -1;
		if (is_input && r->input < 0)
			continue;
		if (r->bad) {
			if (is_input)
				ld->input_bad[r->input] = 1;
			continue;
		}
		if (is_input)
			st = crm_scen_read_input(ld, r, &sc->inputs[r->input]);
		else if (r->kind == RK_COST)
			st = crm_scen_read_line(ld, r, CRM_COST);
		else if (r->kind == RK_BENEFIT)
			st = crm_scen_read_line(ld, r, CRM_BENEFIT);
		else
			st = CRM_OK;
		if (st == CRM_EDATA && !is_input)
			crm_scen_explain_shift(ld, r);
		if (sc->nlines > lines_before)
			r->line_index = (int)lines_before;
		if (st != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			if (is_input)
				ld->input_bad[r->input] = 1;
			else if (sc->nlines > lines_before)
				ld->line_bad[lines_before] = 1;
		}
	}
	/* Every line of a group carries the group's probability. */
	for (i = 0; i < sc->nlines; i++)
		if (sc->lines[i].group >= 0)
			sc->lines[i].probability = sc->groups[sc->lines[i].group].probability;
	/* Correlations last: they refer to inputs' ranges. */
	for (i = 0; i < ld->nrows; i++) {
		const struct srow *r = &ld->rows[i];
		if (r->bad || r->kind != RK_CORRELATION)
			continue;
		st = crm_scen_read_correlation(ld, r);
		if (st != CRM_OK && !go_on(ld, st))
			return st;
	}
	if ((st = crm_scen_read_tracking(ld)) != CRM_OK && !go_on(ld, st))
		return st;
	for (i = 0; i < sc->nlines; i++) {
		crm_line *ln = &sc->lines[i];
		if (!ln->risk_given)
			ln->risk = ln->kind == CRM_BENEFIT ? sc->settings.benefit_risk : sc->settings.cost_risk;
	}
	if (sc->nlines == 0 && !ld->nerrors)
		crm_warnings_add(&sc->warnings, sc->file, 0, 0, "the scenario has no cost or benefit "
				 "lines; every result is 0");
	if ((st = crm_scen_check_placeholders(ld)) != CRM_OK && !go_on(ld, st))
		return st;
	st = crm_scen_check_cycles(ld);
	if (st == CRM_OK)
		st = crm_scen_resolve_timing(ld);
	crm_scen_group_months(sc);
	if (st != CRM_OK && !go_on(ld, st))
		return st;
	/* The roll-out plan's areas, once every line's months are known; a golive moves them. */
	for (i = 0; i < sc->nlines; i++) {
		sc->lines[i].written_start = sc->lines[i].start;
		sc->lines[i].written_end_given = sc->lines[i].end_given;
	}
	crm_status sa = crm_scen_read_areas(ld);
	if (sa != CRM_OK && !go_on(ld, sa))
		return sa;
	for (i = 0; i < sc->nareas; i++)
		if (sc->areas[i].golive != CRM_GOLIVE_AS_WRITTEN)
			crm_scenario_set_golive(sc, i, sc->areas[i].golive);
	return CRM_OK;
}

void crm_scenario_set_golive(crm_scenario *sc, size_t a, int golive)
{
	crm_plan_area *ar = &sc->areas[a];
	int months = crm_scenario_months(sc);
	int shift = golive > 0 ? crm_plan_slot_month(sc, golive) - ar->written_month : 0;

	for (size_t k = 0; k < ar->nlines; k++) {
		crm_line *ln = &sc->lines[ar->lines[k]];
		ln->skipped = golive == CRM_GOLIVE_SKIP;
		ln->shift = shift;
		ln->start = crm_line_shift_month(ln->written_start, shift);
		ln->end_given = ln->written_end_given
			? crm_line_shift_month(ln->written_end_given, shift) : 0;
		if (ln->end_given && ln->end_given < ln->start)
			ln->end_given = ln->start;
		ln->end = ln->timing == CRM_ONCE ? ln->start
			: ln->end_given && ln->end_given < months ? ln->end_given : months;
	}
	crm_scen_group_months(sc);
}

static crm_scenario *scenario_new(const char *name)
{
	crm_scenario *sc = calloc(1, sizeof *sc);

	if (!sc)
		return NULL;
	sc->file = xstrdup(name);
	sc->settings.title = xstrdup("");
	sc->settings.currency = xstrdup("USD");
	sc->settings.discount_rate_note = xstrdup("");
	sc->settings.horizon_years = 3;
	sc->settings.discount_rate = 0.10;
	sc->settings.grid = CRM_GRID_YEAR;
	sc->settings.readiness_score = CRM_ASSESS_MAX_POINTS;
	sc->settings.readiness_floor = 0.50;
	sc->settings.declining_factor = 2.0;
	sc->settings.classes = CRM_CLASSES_DEFAULT;
	sc->settings.plan_slot_months = 3;
	if (!sc->file || !sc->settings.title || !sc->settings.currency ||
	    !sc->settings.discount_rate_note) {
		crm_scenario_free(sc);
		return NULL;
	}
	return sc;
}

/* The text of rows (names, labels, notes, x_ values) is in sc->text, freed at once. */
void crm_scenario_free(crm_scenario *sc)
{
	if (!sc)
		return;
	for (size_t i = 0; i < sc->ninputs; i++)
		crm_expr_free(sc->inputs[i].value);
	free(sc->inputs);
	for (size_t i = 0; i < sc->nlines; i++) {
		crm_line *ln = &sc->lines[i];
		crm_expr_free(ln->value);
		for (int k = 0; ln->formulas && k < 3; k++)
			crm_expr_free(ln->formulas->expr[k]);
	}
	free(sc->lines);
	for (size_t g = 0; g < sc->ngroups; g++)
		free(sc->groups[g].decide);
	free(sc->groups);
	free(sc->correlations);
	crm_scen_free_tracking(sc);
	crm_scen_free_areas(sc);
	for (size_t k = 0; k < sc->nfiles; k++)
		free(sc->files[k]);
	free(sc->files);
	free(sc->origins);
	for (size_t k = 0; k < sc->nextra; k++)
		free(sc->extra_names[k]);
	free(sc->extra_names);
	free(sc->settings.title);
	free(sc->settings.currency);
	free(sc->settings.discount_rate_note);
	free(sc->settings.readiness);
	crm_warnings_free(&sc->warnings);
	crm_scen_text_free(sc);
	free(sc->file);
	free(sc);
}

struct ranked {
	const crm_error *e;
	size_t file_rank, seq;
};

static int cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->file_rank != b->file_rank)
		return a->file_rank < b->file_rank ? -1 : 1;
	if (a->e->line != b->e->line)
		return a->e->line < b->e->line ? -1 : 1;
	if (a->e->col != b->e->col)
		return a->e->col < b->e->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Errors are found pass by pass (settings before inputs before lines); a
 * reader wants them in the order of the file, each file's together: the file
 * checked first, then its base, its base's base, ...
 */
static void sort_errors(crm_warnings *errors, char *const *files, size_t nfiles)
{
	size_t n = errors->count;
	if (n < 2)
		return;
	struct ranked *r = malloc((n + 1) * sizeof *r);
	crm_error *sorted = malloc((n + 1) * sizeof *sorted);

	if (r && sorted) {
		for (size_t i = 0; i < n; i++) {
			size_t k = 0;
			while (k < nfiles && strcmp(files[k], errors->items[i].file))
				k++;
			r[i] = (struct ranked){ &errors->items[i], k, i };
		}
		qsort(r, n, sizeof *r, cmp_ranked);
		for (size_t i = 0; i < n; i++)
			sorted[i] = *r[i].e;
		memcpy(errors->items, sorted, n * sizeof *sorted);
	}
	free(r);
	free(sorted);
}

/*
 * Load from memory. errors NULL: stop at the first error (in err). Otherwise
 * go on after bad data, listing every error in errors; err still gets the first.
 */
static crm_scenario *parse(const char *buf, size_t len, const char *name, size_t chunk,
			   crm_warnings *errors, size_t *unlisted, crm_error *err, char *own)
{
	struct loader ld;
	crm_status st;

	memset(&ld, 0, sizeof ld);
	ld.err = err;
	ld.errors = errors;
	ld.sc = scenario_new(name);
	if (!ld.sc) {
		free(own);
		crm_error_set(err, CRM_ENOMEM, name, 0, 0, "out of memory");
		return NULL;
	}
	ld.own_buf = own;
	st = crm_scen_read_files(&ld, buf, len, name, chunk);
	free(ld.own_buf);   /* NULL once parsed */
	ld.own_buf = NULL;
	if (st == CRM_OK)
		st = load_rows(&ld);
	if (st == CRM_OK && ld.nerrors)
		st = err ? err->status : CRM_EDATA;
	if (unlisted)
		*unlisted = errors && ld.nerrors > errors->count ? ld.nerrors - errors->count : 0;
	/* A row read twice (a base reached by two paths) says a thing once. */
	if (ld.sc)
		crm_warnings_dedupe(&ld.sc->warnings);
	/* A file with errors: its warnings are listed with them (status CRM_OK). */
	if (errors && st != CRM_OK && ld.sc)
		for (size_t i = 0; i < ld.sc->warnings.count; i++)
			crm_warnings_add_error(errors, &ld.sc->warnings.items[i]);
	if (errors)
		sort_errors(errors, ld.sc ? ld.sc->files : NULL, ld.sc ? ld.sc->nfiles : 0);
	for (size_t i = 0; i < ld.nrows; i++)
		free(ld.rows[i].extra);
	free(ld.rows);
	for (size_t i = 0; i < ld.ntables; i++)
		crm_csv_table_free(&ld.tables[i]);
	free(ld.tables);
	for (size_t i = 0; i < ld.nsfiles; i++)
		free(ld.sfiles[i]);
	free(ld.sfiles);
	crm_scen_smap_free(&ld.merged);
	crm_scen_smap_free(&ld.input_names);
	crm_scen_smap_free(&ld.line_labels);
	crm_scen_smap_free(&ld.corr_pairs);
	crm_scen_smap_free(&ld.group_names);
	free(ld.group_prob_line);
	free(ld.group_prob_file);
	free(ld.input_bad);
	free(ld.line_bad);
	if (st != CRM_OK) {
		crm_scenario_free(ld.sc);
		return NULL;
	}
	return ld.sc;
}

crm_scenario *crm_scenario_parse(const char *buf, size_t len, const char *name, size_t chunk,
				 crm_error *err)
{
	return parse(buf, len, name, chunk, NULL, NULL, err, NULL);
}

crm_scenario *crm_scenario_load(const char *path, crm_error *err)
{
	char *buf;
	size_t len;
	crm_scenario *sc;
	const char *name = strcmp(path, "-") ? path : "<stdin>";

	if (crm_read_file(path, "scenario file", &buf, &len, err) != CRM_OK)
		return NULL;
	sc = parse(buf, len, name, 0, NULL, NULL, err, buf);   /* frees buf */
	return sc;
}

/* own: buf to free once parsed (NULL: the caller's). */
static crm_scenario *check_text(const char *buf, size_t len, const char *name,
				crm_warnings *errors, size_t *unlisted, crm_error *err, char *own)
{
	crm_error first;

	crm_error_clear(&first);
	crm_scenario *sc = parse(buf, len, name, 0, errors, unlisted, &first, own);
	if (err)
		*err = first;
	/* Out of memory before the list could take it: the list still says why. */
	if (!sc && errors->count == 0 && crm_warnings_add_error(errors, &first) != CRM_OK)
		return NULL;
	return sc;
}

crm_scenario *crm_scenario_check_text(const char *buf, size_t len, const char *name,
				      crm_warnings *errors, size_t *unlisted, crm_error *err)
{
	return check_text(buf, len, name, errors, unlisted, err, NULL);
}

crm_scenario *crm_scenario_check(const char *path, crm_warnings *errors, size_t *unlisted,
				 crm_error *err)
{
	char *buf;
	size_t len;
	crm_error first;
	const char *name = strcmp(path, "-") ? path : "<stdin>";

	*unlisted = 0;
	crm_error_clear(&first);
	if (crm_read_file(path, "scenario file", &buf, &len, &first) != CRM_OK) {
		if (err)
			*err = first;
		crm_warnings_add_error(errors, &first);
		return NULL;
	}
	return check_text(buf, len, name, errors, unlisted, err, buf);   /* frees buf */
}

/* ------------------------------------------------------------------- find */

int crm_scenario_find_input(const crm_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->ninputs; i++)
		if (strcmp(sc->inputs[i].name, name) == 0)
			return (int)i;
	return -1;
}

int crm_scenario_find_group(const crm_scenario *sc, const char *name)
{
	for (size_t g = 0; g < sc->ngroups; g++)
		if (!strcmp(sc->groups[g].name, name))
			return (int)g;
	return -1;
}
