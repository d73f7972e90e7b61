#!/usr/bin/env bash
# Real, large photographs for the image benchmarks and the photo parity run: six
# wallpapers (4-15 MP JPEGs and PNGs) out of Debian's plasma-workspace-wallpapers
# package, unpacked into DIR (default: photos/, git-ignored). Nothing is installed:
# the .deb is downloaded with apt-get and unpacked with dpkg-deb in a temporary folder.
# Quick when DIR already holds them. Usage: scripts/fetch-photos.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-photos}
package=plasma-workspace-wallpapers
# wallpaper/contents/images/<file> in the package -> the name used here
photos=(
  Path:2560x1600.jpg  Flow:5120x2880.jpg  Volna:5120x2880.jpg
  SafeLanding:5120x2880.jpg  Cascade:3840x2160.png  MilkyWay:5120x2880.png
)
name_of() { local wallpaper=${1%%:*} file=${1#*:}; echo "${wallpaper,,}-$file"; }

have=0
for photo in "${photos[@]}"; do [ -s "$dir/$(name_of "$photo")" ] && have=$((have + 1)); done
[ "$have" -eq "${#photos[@]}" ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && apt-get download "$package" >/dev/null 2>&1); then
  apt-get update -qq   # the package lists may be missing or stale
  (cd "$work" && apt-get download "$package" >/dev/null)
fi
dpkg-deb -x "$work"/"$package"_*.deb "$work/unpacked"
mkdir -p "$dir"
for photo in "${photos[@]}"; do
  cp "$work/unpacked/usr/share/wallpapers/${photo%%:*}/contents/images/${photo#*:}" "$dir/$(name_of "$photo")"
done
echo "fetch-photos: ${#photos[@]} photos in $dir"
