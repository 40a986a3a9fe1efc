"""The installed command, the wheel's built-in content, and what start-up imports."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from peertui import __version__

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)


def test_console_script_version() -> None:
    script = Path(sys.executable).with_name("peertui")
    result = run(str(script), "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"peertui {__version__}"


def test_python_m_peertui_version() -> None:
    result = run(sys.executable, "-m", "peertui", "--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_startup_does_not_import_heavy_modules() -> None:
    """Show the home screen, then list what got imported: no WeasyPrint, no qrcode."""
    code = """
import asyncio, sys
from peertui.content import load_library
from peertui.ui.app import PeerTUI

async def main():
    app = PeerTUI(load_library())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
asyncio.run(main())
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"weasyprint", "qrcode", "pypdf"})
print("HEAVY:", ",".join(heavy))
"""
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    (heavy_line,) = [line for line in result.stdout.splitlines() if line.startswith("HEAVY:")]
    assert heavy_line == "HEAVY: "


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(out),
        str(ROOT),
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("peertui-*.whl")
    return built


def test_wheel_carries_builtin_content(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "peertui/_builtin/sessions/vejen-til-hverdagslivet/course.toml" in names
    assert "peertui/_builtin/content/personligt-statement.md" in names
    for sheet in ("common", "console", "console-screens", "wall"):
        assert f"peertui/ui/{sheet}.tcss" in names
    # The phone page, and its encryption library with its licence (copied by make setup).
    for part in ("index.html", "phone.js", "phone.css", "vendor/tweetnacl/nacl-fast.min.js",
                 "vendor/tweetnacl/LICENSE"):  # fmt: skip
        assert f"peertui/phones/static/{part}" in names
    # The exporter's templates (peertui/export/templates/) travel inside the package.
    for template in ("document", "certificate", "sheets/_parts", "sheets/statement"):
        assert f"peertui/export/templates/{template}.html.j2" in names
    # click's own words in Danish (peertui/cli/words.py)
    assert "peertui/locale/da/LC_MESSAGES/click.mo" in names


def test_wheel_installed_peertui_finds_its_content(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = (
        "import peertui, sys; from peertui.content import load_library, builtin_paths;"
        "lib = load_library(); print(peertui.__file__); print(builtin_paths()[0]);"
        "print(len(lib.courses), len(lib.courses[0].meetings), len(lib.pages), len(lib.errors),"
        " len(lib.scenarios))"
    )
    result = run(sys.executable, "-c", code, cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    module_file, sessions, counts = result.stdout.splitlines()
    assert module_file.startswith(str(site))
    assert sessions.startswith(str(site))
    courses, meetings, pages, errors, scenarios = map(int, counts.split())
    # The group course (listed first) and the inclusion facilitator course.
    assert (courses, meetings, errors) == (2, 11, 0)
    assert scenarios == 6  # content/scenarios/ is in the wheel
    assert pages >= 7
    check = run(sys.executable, "-m", "peertui", "check", cwd=elsewhere, env=env)
    assert check.returncode == 0, check.stdout
