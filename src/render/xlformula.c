/*
 * xlformula.c - crmroi formulas as Excel formulas, and crmroi names as Excel
 * defined names.
 *
 * A compiled formula is a postfix program (crmroi/expr.h); it is turned back
 * into infix text with a stack of (text, precedence) entries, and every
 * operand whose precedence is lower than its operator needs gets parentheses.
 * Two rules differ between the languages and are handled here:
 *   - crmroi's unary minus binds less tightly than ^ (-2^2 = -4); Excel's
 *     binds more tightly (-2^2 = 4). A negated power is written -(2^2).
 *   - crmroi's ^ is right-associative (2^3^2 = 2^9); Excel's is left-
 *     associative. A power in an exponent is written 2^(3^2).
 * Besides those, an operand keeps its own parentheses wherever leaving them
 * out could regroup it (a-(b-c), a/(b*c), a*(b*c)), so that Excel evaluates
 * the operations in crmroi's order and rounds the same way.
 *
 * Comparisons, AND, OR and NOT give 1 or 0 in crmroi, and TRUE or FALSE in
 * Excel. Arithmetic reads TRUE as 1, but Excel compares a logical value as
 * greater than every number (TRUE > 5), MIN and MAX skip logical values held
 * in cells, and a cell would show TRUE. So a logical value is made a number,
 * IF(a>b,1,0), wherever crmroi uses it as one and Excel would not: as an
 * operand of a comparison, an argument of MIN, MAX, ABS or ROUND, a branch of
 * IF, and the value of the cell. The condition of IF and the arguments of
 * AND, OR and NOT are left logical. (--(a>b), the shorter idiom, stays TRUE
 * or FALSE in LibreOffice, which carries a logical format through a minus.)
 */
#include "xlformula.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Precedence of an entry's outermost operation, lowest first. */
enum { P_CMP = 1, P_ADD, P_MUL, P_NEG, P_POW, P_ATOM };

struct entry {
	char *s;
	int prec;
	int nesting;    /* functions nested in s */
	int logical;    /* TRUE or FALSE in Excel: a comparison, AND, OR or NOT */
};

void xlf_number(double v, char *buf, size_t len)
{
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(buf, len, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	for (char *p = buf; *p; p++)
		if (*p == 'e')
			*p = 'E';
}

/* A malloc'd concatenation of the strings given (NULL ones are skipped). */
static char *concat(const char *a, const char *b, const char *c, const char *d, const char *e)
{
	const char *parts[5] = { a, b, c, d, e };
	size_t n = 1;

	for (int i = 0; i < 5; i++)
		if (parts[i])
			n += strlen(parts[i]);
	char *s = malloc(n);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (int i = 0; i < 5; i++)
		if (parts[i])
			strcat(s, parts[i]);
	return s;
}

/* e's text, in parentheses when wrap is set; consumes e->s. */
static char *operand(struct entry *e, int wrap)
{
	char *s = wrap ? concat("(", e->s, ")", NULL, NULL) : e->s;

	if (wrap)
		free(e->s);
	e->s = NULL;
	return s;
}

/* A logical entry made a number, IF(a>b,1,0); 0, or -1 when out of memory. */
static int to_number(struct entry *e)
{
	if (!e->logical)
		return 0;
	char *s = concat("IF(", e->s, ",1,0)", NULL, NULL);
	free(e->s);
	e->s = s;
	e->prec = P_ATOM;
	e->nesting++;
	e->logical = 0;
	return s ? 0 : -1;
}

static int ref_text(const xlf_refs *refs, const crm_expr_insn *in, char *buf, size_t len)
{
	switch (in->op) {
	case CRM_EXPR_INPUT:
	case CRM_EXPR_PREV:
		return refs && refs->input ? refs->input(refs->ctx, in->arg, in->op == CRM_EXPR_PREV,
							 buf, len)
					   : (snprintf(buf, len, "inputs are not available here"), -1);
	case CRM_EXPR_YEAR:
	case CRM_EXPR_MONTH:
		return refs && refs->period ? refs->period(refs->ctx, in->op == CRM_EXPR_MONTH, buf, len)
					    : (snprintf(buf, len, "year and month are not available "
							"here"), -1);
	case CRM_EXPR_SERIES:
		return refs && refs->series ? refs->series(refs->ctx, buf, len)
					    : (snprintf(buf, len, "a series has no single formula: "
							"its values are written per period"), -1);
	default:
		xlf_number(in->k, buf, len);
		return 0;
	}
}

/*
 * e as the text of an Excel expression (no '='), malloc'd, with its depth of
 * nested functions in *nesting; NULL with why filled.
 */
static char *translate(const crm_expr *e, const xlf_refs *refs, char *why, size_t whylen,
		       int *nesting)
{
	size_t n = crm_expr_ninsn(e), sp = 0;
	struct entry *st = calloc(n + 1, sizeof *st);
	char *out = NULL, buf[512];

	if (!st) {
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		crm_expr_insn in = crm_expr_insn_at(e, i);
		struct entry r = { NULL, P_ATOM, 0, 0 };
		switch (in.op) {
		case CRM_EXPR_CONST:
		case CRM_EXPR_INPUT:
		case CRM_EXPR_PREV:
		case CRM_EXPR_YEAR:
		case CRM_EXPR_MONTH:
		case CRM_EXPR_SERIES:
			if (ref_text(refs, &in, buf, sizeof buf) != 0) {
				snprintf(why, whylen, "%s", buf);
				goto fail;
			}
			r.s = strdup(buf);
			/* A negative constant (a whole value such as -3e4) is a negation. */
			if (in.op == CRM_EXPR_CONST && in.k < 0)
				r.prec = P_NEG;
			break;
		case CRM_EXPR_NEG: {
			struct entry *a = &st[--sp];
			char *x = operand(a, a->prec < P_ATOM);
			r.nesting = a->nesting;
			r.s = x ? concat("-", x, NULL, NULL, NULL) : NULL;
			r.prec = P_NEG;
			free(x);
			break;
		}
		case CRM_EXPR_ADD:
		case CRM_EXPR_SUB:
		case CRM_EXPR_MUL:
		case CRM_EXPR_DIV:
		case CRM_EXPR_POW: {
			struct entry *b = &st[--sp], *a = &st[--sp];
			int prec = in.op == CRM_EXPR_POW ? P_POW
				 : in.op == CRM_EXPR_MUL || in.op == CRM_EXPR_DIV ? P_MUL : P_ADD;
			/*
			 * Left operands keep anything that binds at least as tightly (left
			 * associativity), except under ^, whose base crmroi only allows as a
			 * primary. Right operands are wrapped unless they bind more tightly
			 * than the operator; a negation is wrapped for readability (a*(-b)).
			 */
			int wrap_a = prec == P_POW ? a->prec < P_ATOM : a->prec < prec;
			int wrap_b = prec == P_POW ? b->prec < P_ATOM : b->prec <= prec || b->prec == P_NEG;
			const char *opstr = in.op == CRM_EXPR_ADD ? "+" : in.op == CRM_EXPR_SUB ? "-"
					  : in.op == CRM_EXPR_MUL ? "*" : in.op == CRM_EXPR_DIV ? "/" : "^";
			r.nesting = a->nesting > b->nesting ? a->nesting : b->nesting;
			char *x = operand(a, wrap_a), *y = operand(b, wrap_b);
			r.s = x && y ? concat(x, opstr, y, NULL, NULL) : NULL;
			r.prec = prec;
			free(x);
			free(y);
			break;
		}
		case CRM_EXPR_EQ:
		case CRM_EXPR_NE:
		case CRM_EXPR_LT:
		case CRM_EXPR_LE:
		case CRM_EXPR_GT:
		case CRM_EXPR_GE: {
			static const char *const opstr[] = { "=", "<>", "<", "<=", ">", ">=" };
			struct entry *b = &st[--sp], *a = &st[--sp];
			if (to_number(a) != 0 || to_number(b) != 0) {
				free(a->s);
				free(b->s);
				a->s = b->s = NULL;
				break;   /* r.s stays NULL: out of memory */
			}
			r.nesting = a->nesting > b->nesting ? a->nesting : b->nesting;
			char *x = operand(a, a->prec <= P_CMP), *y = operand(b, b->prec <= P_CMP);
			r.s = x && y ? concat(x, opstr[in.op - CRM_EXPR_EQ], y, NULL, NULL) : NULL;
			r.prec = P_CMP;
			r.logical = 1;
			free(x);
			free(y);
			break;
		}
		case CRM_EXPR_MIN:
		case CRM_EXPR_MAX:
		case CRM_EXPR_ABS:
		case CRM_EXPR_ROUND:
		case CRM_EXPR_IF:
		case CRM_EXPR_AND:
		case CRM_EXPR_OR:
		case CRM_EXPR_NOT: {
			int nargs = in.op == CRM_EXPR_ABS || in.op == CRM_EXPR_NOT ? 1
				  : in.op == CRM_EXPR_ROUND ? 2 : in.op == CRM_EXPR_IF ? 3 : in.arg;
			const char *fn = in.op == CRM_EXPR_MIN ? "MIN(" : in.op == CRM_EXPR_MAX ? "MAX("
				       : in.op == CRM_EXPR_ABS ? "ABS(" : in.op == CRM_EXPR_ROUND ? "ROUND("
				       : in.op == CRM_EXPR_IF ? "IF(" : in.op == CRM_EXPR_AND ? "AND("
				       : in.op == CRM_EXPR_OR ? "OR(" : "NOT(";
			/* Which arguments Excel must see as numbers (see the top of the file). */
			int keep_logical = in.op == CRM_EXPR_AND || in.op == CRM_EXPR_OR ||
					   in.op == CRM_EXPR_NOT;
			if (nargs > XLF_MAX_ARGS) {
				snprintf(why, whylen, "%s) has %d arguments; Excel allows at most %d",
					 fn, nargs, XLF_MAX_ARGS);
				goto fail;
			}
			sp -= (size_t)nargs;
			char *s = strdup(fn);
			for (int k = 0; k < nargs && s; k++) {
				struct entry *a = &st[sp + (size_t)k];
				int logical_ok = keep_logical || (in.op == CRM_EXPR_IF && k == 0);
				if (!logical_ok && to_number(a) != 0) {
					free(s);
					s = NULL;
					break;
				}
				char *t = concat(s, k ? "," : "", a->s, NULL, NULL);
				if (a->nesting > r.nesting)
					r.nesting = a->nesting;
				free(s);
				s = t;
			}
			for (int k = 0; k < nargs; k++) {
				free(st[sp + (size_t)k].s);
				st[sp + (size_t)k].s = NULL;
			}
			r.s = s ? concat(s, ")", NULL, NULL, NULL) : NULL;
			free(s);
			r.nesting++;
			r.logical = keep_logical;
			break;
		}
		}
		if (!r.s) {
			snprintf(why, whylen, "out of memory");
			goto fail;
		}
		if (r.nesting > XLF_MAX_NESTING) {
			free(r.s);
			snprintf(why, whylen, "functions nested %d deep; Excel allows %d", r.nesting,
				 XLF_MAX_NESTING);
			goto fail;
		}
		if (strlen(r.s) + 1 > XLF_MAX_LEN) {
			free(r.s);
			snprintf(why, whylen, "the formula is longer than Excel's %d characters",
				 XLF_MAX_LEN);
			goto fail;
		}
		st[sp++] = r;
	}
	if (sp != 1) {
		snprintf(why, whylen, "malformed formula program");
		goto fail;
	}
	/* The cell holds a number, as crmroi's value is one. */
	if (to_number(&st[0]) != 0) {
		snprintf(why, whylen, "out of memory");
		goto fail;
	}
	if (st[0].nesting > XLF_MAX_NESTING) {
		snprintf(why, whylen, "functions nested %d deep; Excel allows %d", st[0].nesting,
			 XLF_MAX_NESTING);
		goto fail;
	}
	if (strlen(st[0].s) + 1 > XLF_MAX_LEN) {
		snprintf(why, whylen, "the formula is longer than Excel's %d characters", XLF_MAX_LEN);
		goto fail;
	}
	out = st[0].s;
	*nesting = st[0].nesting;
	st[0].s = NULL;
fail:
	for (size_t i = 0; i < sp; i++)
		free(st[i].s);
	free(st);
	return out;
}

char *xlf_translate(const crm_expr *e, const xlf_refs *refs, char *why, size_t whylen)
{
	int nesting;
	char *body = translate(e, refs, why, whylen, &nesting);
	char *out = body ? concat("=", body, NULL, NULL, NULL) : NULL;

	if (body && !out)
		snprintf(why, whylen, "out of memory");
	free(body);
	return out;
}

char *xlf_translate_month(const crm_expr *e, const xlf_refs *refs, char *why, size_t whylen)
{
	int nesting;
	char *body = translate(e, refs, why, whylen, &nesting), *out = NULL;

	if (!body)
		return NULL;
	if (nesting + 1 > XLF_MAX_NESTING)
		snprintf(why, whylen, "functions nested %d deep with the rounding to a month; Excel "
			 "allows %d", nesting + 1, XLF_MAX_NESTING);
	else if (strlen(body) + sizeof "=ROUND(,0)" > XLF_MAX_LEN)
		snprintf(why, whylen, "the formula rounded to a month is longer than Excel's %d "
			 "characters", XLF_MAX_LEN);
	else if (!(out = concat("=ROUND(", body, ",0)", NULL, NULL)))
		snprintf(why, whylen, "out of memory");
	free(body);
	return out;
}

/* ------------------------------------------------------------------ names */

/* Excel's worksheet functions (and TRUE, FALSE), lower case, sorted for bsearch. */
static const char *const excel_functions[] = {
	"abs", "accrint", "accrintm", "acos", "acosh", "acot", "acoth", "address", "aggregate",
	"amordegrc", "amorlinc", "and", "arabic", "areas", "arraytotext", "asc", "asin", "asinh",
	"atan", "atan2", "atanh", "avedev", "average", "averagea", "averageif", "averageifs",
	"bahttext", "base", "besseli", "besselj", "besselk", "bessely", "betadist", "betainv",
	"bin2dec", "bin2hex", "bin2oct", "binomdist", "bitand", "bitlshift", "bitor", "bitrshift",
	"bitxor", "bycol", "byrow", "call", "ceiling", "cell", "char", "chidist", "chiinv", "chitest",
	"choose", "choosecols", "chooserows", "clean", "code", "column", "columns", "combin",
	"combina", "complex", "concat", "concatenate", "confidence", "convert", "correl", "cos",
	"cosh", "cot", "coth", "count", "counta", "countblank", "countif", "countifs", "coupdaybs",
	"coupdays", "coupdaysnc", "coupncd", "coupnum", "couppcd", "covar", "covariance", "critbinom",
	"csc", "csch", "cubekpimember", "cubemember", "cubememberproperty", "cuberankedmember",
	"cubeset", "cubesetcount", "cubevalue", "cumipmt", "cumprinc", "date", "datedif", "datevalue",
	"daverage", "day", "days", "days360", "db", "dbcs", "dcount", "dcounta", "ddb", "dec2bin",
	"dec2hex", "dec2oct", "decimal", "degrees", "delta", "devsq", "dget", "disc", "dmax", "dmin",
	"dollar", "dollarde", "dollarfr", "dproduct", "drop", "dstdev", "dstdevp", "dsum", "duration",
	"dvar", "dvarp", "edate", "effect", "encodeurl", "eomonth", "erf", "erfc", "error", "even",
	"exact", "exp", "expand", "expondist", "fact", "factdouble", "false", "fdist", "filter",
	"filterxml", "find", "findb", "finv", "fisher", "fisherinv", "fixed", "floor", "forecast",
	"formulatext", "frequency", "ftest", "fv", "fvschedule", "gamma", "gammadist", "gammainv",
	"gammaln", "gauss", "gcd", "geomean", "gestep", "getpivotdata", "growth", "harmean",
	"hex2bin", "hex2dec", "hex2oct", "hlookup", "hour", "hstack", "hyperlink", "hypgeomdist",
	"if", "iferror", "ifna", "ifs", "imabs", "image", "imaginary", "imargument", "imconjugate",
	"imcos", "imcosh", "imcot", "imcsc", "imcsch", "imdiv", "imexp", "imln", "imlog10", "imlog2",
	"impower", "improduct", "imreal", "imsec", "imsech", "imsin", "imsinh", "imsqrt", "imsub",
	"imsum", "imtan", "index", "indirect", "info", "int", "intercept", "intrate", "ipmt", "irr",
	"isblank", "iserr", "iserror", "iseven", "isformula", "islogical", "isna", "isnontext",
	"isnumber", "isodd", "isomitted", "isoweeknum", "ispmt", "isref", "istext", "jis", "kurt",
	"lambda", "large", "lcm", "left", "leftb", "len", "lenb", "let", "linest", "ln", "log",
	"log10", "logest", "loginv", "lognormdist", "lookup", "lower", "makearray", "map", "match",
	"max", "maxa", "maxifs", "mdeterm", "mduration", "median", "mid", "midb", "min", "mina",
	"minifs", "minute", "minverse", "mirr", "mmult", "mod", "mode", "month", "mround",
	"multinomial", "munit", "n", "na", "negbinomdist", "networkdays", "nominal", "normdist",
	"norminv", "normsdist", "normsinv", "not", "now", "nper", "npv", "numbervalue", "oct2bin",
	"oct2dec", "oct2hex", "odd", "oddfprice", "oddfyield", "oddlprice", "oddlyield", "offset",
	"or", "pduration", "pearson", "percentile", "percentrank", "permut", "permutationa", "phi",
	"phonetic", "pi", "pmt", "poisson", "power", "ppmt", "price", "pricedisc", "pricemat", "prob",
	"product", "proper", "pv", "quartile", "quotient", "radians", "rand", "randarray",
	"randbetween", "rank", "rate", "received", "reduce", "register", "replace", "replaceb",
	"rept", "right", "rightb", "roman", "round", "rounddown", "roundup", "row", "rows", "rri",
	"rsq", "rtd", "scan", "search", "searchb", "sec", "sech", "second", "sequence", "seriessum",
	"sheet", "sheets", "sign", "sin", "sinh", "skew", "sln", "slope", "small", "sort", "sortby",
	"sqrt", "sqrtpi", "standardize", "stdev", "stdeva", "stdevp", "stdevpa", "steyx",
	"substitute", "subtotal", "sum", "sumif", "sumifs", "sumproduct", "sumsq", "sumx2my2",
	"sumx2py2", "sumxmy2", "switch", "syd", "t", "take", "tan", "tanh", "tbilleq", "tbillprice",
	"tbillyield", "tdist", "text", "textafter", "textbefore", "textjoin", "textsplit", "time",
	"timevalue", "tinv", "tocol", "today", "torow", "transpose", "trend", "trim", "trimmean",
	"true", "trunc", "ttest", "type", "unichar", "unicode", "unique", "upper", "value",
	"valuetotext", "var", "vara", "varp", "varpa", "vdb", "vlookup", "vstack", "webservice",
	"weekday", "weeknum", "weibull", "workday", "wrapcols", "wraprows", "xirr", "xlookup",
	"xmatch", "xnpv", "xor", "year", "yearfrac", "yield", "yielddisc", "yieldmat", "ztest",
};

static int cmp_name(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

static int is_function(const char *name)
{
	char low[32];
	size_t n = strlen(name);

	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	return bsearch(low, excel_functions, sizeof excel_functions / sizeof *excel_functions,
		       sizeof *excel_functions, cmp_name) != NULL;
}

/*
 * Letters then digits, like fte2 or XFD1048576. Every such name is refused,
 * also past the last column or row: other spreadsheets have other limits, and
 * a name that reads like a cell is confusing anyway.
 */
static int looks_like_a1(const char *s)
{
	size_t i = 0;

	while (isalpha((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 3 || !isdigit((unsigned char)s[i]))
		return 0;
	while (isdigit((unsigned char)s[i]))
		i++;
	return s[i] == '\0';
}

/* R, C, R1, C1, RC, R1C1, R2C, RC3 (the R1C1 reference style). */
static int looks_like_r1c1(const char *s)
{
	size_t i = 0;

	if (tolower((unsigned char)s[i]) == 'r') {
		i++;
		while (isdigit((unsigned char)s[i]))
			i++;
	}
	if (tolower((unsigned char)s[i]) == 'c') {
		i++;
		while (isdigit((unsigned char)s[i]))
			i++;
	}
	return i > 0 && s[i] == '\0';
}

int xlf_name_clashes(const char *name)
{
	return looks_like_a1(name) || looks_like_r1c1(name) || is_function(name);
}

int xlf_name(const char *name, char *buf, size_t len)
{
	int clash = xlf_name_clashes(name);
	size_t n = strlen(name) + (clash ? 1 : 0);

	if (n > XLF_MAX_NAME || n + 1 > len)
		return -1;
	snprintf(buf, len, "%s%s", name, clash ? "_" : "");
	return 0;
}
