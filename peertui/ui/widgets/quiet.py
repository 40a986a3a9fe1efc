"""Update a ``Static`` only when what it shows changes.

Textual's ``Static.update`` always refreshes, and by default with a layout of the whole screen.
The runner and the wall redraw several Statics on every tick of the clock and on every key, most
of them unchanged; each needless update costs a layout and a repaint (docs/performance.md).
``show`` keeps the last text and spans per widget and leaves an unchanged widget alone.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.content import Content
from textual.widgets import Static

_shown: WeakKeyDictionary[Static, tuple[str, tuple[object, ...]]] = WeakKeyDictionary()


def _key(content: Content | str) -> tuple[str, tuple[object, ...]]:
    if isinstance(content, str):
        return (content, ())
    return (content.plain, tuple(content.spans))


def show(widget: Static, content: Content | str, *, layout: bool = True) -> bool:
    """Show ``content`` in ``widget`` unless it shows it already. ``layout=False`` where the
    widget's size cannot change (fixed in CSS). True when the widget was updated."""
    key = _key(content)
    if _shown.get(widget) == key:
        return False
    _shown[widget] = key
    widget.update(content, layout=layout)
    return True
