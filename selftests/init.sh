#!/bin/sh
# PID 1 of the selftests guest (see scripts/selftests.sh).  The root is the
# host's / over virtio-9p, read-only; results go to the "out" 9p share.
# From the kernel command line: ST_DIR (test_progs directory), ST_TESTS (-t list).
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t bpf bpf /sys/fs/bpf
mount -t tracefs tracefs /sys/kernel/tracing
# Scratch space is a tmpfs on /run, which never holds the host's files.
# The tests write to /tmp, and the test tree itself may be under the host's
# /tmp: /tmp is an overlay of the host's /tmp (read-only, 9p) with a
# tmpfs on top, so the guest sees the host's files and writes to memory.
mount -t tmpfs run /run
mkdir -p /run/tmp/upper /run/tmp/work /run/out
mount -t overlay overlay -o lowerdir=/tmp,upperdir=/run/tmp/upper,workdir=/run/tmp/work /tmp
mount -t 9p -o trans=virtio,version=9p2000.L out /run/out
ip link set dev lo up 2>/dev/null || busybox ip link set dev lo up

log=/run/out/test_progs.log
{
	echo "guest: $(uname -r) $(nproc) cpus, tests: $ST_TESTS"
	cd "$ST_DIR" && ./test_progs -t "$ST_TESTS" --json-summary=/run/out/summary.json
	echo "test_progs exit status: $?"
} 2>&1 | tee "$log"
dmesg >/run/out/dmesg.log 2>&1 || busybox dmesg >/run/out/dmesg.log

sync
busybox reboot -f
