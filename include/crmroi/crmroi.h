/*
 * crmroi/crmroi.h - the whole public interface of libcrmroi.
 *
 * Call crm_init() once before anything else: it turns off GSL's default
 * error handler (which aborts the process) so that every GSL failure comes
 * back as a status this library checks and reports.
 */
#ifndef CRMROI_H
#define CRMROI_H

/* In layer order (doc/ARCHITECTURE.md): leaves, scenario, model, the case, analyses. */
#include "crmroi/blocks.h"
#include "crmroi/error.h"
#include "crmroi/csvread.h"
#include "crmroi/expr.h"
#include "crmroi/finance.h"
#include "crmroi/tax.h"
#include "crmroi/assess.h"
#include "crmroi/areas.h"
#include "crmroi/scenario.h"
#include "crmroi/capability.h"
#include "crmroi/starter.h"
#include "crmroi/model.h"
#include "crmroi/metrics.h"
#include "crmroi/aftertax.h"
#include "crmroi/case.h"
#include "crmroi/analysis.h"
#include "crmroi/compare.h"
#include "crmroi/joint.h"
#include "crmroi/voi.h"
#include "crmroi/calibrate.h"
#include "crmroi/plan.h"
#include "crmroi/datatable.h"
#include "crmroi/sample.h"
#include "crmroi/simulate.h"
#include "crmroi/readiness.h"
#include "crmroi/track.h"

#define CRMROI_VERSION "0.1.0"


#endif
