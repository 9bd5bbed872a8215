/*
 * crmroi/error.h - status codes and the error context shared by the whole library.
 *
 * Every core function that can fail returns a crm_status (or NULL) and fills a
 * caller-owned crm_error with where the problem is (file, line, column) and a
 * message that says what was found and what was expected. The core never
 * prints; the command-line front end decides how to show an error.
 */
#ifndef CRMROI_ERROR_H
#define CRMROI_ERROR_H

#include <stddef.h>

typedef enum crm_status {
	CRM_OK = 0,
	CRM_EDATA,   /* the scenario is malformed or inconsistent */
	CRM_EIO,     /* a file could not be read or written */
	CRM_ENOMEM,  /* out of memory */
	CRM_EUSAGE,  /* a caller asked for something that does not exist */
	CRM_ENUM     /* a numerical method failed (GSL status attached to the message) */
} crm_status;

/* Column number used when an error is about a whole row or a whole file. */
#define CRM_NO_COLUMN 0

typedef struct crm_error {
	crm_status status;
	char file[512];   /* file name as given by the user; "" when none */
	int line;         /* 1-based physical line; 0 when not about a line */
	int col;          /* 1-based CSV field (column) number; 0 when not about a field */
	char msg[1024];   /* what is wrong (what is expected); no trailing newline */
	int note;         /* in a warning list: says how something was read, and warns of nothing */
} crm_error;

/*
 * Call once before anything else: turns off GSL's default error handler
 * (which aborts the process), so that every GSL failure comes back as a
 * status the library checks and reports.
 */
void crm_init(void);

/* A short, static description of a status ("bad scenario data", ...). */
const char *crm_strerror(crm_status status);

/* Clear an error context. err may be NULL. */
void crm_error_clear(crm_error *err);

/*
 * Fill err (when not NULL) and return status. file may be NULL. The message is
 * printf-formatted and truncated to fit. Returns status so that callers can
 * write `return crm_error_set(err, CRM_EDATA, ...)`.
 */
crm_status crm_error_set(crm_error *err, crm_status status, const char *file,
			 int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/*
 * A list of warnings (things that are allowed but probably not meant, such as
 * a line that starts after the horizon). Owned by the object that holds it.
 */
typedef struct crm_warnings {
	crm_error *items;
	size_t count;
	size_t cap;
} crm_warnings;

/*
 * Most errors a check that goes on after a bad row (crm_scenario_check,
 * crm_assess_check) lists; it counts the rest.
 */
#define CRM_MAX_ERRORS 50

crm_status crm_warnings_add(crm_warnings *w, const char *file, int line, int col,
			    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/*
 * A note: how a file was read when that is not the default (its fields
 * separated by ';', its numbers with decimal commas). It is listed with the
 * warnings, shown as a note, and is no warning: nothing is wrong.
 */
crm_status crm_warnings_add_note(crm_warnings *w, const char *file, int line, int col,
				 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* How many entries of w are warnings, not notes; NULL counts none. */
size_t crm_warnings_nwarnings(const crm_warnings *w);
/* The first entry of w that is a warning, not a note; NULL when there is none. */
const crm_error *crm_warnings_first(const crm_warnings *w);
/* Append a copy of e (an error, status kept) to the list. */
crm_status crm_warnings_add_error(crm_warnings *w, const crm_error *e);
/* Whether the list already holds an entry with the same place and message. */
int crm_warnings_has(const crm_warnings *w, const char *file, int line, int col, const char *msg);
void crm_warnings_free(crm_warnings *w);

/*
 * A set of messages already shown (same file, line, column and text), so
 * that a warning read twice (a base shared by several scenarios) is shown
 * once. Start from a NULL pointer; free with crm_seen_free.
 */
typedef struct crm_seen crm_seen;
/* 1 the first time e is offered (and when out of memory), 0 after that. */
int crm_seen_first(crm_seen **set, const crm_error *e);
void crm_seen_free(crm_seen *set);
/* Drop repeated entries from w, keeping the first of each and the order. */
void crm_warnings_dedupe(crm_warnings *w);

/*
 * Append printf-formatted text to the NUL-terminated string in buf (cap bytes
 * in all), cutting it to fit: never writes past buf + cap. Messages built
 * piece by piece (a chain of names) use this instead of `len += snprintf`,
 * whose running length can pass the end of the buffer. Returns the new length.
 */
size_t crm_appendf(char *buf, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
