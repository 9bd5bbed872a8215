/*
 * init.c - library start-up: GSL failures come back as statuses, never abort.
 */
#include "crmroi/error.h"

#include <gsl/gsl_errno.h>

void crm_init(void)
{
	gsl_set_error_handler_off();
}
