#!/usr/bin/env bash
# IME check: type Chinese into 清稿 through a real input method (fcitx5 pinyin), as a writer does.
#
#   scripts/ime_check.sh [OUT_DIR]
#   IME_ON_THE_SPOT=1 scripts/ime_check.sh [OUT_DIR]
#
# fcitx5's XIM front end shows the composition in its own window by default ("over the spot");
# IME_ON_THE_SPOT=1 makes it hand the composition to the app (XIMPreeditCallbacks), which egui
# then draws in place, underlined, inside the text (as on Wayland, Windows and macOS).
#
# Starts Xvfb (display $IME_DISPLAY, default :77), a D-Bus session and fcitx5 with its pinyin
# engine and a fresh configuration, then the GUI on a small compilation with its fill panel open.
# Ctrl+Space switches to pinyin ONCE, in the first fill field; after that the script only moves
# the focus, as a user does, and types pinyin:
#   1. XX县 field: `linchuan` Space      -> 临川 (the candidate window must sit at the field)
#   2. click the XX镇 field: `bailuu` BackSpace Space -> 白鹿 (BackSpace edits the composition)
#   3. Tab to the XX村 field: `taoyuan` Space         -> 桃源
#   4. click the end of a body line in the editor: `gongzuo` Tab (moves the candidate
#      highlight, not the focus) Space -> a two-character word; then `hua` Enter commits
#      the letters as typed (fcitx5's rule) without a new line; then `gong`, a click into
#      the line above, `zuo` Space -> the word lands at the click, no `gong` stays behind
#   5. Ctrl+F, the find bar: `huanjing` Space -> 环境 (screenshot only)
# and checks, from the autosaved session under $QINGGAO_DATA_DIR (not from pixels), that every
# answer and the typed word arrived as Chinese, that no pinyin of steps 1-3 and 4's first word
# leaked in as Latin letters, and (from the X window list) that fcitx5's candidate window
# opened next to the text cursor each time, not at a corner of the window. Screenshots of each
# step go to OUT_DIR (default /tmp/qinggao-ime-check) for a person to look at. Exits non-zero
# on the first failure. Needs no network; not part of CI (no display there), like kill_test.sh.
#
# The binary: $QINGGAO_BIN if set, else target/release/qinggao (built when missing).
# Installs its Debian packages on first use (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/qinggao-ime-check}
rm -rf "$out"
mkdir -p "$out"
say() { echo "ime_check: $*"; }
fail() {
  echo "ime_check: FAIL: $*"
  exit 1
}
failures=0
# A failed check that lets the run go on, so one run shows every step that fails.
miss() {
  echo "ime_check: FAIL: $*"
  failures=$((failures + 1))
}

# --- tools and binary ------------------------------------------------------------------
. scripts/gui_check_lib.sh
gui_check_tools fcitx5:fcitx5 dbus-launch:dbus-x11 xwininfo:x11-utils fcitx5-chinese-addons
gui_check_binary

# --- a compilation with three name prompts, and empty state everywhere ------------------
file="$out/乡镇工作总结.txt"
cat >"$file" <<'TEXT'
XX县XX镇2023年工作总结

今年以来，我镇在县委县政府的坚强领导下，全面贯彻落实D的二十大精神。
一、主要工作成效
（一）经济运行稳中向好。全年完成固定资产投资XX万元。
（二）人居环境持续改善。XX村完成改厕120户。
二、2024年工作计划
一是抓项目。二是优环境。
XX镇人民政府
TEXT
original_sum=$(sha256sum "$file" | cut -d' ' -f1)
# Our own fcitx5 profile, pinyin history and window state: nothing of the user's is read or
# changed, and every run starts alike (fcitx5 starts in English; candidates in its default order).
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/xdg-data" XDG_CACHE_HOME="$out/cache"
export QINGGAO_DATA_DIR="$out/data"
mkdir -p "$XDG_CONFIG_HOME/fcitx5" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$QINGGAO_DATA_DIR"
printf '%s\n' '[Groups/0]' 'Name=Default' 'Default Layout=us' 'DefaultIM=pinyin' '' \
  '[Groups/0/Items/0]' 'Name=keyboard-us' 'Layout=' '' '[Groups/0/Items/1]' 'Name=pinyin' 'Layout=' '' \
  '[GroupOrder]' '0=Default' >"$XDG_CONFIG_HOME/fcitx5/profile"
# Where the candidate window may sit left or right of the caret: in place, the composition
# itself pushes it along the line.
slack=40
if [ "${IME_ON_THE_SPOT:-0}" = 1 ]; then
  mkdir -p "$XDG_CONFIG_HOME/fcitx5/conf"
  echo 'UseOnTheSpot=True' >"$XDG_CONFIG_HOME/fcitx5/conf/xim.conf"
  slack=120
fi

# --- display, D-Bus, fcitx5 --------------------------------------------------------------
disp=${IME_DISPLAY:-:77}
[ -e "/tmp/.X11-unix/X${disp#:}" ] && fail "display $disp is in use; set IME_DISPLAY to a free one"
Xvfb "$disp" -screen 0 1400x900x24 >"$out/xvfb.log" 2>&1 &
xvfb=$!
app="" fcitx="" dbus=""
cleanup() {
  [ -n "$app" ] && kill -9 "$app" 2>/dev/null
  [ -n "$fcitx" ] && kill "$fcitx" 2>/dev/null
  [ -n "$dbus" ] && kill "$dbus" 2>/dev/null
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 WAYLAND_DISPLAY=
export XMODIFIERS=@im=fcitx GTK_IM_MODULE=fcitx QT_IM_MODULE=fcitx
sleep 1
eval "$(dbus-launch --sh-syntax)"
dbus=$DBUS_SESSION_BUS_PID
fcitx5 --replace >"$out/fcitx5.log" 2>&1 &
fcitx=$!
for _ in $(seq 1 40); do
  grep -q 'Loaded addon pinyin' "$out/fcitx5.log" 2>/dev/null && break
  kill -0 "$fcitx" 2>/dev/null || fail "fcitx5 exited, see $out/fcitx5.log"
  sleep 0.5
done
grep -q 'Loaded addon pinyin' "$out/fcitx5.log" || fail "fcitx5 did not load its pinyin engine, see $out/fcitx5.log"
sleep 1

# --- the app -----------------------------------------------------------------------------
QINGGAO_START_PANEL=fill "$bin" "$file" >"$out/app.log" 2>&1 &
app=$!
gui_check_window "$out/app.log"
sleep 4 # first frames, fonts
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
eval "$(xdotool getwindowgeometry --shell "$win")"
[ "$WIDTH" = 1280 ] && [ "$HEIGHT" = 820 ] && [ "$X" = 0 ] && [ "$Y" = 0 ] ||
  fail "the window is ${WIDTH}x$HEIGHT+$X+$Y, the clicks below are measured on 1280x820+0+0"

# Slow on purpose: fcitx5 and a debug build under software GL lag behind xdotool on a busy machine.
pause=${IME_PAUSE:-1.5}
type_pinyin() { xdotool type --delay 150 "$1"; sleep "$pause"; }
key() { xdotool key "$@"; sleep "$pause"; }
# A key that ends the composition (Space, Enter): waits until fcitx5 has taken down its
# candidate window, so that a click right after it cannot overtake the committed text.
commit() {
  xdotool key "$1"
  for _ in $(seq 1 20); do
    [ -z "$(candidates_at)" ] && break
    sleep 0.5
  done
  sleep "$pause"
}
click() { xdotool mousemove "$1" "$2" click 1; sleep "$pause"; }
shot() { import -window root "$out/$1.png"; }

# Where fcitx5's candidate window is now: "X Y" of its top left, or nothing when none is shown.
candidates_at() {
  local w
  w=$(xdotool search --onlyvisible --name 'Fcitx5 Input Window' 2>/dev/null | head -1 || true)
  [ -n "$w" ] || return 0
  xwininfo -id "$w" | awk '/Absolute upper-left X/ {x=$4} /Absolute upper-left Y/ {y=$4} END {print x, y}'
}
# The candidate window must open just under the text cursor: its left edge within $3 px
# left/right of x=$1, its top 0-45 px below the caret line's top y=$2.
expect_candidates_near() {
  local at
  at=$(candidates_at)
  if [ -z "$at" ]; then
    miss "$4: no candidate window while composing (see $out/$5.png): the input method is off"
    return 0
  fi
  set -- "$1" "$2" "$3" "$4" "$5" $at
  say "$4: candidate window at $6,$7"
  [ $(($6 - $1)) -le "$3" ] && [ $(($1 - $6)) -le "$3" ] && [ "$7" -ge "$2" ] && [ "$7" -le $(($2 + 45)) ] ||
    miss "$4: candidate window at $6,$7, expected just under the text cursor at $1,$2 (see $out/$5.png)"
}

# 1. The first fill field (XX县): switch to pinyin once, type, commit with Space.
click 1020 262
key ctrl+space
type_pinyin linchuan
shot 1-fill-composing
expect_candidates_near 945 265 $slack "fill field XX县" 1-fill-composing
commit space

# 2. Click into the next field (XX镇) WITHOUT Ctrl+Space. BackSpace edits the composition.
click 1020 307
type_pinyin bailuu
key BackSpace
shot 2-click-next-field
expect_candidates_near 945 311 $slack "fill field XX镇 after a click" 2-click-next-field
commit space

# 3. Tab to the next name field (XX村), again without Ctrl+Space.
key Tab
type_pinyin taoyuan
shot 3-tab-next-field
expect_candidates_near 945 357 $slack "fill field XX村 after Tab" 3-tab-next-field
commit space
shot 3b-fields-filled

# 4. The editor: the end of the body line 一是抓项目。二是优环境。 (below a legend of two rows at
#    the first-start window size)
click 660 300
key End
type_pinyin gongzuo
key Tab
shot 4-editor-composing
expect_candidates_near 685 308 $((slack + 40)) "editor after a click" 4-editor-composing
commit space
type_pinyin hua
commit Return
shot 4b-editor-committed
# A click elsewhere in the text in the middle of a word: no letters stay behind, the word
# goes on at the new caret (after 人居 in the line above).
type_pinyin gong
click 560 251
type_pinyin zuo
shot 4c-editor-click-while-composing
commit space

# 5. The find bar.
key ctrl+f
type_pinyin huanjing
shot 5-find-composing
expect_candidates_near 525 50 $slack "find bar after Ctrl+F" 5-find-composing
commit space
shot 5b-find-committed
key Escape

# --- what the app holds -----------------------------------------------------------------
sleep 5 # past the autosave delay (3 s)
session=$(ls "$QINGGAO_DATA_DIR"/sessions/*.json 2>/dev/null | head -1 || true)
[ -n "$session" ] || fail "no autosave under $QINGGAO_DATA_DIR/sessions"
cp "$session" "$out/session.json"
python3 - "$session" <<'PY' || miss "the autosave does not hold what was typed (see $out/session.json and the screenshots)"
import json, re, sys
text = json.load(open(sys.argv[1]))["text"]
problems = []
def need(pattern, what):
    if not re.search(pattern, text):
        problems.append(what)
need(r"^临川县", "XX县 filled with 临川 (the first field, pinyin switched on there)")
need(r"^临川县[\u4e00-\u9fff]{2}镇2023", "XX镇 filled with Chinese after a click into it")
need(r"[\u4e00-\u9fff]{2}村完成改厕", "XX村 filled with Chinese after Tab into it")
need(r"二是优环境。[\u4e00-\u9fff]{2}hua\n", "the editor got a Chinese word, then the letters 'hua' committed by Enter, and no new line")
need(r"人居[\u4e00-\u9fff]{2}环境持续改善", "the word begun before a click went on at the click")
for latin in ("linchuan", "bailu", "taoyuan", "gong"):
    if latin in text:
        problems.append(f"the pinyin '{latin}' arrived as Latin letters")
first = text.split("\n", 1)[0]
print("ime_check: title line:", first)
print("ime_check: body line:", next((l for l in text.split("\n") if l.startswith("一是抓项目")), "?"))
print("ime_check: village line:", next((l for l in text.split("\n") if "村完成" in l), "?"))
for p in problems:
    print("ime_check: missing:", p)
sys.exit(1 if problems else 0)
PY
[ "$(sha256sum "$file" | cut -d' ' -f1)" = "$original_sum" ] || fail "the source file changed"
[ "$failures" = 0 ] || fail "$failures check(s) failed; screenshots in $out"
say "PASS: pinyin stayed on across clicks and Tab between fields and into the editor; Chinese arrived in the app; screenshots in $out"
