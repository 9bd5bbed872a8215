/*
 * error.c - status strings, the error context and warning lists.
 */
#include "crmroi/error.h"

#include <stdarg.h>
#include <stdint.h>
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
	/* Field by field: cleared once per value read, the 1.5 KB need not be. */
	err->status = CRM_OK;
	err->file[0] = '\0';
	err->line = 0;
	err->col = 0;
	err->msg[0] = '\0';
	err->note = 0;
}

static void fill(crm_error *e, crm_status status, const char *file, int line,
		 int col, const char *fmt, va_list ap)
{
	e->status = status;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->col = col;
	e->note = 0;
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

crm_status crm_warnings_add_note(crm_warnings *w, const char *file, int line, int col,
				 const char *fmt, ...)
{
	va_list ap;
	crm_error *slot = grow(w);

	if (!slot)
		return CRM_ENOMEM;
	va_start(ap, fmt);
	fill(slot, CRM_OK, file, line, col, fmt, ap);
	slot->note = 1;
	w->count++;
	va_end(ap);
	return CRM_OK;
}

size_t crm_warnings_nwarnings(const crm_warnings *w)
{
	size_t n = 0;

	for (size_t i = 0; w && i < w->count; i++)
		n += !w->items[i].note;
	return n;
}

const crm_error *crm_warnings_first(const crm_warnings *w)
{
	for (size_t i = 0; w && i < w->count; i++)
		if (!w->items[i].note)
			return &w->items[i];
	return NULL;
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

/* ------------------------------------------------------------ seen set */

struct crm_seen {
	char **keys;       /* open addressing; NULL is an empty slot */
	size_t cap, n;     /* cap a power of two */
};

static uint64_t fnv(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static size_t seen_slot(const struct crm_seen *set, const char *key)
{
	size_t i = (size_t)fnv(key) & (set->cap - 1);

	while (set->keys[i] && strcmp(set->keys[i], key))
		i = (i + 1) & (set->cap - 1);
	return i;
}

int crm_seen_first(crm_seen **setp, const crm_error *e)
{
	struct crm_seen *set = *setp;
	size_t len = strlen(e->file) + strlen(e->msg) + 48;
	char *key = malloc(len);

	if (!key)
		return 1;
	snprintf(key, len, "%s\n%d\n%d\n%s", e->file, e->line, e->col, e->msg);
	if (!set) {
		if (!(set = calloc(1, sizeof *set))) {
			free(key);
			return 1;
		}
		*setp = set;
	}
	if (2 * (set->n + 1) > set->cap) {
		struct crm_seen g = { NULL, set->cap ? 2 * set->cap : 64, set->n };
		if (!(g.keys = calloc(g.cap, sizeof *g.keys))) {
			free(key);
			return 1;
		}
		for (size_t k = 0; k < set->cap; k++)
			if (set->keys[k])
				g.keys[seen_slot(&g, set->keys[k])] = set->keys[k];
		free(set->keys);
		*set = g;
	}
	size_t i = seen_slot(set, key);
	if (set->keys[i]) {
		free(key);
		return 0;
	}
	set->keys[i] = key;
	set->n++;
	return 1;
}

void crm_seen_free(crm_seen *set)
{
	if (!set)
		return;
	for (size_t k = 0; k < set->cap; k++)
		free(set->keys[k]);
	free(set->keys);
	free(set);
}

void crm_warnings_dedupe(crm_warnings *w)
{
	crm_seen *set = NULL;
	size_t kept = 0;

	for (size_t i = 0; i < w->count; i++)
		if (crm_seen_first(&set, &w->items[i])) {
			if (kept != i)
				w->items[kept] = w->items[i];
			kept++;
		}
	w->count = kept;
	crm_seen_free(set);
}
