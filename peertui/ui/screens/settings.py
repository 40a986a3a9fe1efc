"""The organisation's profile (key ``o`` on the home screen, or "Organisation" in the palette).

What every printed sheet and certificate shows: the name, a descriptive line, the website
(https only; without one the QR codes explain the sheet instead of linking), a contact line,
up to three signing roles, and a logo. The logo is taken from a PNG or JPEG file whose path is
typed in, and re-encoded by the store (``prepare_logo``); the screen only says whether there is
one, it never draws it. Ctrl+S (or Enter in a field) saves, Esc goes back and asks first when
something is not saved. A refusal (an http:// address, a CPR-like number, a file that is no
image) is one calm line, and what was typed stays. A read-only store shows the profile and
says it cannot save.
"""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, Static

from peertui import labels
from peertui.i18n import N_, _
from peertui.store import StoreError
from peertui.store.organisation import LOGO_INPUT_MAX, prepare_logo
from peertui.store.schema import NAME_MAX, OCCASION_MAX, SIGNERS_MAX, WEBSITE_MAX, Organisation
from peertui.ui.base import ConfirmDialog, PeerScreen

#: The text fields: the profile's field, the input's id, its label, its longest length.
TEXT_FIELDS = (
    ("name", "org-name", N_("Name"), NAME_MAX),
    ("line", "org-line", N_("Descriptive line"), OCCASION_MAX),
    ("website", "org-website", N_("Website (https://…)"), WEBSITE_MAX),
    ("contact", "org-contact", N_("Contact line"), OCCASION_MAX),
)
#: Where the cursor goes when the store refuses a field (``InvalidInput.field``).
FIELD_INPUTS = {
    "name": "org-name",
    "line": "org-line",
    "website": "org-website",
    "contact": "org-contact",
    "Kontakt": "org-contact",  # the CPR refusal names the field as the facilitator reads it
    "signers": "org-signer-1",
    "logo": "org-logo-path",
}


def read_logo_file(text: str) -> bytes:
    """The bytes of the logo file at ``text`` (at most the limit and one byte more), or a
    ``StoreError`` with one calm line. Quotes around a dragged-in path are taken off."""
    cleaned = text.strip()
    if len(cleaned) >= 2 and cleaned[0] == cleaned[-1] and cleaned[0] in "'\"":
        cleaned = cleaned[1:-1]
    path = Path(cleaned).expanduser()
    try:
        with open(path, "rb") as fh:
            return fh.read(LOGO_INPUT_MAX + 1)
    except FileNotFoundError:
        raise StoreError(_("{file} does not exist.", file=str(path))) from None
    except IsADirectoryError:
        raise StoreError(_("{file} is a folder, not a file.", file=str(path))) from None
    except OSError as exc:
        raise StoreError(
            _("{file} cannot be read ({code}).", file=str(path), code=exc.strerror or "?")
        ) from None


class OrganisationScreen(PeerScreen[None]):
    """Set the organisation's profile that every sheet and certificate shows."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save")),
        Binding("escape", "back", N_("Back")),
    ]
    #: A projector with a big font has few rows: the labels close up (see console.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(self) -> None:
        super().__init__()
        #: The profile as it is saved (what the fields are compared with).
        self.saved = Organisation()
        #: Why nothing can be saved here (a read-only or damaged store), or "".
        self.cannot_save = ""
        #: The logo goes when the profile is next saved.
        self.remove_logo = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        store = self.store
        try:
            self.saved = store.organisation()
        except StoreError as exc:  # organisation.json is damaged: say so, never overwrite it
            self.cannot_save = str(exc)
        if store.read_only:
            self.cannot_save = _("peertui is open read-only: you can look, but not save.")
        locked = bool(self.cannot_save)
        profile = self.saved
        yield Header()
        yield Static(Content(_("Organisation")), classes="screen-title")
        notice = Static(Content(self.cannot_save), id="org-notice", classes="notice")
        notice.display = locked
        yield notice
        with VerticalScroll(id="org"), Vertical(id="org-form"):
            yield Static(
                Content(
                    _("What you enter here appears on all printed sheets and course certificates.")
                ),
                classes="dim",
            )
            for field, input_id, label, limit in TEXT_FIELDS:
                yield Label(_(label), classes="org-label")
                yield Input(
                    getattr(profile, field),
                    id=input_id,
                    max_length=limit,
                    placeholder="https://" if field == "website" else "",
                    disabled=locked,
                )
                if field == "website":
                    yield Static(
                        Content(
                            _(
                                "Without a website, the QR codes explain the "
                                "sheet instead of linking."
                            )
                        ),
                        classes="dim",
                    )
            yield Label(_("Signatures: up to three roles"), classes="org-label")
            with Horizontal(id="org-signers"):
                for number in range(1, SIGNERS_MAX + 1):
                    example = _(labels.ORGANISATION_SIGNER_EXAMPLE[number])
                    yield Input(
                        profile.signers[number - 1] if number <= len(profile.signers) else "",
                        id=f"org-signer-{number}",
                        max_length=NAME_MAX,
                        placeholder=_("e.g. {example}", example=example),
                        disabled=locked,
                    )
            yield Label(_("Logo"), classes="org-label")
            yield Static(id="org-logo-state")
            with Horizontal(id="org-logo"):
                yield Input(
                    id="org-logo-path",
                    placeholder=_("Path to a PNG or JPEG file"),
                    disabled=locked,
                )
                yield Button(_("Remove logo"), id="org-logo-remove")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="org-save")
                yield Button(_("Back"), id="org-back")
        error = Static(id="form-error", classes="error")
        error.display = False
        yield error
        yield Static(id="org-status", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        locked = bool(self.cannot_save)
        self.query_one("#org-save", Button).display = not locked
        self.query_one("#org-logo-remove", Button).display = not locked
        self.show_state()
        if locked:
            self.query_one("#org", VerticalScroll).focus()
        else:
            self.query_one("#org-name", Input).focus()

    # ------------------------------------------------------------------ what the form holds

    def text(self, input_id: str) -> str:
        return self.query_one(f"#{input_id}", Input).value.strip()

    def logo_path(self) -> str:
        return self.text("org-logo-path")

    def typed_profile(self) -> Organisation:
        """The profile as typed (a new logo file is read only when saving)."""
        signers = tuple(
            value
            for value in (self.text(f"org-signer-{n}") for n in range(1, SIGNERS_MAX + 1))
            if value
        )
        return replace(
            self.saved,
            **{field: self.text(input_id) for field, input_id, _, _ in TEXT_FIELDS},
            signers=signers,
            logo="" if self.remove_logo else self.saved.logo,
        )

    @property
    def has_changes(self) -> bool:
        if self.cannot_save:
            return False
        return self.typed_profile() != self.saved or bool(self.logo_path())

    def fill(self, profile: Organisation) -> None:
        for field, input_id, _label, _limit in TEXT_FIELDS:
            self.query_one(f"#{input_id}", Input).value = getattr(profile, field)
        for number in range(1, SIGNERS_MAX + 1):
            value = profile.signers[number - 1] if number <= len(profile.signers) else ""
            self.query_one(f"#org-signer-{number}", Input).value = value
        self.query_one("#org-logo-path", Input).value = ""

    def show_state(self) -> None:
        """The logo line, the remove/keep button and whether anything is unsaved."""
        if self.logo_path():
            logo = _("The new logo will be included when you save.")
        elif self.remove_logo:
            logo = _("The logo will be removed when you save.")
        elif self.saved.logo:
            logo = _(
                "There is a logo ({size} KB). It is shown on the sheets, not here.",
                size=max(1, len(self.saved.logo) * 3 // 4 // 1024),
            )
        else:
            logo = _("There is no logo.")
        self.query_one("#org-logo-state", Static).update(Content(logo))
        remove = self.query_one("#org-logo-remove", Button)
        remove.label = _("Keep logo" if self.remove_logo else N_("Remove logo"))
        remove.disabled = not (self.saved.logo or self.remove_logo)
        status = self.query_one("#org-status", Static)
        status.update(
            Content(
                _("The changes have not been saved yet (ctrl+s saves).") if self.has_changes else ""
            )
        )
        status.display = self.has_changes

    def show_error(self, message: str) -> None:
        line = self.query_one("#form-error", Static)
        line.update(Content(message))
        line.display = bool(message)

    def refuse(self, error: StoreError, input_id: str | None) -> None:
        """One calm line, and the cursor in the field concerned (what was typed stays)."""
        self.show_error(str(error))
        if input_id:
            self.query_one(f"#{input_id}", Input).focus()

    # ------------------------------------------------------------------ events

    def on_input_changed(self, event: Input.Changed) -> None:
        # Not stopped: the app cleans pasted control characters from every field.
        self.show_state()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "org-save":
            self.action_save()
        elif event.button.id == "org-back":
            self.action_back()
        elif event.button.id == "org-logo-remove":
            self.remove_logo = not self.remove_logo
            self.show_state()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save" and self.cannot_save:
            return None  # shown dimmed: this copy of peertui cannot save
        return True

    def action_save(self) -> None:
        if self.cannot_save:
            self.show_error(self.cannot_save)
            return
        self.show_error("")
        profile = self.typed_profile()
        path = self.logo_path()
        if path:
            try:
                # Pillow loads here, only for a new logo; the original file is not kept.
                profile = replace(profile, logo=prepare_logo(read_logo_file(path)))
            except StoreError as exc:  # no such file, not an image, too big: keep the path
                self.refuse(exc, "org-logo-path")
                return
        try:
            saved = self.store.set_organisation(profile)
        except StoreError as exc:  # refused or not written: say so, keep what was typed
            self.refuse(exc, FIELD_INPUTS.get(getattr(exc, "field", "")))
            return
        self.saved = saved
        self.remove_logo = False
        self.fill(saved)
        self.show_state()
        self.notify(_("The organisation has been saved."), markup=False)

    def action_back(self) -> None:
        if not self.has_changes:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                _("The changes have not been saved. Go back and discard them?"), danger=True
            ),
            answered,
        )
