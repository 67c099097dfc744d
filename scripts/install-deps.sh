#!/bin/sh
# Install the Debian packages a target needs, idempotently.
# Usage: scripts/install-deps.sh GROUP...
# Groups: base (the base source and a git tree of it), kernel (x86_64 kernel
# builds and QEMU), arm64 (cross compiler and QEMU for arm64 kernels), shim,
# shim-arm64 (the shim cross-built, run under qemu-aarch64), apply (quilt),
# checkpatch,
# cocci, selftests.
set -e

pkgs=""
for group in "$@"; do
	case "$group" in
	base)	pkgs="$pkgs linux-source-6.12 git make xz-utils python3 perl" ;;
	kernel)	pkgs="$pkgs gcc flex bison bc libelf-dev libssl-dev ccache qemu-system-x86 cpio" ;;
	arm64)	pkgs="$pkgs gcc-aarch64-linux-gnu qemu-system-arm qemu-user" ;;
	shim)	pkgs="$pkgs gcc liburcu-dev" ;;
	shim-arm64)
		# liburcu for the arm64 shim run under qemu-aarch64: Debian multiarch
		dpkg --print-foreign-architectures | grep -qx arm64 ||
			$([ "$(id -u)" -eq 0 ] || echo sudo) dpkg --add-architecture arm64
		pkgs="$pkgs gcc-aarch64-linux-gnu qemu-user libc6-dev:arm64 liburcu-dev:arm64" ;;
	apply)	pkgs="$pkgs quilt" ;;
	checkpatch) pkgs="$pkgs python3-ply python3-git" ;;	# spdxcheck.py
	cocci)	pkgs="$pkgs coccinelle" ;;
	selftests) pkgs="$pkgs clang-19 llvm-19 lld-19 dwarves libelf-dev zlib1g-dev libzstd-dev libcap-dev busybox-static rsync" ;;
	*)	echo "install-deps: unknown group '$group'" >&2; exit 2 ;;
	esac
done

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
