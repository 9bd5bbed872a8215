/*
 * check_view.c - the listing `crmroi check` prints for a scenario that loads
 * and evaluates: what it holds, each input with its value and range and the
 * inputs and lines that use it (directly or through prev()), the origin of
 * each row of an inheriting scenario, and the phases' criteria.
 *
 * It only lays out what the scenario loader returned; validation, the errors
 * and warnings it finds, and the exit status are the command's (cmd_check.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "check_view.h"
#include "explain.h"

#include <stdlib.h>
#include <string.h>

/* A growing string for table cells whose length depends on the scenario. */
struct dstr {
	char *s;
	size_t len, cap;
};

static int dstr_add(struct dstr *d, const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c);

	if (d->len + n + 1 > d->cap) {
		size_t ncap = d->cap ? 2 * d->cap : 64;
		while (ncap < d->len + n + 1)
			ncap *= 2;
		char *p = realloc(d->s, ncap);
		if (!p)
			return -1;
		d->s = p;
		d->cap = ncap;
	}
	size_t la = strlen(a), lb = strlen(b);
	memcpy(d->s + d->len, a, la);
	memcpy(d->s + d->len + la, b, lb);
	memcpy(d->s + d->len + la + lb, c, n - la - lb + 1);
	d->len += n;
	return 0;
}

/* Add "what name" to the users of every input e refers to (directly or through prev). */
static int add_users(struct dstr *users, const crm_expr *e, const char *what, const char *name)
{
	const int *d, *p;
	size_t nd = crm_expr_deps(e, &d), np = crm_expr_prev_deps(e, &p);

	for (size_t k = 0; k < nd + np; k++) {
		int idx = k < nd ? d[k] : p[k - nd];
		int dup = 0;
		/* An input used both directly and through prev() is listed once. */
		for (size_t j = 0; k >= nd && j < nd; j++)
			dup |= d[j] == idx;
		if (dup)
			continue;
		struct dstr *u = &users[idx];
		if (dstr_add(u, u->len ? ", " : "", what, " ") != 0 || dstr_add(u, name, "", "") != 0)
			return -1;
	}
	return 0;
}

void check_view_scenario(const crm_scenario *sc, FILE *fp)
{
	size_t ncost = 0, nben = 0;
	text_table t;
	struct dstr range = { NULL, 0, 0 };
	int with_unit = 0;
	struct dstr *users;

	for (size_t l = 0; l < sc->nlines; l++)
		sc->lines[l].kind == CRM_COST ? ncost++ : nben++;
	fprintf(fp, "%s: ok: %zu input%s, %zu cost line%s, %zu benefit line%s; horizon %d year%s, "
		"evaluated by %s\n", sc->file, sc->ninputs, sc->ninputs == 1 ? "" : "s", ncost,
		ncost == 1 ? "" : "s", nben, nben == 1 ? "" : "s", sc->settings.horizon_years,
		sc->settings.horizon_years == 1 ? "" : "s", crm_grid_name(sc->settings.grid));
	if (sc->nplaceholders)
		fprintf(fp, "  %zu value%s still placeholder%s (see the warnings): write your own "
			"figures before anyone decides on them\n", sc->nplaceholders,
			sc->nplaceholders == 1 ? " is" : "s are", sc->nplaceholders == 1 ? "" : "s");
	if (sc->settings.readiness) {
		char rd[1024];
		explain_readiness(&sc->settings, rd, sizeof rd);
		print_para(fp, "  ", rd);
	}
	if (!sc->ninputs)
		return;
	/* Who uses each input, built in one pass over every value. */
	if (!(users = calloc(sc->ninputs, sizeof *users)))
		return;
	int ok = 1;
	for (size_t j = 0; ok && j < sc->ninputs; j++)
		ok = add_users(users, sc->inputs[j].value, "input", sc->inputs[j].name) == 0;
	for (size_t l = 0; ok && l < sc->nlines; l++)
		ok = add_users(users, sc->lines[l].value, sc->lines[l].kind == CRM_COST ? "cost" :
			       "benefit", sc->lines[l].label) == 0;
	/* A line's start, end or ramp given as a formula, and its adoption column, use inputs too. */
	for (size_t l = 0; ok && l < sc->nlines; l++) {
		static const char *const cost_what[3] = { "start of cost", "end of cost", "ramp of cost" };
		static const char *const ben_what[3] = { "start of benefit", "end of benefit",
							 "ramp of benefit" };
		const crm_line *ln = &sc->lines[l];
		for (int k = 0; ok && k < 3; k++)
			if (crm_line_timing_expr(ln, k))
				ok = add_users(users, crm_line_timing_expr(ln, k), ln->kind == CRM_COST ? cost_what[k]
					       : ben_what[k], ln->label) == 0;
		if (ok && ln->adoption >= 0) {
			struct dstr *u = &users[ln->adoption];
			ok = dstr_add(u, u->len ? ", " : "", "adoption of benefit ", ln->label) == 0;
		}
	}
	for (size_t i = 0; i < sc->ninputs; i++)
		with_unit |= sc->inputs[i].unit && sc->inputs[i].unit[0];
	if (ok && table_init(&t, with_unit ? 5 : 4) == 0) {
		if (with_unit)
			table_add(&t, ROW_NORMAL, (const char *[]){ "Input", "Value", "Unit", "Range",
				  "Used by" });
		else
			table_add(&t, ROW_NORMAL, (const char *[]){ "Input", "Value", "Range", "Used by" });
		for (size_t i = 0; i < sc->ninputs; i++) {
			const crm_input *in = &sc->inputs[i];
			const char *used = users[i].len ? users[i].s : "(not used)";
			/* The range as written, whole (a cell is never cut). */
			range.len = 0;
			if (in->range.given) {
				if (dstr_add(&range, in->range.low_text, " to ", in->range.high_text) != 0 ||
				    dstr_add(&range, in->range.dist ? ", " : "",
					     crm_dist_name(in->range.dist), "") != 0)
					break;
			} else if (dstr_add(&range, in->range.dist ? crm_dist_name(in->range.dist) : "-",
					    "", "") != 0) {
				break;
			}
			if (with_unit)
				table_add(&t, ROW_NORMAL, (const char *[]){ in->name, in->value_text,
					  in->unit[0] ? in->unit : "-", range.s, used });
			else
				table_add(&t, ROW_NORMAL, (const char *[]){ in->name, in->value_text,
					  range.s, used });
		}
		table_print_text(&t, fp, "  ");
		table_free(&t);
	}
	for (size_t i = 0; i < sc->ninputs; i++)
		free(users[i].s);
	free(users);
	free(range.s);
	for (size_t k = 0; k < sc->ncorrelations; k++)
		fprintf(fp, "  rank correlation of %s and %s: %g\n", sc->inputs[sc->correlations[k].a].name,
			sc->inputs[sc->correlations[k].b].name, sc->correlations[k].rho);
}

void check_view_origins(const crm_scenario *sc, FILE *fp)
{
	text_table t;
	char from[700], note[700];

	if (sc->nfiles < 2 || table_init(&t, 4) != 0)
		return;
	fprintf(fp, "  inherits from");
	for (size_t k = 1; k < sc->nfiles; k++)
		fprintf(fp, "%s %s", k > 1 ? " ->" : "", sc->files[k]);
	fprintf(fp, "\n");
	table_add(&t, ROW_NORMAL, (const char *[]){ "Kind", "Name", "From", "Note" });
	for (size_t i = 0; i < sc->norigins; i++) {
		const crm_origin *o = &sc->origins[i];
		snprintf(from, sizeof from, "%s:%d", o->loc.file, o->loc.line);
		if (!strcmp(o->kind, "remove"))
			snprintf(note, sizeof note, "removes %s:%d", o->replaced.file, o->replaced.line);
		else if (o->replaced.file)
			snprintf(note, sizeof note, "replaces %s:%d", o->replaced.file, o->replaced.line);
		else if (strcmp(o->loc.file, sc->file))
			snprintf(note, sizeof note, "inherited");
		else
			snprintf(note, sizeof note, "added");
		table_add(&t, ROW_NORMAL, (const char *[]){ o->kind, o->name, from, note });
	}
	table_print_text(&t, fp, "  ");
	table_free(&t);
}

void check_view_phases(const crm_scenario *sc, FILE *fp)
{
	text_table t;
	char due[16];

	for (size_t p = 0; p < sc->nphases; p++) {
		const crm_phase *ph = &sc->phases[p];
		fprintf(fp, "  phase %s: months %d-%d%s%s\n", ph->name, ph->start, ph->end,
			ph->owner[0] ? ", owner " : "", ph->owner);
		if (table_init(&t, 7) != 0)
			continue;
		table_add(&t, ROW_NORMAL, (const char *[]){ "Criterion", "Metric", "Baseline", "Target",
			  "Direction", "Due", "Owner" });
		for (size_t k = 0; k < sc->ncriteria; k++) {
			const crm_criterion *cr = &sc->criteria[k];
			if (cr->phase != (int)p)
				continue;
			if (cr->due)
				snprintf(due, sizeof due, "%d", cr->due);
			else
				snprintf(due, sizeof due, "-");
			table_add(&t, ROW_NORMAL, (const char *[]){ cr->name, cr->metric[0] ? cr->metric : "-",
				  cr->has_baseline ? cr->baseline_text : "-",
				  cr->has_target ? cr->target_text : "-",
				  cr->direction == CRM_DIR_DOWN ? "down" : "up", due,
				  cr->owner[0] ? cr->owner : "-" });
		}
		if (t.nrows > 1)
			table_print_text(&t, fp, "    ");
		table_free(&t);
	}
}
