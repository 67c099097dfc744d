#!/bin/sh
# PID 1 of the selftests guest (see scripts/selftests.sh).  The root is the
# host's / over virtio-9p, read-only; results go to the "out" 9p share.
# From the kernel command line: ST_DIR (test_progs directory), ST_TESTS (-t list).
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
mount -t bpf bpf /sys/fs/bpf
mount -t tracefs tracefs /sys/kernel/tracing
mkdir /tmp/out
mount -t 9p -o trans=virtio,version=9p2000.L out /tmp/out
ip link set dev lo up 2>/dev/null || busybox ip link set dev lo up

log=/tmp/out/test_progs.log
{
	echo "guest: $(uname -r) $(nproc) cpus, tests: $ST_TESTS"
	cd "$ST_DIR" && ./test_progs -t "$ST_TESTS"
	echo "test_progs exit status: $?"
} 2>&1 | tee "$log"
dmesg >/tmp/out/dmesg.log 2>&1 || busybox dmesg >/tmp/out/dmesg.log

sync
busybox reboot -f
