/*
 * test_scenario.c - the scenario loader: what it accepts, and every check it
 * makes, each provoked with the line, column and message it must report.
 */
#include "testutil.h"

#include <stdlib.h>

#define HDR "kind,name,value,low,high,dist,area,timing,start,end,ramp,curve,growth,risk\n"

static void test_minimal_and_defaults(void **state)
{
	(void)state;
	crm_scenario *sc = load_text("kind,name,value\ncost,Licences,1000\nbenefit,Sales,5000\n");
	const crm_settings *s = &sc->settings;
	assert_string_equal(s->currency, "USD");
	assert_int_equal(s->horizon_years, 3);
	assert_close(s->discount_rate, 0.10, 0, 0);
	assert_close(s->finance_rate, 0.10, 0, 0);
	assert_close(s->reinvest_rate, 0.10, 0, 0);
	assert_int_equal(s->grid, CRM_GRID_YEAR);
	assert_int_equal(sc->nlines, 2);
	assert_int_equal(sc->lines[0].timing, CRM_ONCE);
	assert_int_equal(sc->lines[0].start, 0);
	assert_int_equal(sc->lines[1].timing, CRM_YEARLY);
	assert_int_equal(sc->lines[1].start, 1);
	assert_int_equal(sc->lines[1].end, 36);
	assert_int_equal(sc->warnings.count, 0);
	crm_scenario_free(sc);
}

static void test_layout_rules(void **state)
{
	(void)state;
	/* BOM, comments before and after the header, blank rows, CRLF, header in any
	 * order and case, rows that stop early, x_ columns, quoted fields. */
	crm_scenario *sc = load_text(
		"\xEF\xBB\xBF# A comment before the header\r\n"
		"\r\n"
		"Value,KIND,Name,x_Source,Timing,Note\r\n"
		"# a comment row\r\n"
		",,,,,\r\n"
		"4%,setting,discount_rate\r\n"
		"\"Acme, Inc. case\",setting,title\r\n"
		"\"1200\",input,leads,CRM report\r\n"
		"leads * 50,benefit,\"Lead \"\"quick\"\" wins\",,yearly,\"two\nlines\"\r\n");
	assert_string_equal(sc->settings.title, "Acme, Inc. case");
	assert_close(sc->settings.discount_rate, 0.04, 1e-15, 0);
	assert_int_equal(sc->ninputs, 1);
	assert_int_equal(sc->inputs[0].loc.line, 8);
	assert_int_equal(sc->nextra, 1);
	assert_string_equal(sc->extra_names[0], "x_source");
	assert_string_equal(sc->inputs[0].extra[0], "CRM report");
	assert_string_equal(sc->lines[0].label, "Lead \"quick\" wins");
	assert_string_equal(sc->lines[0].note, "two\nlines");
	assert_int_equal(sc->lines[0].loc.line, 9);
	assert_int_equal(sc->lines[0].loc.col, 1);
	crm_scenario_free(sc);
}

static void test_settings(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value\n"
		"setting,title,Pilot\nsetting,currency,EUR\nsetting,horizon_years,5\n"
		"setting,discount_rate,0.085\nsetting,period,Month\nsetting,start_date,2027-04\n"
		"setting,finance_rate,6%\nsetting,reinvest_rate,9.5%\nsetting,benefit_risk,15%\n"
		"setting,cost_risk,0.1\n"
		"cost,Licences,100,,\nbenefit,Sales,500\nbenefit,Own risk,500\n");
	const crm_settings *s = &sc->settings;
	assert_string_equal(s->currency, "EUR");
	assert_int_equal(s->horizon_years, 5);
	assert_int_equal(s->grid, CRM_GRID_MONTH);
	assert_int_equal(s->start_year, 2027);
	assert_int_equal(s->start_month, 4);
	assert_close(s->finance_rate, 0.06, 1e-15, 0);
	assert_close(s->reinvest_rate, 0.095, 1e-15, 0);
	assert_close(sc->lines[0].risk, 0.1, 0, 0);
	assert_close(sc->lines[1].risk, 0.15, 1e-15, 0);
	assert_int_equal(sc->lines[1].end, 60);
	crm_scenario_free(sc);
}

static void test_inputs_any_order(void **state)
{
	(void)state;
	/* b uses a defined later; c uses prev of itself (allowed: it is through prev). */
	crm_scenario *sc = load_text(
		"kind,name,value\n"
		"input,b,a * 2\ninput,a,10\ninput,c,prev(c) + 1\n"
		"benefit,Sales,b + c\n");
	assert_int_equal(sc->ninputs, 3);
	assert_int_equal(crm_scenario_find_input(sc, "a"), 1);
	assert_int_equal(crm_scenario_find_input(sc, "zz"), -1);
	crm_scenario_free(sc);
}

static void test_range_and_dist(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(HDR
		"input,uplift,5%,2%,8%,pert\n"
		"input,deals,120,100,150\n"
		"input,fixed_one,3,,,fixed\n"
		"cost,Licences,1000,900,1300,uniform\n");
	assert_true(sc->inputs[0].range.given);
	assert_close(sc->inputs[0].range.low, 0.02, 1e-15, 0);
	assert_int_equal(sc->inputs[0].range.dist, CRM_DIST_PERT);
	assert_int_equal(sc->inputs[1].range.dist, CRM_DIST_NONE);
	assert_int_equal(sc->inputs[2].range.dist, CRM_DIST_FIXED);
	assert_false(sc->inputs[2].range.given);
	assert_true(sc->lines[0].range.given);
	crm_scenario_free(sc);
}

/* ---------------------------------------------------------------- errors */

struct bad {
	const char *text;
	int line, col;
	const char *msg;
};

#define TH "kind,name,value,low,high,timing,start,end,ramp,adoption\n"

static const struct bad bad_cases[] = {
	/* timing from inputs */
	{ TH "input,golive,6\nbenefit,A,1,,,yearly,golve + 1\n", 3, 7,
	  "benefit 'A': start: in formula 'golve + 1' at character 1: unknown input 'golve' "
	  "(expected the name of a row with kind=input) (did you mean 'golive'?)" },
	{ TH "benefit,A,1,,,yearly,4;5\n", 2, 7, "start '4;5' is a series, and a start is one month" },
	{ TH "input,golive,6\nbenefit,A,1,,,yearly,golive + year\n", 3, 7,
	  "benefit 'A': start 'golive + year' can change from period to period" },
	{ TH "input,golive,6 + month\ninput,lag,golive\nbenefit,A,1,,,yearly,1,,lag\n", 4, 9,
	  "ramp 'lag' uses input 'lag', which changes from period to period" },
	{ TH "input,golive,1\nbenefit,A,1,,,yearly,golive - 1\n", 3, 7,
	  "benefit 'A': start 'golive - 1' gives month 0 with golive = 1 (expected month 1 to "
	  "100000: a recurring line starts in month 1 at the earliest)" },
	/* A month beyond the largest: the real limit, and a huge one in 6 digits. */
	{ TH "input,golive,4\nbenefit,A,1,,,yearly,golive*1e6\n", 3, 7,
	  "start 'golive*1e6' gives month 4000000 with golive = 4 (expected month 1 to 100000" },
	{ TH "input,golive,4\nbenefit,A,1,,,yearly,golive*1e300\n", 3, 7,
	  "start 'golive*1e300' gives month 4e+300 with golive = 4 (expected month 1 to 100000" },
	/* halves away from zero: -0.5 is month -1 */
	{ TH "input,g,-0.5\ncost,A,1,,,once,g\n", 3, 7,
	  "cost 'A': start 'g' gives month -1 with g = -0.5 (expected month 0 to 100000: month 0 "
	  "is the Initial column)" },
	{ TH "input,g,8\ninput,d,2\ncost,A,1,,,monthly,g,g - d * 2\n", 4, 8,
	  "cost 'A': end 'g - d * 2' gives month 4, before start 'g' (month 8) with g = 8, d = 2 "
	  "(expected an end at or after the start)" },
	{ TH "input,g,0\ncost,A,1,,,monthly,1,1 / g\n", 3, 8, "end '1 / g' gives not a number" },
	{ TH "input,g,6,2,9\nbenefit,A,1,,,yearly,g,,g - 3\n", 2, 4,
	  "input 'g': its low 2 gives a bad month: benefit 'A': ramp 'g - 3' gives -1 months with g = 2" },
	{ TH "input,g,6,4,120000\nbenefit,A,1,,,yearly,g\n", 2, 5,
	  "input 'g': its high 120000 gives a bad month" },
	{ "kind,name,value,low,high,dist,timing,start\ninput,g,6,4,9,normal\nbenefit,A,1,,,,yearly,g\n",
	  2, 6, "input 'g': dist normal draws beyond low and high, and the input moves a line's "
	  "months" },
	/* adoption */
	{ TH "input,share,80%\ncost,A,1,,,,,,,share\n", 3, 10, "cost 'A': adoption is for benefits" },
	{ TH "input,share,80%\nbenefit,A,1,,,,,,,shares\n", 3, 10,
	  "benefit 'A': adoption 'shares' is not an input (did you mean 'share'?)" },
	{ TH "input,share,120%\nbenefit,A,1,,,,,,,share\n", 2, 3,
	  "input 'share': 120% is not a share of adoption (expected 0% to 100%; benefit 'A' is "
	  "multiplied by it)" },
	{ TH "input,share,50%;110%\nbenefit,A,1,,,,,,,share\n", 2, 3,
	  "input 'share': 110% in year 2 is not a share of adoption" },
	{ TH "input,share,80%,-10%,90%\nbenefit,A,1,,,,,,,share\n", 2, 4,
	  "input 'share': low -10% is not a share of adoption" },
	{ TH "input,share,80%\ninput,x,1,,,,,,,share\n", 3, 10, "has no meaning" },

	/* CSV level */
	{ "kind,name,value\ncost,\"Lic\"x,1\n", 2, 2, "malformed CSV" },
	{ "kind,name,value\ncost,\"Licences,1\n", 2, 2, "not closed" },
	/* header */
	{ "", 0, 0, "no header row" },
	{ "# only a comment\n\n", 0, 0, "no header row" },
	{ "kind\tname\tvalue\ncost\tA\t1\n", 1, 1, "the file seems to use '\t' between fields; "
	  "save it as CSV, with ',' or ';' between fields" },
	{ "kind;name;value\ninput;a;\"1,5;x\"\n", 2, 3, "year 2: 'x' is not a number" },
	{ "kind,,name,value\n", 1, 2, "empty column name" },
	{ "kind,name,value,x_a,x_a\n", 1, 5, "'x_a' appears twice" },
	{ "kind,name,valeu\n", 1, 3, "unknown column 'valeu' (did you mean 'value'?)" },
	{ "kind,name,value,Value\n", 1, 4, "column 'value' appears twice" },
	{ "kind,name,low\n", 1, 0, "no 'value' column" },
	/* rows */
	{ "kind,name,value\ncost,A,1,extra\n", 2, 4, "past the last column" },
	{ "kind,name,value\ncots,A,1\n", 2, 1, "unknown kind 'cots' (did you mean 'cost'?)" },
	{ "kind,name,value\n,A,1\n", 2, 1, "the row has no kind" },
	{ "kind,name,value\ncost,A,\n", 2, 3, "has no value" },
	/* settings */
	{ "kind,name,value\nsetting,discount_rat,10%\n", 2, 2, "did you mean 'discount_rate'?" },
	{ "kind,name,value\nsetting,title,A\nsetting,title,B\n", 3, 2, "given twice (first on line 2)" },
	{ HDR "setting,discount_rate,10%,5%\n", 2, 4, "has no meaning" },
	{ "kind,name,value\nsetting,currency,\n", 2, 3, "not a currency code" },
	{ "kind,name,value\nsetting,horizon_years,2.5\n", 2, 3, "not a whole number" },
	{ "kind,name,value\nsetting,horizon_years,51\n", 2, 3, "out of range (expected 1 to 50)" },
	{ "kind,name,value\nsetting,horizon_years,0\n", 2, 3, "out of range" },
	{ "kind,name,value\nsetting,discount_rate,12\n", 2, 3, "would mean 1200%" },
	{ "kind,name,value\nsetting,discount_rate,\"12,5%\"\n", 2, 3,
	  "use a decimal point, not a comma (write 12.5%)" },
	{ "kind,name,value\nsetting,discount_rate,-150%\n", 2, 3, "out of range" },
	{ "kind,name,value\nsetting,period,quarter\n", 2, 3, "expected year or month" },
	{ "kind,name,value\nsetting,start_date,2027-13\n", 2, 3, "expected YYYY-MM" },
	{ "kind,name,value\nsetting,start_date,01/2027\n", 2, 3, "expected YYYY-MM" },
	{ "kind,name,value\nsetting,benefit_risk,120%\n", 2, 3, "out of range (expected 0% to 100%)" },
	{ "kind,name,value\nsetting,cost_risk,-5%\n", 2, 3, "out of range" },
	{ "kind,name,value\nsetting,finance_rate,x\n", 2, 3, "is not a number" },
	/* inputs */
	{ "kind,name,value\ninput,2leads,1\n", 2, 2, "not an identifier" },
	{ "kind,name,value\ninput,year,1\n", 2, 2, "reserved" },
	{ "kind,name,value\ninput,if,1\n", 2, 2, "reserved for formulas (min, max, abs, round, if, "
	  "and, or, not, prev, year, month)" },
	/* Two fields run together, and a spreadsheet's '=' (the value to write instead). */
	{ "kind,name,value,low,high,dist\ninput,a,3%pert\n", 2, 3, "'3%pert' runs two fields "
	  "together: a comma seems to be missing between the value 3% and the distribution pert "
	  "(write 3%,pert, each in its column)" },
	{ "kind,name,value,low,high,dist\ninput,a,5,4,6 Triangular\n", 2, 5, "high: '6 Triangular' "
	  "runs two fields together: a comma seems to be missing between 6 and the distribution "
	  "Triangular" },
	{ "kind,name,value,timing,start\nbenefit,B,1e3monthly,,1\n", 2, 3, "between the value 1e3 "
	  "and the timing monthly" },
	{ "kind,name,value,timing,start,curve\nbenefit,B,100 scurve,yearly,1\n", 2, 3, "between the "
	  "value 100 and the curve scurve" },
	{ "kind,name,value\ninput,a,5 apples\n", 2, 3, "units are not written in a value" },
	{ "kind,name,value\ninput,a,pert\n", 2, 3, "unknown input 'pert'" },
	{ "kind,name,value\ninput,a,15 %\n", 2, 3, "write 15% (no space between a number and its %)" },
	{ "kind,name,value\ninput,a,=2 * 3\n", 2, 3, "the value starts with '=': formulas are written "
	  "without a spreadsheet's leading '=' (write 2 * 3)" },
	/* The other files crmroi reads: which command reads them. */
	{ "# answers\nid,section,answer\nPS1,,yes\n", 2, 1, "this is the answers file of a readiness "
	  "self-assessment (its header has the columns id and answer), not a scenario: crmroi assess "
	  "reads it (crmroi assess bad.csv)" },
	{ "period,kind,name,value\n3,cost,Set-up,100\n", 1, 1, "this is an actuals file (its header "
	  "has the columns period, kind, name and value), not a scenario: crmroi track reads it "
	  "after the scenario of the plan (crmroi track PLAN.csv bad.csv)" },
	{ "kind,name,value\ninput,horizon_years,1\n", 2, 2, "the name of a setting" },
	{ "kind,name,value\ninput,a,1\ninput,a,2\n", 3, 2, "defined twice (first on line 2)" },
	{ HDR "input,a,1,,,,lead_management\n", 2, 7, "has no meaning" },
	{ "kind,name,value\ninput,a,(100)\n", 2, 3, "accounting negative; write -100" },
	{ "kind,name,value\ninput,leads,100\ninput,b,lead * 2\n", 3, 3,
	  "unknown input 'lead' (expected the name of a row with kind=input) (did you mean 'leads'?)" },
	{ "kind,name,value\ninput,a,\"1,000\"\n", 2, 3, "leave out thousands separators" },
	{ "kind,name,value\ninput,a,$1000\n", 2, 3, "currency sign" },
	{ "kind,name,value\ninput,a,b\ninput,b,c * 2\ninput,c,a + 1\n", 2, 3,
	  "circle: a -> b -> c -> a" },
	{ "kind,name,value\ninput,a,a + 1\n", 2, 3, "circle: a -> a" },
	/* ranges and distributions */
	{ HDR "input,a,5,1,9,triangle\n", 2, 6, "unknown distribution 'triangle' (did you mean 'triangular'?)" },
	{ HDR "input,a,5,,,pert\n", 2, 6, "dist=pert needs low and high" },
	{ HDR "input,a,5,1\n", 2, 5, "needs both low and high (only low is given)" },
	{ HDR "input,a,5,,9\n", 2, 4, "only high is given" },
	{ HDR "input,b,2\ninput,a,b * 2,1,9\n", 3, 4, "is a formula" },
	{ HDR "input,a,1;2,1,9\n", 2, 4, "is a series" },
	{ HDR "input,a,5,one,9\n", 2, 4, "low: 'one' is not a number" },
	{ HDR "input,a,5,9,1\n", 2, 4, "low 9 is above high 1" },
	{ HDR "input,a,10,1,9\n", 2, 3, "outside its range 1 to 9" },
	{ HDR "input,a,5,0,9,lognormal\n", 2, 4, "lognormal needs low > 0" },
	{ HDR "input,a,5,5,5,normal\n", 2, 5, "needs low < high" },
	/* lines */
	{ "kind,name,value\ncost,,100\n", 2, 2, "needs a name" },
	{ "kind,name,value\ncost,A,1\nbenefit,A,2\n", 3, 2, "defined twice (first on line 2" },
	{ HDR "cost,A,1,,,,,weekly\n", 2, 8, "timing 'weekly' is not known" },
	{ HDR "cost,A,1,,,,,once,3,5\n", 2, 10, "end is for recurring lines" },
	{ HDR "cost,A,1,,,,,once,3,,6\n", 2, 11, "ramp is for recurring lines" },
	{ HDR "cost,A,1,,,,,monthly,0\n", 2, 9, "starts at month 1 or later" },
	{ HDR "cost,A,1,,,,,monthly,5,4\n", 2, 10, "end month 4 is before start month 5" },
	{ HDR "cost,A,1,,,,,monthly,1.5\n", 2, 9, "not a whole number" },
	{ HDR "cost,A,1,,,,,monthly,-1\n", 2, 9, "out of range" },
	{ HDR "benefit,A,1,,,,,yearly,1,,-2\n", 2, 11, "out of range" },
	{ HDR "benefit,A,1,,,,,yearly,1,,6,wavy\n", 2, 12, "curve 'wavy' is not known" },
	{ HDR "benefit,A,1,,,,,yearly,1,,,,3\n", 2, 13, "would mean 300%" },
	{ HDR "benefit,A,1,,,,,yearly,1,,,,,150%\n", 2, 14, "out of range (expected 0% to 100%)" },
	{ HDR "cost,A,1,,,,,yearly,1,,,,,-1%\n", 2, 14, "out of range" },
	{ "kind,name,value\ncost,A,(2500.50)\n", 2, 3, "accounting negative" },
	{ "kind,name,value\ncost,A,licences * 2\n", 2, 3, "unknown input 'licences'" },
	/* risk events */
	{ "kind,name,value,probability\ncost,A,1,0%\n", 2, 4, "probability 0 means the line never happens" },
	{ "kind,name,value,probability\ncost,A,1,130%\n", 2, 4, "out of range (expected 0% to 100%)" },
	{ "kind,name,value,probability\ncost,A,1,30\n", 2, 4, "would mean 3000%" },
	{ "kind,name,value,probability\ninput,a,1,50%\n", 2, 4, "has no meaning" },
	/* correlations */
	{ "kind,name,value,low,high\ninput,a,5,1,9\ncorrelation,a,0.5\n", 3, 2, "is not two inputs" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ncorrelation,a|b|c,0.5\n", 3, 2, "is not two inputs" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ncorrelation,a|zz,0.5\n", 3, 2, "'zz' is not an input" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ncorrelation,a|a,0.5\n", 3, 2, "names the same input twice" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ninput,b,5\ncorrelation,a|b,0.5\n", 4, 2, "input 'b' is not uncertain" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ninput,b,5,1,9\ncorrelation,a|b,0.5\ncorrelation,b|a,0.1\n", 5, 2, "given twice (first on line 4)" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ninput,b,5,1,9\ncorrelation,a|b,1.5\n", 4, 3, "not a rank correlation (expected -1 to 1)" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ninput,b,5,1,9\ncorrelation,a|b,strong\n", 4, 3, "is not a number" },
	{ "kind,name,value,low,high\ninput,a,5,1,9\ninput,b,5,1,9\ncorrelation,a|b,0.5,1\n", 4, 4, "has no meaning" },
	/* A fixed input is not uncertain: its index in the correlation matrix was -1. */
	{ "kind,name,value,low,high,dist\ninput,a,5,1,9,fixed\ninput,b,5,1,9\ncorrelation,a|b,0.5\n", 4, 2,
	  "input 'a' has dist fixed, so it is not uncertain" },
	{ "kind,name,value,low,high,dist\ninput,a,5,1,9,fixed\ninput,b,5,1,9,fixed\ncorrelation,b|a,0.5\n", 4, 2,
	  "input 'b' has dist fixed" },
	/* Control characters, series items of any length. */
	{ "kind,name,value\ncost,A,1\x01\n", 2, 3, "control character 0x01" },
	/* Units: a percent input is held to the rule of rates; unit means nothing elsewhere. */
	{ "kind,name,value,low,high,unit\ninput,deflection,9,4,14,percent\n", 2, 3,
	  "input 'deflection': '9' would mean 900%: write 9% (the unit is percent)" },
	{ "kind,name,value,low,high,unit\ninput,deflection,9%,4,14%,rate\n", 2, 4, "'4' would mean 400%" },
	{ "kind,name,value,low,high,unit\ninput,deflection,9%,4%,14,Percent\n", 2, 5, "'14' would mean 1400%" },
	{ "kind,name,value,unit\ninput,share,5%;12;20%,percent\n", 2, 3, "'12' in the series would mean 1200%" },
	{ "kind,name,value,unit\nsetting,title,A,percent\n", 2, 4, "leave the unit column empty" },
	{ "kind,name,value,unit\ncost,A,1,currency\n", 2, 4, "leave the unit column empty" },
	{ "kind,name,value,low,high,unit\ninput,a,5,1,9\ninput,b,5,1,9\ncorrelation,a|b,0.5,,,ratio\n", 4, 6,
	  "leave the unit column empty" },
	/* Messages that point the right way. */
	{ "kind,name,value\nsetting,horizon_years,5 years\n", 2, 3, "units are not written in a value; write 5 alone" },
	{ "kind,name,value\ninput,a,30 days\ncost,A,a\n", 2, 3, "units are not written in a value; write 30 alone" },
	{ HDR "benefit,A,1,,,,,yearly,1,,,,,20\n", 2, 14,
	  "risk: '20' would mean 2000%; write 20% for a percentage (risk is 0% to 100%)" },
	{ HDR "benefit,A,1,,,,,yearly,1,,,,,150\n", 2, 14, "'150' would mean 15000%, and risk is 0% to 100%" },
	{ "kind,name,value\nsetting,discount_rate,8\n", 2, 3,
	  "'8' would mean 800%; write 8% for a percentage, or 800% with the sign if that much is meant" },
	{ HDR "benefit,Shifted,50000,,,lead_management,yearly,1,36\n", 2, 6,
	  "(the fields from column 'dist' on look shifted one column to the left: is a field missing before it?" },
	{ HDR "benefit,Extra,50000,,,,,lead_management,yearly,1\n", 2, 8,
	  "(the fields from column 'timing' on look shifted one column to the right" },
	/* Three fields left out under a nine-column header: area, timing, start land in low, high, dist. */
	{ "kind,name,value,low,high,dist,area,timing,start\ncost,Set-up,45000,implementation,once,0\n",
	  2, 6, "(the fields from column 'low' on look shifted three columns to the left: are three "
	  "fields missing before it?" },
	{ "kind,name,value\ncost,A,\"100                                                                                                                                                                                                                                                                                                            garbage;200\"\n",
	  2, 3, "year 1" },
};

static void test_every_error(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const struct bad *b = &bad_cases[i];
		crm_error err;
		crm_error_clear(&err);
		crm_scenario *sc = crm_scenario_parse(b->text, strlen(b->text), "bad.csv", 0, &err);
		if (sc) {
			crm_scenario_free(sc);
			print_error("case %zu loaded but should fail: %s\n", i, b->text);
			fail();
		}
		if (err.status != CRM_EDATA || err.line != b->line || err.col != b->col ||
		    !strstr(err.msg, b->msg) || strcmp(err.file, "bad.csv")) {
			print_error("case %zu (%s):\n  got %s:%d:%d: %s (status %d)\n  want %d:%d: ...%s...\n",
				    i, b->text, err.file, err.line, err.col, err.msg, err.status, b->line,
				    b->col, b->msg);
			fail();
		}
	}
}

struct warn {
	const char *text;
	const char *msg;
};

static void test_warnings(void **state)
{
	(void)state;
	static const struct warn cases[] = {
		{ HDR "cost,A,1,,,,,once,40\n", "after the 36-month horizon" },
		{ HDR "benefit,A,1,,,,,yearly,37\n", "starts in month 37, after the 36-month horizon" },
		{ HDR "benefit,A,1,,,,,yearly,1,,,scurve\n", "curve is given but ramp is 0" },
		{ "kind,name,value\ninput,a,1\n", "no cost or benefit lines" },
		{ "kind,name,value\ninput,deflection_rate,9\ncost,A,deflection_rate\n",
		  "input 'deflection_rate': 9 is read as the number 9 (900%), and the name reads like a "
		  "rate: if 9% is meant, write 9% and give the unit percent" },
		{ "kind,name,value\ninput,win_uplift,1.5\ncost,A,win_uplift\n", "reads like a rate" },
		{ "kind,name,value\ninput,calls,850.000\ncost,A,calls\n",
		  "input 'calls': '850.000' reads as 850 (the dot is a decimal point); if 850000 is meant" },
		{ "kind,name,value\ncost,A,1.250\n", "'1.250' reads as 1.25" },
		{ "kind,name,value,unit\ninput,a,5,precent\ncost,A,a\n", "unit 'precent' is not one crmroi knows (did you mean 'percent'?)" },
		{ "kind,name,value,area\nbenefit,A,1,oportunity_management\n",
		  "benefit 'A': area 'oportunity_management' is not a documented benefit area (did you mean 'opportunity_management'?)" },
		{ "kind,name,value,area\ncost,A,1,licence\n", "(did you mean 'license'?)" },
		{ "kind,name,value\nsetting,horizon_years,2\ncost,A,1;2;3;4\n",
		  "cost 'A': the series gives 4 years but the horizon is 2 years: years 3-4 are not used" },
		{ "kind,name,value\nsetting,horizon_years,1\ninput,a,1;2\ncost,A,a\n",
		  "input 'a': the series gives 2 years but the horizon is 1 year: year 2 is not used" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		crm_scenario *sc = load_text(cases[i].text);
		assert_int_equal(sc->warnings.count, 1);
		assert_contains(sc->warnings.items[0].msg, cases[i].msg);
		crm_scenario_free(sc);
	}
}

static void test_file_errors(void **state)
{
	(void)state;
	crm_error err;
	crm_error_clear(&err);
	assert_null(crm_scenario_load("/nonexistent/dir/x.csv", &err));
	assert_int_equal(err.status, CRM_EIO);
	assert_string_equal(err.file, "/nonexistent/dir/x.csv");
	assert_contains(err.msg, "cannot open");
}

/* What is not warned about: a unit says what the number means; custom areas; decimals. */
static void test_no_false_warnings(void **state)
{
	(void)state;
	crm_scenario *sc = load_text(
		"kind,name,value,unit,area\n"
		"input,deflection_rate,9%,percent\n"
		"input,handle_rate,12,count\n"       /* a unit: the number is meant */
		"input,tiny_rate,0.85\n"             /* not above 1 */
		"input,calls,850.5\n"
		"input,fee,0.125\n"
		"input,hours,1250\n"
		"cost,A,deflection_rate * handle_rate * tiny_rate * calls * fee * hours,,sales_ops\n"
		"benefit,B,1,,lead_management\n");
	if (sc->warnings.count) {
		print_error("%s\n", sc->warnings.items[0].msg);
		fail();
	}
	assert_string_equal(sc->inputs[0].unit, "percent");
	assert_close(crm_expr_number(sc->inputs[0].value), 0.09, 1e-15, 0);
	assert_string_equal(sc->inputs[2].unit, "");
	crm_scenario_free(sc);
}

/* A warning listed twice is listed once. */
static void test_warnings_dedupe(void **state)
{
	(void)state;
	crm_warnings w = { NULL, 0, 0 };
	assert_int_equal(crm_warnings_add(&w, "a.csv", 3, 2, "same"), CRM_OK);
	assert_int_equal(crm_warnings_add(&w, "b.csv", 3, 2, "same"), CRM_OK);
	assert_int_equal(crm_warnings_add(&w, "a.csv", 3, 2, "same"), CRM_OK);
	assert_int_equal(crm_warnings_add(&w, "a.csv", 4, 2, "same"), CRM_OK);
	crm_warnings_dedupe(&w);
	assert_int_equal(w.count, 3);
	assert_string_equal(w.items[1].file, "b.csv");
	assert_int_equal(w.items[2].line, 4);
	crm_warnings_free(&w);
}

static char *repeat(const char *pre, size_t n, const char *post)
{
	char *s = malloc(strlen(pre) * n + strlen(post) + 1), *p = s;
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s", pre);
	strcpy(p, post);
	return s;
}

static void expect_load_error(const char *text, int line, int col, const char *msg)
{
	crm_error err;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse(text, strlen(text), "bad.csv", 0, &err);
	if (sc) {
		crm_scenario_free(sc);
		fail_msg("loaded but should fail");
	}
	assert_int_equal(err.status, CRM_EDATA);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	assert_contains(err.msg, msg);
}

/*
 * Hostile values: a formula nested 100,000 deep overflowed the parser's
 * stack; a 600-character input name in a circle overflowed the message
 * buffer. Both are now located errors.
 */
static void test_hostile_values(void **state)
{
	(void)state;
	static const char *const deep[][2] = { { "(", ")" }, { "-", "" }, { "abs(", ")" } };
	for (size_t k = 0; k < 3; k++) {
		char *open = repeat(deep[k][0], 100000, "1");
		char *close = repeat(deep[k][1], 100000, "\n");
		size_t n = strlen(open) + strlen(close) + 64;
		char *text = malloc(n);
		assert_non_null(text);
		snprintf(text, n, "kind,name,value\ncost,A,%s%s", open, close);
		expect_load_error(text, 2, 3, "nested too deeply");
		free(open);
		free(close);
		free(text);
	}
	char *name = repeat("n", 600, "");
	size_t n = 3 * 600 + 100;
	char *text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "kind,name,value\ninput,%s,%s + 1\ncost,A,1\n", name, name);
	expect_load_error(text, 2, 3, "inputs refer to each other in a circle: nnnn");
	/* A correlation of inputs with long names finds them (names were cut at 127). */
	snprintf(text, n, "kind,name,value,low,high\ninput,%s,5,1,9\ninput,b,5,1,9\n"
		 "correlation,%s|b,0.5\ncost,A,1\n", name, name);
	crm_scenario *sc = load_text(text);
	assert_int_equal(sc->ncorrelations, 1);
	crm_scenario_free(sc);
	free(name);
	free(text);
	/* x_ columns are bounded (each row would carry them all). */
	char hdr[2048] = "kind,name,value";
	for (int k = 0; k < CRM_MAX_EXTRA_COLUMNS + 1; k++)
		sprintf(hdr + strlen(hdr), ",x_%d", k);
	strcat(hdr, "\ncost,A,1\n");
	expect_load_error(hdr, 1, 4 + CRM_MAX_EXTRA_COLUMNS, "more than 64 x_ columns");
	hdr[0] = '\0';
	strcpy(hdr, "kind,name,value");
	for (int k = 0; k < CRM_MAX_EXTRA_COLUMNS; k++)
		sprintf(hdr + strlen(hdr), ",x_%d", k);
	strcat(hdr, "\ncost,A,1,note\n");
	sc = load_text(hdr);
	assert_int_equal(sc->nextra, CRM_MAX_EXTRA_COLUMNS);
	assert_string_equal(sc->lines[0].extra[0], "note");
	assert_string_equal(sc->lines[0].extra[CRM_MAX_EXTRA_COLUMNS - 1], "");
	crm_scenario_free(sc);
}

/*
 * The scenario keeps its rows' text in blocks of its own: short pieces share
 * a block, a long one gets its own, repeated areas and owners are kept once.
 * Every piece reads back as written, whatever its length or neighbours; a
 * line break in a name is shown as \n; a file that inherits from nothing has
 * no origins to list.
 */
static void test_kept_text(void **state)
{
	(void)state;
	enum { NLINES = 3000 };
	char *note = repeat("a long note, ", 4000, "end");      /* 52 KB: a block of its own */
	char *label = repeat("L", 20000, "");                    /* 20 KB: a block of its own */
	size_t cap = strlen(note) + strlen(label) + NLINES * 96 + 256, at = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	at += (size_t)snprintf(text + at, cap - at, "kind,name,value,area,owner,note\n"
			       "input,x,2,,,\"%s\"\n", note);
	for (int i = 0; i < NLINES; i++)
		at += (size_t)snprintf(text + at, cap - at, "%s,Line %d,x * %d,%s,Owner %d,n%d\n",
				       i % 3 ? "benefit" : "cost", i, i, i % 2 ? "sales" : "service",
				       i / 100, i);
	at += (size_t)snprintf(text + at, cap - at, "cost,%s,1,,,\n", label);
	snprintf(text + at, cap - at, "cost,\"Two\nlines\",1,\"a\tb\",,\"kept\nas written\"\n");
	crm_scenario *sc = load_text(text);
	assert_int_equal(sc->nlines, NLINES + 2);
	assert_string_equal(sc->inputs[0].note, note);
	for (int i = 0; i < NLINES; i++) {
		char want[64];
		const crm_line *ln = &sc->lines[i];
		snprintf(want, sizeof want, "Line %d", i);
		assert_string_equal(ln->label, want);
		snprintf(want, sizeof want, "x * %d", i);
		assert_string_equal(ln->value_text, want);
		assert_string_equal(ln->area, i % 2 ? "sales" : "service");
		snprintf(want, sizeof want, "Owner %d", i / 100);
		assert_string_equal(ln->owner, want);
		snprintf(want, sizeof want, "n%d", i);
		assert_string_equal(ln->note, want);
		assert_string_equal(ln->metric, "");
	}
	assert_string_equal(sc->lines[NLINES].label, label);
	assert_string_equal(sc->lines[NLINES + 1].label, "Two\\nlines");
	assert_string_equal(sc->lines[NLINES + 1].area, "a\\tb");
	assert_string_equal(sc->lines[NLINES + 1].note, "kept\nas written");
	assert_int_equal(sc->nfiles, 1);
	assert_int_equal(sc->norigins, 0);
	crm_scenario_free(sc);
	free(text);
	free(label);
	free(note);
}

/*
 * crm_scenario_check lists every independent error of a file, as a compiler
 * does, in the order of the file; crm_scenario_parse still stops at the
 * first, the same error. Seven mistakes, one run.
 */
static void test_check_lists_every_error(void **state)
{
	(void)state;
	static const char draft[] =
		"kind,name,value,low,high,dist,area,timing,start\n"
		"setting,discount_rate,12\n"                      /* 2: would mean 1200% */
		"setting,horizon_years,5\n"
		"input,leads,\"1,000\"\n"                          /* 4: thousands separator */
		"input,win_rate,20%,30%,40%\n"                    /* 5: outside its range */
		"input,deal_size,25000\n"
		"cost,Licences,12000,,,,,weekly\n"                /* 7: timing */
		"cots,Training,5000\n"                            /* 8: unknown kind */
		"benefit,Deals,leads * win_rat * deal_size\n"     /* 9: unknown input */
		"benefit,Service,1000,,,,,yearly,1.5\n"           /* 10: start not whole */
		"correlation,leads|win_rate,0.3\n";               /* skipped: its inputs have errors */
	static const struct { int line, col; const char *msg; } want[] = {
		{ 2, 3, "would mean 1200%" },
		{ 4, 3, "thousands separators" },
		{ 5, 3, "outside its range" },
		{ 7, 8, "timing 'weekly'" },
		{ 8, 1, "unknown kind 'cots'" },
		{ 9, 3, "unknown input 'win_rat'" },
		{ 10, 9, "not a whole number" },
	};
	crm_warnings errors = { NULL, 0, 0 };
	size_t unlisted = 99;
	crm_error first;
	assert_null(crm_scenario_check_text(draft, sizeof draft - 1, "draft.csv", &errors,
					    &unlisted, &first));
	if (errors.count != sizeof want / sizeof *want) {
		for (size_t i = 0; i < errors.count; i++)
			print_error("%d:%d: %s\n", errors.items[i].line, errors.items[i].col,
				    errors.items[i].msg);
		fail();
	}
	assert_int_equal(unlisted, 0);
	for (size_t i = 0; i < errors.count; i++) {
		assert_int_equal(errors.items[i].status, CRM_EDATA);
		assert_string_equal(errors.items[i].file, "draft.csv");
		assert_int_equal(errors.items[i].line, want[i].line);
		assert_int_equal(errors.items[i].col, want[i].col);
		assert_contains(errors.items[i].msg, want[i].msg);
	}
	crm_warnings_free(&errors);
	/* The loader's contract is unchanged: NULL and the first error. */
	crm_error err;
	crm_error_clear(&err);
	assert_null(crm_scenario_parse(draft, sizeof draft - 1, "draft.csv", 0, &err));
	assert_int_equal(err.line, first.line);
	assert_string_equal(err.msg, first.msg);
	assert_int_equal(err.line, 2);

	/* More than CRM_MAX_ERRORS: the rest are counted. */
	char *many = repeat("cots,A,1\n", 70, "");
	size_t n = strlen(many) + 32;
	char *text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "kind,name,value\n%s", many);
	assert_null(crm_scenario_check_text(text, strlen(text), "many.csv", &errors, &unlisted, NULL));
	assert_int_equal(errors.count, CRM_MAX_ERRORS);
	assert_int_equal(unlisted, 70 - CRM_MAX_ERRORS);
	crm_warnings_free(&errors);
	free(many);
	free(text);

	/* A good file: the scenario, and no errors. */
	static const char good[] = "kind,name,value\ncost,A,1\n";
	crm_scenario *sc = crm_scenario_check_text(good, sizeof good - 1, "good.csv", &errors,
						   &unlisted, NULL);
	assert_non_null(sc);
	assert_int_equal(errors.count, 0);
	crm_scenario_free(sc);
}

static void test_shipped_scenarios_load(void **state)
{
	(void)state;
	static const char *const files[] = {
		"scenarios/midsize_business_case.csv", "scenarios/tei_example.csv",
		"scenarios/areas/lead_management.csv", "scenarios/areas/field_service.csv",
		"scenarios/areas/call_center.csv",
	};
	char path[1024];
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		crm_error err;
		crm_error_clear(&err);
		snprintf(path, sizeof path, "%s/%s", TEST_SRCDIR, files[i]);
		crm_scenario *sc = crm_scenario_load(path, &err);
		if (!sc) {
			print_error("%s:%d:%d: %s\n", err.file, err.line, err.col, err.msg);
			fail();
		}
		assert_int_equal(sc->warnings.count, 0);
		crm_scenario_free(sc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal_and_defaults),
		cmocka_unit_test(test_layout_rules),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_inputs_any_order),
		cmocka_unit_test(test_range_and_dist),
		cmocka_unit_test(test_every_error),
		cmocka_unit_test(test_kept_text),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_shipped_scenarios_load),
		cmocka_unit_test(test_hostile_values),
		cmocka_unit_test(test_check_lists_every_error),
		cmocka_unit_test(test_no_false_warnings),
		cmocka_unit_test(test_warnings_dedupe),
	};
	crm_init();
	return cmocka_run_group_tests_name("scenario", tests, NULL, NULL);
}
