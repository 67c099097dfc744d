// SPDX-License-Identifier: GPL-2.0
/*
 * init for the locktorture guest: locktorture is built in and powers the
 * machine off itself (locktorture.shutdown_secs), so init only has to exist
 * and stay out of the way.  Built with the kernel's nolibc.
 */
int main(void)
{
	for (;;)
		sleep(3600);
	return 0;
}
