/*
 * explain.h - the sentences that explain a result, written once for every
 * output format (explain.c).
 */
#ifndef CRMROI_EXPLAIN_H
#define CRMROI_EXPLAIN_H

#include <stddef.h>

#include "render.h"

/*
 * "cash, cost_reduction": the classes counted (classes set) or left out,
 * among those the scenario's benefits have; "" when none.
 */
void explain_class_list(const crm_scenario *sc, int only_given, int counted, char *buf,
			size_t len);
/*
 * The benefit classes a scenario's metrics count (sc->settings.classes), as
 * every command names them. counted: the classes counted that some benefit
 * has, and with --only (only_given) also those it names that no benefit has,
 * each followed by "(no benefit of this class in the scenario)"; left_out:
 * the classes some benefit has that are not counted; "" when none. shown:
 * whether an output names them (with --only, or when some benefit is not
 * cash). sentence: "Benefit classes in the metrics: ...; costs always count.
 * Left out: ..." ("Left out, shown apart: " with shown_apart, as run's report
 * shows them).
 */
#define EXPLAIN_CLASSES_LEN 512
typedef struct explain_classes {
	char counted[EXPLAIN_CLASSES_LEN];
	char left_out[EXPLAIN_CLASSES_LEN];
	char sentence[2 * EXPLAIN_CLASSES_LEN + 256];
	unsigned present;           /* the classes some benefit has (CRM_CLASS_BIT) */
	unsigned absent;            /* named by --only, and no benefit has them */
	int shown;
} explain_classes;
void explain_classes_of(const crm_scenario *sc, int only_given, int shown_apart, explain_classes *rc);
/*
 * "FILE: --only: no benefit has class flexibility; the metrics count costs
 * only" into buf when --only (only_given) names a class no benefit of sc has,
 * and returns 1; 0 (buf untouched) otherwise. The caller prints it on
 * standard error after "crmroi: ".
 */
int explain_classes_warning(const crm_scenario *sc, int only_given, char *buf, size_t len);
/* The classes of a set (CRM_CLASS_BIT) as the field or column only gives them: "cash,flexibility". */
void explain_class_set(unsigned classes, char *buf, size_t len);
/*
 * One sentence per group for people: "rollout: 70% chance, decided at month
 * 7 (its first month); 2 lines ... " into buf.
 */
void explain_gate(const crm_scenario *sc, size_t g, char *buf, size_t len);
/*
 * An area of the roll-out plan (kind=area) in a sentence: the slot its
 * golive gives and how far its lines moved, left out, or as written.
 */
void explain_area(const crm_scenario *sc, size_t a, char *buf, size_t len);
/*
 * The line every output shows for a scenario with setting readiness: the
 * score, the answers file and the factor on benefits.
 */
void explain_readiness(const crm_settings *s, char *buf, size_t len);

/*
 * A metric's value for a sentence: in its unit (fmt_unit), or "n/a (why)"
 * when there is none.
 */
void explain_value(char *buf, size_t len, const crm_value *v, int unit);
/*
 * Why moving a parameter moves no metric when everything it feeds is a
 * benefit of a class left out of the metrics: "left out: cost_reduction is
 * not counted" for classes (a set of CRM_CLASS_BIT, not empty).
 */
void explain_left_out(unsigned classes, char *buf, size_t len);
/*
 * The Meaning of one break-even (crm_breakeven_solve) of metric at target,
 * as crmroi breakeven and crmroi batch -a breakeven give it: "X can fall
 * 37.0% (to ...) before NPV falls to 0", a whole month and its side, or why
 * there is no single value. left_out: for a flat metric, the classes that
 * everything the parameter feeds belongs to, none counted (0 when not known
 * or not so); named after the sentence.
 */
void explain_breakeven(const crm_breakeven *be, crm_metric_id metric, double target,
		       unsigned left_out, char *buf, size_t len);

/* ------------------------------------------------- the business case in words */

/*
 * A name from a scenario for people: underscores become spaces, a few
 * abbreviations are written as people write them (golive -> go-live, crm ->
 * CRM), and the first letter is a capital: "lead_conversion_uplift" -> "Lead
 * conversion uplift". A line's label is already for people: pass it as is.
 */
void explain_name(const char *name, char *buf, size_t len);
/* An amount for a sentence: "USD 1.41 million", "USD 472,500", "USD -87,939". */
void explain_money(char *buf, size_t len, const char *currency, double v);
/*
 * The discounting convention with its formula, as every page that states it
 * words it: the periodic TEI convention (Initial not discounted, Year k by
 * (1 + r)^k, or month m by (1 + r)^(m/12)) or dated discounting (every flow
 * on its day by (1 + r)^(days/365): XNPV and XIRR, ACT/365).
 */
void explain_discounting(const crm_settings *s, char *buf, size_t len);
/*
 * What the figures are measured on: "after tax at 25.00%, ..." when the
 * case has a tax rate, or "before tax: the scenario sets no tax rate".
 */
void explain_tax_basis(const crm_case *c, char *buf, size_t len);
/*
 * What tax does to a case with a tax rate: NPV and ROI before and after tax,
 * and when the sign of NPV changes, that tax turns the decision; "" without a
 * tax rate.
 */
void explain_tax_effect(const crm_case *c, char *buf, size_t len);
/*
 * How much of the case rests on soft benefits (productivity, cost
 * avoidance): NPV on hard benefits alone (cash, cost reduction) and the share
 * of the benefits' present value that is soft; "" when no benefit is soft.
 */
void explain_hard_soft(const crm_case *c, char *buf, size_t len);

/* ------------------------------------------------------- the document's words */

/*
 * A gate for a board paper: its name in words, its probability as people
 * write it (70%, not 70.00%), the month it is decided with its calendar
 * month, its lines, and what the expected figures and the simulation make
 * of it.
 */
void explain_gate_for_people(const crm_scenario *sc, size_t g, char *buf, size_t len);
/* A fraction as a percentage with at most two decimals and no trailing zeros: 70%, 12.5%. */
void explain_percent(char *buf, size_t len, double fraction);
/*
 * The scenario's names in a sentence made words, in place: underscores
 * become spaces ("cost_reduction" -> "cost reduction").
 */
void explain_words_of_names(char *s);

#endif
