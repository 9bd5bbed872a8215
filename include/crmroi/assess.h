/*
 * crmroi/assess.h - the organisational readiness self-assessment.
 *
 * CRM pays off as a business strategy only when the organisation is ready
 * for it. The self-assessment measures that readiness in the manner of the
 * Baldrige quality award: nine sections worth 1000 points together, the
 * first six about culture, the last three about execution. Each section has
 * a few criteria; the team answers each one with yes (100%), no (0%) or a
 * percentage inside one of the Baldrige score bands, judging it by three
 * questions (who is responsible, is the approach consistent, is there a
 * record of the commitment).
 *
 * This module holds the questionnaire, reads an answers file (a CSV table,
 * one row per criterion) and scores it. It never prints: the command-line
 * front end writes the template and the reports. It also turns a score into
 * the execution factor a scenario applies to its benefits (setting
 * `readiness`), so that the formula lives in one place.
 */
#ifndef CRMROI_ASSESS_H
#define CRMROI_ASSESS_H

#include <stddef.h>

#include "crmroi/error.h"

#define CRM_ASSESS_MAX_POINTS 1000.0
#define CRM_ASSESS_NSECTIONS 9
#define CRM_ASSESS_NGROUPS 12      /* the sections, with results split into its four parts */
#define CRM_ASSESS_NCULTURE 6      /* sections 0..5 are culture, 6..8 execution */
#define CRM_ASSESS_NQUESTIONS 3
#define CRM_ASSESS_NBANDS 6

/* A section of the questionnaire. Results is scored by its parts. */
typedef struct crm_assess_section {
	const char *key;           /* "policy_strategy", ... */
	const char *name;          /* "policy and strategy", ... */
	double points;             /* its maximum */
	int culture;               /* 1 for the first six sections, 0 for execution */
	int first_group, ngroups;  /* its scoring groups (1, or 4 for results) */
} crm_assess_section;

/* A scoring group: a section, or one part of results. */
typedef struct crm_assess_group {
	const char *name;          /* as written in the section column: "employees", "results: financial" */
	int section;               /* index of its section */
	double points;             /* its maximum: weight x the mean of its criteria */
	int first, count;          /* its criteria */
} crm_assess_group;

typedef struct crm_assess_criterion {
	const char *id;            /* "PS1", "RF2", ...: the key of a row in an answers file */
	int group;
	const char *text;
} crm_assess_criterion;

/* A Baldrige score band, in percent. */
typedef struct crm_assess_band {
	double low, high;
} crm_assess_band;

/* The questionnaire: static, never freed. */
const crm_assess_section *crm_assess_section_at(int i);   /* 0 <= i < CRM_ASSESS_NSECTIONS */
const crm_assess_group *crm_assess_group_at(int g);       /* 0 <= g < CRM_ASSESS_NGROUPS */
int crm_assess_ncriteria(void);
const crm_assess_criterion *crm_assess_criterion_at(int k);
/* The three judging questions, printed beside every criterion. */
const char *crm_assess_question(int q);
const crm_assess_band *crm_assess_band_at(int b);         /* 0 <= b < CRM_ASSESS_NBANDS */

/* When the assessment was made, from the answers file's `stage` row. */
typedef enum crm_assess_stage {
	CRM_STAGE_UNSTATED,
	CRM_STAGE_READINESS,       /* before the program */
	CRM_STAGE_CALIBRATION,     /* in its middle */
	CRM_STAGE_CORRECTION       /* after implementation */
} crm_assess_stage;

const char *crm_assess_stage_name(crm_assess_stage s);

typedef struct crm_assess_answer {
	int answered;              /* 0: no row, or an empty answer cell (scores 0) */
	double score;              /* fraction 0..1; 0 when unanswered */
	char *text;                /* the answer as written; "" when none */
	char *evidence, *learnings;/* "" when none */
	int line, col;             /* the answer cell; line 0 when the criterion has no row */
} crm_assess_answer;

/* A scored answers file. Plain data, read-only for callers; owns everything it points to. */
typedef struct crm_assessment {
	char *file;                /* name used in messages ("<stdin>" for -) */
	char *title, *date;        /* from the `title` and `date` rows; "" when not given */
	crm_assess_stage stage;
	crm_assess_answer *answers;/* one per criterion, in questionnaire order */
	double group_points[CRM_ASSESS_NGROUPS];
	double section_points[CRM_ASSESS_NSECTIONS];
	double total;              /* 0..1000 */
	double culture, execution; /* points of the first six and of the last three sections */
	double culture_max, execution_max;
	int nunanswered;
	/* Sections by their share of the maximum (points / maximum). */
	int strongest[CRM_ASSESS_NSECTIONS], nstrongest;  /* every section at the highest share */
	int weakest[CRM_ASSESS_NSECTIONS], nweakest;      /* every section at the lowest share */
	int by_gap[CRM_ASSESS_NSECTIONS];                 /* sections by points missing, most first */
	int lowest_criterion[CRM_ASSESS_NSECTIONS];       /* each section's lowest-scoring criterion */
	crm_warnings warnings;     /* one per empty answer cell, located, and one for all
				    * criteria without a row; each message ends in CRM_ASSESS_AS_ZERO */
} crm_assessment;

#define CRM_ASSESS_AS_ZERO "; counted as 0%"

/*
 * Read and score an answers file (path "-" is standard input). NULL with err
 * filled on failure: CRM_EIO when it cannot be read, CRM_EDATA with file,
 * line and column for a bad answer ('maybe', '120%', a percentage between
 * two bands), an unknown or repeated criterion, or a malformed table. The
 * caller owns the result.
 */
crm_assessment *crm_assess_load(const char *path, crm_error *err);
/* The same from memory; name labels messages; chunk is passed to crm_csv_parse. */
crm_assessment *crm_assess_parse(const char *buf, size_t len, const char *name, size_t chunk,
				 crm_error *err);
/*
 * Read and score an answers file as crmroi check reads a scenario: a bad row
 * (an unknown, repeated or empty id, a bad answer, a bad stage) does not stop
 * the reading, so every bad answer is found. The first CRM_MAX_ERRORS errors
 * are appended to errors (caller-owned; free with crm_warnings_free; each
 * item's status is its crm_status) and *unlisted counts the rest; an error
 * that stops the reading (the file cannot be read, a malformed table or
 * header) is the list's only item. Returns the assessment only when there is
 * no error. err (may be NULL) gets the first error, the one crm_assess_load
 * reports.
 */
crm_assessment *crm_assess_check(const char *path, crm_warnings *errors, size_t *unlisted,
				 crm_error *err);
/* The same from memory; name labels messages; chunk is passed to crm_csv_parse. */
crm_assessment *crm_assess_check_text(const char *buf, size_t len, const char *name, size_t chunk,
				      crm_warnings *errors, size_t *unlisted, crm_error *err);
void crm_assess_free(crm_assessment *a);

/* points / maximum of section i, 0..1. */
double crm_assess_share(const crm_assessment *a, int i);

/*
 * The execution factor on benefits for a readiness score (0..1000) and a
 * floor (the factor at score 0, a fraction 0..1):
 *     factor = floor + (1 - floor) x score / 1000,
 * computed as 1 - (1 - floor) x (1 - score / 1000) so that a full score gives
 * exactly 1. A judgement that scales benefits with readiness, not a
 * calibrated estimate.
 */
double crm_assess_factor(double score, double floor);

/*
 * For a scenario's `readiness` setting: value is the answers file as written
 * in the scenario file `from`, relative to from's directory (like `base`).
 * On success *path is the file opened (malloc'd, the caller frees it),
 * *score its total, and one warning per unanswered criterion is added to w.
 * Errors: CRM_EUSAGE when the value itself is wrong (empty); CRM_EIO when
 * the file cannot be read (missing, a directory, a device, a link loop): the
 * caller locates either message at the setting; otherwise the answers file's
 * own located error.
 */
crm_status crm_assess_readiness(const char *from, const char *value, char **path, double *score,
				crm_warnings *w, crm_error *err);

#endif
