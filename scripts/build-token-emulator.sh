#!/usr/bin/env bash
# Builds the iKey / ezSign token emulator (a PKCS#11 module over SoftHSM, see docs/token-emulator.md)
# into var/token-emulator/libtoken-emulator.so, only when the source is newer than the library.
# Prints the library's path on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

src=test/token-emulator/token-emulator.c
out_dir=${TOKEN_EMULATOR_BUILD_DIR:-var/token-emulator}
out=$out_dir/libtoken-emulator.so
header=/usr/include/p11-kit-1/p11-kit/pkcs11.h

if [ ! -e "$out" ] || [ "$src" -nt "$out" ] || [ "$0" -nt "$out" ]; then
  command -v gcc >/dev/null 2>&1 || die "gcc is missing: the token emulator is built with it (Debian: sudo apt-get install gcc)"
  [ -e "$header" ] || die "$header is missing (Debian: sudo apt-get install libp11-kit-dev)"
  mkdir -p "$out_dir"
  # Build beside the target and rename, so a process loading the library never sees half a file.
  gcc -std=c11 -O2 -g -Wall -Wextra -fPIC -shared -fvisibility=hidden \
    -I/usr/include/p11-kit-1 -o "$out.tmp.$$" "$src" -ldl -lpthread
  mv -f "$out.tmp.$$" "$out"
  say "built $out" >&2
fi
printf '%s\n' "$(pwd)/$out"
