from __future__ import annotations

import os

import pytest

# Tests never touch the user's real data folder, and always speak Danish.
os.environ.setdefault("PEERTUI_LANG", "da")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path_factory.mktemp("peertui-data")
    monkeypatch.setenv("PEERTUI_DATA_DIR", str(data))
    yield
