#!/bin/sh
# PID 1 of the bench-kernel guest (see scripts/bench-kernel.sh).  The root is
# the host's / over virtio-9p, read-only; results go to the "out" 9p share.
# From the kernel command line: BK_DIR (directory of bench and test_progs),
# BK_PLAN (file: one point a line, "NAME COMMAND...", COMMAND run in BK_DIR).
# @KTHREAD@ in a command stands for the pid of the RCU Tasks Trace kthread.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t bpf bpf /sys/fs/bpf
mount -t tracefs tracefs /sys/kernel/tracing
# Scratch space in memory, as in selftests/init.sh: /tmp is the host's /tmp
# (read-only, where the bench may live) under a tmpfs overlay.
mount -t tmpfs run /run
mkdir -p /run/tmp/upper /run/tmp/work /run/out
mount -t overlay overlay -o lowerdir=/tmp,upperdir=/run/tmp/upper,workdir=/run/tmp/work /tmp
mount -t 9p -o trans=virtio,version=9p2000.L out /run/out
ip link set dev lo up 2>/dev/null || busybox ip link set dev lo up

# The comm of "rcu_tasks_trace_kthread" is cut to 15 characters.
kthread=0
for c in /proc/[0-9]*/comm; do
	if [ "$(cat "$c" 2>/dev/null)" = rcu_tasks_trace ]; then
		kthread=${c#/proc/}
		kthread=${kthread%/comm}
		break
	fi
done

log=/run/out/bench.log
{
	echo "guest: $(uname -r) $(nproc) cpus, rcu_tasks_trace kthread $kthread"
	cd "$BK_DIR" || exit 1
	while read -r name cmd; do
		case "$name" in ''|'#'*) continue ;; esac
		echo "=== $name"
		# Word splitting of the command is wanted: it holds the arguments.
		# shellcheck disable=SC2086
		set -- $(echo "$cmd" | sed "s/@KTHREAD@/$kthread/g")
		start=$(date +%s)
		"./$@" </dev/null 2>&1
		echo "=== $name exit $? in $(( $(date +%s) - start )) s"
	done < "$BK_PLAN"
	echo "=== end"
} 2>&1 | tee "$log"
dmesg >/run/out/dmesg.log 2>&1 || busybox dmesg >/run/out/dmesg.log

sync
busybox reboot -f
