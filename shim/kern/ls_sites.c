// SPDX-License-Identifier: GPL-2.0
/*
 * Names of the storage code's lock sites, where they meet people: --fault,
 * the per-site report make faults reads, the benchmark's tables.  A site is
 * a value of the patched tree's enum bpf_ls_test_site everywhere else; its
 * name is the enumerator's, lower case, without the prefix
 * (BPF_LS_TEST_UPDATE_LS is "update_ls"), generated from the header into
 * shim/ls_sites.h.  "ls" and "b" name every storage and every bucket lock
 * site, "*" every site.
 */
#include <linux/kernel.h>
#include <linux/bpf_local_storage.h>
#include <linux/string.h>
#include <shim/kern.h>
#include <shim/ls_sites.h>

static_assert(ARRAY_SIZE(shim_ls_site_names) == BPF_LS_TEST_NR_SITES,
	      "a lock site without a name");
static_assert(BPF_LS_TEST_NR_SITES <= SIM_FAULT_MAX_SITES &&
	      SIM_IRQ_POINT_LS_PRE(BPF_LS_TEST_NR_SITES) <= SIM_IRQ_POINT_SPIN_LOCK,
	      "more lock sites than the simulator has room for");

const char *shim_ls_site_name(unsigned int site)
{
	if (site >= BPF_LS_TEST_NR_SITES || !shim_ls_site_names[site])
		return NULL;
	return shim_ls_site_names[site];
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && !strcmp(s + n - m, suffix);
}

u64 shim_ls_sites(const char *name)
{
	u64 sites = 0;
	unsigned int i;

	for (i = 0; i < BPF_LS_TEST_NR_SITES; i++) {
		const char *n = shim_ls_site_name(i);

		if (!n)
			continue;
		if (!strcmp(name, "*") || !strcmp(name, n) ||
		    (!strcmp(name, "ls") && ends_with(n, "_ls")) ||
		    (!strcmp(name, "b") && ends_with(n, "_b")))
			sites |= 1ULL << i;
	}
	return sites;
}

/* "SITE:NTH:ERR" or "SITE:every:ERR", ERR = EDEADLK | ETIMEDOUT. */
int shim_fault_parse(const char *spec, struct sim_fault_cfg *cfg)
{
	const char *how = strchr(spec, ':'), *err = how ? strchr(how + 1, ':') : NULL;
	char site[32];
	long nth = 0;

	if (!how || !err || how - spec >= sizeof(site))
		return -EINVAL;
	memcpy(site, spec, how - spec);
	site[how - spec] = 0;
	memset(cfg, 0, sizeof(*cfg));
	cfg->sites = shim_ls_sites(site);
	if (!cfg->sites)
		return -EINVAL;
	if (!strncmp(how + 1, "every:", 6)) {
		cfg->every = 1;
	} else {
		for (how++; *how >= '0' && *how <= '9'; how++)
			nth = nth * 10 + (*how - '0');
		if (how != err || !nth)
			return -EINVAL;
		cfg->nth = nth;
	}
	if (!strcmp(err + 1, "EDEADLK"))
		cfg->err = -EDEADLK;
	else if (!strcmp(err + 1, "ETIMEDOUT"))
		cfg->err = -ETIMEDOUT;
	else
		return -EINVAL;
	return 0;
}

void shim_fault_report(void)
{
	unsigned int i;

	for (i = 0; i < BPF_LS_TEST_NR_SITES; i++)
		sim_eprintf("shim: site %s hits %lu\n", shim_ls_site_name(i),
			    sim_fault_site_hits(i));
}

const char *shim_irq_point_name(unsigned int point, char *buf, size_t size)
{
	switch (point) {
	case SIM_IRQ_POINT_SPIN_LOCK:
		return "spin_lock";
	case SIM_IRQ_POINT_SPIN_LOCKED:
		return "spin_locked";
	case SIM_IRQ_POINT_SPIN_LOCK_IRQSAVE:
		return "spin_lock_irqsave";
	}
	if (point >= SIM_IRQ_POINT_LS_PRE(0) && shim_ls_site_name(point - SIM_IRQ_POINT_LS_PRE(0)))
		scnprintf(buf, size, "%s:pre", shim_ls_site_name(point - SIM_IRQ_POINT_LS_PRE(0)));
	else
		scnprintf(buf, size, "%s", shim_ls_site_name(point) ?: "?");
	return buf;
}
