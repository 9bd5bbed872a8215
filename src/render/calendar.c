/*
 * calendar.c - the calendar behind period labels: a project year ends 12
 * months after the previous one (the same day of the month, or the last day
 * of a shorter month, as EDATE), starting from the investment date.
 */
#define _POSIX_C_SOURCE 200809L
#include "calendar.h"

#include <math.h>
#include <stdio.h>

#include "crmroi/finance.h"

/* The calendar day (days since 1970-01-01) that is `months` months after the investment date. */
static long after(const crm_settings *s, int months)
{
	int y = s->start_year, m = s->start_month, d = s->start_day ? s->start_day : 1;

	crm_date_add_months(&y, &m, &d, months);
	return crm_date_days(y, m, d);
}

/* Civil date of a day number (Howard Hinnant's civil_from_days). */
static void civil(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void calendar_year_label(const crm_settings *s, int k, char *buf, size_t len)
{
	int y, m, d;

	if (!s->start_year) {
		snprintf(buf, len, "Year %d", k);
		return;
	}
	/* The last day of Year k: the day before the end of its twelfth month. */
	civil(after(s, 12 * k) - 1, &y, &m, &d);
	if (s->fiscal_year_start > 1)
		snprintf(buf, len, "FY%d", m >= s->fiscal_year_start ? y + 1 : y);
	else if (s->fiscal_year_start == 1)
		snprintf(buf, len, "FY%d", y);
	else
		snprintf(buf, len, "%d", y);
}

void calendar_date_after(const crm_settings *s, double months, char *buf, size_t len)
{
	int y, m, d;

	if (!s->start_year || !isfinite(months) || months < 0) {
		snprintf(buf, len, "%s", "");
		return;
	}
	int whole = (int)floor(months);
	long a = after(s, whole), b = after(s, whole + 1);
	civil(a + (long)floor((months - whole) * (double)(b - a) + 0.5), &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
}
