/*
 * batch_view.c - `crmroi batch`'s rows (batch_view.h). In CSV a number
 * column holds numbers only: the reasons a value does not exist are gathered
 * for the row's last column, note ("irr: no IRR"); in JSON lines an
 * undefined value is null with a "<key>_note". Every row starts with the
 * scenario's file, title, status and error.
 */
#define _POSIX_C_SOURCE 200809L
#include "batch_view.h"
#include "plan_view.h"
#include "explain.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const run_keys[] = {
	"npv", "roi", "bcr", "irr", "mirr", "payback_months", "discounted_payback_months",
	"pv_benefits", "pv_costs", "total_benefits", "total_costs", "peak_investment",
	"after_tax_npv", "after_tax_irr", "after_tax_payback_months", "readiness_factor"
};
#define NRUN (sizeof run_keys / sizeof *run_keys)
/* After them in run: the present value of each benefit class, counted in NPV or not. */
static const char *const class_keys[CRM_NCLASSES] = {
	"pv_cash", "pv_cost_reduction", "pv_productivity", "pv_cost_avoidance", "pv_flexibility"
};
static const char *const tornado_cols[] = { "name", "kind", "low", "high", "metric_at_low",
	"metric_at_high", "swing" };
static const char *const be_cols[] = { "name", "kind", "base", "breakeven", "change",
	"searched_from", "searched_to", "breakeven_status" };
static const char *const sim_cols[] = { "seed", "metric", "draws", "undefined", "mean", "sd",
	"sem", "min", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "max", "p_npv_negative",
	"value_at_risk_5", "expected_shortfall_5", "value_at_risk_10", "expected_shortfall_10" };
static const char *const voi_cols[] = { "seed", "draws", "go_ahead", "expected_npv", "evpi",
	"evpi_standard_error", "name", "kind", "evppi", "standard_error", "p_change" };
static const char *const plan_cols[] = { "seed", "draws", "exact", "objective", "plan_npv",
	"plan_mean_npv", "plan_p10_npv", "plan_p_npv_negative", "as_written_npv",
	"as_written_within_limits", "area", "golive_slot", "golive_month", "adds_alone", "why" };
#define COUNT(a) (sizeof (a) / sizeof *(a))

/* One row being written. */
typedef struct row {
	const batch_view *v;
	FILE *fp;
	int first;
	char note[2048];        /* CSV: the reasons of the values that do not exist */
} row;

static void put_text(row *r, const char *key, const char *v)
{
	if (!r->v->jsonl) {
		csv_field(r->fp, v, r->first);
	} else {
		fputs(r->first ? "{" : ", ", r->fp);
		json_string(r->fp, key);
		fputs(": ", r->fp);
		json_string(r->fp, v);
	}
	r->first = 0;
}

static void note_add(row *r, const char *key, const char *why)
{
	size_t n = strlen(r->note);

	if (!why || !why[0] || n + 8 >= sizeof r->note)
		return;
	snprintf(r->note + n, sizeof r->note - n, "%s%s: %s", n ? "; " : "", key, why);
}

static void put_num(row *r, const char *key, double v, const char *why)
{
	if (!r->v->jsonl) {
		if (isfinite(v)) {
			csv_number(r->fp, v, r->first);
		} else {
			csv_field(r->fp, "", r->first);
			note_add(r, key, why);
		}
	} else {
		fputs(r->first ? "{" : ", ", r->fp);
		json_string(r->fp, key);
		fputs(": ", r->fp);
		json_number(r->fp, v);
		if (!isfinite(v) && why) {
			fprintf(r->fp, ", \"%s_note\": ", key);
			json_string(r->fp, why);
		}
	}
	r->first = 0;
}

static void end_row(row *r)
{
	if (!r->v->jsonl) {
		csv_field(r->fp, r->note, 0);
		csv_end(r->fp);
	} else {
		fputs("}\n", r->fp);
	}
}

/*
 * The column only: the classes --only names, in their canonical order and
 * spelling; empty (JSON null) without --only, when the metrics count every
 * class but flexibility. The analysis run always has it; tornado, breakeven
 * and simulate have it with --only.
 */
static void put_only(row *r)
{
	char list[EXPLAIN_CLASSES_LEN];

	explain_class_set(r->v->classes, list, sizeof list);
	if (!r->v->jsonl || r->v->classes) {
		put_text(r, "only", list);
		return;
	}
	fputs(r->first ? "{" : ", ", r->fp);
	fputs("\"only\": null", r->fp);
	r->first = 0;
}

/*
 * The leading columns of every row of a scenario; with --only, the column
 * only too, but for run, which writes it itself.
 */
static void lead(row *r, const batch_view *v, FILE *fp, const char *file, const char *title,
		 const char *error, const crm_warnings *w)
{
	char first[sizeof w->items[0].file + sizeof w->items[0].msg + 32] = "";

	r->v = v;
	r->fp = fp;
	r->first = 1;
	r->note[0] = '\0';
	put_text(r, "file", file);
	put_text(r, "title", title ? title : "");
	put_text(r, "status", error ? "error" : "ok");
	put_text(r, "error", error ? error : "");
	/* The scenario's warnings, not its notes: how many, and the first, located. */
	const crm_error *e = crm_warnings_first(w);
	if (e) {
		if (e->line && e->col)
			snprintf(first, sizeof first, "%s:%d:%d: %s", e->file, e->line, e->col, e->msg);
		else if (e->line)
			snprintf(first, sizeof first, "%s:%d: %s", e->file, e->line, e->msg);
		else
			snprintf(first, sizeof first, "%s: %s", e->file, e->msg);
	}
	put_num(r, "warnings", (double)crm_warnings_nwarnings(w), NULL);
	put_text(r, "warning", first);
	if (v->classes && v->an != BATCH_RUN)
		put_only(r);
}

void batch_view_header(const batch_view *v, FILE *fp)
{
	if (v->jsonl)
		return;
	csv_field(fp, "file", 1);
	csv_field(fp, "title", 0);
	csv_field(fp, "status", 0);
	csv_field(fp, "error", 0);
	csv_field(fp, "warnings", 0);
	csv_field(fp, "warning", 0);
	if (v->classes && v->an != BATCH_RUN)
		csv_field(fp, "only", 0);   /* run always has it, the other analyses with --only */
	switch (v->an) {
	case BATCH_RUN:
		csv_field(fp, "only", 0);
		for (size_t k = 0; k < NRUN; k++)
			csv_field(fp, run_keys[k], 0);
		for (int k = 0; k < CRM_NCLASSES; k++)
			csv_field(fp, class_keys[k], 0);
		break;
	case BATCH_TORNADO:
		for (size_t k = 0; k < COUNT(tornado_cols); k++)
			csv_field(fp, tornado_cols[k], 0);
		break;
	case BATCH_BREAKEVEN:
		for (size_t k = 0; k < COUNT(be_cols); k++)
			csv_field(fp, be_cols[k], 0);
		break;
	case BATCH_SIMULATE:
		for (size_t k = 0; k < COUNT(sim_cols); k++)
			csv_field(fp, sim_cols[k], 0);
		break;
	case BATCH_VOI:
		for (size_t k = 0; k < COUNT(voi_cols); k++)
			csv_field(fp, voi_cols[k], 0);
		break;
	case BATCH_PLAN:
		for (size_t k = 0; k < COUNT(plan_cols); k++)
			csv_field(fp, plan_cols[k], 0);
		break;
	}
	csv_field(fp, "note", 0);
	csv_end(fp);
}

void batch_view_run(const batch_view *v, const crm_scenario *sc, const crm_case *c, FILE *fp)
{
	const crm_metrics *met = &c->m, *atm = &c->at.metrics;
	int tax = c->has_tax;
	double val[NRUN] = { met->npv, met->roi_ok ? met->roi : NAN,
		met->bcr_ok ? met->bcr : NAN, met->irr_ok ? met->irr_value : NAN,
		met->mirr_ok ? met->mirr : NAN,
		met->payback.status == CRM_PAYBACK_REACHED ? met->payback.months : NAN,
		met->dpayback.status == CRM_PAYBACK_REACHED ? met->dpayback.months : NAN,
		met->pv_benefits, met->pv_costs, met->total_benefits, met->total_costs,
		met->peak_investment, tax ? atm->npv : NAN,
		tax && atm->irr_ok ? atm->irr_value : NAN,
		tax && atm->payback.status == CRM_PAYBACK_REACHED ? atm->payback.months : NAN,
		sc->settings.readiness ? sc->settings.readiness_factor : NAN };
	const char *why[NRUN] = { NULL, "no PV of costs", "no PV of costs", "no IRR",
		"no MIRR", "not reached", "not reached", NULL, NULL, NULL, NULL, NULL,
		tax ? NULL : "no tax_rate setting", tax ? "no IRR" : "no tax_rate setting",
		tax ? "not reached" : "no tax_rate setting", NULL };
	row r;

	lead(&r, v, fp, sc->file, sc->settings.title, NULL, &sc->warnings);
	put_only(&r);
	for (size_t k = 0; k < NRUN; k++)
		put_num(&r, run_keys[k], val[k], why[k]);
	for (int k = 0; k < CRM_NCLASSES; k++)
		put_num(&r, class_keys[k], c->cls[k].pv, NULL);
	end_row(&r);
}

/*
 * simulate's column seed: the scenario's own seed, a whole number written
 * in full (JSON: a number), so that crmroi simulate --seed gives the row's
 * figures.
 */
static void put_seed(row *r, uint64_t seed)
{
	char digits[32];

	snprintf(digits, sizeof digits, "%llu", (unsigned long long)seed);
	if (!r->v->jsonl) {
		csv_field(r->fp, digits, r->first);
	} else {
		fputs(r->first ? "{" : ", ", r->fp);
		fprintf(r->fp, "\"seed\": %s", digits);
	}
	r->first = 0;
}

void batch_view_simulate(const batch_view *v, const crm_scenario *sc, uint64_t seed,
			 const crm_sim_result *res, FILE *fp)
{
	static const char *const names[CRM_SIM_NMETRICS] = { "npv", "roi", "irr", "payback_months",
		"discounted_payback_months", "after_tax_npv", "after_tax_irr",
		"after_tax_payback_months", "peak_funding" };
	static const char *const keys[12] = { "mean", "sd", "sem", "min", "p5", "p10", "p25",
		"p50", "p75", "p90", "p95", "max" };

	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		const crm_sim_metric *m = &res->metric[k];
		row r;
		if (!m->computed)
			continue;
		lead(&r, v, fp, sc->file, sc->settings.title, NULL, &sc->warnings);
		put_seed(&r, seed);
		put_text(&r, "metric", names[k]);
		put_num(&r, "draws", (double)m->defined, NULL);
		put_num(&r, "undefined", (double)m->undefined, NULL);
		double val[12] = { m->mean, m->sd, m->sem, m->min, m->pct[0], m->pct[1], m->pct[2],
				   m->pct[3], m->pct[4], m->pct[5], m->pct[6], m->max };
		for (int c = 0; c < 12; c++)
			put_num(&r, keys[c], m->defined ? val[c] : NAN, "undefined in every draw");
		put_num(&r, "p_npv_negative", res->p_npv_negative, NULL);
		/* The bad case of NPV, at batch's levels 5% and 10% (crmroi simulate's default). */
		static const char *const tails[4] = { "value_at_risk_5", "expected_shortfall_5",
			"value_at_risk_10", "expected_shortfall_10" };
		for (int q = 0; q < 4; q++)
			put_num(&r, tails[q], k != CRM_SIM_NPV ? NAN : q % 2 ? res->es[q / 2] : res->var[q / 2],
				k != CRM_SIM_NPV ? NULL : "no draw has an NPV");
		end_row(&r);
	}
}

void batch_view_voi(const batch_view *v, const crm_scenario *sc, uint64_t seed,
		    const crm_voi_result *res, FILE *fp)
{
	/* A scenario with no uncertain value still has its row: the EVPI, 0, and no value. */
	for (size_t i = 0; i < (res->nvalues ? res->nvalues : 1); i++) {
		const crm_voi_value *val = res->nvalues ? &res->values[i] : NULL;
		row r;
		lead(&r, v, fp, sc->file, sc->settings.title, NULL, &sc->warnings);
		put_seed(&r, seed);
		put_num(&r, "draws", (double)res->used, NULL);
		put_num(&r, "go_ahead", res->best == 0 ? 1 : 0, NULL);
		put_num(&r, "expected_npv", res->mean[0], NULL);
		put_num(&r, "evpi", res->evpi, NULL);
		put_num(&r, "evpi_standard_error", res->evpi_se, NULL);
		put_text(&r, "name", val ? val->name : "");
		put_text(&r, "kind", val ? crm_voi_kind_name(val->kind) : "");
		put_num(&r, "evppi", val ? val->evppi : NAN, val ? "not estimated" : "no uncertain value");
		put_num(&r, "standard_error", val ? val->se : NAN, val ? "not estimated" :
			"no uncertain value");
		put_num(&r, "p_change", val ? val->p_change : NAN, val ? "not estimated" :
			"no uncertain value");
		end_row(&r);
	}
}

void batch_view_plan(const batch_view *v, const crm_scenario *sc, uint64_t seed,
		     const crm_plan_result *res, FILE *fp)
{
	char why[1024];

	for (size_t a = 0; a < res->nareas; a++) {
		const crm_plan_eval *b = &res->best;
		int g = res->any_feasible ? b->golive[a] : 0;
		row r;
		lead(&r, v, fp, sc->file, sc->settings.title, NULL, &sc->warnings);
		put_seed(&r, seed);
		put_num(&r, "draws", (double)res->n, NULL);
		put_num(&r, "exact", res->exact, NULL);
		put_text(&r, "objective", res->objective == CRM_PLAN_P10 ? "p10" :
			 res->objective == CRM_PLAN_AFTER_TAX ? "after-tax" : "mean");
		const char *none = res->any_feasible ? NULL : "no plan keeps within the limits";
		put_num(&r, "plan_npv", none ? NAN : b->npv, none);
		put_num(&r, "plan_mean_npv", none ? NAN : b->mean, none ? none : "no uncertainty");
		put_num(&r, "plan_p10_npv", none ? NAN : b->p10, none ? none : "no uncertainty");
		put_num(&r, "plan_p_npv_negative", none ? NAN : b->p_loss, none ? none :
			"no uncertainty");
		put_num(&r, "as_written_npv", res->written.golive ? res->written.npv : NAN, none);
		put_num(&r, "as_written_within_limits", res->written.golive ? res->written.feasible : NAN,
			none);
		put_text(&r, "area", sc->areas[a].name);
		put_num(&r, "golive_slot", g > 0 ? g : NAN, none ? none : "left out");
		put_num(&r, "golive_month", g > 0 ? crm_plan_slot_month(sc, g) : NAN,
			none ? none : "left out");
		put_num(&r, "adds_alone", g > 0 ? res->alone[a * ((size_t)res->nslots + 1) + (size_t)g]
			: NAN, none ? none : "left out");
		if (res->any_feasible)
			plan_view_why(sc, &res->why[a], why, sizeof why);
		put_text(&r, "why", res->any_feasible ? why : "");
		end_row(&r);
	}
}

void batch_view_tornado(const batch_view *v, const crm_scenario *sc,
			const crm_tornado_row *rows, size_t n, FILE *fp)
{
	for (size_t i = 0; i < n; i++) {
		const crm_tornado_row *t = &rows[i];
		row r;
		lead(&r, v, fp, sc->file, sc->settings.title, NULL, &sc->warnings);
		put_text(&r, "name", t->param.name);
		put_text(&r, "kind", t->param.kind == CRM_PARAM_INPUT ? "input"
			 : sc->lines[t->param.index].kind == CRM_COST ? "cost" : "benefit");
		put_num(&r, "low", t->low, NULL);
		put_num(&r, "high", t->high, NULL);
		put_num(&r, "metric_at_low", t->at_low.v, t->at_low.why);
		put_num(&r, "metric_at_high", t->at_high.v, t->at_high.why);
		put_num(&r, "swing", t->swing_ok ? t->swing : NAN, "undefined at one end");
		end_row(&r);
	}
}

void batch_view_breakeven(const batch_view *v, const crm_scenario *sc,
			  const crm_breakeven_row *rows, size_t n, FILE *fp)
{
	static const char *const words[] = { "found", "none in interval", "flat", "no base value",
		"jump" };

	for (size_t i = 0; i < n; i++) {
		const crm_breakeven *be = &rows[i].be;
		const crm_param *p = &be->param;
		row r;
		lead(&r, v, fp, sc->file, sc->settings.title, NULL, &sc->warnings);
		put_text(&r, "name", p->name);
		put_text(&r, "kind", "input");
		put_num(&r, "base", p->has_base ? p->base : NAN, "a formula or series");
		if (!rows[i].searched) {
			/* One input that cannot be searched leaves the others' rows. */
			put_num(&r, "breakeven", NAN, rows[i].why_not);
			put_num(&r, "change", NAN, NULL);
			put_num(&r, "searched_from", NAN, NULL);
			put_num(&r, "searched_to", NAN, NULL);
			put_text(&r, "breakeven_status", "not searched");
			end_row(&r);
			continue;
		}
		put_num(&r, "breakeven", be->status == CRM_BE_FOUND ? be->value : NAN,
			words[be->status]);
		/* A month is not a percentage: no change, and the meaning with its side. */
		char meaning[600] = "";
		if (p->months && be->status == CRM_BE_FOUND)
			explain_breakeven(be, v->metric, v->target, 0, meaning, sizeof meaning);
		put_num(&r, "change", be->status == CRM_BE_FOUND && !p->months ? be->change : NAN,
			meaning);
		put_num(&r, "searched_from", p->has_base ? rows[i].lo : NAN, "");
		put_num(&r, "searched_to", p->has_base ? rows[i].hi : NAN, "");
		put_text(&r, "breakeven_status", words[be->status]);
		end_row(&r);
	}
}

/* Columns an analysis adds after file, title, status and error. */
static size_t analysis_columns(batch_analysis an)
{
	switch (an) {
	case BATCH_RUN: return 1 + NRUN + CRM_NCLASSES;
	case BATCH_TORNADO: return COUNT(tornado_cols);
	case BATCH_BREAKEVEN: return COUNT(be_cols);
	case BATCH_SIMULATE: return COUNT(sim_cols);
	case BATCH_VOI: return COUNT(voi_cols);
	case BATCH_PLAN: return COUNT(plan_cols);
	}
	return 0;
}

void batch_view_error(const batch_view *v, const char *file, const char *title,
		      const char *msg, FILE *fp)
{
	row r;

	/* The message without the program name, padded to the table's width. */
	lead(&r, v, fp, file, title, msg, NULL);
	if (!v->jsonl)
		for (size_t k = 0; k < analysis_columns(v->an); k++)
			csv_field(fp, "", 0);
	end_row(&r);
}
