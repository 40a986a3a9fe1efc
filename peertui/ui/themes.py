"""Projector themes: high contrast, calm colours, body text at least 7:1 (WCAG AAA).

The ratios are computed from the colours Textual actually uses (see ``contrast_report``);
`docs/projector.md` lists them and a test keeps them at 7:1 or better.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.color import Color
from textual.theme import Theme, ThemeProvider

from peertui.i18n import N_, _

DARK = Theme(
    name="projektor-mørk",
    primary="#FFD966",
    secondary="#9CC3FF",
    accent="#FFD966",
    foreground="#FFFFFF",
    background="#000000",
    surface="#0A0A0A",
    panel="#161616",
    boost="#1C1C1C",
    warning="#FFB000",
    error="#FF6B6B",
    success="#7CFC7C",
    dark=True,
    variables={
        "text": "#FFFFFF",
        "text-muted": "#D2D2D2",
        "text-warning": "#FFD27A",
        "text-error": "#FFB3B3",
        "text-accent": "#FFE59A",
        "warning-muted": "#3D2A00",
        "error-muted": "#401010",
        "footer-background": "#161616",
        "footer-key-foreground": "#FFD966",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFD966",
    },
)

LIGHT = Theme(
    name="projektor-lys",
    primary="#0B3D91",
    secondary="#5B2C83",
    accent="#0B3D91",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FAFAFA",
    panel="#EFEFEF",
    boost="#EAEAEA",
    warning="#8A5A00",
    error="#A50000",
    success="#1B5E20",
    dark=False,
    variables={
        "text": "#000000",
        "text-muted": "#3A3A3A",
        "text-warning": "#5C3C00",
        "text-error": "#7A0000",
        "text-accent": "#0B3D91",
        "warning-muted": "#FFE9B3",
        "error-muted": "#FFD6D6",
        "footer-background": "#EFEFEF",
        "footer-key-foreground": "#0B3D91",
        "footer-description-foreground": "#000000",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#0B3D91",
    },
)

THEMES = (DARK, LIGHT)
DEFAULT_THEME = DARK.name
#: What the theme picker calls peertui's themes (their names are ids, kept as they are).
THEME_LABELS = {DARK.name: N_("Projector, dark"), LIGHT.name: N_("Projector, light")}


class ThemeNames(ThemeProvider):
    """The theme picker's choices, peertui's themes by their name in the user's language
    (Textual's own are names of their own, such as "nord")."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        return [(_(THEME_LABELS.get(name, name)), pick) for name, pick in super().commands]


#: (what it is, text colour variable, background colour variable)
CHECKED_PAIRS = (
    ("body text", "text", "background"),
    ("body text on panels", "text", "panel"),
    ("body text on surface", "text", "surface"),
    ("muted text", "text-muted", "background"),
    ("headings (accent)", "text-accent", "background"),
    ("timer, 20% left", "text-warning", "warning-muted"),
    ("timer, over time", "text-error", "error-muted"),
    ("footer keys", "footer-key-foreground", "footer-background"),
    ("footer text", "footer-description-foreground", "footer-background"),
    ("selected row", "block-cursor-foreground", "block-cursor-background"),
)


def contrast_ratio(foreground: Color, background: Color) -> float:
    """WCAG 2 contrast ratio between two opaque colours (1 to 21)."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_report(theme: Theme) -> list[tuple[str, str, str, float]]:
    """``(what, text colour, background colour, ratio)`` for each checked pair."""
    # Exactly as Textual's App.get_css_variables builds them.
    variables = {**theme.to_color_system().generate(), **theme.variables}
    base = Color.parse(variables["background"])

    def resolve(name: str) -> Color:
        color = Color.parse(variables[name])
        return base.blend(color, color.a) if color.a < 1 else color

    report = []
    for what, fg_name, bg_name in CHECKED_PAIRS:
        fg, bg = resolve(fg_name), resolve(bg_name)
        report.append((what, fg.hex, bg.hex, round(contrast_ratio(fg, bg), 1)))
    return report
