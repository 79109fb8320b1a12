#!/usr/bin/env bash
# Kill test: 清稿 must not lose typed work when it is killed without warning.
#
#   scripts/kill_test.sh [OUT_DIR]
#
# Starts the release GUI on a file under a virtual X display, types a change with xdotool,
# waits past the autosave delay (3 s), kill -9s it, starts it again on the same file and
# checks that (1) the file itself was not touched, (2) the autosave under $QINGGAO_DATA_DIR
# holds the typed change, (3) the second start shows the restore prompt (a screenshot that
# differs from a start without an autosave), (4) pressing 恢复 brings the change back (typing
# more then autosaves both). Screenshots go to OUT_DIR (default /tmp/qinggao-kill-test) for
# a person to look at.
#
# The binary: $QINGGAO_BIN if set, else target/release/qinggao (built when missing; a
# release build takes minutes). Installs its Debian packages on first use (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/qinggao-kill-test}
rm -rf "$out"
mkdir -p "$out"
say() { echo "kill_test: $*"; }
fail() { echo "kill_test: FAIL: $*"; exit 1; }

# --- tools and binary ------------------------------------------------------------------
. scripts/gui_check_lib.sh
gui_check_tools
gui_check_binary

# --- a file and an empty data dir ----------------------------------------------------------
file="$out/乡镇工作总结.txt"
cat >"$file" <<'TEXT'
XX镇2023年工作总结

今年以来，我镇在县委县政府的坚强领导下，全面贯彻落实D的二十大精神。
一、主要工作成效
（一）经济运行稳中向好。全年完成固定资产投资XX万元。
二、2024年工作计划
一是抓项目。二是优环境。
XX镇人民政府
2023年11月3日
TEXT
original_sum=$(sha256sum "$file" | cut -d' ' -f1)
data="$out/data"
mkdir -p "$data"
export QINGGAO_DATA_DIR="$data"
marker="KILLTEST$RANDOM"

disp=:$((70 + RANDOM % 20))
Xvfb "$disp" -screen 0 1400x900x24 >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill -9 "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 WAYLAND_DISPLAY=
sleep 1

start_app() { # $1: log name; sets $app (pid) and $win (window id)
  "$bin" "$file" >"$out/$1.log" 2>&1 &
  app=$!
  gui_check_window "$out/$1.log"
}

# --- 1: start, type, wait past the autosave, kill -9 ----------------------------------------
start_app first
sleep 4   # first frames, font loading
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
eval "$(xdotool getwindowgeometry --shell "$win")"
# Click in the text: the editor fills the middle of the window.
xdotool mousemove --window "$win" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
sleep 0.5
xdotool key --window "$win" ctrl+End
xdotool type --delay 60 "$marker"
sleep 1
import -window root "$out/1-typed.png"
say "typed $marker; waiting past the autosave delay"
sleep 6
session=$(ls "$data"/sessions/*.json 2>/dev/null | head -1 || true)
[ -n "$session" ] || fail "no autosave under $data/sessions after 6 s (screenshot: $out/1-typed.png)"
grep -q "$marker" "$session" || fail "the autosave $session does not hold the typed $marker"
say "autosave $session holds the change"
kill -9 "$app"
wait "$app" 2>/dev/null || true
app=""
[ "$(sha256sum "$file" | cut -d' ' -f1)" = "$original_sum" ] || fail "the source file changed"
cp "$session" "$out/autosave-after-kill.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$session" 2>/dev/null \
  || fail "the autosave is not valid JSON after kill -9"

# --- 2: start again on the same file: the restore prompt ------------------------------------
start_app second
sleep 5
import -window root "$out/2-restart.png"
kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""

# --- 3: the same start without an autosave, to compare -------------------------------------
mv "$data/sessions" "$out/sessions-aside"
start_app third
sleep 5
import -window root "$out/3-no-autosave.png"
kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""
mv "$out/sessions-aside" "$data/sessions"

diff_pixels=$(compare -metric AE "$out/2-restart.png" "$out/3-no-autosave.png" /dev/null 2>&1 || true)
diff_pixels=$(echo "$diff_pixels" | awk '{printf "%d", $1}')
say "the restart differs from a start without autosave in $diff_pixels pixels"
[ "$diff_pixels" -gt 2000 ] || fail "the restart looks like a start without an autosave: no restore prompt (see $out/2-restart.png)"

# --- 4: start again, press 恢复, type more: the autosave then holds both changes -----------
start_app fourth
sleep 5
eval "$(xdotool getwindowgeometry --shell "$win")"
# The prompt is centred in the window; 恢复 sits 206 px left of and 29 px below its centre
# (measured on 2-restart.png at the default window size).
xdotool mousemove --window "$win" $((WIDTH / 2 - 206)) $((HEIGHT / 2 + 29)) click 1
sleep 1
import -window root "$out/4-restored.png"
marker2="AFTER$RANDOM"
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
xdotool mousemove --window "$win" $((WIDTH / 2)) $((HEIGHT / 2 + 100)) click 1
sleep 0.5
xdotool key --window "$win" ctrl+End
xdotool type --delay 60 "$marker2"
sleep 6
import -window root "$out/5-typed-again.png"
kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""
grep -q "$marker2" "$session" || fail "typing after the restore was not autosaved (see $out/5-typed-again.png)"
grep -q "$marker" "$session" || fail "恢复 did not bring the killed session's $marker back (see $out/4-restored.png)"
[ "$(sha256sum "$file" | cut -d' ' -f1)" = "$original_sum" ] || fail "the source file changed"
say "PASS: typed work survived kill -9, was offered back, restored, and the source file is untouched; screenshots in $out"
