#!/bin/sh
# Install the Debian packages a target needs, idempotently.
# Usage: scripts/install-deps.sh GROUP...   (groups: base kernel arm64 shim shim-arm64 cocci selftests)
set -e

pkgs=""
for group in "$@"; do
	case "$group" in
	base)	pkgs="$pkgs linux-source-6.12 git make xz-utils python3 python3-ply python3-git perl" ;;
	kernel)	pkgs="$pkgs gcc flex bison bc libelf-dev libssl-dev ccache qemu-system-x86 cpio" ;;
	arm64)	pkgs="$pkgs gcc-aarch64-linux-gnu qemu-system-arm qemu-user" ;;
	shim)	pkgs="$pkgs gcc liburcu-dev libclang-rt-14-dev clang" ;;
	shim-arm64)
		# liburcu for the arm64 shim run under qemu-aarch64: Debian multiarch
		dpkg --print-foreign-architectures | grep -qx arm64 ||
			$([ "$(id -u)" -eq 0 ] || echo sudo) dpkg --add-architecture arm64
		pkgs="$pkgs gcc-aarch64-linux-gnu qemu-user libc6-dev:arm64 liburcu-dev:arm64" ;;
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
