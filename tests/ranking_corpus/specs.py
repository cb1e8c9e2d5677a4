"""The candidates of the ranking evaluation set, as data, with the grade a careful recruiter gives each pair.

Grades (see model.py): 3 strong fit, 2 good, 1 weak or partial, 0 not relevant; a job a candidate does not list
is graded 0. They were written by reading each posting's requirements (postings.py) and the resume, never by
running product code. README.md gives the reasoning for the tricky cases.

Resumes reuse the parsing corpus's spec classes and renderers (tests/corpus), so they print the same way. Text is
written without square brackets: the corpus reads `[...]` as skills markup.
"""

from __future__ import annotations

from corpus.model import Lines

from ranking_corpus.job_ids import ACC, AE, BE, DA, DS, FA, FE, HR, MATH, MKT, RGM, RN, SBE, SRE, TA, UX, WH
from ranking_corpus.model import (
    DOCX,
    DOCX_BOLD,
    PDF,
    PDF_TIMES,
    TXT_COLON,
    TXT_MD,
    TXT_UNDERLINE,
    Candidate,
    candidate,
    degree,
    role,
)

CANDIDATES: list[Candidate] = []


def add(item: Candidate) -> None:
    CANDIDATES.append(item)


# The specs are laid out like the documents they describe (one role per block, bullets as lines), which the
# formatter would explode into one argument per line; hence formatting is off for the data below.
# fmt: off


# === software: backend ==========================================================================================

add(candidate(
    "be_strong_django", family="software", category="strong", layout=PDF,
    grades={BE: 3, SBE: 1, SRE: 1},
    note="Mid-level Python/Django engineer in fintech: every requirement of the backend job, literally.",
    name="Marisol Vega", location="Austin, TX", headline="Backend Engineer - Python, Django, PostgreSQL",
    summary="Backend engineer with six years of Python, the last four building billing and invoicing APIs. I care "
            "about clean data models, safe retries and boring deployments.",
    roles=(
        role("Backend Engineer", "Ledgerly Inc.", (2022, 3), None, "Austin, TX",
             "Build and run the REST API behind invoicing and subscription billing in Python, Django and Django "
             "REST Framework: 40 endpoints, 25M requests a day.",
             "Designed PostgreSQL schemas and table partitioning for the ledger; cut the slowest report query "
             "from 9 s to 300 ms.",
             "Moved PDF generation and bank webhooks to Celery workers on Redis with idempotency keys, so "
             "retries are safe.",
             "Deploy with GitHub Actions to Docker containers on AWS ECS; on call one week in six.",
             "Review pull requests daily and wrote our API versioning guidelines."),
        role("Software Engineer", "Pecan Street Labs", (2021, 6), (2022, 2), "Austin, TX",
             "Built Django services and a public REST API for household energy data used by 30 utilities.",
             "Wrote pytest suites and factories that took coverage from 55% to 88%."),
        role("Junior Developer", "Hill Country Web Co.", (2020, 9), (2021, 5), "San Marcos, TX",
             "Maintained Python and JavaScript web apps for local clients; first exposure to PostgreSQL."),
    ),
    education=(degree("bachelor", "B.S. Computer Science, Texas State University, 2019", "Texas State University",
                      2019),),
    skills=("Languages: Python, SQL, JavaScript, Bash",
            "Frameworks: Django, Django REST Framework, FastAPI, Celery, pytest",
            "Data and infrastructure: PostgreSQL, Redis, Docker, AWS (ECS, RDS, S3), Terraform, Sentry"),
))

add(candidate(
    "be_paraphrased_python", family="software", category="paraphrased",
    grades={BE: 3, SBE: 1},
    note="Strong backend candidate who never says Django, REST, PostgreSQL, Docker, AWS or Celery literally.",
    name="Tomasz Wojcik", location="Raleigh, NC", headline="Server-side developer",
    summary="Six years writing Python services for payroll and ticketing products. I enjoy relational schema "
            "design, tidy HTTP interfaces other teams can rely on, and being the person who can explain why the "
            "nightly batch was slow.",
    roles=(
        role("Software Developer, Server Team", "PayCircle", (2022, 1), None, "Durham, NC",
             "Own the HTTP/JSON endpoints the iOS and Android apps call for payroll runs (DRF, OpenAPI spec, "
             "versioned routes), used by 3,000 employers.",
             "Designed the Postgres schema for pay stubs and tax filings; partitioned the two-billion-row history "
             "table and rewrote the worst queries with EXPLAIN ANALYZE.",
             "Offloaded slow tax calculations to an asynchronous worker queue backed by an in-memory key-value "
             "store, with retries that never double-pay.",
             "Package every service as a container image and run it on Amazon ECS behind a load balancer; "
             "infrastructure changes go through CDK.",
             "Write unit and integration tests for everything I ship and review six to ten pull requests a week."),
        role("Python Developer", "Greenline Tickets", (2020, 5), (2021, 12), "Raleigh, NC",
             "Built the ticket-inventory service with Starlette and SQLAlchemy; 99.95% availability during "
             "on-sales.",
             "Integrated Stripe and Adyen for card payments and refunds."),
    ),
    education=(degree("bachelor", "B.S. Software Engineering, North Carolina State University, 2020",
                      "North Carolina State University", 2020),),
    skills=("Python 3, DRF, Starlette, SQLAlchemy, Postgres, MySQL, Linux, Git, container images, ECS, SQS, "
            "Stripe",),
))

add(candidate(
    "be_fastapi_strong", family="software", category="strong", layout=DOCX,
    grades={BE: 3, SBE: 1},
    note="Four years of FastAPI and PostgreSQL in a remote team.",
    name="Nina Volkova", location="Madison, WI", headline="Python Backend Engineer",
    summary="Backend engineer (almost 6 years) on remote teams, building APIs in FastAPI and Django with PostgreSQL. "
            "Strong writer; I document every endpoint I ship.",
    roles=(
        role("Backend Engineer", "Clearwater Health Billing", (2023, 2), None, "Remote",
             "Built the claims API in FastAPI and PostgreSQL handling 2M insurance claims a month.",
             "Introduced Celery and Redis for eligibility checks; added retries with exponential backoff.",
             "Containerised services with Docker and moved them from EC2 to AWS Fargate.",
             "Set up Sentry and Datadog dashboards; on the on-call rotation."),
        role("Software Engineer", "Badger Civic Tech", (2021, 1), (2023, 1), "Madison, WI",
             "Built a Django REST API for city permit applications; wrote the pytest suite and CI on GitLab."),
        role("Software Engineering Intern", "Epicure Systems", (2020, 6), (2020, 8), "Verona, WI",
             "Wrote Python scripts to migrate test data between SQL Server and PostgreSQL."),
    ),
    education=(degree("bachelor", "B.S. Computer Sciences, University of Wisconsin-Madison, 2020",
                      "University of Wisconsin-Madison", 2020),),
    skills=("Python, FastAPI, Django, SQLAlchemy, PostgreSQL, Redis, Celery, Docker, AWS, GitLab CI, pytest, "
            "Datadog, Sentry",),
))

add(candidate(
    "be_junior_bootcamp", family="software", category="under_qualified",
    grades={BE: 1, FE: 1},
    note="Bootcamp graduate with one year at an agency: right stack, far too little experience.",
    name="Aisha Bello", location="Dallas, TX", headline="Junior Software Developer",
    summary="Career starter who loves building web apps. Finished a 16-week full-stack bootcamp in 2025 and have "
            "been shipping small client projects since.",
    roles=(
        role("Junior Developer", "Pixelpine Agency", (2025, 9), None, "Dallas, TX",
             "Build small Flask and Django sites for local restaurants and gyms.",
             "Fix bugs in client WordPress plugins and JavaScript front ends."),
        role("Retail Associate", "Target", (2021, 4), (2025, 2), "Plano, TX",
             "Trained new team members on the point-of-sale system."),
    ),
    education=(degree("diploma", "Full-Stack Web Development Certificate, Codeup, 2025", "Codeup", 2025),
               degree("associate", "A.A. General Studies, Collin College, 2020", "Collin College", 2020)),
    skills=("Python, Flask, Django (basics), JavaScript, HTML, CSS, SQLite, Git",),
    extra=(Lines("Projects", (
        "Recipe Box: a Flask app with user accounts and a SQLite database, deployed on Render.",
        "Gym Tracker: a Django app for logging workouts, with a small REST endpoint for a mobile page.",
    ), bulleted=True),),
))

add(candidate(
    "be_java_spring", family="software", category="partial", layout=DOCX_BOLD,
    grades={BE: 2, SBE: 2},
    note="Six and a half years of Java microservices with Kafka: good for senior (short of 7 years), "
         "good but not Python for the backend job.",
    name="Rahul Mehta", location="Jersey City, NJ", headline="Senior Software Engineer (Java, Spring Boot)",
    summary="Backend engineer with 6.5 years building microservices for trading and insurance platforms in Java and "
            "Spring Boot. Comfortable with event-driven design, relational databases and mentoring.",
    roles=(
        role("Senior Software Engineer", "Harborview Securities", (2022, 7), None, "Jersey City, NJ",
             "Lead developer of the order-routing microservices (Java 17, Spring Boot, Kafka) processing 5M "
             "events a day.",
             "Designed PostgreSQL schemas for trade reconciliation; reduced nightly batch time by 60%.",
             "Migrated services to Kubernetes on AWS EKS with Docker and Helm.",
             "Mentor three junior engineers; run the team's design reviews."),
        role("Software Engineer", "Garden State Mutual", (2021, 5), (2022, 6), "Newark, NJ",
             "Built REST APIs for policy quoting in Spring Boot and Oracle.",
             "Wrote Python scripts for data migration and test automation."),
        role("Associate Software Engineer", "Infosys", (2020, 5), (2021, 4), "Pune, India",
             "Maintained Java services for a US insurance client."),
    ),
    education=(degree("bachelor", "B.E. Information Technology, University of Pune, 2020", "University of Pune",
                      2020),),
    skills=("Java, Spring Boot, Kafka, PostgreSQL, Oracle, REST, Docker, Kubernetes, AWS, Python (scripting), "
            "JUnit",),
))

add(candidate(
    "sbe_strong_go", family="software", category="strong", layout=PDF,
    grades={SBE: 3, BE: 2, SRE: 1},
    note="Staff-level Go engineer who built a Kafka event pipeline in Seattle: the senior job exactly.",
    name="Elena Petrova", location="Seattle, WA", headline="Staff Software Engineer - distributed systems",
    summary="Almost thirteen years building distributed systems: dispatch, tracking and payments. I design for "
            "failure, write the design doc first and like growing engineers.",
    roles=(
        role("Staff Software Engineer", "Swiftroute", (2020, 4), None, "Seattle, WA",
             "Tech lead of the dispatch platform: 14 Go services exchanging 2B events a day over Kafka.",
             "Designed exactly-once processing with idempotent consumers and transactional outbox on PostgreSQL.",
             "Defined gRPC and protobuf contracts and p99 latency SLOs for 6 teams.",
             "Run on Kubernetes (EKS) on AWS; led the incident review process.",
             "Mentored eight engineers; four promoted to senior."),
        role("Senior Software Engineer", "Cascade Retail", (2015, 8), (2020, 3), "Seattle, WA",
             "Built the inventory reservation service in Java, later rewritten in Go; Cassandra and Redis.",
             "Wrote Python tools for load testing."),
        role("Software Engineer", "Nordic Telecom Solutions", (2014, 1), (2015, 7), "Helsinki",
             "C++ and Java services for SMS routing."),
    ),
    education=(degree("master", "M.Sc. Computer Science, Aalto University, 2013", "Aalto University", 2013),),
    skills=("Go, Java, Python, Kafka, gRPC, PostgreSQL, Cassandra, Redis, Kubernetes, AWS, Terraform",),
))

add(candidate(
    "sbe_paraphrased_golang", family="software", category="paraphrased",
    grades={SBE: 3, BE: 2},
    note="Strong senior candidate described in other words: Golang, Redpanda log, protobuf RPC, k8s, coaching.",
    name="Kwame Asante", location="Bellevue, WA", headline="Principal Engineer, Platform",
    summary="Nine years designing services that keep working when machines, zones or whole regions fail. Most of "
            "my code is Golang; most of my impact is in design reviews and the people I have coached.",
    roles=(
        role("Principal Engineer, Platform", "Tidewater Freight", (2021, 9), None, "Bellevue, WA",
             "Designed the shipment event backbone on a replicated, partitioned commit log (Redpanda), with "
             "schema registry and replay tooling; 400k messages per second at peak.",
             "Wrote the Golang libraries every team uses for retries, idempotent consumers and tracing.",
             "Defined protobuf RPC contracts between 30 services; kept tail latency under 80 ms.",
             "Run everything on k8s across three cloud regions; Postgres and CockroachDB for state.",
             "Coached five engineers to promotion and chaired the architecture review board."),
        role("Senior Engineer", "Pinecrest Payments", (2017, 6), (2021, 8), "Redmond, WA",
             "Built the card authorisation path in Golang and Java with a consensus-based ledger store.",
             "Took part in the follow-the-sun pager rotation for payment services."),
    ),
    education=(degree("bachelor", "B.Sc. Computer Engineering, University of Waterloo, 2017",
                      "University of Waterloo", 2017),),
    skills=("Golang, Java, protobuf, Redpanda, Postgres, CockroachDB, k8s, GCP and Amazon cloud, Bazel",),
))

add(candidate(
    "sbe_python_platform", family="software", category="partial", layout=TXT_COLON,
    grades={SBE: 2, BE: 2},
    note="Eight years of Python distributed systems with Kafka: senior enough, but not Go or Java; "
         "over-qualified for the mid-level backend job.",
    name="Jennifer Liu", location="Portland, OR", headline="Senior Software Engineer, Platform",
    summary="Senior engineer with eight years building high-volume Python services and the event pipelines "
            "between them. Open to relocating to Seattle.",
    roles=(
        role("Senior Software Engineer, Platform", "Cascadia Mobility", (2021, 5), None, "Portland, OR",
             "Designed the ride-event pipeline on Kafka (asyncio consumers in Python): 300M events a day.",
             "Owned the PostgreSQL sharding project and the read replicas behind the trips API.",
             "Run services on Kubernetes on AWS; wrote the team's on-call runbooks.",
             "Mentor two engineers; lead the platform design review."),
        role("Software Engineer", "Rose City Ticketing", (2018, 9), (2021, 4), "Portland, OR",
             "Built Django and Celery services for ticket sales; moved queues from RabbitMQ to Kafka."),
    ),
    education=(degree("bachelor", "B.S. Computer Science, Oregon State University, 2018", "Oregon State University",
                      2018),),
    skills=("Python, asyncio, Django, Kafka, PostgreSQL, Redis, Kubernetes, AWS, Terraform, gRPC (basic)",),
))

add(candidate(
    "sbe_vp_engineering", family="software", category="over_qualified", layout=DOCX,
    grades={SBE: 1, BE: 1},
    note="VP of Engineering who has not written production code for eight years.",
    name="Gregory Hall", location="Seattle, WA", headline="VP of Engineering",
    summary="Engineering executive with 21 years in software, the last 12 leading organisations of 40 to 180 "
            "engineers. I build teams, hiring processes and engineering strategy.",
    roles=(
        role("VP of Engineering", "Alder Commerce", (2018, 2), None, "Seattle, WA",
             "Lead 180 engineers across 22 teams; own a $40M engineering budget.",
             "Set the platform strategy, including the move to microservices and Kafka.",
             "Built the engineering ladder and hiring process; cut regretted attrition by half."),
        role("Director of Engineering", "Bluefin Software", (2012, 3), (2018, 1), "Seattle, WA",
             "Grew the engineering team from 15 to 70; introduced agile planning and quarterly OKRs."),
        role("Software Engineer", "Microsystems Northwest", (2005, 6), (2012, 2), "Redmond, WA",
             "Java and C# backend development."),
    ),
    education=(degree("bachelor", "B.S. Computer Science, University of Washington, 2005",
                      "University of Washington", 2005),
               degree("master", "MBA, Foster School of Business, 2014", "Foster School of Business", 2014)),
    skills=("Engineering leadership, organisation design, budgeting, hiring, Java, C#",),
))

add(candidate(
    "sbe_wrong_location_berlin", family="software", category="wrong_location",
    grades={SBE: 1, BE: 1},
    note="Strong senior Go engineer in Berlin with no US work authorisation: the senior job is hybrid in Seattle, "
         "the backend job remote in the US only.",
    name="Lukas Becker", location="Berlin, Germany", headline="Senior Backend Engineer (Go)",
    summary="Senior backend engineer with 9 years of experience in Go and Java, building event-driven systems for "
            "mobility and e-commerce. Looking for my next role in Berlin.",
    roles=(
        role("Senior Backend Engineer", "Kiezmobil GmbH", (2020, 1), None, "Berlin",
             "Designed the trip event pipeline on Kafka and Go: 1.2B events a day, exactly-once billing.",
             "gRPC APIs between 25 microservices; PostgreSQL and Redis; Kubernetes on GCP.",
             "Mentored four engineers and led the backend guild."),
        role("Backend Engineer", "Warenkorb AG", (2017, 3), (2019, 12), "Hamburg",
             "Java and Spring services for the order pipeline; migrated to Kafka from RabbitMQ."),
    ),
    education=(degree("master", "M.Sc. Informatik, TU Berlin, 2017", "TU Berlin", 2017),),
    skills=("Go, Java, Kafka, gRPC, PostgreSQL, Redis, Kubernetes, GCP, Terraform",),
    extra=(Lines("Languages", ("German (native), English (fluent)",)),),
))

add(candidate(
    "fullstack_django_react", family="software", category="partial", layout=TXT_MD,
    grades={BE: 2, FE: 2},
    note="Full-stack engineer (Django and React): good for both jobs, depth split between them.",
    name="Ahmed Karim", location="Detroit, MI", headline="Full-Stack Engineer",
    summary="Full-stack engineer, 4.5 years, shipping features end to end: Django APIs, PostgreSQL and React "
            "front ends in TypeScript.",
    roles=(
        role("Full-Stack Engineer", "Motorwise", (2023, 4), None, "Detroit, MI",
             "Built dealer inventory features across a Django REST Framework API and a React + TypeScript app.",
             "Wrote PostgreSQL migrations and fixed N+1 queries in the Django ORM.",
             "Added Jest and React Testing Library tests to the front end."),
        role("Software Developer", "Great Lakes Insurance", (2022, 5), (2023, 3), "Southfield, MI",
             "Maintained a Django monolith and jQuery pages; moved two pages to React."),
    ),
    education=(degree("bachelor", "B.S. Computer Science, Wayne State University, 2022", "Wayne State University",
                      2022),),
    skills=("Python, Django, DRF, PostgreSQL, React, TypeScript, JavaScript, CSS, Docker, AWS, Jest",),
))

# === software: frontend =========================================================================================

add(candidate(
    "fe_strong_react", family="software", category="strong", layout=PDF,
    grades={FE: 3},
    note="Six years of React and TypeScript, design system owner, accessibility audits.",
    name="Hannah Kim", location="Portland, OR", headline="Senior Frontend Engineer - React, TypeScript",
    summary="Frontend engineer who makes complex products feel simple. Six years of React and TypeScript; "
            "I led our design system and accessibility programme.",
    roles=(
        role("Senior Frontend Engineer", "Willamette Health", (2022, 1), None, "Portland, OR",
             "Built the patient portal in React, TypeScript and Next.js, used by 1.5M patients.",
             "Lead maintainer of the design system: 70 components in Storybook, built with two designers.",
             "Ran WCAG 2.1 AA audits; fixed keyboard traps and screen-reader issues across the app.",
             "Set up Jest, React Testing Library and Playwright suites in CI."),
        role("Frontend Engineer", "Rosebud Retail", (2020, 6), (2021, 12), "Portland, OR",
             "Rebuilt checkout in React with Redux Toolkit and React Query; improved LCP by 40%.",
             "Worked with backend engineers on the GraphQL schema."),
    ),
    education=(degree("bachelor", "B.S. Computer Science, Portland State University, 2020",
                      "Portland State University", 2020),),
    skills=("React, TypeScript, JavaScript, Next.js, HTML, CSS, Redux, React Query, Storybook, Jest, Playwright, "
            "WCAG, GraphQL",),
))

add(candidate(
    "fe_paraphrased_ui", family="software", category="paraphrased",
    grades={FE: 3},
    note="Strong front-end engineer who writes JSX components, TS, a11y and Vitest/Cypress instead of React, "
         "TypeScript, WCAG and Jest/Playwright.",
    name="Diego Ramirez", location="Sacramento, CA", headline="UI Engineer",
    summary="UI engineer with five years of building browser apps people can actually use, including with a "
            "screen reader or only a keyboard.",
    roles=(
        role("UI Engineer", "Golden Bear Benefits", (2022, 8), None, "Sacramento, CA",
             "Built the member enrolment app as a single-page app with JSX function components and hooks (Remix).",
             "Moved 60k lines of JavaScript to statically typed TS with strict mode.",
             "Owned a11y: screen-reader testing with NVDA and VoiceOver, focus management, colour contrast to "
             "the W3C AA level.",
             "Maintain a shared UI kit of 80 components documented in Storybook with the design team.",
             "Unit tests in Vitest and browser tests in Cypress run on every merge request."),
        role("Web Developer", "Delta Parks Foundation", (2021, 3), (2022, 7), "Sacramento, CA",
             "Built donation and volunteer pages with JSX components and Sass; cut page weight by half."),
    ),
    education=(degree("bachelor", "B.A. Cognitive Science, UC Davis, 2020", "UC Davis", 2020),),
    skills=("JSX, hooks, Remix, TS, Sass, Storybook, Vitest, Cypress, NVDA, VoiceOver",),
))

add(candidate(
    "fe_vue_partial", family="software", category="partial", layout=DOCX,
    grades={FE: 2},
    note="3.5 years of Vue with TypeScript and one React project: short of 2 years of React.",
    name="Olivia Brooks", location="Toronto, Canada", headline="Frontend Developer (Vue, TypeScript)",
    summary="Frontend developer with 3.5 years of experience building dashboards in Vue 3 and TypeScript. "
            "Learning React on a side project and at work.",
    roles=(
        role("Frontend Developer", "Maple Analytics", (2023, 5), None, "Toronto, ON",
             "Build analytics dashboards in Vue 3, TypeScript and Pinia.",
             "Wrote unit tests with Vitest; improved Lighthouse accessibility scores to 95+.",
             "Built one internal tool in React and TypeScript."),
        role("Junior Web Developer", "Lakeshore Media", (2022, 1), (2023, 4), "Toronto, ON",
             "HTML, CSS and JavaScript for marketing sites."),
    ),
    education=(degree("diploma", "Advanced Diploma, Computer Programming, Humber College, 2021", "Humber College",
                      2021),),
    skills=("Vue 3, TypeScript, JavaScript, Pinia, HTML, CSS, Vitest, React (learning)",),
))

add(candidate(
    "ux_engineer_hybrid", family="design", category="partial", layout=TXT_UNDERLINE,
    grades={FE: 2, UX: 2},
    note="UX engineer between design and code: good, not strong, for both the frontend and the designer job.",
    name="Sam Okoye", location="Brooklyn, NY", headline="UX Engineer",
    summary="I sit between design and engineering: prototypes in Figma and code, React components for the "
            "design system, and usability tests of what we build.",
    roles=(
        role("UX Engineer", "Parkway Insurance", (2022, 2), None, "New York, NY",
             "Build React components for the design system and keep them in sync with the Figma library.",
             "Prototype new flows in Figma and in code; run usability tests with five users per round.",
             "Partner with accessibility specialists on WCAG fixes."),
        role("Visual Designer", "Hudson Street Studio", (2020, 6), (2022, 1), "New York, NY",
             "Designed marketing sites and built them in HTML, CSS and JavaScript."),
    ),
    education=(degree("bachelor", "B.F.A. Communication Design, Pratt Institute, 2020", "Pratt Institute", 2020),),
    skills=("Figma, prototyping, usability testing, React, JavaScript, CSS, Storybook",),
))

add(candidate(
    "fe_wordpress_weak", family="software", category="weak",
    grades={FE: 1},
    note="WordPress and jQuery freelancer: web work, none of React, TypeScript or testing.",
    name="Brenda Lowe", location="Tulsa, OK", headline="WordPress Developer",
    summary="Freelance WordPress developer for eight years: custom themes, WooCommerce shops and fast fixes for "
            "small businesses.",
    roles=(
        role("Freelance WordPress Developer", "Lowe Web Studio", (2018, 3), None, "Tulsa, OK",
             "Built 90+ custom WordPress themes in PHP, jQuery and CSS.",
             "Set up WooCommerce shops and Elementor page templates.",
             "Speed and SEO tune-ups for small business sites."),
        role("Office Manager", "Tulsa Family Dental", (2012, 5), (2018, 2), "Tulsa, OK",
             "Maintained the practice website and patient newsletters."),
    ),
    education=(degree("associate", "A.A.S. Web Design, Tulsa Community College, 2012",
                      "Tulsa Community College", 2012),),
    skills=("WordPress, PHP, jQuery, HTML, CSS, Elementor, WooCommerce",),
))

# === devops / SRE ================================================================================================

add(candidate(
    "sre_strong", family="devops", category="strong", layout=PDF,
    grades={SRE: 3, BE: 1},
    note="SRE in Denver with EKS, Terraform, Prometheus/Grafana and incident command.",
    name="Jamal Washington", location="Denver, CO", headline="Senior Site Reliability Engineer",
    summary="SRE with six years keeping high-traffic platforms up: Kubernetes on AWS, Terraform, observability "
            "and incident response.",
    roles=(
        role("Senior Site Reliability Engineer", "Peakline Media", (2022, 4), None, "Denver, CO",
             "Operate 9 Kubernetes clusters on AWS EKS serving 20k requests per second; led upgrades and "
             "autoscaling with Karpenter.",
             "All infrastructure in Terraform modules with review, policy checks and drift detection.",
             "Built the Prometheus, Grafana and Loki stack; cut noisy pages by 70% with SLO-based alerting.",
             "Incident commander; wrote blameless postmortems and the on-call handbook.",
             "CI/CD with GitHub Actions and Argo CD; Python and Go tools to automate toil."),
        role("DevOps Engineer", "Front Range Software", (2020, 8), (2022, 3), "Boulder, CO",
             "Moved 40 services from VMs to Docker and Kubernetes; Terraform for AWS networking and IAM.",
             "Managed Linux fleets, DNS, load balancers and TLS certificates."),
    ),
    education=(degree("bachelor", "B.S. Computer Science, Colorado State University, 2020",
                      "Colorado State University", 2020),),
    skills=("Kubernetes, AWS, Terraform, Prometheus, Grafana, Loki, Argo CD, GitHub Actions, Linux, Python, Go, "
            "Bash",),
    extra=(Lines("Certifications", ("Certified Kubernetes Administrator (CKA)",
                                    "AWS Certified Solutions Architect - Associate")),),
))

add(candidate(
    "sre_paraphrased", family="devops", category="paraphrased",
    grades={SRE: 3},
    note="Strong SRE who writes k8s, OpenTofu, Amazon cloud, reliability targets and carrying the pager.",
    name="Priya Nair", location="Boulder, CO", headline="Production Engineer",
    summary="Production engineer who likes quiet pagers. Five years running container platforms, writing "
            "infrastructure as code and turning incidents into lasting fixes.",
    roles=(
        role("Production Engineer", "Flatirons Games", (2022, 10), None, "Boulder, CO",
             "Built container orchestration on k8s for 120 game services across four regions.",
             "Infrastructure declared in HCL with OpenTofu modules and remote state; every change peer-reviewed.",
             "Amazon cloud: VPCs, Route 53, IAM, autoscaling groups and managed k8s control planes.",
             "Agreed reliability targets and error budgets with service owners; carried the pager one week in "
             "five and ran the postmortem reviews.",
             "Metrics scraping, time-series alerting and dashboards with Thanos and Grafana."),
        role("Systems Engineer", "Mile High Retail", (2021, 6), (2022, 9), "Denver, CO",
             "Deployment pipelines on GitLab runners; automated server builds with Packer and shell scripts."),
    ),
    education=(degree("bachelor", "B.S. Electrical and Computer Engineering, University of Colorado Boulder, 2021",
                      "University of Colorado Boulder", 2021),),
    skills=("k8s, Helm, OpenTofu, Amazon cloud, Thanos, Grafana, GitLab, Packer, Golang, shell",),
))

add(candidate(
    "sre_platform_gcp", family="devops", category="partial", layout=TXT_COLON,
    grades={SRE: 2},
    note="Experienced platform engineer on GCP/GKE rather than AWS.",
    name="Connor Fitzgerald", location="Lakewood, CO", headline="Platform Engineer",
    summary="Platform engineer, 7 years, running Kubernetes on Google Cloud with Terraform and a strong "
            "observability practice.",
    roles=(
        role("Senior Platform Engineer", "Summit Learning Cloud", (2021, 2), None, "Denver, CO",
             "Run GKE clusters on Google Cloud for 200 services; Terraform for projects, networks and IAM.",
             "Prometheus and Grafana monitoring, PagerDuty on-call, incident reviews.",
             "Built CI/CD with Cloud Build and Argo CD."),
        role("Systems Engineer", "Rocky Mountain Bank", (2019, 6), (2021, 1), "Denver, CO",
             "Linux administration, Ansible automation, VMware."),
    ),
    education=(degree("bachelor", "B.S. Information Systems, Metropolitan State University of Denver, 2019",
                      "Metropolitan State University of Denver", 2019),),
    skills=("Kubernetes, GKE, Google Cloud, Terraform, Prometheus, Grafana, Argo CD, Ansible, Linux, Python",),
))

add(candidate(
    "devops_azure", family="devops", category="partial",
    grades={SRE: 2},
    note="DevOps on Azure (AKS, Bicep, Azure DevOps): Kubernetes yes, Terraform and AWS no.",
    name="Fatima Al-Sayed", location="Denver, CO", headline="DevOps Engineer (Azure)",
    summary="DevOps engineer with 5 years automating builds, releases and infrastructure on Microsoft Azure.",
    roles=(
        role("DevOps Engineer", "Centennial Energy", (2022, 3), None, "Denver, CO",
             "Run AKS Kubernetes clusters for 35 services; Helm charts and Azure DevOps release pipelines.",
             "Infrastructure in Bicep and ARM templates.",
             "Grafana and Azure Monitor dashboards; part of the incident rotation."),
        role("Build and Release Engineer", "Westridge Software", (2021, 7), (2022, 2), "Englewood, CO",
             "Jenkins pipelines and PowerShell automation for Windows servers."),
    ),
    education=(degree("bachelor", "B.S. Computer Engineering, University of Denver, 2021",
                      "University of Denver", 2021),),
    skills=("Azure, AKS, Kubernetes, Helm, Bicep, Azure DevOps, Jenkins, PowerShell, Grafana",),
))

add(candidate(
    "sysadmin_onprem", family="devops", category="weak", layout=DOCX_BOLD,
    grades={SRE: 1},
    note="On-premises Linux administrator: Linux and on-call, no Kubernetes, Terraform or cloud.",
    name="Dennis Kowalski", location="Aurora, CO", headline="Linux Systems Administrator",
    summary="Systems administrator with nine years of experience running Red Hat and VMware environments in a "
            "hospital data center. Studying for the AWS Solutions Architect exam.",
    roles=(
        role("Senior Systems Administrator", "Aurora Regional Health", (2019, 1), None, "Aurora, CO",
             "Run 400 Red Hat Enterprise Linux servers on VMware vSphere.",
             "Automate patching and user management with Ansible and Bash.",
             "Nagios monitoring; on call one week in four."),
        role("Systems Administrator", "Colorado Title Group", (2017, 6), (2018, 12), "Denver, CO",
             "Windows and Linux servers, backups and firewalls."),
    ),
    education=(degree("associate", "A.A.S. Network Administration, Community College of Aurora, 2017",
                      "Community College of Aurora", 2017),),
    skills=("Red Hat Linux, VMware, Ansible, Bash, Nagios, Active Directory",),
))

add(candidate(
    "cc_restaurant_to_devops", family="devops", category="career_changer",
    grades={SRE: 1, WH: 1, RGM: 1},
    note="Restaurant general manager retraining in cloud: certificates and a home lab, no production work.",
    name="Tyler Morgan", location="Colorado Springs, CO", headline="Aspiring DevOps Engineer",
    summary="Former restaurant general manager moving into cloud engineering. I bring calm under pressure from "
            "running a busy kitchen and a growing set of hands-on cloud projects.",
    roles=(
        role("General Manager", "Pikes Peak Grill", (2018, 4), (2025, 12), "Colorado Springs, CO",
             "Ran a 180-seat restaurant with 45 staff: scheduling, hiring and food-cost control.",
             "Managed weekly inventory and supplier orders; cut waste by 18%."),
    ),
    education=(degree("diploma", "Cloud DevOps Engineering Certificate, Turing Tech Academy, 2026",
                      "Turing Tech Academy", 2026),),
    skills=("AWS (EC2, S3, IAM), Terraform (labs), Docker, k3s home lab, Linux, Bash, GitHub Actions",),
    extra=(Lines("Certifications", ("AWS Certified Cloud Practitioner (2026)",)),),
))

# === data ========================================================================================================

add(candidate(
    "ds_strong_phd", family="data", category="strong", layout=PDF,
    grades={DS: 3, DA: 1},
    note="PhD statistician with four years of experimentation and production models at a marketplace.",
    name="Wei Zhang", location="Cambridge, MA", headline="Senior Data Scientist",
    summary="Data scientist with a PhD in statistics and five years in e-commerce: experimentation, causal "
            "inference and production machine learning.",
    roles=(
        role("Senior Data Scientist", "Harborline Marketplace", (2022, 9), None, "Boston, MA",
             "Built the churn model (XGBoost, scikit-learn) used for retention offers; +3.1% 90-day retention.",
             "Designed the A/B testing platform's variance reduction (CUPED) and sequential testing rules.",
             "Causal inference for pricing: difference-in-differences and uplift models.",
             "SQL on Snowflake, features in dbt, models deployed with MLflow and Airflow."),
        role("Data Scientist", "Quincy Home Goods", (2022, 1), (2022, 8), "Quincy, MA",
             "Demand forecasting for 20,000 products with gradient boosting and Prophet."),
    ),
    education=(degree("phd", "Ph.D. Statistics, Boston University, 2021", "Boston University", 2021),
               degree("bachelor", "B.S. Mathematics, Peking University, 2016", "Peking University", 2016)),
    skills=("Python, pandas, NumPy, scikit-learn, XGBoost, SQL, Snowflake, dbt, Airflow, MLflow, R, Stan",),
))

add(candidate(
    "ds_paraphrased", family="data", category="paraphrased",
    grades={DS: 3},
    note="Strong decision scientist who never writes machine learning, A/B test, XGBoost or scikit-learn.",
    name="Grace Adeyemi", location="Providence, RI", headline="Decision Scientist",
    summary="I help product teams decide with evidence: predictive models, randomised experiments and clear "
            "write-ups. Six years in retail and subscription businesses.",
    roles=(
        role("Decision Scientist", "Ocean State Subscriptions", (2022, 6), None, "Providence, RI",
             "Built gradient-boosted tree models (LightGBM) predicting which subscribers would cancel; the "
             "retention team targets offers with them.",
             "Designed and read out randomised controlled trials on the checkout flow, with power analysis and "
             "guardrail metrics.",
             "Estimated the effect of price changes with synthetic control and regression discontinuity.",
             "Queried the cloud warehouse with window functions and CTEs; shipped models behind an internal "
             "scoring service with the platform team."),
        role("Quantitative Analyst", "Narragansett Outfitters", (2020, 7), (2022, 5), "Providence, RI",
             "Weekly sales forecasts per store with hierarchical time-series models in Python (sklearn, "
             "statsmodels)."),
    ),
    education=(degree("master", "M.A. Economics, Brown University, 2020", "Brown University", 2020),),
    skills=("Python, LightGBM, sklearn, statsmodels, BigQuery, dbt, Looker, R",),
))

add(candidate(
    "ds_economist", family="data", category="partial", layout=TXT_UNDERLINE,
    grades={DS: 2, DA: 1},
    note="Research economist: strong statistics and causal inference, little production modelling.",
    name="Daniel Okonkwo", location="Boston, MA", headline="Research Economist",
    summary="Economist with five years of applied research: causal inference, forecasting and large survey "
            "data. Looking to move into product data science.",
    roles=(
        role("Research Economist", "Federal Reserve Bank of Boston", (2023, 8), None, "Boston, MA",
             "Causal studies of consumer credit with difference-in-differences and instrumental variables.",
             "Forecasting models for regional employment in R and Python.",
             "SQL over a 4 TB credit-bureau panel; research memos for senior leadership."),
        role("Research Assistant", "MIT Department of Economics", (2021, 9), (2023, 7), "Cambridge, MA",
             "Cleaned and analysed field-experiment data in Stata and R."),
    ),
    education=(degree("master", "M.S. Economics, Boston University, 2023", "Boston University", 2023),),
    skills=("R, Stata, Python, pandas, SQL, econometrics, causal inference, forecasting",),
))

add(candidate(
    "ml_engineer_cv", family="data", category="partial", layout=DOCX,
    grades={DS: 2, BE: 1},
    note="Computer-vision ML engineer: strong ML and production, little experimentation or product analytics.",
    name="Anika Sharma", location="Somerville, MA", headline="Machine Learning Engineer",
    summary="ML engineer with almost six years of deep learning for computer vision, from data pipelines to models "
            "serving in production.",
    roles=(
        role("Machine Learning Engineer", "Visiona Robotics", (2022, 7), None, "Somerville, MA",
             "Trained object-detection models in PyTorch for warehouse robots; mAP up 12 points.",
             "Built the training pipeline on Kubernetes with MLflow tracking and model registry.",
             "Wrote Python services (FastAPI) that serve models at 200 requests per second."),
        role("Data Scientist", "Pioneer Imaging", (2021, 1), (2022, 6), "Boston, MA",
             "Image classification for medical scans; model evaluation with clinicians."),
    ),
    education=(degree("master", "M.S. Computer Science, Northeastern University, 2020", "Northeastern University",
                      2020),),
    skills=("Python, PyTorch, OpenCV, scikit-learn, MLflow, Kubernetes, FastAPI, SQL",),
))

add(candidate(
    "data_engineer", family="data", category="partial",
    grades={DS: 1, DA: 1, BE: 1},
    note="Data engineer (pipelines, Spark, Airflow): adjacent to data science and analysis, not a fit for either.",
    name="Sofia Marino", location="Boston, MA", headline="Senior Data Engineer",
    summary="Data engineer with five years building batch and streaming pipelines that data scientists and "
            "analysts rely on.",
    roles=(
        role("Senior Data Engineer", "Beacon Hill Analytics", (2022, 2), None, "Boston, MA",
             "Build Spark and Airflow pipelines loading 3 TB a day into Snowflake; dbt models for analysts.",
             "Streaming ingestion with Kafka; data-quality checks with Great Expectations."),
        role("Data Engineer", "Charles River Retail", (2021, 5), (2022, 1), "Boston, MA",
             "Python ETL jobs and PostgreSQL data marts."),
    ),
    education=(degree("bachelor", "B.S. Computer Science, Boston College, 2021", "Boston College", 2021),),
    skills=("Python, SQL, Spark, Airflow, dbt, Snowflake, Kafka, PostgreSQL, AWS",),
))

add(candidate(
    "da_bi_analyst", family="data", category="strong",
    grades={DA: 3, DS: 1},
    note="Two years as a BI analyst in Columbus with SQL, Tableau and Excel; online ML courses only.",
    name="Carlos Mendoza", location="Columbus, OH", headline="Business Intelligence Analyst",
    summary="Analyst with two years of experience turning retail data into reports people use. Comfortable "
            "with SQL, Tableau and Excel; learning Python and machine learning.",
    roles=(
        role("Business Intelligence Analyst", "Scioto Home Centers", (2024, 10), None, "Columbus, OH",
             "Write SQL against the sales and inventory warehouse for weekly category reports.",
             "Built 12 Tableau dashboards used by 60 store managers.",
             "Monthly reporting in Excel with pivot tables and XLOOKUP.",
             "Found a double-counting bug in returns data that overstated sales by 2%."),
        role("Operations Intern", "Scioto Home Centers", (2024, 5), (2024, 8), "Columbus, OH",
             "Cleaned vendor data and built a shrink report in Excel."),
    ),
    education=(degree("bachelor", "B.A. Economics, Ohio State University, 2024", "Ohio State University", 2024),),
    skills=("SQL, Tableau, Excel, Power BI (basics), Python (learning)",),
    extra=(Lines("Courses", ("Machine Learning Specialization (Coursera, 2025)",)),),
))

add(candidate(
    "da_new_grad_strong", family="data", category="strong", layout=PDF_TIMES,
    grades={DA: 3, DS: 1},
    note="Statistics graduate from Ohio State with an analytics internship at a grocer.",
    name="Emily Novak", location="Columbus, OH", headline="Data Analyst - SQL, Tableau, Excel",
    summary="Statistics graduate with an analytics internship in grocery retail. I like clean data, clear "
            "charts and finding the question behind the question.",
    roles=(
        role("Analytics Intern", "Kroger Technology", (2025, 5), (2025, 8), "Cincinnati, OH",
             "Wrote SQL queries on loyalty-card data to size a promotion; presented results to category managers.",
             "Built a Tableau dashboard of weekly promotion lift by store."),
        role("Student Data Assistant", "Ohio State University Libraries", (2023, 9), (2026, 5), "Columbus, OH",
             "Excel reports on visits and loans with pivot tables; cleaned survey data in R."),
    ),
    education=(degree("bachelor", "B.S. Statistics, The Ohio State University, 2026",
                      "The Ohio State University", 2026),),
    skills=("SQL, Excel, Tableau, Power BI, R, Python (pandas)",),
))

add(candidate(
    "da_paraphrased", family="data", category="paraphrased",
    grades={DA: 3},
    note="Junior analyst who never says SQL, Excel, Tableau, dashboard or data analyst.",
    name="Jordan Ellis", location="Westerville, OH", headline="Reporting Associate",
    summary="Eighteen months turning store and sales numbers into reports that managers read. Careful with "
            "definitions, quick with spreadsheets.",
    roles=(
        role("Reporting Associate", "Olentangy Pharmacy Group", (2025, 5), None, "Columbus, OH",
             "Write queries joining prescription, sales and stock tables in the company's Postgres database.",
             "Keep the weekly store scorecards in Looker Studio up to date for 35 pharmacy managers.",
             "Build spreadsheet models with pivots, XLOOKUP and charts for the monthly business review.",
             "Spot and trace odd numbers back to their source before they reach a report."),
    ),
    education=(degree("bachelor", "B.B.A. Business Analytics, Otterbein University, 2025", "Otterbein University",
                      2025),),
    skills=("Postgres queries, spreadsheets, Looker Studio, basic Python",),
))

add(candidate(
    "da_wrong_location", family="data", category="wrong_location",
    grades={DA: 1},
    note="Good junior analyst in the Philippines for an on-site Columbus job without visa sponsorship.",
    name="Maria Santos", location="Quezon City, Philippines", headline="Data Analyst",
    summary="Data analyst with two years of experience in retail and BPO analytics: SQL, Power BI and Excel.",
    roles=(
        role("Data Analyst", "Luzon Retail Corporation", (2024, 7), None, "Quezon City",
             "SQL queries on sales and inventory data for 80 stores; Power BI dashboards for regional managers.",
             "Automated weekly Excel reports with Power Query."),
    ),
    education=(degree("bachelor", "B.S. Statistics, University of the Philippines Diliman, 2024",
                      "University of the Philippines Diliman", 2024),),
    skills=("SQL, Power BI, Excel, Power Query, Python",),
))

add(candidate(
    "cc_teacher_to_analyst", family="data", category="career_changer", layout=DOCX_BOLD,
    grades={DA: 2, MATH: 1},
    note="Middle-school maths teacher in Columbus turned analyst through a certificate and projects.",
    name="Rebecca Foster", location="Columbus, OH", headline="Data Analyst (career changer from teaching)",
    summary="Seven years teaching middle-school maths taught me to explain numbers to anyone. Since 2025 I have "
            "been building analyst skills: SQL, Tableau and Excel, with portfolio projects.",
    roles=(
        role("Data Analytics Intern", "Columbus Metropolitan Library", (2026, 6), (2026, 9), "Columbus, OH",
             "SQL queries and a Tableau dashboard of branch visits and program attendance."),
        role("Mathematics Teacher, Grades 7-8", "Columbus City Schools", (2018, 8), (2025, 6), "Columbus, OH",
             "Taught pre-algebra and Algebra I to 150 students a year.",
             "Analysed assessment data in Excel to group students for intervention."),
    ),
    education=(degree("bachelor", "B.S. Middle Childhood Education, Ohio University, 2018", "Ohio University",
                      2018),),
    skills=("SQL, Excel, Tableau, Google Sheets",),
    extra=(Lines("Certificates", ("Google Data Analytics Professional Certificate (2025)",)),),
))

add(candidate(
    "cc_accountant_to_analyst", family="data", category="career_changer",
    grades={DA: 3, ACC: 1, DS: 1, FA: 1},
    note="Former staff accountant with an analytics master's, SQL and Tableau, in Columbus.",
    name="Hannah Schultz", location="Columbus, OH", headline="Data Analyst",
    summary="Analyst with a finance background: four years in corporate accounting, then a master's in business "
            "analytics. Looking for an analyst role in Columbus.",
    roles=(
        role("Analytics Intern", "Nationwide Mutual", (2026, 5), (2026, 8), "Columbus, OH",
             "SQL and Python analysis of claims data; Tableau dashboard for the claims operations team."),
        role("Staff Accountant", "Buckeye Valve Manufacturing", (2020, 7), (2024, 7), "Columbus, OH",
             "Month-end close, journal entries and reconciliations in SAP; Excel variance reports."),
    ),
    education=(degree("master", "M.S. Business Analytics, Fisher College of Business, 2026",
                      "Fisher College of Business", 2026),
               degree("bachelor", "B.S. Accounting, Ohio University, 2020", "Ohio University", 2020)),
    skills=("SQL, Python, Tableau, Excel, SAP, statistics",),
))

# === nursing =====================================================================================================

add(candidate(
    "rn_strong_icu", family="nursing", category="strong", layout=DOCX,
    grades={RN: 3},
    note="Medical ICU nurse in Chicago: Illinois licence, BSN, CCRN, ventilators, drips, CRRT, charge nurse.",
    name="Sarah Mitchell", location="Chicago, IL", headline="Registered Nurse, BSN, CCRN - Medical ICU",
    summary="ICU registered nurse with five years in a 24-bed medical ICU at an academic medical center. "
            "Charge nurse and preceptor.",
    roles=(
        role("Staff Nurse, Medical Intensive Care Unit", "Lakeview University Hospital", (2021, 6), None,
             "Chicago, IL",
             "Care for 1-2 critically ill adults per shift: sepsis, ARDS, GI bleeds, post-cardiac arrest.",
             "Manage mechanical ventilation, arterial and central lines; titrate vasopressors and sedation.",
             "Run CRRT and assist with proning and bedside procedures.",
             "Charge nurse on nights since 2024; precepted 9 new graduate nurses.",
             "Document in Epic; member of the unit sepsis committee."),
        role("Registered Nurse, Emergency Department", "Mercy South Hospital", (2020, 1), (2021, 5), "Chicago, IL",
             "Triage and stabilisation in a Level II trauma center."),
    ),
    education=(degree("bachelor", "Bachelor of Science in Nursing, Loyola University Chicago, 2019",
                      "Loyola University Chicago", 2019),),
    extra=(Lines("Licenses and Certifications", (
        "Registered Nurse, State of Illinois",
        "CCRN (Adult), AACN",
        "ACLS and BLS, American Heart Association",
    ), bulleted=True),),
))

add(candidate(
    "rn_paraphrased", family="nursing", category="paraphrased",
    grades={RN: 3},
    note="Strong critical care nurse who writes 'looked after critically ill patients' and 'breathing machines' "
         "instead of ICU, mechanical ventilation and ACLS.",
    name="Joseph Nguyen", location="Evanston, IL", headline="Staff Nurse, adult intensive care",
    summary="Nurse with four years looking after critically ill adults in a busy teaching hospital. Calm in a "
            "crisis, careful with infusions and good with frightened families.",
    roles=(
        role("Staff Nurse, 5 East Adult Intensive Care", "North Shore Teaching Hospital", (2022, 7), None,
             "Evanston, IL",
             "Looked after the hospital's sickest adults, one or two per shift: septic shock, respiratory "
             "failure, multi-organ failure.",
             "Managed patients on breathing machines, including proning and spontaneous breathing trials.",
             "Adjusted pressor and sedation infusions to blood-pressure and RASS targets.",
             "Ran bedside dialysis (CVVHDF) and cared for patients with arterial and central lines.",
             "First responder on the hospital's resuscitation team; charted in Epic."),
        role("Nurse, Cardiac Step-Down", "North Shore Teaching Hospital", (2021, 8), (2022, 6), "Evanston, IL",
             "Telemetry monitoring and cardiac drips for post-procedure patients."),
    ),
    education=(degree("bachelor", "Bachelor's degree in Nursing, DePaul University, 2021", "DePaul University",
                      2021),),
    extra=(Lines("Credentials", (
        "Nursing licence, Illinois Department of Financial and Professional Regulation",
        "Advanced cardiac life support and basic life support, American Heart Association",
    )),),
))

add(candidate(
    "rn_travel_relocating", family="nursing", category="strong", layout=TXT_COLON,
    grades={RN: 3},
    note="Travel ICU nurse living in Phoenix who already holds an Illinois licence and is moving to Chicago.",
    name="Melissa Ortiz", location="Phoenix, AZ", headline="Critical Care Registered Nurse, CCRN",
    summary="ICU nurse with seven years of experience, the last three as a travel nurse in medical and surgical "
            "ICUs. Relocating to Chicago in January 2027 and looking for a permanent night position.",
    roles=(
        role("Travel ICU Registered Nurse", "Cardinal Travel Nursing", (2023, 10), None, "Phoenix, AZ",
             "13-week contracts in medical, surgical and cardiovascular ICUs in Arizona, Texas and Illinois.",
             "Ventilated patients, vasoactive drips, CRRT and Impella support; Epic and Cerner charting."),
        role("Registered Nurse, Surgical ICU", "Desert Valley Medical Center", (2019, 8), (2023, 9), "Phoenix, AZ",
             "Post-operative trauma and neurosurgical patients; relief charge nurse."),
    ),
    education=(degree("bachelor", "BSN, Arizona State University, 2019", "Arizona State University", 2019),),
    extra=(Lines("Licenses", (
        "RN, Arizona (multistate compact)", "RN, Illinois (issued 2026)", "CCRN, ACLS, BLS, TNCC",
    )),),
))

add(candidate(
    "rn_stepdown", family="nursing", category="partial",
    grades={RN: 2},
    note="Progressive care (step-down) nurse: meets the minimum, no ICU experience or CCRN.",
    name="Ashley Turner", location="Oak Park, IL", headline="Registered Nurse - Progressive Care",
    summary="Registered nurse with three years on a progressive care unit, ready to grow into critical care.",
    roles=(
        role("Registered Nurse, Progressive Care Unit", "West Suburban Medical Center", (2023, 6), None,
             "Oak Park, IL",
             "Care for 3-4 telemetry patients: heart failure, COPD on BiPAP, post-PCI.",
             "Titrate heparin, diltiazem and nitroglycerin drips per protocol.",
             "Rapid response team member; Epic documentation."),
    ),
    education=(degree("bachelor", "BSN, University of Illinois Chicago, 2023", "University of Illinois Chicago",
                      2023),),
    extra=(Lines("Licenses", ("Registered Nurse, Illinois", "ACLS, BLS (AHA)")),),
))

add(candidate(
    "rn_new_grad", family="nursing", category="under_qualified", layout=PDF,
    grades={RN: 1},
    note="New graduate nurse with an ICU capstone: the job asks for two years of acute care.",
    name="Kevin O'Brien", location="Chicago, IL", headline="New Graduate Registered Nurse",
    summary="New graduate RN (licensed 2026) with a medical ICU capstone and three years as a patient care "
            "technician. Eager to start in critical care.",
    roles=(
        role("Patient Care Technician", "Rush Oak Park Hospital", (2023, 6), (2026, 5), "Oak Park, IL",
             "Vital signs, blood draws and ECGs on a medical-surgical unit."),
    ),
    education=(degree("bachelor", "Bachelor of Science in Nursing, University of Illinois Chicago, 2026",
                      "University of Illinois Chicago", 2026, "Capstone: 180 hours in the medical ICU"),),
    extra=(Lines("Licenses", ("Registered Nurse, Illinois (2026)", "BLS (AHA)")),),
))

add(candidate(
    "rn_uk_wrong_location", family="nursing", category="wrong_location",
    grades={RN: 1},
    note="Experienced critical care nurse in Manchester with no US licence, for an on-site Chicago job.",
    name="Charlotte Davies", location="Manchester, United Kingdom", headline="Senior Staff Nurse, Critical Care",
    summary="Adult critical care nurse with six years in a 30-bed unit, NMC registered. Happy in Manchester and "
            "looking for a senior role in the North West.",
    roles=(
        role("Senior Staff Nurse, Adult Critical Care", "Manchester Royal Infirmary", (2020, 9), None, "Manchester",
             "Level 3 patients: invasive ventilation, inotropes, haemofiltration.",
             "Nurse in charge on nights; mentor for student nurses."),
    ),
    education=(degree("bachelor", "BSc (Hons) Adult Nursing, University of Salford, 2020", "University of Salford",
                      2020),),
    extra=(Lines("Registration", ("NMC registered nurse (adult)", "Advanced Life Support, Resuscitation Council UK")),),
))

add(candidate(
    "lpn_long_term_care", family="nursing", category="weak", layout=DOCX_BOLD,
    grades={RN: 1},
    note="Licensed practical nurse in long-term care: nursing, but not an RN and no acute care.",
    name="Denise Harris", location="Joliet, IL", headline="Licensed Practical Nurse",
    summary="LPN with ten years in skilled nursing and rehabilitation, known for careful medication passes and "
            "kind care of residents.",
    roles=(
        role("Licensed Practical Nurse", "Prairie Gardens Skilled Nursing", (2016, 3), None, "Joliet, IL",
             "Medication passes and wound care for 25 residents per shift.",
             "Supervise certified nursing assistants; document in PointClickCare."),
    ),
    education=(degree("diploma", "Practical Nursing Certificate, Joliet Junior College, 2015",
                      "Joliet Junior College", 2015),),
    extra=(Lines("Licenses", ("LPN, Illinois", "BLS")),),
))

# === accounting ==================================================================================================

add(candidate(
    "acct_strong", family="accounting", category="strong", layout=PDF,
    grades={ACC: 3, FA: 1},
    note="Three years as a staff accountant at a retailer in the Twin Cities: close, reconciliations, NetSuite.",
    name="Brian Larson", location="St. Paul, MN", headline="Staff Accountant",
    summary="Staff accountant with three years of corporate accounting in retail. Dependable at close, "
            "detail-minded and working toward the CPA.",
    roles=(
        role("Staff Accountant", "Twin Lakes Apparel", (2023, 8), None, "Minneapolis, MN",
             "Own 40% of month-end close: journal entries, accruals and prepaid amortisation.",
             "Prepare balance sheet reconciliations in BlackLine; investigate and clear variances.",
             "Maintain the fixed asset register and depreciation in NetSuite.",
             "Prepared audit schedules for the external auditors; no adjustments in 2025."),
        role("Accounting Intern", "Gopher Foods Co-op", (2022, 5), (2022, 8), "St. Paul, MN",
             "Inventory reconciliations and accounts payable support."),
    ),
    education=(degree("bachelor", "B.S. Accounting, University of Minnesota, 2023", "University of Minnesota",
                      2023),),
    skills=("US GAAP, NetSuite, BlackLine, Excel (pivot tables, XLOOKUP), inventory accounting",),
    extra=(Lines("Certifications", ("CPA candidate: FAR and AUD passed",)),),
))

add(candidate(
    "acct_paraphrased", family="accounting", category="paraphrased",
    grades={ACC: 3, FA: 1},
    note="Strong candidate who writes 'closed the books' and 'tied out balance sheet accounts' instead of "
         "month-end close and reconciliations.",
    name="Nadia Hussein", location="Bloomington, MN", headline="Corporate Accounting Associate",
    summary="Three years in corporate accounting at a consumer products company. I like a tidy ledger and a "
            "close that finishes on time.",
    roles=(
        role("Corporate Accounting Associate", "Lakeland Consumer Brands", (2023, 6), None, "Bloomington, MN",
             "Closed the books every month within four business days with a team of six.",
             "Tied out balance sheet accounts to subledgers and bank statements and chased down every "
             "difference.",
             "Booked accruals, prepaids and depreciation; kept the capital asset register.",
             "Prepared PBC schedules for the external auditors.",
             "Applied US accounting standards (ASC 606, ASC 842) to new contracts and leases."),
        role("Accounting Assistant", "North Loop Property Management", (2022, 6), (2023, 5), "Minneapolis, MN",
             "Tenant billing, cash receipts and bank matching."),
    ),
    education=(degree("bachelor", "BBA, Accountancy, University of St. Thomas, 2022", "University of St. Thomas",
                      2022),),
    skills=("Oracle Fusion, Excel (pivots, XLOOKUP, Power Query), FloQast",),
))

add(candidate(
    "acct_senior_nonprofit", family="accounting", category="partial", layout=DOCX,
    grades={ACC: 2, FA: 1},
    note="Six years of close and reconciliations in non-profit fund accounting: a bit senior, different sector.",
    name="Olga Lindqvist", location="Edina, MN", headline="Senior Accountant",
    summary="Accountant with six years in non-profit healthcare: month-end close, grants and audit support.",
    roles=(
        role("Senior Accountant", "Lakes Region Health Foundation", (2022, 10), None, "Minneapolis, MN",
             "Month-end close, journal entries and balance sheet reconciliations for 12 funds.",
             "Grant and restricted-fund accounting; lead the audit schedule preparation.",
             "Sage Intacct and Excel; supervise one accounting clerk."),
        role("Staff Accountant", "Lakes Region Health Foundation", (2020, 6), (2022, 9), "Minneapolis, MN",
             "Accounts payable, accruals and fixed asset depreciation."),
    ),
    education=(degree("bachelor", "B.S. Accounting, Minnesota State University, Mankato, 2020",
                      "Minnesota State University, Mankato", 2020),),
    skills=("US GAAP, fund accounting, Sage Intacct, Excel, audit preparation",),
))

add(candidate(
    "acct_bookkeeper", family="accounting", category="weak", layout=TXT_MD,
    grades={ACC: 1},
    note="Small-business bookkeeper with an associate degree, three hours from the office.",
    name="Linda Carlson", location="Duluth, MN", headline="Full-Charge Bookkeeper",
    summary="Bookkeeper for eight years keeping the books of 15 small businesses in QuickBooks.",
    roles=(
        role("Bookkeeper", "Carlson Bookkeeping Services", (2018, 4), None, "Duluth, MN",
             "Accounts payable and receivable, payroll and bank matching for 15 clients.",
             "Monthly profit and loss reports and sales tax filings."),
        role("Office Assistant", "Superior Marine Supply", (2014, 6), (2018, 3), "Duluth, MN",
             "Invoicing and data entry."),
    ),
    education=(degree("associate", "A.A.S. Accounting, Lake Superior College, 2014", "Lake Superior College",
                      2014),),
    skills=("QuickBooks, Excel, payroll, sales tax",),
))

add(candidate(
    "acct_audit_manager", family="accounting", category="over_qualified", layout=DOCX,
    grades={ACC: 2, FA: 1},
    note="Big Four audit manager and CPA applying to a staff role: can do it, unlikely to stay.",
    name="Steven Park", location="Minneapolis, MN", headline="Audit Manager, CPA",
    summary="CPA with ten years in public accounting auditing retail and manufacturing companies. Looking to "
            "move into industry with better hours.",
    roles=(
        role("Audit Manager", "Whitfield & Crane LLP", (2021, 9), None, "Minneapolis, MN",
             "Manage audits of public and private retailers with revenue up to $2B; teams of eight.",
             "Review inventory, revenue and lease accounting under US GAAP; SOX control testing."),
        role("Senior Auditor", "Whitfield & Crane LLP", (2016, 9), (2021, 8), "Minneapolis, MN",
             "Led fieldwork for manufacturing clients."),
    ),
    education=(degree("bachelor", "B.S. Accounting, University of Minnesota, 2016", "University of Minnesota",
                      2016),),
    skills=("US GAAP, SOX, audit, Excel, SAP, NetSuite",),
    extra=(Lines("Certifications", ("Certified Public Accountant, Minnesota",)),),
))

add(candidate(
    "acct_ap_clerk", family="accounting", category="under_qualified",
    grades={ACC: 1},
    note="Accounts payable clerk without a degree.",
    name="Jessica Moore", location="Minneapolis, MN", headline="Accounts Payable Clerk",
    summary="Accounts payable clerk with two years of experience processing invoices accurately and on time. "
            "Taking accounting classes in the evenings.",
    roles=(
        role("Accounts Payable Clerk", "Mississippi River Logistics", (2024, 9), None, "Minneapolis, MN",
             "Enter 600 invoices a month; three-way match against purchase orders and receipts.",
             "Vendor set-up and weekly payment runs."),
        role("Cashier", "Cub Foods", (2021, 6), (2024, 8), "Minneapolis, MN", "Cash handling and closing."),
    ),
    education=(degree("diploma", "High School Diploma, Roosevelt High School, 2021", "Roosevelt High School",
                      2021),),
    skills=("Excel, data entry, invoice processing",),
))

# === sales =======================================================================================================

add(candidate(
    "ae_strong_saas", family="sales", category="strong", layout=PDF,
    grades={AE: 3},
    note="Mid-market SaaS account executive in Chicago beating quota three years running.",
    name="Ryan O'Connell", location="Chicago, IL", headline="Account Executive, Mid-Market SaaS",
    summary="Account executive with five years of B2B SaaS sales, three in mid-market closing roles. "
            "Consistently above quota.",
    roles=(
        role("Account Executive, Mid-Market", "Flowdesk", (2023, 1), None, "Chicago, IL",
             "Full-cycle sales of workflow software to operations and finance leaders at 300-2,000 employee "
             "companies.",
             "118% of quota in 2023, 124% in 2024, 131% in 2025; average deal $48k ARR.",
             "MEDDICC qualification, mutual action plans and forecasting in Salesforce.",
             "Source 40% of my own pipeline through outbound with Outreach; calls reviewed in Gong."),
        role("Sales Development Representative", "Flowdesk", (2021, 6), (2022, 12), "Chicago, IL",
             "Booked 22 meetings a month, 140% of target."),
    ),
    education=(degree("bachelor", "B.A. Communications, DePaul University, 2021", "DePaul University", 2021),),
    skills=("Salesforce, Outreach, Gong, MEDDICC, negotiation, forecasting",),
))

add(candidate(
    "ae_paraphrased", family="sales", category="paraphrased",
    grades={AE: 3},
    note="Strong closer who never writes account executive, quota, pipeline, Salesforce or MEDDICC.",
    name="Natalie Brooks", location="Milwaukee, WI", headline="Senior Sales Representative, New Business",
    summary="Closer for cloud software: I win new customers with many decision-makers and make sure they are "
            "set up to stay.",
    roles=(
        role("Senior Sales Representative, New Business", "Peoplegrid", (2022, 2), None, "Milwaukee, WI",
             "Won new customers with 300-1,500 staff for a cloud HR platform; average first-year contract $62k.",
             "Finished 112%, 127% and 104% of my annual target.",
             "Ran deals from first call through security review, procurement and signature.",
             "Qualified every deal on metrics, economic buyer, decision criteria, decision process, pain and "
             "champion.",
             "Kept SFDC opportunity data clean for the weekly forecast call."),
        role("Sales Representative", "Badger Payroll Services", (2019, 8), (2022, 1), "Milwaukee, WI",
             "Sold payroll services to companies of 20-200 employees; President's Club 2021."),
    ),
    education=(degree("bachelor", "B.B.A. Marketing, Marquette University, 2019", "Marquette University", 2019),),
))

add(candidate(
    "ae_sdr_partial", family="sales", category="partial",
    grades={AE: 2},
    note="Two years of SDR and one of SMB closing: promising, short of three years of closing.",
    name="Chris Patel", location="Atlanta, GA", headline="Account Executive, SMB",
    summary="SaaS seller who moved from prospecting to closing. One year closing SMB deals, two years as an SDR.",
    roles=(
        role("Account Executive, SMB", "Peachtree Software", (2025, 10), None, "Atlanta, GA",
             "Closed $410k new ARR in my first full year, 108% of quota; deals of $5-15k.",
             "Salesforce for pipeline and forecasting."),
        role("Sales Development Representative", "Peachtree Software", (2023, 9), (2025, 9), "Atlanta, GA",
             "Outbound prospecting with Outreach; 140% of meeting target in 2024."),
    ),
    education=(degree("bachelor", "B.B.A. Marketing, Georgia State University, 2023", "Georgia State University",
                      2023),),
    skills=("Salesforce, Outreach, LinkedIn Sales Navigator, cold calling",),
))

add(candidate(
    "ae_enterprise_senior", family="sales", category="over_qualified", layout=DOCX,
    grades={AE: 2},
    note="Enterprise account executive with ten years and $2M quotas: can do the job, over the level.",
    name="Victoria Grant", location="Evanston, IL", headline="Senior Enterprise Account Executive",
    summary="Enterprise SaaS seller with ten years of closing seven-figure deals with Fortune 500 buyers.",
    roles=(
        role("Senior Enterprise Account Executive", "Synapse Data Cloud", (2020, 1), None, "Chicago, IL",
             "Close multi-year enterprise deals of $500k-$3M; $2.1M annual quota, 109% average attainment.",
             "Lead account teams through six-month security and procurement cycles; MEDDICC and Salesforce."),
        role("Account Executive", "Prairie Software", (2016, 3), (2019, 12), "Chicago, IL",
             "Mid-market new business; President's Club 2018."),
    ),
    education=(degree("bachelor", "B.S. Business, Indiana University, 2015", "Indiana University", 2015),),
    skills=("Enterprise sales, Salesforce, Clari, Gong, MEDDICC, negotiation",),
))

add(candidate(
    "retail_sales_weak", family="sales", category="weak", layout=TXT_UNDERLINE,
    grades={AE: 1},
    note="Top seller in a phone store: sales drive, no B2B or closing of complex deals.",
    name="Destiny Williams", location="Chicago, IL", headline="Retail Sales Lead",
    summary="Top-performing retail sales lead who loves helping customers find the right plan.",
    roles=(
        role("Retail Sales Lead", "Metro Wireless", (2022, 3), None, "Chicago, IL",
             "Top seller in the district for six quarters; 130% of monthly device and plan targets.",
             "Train new associates on the sales process."),
        role("Sales Associate", "Foot Locker", (2020, 6), (2022, 2), "Chicago, IL", "Customer service and sales."),
    ),
    education=(degree("diploma", "High School Diploma, Lane Tech High School, 2020", "Lane Tech High School",
                      2020),),
))

add(candidate(
    "pharma_sales_rep", family="sales", category="weak", layout=DOCX_BOLD,
    grades={AE: 1},
    note="Pharmaceutical territory rep: quota experience, but a different sales motion and no software.",
    name="Mark Jensen", location="Indianapolis, IN", headline="Pharmaceutical Sales Representative",
    summary="Pharmaceutical sales representative with six years of territory management and consistent "
            "performance against goal.",
    roles=(
        role("Pharmaceutical Sales Representative", "Hoosier Therapeutics", (2020, 4), None, "Indianapolis, IN",
             "Call on 120 physicians and clinics to promote cardiology products; 115% of goal in 2025.",
             "Territory planning and call reporting in Veeva CRM."),
        role("Inside Sales Representative", "Crossroads Medical Supply", (2018, 6), (2020, 3), "Indianapolis, IN",
             "Phone sales of medical supplies to clinics."),
    ),
    education=(degree("bachelor", "B.S. Biology, Purdue University, 2018", "Purdue University", 2018),),
    skills=("Veeva CRM, territory management, clinical selling",),
))

# === design ======================================================================================================

add(candidate(
    "ux_strong", family="design", category="strong", layout=PDF,
    grades={UX: 3},
    note="Product designer in fintech with research, Figma, prototyping and a design system.",
    name="Isabella Rossi", location="Brooklyn, NY", headline="Senior Product Designer",
    summary="Product designer with six years on web and mobile fintech products. I own problems from research "
            "to shipped UI. Portfolio: isabellarossi.design",
    roles=(
        role("Senior Product Designer", "Coinpath", (2022, 5), None, "New York, NY",
             "Lead designer for the savings product: discovery, user flows, UI and prototypes in Figma.",
             "Plan and run user interviews and usability tests every sprint; synthesise in Dovetail.",
             "Co-created the design system (tokens, 90 components) with two engineers.",
             "Redesigned onboarding: completion up from 54% to 71%."),
        role("Product Designer", "Brightloan", (2020, 6), (2022, 4), "New York, NY",
             "Designed the loan application flow; accessibility reviews and A/B tests with analytics."),
    ),
    education=(degree("bachelor", "B.F.A. Interaction Design, School of Visual Arts, 2020",
                      "School of Visual Arts", 2020),),
    skills=("Figma, prototyping, user research, usability testing, design systems, Maze, Dovetail, HTML/CSS",),
))

add(candidate(
    "ux_paraphrased", family="design", category="paraphrased",
    grades={UX: 3},
    note="Strong interaction designer who writes 'talked to customers' and 'clickable mocks' and uses Sketch.",
    name="Daniel Cohen", location="Jersey City, NJ", headline="Interaction Designer",
    summary="Interaction designer with five years shaping banking and insurance apps, from the first customer "
            "conversation to the pixels engineers build.",
    roles=(
        role("Lead Interaction Designer", "Hudson Mutual Bank", (2023, 3), None, "Jersey City, NJ",
             "Talked to 60 customers about how they budget and turned what we heard into journey maps and flows.",
             "Built clickable mocks in Framer to try ideas with customers before engineers wrote code.",
             "Looked after the shared component library used by 40 engineers and 6 designers.",
             "Worked daily with the product owner and engineers; reviewed every release before it shipped."),
        role("Interaction Designer", "Garden State Insurance", (2021, 6), (2023, 2), "Newark, NJ",
             "Redesigned the claims app; task success in moderated sessions rose from 62% to 88%."),
    ),
    education=(degree("bachelor", "B.A. Psychology, Rutgers University, 2021", "Rutgers University", 2021),),
    skills=("Sketch, Framer, Abstract, Miro, journey mapping, information architecture",),
))

add(candidate(
    "ux_researcher", family="design", category="partial", layout=TXT_MD,
    grades={UX: 2},
    note="UX researcher: strong on research, limited visual and interaction design.",
    name="Hiroshi Tanaka", location="New York, NY", headline="UX Researcher",
    summary="UX researcher with five years of qualitative and quantitative research for consumer apps. "
            "Comfortable in Figma for wireframes.",
    roles=(
        role("Senior UX Researcher", "Streamline Health App", (2022, 8), None, "New York, NY",
             "Plan and run interviews, diary studies and usability tests; 40 studies a year.",
             "Build research repositories in Dovetail; unmoderated tests in Maze.",
             "Wireframes in Figma to test concepts with users."),
        role("UX Researcher", "CityRide", (2021, 6), (2022, 7), "New York, NY", "Survey design and usability tests."),
    ),
    education=(degree("master", "M.S. Human-Computer Interaction, Carnegie Mellon University, 2021",
                      "Carnegie Mellon University", 2021),),
    skills=("User research, usability testing, Dovetail, Maze, Figma (wireframes), survey design",),
))

add(candidate(
    "graphic_designer", family="design", category="weak", layout=DOCX,
    grades={UX: 1},
    note="Print and brand designer: visual design skills, no product design or research.",
    name="Megan Price", location="Hoboken, NJ", headline="Graphic Designer",
    summary="Graphic designer with seven years of brand identity, print and packaging work.",
    roles=(
        role("Senior Graphic Designer", "Riverside Creative", (2021, 1), None, "Hoboken, NJ",
             "Brand identities, packaging and print campaigns for food and beverage clients.",
             "Social media graphics and web banners."),
        role("Graphic Designer", "Shore Printing", (2019, 6), (2020, 12), "Asbury Park, NJ",
             "Layouts for brochures and catalogues."),
    ),
    education=(degree("bachelor", "B.F.A. Graphic Design, Montclair State University, 2019",
                      "Montclair State University", 2019),),
    skills=("Adobe Illustrator, InDesign, Photoshop, typography, brand identity",),
))

add(candidate(
    "cc_hospitality_to_ux", family="design", category="career_changer",
    grades={UX: 1},
    note="Hotel front-office manager with a UX bootcamp and three case studies: under-qualified for 3+ years.",
    name="Andre Jackson", location="Queens, NY", headline="UX Designer",
    summary="Former hotel front-office manager who spent six years listening to guests. Now designing digital "
            "experiences; three case studies in my portfolio.",
    roles=(
        role("Front Office Manager", "Astoria Grand Hotel", (2019, 5), (2025, 10), "New York, NY",
             "Led a team of 14; redesigned the check-in process and cut waiting times by a third."),
    ),
    education=(degree("diploma", "UX/UI Design Certificate, General Assembly, 2026", "General Assembly", 2026),),
    skills=("Figma, wireframing, prototyping, user interviews",),
    extra=(Lines("Projects", (
        "Museum ticketing app redesign (user interviews, Figma prototype, usability test with 5 users)",
        "Food bank volunteer scheduler (concept project)",
    ), bulleted=True),),
))

add(candidate(
    "product_manager", family="other", category="distractor", layout=DOCX_BOLD,
    grades={UX: 1},
    note="Fintech product manager: works beside designers, is not one.",
    name="Ethan Wright", location="New York, NY", headline="Senior Product Manager",
    summary="Product manager with six years in consumer fintech, working closely with design and engineering.",
    roles=(
        role("Senior Product Manager", "Budgetly", (2022, 4), None, "New York, NY",
             "Own the budgeting roadmap; partner with two designers and eight engineers.",
             "Ran A/B tests on onboarding with the data team; +9% activation."),
        role("Product Manager", "Ledger Lane", (2020, 7), (2022, 3), "New York, NY",
             "Launched the savings goals feature to 400k users."),
    ),
    education=(degree("bachelor", "B.A. Economics, Columbia University, 2020", "Columbia University", 2020),),
    skills=("Product strategy, roadmaps, Jira, Amplitude, SQL (basic), stakeholder management",),
))

# === education ===================================================================================================

add(candidate(
    "math_teacher_strong", family="education", category="strong", layout=PDF,
    grades={MATH: 3},
    note="Texas-certified high-school maths teacher in San Antonio with AP Calculus AB.",
    name="Patricia Gonzalez", location="San Antonio, TX", headline="High School Mathematics Teacher",
    summary="Mathematics teacher with eight years in Texas high schools, teaching Algebra II, Precalculus and "
            "AP Calculus AB.",
    roles=(
        role("Mathematics Teacher", "Alamo Heights High School", (2020, 8), None, "San Antonio, TX",
             "Teach AP Calculus AB and Precalculus; AP pass rate 81% (national 58%).",
             "Plan TEKS-aligned lessons with the Algebra II team; STAAR EOC pass rate up 12 points.",
             "Differentiate for English learners and students with IEPs and 504 plans.",
             "Run the after-school tutoring lab and sponsor the math club."),
        role("Mathematics Teacher", "Eastside Middle-High School", (2018, 8), (2020, 6), "Seguin, TX",
             "Algebra I and Geometry, grades 8-10."),
    ),
    education=(degree("bachelor", "B.S. Mathematics, Texas State University, 2018", "Texas State University",
                      2018),),
    extra=(Lines("Certifications", ("Texas Educator Certificate: Mathematics 7-12", "ESL Supplemental",
                                    "College Board AP Summer Institute, Calculus AB (2021)")),),
))

add(candidate(
    "math_teacher_paraphrased", family="education", category="paraphrased",
    grades={MATH: 3},
    note="Strong teacher who writes 'Algebra 2', 'pre-calc' and 'the College Board exam in differential and "
         "integral calculus'.",
    name="Michael Brown", location="New Braunfels, TX", headline="Math Instructor",
    summary="Six years helping teenagers like maths. I teach the courses between Algebra 1 and college calculus "
            "and coach students for their College Board exams.",
    roles=(
        role("Math Instructor", "Comal Springs High School", (2020, 8), None, "New Braunfels, TX",
             "Taught Algebra 2 and pre-calc to 10th-12th graders, five sections a year.",
             "Prepared juniors and seniors for the College Board exam in differential and integral calculus; "
             "78% scored 3 or higher.",
             "Used exit tickets and weekly quizzes to regroup students; co-planned support for English learners.",
             "Ran Saturday review sessions before the state end-of-course exams."),
    ),
    education=(degree("bachelor", "B.A. Mathematics, Texas Lutheran University, 2020", "Texas Lutheran University",
                      2020),),
    extra=(Lines("Credentials", ("Texas educator credential, secondary math (grades 7-12)",)),),
))

add(candidate(
    "math_teacher_new_grad", family="education", category="partial", layout=TXT_MD,
    grades={MATH: 2},
    note="New mathematics education graduate, certified 7-12, with Algebra II student teaching in San Antonio.",
    name="Sofia Castillo", location="San Antonio, TX", headline="Secondary Mathematics Teacher",
    summary="New mathematics teacher, certified for grades 7-12, with a semester of student teaching in Algebra II.",
    roles=(
        role("Student Teacher, Mathematics", "Roosevelt High School", (2026, 1), (2026, 5), "San Antonio, TX",
             "Taught two sections of Algebra II under a mentor teacher; planned TEKS-aligned units.",
             "Ran small-group reteaching for students with IEPs."),
        role("Math Tutor", "UTSA Tutoring Center", (2024, 8), (2025, 12), "San Antonio, TX",
             "Tutored college algebra and calculus."),
    ),
    education=(degree("bachelor", "B.S. Mathematics Education, University of Texas at San Antonio, 2026",
                      "University of Texas at San Antonio", 2026),),
    extra=(Lines("Certification", ("Texas Educator Certificate: Mathematics 7-12 (2026)",)),),
))

add(candidate(
    "math_tutor_alt_cert", family="education", category="partial",
    grades={MATH: 2},
    note="Maths graduate and tutor enrolled in an alternative certification programme: eligible, little classroom "
         "experience.",
    name="Jasmine Reed", location="San Antonio, TX", headline="Math Tutor and Substitute Teacher",
    summary="Mathematics graduate who has tutored high-school students for three years and substitute taught. "
            "Completing an alternative teacher certification program in 2027.",
    roles=(
        role("Lead Math Tutor", "Mathnasium of Stone Oak", (2023, 9), None, "San Antonio, TX",
             "Tutor Algebra II, Precalculus and SAT math for 25 students a week."),
        role("Substitute Teacher", "Northside ISD", (2024, 1), None, "San Antonio, TX",
             "Long-term substitute for a Geometry teacher (eight weeks, 2025)."),
    ),
    education=(degree("bachelor", "B.S. Mathematics, University of Texas at San Antonio, 2023",
                      "University of Texas at San Antonio", 2023),),
    extra=(Lines("Certification", ("Enrolled: Texas Teachers alternative certification program, Mathematics 7-12 "
                                   "(completion expected May 2027)",)),),
))

add(candidate(
    "elementary_teacher", family="education", category="weak", layout=DOCX,
    grades={MATH: 1},
    note="Second-grade teacher with a generalist EC-6 certificate: teaching, not secondary maths.",
    name="Karen Phillips", location="San Antonio, TX", headline="Elementary Teacher",
    summary="Second-grade teacher for nine years, passionate about early numeracy and reading.",
    roles=(
        role("Second Grade Teacher", "Oak Grove Elementary", (2017, 8), None, "San Antonio, TX",
             "Teach all subjects to 22 students; led the campus math night for families."),
    ),
    education=(degree("bachelor", "B.S. Interdisciplinary Studies, Texas A&M University-San Antonio, 2017",
                      "Texas A&M University-San Antonio", 2017),),
    extra=(Lines("Certification", ("Texas Educator Certificate: Core Subjects EC-6",)),),
))

add(candidate(
    "math_professor", family="education", category="over_qualified",
    grades={MATH: 1, DS: 1},
    note="University maths professor: deep subject knowledge, no K-12 certification or high-school experience.",
    name="Alan Whitaker", location="Austin, TX", headline="Associate Professor of Mathematics",
    summary="Mathematician (PhD, algebraic topology) with twelve years of university teaching and research.",
    roles=(
        role("Associate Professor of Mathematics", "Hill Country University", (2018, 8), None, "Austin, TX",
             "Teach calculus, linear algebra and graduate topology; 14 published papers.",
             "Supervise three PhD students."),
        role("Assistant Professor of Mathematics", "Plains State University", (2014, 8), (2018, 7), "Lubbock, TX",
             "Taught calculus sequences to 200 students a term."),
    ),
    education=(degree("phd", "Ph.D. Mathematics, University of Chicago, 2014", "University of Chicago", 2014),),
    skills=("LaTeX, R, Python (basic), proof assistants",),
))

# === logistics ===================================================================================================

add(candidate(
    "wh_strong", family="logistics", category="strong", layout=PDF,
    grades={WH: 3},
    note="Six years supervising shifts in Memphis distribution centers: Manhattan WMS, OSHA 30, forklift, Lean.",
    name="Luis Hernandez", location="Memphis, TN", headline="Warehouse Operations Supervisor",
    summary="Warehouse operations supervisor with seven years leading shifts in high-volume e-commerce "
            "distribution centers. Bilingual English and Spanish.",
    roles=(
        role("Warehouse Operations Supervisor, 2nd Shift", "Bluff City Fulfillment", (2022, 3), None, "Memphis, TN",
             "Lead 45 associates and 3 leads across receiving, picking, packing and shipping.",
             "Release waves and manage labor in Manhattan WMS; 99.6% on-time shipping.",
             "Run cycle counts and root-cause analysis; inventory accuracy 99.8%.",
             "OSHA safety audits and forklift certification checks; 500 days without a recordable injury.",
             "Led Lean and 5S projects that raised units per hour by 14%."),
        role("Warehouse Lead", "MidSouth Parts Distribution", (2019, 5), (2022, 2), "Olive Branch, MS",
             "Led a receiving team of 12; RF scanners and SAP EWM."),
    ),
    education=(degree("associate", "A.A.S. Logistics and Supply Chain Management, Southwest Tennessee Community "
                      "College, 2019", "Southwest Tennessee Community College", 2019),),
    skills=("Manhattan WMS, SAP EWM, RF scanners, Excel, KPI reporting, Lean, 5S",),
    extra=(Lines("Certifications", ("OSHA 30 General Industry", "Forklift certified", "Lean Six Sigma Yellow Belt")),),
))

add(candidate(
    "wh_paraphrased", family="logistics", category="paraphrased",
    grades={WH: 3},
    note="Strong shift manager who writes 'ran the evening shift' and 'kept stock counts right' instead of "
         "supervisor, WMS, inventory accuracy and OSHA.",
    name="Terrence Hill", location="Southaven, MS", headline="Area Manager, Outbound",
    summary="Six years running the floor in big distribution buildings. People, safety and numbers, in that "
            "order.",
    roles=(
        role("Area Manager, Outbound (evening shift)", "Riverbend Commerce Fulfillment", (2022, 1), None,
             "Memphis, TN",
             "Ran the evening shift in a 450,000 sq ft building: 38 people picking, packing and loading trailers.",
             "Kept stock counts right to within 0.3% through daily counting routines and chasing every miss.",
             "Released order batches and cleared exceptions in Blue Yonder; reported units per hour and "
             "dock-to-trailer time every night.",
             "Led safety walks and near-miss reviews; no lost-time injuries in two years.",
             "Trained and signed off lift-truck drivers."),
        role("Process Assistant", "Riverbend Commerce Fulfillment", (2020, 9), (2021, 12), "Memphis, TN",
             "Coordinated pickers and problem-solved short picks."),
    ),
    education=(degree("diploma", "High School Diploma, Southaven High School, 2014", "Southaven High School",
                      2014),),
))

add(candidate(
    "wh_associate_lead", family="logistics", category="partial", layout=TXT_UNDERLINE,
    grades={WH: 2},
    note="Forklift operator promoted to team lead eight months ago: under a year leading people.",
    name="Kayla Johnson", location="Memphis, TN", headline="Warehouse Team Lead",
    summary="Warehouse team lead with four years on the floor, from picker to forklift operator to lead.",
    roles=(
        role("Team Lead, Receiving", "Cotton Row Distribution", (2026, 3), None, "Memphis, TN",
             "Lead 12 associates; assign doors and track receiving rates."),
        role("Forklift Operator", "Cotton Row Distribution", (2023, 2), (2026, 2), "Memphis, TN",
             "Put-away and replenishment with reach trucks; RF scanners."),
        role("Warehouse Associate", "Cotton Row Distribution", (2022, 6), (2023, 1), "Memphis, TN",
             "Picking and packing."),
    ),
    education=(degree("diploma", "High School Diploma, Whitehaven High School, 2022", "Whitehaven High School",
                      2022),),
    skills=("Forklift and reach truck certified, RF scanners, Excel basics",),
))

add(candidate(
    "cc_army_logistics", family="logistics", category="career_changer", layout=DOCX,
    grades={WH: 2},
    note="Army logistics sergeant moving to civilian warehousing: leadership and inventory, no civilian WMS.",
    name="Marcus Reed", location="Millington, TN", headline="Logistics Supervisor (U.S. Army Veteran)",
    summary="Army logistics non-commissioned officer with eight years managing supply warehouses and leading "
            "soldiers. Moving to civilian distribution operations.",
    roles=(
        role("Supply Sergeant (92A Automated Logistical Specialist)", "U.S. Army", (2018, 7), (2026, 6),
             "Fort Campbell, KY",
             "Supervised 14 soldiers running a supply support activity warehouse.",
             "Accountable for $12M of inventory in GCSS-Army (SAP-based); 100% accuracy in annual inventory.",
             "Licensed on forklifts and material handling equipment; ran the unit's safety program."),
    ),
    education=(degree("associate", "A.A.S. Logistics Management, Excelsior University, 2024",
                      "Excelsior University", 2024),),
    skills=("GCSS-Army (SAP), inventory management, forklift, team leadership, Excel",),
))

add(candidate(
    "wh_wrong_location", family="logistics", category="wrong_location",
    grades={WH: 1},
    note="Warehouse supervisor in Perth, Australia for an on-site Memphis job.",
    name="Nathan Clarke", location="Perth, Australia", headline="Warehouse Supervisor",
    summary="Warehouse supervisor with five years in retail distribution in Western Australia.",
    roles=(
        role("Warehouse Supervisor", "Swan Valley Distribution", (2021, 4), None, "Perth",
             "Lead 30 staff on day shift; pick rates, dispatch and stocktakes in Manhattan WMS.",
             "Safety inductions and incident investigations."),
    ),
    education=(degree("diploma", "Certificate IV in Warehousing Operations, North Metropolitan TAFE, 2020",
                      "North Metropolitan TAFE", 2020),),
    skills=("Manhattan WMS, LF forklift licence, stocktakes, Excel",),
))

add(candidate(
    "retail_store_manager", family="logistics", category="weak", layout=TXT_COLON,
    grades={WH: 1, RGM: 1},
    note="Retail store manager: leads people and handles stock, not a warehouse; transferable, not a restaurant.",
    name="Angela Rivera", location="Memphis, TN", headline="Store Manager",
    summary="Retail store manager with five years leading teams of 25 in big-box retail.",
    roles=(
        role("Store Manager", "HomeSmart Stores", (2021, 5), None, "Memphis, TN",
             "Lead 25 staff; scheduling, hiring and sales targets.",
             "Stockroom organisation, deliveries and shrink control."),
        role("Assistant Store Manager", "HomeSmart Stores", (2019, 2), (2021, 4), "Germantown, TN",
             "Visual merchandising and inventory counts."),
    ),
    education=(degree("bachelor", "B.B.A. Management, University of Memphis, 2018", "University of Memphis",
                      2018),),
))

# === adversarial: keyword stuffing ===============================================================================

add(candidate(
    "kw_stuffed_backend_barista", family="other", category="keyword_stuffed", target_job=BE,
    grades={},
    note="Barista with every backend buzzword in a skills line and no evidence of any of them.",
    name="Connor Walsh", location="Austin, TX", headline="Aspiring Backend Engineer",
    summary="Hard-working shift lead passionate about technology and ready to grow into backend engineering.",
    roles=(
        role("Shift Lead", "Bean There Coffee", (2022, 6), None, "Austin, TX",
             "Open the store, run the espresso bar and train new baristas.",
             "Count the till and place weekly milk and coffee orders."),
        role("Barista", "Bean There Coffee", (2020, 9), (2022, 5), "Austin, TX", "Customer service."),
    ),
    education=(degree("diploma", "High School Diploma, Round Rock High School, 2020", "Round Rock High School",
                      2020),),
    skills=("Python, Django, Django REST Framework, FastAPI, PostgreSQL, SQL, REST APIs, Celery, Redis, Docker, "
            "Kubernetes, Terraform, AWS, CI/CD, Git, Linux, pytest, microservices, Go, Kafka, gRPC, Sentry, Datadog, "
            "backend services, API design, on-call",),
))

add(candidate(
    "kw_stuffed_nurse_receptionist", family="other", category="keyword_stuffed", target_job=RN, layout=DOCX,
    grades={},
    note="Dental receptionist listing ICU nursing terms, Registered Nurse and CCRN as skills, with no licence.",
    name="Tiffany Grant", location="Chicago, IL", headline="Healthcare Professional",
    summary="Friendly healthcare professional with strong patient-facing skills.",
    roles=(
        role("Front Desk Receptionist", "Lincoln Park Dental", (2023, 1), None, "Chicago, IL",
             "Schedule appointments, check patients in and verify insurance.",
             "Answer phones and manage the waiting room."),
    ),
    education=(degree("diploma", "Medical Office Administration Certificate, Everest Institute, 2022",
                      "Everest Institute", 2022),),
    skills=("Registered Nurse, ICU, critical care, intensive care, mechanical ventilation, vasoactive drips, CRRT, "
            "ECMO, BLS, ACLS, CCRN, Epic, sepsis, arterial lines, central lines, charge nurse, rapid response",),
))

add(candidate(
    "kw_stuffed_ds_marketing", family="other", category="keyword_stuffed", target_job=DS, layout=TXT_MD,
    grades={MKT: 1},
    note="Social media coordinator with a data-science buzzword list; the work is posting and scheduling "
         "(1 for the marketing manager job: junior).",
    name="Brittany Shaw", location="Boston, MA", headline="Data-Driven Marketing Professional",
    summary="Creative marketer who loves data, AI and machine learning.",
    roles=(
        role("Social Media Coordinator", "Back Bay Boutique", (2023, 4), None, "Boston, MA",
             "Plan and schedule posts on Instagram and TikTok; create graphics in Canva.",
             "Send a monthly follower-growth summary to the owner."),
    ),
    education=(degree("bachelor", "B.A. Communications, Emerson College, 2023", "Emerson College", 2023),),
    skills=("Machine learning, deep learning, Python, pandas, NumPy, scikit-learn, XGBoost, TensorFlow, A/B testing, "
            "statistics, causal inference, hypothesis testing, regression, SQL, Snowflake, dbt, Spark, Airflow, "
            "MLflow, experimentation, forecasting",),
))

add(candidate(
    "kw_stuffed_devops_helpdesk", family="other", category="keyword_stuffed", target_job=SRE,
    grades={},
    note="Help desk technician listing every SRE tool; the work is password resets and laptops.",
    name="Derek Lang", location="Denver, CO", headline="IT Professional | Cloud | DevOps | SRE",
    summary="IT professional with a passion for cloud, DevOps and site reliability.",
    roles=(
        role("IT Help Desk Technician", "Mile High Insurance", (2024, 8), None, "Denver, CO",
             "Reset passwords, image laptops and set up printers for 300 staff.",
             "Log and close tickets in ServiceNow."),
    ),
    education=(degree("diploma", "CompTIA A+ Certification, 2024", "CompTIA", 2024),),
    skills=("Kubernetes, Terraform, AWS, EKS, Prometheus, Grafana, Loki, Helm, Argo CD, GitHub Actions, CI/CD, "
            "SRE, SLOs, error budgets, incident response, on-call, Linux, Python, Go, Bash, Istio, chaos "
            "engineering",),
))

add(candidate(
    "kw_stuffed_ae_picker", family="logistics", category="keyword_stuffed", target_job=AE, layout=TXT_UNDERLINE,
    grades={WH: 1},
    note="Warehouse picker with a B2B SaaS sales vocabulary list; weak for the warehouse job on real evidence.",
    name="Jacob Miller", location="Memphis, TN", headline="Sales Professional",
    summary="Driven, competitive and ready to crush quota in B2B SaaS sales.",
    roles=(
        role("Warehouse Picker", "Bluff City Fulfillment", (2024, 7), None, "Memphis, TN",
             "Pick and pack 120 orders an hour with an RF scanner."),
    ),
    education=(degree("diploma", "High School Diploma, Central High School, 2024", "Central High School", 2024),),
    skills=("B2B SaaS sales, full-cycle sales, quota attainment, MEDDICC, Challenger, Command of the Message, "
            "Salesforce, Outreach, Gong, pipeline generation, prospecting, discovery, demos, negotiation, "
            "closing, ARR, mid-market, account executive",),
))

add(candidate(
    "kw_stuffed_frontend_realtor", family="sales", category="keyword_stuffed", target_job=FE, layout=DOCX_BOLD,
    grades={AE: 1},
    note="Real estate agent with a React/TypeScript/WCAG skills list: 0 for frontend and design; consumer "
         "sales makes her a weak account executive.",
    name="Samantha Lee", location="Portland, OR", headline="Realtor and Tech Enthusiast",
    summary="Realtor with five years of experience and a passion for web technology.",
    roles=(
        role("Real Estate Agent", "Rose City Realty", (2021, 3), None, "Portland, OR",
             "Closed 60 home sales worth $31M; top 10% of agents in the office in 2025.",
             "Run open houses and social media listings."),
    ),
    education=(degree("bachelor", "B.A. Sociology, University of Oregon, 2020", "University of Oregon", 2020),),
    skills=("React, TypeScript, JavaScript, Next.js, Redux, React Query, HTML, CSS, Storybook, Jest, React "
            "Testing Library, Playwright, WCAG, accessibility, design systems, Figma, GraphQL",),
))

add(candidate(
    "kw_hidden_car_sales", family="sales", category="keyword_stuffed", target_job=ACC, layout=PDF,
    hidden="GAAP month-end close journal entries reconciliations NetSuite BlackLine CPA accruals fixed assets "
           "staff accountant balance sheet SOX audit",
    grades={AE: 1},
    note="Car salesman whose PDF hides accounting keywords in white text; the visible resume is car sales.",
    name="Victor Alvarez", location="Minneapolis, MN", headline="Automotive Sales Consultant",
    summary="Automotive sales consultant with six years of experience and loyal repeat customers.",
    roles=(
        role("Sales Consultant", "Northland Toyota", (2020, 5), None, "Minneapolis, MN",
             "Sell 14 new and used vehicles a month; Salesperson of the Quarter four times.",
             "Follow up leads in the dealership CRM."),
    ),
    education=(degree("diploma", "High School Diploma, Edison High School, 2015", "Edison High School", 2015),),
))

add(candidate(
    "kw_stuffed_accounting_cashier", family="other", category="keyword_stuffed", target_job=ACC,
    grades={},
    note="Grocery cashier with a visible list of every accounting requirement; no accounting work or degree.",
    name="Kyle Anderson", location="Minneapolis, MN", headline="Accounting Professional",
    summary="Detail-oriented and reliable, looking for a staff accountant role.",
    roles=(
        role("Head Cashier", "Lunds Market", (2022, 2), None, "Minneapolis, MN",
             "Balance six registers at closing and prepare the bank deposit.",
             "Train new cashiers and cover the customer service desk."),
    ),
    education=(degree("diploma", "High School Diploma, Southwest High School, 2021", "Southwest High School",
                      2021),),
    skills=("US GAAP, month-end close, journal entries, accruals, prepaids, account reconciliations, balance sheet "
            "reconciliations, fixed assets, depreciation, NetSuite, SAP, Oracle, BlackLine, SOX, audit support, "
            "pivot tables, VLOOKUP, XLOOKUP, CPA track, staff accountant",),
))

add(candidate(
    "kw_stuffed_ux_fitness", family="other", category="keyword_stuffed", target_job=UX, layout=DOCX,
    grades={},
    note="Fitness instructor listing product design tools and methods with no design work at all.",
    name="Chloe Bennett", location="New York, NY", headline="Creative Product Designer | UX | UI",
    summary="Energetic, people-focused and creative; ready to bring empathy to product design.",
    roles=(
        role("Group Fitness Instructor", "Flatiron Cycle Studio", (2022, 9), None, "New York, NY",
             "Teach 12 spin and HIIT classes a week; design class playlists.",
             "Greet new members and explain the booking app."),
    ),
    education=(degree("bachelor", "B.S. Exercise Science, Hunter College, 2022", "Hunter College", 2022),),
    skills=("Figma, FigJam, user research, usability testing, user interviews, prototyping, wireframes, design "
            "systems, interaction design, information architecture, accessibility, Maze, Dovetail, UX, UI, product "
            "design, HTML, CSS, fintech",),
))

add(candidate(
    "kw_stuffed_math_callcenter", family="other", category="keyword_stuffed", target_job=MATH, layout=TXT_COLON,
    grades={},
    note="Call-centre agent listing the maths job's courses, certification and exams as skills.",
    name="Brandon Torres", location="San Antonio, TX", headline="Mathematics Educator",
    summary="Motivated individual who loves math and working with students.",
    roles=(
        role("Customer Service Representative", "Alamo Wireless Support Center", (2023, 3), None, "San Antonio, TX",
             "Answer 70 billing calls a day; resolve disputes and process payments."),
    ),
    education=(degree("diploma", "High School Diploma, Brackenridge High School, 2022",
                      "Brackenridge High School", 2022),),
    skills=("Algebra II, Precalculus, AP Calculus AB, Geometry, TEKS, STAAR, College Board, Texas teaching "
            "certificate, Mathematics 7-12, lesson planning, differentiated instruction, IEP, 504, ESL, classroom "
            "management, formative assessment, high school mathematics teacher",),
))

add(candidate(
    "kw_stuffed_warehouse_admin", family="other", category="keyword_stuffed", target_job=WH,
    grades={},
    note="Dental office administrator listing warehouse supervision keywords with no warehouse work.",
    name="Monique Carter", location="Memphis, TN", headline="Operations Supervisor",
    summary="Organised professional ready for a warehouse leadership role.",
    roles=(
        role("Office Administrator", "Midtown Family Dentistry", (2021, 8), None, "Memphis, TN",
             "Schedule patients, order office supplies and process insurance claims."),
    ),
    education=(degree("associate", "A.A. General Studies, Southwest Tennessee Community College, 2021",
                      "Southwest Tennessee Community College", 2021),),
    skills=("Warehouse operations supervisor, Manhattan WMS, SAP EWM, Blue Yonder, RF scanners, cycle counts, "
            "inventory accuracy, OSHA, OSHA 30, forklift certification, powered industrial truck, Lean, 5S, Six "
            "Sigma, KPIs, picking, packing, shipping, receiving, labor management, 2nd shift",),
))

# === distractors ==================================================================================================

add(candidate(
    "chef_distractor", family="other", category="distractor",
    grades={RGM: 1},
    note="Executive sous chef in Chicago: kitchen management only, and far from the Charleston restaurant job.",
    name="Giovanni Russo", location="Chicago, IL", headline="Executive Sous Chef",
    summary="Chef with ten years in high-volume Italian kitchens.",
    roles=(
        role("Executive Sous Chef", "Trattoria Lupo", (2020, 2), None, "Chicago, IL",
             "Run a kitchen of 18 cooks; menu costing and ordering.", "Health inspections: no violations."),
        role("Line Cook", "Osteria Venti", (2016, 4), (2020, 1), "Chicago, IL", "Pasta and grill stations."),
    ),
    education=(degree("associate", "A.A.S. Culinary Arts, Kendall College, 2016", "Kendall College", 2016),),
))

add(candidate(
    "hr_generalist_distractor", family="other", category="distractor", layout=TXT_MD,
    grades={HR: 1, TA: 1},
    note="HR generalist in Minneapolis: 1 for the on-site Louisville HR job (location) and the recruiter job.",
    name="Rachel Adams", location="Minneapolis, MN", headline="HR Generalist",
    summary="HR generalist with five years supporting managers and employees in manufacturing.",
    roles=(
        role("HR Generalist", "Twin Cities Plastics", (2021, 6), None, "Minneapolis, MN",
             "Onboarding, benefits enrolment and employee relations for 400 staff.",
             "Run the annual performance review cycle in Workday."),
    ),
    education=(degree("bachelor", "B.A. Psychology, University of Minnesota, 2021", "University of Minnesota",
                      2021),),
    skills=("Workday, benefits administration, employee relations, recruiting",),
))

# fmt: on

# The later professions and the ranker traps live in their own modules; they are added last so the fictional
# phone numbers above keep the values they were first given.
from ranking_corpus import (  # noqa: E402
    specs_engineering_finance,
    specs_legal_office,
    specs_marketing_hospitality,
    specs_talent,
    specs_traps,
)

for _module in (specs_talent, specs_legal_office, specs_marketing_hospitality, specs_engineering_finance, specs_traps):
    CANDIDATES.extend(_module.CANDIDATES)
