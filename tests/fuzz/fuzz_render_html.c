/*
 * fuzz_render_html.c - the business-case document (`crmroi report
 * --no-simulation`, src/render/html*.c) of a scenario made of arbitrary
 * bytes. When the bytes load as a scenario and its business case computes,
 * the harness gathers what src/cli/cmd_report.c gathers for one option
 * without a simulation (the values with a distribution counted, the
 * tornado, the break-even values of its top inputs, the readiness
 * assessment and its effect when the scenario names one) and writes the
 * document. It must be well-formed (outcheck.h): every '<' a tag the
 * document uses, with its own attributes, quoted; every '&' an entity; the
 * elements nested and closed, no block inside a <p>; so that no label, note
 * or title of the scenario can open a <script> or break out of an attribute.
 */
#include "fuzz_render.h"
#include "outcheck.h"

#include "html.h"

/* Tornado, break-even values and the readiness effect, as cmd_report.c's build_analyses. */
static int analyses(html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	crm_uncertain *items = NULL;
	crm_analysis *a;
	crm_error err;
	int ok = -1;

	crm_error_clear(&err);
	if (crm_uncertain_list(sc, &items, &hc->nuncertain, &err) != CRM_OK)
		return -1;
	free(items);
	if (!(a = crm_analysis_new(sc, &err)))
		return -1;
	if (crm_tornado(a, CRM_METRIC_NPV, 0, &hc->tornado, &hc->ntornado, &hc->tornado_base,
			&err) != CRM_OK)
		goto done;
	for (size_t i = 0; i < hc->ntornado && hc->nbe < HTML_BREAKEVENS; i++) {
		const crm_param *p = &hc->tornado[i].param;
		double lo, hi;
		if (!p->has_base)
			continue;
		crm_breakeven_interval(p, &lo, &hi);
		crm_status st = crm_breakeven_solve(a, p, CRM_METRIC_NPV, 0, lo, hi, &hc->be[hc->nbe],
						    &err);
		if (st == CRM_ENOMEM)
			goto done;
		if (st != CRM_OK) {
			memset(&hc->be[hc->nbe], 0, sizeof hc->be[hc->nbe]);
			hc->be[hc->nbe].param = *p;
			hc->be[hc->nbe].status = CRM_BE_NONE;
			snprintf(hc->be_why[hc->nbe], sizeof hc->be_why[hc->nbe], "%s", err.msg);
			crm_error_clear(&err);
		}
		hc->nbe++;
	}
	if (sc->settings.readiness &&
	    (!(hc->assessment = crm_assess_load(sc->settings.readiness, &err)) ||
	     crm_assess_effect(sc, &hc->readiness, &err) != CRM_OK))
		goto done;
	ok = 0;
done:
	crm_analysis_free(a);
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	html_case hc;
	html_doc doc;
	fuzz_out o;

	memset(&hc, 0, sizeof hc);
	if (fuzz_report_load(&hc.r, data, size, 0) != 0)
		return 0;
	if (analyses(&hc) == 0) {
		memset(&doc, 0, sizeof doc);
		doc.date = "2026-11-30";
		doc.draws = 10000;
		doc.seed = 1;
		doc.no_simulation = 1;
		doc.sobol_points = 16384;
		doc.cases = &hc;
		doc.ncases = 1;
		html_document(&doc, fuzz_out_open(&o));
		fuzz_out_close(&o);
		outcheck_html(o.buf, o.len);
		free(o.buf);
	}
	crm_assess_free(hc.assessment);
	free(hc.tornado);
	report_free(&hc.r);
	return 0;
}
