/*
 * calendar.h - period labels and dates for people, from a scenario's
 * start_date and fiscal_year_start.
 */
#ifndef CRMROI_CALENDAR_H
#define CRMROI_CALENDAR_H

#include <stddef.h>

#include "crmroi/scenario.h"

/*
 * The label of Year k (k >= 1) of the horizon: "Year k" without start_date;
 * with it, the calendar year in which the year's last day falls ("2027"), or
 * with fiscal_year_start the fiscal year it falls in, named by the calendar
 * year in which that fiscal year ends ("FY2027" for April 2026 to March 2027).
 */
void calendar_year_label(const crm_settings *s, int k, char *buf, size_t len);

/*
 * The day `months` months after the investment date (fractional months
 * interpolated within the month by days), as YYYY-MM-DD; "" without
 * start_date.
 */
void calendar_date_after(const crm_settings *s, double months, char *buf, size_t len);

#endif
