"""Candidates for the people-operations jobs: the talent acquisition specialist and the HR generalist.

Grades follow specs.py. Near-misses here share the recruiting vocabulary without the work: a store manager, a
direct-sales consultant and a line chef who all "recruit" staff, and recruiters and HR generalists graded against
each other's job (1: same world, the core of the other job missing).
"""

from __future__ import annotations

from corpus.model import Lines

from ranking_corpus.job_ids import AE, EA, HR, RGM, TA
from ranking_corpus.model import (
    DOCX,
    DOCX_BOLD,
    DOCX_TABLE,
    PDF,
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

# === recruiting ==================================================================================================

add(candidate(
    "ta_strong_inhouse", family="recruiting", category="strong", layout=PDF,
    grades={TA: 3, HR: 1},
    note="In-house healthcare recruiter in Atlanta: full-cycle, LinkedIn Recruiter, iCIMS, offers, metrics.",
    name="Keisha Montgomery", location="Atlanta, GA", headline="Talent Acquisition Specialist",
    summary="Talent acquisition specialist with five years of full-cycle recruiting for hospitals and clinics. I "
            "source hard-to-find clinical talent and keep hiring managers honest about the market.",
    roles=(
        role("Talent Acquisition Specialist", "Southern Crescent Health", (2022, 4), None, "Atlanta, GA",
             "Full-cycle recruiting for 25-35 requisitions at a time: nurses, medical assistants and corporate "
             "roles; 140 hires in 2025.",
             "Source passive candidates with LinkedIn Recruiter and Boolean searches; built a referral pipeline "
             "that now fills 30% of roles.",
             "Run intake meetings, phone screens and interview loops; extend offers and negotiate within bands.",
             "Keep iCIMS current and report time to fill (down from 52 to 38 days) and offer acceptance (91%).",
             "Prepare OFCCP audit files and EEO reports with the compliance team."),
        role("Recruiter", "Peach State Staffing", (2021, 6), (2022, 3), "Marietta, GA",
             "High-volume recruiting of patient access and call-centre staff; 20 hires a month."),
    ),
    education=(degree("bachelor", "B.A. Psychology, Georgia State University, 2021", "Georgia State University",
                      2021),),
    skills=("Full-cycle recruiting, sourcing, LinkedIn Recruiter, Boolean search, iCIMS, Greenhouse, offer "
            "negotiation, recruiting metrics, OFCCP, EEO",),
))

add(candidate(
    "ta_paraphrased_talent_partner", family="recruiting", category="paraphrased", layout=TXT_UNDERLINE,
    grades={TA: 3, HR: 1},
    note="Strong recruiter who writes 'talent partner', 'hired end to end', 'headhunted' and 'Lever' instead of "
         "full-cycle recruiting, sourcing and ATS.",
    name="Dominic Ferreira", location="Charlotte, NC", headline="Talent Partner",
    summary="Six years helping growing companies hire. I own each search from the first conversation with the "
            "hiring manager to the signed contract, and I find people who were not looking.",
    roles=(
        role("Senior Talent Partner", "Queen City Fintech", (2023, 1), None, "Charlotte, NC",
             "Own hiring end to end for 20-25 open roles at once across finance, operations and customer "
             "support; 95 people joined through me last year.",
             "Headhunt people who are happy where they are: paid LinkedIn seat, search strings with AND/OR/NOT, "
             "alumni networks and meetups.",
             "Agree the profile with each hiring manager, run first calls, organise the panel and collect "
             "written feedback within a day.",
             "Present offers and settle salary and start dates within the approved range; 89% of offers "
             "accepted.",
             "Keep every candidate's history in Lever and share a weekly days-to-hire and funnel report."),
        role("Talent Partner", "Catawba Logistics", (2020, 9), (2022, 12), "Rock Hill, SC",
             "Hired warehouse, dispatch and office staff; ran hiring days of 60 interviews."),
    ),
    education=(degree("bachelor", "B.S. Business Administration, UNC Charlotte, 2020", "UNC Charlotte", 2020),),
    skills=("Lever, LinkedIn, hiring-manager partnership, salary negotiation, employer brand",),
))

add(candidate(
    "ta_agency_healthcare", family="recruiting", category="strong", layout=DOCX_TABLE,
    grades={TA: 3},
    note="Agency recruiter placing nurses and allied health staff, Bullhorn ATS, high volume: agency counts.",
    name="Brandon Whitlock", location="Greenville, SC", headline="Healthcare Recruiter",
    summary="Agency recruiter with four years placing nurses, therapists and technicians with hospitals across "
            "the Southeast.",
    roles=(
        role("Senior Healthcare Recruiter", "Upstate Medical Staffing", (2022, 11), None, "Greenville, SC",
             "Full-cycle recruiting for 30 open orders: sourcing, screening, submittals, interviews and offers.",
             "Source on LinkedIn Recruiter, Indeed and our database with Boolean strings; 18 placements a month.",
             "Negotiate pay packages and manage credentialing hand-off; track everything in Bullhorn."),
        role("Recruiter", "Upstate Medical Staffing", (2022, 1), (2022, 10), "Greenville, SC",
             "Screened travel nurse applicants and scheduled client interviews."),
        role("Recruiting Coordinator", "Palmetto Home Care", (2021, 3), (2021, 12), "Spartanburg, SC",
             "Posted jobs, screened caregivers by phone and scheduled interviews."),
    ),
    education=(degree("bachelor", "B.A. Communication, Clemson University, 2020", "Clemson University", 2020),),
    skills=("Sourcing: LinkedIn Recruiter, Boolean, Indeed Resume", "ATS: Bullhorn, iCIMS",
            "Recruiting: full-cycle, offers, healthcare"),
))

add(candidate(
    "ta_coordinator_to_recruiter", family="recruiting", category="partial", layout=TXT_MD,
    grades={TA: 2, HR: 1},
    note="Two years coordinating interviews, then a year and a half of full-cycle recruiting: short on years.",
    name="Priya Venkataraman", location="Alpharetta, GA", headline="Associate Recruiter",
    summary="Recruiting professional: coordinator for two years, now recruiting hourly and entry-level roles end "
            "to end.",
    roles=(
        role("Associate Recruiter", "Chattahoochee Insurance Group", (2025, 5), None, "Alpharetta, GA",
             "Full-cycle recruiting for claims and customer-service roles, 12-15 requisitions at a time.",
             "Phone screens, interview scheduling and offer calls; sourcing on Indeed and LinkedIn."),
        role("Recruiting Coordinator", "Chattahoochee Insurance Group", (2023, 4), (2025, 4), "Alpharetta, GA",
             "Scheduled 40 interviews a week in Workday Recruiting and prepared offer letters."),
    ),
    education=(degree("bachelor", "B.B.A. Management, Kennesaw State University, 2023", "Kennesaw State University",
                      2023),),
    skills=("Workday Recruiting, LinkedIn, Indeed, interview scheduling, offer letters",),
))

add(candidate(
    "ta_technical_sourcer", family="recruiting", category="partial", layout=DOCX,
    grades={TA: 2},
    note="Technical sourcer: expert at finding candidates, has never run screens-to-offer on her own.",
    name="Mei-Ling Cho", location="Durham, NC", headline="Technical Sourcer",
    summary="Sourcer with four years of finding engineers and data people for software companies. I hand "
            "recruiters warm, qualified candidates.",
    roles=(
        role("Senior Technical Sourcer", "Bull City Software", (2023, 2), None, "Durham, NC",
             "Source engineers with LinkedIn Recruiter, GitHub and Boolean X-ray searches; 35% response rate.",
             "Run outreach campaigns in Gem and pass screened candidates to five recruiters in Greenhouse."),
        role("Sourcing Specialist", "Research Triangle Talent", (2022, 8), (2023, 1), "Raleigh, NC",
             "Sourced for agency recruiters across IT contracts."),
    ),
    education=(degree("bachelor", "B.A. Sociology, NC State University, 2022", "NC State University", 2022),),
    skills=("LinkedIn Recruiter, Boolean and X-ray search, Gem, Greenhouse, talent pipelines",),
))

add(candidate(
    "ta_hr_assistant_weak", family="recruiting", category="weak", layout=TXT_COLON,
    grades={TA: 1, HR: 1},
    note="HR assistant who posts jobs and schedules interviews: recruiting support, not recruiting.",
    name="Jasmine Holloway", location="Macon, GA", headline="HR Assistant",
    summary="HR assistant with two years supporting hiring and onboarding at a regional distributor.",
    roles=(
        role("HR Assistant", "Middle Georgia Supply", (2024, 9), None, "Macon, GA",
             "Post openings on Indeed, schedule interviews for managers and send offer letters they approve.",
             "Run new-hire paperwork, I-9s and background checks; answer benefits questions."),
    ),
    education=(degree("associate", "A.A.S. Business Management, Central Georgia Technical College, 2024",
                      "Central Georgia Technical College", 2024),),
    skills=("Indeed, ADP Workforce Now, I-9, onboarding, Microsoft Office",),
))

add(candidate(
    "store_manager_recruiting", family="retail", category="distractor", layout=DOCX_BOLD,
    grades={RGM: 1},
    note="Store manager whose duties say 'recruiting and training seasonal staff': a manager who hires, not a "
         "recruiter; transferable but rarely shortlisted for the restaurant job.",
    name="Curtis Blackwell", location="Atlanta, GA", headline="Store Manager",
    summary="Retail store manager with eight years in specialty apparel: sales, people and visual standards.",
    roles=(
        role("Store Manager", "Peachtree Outfitters", (2021, 3), None, "Atlanta, GA",
             "Run a $4M store with 22 associates; own payroll budget and shrink.",
             "Recruiting and training seasonal staff: hire 15-20 associates every holiday season.",
             "Coach assistant managers; two promoted to store manager."),
        role("Assistant Store Manager", "Peachtree Outfitters", (2018, 6), (2021, 2), "Decatur, GA",
             "Scheduling, cash office and floor sets."),
    ),
    education=(degree("bachelor", "B.S. Marketing, Georgia Southern University, 2018", "Georgia Southern University",
                      2018),),
    skills=("Retail operations, merchandising, scheduling, hiring, coaching, P&L",),
))

add(candidate(
    "direct_sales_consultant", family="sales", category="distractor", layout=TXT_TITLE,
    grades={AE: 1},
    note="Direct-sales consultant who 'recruits' her own downline: no recruiting for an employer; consumer sales.",
    name="Tamara Lindgren", location="Savannah, GA", headline="Independent Sales Director",
    summary="Independent sales director building a team and a loyal customer base through home parties and "
            "social selling.",
    roles=(
        role("Independent Sales Director", "Lumiere Skincare (direct sales)", (2021, 1), None, "Savannah, GA",
             "Recruited, onboarded and trained a team of 28 independent consultants.",
             "Host 8-10 virtual and in-home parties a month; $140k in team sales last year.",
             "Coach my team on prospecting, recruiting and social media selling."),
        role("Sales Associate", "Oglethorpe Mall Jewelers", (2018, 4), (2020, 12), "Savannah, GA",
             "Retail jewellery sales; top seller two holiday seasons."),
    ),
    education=(degree("diploma", "High School Diploma, Savannah Arts Academy, 2017", "Savannah Arts Academy",
                      2017),),
    skills=("Direct sales, team building, recruiting, social selling, customer relationships",),
))

add(candidate(
    "line_chef_recruiting", family="hospitality", category="distractor", layout=TXT_MD,
    grades={RGM: 1},
    note="Chef de partie who 'recruits and trains seasonal kitchen staff': a cook, not a recruiter; a cook "
         "without management experience is a weak restaurant GM candidate.",
    name="Mateo Castellanos", location="Savannah, GA", headline="Chef de Partie",
    summary="Cook with seven years on the line in resort and fine-dining kitchens.",
    roles=(
        role("Chef de Partie", "Tybee Dunes Resort", (2022, 3), None, "Tybee Island, GA",
             "Run the grill and sauté stations for a 300-cover dinner service.",
             "Recruiting and training seasonal kitchen staff each spring; write station guides.",
             "Place produce and protein orders for the station."),
        role("Line Cook", "River Street Chophouse", (2019, 5), (2022, 2), "Savannah, GA",
             "Grill and fry stations."),
    ),
    education=(degree("associate", "A.A.S. Culinary Arts, Savannah Technical College, 2019",
                      "Savannah Technical College", 2019),),
    skills=("Grill, sauté, prep lists, ServSafe Food Handler, kitchen training",),
))

# === human resources =============================================================================================

add(candidate(
    "hr_strong_plant", family="human_resources", category="strong", layout=PDF_TWO_COLUMN,
    grades={HR: 3, TA: 1},
    note="Plant HR generalist in Louisville: employee relations, FMLA/ADA, benefits, Workday, SHRM-CP.",
    name="Lauren Whitaker", location="Louisville, KY", headline="HR Generalist, SHRM-CP",
    summary="HR generalist with five years in manufacturing plants with hourly, two-shift workforces.",
    roles=(
        role("HR Generalist", "Ohio Valley Foods", (2022, 2), None, "Louisville, KY",
             "First point of contact for 500 employees and 30 supervisors on two shifts.",
             "Investigate employee relations complaints, write findings and recommend corrective action.",
             "Administer FMLA, ADA accommodations and workers' compensation claims.",
             "Run benefits open enrolment and onboarding; keep employee data accurate in Workday.",
             "Prepare EEO-1 and affirmative action data; report turnover and absenteeism monthly."),
        role("HR Assistant", "Derby City Manufacturing", (2021, 1), (2022, 1), "Louisville, KY",
             "Onboarding, attendance tracking and hourly recruiting."),
    ),
    education=(degree("bachelor", "B.S. Human Resource Management, University of Louisville, 2020",
                      "University of Louisville", 2020),),
    skills=("Employee relations, investigations, FMLA, ADA, FLSA, benefits, workers' compensation, Workday",),
    extra=(Lines("Certifications", ("SHRM-CP (2023)",)),),
))

add(candidate(
    "hr_paraphrased_people_partner", family="human_resources", category="paraphrased", layout=DOCX,
    grades={HR: 3, TA: 1},
    note="Strong generalist who writes 'people partner', 'looked into complaints', 'family and medical leave' "
         "and 'SAP Employee Central' instead of HR generalist, investigations, FMLA and SuccessFactors.",
    name="Marcus Delgado", location="Jeffersonville, IN", headline="People Partner",
    summary="Four years as the people partner for a distribution business and its 420 hourly and salaried staff. "
            "Managers call me first when something goes wrong.",
    roles=(
        role("People Partner", "Riverport Distribution", (2022, 9), None, "Louisville, KY",
             "Coach supervisors through attendance, performance and discipline conversations.",
             "Look into workplace complaints, interview witnesses and write up what we found and what we did.",
             "Run family and medical leave, disability accommodations and on-the-job injury claims.",
             "Own new-starter and leaver processes and the employee records in SAP Employee Central.",
             "Lead benefits sign-up season and the yearly review and pay-increase cycle."),
        role("People Operations Coordinator", "Riverport Distribution", (2021, 6), (2022, 8), "Louisville, KY",
             "Benefits questions, personnel files and wage-and-hour checks."),
    ),
    education=(degree("bachelor", "B.A. Business, Indiana University Southeast, 2021",
                      "Indiana University Southeast", 2021),),
    skills=("SAP Employee Central, employment law, coaching, leave administration, Excel",),
))

add(candidate(
    "hr_benefits_specialist", family="human_resources", category="partial", layout=TXT_UNDERLINE,
    grades={HR: 2},
    note="Benefits and leave specialist on Workday: half the generalist job, little employee relations.",
    name="Corinne Mattingly", location="Louisville, KY", headline="Benefits and Leave Specialist",
    summary="Benefits specialist with four years of benefits, leave and HRIS work for a healthcare employer.",
    roles=(
        role("Benefits and Leave Specialist", "Kentuckiana Health", (2022, 10), None, "Louisville, KY",
             "Administer medical, dental and retirement plans for 2,300 employees; lead open enrolment.",
             "Manage FMLA and ADA leave cases and short-term disability with our carrier.",
             "Maintain benefits configuration and employee data in Workday."),
    ),
    education=(degree("bachelor", "B.S. Business Administration, Bellarmine University, 2022",
                      "Bellarmine University", 2022),),
    skills=("Workday, benefits administration, FMLA, ADA, COBRA, open enrolment",),
))

add(candidate(
    "hr_coordinator_junior", family="human_resources", category="under_qualified", layout=PDF,
    grades={HR: 1},
    note="HR coordinator with eighteen months of onboarding and data entry: too junior for a generalist.",
    name="Abigail Thornberry", location="Louisville, KY", headline="HR Coordinator",
    summary="HR coordinator eager to grow into a generalist role.",
    roles=(
        role("HR Coordinator", "Bourbon Trail Logistics", (2025, 5), None, "Louisville, KY",
             "Onboarding paperwork, new-hire orientation and employee data entry in Workday.",
             "Schedule interviews and track training records."),
    ),
    education=(degree("bachelor", "B.A. Communication, Western Kentucky University, 2025",
                      "Western Kentucky University", 2025),),
    skills=("Workday, onboarding, Microsoft Office",),
))

add(candidate(
    "hr_generalist_seattle", family="human_resources", category="wrong_location", layout=DOCX_BOLD,
    grades={HR: 1, TA: 1},
    note="Good HR generalist with Workday in Seattle, not relocating, for an on-site Louisville job.",
    name="Siobhan Gallagher", location="Seattle, WA", headline="HR Generalist",
    summary="HR generalist with six years in aerospace manufacturing. Looking for roles in the Seattle area.",
    roles=(
        role("Senior HR Generalist", "Puget Aero Components", (2020, 8), None, "Everett, WA",
             "Employee relations and investigations for 800 union and non-union employees.",
             "Leave administration (FMLA, WFMLA, ADA), benefits and onboarding in Workday."),
    ),
    education=(degree("bachelor", "B.A. Human Resources, Western Washington University, 2020",
                      "Western Washington University", 2020),),
    skills=("Workday, employee relations, labor relations, FMLA, ADA",),
    extra=(Lines("Certifications", ("PHR",)),),
))

add(candidate(
    "hr_senior_manager", family="human_resources", category="over_qualified", layout=TXT_COLON,
    grades={HR: 2, TA: 1},
    note="Senior HR manager with fourteen years and two plants: can do the job, over the level.",
    name="Gregory Ashby", location="Lexington, KY", headline="Senior HR Manager",
    summary="HR leader with fourteen years in manufacturing, open to relocating to Louisville.",
    roles=(
        role("Senior HR Manager", "Bluegrass Automotive Trim", (2018, 3), None, "Georgetown, KY",
             "Lead HR for two plants (1,100 employees) and a team of five.",
             "Union negotiations, investigations, policies and SuccessFactors roll-out."),
        role("HR Generalist", "Central Kentucky Castings", (2012, 6), (2018, 2), "Lexington, KY",
             "Employee relations, leave and benefits for 400 employees."),
    ),
    education=(degree("bachelor", "B.S. Business Administration, University of Kentucky, 2012",
                      "University of Kentucky", 2012),),
    skills=("SuccessFactors, labor relations, employee relations, FMLA, ADA, compensation",),
    extra=(Lines("Certifications", ("SPHR",)),),
))

add(candidate(
    "payroll_specialist", family="human_resources", category="weak", layout=DOCX,
    grades={HR: 1},
    note="Payroll specialist: HR-adjacent with ADP, no employee relations or leave administration.",
    name="Deborah Kessinger", location="Louisville, KY", headline="Payroll Specialist",
    summary="Payroll specialist with four years of multi-state payroll for hourly employees.",
    roles=(
        role("Payroll Specialist", "Falls City Beverage", (2022, 7), None, "Louisville, KY",
             "Run biweekly payroll for 700 hourly employees in ADP; garnishments and tax filings.",
             "Answer employee pay questions and audit timecards."),
    ),
    education=(degree("associate", "A.A.S. Accounting, Jefferson Community and Technical College, 2022",
                      "Jefferson Community and Technical College", 2022),),
    skills=("ADP Workforce Now, payroll tax, Excel, Kronos",),
))

add(candidate(
    "office_manager_hr", family="administrative", category="partial", layout=TXT_MD,
    grades={EA: 2, HR: 1},
    note="Office manager who handles HR paperwork and supports the owner: near the assistant job, weak for HR.",
    name="Renee Castillo", location="Plano, TX", headline="Office Manager",
    summary="Office manager with six years running the office of a 40-person engineering firm and supporting "
            "its founder and CEO.",
    roles=(
        role("Office Manager", "Collin County Engineering Group", (2020, 9), None, "Plano, TX",
             "Manage the CEO's calendar, travel and expense reports in Concur.",
             "Handle onboarding paperwork, benefits enrolment and personnel files.",
             "Run the office: vendors, facilities, events and the quarterly partners' meeting."),
    ),
    education=(degree("bachelor", "B.A. English, University of North Texas, 2019", "University of North Texas",
                      2019),),
    skills=("Microsoft 365, Outlook, Excel, PowerPoint, Concur, QuickBooks",),
))
