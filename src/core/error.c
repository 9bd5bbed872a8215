/*
 * error.c - status strings, the error context and warning lists.
 */
#include "crmroi/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *crm_strerror(crm_status status)
{
	switch (status) {
	case CRM_OK: return "success";
	case CRM_EDATA: return "bad scenario data";
	case CRM_EIO: return "input/output error";
	case CRM_ENOMEM: return "out of memory";
	case CRM_EUSAGE: return "invalid request";
	case CRM_ENUM: return "numerical method failed";
	}
	return "unknown error";
}

void crm_error_clear(crm_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof *err);
}

static void fill(crm_error *e, crm_status status, const char *file, int line,
		 int col, const char *fmt, va_list ap)
{
	e->status = status;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->col = col;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

crm_status crm_error_set(crm_error *err, crm_status status, const char *file,
			 int line, int col, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	va_start(ap, fmt);
	fill(err, status, file, line, col, fmt, ap);
	va_end(ap);
	return status;
}

crm_status crm_warnings_add(crm_warnings *w, const char *file, int line, int col,
			    const char *fmt, ...)
{
	va_list ap;

	if (w->count == w->cap) {
		size_t ncap = w->cap ? 2 * w->cap : 4;
		crm_error *n = realloc(w->items, ncap * sizeof *n);
		if (!n)
			return CRM_ENOMEM;
		w->items = n;
		w->cap = ncap;
	}
	va_start(ap, fmt);
	fill(&w->items[w->count++], CRM_OK, file, line, col, fmt, ap);
	va_end(ap);
	return CRM_OK;
}

void crm_warnings_free(crm_warnings *w)
{
	if (!w)
		return;
	free(w->items);
	w->items = NULL;
	w->count = w->cap = 0;
}
