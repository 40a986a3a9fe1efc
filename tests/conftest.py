from __future__ import annotations

import os

import pytest

# Tests never touch the user's real data folder, and always speak Danish.
os.environ["PEERTUI_LANG"] = "da"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path_factory.mktemp("peertui-data")
    monkeypatch.setenv("PEERTUI_DATA_DIR", str(data))
    yield


# --- markers: `pytest -m unit`, `-m ui`, `-m process` run the kinds apart --------------------

_PROCESS_SIGNS = ("subprocess", "os.fork", "PtyTerminal")
_process_modules: dict[str, bool] = {}


def _starts_processes(module: object) -> bool:
    """A test module that starts real processes (a child that is killed, the CLI, a pty)."""
    path = getattr(module, "__file__", None) or ""
    if path not in _process_modules:
        try:
            source = open(path, encoding="utf-8").read()  # noqa: SIM115
        except OSError:
            source = ""
        _process_modules[path] = any(sign in source for sign in _PROCESS_SIGNS)
    return _process_modules[path]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    import inspect

    for item in items:
        function = getattr(item, "function", None)
        fixtures = getattr(item, "fixturenames", ())
        if _starts_processes(getattr(item, "module", None)):
            item.add_marker(pytest.mark.process)
        elif inspect.iscoroutinefunction(function) or "snap_compare" in fixtures:
            item.add_marker(pytest.mark.ui)
        else:
            item.add_marker(pytest.mark.unit)
