"""Postings outside software and the first professions: people operations, legal, marketing, hospitality,
engineering, office support and banking. postings.py appends them to JOBS.

Several open straight into their duties without a heading, and state alternatives ("Workday or SuccessFactors",
"SolidWorks or Creo") the way real postings do; the grades in the specs are judged against these requirements.
"""

from __future__ import annotations

from ranking_corpus.model import Posting

# The postings are laid out like the documents they describe; the formatter would re-indent every one.
# fmt: off

MORE_JOBS: list[Posting] = [
    Posting(
        job_id="talent_acquisition_specialist",
        family="recruiting",
        title="Talent Acquisition Specialist",
        company="Peachtree Health Partners",
        location="Atlanta, GA",
        remote=True,
        employment_type="full-time",
        description="""\
Manage full-cycle recruiting for 20-30 open requisitions at a time, from intake meeting to signed offer.
Source passive candidates through LinkedIn Recruiter, Boolean searches, referrals and job boards.
Screen candidates by phone and video, coordinate interview loops and gather feedback from hiring managers.
Extend offers, negotiate compensation within approved ranges and hand new hires over to onboarding.
Keep every candidate record current in our applicant tracking system and report on time to fill and pipeline \
health.

Peachtree Health Partners runs 45 outpatient clinics and a growing corporate team across the Southeast. Our \
talent acquisition team of six hires clinical, operations and corporate staff, about 600 people a year.

Qualifications
- BA/BS degree or equivalent experience.
- 3+ years of full-cycle recruiting, agency or in-house (healthcare or high-volume recruiting a plus).
- Hands-on experience with an applicant tracking system (Greenhouse, iCIMS, Workday Recruiting or similar).
- Strong sourcing skills: LinkedIn Recruiter, Boolean strings, talent pipelines.
- Comfort advising hiring managers and using recruiting metrics (time to fill, offer acceptance, source of hire).
- Knowledge of EEO and OFCCP compliance basics.

Nice to have
- Experience with employer branding, job fairs and campus recruiting.
- SHRM-CP, or AIRS or similar sourcing certification.

Remote within the US, with occasional travel to clinics in Georgia and the Carolinas.""",
    ),
    Posting(
        job_id="hr_generalist",
        family="human_resources",
        title="HR Generalist",
        company="Bluegrass Packaging Co.",
        location="Louisville, KY",
        remote=False,
        employment_type="full-time",
        description="""\
Bluegrass Packaging makes corrugated boxes and displays in two plants with 650 employees. Our HR Generalist is \
the first point of contact for employees and supervisors across both shifts.

What you will do
- Advise supervisors and employees on policies, performance issues and corrective action.
- Investigate employee relations complaints and document findings and outcomes.
- Administer benefits enrolment, leaves of absence (FMLA, ADA accommodations) and workers' compensation claims.
- Run onboarding and offboarding, and keep employee data accurate in our HRIS.
- Support annual open enrolment, performance reviews and compensation updates.
- Track HR metrics (turnover, absenteeism) and help with affirmative action and EEO-1 reporting.

Requirements
- Bachelor's degree in human resources, business or a related field.
- 3-5 years of HR generalist experience, ideally in manufacturing or another hourly workforce.
- Working knowledge of federal and state employment law (FLSA, FMLA, ADA, Title VII).
- Hands-on experience with an HRIS: Workday or SuccessFactors required.
- Sound judgement, discretion and clear writing.

Nice to have
- PHR or SHRM-CP certification.
- Experience with unionised workforces or plant HR.
- Bilingual English/Spanish.

On site at our Louisville plant, Monday to Friday, with occasional early or late hours to meet second shift.""",
    ),
    Posting(
        job_id="litigation_paralegal",
        family="legal",
        title="Litigation Paralegal",
        company="Whitcombe Hale LLP",
        location="Philadelphia, PA",
        remote="hybrid",
        employment_type="full-time",
        description="""\
Support attorneys through every stage of civil litigation, from complaint to trial.
Draft discovery requests and responses, subpoenas, deposition notices and routine motions for attorney review.
Organise document productions and privilege logs in Relativity.
Prepare deposition outlines, exhibit lists and trial binders.
File pleadings in federal (CM/ECF) and Pennsylvania state courts and track every deadline in the docketing \
calendar.

Whitcombe Hale is a 90-lawyer firm defending companies in commercial, product liability and employment \
litigation. You will join a trial team of four partners, six associates and three paralegals.

Requirements
- 3+ years of experience as a litigation paralegal in a law firm or corporate legal department.
- Paralegal certificate from an ABA-approved program, or a bachelor's degree with equivalent experience.
- Experience with e-discovery platforms (Relativity preferred) and with federal and state e-filing.
- Strong knowledge of civil procedure, court rules and deadline calculation.
- Excellent organisation and the ability to handle several matters and trial deadlines at once.

Nice to have
- Trial experience, including in-court support.
- Legal research in Westlaw or Lexis.
- Pennsylvania or New Jersey court experience.

Hybrid: three days a week in our Center City Philadelphia office; more during trials.""",
    ),
    Posting(
        job_id="digital_marketing_manager",
        family="marketing",
        title="Marketing Manager, Digital and Social Media",
        company="Honeybell Home Goods",
        location="Nashville, TN",
        remote="hybrid",
        employment_type="full-time",
        description="""\
Honeybell sells kitchenware and home goods online and through 300 retail partners. We are looking for a \
marketing manager to own our digital channels and grow our direct-to-consumer business.

Responsibilities
- Own the digital marketing plan and a $2M annual budget across paid social, search, email and influencers.
- Lead our social media presence (Instagram, TikTok, Pinterest, Facebook): content calendar, community and \
creator partnerships.
- Run paid campaigns on Meta and TikTok Ads and Google Ads with our agency; test creative and audiences.
- Manage email and SMS lifecycle programs in Klaviyo.
- Report on performance in Google Analytics 4 and Shopify: ROAS, CAC, conversion and retention.
- Manage a social media coordinator and a content designer.

Requirements
- 5+ years of digital marketing experience, with at least 2 years managing people, agencies or budgets.
- Proven results running paid social and search campaigns.
- Experience building and growing brand social channels.
- Hands-on with Google Analytics, a marketing automation tool (Klaviyo, HubSpot or similar) and ad managers.
- Bachelor's degree in marketing, communications or a related field.

Nice to have
- E-commerce / DTC or consumer products experience.
- SEO and content marketing.
- Influencer and affiliate programs.

Hybrid: three days a week in our Nashville office (The Gulch).""",
    ),
    Posting(
        job_id="restaurant_general_manager",
        family="hospitality",
        title="Restaurant General Manager",
        company="Tidewater Hospitality Group",
        location="Charleston, SC",
        remote=False,
        employment_type="full-time",
        description="""\
Lead all front- and back-of-house operations of a 220-seat full-service restaurant with a bar and private dining.
Own the P&L: sales growth, food, beverage and labor costs, and controllable expenses.
Recruit, hire, train and develop a team of 70, including four managers and the kitchen leadership.
Deliver consistent guest experiences and respond to reviews and guest feedback.
Maintain health, food safety and alcohol-service compliance and pass every inspection.

Tidewater Hospitality Group operates seven full-service restaurants in the Lowcountry. This location does about \
$6M in annual sales.

Requirements
- 3+ years as a General Manager or Assistant/Senior Manager in full-service, high-volume restaurants.
- Proven P&L responsibility, with food and labor cost control.
- ServSafe Food Protection Manager certification (or obtained within 30 days of hire).
- Experience with restaurant POS and scheduling systems (Toast, HotSchedules, 7shifts or similar).
- Availability to work nights, weekends and holidays.

Nice to have
- Bar and beverage program experience; TIPS or similar alcohol certification.
- Opening a new restaurant.
- Hospitality or culinary degree.

On site in Charleston, South Carolina. Salary plus quarterly bonus.""",
    ),
    Posting(
        job_id="mechanical_design_engineer",
        family="engineering",
        title="Mechanical Design Engineer",
        company="Lakeshore Conveyor Systems",
        location="Grand Rapids, MI",
        remote=False,
        employment_type="full-time",
        description="""\
Lakeshore designs and builds conveyor and material-handling equipment for food, parcel and automotive plants. \
Our engineering team takes each system from customer requirements to released drawings and installation.

Responsibilities
- Design mechanical components and assemblies (frames, drives, guarding, sheet-metal and machined parts) in 3D CAD.
- Create detailed part and assembly drawings with GD&T per ASME Y14.5, and run tolerance stack-ups.
- Size motors, gearboxes, bearings and shafts; verify designs with hand calculations and FEA.
- Design for manufacturing with our fabrication, machining and welding shops and with suppliers.
- Maintain BOMs and release engineering change orders in our PDM/PLM system.
- Support prototypes, testing and installation issues.

Requirements
- Bachelor's degree in mechanical engineering (ABET-accredited).
- 3-7 years of mechanical design experience on machinery, equipment or similar products.
- Expert in SolidWorks or Creo, including drawings and sheet metal.
- Working knowledge of GD&T, machine design and materials.
- Experience with FEA (SolidWorks Simulation, ANSYS or similar).

Nice to have
- Conveyor, packaging or material-handling equipment experience.
- Professional Engineer (PE) licence or EIT.
- Experience with PLC-controlled machinery and safety standards (ANSI B20.1, ISO 12100).

On site in Grand Rapids, Michigan, with occasional travel to customer sites.""",
    ),
    Posting(
        job_id="executive_assistant",
        family="administrative",
        title="Executive Assistant to the CEO",
        company="Trinity Ridge Energy",
        location="Dallas, TX",
        remote=False,
        employment_type="full-time",
        description="""\
Manage the CEO's complex calendar across time zones and protect time for priorities.
Arrange domestic and international travel, itineraries and expense reports.
Prepare board and leadership-team meetings: agendas, pre-reads, presentations and minutes.
Handle confidential correspondence and act as liaison with board members, investors and partners.
Coordinate company events and special projects, and keep the executive office running smoothly.

Trinity Ridge Energy develops solar and battery storage projects across Texas and the Southwest (380 employees).

Requirements
- 5+ years of experience supporting C-level executives.
- Expert in Microsoft 365 (Outlook, Word, Excel, PowerPoint) and comfortable with Teams and Zoom.
- Experience with expense and travel tools (Concur or similar).
- Board meeting preparation and minute-taking.
- Absolute discretion with confidential information; polished written and verbal communication.

Nice to have
- Bachelor's degree.
- Experience in energy, finance or a fast-growing company.
- Notary public.

On site in our Dallas (Uptown) office, Monday to Friday.""",
    ),
    Posting(
        job_id="financial_analyst_banking",
        family="finance",
        title="Financial Analyst, FP&A (Commercial Banking)",
        company="Carolina Piedmont Bank",
        location="Charlotte, NC",
        remote="hybrid",
        employment_type="full-time",
        description="""\
Carolina Piedmont Bank ($14B in assets) is hiring a financial analyst for the commercial banking finance team.

What you will do
- Build the annual budget and quarterly forecasts for commercial banking: loans, deposits, net interest income \
and fee income.
- Analyse monthly results against plan and explain variances to line-of-business leaders.
- Maintain driver-based models for loan growth, deposit pricing and funds transfer pricing (FTP).
- Prepare management reporting and board materials on profitability by product and relationship.
- Pull data with SQL and improve reports in Power BI.

Requirements
- Bachelor's degree in finance, accounting or economics.
- 2-4 years of FP&A or financial analysis experience, ideally in banking or financial services.
- Advanced Excel financial modelling; experience with a planning tool (Oracle Hyperion/EPM, Anaplan, Adaptive \
or similar).
- Understanding of bank financial statements and net interest margin.
- Clear communication of numbers to non-finance audiences.

Nice to have
- CFA Level I or progress toward an MBA.
- SQL and Power BI or Tableau.
- Experience with funds transfer pricing or loan and deposit pricing models.

Hybrid: three days a week in our uptown Charlotte office.""",
    ),
]
