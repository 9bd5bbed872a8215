/*
 * expr.c - strict numbers, per-year series and formulas compiled to bytecode.
 *
 * Grammar (lowest precedence first):
 *   expr    := sum (relop sum)?              one comparison: a < b < c is refused
 *   relop   := '=' | '<>' | '<' | '<=' | '>' | '>='
 *   sum     := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?          right-associative; -2^2 = -(2^2)
 *   primary := number | name | func '(' args ')' | '(' expr ')'
 * A number literal may end in '%'. Functions: min(a, ...), max(a, ...),
 * abs(x), round(x, digits), if(condition, then, else), and(a, ...),
 * or(a, ...), not(x), prev(name); their names are read in any case (IF is
 * if), as a spreadsheet reads them. Period variables: year, month.
 *
 * Comparisons are a spreadsheet's: = is equality, <> inequality, and they
 * bind less tightly than arithmetic (a + 1 > b * 2 compares two sums). They
 * give 1 or 0, so that (year > 1) * 3% is a number as in a spreadsheet, and
 * two numbers that differ only by the rounding of their arithmetic are equal
 * (see CMP_REL).
 *
 * The program is a postfix sequence for a small value stack; its depth is
 * known at compile time, so evaluation allocates nothing.
 */
#define _POSIX_C_SOURCE 200809L
#include "crmroi/expr.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Deepest value stack an expression may need; far beyond any real formula. */
#define EXPR_MAX_STACK 256

/*
 * Deepest nesting the parser accepts: parentheses, unary signs, function
 * calls and the right side of '^' each open one level. The parser recurses
 * once per level, so this bounds its use of the C stack; real formulas nest
 * a handful of levels.
 */
#define EXPR_MAX_NESTING CRM_EXPR_MAX_NESTING

/*
 * Two numbers whose difference is below this share of each are equal in a
 * comparison: 2^-48, about 3.6e-15, LibreOffice's rtl::math::approxEqual.
 * Spreadsheets compare numbers so, to about 15 significant digits, so that
 * 0.1 + 0.2 = 0.3 and twenty steps of 5% reach 100%; a comparison that
 * differed from the workbook's on such a rounding would choose another
 * branch of if().
 */
#define CMP_REL 0x1p-48

/* Longest formula quoted whole in a message; a longer one is shown around the error. */
#define FORMULA_SHOWN 120

enum op {
	OP_CONST, OP_INPUT, OP_PREV, OP_YEAR, OP_MONTH, OP_SERIES,
	OP_NEG, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW,
	OP_MIN, OP_MAX, OP_ABS, OP_ROUND,
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
	OP_IF, OP_AND, OP_OR, OP_NOT
};

struct insn {
	enum op op;
	int arg;        /* input index, or argument count for min, max, and, or */
	double k;       /* constant */
};

/* A value while it is compiled: growing arrays of its own. */
struct expr_build {
	crm_value_kind kind;
	int uses_time;
	int depth, maxdepth;
	struct insn *code;
	double *series;
	int *deps, *prev_deps;
	size_t ncode, capcode;
	unsigned nseries, ndeps, nprev;
};

/*
 * A compiled value: one allocation, 24 bytes and then its code, its series
 * and the inputs it uses (directly and through prev), in that order (see
 * code_of), so that a scenario of many lines costs one small block per value.
 */
struct crm_expr {
	uint32_t ncode, nseries, ndeps, nprev;
	unsigned char kind;        /* a crm_value_kind */
	unsigned char uses_time;
	unsigned short maxdepth;   /* at most EXPR_MAX_STACK */
	uint32_t unused;           /* keeps what follows at a multiple of 8 bytes */
};

static inline const struct insn *code_of(const crm_expr *e)
{
	return (const struct insn *)(e + 1);
}

static inline const double *series_of(const crm_expr *e)
{
	return (const double *)(code_of(e) + e->ncode);
}

static inline const int *deps_of(const crm_expr *e)
{
	return (const int *)(series_of(e) + e->nseries);
}

static inline const int *prev_deps_of(const crm_expr *e)
{
	return deps_of(e) + e->ndeps;
}

/*
 * The functions, with the number of arguments each takes (max -1: any
 * number from min on) and how a message names them. prev() is parsed apart:
 * its argument is a name, not a formula.
 */
static const struct func {
	const char *name;
	enum op op;
	int min, max;
	const char *usage;      /* for a wrong number of arguments */
} funcs[] = {
	{ "min", OP_MIN, 1, -1, NULL },
	{ "max", OP_MAX, 1, -1, NULL },
	{ "abs", OP_ABS, 1, 1, "abs() takes one argument" },
	{ "round", OP_ROUND, 2, 2, "round() takes two arguments (value, digits)" },
	{ "if", OP_IF, 3, 3, "if() takes three arguments (condition, value if true, value if "
	  "false)" },
	{ "and", OP_AND, 1, -1, NULL },
	{ "or", OP_OR, 1, -1, NULL },
	{ "not", OP_NOT, 1, 1, "not() takes one argument" },
	{ "prev", OP_PREV, 1, 1, NULL },
};
#define NFUNCS (sizeof funcs / sizeof *funcs)

/* Longest function name, for the rows of edit_distance(). */
#define FUNC_NAME_MAX 5

/*
 * Spreadsheet functions a newcomer may reach for, and how to write them
 * here. Matched without regard to case.
 */
static const struct { const char *name, *instead; } spreadsheet_hints[] = {
	{ "sum", "add with +: a + b + c" },
	{ "average", "write (a + b + c) / 3" },
	{ "power", "write a ^ b" },
	{ "sqrt", "write x ^ 0.5" },
	{ "ifs", "nest if(): if(a, x, if(b, y, z))" },
	{ "iferror", "write if() with the condition that avoids the error: if(b <> 0, a / b, 0)" },
};

static const char *const reserved[] = { "min", "max", "abs", "round", "if", "and", "or", "not",
					"prev", "year", "month", NULL };

int crm_expr_reserved(const char *name)
{
	for (int i = 0; reserved[i]; i++)
		if (name[0] == reserved[i][0] && strcmp(name, reserved[i]) == 0)
			return 1;
	return 0;
}

const char *crm_expr_reserved_list(void)
{
	/* No "and" before the last: and is one of them. */
	return "min, max, abs, round, if, and, or, not, prev, year, month";
}

/* ---------------------------------------------------------------- numbers */

static int is_blank(int c) { return c == ' ' || c == '\t'; }

/* Length of a currency sign at s, or 0. */
static int currency_sign(const char *s)
{
	if (*s == '$')
		return 1;
	if (!strncmp(s, "\xE2\x82\xAC", 3))     /* EURO SIGN */
		return 3;
	if (!strncmp(s, "\xC2\xA3", 2) || !strncmp(s, "\xC2\xA5", 2))  /* POUND, YEN */
		return 2;
	return 0;
}

/*
 * Scan a number literal at s: [+-]? (digits [. digits?] | . digits) ([eE][+-]?digits)?
 * Returns its length (0 if none). Sign handled by the caller for expressions.
 */
static size_t scan_literal(const char *s)
{
	size_t i = 0, digits = 0;

	while (isdigit((unsigned char)s[i])) {
		i++;
		digits++;
	}
	if (s[i] == '.') {
		i++;
		while (isdigit((unsigned char)s[i])) {
			i++;
			digits++;
		}
	}
	if (!digits)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		size_t j = i + 1;
		if (s[j] == '+' || s[j] == '-')
			j++;
		if (isdigit((unsigned char)s[j])) {
			while (isdigit((unsigned char)s[j]))
				j++;
			i = j;
		}
	}
	return i;
}

/*
 * The same with a decimal comma: digits, grouped by dots in threes after a
 * first group of one to three (1.234.567), then an optional comma and
 * digits, then the exponent: 62,5, 1.234,56, ,5, 2,5e6. A dot that does not
 * group three digits ends the literal, so that 12.5 is never read as 125.
 */
static size_t scan_literal_comma(const char *s)
{
	size_t i = 0, digits = 0;

	while (isdigit((unsigned char)s[i])) {
		i++;
		digits++;
	}
	if (digits >= 1 && digits <= 3 && s[0] != '0')
		while (s[i] == '.' && isdigit((unsigned char)s[i + 1]) &&
		       isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
		       !isdigit((unsigned char)s[i + 4])) {
			i += 4;
			digits += 3;
		}
	/* A comma not followed by a digit is not the literal's: min(1, 2) says why. */
	if (s[i] == ',' && isdigit((unsigned char)s[i + 1])) {
		i++;
		while (isdigit((unsigned char)s[i])) {
			i++;
			digits++;
		}
	}
	if (!digits)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		size_t j = i + 1;
		if (s[j] == '+' || s[j] == '-')
			j++;
		if (isdigit((unsigned char)s[j])) {
			while (isdigit((unsigned char)s[j]))
				j++;
			i = j;
		}
	}
	return i;
}

/* The length of a number literal at s written with the decimal mark dec (0 if none). */
static size_t scan_in(const char *s, crm_decimal dec)
{
	return dec == CRM_DECIMAL_COMMA ? scan_literal_comma(s) : scan_literal(s);
}

/* Convert a scanned literal; 0 on success, -1 when out of range. */
static int convert_literal(const char *s, size_t len, double *out)
{
	char small[128], *tmp = small;
	int rc = -1;

	/* The literal is not NUL-terminated where it ends; copy it (any length). */
	if (len >= sizeof small && !(tmp = malloc(len + 1)))
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	errno = 0;
	char *end;
	double v = strtod(tmp, &end);
	if (errno == ERANGE && fabs(v) > 1.0)   /* overflow; underflow to 0 is fine */
		goto done;
	if (!isfinite(v) || end != tmp + len)
		goto done;
	*out = v;
	rc = 0;
done:
	if (tmp != small)
		free(tmp);
	return rc;
}

/*
 * A literal followed by '%': the double nearest the decimal value / 100, as a
 * spreadsheet reads "0.7%" (0.007, where 0.7 / 100 gives 0.006999999999999999).
 * The literal is read with its decimal exponent lowered by 2; one that already
 * has an exponent is divided.
 */
static int convert_percent(const char *s, size_t len, double *out)
{
	char small[128], *tmp = small;
	int rc;

	if (memchr(s, 'e', len) || memchr(s, 'E', len)) {
		if ((rc = convert_literal(s, len, out)) == 0)
			*out /= 100.0;
		return rc;
	}
	if (len + 4 > sizeof small && !(tmp = malloc(len + 4)))
		return -1;
	memcpy(tmp, s, len);
	memcpy(tmp + len, "e-2", 3);
	rc = convert_literal(tmp, len + 3, out);
	if (tmp != small)
		free(tmp);
	return rc;
}

/*
 * Convert a literal scanned by scan_in (followed by '%' when pct): with a
 * decimal comma, its grouping dots are left out and its comma read as the
 * point. 0 on success, -1 when out of range.
 */
static int convert_in(const char *s, size_t len, crm_decimal dec, int pct, double *out)
{
	char small[128], *tmp = small;
	size_t n = 0;
	int rc;

	if (dec == CRM_DECIMAL_POINT)
		return pct ? convert_percent(s, len, out) : convert_literal(s, len, out);
	if (len >= sizeof small && !(tmp = malloc(len + 1)))
		return -1;
	for (size_t i = 0; i < len; i++)
		if (s[i] != '.')
			tmp[n++] = s[i] == ',' ? '.' : s[i];
	rc = pct ? convert_percent(tmp, n, out) : convert_literal(tmp, n, out);
	if (tmp != small)
		free(tmp);
	return rc;
}

/*
 * Whether s is a number followed by a word ("5 years", "12 %pa", "30 days"):
 * a unit written into the value. *numlen is the length of the number part.
 */
static int number_with_unit(const char *s, crm_decimal dec, size_t *numlen)
{
	const char *p = s;

	while (is_blank((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		p++;
	size_t len = scan_in(p, dec);
	if (!len)
		return 0;
	p += len;
	if (*p == '%')
		p++;
	*numlen = (size_t)(p - s);
	while (is_blank((unsigned char)*p))
		p++;
	if (!isalpha((unsigned char)*p))
		return 0;
	while (isalpha((unsigned char)*p) || is_blank((unsigned char)*p) || *p == '.' || *p == '/')
		p++;
	return *p == '\0';
}

/*
 * Whether s (n bytes, trimmed) is a number, blanks and '%': 15 %. *numlen is
 * the length of the number with its sign.
 */
static int spaced_percent(const char *s, size_t n, crm_decimal dec, size_t *numlen)
{
	size_t i = (*s == '+' || *s == '-') ? 1 : 0, len = scan_in(s + i, dec), j;

	if (!len)
		return 0;
	for (j = i + len; j < n && is_blank((unsigned char)s[j]); j++)
		;
	*numlen = i + len;
	return j > i + len && j + 1 == n && s[j] == '%';
}

/* What suggest_number changed in a number. */
enum { SUGGEST_GROUPS = 1, SUGGEST_BLANKS = 2, SUGGEST_MARK = 4 };

/*
 * The number that s (n bytes, no blanks at either end) seems to mean when
 * only its separators are wrong, written as dec writes it, into out:
 * 1,234,567.89 and 9.500,50 become 1234567.89 and 9500.50 with a decimal
 * point (1234567,89 and 9500,50 with a decimal comma), 12,5 becomes 12.5
 * and 12.5 becomes 12,5, and 1 234 567 becomes 1234567. The later of a
 * comma and a dot is the decimal mark; a mark written more than once groups
 * thousands; a single one that is not dec's mark and is followed by exactly
 * three digits after one to three (not starting with 0) groups thousands
 * too (1,234 with a decimal point), as a spreadsheet of the other
 * convention writes it.
 * Returns what changed (SUGGEST_*), or 0 when s is no such number.
 */
static int suggest_number(const char *s, size_t n, crm_decimal dec, char *out, size_t outlen)
{
	char mark = dec == CRM_DECIMAL_COMMA ? ',' : '.';
	size_t i = 0, end = n, o = 0;
	int commas = 0, dots = 0, blanks = 0, pct = 0, changed = 0;
	const char *comma = NULL, *dot = NULL, *m = NULL;

	if (i < end && (s[i] == '+' || s[i] == '-'))
		i++;
	if (end > i && s[end - 1] == '%') {
		pct = 1;
		end--;
	}
	if (i >= end || !isdigit((unsigned char)s[end - 1]))
		return 0;
	for (size_t k = i; k < end; k++) {
		if (isdigit((unsigned char)s[k]))
			continue;
		if (s[k] == ',') {
			commas++;
			comma = s + k;
		} else if (s[k] == '.') {
			dots++;
			dot = s + k;
		} else if (is_blank((unsigned char)s[k]) && k > i && isdigit((unsigned char)s[k - 1]) &&
			   isdigit((unsigned char)s[k + 1])) {
			blanks++;
		} else {
			return 0;
		}
	}
	if (commas && dots) {
		m = comma > dot ? comma : dot;
		if ((*m == ',' ? commas : dots) > 1)
			return 0;
	} else if (commas + dots == 1) {
		const char *c = comma ? comma : dot;
		size_t before = (size_t)(c - (s + i)), after = (size_t)(s + end - c - 1);
		if (!(*c != mark && after == 3 && before >= 1 && before <= 3 && s[i] != '0'))
			m = c;
	}
	/* Thousands are grouped in threes: 1.5.3 is no number anyone meant. */
	for (size_t k = i; k < end; k++)
		if ((s[k] == ',' || s[k] == '.') && s + k != m) {
			size_t d = 0;
			while (k + 1 + d < end && isdigit((unsigned char)s[k + 1 + d]))
				d++;
			if (d != 3)
				return 0;
		}
	if (n + 2 > outlen)
		return 0;
	for (size_t k = 0; k < end; k++) {
		if (isdigit((unsigned char)s[k]) || k < i)
			out[o++] = s[k];
		else if (s + k == m)
			out[o++] = mark;
	}
	if (pct)
		out[o++] = '%';
	out[o] = '\0';
	changed |= commas + dots > (m != NULL) ? SUGGEST_GROUPS : 0;
	changed |= blanks ? SUGGEST_BLANKS : 0;
	changed |= m && *m != mark ? SUGGEST_MARK : 0;
	return changed;
}

/* Whether s (n bytes) has a blank after a digit and a digit later on: 15 5 %, 15 % 3. */
static int blank_after_digit(const char *s, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (is_blank((unsigned char)s[i]) && isdigit((unsigned char)s[i - 1]))
			for (size_t j = i + 1; j < n; j++)
				if (isdigit((unsigned char)s[j]))
					return 1;
	return 0;
}

static void explain_bad_number(const char *s, crm_decimal dec, char *why, size_t whylen)
{
	int currency = 0, comma = dec == CRM_DECIMAL_COMMA;
	const char *p;
	size_t n = strlen(s), numlen;
	char sug[128];

	while (n && is_blank((unsigned char)s[n - 1]))
		n--;
	while (n && is_blank((unsigned char)*s)) {
		s++;
		n--;
	}
	for (p = s; p < s + n; p++)
		if (currency_sign(p))
			currency = 1;
	if (!why)
		return;
	int changed = n < sizeof sug - 2 ? suggest_number(s, n, dec, sug, sizeof sug) : 0;

	if (n == 0) {
		snprintf(why, whylen, "empty value (expected a number)");
	} else if (number_with_unit(s, dec, &numlen)) {
		snprintf(why, whylen, "'%.*s' is not a number: units are not written in a value; "
			 "write %.*s alone (a setting's unit is fixed, an input's goes in its unit "
			 "column)", (int)n, s, (int)numlen, s);
	} else if (currency) {
		snprintf(why, whylen, "'%.*s' is not a number: leave out the currency sign "
			 "(the setting 'currency' names it)", (int)n, s);
	} else if (changed) {
		const char *how =
			(changed & SUGGEST_GROUPS) && (changed & SUGGEST_MARK)
				? comma ? "leave out thousands separators and use a decimal comma"
					: "leave out thousands separators and use a decimal point"
			: changed & SUGGEST_MARK
				? comma ? "use a decimal comma, not a point" : "use a decimal point, not a comma"
			: changed & SUGGEST_GROUPS ? "leave out thousands separators"
			: "leave out spaces between digits";
		snprintf(why, whylen, "'%.*s' is not a number: %s (write %s)", (int)n, s, how, sug);
	} else if (spaced_percent(s, n, dec, &numlen)) {
		snprintf(why, whylen, "'%.*s' is not a number: write %.*s%% (no space between a number "
			 "and its %%)", (int)n, s, (int)numlen, s);
	} else if (blank_after_digit(s, n)) {
		snprintf(why, whylen, "'%.*s' is not a number: leave out spaces between digits",
			 (int)n, s);
	} else {
		snprintf(why, whylen, "'%.*s' is not a number (expected digits with an optional "
			 "sign, decimal %s, exponent and trailing %%, e.g. %s)", (int)n, s,
			 comma ? "comma" : "point", comma ? "-1250,5 or 12,5% or 3e6"
							   : "-1250.5 or 12.5% or 3e6");
	}
}

const char *crm_number_text(char *buf, size_t len, double v, crm_decimal dec)
{
	char *dot;

	snprintf(buf, len, "%g", v);
	if (dec == CRM_DECIMAL_COMMA && (dot = strchr(buf, '.')))
		*dot = ',';
	return buf;
}

crm_status crm_parse_number(const char *s, double *out, int *percent, char *why, size_t whylen)
{
	return crm_parse_number_in(s, CRM_DECIMAL_POINT, out, percent, why, whylen);
}

crm_status crm_parse_number_in(const char *s, crm_decimal dec, double *out, int *percent,
			       char *why, size_t whylen)
{
	const char *p = s;
	int neg = 0, pct = 0;
	double v;

	while (is_blank((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	size_t len = scan_in(p, dec);
	const char *q = p + len;
	if (len && *q == '%') {
		pct = 1;
		q++;
	}
	while (is_blank((unsigned char)*q))
		q++;
	if (!len || *q != '\0') {
		if (why)
			explain_bad_number(s, dec, why, whylen);
		return CRM_EDATA;
	}
	if (convert_in(p, len, dec, pct, &v) != 0) {
		if (why)
			snprintf(why, whylen, "'%s' is out of the range of numbers", s);
		return CRM_EDATA;
	}
	*out = neg ? -v : v;
	if (percent)
		*percent = pct;
	return CRM_OK;
}

/* ---------------------------------------------------------------- compiler */

struct parser {
	const char *src, *p;
	struct expr_build *e;
	crm_expr_lookup lookup;
	void *ctx;
	crm_error *err;
	int failed;
	int nesting;          /* levels open now (see EXPR_MAX_NESTING) */
	const char *at;       /* where the error is, when not at p (the start of a bad name) */
	int too_deep;         /* the error is the nesting limit */
	crm_decimal dec;      /* how numbers are written: with a decimal comma, ';' separates arguments */
};

/* What separates a function's arguments: ';' where numbers have decimal commas. */
static char arg_sep(const struct parser *ps)
{
	return ps->dec == CRM_DECIMAL_COMMA ? ';' : ',';
}

static void perr(struct parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void perr(struct parser *ps, const char *fmt, ...)
{
	char what[512];
	va_list ap;
	const char *where = ps->at ? ps->at : ps->p;

	if (ps->failed)
		return;
	ps->failed = 1;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (ps->err) {
		size_t len = strlen(ps->src), pos = (size_t)(where - ps->src);
		ps->err->status = CRM_EDATA;
		if (len <= FORMULA_SHOWN)
			snprintf(ps->err->msg, sizeof ps->err->msg, "in formula '%s' at character %zu: %s",
				 ps->src, pos + 1, what);
		else {
			/* A long formula is shown around the place, so that the reason fits. */
			size_t from = pos > FORMULA_SHOWN / 2 ? pos - FORMULA_SHOWN / 2 : 0;
			if (from + FORMULA_SHOWN > len)
				from = len - FORMULA_SHOWN;
			snprintf(ps->err->msg, sizeof ps->err->msg, "in formula '%s%.*s%s' at character "
				 "%zu: %s", from ? "..." : "", (int)FORMULA_SHOWN, ps->src + from,
				 from + FORMULA_SHOWN < len ? "..." : "", pos + 1, what);
		}
	}
}

/* Open one nesting level; 0 (with the error set) when that is one too many. */
static int enter(struct parser *ps)
{
	if (ps->failed)
		return 0;
	if (ps->nesting >= EXPR_MAX_NESTING) {
		ps->too_deep = 1;
		perr(ps, "formula nested too deeply (more than %d levels of parentheses, signs, "
		     "function calls or powers)", EXPR_MAX_NESTING);
		return 0;
	}
	ps->nesting++;
	return 1;
}

static void leave(struct parser *ps)
{
	ps->nesting--;
}

static void emit(struct parser *ps, enum op op, int arg, double k, int stack_delta)
{
	struct expr_build *e = ps->e;

	if (ps->failed)
		return;
	if (e->ncode == e->capcode) {
		size_t ncap = e->capcode ? 2 * e->capcode : 16;
		struct insn *n = realloc(e->code, ncap * sizeof *n);
		if (!n) {
			perr(ps, "out of memory");
			if (ps->err)
				ps->err->status = CRM_ENOMEM;
			return;
		}
		e->code = n;
		e->capcode = ncap;
	}
	e->code[e->ncode++] = (struct insn){ op, arg, k };
	e->depth += stack_delta;
	if (e->depth > e->maxdepth)
		e->maxdepth = e->depth;
	if (e->maxdepth > EXPR_MAX_STACK)
		perr(ps, "formula nested too deeply (more than %d pending values)", EXPR_MAX_STACK);
}

static int add_dep(int **arr, unsigned *n, int idx)
{
	for (unsigned i = 0; i < *n; i++)
		if ((*arr)[i] == idx)
			return 0;
	int *a = realloc(*arr, (*n + 1) * sizeof *a);
	if (!a)
		return -1;
	a[(*n)++] = idx;
	*arr = a;
	return 0;
}

static void skip_ws(struct parser *ps)
{
	while (is_blank((unsigned char)*ps->p))
		ps->p++;
}

static int accept(struct parser *ps, char c)
{
	skip_ws(ps);
	if (*ps->p == c) {
		ps->p++;
		return 1;
	}
	return 0;
}

static void parse_expr(struct parser *ps);
static void parse_unary(struct parser *ps);
static int report_habit(struct parser *ps);

static size_t scan_name(const char *s)
{
	size_t i = 0;

	if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	while (isalnum((unsigned char)s[i]) || s[i] == '_')
		i++;
	return i;
}

static int name_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && !strncmp(s, word, len);
}

/* The same without regard to case, as function names are read. */
static int name_is_ci(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && !strncasecmp(s, word, len);
}

static const struct func *find_func(const char *s, size_t len)
{
	for (size_t i = 0; i < NFUNCS; i++)
		if (name_is_ci(s, len, funcs[i].name))
			return &funcs[i];
	return NULL;
}

static int resolve(struct parser *ps, const char *name, size_t len)
{
	int idx = ps->lookup ? ps->lookup(ps->ctx, name, len) : -1;

	if (idx < 0) {
		ps->at = name;   /* point at the name's first letter, not past it */
		if (name_is_ci(name, len, "year") || name_is_ci(name, len, "month"))
			perr(ps, "unknown input '%.*s' (the period variable is %s, in lower case)",
			     (int)len, name, tolower((unsigned char)name[0]) == 'y' ? "year" : "month");
		else if (find_func(name, len))
			perr(ps, "%.*s is a function: expected '(' after it", (int)len, name);
		else
			perr(ps, "unknown input '%.*s' (expected the name of a row with kind=input)",
			     (int)len, name);
		ps->at = NULL;
	}
	return idx;
}

/*
 * Edits (insertions, deletions, substitutions) from the name s (len bytes,
 * any length) to the function name f, ignoring case. The rows are as long
 * as f, which is one of ours.
 */
static int edit_distance(const char *s, size_t len, const char *f)
{
	int row[FUNC_NAME_MAX + 1], n = (int)strlen(f);

	if (n > FUNC_NAME_MAX)
		return (int)len + n;   /* never: FUNC_NAME_MAX is the longest in funcs[] */
	for (int j = 0; j <= n; j++)
		row[j] = j;
	for (size_t i = 0; i < len; i++) {
		int diag = row[0];
		row[0] = (int)i + 1;
		for (int j = 1; j <= n; j++) {
			int up = row[j];
			int same = tolower((unsigned char)s[i]) == f[j - 1];
			int best = diag + !same;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[n];
}

/*
 * Report an unknown function at its name: how to write a spreadsheet's
 * function here when it is one, and every function, the closest to the name
 * first (ties in the order of the man page), as f(), f(), ... so that the
 * function and() is not read as a conjunction.
 */
static void unknown_function(struct parser *ps, const char *name, size_t len)
{
	const char *instead = NULL;
	int dist[NFUNCS];
	size_t order[NFUNCS];
	char list[NFUNCS * (FUNC_NAME_MAX + 4) + 1];
	size_t used = 0;

	_Static_assert(sizeof list > NFUNCS * (FUNC_NAME_MAX + 4), "room for every name");
	for (size_t i = 0; i < sizeof spreadsheet_hints / sizeof *spreadsheet_hints; i++)
		if (name_is_ci(name, len, spreadsheet_hints[i].name))
			instead = spreadsheet_hints[i].instead;
	/* A stable insertion sort by distance. */
	for (size_t i = 0; i < NFUNCS; i++) {
		size_t j = i;
		dist[i] = edit_distance(name, len, funcs[i].name);
		while (j > 0 && dist[order[j - 1]] > dist[i]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	list[0] = '\0';
	for (size_t i = 0; i < NFUNCS; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s()", i ? ", " : "",
					 funcs[order[i]].name);
	ps->at = name;
	if (instead)
		perr(ps, "unknown function '%.*s': %s (the functions, closest first: %s)", (int)len,
		     name, instead, list);
	else
		perr(ps, "unknown function '%.*s' (the functions, closest first: %s)", (int)len, name,
		     list);
	ps->at = NULL;
}

static void parse_call(struct parser *ps, const char *name, size_t len)
{
	const struct func *f = find_func(name, len);
	int nargs = 0;

	/* Known before its arguments are read: IF(year>1, ...) is not an argument error. */
	if (!f) {
		unknown_function(ps, name, len);
		return;
	}
	if (f->op == OP_PREV) {
		skip_ws(ps);
		const char *arg = ps->p;
		size_t alen = scan_name(arg);
		if (!alen) {
			perr(ps, "prev() takes the name of an input");
			return;
		}
		ps->p += alen;
		int idx = resolve(ps, arg, alen);
		if (ps->failed)
			return;
		if (!accept(ps, ')')) {
			perr(ps, "expected ')' after prev(%.*s", (int)alen, arg);
			return;
		}
		if (add_dep(&ps->e->prev_deps, &ps->e->nprev, idx) != 0)
			perr(ps, "out of memory");
		ps->e->uses_time = 1;
		emit(ps, OP_PREV, idx, 0, +1);
		return;
	}
	if (!accept(ps, ')')) {
		if (!enter(ps))
			return;
		do {
			parse_expr(ps);
			nargs++;
		} while (!ps->failed && accept(ps, arg_sep(ps)));
		leave(ps);
		if (!ps->failed && !accept(ps, ')')) {
			if (ps->dec == CRM_DECIMAL_COMMA && *ps->p == ',')
				perr(ps, "numbers here have decimal commas, so a function's arguments are "
				     "separated by ';' (%.*s(a; b)); a comma belongs between digits (2,5)",
				     (int)len, name);
			else if (ps->dec == CRM_DECIMAL_POINT && *ps->p == ';')
				perr(ps, "expected ',' or ')' in the arguments of %.*s(): arguments are "
				     "separated by commas, not semicolons", (int)len, name);
			else if (*ps->p == '\0' && ps->dec == CRM_DECIMAL_POINT)
				perr(ps, "the formula ends inside the arguments of %.*s() (in a CSV "
				     "file, a formula that holds commas is written in double quotes, "
				     "or its commas split it into fields)", (int)len, name);
			else if (*ps->p == '\0')
				perr(ps, "the formula ends inside the arguments of %.*s() (in a CSV "
				     "file, a formula that holds the field separator, ';' or ',', is "
				     "written in double quotes, or the separator splits it into fields)",
				     (int)len, name);
			else if (!report_habit(ps))
				perr(ps, "expected '%c' or ')' in the arguments of %.*s()", arg_sep(ps),
				     (int)len, name);
		}
	}
	if (ps->failed)
		return;
	if (nargs < f->min && f->max < 0) {
		perr(ps, "%.*s() needs at least one argument", (int)len, name);
		return;
	}
	if (nargs < f->min || (f->max >= 0 && nargs > f->max)) {
		perr(ps, "%s, not %d", f->usage, nargs);
		return;
	}
	switch (f->op) {
	case OP_MIN: case OP_MAX: case OP_AND: case OP_OR:
		emit(ps, f->op, nargs, 0, 1 - nargs);
		break;
	case OP_IF:
		emit(ps, OP_IF, 0, 0, -2);
		break;
	case OP_ROUND:
		emit(ps, OP_ROUND, 0, 0, -1);
		break;
	default:   /* abs, not */
		emit(ps, f->op, 0, 0, 0);
		break;
	}
}

/*
 * What a programmer's or a spreadsheet's habit at s means here, for the
 * message about an unexpected character; NULL when nothing is known.
 */
static const char *habit_hint(const char *s)
{
	if (s[0] == '=' && s[1] == '=')
		return "compare with a single =, as a spreadsheet does";
	if (s[0] == '!' && s[1] == '=')
		return "write <> for 'not equal'";
	if (s[0] == '!')
		return "write not(x)";
	if (s[0] == '&')
		return "write and(a, b) for both; text cannot be joined";
	if (s[0] == '|' && s[1] == '|')
		return "write or(a, b)";
	if (s[0] == '=' && (s[1] == '>' || s[1] == '<'))
		return s[1] == '>' ? "write >= for 'at least'" : "write <= for 'at most'";
	return NULL;
}

/*
 * Report the unexpected character at ps->p when a habit explains it: a '%'
 * a space away from its number (15 %), or habit_hint()'s. 1 when reported.
 */
static int report_habit(struct parser *ps)
{
	const char *s = ps->p, *b = s, *d;
	const char *hint;

	if (*s == '%') {
		while (b > ps->src && is_blank((unsigned char)b[-1]))
			b--;
		for (d = b; d > ps->src && (isdigit((unsigned char)d[-1]) || d[-1] == '.' ||
					      (ps->dec == CRM_DECIMAL_COMMA && d[-1] == ',')); d--)
			;
		if (b < s && d < b) {
			perr(ps, "unexpected '%%': write %.*s%% (no space between a number and its %%)",
			     (int)(b - d), d);
			return 1;
		}
	}
	if (!(hint = habit_hint(s)))
		return 0;
	perr(ps, "unexpected '%c': %s", *s, hint);
	return 1;
}

static void parse_primary(struct parser *ps)
{
	skip_ws(ps);
	const char *s = ps->p;
	size_t len;

	if (ps->failed)
		return;
	if ((len = scan_in(s, ps->dec)) != 0) {
		double v;
		int pct = s[len] == '%';
		if (s[len] == '.' && isdigit((unsigned char)s[len + 1])) {
			/* 1.234.567 with a decimal point, 12.5 with a decimal comma: say how to write it. */
			char tok[128], why[400];
			size_t n = len;
			while (isdigit((unsigned char)s[n]) || s[n] == '.' || s[n] == ',')
				n++;
			snprintf(tok, sizeof tok, "%.*s%s", (int)n, s, s[n] == '%' ? "%" : "");
			explain_bad_number(tok, ps->dec, why, sizeof why);
			ps->at = s;
			perr(ps, "%s", why);
			ps->at = NULL;
			return;
		}
		if (convert_in(s, len, ps->dec, pct, &v) != 0) {
			perr(ps, "number out of range");
			return;
		}
		ps->p += len + (size_t)pct;
		emit(ps, OP_CONST, 0, v, +1);
		return;
	}
	if ((len = scan_name(s)) != 0) {
		ps->p += len;
		if (accept(ps, '(')) {
			parse_call(ps, s, len);
			return;
		}
		if (name_is(s, len, "year") || name_is(s, len, "month")) {
			ps->e->uses_time = 1;
			emit(ps, s[0] == 'y' ? OP_YEAR : OP_MONTH, 0, 0, +1);
			return;
		}
		/* A function's own name is reserved; in another case it may be an input. */
		const struct func *f = find_func(s, len);
		if (f && name_is(s, len, f->name)) {
			perr(ps, "%.*s is a function: expected '(' after it", (int)len, s);
			return;
		}
		int idx = resolve(ps, s, len);
		if (ps->failed)
			return;
		if (add_dep(&ps->e->deps, &ps->e->ndeps, idx) != 0)
			perr(ps, "out of memory");
		emit(ps, OP_INPUT, idx, 0, +1);
		return;
	}
	if (accept(ps, '(')) {
		if (!enter(ps))
			return;
		parse_expr(ps);
		leave(ps);
		if (!ps->failed && !accept(ps, ')') && !report_habit(ps))
			perr(ps, "expected ')'");
		return;
	}
	if (*s == '\0')
		perr(ps, "the formula ends too early (expected a number, a name or '(')");
	else if (currency_sign(s))
		perr(ps, "leave out the currency sign");
	else if (report_habit(ps))
		;
	else
		perr(ps, "unexpected '%c' (expected a number, a name or '(')", *s);
}

static void parse_power(struct parser *ps)
{
	parse_primary(ps);
	if (!ps->failed && accept(ps, '^')) {
		if (!enter(ps))
			return;
		parse_unary(ps);
		leave(ps);
		emit(ps, OP_POW, 0, 0, -1);
	}
}

static void parse_unary(struct parser *ps)
{
	if (ps->failed)
		return;
	if (accept(ps, '-')) {
		if (!enter(ps))
			return;
		parse_unary(ps);
		leave(ps);
		emit(ps, OP_NEG, 0, 0, 0);
	} else if (accept(ps, '+')) {
		if (!enter(ps))
			return;
		parse_unary(ps);
		leave(ps);
	} else {
		parse_power(ps);
	}
}

static void parse_term(struct parser *ps)
{
	parse_unary(ps);
	while (!ps->failed) {
		if (accept(ps, '*')) {
			parse_unary(ps);
			emit(ps, OP_MUL, 0, 0, -1);
		} else if (accept(ps, '/')) {
			parse_unary(ps);
			emit(ps, OP_DIV, 0, 0, -1);
		} else {
			break;
		}
	}
}

static void parse_sum(struct parser *ps)
{
	parse_term(ps);
	while (!ps->failed) {
		if (accept(ps, '+')) {
			parse_term(ps);
			emit(ps, OP_ADD, 0, 0, -1);
		} else if (accept(ps, '-')) {
			parse_term(ps);
			emit(ps, OP_SUB, 0, 0, -1);
		} else {
			break;
		}
	}
}

/*
 * The comparison operator at ps->p, consumed; -1 when there is none, and
 * OP_CONST (with the error set) for a habit from elsewhere (==, !=, =>).
 */
static int scan_relop(struct parser *ps)
{
	const char *s;

	skip_ws(ps);
	s = ps->p;
	if (s[0] == '=' && (s[1] == '=' || s[1] == '>' || s[1] == '<')) {
		perr(ps, "unexpected '%.2s': %s", s, habit_hint(s));
		return OP_CONST;
	}
	if (s[0] == '!' && s[1] == '=') {
		perr(ps, "unexpected '!=': %s", habit_hint(s));
		return OP_CONST;
	}
	if (s[0] == '=') {
		ps->p += 1;
		return OP_EQ;
	}
	if (s[0] == '<') {
		ps->p += s[1] == '>' || s[1] == '=' ? 2 : 1;
		return s[1] == '>' ? OP_NE : s[1] == '=' ? OP_LE : OP_LT;
	}
	if (s[0] == '>') {
		ps->p += s[1] == '=' ? 2 : 1;
		return s[1] == '=' ? OP_GE : OP_GT;
	}
	return -1;
}

static void parse_expr(struct parser *ps)
{
	parse_sum(ps);
	if (ps->failed)
		return;
	int op = scan_relop(ps);
	if (op < 0 || ps->failed)
		return;
	parse_sum(ps);
	if (ps->failed)
		return;
	emit(ps, (enum op)op, 0, 0, -1);
	const char *at = ps->p;
	if (scan_relop(ps) >= 0 && !ps->failed) {
		ps->p = at;
		skip_ws(ps);
		perr(ps, "comparisons do not chain (a < b < c would compare 1 or 0 with c): write "
		     "and(a < b, b < c)");
	}
}

static void build_free(struct expr_build *b)
{
	free(b->code);
	free(b->series);
	free(b->deps);
	free(b->prev_deps);
}

/* The compiled value of what b built (b is left to its owner); NULL when out of memory. */
static crm_expr *pack(const struct expr_build *b)
{
	_Static_assert(sizeof(crm_expr) % sizeof(double) == 0 &&
		       sizeof(struct insn) % sizeof(double) == 0, "packed parts stay aligned");
	size_t code = b->ncode * sizeof *b->code, series = (size_t)b->nseries * sizeof(double);
	size_t deps = (size_t)b->ndeps * sizeof(int), prev = (size_t)b->nprev * sizeof(int);

	if (b->ncode > UINT32_MAX || b->maxdepth > EXPR_MAX_STACK)
		return NULL;   /* never: a formula's length is bounded by its file's */
	crm_expr *e = malloc(sizeof *e + code + series + deps + prev);
	if (!e)
		return NULL;
	e->ncode = (uint32_t)b->ncode;
	e->nseries = b->nseries;
	e->ndeps = b->ndeps;
	e->nprev = b->nprev;
	e->kind = (unsigned char)b->kind;
	e->uses_time = (unsigned char)!!b->uses_time;
	e->maxdepth = (unsigned short)(b->maxdepth > 0 ? b->maxdepth : 0);
	e->unused = 0;
	char *at = (char *)(e + 1);
	if (code)
		memcpy(at, b->code, code);
	at += code;
	if (series)
		memcpy(at, b->series, series);
	at += series;
	if (deps)
		memcpy(at, b->deps, deps);
	at += deps;
	if (prev)
		memcpy(at, b->prev_deps, prev);
	return e;
}

void crm_expr_free(crm_expr *e)
{
	free(e);
}

static int has_formula_chars(const char *s)
{
	for (; *s; s++)
		if (isalpha((unsigned char)*s) || *s == '_' || *s == '(')
			return 1;
	return 0;
}

static crm_expr *compile_series(const char *src, crm_decimal dec, crm_error *err)
{
	struct expr_build b;
	const char *p = src;
	char why[400];
	crm_expr *e;

	memset(&b, 0, sizeof b);
	b.kind = CRM_VALUE_SERIES;
	b.uses_time = 1;
	for (;;) {
		const char *semi = strchr(p, ';');
		size_t n = semi ? (size_t)(semi - p) : strlen(p);
		double v;
		char *item = malloc(n + 1);   /* the whole item, however long */
		crm_status pst;
		if (!item)
			goto nomem;
		memcpy(item, p, n);
		item[n] = '\0';
		pst = crm_parse_number_in(item, dec, &v, NULL, why, sizeof why);
		free(item);
		if (pst != CRM_OK && strchr(src, '(')) {
			/* IF(a>1;2;3): a spreadsheet that separates arguments with ';'. */
			crm_error_set(err, CRM_EDATA, err ? err->file : NULL, err ? err->line : 0,
				      err ? err->col : 0, "'%s' is neither a series nor a formula: a "
				      "series is numbers separated by ';' (100;120;150), and a formula "
				      "separates a function's arguments with ',', not ';' "
				      "(if(year > 1, 3%%, 0))", src);
			build_free(&b);
			return NULL;
		}
		if (pst != CRM_OK) {
			crm_error_set(err, CRM_EDATA, err ? err->file : NULL, err ? err->line : 0,
				      err ? err->col : 0, "in series '%s', year %u: %s", src,
				      b.nseries + 1, why);
			build_free(&b);
			return NULL;
		}
		double *s = realloc(b.series, (b.nseries + 1) * sizeof *s);
		if (!s)
			goto nomem;
		b.series = s;
		s[b.nseries++] = v;
		if (!semi)
			break;
		p = semi + 1;
	}
	struct insn one = { OP_SERIES, 0, 0 };
	b.code = &one;
	b.ncode = 1;
	b.maxdepth = 1;
	e = pack(&b);
	b.code = NULL;
	if (e) {
		build_free(&b);
		return e;
	}
nomem:
	build_free(&b);
	crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory compiling '%s'", src);
	return NULL;
}

/*
 * A value that starts with '=', as a spreadsheet's formula does, is refused:
 * crmroi has one way to write a formula, and the message gives it, with the
 * '=' left out. When what follows is wrong too, its own error follows.
 */
static crm_expr *refuse_leading_equals(const char *eq, crm_decimal dec, crm_expr_lookup lookup,
				       void *ctx, crm_error *err)
{
	const char *rest = eq;
	crm_error re;
	crm_expr *e;
	size_t n;

	/* Every '=' at once (and no recursion): ==x is the same habit. */
	while (*rest == '=' || is_blank((unsigned char)*rest))
		rest++;
	n = strlen(rest);
	while (n && is_blank((unsigned char)rest[n - 1]))
		n--;
	if (!err)
		return NULL;
	err->status = CRM_EDATA;
	if (n == 0) {
		snprintf(err->msg, sizeof err->msg, "the value is only '=' (expected a number, a "
			 "series like 100;120;150, or a formula, written without a spreadsheet's "
			 "leading '=')");
		return NULL;
	}
	crm_error_clear(&re);
	e = crm_expr_compile_in(rest, dec, lookup, ctx, &re);
	if (!e && re.status == CRM_ENOMEM) {
		*err = re;
		return NULL;
	}
	crm_expr_free(e);
	if (e && n <= FORMULA_SHOWN)
		snprintf(err->msg, sizeof err->msg, "the value starts with '=': formulas are "
			 "written without a spreadsheet's leading '=' (write %.*s)", (int)n, rest);
	else if (e)
		snprintf(err->msg, sizeof err->msg, "the value starts with '=': formulas are "
			 "written without a spreadsheet's leading '=' (leave it out)");
	else
		snprintf(err->msg, sizeof err->msg, "the value starts with '=': formulas are "
			 "written without a spreadsheet's leading '=' (leave it out); what follows "
			 "it is wrong too: %.800s", re.msg);
	return NULL;
}

crm_expr *crm_expr_compile(const char *src, crm_expr_lookup lookup, void *ctx, crm_error *err)
{
	return crm_expr_compile_in(src, CRM_DECIMAL_POINT, lookup, ctx, err);
}

crm_expr *crm_expr_compile_in(const char *src, crm_decimal dec, crm_expr_lookup lookup,
			      void *ctx, crm_error *err)
{
	double v;
	char why[400];
	crm_expr *e;
	const char *first = src;

	while (is_blank((unsigned char)*first))
		first++;
	if (*first == '=')
		return refuse_leading_equals(first, dec, lookup, ctx, err);
	/* Why it is not a number is only worked out when it is no formula either. */
	if (crm_parse_number_in(src, dec, &v, NULL, NULL, 0) == CRM_OK) {
		struct insn one = { OP_CONST, 0, v };
		struct expr_build nb = { .kind = CRM_VALUE_NUMBER, .code = &one, .ncode = 1,
					 .maxdepth = 1 };
		if (!(e = pack(&nb)))
			crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		return e;
	}
	/*
	 * A value with a semicolon is a series; but where numbers have decimal
	 * commas, a semicolon also separates a function's arguments, which only
	 * a call's parentheses hold: min(a; b) is a formula, 1,5;2,5 a series.
	 */
	if (strchr(src, ';') && (dec == CRM_DECIMAL_POINT || !strchr(src, '(')))
		return compile_series(src, dec, err);

	struct expr_build b;
	memset(&b, 0, sizeof b);
	b.kind = CRM_VALUE_EXPR;
	struct parser ps = { src, src, &b, lookup, ctx, err, 0, 0, NULL, 0, dec };
	skip_ws(&ps);
	if (*ps.p == '\0') {
		ps.failed = 1;
		if (err) {
			err->status = CRM_EDATA;
			snprintf(err->msg, sizeof err->msg, "empty value (expected a number, a series "
				 "like 100;120;150, or a formula)");
		}
	} else {
		parse_expr(&ps);
		skip_ws(&ps);
		if (!ps.failed && *ps.p == ',' && dec == CRM_DECIMAL_COMMA) {
			perr(&ps, "unexpected ',' after a complete formula (numbers here have decimal "
			     "commas: a comma belongs between digits, as in 2,5)");
		} else if (!ps.failed && *ps.p != '\0') {
			if (!report_habit(&ps))
				perr(&ps, "unexpected '%c' after a complete formula (expected an "
				     "operator + - * / ^ or a comparison = <> < <= > >=)", *ps.p);
		}
	}
	if (ps.failed) {
		/* A string with no names or calls was meant as a number: say how to write it. */
		size_t numlen;
		if (err && err->status == CRM_EDATA && !ps.too_deep &&
		    (!has_formula_chars(src) || number_with_unit(src, dec, &numlen))) {
			crm_parse_number_in(src, dec, &v, NULL, why, sizeof why);
			snprintf(err->msg, sizeof err->msg, "%s", why);
		}
		build_free(&b);
		return NULL;
	}
	e = pack(&b);
	build_free(&b);
	if (!e)
		crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	return e;
}

/* --------------------------------------------------------------- evaluator */

/*
 * round(x, digits) the spreadsheet way: halves go away from zero, and the
 * scaled value is first cut to 15 significant digits so that 2.675 (stored as
 * 2.67499999...) rounds to 2.68 as a spreadsheet shows it.
 */
static double round_digits(double x, double digits)
{
	if (isnan(x) || isnan(digits))
		return NAN;   /* round(x, 0/0) is not a number, as in a spreadsheet */
	if (!isfinite(x))
		return x;
	double d = trunc(digits);
	double scale = pow(10.0, fabs(d));
	double y = d >= 0 ? x * scale : x / scale;
	char buf[64];

	/* More digits than a double holds: x is already rounded. */
	if (!isfinite(y))
		return x;
	/* Rounding to a power of ten beyond any double (10^400): the nearest multiple is 0. */
	if (!isfinite(scale))
		return 0.0;
	snprintf(buf, sizeof buf, "%.15g", y);
	y = round(strtod(buf, NULL));
	return d >= 0 ? y / scale : y * scale;
}

/*
 * The logical operations, shared by both evaluators so that they agree to
 * the bit. A value that is not finite (a division by zero, an overflow) makes
 * the result NaN, as an error propagates in a spreadsheet, rather than a
 * comparison quietly true or false.
 */
static int nearly_equal(double x, double y)
{
	if (x == y)
		return 1;
	if (x == 0 || y == 0)
		return 0;   /* 0 equals only 0: 1e-300 is not 0 */
	double d = fabs(x - y);
	return d < fabs(x) * CMP_REL && d < fabs(y) * CMP_REL;
}

static double compare(enum op op, double x, double y)
{
	if (!isfinite(x) || !isfinite(y))
		return NAN;
	int eq = nearly_equal(x, y);
	switch (op) {
	case OP_EQ: return eq;
	case OP_NE: return !eq;
	case OP_LT: return !eq && x < y;
	case OP_LE: return eq || x < y;
	case OP_GT: return !eq && x > y;
	default: return eq || x > y;   /* OP_GE */
	}
}

/* if(c, a, b): the branch not chosen is not read, so it may be 1/0. */
static double choose(double c, double a, double b)
{
	return !isfinite(c) ? NAN : c != 0 ? a : b;
}

static double logical_not(double x)
{
	return !isfinite(x) ? NAN : x == 0;
}

/* and() and or() of n values, one after another: the state of the fold so far. */
struct fold {
	int bad, any_true, any_false;
};

static void fold_in(struct fold *f, double x)
{
	if (!isfinite(x))
		f->bad = 1;
	else if (x != 0)
		f->any_true = 1;
	else
		f->any_false = 1;
}

static double fold_result(const struct fold *f, enum op op)
{
	if (f->bad)
		return NAN;
	return op == OP_AND ? !f->any_false : f->any_true;
}

double crm_expr_eval(const crm_expr *e, const crm_expr_env *env)
{
	double st[EXPR_MAX_STACK + 1];
	int sp = 0;

	const struct insn *code = code_of(e);
	for (size_t i = 0; i < e->ncode; i++) {
		const struct insn *in = &code[i];
		switch (in->op) {
		case OP_CONST: st[sp++] = in->k; break;
		case OP_INPUT: st[sp++] = env->cur[in->arg]; break;
		case OP_PREV: st[sp++] = env->prev[in->arg]; break;
		case OP_YEAR: st[sp++] = env->year; break;
		case OP_MONTH: st[sp++] = env->month; break;
		case OP_SERIES:
			st[sp++] = env->year >= 1 && (size_t)env->year <= e->nseries
				   ? series_of(e)[env->year - 1] : 0.0;
			break;
		case OP_NEG: st[sp - 1] = -st[sp - 1]; break;
		case OP_ADD: sp--; st[sp - 1] += st[sp]; break;
		case OP_SUB: sp--; st[sp - 1] -= st[sp]; break;
		case OP_MUL: sp--; st[sp - 1] *= st[sp]; break;
		case OP_DIV: sp--; st[sp - 1] /= st[sp]; break;
		case OP_POW: sp--; st[sp - 1] = pow(st[sp - 1], st[sp]); break;
		case OP_MIN:
		case OP_MAX: {
			int n = in->arg;
			double r = st[sp - n];
			/* Unlike fmin/fmax, a NaN argument propagates so the model can report it. */
			for (int j = sp - n + 1; j < sp; j++)
				if (isnan(st[j]) || (in->op == OP_MIN ? st[j] < r : st[j] > r))
					r = st[j];
			sp -= n;
			st[sp++] = r;
			break;
		}
		case OP_ABS: st[sp - 1] = fabs(st[sp - 1]); break;
		case OP_ROUND: sp--; st[sp - 1] = round_digits(st[sp - 1], st[sp]); break;
		case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
			sp--;
			st[sp - 1] = compare(in->op, st[sp - 1], st[sp]);
			break;
		case OP_IF:
			sp -= 2;
			st[sp - 1] = choose(st[sp - 1], st[sp], st[sp + 1]);
			break;
		case OP_AND:
		case OP_OR: {
			struct fold f = { 0, 0, 0 };
			for (int j = sp - in->arg; j < sp; j++)
				fold_in(&f, st[j]);
			sp -= in->arg;
			st[sp++] = fold_result(&f, in->op);
			break;
		}
		case OP_NOT: st[sp - 1] = logical_not(st[sp - 1]); break;
		}
	}
	return st[0];
}

crm_value_kind crm_expr_kind(const crm_expr *e) { return e->kind; }
double crm_expr_number(const crm_expr *e) { return code_of(e)[0].k; }

size_t crm_expr_series(const crm_expr *e, const double **values)
{
	*values = e->nseries ? series_of(e) : NULL;
	return e->nseries;
}

size_t crm_expr_deps(const crm_expr *e, const int **deps)
{
	*deps = e->ndeps ? deps_of(e) : NULL;
	return e->ndeps;
}

size_t crm_expr_prev_deps(const crm_expr *e, const int **deps)
{
	*deps = e->nprev ? prev_deps_of(e) : NULL;
	return e->nprev;
}

int crm_expr_uses_time(const crm_expr *e) { return e->uses_time; }

size_t crm_expr_ninsn(const crm_expr *e) { return e->ncode; }

crm_expr_insn crm_expr_insn_at(const crm_expr *e, size_t i)
{
	static const crm_expr_op pub[] = {
		[OP_CONST] = CRM_EXPR_CONST, [OP_INPUT] = CRM_EXPR_INPUT, [OP_PREV] = CRM_EXPR_PREV,
		[OP_YEAR] = CRM_EXPR_YEAR, [OP_MONTH] = CRM_EXPR_MONTH, [OP_SERIES] = CRM_EXPR_SERIES,
		[OP_NEG] = CRM_EXPR_NEG, [OP_ADD] = CRM_EXPR_ADD, [OP_SUB] = CRM_EXPR_SUB,
		[OP_MUL] = CRM_EXPR_MUL, [OP_DIV] = CRM_EXPR_DIV, [OP_POW] = CRM_EXPR_POW,
		[OP_MIN] = CRM_EXPR_MIN, [OP_MAX] = CRM_EXPR_MAX, [OP_ABS] = CRM_EXPR_ABS,
		[OP_ROUND] = CRM_EXPR_ROUND, [OP_EQ] = CRM_EXPR_EQ, [OP_NE] = CRM_EXPR_NE,
		[OP_LT] = CRM_EXPR_LT, [OP_LE] = CRM_EXPR_LE, [OP_GT] = CRM_EXPR_GT,
		[OP_GE] = CRM_EXPR_GE, [OP_IF] = CRM_EXPR_IF, [OP_AND] = CRM_EXPR_AND,
		[OP_OR] = CRM_EXPR_OR, [OP_NOT] = CRM_EXPR_NOT
	};
	const struct insn *in = &code_of(e)[i];

	return (crm_expr_insn){ pub[in->op], in->arg, in->k };
}

/* ------------------------------------------------------- many points at once */

size_t crm_expr_stack_depth(const crm_expr *e) { return e->maxdepth > 0 ? (size_t)e->maxdepth : 1; }

/*
 * A value on the evaluation stack of crm_expr_eval_n: a constant, or n values
 * at p (an input's column, or the slot's own buffer).
 */
struct opnd {
	const double *p;   /* NULL: the constant k */
	double k;
};

/* out[j] = a OP b for every point, a and b constants or columns. */
#define BINARY(OPEXPR)                                                          \
	do {                                                                        \
		if (!a.p) {                                                             \
			double x = a.k;                                                     \
			for (size_t j = 0; j < n; j++) { double y = b.p[j]; out[j] = (OPEXPR); } \
		} else if (!b.p) {                                                      \
			double y = b.k;                                                     \
			for (size_t j = 0; j < n; j++) { double x = a.p[j]; out[j] = (OPEXPR); } \
		} else {                                                                \
			for (size_t j = 0; j < n; j++) { double x = a.p[j], y = b.p[j]; out[j] = (OPEXPR); } \
		}                                                                       \
	} while (0)

static double opnd_at(const struct opnd *o, size_t j) { return o->p ? o->p[j] : o->k; }

void crm_expr_eval_n(const crm_expr *e, const double *const *col, size_t n, double *stack,
		     double *out_final)
{
	struct opnd st[EXPR_MAX_STACK + 1];
	int sp = 0;

	const struct insn *code = code_of(e);
	for (size_t i = 0; i < e->ncode; i++) {
		const struct insn *in = &code[i];
		if (in->op == OP_CONST || in->op == OP_INPUT) {
			st[sp].p = in->op == OP_INPUT ? col[in->arg] : NULL;
			st[sp].k = in->k;
			sp++;
			continue;
		}
		if (in->op == OP_AND || in->op == OP_OR) {
			int c = in->arg, first = sp - c;
			int all_const = 1;
			for (int q = first; q < sp; q++)
				all_const &= st[q].p == NULL;
			double *out = stack + (size_t)first * n;
			if (all_const) {
				struct fold f = { 0, 0, 0 };
				for (int q = first; q < sp; q++)
					fold_in(&f, st[q].k);
				sp = first;
				st[sp].p = NULL;
				st[sp++].k = fold_result(&f, in->op);
				continue;
			}
			for (size_t j = 0; j < n; j++) {
				struct fold f = { 0, 0, 0 };
				for (int q = first; q < sp; q++)
					fold_in(&f, opnd_at(&st[q], j));
				out[j] = fold_result(&f, in->op);
			}
			sp = first;
			st[sp].p = out;
			sp++;
			continue;
		}
		if (in->op == OP_IF) {
			struct opnd c = st[sp - 3], a = st[sp - 2], b = st[sp - 1];
			sp -= 2;
			if (!c.p && !a.p && !b.p) {
				st[sp - 1].k = choose(c.k, a.k, b.k);
				continue;
			}
			/* Slot sp - 1 may hold the condition's column: each point is read first. */
			double *out = stack + (size_t)(sp - 1) * n;
			for (size_t j = 0; j < n; j++)
				out[j] = choose(opnd_at(&c, j), opnd_at(&a, j), opnd_at(&b, j));
			st[sp - 1].p = out;
			continue;
		}
		if (in->op == OP_MIN || in->op == OP_MAX) {
			int c = in->arg, first = sp - c;
			int all_const = 1;
			for (int q = first; q < sp; q++)
				all_const &= st[q].p == NULL;
			double *out = stack + (size_t)first * n;
			if (all_const) {
				double r = st[first].k;
				for (int q = first + 1; q < sp; q++)
					if (isnan(st[q].k) || (in->op == OP_MIN ? st[q].k < r : st[q].k > r))
						r = st[q].k;
				sp = first;
				st[sp].p = NULL;
				st[sp++].k = r;
				continue;
			}
			for (size_t j = 0; j < n; j++) {
				double r = opnd_at(&st[first], j);
				for (int q = first + 1; q < sp; q++) {
					double x = opnd_at(&st[q], j);
					if (isnan(x) || (in->op == OP_MIN ? x < r : x > r))
						r = x;
				}
				out[j] = r;
			}
			sp = first;
			st[sp].p = out;
			sp++;
			continue;
		}
		if (in->op == OP_NEG || in->op == OP_ABS || in->op == OP_NOT) {
			struct opnd *a = &st[sp - 1];
			if (!a->p) {
				a->k = in->op == OP_NEG ? -a->k : in->op == OP_ABS ? fabs(a->k)
				       : logical_not(a->k);
				continue;
			}
			double *out = stack + (size_t)(sp - 1) * n;
			const double *x = a->p;
			if (in->op == OP_NEG)
				for (size_t j = 0; j < n; j++)
					out[j] = -x[j];
			else if (in->op == OP_ABS)
				for (size_t j = 0; j < n; j++)
					out[j] = fabs(x[j]);
			else
				for (size_t j = 0; j < n; j++)
					out[j] = logical_not(x[j]);
			a->p = out;
			continue;
		}
		/* Binary operators; the period variables and prev() never reach here. */
		struct opnd a = st[sp - 2], b = st[sp - 1];
		sp--;
		if (!a.p && !b.p) {
			double x = a.k, y = b.k, r = 0;
			switch (in->op) {
			case OP_ADD: r = x + y; break;
			case OP_SUB: r = x - y; break;
			case OP_MUL: r = x * y; break;
			case OP_DIV: r = x / y; break;
			case OP_POW: r = pow(x, y); break;
			case OP_ROUND: r = round_digits(x, y); break;
			case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
				r = compare(in->op, x, y);
				break;
			default: r = NAN; break;
			}
			st[sp - 1].k = r;
			continue;
		}
		double *out = stack + (size_t)(sp - 1) * n;
		switch (in->op) {
		case OP_ADD: BINARY(x + y); break;
		case OP_SUB: BINARY(x - y); break;
		case OP_MUL: BINARY(x * y); break;
		case OP_DIV: BINARY(x / y); break;
		case OP_POW: BINARY(pow(x, y)); break;
		case OP_ROUND: BINARY(round_digits(x, y)); break;
		case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
			enum op cmp = in->op;
			BINARY(compare(cmp, x, y));
			break;
		}
		default:
			for (size_t j = 0; j < n; j++)
				out[j] = NAN;
			break;
		}
		st[sp - 1].p = out;
	}
	if (!st[0].p)
		for (size_t j = 0; j < n; j++)
			out_final[j] = st[0].k;
	else if (st[0].p != out_final)
		memcpy(out_final, st[0].p, n * sizeof *out_final);
}
