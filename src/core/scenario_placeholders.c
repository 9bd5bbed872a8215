/*
 * scenario_placeholders.c - the placeholder column, once every row is read:
 * a figure someone wrote only to have a number there (crmroi new writes one
 * into every value it cannot know) is a warning for as long as it is
 * unchanged, so that run, check, batch and every other command say which
 * figures of a business case are still made up.
 *
 * The column holds the value as it was first written. The row's value is
 * unchanged while it is the same number (10% and 0.1 alike) or, for a
 * formula or text, the same text but for blanks. Emptying the cell keeps a
 * placeholder on purpose. It does not change what the model computes.
 */
#include "scenario_priv.h"

#include <ctype.h>
#include <strings.h>

/* Whether a and b are the same text once blanks are left out. */
static int same_but_blanks(const char *a, const char *b)
{
	for (;;) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++;
		b++;
	}
}

/* Whether value is still the placeholder ph: the same number, or the same text. */
static int unchanged(const char *value, const char *ph)
{
	double x, y;

	if (crm_parse_number(value, &x, NULL, NULL, 0) == CRM_OK &&
	    crm_parse_number(ph, &y, NULL, NULL, 0) == CRM_OK)
		/* Equal parses of decimal text, not the result of arithmetic: 10% and
		 * 0.1 read as the same double, 10% and 10.5% do not. */
		return x == y;
	return same_but_blanks(value, ph);
}

crm_status crm_scen_check_placeholders(struct loader *ld)
{
	static const char *const kinds[] = { "setting", "input", "cost", "benefit" };
	crm_scenario *sc = ld->sc;

	for (size_t i = 0; i < ld->nrows; i++) {
		const struct srow *r = &ld->rows[i];
		const char *ph = field(ld, r, COL_PLACEHOLDER), *kind = field(ld, r, COL_KIND);
		const char *name = field(ld, r, COL_NAME), *value = field(ld, r, COL_VALUE);
		size_t k = 0;

		if (r->gone || r->bad || !*ph)
			continue;
		while (k < sizeof kinds / sizeof *kinds && strcasecmp(kind, kinds[k]))
			k++;
		if (k == sizeof kinds / sizeof *kinds) {
			crm_status st = FAIL(ld, r, COL_PLACEHOLDER, "'%s' is given for a %s row, where "
					     "it has no meaning (a placeholder is the first value of a "
					     "setting, an input, a cost or a benefit; leave the "
					     "placeholder column empty)", ph, kind);
			if (!go_on(ld, st))
				return st;
			continue;
		}
		if (!unchanged(value, ph))
			continue;
		sc->nplaceholders++;
		crm_loc l = loc_of(ld, r, COL_VALUE);
		int range = k && given(ld, r, COL_LOW);
		if (crm_warnings_add(&sc->warnings, l.file, l.line, l.col, "%s '%s': %s is a "
				     "placeholder: write your own value%s%s, or empty its placeholder "
				     "cell", kinds[k], name, value, range ? ", low and high" : "",
				     given(ld, r, COL_NOTE) ? " (see its note)" : "") != CRM_OK)
			return crm_scen_nomem(ld);
	}
	return CRM_OK;
}
