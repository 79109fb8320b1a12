#!/usr/bin/env python3
"""Renders packaging/icons/qinggao.svg to the hicolor PNG sizes the Debian package installs
(packaging/icons/hicolor/<n>x<n>/apps/qinggao.png). The PNGs are committed; run this again after
changing the SVG.

Needs CairoSVG (LGPL-3.0, a build tool only, nothing of it is shipped) and the system's cairo:
python3 -m venv venv && venv/bin/pip install cairosvg
"""

from pathlib import Path

import cairosvg

HERE = Path(__file__).resolve().parent
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> None:
    svg = (HERE / "qinggao.svg").read_bytes()
    for n in SIZES:
        out = HERE / "hicolor" / f"{n}x{n}" / "apps" / "qinggao.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        cairosvg.svg2png(bytestring=svg, write_to=str(out), output_width=n, output_height=n)
        print(f"{out.relative_to(HERE)}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
