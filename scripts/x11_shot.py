#!/usr/bin/env python3
"""Saves a PNG of an X display's root window, with nothing but libX11 and Python's standard
library (no ImageMagick needed).

    DISPLAY=:5 python3 scripts/x11_shot.py OUT.png [SCALE]

SCALE (default 1) keeps every SCALE-th pixel in each direction, for small screenshots.
"""

import ctypes
import ctypes.util
import struct
import sys
import zlib


class XImage(ctypes.Structure):
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
        ("red_mask", ctypes.c_ulong),
        ("green_mask", ctypes.c_ulong),
        ("blue_mask", ctypes.c_ulong),
    ]


def png(path: str, width: int, height: int, rows: list[bytes]) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = sys.argv[1]
    scale = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XGetImage.restype = ctypes.POINTER(XImage)
    x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                              ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    x11.XGetGeometry.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 7
    dpy = x11.XOpenDisplay(None)
    if not dpy:
        print("x11_shot: cannot open the display (is DISPLAY set?)", file=sys.stderr)
        return 1
    root = x11.XDefaultRootWindow(dpy)
    r = ctypes.c_ulong()
    x = ctypes.c_int()
    y = ctypes.c_int()
    w = ctypes.c_uint()
    h = ctypes.c_uint()
    bw = ctypes.c_uint()
    depth = ctypes.c_uint()
    x11.XGetGeometry(dpy, root, ctypes.byref(r), ctypes.byref(x), ctypes.byref(y),
                     ctypes.byref(w), ctypes.byref(h), ctypes.byref(bw), ctypes.byref(depth))
    all_planes = (1 << 64) - 1 if ctypes.sizeof(ctypes.c_ulong) == 8 else (1 << 32) - 1
    img = x11.XGetImage(dpy, root, 0, 0, w.value, h.value, all_planes, 2)  # ZPixmap
    if not img:
        print("x11_shot: XGetImage failed", file=sys.stderr)
        return 1
    im = img.contents
    if im.bits_per_pixel != 32:
        print(f"x11_shot: {im.bits_per_pixel} bits per pixel is not supported", file=sys.stderr)
        return 1
    data = ctypes.string_at(im.data, im.bytes_per_line * im.height)
    rows = []
    for row in range(0, im.height, scale):
        line = data[row * im.bytes_per_line: row * im.bytes_per_line + im.width * 4]
        bgrx = line[:: 4 * scale], line[1:: 4 * scale], line[2:: 4 * scale]
        rgb = bytearray(len(bgrx[0]) * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = bgrx[2], bgrx[1], bgrx[0]
        rows.append(bytes(rgb))
    png(out, len(rows[0]) // 3, len(rows), rows)
    print(f"screenshot: {out} ({len(rows[0]) // 3}x{len(rows)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
