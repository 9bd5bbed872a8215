/*
 * workbook.h - the business case as an Office Open XML workbook (.xlsx) whose
 * figures are live formulas.
 *
 * The workbook holds the model, not only its results: inputs and settings
 * are cells with defined names, every line's value is its crmroi formula
 * translated to Excel (xlformula.h), and the cash flow and metrics are
 * formulas over them, so a change in a spreadsheet recomputes the case as
 * crmroi would. Each formula cell also carries crmroi's own result as its
 * cached value, for readers that do not recompute.
 */
#ifndef CRMROI_WORKBOOK_H
#define CRMROI_WORKBOOK_H

#include "columns.h"

/*
 * Write the evaluated scenario r to the file named file (libxlsxwriter writes
 * it by name; the front end hands it a temporary file that it renames over
 * the output, path, which messages name). The tornado rows (NPV, nrows of
 * them, may be 0) go into a Sensitivity sheet as a snapshot of values. A
 * formula that cannot be written in Excel's language is written as its
 * value, with a cell comment, and a text longer than a cell may hold is cut
 * to it; each is reported in warn. Returns CRM_OK, or a status with err
 * filled.
 */
crm_status wb_write(const report *r, const crm_tornado_row *tornado, size_t nrows,
		    const char *file, const char *path, crm_warnings *warn, crm_error *err);

#endif
