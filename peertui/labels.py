"""The words shown for the values of peertui's word lists (a block's kind, a sector, a
consent's purpose, a problem's reason …), each marked for the catalog with ``N_`` and
translated where it is shown: ``_(labels.SECTOR[sector])``.
"""

from __future__ import annotations

from peertui.i18n import N_

STATEMENT_PROMPT: dict[int, str] = {
    1: N_("This is how I would like to introduce myself"),
    2: N_("What matters to me is …"),
    3: N_("I would like help with …"),
    4: N_("So that I can …"),
}

STATEMENT_GUIDANCE: dict[int, str] = {
    1: N_("Say briefly who you are, the way you would describe it yourself."),
    2: N_("What gives your life meaning and value."),
    3: N_("What you would like support with. Help with what, not which help."),
    4: N_("What becomes possible for you when you get the help."),
}

STATEMENT_EXAMPLE: dict[int, str] = {
    1: N_("Example: My name is Maja, I am 34 and I really enjoy drawing."),
    2: N_("Example: … have a steady rhythm in my week and be with other people."),
    3: N_("Example: … to get started with work at a pace I can manage."),
    4: N_("Example: … have an everyday life with meaning and energy left for my friends."),
}

SECTOR: dict[str, str] = {
    "family": N_("Family"),
    "friends": N_("Friends"),
    "work_school": N_("Work and school"),
    "leisure": N_("Free time"),
    "professionals": N_("Professionals"),
    "online": N_("Online"),
}

EXPORT_ABOUT: dict[str, str] = {
    "statement": N_(
        "Personal statement: my own words about who I am, what matters to me, "
        "and what I would like help with. Read it, and let us find the way "
        "together."
    ),
    "goals": N_(
        "Personal goals: what I want, why, my first small step, and who can "
        "help. Feel free to ask me how it is going."
    ),
    "safety_plan": N_(
        "Safety plan: my signs of crisis, what I can do myself, and who I can "
        "call. Emergency: call 112. Livslinien: 70 201 201."
    ),
    "network_map": N_(
        "Network map: the people close to me, and those further out. Use it to "
        "talk about who can support me."
    ),
    "certificate": N_(
        "Certificate: the trainee has completed the course Become an Inclusion "
        "Facilitator and taught at least four colleagues or citizens about "
        "personal statements."
    ),
}

WORKSHEET: dict[str, str] = {
    "goals": N_("Personal goals"),
    "safety_plan": N_("Safety plan"),
    "network_map": N_("Network map"),
}

TRAINING_ROLE: dict[str, str] = {
    "peer": N_("Peer worker"),
    "staff": N_("Staff member"),
}

TRAINEE_COL: dict[str, str] = {
    "alias": N_("Name"),
    "organisation": N_("Workplace"),
    "role": N_("Role"),
    "progress": N_("Status"),
    "held": N_("Date"),
    "audience": N_("Who"),
    "count": N_("Number"),
    "contact": N_("Citizen contact"),
    "counts": N_("Counts"),
    "note": N_("Note"),
}

SAFETY_SECTION: dict[str, str] = {
    "warning_signs": N_("1. Signs that a crisis may be coming"),
    "own_strategies": N_("2. What I can do myself"),
    "distractions": N_("3. People and places that can take my mind off things"),
    "people_to_ask": N_("4. People I can ask for help"),
    "professionals": N_("5. Professionals and crisis lines"),
    "safer_surroundings": N_("6. How I make my surroundings safer"),
    "most_important": N_("What matters most to me – what is worth holding on to"),
}

REASON: dict[str, str] = {
    "disk_full": N_("the disk is full"),
    "read_only": N_("writing in the data folder is not allowed"),
    "other": N_("a file could not be written"),
}

GOALS_FIELD: dict[str, str] = {
    "text": N_("My goal – what I would like"),
    "why": N_("Why it matters to me"),
    "first_step": N_("My first small step"),
    "help_from": N_("Who can help me"),
    "when": N_("When I will look at it again"),
}

EXPORT_SAFETY: dict[str, str] = {
    "most_important": N_("What matters most to me"),
    "warning_signs": N_("Signs that a crisis may be on its way"),
    "own_strategies": N_("What I can do myself"),
    "distractions": N_("People and places that can take my mind off things"),
    "people_to_ask": N_("People I can ask for help"),
    "professionals": N_("Professionals and crisis lines"),
    "safer_surroundings": N_("How I make my surroundings safer"),
}

CONSENT: dict[str, str] = {
    "taking_part": N_("to take part in the group"),
    "store_statement": N_("to have their personal statement and worksheets stored"),
    "printing": N_("to have it printed"),
    "digital_copy": N_("to get a digital copy"),
}

CLI_HELP: dict[str, str] = {
    "print": N_("print sheets as PDF: statements, worksheets, group summary"),
    "print_group": N_("the group's id or exact name"),
    "print_participant": N_("only this participant (id or first name/nickname)"),
    "print_what": N_(
        "which sheets: statement (default), goals, safety, network, summary "
        "(the group summary) or all (all four sheets per participant and the "
        "group summary)"
    ),
    "print_out": N_("folder for the files, otherwise ./peertui-udskrifter (created if missing)"),
    "print_link": N_("address for the QR code at the bottom of the sheets instead of the guide's"),
    "print_digital_copy": N_(
        "digital copy of the statement as a QR code, for participants who consent to it"
    ),
    "print_one_file": N_("all sheets in one PDF file"),
    "print_force": N_("overwrite files that already exist"),
    "data_dir": N_("data folder (otherwise PEERTUI_DATA_DIR or the user's data folder)"),
    "content": N_("content folder instead of the built-in one (can be given more than once)"),
    "check": N_("check courses, guide pages and meeting scenarios for errors"),
    "check_paths": N_("files or folders to check"),
    "wall": N_("show the wall (the projector) in this window"),
    "wall_data_dir": N_("data folder"),
    "data": N_("export, import or restore data"),
    "yes": N_("do not ask first (for scripts)"),
    "export": N_("write all data to a file, encrypted with a passphrase"),
    "export_force": N_("overwrite the file if it exists"),
    "export_unencrypted": N_("write plain JSON that anyone who gets the file can read"),
    "passphrase_file": N_("read the passphrase from the first line of this file (for scripts)"),
    "import": N_("read data from an export file, encrypted or not (all or nothing)"),
    "import_replace": N_("replace everything in the data folder with the file's content"),
    "restore": N_("restore damaged files from the newest good backup"),
    "restore_list": N_("show the backups for each data file"),
    "info": N_("show where data is kept and what is in the folder"),
    "protect": N_("encrypt the data folder, locked with a passphrase"),
    "unprotect": N_("turn off the data folder's encryption"),
    "passphrase": N_("change the data folder's passphrase, or set a new one with the recovery key"),
    "forget": N_("delete a participant completely, also in backups"),
    "forget_group": N_("the group's id or exact name"),
    "forget_participant": N_("the participant's (or trainee's) id or first name/nickname"),
    "purge": N_("delete groups that are past their deletion date"),
    "today": N_("treat this date as today"),
    "organisation": N_("show or change the organisation behind sheets and certificates"),
    "org_show": N_("show the organisation"),
    "org_set": N_("change the organisation (only the fields given)"),
    "org_name": N_("the organisation's name"),
    "org_line": N_("a descriptive line under the name"),
    "org_website": N_("website (https://…); empty text removes it"),
    "org_contact": N_("a contact line, e.g. phone or email"),
    "org_signer": N_("a role that signs the certificate (can be given up to three times)"),
    "org_logo": N_("a logo as PNG or JPEG (at most 2 MB)"),
    "org_no_logo": N_("remove the logo"),
    "demo": N_("fill a data folder with a made-up demo group"),
    "demo_force": N_("make the demo group again (only if the folder has only demo data)"),
    "certificate": N_("print a trainee's certificate as a PDF"),
    "certificate_group": N_("the course's group: id or exact name"),
    "certificate_trainee": N_("the trainee: id or first name/nickname"),
    "certificate_out": N_(
        "folder for the file, otherwise ./peertui-udskrifter (created if missing)"
    ),
}

CLI_DESC: dict[str, str] = {
    "print": N_(
        "Makes A4 sheets as PDF files for a group. Only participants with "
        "consent to printing are included; a digital copy only with "
        "--digital-copy and the participant's consent. Reads the data folder "
        "without changing it, so it works while peertui is running. Writes the "
        "path of each file."
    ),
    "main": N_("Run peer support groups from the terminal."),
    "check": N_(
        "Checks courses (sessions/), guide pages (content/) and meeting "
        "scenarios (content/scenarios/). Writes each error as path:line: "
        "message. Exits with 1 if there are errors."
    ),
    "wall": N_(
        "Shows what the group should see, large, in this window. Follows the "
        "peertui running on the same data folder. Only reads; writes nothing."
    ),
    "data": N_("The whole data folder as one JSON file, in and out, and restoring from backups."),
    "export": N_(
        "Writes all groups, participants, statements, worksheets, meeting logs "
        "and trainees to one file, encrypted with a passphrase you choose (the "
        "age format). With --unencrypted it is plain JSON that anyone who gets "
        "the file can read. The file contains health information: keep it safe."
    ),
    "import": N_(
        "Checks the whole file first; if there are errors, nothing is changed. "
        "By default it merges: new groups are added, identical groups are "
        "skipped, and a group that exists with different content stops the "
        "import. With --replace the data folder becomes exactly like the file."
    ),
    "restore": N_(
        "Finds damaged data files, shows the newest good backup and restores "
        "it when you say yes. The damaged file is moved to damaged/ and is not "
        "deleted."
    ),
    "info": N_("Shows the data folder, the groups and their deletion dates."),
    "protect": N_(
        "Encrypts every file in the data folder, backups included, with a key locked by a "
        "passphrase you choose. Every command and the app then ask for the passphrase. "
        "Writes a recovery sheet with a recovery key that opens the folder if the "
        "passphrase is forgotten. Without both, nobody can read the data."
    ),
    "unprotect": N_(
        "Decrypts every file in the data folder and removes the key. Asks for the passphrase first."
    ),
    "passphrase": N_(
        "Locks the data folder's key with a new passphrase. Opens it with the old "
        "passphrase, or with --recovery-key if the passphrase is forgotten. The files are "
        "not rewritten; the recovery key stays the same."
    ),
    "forget": N_(
        "Deletes a participant from the group: consents, attendance, "
        "statements with all versions, worksheets, and the participant's name "
        "in meeting logs. Also in all backups. Cannot be undone."
    ),
    "purge": N_(
        "Deletes every group whose deletion date has passed, with all backups. Cannot be undone."
    ),
    "organisation": N_(
        "The organisation's name, a descriptive line, website, contact line, "
        "logo and signatures appear on all sheets and certificates. Without a "
        "website, the QR code explains the sheet instead of linking."
    ),
    "demo": N_(
        "Puts a made-up group with 8 participants in the data folder so you "
        "can look around. Refuses if the folder has data; with --force the "
        "demo group is made again, but only if the folder contains nothing but "
        "demo data."
    ),
    "certificate": N_(
        "Makes the certificate for the course Become an Inclusion Facilitator "
        "as a PDF file (A4) once the trainee has taught at least 4 colleagues "
        "or citizens within 2 months after the course. Otherwise, it writes "
        "what is missing, and the command ends with 1. The first printout "
        "saves the date as the issue date; if peertui is running on the same "
        "data folder, the certificate is printed without saving the date. "
        "Writes the path to the file."
    ),
}

CHECKLIST: dict[str, str] = {
    "plan_followed": N_("We followed the agenda"),
    "everyone_heard": N_("Everyone had the chance to speak"),
    "agreements_kept": N_("The group agreements were kept"),
    "shared_as_equals": N_("We shared our own experiences as equals"),
    "own_words_and_hope": N_("There was room for people's own words and hopes"),
    "ended_on_time": N_("We finished on time"),
}

TRAINING_REASON: dict[str, str] = {
    "ok": N_("it counts."),
    "before_course": N_("it is before the course day."),
    "after_deadline": N_("it is after the deadline."),
    "no_citizen_contact": N_("the colleagues have no contact with citizens."),
    "contact_unknown": N_(
        "it has not been filled in whether the colleagues have contact with citizens."
    ),
}

TRAINING_AUDIENCE: dict[str, str] = {
    "colleagues": N_("Colleagues"),
    "citizens": N_("Citizens"),
}

TRAINEE_REASON: dict[str, str] = {
    "before_course": N_("before the course day"),
    "after_deadline": N_("after the deadline"),
    "no_citizen_contact": N_("no citizen contact"),
    "contact_unknown": N_("fill in citizen contact"),
}

TRAINEE_CONSENT: dict[str, str] = {
    "store_statement": N_("storing their practice statement"),
}

TEACHING_CONTACT: dict[str, str] = {
    "yes": N_("Yes"),
    "no": N_("No"),
    "unknown": N_("Don't know"),
}

STORE_SAVE_FAILED: dict[str, str] = {
    "disk_full": N_(
        "Could not save ({file}): the disk is full. What you have written has "
        "not been saved yet. Free up space on the disk and save again."
    ),
    "read_only": N_(
        "Could not save ({file}): writing in the data folder is not allowed "
        "({code}). What you have written has not been saved yet."
    ),
    "other": N_(
        "Could not save ({file}): error {code} from the disk. What you have "
        "written has not been saved yet. Try saving again."
    ),
}

STORE_NOT_FOUND: dict[str, str] = {
    "group": N_("The group '{ref}' does not exist."),
    "participant": N_("The participant does not exist in the group."),
    "statement": N_("The personal statement does not exist."),
    "trainee": N_("The trainee does not exist."),
    "teaching": N_("The teaching session does not exist in the trainee's log."),
    "damaged_file": N_("{ref} is not damaged."),
}

STORE_INVALID: dict[str, str] = {
    "contact_for_citizens": N_(
        "Contact with citizens is only filled in for colleagues: citizens always count."
    ),
    "contact": N_("Contact with citizens must be yes, no or not filled in."),
    "day": N_("The date is not a valid date."),
    "count": N_("Number of people must be a whole number from 1 to 100."),
    "field": N_("'{field}' {problem}."),
    "text": N_("'{field}' must be text."),
    "empty": N_("'{field}' cannot be empty."),
    "too_long": N_("'{field}' is too long (at most {limit} characters)."),
    "too_many": N_("'{field}' has too many items (at most {limit})."),
    "choice": N_("'{field}' must be one of: {allowed}."),
    "answers": N_("A personal statement has {count} answers."),
    "alias_taken": N_(
        "There is already a participant with that name in the group. Choose another one."
    ),
    "retention_before_start": N_("The deletion date cannot be before the start date."),
}

STORE_ERASURE_UNFINISHED: dict[str, str] = {
    "disk_full": N_(
        "The deletion has not been finished because the disk is full. It has "
        "been noted down and will be finished the next time peertui opens the "
        "data folder. Free up space and start peertui again."
    ),
    "read_only": N_(
        "The deletion has not been finished because writing in the data folder "
        "is not allowed. It will be finished the next time peertui can write "
        "in the folder."
    ),
    "other": N_(
        "The deletion has not been finished because a file could not be "
        "written. It will be finished the next time peertui opens the data "
        "folder."
    ),
}

SHAPE: dict[str, str] = {
    "at": N_("{path}: {problem}"),
    "object": N_("must be an object {{...}}"),
    "list": N_("must be a list [...]"),
    "missing": N_("'{key}' is missing"),
    "unknown_key": N_("unknown field '{key}'"),
    "too_many": N_("too many items (at most {limit})"),
    "text": N_("must be text"),
    "too_long": N_("the text is too long (at most {limit} characters)"),
    "empty": N_("cannot be empty"),
    "cpr": N_("looks like a CPR number; peertui never stores CPR numbers"),
    "id": N_("is not a valid id"),
    "integer": N_("must be a whole number"),
    "range": N_("must be between {low} and {high}"),
    "boolean": N_("must be true or false"),
    "choice": N_("must be one of: {allowed}"),
    "date": N_("must be a date like 2025-03-04"),
    "datetime": N_("must be a time like 2025-03-04T10:15:00Z"),
    "answers": N_("must have exactly {count} answers"),
    "empty_list": N_("cannot be empty"),
    "duplicate": N_("appears twice"),
    "dangling": N_("points to a participant who is not in the group"),
    "retention_before_start": N_("the deletion date is before the start date"),
    "contact_for_citizens": N_("contact with citizens only applies to teaching colleagues"),
    "at_least": N_("must be at least {limit}"),
    "at_most": N_("must be at most {limit}"),
    "invalid": N_("has a value that cannot be used here"),
    "https": N_("must be an address starting with https://"),
}

SCENARIO_VARIANT: dict[str, str] = {
    "uden-statement": N_("Without statement"),
    "med-statement": N_("With statement"),
}

SCENARIO_MEETING: dict[str, str] = {
    "myndighedsmøde": N_("Meeting with the municipality"),
    "behandlingsmøde": N_("Treatment meeting"),
    "jobcenter": N_("Meeting at the job centre"),
}

SAFETY_GUIDE: dict[str, str] = {
    "warning_signs": N_("Thoughts, feelings or things I do when things start to go wrong."),
    "own_strategies": N_("Things that usually help a little, without me having to contact anyone."),
    "distractions": N_("Where can I go, and who can I be with?"),
    "people_to_ask": N_("Names, and phone numbers if possible, of people I can call."),
    "professionals": N_(
        "Contact person, therapist and crisis lines. The numbers are filled in "
        "already; feel free to change them."
    ),
    "safer_surroundings": N_("Things that make it safer around me when things are hard."),
    "most_important": N_("People, animals, things or dreams that mean something to me."),
}

SAFETY_CRISIS: dict[int, str] = {
    1: N_("Livslinien: 70 201 201"),
    2: N_("Call 112 in an emergency"),
    3: N_("The psychiatric emergency department in your region"),
}

PARTICIPANT_TOOL: dict[str, str] = {
    "statement": N_("Personal statement"),
    "goals": N_("Personal goals"),
    "safety_plan": N_("Safety plan"),
    "network_map": N_("Network map"),
}

ORGANISATION_SIGNER_EXAMPLE: dict[int, str] = {
    1: N_("Course leader"),
    2: N_("Coordinator"),
    3: N_("Chair"),
}

NETWORK_RING: dict[int, str] = {
    1: N_("1 – closest"),
    2: N_("2 – close"),
    3: N_("3 – further away"),
}

NETWORK_COL: dict[str, str] = {
    "name": N_("Name"),
    "ring": N_("Circle"),
    "sector": N_("Area"),
    "note": N_("Note"),
}

KIND: dict[str, str] = {
    "tjek-ind": N_("Check-in"),
    "tema": N_("Theme"),
    "øvelse": N_("Exercise"),
    "pause": N_("Break"),
    "runde": N_("Round"),
    "tjek-ud": N_("Check-out"),
    "fri": N_("Free"),
}

EXPORT_SCREEN_WHAT: dict[str, str] = {
    "statement": N_("Personal statement"),
    "goals": N_("Personal goals"),
    "safety": N_("Safety plan"),
    "network": N_("Network map"),
    "summary": N_("Group summary (attendance and time)"),
    "all": N_("Everything: all four sheets and the group summary"),
}

EXPORT_PLAN_KIND: dict[str, str] = {
    "statement": N_("personal statement"),
    "goals": N_("personal goals"),
    "safety": N_("safety plan"),
    "network": N_("network map"),
}

EXPORT_KIND: dict[str, str] = {
    "statement": N_("Personal statement"),
    "goals": N_("Personal goals"),
    "safety_plan": N_("Safety plan"),
    "network_map": N_("Network map"),
    "group_summary": N_("Group summary"),
}

EXPORT_GOAL: dict[str, str] = {
    "number": N_("Goal {number}"),
    "why": N_("Why it matters to me"),
    "first_step": N_("My first step"),
    "help_from": N_("Who can help"),
    "when": N_("When"),
    "empty": N_("There are no goals on the sheet yet."),
}

EXPORT_FOOT: dict[str, str] = {
    "statement": N_("Scan the code to read more about personal statements."),
    "goals": N_("Scan the code to read more about personal goals."),
    "safety_plan": N_("Scan the code to read more about safety plans."),
    "network_map": N_("Scan the code to read more about network maps."),
    "none": N_("Printed with peertui."),
    "group_summary": N_(
        "For the facilitators. The summary contains no participants' names or texts."
    ),
    "explains": N_("Scan the code to read what the sheet is about."),
}

EXPORT_FILE: dict[str, str] = {
    "statement": N_("personal-statement"),
    "goals": N_("personal-goals"),
    "safety_plan": N_("safety-plan"),
    "network_map": N_("network-map"),
    "group_summary": N_("group-summary"),
    "batch": N_("peertui-sheets"),
    "participant": N_("participant"),
}

EXPORT_NETWORK_COL: dict[str, str] = {
    "name": N_("Name"),
    "ring": N_("Circle"),
    "sector": N_("Area"),
    "note": N_("Note"),
}

EXPORT_SUMMARY_COL: dict[str, str] = {
    "meeting": N_("Meeting"),
    "held": N_("Date"),
    "planned": N_("Planned"),
    "actual": N_("Actual"),
    "difference": N_("Difference"),
    "present": N_("Present"),
    "excused": N_("Apologies"),
    "absent": N_("Did not come"),
}

ATTENDANCE: dict[str, str] = {
    "present": N_("Present"),
    "absent": N_("Did not come"),
    "excused": N_("Sent apologies"),
}

FIELD: dict[str, str] = {
    "group_name": N_("Group name"),
    "name": N_("Name"),
    "course": N_("Course"),
    "facilitators": N_("Facilitators"),
    "alias": N_("First name or nickname"),
    "purpose": N_("Consent"),
    "status": N_("Attendance"),
    "meeting": N_("Meeting"),
    "website": N_("Website"),
    "line": N_("Description"),
    "contact": N_("Contact"),
    "signers": N_("Signatures"),
    "logo": N_("Logo"),
    "links": N_("Links"),
    "answers": N_("Personal statement"),
    "occasion": N_("Occasion"),
    "organisation": N_("Workplace"),
    "role": N_("Role"),
    "audience": N_("Who was taught"),
    "teaching_note": N_("Note"),
    "count": N_("Number of people"),
    "text": N_("Goal"),
    "first_step": N_("First step"),
    "help_from": N_("Help from"),
    "when": N_("When"),
    "why": N_("Why it matters"),
    "kind": N_("Worksheet"),
    "warning_signs": N_("Warning signs"),
    "own_strategies": N_("What I can do myself"),
    "distractions": N_("People and places that take my mind off things"),
    "people_to_ask": N_("People I can ask for help"),
    "professionals": N_("Professionals and crisis lines"),
    "safer_surroundings": N_("Making my surroundings safer"),
    "most_important": N_("What matters most to me"),
    "note": N_("Note"),
    "title": N_("Item"),
    "notes": N_("Notes"),
    "reflection": N_("Reflection"),
    "carry_over": N_("For next time"),
}
