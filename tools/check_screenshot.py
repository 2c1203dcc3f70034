#!/usr/bin/python3
"""Exit 0 when a screenshot is not blank: enough non-white pixels and colours.

Usage: check_screenshot.py FILE.png   (used by tests/cli/test_report.sh)
"""
import sys

from PIL import Image

img = Image.open(sys.argv[1]).convert("RGB")
w, h = img.size
pixels = list(img.getdata())
ink = sum(1 for p in pixels if sum(p) < 3 * 240) / len(pixels)
colours = len(set(pixels[:: max(1, len(pixels) // 200000)]))
print(f"{w}x{h}, {ink:.1%} ink, {colours} colours")
sys.exit(0 if ink > 0.02 and colours > 8 else 1)
