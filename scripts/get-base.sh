#!/bin/sh
# Install Debian's linux-source-6.12 and extract it to $1 (default build/base).
# The extracted tree is the base of the series; the Debian package version it came
# from is written to $1/.debian-version.
set -e

dest=${1:-build/base}
tarball=/usr/src/linux-source-6.12.tar.xz

"$(dirname "$0")"/install-deps.sh base
version=$(dpkg-query -W -f='${Version}' linux-source-6.12)

if [ -f "$dest/.debian-version" ] && [ "$(cat "$dest/.debian-version")" = "$version" ]; then
	exit 0
fi

echo "get-base: extracting linux-source-6.12 $version to $dest"
rm -rf "$dest.tmp" "$dest"
mkdir -p "$dest.tmp"
tar -xJf "$tarball" -C "$dest.tmp" --strip-components=1
echo "$version" > "$dest.tmp/.debian-version"
mv "$dest.tmp" "$dest"
