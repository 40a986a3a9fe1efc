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
    "home.loading": "Indlæser …",
    "home.content_problems": (
        "Indholdet har {errors} fejl. Kør '{command}' for at se hvor. "
        "Forløb og sider med fejl er vist så godt det kan lade sig gøre."
    ),
    "home.meetings_count.one": "{count} mødegang",
    "home.meetings_count.other": "{count} mødegange",
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
    # --- groups ---
    "home.groups": "Grupper",
    "home.no_groups": "Ingen grupper endnu.",
    "group.new": "Ny gruppe",
    "group.new_help": "Opret en gruppe til et forløb",
    "group.edit": "Redigér gruppe",
    "group.title_new": "Ny gruppe",
    "group.title_edit": "Redigér gruppen",
    "group.name": "Gruppens navn",
    "group.course": "Forløb",
    "group.facilitators": "Facilitatorer (adskilt med komma)",
    "group.start": "Startdato (DD.MM.ÅÅÅÅ)",
    "group.retention": "Slettes efter (DD.MM.ÅÅÅÅ)",
    "group.retention_help": "Efter denne dato minder peertui jer om at slette gruppens data.",
    "group.bad_date": "'{field}' skal være en dato skrevet dag.måned.år, fx 01.03.2026",
    "group.retention_before_start": "Slettedatoen skal ligge efter startdatoen.",
    "group.no_courses": "Der er ingen forløb at vælge.",
    "group.info": "{course}  ·  start {start}  ·  slettes efter {retention}",
    "group.facilitators_line": "Facilitatorer: {names}",
    "group.participants": "Deltagere",
    "group.meetings": "Mødegange",
    "group.no_participants": "Ingen deltagere endnu. Tryk a for at tilføje.",
    "group.col_alias": "Navn",
    "group.col_consent": "Samtykke",
    "group.col_number": "Nr.",
    "group.col_title": "Mødegang",
    "group.col_attendance": "Fremmøde",
    "group.col_planned": "Plan",
    "group.col_actual": "Faktisk",
    "group.col_log": "Log",
    "group.consent_short": "D G P K",
    "group.consent_legend": "Samtykke: D deltage · G gemme · P printe · K digital kopi",
    "group.key_add": "Ny deltager",
    "group.key_edit_participant": "Deltager",
    "group.key_start": "Start mødegang",
    "group.key_resume": "Fortsæt mødet",
    "group.key_reopen": "Åbn dagens møde igen",
    "group.key_export": "Udskriv",
    "group.saved": "Gemt.",
    "group.run_waiting": "Et møde er i gang (mødegang {number}). Tryk f for at fortsætte.",
    "group.run_ended": (
        "Mødegang {number} blev afsluttet i dag. Tryk f for at fortsætte, hvor I slap."
    ),
    "group.log_waiting": (
        "Loggen for mødegang {numbers} venter: vælg den under Mødegange og tryk Enter."
    ),
    "group.log_mark_waiting": "venter",
    "group.no_log": "Mødegangen har ingen log endnu. Den kommer, når mødet er afsluttet.",
    "group.demo": "demo",
    "participant.title_new": "Ny deltager",
    "participant.title_edit": "Deltager",
    "participant.alias": "Fornavn eller kaldenavn (aldrig CPR-nummer eller efternavn)",
    "participant.consents": "Deltageren har sagt ja til:",
    "participant.withdraw_warning": (
        "Uden samtykke til at gemme bliver deltagerens statement og arbejdsark slettet, "
        "også i sikkerhedskopierne."
    ),
    "participant.confirm_withdraw": "Slet statement og arbejdsark",
    "checkin.title": "Start mødegang",
    "checkin.meeting": "Mødegang",
    "checkin.next": "næste",
    "checkin.logged": "holdt",
    "checkin.who": "Hvem er kommet? (a: alle, mellemrum: én ad gangen)",
    "checkin.start": "Start mødet",
    "checkin.save_only": "Gem kun fremmøde",
    "checkin.toggle": "Til stede / ikke mødt / afbud",
    "checkin.all": "Alle er her",
    "checkin.no_participants": "Gruppen har ingen deltagere endnu; I kan starte alligevel.",
    "log.title": "Efter mødet",
    "log.times": "Tid pr. punkt (minutter: plan / faktisk)",
    "log.checklist": "Hvordan gik det?",
    "log.reflection": "Refleksion (kun for jer)",
    "log.carry_over": "Med til næste gang (vises kun for facilitatorerne)",
    "log.save": "Gem loggen",
    "log.saved": "Loggen er gemt.",
    "log.later": "Senere",
    "log.cmd": "Efter mødet: {group}, mødegang {number}",
    "log.cmd_help": "Loggen blev gemt til senere; skriv den nu",
    "button.save": "Gem",
    "button.cancel": "Annullér",
    "button.yes": "Ja",
    "button.no": "Nej",
    "cmd.open_group": "Åbn gruppe: {name}",
    "cmd.open_group_help": "Deltagere, fremmøde og mødegange",
    "store.read_only_hint": "peertui er åbnet skrivebeskyttet: I kan se, men ikke gemme.",
    # --- editors of a participant's words (statement, worksheets) ---
    "editor.saved_at": "Gemt kl. {time}",
    "editor.saved_on": "Gemt {when}",
    "editor.saving": "Gemmer …",
    "editor.not_saved": "IKKE GEMT: {reason} Teksten er her stadig; peertui prøver igen.",
    "editor.control_removed": "Usynlige styretegn i teksten er fjernet.",
    "editor.cut": "Teksten var for lang og er skåret ned til {limit} tegn.",
    "editor.no_consent": (
        "{alias} har ikke givet samtykke til, at peertui gemmer det, de skriver. "
        "Uden samtykke bliver intet gemt. Tryk ctrl+k for at registrere samtykke."
    ),
    "editor.read_only": "peertui er åbnet skrivebeskyttet: I kan læse, men intet bliver gemt.",
    "editor.key_save": "Gem nu",
    "editor.key_example": "Eksempel",
    "editor.key_history": "Historik",
    "editor.key_next": "Næste deltager",
    "editor.key_previous": "Forrige deltager",
    "editor.key_wall": "Vis på væggen",
    "editor.key_consent": "Samtykke",
    "editor.participant": "Deltager: {alias}",
    # --- the personal statement ---
    "statement.title": "Personligt statement – {alias}",
    "statement.guidance.1": "Fortæl kort, hvem du er, sådan som du selv vil beskrive det.",
    "statement.guidance.2": "Det, der giver dit liv mening og værdi.",
    "statement.guidance.3": (
        "Det, du gerne vil have støtte til. Hjælp til hvad, ikke hvilken hjælp."
    ),
    "statement.guidance.4": "Det, der bliver muligt for dig, når du får hjælpen.",
    "statement.example.1": "Eksempel: Jeg hedder Maja, er 34 år og holder meget af at tegne.",
    "statement.example.2": "Eksempel: … have en fast rytme i min uge og være sammen med andre.",
    "statement.example.3": (
        "Eksempel: … at komme i gang med arbejde i et tempo, jeg kan holde til."
    ),
    "statement.example.4": "Eksempel: … få en hverdag med indhold og overskud til mine venner.",
    "statement.limit_note": "Højst {limit} tegn pr. felt.",
    "statement.copy_fits": "Digital kopi: plads til ca. {words} ord mere.",
    "statement.copy_too_long": (
        "Digital kopi: teksten er ca. {words} ord for lang – arket udskrives uden den."
    ),
    "statement.history_title": "Tidligere udgaver",
    "statement.history_empty": "Der er ingen tidligere udgaver endnu.",
    "statement.restore": "Hent denne udgave tilbage",
    "statement.restored": "Udgaven fra {when} er hentet tilbage og gemt som den nyeste.",
    "statement.leave_unsaved": (
        "Teksten er IKKE gemt. Tryk esc igen for at gå alligevel (teksten går så tabt)."
    ),
    "statement.wall_confirm": "Har {alias} sagt ja til, at statementet vises på væggen nu?",
    "statement.wall_shown": "Statementet vises på væggen. Tryk ctrl+o igen for at fjerne det.",
    "statement.wall_hidden": "Statementet er fjernet fra væggen.",
    "statement.wall_title": "Personligt statement",
    "participant.tools": "Værktøjer",
    "participant.tool.statement": "Personligt statement",
    "participant.tool.goals": "Personlige mål",
    "participant.tool.safety_plan": "Tryghedsplan",
    "participant.tool.network_map": "Netværkskort",
    "participant.consent_line": "Samtykke: {consents}",
    "participant.no_consents": "intet samtykke registreret",
    "participant.key_consent": "Samtykke og navn",
    "participant.tool_missing": "Det værktøj er ikke klar endnu.",
    # --- the runner ---
    "runner.key_pause": "Pause/fortsæt",
    "runner.key_next": "Næste",
    "runner.key_previous": "Forrige",
    "runner.key_reveal": "Vis mere",
    "runner.key_unreveal": "Vis mindre",
    "runner.key_add": "+1 min",
    "runner.key_remove": "-1 min",
    "runner.key_blank": "Mørk skærm",
    "runner.key_end": "Afslut mødet",
    "runner.confirm_end": "Afslut mødet nu? Var det en fejl, kan I åbne det igen i dag.",
    "runner.key_start": "Kør mødegangen",
    "runner.key_participants": "Deltagere",
    "runner.choose_participant": "Hvis statement? (vises kun på din skærm)",
    "runner.break_title": "Pause",
    "runner.at_time": "kl. {time}",
    "runner.blank_hint": "b eller Esc viser mødet igen",
    "runner.block_of": "punkt {number} af {count}",
    "runner.more_steps": "Der er mere: tryk r ({count} trin tilbage)",
    "runner.meeting_clock": "Mødet {elapsed} af {planned}  ·  {plan}",
    "runner.behind": "{minutes} bagud",
    "runner.ahead": "{minutes} foran",
    "runner.on_plan": "følger planen",
    "runner.paused": "Tiden står stille (pause). Tryk mellemrum for at fortsætte.",
    "runner.last_block": "Det er sidste punkt. Tryk e for at afslutte mødet.",
    "runner.resumed": "Mødet fortsætter, hvor I slap. Tiden står stille: tryk mellemrum.",
    "runner.carry_over": "Med fra sidste gang:",
    # --- the wall (projector window) ---
    "wall.waiting": "Venter på peertui …",
    "wall.waiting_help": (
        "Start peertui i et andet vindue på denne computer. Væggen kobler sig på af sig selv."
    ),
    "wall.gone": "Væggen venter på peertui og kobler sig på igen.",
    "wall.gone_room": "Skærmen kommer tilbage om et øjeblik.",
    "wall.unreachable": (
        "Væggen kan ikke koble sig på: datamappens sti er for lang, og der er ingen privat "
        "mappe at bruge i stedet (se docs/projector.md)."
    ),
    "wall.bigger_text": (
        "Væggen har {rows} rækker, og bogstaverne er små. Gør teksten større med Ctrl og + "
        "(i de fleste terminaler): omkring 24 rækker kan læses fra 6 meter."
    ),
    "wall.meeting_clock": "Mødet {elapsed} af {planned}",
    "wall.paused": "Pause i tiden",
    "wall.idle": "Velkommen",
    "wall.idle_room": "Godt, at I er her.",
    "wall.attached": "Væggen er tilsluttet: gruppen ser væggen, og noter bliver her.",
    "wall.detached": (
        "Væggen er ikke længere tilsluttet. Spejles skærmen, spørger peertui, "
        "før noget privat vises."
    ),
    "private.what.statement": "deltagerens statement",
    "private.what.worksheet": "deltagerens ark",
    "private.what.notes": "noterne til facilitatorerne",
    "private.what.participants": "listen over deltagerne",
    "private.what.log": "mødets log med jeres noter",
    "private.what.trainer_side": "trænerens spørgsmål og noter",
    "runner.wall_attached": "Væg tilsluttet: gruppen ser væggen. Noter bliver her.",
    "runner.no_wall": "Ingen væg: ses denne skærm af gruppen, spørger noter og deltagere først.",
    "log.put_off": "Mødet er slut. Loggen venter på gruppens side, til I har tid.",
    "private.ask": (
        "Der er ingen væg tilsluttet, så gruppen kan måske se denne skærm. Vis {what} alligevel?"
    ),
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
    "key.help": "Hjælp",
    "key.palette_help": "Find forløb, mødegange og guidesider",
    "cmd.open_course": "Åbn forløb: {title}",
    "cmd.open_meeting": "Åbn mødegang: {course} – {title}",
    "cmd.open_guide": "Åbn guide: {title}",
    "cmd.key_help": "Tast: {key}",
    "cmd.help_help": "Vis tasterne på denne skærm",
    "cmd.home": "Gå til forsiden",
    "cmd.home_help": "Listen over forløb og guidesider",
    "cmd.theme": "Skift farvetema",
    "cmd.theme_help": "Vælg farver der passer til skærmen eller projektoren",
    "cmd.quit": "Afslut peertui",
    "cmd.quit_help": "Luk programmet",
    # --- Textual's own words (peertui/ui/textual_words.py): the keys of its widgets ---
    "format.moment": "{day} kl. {time}",
    "palette.placeholder": "Søg efter kommandoer …",
    "palette.themes": "Søg efter farvetemaer …",
    "palette.no_matches": "Ingen kommandoer passer",
    "palette.how_to_quit": "Tryk {key} for at afslutte peertui.",
    "select.prompt": "Vælg",
    "textual.group.input": "Tekstfelt",
    "textual.bottom": "Nederst",
    "textual.top": "Øverst",
    "textual.home": "Længst til venstre",
    "textual.end": "Længst til højre",
    "textual.copy": "Kopiér",
    "textual.copy_selected_text": "Kopiér den markerede tekst",
    "textual.cut": "Klip",
    "textual.cut_selected_text": "Klip den markerede tekst",
    "textual.paste": "Sæt ind",
    "textual.paste_text_from_the_clipboard": "Sæt ind fra udklipsholderen",
    "textual.undo": "Fortryd",
    "textual.redo": "Gentag",
    "textual.cursor_up": "Op",
    "textual.cursor_down": "Ned",
    "textual.cursor_left": "Til venstre",
    "textual.cursor_right": "Til højre",
    "textual.cursor_up_select": "Markér op",
    "textual.cursor_down_select": "Markér ned",
    "textual.cursor_left_select": "Markér til venstre",
    "textual.cursor_right_select": "Markér til højre",
    "textual.cursor_word_left": "Et ord til venstre",
    "textual.cursor_word_right": "Et ord til højre",
    "textual.cursor_left_word_select": "Markér et ord til venstre",
    "textual.cursor_right_word_select": "Markér et ord til højre",
    "textual.cursor_line_start": "Til linjens start",
    "textual.cursor_line_end": "Til linjens slutning",
    "textual.cursor_line_start_select": "Markér til linjens start",
    "textual.cursor_line_end_select": "Markér til linjens slutning",
    "textual.cursor_page_up": "En side op",
    "textual.cursor_page_down": "En side ned",
    "textual.cursor_to_parent": "Til det overordnede punkt",
    "textual.cursor_to_next_ancestor": "Til næste overordnede punkt",
    "textual.cursor_to_next_sibling": "Til næste punkt på samme niveau",
    "textual.cursor_to_previous_sibling": "Til forrige punkt på samme niveau",
    "textual.delete_all_to_the_left": "Slet alt til venstre",
    "textual.delete_all_to_the_right": "Slet alt til højre",
    "textual.delete_character_left": "Slet tegnet til venstre",
    "textual.delete_character_right": "Slet tegnet til højre",
    "textual.delete_left_to_start_of_word": "Slet til ordets start",
    "textual.delete_right_to_start_of_word": "Slet til næste ords start",
    "textual.delete_line": "Slet linjen",
    "textual.delete_to_line_start": "Slet til linjens start",
    "textual.delete_to_line_end": "Slet til linjens slutning",
    "textual.dismiss_menu": "Luk listen",
    "textual.show_menu": "Åbn listen",
    "textual.up": "Op",
    "textual.down": "Ned",
    "textual.first": "Til den første",
    "textual.last": "Til den sidste",
    "textual.page_up": "En side op",
    "textual.page_down": "En side ned",
    "textual.page_left": "En side til venstre",
    "textual.page_right": "En side til højre",
    "textual.scroll_up": "Rul op",
    "textual.scroll_down": "Rul ned",
    "textual.scroll_left": "Rul til venstre",
    "textual.scroll_right": "Rul til højre",
    "textual.scroll_home": "Rul til toppen",
    "textual.scroll_end": "Rul til bunden",
    "textual.focus_next": "Til næste felt",
    "textual.focus_previous": "Til forrige felt",
    "textual.go_to_start": "Til starten",
    "textual.go_to_end": "Til slutningen",
    "textual.go_to_top": "Til toppen",
    "textual.go_to_bottom": "Til bunden",
    "textual.move_cursor_left": "Til venstre",
    "textual.move_cursor_right": "Til højre",
    "textual.move_cursor_left_a_word": "Et ord til venstre",
    "textual.move_cursor_right_a_word": "Et ord til højre",
    "textual.move_cursor_left_and_select": "Markér til venstre",
    "textual.move_cursor_right_and_select": "Markér til højre",
    "textual.move_cursor_left_a_word_and_select": "Markér et ord til venstre",
    "textual.move_cursor_right_a_word_and_select": "Markér et ord til højre",
    "textual.move_cursor_right_or_accept_the_completion_suggestion": (
        "Til højre, eller tag forslaget"
    ),
    "textual.select": "Vælg",
    "textual.select_all": "Markér alt",
    "textual.select_line": "Markér linjen",
    "textual.select_line_start": "Markér til linjens start",
    "textual.select_line_end": "Markér til linjens slutning",
    "textual.submit": "Send",
    "textual.toggle": "Slå til eller fra",
    "textual.toggle_option": "Slå valget til eller fra",
    "textual.toggle_collapsible": "Fold ud eller sammen",
    "textual.expand_or_collapse_all": "Fold alt ud eller sammen",
    "textual.next_option": "Næste valg",
    "textual.previous_option": "Forrige valg",
    "textual.next_tab": "Næste fane",
    "textual.previous_tab": "Forrige fane",
    "textual.next_command": "Næste kommando",
    "textual.previous_command": "Forrige kommando",
    "textual.next_page": "Næste side",
    "textual.previous_page": "Forrige side",
    "textual.exit_the_command_palette": "Luk kommandoerne",
    "textual.open_link": "Åbn linket",
    "textual.press_button": "Tryk på knappen",
    "textual.quit": "Afslut",
    "textual.quit_the_app_and_return_to_the_command_prompt": (
        "Luk peertui og vend tilbage til kommandolinjen"
    ),
    "textual.palette": "Kommandoer",
    "textual.open_the_command_palette": "Find forløb, mødegange og guidesider",
    # --- peertui check ---
    "check.ok": (
        "Alt i orden: {courses} forløb, {meetings} mødegange, {pages} guidesider, "
        "{scenarios} scenarier."
    ),
    "check.ok_files": "Alt i orden i {files}.",
    "check.summary": "{errors} fejl, {warnings} advarsler.",
    "check.summary_one_warning": "{errors} fejl, 1 advarsel.",
    "check.warning_prefix": "advarsel: ",
    "check.no_such_path": "findes ikke",
    "check.nothing_found": "ingen forløb (course.toml) eller guidesider (.md) her",
    "check.not_utf8": "filen er ikke gyldig UTF-8 (byte 0x{byte:02x}); gem den som UTF-8",
    "check.empty": "filen er tom",
    "check.too_big": "filen er for stor ({size} bytes, højst {limit})",
    "check.unreadable": "filen kan ikke læses ({reason})",
    "check.no_front_matter": (
        "filen skal starte med en linje med +++, så linjer med navn = værdi, og så en linje med +++"
    ),
    "check.unclosed_front_matter": "+++ åbnes her men lukkes aldrig med en linje med +++",
    "check.bad_toml": (
        "linjen kan ikke læses; den skal have formen navn = værdi, og tekst skal stå i "
        'anførselstegn, fx title = "Min titel"'
    ),
    "check.toml.missing_equals": (
        "der mangler et = efter navnet; linjen skal have formen navn = værdi, "
        'fx title = "Min titel"'
    ),
    "check.toml.bad_key": (
        "navnet før = må kun bestå af a-z, A-Z, tal, - og _ (ikke æ, ø, å eller mellemrum)"
    ),
    "check.toml.missing_value": "der mangler en værdi efter =",
    "check.toml.bad_value": (
        'værdien efter = kan ikke læses; tekst skal stå i anførselstegn ("sådan her"), '
        "mens tal og true/false skrives uden"
    ),
    "check.toml.inner_quote": (
        'teksten slutter for tidligt, fordi den selv indeholder et anførselstegn ("); '
        "brug ' eller « » inde i teksten"
    ),
    "check.toml.trailing": (
        "der står noget efter værdien som ikke hører til; skriv kun én værdi efter =, "
        "fx minutes = 20"
    ),
    "check.toml.unclosed_string": (
        "teksten mangler sit afsluttende anførselstegn ({quote}) i slutningen af linjen"
    ),
    "check.toml.unclosed_multiline": "teksten der begynder med {quote} slutter aldrig med {quote}",
    "check.toml.control_char": (
        "linjen indeholder et usynligt styretegn som ikke må stå der; skriv linjen igen"
    ),
    "check.toml.duplicate_key": "'{key}' står der mere end én gang; slet den ene",
    "check.toml.duplicate": "det samme navn står der mere end én gang; slet det ene",
    "check.toml.unclosed_list": (
        "listen mangler sit afsluttende ], eller der mangler komma mellem punkterne; "
        'skriv fx tags = ["a", "b"]'
    ),
    "check.toml.unclosed_braces": "der mangler et afsluttende } efter {",
    "check.toml.unclosed_header": "linjen med [ mangler sit afsluttende ]",
    "check.toml.backslash": (
        "en \\ inde i en tekst skal skrives som \\\\, eller sæt teksten i ' ' i stedet for \" \""
    ),
    "check.toml.bad_date": "datoen kan ikke læses; skriv den som 2026-11-09",
    "check.missing_key": "mangler '{key}'",
    "check.unknown_key": "ukendt nøgle '{key}' (kendte: {known})",
    "check.wrong_type": "'{key}' skal være {expected}",
    "check.type_text": "en tekst",
    "check.type_bool": "true eller false",
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
    # --- meeting scenarios (content/scenarios/) and the check of them ---
    "scenario.meeting.myndighedsmøde": "Myndighedsmøde",
    "scenario.meeting.behandlingsmøde": "Behandlingsmøde",
    "scenario.meeting.jobcenter": "Møde på jobcentret",
    "scenario.variant.uden-statement": "Uden statement",
    "scenario.variant.med-statement": "Med statement",
    "check.bad_choice": "'{key}' er '{value}'; brug en af: {known}",
    "check.duplicate_scenario": "scenarie-id '{id}' findes også i {other}",
    "check.scenario_outside_folder": (
        "et scenarie skal ligge i en mappe, der hedder scenarios, inde i en indholdsmappe"
    ),
    "check.scenario_no_scenes": "scenariet har ingen scener (## Overskrift med +++ og who)",
    "check.scenario_no_pause": "scenariet har ingen pausepunkter (::: pause med spørgsmål)",
    "check.scene_without_fences": "scenen '{title}' skal følges direkte af +++ med who",
    "check.scene_empty_title": "scenen mangler en titel efter ##",
    "check.scene_no_who": "'who' skal nævne mindst én person",
    "check.scene_empty": "scenen '{title}' har hverken tekst, replikker, tanker eller pauser",
    "check.speaker_not_in_scene": "'{name}' taler, men er ikke med i scenens who ({who})",
    "check.speech_empty": "replikken fra '{name}' er tom",
    "check.thoughts_without_citizen": (
        "tankerne er borgerens ({citizen}), men {citizen} er ikke med i scenens who"
    ),
    "check.thoughts_empty": "::: tanker er tom",
    "check.pause_no_questions": (
        "pausen har ingen spørgsmål; skriv dem som punkter: - Hvad tænker I?"
    ),
    "check.container_unclosed": "::: {word} lukkes aldrig med :::",
    "check.container_nested": "en ny ':::'-blok inde i ::: {word}; luk den første med ::: først",
    "check.container_close_without_open": "::: lukker en blok, men ingen blok er åbnet",
    "check.container_outside_scene": "::: {word} hører til i en scene (efter en ## overskrift)",
    "check.scenario_unknown_container": (
        "ukendt ':::'-linje; brug '::: tanker', '::: pause', '::: noter' og ':::'"
    ),
    "check.scenario_reveal": "'. . .' bruges ikke i scenarier; hver replik er allerede et trin",
    "check.h1_in_scenario": "brug ikke # overskrifter i et scenarie; titlen står i front matter",
    "check.unknown_pair": "'pair' peger på scenariet '{id}', som ikke findes",
    "check.pair_self": "'pair' peger på scenariet selv; det skal pege på den anden variant",
    "check.pair_other_meeting": "scenariet '{id}' i 'pair' handler om et andet møde ({meeting})",
    "check.pair_same_variant": (
        "scenariet '{id}' i 'pair' har samme variant; et par er ét uden og ét med statement"
    ),
    "check.pair_not_mutual": "scenariet '{id}' i 'pair' peger ikke tilbage hertil",
    "check.unknown_scenario": "punktet bruger scenariet '{id}', som ikke findes",
    # --- export ---
    "export.kind.statement": "Personligt statement",
    "export.kind.goals": "Personlige mål",
    "export.kind.safety_plan": "Tryghedsplan",
    "export.kind.network_map": "Netværkskort",
    "export.kind.group_summary": "Gruppeoversigt",
    "export.foot.statement": "Scan koden for at læse mere om personlige statements.",
    "export.foot.goals": "Scan koden for at læse mere om personlige mål.",
    "export.foot.safety_plan": "Scan koden for at læse mere om tryghedsplaner.",
    "export.foot.network_map": "Scan koden for at læse mere om netværkskort.",
    "export.foot.none": "Udskrevet med peertui.",
    "export.foot.group_summary": (
        "Til facilitatorerne. Oversigten indeholder ingen deltageres navne eller tekst."
    ),
    # The footer when the QR code carries the explanation (export.about.*), not an address.
    "export.foot.explains": "Scan koden for at læse, hvad arket handler om.",
    "export.org.logo": "Logo",
    # The PDF's title (its metadata): "Personligt statement – Maja", "Bevis – Lene".
    "export.title": "{kind} – {name}",
    "export.title.batch": "Ark fra peertui",
    "export.copy.title": "Digital kopi",
    "export.copy.help": (
        "Scan koden med telefonens kamera, så får du teksten herover. Koden er ikke et link: "
        "den indeholder kun teksten og sender intet nogen steder hen."
    ),
    "export.goal.number": "Mål {number}",
    "export.goal.why": "Derfor er det vigtigt for mig",
    "export.goal.first_step": "Mit første skridt",
    "export.goal.help_from": "Hvem kan hjælpe",
    "export.goal.when": "Hvornår",
    "export.goal.empty": "Der er ingen mål på arket endnu.",
    "export.safety.most_important": "Det vigtigste for mig",
    "export.safety.warning_signs": "Tegn på, at en krise kan være på vej",
    "export.safety.own_strategies": "Det kan jeg selv gøre",
    "export.safety.distractions": "Mennesker og steder, der kan give mig andre tanker",
    "export.safety.people_to_ask": "Dem kan jeg bede om hjælp",
    "export.safety.professionals": "Fagfolk og kriselinjer",
    "export.safety.safer_surroundings": "Sådan gør jeg mine omgivelser mere trygge",
    "export.network.help": (
        "Cirkel 1 er dem, der står dig nærmest. Cirkel 3 er dem, der er lidt længere væk."
    ),
    "export.network.col_name": "Navn",
    "export.network.col_ring": "Cirkel",
    "export.network.col_sector": "Område",
    "export.network.col_note": "Note",
    "export.network.empty": "Der er ingen personer på kortet endnu.",
    "export.network.people": "Personerne på kortet",
    "export.summary.participants": "{count} deltagere",
    "export.summary.col_meeting": "Mødegang",
    "export.summary.col_held": "Dato",
    "export.summary.col_planned": "Planlagt",
    "export.summary.col_actual": "Faktisk",
    "export.summary.col_difference": "Forskel",
    "export.summary.col_present": "Til stede",
    "export.summary.col_excused": "Afbud",
    "export.summary.col_absent": "Ikke mødt",
    "export.summary.intro": "Introduktion",
    "export.summary.meeting": "{number}. mødegang",
    "export.summary.minutes": "{minutes} min",
    "export.summary.total": "I alt",
    "export.summary.help": (
        "Forskel er faktisk minus planlagt tid, i minutter, for de mødegange hvor den faktiske "
        "tid er kendt."
    ),
    "export.file.statement": "personligt-statement",
    "export.file.goals": "personlige-maal",
    "export.file.safety_plan": "tryghedsplan",
    "export.file.network_map": "netvaerkskort",
    "export.file.group_summary": "gruppeoversigt",
    "export.file.batch": "peertui-ark",
    "export.file.participant": "deltager",
    "export.nothing": "Der er ingen ark at udskrive.",
    "export.digital_copy_too_long": (
        "Teksten er for lang til en digital kopi, der kan scannes sikkert fra papir "
        "(ca. {words} ord for meget). Arket er lavet uden den digitale kopi; med kortere "
        "svar bliver der plads til den."
    ),
    "export.bad_link": (
        "Guidens adresse kan ikke blive til en QR-kode: den skal starte med https:// eller "
        "http:// og være højst {limit} tegn. Intet er udskrevet."
    ),
    "export.uncovered_characters": (
        "Nogle tegn (fx visse emoji) findes ikke i arkets skrifttyper og bliver vist som en "
        "firkant på papiret. I PDF-filens tekst er de med."
    ),
    "export.exists": (
        "{count} af filerne findes allerede i {dir}. Intet er overskrevet. Vælg en anden "
        "mappe, eller vælg at overskrive."
    ),
    "export.no_folder": "Mappen {dir} findes ikke. Vælg en mappe, der findes.",
    "export.not_writable": "peertui må ikke skrive i mappen {dir}. Vælg en anden mappe.",
    "export.disk_full": (
        "Der er ikke plads på disken til {dir}. Den fil, der var ved at blive skrevet, er "
        "ikke gemt. Gør plads, og prøv igen."
    ),
    "export.write_failed": (
        "Kunne ikke gemme i mappen {dir} (fejl {code}). Den fil, der var ved at blive "
        "skrevet, er ikke gemt. Prøv igen, eller vælg en anden mappe."
    ),
    "export.pdf_unavailable": (
        "PDF-udskrift kræver WeasyPrint og systembibliotekerne Pango og HarfBuzz, og de "
        "mangler på denne computer. Kør 'make setup' for at se, hvad der skal installeres."
    ),
    # --- printing from the store: peertui export and the export screen ---
    "export.plan.no_printing_consent": (
        "Deltagere uden samtykke til udskrift er ikke med: {count}."
    ),
    "export.plan.missing": "Deltagere med samtykke, men uden {kind}: {count}.",
    "export.plan.kind.statement": "personligt statement",
    "export.plan.kind.goals": "personlige mål",
    "export.plan.kind.safety": "tryghedsplan",
    "export.plan.kind.network": "netværkskort",
    "export.plan.copy_without_consent": (
        "Statements uden digital kopi, fordi der ikke er samtykke til den: {count}."
    ),
    "export.cli.default_out": "Ingen --out: filerne lægges i {dir}.",
    "export.cli.created": "Mappen {dir} er oprettet; kun du kan åbne den.",
    "export.cli.notice": "{file}: {message}",
    "export.cli.done.one": "{count} fil er skrevet i {dir}.",
    "export.cli.done.other": "{count} filer er skrevet i {dir}.",
    "export.cli.no_group": (
        "Gruppen '{ref}' findes ikke i datamappen {dir}. En anden mappe vælges med --data-dir."
    ),
    "cli.help.print": "udskriv ark som PDF: statements, arbejdsark, gruppeoversigt",
    "cli.desc.print": (
        "Laver A4-ark som PDF-filer til en gruppe. Kun deltagere med samtykke til udskrift "
        "kommer med; en digital kopi kun med --digital-copy og deltagerens samtykke. "
        "Læser datamappen uden at ændre den, så det virker, mens peertui kører. Skriver "
        "stien til hver fil."
    ),
    "cli.help.print_group": "gruppens id eller præcise navn",
    "cli.help.print_participant": "kun denne deltager (id eller fornavn/kaldenavn)",
    "cli.help.print_what": (
        "hvilke ark: statement (standard), goals, safety, network, summary "
        "(gruppeoversigten) eller all (alle fire ark pr. deltager og gruppeoversigten)"
    ),
    "cli.help.print_out": (
        "mappe til filerne, ellers ./peertui-udskrifter (oprettes, hvis den mangler)"
    ),
    "cli.help.print_link": "adresse til QR-koden nederst på arkene i stedet for guidens",
    "cli.help.print_digital_copy": (
        "digital kopi af statementet som QR-kode, for deltagere med samtykke til det"
    ),
    "cli.help.print_one_file": "alle ark i én PDF-fil",
    "cli.help.print_force": "overskriv filer, der findes i forvejen",
    "export.screen.title": "Udskriv ark som PDF",
    "export.screen.what": "Hvad skal udskrives?",
    "export.screen.what.statement": "Personligt statement",
    "export.screen.what.goals": "Personlige mål",
    "export.screen.what.safety": "Tryghedsplan",
    "export.screen.what.network": "Netværkskort",
    "export.screen.what.summary": "Gruppeoversigt (fremmøde og tid)",
    "export.screen.what.all": "Det hele: alle fire ark og gruppeoversigten",
    "export.screen.who": "Til hvem?",
    "export.screen.whole_group.one": "Hele gruppen ({count} deltager)",
    "export.screen.whole_group.other": "Hele gruppen ({count} deltagere)",
    "export.screen.one": "Kun {alias}",
    "export.screen.digital_copy": "Digital kopi (QR-kode med statementets tekst)",
    "export.screen.copy_consents": (
        "Kun for deltagere, der har givet samtykke til en digital kopi: {count} i gruppen."
    ),
    "export.screen.no_copy_consent": "Ingen i gruppen har givet samtykke til en digital kopi.",
    "export.screen.one_file": "Alle ark i én PDF-fil",
    "export.screen.force": "Overskriv filer, der findes i forvejen",
    "export.screen.out": "Mappe",
    "export.screen.out_help": (
        "Mangler mappen, oprettes den, så kun du kan åbne den. Filnavnene siger ikke, hvem "
        "et ark er til; listen her gør."
    ),
    "export.screen.start": "Udskriv",
    "export.screen.preparing": "Gør klar til {total} ark …",
    "export.screen.running": "Laver ark: {done} af {total}",
    "export.screen.done.one": "Færdig: {count} fil i {dir}",
    "export.screen.done.other": "Færdig: {count} filer i {dir}",
    "export.screen.summary_owner": "Gruppeoversigt",
    "export.screen.busy": "Udskriften kører. Vent, til den er færdig.",
    "export.screen.no_folder": "Skriv, hvilken mappe filerne skal lægges i.",
    # --- errors shown instead of tracebacks ---
    "error.unexpected": (
        "Der skete en uventet fejl ({kind}). Intet er blevet slettet. "
        "Start peertui igen; hjælper det ikke, så kontakt den der vedligeholder peertui."
    ),
    # --- store: data folder, saving, recovery (peertui/store) ---
    "store.locked": (
        "Datamappen {dir} bruges allerede af et andet peertui (proces {pid}, startet {started}). "
        "Luk det først, eller åbn skrivebeskyttet."
    ),
    "store.locked_no_time": (
        "Datamappen {dir} bruges allerede af et andet peertui (proces {pid}). "
        "Luk det først, eller åbn skrivebeskyttet."
    ),
    "store.locked_unknown": (
        "Datamappen {dir} bruges allerede af et andet peertui. "
        "Luk det først, eller åbn skrivebeskyttet."
    ),
    "store.lock_not_a_file": (
        "Låsefilen peertui.lock i datamappen {dir} er ikke en almindelig fil, så peertui rører "
        "den ikke: flyt den væk, og start peertui igen."
    ),
    "store.lock_other_owner": (
        "Låsefilen peertui.lock i datamappen {dir} tilhører en anden bruger, så peertui rører "
        "den ikke: flyt den væk, og start peertui igen."
    ),
    "store.opened_read_only": "{reason} peertui er åbnet skrivebeskyttet: intet bliver gemt.",
    "store.read_only": "peertui er åbnet skrivebeskyttet, så intet kan gemmes her.",
    "store.closed": "Datamappen er lukket. Start peertui igen.",
    "store.damaged": (
        "Datafilen {file} er beskadiget og kan ikke læses. Den bliver ikke ændret. "
        "Kør 'peertui data restore' for at hente den nyeste gode sikkerhedskopi."
    ),
    "store.missing": (
        "Datafilen {file} mangler. Kør 'peertui data restore' for at hente den nyeste gode "
        "sikkerhedskopi."
    ),
    "store.too_new": (
        "Datafilen {file} er gemt af en nyere udgave af peertui (version {found} af dataformatet; "
        "denne udgave kender op til {supported}). Opdatér peertui. Intet er ændret."
    ),
    "store.too_old": (
        "Datafilen {file} er gemt af en tidlig prøveudgave af peertui (skema {found}). "
        "Denne udgave læser skema {oldest} og nyere, og filen er ikke ændret."
    ),
    "store.erasure_unfinished.disk_full": (
        "Sletningen er ikke gjort færdig, fordi disken er fuld. Den er skrevet ned og gøres "
        "færdig, næste gang peertui åbner datamappen. Frigør plads, og start peertui igen."
    ),
    "store.erasure_unfinished.read_only": (
        "Sletningen er ikke gjort færdig, fordi der ikke må skrives i datamappen. Den gøres "
        "færdig, næste gang peertui kan skrive i mappen."
    ),
    "store.erasure_unfinished.other": (
        "Sletningen er ikke gjort færdig, fordi en fil ikke kunne skrives. Den gøres færdig, "
        "næste gang peertui åbner datamappen."
    ),
    "store.erasure_not_begun": (
        "Intet er slettet: sletningen kunne ikke skrives ned ({reason}). Prøv igen."
    ),
    "store.erasures_pending.one": (
        "{count} sletning er ikke gjort færdig. Den gøres færdig, næste gang peertui "
        "åbner datamappen med skriveadgang."
    ),
    "store.erasures_pending.other": (
        "{count} sletninger er ikke gjort færdig. De gøres færdig, næste gang peertui "
        "åbner datamappen med skriveadgang."
    ),
    "store.erasures_finished": "En afbrudt sletning er nu gjort færdig.",
    "store.import_unfinished": (
        "Importen er ikke helt på plads endnu. Den gøres færdig, næste gang peertui åbner "
        "datamappen; intet er blandet sammen."
    ),
    "store.import_pending": (
        "En import blev afbrudt. Den gøres færdig, næste gang peertui åbner datamappen med "
        "skriveadgang. Indtil da vises dataene, som de er efter importen."
    ),
    "store.import_finished": "En afbrudt import er nu gjort færdig.",
    "store.unreadable": "Datafilen {file} kan ikke læses ({code}). Tjek mappens rettigheder.",
    "store.unsafe_dir": (
        "Mappen {dir} indeholder andre filer end peertuis. Vælg en tom mappe eller en "
        "peertui-datamappe; peertui skriver ikke i andre mapper."
    ),
    "store.save_failed.disk_full": (
        "Kunne ikke gemme ({file}): disken er fuld. Det, du har skrevet, er ikke gemt endnu. "
        "Gør plads på disken og gem igen."
    ),
    "store.save_failed.read_only": (
        "Kunne ikke gemme ({file}): der må ikke skrives i datamappen ({code}). Det, du har "
        "skrevet, er ikke gemt endnu."
    ),
    "store.save_failed.other": (
        "Kunne ikke gemme ({file}): fejl {code} fra disken. Det, du har skrevet, er ikke gemt "
        "endnu. Prøv at gemme igen."
    ),
    "store.no_good_backup": (
        "Der er ingen brugbar sikkerhedskopi af {file}. Filen er ikke ændret; kontakt den, der "
        "vedligeholder peertui."
    ),
    "store.cpr_refused": (
        "Der står noget, der ligner et CPR-nummer, i '{field}'. peertui gemmer aldrig "
        "CPR-numre, så det er ikke gemt. Brug fornavn eller kaldenavn, og fjern tallet."
    ),
    "store.consent_missing": "Deltageren har ikke givet samtykke til: {purpose}. Intet er gemt.",
    "store.ambiguous_group": "Flere grupper hedder '{ref}'. Brug gruppens id: {ids}",
    "store.forgotten_placeholder": "[slettet]",
    "store.retention_reminder.one": (
        "{count} gruppe er forbi slettedatoen: {names}. Kør 'peertui purge' for at slette den."
    ),
    "store.retention_reminder.other": (
        "{count} grupper er forbi slettedatoen: {names}. Kør 'peertui purge' for at slette dem."
    ),
    "store.not_found.group": "Gruppen '{ref}' findes ikke.",
    "store.not_found.participant": "Deltageren findes ikke i gruppen.",
    "store.not_found.statement": "Det personlige statement findes ikke.",
    "store.not_found.trainee": "Kursisten findes ikke.",
    "store.not_found.teaching": "Undervisningen findes ikke i kursistens log.",
    "store.invalid.contact_for_citizens": (
        "Borgerkontakt angives kun for kolleger: borgere tæller altid."
    ),
    "store.invalid.contact": "Borgerkontakt skal være ja, nej eller ikke udfyldt.",
    "store.invalid.day": "Datoen er ikke en dato.",
    "store.invalid.count": "Antal personer skal være et helt tal fra 1 til 100.",
    "store.not_found.damaged_file": "{ref} er ikke beskadiget.",
    "store.invalid.field": "'{field}' {problem}.",
    "reason.disk_full": "disken er fuld",
    "reason.read_only": "der må ikke skrives i datamappen",
    "reason.other": "en fil kunne ikke skrives",
    "store.invalid.text": "'{field}' skal være en tekst.",
    "store.invalid.empty": "'{field}' må ikke være tom.",
    "store.invalid.too_long": "'{field}' er for lang (højst {limit} tegn).",
    "store.invalid.too_many": "'{field}' har for mange punkter (højst {limit}).",
    "store.invalid.choice": "'{field}' skal være en af: {allowed}.",
    "store.invalid.answers": "Et personligt statement har {count} svar.",
    "store.invalid.alias_taken": (
        "Der er allerede en deltager med det navn i gruppen. Vælg et andet."
    ),
    "store.invalid.retention_before_start": "Slettedatoen kan ikke ligge før startdatoen.",
    # what a stored document must look like (import and data files)
    "shape.at": "{path}: {problem}",
    "shape.object": "skal være et objekt {{...}}",
    "shape.list": "skal være en liste [...]",
    "shape.missing": "mangler '{key}'",
    "shape.unknown_key": "ukendt felt '{key}'",
    "shape.too_many": "for mange elementer (højst {limit})",
    "shape.text": "skal være en tekst",
    "shape.too_long": "teksten er for lang (højst {limit} tegn)",
    "shape.empty": "må ikke være tom",
    "shape.cpr": "ligner et CPR-nummer; peertui gemmer aldrig CPR-numre",
    "shape.id": "er ikke et gyldigt id",
    "shape.integer": "skal være et helt tal",
    "shape.range": "skal være mellem {low} og {high}",
    "shape.boolean": "skal være true eller false",
    "shape.choice": "skal være en af: {allowed}",
    "shape.date": "skal være en dato som 2025-03-04",
    "shape.datetime": "skal være et tidspunkt som 2025-03-04T10:15:00Z",
    "shape.answers": "skal have præcis {count} svar",
    "shape.empty_list": "må ikke være tom",
    "shape.duplicate": "findes to gange",
    "shape.dangling": "peger på en deltager, som ikke er i gruppen",
    "shape.retention_before_start": "slettedatoen ligger før startdatoen",
    "shape.contact_for_citizens": "borgerkontakt gælder kun undervisning af kolleger",
    "shape.at_least": "skal være mindst {limit}",
    "shape.at_most": "må højst være {limit}",
    "shape.invalid": "har en værdi, som ikke kan bruges her",
    "shape.https": "skal være en adresse, der begynder med https://",
    # names of fields, used in messages
    "field.group_name": "Gruppens navn",
    "field.name": "Navn",
    "field.course": "Forløb",
    "field.facilitators": "Facilitatorer",
    "field.alias": "Fornavn eller kaldenavn",
    "field.purpose": "Samtykke",
    "field.status": "Fremmøde",
    "field.meeting": "Mødegang",
    "field.website": "Hjemmeside",
    "field.line": "Beskrivelse",
    "field.contact": "Kontakt",
    "field.signers": "Underskrifter",
    "field.logo": "Logo",
    "field.links": "Links",
    "field.answers": "Personligt statement",
    "field.occasion": "Anledning",
    # --- the road to the certificate (peertui/training.py) ---
    "training.role.peer": "Peer-medarbejder",
    "training.role.staff": "Medarbejder",
    "training.audience.colleagues": "Kolleger",
    "training.audience.citizens": "Borgere",
    "training.status.ready": "klar til bevis",
    "training.status.late": "frist overskredet",
    "training.status.count": "{counted} af {needed}",
    "training.status.certified": "bevis udstedt {day}",
    "training.explain.window": "Kursusdag {course_day}. Undervisning tæller til og med {deadline}.",
    "training.explain.counted": "{counted} af {needed} personer undervist, som tæller.",
    "training.explain.met": "Klar til bevis: nået {met_on}.",
    "training.explain.missing": "Mangler {missing} senest {deadline}.",
    "training.people.one": "{count} person",
    "training.people.other": "{count} personer",
    "training.explain.late": (
        "Fristen {deadline} er overskredet, og der mangler {missing}. "
        "Tal med underviseren om, hvad I gør nu."
    ),
    "training.explain.not_counted": ("Undervisningen {held} ({count}) tæller ikke: {reason}"),
    "training.reason.ok": "den tæller.",
    "training.reason.before_course": "den ligger før kursusdagen.",
    "training.reason.after_deadline": "den ligger efter fristen.",
    "training.reason.no_citizen_contact": "kollegerne har ikke borgerkontakt.",
    "training.reason.contact_unknown": ("det er ikke udfyldt, om kollegerne har borgerkontakt."),
    "field.organisation": "Arbejdssted",
    "field.role": "Rolle",
    "field.audience": "Hvem blev undervist",
    "field.teaching_note": "Note",
    "field.count": "Antal personer",
    "field.text": "Mål",
    "field.first_step": "Første skridt",
    "field.help_from": "Hjælp fra",
    "field.when": "Hvornår",
    "field.why": "Hvorfor det er vigtigt",
    "field.kind": "Arbejdsark",
    "field.warning_signs": "Advarselstegn",
    "field.own_strategies": "Det kan jeg selv gøre",
    "field.distractions": "Mennesker og steder, der aflede",
    "field.people_to_ask": "Dem kan jeg bede om hjælp",
    "field.professionals": "Fagfolk og kriselinjer",
    "field.safer_surroundings": "Gøre mine omgivelser mere sikre",
    "field.most_important": "Det vigtigste for mig",
    "field.note": "Note",
    "field.title": "Punkt",
    "field.notes": "Noter",
    "field.reflection": "Refleksion",
    "field.carry_over": "Til næste gang",
    # the store's vocabularies, for the screens
    "consent.taking_part": "at deltage i gruppen",
    "consent.store_statement": "at gemme sit personlige statement og sine arbejdsark",
    "consent.printing": "at få det udskrevet",
    "consent.digital_copy": "at få en digital kopi",
    "attendance.present": "Til stede",
    "attendance.absent": "Ikke mødt",
    "attendance.excused": "Meldt afbud",
    "worksheet.goals": "Personlige mål",
    "worksheet.safety_plan": "Tryghedsplan",
    "worksheet.network_map": "Netværkskort",
    "statement.prompt.1": "Sådan vil jeg introducere mig selv",
    "statement.prompt.2": "Det er vigtigt for mig at …",
    "statement.prompt.3": "Jeg vil gerne have hjælp til …",
    "statement.prompt.4": "Så jeg kan …",
    "checklist.plan_followed": "Vi fulgte dagsordenen",
    "checklist.everyone_heard": "Alle fik mulighed for at tale",
    "checklist.agreements_kept": "Gruppeaftalerne blev holdt",
    "checklist.shared_as_equals": "Vi delte egne erfaringer som ligeværdige",
    "checklist.own_words_and_hope": "Der var plads til egne ord og håb",
    "checklist.ended_on_time": "Vi sluttede til tiden",
    "sector.family": "Familie",
    "sector.friends": "Venner",
    "sector.work_school": "Arbejde og skole",
    "sector.leisure": "Fritid",
    "sector.professionals": "Fagfolk",
    "sector.online": "Online",
    "audience.colleagues": "kolleger",
    "audience.citizens": "borgere",
    # --- the worksheets: personal goals, safety plan, network map (ui/screens/goals.py ...) ---
    "worksheet.title": "{kind} – {alias}",
    "worksheet.consent_given": "Samtykke til at gemme: {day}",
    "worksheet.leave_unsaved": (
        "Arket er IKKE gemt. Tryk esc igen for at gå alligevel (det, der ikke er gemt, går tabt)."
    ),
    "worksheet.history_title": "Tidligere udgaver – {kind}",
    "worksheet.history_empty": "Der er ingen tidligere udgaver endnu.",
    "worksheet.history_restore": "Hent denne udgave tilbage",
    "worksheet.history_restored": "Udgaven fra {when} er hentet tilbage og gemt som den nyeste.",
    "worksheet.history_newest": "nyeste",
    "worksheet.history_summary.goals": "{count} mål",
    "worksheet.history_summary.safety_plan.one": "{count} punkt",
    "worksheet.history_summary.safety_plan.other": "{count} punkter",
    "worksheet.history_summary.network_map.one": "{count} person",
    "worksheet.history_summary.network_map.other": "{count} personer",
    "worksheet.key_restore": "Hent tilbage",
    "worksheet.key_new_goal": "Nyt mål",
    "worksheet.key_delete_goal": "Slet mål",
    "worksheet.key_new_person": "Ny person",
    "worksheet.key_delete_person": "Slet person",
    "worksheet.key_view": "Kort / liste",
    "worksheet.empty": "…",
    "worksheet.wall_confirm": "Har {alias} sagt ja til, at arket «{kind}» vises på væggen nu?",
    "worksheet.wall_shown": "Arket vises på væggen. Tryk ctrl+o igen for at fjerne det.",
    "worksheet.wall_hidden": "Arket er fjernet fra væggen.",
    "worksheet.lines_cut": "Højst {limit} linjer i et afsnit; linjerne efter er skåret fra.",
    "goals.intro": (
        "Med deltagerens egne ord. Et lille første skridt er nok; I kan kigge på målet igen senere."
    ),
    "goals.limits": "Højst {long} tegn i de lange felter, {short} i de korte; højst {goals} mål.",
    "goals.number": "Mål {number}",
    "goals.field.text": "Mit mål – det vil jeg gerne",
    "goals.field.why": "Derfor er det vigtigt for mig",
    "goals.field.first_step": "Mit første lille skridt",
    "goals.field.help_from": "Hvem kan hjælpe mig",
    "goals.field.when": "Hvornår kigger jeg på det igen",
    "goals.too_many": "Der kan højst være {count} mål på arket.",
    "goals.confirm_delete": "Slet mål {number}? Det står stadig i de tidligere udgaver.",
    "goals.deleted": "Mål {number} er slettet.",
    "goals.none": "Der er ingen mål endnu. Tryk ctrl+n for at skrive det første.",
    "safety.intro": (
        "En plan til svære stunder, skrevet før de kommer, med deltagerens egne ord. "
        "Ét punkt pr. linje."
    ),
    "safety.limits": "Højst {limit} tegn og {lines} linjer i hvert afsnit.",
    "safety.section.warning_signs": "1. Tegn på, at en krise kan være på vej",
    "safety.section.own_strategies": "2. Det kan jeg selv gøre",
    "safety.section.distractions": "3. Mennesker og steder, der kan give mig andre tanker",
    "safety.section.people_to_ask": "4. Dem kan jeg bede om hjælp",
    "safety.section.professionals": "5. Fagfolk og kriselinjer",
    "safety.section.safer_surroundings": "6. Sådan gør jeg mine omgivelser mere trygge",
    "safety.section.most_important": "Det vigtigste for mig – det, der er værd at holde fast i",
    "safety.guide.warning_signs": (
        "Tanker, følelser eller ting, jeg gør, når det begynder at gå skævt."
    ),
    "safety.guide.own_strategies": (
        "Det, der plejer at hjælpe lidt, uden at jeg skal kontakte nogen."
    ),
    "safety.guide.distractions": "Hvor kan jeg gå hen, og hvem kan jeg være sammen med?",
    "safety.guide.people_to_ask": "Navne og gerne telefonnumre på dem, jeg kan ringe til.",
    "safety.guide.professionals": (
        "Kontaktperson, behandler og kriselinjer. Numrene er fyldt ud på forhånd; ret dem gerne."
    ),
    "safety.guide.safer_surroundings": "Det, der gør det tryggere omkring mig, når det er svært.",
    "safety.guide.most_important": "Mennesker, dyr, ting eller drømme, der betyder noget for mig.",
    "safety.crisis.1": "Livslinien: 70 201 201",
    "safety.crisis.2": "Alarm 112 ved akut fare",
    "safety.crisis.3": "Den psykiatriske akutmodtagelse i din region",
    "network.intro": "Personerne i deltagerens liv. Cirkel 1 er tættest på, cirkel 3 længst væk.",
    "network.limits": "Navn højst {name} tegn, note højst {note}; højst {people} personer.",
    "network.field.name": "Navn eller kaldenavn",
    "network.field.ring": "Cirkel",
    "network.field.sector": "Område",
    "network.field.note": "Note (kan være tom)",
    "network.col.name": "Navn",
    "network.col.ring": "Cirkel",
    "network.col.sector": "Område",
    "network.col.note": "Note",
    "network.ring.1": "1 – tættest på",
    "network.ring.2": "2 – tæt på",
    "network.ring.3": "3 – længere væk",
    "network.no_name": "(uden navn – kommer på kortet, når der står et navn)",
    "network.none": "Kortet er tomt. Tryk ctrl+n for at sætte den første person på.",
    "network.pick": "Vælg en person i listen, eller tryk ctrl+n for en ny.",
    "network.too_many": "Der kan højst være {count} personer på kortet.",
    "network.confirm_delete": (
        "Slet {name} fra kortet? Personen står stadig i de tidligere udgaver."
    ),
    "network.deleted": "{name} er slettet fra kortet.",
    "network.more": "+{count}",
    "network.not_drawn": "+{count} ikke tegnet – se listen",
    "network.small": "{alias}: {count} personer (vinduet er for lille til kortet)",
    "network.to_list": "ctrl+l: listen og redigering",
    "network.to_map": "ctrl+l: tilbage til kortet",
    # --- peertui (the command line: peertui/cli/) ---
    "cli.desc.main": "Kør peer-støttegrupper fra terminalen.",
    "cli.help.data_dir": "datamappe (ellers PEERTUI_DATA_DIR eller brugerens datamappe)",
    "cli.help.content": "indholdsmappe i stedet for det indbyggede (kan gives flere gange)",
    "cli.help.check": "tjek forløb, guidesider og mødescenarier for fejl",
    "cli.desc.check": (
        "Tjekker forløb (sessions/), guidesider (content/) og mødescenarier "
        "(content/scenarios/). Skriver hver fejl som sti:linje: besked. Afslutter med 1 ved fejl."
    ),
    "cli.help.check_paths": "filer eller mapper at tjekke",
    "cli.help.wall": "vis væggen (projektoren) i dette vindue",
    "cli.desc.wall": (
        "Viser det, gruppen skal se, stort, i dette vindue. Følger den peertui, "
        "der kører på samme datamappe. Læser kun; skriver intet."
    ),
    "cli.help.wall_data_dir": "datamappe",
    # --- peertui data / forget / purge / demo ---
    "cli.help.data": "eksportér, importér eller gendan data",
    "cli.desc.data": (
        "Hele datamappen som én JSON-fil, ind og ud, og gendannelse fra sikkerhedskopier."
    ),
    "cli.help.yes": "spørg ikke først (til scripts)",
    "cli.help.export": "skriv alle data til en JSON-fil",
    "cli.desc.export": (
        "Skriver alle grupper, deltagere, statements, arbejdsark, mødelogs og kursister til én "
        "JSON-fil. Filen indeholder helbredsoplysninger: opbevar den sikkert."
    ),
    "cli.help.export_force": "overskriv filen, hvis den findes",
    "cli.help.import": "læs data fra en JSON-fil (alt eller intet)",
    "cli.desc.import": (
        "Tjekker hele filen først; ved fejl ændres intet. Som standard flettes: nye grupper "
        "tilføjes, ens grupper springes over, og en gruppe, der findes med andet indhold, "
        "stopper importen. Med --replace bliver datamappen præcis som filen."
    ),
    "cli.help.import_replace": "erstat alt i datamappen med filens indhold",
    "cli.help.restore": "gendan beskadigede filer fra den nyeste gode sikkerhedskopi",
    "cli.desc.restore": (
        "Finder beskadigede datafiler, viser den nyeste gode sikkerhedskopi og gendanner den, "
        "når du siger ja. Den beskadigede fil flyttes til damaged/ og slettes ikke."
    ),
    "cli.help.restore_list": "vis sikkerhedskopierne for hver datafil",
    "cli.help.info": "vis hvor data ligger, og hvad der er i mappen",
    "cli.desc.info": "Viser datamappen, grupperne og deres slettedatoer.",
    "cli.help.forget": "slet en deltager helt, også i sikkerhedskopier",
    "cli.desc.forget": (
        "Sletter en deltager fra gruppen: samtykker, fremmøde, statements med alle versioner, "
        "arbejdsark, og deltagerens navn i mødelogs. Også i alle sikkerhedskopier. Kan ikke "
        "fortrydes."
    ),
    "cli.help.forget_group": "gruppens id eller præcise navn",
    "cli.help.forget_participant": "deltagerens (eller kursistens) id eller fornavn/kaldenavn",
    "cli.help.purge": "slet grupper, der er forbi slettedatoen",
    "cli.desc.purge": (
        "Sletter hver gruppe, hvis slettedato er overskredet, med alle sikkerhedskopier. "
        "Kan ikke fortrydes."
    ),
    "cli.help.today": "regn med denne dato som i dag",
    "cli.help.organisation": "vis eller ret organisationen bag ark og beviser",
    "cli.desc.organisation": (
        "Organisationens navn, en beskrivende linje, hjemmeside, kontaktlinje, logo og "
        "underskrifter står på alle ark og beviser. Uden hjemmeside forklarer QR-koden arket "
        "i stedet for at linke."
    ),
    "cli.help.org_show": "vis organisationen",
    "cli.help.org_set": "ret organisationen (kun de felter, der gives)",
    "cli.help.org_name": "organisationens navn",
    "cli.help.org_line": "en beskrivende linje under navnet",
    "cli.help.org_website": "hjemmeside (https://…); tom tekst fjerner den",
    "cli.help.org_contact": "en kontaktlinje, fx telefon eller mail",
    "cli.help.org_signer": "en rolle, der skriver under på beviset (kan gives op til tre gange)",
    "cli.help.org_logo": "et logo som PNG eller JPEG (højst 2 MB)",
    "cli.help.org_no_logo": "fjern logoet",
    "cli.help.demo": "fyld en datamappe med en opdigtet demogruppe",
    "cli.desc.demo": (
        "Lægger en opdigtet gruppe med 8 deltagere i datamappen, så du kan se dig omkring. "
        "Nægter, hvis mappen har data; med --force laves demogruppen på ny, men kun hvis "
        "mappen ikke indeholder andet end demodata."
    ),
    "cli.help.demo_force": "lav demogruppen på ny (kun hvis mappen kun har demodata)",
    "cli.bad_date": "'{value}' er ikke en dato som 2025-03-04",
    "cli.need_yes": "Svar ja med --yes, når peertui ikke kører i en terminal. Intet er ændret.",
    "cli.cancelled": "Afbrudt. Intet er ændret.",
    "cli.interrupted": "Afbrudt.",
    # the command line's placeholders in --help (peertui/cli/); click's own words are in
    # peertui/locale/da/LC_MESSAGES/click.po
    "cli.metavar.options": "[TILVALG]",
    "cli.metavar.command": "KOMMANDO [ARGUMENTER]...",
    "cli.metavar.action": "HANDLING [ARGUMENTER]...",
    "cli.metavar.folder": "MAPPE",
    "cli.metavar.path": "STI",
    "cli.metavar.group": "GRUPPE",
    "cli.metavar.participant": "DELTAGER",
    "cli.metavar.trainee": "KURSIST",
    "cli.metavar.json_file": "FIL.json",
    "cli.metavar.file": "FIL",
    "cli.metavar.date": "DD.MM.ÅÅÅÅ",
    "cli.metavar.name": "NAVN",
    "cli.metavar.text": "TEKST",
    "cli.metavar.role": "ROLLE",
    "data.exported": (
        "Eksporteret til {file} ({size} bytes). Grupper: {groups}. Kursister: {trainees}. "
        "Filen indeholder helbredsoplysninger: opbevar den sikkert, og slet den, når den er brugt."
    ),
    "data.import_replace_confirm": (
        "Datamappen har {groups} grupper. Alt erstattes af filens {new} grupper. Fortsæt?"
    ),
    "data.imported_merge": (
        "Importeret: {added} nye grupper, {kept} uændrede, {trainees} nye kursister."
    ),
    "data.imported_replace": (
        "Importeret: {added} nye grupper, {kept} erstattet, {removed} fjernet, "
        "{trainees} kursister."
    ),
    "data.info_folder": "Datamappe: {dir}",
    "data.info_counts": "Grupper: {groups}. Kursister: {trainees}.",
    "data.info_group": "  {id}  {name} (slettes efter {retention})",
    "data.info_store": "fælles fil",
    "restore.nothing": "Alle datafiler i {dir} kan læses. Der er intet at gendanne.",
    "restore.damaged": "{file} er beskadiget.",
    "restore.offer": "Den nyeste gode sikkerhedskopi ({name}) er fra {when}.",
    "restore.confirm": "Gendan den? Den beskadigede fil gemmes i damaged/.",
    "restore.done": "{file} er gendannet fra sikkerhedskopien fra {when}.",
    "restore.list_line": "{file} {name}: {count} sikkerhedskopier, nyeste {newest}",
    "forget.usage": (
        "Brug: peertui forget --group GRUPPE --participant DELTAGER (en kursist er deltager i "
        "sin kursusgruppe)."
    ),
    "forget.confirm": (
        "Slet {alias} helt fra gruppen {group}, også i alle sikkerhedskopier? "
        "Det kan ikke fortrydes."
    ),
    "forget.done": (
        "Slettet. {rewritten} filer er skrevet om uden deltageren, {deleted} filer er slettet. "
        "Husk eksporter og udskrifter uden for peertui."
    ),
    "forget.finished_now": (
        "En afbrudt sletning af deltageren er nu gjort færdig: deltageren findes ikke længere "
        "i gruppen eller i sikkerhedskopierne. Husk eksporter og udskrifter uden for peertui."
    ),
    "purge.nothing": "Ingen grupper er forbi slettedatoen.",
    "purge.item": "  {name} ({id}), slettedato {retention}",
    "purge.confirm": (
        "Slet disse {count} grupper med alle sikkerhedskopier? Det kan ikke fortrydes."
    ),
    "purge.done": "{count} grupper er slettet ({files} filer).",
    "portable.invalid": "Filen kan ikke importeres: {detail} Intet er ændret.",
    "portable.not_utf8": "den er ikke gyldig UTF-8 (ved byte {offset}).",
    "portable.bad_json": "den er ikke gyldig JSON (linje {line}, kolonne {column}).",
    # What a sheet's QR code says when the organisation has no website (read on a phone,
    # with no internet; short: the code must stay small enough to print in the footer).
    "export.about.statement": (
        "Personligt statement: mine egne ord om, hvem jeg er, hvad der er vigtigt for mig, og "
        "hvad jeg vil have hjælp til. Læs det, og lad os finde vejen sammen."
    ),
    "export.about.goals": (
        "Personlige mål: det, jeg vil, hvorfor, mit første lille skridt, og hvem der kan "
        "hjælpe. Spørg mig gerne, hvordan det går."
    ),
    "export.about.safety_plan": (
        "Tryghedsplan: mine tegn på krise, hvad jeg selv kan gøre, og hvem jeg kan ringe til. "
        "Akut: ring 112. Livslinien: 70 201 201."
    ),
    "export.about.network_map": (
        "Netværkskort: de mennesker, der er tæt på mig, og dem længere ude. Brug det til at "
        "tale om, hvem der kan støtte mig."
    ),
    "export.about.certificate": (
        "Bevis: kursisten har gennemført kurset Bliv inddragelsesfacilitator og undervist "
        "mindst fire kolleger eller borgere i personlige statements."
    ),
    "check.link_placeholder": (
        "linket {link} er et eksempel, ikke en rigtig adresse; ret det eller fjern det"
    ),
    "check.link_not_https": "linket {link} skal være en https-adresse",
    "organisation.saved": "Organisationen er gemt.",
    "organisation.not_set": "(ikke udfyldt)",
    "organisation.no_website": "(ingen: QR-koderne forklarer arket)",
    "organisation.show_name": "Navn: {value}",
    "organisation.show_line": "Beskrivelse: {value}",
    "organisation.show_website": "Hjemmeside: {value}",
    "organisation.show_contact": "Kontakt: {value}",
    "organisation.show_signers": "Underskrifter: {value}",
    "organisation.show_logo": "Logo: {value}",
    "organisation.logo_too_big": "Logoet er for stort (højst {limit} KB).",
    "organisation.logo_kind": "Logoet skal være et PNG- eller JPEG-billede.",
    "organisation.logo_pixels": "Logoet har for mange billedpunkter; brug et mindre billede.",
    "organisation.logo_broken": "Logoet kan ikke læses som et billede.",
    "organisation.title": "Organisation",
    "organisation.cmd_help": "Navn, hjemmeside, underskrifter og logo på alle ark og kursusbeviser",
    "organisation.intro": "Det, der står her, står på alle udskrevne ark og kursusbeviser.",
    "organisation.name": "Navn",
    "organisation.line": "Beskrivende linje",
    "organisation.website": "Hjemmeside (https://…)",
    "organisation.website_help": (
        "Uden hjemmeside forklarer QR-koderne arket i stedet for at linke."
    ),
    "organisation.contact": "Kontaktlinje",
    "organisation.signers": "Underskrifter: op til tre roller",
    "organisation.signer_placeholder": "fx {example}",
    "organisation.signer_example.1": "Kursusleder",
    "organisation.signer_example.2": "Koordinator",
    "organisation.signer_example.3": "Formand",
    "organisation.logo": "Logo",
    "organisation.logo_set": "Der er et logo ({size} KB). Det ses på arkene, ikke her.",
    "organisation.logo_none": "Der er intet logo.",
    "organisation.logo_new": "Det nye logo tages med, når du gemmer.",
    "organisation.logo_removing": "Logoet fjernes, når du gemmer.",
    "organisation.logo_path": "Sti til en PNG- eller JPEG-fil",
    "organisation.logo_remove": "Fjern logo",
    "organisation.logo_keep": "Behold logo",
    "organisation.unsaved": "Ændringerne er ikke gemt endnu (ctrl+s gemmer).",
    "organisation.leave_unsaved": "Ændringerne er ikke gemt. Gå tilbage og glem dem?",
    "portable.bad_number": "den indeholder et tal med alt for mange cifre.",
    "portable.too_old": (
        "den er fra en tidlig prøveudgave af peertui (format {found}); denne udgave læser "
        "format {oldest} og nyere."
    ),
    "portable.not_regular": "{file} er ikke en almindelig fil.",
    "portable.cleaned.one": "Usynlige styretegn er fjernet fra {count} tekst: {paths}",
    "portable.cleaned.other": "Usynlige styretegn er fjernet fra {count} tekster: {paths}",
    "portable.not_written": "Intet er importeret: {reason}. Datamappen er som før.",
    "portable.too_deep": "den er for dybt indlejret.",
    "portable.too_big": "den er større end {limit} MB.",
    "portable.not_export": "den er ikke en eksport fra peertui.",
    "portable.too_new": (
        "den er lavet af en nyere peertui (format {found}; denne udgave kender op til {supported})."
    ),
    "portable.conflict_group": (
        "gruppen {name} ({id}) findes allerede med andet indhold. Brug --replace for at "
        "erstatte alt, eller importér i en tom datamappe."
    ),
    "portable.exists": "{file} findes allerede. Vælg et andet navn, eller brug --force.",
    "portable.is_dir": "{file} er en mappe, ikke en fil.",
    "portable.no_folder": "Mappen til {file} findes ikke.",
    "portable.no_such_file": "{file} findes ikke.",
    "portable.unreadable": "{file} kan ikke læses ({code}).",
    "demo.group_name": "Tirsdagsgruppen (demo)",
    "demo.training_group_name": "Kursusdag (demo)",
    "demo.occasion_practice": "Øvelse på kursusdagen",
    "demo.occasion_municipality": "Møde med kommunen",
    "demo.occasion_treatment": "Behandlingsmøde",
    "demo.refused": (
        "Datamappen har allerede data, og peertui overskriver aldrig rigtige data. Vælg en "
        "anden mappe med --data-dir."
    ),
    "demo.exists": "Datamappen har allerede demogruppen. Brug --force for at lave den på ny.",
    "demo.done": "Demogruppen '{name}' med {participants} deltagere er lagt i {dir}.",
    # --- meeting training: a scenario on the wall (peertui/ui/screens/scenario.py) ---
    "scenario.training": "Mødetræning",
    "scenario.home_entry": "Mødetræning",
    "scenario.home_entry_help": "{count} møder fra sidelinjen",
    "scenario.picker_title": "Mødetræning: vælg et møde",
    "scenario.picker_block": "Mødetræning i dette punkt: vælg et møde",
    "scenario.minutes": "ca.\u00a0{minutes}\u00a0min",
    "scenario.none": "Der er ingen møder til mødetræning.",
    "scenario.not_found": "Mødet '{id}' findes ikke.",
    "scenario.progress": "Scene {scene} af {scenes}  ·  trin {beat} af {beats}",
    "scenario.wall_subtitle": "{scene}  ·  scene {number} af {count}",
    "scenario.who": "I rummet: {who}",
    "scenario.thinks": "{name} tænker",
    "scenario.pause_title": "Pause – vi taler sammen",
    "scenario.hint_pause_point": "Pause. Tryk p for at fortsætte, n for spørgsmål og noter.",
    "scenario.hint_pause_side": "Pause. Tryk p for at fortsætte, s for et spørgsmål på væggen.",
    "scenario.hint_paused": "Sat på pause. Tryk p for at fortsætte.",
    "scenario.hint_end": "Det var sidste trin. Tryk Esc for at gå tilbage.",
    "scenario.still_paused": "Der er pause. Tryk p for at fortsætte.",
    "scenario.no_question_here": "Spørgsmål kan vises på væggen ved et pausepunkt.",
    "scenario.side_title": "Kun på din skærm",
    "scenario.side_questions": "Spørgsmål til salen",
    "scenario.side_questions_next": "Spørgsmål ved næste pause",
    "scenario.side_no_pause": "Ingen pause i resten af scenen.",
    "scenario.side_on_wall": "på væggen",
    "scenario.side_question_key": "Tryk s for at vise ét spørgsmål ad gangen på væggen.",
    "scenario.side_notes": "Noter til scenen",
    "scenario.side_no_notes": "Ingen noter til denne scene.",
    "scenario.side_about": "Om mødet",
    "scenario.key_next": "Næste",
    "scenario.key_back": "Forrige",
    "scenario.key_pause": "Pause",
    "scenario.key_question": "Spørgsmål",
    "scenario.key_open": "Mødetræning",
    "scenario.cmd": "Mødetræning",
    "scenario.cmd_help": "Se et møde fra sidelinjen, med pauser og spørgsmål",
    # --- the trainee screens (peertui/ui/screens/trainee.py, trainee_form.py, teaching_form.py,
    #     certificate_dialog.py; the group page of a training course) ---
    "trainee.participants": "Kursister",
    "trainee.key_add_trainee": "Ny kursist",
    "trainee.col_alias": "Navn",
    "trainee.col_organisation": "Arbejdssted",
    "trainee.col_role": "Rolle",
    "trainee.col_progress": "Status",
    "trainee.title_new": "Ny kursist",
    "trainee.title_edit": "Kursist",
    "trainee.organisation": "Arbejdssted (organisation)",
    "trainee.role": "Rolle",
    "trainee.no_role": "Vælg kursistens rolle: peer-medarbejder eller medarbejder.",
    "trainee.consents": "Kursisten har sagt ja til:",
    "trainee.consent.store_statement": "at gemme sit øvestatement",
    "trainee.group_hint": (
        "Kursus: startdatoen er kursusdagen. Kursisterne har 2 måneder derfra til at "
        "undervise mindst 4 kolleger eller borgere."
    ),
    "trainee.not_trainee": "Ikke kursist",
    "trainee.certified": "Bevis udstedt {day}.",
    "trainee.statement.none": "Øvestatement: ikke skrevet endnu (tryk s).",
    "trainee.statement.saved": "Øvestatement: gemt {day} (tryk s).",
    "trainee.statement.no_consent": (
        "Øvestatement: kursisten har ikke sagt ja til at gemme det (tryk k)."
    ),
    "trainee.teachings": "Undervisning efter kurset",
    "trainee.no_teachings": "Ingen undervisning skrevet ind endnu. Tryk a for at tilføje.",
    "trainee.col_held": "Dato",
    "trainee.col_audience": "Hvem",
    "trainee.col_count": "Antal",
    "trainee.col_contact": "Borgerkontakt",
    "trainee.col_counts": "Tæller",
    "trainee.col_note": "Note",
    "trainee.contact.yes": "ja",
    "trainee.contact.no": "nej",
    "trainee.contact.unknown": "ved ikke",
    "trainee.contact.none": "–",
    "trainee.counts.yes": "ja",
    "trainee.counts.no": "nej: {reason}",
    "trainee.reason.before_course": "før kursusdagen",
    "trainee.reason.after_deadline": "efter fristen",
    "trainee.reason.no_citizen_contact": "ingen borgerkontakt",
    "trainee.reason.contact_unknown": "udfyld borgerkontakt",
    "trainee.key_add": "Ny undervisning",
    "trainee.key_edit": "Ret",
    "trainee.key_delete": "Slet",
    "trainee.key_statement": "Øvestatement",
    "trainee.key_certificate": "Udskriv bevis",
    "trainee.key_details": "Oplysninger",
    "trainee.confirm_delete.one": "Slet undervisningen {held} ({count} person)?",
    "trainee.confirm_delete.other": "Slet undervisningen {held} ({count} personer)?",
    "trainee.deleted": "Undervisningen er slettet.",
    "trainee.saved": "Undervisningen er gemt.",
    "trainee.cert.title": "Bevis til {alias}",
    "trainee.cert.working": "Beviset bliver lavet …",
    "trainee.cert.done": "Beviset er skrevet.",
    "trainee.cert.folder": "Mappe: {dir}",
    "trainee.cert.file": "Fil: {name}",
    "trainee.cert.recorded": "Udstedt {day}: datoen er gemt ved kursisten.",
    "trainee.cert.reprint": "Beviset blev første gang udstedt {day}; den dato står på det.",
    "trainee.cert.busy": "Beviset er ved at blive lavet. Vent et øjeblik.",
    "teaching.title_new": "Ny undervisning",
    "teaching.title_edit": "Ret undervisning",
    "teaching.held": "Dato (DD.MM.ÅÅÅÅ)",
    "teaching.audience": "Hvem blev undervist?",
    "teaching.contact": "Har kollegerne borgerkontakt?",
    "teaching.contact_help": "Kolleger tæller kun, når de selv har kontakt med borgere.",
    "teaching.contact.yes": "Ja",
    "teaching.contact.no": "Nej",
    "teaching.contact.unknown": "Ved ikke",
    "teaching.count": "Antal personer (1-100)",
    "teaching.note": "Note (valgfri)",
    "teaching.bad_date": "Skriv datoen som dag.måned.år, fx 15.01.2027.",
    "teaching.no_such_date": (
        "Datoen {text} findes ikke. Skriv den som dag.måned.år, fx 15.01.2027."
    ),
    "teaching.future": "{day} ligger efter i dag. Skriv undervisningen ind, når den er holdt.",
    "teaching.no_audience": "Vælg, hvem der blev undervist: kolleger eller borgere.",
    "teaching.no_contact": "Vælg, om kollegerne har borgerkontakt: ja, nej eller ved ikke.",
    # --- the trainee's certificate (peertui/export/certificate.py, peertui certificate) ---
    "certificate.kind": "Bevis",
    "certificate.role_at": "{role} · {organisation}",
    "certificate.course_title": "Bliv inddragelsesfacilitator",
    "certificate.course": "har gennemført kurset {course} den {day}",
    "certificate.taught.both": (
        "og har derefter undervist {count} kolleger og borgere i at bruge personlige "
        "statements {period}."
    ),
    "certificate.taught.colleagues": (
        "og har derefter undervist {count} kolleger i at bruge personlige statements {period}."
    ),
    "certificate.taught.citizens": (
        "og har derefter undervist {count} borgere i at bruge personlige statements {period}."
    ),
    "certificate.period.range": "i perioden {start} til {end}",
    "certificate.period.one_day": "den {day}",
    "certificate.signature": "Underskrift",
    "certificate.signer_role": "Underviser på kurset",
    "certificate.issued": "Udstedt {day}",
    "certificate.link": "Læs om kurset:",
    "certificate.link_explains": "Scan koden for at læse, hvad beviset viser.",
    "certificate.link_more": "Læs mere:",
    "certificate.file": "bevis",
    "certificate.not_ready": "Beviset kan ikke udskrives endnu.",
    "certificate.not_trainee": (
        "Deltageren er ikke kursist: der er ingen oplysninger om organisation, rolle og "
        "undervisning. Der kan kun udskrives bevis til kursister."
    ),
    "certificate.ambiguous_trainee": "Flere kursister passer på navnet. Brug kursistens id: {ids}.",
    "certificate.cli.recorded": "Beviset er registreret som udstedt {day}.",
    "certificate.cli.reprint": "Beviset blev første gang udstedt {day}; den dato står på det.",
    "certificate.cli.not_recorded_locked": (
        "peertui kører på samme datamappe, så udstedelsesdatoen er ikke gemt. Udskriv "
        "beviset igen, når peertui er lukket, eller udskriv det inde fra peertui."
    ),
    "certificate.cli.not_recorded": (
        "Datamappen kan kun læses, så udstedelsesdatoen er ikke gemt."
    ),
    "certificate.cli.done": "Beviset er skrevet i {dir}.",
    "cli.help.certificate": "udskriv en kursists bevis som PDF",
    "cli.desc.certificate": (
        "Laver beviset for kurset Bliv inddragelsesfacilitator som en PDF-fil (A4), når "
        "kursisten har undervist mindst 4 kolleger eller borgere inden for 2 måneder efter "
        "kurset. Ellers skrives det, der mangler, og kommandoen slutter med 1. Første "
        "udskrift gemmer datoen som udstedelsesdato; kører peertui på samme datamappe, "
        "udskrives beviset uden at gemme datoen. Skriver stien til filen."
    ),
    "cli.help.certificate_group": "kursets gruppe: id eller præcise navn",
    "cli.help.certificate_trainee": "kursisten: id eller fornavn/kaldenavn",
    "cli.help.certificate_out": (
        "mappe til filen, ellers ./peertui-udskrifter (oprettes, hvis den mangler)"
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
