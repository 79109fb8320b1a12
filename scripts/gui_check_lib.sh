# Shared by the checks that drive the GUI under Xvfb (kill_test.sh, ime_check.sh).
# Source it after defining say, fail and $out.

# gui_check_tools [COMMAND:PACKAGE|PACKAGE ...]: installs (as root) the Debian packages of
# Xvfb, xdotool, ImageMagick, a CJK font and the GUI's runtime libraries, plus the extra
# commands (COMMAND:PACKAGE, installed when COMMAND is missing) and packages given.
gui_check_tools() {
  local need=() c pkg pkgs=(libxkbcommon-x11-0 libxcursor1 libxi6 libx11-xcb1 libgl1 libglx-mesa0 libegl1 libegl-mesa0 libgl1-mesa-dri libfontconfig1 libdbus-1-3)
  for c in Xvfb:xvfb xdotool:xdotool import:imagemagick "$@"; do
    case "$c" in
    *:*) command -v "${c%%:*}" >/dev/null || need+=("${c#*:}") ;;
    *) pkgs+=("$c") ;;
    esac
  done
  for pkg in "${pkgs[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  fc-list 2>/dev/null | grep -iE 'wqy|noto.*cjk|droid' >/dev/null || need+=(fonts-wqy-microhei)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}") >"$out/apt.log" 2>&1 ||
      fail "apt-get install ${need[*]} failed, see $out/apt.log"
  fi
}

# gui_check_binary: sets $bin to $QINGGAO_BIN, else target/release/qinggao (built when missing).
gui_check_binary() {
  bin=${QINGGAO_BIN:-${CARGO_TARGET_DIR:-target}/release/qinggao}
  if [ ! -x "$bin" ]; then
    say "building the release binary (takes minutes)"
    cargo build --release --locked >"$out/build.log" 2>&1 || fail "release build failed, see $out/build.log"
  fi
  [ -x "$bin" ] || fail "no binary at $bin"
}

# gui_check_window LOG: waits up to 30 s for the window of the GUI started as $app (its
# output in LOG); sets $win. xdotool's --name regex does not match the UTF-8 title
# ("文件名 — 清稿"); the class does.
gui_check_window() {
  win=""
  for _ in $(seq 1 60); do
    win=$(xdotool search --onlyvisible --class qinggao 2>/dev/null | head -1 || true)
    [ -n "$win" ] && return 0
    kill -0 "$app" 2>/dev/null || fail "the GUI exited at start, see $1"
    sleep 0.5
  done
  fail "no 清稿 window within 30 s"
}
