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

static crm_error *grow(crm_warnings *w)
{
	if (w->count == w->cap) {
		size_t ncap = w->cap ? 2 * w->cap : 4;
		crm_error *n = realloc(w->items, ncap * sizeof *n);
		if (!n)
			return NULL;
		w->items = n;
		w->cap = ncap;
	}
	return &w->items[w->count];
}

crm_status crm_warnings_add(crm_warnings *w, const char *file, int line, int col,
			    const char *fmt, ...)
{
	va_list ap;
	crm_error *slot = grow(w);

	if (!slot)
		return CRM_ENOMEM;
	va_start(ap, fmt);
	fill(slot, CRM_OK, file, line, col, fmt, ap);
	w->count++;
	va_end(ap);
	return CRM_OK;
}

crm_status crm_warnings_add_error(crm_warnings *w, const crm_error *e)
{
	crm_error *slot = grow(w);

	if (!slot)
		return CRM_ENOMEM;
	*slot = *e;
	w->count++;
	return CRM_OK;
}

int crm_warnings_has(const crm_warnings *w, const char *file, int line, int col, const char *msg)
{
	for (size_t i = 0; i < w->count; i++) {
		const crm_error *e = &w->items[i];
		if (e->line == line && e->col == col && !strcmp(e->msg, msg) &&
		    !strcmp(e->file, file ? file : ""))
			return 1;
	}
	return 0;
}

size_t crm_appendf(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;
	size_t len;

	if (!cap)
		return 0;
	len = strnlen(buf, cap - 1);
	buf[len] = '\0';
	if (len + 1 < cap) {
		va_start(ap, fmt);
		vsnprintf(buf + len, cap - len, fmt, ap);
		va_end(ap);
	}
	return strnlen(buf, cap - 1);
}

void crm_warnings_free(crm_warnings *w)
{
	if (!w)
		return;
	free(w->items);
	w->items = NULL;
	w->count = w->cap = 0;
}
