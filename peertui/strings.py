"""Every text the user reads, in one place: Danish first, so English can follow.

Use ``t("key", name=value)``. The language is Danish unless ``PEERTUI_LANG`` names
another language that has a table here; a key missing from that table falls back
to Danish, so a half-done translation never breaks the app.
"""

from __future__ import annotations

import os

DA: dict[str, str] = {
    # --- app, home screen ---
    "app.title": "peertui",
    "app.subtitle": "Peer-støtte i gruppen",
    "home.courses": "Gruppeforløb",
    "home.guide": "Guide",
    "home.empty_courses": "Der er ingen forløb. Læg et forløb i sessions/ og kør peertui check.",
    "home.empty_guide": "Der er ingen guidesider.",
    "home.content_problems": (
        "Indholdet har {errors} fejl. Kør 'peertui check' for at se hvor. "
        "Forløb og sider med fejl er vist så godt det kan lade sig gøre."
    ),
    "home.meetings_count": "{count} mødegange",
    # --- course and meeting screens ---
    "course.meetings": "Mødegange",
    "course.agenda": "Dagsorden",
    "course.meeting_label": "{number}. {title}",
    "course.intro_label": "Introduktion: {title}",
    "course.minutes": "{minutes} min",
    "course.total": "I alt {total} af {planned} min",
    "course.no_meetings": "Forløbet har ingen mødegange endnu.",
    "course.no_blocks": "Mødegangen har ingen punkter endnu.",
    "meeting.col_time": "Tid",
    "meeting.col_kind": "Type",
    "meeting.col_title": "Punkt",
    "meeting.col_minutes": "Min.",
    "meeting.notes": "Noter til facilitatorerne",
    "meeting.no_notes": "Ingen noter til dette punkt.",
    "meeting.steps": "{count} trin",
    "meeting.notes_hidden": "Noter er skjult. Tryk n for at vise dem på din skærm.",
    # --- block kinds, as shown ---
    "kind.tjek-ind": "Tjek-ind",
    "kind.tema": "Tema",
    "kind.øvelse": "Øvelse",
    "kind.pause": "Pause",
    "kind.runde": "Runde",
    "kind.tjek-ud": "Tjek-ud",
    "kind.fri": "Fri",
    # --- guide ---
    "guide.not_found": "Siden '{id}' findes ikke.",
    "guide.links_title": "Links på siden",
    "guide.no_links": "Siden linker ikke til andre sider.",
    "guide.external_link": "Peertui åbner ikke internetsider. Adressen er: {href}",
    # --- bindings and commands ---
    "key.quit": "Afslut",
    "key.back": "Tilbage",
    "key.open": "Åbn",
    "key.notes": "Noter",
    "key.links": "Links",
    "key.close": "Luk",
    "key.palette": "Kommandoer",
    "key.palette_help": "Find forløb, mødegange og guidesider",
    "cmd.open_course": "Åbn forløb: {title}",
    "cmd.open_meeting": "Åbn mødegang: {course} – {title}",
    "cmd.open_guide": "Åbn guide: {title}",
    "cmd.home": "Gå til forsiden",
    "cmd.home_help": "Listen over forløb og guidesider",
    "cmd.theme": "Skift farvetema",
    "cmd.theme_help": "Vælg farver der passer til skærmen eller projektoren",
    "cmd.quit": "Afslut peertui",
    "cmd.quit_help": "Luk programmet",
    # --- peertui check ---
    "check.ok": "Alt i orden: {courses} forløb, {meetings} mødegange, {pages} guidesider.",
    "check.summary": "{errors} fejl, {warnings} advarsler.",
    "check.warning_prefix": "advarsel: ",
    "check.no_such_path": "findes ikke",
    "check.nothing_found": "ingen forløb (course.toml) eller guidesider (.md) her",
    "check.not_utf8": "filen er ikke gyldig UTF-8 (byte 0x{byte:02x}); gem den som UTF-8",
    "check.empty": "filen er tom",
    "check.too_big": "filen er for stor ({size} bytes, højst {limit})",
    "check.unreadable": "filen kan ikke læses ({reason})",
    "check.no_front_matter": "filen skal starte med en linje med +++ (front matter i TOML)",
    "check.unclosed_front_matter": "+++ åbnes her men lukkes aldrig med en linje med +++",
    "check.bad_toml": "ugyldig TOML: {detail}",
    "check.missing_key": "mangler '{key}'",
    "check.unknown_key": "ukendt nøgle '{key}' (kendte: {known})",
    "check.wrong_type": "'{key}' skal være {expected}",
    "check.type_text": "en tekst",
    "check.type_int": "et helt tal",
    "check.type_text_list": "en liste af tekster",
    "check.out_of_range": "'{key}' skal være mellem {low} og {high}",
    "check.bad_url": "'{key}' skal være en adresse der starter med https:// eller http://",
    "check.bad_id": "'{key}' må kun indeholde små bogstaver a-z, tal og -",
    "check.bad_course_id": "mappens navn '{id}' er forløbets id og må kun indeholde a-z, tal og -",
    "check.empty_text": "'{key}' må ikke være tom",
    "check.duplicate_number": "mødegang nummer {number} findes også i {other}",
    "check.duplicate_page": "side-id '{id}' findes også i {other}",
    "check.duplicate_course": "forløbs-id '{id}' findes også i {other}",
    "check.no_meetings": "forløbet har ingen mødegange (.md-filer)",
    "check.no_blocks": "mødegangen har ingen punkter (## Overskrift med +++ kind og minutes)",
    "check.h1_in_meeting": "brug ikke # overskrifter i en mødegang; titlen står i front matter",
    "check.block_without_fences": (
        "punktet '{title}' skal følges direkte af +++ med kind og minutes"
    ),
    "check.empty_block_title": "punktet mangler en titel efter ##",
    "check.bad_kind": "ukendt kind '{kind}' (brug en af: {known})",
    "check.notes_nested": "::: noter inde i noter; luk de første noter med ::: først",
    "check.notes_unclosed": "::: noter lukkes aldrig med :::",
    "check.notes_close_without_open": "::: lukker noter, men ingen noter er åbnet",
    "check.unknown_container": "ukendt ':::'-linje; brug '::: noter' og ':::'",
    "check.empty_block": "punktet '{title}' har hverken tekst eller noter",
    "check.minutes_mismatch": (
        "punkternes minutter giver {total}, men mødegangen er planlagt til {planned} minutter"
    ),
    "check.meeting_outside_course": ("en mødegang skal ligge i en forløbsmappe med en course.toml"),
    "check.bad_guide_link": "linket '{href}' skal have formen guide:side-id",
    "check.unknown_page": "linket peger på siden '{id}', som ikke findes",
    "check.page_too_long": (
        "siden har {blocks} blokke (afsnit, overskrifter, punkter) og bliver langsom at vise; "
        "del den i to sider (højst {limit})"
    ),
    "check.missing_course_toml": "mappen har mødegange men ingen course.toml",
    # --- errors shown instead of tracebacks ---
    "error.unexpected": (
        "Der skete en uventet fejl ({kind}). Intet er blevet slettet. "
        "Start peertui igen; hjælper det ikke, så kontakt den der vedligeholder peertui."
    ),
}

EN: dict[str, str] = {}

_TABLES = {"da": DA, "en": EN}


def language() -> str:
    lang = os.environ.get("PEERTUI_LANG", "da").lower()
    return lang if lang in _TABLES else "da"


def t(key: str, /, **values: object) -> str:
    """The user-facing text for ``key``, with ``values`` filled in."""
    table = _TABLES[language()]
    template = table.get(key) or DA[key]
    return template.format(**values) if values else template
