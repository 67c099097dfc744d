#!/bin/sh
# PID 1 of the bench-kernel guest (see scripts/bench-kernel.sh).  The root is
# the host's / over virtio-9p, read-only; results go to the "out" 9p share.
# From the kernel command line: BK_DIR (directory of bench and test_progs),
# BK_PLAN (file: one point a line, "NAME COMMAND...", COMMAND run in BK_DIR).
# @KTHREAD@ in a command stands for the pid of the RCU Tasks Trace kthread.
# Each point's exit status and time follow it in the log.
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

# kthread_pid NAME: the pid of the kthread whose comm starts with NAME
# (comms are cut to 15 characters), 0 if there is none.
kthread_pid() {
	for c in /proc/[0-9]*/comm; do
		case "$(cat "$c" 2>/dev/null)" in
		"$1"*)	c=${c#/proc/}
			echo "${c%/comm}"
			return ;;
		esac
	done
	echo 0
}

log=/run/out/bench.log
{
	echo "guest: $(uname -r) $(nproc) cpus"
	cd "$BK_DIR" || exit 1
	while read -r name cmd; do
		case "$name" in ''|'#'*) continue ;; esac
		echo "=== $name"
		case "$cmd" in
		*@KTHREAD@*)
			kthread=$(kthread_pid rcu_tasks_trace)
			echo "rcu_tasks_trace kthread: $kthread"
			[ "$kthread" != 0 ] || grep -H . /proc/[0-9]*/comm | grep rcu_
			cmd=$(echo "$cmd" | sed "s/@KTHREAD@/$kthread/g") ;;
		esac
		# Word splitting of the command is wanted: it holds the arguments.
		# shellcheck disable=SC2086
		set -- $cmd
		start=$(date +%s)
		"./$@" </dev/null 2>&1
		echo "=== $name exit $? in $(( $(date +%s) - start )) s"
	done < "$BK_PLAN"
	echo "=== end"
} 2>&1 | tee "$log"
dmesg >/run/out/dmesg.log 2>&1 || busybox dmesg >/run/out/dmesg.log

sync
busybox reboot -f
