/*
 * capabilities.c - the conformance table's helper: with no argument, the
 * names of every capability of the scenario language (crmroi/capability.h),
 * one a line; with scenario files, the capabilities each uses, as
 * "FILE<TAB>name name ...".
 */
#include <stdio.h>

#include "crmroi/crmroi.h"

int main(int argc, char **argv)
{
	crm_init();
	if (argc < 2) {
		for (int c = 0; c < CRM_NCAPABILITIES; c++)
			printf("%s\n", crm_capability_name((crm_capability)c));
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		crm_error err;
		crm_error_clear(&err);
		crm_scenario *sc = crm_scenario_load(argv[i], &err);
		if (!sc) {
			fprintf(stderr, "capabilities: %s: %s\n", argv[i], err.msg);
			return 1;
		}
		unsigned u = crm_scenario_capabilities(sc);
		printf("%s\t", argv[i]);
		for (int c = 0, k = 0; c < CRM_NCAPABILITIES; c++)
			if (u & (1u << c))
				printf("%s%s", k++ ? " " : "", crm_capability_name((crm_capability)c));
		printf("\n");
		crm_scenario_free(sc);
	}
	return 0;
}
