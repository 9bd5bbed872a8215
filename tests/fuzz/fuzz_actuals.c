/*
 * fuzz_actuals.c - the actuals reader (crm_actuals_parse) and tracking
 * (crm_track_compute) on arbitrary bytes, against two fixed plans: the
 * bundled scenarios/tracking/plan.csv (a yearly grid with a start date:
 * periods as YYYY-MM or month numbers; four phases of three criteria each)
 * and a small monthly plan without a start date, with a criterion measured
 * downwards in percent and a gate. The input is read as one actuals file for
 * each plan:
 *
 *   - read in one piece and in chunks of 1 to 13 bytes (the size taken from
 *     the input), both readings must give the same status, the same error
 *     and the same rows;
 *   - an error must be a clean status with a located message: the file's
 *     name, a line within the input (0 only for an empty file), a message;
 *   - when it reads, the plan is tracked against it; the result's phases,
 *     criteria and rows must be in range, and its view (src/render/track_view.c)
 *     is written in every format: markdown and CSV must be well-formed
 *     (outcheck.h), since the rows' notes and sources are the input's text.
 *
 * Any crash, leak or undefined behaviour is a finding.
 */
#include "fuzz.h"
#include "fuzz_render.h"
#include "outcheck.h"

#include <math.h>

#include "track_view.h"

#define NAME "fuzz_actuals.csv"
/* Chunk sizes of the second reading: 1 to this many bytes. */
#define MAX_CHUNK 13

static const char plan_yearly[] =
	"kind,name,value,timing,start,end,ramp,area,owner,metric,phase,baseline,target,unit,direction,due,note\n"
	"setting,title,CRM program: plan and actuals,,,,,,,,,,,,,,\n"
	"setting,currency,EUR,,,,,,,,,,,,,,\n"
	"setting,horizon_years,3,,,,,,,,,,,,,,\n"
	"setting,discount_rate,10%,,,,,,,,,,,,,,\n"
	"setting,start_date,2027-01,,,,,,,,,,,,,,\n"
	"setting,benefit_risk,10%,,,,,,,,,,,,,,\n"
	"setting,cost_risk,5%,,,,,,,,,,,,,,\n"
	"phase,discovery,,,1,2,,,Program lead,,,,,,,,Goals and processes\n"
	"phase,selection,,,2,4,,,Program lead,,,,,,,,Vendor choice and contract\n"
	"phase,implementation,,,4,9,,,IT lead,,,,,,,,Build and roll out\n"
	"phase,adoption,,,7,36,,,Sales director,,,,,,,,Use and benefits\n"
	"criterion,stakeholders_interviewed,,,,,,,Program lead,Stakeholders interviewed,discovery,0,40,people,,2,\n"
	"criterion,processes_mapped,,,,,,,Program lead,Sales and service processes mapped,discovery,0,12,processes,,2,\n"
	"criterion,goals_signed_off,,,,,,,CEO,Business goals signed off,discovery,0,1,yes/no,,2,\n"
	"criterion,vendors_shortlisted,,,,,,,Program lead,Vendors on the short list,selection,0,3,vendors,,3,\n"
	"criterion,demo_score,,,,,,,Sales director,Score of the chosen vendor's scripted demo,selection,0%,80%,,,4,\n"
	"criterion,contract_signed,,,,,,,CFO,Contract signed,selection,0,1,yes/no,,4,\n"
	"criterion,data_quality,,,,,,,IT lead,Customer records complete and deduplicated,implementation,62%,95%,,,8,\n"
	"criterion,integration_defects,,,,,,,IT lead,Open integration defects,implementation,120,10,defects,down,6,\n"
	"criterion,users_trained,,,,,,,HR lead,Sales and service users trained,implementation,0,60,people,,6,\n"
	"criterion,weekly_active_users,,,,,,,Sales director,Share of users active each week,adoption,0%,85%,,,12,\n"
	"criterion,lead_response_hours,,,,,,,Sales director,Hours to first response to a lead,adoption,30,4,hours,down,12,\n"
	"criterion,forecast_accuracy,,,,,,,CFO,Accuracy of the quarterly sales forecast,adoption,60%,85%,,,18,\n"
	"cost,Discovery workshops,45000,once,1,,,change_management,Program lead,,discovery,,,,,,\n"
	"cost,Selection and contract,25000,once,3,,,implementation,Program lead,,selection,,,,,,\n"
	"cost,Consulting and integration,30000,monthly,4,9,,integration,IT lead,,implementation,,,,,,Integrator's fixed monthly fee\n"
	"cost,CRM licences,8000,monthly,4,,,license,IT lead,,implementation,,,,,,60 users\n"
	"cost,Training,40000,once,6,,,training,HR lead,,implementation,,,,,,\n"
	"cost,Internal project team,15000,monthly,1,12,,internal_staff,Program lead,,implementation,,,,,,\n"
	"benefit,Sales admin time saved,180000,yearly,4,,6,opportunity_management,Sales director,Hours of admin per rep per week,implementation,,,,,,\n"
	"benefit,Lead conversion uplift,420000,yearly,5,,12,lead_management,Marketing director,Lead-to-opportunity conversion,adoption,,,,,,\n"
	"benefit,Service desk deflection,150000,yearly,7,,9,self_service,Service director,Cases solved in the portal,adoption,,,,,,\n";

static const char plan_monthly[] =
	"kind,name,value,timing,start,end,ramp,area,owner,metric,phase,baseline,target,unit,direction,due,note,probability,group,low,high,dist\n"
	"setting,title,Pilot then rollout,,,,,,,,,,,,,,,,\n"
	"input,hours,3,,,,,,Pilot lead,,,,,,,,,,,1,5,uniform\n"
	"input,share,50%,,,,,,,,,,,,,,,,,20%,80%,pert\n"
	"setting,horizon_years,2,,,,,,,,,,,,,,,,\n"
	"setting,period,month,,,,,,,,,,,,,,,,\n"
	"setting,discount_rate,8%,,,,,,,,,,,,,,,,\n"
	"phase,pilot,,,1,6,,,Pilot lead,,,,,,,,Ten users for six months,,\n"
	"phase,rollout,,,6,24,,,Sales director,,,,,,,,,,\n"
	"criterion,pilot_users,,,,,,,Pilot lead,Users active in the pilot,pilot,0,25,people,,3,,,\n"
	"criterion,error_rate,,,,,,,Pilot lead,Orders with an error,pilot,10%,2%,,down,6,,,\n"
	"criterion,adoption_share,,,,,,,Sales director,Share of reps using it weekly,rollout,0%,80%,,,12,,,\n"
	"cost,Pilot licences,500,monthly,1,6,,license,Pilot lead,,pilot,,,,,,,,\n"
	"cost,Rollout,20000,once,7,,,implementation,Sales director,,rollout,,,,,,,0.7,go\n"
	"cost,Overrun,hours * share * 1000,once,8,,,implementation,Pilot lead,,rollout,,,,,,,0.3,\n"
	"benefit,Time saved,3000,monthly,4,,3,opportunity_management,Sales director,Hours saved,rollout,,,,,,,0.7,go\n";

static void must(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_actuals: %s\n", what);
		abort();
	}
}

/* An error as the actuals reader must leave it: status, file, a line of the input, a message. */
static void check_error(crm_status st, const crm_error *err, const uint8_t *data, size_t size)
{
	size_t lines = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' || data[i] == '\r';
	must(st != CRM_OK && err->status == st, "the error's status is not the one returned");
	must(st == CRM_EDATA || st == CRM_ENOMEM, "an actuals error other than CRM_EDATA");
	must(memchr(err->msg, '\0', sizeof err->msg) && err->msg[0], "an error without a message");
	must(!strcmp(err->file, NAME), "an error that does not name the actuals file");
	must(err->line >= 0 && (size_t)err->line <= lines, "an error on a line the file does not have");
	must(err->col >= 0, "an error at a negative column");
	must(err->line > 0 || st == CRM_ENOMEM || !strncmp(err->msg, "no header row", 13),
	     "an error about a row that does not say its line");
}

static int same_rows(const crm_actuals *a, const crm_actuals *b)
{
	if (crm_actuals_count(a) != crm_actuals_count(b))
		return 0;
	for (size_t i = 0; i < crm_actuals_count(a); i++) {
		const crm_actual *x = crm_actuals_get(a, i), *y = crm_actuals_get(b, i);
		if (x->month != y->month || x->kind != y->kind || x->index != y->index ||
		    memcmp(&x->value, &y->value, sizeof x->value) || strcmp(x->source, y->source) ||
		    strcmp(x->note, y->note) || x->loc.line != y->loc.line || x->loc.col != y->loc.col)
			return 0;
	}
	return 1;
}

static void check_track(const crm_scenario *sc, const crm_track *t)
{
	must(t->nrows == sc->nlines + 3, "tracking rows are not the lines and three totals");
	must(t->last >= 0 && t->last <= t->months, "the last month with actuals is off the horizon");
	for (size_t k = 0; k < sc->ncriteria; k++)
		must(t->criteria[k].status <= CRM_CRIT_NOT_YET_DUE, "a criterion's status is out of range");
	for (size_t p = 0; p < sc->nphases; p++)
		must(t->phases[p].verdict <= CRM_OFF_TRACK &&
		     memchr(t->phases[p].reason, '\0', sizeof t->phases[p].reason),
		     "a phase's verdict is out of range");
}

static void track_and_show(const crm_scenario *sc, const crm_actuals *a)
{
	crm_track *t = NULL;
	crm_error err;
	fuzz_out o;

	crm_error_clear(&err);
	crm_status st = crm_track_compute(sc, a, &t, &err);
	if (st != CRM_OK) {
		must(err.status == st && err.msg[0], "a tracking error without a message");
		must(!t, "a failed tracking hands a result back");
		return;
	}
	check_track(sc, t);
	/* How good the estimates were, from any realised inputs and events: shown after. */
	crm_calibration cal;
	must(crm_calibrate(sc, a, &cal, &err) == CRM_OK, "the calibration failed");
	for (size_t i = 0; i < cal.nvalues; i++)
		must(cal.values[i].pit >= 0 && cal.values[i].pit <= 1, "a percentile outside 0 to 1");
	must(cal.nevents == 0 || (cal.brier >= 0 && cal.brier <= 1), "a Brier score outside 0 to 1");
	static const out_format fmts[] = { FMT_TEXT, FMT_JSON, FMT_MARKDOWN, FMT_CSV };
	for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
		track_view_write(t, a, &cal, fmts[f], fuzz_out_open(&o));
		fuzz_out_close(&o);
		if (fmts[f] == FMT_MARKDOWN)
			outcheck_markdown(o.buf, o.len);
		else if (fmts[f] == FMT_CSV)
			outcheck_csv(o.buf, o.len);
		free(o.buf);
	}
	crm_calibration_free(&cal);
	crm_track_free(t);
}

static void run(const crm_scenario *sc, const uint8_t *data, size_t size)
{
	crm_actuals *a = crm_actuals_new(sc), *b = crm_actuals_new(sc);
	crm_error ea, eb;
	size_t chunk = 1 + (size ? data[size - 1] : 0) % MAX_CHUNK;

	must(a && b, "no memory for the actuals");
	crm_error_clear(&ea);
	crm_error_clear(&eb);
	crm_status sa = crm_actuals_parse(a, (const char *)data, size, NAME, 0, &ea);
	crm_status sb = crm_actuals_parse(b, (const char *)data, size, NAME, chunk, &eb);
	must(sa == sb, "read in chunks, the actuals give another status");
	if (sa != CRM_OK) {
		check_error(sa, &ea, data, size);
		must(ea.line == eb.line && ea.col == eb.col && !strcmp(ea.msg, eb.msg),
		     "read in chunks, the actuals give another error");
		must(crm_actuals_count(a) == 0, "a failed reading keeps rows");
	} else {
		must(same_rows(a, b), "read in chunks, the actuals give other rows");
		if (crm_actuals_count(a) > 0)
			track_and_show(sc, a);
	}
	crm_actuals_free(a);
	crm_actuals_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static crm_scenario *plans[2];

	if (!plans[0]) {
		crm_error err;
		crm_init();
		crm_error_clear(&err);
		plans[0] = crm_scenario_parse(plan_yearly, sizeof plan_yearly - 1, "plan.csv", 0, &err);
		plans[1] = crm_scenario_parse(plan_monthly, sizeof plan_monthly - 1, "pilot.csv", 0,
					      &err);
		must(plans[0] && plans[1], "a fixed plan does not load");
	}
	for (size_t k = 0; k < 2; k++)
		run(plans[k], data, size);
	return 0;
}
