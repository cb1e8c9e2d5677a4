"""The resumes of the evaluation corpus, as data. See model.py for the markup and README.md for the conventions.

Skills: `[surface]` or `[surface|Canonical]` wherever the resume claims a skill (canonical names come from
recruitment_core/data/skills.json). Words written without brackets claim nothing: negations ("no exposure to
Java"), hidden keyword stuffing, and words that only look like skills.
"""

from __future__ import annotations

from corpus.model import (
    Degree,
    Education,
    Experience,
    Job,
    Lines,
    Phone,
    Project,
    Projects,
    Resume,
    Skills,
    Summary,
)

RESUMES: list[Resume] = []


def add(resume: Resume) -> None:
    RESUMES.append(resume)


# The specs are laid out like the documents they describe (one job per block, bullets as lines), which the
# formatter would explode into one argument per line; hence formatting is off for the data below.
# fmt: off


# --- 01: software, single-column PDF, US phone in parentheses ---------------------------------------------------
add(Resume(
    stem="01_backend_engineer_single",
    kind="pdf",
    layout="single",
    profession="software",
    notes="Single-column text PDF; dates right-aligned in a borderless table; 'Jan 2019 – Present'.",
    name="Daniel Okafor",
    headline="Senior Backend Engineer",
    contact=("San Francisco, CA  ·  (415) 555-0100  ·  daniel.okafor@gmail.com  ·  github.com/dokafor",),
    emails=("daniel.okafor@gmail.com",),
    phone=Phone("(415) 555-0100", "+14155550100"),
    location="San Francisco, CA",
    sections=(
        Summary("Profile", "Backend engineer building payment and logistics platforms in [Python] and [Go]. I like "
                "owning a service end to end, from [API design] to on-call."),
        Experience("Professional Experience", style="title_dates", jobs=(
            Job("Senior Backend Engineer", "Brightwave Payments, Inc.", (2022, 3), None, "mon", "San Francisco, CA", (
                "Designed a double-entry ledger service in [Go] and [PostgreSQL] that settles 40M transactions a day.",
                "Split the payments monolith into 12 [microservices|Microservices] talking over [gRPC] and "
                "[Kafka|Apache Kafka].",
                "Cut p95 checkout latency by 45% with [Redis] caching and query tuning.",
                "[Mentored|Mentoring] four engineers and introduced weekly [code reviews|Code review].",
            )),
            Job("Backend Engineer", "Parcelly LLC", (2018, 6), (2022, 2), "mon", "Oakland, CA", (
                "Built the shipment tracking API with [Django] and [Django REST Framework], serving 300 retailers.",
                "Moved label generation to background workers on [Celery] and [RabbitMQ].",
                "Packaged every service with [Docker] and deployed to [AWS].",
                "Introduced [pytest] suites that took coverage from 40% to 85%.",
            )),
            Job("Junior Web Developer", "Cobalt Labs", (2017, 1), (2018, 5), "mon", "Sacramento, CA", (
                "Maintained client sites and internal tools in [PHP] and [MySQL].",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "B.S. Computer Science, University of California, Davis", "Computer Science",
                   "University of California, Davis", 2016, "Graduated June 2016"),
        )),
        Skills("Skills", (
            "Languages: [Python], [Go], [SQL], [Bash]",
            "Data: [PostgreSQL], [Redis], [Kafka|Apache Kafka]",
            "Infrastructure: [Docker], [Kubernetes], [Terraform], [AWS], [GitHub Actions]",
        )),
    ),
))

# --- 02: data science, two-column PDF with a left sidebar, +44 --------------------------------------------------
add(Resume(
    stem="02_data_scientist_two_column",
    kind="pdf",
    layout="two_column",
    profession="data",
    notes="Two-column PDF: contact, toolkit and languages in a left sidebar; '2019-01 to 03/2022' dates.",
    name="Priya Raghunathan",
    headline="Data Scientist",
    contact=("priya.raghunathan@outlook.com", "+44 20 7946 0958", "London, United Kingdom", "linkedin.com/in/priyar"),
    emails=("priya.raghunathan@outlook.com",),
    phone=Phone("+44 20 7946 0958", "+442079460958"),
    location="London, United Kingdom",
    sidebar=("Technical Toolkit", "Languages"),
    sections=(
        Skills("Technical Toolkit", (
            "Languages: [Python], [R], [SQL]",
            "Modelling: [scikit-learn], [XGBoost], [PyTorch]",
            "Data: [pandas], [Spark|Apache Spark], [Airflow|Apache Airflow], [BigQuery]",
            "Visualisation: [Tableau], [Matplotlib]",
        )),
        Lines("Languages", ("[English] (native)", "[Hindi] (fluent)", "Tamil (native)")),
        Summary("Summary", "Data scientist with a background in economics, building [forecasting|Forecasting] and "
                "pricing models for retail and insurance."),
        Experience("Experience", style="employer_dates", jobs=(
            Job("Senior Data Scientist", "Harbourline Insurance Ltd", (2022, 4), None, "iso_slash", "London", (
                "Built a claims-fraud model with [XGBoost] and careful [feature engineering|Feature engineering] "
                "on 30M claims, saving £4M a year.",
                "Put models into production with [MLflow|MLOps] on [Azure|Microsoft Azure].",
                "Ran [A/B tests|A/B testing] on renewal pricing with the actuarial team.",
            ), present_word="present"),
            Job("Data Scientist", "Northgate Retail Group plc", (2019, 1), (2022, 3), "iso_slash", "Reading", (
                "Forecast weekly demand for 4,000 products with [time series forecasting|Time series analysis] in "
                "[Python].",
                "Built [Tableau] [dashboards|Data Visualization] for 30 category managers.",
                "Wrote [SQL] over a 20 TB [BigQuery] warehouse.",
            )),
            Job("Junior Analyst", "Caldwell & Finch LLP", (2017, 9), (2018, 12), "iso_slash", "London", (
                "[Data analysis|Data Analysis] and monthly reporting in [Excel|Microsoft Excel] and [SQL].",
            )),
        )),
        Education("Education", (
            Degree("master", "MSc [Data Science], University College London", "Data Science",
                   "University College London", 2017, "2016 – 2017, Distinction"),
            Degree("bachelor", "BA Economics, University of Mumbai", "Economics", "University of Mumbai", 2015,
                   "2012 – 2015"),
        )),
    ),
))

# --- 03: devops, two pages with running header/footer, overlapping roles, +49 ---------------------------------
add(Resume(
    stem="03_devops_engineer_running_header",
    kind="pdf",
    layout="running_header",
    profession="devops",
    notes="Two pages with a running header (name, email) and 'Page N of 2'; a freelance role overlaps two jobs; "
          "'01/2019 - 03/2022' dates; 'Where I've worked' and 'Core Competencies' headings.",
    name="Jürgen Weiß",
    headline="[DevOps] Engineer",
    contact=("Berlin, Germany  |  +49 151 23456789  |  juergen.weiss@posteo.de",),
    emails=("juergen.weiss@posteo.de",),
    phone=Phone("+49 151 23456789", "+4915123456789"),
    location="Berlin, Germany",
    options={"size": "11"},
    sections=(
        Summary("About me", "Infrastructure engineer who has run [Linux] fleets for a decade and now builds "
                "platforms on [Kubernetes]. I automate the boring parts and write the runbooks for the rest."),
        Experience("Where I've worked", style="title_dates", jobs=(
            Job("Senior [DevOps] Engineer", "Kranich Mobility GmbH", (2022, 4), None, "slash", "Berlin", (
                "Run 14 [Kubernetes] clusters on [AWS] with [Terraform] and [Argo CD].",
                "Built [CI/CD] pipelines in [GitLab CI] for 120 services; deploys went from weekly to daily.",
                "Introduced [Prometheus] and [Grafana] alerting and cut out-of-hours pages by 60%.",
                "Packaged shared services as [Helm charts|Helm] with a common base chart.",
                "Wrote the incident process now used by all nine product teams.",
            ), present_word="present"),
            Job("Freelance Infrastructure Consultant", "Weiß IT-Beratung", (2021, 1), (2023, 6), "slash", "Berlin", (
                "[Ansible] automation and [Docker] migrations for three manufacturing clients.",
                "Moved a client's on-premise [VMware] estate to [Google Cloud].",
            )),
            Job("Systems Engineer", "Nordlicht Hosting AG", (2019, 1), (2022, 3), "slash", "Hamburg", (
                "Managed 600 [Debian|Linux] servers with [Puppet].",
                "Wrote [Bash] and [Python] tooling for backups and provisioning.",
                "Ran the [Nginx] and [MySQL] layer for 2,000 hosted shops.",
            )),
            Job("Junior System Administrator", "Nordlicht Hosting AG", (2016, 9), (2018, 12), "slash", "Hamburg", (
                "Second-line [helpdesk|Technical support] for hosting customers; on-call rota one week in four.",
                "Automated server builds that used to take half a day.",
            )),
        )),
        Skills("Core Competencies", (
            "Platforms: [Kubernetes], [Helm], [Docker], [Linux]",
            "Cloud: [AWS], [Google Cloud]",
            "Automation: [Terraform], [Ansible], [Puppet], [GitLab CI], [Argo CD]",
            "Observability: [Prometheus], [Grafana], [ELK Stack]",
            "Languages: [Python], [Bash], [Go]",
        )),
        Education("Academic Background", (
            Degree("bachelor", "B.Sc. Informatik, Hochschule für Technik und Wirtschaft Berlin", "Informatik",
                   "Hochschule für Technik und Wirtschaft Berlin", 2016,
                   "2012 – 2016 · Thesis: automated failover for [MySQL]"),
        )),
        Lines("Certifications", (
            "Certified Kubernetes Administrator (CKA), 2023",
            "AWS Certified Solutions Architect – Associate, 2022",
        ), bulleted=True),
        Lines("Languages", ("[German] (native), [English] (C1)",)),
        Projects("Open Source", (
            Project("kube-janitor-rules", (
                "Maintainer of a small [Kubernetes] operator that cleans up stale preview environments.",
            )),
        )),
    ),
))

# --- 04: nursing, DOCX with a skills table, +44 mobile ----------------------------------------------------------
add(Resume(
    stem="04_staff_nurse_skills_table",
    kind="docx",
    layout="plain",
    profession="nursing",
    notes="DOCX; clinical skills in a two-column table; 'Sep. 2018 – Jun. 2019' dates; diploma and bachelor.",
    name="Siobhán O'Connor",
    headline="[Registered General Nurse|Nursing] (NMC PIN 12A3456E)",
    contact=("Salford, Greater Manchester", "Mobile: +44 7700 900123", "Email: siobhan.oconnor@protonmail.com"),
    emails=("siobhan.oconnor@protonmail.com",),
    phone=Phone("+44 7700 900123", "+447700900123"),
    location="Salford, Greater Manchester",
    sections=(
        Summary("Personal Statement", "Adult nurse with six years on acute medical wards. Calm under pressure, "
                "thorough with [documentation|Clinical documentation] and committed to [patient education|Patient "
                "education] before discharge."),
        Experience("Clinical Experience", style="employer_dates", jobs=(
            Job("Senior Staff Nurse (Band 6), Acute Medical Unit", "Irwell Valley NHS Foundation Trust", (2021, 7),
                None, "mon_dot", None, (
                "Coordinate a 28-bed unit on shift and [lead a team|Leadership] of eight nurses and HCAs.",
                "Perform [IV cannulation|IV therapy], [venepuncture|Phlebotomy] and [catheterisation|Catheterization].",
                "Ward link nurse for [infection prevention|Infection control]; led the unit's hand hygiene audits.",
            )),
            Job("Staff Nurse (Band 5)", "Irwell Valley NHS Foundation Trust", (2020, 9), (2021, 6), "mon_dot", None, (
                "Delivered [direct patient care|Patient care] on a respiratory ward through the COVID-19 surge.",
                "Completed [patient assessments|Patient assessment] and [medication rounds|Medication administration] "
                "for 12 patients a shift.",
            )),
            Job("Healthcare Assistant", "Sunrise Care Homes Ltd", (2018, 9), (2019, 6), "mon_dot", "Bolton", (
                "Personal care, [vital signs|Vital signs] and [dementia care|Dementia care] for 40 residents.",
            )),
        )),
        Education("Education & Registration", (
            Degree("bachelor", "BSc (Hons) Adult [Nursing] – University of Salford", "Adult Nursing",
                   "University of Salford", 2020, "Sep. 2017 – Aug. 2020"),
            Degree("diploma", "Diploma of Higher Education in Health and Social Care – Bolton College, 2017",
                   "Health and Social Care", "Bolton College", 2017),
        )),
        Skills("Clinical Skills", (
            "Clinical: [IV cannulation|IV therapy], [venepuncture|Phlebotomy], [wound care|Wound care], "
            "[catheterisation|Catheterization]",
            "Systems: [Cerner], EMIS Web",
            "Life support: [BLS|Basic Life Support], ILS (Resuscitation Council UK)",
        ), as_table=True),
    ),
))

# --- 05: accounting, plain TXT with capitalised headings and year-only dates ------------------------------------
add(Resume(
    stem="05_staff_accountant",
    kind="txt",
    layout="plain",
    profession="accounting",
    notes="TXT with upper-case headings; year-only dates ('2017–2020'); CPA; dotted US phone.",
    name="Marcus Bell",
    headline="Staff Accountant, [CPA]",
    contact=("Chicago, IL 60614", "312.555.0147 | marcus.bell.cpa@gmail.com"),
    emails=("marcus.bell.cpa@gmail.com",),
    phone=Phone("312.555.0147", "+13125550147"),
    location="Chicago, IL",
    options={"heading_style": "caps"},
    sections=(
        Summary("Summary", "Licensed [CPA] with eleven years in [month-end close|Month-end close], [general ledger|"
                "General ledger] work and [financial reporting|Financial reporting] for mid-size manufacturers."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Senior Staff Accountant", "Lakeshore Components Inc.", (2020, 7), None, "year", "Chicago, IL", (
                "Own the [month-end close|Month-end close] for three entities; close cut from 9 to 5 working days.",
                "Prepare [accruals|Accruals], [bank reconciliations|Reconciliation] and the [fixed asset|Fixed asset "
                "accounting] roll-forward.",
                "Built [variance analysis|Variance analysis] packs in [Excel|Microsoft Excel] with [pivot tables|"
                "Pivot tables] for the CFO.",
                "Support the [external audit|Auditing] and maintain [SOX|Internal controls] documentation.",
            )),
            Job("Staff Accountant", "Midwest Fastener Supply Co.", (2017, 7), (2020, 6), "year", "Joliet, IL", (
                "Processed [accounts payable|Accounts payable] for 600 vendors in [NetSuite].",
                "Ran weekly [payroll|Payroll] for 140 hourly staff.",
            )),
            Job("Accounting Clerk", "Harper & Vance CPAs", (2015, 7), (2017, 6), "year", "Evanston, IL", (
                "[Bookkeeping] and [tax returns|Tax preparation] for small-business clients in [QuickBooks].",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "B.S. [Accountancy|Accounting], University of Illinois Urbana-Champaign, 2015",
                   "Accountancy", "University of Illinois Urbana-Champaign", 2015),
        )),
        Skills("Skills", (
            "Accounting: [US GAAP|GAAP], [accruals|Accruals], [reconciliations|Reconciliation], [budgeting|"
            "Budgeting], [forecasting|Forecasting]",
            "Systems: [NetSuite], [QuickBooks], [SAP], Advanced [Excel|Microsoft Excel] ([VLOOKUP], [pivot tables|"
            "Pivot tables])",
        )),
    ),
))

# --- 06: sales, two-column PDF, right sidebar with white text on a dark panel, +91 -------------------------------
add(Resume(
    stem="06_sales_manager_dark_sidebar",
    kind="pdf",
    layout="two_column",
    profession="sales",
    notes="Two-column PDF: sidebar on the right printed white on a dark panel (visible, not hidden text); +91.",
    name="Arjun Mehta",
    headline="Regional Sales Manager – Enterprise Software",
    contact=("Bengaluru, Karnataka", "+91 98765 43210", "arjun.mehta@yahoo.co.in"),
    emails=("arjun.mehta@yahoo.co.in",),
    phone=Phone("+91 98765 43210", "+919876543210"),
    location="Bengaluru, Karnataka",
    sidebar=("Key Skills", "Education", "Languages"),
    options={"sidebar_side": "right", "dark_sidebar": "1", "accent": "#8A1538"},
    sections=(
        Summary("Profile", "Enterprise sales leader with a record of opening new territories and building teams "
                "that beat quota. Strong in [consultative selling|Solution selling] to CIOs and CFOs."),
        Experience("Career History", style="title_dates", jobs=(
            Job("Regional Sales Manager, South India", "Vistara Cloud Solutions Pvt. Ltd.", (2021, 2), None, "mon",
                "Bengaluru", (
                    "[Lead a team|Leadership] of 11 account executives; the region grew from INR 18 crore to INR "
                    "46 crore ARR.",
                    "Own the [sales forecast|Sales forecasting] and [pipeline reviews|Pipeline management] in "
                    "[Salesforce].",
                    "Closed the company's two largest [B2B|B2B sales] deals with banking clients.",
                )),
            Job("Key Account Manager", "Infoline Systems Ltd", (2016, 8), (2021, 1), "mon", "Chennai", (
                "Managed 25 enterprise accounts worth INR 12 crore a year with a 96% renewal rate.",
                "Grew wallet share through [upselling|Upselling] support contracts.",
                "Negotiated multi-year contracts with procurement teams.",
            )),
            Job("Sales Executive", "Infoline Systems Ltd", (2013, 6), (2016, 7), "mon", "Chennai", (
                "[Cold calling|Cold calling] and [prospecting|Prospecting] for mid-market accounts; top performer "
                "in 2015.",
            )),
        )),
        Skills("Key Skills", (
            "[Key account management|Key account management]",
            "[Solution selling|Solution selling]",
            "[Negotiation]",
            "[Territory management|Territory management]",
            "[Salesforce], [HubSpot]",
            "[Team management|Team management]",
        )),
        Education("Education", (
            Degree("master", "MBA (Marketing), Symbiosis Institute of Business Management, 2013", "Marketing",
                   "Symbiosis Institute of Business Management", 2013),
            Degree("bachelor", "B.Com, Christ University, 2011", "Commerce", "Christ University", 2011),
        )),
        Lines("Languages", ("[English], [Hindi], Kannada",)),
    ),
))

# --- 07: new graduate, internships and projects only, 'Summer 2025' ------------------------------------------------
add(Resume(
    stem="07_new_grad_software",
    kind="pdf",
    layout="single",
    profession="software",
    notes="New graduate: two summer internships ('Summer 2024'), projects, 'Academic Background' first.",
    name="Emily Chen",
    contact=("Seattle, WA", "+1 (206) 555-0123", "emily.chen@uw.edu", "github.com/emchen"),
    emails=("emily.chen@uw.edu",),
    phone=Phone("+1 (206) 555-0123", "+12065550123"),
    location="Seattle, WA",
    options={"heading_case": "upper", "accent": "#0B6E4F"},
    sections=(
        Education("Academic Background", (
            Degree("bachelor", "Bachelor of Science in Computer Science, University of Washington", "Computer Science",
                   "University of Washington", 2026, "Graduated June 2026 · GPA 3.7 · Dean's List"),
        )),
        Lines("Relevant Coursework", (
            "[Data Structures|Data structures], [Algorithms], Operating Systems, [Distributed Systems|Distributed "
            "systems], [Machine Learning]",
        )),
        Experience("Internships", style="title_dates", jobs=(
            Job("Software Engineering Intern", "Cascade Robotics", (2025, 6), (2025, 8), "season", "Seattle, WA", (
                "Wrote a [C++] driver for a lidar sensor and its [unit tests|Unit testing].",
                "Added a [Python] tool that replays ROS sensor logs for [debugging|Debugging].",
            )),
            Job("Software Engineering Intern", "Evergreen Health Tech", (2024, 6), (2024, 8), "season",
                "Bellevue, WA", (
                "Built an appointment reminder service with [Node.js] and [TypeScript].",
                "Shipped two [React] screens used by 200 clinics.",
            )),
        )),
        Projects("Projects", (
            Project("Campus Eats – [React Native] app (2025)", (
                "Food-truck finder with [Firebase] auth and live locations; 1,500 student users.",
            )),
            Project("Raft-lite – course project (2025)", (
                "A small consensus library in [Go] with [Docker]-based chaos tests.",
            )),
            Project("Husky Hackathon 2024 – first place", (
                "Sign-language alphabet recogniser with [PyTorch] and [OpenCV].",
            )),
        )),
        Skills("Technical Skills", (
            "Languages: [Python], [Java], [C++], [TypeScript], [Go], [SQL]",
            "Tools: [Git], [Linux], [Docker], [PostgreSQL]",
        )),
    ),
))

# --- 08: career changer (teacher -> data analyst), DOCX two-column layout table ----------------------------------
add(Resume(
    stem="08_teacher_to_data_analyst",
    kind="docx",
    layout="layout_table",
    profession="data",
    notes="Career changer: eight years teaching, a gap for a bootcamp, then data roles; DOCX layout table with a "
          "left sidebar; 'Professional Background' heading; 'Mar 2023 to Present' dates.",
    name="Rachel Thompson",
    headline="Data Analyst · former mathematics teacher",
    contact=("Denver, CO", "(720) 555-0142", "rachel.thompson.data@gmail.com", "linkedin.com/in/rachelthompsondata"),
    emails=("rachel.thompson.data@gmail.com",),
    phone=Phone("(720) 555-0142", "+17205550142"),
    location="Denver, CO",
    sidebar=("Skills", "Certifications"),
    options={"heading_style": "bold"},
    sections=(
        Summary("Summary", "Former maths teacher turned data analyst. Eight years of explaining numbers to teenagers "
                "taught me to turn analysis into decisions people act on; I now do it with [SQL], [Python] and "
                "[Tableau]."),
        Experience("Professional Background", style="stacked", jobs=(
            Job("Data Analyst", "Summit Outdoor Co.", (2023, 3), None, "mon_to", "Denver, CO", (
                "Own the weekly sales and inventory [dashboards|Data Visualization] in [Tableau] for 40 stores.",
                "Rebuilt demand reports on [Snowflake] with [dbt], cutting refresh time from hours to minutes.",
                "Designed the [A/B test|A/B testing] readouts for the loyalty programme.",
            )),
            Job("Junior Data Analyst", "Front Range Credit Union", (2022, 1), (2023, 2), "mon_to", "Lakewood, CO", (
                "Automated member-churn reports in [Python] ([pandas]) and [Excel|Microsoft Excel].",
                "Wrote [SQL] against [Microsoft SQL Server|Microsoft SQL Server] for the lending team.",
            )),
            Job("Mathematics Teacher", "Denver Public Schools", (2013, 8), (2021, 6), "mon_to", "Denver, CO", (
                "Taught algebra and [statistics|Statistics] to grades 9–12; pass rates rose from 61% to 84%.",
                "[Mentored|Mentoring] six student teachers and led the maths department's data team.",
            )),
        )),
        Education("Education", (
            Degree("master", "M.A. Education, University of Northern Colorado, 2015", "Education",
                   "University of Northern Colorado", 2015),
            Degree("bachelor", "B.A. Mathematics, Colorado State University, 2013", "Mathematics",
                   "Colorado State University", 2013),
        )),
        Skills("Skills", (
            "[SQL]",
            "[Python] ([pandas], [Matplotlib])",
            "[Tableau], [Power BI]",
            "[dbt], [Snowflake]",
            "[Excel|Microsoft Excel]",
            "[Statistics]",
            "[Public speaking]",
        )),
        Lines("Certifications", (
            "Data Analytics Certificate, Turing Data Academy (2021)",
            "Google [Data Analytics|Data Analysis] Professional Certificate",
        )),
    ),
))

# --- 09: frontend, single-column PDF with white keyword stuffing ----------------------------------------------------
add(Resume(
    stem="09_frontend_hidden_white_text",
    kind="pdf",
    layout="single",
    profession="software",
    notes="White text at the foot of the page stuffed with keywords the candidate never claims; +351.",
    name="Lucas Ferreira",
    headline="Frontend Engineer",
    contact=("Lisbon, Portugal  ·  +351 912 345 678  ·  lucas.ferreira.dev@gmail.com",),
    emails=("lucas.ferreira.dev@gmail.com",),
    phone=Phone("+351 912 345 678", "+351912345678"),
    location="Lisbon, Portugal",
    hidden="Kubernetes Terraform Java Spring Boot Machine Learning Azure Salesforce Kafka Scala Kotlin Rust SAP "
           "Kubernetes Terraform Java Machine Learning Azure Salesforce Kafka Scala Kotlin",
    options={"hidden_style": "white"},
    sections=(
        Summary("Summary", "Frontend engineer who cares about fast, accessible interfaces. Six years with [React] and "
                "[TypeScript], recently [Next.js] and design systems work with product designers."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Frontend Engineer", "Lumen Studio Lda.", (2021, 5), None, "mon", "Lisbon", (
                "Lead the [React] and [Next.js] storefront for 30 fashion brands.",
                "Built a component library in [Storybook] shared by four teams ([design system|Design systems]).",
                "Raised Lighthouse accessibility scores to 98 by auditing against [WCAG|Web accessibility].",
                "Wrote [Cypress] end-to-end tests and [Jest] [unit tests|Unit testing] for checkout.",
            )),
            Job("Web Developer", "Atlântico Digital", (2018, 2), (2021, 4), "mon", "Porto", (
                "Built marketing sites with [JavaScript], [HTML] and [Sass].",
                "Consumed [GraphQL] and [REST APIs] from a [Node.js] backend.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "Licenciatura em Engenharia Informática, Universidade do Porto, 2017",
                   "Engenharia Informática", "Universidade do Porto", 2017),
        )),
        Skills("Skills", (
            "[TypeScript], [JavaScript], [React], [Next.js], [HTML], [CSS], [Sass], [Tailwind CSS]",
            "[Jest], [Cypress], [Storybook], [Figma], [Git]",
            "Languages: [Portuguese] (native), [English] (fluent), [Spanish] (intermediate)",
        )),
    ),
))

# --- 10: negation ("No exposure to Java"), Markdown-style TXT -------------------------------------------------------
add(Resume(
    stem="10_python_developer_negation",
    kind="txt",
    layout="plain",
    profession="software",
    notes="Negated skills ('No exposure to Java or Kotlin', 'not familiar with Kubernetes') must not count; "
          "Markdown-style TXT.",
    name="Aisha Khan",
    headline="Backend Developer (Python)",
    contact=("Toronto, ON | +1 416-555-0177 | aisha.khan@fastmail.com",),
    emails=("aisha.khan@fastmail.com",),
    phone=Phone("+1 416-555-0177", "+14165550177"),
    location="Toronto, ON",
    options={"heading_style": "markdown", "bullet": "*"},
    sections=(
        Summary("About", "Backend developer focused on [Python] services and data-heavy APIs. No exposure to Java "
                "or Kotlin, and I am not familiar with Kubernetes beyond reading other people's manifests; my "
                "deployments run on [AWS Lambda] and Heroku."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Backend Developer", "Maple Ledger Inc.", (2020, 9), None, "mon", "Toronto", (
                "Built invoicing APIs with [FastAPI] and [PostgreSQL] for 5,000 small businesses.",
                "Moved nightly jobs to [AWS Lambda] and [Amazon S3|Amazon S3]; hosting costs fell 40%.",
                "Introduced type hints across the codebase and [pytest] fixtures for the database.",
            )),
            Job("Python Developer", "Northern Lights Analytics", (2018, 5), (2020, 8), "mon", "Waterloo, ON", (
                "Maintained a [Flask] reporting app and its [Celery] workers.",
                "Wrote [SQL] reports and [pandas] exports for insurance clients.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "Bachelor of Applied Science, Computer Engineering – University of Toronto, 2018",
                   "Computer Engineering", "University of Toronto", 2018),
        )),
        Skills("Skills", (
            "Strong: [Python], [FastAPI], [Flask], [PostgreSQL], [SQL], [pytest]",
            "Working knowledge: [Docker], [AWS Lambda], [Redis]",
            "Not yet: Java, Kotlin, Kubernetes",
        )),
    ),
))

# --- 11: logistics, scanned image PDF (1-bit, 300 dpi), associate degree, +31 ----------------------------------------
add(Resume(
    stem="11_logistics_coordinator_scanned",
    kind="scan",
    layout="single",
    profession="logistics",
    notes="Scanned: the page is a 300 dpi 1-bit image with a slight skew and no text layer (needs OCR).",
    name="Tomasz Kowalski",
    headline="Logistics Coordinator",
    contact=("Rotterdam, Netherlands", "Tel: +31 6 12345678", "E-mail: t.kowalski@kpnmail.nl"),
    emails=("t.kowalski@kpnmail.nl",),
    phone=Phone("+31 6 12345678", "+31612345678"),
    location="Rotterdam, Netherlands",
    options={"size": "11", "scan": "g4", "skew": "0.5"},
    sections=(
        Summary("Profile", "Logistics coordinator with twelve years in port and warehouse operations, from the "
                "forklift to the planning desk. Reliable, practical and at home in [SAP]."),
        Experience("Work Experience", style="title_dates", jobs=(
            Job("Logistics Coordinator", "Maasvlakte Freight B.V.", (2020, 3), None, "mon", "Rotterdam", (
                "Plan 300 container moves a week between the terminal, customs and inland depots.",
                "Track shipments and stock in [SAP] and report delays to customers.",
                "Cut demurrage costs by 18% with a daily [Excel|Microsoft Excel] tracker for release dates.",
            )),
            Job("Warehouse Team Leader", "Nordzee Warehousing B.V.", (2016, 6), (2020, 2), "mon", "Schiedam", (
                "Led 14 operators across two shifts; [stock control|Inventory management] accuracy 99.6%.",
                "Introduced 5S and [Lean Six Sigma] yellow-belt projects on the packing line.",
            )),
            Job("Forklift Operator", "Nordzee Warehousing B.V.", (2014, 9), (2016, 5), "mon", "Schiedam", (
                "Reach truck and counterbalance licences; zero incidents in 20 months.",
            )),
        )),
        Education("Education", (
            Degree("associate", "Associate degree Logistics, Hogeschool Rotterdam, 2014", "Logistics",
                   "Hogeschool Rotterdam", 2014),
        )),
        Skills("Skills", (
            "[Logistics] planning, [supply chain|Supply chain management] coordination, [inventory management|"
            "Inventory management]",
            "[SAP], [Excel|Microsoft Excel]",
            "Languages: Polish (native), Dutch (fluent), [English] (fluent), [German] (basic)",
        )),
    ),
))

# --- 12: product design, DOCX layout table (two columns), two e-mail addresses, +33 ---------------------------------
add(Resume(
    stem="12_product_designer_layout_table",
    kind="docx",
    layout="layout_table",
    profession="design",
    notes="DOCX whose whole page is a two-column table (sidebar: contact, toolbox, languages); two e-mails.",
    name="Chloé Dubois",
    headline="Senior [Product Designer|Product design]",
    contact=("Paris, France", "+33 6 12 34 56 78", "chloe.dubois@gmail.com", "hello@chloedubois.design",
             "chloedubois.design"),
    emails=("chloe.dubois@gmail.com", "hello@chloedubois.design"),
    phone=Phone("+33 6 12 34 56 78", "+33612345678"),
    location="Paris, France",
    sidebar=("Toolbox", "Languages"),
    sections=(
        Summary("Profile", "Product designer who turns research into interfaces people understand. I run [user "
                "research|User research], shape flows with [wireframes|Wireframing] and ship polished [UI|UI design] "
                "in a [design system|Design systems]."),
        Experience("Experience", style="employer_dates", jobs=(
            Job("Senior [Product Designer|Product design]", "Maison Nova SAS", (2022, 1), None, "mon",
                "Paris", (
                "Lead designer for the mobile booking app (2M users); conversion up 14%.",
                "Run [usability testing|Usability testing] every sprint and share findings with engineering.",
                "Built and maintain the [Figma] [design system|Design systems] for web and mobile.",
            )),
            Job("[UX|UX design]/[UI|UI design] Designer", "Studio Brume", (2019, 9), (2021, 12), "mon", "Lyon", (
                "[Prototyping] and [journey mapping|Journey mapping] for banking and energy clients.",
                "Delivered [accessible|Web accessibility] interfaces that met RGAA and [WCAG|Web accessibility] AA.",
            )),
            Job("Junior [Graphic Designer|Graphic design]", "Agence Pixel SARL", (2017, 9), (2019, 8), "mon",
                "Lyon", (
                "[Branding|Brand management] and print work in [Illustrator|Adobe Illustrator] and [InDesign|Adobe "
                "InDesign].",
            )),
        )),
        Education("Education", (
            Degree("master", "Master in [Interaction Design|Interaction design], Strate École de Design, 2017",
                   "Interaction Design", "Strate École de Design", 2017),
        )),
        Skills("Toolbox", (
            "[Figma]",
            "[Sketch]",
            "[Adobe Illustrator]",
            "[Photoshop|Adobe Photoshop]",
            "[Prototyping]",
            "[User research]",
            "[Design systems]",
        )),
        Lines("Languages", ("[French] – native", "[English] – fluent (C1)")),
    ),
))

# --- 13: teaching, TXT with underlined headings -------------------------------------------------------------------
add(Resume(
    stem="13_secondary_science_teacher",
    kind="txt",
    layout="plain",
    profession="teaching",
    notes="TXT with '====' underlined headings; a PGCE listed as a qualification, not a degree; +44 landline.",
    name="Olivia Hart",
    headline="Head of Science (Secondary)",
    contact=("Bristol, UK", "Phone: +44 117 496 0123", "Email: olivia.hart.teach@gmail.com"),
    emails=("olivia.hart.teach@gmail.com",),
    phone=Phone("+44 117 496 0123", "+441174960123"),
    location="Bristol, UK",
    options={"heading_style": "underline"},
    sections=(
        Summary("Profile", "Chemistry teacher and Head of Science with ten years in comprehensive schools. I build "
                "departments where teachers share resources and students see why science matters."),
        Experience("Teaching Experience", style="title_dates", jobs=(
            Job("Head of Science", "Kingsweston Academy", (2021, 9), None, "month", "Bristol", (
                "Lead a department of 12 teachers and 3 technicians across KS3–KS5.",
                "Rewrote the KS3 curriculum; GCSE grades 4+ rose from 58% to 71% in three years.",
                "[Coach|Mentoring] early-career teachers and run the department's [budget|Budgeting].",
            )),
            Job("Teacher of Chemistry", "St Bede's Catholic College", (2016, 9), (2021, 8), "month", "Bristol", (
                "Taught chemistry to A level and combined science to GCSE.",
                "Ran the STEM club and the school's first [Python|Python] coding club.",
            )),
        )),
        Education("Education", (
            Degree("master", "MChem Chemistry, University of Bath, 2015", "Chemistry", "University of Bath", 2015),
        )),
        Lines("Professional Qualifications", (
            "PGCE Secondary Science (Chemistry), University of Bristol, 2016",
            "Qualified Teacher Status (QTS), 2016",
            "National Professional Qualification for Leading Teaching (NPQLT), 2022",
        )),
        Skills("Skills", (
            "[Google Workspace] for Education, [Microsoft PowerPoint], [Excel|Microsoft Excel] markbooks",
            "[Public speaking], [mentoring|Mentoring], curriculum planning",
        )),
    ),
))

# --- 14: logistics, DOCX with the contact lines in the page header, diploma + bachelor ------------------------------
add(Resume(
    stem="14_distribution_center_manager",
    kind="docx",
    layout="header_contact",
    profession="logistics",
    notes="DOCX with name below and contact lines only in the page header; 'April 2019 to Present' dates; "
          "a military employer; a diploma.",
    name="Kwame Mensah",
    headline="Distribution Center Manager",
    contact=("Memphis, TN 38118  |  +1 901 555 0163  |  kwame.mensah@outlook.com",),
    emails=("kwame.mensah@outlook.com",),
    phone=Phone("+1 901 555 0163", "+19015550163"),
    location="Memphis, TN",
    sections=(
        Summary("Summary of Qualifications", "[Operations management|Operations management] leader with 17 years in "
                "distribution and military [logistics|Logistics]. Runs safe, high-volume sites through [continuous "
                "improvement|Process improvement] and clear KPIs."),
        Experience("Professional Experience", style="title_dates", jobs=(
            Job("Distribution Center Manager", "RiverBend Logistics LLC", (2019, 4), None, "month", "Memphis, TN", (
                "Run a 600,000 sq ft DC with 240 associates shipping 90,000 orders a day.",
                "Implemented [Lean Six Sigma] projects that saved $1.8M a year.",
                "Own the site [budget|Budgeting] and [vendor management|Vendor management] for carriers.",
            )),
            Job("Operations Supervisor", "Delta Freight Lines", (2014, 1), (2019, 3), "month", "Memphis, TN", (
                "Supervised inbound and outbound docks; [inventory management|Inventory management] in [SAP].",
            )),
            Job("Logistics Specialist", "U.S. Army", (2009, 6), (2013, 12), "month", "Fort Campbell, KY", (
                "Managed equipment accountability worth $12M and [procurement|Procurement] for a battalion.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "Bachelor of Business Administration, University of Memphis, 2018",
                   "Business Administration", "University of Memphis", 2018),
            Degree("diploma", "Diploma in [Logistics] and [Supply Chain Management|Supply chain management], "
                   "Southwest Tennessee Community College, 2015", "Logistics and Supply Chain Management",
                   "Southwest Tennessee Community College", 2015),
        )),
        Skills("Core Skills", (
            "[Supply chain management|Supply chain management] · [Inventory management] · [Lean Six Sigma] Green Belt",
            "[SAP] EWM · [Excel|Microsoft Excel] · [Team management|Team management] · [Budgeting]",
        )),
    ),
))

# --- 15: nursing, two pages with running header and footer, credentials after the name --------------------------
add(Resume(
    stem="15_icu_nurse_running_header",
    kind="pdf",
    layout="running_header",
    profession="nursing",
    notes="Printed name carries credentials ('SARAH O'NEILL, RN, BSN'); running header and 'Confidential · Page N "
          "of 2' footer; a per-diem role overlaps the main one.",
    name="Sarah O'Neill",
    printed_name="SARAH O'NEILL, RN, BSN",
    headline="Critical Care [Registered Nurse|Nursing]",
    contact=("Houston, TX 77030", "(713) 555-0190", "sarah.oneill.rn@gmail.com"),
    emails=("sarah.oneill.rn@gmail.com",),
    phone=Phone("(713) 555-0190", "+17135550190"),
    location="Houston, TX",
    options={"size": "12.5", "header": "Sarah O'Neill, RN — Resume", "header_right": "(713) 555-0190",
             "footer": "Confidential · Page {page} of {pages}", "font": "Times-Roman", "accent": "#000000"},
    sections=(
        Summary("Professional Summary", "ICU nurse with ten years of bedside experience in medical and cardiac "
                "[intensive care|Critical care]. Trusted with [ventilated|Ventilator management] and post-surgical "
                "patients, rapid-response calls and precepting new graduates."),
        Experience("Nursing Experience", style="title_dates", jobs=(
            Job("ICU Registered Nurse", "Bayou Medical Center", (2019, 6), None, "mon_dot", "Houston, TX", (
                "Care for two critically ill patients a shift in a 32-bed medical ICU.",
                "Manage [mechanical ventilation|Ventilator management], vasoactive drips and [IV therapy|IV therapy].",
                "Charge nurse two shifts a week; [precept|Mentoring] new graduate nurses.",
                "Document assessments and care in [Epic|Epic Systems].",
                "Member of the unit practice council and the sepsis bundle task force.",
            )),
            Job("Per Diem Critical Care Nurse", "Gulf Coast Regional Hospital", (2022, 3), (2024, 2), "mon_dot",
                "Pasadena, TX", (
                    "Covered ICU and [telemetry unit|Telemetry nursing] shifts two weekends a month.",
                )),
            Job("Medical-Surgical Nurse", "St. Agnes Community Hospital", (2016, 7), (2019, 5), "mon_dot",
                "Galveston, TX", (
                    "[Patient assessment|Patient assessment], [medication administration|Medication administration] "
                    "and [wound care|Wound care] for 5–6 patients a shift.",
                    "Led [discharge planning|Discharge planning] and [patient education|Patient education] for heart "
                    "failure patients.",
                    "Super-user for the move from paper charts to [electronic health records|Electronic Health "
                    "Records].",
                )),
        )),
        Education("Education", (
            Degree("bachelor", "Bachelor of Science in [Nursing] (BSN), University of Texas Medical Branch, 2016",
                   "Nursing", "University of Texas Medical Branch", 2016),
            Degree("associate", "Associate Degree in [Nursing] (ADN), Houston Community College, 2014", "Nursing",
                   "Houston Community College", 2014),
        )),
        Lines("Licensure & Certifications", (
            "Registered Nurse, Texas Board of Nursing, License #123456 (compact)",
            "CCRN – Critical Care Registered Nurse, AACN, 2020",
            "[ACLS] and [BLS|Basic Life Support], American Heart Association, current",
        ), bulleted=True),
        Skills("Clinical Skills", (
            "[Critical care|Critical care], [ventilator management|Ventilator management], arterial lines, CRRT",
            "[IV therapy|IV therapy], [medication administration|Medication administration], [care planning|Care "
            "planning]",
            "[Infection control|Infection control], [HIPAA], [Epic|Epic Systems]",
        )),
        Lines("Professional Memberships", (
            "American Association of Critical-Care Nurses (AACN)",
            "Texas Nurses Association",
        ), bulleted=True),
    ),
))

# --- 16: finance, two-column PDF with left sidebar, +65 -----------------------------------------------------------
add(Resume(
    stem="16_financial_analyst_two_column",
    kind="pdf",
    layout="two_column",
    profession="accounting",
    notes="Two-column PDF (left sidebar with skills, certifications, languages); FP&A; +65.",
    name="Wei Zhang",
    headline="Senior Financial Analyst | FP&A",
    contact=("Singapore", "+65 9123 4567", "wei.zhang.fin@gmail.com"),
    emails=("wei.zhang.fin@gmail.com",),
    phone=Phone("+65 9123 4567", "+6591234567"),
    location="Singapore",
    sidebar=("Skills", "Certifications", "Languages"),
    options={"accent": "#00594F", "paper": "a4"},
    sections=(
        Skills("Skills", (
            "[Financial modelling|Financial modeling]",
            "[Budgeting] & [forecasting|Forecasting]",
            "[Variance analysis]",
            "[Valuation]",
            "[IFRS]",
            "[SAP], [Power BI]",
            "Advanced [Excel|Microsoft Excel], [VBA|Visual Basic]",
            "[SQL]",
        )),
        Lines("Certifications", ("[CFA] Level II candidate", "Chartered Accountant (Singapore)")),
        Lines("Languages", ("[English]", "[Mandarin]", "Cantonese")),
        Experience("Professional Experience", style="title_dates", jobs=(
            Job("Senior [Financial Analyst|Financial analysis]", "Straits Maritime Holdings Pte. Ltd.", (2022, 8), None,
                "mon", None, (
                "Lead the annual [budget|Budgeting] and rolling [forecasts|Forecasting] for a $900M shipping group.",
                "Built a fleet-level [financial model|Financial modeling] used to price two vessel acquisitions.",
                "Automated monthly [variance analysis|Variance analysis] with [Power BI] and [SQL].",
            )),
            Job("[Financial Analyst|Financial analysis]", "Lion City Retail Pte Ltd", (2019, 7), (2022, 7), "mon",
                None, (
                "[FP&A|Financial planning and analysis] for 80 stores; weekly sales and margin reporting.",
                "Produced [IFRS] 16 lease schedules and supported the [year-end audit|Auditing].",
            )),
            Job("Audit Associate", "Kwok & Partners Chartered Accountants", (2017, 8), (2019, 6), "mon", None, (
                "[Statutory audits|Auditing] of trading and logistics companies.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "Bachelor of [Accountancy|Accounting] (Honours), Nanyang Technological University, 2017",
                   "Accountancy", "Nanyang Technological University", 2017),
        )),
    ),
))

# --- 17: UX design, TXT with 'HEADING:' lines, two e-mail addresses, 'Now' for the present -----------------------
add(Resume(
    stem="17_ux_designer_multiple_emails",
    kind="txt",
    layout="plain",
    profession="design",
    notes="TXT, headings as 'WHERE I'VE WORKED:'; two e-mail addresses; 'Oct 2021 – Now'; UTF-8 name (Zoë).",
    name="Zoë Whitfield",
    headline="Lead UX Designer",
    contact=("Portland, OR · 503-555-0134", "zoe@whitfield.studio · zoe.whitfield@gmail.com",
             "Portfolio: whitfield.studio"),
    emails=("zoe@whitfield.studio", "zoe.whitfield@gmail.com"),
    phone=Phone("503-555-0134", "+15035550134"),
    location="Portland, OR",
    options={"heading_style": "colon", "bullet": "•"},
    sections=(
        Summary("What I do", "I lead [UX|UX design] for complex B2B tools: [user research|User research], "
                "[information architecture|Information architecture] and [interaction design|Interaction design], "
                "through to specs engineers enjoy building from."),
        Experience("Where I've worked", style="title_dates", jobs=(
            Job("Lead UX Designer", "Timberline Software Inc.", (2021, 10), None, "mon", "Portland, OR", (
                "[Lead a team|Leadership] of four designers on a construction-scheduling platform.",
                "Run [user interviews|User research] and [usability tests|Usability testing] with site managers.",
                "Own the [design system|Design systems] in [Figma], built to [WCAG|Web accessibility] 2.2 AA.",
            ), present_word="Now"),
            Job("UX Designer", "Cedar & Pine Agency", (2018, 3), (2021, 9), "mon", "Portland, OR", (
                "[Wireframes|Wireframing], [prototypes|Prototyping] and [journey maps|Journey mapping] for healthcare "
                "and retail clients.",
                "Prototyped in [HTML] and [CSS] when clickable mock-ups were not enough.",
            )),
            Job("Visual Designer", "Rose City Print Co.", (2015, 6), (2018, 2), "mon", "Portland, OR", (
                "[Typography|Typography], layout and [visual design|Visual design] for packaging and posters.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "BFA [Graphic Design|Graphic design], Pacific Northwest College of Art, 2015",
                   "Graphic Design", "Pacific Northwest College of Art", 2015),
        )),
        Skills("Toolkit", (
            "Research: [user interviews|User research], [usability testing|Usability testing], [journey mapping|"
            "Journey mapping]",
            "Design: [Figma], [Adobe Illustrator], [prototyping|Prototyping], [design systems|Design systems]",
            "Build: [HTML], [CSS]",
        )),
    ),
))

# --- 18: B2B sales, DOCX with bold headings, two e-mails --------------------------------------------------------
add(Resume(
    stem="18_account_executive_docx",
    kind="docx",
    layout="plain",
    profession="sales",
    notes="DOCX with bold (not styled) headings and tab-aligned dates; two e-mails; a promotion at one employer.",
    name="Jordan Rivera",
    headline="Account Executive, Mid-Market SaaS",
    contact=("Brooklyn, NY | +1 646-555-0199", "jordan.rivera@gmail.com | jrivera@workmail.com"),
    emails=("jordan.rivera@gmail.com", "jrivera@workmail.com"),
    phone=Phone("+1 646-555-0199", "+16465550199"),
    location="Brooklyn, NY",
    options={"heading_style": "bold"},
    sections=(
        Summary("Summary", "Quota-carrying [B2B|B2B sales] seller with six years in SaaS, from [cold calling|Cold "
                "calling] as an SDR to closing six-figure mid-market deals."),
        Experience("Sales Experience", style="title_dates", jobs=(
            Job("Account Executive, Mid-Market", "Quantix Software, Inc.", (2022, 5), None, "mon", "New York, NY", (
                "Closed $1.9M in new ARR in 2025 (131% of quota); President's Club.",
                "Run full-cycle deals: discovery, demo, [negotiation|Negotiation] and close, in [Salesforce].",
                "Keep a 4x [pipeline|Pipeline management] coverage with disciplined [prospecting|Prospecting].",
            )),
            Job("Sales Development Representative", "Quantix Software, Inc.", (2020, 9), (2022, 4), "mon",
                "New York, NY", (
                    "Booked 25+ meetings a month from [cold calls|Cold calling] and sequences in [HubSpot].",
                    "Top SDR for four quarters; [lead generation|Lead generation] playbook adopted team-wide.",
                )),
            Job("Sales Associate", "Metro Electronics", (2018, 6), (2020, 8), "mon", "Queens, NY", (
                "[Retail sales|Retail sales] and [customer service|Customer service] in a high-volume store.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "B.A. [Communication], Hunter College (CUNY), 2018", "Communication", "Hunter College",
                   2018),
        )),
        Skills("Skills", (
            "[Salesforce], [HubSpot], Gong, Outreach",
            "[Account management|Account management], [lead generation|Lead generation], [negotiation|Negotiation]",
            "Bilingual: [English] and [Spanish]",
        )),
    ),
))

# --- 19: ML engineer, single-column PDF with 1-point keyword stuffing, PhD, 'Summer 2018' internship ---------------
add(Resume(
    stem="19_ml_engineer_tiny_text",
    kind="pdf",
    layout="single",
    profession="data",
    notes="Tiny (1 pt, near-white) text stuffed with keywords; printed name with 'Dr.'; PhD; a summer internship.",
    name="Mei Lin Tan",
    printed_name="Dr. Mei Lin Tan",
    headline="Staff Machine Learning Engineer",
    contact=("Cambridge, MA · (617) 555-0112 · meilin.tan@alum.mit.edu",),
    emails=("meilin.tan@alum.mit.edu",),
    phone=Phone("(617) 555-0112", "+16175550112"),
    location="Cambridge, MA",
    hidden="Salesforce SAP Java Spring Hibernate Angular Tableau Oracle COBOL Excel Scrum PMP Six Sigma Salesforce "
           "SAP Java Angular Tableau COBOL",
    options={"hidden_style": "tiny", "font": "Times-Roman", "size": "10.5"},
    sections=(
        Summary("Summary", "Machine learning engineer with a PhD in [NLP|Natural Language Processing]. I take models "
                "from notebook to production: [large language models|Large Language Models], retrieval and "
                "evaluation at scale."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Staff [Machine Learning] Engineer", "Helix Bio AI, Inc.", (2023, 1), None, "mon", "Boston, MA", (
                "Lead the protein-language-model team (5 engineers); fine-tune [LLMs|Large Language Models] with "
                "[PyTorch] and [Hugging Face].",
                "Built the training platform on [Kubernetes] and [AWS]; GPU utilisation up from 35% to 80%.",
                "Introduced offline evaluation and model registry practices ([MLOps]).",
            )),
            Job("[Machine Learning] Engineer", "Cortex Retail Labs", (2020, 1), (2022, 12), "mon", "Boston, MA", (
                "Shipped [computer vision|Computer Vision] models for shelf monitoring in 900 stores.",
                "Served models with [TensorFlow] Serving and [Docker]; p99 latency under 50 ms.",
            )),
            Job("Research Intern", "Nimbus Research", (2018, 6), (2018, 8), "season", "Seattle, WA", (
                "Prototyped a multilingual [NLP|Natural Language Processing] parser in [Python] and [C++].",
            )),
        )),
        Education("Education", (
            Degree("phd", "Ph.D. Electrical Engineering and Computer Science, Massachusetts Institute of Technology",
                   "Electrical Engineering and Computer Science", "Massachusetts Institute of Technology", 2019,
                   "2014 – 2019 · Thesis: Low-resource semantic parsing"),
            Degree("bachelor", "B.Eng. Computer Engineering, National University of Singapore, 2014",
                   "Computer Engineering", "National University of Singapore", 2014),
        )),
        Skills("Skills", (
            "ML: [PyTorch], [TensorFlow], [Hugging Face], [scikit-learn], [deep learning|Deep Learning]",
            "Engineering: [Python], [C++], [Kubernetes], [Docker], [AWS]",
        )),
        Lines("Selected Publications", (
            "Tan, M. L. et al. Cross-lingual semantic parsing with few examples. ACL 2019.",
            "Tan, M. L. and R. Barzilay. Evaluating retrieval for protein language models. NeurIPS workshop 2024.",
        )),
    ),
))

# --- 20: accounting, scanned JPEG-compressed image PDF, +971 ------------------------------------------------------
add(Resume(
    stem="20_finance_manager_scanned_jpeg",
    kind="scan",
    layout="single",
    profession="accounting",
    notes="Scanned: 150 dpi greyscale JPEG page, skewed, no text layer (needs OCR); +971.",
    name="Fatima Al-Sayed",
    headline="Finance Manager | ACCA",
    contact=("Dubai, United Arab Emirates", "+971 50 123 4567  |  fatima.alsayed@gmail.com"),
    emails=("fatima.alsayed@gmail.com",),
    phone=Phone("+971 50 123 4567", "+971501234567"),
    location="Dubai, United Arab Emirates",
    options={"size": "11", "scan": "jpeg", "skew": "-0.6"},
    sections=(
        Summary("Profile", "Chartered accountant ([ACCA]) with thirteen years in audit and corporate finance across "
                "trading and hospitality groups."),
        Experience("Employment History", style="title_dates", jobs=(
            Job("Finance Manager", "Gulfstar Trading LLC", (2021, 3), None, "mon", "Dubai", (
                "[Lead a team|Leadership] of six covering [financial reporting|Financial reporting] under [IFRS], "
                "[budgeting|Budgeting] and [cash flow forecasting|Cash flow management].",
                "Implemented [SAP] S/4HANA finance; [month-end close|Month-end close] cut from 12 to 6 days.",
                "Own VAT and corporate [tax compliance|Tax preparation] with external advisers.",
            )),
            Job("Senior Accountant", "Crescent Hospitality Group", (2017, 1), (2021, 2), "mon", "Abu Dhabi", (
                "Consolidated accounts for nine hotels; [internal controls|Internal controls] reviews.",
            )),
            Job("Audit Senior", "Al Noor Chartered Accountants", (2013, 9), (2016, 12), "mon", "Sharjah", (
                "Led [statutory audits|Auditing] of trading, real-estate and manufacturing clients.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "Bachelor of Commerce ([Accounting]), University of Sharjah, 2013", "Accounting",
                   "University of Sharjah", 2013),
        )),
        Skills("Skills", (
            "[IFRS], [financial reporting|Financial reporting], [budgeting|Budgeting], [auditing|Auditing]",
            "[SAP], [Excel|Microsoft Excel], [Power BI]",
            "Languages: [Arabic], [English]",
        )),
    ),
))

# --- 21: frontend, DOCX with hidden (vanished) keyword text and a negated framework -------------------------------
add(Resume(
    stem="21_frontend_docx_hidden_text",
    kind="docx",
    layout="plain",
    profession="software",
    notes="DOCX with a paragraph of keywords marked hidden (w:vanish), and 'Not familiar with Angular'; "
          "'08/2021 - Present' dates; associate degree.",
    name="Noah Williams",
    headline="Frontend Developer",
    contact=("Austin, TX · (512) 555-0175 · noah.w.dev@gmail.com",),
    emails=("noah.w.dev@gmail.com",),
    phone=Phone("(512) 555-0175", "+15125550175"),
    location="Austin, TX",
    hidden="Python Django Kubernetes AWS Machine Learning Java C# .NET Golang Terraform Kafka Snowflake",
    options={"hidden_style": "vanish"},
    sections=(
        Summary("Summary", "Frontend developer building fast, [responsive|Responsive design] web apps with [React] "
                "and [Vue|Vue.js]. Not familiar with Angular, and happy to say so."),
        Experience("Work Experience", style="title_dates", jobs=(
            Job("Frontend Developer", "Hill Country Media", (2021, 8), None, "slash", "Austin, TX", (
                "Rebuilt the subscriber dashboard in [React] with [Redux] and [TypeScript].",
                "Set up [Jest] and [Cypress] suites that run in [GitHub Actions] on every pull request.",
                "Cut bundle size by 38% by moving from [Webpack] to [Vite].",
            )),
            Job("Junior Frontend Developer", "Pecan Street Labs LLC", (2019, 6), (2021, 7), "slash", "Austin, TX", (
                "Built [Vue.js] components and [Sass] themes for a property-management portal.",
                "Integrated [REST APIs|REST APIs] and wrote [unit tests|Unit testing].",
            )),
        )),
        Education("Education", (
            Degree("associate", "Associate of Applied Science, Web Development – Austin Community College, 2019",
                   "Web Development", "Austin Community College", 2019),
        )),
        Skills("Skills", (
            "[JavaScript], [TypeScript], [HTML], [CSS], [Sass]",
            "[React], [Redux], [Vue.js], [Vite], [Webpack]",
            "[Jest], [Cypress], [Git]",
        )),
    ),
))

# --- 22: data engineering, Windows-1252 TXT with CRLF line ends, '2019-01 to 03/2022' -------------------------------
add(Resume(
    stem="22_data_engineer_cp1252_crlf",
    kind="txt",
    layout="plain",
    profession="data",
    notes="TXT saved as Windows-1252 with CRLF line ends (accented name); '2019-01 to 03/2022' dates; +34.",
    name="José Álvarez",
    headline="Data Engineer",
    contact=("Madrid, Spain", "+34 612 345 678", "jose.alvarez.data@gmail.com"),
    emails=("jose.alvarez.data@gmail.com",),
    phone=Phone("+34 612 345 678", "+34612345678"),
    location="Madrid, Spain",
    options={"heading_style": "caps", "newline": "crlf", "encoding": "cp1252"},
    sections=(
        Summary("Profile", "Data engineer who builds batch and streaming pipelines that analysts trust. Ten years "
                "from BI reports to lakehouse platforms."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Senior [Data Engineer|Data Engineering]", "Iberdata Analytics S.L.", (2022, 2), None, "iso_slash",
                "Madrid", (
                "Designed the [Snowflake] platform and [dbt] models used by 60 analysts.",
                "Orchestrate 400 daily [Airflow|Apache Airflow] DAGs; streaming ingestion with [Kafka|Apache Kafka].",
                "Built [PySpark|Apache Spark] jobs on [AWS] EMR over a 50 TB [S3|Amazon S3] lake.",
            ), present_word="present"),
            Job("[Data Engineer|Data Engineering]", "Banca Meseta S.A.", (2019, 1), (2022, 1), "iso_slash",
                "Madrid", (
                "Migrated 120 [ETL] jobs from SSIS to [Python] and [Airflow|Apache Airflow].",
                "Maintained the risk [data warehouse|Data Warehousing] on [SQL Server|Microsoft SQL Server].",
            )),
            Job("BI Developer", "Consultoría Prisma S.L.", (2016, 10), (2018, 12), "iso_slash", "Valencia", (
                "[Power BI] reports and [T-SQL] procedures for retail clients.",
            )),
        )),
        Education("Education", (
            Degree("master", "Máster en [Big Data], Universidad Complutense de Madrid, 2019", "Big Data",
                   "Universidad Complutense de Madrid", 2019),
            Degree("bachelor", "Grado en Ingeniería Informática, Universidad Politécnica de Madrid, 2016",
                   "Ingeniería Informática", "Universidad Politécnica de Madrid", 2016),
        )),
        Skills("Skills", (
            "[Python], [SQL], [Scala]",
            "[Apache Spark], [Apache Airflow], [dbt], [Kafka|Apache Kafka], [Snowflake]",
            "[AWS], [Docker], [Terraform]",
            "[Spanish] (native), [English] (C1)",
        )),
    ),
))

# --- 23: pediatric nursing, TXT with plain title-case headings, overlapping part-time role -----------------------
add(Resume(
    stem="23_pediatric_nurse_txt",
    kind="txt",
    layout="plain",
    profession="nursing",
    notes="TXT with plain headings; a part-time school-nurse role overlaps the hospital job; a gap for study; "
          "LPN diploma and BSN.",
    name="Grace Adeyemi",
    headline="Pediatric Registered Nurse",
    contact=("Atlanta, GA", "+1 (404) 555-0128", "grace.adeyemi@icloud.com"),
    emails=("grace.adeyemi@icloud.com",),
    phone=Phone("+1 (404) 555-0128", "+14045550128"),
    location="Atlanta, GA",
    options={"heading_style": "title", "bullet": "-"},
    sections=(
        Summary("Summary", "[Pediatric nurse|Pediatrics] with eight years caring for children and their families on "
                "a busy general pediatrics unit. [PALS] and [BLS|Basic Life Support] certified."),
        Experience("Experience", style="dates_first", jobs=(
            Job("Pediatric Registered Nurse", "Peachtree Children's Hospital", (2018, 9), None, "mon", "Atlanta, GA", (
                "Care for 4–5 patients a shift, from infants to teens: assessments, [IV therapy|IV therapy] and "
                "[medication administration|Medication administration].",
                "Teach families about home care and medications ([patient education|Patient education]).",
                "Document care in [Epic|Epic Systems]; super-user for the unit's Epic upgrade.",
            )),
            Job("School Nurse (part-time)", "Fulton Oaks Elementary School", (2020, 8), (2023, 5), "mon",
                "Atlanta, GA", (
                    "[Triage] of sick and injured students; asthma and diabetes [care plans|Care planning].",
                )),
            Job("Licensed Practical Nurse", "Magnolia Senior Living", (2012, 7), (2015, 8), "mon", "Decatur, GA", (
                "[Medication administration|Medication administration] and [vital signs|Vital signs] for 30 "
                "residents in [elderly care|Geriatrics].",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "Bachelor of Science in [Nursing], Emory University, 2018", "Nursing",
                   "Emory University", 2018),
            Degree("diploma", "Practical Nursing Diploma, Atlanta Technical College, 2012", "Practical Nursing",
                   "Atlanta Technical College", 2012),
        )),
        Lines("Certifications", (
            "RN, Georgia Board of Nursing",
            "[PALS] (Pediatric Advanced Life Support), [BLS|Basic Life Support]",
            "Certified Pediatric Nurse (CPN), 2021",
        )),
        Lines("Languages", ("[English] (native), Yoruba (fluent)",)),
    ),
))

# --- 24: primary teaching, single-column PDF in Times, unusual headings, Scottish degrees ---------------------------
add(Resume(
    stem="24_primary_teacher",
    kind="pdf",
    layout="single",
    profession="teaching",
    notes="Serif PDF; headings 'Classroom Experience', 'Qualifications & Training'; a street address; "
          "'August 2019 to Present'; a Scottish MA (Hons) is an undergraduate degree; a PGDE is a diploma.",
    name="Eleanor Price",
    headline="Primary Teacher (GTCS registered)",
    contact=("14 Marchmont Road, Edinburgh EH9 1HY", "Tel. +44 (0)131 496 0742 · eleanor.price@btinternet.com"),
    emails=("eleanor.price@btinternet.com",),
    phone=Phone("+44 (0)131 496 0742", "+441314960742"),
    location="Edinburgh",
    options={"font": "Times-Roman", "size": "11", "accent": "#4B2E83"},
    sections=(
        Summary("Profile", "Primary teacher who loves outdoor learning and early literacy. Fully registered with "
                "the GTCS, with experience across P1 to P7."),
        Experience("Classroom Experience", style="title_dates", jobs=(
            Job("Class Teacher (P5–P7)", "Meadowbank Primary School", (2019, 8), None, "month", "Edinburgh", (
                "Plan and teach composite P5–P7 classes of up to 30 pupils.",
                "Literacy lead: introduced a reading-for-pleasure programme across the school.",
                "[Mentor|Mentoring] student teachers from the University of Edinburgh.",
            )),
            Job("Probationer Teacher", "Craigentinny Primary School", (2018, 8), (2019, 6), "month", "Edinburgh", (
                "Teacher Induction Scheme year in P2; full registration gained June 2019.",
            )),
            Job("Classroom Assistant", "Seafield Nursery", (2015, 9), (2017, 6), "month", "Edinburgh", (
                "Supported early-years staff with play-based learning and additional support needs.",
            )),
        )),
        Education("Qualifications & Training", (
            Degree("diploma", "Professional Graduate Diploma in Education (Primary), University of Edinburgh, 2018",
                   "Education (Primary)", "University of Edinburgh", 2018),
            Degree("bachelor", "MA (Hons) History, University of St Andrews, 2015", "History",
                   "University of St Andrews", 2015),
        )),
        Lines("Additional Skills", (
            "[Google Workspace] for Education and Seesaw; confident with interactive whiteboards.",
            "Conversational [French]; Forest School Level 3 practitioner.",
            "PVG scheme member.",
        ), bulleted=True),
    ),
))

# --- 25: logistics, single-column PDF with apostrophe dates ("Jan '19 – Present") ----------------------------------
add(Resume(
    stem="25_warehouse_supervisor",
    kind="pdf",
    layout="single",
    profession="logistics",
    notes="Two-digit-year dates ('Jan \\'19 – Present'); promotion at one employer; associate degree.",
    name="Luis Hernández",
    headline="Warehouse Supervisor",
    contact=("Phoenix, AZ 85043 | (602) 555-0155 | luis.hernandez77@hotmail.com",),
    emails=("luis.hernandez77@hotmail.com",),
    phone=Phone("(602) 555-0155", "+16025550155"),
    location="Phoenix, AZ",
    options={"size": "10.5", "accent": "#7A3E00"},
    sections=(
        Summary("Summary", "Warehouse supervisor with 14 years on the floor, from forklift to running the night "
                "shift. Known for safe, accurate operations and for training people well."),
        Experience("Work History", style="title_dates", jobs=(
            Job("Warehouse Supervisor", "Sonoran Distribution Inc.", (2019, 1), None, "apostrophe", "Phoenix, AZ", (
                "Supervise 45 associates on the night shift; 99.8% pick accuracy.",
                "Run cycle counts and [inventory control|Inventory management] in Manhattan WMS.",
                "Cut overtime 20% with new labour planning in [Excel|Microsoft Excel].",
            )),
            Job("Shift Lead", "Desert Parcel Co.", (2015, 4), (2018, 12), "apostrophe", "Tempe, AZ", (
                "Coordinated inbound receiving and outbound [logistics|Logistics] with 12 carriers.",
            )),
            Job("Forklift Operator", "Desert Parcel Co.", (2012, 3), (2015, 3), "apostrophe", "Tempe, AZ", (
                "Certified on sit-down and reach forklifts; trained 20 new operators.",
            )),
        )),
        Education("Education", (
            Degree("associate", "Associate of Applied Science, [Supply Chain Management|Supply chain management], "
                   "Rio Salado College, 2017", "Supply Chain Management", "Rio Salado College", 2017),
        )),
        Skills("Skills", (
            "[Inventory management], [logistics|Logistics], [team management|Team management], OSHA safety",
            "[Excel|Microsoft Excel], Manhattan WMS, RF scanners",
            "Bilingual [English]/[Spanish]",
        )),
    ),
))

# --- 26: graphic design, PDF in an embedded Unicode font (Polish name), +48 ----------------------------------------
add(Resume(
    stem="26_graphic_designer_unicode",
    kind="pdf",
    layout="single",
    profession="design",
    notes="PDF with an embedded TrueType font, so the text holds Polish letters (Łucja, Wisła); +48.",
    name="Łucja Nowak",
    headline="Senior Graphic Designer",
    contact=("Kraków, Poland", "+48 512 345 678", "lucja.nowak.design@gmail.com", "behance.net/lucjanowak"),
    emails=("lucja.nowak.design@gmail.com",),
    phone=Phone("+48 512 345 678", "+48512345678"),
    location="Kraków, Poland",
    options={"font": "DejaVu", "size": "9.5", "accent": "#C0392B"},
    sections=(
        Summary("About", "[Graphic designer|Graphic design] specialising in [brand identity|Brand management], "
                "packaging and editorial design, with a growing practice in [motion design|Motion graphics]."),
        Experience("Experience", style="employer_title", jobs=(
            Job("Senior Graphic Designer", "Wawel Creative Sp. z o.o.", (2020, 6), None, "slash", "Kraków", (
                "Art direction for brand identities of 25 clients, from logo to guidelines.",
                "Animated campaign assets in [After Effects|Adobe After Effects].",
            )),
            Job("Graphic Designer", "Drukarnia Wisła S.A.", (2016, 9), (2020, 5), "slash", "Kraków", (
                "Packaging and print design in [Illustrator|Adobe Illustrator], [InDesign|Adobe InDesign] and "
                "[Photoshop|Adobe Photoshop]; prepress checks.",
            )),
        )),
        Education("Education", (
            Degree("master", "Master of Fine Arts in Graphic Arts, Akademia Sztuk Pięknych w Krakowie, 2016",
                   "Graphic Arts", "Akademia Sztuk Pięknych w Krakowie", 2016),
        )),
        Skills("Skills", (
            "[Adobe Illustrator], [Adobe InDesign], [Adobe Photoshop], [Adobe After Effects], [Figma]",
            "[Typography], [branding|Brand management], [visual design|Visual design], print production",
            "Languages: Polish (native), [English] (C1), [German] (B1)",
        )),
    ),
))

# --- 27: career changer (retail -> bookkeeping), DOCX, ISO dates ---------------------------------------------------
add(Resume(
    stem="27_retail_to_bookkeeper",
    kind="docx",
    layout="plain",
    profession="accounting",
    notes="Career changer: twelve years in retail, a certificate, then bookkeeping; '2023-01 – present' ISO dates; "
          "Word heading styles.",
    name="Linda Park",
    headline="Bookkeeper",
    contact=("Columbus, OH · 614-555-0109 · linda.park.books@gmail.com",),
    emails=("linda.park.books@gmail.com",),
    phone=Phone("614-555-0109", "+16145550109"),
    location="Columbus, OH",
    sections=(
        Summary("Career Summary", "Bookkeeper who moved into finance after twelve years in retail management. I "
                "keep small-business books accurate and on time, and I still think like a store manager about "
                "cash."),
        Experience("Work History", style="pipe", jobs=(
            Job("Bookkeeper", "Buckeye Bookkeeping Services LLC", (2023, 1), None, "iso", "Columbus, OH", (
                "Full-cycle [bookkeeping|Bookkeeping] for 22 clients in [QuickBooks Online|QuickBooks] and [Xero].",
                "Monthly [bank reconciliations|Reconciliation], [accounts payable|Accounts payable] and "
                "[accounts receivable|Accounts receivable].",
                "Run [payroll|Payroll] for eight clients and prepare 1099s.",
            ), present_word="present"),
            Job("Assistant Store Manager", "Riverside Home Goods", (2014, 3), (2022, 6), "iso", "Columbus, OH", (
                "Managed a $6M store: scheduling, cash handling, [stock control|Inventory management] and a team of "
                "25.",
                "Reconciled daily takings and vendor [invoices|Invoicing] with head office.",
            )),
            Job("Sales Associate", "Riverside Home Goods", (2010, 5), (2014, 2), "iso", "Columbus, OH", (
                "[Retail sales|Retail sales] and [customer service|Customer service]; top seller two years running.",
            )),
        )),
        Education("Education", (
            Degree("associate", "Associate of Applied Science in [Accounting], Columbus State Community College, 2022",
                   "Accounting", "Columbus State Community College", 2022),
        )),
        Lines("Certificates", ("QuickBooks Certified ProAdvisor (2023)", "Xero Advisor Certified (2023)")),
        Skills("Skills", (
            "[QuickBooks], [Xero], [Excel|Microsoft Excel]",
            "[Accounts payable], [Accounts receivable], [reconciliations|Reconciliation], [payroll|Payroll]",
        )),
    ),
))

# --- 28: sales, two pages with a running header, 'Sep. 2018 – Jun. 2019', +44 (0) mobile ----------------------------
add(Resume(
    stem="28_senior_account_executive_running_header",
    kind="pdf",
    layout="running_header",
    profession="sales",
    notes="Two pages with a running header (name and phone) and footer; '+44 (0)7700 900456'; 'Sep. 2018 – Jun. "
          "2019'; an early part-time retail job during university.",
    name="Samuel Osei",
    headline="Senior Account Executive, HR Tech",
    contact=("London, UK  |  +44 (0)7700 900456  |  samuel.osei@gmail.com",),
    emails=("samuel.osei@gmail.com",),
    phone=Phone("+44 (0)7700 900456", "+447700900456"),
    location="London, UK",
    options={"size": "12.5", "header": "Samuel Osei · Senior Account Executive", "header_right": "+44 (0)7700 900456",
             "footer": "{page}/{pages}", "paper": "a4"},
    sections=(
        Summary("Profile", "Consistent over-achiever in [B2B|B2B sales] SaaS with eight years in sales, the last "
                "five closing mid-market and enterprise HR software deals across the UK and Ireland."),
        Experience("Commercial Experience", style="title_dates", jobs=(
            Job("Senior Account Executive", "Beacon HR Software Ltd", (2022, 9), None, "mon_dot", "London", (
                "Carry a £1.2M new-business quota; 118% attainment in FY2025 and 124% in FY2024.",
                "Sell to HR directors and CFOs using a [consultative|Solution selling] MEDDICC approach.",
                "Forecast accurately within 5% in [Salesforce]; keep [pipeline|Pipeline management] at 3.5x.",
                "[Coach|Mentoring] two junior AEs on discovery and [negotiation|Negotiation].",
            )),
            Job("Account Executive", "Beacon HR Software Ltd", (2019, 7), (2022, 8), "mon_dot", "London", (
                "Closed 60+ SMB deals a year; fastest ramp in the 2019 cohort.",
                "Built a partner channel with two payroll bureaus that sourced 20% of new business.",
                "Ran product demos at CIPD trade shows and regional HR roundtables.",
                "Partnered with [customer success|Customer success] on renewals and [upselling|Upselling].",
            )),
            Job("[Business Development|Business development] Representative", "Tallyfin Ltd", (2018, 9), (2019, 6),
                "mon_dot", "Manchester", (
                "[Prospecting] and [cold calling|Cold calling] into finance teams; 140% of meeting target.",
                "Qualified inbound leads from webinars and passed 35 opportunities a quarter to AEs.",
            )),
            Job("Retail Sales Advisor (part-time)", "Northside Sports", (2015, 10), (2018, 6), "mon_dot", "Leeds", (
                "Weekend [retail sales|Retail sales] during university.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "BA (Hons) Business Management, University of Leeds, 2018", "Business Management",
                   "University of Leeds", 2018, "Upper second-class honours (2:1)"),
        )),
        Skills("Skills", (
            "[Solution selling|Solution selling] · MEDDICC · [negotiation|Negotiation] · [account management|"
            "Account management]",
            "[Salesforce] · [HubSpot] · Gong · LinkedIn Sales Navigator",
        )),
        Lines("Awards", (
            "President's Club 2024 and 2025, Beacon HR Software",
            "Rookie of the Year 2019",
        ), bulleted=True),
        Lines("Interests", ("Five-a-side football, mentoring with a local youth charity, jazz piano.",)),
    ),
))

# --- 29: SRE, DOCX with a skills table, freelance work overlapping a job, ISO dates, +46 ------------------------------
add(Resume(
    stem="29_sre_overlapping_docx",
    kind="docx",
    layout="plain",
    profession="devops",
    notes="DOCX with a 'Toolbox' table; a freelance company overlaps two jobs; '2021-06 – present'.",
    name="Ingrid Johansson",
    headline="[Site Reliability Engineer|Site Reliability Engineering]",
    contact=("Stockholm, Sweden", "+46 70 123 45 67", "ingrid.johansson@proton.me"),
    emails=("ingrid.johansson@proton.me",),
    phone=Phone("+46 70 123 45 67", "+46701234567"),
    location="Stockholm, Sweden",
    options={"heading_style": "word"},
    sections=(
        Summary("Summary", "SRE who keeps payment systems boring: clear SLOs, good alerts and calm incident "
                "reviews."),
        Experience("Experience", style="employer_title", jobs=(
            Job("[Site Reliability Engineer|Site Reliability Engineering]", "Nordvik Payments AB", (2021, 6), None,
                "iso", "Stockholm", (
                    "Own SLOs and on-call for the card-authorisation platform (99.99%).",
                    "Run [Kubernetes] on [AWS] with [Istio]; all changes through [Terraform].",
                    "Moved monitoring to [Datadog] and wrote the [incident response|Incident response] runbooks.",
                ), present_word="present"),
            Job("Freelance Cloud Consultant", "Johansson Cloud AB", (2019, 1), (2022, 12), "iso", "Stockholm", (
                "[Azure|Microsoft Azure] and [AWS] landing zones with [CloudFormation] for three start-ups.",
            )),
            Job("Systems Administrator", "Skärgård Telecom AB", (2016, 2), (2021, 5), "iso", "Norrtälje", (
                "Ran [Linux] and [VMware] infrastructure for 300 staff; [Ansible] for configuration.",
                "Built [Prometheus] and [Grafana] monitoring for the core network.",
            )),
        )),
        Education("Education", (
            Degree("master", "MSc Computer Science, KTH Royal Institute of Technology, 2016", "Computer Science",
                   "KTH Royal Institute of Technology", 2016),
        )),
        Skills("Toolbox", (
            "Cloud: [AWS], [Azure|Microsoft Azure]",
            "Orchestration: [Kubernetes], [Helm], [Istio]",
            "[Infrastructure as code|Infrastructure as Code]: [Terraform], [CloudFormation], [Ansible]",
            "Observability: [Datadog], [Prometheus], [Grafana]",
            "Languages: [Go], [Python], [Bash]",
        ), as_table=True),
        Lines("Languages", ("Swedish (native), [English] (fluent), Norwegian (good)",)),
    ),
))

# --- 30: new graduate in data, TXT, internships and co-op only, two e-mails -----------------------------------------
add(Resume(
    stem="30_new_grad_data_txt",
    kind="txt",
    layout="plain",
    profession="data",
    notes="New graduate: a summer internship and a four-month co-op, three projects; two e-mails; "
          "'Academic Background' first.",
    name="Kenji Watanabe",
    contact=("Vancouver, BC | +1 (604) 555-0188", "kenji.watanabe@alumni.ubc.ca | kenjiw.data@gmail.com"),
    emails=("kenji.watanabe@alumni.ubc.ca", "kenjiw.data@gmail.com"),
    phone=Phone("+1 (604) 555-0188", "+16045550188"),
    location="Vancouver, BC",
    options={"heading_style": "caps", "bullet": "*"},
    sections=(
        Education("Academic Background", (
            Degree("bachelor", "BSc [Statistics], University of British Columbia, 2026", "Statistics",
                   "University of British Columbia", 2026, "Minor in Computer Science · graduated May 2026"),
        )),
        Experience("Internships", style="title_dates", jobs=(
            Job("[Data Science] Intern", "Pacific Rim Analytics", (2025, 6), (2025, 8), "season", "Vancouver, BC", (
                "Built a churn model in [Python] with [scikit-learn]; AUC 0.81 on held-out customers.",
                "Presented results to the product team with [Matplotlib] charts in a [Jupyter] notebook.",
            )),
            Job("[Data Analyst|Data Analysis] Co-op", "Coast Mountain Energy", (2024, 1), (2024, 4), "mon",
                "Burnaby, BC", (
                "Cleaned meter data with [pandas] and wrote [SQL] reports on outage response times.",
                "Built a [Power BI] dashboard used by the field operations managers.",
            )),
        )),
        Projects("Projects", (
            Project("Transit delay predictor (capstone, 2026)", (
                "Gradient-boosted model ([XGBoost]) of bus delays from GTFS feeds and weather data.",
            )),
            Project("Vancouver rent map (2025)", (
                "Scraped 40,000 listings and mapped rents with [R] ([tidyverse|R]) and Shiny.",
            )),
            Project("Kaggle: housing prices (2024)", (
                "Top 10% with [feature engineering|Feature engineering] and regularised regression.",
            )),
        )),
        Skills("Technical Skills", (
            "Languages: [Python], [R], [SQL]",
            "Libraries: [pandas], [NumPy], [scikit-learn], [XGBoost], [Matplotlib]",
            "Tools: [Jupyter], [Git], [Power BI]",
        )),
        Lines("Languages", ("[English], [Japanese]",)),
    ),
))

# --- 31: mobile, two-column PDF whose main column is drawn before the right sidebar ----------------------------
add(Resume(
    stem="31_ios_developer_two_column",
    kind="pdf",
    layout="two_column",
    profession="software",
    notes="Two-column PDF with the sidebar on the right, drawn after the main column (text order: experience "
          "first, contact last); 'Summer 2017' internship.",
    name="Omar Haddad",
    headline="Senior iOS Developer",
    contact=("Montréal, QC", "+1 514 555 0136", "omar.haddad.dev@gmail.com", "github.com/ohaddad"),
    emails=("omar.haddad.dev@gmail.com",),
    phone=Phone("+1 514 555 0136", "+15145550136"),
    location="Montréal, QC",
    sidebar=("Skills", "Education", "Languages"),
    options={"sidebar_side": "right", "sidebar_first": "0", "accent": "#5B2C6F"},
    sections=(
        Summary("Profile", "[iOS] developer for nine years, from [Objective-C] apps to [SwiftUI]. I care about "
                "smooth scrolling, small binaries and accessibility."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Senior iOS Developer", "Maple Leaf Mobile Inc.", (2021, 4), None, "mon", "Montréal", (
                "Lead the iOS app of a banking client (1.2M monthly users), written in [Swift] and [SwiftUI].",
                "Modularised the app into 30 Swift packages; build times down 45%.",
                "Set up [CI/CD] with Fastlane and [GitHub Actions].",
            )),
            Job("Mobile Developer", "Studio Boréal", (2018, 2), (2021, 3), "mon", "Québec City", (
                "Built 12 client apps for [iOS] and [Android] ([Kotlin]), backed by [Firebase].",
                "Integrated [REST APIs] and [GraphQL] backends.",
            )),
            Job("Android Developer Intern", "Rideau Apps", (2017, 6), (2017, 8), "season", "Ottawa", (
                "Shipped an offline mode for a field-inspection app in [Java].",
            )),
        )),
        Skills("Skills", (
            "[Swift], [SwiftUI], UIKit",
            "[Objective-C]",
            "[Kotlin], [Android]",
            "[Firebase], [GraphQL]",
            "[Git], [CI/CD]",
            "XCTest, [unit testing|Unit testing]",
        )),
        Education("Education", (
            Degree("bachelor", "B.Eng. Software Engineering, Polytechnique Montréal, 2017", "Software Engineering",
                   "Polytechnique Montréal", 2017),
        )),
        Lines("Languages", ("[French], [English], [Arabic]",)),
    ),
))

# --- 32: QA, DOCX with Word heading styles; Java claimed here (not negated) ------------------------------------------
add(Resume(
    stem="32_qa_automation_engineer",
    kind="docx",
    layout="plain",
    profession="software",
    notes="DOCX with Word heading styles; promotion from manual tester; +40.",
    name="Ana Popescu",
    headline="Senior QA Automation Engineer",
    contact=("Bucharest, Romania | +40 721 234 567 | ana.popescu.qa@gmail.com",),
    emails=("ana.popescu.qa@gmail.com",),
    phone=Phone("+40 721 234 567", "+40721234567"),
    location="Bucharest, Romania",
    sections=(
        Summary("Profile", "[QA|Quality assurance] engineer who moved from [manual testing|Manual testing] to "
                "building test frameworks. I make releases predictable with fast, reliable [test automation|Test "
                "automation]."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Senior QA Automation Engineer", "Carpathia Software SRL", (2020, 3), None, "mon", "Bucharest", (
                "Built the UI test framework in [Java] with [Selenium] and [JUnit]; later moved new suites to "
                "[Playwright].",
                "[API testing|API testing] with [Postman] and REST Assured in [Jenkins] pipelines.",
                "Added [performance testing|Performance testing] with [JMeter|Performance testing] before peak "
                "season.",
                "Write [BDD|Behavior-driven development] scenarios in [Cucumber|Behavior-driven development] with "
                "product owners.",
            )),
            Job("QA Engineer", "Danube Systems S.A.", (2017, 5), (2020, 2), "mon", "Bucharest", (
                "Automated regression tests with [Cypress] for the customer portal.",
                "Wrote [SQL] checks for data migrations; tracked defects in [Jira].",
            )),
            Job("Manual Tester", "Danube Systems S.A.", (2015, 9), (2017, 4), "mon", "Bucharest", (
                "Exploratory and regression [manual testing|Manual testing] in two-week [Scrum] sprints.",
            )),
        )),
        Education("Education", (
            Degree("bachelor", "Bachelor's degree in Computer Science, University of Bucharest, 2015",
                   "Computer Science", "University of Bucharest", 2015),
        )),
        Skills("Skills", (
            "Automation: [Selenium], [Playwright], [Cypress], [JUnit], [Postman]",
            "Languages: [Java], [JavaScript], [SQL]",
            "Process: [Agile], [Scrum], [Jira], [CI/CD]",
            "Certifications: ISTQB Advanced Test Automation Engineer",
        )),
        Lines("Languages", ("Romanian (native), [English] (C1), [French] (B1)",)),
    ),
))

# --- 33: procurement, TXT, 'March 2020 to Present', +61 ---------------------------------------------------------------
add(Resume(
    stem="33_procurement_specialist_txt",
    kind="txt",
    layout="plain",
    profession="logistics",
    notes="TXT with 'Employment History'; employer-first job headers; +61; promotion from inventory to purchasing.",
    name="Rebecca Lim",
    headline="Procurement Specialist",
    contact=("Parramatta NSW 2150, Australia", "Mobile +61 2 9876 5432", "rebecca.lim@bigpond.com"),
    emails=("rebecca.lim@bigpond.com",),
    phone=Phone("+61 2 9876 5432", "+61298765432"),
    location="Parramatta NSW",
    options={"heading_style": "caps"},
    sections=(
        Summary("Career Objective", "[Procurement] professional with a background in [inventory control|Inventory "
                "management], seeking a category manager role in construction or infrastructure."),
        Experience("Employment History", style="employer_dates", jobs=(
            Job("Procurement Specialist", "Harbour Bridge Constructions Pty Ltd", (2020, 3), None, "month",
                "Sydney", (
                    "Run tenders for civil materials worth $40M a year; saved 7% through [negotiation|Negotiation].",
                    "[Supplier management|Vendor management] for 120 suppliers, including quarterly reviews.",
                    "Raise and track POs in [SAP] Ariba; reporting in [Excel|Microsoft Excel].",
                )),
            Job("Purchasing Officer", "Southern Cross Foods Pty Ltd", (2016, 1), (2020, 2), "month", "Sydney", (
                "[Purchasing|Procurement] of packaging and ingredients; improved on-time delivery to 97%.",
            )),
            Job("Inventory Controller", "Southern Cross Foods Pty Ltd", (2013, 7), (2015, 12), "month", "Sydney", (
                "Weekly stocktakes and [stock control|Inventory management] for a 3-shift plant.",
            )),
        )),
        Education("Qualifications", (
            Degree("bachelor", "Bachelor of Business ([Supply Chain Management|Supply chain management]), Western "
                   "Sydney University, 2013", "Supply Chain Management", "Western Sydney University", 2013),
        )),
        Skills("Key Skills", (
            "[Procurement], tendering, [contract negotiation|Negotiation], [supplier management|Vendor management]",
            "[Stakeholder management|Stakeholder management], [risk assessment|Risk management]",
            "[SAP] Ariba, [Excel|Microsoft Excel]",
        )),
    ),
))

# --- 34: nursing management, single-column PDF, Irish degrees (higher diploma, BSc, MSc), +353 ----------------------
add(Resume(
    stem="34_clinical_nurse_manager",
    kind="pdf",
    layout="single",
    profession="nursing",
    notes="Three qualifications (higher diploma, BSc, MSc); +353; '09/2014 - 12/2019' dates.",
    name="Aoife Byrne",
    headline="Clinical Nurse Manager II – Oncology",
    contact=("Galway, Ireland  ·  +353 87 123 4567  ·  aoife.byrne@gmail.com",),
    emails=("aoife.byrne@gmail.com",),
    phone=Phone("+353 87 123 4567", "+353871234567"),
    location="Galway, Ireland",
    options={"accent": "#006241"},
    sections=(
        Summary("Profile", "[Oncology nurse|Oncology] and ward manager with fourteen years' experience, focused on "
                "safe [chemotherapy administration|Oncology], [palliative care|Palliative care] and developing "
                "nurses."),
        Experience("Experience", style="title_dates", jobs=(
            Job("Clinical Nurse Manager II, Oncology Day Ward", "Corrib University Hospital", (2020, 1), None, "slash",
                "Galway", (
                    "Manage a 24-chair day ward and a team of 30 nurses and HCAs ([people management|Team "
                    "management]).",
                    "Led the move to electronic prescribing and [nursing documentation|Clinical documentation].",
                    "Audit [infection control|Infection control] and medication safety every quarter.",
                )),
            Job("Staff Nurse, Oncology", "Corrib University Hospital", (2014, 9), (2019, 12), "slash", "Galway", (
                "Administered systemic anti-cancer therapy and managed side effects; [care plans|Care planning] for "
                "patients and families.",
                "[Patient education|Patient education] clinics before first treatment.",
            )),
            Job("Staff Nurse", "Claddagh Private Clinic", (2012, 9), (2014, 8), "slash", "Galway", (
                "Surgical ward: [wound care|Wound care], [medication administration|Medication administration] and "
                "post-operative observations.",
            )),
        )),
        Education("Education", (
            Degree("master", "MSc Healthcare Management, RCSI University of Medicine and Health Sciences, 2021",
                   "Healthcare Management", "RCSI University of Medicine and Health Sciences", 2021),
            Degree("diploma", "Higher Diploma in [Oncology Nursing|Oncology], University of Galway, 2017",
                   "Oncology Nursing", "University of Galway", 2017),
            Degree("bachelor", "BSc General [Nursing], Trinity College Dublin, 2012", "General Nursing",
                   "Trinity College Dublin", 2012),
        )),
        Lines("Registration & Training", (
            "NMBI registered general nurse, PIN 123456",
            "[BLS|Basic Life Support] instructor; cytotoxic drug handling certificate",
        ), bulleted=True),
    ),
))
# fmt: on
