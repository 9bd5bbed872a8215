/*
 * xlformula.h - crmroi's formula language written as Excel formulas.
 *
 * The one place where a compiled crmroi formula (crmroi/expr.h) becomes the
 * text of a spreadsheet formula that computes the same number, and where a
 * crmroi name becomes a valid Excel defined name. It knows nothing about
 * sheets: what an input or a period variable refers to in a given cell is
 * asked of the caller. It does not write files.
 */
#ifndef CRMROI_XLFORMULA_H
#define CRMROI_XLFORMULA_H

#include <stddef.h>

#include "crmroi/expr.h"

/* Excel's limits on a formula: its length (characters) and nested functions. */
#define XLF_MAX_LEN 8192
#define XLF_MAX_NESTING 64
#define XLF_MAX_ARGS 255
/* Longest Excel defined name. */
#define XLF_MAX_NAME 255

/*
 * What the names in a formula mean in the cell being written. Each callback
 * writes a NUL-terminated text into buf (len bytes) and returns 0, or returns
 * -1 after writing into buf why there is no such text.
 */
typedef struct xlf_refs {
	/* Input i in this period (prev = 0) or the previous one (prev = 1). */
	int (*input)(void *ctx, int i, int prev, char *buf, size_t len);
	/* The period variables: year (which = 0) or month (which = 1). */
	int (*period)(void *ctx, int which, char *buf, size_t len);
	/* This period's entry of a series value; NULL when a series cannot be used here. */
	int (*series)(void *ctx, char *buf, size_t len);
	void *ctx;
} xlf_refs;

/*
 * Translate e into an Excel formula, starting with '=', that gives the value
 * crmroi computes, operator precedence and associativity included (crmroi's
 * -2^2 is -(2^2); its 2^3^2 is 2^(3^2)). Returns a malloc'd string the caller
 * frees, or NULL with why filled (a callback failed, or the formula is beyond
 * Excel's limits).
 */
char *xlf_translate(const crm_expr *e, const xlf_refs *refs, char *why, size_t whylen);

/*
 * A line's start, end or ramp given as formula e: e rounded to a whole
 * month as crmroi rounds it, halves away from zero, which is what Excel's
 * ROUND(x, 0) does: "=ROUND(golive+3,0)". Returns as xlf_translate (the
 * rounding counts in Excel's limits).
 */
char *xlf_translate_month(const crm_expr *e, const xlf_refs *refs, char *why, size_t whylen);

/* The shortest text Excel reads back as exactly v (1E+20, not 1e+20). */
void xlf_number(double v, char *buf, size_t len);

/*
 * Whether name cannot be an Excel defined name as it is: it looks like a cell
 * reference in A1 style (fte2, a1, xfd1048576) or R1C1 style (r, c, r1c1), or
 * it is the name of an Excel function or TRUE or FALSE (sum, npv, irr),
 * compared without regard to case.
 */
int xlf_name_clashes(const char *name);

/*
 * The defined name for a crmroi name: the name itself, or with '_' appended
 * when xlf_name_clashes says so. Returns 0, or -1 when it does not fit in
 * buf or is longer than XLF_MAX_NAME.
 */
int xlf_name(const char *name, char *buf, size_t len);

#endif
