"""What every screen and dialog shares: typed access to the app, the store and the clock; the
one confirmation dialog; the one form base.

    class GroupScreen(PeerScreen[None]):
        def on_mount(self) -> None:
            for group in self.store.groups(): ...

A new dialog is one new module in ``ui/dialogs/`` that subclasses ``FormDialog`` (or
``ConfirmDialog`` when it is a yes/no question), and one line where it is opened.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from peertui.i18n import N_, _
from peertui.ui.textual_words import DanishBindings

if TYPE_CHECKING:
    from collections.abc import Callable

    from peertui.store import Store
    from peertui.ui.app import PeerTUI

T = TypeVar("T")


class AppAccess:
    """Typed access to what the app holds (mixed into screens and dialogs)."""

    @property
    def peertui(self) -> PeerTUI:
        return cast("PeerTUI", self.app)  # type: ignore[attr-defined]

    @property
    def store(self) -> Store:
        """The open store. Screens that need it are only opened when there is one."""
        store = self.peertui.store
        if store is None:  # pragma: no cover - the app opens these screens only with a store
            raise RuntimeError("no store")
        return store

    def show_private(
        self, what: str, show: Callable[[], object], otherwise: Callable[[], object] | None = None
    ) -> None:
        """Show something private (notes, who is in the group, a participant's words):
        at once when a wall is attached (the room looks at the wall, not at this screen);
        with no wall, this screen may be mirrored to the projector, so first ask, "Nej"
        focused, saying that the group may see ``what``; ``otherwise`` runs on a no."""
        app = self.peertui
        if app.wall_attached:
            show()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                show()
            elif otherwise is not None:
                otherwise()

        app.push_screen(
            ConfirmDialog(
                _(
                    "No wall is connected, so the group may be able to see this screen. "
                    "Show {what} anyway?",
                    what=what,
                )
            ),
            answered,
        )

    def toggle_private(self, flag: str, what: str) -> None:
        """Flip the boolean attribute ``flag`` (a panel shown or hidden): hiding at once,
        showing through ``show_private``."""
        if getattr(self, flag):
            setattr(self, flag, False)
        else:
            self.show_private(what, lambda: setattr(self, flag, True))

    @property
    def clock(self) -> Callable[[], float]:
        """The runner's clock (monotonic seconds; tests pass a fake one)."""
        return self.peertui.clock


class SizeClasses:
    """A screen born with the size classes (``-narrow``, ``-wide``, ...) that Textual gives it
    when it is first sized. Textual adds them after the screen's widgets are mounted, which
    restyles every widget on it once more: on a long guide page a tenth of opening it
    (docs/performance.md). Mixed in first (``class GuideScreen(SizeClasses, PeerScreen[None])``).

    Only for screens checked with it: a screen that draws in ``on_mount`` may depend on that
    second restyle (the trainee page's table kept its header widths without it)."""

    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None
    VERTICAL_BREAKPOINTS: list[tuple[int, str]] | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            app = self.app  # type: ignore[attr-defined]
        except RuntimeError:  # Textual's NoActiveAppError
            return  # made before the app runs (tests): Textual sets them when it is shown
        width, height = app.size
        for dimension, own, apps in (
            (width, self.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
            (height, self.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS),
        ):
            breakpoints = (apps if own is None else own) or []
            # As Screen._get_breakpoint_classes: the class of the largest breakpoint reached.
            reached = [(at, name) for at, name in breakpoints if dimension >= at]
            chosen = max(reached)[1] if reached else None
            for _at, name in breakpoints:
                self.set_class(name == chosen, name, update=False)  # type: ignore[attr-defined]


#: The stylesheet of every screen and dialog but the first ones (console.tcss has those):
#: Textual reads it when the first screen that names it opens, and the home screen once the
#: courses are shown, so the first frame parses only what the home screen needs
#: (docs/performance.md).
SCREENS_CSS: list[str | PurePath] = [Path(__file__).with_name("console-screens.tcss")]


class PeerScreen(AppAccess, DanishBindings, Screen[T], Generic[T]):
    """A full screen of the app."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = SCREENS_CSS


class PeerDialog(AppAccess, DanishBindings, ModalScreen[T], Generic[T]):
    """A modal dialog of the app, in the middle of the screen."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = SCREENS_CSS

    DEFAULT_CSS = """
    PeerDialog {
        align: center middle;
    }
    """


class ConfirmDialog(PeerDialog[bool]):
    """A yes/no question. "Nej" has the focus, so yes must be chosen on purpose; Esc is no.
    ``danger`` marks a question whose yes deletes something."""

    BINDINGS = [Binding("escape", "no", N_("No"))]

    def __init__(self, question: str, *, danger: bool = False) -> None:
        super().__init__()
        self.question = question
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="panel-title")
            with Horizontal(classes="buttons"):
                yield Button(_("No"), id="no")
                yield Button(_("Yes"), variant="error" if self.danger else "primary", id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


class FormDialog(PeerDialog[T], Generic[T]):
    """A form: Enter in a field or "Gem" saves, Esc or "Annuller" cancels (returns None), and
    a problem is shown in the ``#form-error`` line while what was typed stays. A subclass
    composes its fields (with a ``Static(id="form-error")`` and ``save``/``cancel`` buttons)
    and implements ``action_save``."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:  # pragma: no cover - every form has its own
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Content(message))
