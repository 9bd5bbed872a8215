/*
 * crmroi/csvread.h - RFC 4180 CSV text to rows of fields, with positions.
 *
 * libcsv does the parsing; this module adds what libcsv does not report: the
 * physical line on which each field starts, so that every later error can say
 * FILE:LINE:COL. It knows nothing about scenarios; comment and blank rows are
 * kept here and interpreted by the scenario loader.
 */
#ifndef CRMROI_CSVREAD_H
#define CRMROI_CSVREAD_H

#include <stddef.h>

#include "crmroi/blocks.h"
#include "crmroi/error.h"

typedef struct crm_csv_row {
	int line;          /* physical line (1-based) where the row starts */
	int nfields;
	char **fields;     /* NUL-terminated copies; owned by the table */
	int *field_lines;  /* line where each field starts; NULL when every field starts on
			      line: read it through crm_csv_field_line */
} crm_csv_row;

/* The line where field fi of r starts (fi < r->nfields). */
static inline int crm_csv_field_line(const crm_csv_row *r, int fi)
{
	return r->field_lines ? r->field_lines[fi] : r->line;
}

typedef struct crm_csv_table {
	crm_csv_row *rows;
	size_t nrows;
	size_t cap;
	/*
	 * Where the fields and each row's arrays live: blocks of memory the table
	 * owns, so that a large file costs a few allocations, not one per field.
	 */
	crm_block *arena;
} crm_csv_table;

/*
 * Parse len bytes of CSV text. A leading UTF-8 byte-order mark is skipped.
 * A control character (0x00-0x1F or 0x7F, except tab, CR and LF) in a field
 * is refused (CRM_EDATA) at its line and column, and so is a text of more
 * than CRM_CSV_MAX_ROWS rows.
 * chunk is the largest piece handed to libcsv at once (0: whole lines); it
 * exists so tests can prove the result does not depend on how input arrives.
 * name labels errors. On success the table is filled (free it with
 * crm_csv_table_free); on failure err says where parsing stopped.
 */
crm_status crm_csv_parse(const char *buf, size_t len, size_t chunk, const char *name,
			 crm_csv_table *out, crm_error *err);

/*
 * The same with the fields separated by sep (',' or ';') instead of commas.
 */
crm_status crm_csv_parse_sep(const char *buf, size_t len, size_t chunk, char sep,
			     const char *name, crm_csv_table *out, crm_error *err);

/*
 * The field separator of a CSV text: ';' when its header row (the first row
 * that is neither a comment, a first field starting with #, nor blank) has
 * more fields read with ';' than with ',', as a spreadsheet with a European
 * locale saves "CSV"; ',' otherwise (a tie, no header, malformed CSV before
 * the header). Quotes are honoured: libcsv reads the text up to the header,
 * once with each separator, so that a comment or a quoted field holding
 * either separator does not count. A row of separators and blanks alone
 * (",,," or ";;;") is blank either way.
 */
char crm_csv_detect_sep(const char *buf, size_t len);

/*
 * The note (crm_warnings_add_note) on a file whose fields crm_csv_detect_sep
 * found separated by ';', which is read with decimal commas: a printf
 * format without arguments.
 */
#define CRM_CSV_SEMICOLON_NOTE "read as a spreadsheet with a European locale saves CSV: " \
	"fields separated by ';', numbers with a decimal comma (1.234,56 or 62,5%%)"

void crm_csv_table_free(crm_csv_table *t);

/* Remove leading and trailing white space of a field, in place. */
void crm_csv_trim(char *s);

/*
 * A copy of text read from a file, to be shown to people, with its line
 * breaks and tabs as visible escapes ("\n", "\r", "\t"), so that a title
 * or a label can never start a line of its own in an output (a forged
 * heading in markdown, a forged row in text). malloc'd; NULL on no memory.
 */
char *crm_csv_visible(const char *s);
/* The same in two steps, for memory of the caller's: its size (with the NUL), then the copy. */
size_t crm_csv_visible_size(const char *s);
void crm_csv_visible_to(char *out, const char *s);

/* Most rows (comments and blank rows included) one CSV text may have. */
#define CRM_CSV_MAX_ROWS 1000000

/* The largest scenario file (and standard input) read: 64 MB. */
#define CRM_MAX_FILE_SIZE (64 << 20)

/*
 * Read a whole file (or standard input when path is "-") into a malloc'd,
 * NUL-terminated buffer. The caller frees *buf. Only a regular file is read
 * (a directory, device, FIFO or socket is refused without blocking), and at
 * most CRM_MAX_FILE_SIZE bytes: anything else fails with CRM_EIO. what names
 * the kind of file in messages ("scenario file", "answers file", "actuals
 * file").
 */
crm_status crm_read_file(const char *path, const char *what, char **buf, size_t *len,
			 crm_error *err);

#endif
