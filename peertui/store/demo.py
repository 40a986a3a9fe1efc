"""``peertui demo``: a fictional group to look around with. Every person here is made up.

The group runs the course "Vejen til hverdagslivet" with eight participants; the introduction
and the first three meetings have been held. Dates are relative to today, so the demo always
looks current. The group is marked as a demo group (``"demo": true``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from peertui.i18n import N_, _
from peertui.store.errors import StoreError
from peertui.store.schema import (
    Attendance,
    Audience,
    BlockLog,
    ChecklistItem,
    Consent,
    Goal,
    Group,
    GroupData,
    MeetingLog,
    NetworkMap,
    NetworkPerson,
    Participant,
    PersonalGoals,
    Purpose,
    Role,
    SafetyPlan,
    Statement,
    StatementVersion,
    Status,
    Teaching,
    Training,
    single_worksheet,
)
from peertui.store.store import ExportBundle, Store

COURSE = "vejen-til-hverdagslivet"

# alias, consents (taking_part is always given)
_PEOPLE: tuple[tuple[str, tuple[Purpose, ...]], ...] = (
    ("Maja", ("store_statement", "printing", "digital_copy")),
    ("Ali", ("store_statement", "printing")),
    ("Sofie", ("store_statement", "printing")),
    ("Jonas", ("store_statement",)),
    ("Fatima", ("store_statement", "printing", "digital_copy")),
    ("Henrik", ()),
    ("Lærke", ("store_statement", "printing")),
    ("Mads", ("store_statement",)),
)

# Who came: meeting -> aliases absent (excused in parentheses).
_ABSENT = {0: (), 1: ("Mads",), 2: ("(Henrik)",), 3: ("(Jonas)", "Mads")}

# The answers continue the prompts: "Sådan vil jeg introducere mig selv", "Det er vigtigt for
# mig at …", "Jeg vil gerne have hjælp til …", "Så jeg kan …".
_STATEMENTS: dict[str, list[tuple[str, str, str, str]]] = {
    "Maja": [
        (
            "Jeg hedder Maja. Jeg er 34 år og bor med min kat i en lejlighed tæt på havnen.",
            "have en fast rytme i ugen og se min søster.",
            "at komme tilbage til arbejde i et tempo, jeg kan holde til.",
            "få overskud til det, jeg holder af, og ikke bare komme igennem ugen.",
        ),
        (
            "Jeg hedder Maja. Jeg er 34 år, jeg tegner, og jeg bor med min kat tæt på havnen.",
            "have en fast rytme i ugen, se min søster og tegne.",
            "at finde et arbejde med få timer til at begynde med.",
            "mærke, at jeg bidrager, og stadig have energi om aftenen.",
        ),
    ],
    "Ali": [
        (
            "Jeg er Ali. Jeg er far til to, og jeg elsker at lave mad til mange.",
            "være en rolig far og have venner, jeg kan ringe til.",
            "at sove bedre og at forstå brevene fra kommunen.",
            "være der for mine børn, når de er hos mig.",
        ),
    ],
    "Sofie": [
        (
            "Jeg er Sofie, 22 år. Jeg læser til pædagog, men holder pause lige nu.",
            "blive taget alvorligt og selv få lov at sige det.",
            "at lægge en plan for at vende tilbage til studiet.",
            "blive færdig og arbejde med børn.",
        ),
        (
            "Jeg er Sofie, 22 år. Jeg læser til pædagog og er ved at finde vejen tilbage.",
            "blive taget alvorligt og være med til at bestemme.",
            "en plan med få fag ad gangen og en fast kontaktperson.",
            "blive færdig i mit eget tempo og arbejde med børn.",
        ),
    ],
    "Fatima": [
        (
            "Jeg hedder Fatima. Jeg er mor og mormor, og jeg går gerne ture ved vandet.",
            "min familie ved, hvordan de kan hjælpe, når det er svært.",
            "at sige det, jeg mener, på møderne om min behandling.",
            "være med til at vælge det, der passer til mit liv.",
        ),
    ],
    "Lærke": [
        (
            "Jeg er Lærke. Jeg synger i kor og har en hund, der hedder Bella.",
            "komme ud hver dag og have nogen at synge sammen med.",
            "at få styr på min økonomi.",
            "sove roligt og ikke være bange for brevene.",
        ),
    ],
}

_BLOCKS = {
    1: (
        ("Velkommen og tjek-ind", 20, 25),
        ("Det, vi har brug for", 20, 18),
        ("Vores gruppeaftaler", 25, 30),
        ("Pause", 15, 15),
        ("Det håber jeg på", 25, 20),
        ("Tjek-ud", 15, 12),
    ),
    2: (
        ("Velkommen og tjek-ind", 15, 20),
        ("Mine grænser", 25, 25),
        ("Hvem fortæller jeg hvad?", 25, 22),
        ("Pause", 15, 15),
        ("Runde: Sådan siger jeg fra", 25, 25),
        ("Tjek-ud", 15, 13),
    ),
    3: (
        ("Velkommen og tjek-ind", 15, 15),
        ("Hvad er værdier?", 20, 20),
        ("Mine vigtigste værdier", 25, 30),
        ("Pause", 15, 15),
        ("Runde: En værdi, jeg vil dele", 30, 25),
        ("Tjek-ud", 15, 15),
    ),
}

_LOGS = {
    1: (
        "God stemning, lidt nervøsitet i starten. Aftalerne blev skrevet færdige sammen.",
        "Jeg fik delt for lidt af mig selv; næste gang begynder jeg tjek-ind.",
        "Husk at tage gruppeaftalerne med på papir og hænge dem op.",
    ),
    2: (
        "Temaet om grænser ramte mange. Vi tog en ekstra pause-runde med vand og luft.",
        "Svært at holde tiden i tjek-ind; vi aftalte et tegn for at runde af.",
        "Spørg ind til, hvordan det gik med at sige fra i ugens løb.",
    ),
    3: (
        "Værdikortene virkede godt. Flere sagde, at de ville arbejde videre med dem hjemme.",
        "Vi fulgte planen og delte begge to som ligeværdige.",
        "Tag værdikortene med igen; to vil gerne fortsætte med dem.",
    ),
}


def build(today: date) -> ExportBundle:
    """The demo group as a bundle, dated relative to ``today``. Ids are fixed."""
    start = today - timedelta(days=21)  # meeting 1; meeting 3 was held last week...
    meeting_day = {0: start - timedelta(days=7)} | {
        n: start + timedelta(days=7 * (n - 1)) for n in (1, 2, 3)
    }

    def moment(day: date, hour: int) -> datetime:
        return datetime.combine(day, time(hour, 0), tzinfo=UTC)

    group = Group(
        id="de0000000000000000000001",
        name=_("Tuesday group (demo)"),
        course=COURSE,
        facilitators=("Birgitte", "Karim"),
        start=start,
        retention=start + timedelta(weeks=10) + timedelta(days=180),
        demo=True,
    )
    participants: list[Participant] = []
    ids: dict[str, str] = {}
    for n, (alias, purposes) in enumerate(_PEOPLE, start=1):
        pid = f"de00000000000000000001{n:02d}"
        ids[alias] = pid
        consents: dict[Purpose, Consent] = {"taking_part": Consent(given=meeting_day[0])}
        for purpose in purposes:
            consents[purpose] = Consent(given=meeting_day[0])
        if alias == "Jonas":  # he said no to print after all
            consents["printing"] = Consent(given=meeting_day[0], withdrawn=meeting_day[2])
        participants.append(
            Participant(id=pid, alias=alias, added=meeting_day[0], consents=consents)
        )

    attendance = []
    for meeting, absent in _ABSENT.items():
        for alias, pid in ids.items():
            status: Status = "present"
            if alias in absent:
                status = "absent"
            elif f"({alias})" in absent:
                status = "excused"
            attendance.append(Attendance(meeting=meeting, participant=pid, status=status))

    statements = []
    for n, (alias, versions) in enumerate(_STATEMENTS.items(), start=1):
        saved = [moment(meeting_day[2], 11), moment(meeting_day[3], 11)]
        statements.append(
            Statement(
                id=f"de00000000000000000002{n:02d}",
                participant=ids[alias],
                occasion=_("A meeting with the municipality") if n % 2 else _("Treatment meeting"),
                versions=tuple(
                    StatementVersion(saved=saved[i], answers=answers)
                    for i, answers in enumerate(versions)
                ),
            )
        )

    updated = moment(meeting_day[3], 12)
    worksheets = [
        single_worksheet(
            participant=ids["Maja"],
            updated=updated,
            content=PersonalGoals(
                goals=(
                    Goal(
                        "Gå en tur hver dag",
                        "Gå til bageren om morgenen",
                        "Min søster",
                        "Fra i morgen",
                    ),
                    Goal("Tegne igen", "Købe en ny skitsebog", "", "Inden næste møde"),
                )
            ),
        ),
        single_worksheet(
            participant=ids["Sofie"],
            updated=updated,
            content=PersonalGoals(
                goals=(
                    Goal(
                        "Tale med studievejlederen",
                        "Skrive en mail",
                        "Min kontaktperson",
                        "I denne uge",
                    ),
                )
            ),
        ),
        single_worksheet(
            participant=ids["Ali"],
            updated=updated,
            content=PersonalGoals(
                goals=(Goal("Sove bedre", "Slukke skærmen kl. 22", "", "Hver aften"),)
            ),
        ),
        single_worksheet(
            participant=ids["Maja"],
            updated=updated,
            content=SafetyPlan(
                warning_signs=("Jeg holder op med at tegne", "Jeg sover meget om dagen"),
                own_strategies=("Gå en tur ved havnen", "Lytte til min yndlingsmusik"),
                distractions=("Caféen på hjørnet", "Ringe til min søster"),
                people_to_ask=("Min søster", "Min nabo Else"),
                professionals=(
                    "Min kontaktperson i kommunen",
                    "Livslinien 70 201 201",
                    "Ring 112 ved fare",
                ),
                safer_surroundings=("Lade min søster passe på ting, der kan gøre skade",),
                most_important="Min kat og min søster",
            ),
        ),
        single_worksheet(
            participant=ids["Fatima"],
            updated=updated,
            content=SafetyPlan(
                warning_signs=("Jeg trækker mig fra familien",),
                own_strategies=("Gå ved vandet", "Bede"),
                distractions=("Mit barnebarn",),
                people_to_ask=("Min datter",),
                professionals=("Distriktspsykiatrien", "Livslinien 70 201 201"),
                safer_surroundings=(),
                most_important="Min familie",
            ),
        ),
        single_worksheet(
            participant=ids["Maja"],
            updated=updated,
            content=NetworkMap(
                people=(
                    NetworkPerson("Søster", 1, "family", "Ses hver søndag"),
                    NetworkPerson("Else", 2, "friends", "Naboen"),
                    NetworkPerson("Tegneholdet", 3, "leisure", ""),
                    NetworkPerson("Kontaktperson", 2, "professionals", ""),
                )
            ),
        ),
        single_worksheet(
            participant=ids["Lærke"],
            updated=updated,
            content=NetworkMap(
                people=(
                    NetworkPerson("Mor", 1, "family", ""),
                    NetworkPerson("Koret", 2, "leisure", "Torsdag aften"),
                    NetworkPerson("Forum om hunde", 3, "online", ""),
                )
            ),
        ),
    ]

    logs = []
    checklist_by_meeting: dict[int, dict[ChecklistItem, bool]] = {
        1: {
            "plan_followed": True,
            "everyone_heard": True,
            "agreements_kept": True,
            "shared_as_equals": False,
        },
        2: {
            "plan_followed": True,
            "everyone_heard": True,
            "agreements_kept": True,
            "ended_on_time": False,
        },
        3: {
            "plan_followed": True,
            "everyone_heard": True,
            "agreements_kept": True,
            "shared_as_equals": True,
            "own_words_and_hope": True,
            "ended_on_time": True,
        },
    }
    for meeting, blocks in _BLOCKS.items():
        notes, reflection, carry_over = _LOGS[meeting]
        logs.append(
            MeetingLog(
                meeting=meeting,
                held=meeting_day[meeting],
                blocks=tuple(BlockLog(title, planned, actual) for title, planned, actual in blocks),
                notes=notes,
                checklist=checklist_by_meeting[meeting],
                reflection=reflection,
                carry_over=carry_over,
            )
        )
    data = GroupData(
        group=group,
        participants=tuple(participants),
        attendance=tuple(attendance),
        statements=tuple(statements),
        worksheets=tuple(worksheets),
        meeting_logs=tuple(logs),
    )
    return ExportBundle(groups=(data, build_training(today)))


TRAINING_COURSE = "bliv-inddragelsesfacilitator"

#: alias, organisation, role, [(days after the course day, audience, people, citizen contact)]
_TRAINEES: tuple[tuple[str, str, Role, tuple[tuple[int, Audience, int, bool | None], ...]], ...] = (
    ("Lene", "Recovery-skolen Aarby", "peer",
     ((5, "citizens", 2, None), (12, "colleagues", 2, True))),
    ("Thomas", "Distriktspsykiatrien Nord", "staff", ((9, "colleagues", 3, True),)),
    ("Nadia", "Jobcentret Aarby", "staff",
     ((7, "colleagues", 5, False), (15, "citizens", 1, None))),
    ("Amalie", "Socialpsykiatrien Aarby", "staff",
     ((4, "citizens", 1, None), (10, "colleagues", 2, None))),
    ("Peter", "Bostedet Lindely", "peer", ()),
)  # fmt: skip


def build_training(today: date) -> GroupData:
    """The demo training group: a course day three weeks ago, five trainees on their way to
    the certificate (one there already, one with colleagues without citizen contact, one who
    has not started). Ids are fixed."""
    course_day = today - timedelta(days=20)
    group = Group(
        id="de0000000000000000000002",
        name=_("Course day (demo)"),
        course=TRAINING_COURSE,
        facilitators=("Hanne", "Omar"),
        start=course_day,
        retention=course_day + timedelta(days=365),
        demo=True,
    )
    participants = []
    for n, (alias, organisation, role, taught) in enumerate(_TRAINEES, start=1):
        teachings = tuple(
            Teaching(
                held=course_day + timedelta(days=days),
                audience=audience,
                count=count,
                id=f"de00000000000000000004{n:01d}{k:01d}",
                citizen_contact=contact,
            )
            for k, (days, audience, count, contact) in enumerate(taught, start=1)
        )
        consent = Consent(given=course_day)
        participants.append(
            Participant(
                id=f"de00000000000000000003{n:02d}",
                alias=alias,
                added=course_day,
                consents={"taking_part": consent, "store_statement": consent},
                training=Training(organisation=organisation, role=role, teachings=teachings),
            )
        )
    saved = datetime.combine(course_day, time(13, 0), tzinfo=UTC)
    statement = Statement(
        id="de0000000000000000000501",
        participant=participants[0].id,
        occasion=_("Practice on the course day"),
        versions=(StatementVersion(saved=saved, answers=_PRACTICE),),
    )
    return GroupData(group=group, participants=tuple(participants), statements=(statement,))


#: Lene's practice statement from the course day: her own situation, told as an example.
_PRACTICE = (
    "Jeg hedder Lene. Jeg har selv haft en psykisk sårbarhed og arbejder nu som peer.",
    "Det er vigtigt for mig at blive spurgt, før andre beslutter noget om mit liv.",
    "Jeg vil gerne have hjælp til at planlægge, hvordan jeg fortæller min leder om det.",
    "Så jeg kan blive i mit job og stadig passe på mig selv.",
)


def fill(store: Store, today: date, *, force: bool = False) -> GroupData:
    """Put the demo group into ``store``. Refuses a store that holds any data, unless
    ``force`` and everything in it is demo data (then the demo group is made afresh)."""
    groups = store.groups()
    holds_data = bool(groups) or bool(store.damaged)
    if holds_data:
        only_demo = not store.damaged and all(g.demo for g in groups)
        if not (force and only_demo):
            raise StoreError(
                _(
                    "The data folder already has data, and peertui never overwrites real "
                    "data. Choose another folder with --data-dir."
                    if not only_demo
                    else N_(
                        "The data folder already has the demo group. "
                        "Use --force to create it again."
                    )
                )
            )
        for g in groups:
            store.delete_group(g.id)
    bundle = build(today)
    store.import_bundle(bundle)
    return bundle.groups[0]
