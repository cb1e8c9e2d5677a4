"""Candidates for the litigation paralegal and the executive assistant jobs.

Near-misses: a legal secretary and a law-school graduate against the paralegal job (the secretary formats and
files, the graduate is trained for a different job and has never worked as a paralegal), and administrative
roles that support people below the C-level against the assistant job.
"""

from __future__ import annotations

from corpus.model import Lines

from ranking_corpus.job_ids import EA, PARA
from ranking_corpus.model import (
    DOCX,
    DOCX_BOLD,
    DOCX_HEADER,
    PDF,
    PDF_TIMES,
    PDF_TWO_COLUMN,
    TXT_COLON,
    TXT_MD,
    TXT_TITLE,
    TXT_UNDERLINE,
    Candidate,
    candidate,
    degree,
    role,
)

CANDIDATES: list[Candidate] = []


def add(item: Candidate) -> None:
    CANDIDATES.append(item)


# fmt: off

# === legal =======================================================================================================

add(candidate(
    "para_strong_litigation", family="legal", category="strong", layout=PDF,
    grades={PARA: 3},
    note="Litigation paralegal in Philadelphia: discovery, Relativity, CM/ECF, depositions, trials, ABA certificate.",
    name="Colleen Brennan", location="Philadelphia, PA", headline="Litigation Paralegal",
    summary="Litigation paralegal with six years defending companies in commercial and product liability cases, "
            "including four jury trials.",
    roles=(
        role("Senior Litigation Paralegal", "Marlowe Stanton LLP", (2022, 5), None, "Philadelphia, PA",
             "Draft discovery requests and responses, subpoenas and deposition notices for attorney review.",
             "Manage document productions and privilege logs in Relativity for matters up to 2M documents.",
             "Prepare deposition outlines, exhibit lists and trial binders; in-court support at four trials.",
             "E-file in the Eastern District of Pennsylvania (CM/ECF) and the Court of Common Pleas; keep the "
             "docketing calendar for 30 active cases."),
        role("Litigation Paralegal", "Keane & Alvarez", (2020, 9), (2022, 4), "Cherry Hill, NJ",
             "Insurance defence litigation: medical records, discovery and case calendars."),
    ),
    education=(degree("bachelor", "B.A. Political Science, Temple University, 2020", "Temple University", 2020),),
    skills=("Relativity, CM/ECF, PACER, Westlaw, civil procedure, docketing, trial preparation",),
    extra=(Lines("Certifications", ("Paralegal Certificate (ABA-approved), Temple University, 2020",)),),
))

add(candidate(
    "para_paraphrased_case_assistant", family="legal", category="paraphrased", layout=TXT_UNDERLINE,
    grades={PARA: 3},
    note="Strong litigation paralegal who writes 'trial team case assistant', 'interrogatories', 'review "
         "database' and 'electronic filing' instead of litigation paralegal, discovery, Relativity and e-filing.",
    name="Imani Okafor", location="Cherry Hill, NJ", headline="Trial Team Case Assistant",
    summary="Five years supporting trial lawyers in business disputes and employment cases, from the first "
            "complaint to the jury's verdict.",
    roles=(
        role("Case Assistant, Trial Practice Group", "Delaware Valley Defense Counsel", (2021, 8), None,
             "Philadelphia, PA",
             "Prepare first drafts of interrogatories, document requests and requests for admission, and "
             "our answers to the other side's.",
             "Load, code and produce documents in RelativityOne and keep the privilege log.",
             "Build witness kits and exhibit binders for depositions and trial; two weeks in court last spring.",
             "Electronic filing in federal and Pennsylvania courts; calculate response dates under the court "
             "rules and keep the deadline calendar."),
        role("Legal Assistant", "Haddonfield Law Group", (2020, 1), (2021, 7), "Haddonfield, NJ",
             "Summarised medical records and deposition transcripts."),
    ),
    education=(degree("bachelor", "B.A. History, Rutgers University-Camden, 2019", "Rutgers University-Camden",
                      2019),),
    skills=("RelativityOne, PACER, Lexis, court rules, deadline calendars",),
    extra=(Lines("Certifications", ("Certificate in Paralegal Studies (ABA-approved), Villanova University",)),),
))

add(candidate(
    "para_senior_trial", family="legal", category="strong", layout=TXT_COLON,
    grades={PARA: 3},
    note="Senior trial paralegal with nine years in suburban Philadelphia: more than enough, same work.",
    name="Rosalind Pfeiffer", location="King of Prussia, PA", headline="Senior Litigation Paralegal",
    summary="Senior litigation paralegal with nine years in product liability and mass tort defence.",
    roles=(
        role("Senior Litigation Paralegal", "Gwynedd Pierce LLP", (2017, 9), None, "Philadelphia, PA",
             "Discovery, e-discovery vendor management and Relativity review for product liability cases.",
             "Trial preparation and in-court support at 11 trials; e-filing in federal and state courts."),
    ),
    education=(degree("associate", "A.A.S. Paralegal Studies, Montgomery County Community College, 2017",
                      "Montgomery County Community College", 2017),),
    skills=("Relativity, CM/ECF, Westlaw, trial presentation, docketing",),
))

add(candidate(
    "para_corporate_real_estate", family="legal", category="partial", layout=DOCX,
    grades={PARA: 2},
    note="Corporate and real estate paralegal: a paralegal, but no litigation or discovery.",
    name="Nathaniel Osei", location="Philadelphia, PA", headline="Corporate Paralegal",
    summary="Paralegal with five years in corporate transactions and commercial real estate.",
    roles=(
        role("Corporate Paralegal", "Rittenhouse Carlisle LLP", (2021, 10), None, "Philadelphia, PA",
             "Entity formation, board minutes, closing checklists and due diligence data rooms.",
             "Commercial lease abstracts and title review; UCC filings."),
    ),
    education=(degree("bachelor", "B.A. Economics, La Salle University, 2021", "La Salle University", 2021),),
    skills=("Entity management, due diligence, closing binders, Lexis, Excel",),
    extra=(Lines("Certifications", ("Paralegal Certificate (ABA-approved), Drexel University",)),),
))

add(candidate(
    "para_ediscovery_specialist", family="legal", category="partial", layout=PDF_TWO_COLUMN,
    grades={PARA: 2},
    note="Litigation support specialist: deep Relativity, little drafting or court work.",
    name="Trevor Kaminski", location="Wilmington, DE", headline="Litigation Support Specialist",
    summary="E-discovery and litigation support specialist with five years on complex commercial cases.",
    roles=(
        role("Litigation Support Specialist", "Brandywine Legal Technologies", (2021, 4), None,
             "Wilmington, DE",
             "Process, search and produce documents in Relativity for law firm clients.",
             "Build review workflows and privilege logs; train paralegals on search."),
    ),
    education=(degree("bachelor", "B.S. Information Systems, University of Delaware, 2021",
                      "University of Delaware", 2021),),
    skills=("Relativity, Nuix, Everlaw, e-discovery, privilege logs",),
    extra=(Lines("Certifications", ("Relativity Certified Administrator",)),),
))

add(candidate(
    "para_junior_litigation", family="legal", category="under_qualified", layout=DOCX_BOLD,
    grades={PARA: 1},
    note="Litigation paralegal with eighteen months of experience: the job asks for three years.",
    name="Gabriela Moreno", location="Camden, NJ", headline="Litigation Paralegal",
    summary="Paralegal with a year and a half in personal injury litigation.",
    roles=(
        role("Paralegal", "Camden Injury Lawyers", (2025, 5), None, "Camden, NJ",
             "Draft discovery responses and medical record requests; e-file in New Jersey courts."),
    ),
    education=(degree("bachelor", "B.A. Criminal Justice, Rowan University, 2024", "Rowan University", 2024),),
    extra=(Lines("Certifications", ("Paralegal Certificate (ABA-approved), Rowan College", )),),
))

add(candidate(
    "legal_secretary", family="legal", category="weak", layout=TXT_MD,
    grades={PARA: 1, EA: 1},
    note="Litigation legal secretary: formats, files and calendars, does not draft discovery or manage "
         "productions; supports attorneys, not executives.",
    name="Marjorie Kowalczyk", location="Philadelphia, PA", headline="Legal Secretary",
    summary="Legal secretary with ten years supporting litigation partners.",
    roles=(
        role("Legal Secretary", "Chestnut Street Partners", (2016, 6), None, "Philadelphia, PA",
             "Support three litigation partners: correspondence, dictation and formatting of pleadings.",
             "E-file documents the attorneys have signed and enter court dates in the calendar.",
             "Manage partners' schedules and client billing entries."),
    ),
    education=(degree("diploma", "Legal Secretary Diploma, Peirce College, 2016", "Peirce College", 2016),),
    skills=("Microsoft Word, Outlook, iManage, Aderant, typing 85 wpm",),
))

add(candidate(
    "law_school_graduate", family="legal", category="over_qualified", layout=PDF_TIMES,
    grades={PARA: 1},
    note="New JD awaiting bar results: legal training but no paralegal work, and will leave to practise.",
    name="Jonathan Whitfield", location="Philadelphia, PA", headline="J.D. Candidate, Bar Exam July 2026",
    summary="Recent law school graduate awaiting Pennsylvania bar results, interested in litigation.",
    roles=(
        role("Summer Associate", "Logan Square Litigation Group", (2025, 6), (2025, 8), "Philadelphia, PA",
             "Legal research memos on civil procedure and discovery disputes; drafted a motion to compel."),
        role("Judicial Intern", "Court of Common Pleas", (2024, 6), (2024, 8), "Philadelphia, PA",
             "Bench memos for a civil trial judge."),
    ),
    education=(degree("phd", "J.D., Temple University Beasley School of Law, 2026",
                      "Temple University Beasley School of Law", 2026),
               degree("bachelor", "B.A. Philosophy, Penn State University, 2023", "Penn State University", 2023)),
    skills=("Legal research, Westlaw, Lexis, legal writing, moot court",),
))

add(candidate(
    "para_immigration", family="legal", category="weak", layout=TXT_TITLE,
    grades={PARA: 1},
    note="Immigration paralegal: a paralegal in a neighbouring practice with no litigation or court filing.",
    name="Ana Lucia Restrepo", location="Philadelphia, PA", headline="Immigration Paralegal",
    summary="Bilingual immigration paralegal with three years of employment-based petitions.",
    roles=(
        role("Immigration Paralegal", "Liberty Bell Immigration Law", (2023, 9), None, "Philadelphia, PA",
             "Prepare H-1B, PERM and green card petitions; track USCIS deadlines and receipts."),
    ),
    education=(degree("bachelor", "B.A. International Studies, Drexel University, 2023", "Drexel University",
                      2023),),
    skills=("INSZoom, USCIS forms, Spanish (native)",),
))

# === executive assistant =========================================================================================

add(candidate(
    "ea_strong_ceo", family="administrative", category="strong", layout=DOCX_HEADER,
    grades={EA: 3},
    note="Executive assistant to a CEO in Dallas for eight years: calendar, travel, Concur, board meetings.",
    name="Stephanie Vaughn", location="Dallas, TX", headline="Executive Assistant to the CEO",
    summary="Executive assistant with eight years supporting CEOs of energy and investment companies.",
    roles=(
        role("Executive Assistant to the CEO", "Lone Star Midstream Partners", (2020, 3), None, "Dallas, TX",
             "Manage the CEO's calendar across four time zones and the executive team's meeting rhythm.",
             "Arrange domestic and international travel and reconcile expenses in Concur.",
             "Prepare quarterly board meetings: agendas, board books in PowerPoint and minutes.",
             "Liaise with board members and investors; handle confidential correspondence."),
        role("Executive Assistant", "Preston Hollow Capital", (2018, 1), (2020, 2), "Dallas, TX",
             "Supported the managing partner and CFO."),
    ),
    education=(degree("bachelor", "B.A. Communications, Texas Christian University, 2017",
                      "Texas Christian University", 2017),),
    skills=("Microsoft 365 (Outlook, Word, Excel, PowerPoint), Teams, Zoom, Concur, Diligent Boards",),
))

add(candidate(
    "ea_paraphrased_chief_exec", family="administrative", category="paraphrased", layout=TXT_MD,
    grades={EA: 3},
    note="Strong assistant who writes 'right hand to the chief executive', 'diary', 'directors' meetings' and "
         "'SAP travel-and-expense' instead of executive assistant, calendar, board and Concur.",
    name="Fiona Delacroix", location="Irving, TX", headline="Right Hand to the Founder and Chief Executive",
    summary="Seven years keeping the days of company founders and chief executives running, with complete "
            "discretion.",
    roles=(
        role("Chief Executive's Office Lead", "Trinity Medical Devices", (2021, 2), None, "Irving, TX",
             "Keep the chief executive's diary across Texas, London and Singapore, and guard time for what "
             "matters most.",
             "Book flights, hotels and visas; submit receipts in the SAP travel-and-expense tool.",
             "Organise the quarterly directors' meetings: agenda, board packs in PowerPoint and the written "
             "record of decisions.",
             "First contact for directors, investors and partners; draft and screen sensitive letters."),
        role("Assistant to the President", "Las Colinas Realty Trust", (2019, 4), (2021, 1), "Irving, TX",
             "Diary, travel and correspondence for the president and two vice presidents."),
    ),
    education=(degree("bachelor", "B.A. French, University of Texas at Arlington, 2018",
                      "University of Texas at Arlington", 2018),),
    skills=("Outlook, Word, Excel, PowerPoint, Teams, Zoom, SAP travel and expense",),
))

add(candidate(
    "ea_senior_cfo", family="administrative", category="strong", layout=PDF,
    grades={EA: 3},
    note="Senior executive assistant to a CFO and a president in Plano, board preparation, Concur.",
    name="Yvette Carrington", location="Plano, TX", headline="Senior Executive Assistant",
    summary="Senior executive assistant with eleven years supporting C-suite leaders.",
    roles=(
        role("Senior Executive Assistant", "North Texas Power Cooperative", (2019, 6), None, "Plano, TX",
             "Support the President and the CFO: calendars, travel, expense reports in Concur.",
             "Coordinate board and committee meetings and take minutes; prepare PowerPoint decks."),
        role("Executive Assistant", "Addison Insurance Holdings", (2015, 5), (2019, 5), "Addison, TX",
             "Supported the COO; organised the annual leadership summit."),
    ),
    education=(degree("associate", "A.A. Business, Collin College, 2015", "Collin College", 2015),),
    skills=("Microsoft 365, Concur, Zoom, board portals, event planning",),
    extra=(Lines("Certifications", ("Notary Public, Texas",)),),
))

add(candidate(
    "ea_department_admin", family="administrative", category="partial", layout=DOCX,
    grades={EA: 2},
    note="Administrative assistant to a VP for four years: close, but short of five years at the C-level.",
    name="Lindsey Hargrove", location="Dallas, TX", headline="Administrative Assistant",
    summary="Administrative assistant supporting a vice president and a team of 25.",
    roles=(
        role("Administrative Assistant to the VP of Operations", "Metroplex Freight", (2022, 8), None,
             "Dallas, TX",
             "Calendar, travel and expense reports for the VP; meeting notes and PowerPoint decks.",
             "Order supplies and coordinate team events."),
    ),
    education=(degree("bachelor", "B.S. Business, Texas A&M University-Commerce, 2022",
                      "Texas A&M University-Commerce", 2022),),
    skills=("Outlook, Excel, PowerPoint, Concur",),
))

add(candidate(
    "ea_receptionist", family="administrative", category="weak", layout=TXT_COLON,
    grades={EA: 1},
    note="Front-desk receptionist: office support, no executive support.",
    name="Brianna Colquitt", location="Dallas, TX", headline="Receptionist",
    summary="Receptionist with three years of front-desk experience at a law firm.",
    roles=(
        role("Receptionist", "Turtle Creek Law Group", (2023, 10), None, "Dallas, TX",
             "Greet clients, answer a 12-line phone system and book conference rooms.",
             "Sort mail and order office supplies."),
    ),
    education=(degree("diploma", "High School Diploma, Skyline High School, 2022", "Skyline High School", 2022),),
    skills=("Outlook, multi-line phones, scheduling",),
))

add(candidate(
    "ea_virtual_assistant", family="administrative", category="weak", layout=TXT_TITLE,
    grades={EA: 1},
    note="Freelance virtual assistant in El Paso for small-business owners: remote, not C-level, not in Dallas.",
    name="Veronica Salinas", location="El Paso, TX", headline="Virtual Assistant",
    summary="Freelance virtual assistant for coaches and small-business owners.",
    roles=(
        role("Virtual Assistant (freelance)", "Self-employed", (2021, 1), None, "El Paso, TX",
             "Inbox and calendar management, travel bookings and invoices for six clients.",
             "Social media scheduling and podcast show notes."),
    ),
    education=(degree("associate", "A.A. General Studies, El Paso Community College, 2020",
                      "El Paso Community College", 2020),),
    skills=("Google Workspace, Calendly, Canva, QuickBooks",),
))

add(candidate(
    "project_coordinator_construction", family="administrative", category="distractor", layout=DOCX_BOLD,
    grades={EA: 1},
    note="Construction project coordinator: organised and in Dallas, but project paperwork, not executive support.",
    name="Derrick Fontaine", location="Fort Worth, TX", headline="Project Coordinator",
    summary="Project coordinator with five years on commercial construction projects.",
    roles=(
        role("Project Coordinator", "Cowtown Builders", (2021, 7), None, "Fort Worth, TX",
             "Track submittals, RFIs and change orders in Procore; schedule owner meetings and take minutes.",
             "Process subcontractor invoices and maintain project files."),
    ),
    education=(degree("bachelor", "B.S. Construction Management, Texas State University, 2021",
                      "Texas State University", 2021),),
    skills=("Procore, Excel, Outlook, Bluebeam",),
))

add(candidate(
    "ea_chief_of_staff", family="administrative", category="over_qualified", layout=PDF_TIMES,
    grades={EA: 2},
    note="Chief of staff to a CEO with an MBA: has done the assistant's work and more; would likely want a bigger "
         "role.",
    name="Gwendolyn Pryce", location="Dallas, TX", headline="Chief of Staff to the CEO",
    summary="Chief of staff with nine years in the CEO's office, first as executive assistant, now running the "
            "operating rhythm of the leadership team.",
    roles=(
        role("Chief of Staff to the CEO", "Southwest Grid Storage", (2022, 2), None, "Dallas, TX",
             "Run the leadership team's operating cadence, board preparation and strategic projects.",
             "Manage the CEO's priorities and the executive assistant team."),
        role("Executive Assistant to the CEO", "Southwest Grid Storage", (2017, 9), (2022, 1), "Dallas, TX",
             "Calendar, travel, Concur expenses, board books and minutes."),
    ),
    education=(degree("master", "MBA, SMU Cox School of Business, 2021", "SMU Cox School of Business", 2021),),
    skills=("Microsoft 365, board governance, project management, Concur",),
))

add(candidate(
    "para_pittsburgh_litigation", family="legal", category="wrong_location", layout=DOCX,
    grades={PARA: 1},
    note="Experienced litigation paralegal in Pittsburgh, staying there, for a hybrid Philadelphia job.",
    name="Kathleen Zielinski", location="Pittsburgh, PA", headline="Litigation Paralegal",
    summary="Litigation paralegal with five years in insurance defence. Looking for roles in the Pittsburgh area.",
    roles=(
        role("Litigation Paralegal", "Allegheny Defense Group", (2021, 8), None, "Pittsburgh, PA",
             "Discovery responses, subpoenas and trial binders; Relativity review and productions.",
             "E-file in the Western District of Pennsylvania and Allegheny County courts."),
    ),
    education=(degree("bachelor", "B.A. English, University of Pittsburgh, 2021", "University of Pittsburgh",
                      2021),),
    skills=("Relativity, CM/ECF, docketing, Westlaw",),
    extra=(Lines("Certifications", ("Paralegal Certificate (ABA-approved), Duquesne University",)),),
))
