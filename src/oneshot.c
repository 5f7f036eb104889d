/* SPDX-License-Identifier: MIT */
/* oneshot.c - placeholder until the health issue lands. */
#include "log.h"
#include "oneshot.h"

int
oneshot_status(void)
{
	log_error("status: no tend with health checks is running");
	return 2;
}

int
oneshot_probe(const struct tend_config *cfg)
{
	log_error("probe: \"%s\": not supported yet", cfg->probe);
	return 2;
}
