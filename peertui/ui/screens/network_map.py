"""The network map (netværkskort): the people in a participant's life by alias, each in a ring
by closeness (1 closest .. 3) and a sector by kind (family, friends, work/school, leisure,
professionals, online). Drawn as rings and sectors with the participant in the centre
(``network_drawing.py``) and listed in a table; the form under the table edits the person
chosen in it.

On a narrow terminal (a projector with a large font) the map and the list take turns
(ctrl+l); on a wide one they stand side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import DataTable, Input, Select, Static

from peertui import labels
from peertui.i18n import N_, _
from peertui.store.schema import (
    NAME_MAX,
    RINGS,
    SECTORS,
    NetworkMap,
    NetworkPerson,
    WorksheetContent,
)
from peertui.ui.base import ConfirmDialog
from peertui.ui.screens.worksheets import WorksheetScreen
from peertui.ui.widgets.network_drawing import NetworkDrawing, shorten

#: The most characters of a person's name or alias (the store's limit for names).
NAME_LIMIT = NAME_MAX
#: The most characters of the note about a person.
NOTE_LIMIT = 200
#: The most people on one map.
PEOPLE_MAX = 100
#: Below this width the map and the list take turns.
SIDE_BY_SIDE = 100
NOTE_COLUMN = 30  # characters of the note shown in the table
REDRAW_DELAY = 0.15  # seconds after the last keystroke in the form


@dataclass(slots=True)
class Entry:
    """A person as edited on screen (the name may be empty until one is typed)."""

    name: str = ""
    ring: int = 2
    sector: str = "family"
    note: str = ""

    def person(self) -> NetworkPerson:
        # The screen offers only the schema's rings and sectors; the store checks them again.
        return NetworkPerson(self.name, self.ring, self.sector, self.note)  # type: ignore[arg-type]


class NetworkMapScreen(WorksheetScreen):
    KIND: ClassVar[str] = "network_map"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (SIDE_BY_SIDE, "-wide"),
    ]

    BINDINGS = [
        *WorksheetScreen.BINDINGS,  # listed here too: the command palette reads them
        Binding("ctrl+n", "new_person", N_("New person"), priority=True),
        Binding("ctrl+g", "delete_person", N_("Delete person"), priority=True),
        Binding("ctrl+l", "toggle_view", N_("Map / list"), priority=True),
    ]

    def __init__(self, group_id: str, participant_id: str) -> None:
        super().__init__(group_id, participant_id)
        self.entries: list[Entry] = []
        #: The index of the person in the form (None: nobody chosen).
        self.current: int | None = None
        self._redraw: Timer | None = None
        self.limits["network-name"] = NAME_LIMIT
        self.limits["network-note"] = NOTE_LIMIT

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="network", classes="ws-body"):
            with Vertical(id="network-map-panel"):
                yield NetworkDrawing(id="network-drawing")
                yield Static(Content(_("ctrl+l: list and editing")), classes="dim network-turn")
            with Vertical(id="network-edit-panel"):
                yield Static(Content(_("ctrl+l: back to the map")), classes="dim network-turn")
                yield Static(
                    Content(
                        _(
                            "The people in the participant's life. Circle 1 is closest, circle 3 "
                            "furthest away."
                        )
                    ),
                    classes="dim network-intro",
                )
                yield Static(
                    Content(
                        _(
                            "Name at most {name} characters, note at most "
                            "{note}; at most {people} people.",
                            name=NAME_LIMIT,
                            note=NOTE_LIMIT,
                            people=PEOPLE_MAX,
                        )
                    ),
                    classes="dim",
                )
                yield DataTable(id="network-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="network-hint", classes="dim")
                with Vertical(id="network-form"):
                    yield Static(Content(_("Name or nickname")), classes="ws-label")
                    yield Input(id="network-name", compact=True, select_on_focus=False)
                    with Horizontal(id="network-choices"):
                        yield Select(
                            [(_(labels.NETWORK_RING[r]), r) for r in RINGS],
                            allow_blank=False,
                            value=2,
                            id="network-ring",
                            compact=True,
                        )
                        yield Select(
                            [(_(labels.SECTOR[s]), s) for s in SECTORS],
                            allow_blank=False,
                            value="family",
                            id="network-sector",
                            compact=True,
                        )
                    yield Static(Content(_("Note (can be empty)")), classes="ws-label")
                    yield Input(id="network-note", compact=True, select_on_focus=False)

    def on_mount(self) -> None:
        table = self.query_one("#network-table", DataTable)
        for key in ("name", "ring", "sector", "note"):
            table.add_column(Text(_(labels.NETWORK_COL[key])), key=key)
        super().on_mount()
        # On a narrow terminal the map comes first when there is someone on it.
        self.set_class(not self.entries, "-editing")
        self.call_after_refresh(self._focus_for_view)

    def on_resize(self, event: Resize) -> None:
        self.refresh_bindings()
        self.call_after_refresh(self._focus_for_view)

    @property
    def narrow(self) -> bool:
        return self.size.width < SIDE_BY_SIDE

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_view":
            return self.narrow  # side by side there is nothing to toggle
        return True

    def _focus_for_view(self) -> None:
        if self.narrow and not self.has_class("-editing"):
            self.query_one("#network-drawing", NetworkDrawing).focus()
        elif isinstance(self.focused, NetworkDrawing) or self.focused is None:
            self.query_one("#network-table", DataTable).focus()

    # ------------------------------------------------------------------ content

    def content(self) -> WorksheetContent:
        return NetworkMap(people=tuple(e.person() for e in self.entries if e.name.strip()))

    def show_content(self, content: WorksheetContent | None) -> None:
        people = content.people if isinstance(content, NetworkMap) else ()
        self.entries = [Entry(p.name, p.ring, p.sector, p.note) for p in people]
        self.current = 0 if self.entries else None
        self.refresh_table()
        self.refresh_form()
        self.refresh_drawing()

    def refresh_drawing(self) -> None:
        self._redraw = None
        people = [e.person() for e in self.entries if e.name.strip()]
        self.query_one("#network-drawing", NetworkDrawing).show(self.participant.alias, people)

    def _row(self, entry: Entry) -> tuple[Text, Text, Text, Text]:
        name = (
            Text(entry.name)
            if entry.name.strip()
            else Text(_("(no name – goes on the map once a name is filled in)"), "italic")
        )
        return (
            name,
            Text(str(entry.ring)),
            Text(_(labels.SECTOR[entry.sector])),
            Text(shorten(" ".join(entry.note.split()), NOTE_COLUMN)),
        )

    def refresh_table(self) -> None:
        table = self.query_one("#network-table", DataTable)
        table.clear()
        for index, entry in enumerate(self.entries):
            table.add_row(*self._row(entry), key=str(index))
        if self.current is not None:
            table.move_cursor(row=self.current, scroll=True)
        hint = self.query_one("#network-hint", Static)
        hint.update(
            Content(
                _("The map is empty. Press ctrl+n to add the first person.")
                if not self.entries
                else _("Choose a person in the list, or press ctrl+n for a new one.")
            )
        )
        hint.display = not self.entries or self.current is None

    def refresh_row(self) -> None:
        if self.current is None:
            return
        table = self.query_one("#network-table", DataTable)
        for column, value in enumerate(self._row(self.entries[self.current])):
            at = Coordinate(self.current, column)
            # Only a changed cell: typing at the end of a long note changes nothing shown
            # (the column shows its start), and each update lays the table out again.
            if table.get_cell_at(at) != value:
                table.update_cell_at(at, value, update_width=True)

    def refresh_form(self) -> None:
        entry = self.entries[self.current] if self.current is not None else Entry()
        self.set_field(self.query_one("#network-name", Input), entry.name)
        self.set_field(self.query_one("#network-note", Input), entry.note)
        ring = self.query_one("#network-ring", Select)
        if ring.value != entry.ring:
            ring.value = entry.ring
        sector = self.query_one("#network-sector", Select)
        if sector.value != entry.sector:
            sector.value = entry.sector

    def set_editable(self, allowed: bool) -> None:
        super().set_editable(allowed)
        for select in self.query(Select):
            select.disabled = not allowed

    # ------------------------------------------------------------------ editing

    def _entry_for_edit(self) -> Entry | None:
        """The person the form edits; typing with nobody chosen adds a new person."""
        if self.current is None:
            if len(self.entries) >= PEOPLE_MAX or self.closing:
                self.notify(
                    _("There can be at most {count} people on the map.", count=PEOPLE_MAX),
                    severity="warning",
                )
                return None
            ring = self.query_one("#network-ring", Select).value
            sector = self.query_one("#network-sector", Select).value
            self.entries.append(
                Entry(
                    ring=ring if isinstance(ring, int) else 2,
                    sector=sector if isinstance(sector, str) else "family",
                )
            )
            self.current = len(self.entries) - 1
            if not self.closing:
                self.refresh_table()
        return self.entries[self.current]

    def field_changed(self, key: str, value: str) -> None:
        entry = self._entry_for_edit()
        if entry is None:
            return
        if key == "network-name":
            entry.name = value
        else:
            entry.note = value
        if not self.closing:
            self.refresh_row()
            # Redraw the map when the typing pauses: a keystroke stays quick on a big map.
            if self._redraw is not None:
                self._redraw.stop()
            self._redraw = self.set_timer(REDRAW_DELAY, self.refresh_drawing)

    def on_select_changed(self, event: Select.Changed) -> None:
        value = event.value
        if event.select.id not in ("network-ring", "network-sector") or not self.may_save():
            return
        if not event.select.has_focus_within:
            return  # set by the program (a person chosen, the screen starting), not a choice
        entry = self.entries[self.current] if self.current is not None else None
        if entry is None:
            return  # the choice waits for the person that is typed next
        if event.select.id == "network-ring" and isinstance(value, int) and value != entry.ring:
            entry.ring = value
        elif (
            event.select.id == "network-sector" and isinstance(value, str) and value != entry.sector
        ):
            entry.sector = value
        else:
            return
        self.refresh_row()
        self.refresh_drawing()
        self.edited()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id != "network-table" or event.row_key.value is None:
            return
        index = int(event.row_key.value)
        if index == self.current or index >= len(self.entries):
            return
        self.current = index
        self.refresh_form()
        self.query_one("#network-hint", Static).display = False

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "network-table":
            self.query_one("#network-name", Input).focus()

    # ------------------------------------------------------------------ actions

    def action_new_person(self) -> None:
        if not self.may_save():
            return
        if len(self.entries) >= PEOPLE_MAX:
            self.notify(
                _("There can be at most {count} people on the map.", count=PEOPLE_MAX),
                severity="warning",
            )
            return
        self.entries.append(Entry())
        self.current = len(self.entries) - 1
        self.refresh_table()
        self.refresh_form()
        self.add_class("-editing")
        self.query_one("#network-name", Input).focus()

    def action_delete_person(self) -> None:
        if self.current is None or not self.may_save():
            return
        index = self.current
        name = self.entries[index].name.strip() or _(
            "(no name – goes on the map once a name is filled in)"
        )

        def answered(yes: bool | None) -> None:
            if not yes or index >= len(self.entries):
                return
            del self.entries[index]
            self.current = min(index, len(self.entries) - 1) if self.entries else None
            self.refresh_table()
            self.refresh_form()
            self.refresh_drawing()
            self.notify(_("{name} has been deleted from the map.", name=name), markup=False)
            self.edited()

        self.app.push_screen(
            ConfirmDialog(
                danger=True,
                question=_(
                    "Delete {name} from the map? The person will still be in the earlier versions.",
                    name=name,
                ),
            ),
            answered,
        )

    def action_toggle_view(self) -> None:
        self.toggle_class("-editing")
        self._focus_for_view()
