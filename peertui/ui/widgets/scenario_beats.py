"""The beats of a scenario scene so far, as the room reads them (console and wall alike).

Narration is plain text, a spoken line starts with the speaker's name, and the citizen's
unspoken thoughts stand apart in a dim box. Scenario text is content, shown literally: never
as markup. The newest beat is in full colour, earlier ones calmer, and the view keeps the
newest one in sight.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from peertui.i18n import _

#: (kind, speaker, text), kind being "narration", "speech" or "thought".
BeatView = tuple[str, str, str]


class _Beat(Static):
    """One beat, remembering what it shows."""

    DEFAULT_CSS = """
    _Beat {
        height: auto;
        max-width: 100;
        margin: 0 0 1 0;
        color: $text-muted;
    }
    _Beat.-current {
        color: $text;
    }
    _Beat.-thought {
        padding: 0 1;
        border: round $text-muted;
        border-title-color: $text-muted;
        border-title-style: none;
        text-style: italic;
    }
    """

    def __init__(self, beat: BeatView) -> None:
        kind, speaker, text = beat
        if kind == "speech":
            content = Content.assemble((f"{speaker}:", "bold"), " ", text)
        else:
            content = Content(text)
        super().__init__(content, classes=f"beat -{kind}")
        self.beat = beat
        if kind == "thought":
            self.border_title = _("{name} thinks", name=speaker)


class BeatsView(VerticalScroll, can_focus=False):
    """Shows a list of beats; :meth:`show` changes only what changed."""

    @property
    def beats(self) -> list[BeatView]:
        return [child.beat for child in self.children if isinstance(child, _Beat)]

    async def show(self, beats: Sequence[BeatView]) -> None:
        beats = list(beats)
        children = list(self.children)
        keep = 0
        for child, beat in zip(children, beats, strict=False):
            if not isinstance(child, _Beat) or child.beat != beat:
                break
            keep += 1
        if children[keep:]:
            await self.remove_children(children[keep:])
        if beats[keep:]:
            await self.mount_all([_Beat(beat) for beat in beats[keep:]])
        for i, child in enumerate(self.children):
            child.set_class(i == len(beats) - 1, "-current")
        # After the new beats are laid out, so the newest is really in sight.
        self.call_after_refresh(self.scroll_end, animate=False)
