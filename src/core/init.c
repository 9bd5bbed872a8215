/*
 * init.c - library start-up.
 */
#include "crmroi/crmroi.h"

#include <gsl/gsl_errno.h>

void crm_init(void)
{
	gsl_set_error_handler_off();
}
