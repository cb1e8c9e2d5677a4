"""The job postings of the ranking evaluation set, as data (rendered to jobs/<job_id>.json by generate.py).

Each description is a realistic posting: what the team does, responsibilities, requirements and nice-to-haves.
The requirements are what the grades in specs.py are judged against, so they are stated plainly (years,
licences, location) the way a hiring manager would write them.
"""

from __future__ import annotations

from ranking_corpus.model import Posting
from ranking_corpus.postings_more import MORE_JOBS

# The postings are laid out like the documents they describe; the formatter would re-indent every one.
# fmt: off

JOBS: list[Posting] = []


def add(posting: Posting) -> None:
    JOBS.append(posting)


add(Posting(
    job_id="backend_engineer",
    family="software",
    title="Backend Engineer (Python)",
    company="Tallyhive",
    location="Austin, TX",
    remote=True,
    employment_type="full-time",
    description="""\
Tallyhive builds invoicing and payments software for 9,000 small businesses. Our backend team owns the APIs that \
the web and mobile apps use, the billing engine and the integrations with banks and accounting tools.

What you will do
- Design, build and operate REST APIs in Python (Django and Django REST Framework, some FastAPI).
- Model data in PostgreSQL, write migrations and tune slow queries.
- Move slow work to background jobs (Celery with Redis) and make it safe to retry.
- Write automated tests (pytest) and review your teammates' code.
- Ship through CI/CD to Docker containers on AWS, and take a turn on the on-call rotation.

What we are looking for
- 3+ years of professional experience building backend services in Python.
- Solid experience with Django or FastAPI, relational databases (PostgreSQL preferred) and SQL.
- Experience designing and versioning REST APIs used by other teams or customers.
- Comfort with Git, Docker, Linux and automated testing.
- Clear written communication: we are a remote team.

Nice to have
- Payments, invoicing or fintech experience.
- Celery, Redis, Kubernetes or Terraform.
- Experience with observability tools (Sentry, Datadog, Prometheus).

Remote within US time zones; you must be authorised to work in the United States.""",
))

add(Posting(
    job_id="senior_backend_engineer",
    family="software",
    title="Senior Backend Engineer, Distributed Systems",
    company="Corvid Logistics Cloud",
    location="Seattle, WA",
    remote="hybrid",
    employment_type="full-time",
    description="""\
Corvid tracks 30 million parcels a day for carriers and retailers. The Platform team builds the event pipeline \
and the services every product depends on: ingestion, routing, tracking and notifications.

Responsibilities
- Design and build high-throughput, fault-tolerant services in Go (some legacy services are in Java).
- Own event streaming on Apache Kafka: schemas, partitioning, exactly-once processing, replays.
- Design service-to-service APIs with gRPC and protobuf; keep p99 latency within our SLOs.
- Lead technical designs across teams, write design documents and review others'.
- Mentor engineers and raise the bar on testing, code review and operational excellence.
- Participate in an on-call rotation for the services you own.

Requirements
- 7+ years of professional software engineering, with at least 3 years building distributed systems in production.
- Strong proficiency in Go or Java.
- Deep experience with Kafka or a similar streaming platform, and with PostgreSQL or another relational database.
- Experience with microservices, containers and Kubernetes on a public cloud (AWS or GCP).
- A track record of technical leadership and mentoring.

Nice to have
- Consensus, replication or storage-engine internals.
- Experience with Cassandra, Redis or ClickHouse at scale.
- Logistics or supply-chain domain knowledge.

Hybrid: three days a week in our Seattle office (South Lake Union). Relocation support is available within the US.""",
))

add(Posting(
    job_id="frontend_engineer",
    family="software",
    title="Frontend Engineer (React / TypeScript)",
    company="Brightpath Health Apps",
    location="Portland, OR",
    remote=True,
    employment_type="full-time",
    description="""\
Brightpath makes scheduling and telehealth apps used by 600 clinics. You will join the web team that builds the \
patient-facing booking flow and the clinic dashboard.

Responsibilities
- Build responsive, accessible user interfaces in React and TypeScript.
- Grow our design system: reusable components documented in Storybook, built with designers.
- Meet WCAG 2.1 AA accessibility: keyboard navigation, screen readers, colour contrast.
- Write unit tests with Jest and React Testing Library and end-to-end tests with Playwright.
- Improve front-end performance (Core Web Vitals, bundle size) and work with backend engineers on GraphQL and \
REST APIs.

Requirements
- 4+ years of professional front-end development, with at least 2 years of React.
- Strong TypeScript, modern JavaScript, HTML and CSS.
- Experience with state management (Redux, Zustand or React Query) and component testing.
- Practical knowledge of web accessibility.

Nice to have
- Next.js and server-side rendering.
- Healthcare or HIPAA-regulated products.
- Experience building a component library or design system.

Fully remote (US or Canada).""",
))

add(Posting(
    job_id="devops_sre",
    family="devops",
    title="Site Reliability Engineer",
    company="Meridian Streaming",
    location="Denver, CO",
    remote="hybrid",
    employment_type="full-time",
    description="""\
Meridian streams live sports to four million subscribers. The SRE team keeps the platform fast and available: \
infrastructure, deployment pipelines, observability and incident response.

What you will do
- Run and evolve our Kubernetes clusters (EKS) on AWS: upgrades, autoscaling, networking, cost.
- Manage all infrastructure as code with Terraform and review changes from product teams.
- Build CI/CD pipelines (GitHub Actions, Argo CD) that let teams deploy safely many times a day.
- Own observability: Prometheus, Grafana, Loki and alerting that pages for the right reasons.
- Define SLOs and error budgets with service owners; lead incident response and blameless postmortems.
- Automate toil with Python, Go or Bash.

Requirements
- 4+ years in SRE, DevOps or infrastructure engineering.
- Production experience operating Kubernetes.
- Terraform (or a comparable infrastructure-as-code tool) and AWS.
- Strong Linux, networking (DNS, load balancing, TLS) and scripting skills.
- On-call experience and calm under pressure.

Nice to have
- CKA or AWS certifications.
- Service mesh (Istio, Linkerd), CDN or video delivery experience.
- Chaos engineering and capacity planning.

Hybrid: two days a week in our Denver office.""",
))

add(Posting(
    job_id="data_scientist",
    family="data",
    title="Data Scientist, Experimentation and Modeling",
    company="Cartwheel Commerce",
    location="Boston, MA",
    remote="hybrid",
    employment_type="full-time",
    description="""\
Cartwheel runs an online marketplace for home goods. Data scientists here sit with product teams and own the \
models and experiments behind search ranking, pricing and customer retention.

Responsibilities
- Build, validate and ship machine learning models (churn, demand forecasting, ranking) with Python, \
scikit-learn and XGBoost.
- Design and analyse A/B tests; explain results and their uncertainty to product managers.
- Write production-quality SQL over our Snowflake warehouse and build features with dbt.
- Partner with ML engineers to deploy and monitor models.
- Present findings to leadership in plain language.

Requirements
- 3+ years of industry experience as a data scientist or in a similar quantitative role.
- Strong statistics: hypothesis testing, regression, experimental design, causal inference.
- Fluency in Python (pandas, NumPy, scikit-learn) and SQL.
- Experience taking models from prototype to production.
- MS or PhD in statistics, computer science, economics or another quantitative field, or equivalent experience.

Nice to have
- Marketplace, e-commerce or recommender-system experience.
- Bayesian methods, uplift modeling or time-series forecasting.
- Spark, Airflow or MLflow.

Hybrid: Tuesdays and Thursdays in our Boston office.""",
))

add(Posting(
    job_id="junior_data_analyst",
    family="data",
    title="Junior Data Analyst",
    company="Buckeye Grocers",
    location="Columbus, OH",
    remote=False,
    employment_type="full-time",
    description="""\
Buckeye Grocers operates 140 supermarkets across Ohio. Our analytics team turns sales, inventory and loyalty data \
into reports that store and category managers use every week.

What you will do
- Write SQL queries to pull and check sales, inventory and loyalty-card data.
- Build and maintain dashboards in Tableau or Power BI.
- Prepare weekly and monthly reports in Excel (pivot tables, lookups, charts).
- Answer ad-hoc questions from category managers and explain the numbers clearly.
- Help keep our data accurate: spot anomalies and document definitions.

Requirements
- Bachelor's degree in statistics, mathematics, economics, business analytics or a related field, or equivalent \
experience.
- 0-2 years of experience in an analyst role; internships and substantial projects count.
- Working knowledge of SQL and advanced Excel.
- Experience with at least one BI tool (Tableau, Power BI, Looker).
- Attention to detail and clear communication.

Nice to have
- Python or R for data analysis.
- Retail or grocery experience.
- Basic statistics (averages, variance, significance testing).

This is an entry-level, on-site role at our headquarters in Columbus, Ohio. We do not sponsor visas for this \
position.""",
))

add(Posting(
    job_id="icu_registered_nurse",
    family="nursing",
    title="Registered Nurse - Medical Intensive Care Unit (Nights)",
    company="Lakeshore Medical Center",
    location="Chicago, IL",
    remote=False,
    employment_type="full-time",
    description="""\
Lakeshore Medical Center is a 620-bed academic hospital and Level I trauma center. Our 28-bed Medical ICU cares for \
adults with sepsis, respiratory failure, multi-organ failure and post-arrest care.

Responsibilities
- Provide direct care to critically ill adult patients at a 1:1 or 1:2 ratio.
- Manage patients on mechanical ventilation, with arterial lines and central lines.
- Titrate vasoactive and sedation drips according to protocol.
- Respond to rapid responses and codes; participate in daily interdisciplinary rounds.
- Educate patients and families; document in Epic.
- Support continuous renal replacement therapy (CRRT) and proning after training.

Requirements
- Active Registered Nurse (RN) license in Illinois, or a multistate license with Illinois endorsement before start.
- 2+ years of RN experience in an ICU, step-down/progressive care or emergency department.
- Current BLS and ACLS certification from the American Heart Association.
- Bachelor of Science in Nursing (BSN) preferred; ADN with BSN within three years accepted.

Nice to have
- CCRN certification.
- Experience with CRRT, ECMO or Impella.
- Charge nurse or preceptor experience.

On site in Chicago, 12-hour night shifts (7p-7a), three shifts a week, every third weekend. Sign-on bonus for \
experienced ICU nurses.""",
))

add(Posting(
    job_id="staff_accountant",
    family="accounting",
    title="Staff Accountant",
    company="Northstar Outdoor Gear",
    location="Minneapolis, MN",
    remote="hybrid",
    employment_type="full-time",
    description="""\
Northstar designs and sells outdoor clothing and equipment through 40 stores and online. The corporate accounting \
team of eight closes the books every month and supports the annual audit.

Responsibilities
- Own parts of the month-end close: journal entries, accruals, prepaid and fixed-asset schedules.
- Prepare balance sheet account reconciliations and investigate variances.
- Maintain the fixed asset register and depreciation.
- Support the annual external audit with schedules and documentation.
- Help improve close processes and controls (SOX-lite).

Requirements
- Bachelor's degree in accounting or finance.
- 2-4 years of accounting experience (public or corporate).
- Solid understanding of US GAAP and double-entry accounting.
- Advanced Excel (pivot tables, VLOOKUP/XLOOKUP) and experience with an ERP (NetSuite, SAP or Oracle).
- Accuracy, organisation and the ability to meet close deadlines.

Nice to have
- CPA or progress toward the CPA exam.
- Retail or inventory accounting experience.
- Experience with BlackLine or another reconciliation tool.

Hybrid: three days a week in our Minneapolis office.""",
))

add(Posting(
    job_id="account_executive",
    family="sales",
    title="Account Executive, Mid-Market",
    company="Stackwise",
    location="Chicago, IL",
    remote=True,
    employment_type="full-time",
    description="""\
Stackwise sells workflow-automation software to operations teams. Mid-market Account Executives own new business \
with companies of 200 to 2,000 employees.

What you will do
- Run the full sales cycle: prospecting, discovery, demos, business cases, negotiation and close.
- Build your own pipeline alongside our SDRs, through outbound, events and partners.
- Manage opportunities with MEDDICC and keep Salesforce accurate for forecasting.
- Work with solutions engineers on technical evaluations and with customer success on handover.
- Carry an annual new-business quota of around $900k ARR.

Requirements
- 3+ years of quota-carrying, closing experience in B2B sales, preferably B2B SaaS.
- A track record of meeting or beating quota (please include numbers).
- Experience selling to operations, finance or IT buyers with multiple stakeholders.
- Proficiency with Salesforce and sales engagement tools (Outreach, Gong).
- Excellent written and spoken communication.

Nice to have
- Experience with MEDDICC, Challenger or Command of the Message.
- Selling workflow, automation or integration products.

Remote in the US; quarterly team weeks in Chicago. OTE $180k-$210k (50/50 split).""",
))

add(Posting(
    job_id="ux_product_designer",
    family="design",
    title="Product Designer (UX)",
    company="Fernbrook Financial",
    location="New York, NY",
    remote="hybrid",
    employment_type="full-time",
    description="""\
Fernbrook builds budgeting and savings apps for 2 million members. Our designers own problems end to end, from \
research to shipped product, in small cross-functional teams.

Responsibilities
- Lead design for a product area: discovery, user flows, wireframes, high-fidelity UI and prototypes.
- Plan and run user research (interviews, usability tests) and turn findings into decisions.
- Contribute to and use our design system in Figma.
- Work closely with product managers and engineers through delivery; review what ships.
- Measure outcomes with analytics and iterate.

Requirements
- 3+ years of product design (UX/UI) experience on web or mobile products.
- A portfolio showing your process and shipped work.
- Expert in Figma; experience with prototyping and design systems.
- Experience planning and running user research and usability testing.
- Understanding of interaction design, information architecture and accessibility.

Nice to have
- Fintech or other regulated-product experience.
- Basic HTML/CSS knowledge.
- Experience with Maze, Dovetail or similar research tools.

Hybrid: two days a week in our New York (Flatiron) office.""",
))

add(Posting(
    job_id="math_teacher",
    family="education",
    title="High School Mathematics Teacher (Algebra II, Precalculus, AP Calculus AB)",
    company="Mission Ridge Independent School District",
    location="San Antonio, TX",
    remote=False,
    employment_type="full-time (school year)",
    description="""\
Mission Ridge High School (1,900 students, grades 9-12) is hiring a mathematics teacher for the 2027-28 school \
year.

Responsibilities
- Teach five sections of Algebra II, Precalculus and AP Calculus AB.
- Plan lessons aligned with the Texas Essential Knowledge and Skills (TEKS) and the College Board AP framework.
- Use formative assessment and data to differentiate instruction, including for English learners and students \
with IEPs or 504 plans.
- Prepare students for STAAR End-of-Course and AP exams; offer tutoring before or after school.
- Communicate with families and collaborate in the mathematics professional learning community.

Requirements
- Bachelor's degree in mathematics, mathematics education or a closely related field.
- Texas teaching certificate in Mathematics 7-12 (or 8-12), or eligibility through an approved alternative \
certification program before the start date.
- Experience teaching secondary mathematics (student teaching counts for new teachers).
- Classroom management skills and a commitment to every student's success.

Nice to have
- AP Calculus teaching experience or College Board AP Summer Institute training.
- ESL supplemental certification.
- Coaching or club sponsorship.

On campus in San Antonio, Texas. Salary per the district pay scale plus a stipend for AP courses.""",
))

add(Posting(
    job_id="warehouse_supervisor",
    family="logistics",
    title="Warehouse Operations Supervisor - 2nd Shift",
    company="Delta Crossing Distribution",
    location="Memphis, TN",
    remote=False,
    employment_type="full-time",
    description="""\
Delta Crossing runs a 600,000 sq ft e-commerce fulfilment center shipping 40,000 orders a day. The 2nd-shift \
supervisor leads receiving, picking, packing and shipping from 2:30 pm to 11 pm.

Responsibilities
- Lead a team of 30-50 associates and 3 leads: assign work, coach, run start-of-shift meetings.
- Hit productivity, accuracy and on-time shipping targets; report KPIs at the end of every shift.
- Use the warehouse management system (Manhattan WMS) to release waves, manage labor and solve exceptions.
- Keep inventory accurate through cycle counts and root-cause analysis of discrepancies.
- Enforce safety: OSHA standards, powered industrial truck (forklift) rules, incident investigations.
- Drive continuous improvement with Lean and 5S.

Requirements
- 3+ years of warehouse or distribution center experience, including at least 1 year leading people.
- Experience with a WMS (Manhattan, SAP EWM, Blue Yonder or similar) and RF scanners.
- Working knowledge of OSHA warehouse safety requirements.
- Comfortable with Excel and reporting on KPIs.
- Able to work on your feet for long periods and to work 2nd shift and some Saturdays.

Nice to have
- Forklift certification; OSHA 10 or 30.
- Lean Six Sigma Yellow or Green Belt.
- Bilingual English/Spanish.

On site in Memphis, Tennessee.""",
))

# The later professions are kept in postings_more.py so each module stays readable.
JOBS.extend(MORE_JOBS)
