/* SPDX-License-Identifier: MIT */
/*
 * fuzz_resolvconf.c - libFuzzer target for resolv.conf and hosts parsing
 * and the search-list candidates.
 *
 * The input is read as a resolv.conf and as a hosts file. The name looked
 * up and expanded is the input's last line (so the fuzzer can make it
 * match). The parsed configuration must be within its limits; every
 * candidate must be a name of at most 253 bytes without a final dot,
 * ending in the name itself or one of the search domains; hosts lookups
 * must respect max and family.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fuzz.h"
#include "resolvconf.h"

static struct resolv_conf	rc;

static void
check_conf(void)
{
	size_t	used = 0;
	int	i;

	CHECK(rc.nns >= 1 && rc.nns <= RESOLV_NS_MAX);
	for (i = 0; i < rc.nns; i++)
		CHECK(rc.ns[i].family == AF_INET ||
		    rc.ns[i].family == AF_INET6);
	CHECK(rc.nsearch >= 0 && rc.nsearch <= RESOLV_SEARCH_MAX);
	for (i = 0; i < rc.nsearch; i++) {
		CHECK(used < sizeof(rc.search));
		CHECK(memchr(rc.search + used, '\0',
		    sizeof(rc.search) - used) != NULL);
		CHECK(rc.search[used] != '\0');
		used += strlen(rc.search + used) + 1;
	}
	CHECK(rc.ndots >= 0 && rc.ndots <= 15);
	CHECK(rc.timeout >= 0 && rc.timeout <= 30);
	CHECK(rc.attempts >= 0 && rc.attempts <= 5);
}

static void
check_candidates(const char *name)
{
	char	buf[RESOLV_NAME_MAX];
	size_t	len, nlen = strlen(name);
	int	i, r, ok = 0;

	if (nlen > 0 && name[nlen - 1] == '.')
		nlen--;

	for (i = 0; i < 64; i++) {
		r = resolv_candidate(&rc, name, i, buf, sizeof(buf));
		if (r == 0)
			break;
		CHECK(r == 1 || r == -1);
		if (r < 0)
			continue;
		ok++;
		len = strlen(buf);
		CHECK(len >= 1 && len <= 253);
		CHECK(strncmp(buf, name, len < nlen ? len : nlen) == 0);
		CHECK(len == nlen || (len > nlen && buf[nlen] == '.'));
	}
	CHECK(i <= RESOLV_SEARCH_MAX + 1);
	CHECK(ok <= RESOLV_SEARCH_MAX + 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct resolv_addr	 a[4];
	const char		*text = (const char *)data, *nl;
	char			*name;
	size_t			 start = 0;
	static const int	 fams[3] = { 0, AF_INET, AF_INET6 };
	int			 n, i, f;

	resolv_conf_parse(text, size, &rc);
	check_conf();
	nl = size > 0 ? memrchr(text, '\n', size) : NULL;
	if (nl != NULL)
		start = (size_t)(nl - text) + 1;
	if ((name = malloc(size - start + 1)) == NULL)
		return 0;
	memcpy(name, text + start, size - start);
	name[size - start] = '\0';
	check_candidates(name);
	for (f = 0; f < 3; f++) {
		n = hosts_lookup(text, size, name, fams[f], a, 4);
		CHECK(n >= 0 && n <= 4);
		for (i = 0; i < n; i++)
			CHECK(fams[f] == 0 ? (a[i].family == AF_INET ||
			    a[i].family == AF_INET6) : a[i].family == fams[f]);
	}
	free(name);
	return 0;
}
