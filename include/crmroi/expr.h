/*
 * crmroi/expr.h - the value language of scenario files.
 *
 * A value is a number ("12.5%", "-3e4"), a per-year series ("100;120;150") or
 * an expression over inputs ("leads_per_year * win_uplift * deal_margin").
 * All three compile to one small bytecode program, evaluated per period of the
 * model grid without re-parsing. Names are resolved at compile time through a
 * caller-supplied lookup, so this module knows nothing about scenarios.
 */
#ifndef CRMROI_EXPR_H
#define CRMROI_EXPR_H

#include <stddef.h>

#include "crmroi/error.h"

/*
 * Parse a whole string as one number: optional sign, digits with an optional
 * decimal point, optional exponent, optional trailing '%' (divides by 100).
 * Leading and trailing blanks are allowed. On failure returns CRM_EDATA and
 * writes into why (if not NULL) what was wrong and how to write it instead.
 * *percent (if not NULL) tells whether a '%' was given.
 */
crm_status crm_parse_number(const char *s, double *out, int *percent, char *why, size_t whylen);

/*
 * How a file writes its numbers. With a decimal point (the default),
 * 1234.56 and a formula's arguments separated by ',' (min(a, b)); with a
 * decimal comma, as a spreadsheet with a European locale writes them,
 * 1234,56 or 1.234,56 (dots group thousands, in threes) and a formula's
 * arguments separated by ';' (min(a; b)), since a comma between digits is a
 * decimal comma. A series separates its years by ';' in both.
 */
typedef enum crm_decimal {
	CRM_DECIMAL_POINT,
	CRM_DECIMAL_COMMA
} crm_decimal;

/*
 * crm_parse_number for a number written with the decimal mark dec. A
 * message in why suggests the number as that convention writes it.
 */
crm_status crm_parse_number_in(const char *s, crm_decimal dec, double *out, int *percent,
			       char *why, size_t whylen);

/*
 * v as %g writes it, with the decimal mark of dec (1.5 or 1,5), into buf of
 * len bytes; returns buf. For a message that shows or suggests a number as
 * the file it is about writes numbers.
 */
const char *crm_number_text(char *buf, size_t len, double v, crm_decimal dec);

typedef enum crm_value_kind {
	CRM_VALUE_NUMBER,     /* a single number */
	CRM_VALUE_SERIES,     /* numbers per year, separated by ';' */
	CRM_VALUE_EXPR        /* anything else: a formula */
} crm_value_kind;

/* What the evaluator needs in one period. */
typedef struct crm_expr_env {
	const double *cur;    /* current-period value of every input, by index */
	const double *prev;   /* previous-period values (all 0 in the first period) */
	int year;             /* 1-based year of the horizon */
	int month;            /* 1-based month of the horizon */
} crm_expr_env;

typedef struct crm_expr crm_expr;

/*
 * Look a name up: return its input index (>= 0), or -1 if unknown. ctx is
 * passed through.
 */
typedef int (*crm_expr_lookup)(void *ctx, const char *name, size_t len);

/* Deepest nesting of parentheses, signs, calls and powers a formula may have. */
#define CRM_EXPR_MAX_NESTING 64

/*
 * Compile src. lookup may be NULL when no names are allowed. On error returns
 * NULL and fills err->msg (and err->col is left as the caller set it) with the
 * character position and what was expected. The caller owns the result.
 */
crm_expr *crm_expr_compile(const char *src, crm_expr_lookup lookup, void *ctx,
			   crm_error *err);
/* crm_expr_compile for a value whose numbers are written with the decimal mark dec. */
crm_expr *crm_expr_compile_in(const char *src, crm_decimal dec, crm_expr_lookup lookup,
			      void *ctx, crm_error *err);
void crm_expr_free(crm_expr *e);

/* Evaluate in one period. May return a non-finite value (x/0): callers check. */
double crm_expr_eval(const crm_expr *e, const crm_expr_env *env);

/*
 * Evaluate at n points at once, for a formula that does not use time
 * (crm_expr_uses_time is 0): col[i] holds the n values of input i (every
 * input the formula uses must have one), out receives the n results, each
 * the number crm_expr_eval gives for that point's inputs. stack is scratch
 * of crm_expr_stack_depth(e) x n doubles.
 */
void crm_expr_eval_n(const crm_expr *e, const double *const *col, size_t n, double *stack,
		     double *out);
size_t crm_expr_stack_depth(const crm_expr *e);

crm_value_kind crm_expr_kind(const crm_expr *e);
/* For CRM_VALUE_NUMBER: the number. */
double crm_expr_number(const crm_expr *e);
/* For CRM_VALUE_SERIES: the number of years given, and the values. */
size_t crm_expr_series(const crm_expr *e, const double **values);

/*
 * Inputs referenced directly (deps) and through prev() (prev_deps), each
 * without duplicates, in order of first appearance. Arrays owned by e.
 */
size_t crm_expr_deps(const crm_expr *e, const int **deps);
size_t crm_expr_prev_deps(const crm_expr *e, const int **deps);
/* Whether the value can differ between periods (uses year, month, prev or is a series). */
int crm_expr_uses_time(const crm_expr *e);

/* Names that may not be used for inputs: functions and period variables. */
int crm_expr_reserved(const char *name);
/* Those names as a list for a message: "min, max, ..., year and month". Static. */
const char *crm_expr_reserved_list(void);

/*
 * The compiled program, for tools that translate a formula into another
 * language (the workbook writer). The program is postfix: CONST pushes k,
 * INPUT and PREV push input arg (now, and in the previous period), YEAR and
 * MONTH push the period variables, SERIES pushes the year's entry of the
 * series (crm_expr_series); NEG, ABS and NOT pop one value and push one; ADD,
 * SUB, MUL, DIV, POW, ROUND (value, digits) and the comparisons EQ, NE, LT,
 * LE, GT, GE pop two; IF pops three (condition, then, else); MIN, MAX, AND
 * and OR pop arg values.
 *
 * A comparison, AND, OR and NOT give 1 (true) or 0 (false); two numbers that
 * differ by less than 2^-48 of each compare equal, as in a spreadsheet
 * (0.1 + 0.2 = 0.3). IF, AND, OR and
 * NOT take any number other than 0 as true. Each of them gives NaN when a
 * value it reads is not finite (a division by zero), as a spreadsheet gives
 * an error; IF reads only its condition and the branch it chooses, so the
 * other branch may hold 1/0.
 */
typedef enum crm_expr_op {
	CRM_EXPR_CONST, CRM_EXPR_INPUT, CRM_EXPR_PREV, CRM_EXPR_YEAR, CRM_EXPR_MONTH,
	CRM_EXPR_SERIES, CRM_EXPR_NEG, CRM_EXPR_ADD, CRM_EXPR_SUB, CRM_EXPR_MUL,
	CRM_EXPR_DIV, CRM_EXPR_POW, CRM_EXPR_MIN, CRM_EXPR_MAX, CRM_EXPR_ABS, CRM_EXPR_ROUND,
	CRM_EXPR_EQ, CRM_EXPR_NE, CRM_EXPR_LT, CRM_EXPR_LE, CRM_EXPR_GT, CRM_EXPR_GE,
	CRM_EXPR_IF, CRM_EXPR_AND, CRM_EXPR_OR, CRM_EXPR_NOT
} crm_expr_op;

typedef struct crm_expr_insn {
	crm_expr_op op;
	int arg;        /* input index, or argument count of MIN, MAX, AND and OR */
	double k;       /* the constant of CONST */
} crm_expr_insn;

/* Number of instructions, and instruction i (i < that number). */
size_t crm_expr_ninsn(const crm_expr *e);
crm_expr_insn crm_expr_insn_at(const crm_expr *e, size_t i);

#endif
