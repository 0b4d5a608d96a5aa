"""The stylesheet's focus outline stands out from every background it can sit on (WCAG 2.2,
non-text contrast: 3:1)."""

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parents[1] / "static" / "css" / "app.css").read_text()


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def variables() -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", CSS))


def test_focus_outline_contrast_is_at_least_3_to_1_on_every_background():
    colours = variables()
    focus = colours["--focus"]
    assert re.search(r":focus-visible\s*\{[^}]*outline:[^;}]*var\(--focus\)", CSS)
    # Every background colour the stylesheet sets: the named ones and literal hex ones.
    backgrounds = {colours[name] for name in colours if name == "--bg" or name.endswith("-bg")}
    backgrounds |= {colours["--bg-soft"], "#ffffff"}
    backgrounds |= set(re.findall(r"background:\s*(#[0-9a-fA-F]{6})", CSS))
    assert len(backgrounds) >= 8
    worst = min(backgrounds, key=lambda background: contrast(focus, background))
    assert contrast(focus, worst) >= 3, f"{focus} on {worst}: {contrast(focus, worst):.2f}:1"
