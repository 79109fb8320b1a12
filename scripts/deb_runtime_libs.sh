#!/usr/bin/env bash
# Which shared libraries does 清稿 load at run time, and from which Debian packages?
#
#   scripts/deb_runtime_libs.sh [BINARY] [SECONDS]
#
# dpkg-shlibdeps (cargo-deb's "$auto") sees only the ELF's DT_NEEDED entries (libc, libgcc),
# but winit, glutin and the rest open X11, Wayland, xkbcommon, EGL, fontconfig and D-Bus with
# dlopen. This starts BINARY (default: target/release/qinggao) on the sample under Xvfb with
# LD_DEBUG=files for SECONDS (default 6), lists every library loaded with dlopen and who
# loaded it, and names the package that owns each file (dpkg -S). The Depends in Cargo.toml
# ([package.metadata.deb]) are these packages. Also prints the sonames the binary itself
# names, which includes paths not taken on this machine (Wayland, Vulkan).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/release/qinggao}
secs=${2:-6}
[ -x "$bin" ] || { echo "deb_runtime_libs: no binary at $bin (cargo build --release)"; exit 1; }
command -v Xvfb >/dev/null || { echo "deb_runtime_libs: needs Xvfb (Debian package xvfb)"; exit 1; }
work=$(mktemp -d)
xvfb=""
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 1280x820x24 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
disp=:$(cat "$work/display")

# LD_DEBUG output goes to this file (one per process), not into the program's stderr.
DISPLAY=$disp WAYLAND_DISPLAY= QINGGAO_DATA_DIR="$work/data" LD_DEBUG=files \
  LD_DEBUG_OUTPUT="$work/ld" "$bin" >"$work/app.log" 2>&1 &
app=$!
sleep "$secs"
if kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" 2>/dev/null || true; state="ran for ${secs}s"
else wait "$app" && rc=0 || rc=$?; state="exited early with $rc (see below)"; cat "$work/app.log"; fi
echo "== $bin $state on $disp"

echo "== loaded with dlopen (file <- loaded by; package)"
grep -h "dynamically loaded by" "$work"/ld.* \
  | sed -E 's/^[[:space:]]*[0-9]+:[[:space:]]*file=([^ ]+) \[[0-9]+\];[[:space:]]*dynamically loaded by ([^ ]+).*/\1 \2/' \
  | sort -u | while read -r lib by; do
      path=$lib
      # A bare soname is found the way ld.so finds it: through the ldconfig cache.
      case $lib in /*) ;; *) path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ && !found {print $NF; found = 1}') ;; esac
      real=$(readlink -f "${path:-$lib}" 2>/dev/null || echo "$lib")
      if [ -z "$path" ] || [ ! -e "$real" ]; then pkg="(not on this machine: a probe that may fail)"
      else pkg=$( (dpkg -S "$path" 2>/dev/null || dpkg -S "$real" 2>/dev/null || echo "?: not from a package") | head -1 | cut -d: -f1); fi
      printf '%-44s <- %-24s %s\n' "$(basename "$lib")" "$(basename "$by")" "$pkg"
    done

echo "== sonames named in the binary"
# Rust's string constants run into each other without NULs: a bounded name finds the soname
# at the end of a long run.
strings "$bin" | grep -oE 'lib[A-Za-z0-9_+-]{1,40}\.so(\.[0-9]+)+' | sort -u | while read -r so; do
  pkg=$( (dpkg -S "*/$so" 2>/dev/null || true) | head -1 | cut -d: -f1)
  printf '%-28s %s\n' "$so" "${pkg:-(not installed here)}"
done
