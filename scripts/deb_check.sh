#!/usr/bin/env bash
# Builds the Debian package of 清稿 and checks it as a user's machine would see it.
#
#   scripts/deb_check.sh [--static] [OUT_DIR]
#
# 1. `cargo deb --locked` (cargo-deb: `cargo install cargo-deb --locked`).
# 2. desktop-file-validate on the desktop entry, appstreamcli validate --no-net on the metainfo.
# 3. dpkg-deb -I / -c: the control fields, and every file the package must install.
# Without --static, as root on this machine, also:
# 4. dpkg -i (refused, and said, if a Depends is not installed: nothing is fetched), checks
#    that the desktop database now offers qinggao.desktop for each MIME type of the entry,
# 5. starts 清稿 THROUGH its desktop entry (gtk-launch, which expands Exec's %F) on a .docx
#    written by the installed `qinggao clean --format docx`, under Xvfb, checks the window's
#    WM_CLASS against StartupWMClass and its title against the file, and saves a screenshot
#    to OUT_DIR/deb-window.png (default OUT_DIR: /tmp/qinggao-deb-check) for a person to
#    look at,
# 6. dpkg -r qinggao, and checks that nothing of it is left in /usr.
# CI runs the static part only (`--static`).
set -euo pipefail
cd "$(dirname "$0")/.."
static=0
if [ "${1:-}" = --static ]; then static=1; shift; fi
out=${1:-/tmp/qinggao-deb-check}
rm -rf "$out"
mkdir -p "$out"
say() { echo "deb_check: $*"; }
fail() { echo "deb_check: FAIL: $*"; exit 1; }

# --- 1. build -------------------------------------------------------------------------------
command -v cargo-deb >/dev/null || fail "cargo-deb is missing: cargo install cargo-deb --locked"
version=$(cargo metadata --no-deps --format-version 1 --locked \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
say "building qinggao $version (cargo deb --locked; a release build takes minutes)"
# cargo-deb prints the path of the package on stdout, its progress and warnings on stderr.
cargo deb --locked >"$out/cargo-deb.out" 2>"$out/cargo-deb.log" \
  || { tail -20 "$out/cargo-deb.log"; fail "cargo deb failed, see $out/cargo-deb.log"; }
deb=$(grep -E "/qinggao_[^/]*\.deb$" "$out/cargo-deb.out" | tail -1 || true)
[ -f "$deb" ] || fail "cargo deb did not name a .deb (last line: $deb)"
case $(basename "$deb") in "qinggao_${version}-1_amd64.deb") ;; *) fail "unexpected package name $deb" ;; esac
say "package: $deb ($(du -k "$deb" | cut -f1) KB)"

# --- 2. validators --------------------------------------------------------------------------
desktop-file-validate packaging/qinggao.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net packaging/io.github.qinggao.metainfo.xml >"$out/appstream.log" 2>&1 \
  || { cat "$out/appstream.log"; fail "appstreamcli validate"; }
say "desktop entry and metainfo valid"

# --- 3. contents ----------------------------------------------------------------------------
dpkg-deb -I "$deb" >"$out/info.txt"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$out/contents.txt"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = qinggao ] || fail "Package: $(field Package)"
[ "$(field Version)" = "${version}-1" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = amd64 ] || fail "Architecture: $(field Architecture)"
[[ $(field Maintainer) == *@* ]] || fail "Maintainer has no address"
[[ $(field Description) == *清稿* ]] || fail "Description does not name 清稿"
depends=$(field Depends)
for need in libc6 libx11-6 libxkbcommon-x11-0 libegl1 libgl1-mesa-dri libwayland-client0 libfontconfig1; do
  grep -qE "(^|, )$need( |,|$)" <<<"$depends" || fail "Depends lacks $need: $depends"
done
expect=(
  /usr/bin/qinggao
  /usr/share/applications/qinggao.desktop
  /usr/share/metainfo/io.github.qinggao.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/qinggao.svg
  /usr/share/doc/qinggao/copyright
  /usr/share/doc/qinggao/DroidSansFallback-LICENSE.txt
)
for n in 16 32 48 64 128 256; do expect+=("/usr/share/icons/hicolor/${n}x${n}/apps/qinggao.png"); done
for f in "${expect[@]}"; do grep -qxF "$f" "$out/contents.txt" || fail "$f is not in the package"; done
# The installed copies are the files of the tree, byte for byte (not stale, not empty).
mkdir -p "$out/root"
dpkg-deb -x "$deb" "$out/root"
cmp -s packaging/qinggao.desktop "$out/root/usr/share/applications/qinggao.desktop" || fail "the packaged desktop entry is stale"
cmp -s packaging/icons/hicolor/256x256/apps/qinggao.png "$out/root/usr/share/icons/hicolor/256x256/apps/qinggao.png" || fail "stale icon"
grep -q "Apache" "$out/root/usr/share/doc/qinggao/copyright" || fail "copyright does not give the font's licence"
said=$("$out/root/usr/bin/qinggao" --version)
[ "$said" = "qinggao $version" ] || fail "the packaged binary says $said"
# The symbols are in the -dbgsym .ddeb: /usr/bin/qinggao is stripped (34 MB, not 199 MB).
if command -v readelf >/dev/null; then
  sections=$(readelf -S -W "$out/root/usr/bin/qinggao")
  ! grep -qE '\.debug_(info|line)' <<<"$sections" || fail "the packaged binary still has debug sections"
fi
say "control fields and all ${#expect[@]} files present; Depends: $depends"
[ "$static" = 1 ] && { say "static checks passed"; exit 0; }

# --- 4. install -----------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || fail "dpkg -i needs root (or run with --static)"
if dpkg -s qinggao >/dev/null 2>&1; then fail "qinggao is already installed here; not touching it"; fi
# Every Depends must already be satisfied: apt may not fetch anything here.
unmet=()
# Pipes into `grep -q` are avoided below: grep quits at the first match, the writer dies of
# SIGPIPE, and pipefail turns a found line into a failure.
provided=$(dpkg-query -W -f='${Provides}\n' 2>/dev/null | tr ',' '\n' | sed -E 's/\(.*\)//; s/[[:space:]]//g')
IFS=',' read -ra alts <<<"$depends"
for alt in "${alts[@]}"; do
  ok=0
  IFS='|' read -ra choices <<<"$alt"
  for c in "${choices[@]}"; do
    p=$(sed -E 's/\(.*\)//; s/[[:space:]]//g' <<<"$c")
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ]; then ok=1; break; fi
    # A virtual package (libegl-vendor) counts when an installed package provides it.
    if grep -qxF "$p" <<<"$provided"; then ok=1; break; fi
  done
  [ "$ok" = 1 ] || unmet+=("$(sed -E 's/^[[:space:]]+//' <<<"$alt")")
done
[ ${#unmet[@]} -eq 0 ] || fail "Depends not installed on this machine (apt-get install them first): ${unmet[*]}"
removed=0
cleanup() {
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  [ "$removed" = 0 ] && dpkg -s qinggao >/dev/null 2>&1 && dpkg -r qinggao >/dev/null 2>&1
  return 0
}
trap cleanup EXIT
dpkg -i "$deb" >"$out/dpkg-i.log" 2>&1 || { cat "$out/dpkg-i.log"; fail "dpkg -i"; }
[ "$(command -v qinggao)" = /usr/bin/qinggao ] || fail "qinggao is not on PATH after dpkg -i"
say "installed: $(qinggao --version)"
# dpkg's trigger ran update-desktop-database: "Open with 清稿" is offered for each type.
cache=/usr/share/applications/mimeinfo.cache
for type in $(sed -n 's/^MimeType=//p' packaging/qinggao.desktop | tr ';' ' '); do
  line=$(grep -E "^$type=" "$cache" || true)
  grep -q "qinggao.desktop" <<<"$line" || fail "$cache does not offer qinggao.desktop for $type"
  # What a file manager's "Open with" asks: GIO's registered applications for the type.
  if command -v gio >/dev/null; then
    apps=$(gio mime "$type" 2>&1 || true)
    grep -q "qinggao.desktop" <<<"$apps" || fail "gio mime $type does not list qinggao.desktop: $apps"
  fi
done
say "the desktop database offers 清稿 for: $(sed -n 's/^MimeType=//p' packaging/qinggao.desktop)"

# --- 5. start it through the desktop entry --------------------------------------------------
docx="$out/2024年度汇编.docx"
qinggao clean tests/fixtures/compilation.txt --format docx -o "$docx" >"$out/clean.log" 2>&1 \
  || { cat "$out/clean.log"; fail "qinggao clean --format docx"; }
Xvfb -displayfd 3 -screen 0 1280x820x24 3>"$out/display" >"$out/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$out/display")
export QINGGAO_DATA_DIR="$out/data" XDG_DATA_HOME="$out/xdg-data" XDG_CONFIG_HOME="$out/xdg-config"
unset WAYLAND_DISPLAY
gtk-launch qinggao "$docx" >"$out/gtk-launch.log" 2>&1 || { cat "$out/gtk-launch.log"; fail "gtk-launch qinggao"; }
win=""
for _ in $(seq 60); do
  sleep 0.5
  win=$(xdotool search --onlyvisible --class '^qinggao$' 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
done
[ -n "$win" ] || fail "no 清稿 window within 30 s of gtk-launch"
pid=$(xdotool getwindowpid "$win" 2>/dev/null || true)
[ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" >"$out/cmdline.txt" && say "running: $(cat "$out/cmdline.txt")"
[ -z "$pid" ] || grep -qF "$docx" "$out/cmdline.txt" || fail "the desktop entry did not pass the file: $(cat "$out/cmdline.txt")"
wmclass=$(xprop -id "$win" WM_CLASS | sed 's/.*= //')
grep -q "\"$(sed -n 's/^StartupWMClass=//p' packaging/qinggao.desktop)\"" <<<"$wmclass" \
  || fail "WM_CLASS $wmclass does not match StartupWMClass"
sleep 4  # the first frames and the docx import
title=$(xdotool getwindowname "$win")
say "window $win: WM_CLASS $wmclass, title \"$title\""
grep -qF "2024年度汇编" <<<"$title" || fail "the window title does not name the file: $title"
python3 scripts/x11_shot.py "$out/deb-window.png" || fail "screenshot"
[ -n "$pid" ] && kill "$pid" 2>/dev/null || true
kill "$xvfb" 2>/dev/null || true
xvfb=""

# --- 6. remove -----------------------------------------------------------------------------
dpkg -r qinggao >"$out/dpkg-r.log" 2>&1 || { cat "$out/dpkg-r.log"; fail "dpkg -r"; }
removed=1
for f in "${expect[@]}"; do [ ! -e "$f" ] || fail "$f is still there after dpkg -r"; done
grep -q "qinggao.desktop" /usr/share/applications/mimeinfo.cache && fail "mimeinfo.cache still names qinggao.desktop"
say "removed; all checks passed. Look at $out/deb-window.png"
