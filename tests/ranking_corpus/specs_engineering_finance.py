"""Candidates for the mechanical design engineer and the banking financial analyst jobs.

Near-misses: a mechanical technician and a CAD drafter against the design engineer job (they build and draw what
engineers design, without the degree or the engineering), and accountants, credit analysts and tellers against
the FP&A job.
"""

from __future__ import annotations

from corpus.model import Lines

from ranking_corpus.job_ids import ACC, FA, MECH
from ranking_corpus.model import (
    DOCX,
    DOCX_BOLD,
    DOCX_SKILL_GRID,
    DOCX_TABLE,
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

# === mechanical engineering ======================================================================================

add(candidate(
    "mech_strong_packaging", family="engineering", category="strong", layout=PDF,
    grades={MECH: 3},
    note="Mechanical design engineer at a packaging-machine builder in Grand Rapids: SolidWorks, GD&T, FEA, PDM.",
    name="Erik Vandermolen", location="Grand Rapids, MI", headline="Mechanical Design Engineer",
    summary="Mechanical design engineer with six years designing packaging and material-handling machinery.",
    roles=(
        role("Mechanical Design Engineer", "West Michigan Packaging Machines", (2022, 3), None,
             "Grand Rapids, MI",
             "Design frames, drives, guarding and sheet-metal and machined parts in SolidWorks for case packers.",
             "Detail drawings with GD&T to ASME Y14.5; tolerance stack-ups for indexing mechanisms.",
             "Size motors, gearboxes and bearings; verify weldments with SolidWorks Simulation (FEA).",
             "Release BOMs and ECOs in SolidWorks PDM; support builds and customer installations."),
        role("Design Engineer", "Kent Automation", (2020, 6), (2022, 2), "Walker, MI",
             "Conveyor transfers and fixtures for automotive plants."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, Michigan Technological University, 2020",
                      "Michigan Technological University", 2020),),
    skills=("SolidWorks, SolidWorks PDM, SolidWorks Simulation, GD&T, tolerance analysis, sheet metal, "
            "machine design, AutoCAD",),
    extra=(Lines("Certifications", ("Engineer in Training (EIT), Michigan", "CSWP")),),
))

add(candidate(
    "mech_paraphrased_creo", family="engineering", category="paraphrased", layout=DOCX_SKILL_GRID,
    grades={MECH: 3},
    note="Strong design engineer who writes 'product development engineer', 'solid modelling in PTC Creo', "
         "'Y14.5 tolerancing' and 'finite-element checks' instead of design engineer, CAD, GD&T and FEA.",
    name="Lindsay Brouwer", location="Holland, MI", headline="Product Development Engineer",
    summary="Five years turning customer requirements into manufacturable machinery for food plants. I own parts "
            "from the first sketch to the released print.",
    roles=(
        role("Product Development Engineer", "Lakeside Food Equipment", (2021, 7), None, "Holland, MI",
             "Solid modelling and drawings in PTC Creo for stainless conveyors, hoppers and guarding.",
             "Apply Y14.5 datums and tolerances on every print; worst-case and RSS stack analysis.",
             "Finite-element checks of frames and shafts in ANSYS Mechanical, backed by hand calculations.",
             "Work with our weld, laser and machine shops on manufacturability; change notices in Windchill."),
        role("Engineering Co-op", "Zeeland Metal Products", (2019, 5), (2020, 8), "Zeeland, MI",
             "Redesigned a bracket family for the press brake."),
    ),
    education=(degree("bachelor", "B.S.E. Mechanical Engineering, Grand Valley State University, 2021",
                      "Grand Valley State University", 2021),),
    skills=("CAD: PTC Creo Parametric, Windchill", "Analysis: ANSYS Mechanical, MathCAD",
            "Standards: ASME Y14.5, 3-A sanitary design"),
))

add(candidate(
    "mech_strong_conveyor", family="engineering", category="strong", layout=TXT_UNDERLINE,
    grades={MECH: 3},
    note="Conveyor design engineer for four years in Grand Rapids, Creo and FEA: a direct fit.",
    name="Aaron Hoekstra", location="Kentwood, MI", headline="Mechanical Engineer - Conveyor Design",
    summary="Mechanical engineer designing conveyor systems and automation equipment.",
    roles=(
        role("Mechanical Engineer", "River City Conveyor", (2022, 8), None, "Grand Rapids, MI",
             "Design belt and roller conveyors in Creo; drawings with GD&T; BOMs and ECOs in Windchill.",
             "Size drives and shafts; FEA in Creo Simulate; DFM with fabrication vendors.",
             "Support field installations at parcel hubs."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, Western Michigan University, 2022",
                      "Western Michigan University", 2022),),
    skills=("Creo, Windchill, GD&T, FEA, conveyor design",),
))

add(candidate(
    "mech_automotive_nx", family="engineering", category="partial", layout=DOCX,
    grades={MECH: 2},
    note="Automotive seating design engineer on Siemens NX and CATIA, not SolidWorks or Creo.",
    name="Rajesh Subramanian", location="Wyoming, MI", headline="Product Design Engineer",
    summary="Design engineer with five years in automotive seating structures.",
    roles=(
        role("Product Design Engineer", "Grand River Seating Systems", (2021, 6), None, "Grand Rapids, MI",
             "Design seat frames and mechanisms in Siemens NX; GD&T drawings and DVP&R testing.",
             "FEA with our CAE team; supplier DFM reviews for stamped and welded parts."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, Kettering University, 2021",
                      "Kettering University", 2021),),
    skills=("Siemens NX, CATIA V5, Teamcenter, GD&T, DFMEA",),
))

add(candidate(
    "mech_manufacturing_engineer", family="engineering", category="partial", layout=TXT_COLON,
    grades={MECH: 2},
    note="Manufacturing engineer who designs fixtures in SolidWorks: engineering degree, but process rather than "
         "product design.",
    name="Samantha Kuipers", location="Grandville, MI", headline="Manufacturing Engineer",
    summary="Manufacturing engineer with five years in metal fabrication and assembly.",
    roles=(
        role("Manufacturing Engineer", "Grandville Fabrication", (2021, 5), None, "Grandville, MI",
             "Design weld fixtures and tooling in SolidWorks; process plans and work instructions.",
             "Lead DFM reviews with customers; cut cycle time 18% on the main weld cell."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, Grand Valley State University, 2021",
                      "Grand Valley State University", 2021),),
    skills=("SolidWorks, Lean, PFMEA, welding processes, fixtures",),
))

add(candidate(
    "mech_principal_engineer", family="engineering", category="over_qualified", layout=PDF_TIMES,
    grades={MECH: 2},
    note="Principal engineer with eighteen years and a PE: can do the job, well over the 3-7 year level.",
    name="Douglas Van Wieren", location="Grand Rapids, MI", headline="Principal Mechanical Engineer, PE",
    summary="Principal mechanical engineer with eighteen years in industrial equipment design.",
    roles=(
        role("Principal Mechanical Engineer", "Michigan Industrial Robotics", (2016, 1), None, "Grand Rapids, MI",
             "Lead design of robotic palletisers; SolidWorks, FEA and design reviews for a team of eight.",
             "Own machine safety compliance (ISO 12100)."),
        role("Mechanical Engineer", "Steelcase Equipment Division", (2008, 6), (2015, 12), "Grand Rapids, MI",
             "Designed production equipment."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, University of Michigan, 2008",
                      "University of Michigan", 2008),),
    skills=("SolidWorks, ANSYS, GD&T, machine safety",),
    extra=(Lines("Certifications", ("Professional Engineer, Michigan",)),),
))

add(candidate(
    "mech_new_grad", family="engineering", category="under_qualified", layout=TXT_MD,
    grades={MECH: 1},
    note="New mechanical engineering graduate with co-ops: right skills, under three years.",
    name="Tyler Bosscher", location="Grand Rapids, MI", headline="Mechanical Engineer (new graduate)",
    summary="New mechanical engineering graduate with two co-op terms in machine design.",
    roles=(
        role("Mechanical Engineer I", "Alpine Conveyor Works", (2026, 6), None, "Comstock Park, MI",
             "Drawings and small assemblies in SolidWorks under a senior engineer."),
        role("Engineering Co-op", "Alpine Conveyor Works", (2025, 1), (2025, 5), "Comstock Park, MI",
             "Modelled conveyor guarding in SolidWorks."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, Calvin University, 2026", "Calvin University",
                      2026),),
    skills=("SolidWorks, GD&T (coursework), MATLAB",),
    extra=(Lines("Certifications", ("CSWA",)),),
))

add(candidate(
    "mechanical_technician", family="engineering", category="weak", layout=DOCX_BOLD,
    grades={MECH: 1},
    note="Engineering technician who builds and tests prototypes from drawings: no engineering degree or design "
         "ownership.",
    name="Wesley Dykstra", location="Grand Rapids, MI", headline="Mechanical Engineering Technician",
    summary="Engineering technician with eight years building and testing prototype machinery.",
    roles=(
        role("Mechanical Technician", "Lakeshore Motion Systems", (2018, 4), None, "Grand Rapids, MI",
             "Build and test prototypes from engineering drawings; report issues to design engineers.",
             "Make simple SolidWorks models of fixtures; run machine shop equipment."),
    ),
    education=(degree("associate", "A.A.S. Mechanical Technology, Grand Rapids Community College, 2018",
                      "Grand Rapids Community College", 2018),),
    skills=("Blueprint reading, SolidWorks (basic), machining, assembly, testing",),
))

add(candidate(
    "cad_drafter", family="engineering", category="weak", layout=PDF_TWO_COLUMN,
    grades={MECH: 1},
    note="CAD drafter with seven years of SolidWorks drawings and GD&T: drafts engineers' designs, no engineering "
         "degree, sizing or FEA.",
    name="Monica Terpstra", location="Wyoming, MI", headline="CAD Drafter / Designer",
    summary="CAD drafter producing detailed drawings for industrial equipment.",
    roles=(
        role("CAD Drafter", "Great Lakes Material Handling", (2019, 8), None, "Wyoming, MI",
             "Create part and assembly drawings in SolidWorks from engineers' models and mark-ups.",
             "Apply GD&T callouts, maintain BOMs and check drawings into PDM."),
    ),
    education=(degree("associate", "A.A.S. Drafting and Design, Ferris State University, 2019",
                      "Ferris State University", 2019),),
    skills=("SolidWorks, AutoCAD, GD&T, PDM, BOMs",),
))

add(candidate(
    "mech_hvac_engineer", family="engineering", category="weak", layout=TXT_TITLE,
    grades={MECH: 1},
    note="HVAC building-systems engineer: a mechanical engineer, but ductwork in Revit, not machine design.",
    name="Kristopher Veldman", location="Grand Rapids, MI", headline="Mechanical Engineer, HVAC",
    summary="Mechanical engineer with five years designing HVAC and plumbing systems for buildings.",
    roles=(
        role("Mechanical Engineer", "Monroe Avenue MEP Consultants", (2021, 6), None, "Grand Rapids, MI",
             "Load calculations, equipment selection and duct design in Revit for schools and hospitals."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, Michigan State University, 2021",
                      "Michigan State University", 2021),),
    skills=("Revit MEP, AutoCAD, Trace 3D Plus, ASHRAE standards",),
))

# === finance =====================================================================================================

add(candidate(
    "fa_strong_bank_fpa", family="finance", category="strong", layout=PDF_TIMES,
    grades={FA: 3},
    note="FP&A analyst at a Charlotte bank: NII forecasting, variance analysis, Hyperion, SQL, Power BI.",
    name="Caroline Ashworth", location="Charlotte, NC", headline="Financial Analyst, FP&A",
    summary="Financial analyst with three years in bank FP&A covering commercial and consumer lending.",
    roles=(
        role("Financial Analyst, FP&A", "Queen City Bancorp", (2023, 7), None, "Charlotte, NC",
             "Build the budget and quarterly forecast for commercial banking: loans, deposits, net interest "
             "income and fees.",
             "Monthly variance analysis against plan for line-of-business leaders.",
             "Maintain driver-based loan growth and deposit pricing models in Excel and Oracle Hyperion.",
             "Pull data with SQL and rebuilt the profitability reports in Power BI."),
        role("Finance Intern", "Queen City Bancorp", (2022, 6), (2022, 8), "Charlotte, NC",
             "Helped with funds transfer pricing reports."),
    ),
    education=(degree("bachelor", "B.S. Finance, UNC Charlotte, 2023", "UNC Charlotte", 2023),),
    skills=("Excel modelling, Oracle Hyperion, SQL, Power BI, net interest margin, FTP",),
    extra=(Lines("Certifications", ("CFA Level I candidate",)),),
))

add(candidate(
    "fa_paraphrased_planning", family="finance", category="paraphrased", layout=TXT_COLON,
    grades={FA: 3},
    note="Strong analyst who writes 'planning and performance associate', 'yearly plan and outlooks', 'spread "
         "income' and 'actual-versus-plan' instead of FP&A, budget, forecast, NII and variance analysis.",
    name="Marcus Pendleton", location="Matthews, NC", headline="Planning and Performance Associate",
    summary="Four years explaining where a bank's money comes from: the lending and deposit businesses, their "
            "margins and what next quarter looks like.",
    roles=(
        role("Planning and Performance Associate", "Piedmont Federal Savings", (2022, 6), None, "Charlotte, NC",
             "Build the yearly plan and the quarterly outlooks for the business-lending unit: balances, spread "
             "income and service charges.",
             "Explain each month's actual-versus-plan gaps to the heads of lending and treasury management.",
             "Maintain the internal transfer pricing curves and the loan and deposit growth models in Anaplan "
             "and spreadsheets.",
             "Prepare the profitability pages of the board package."),
    ),
    education=(degree("bachelor", "B.S. Economics, Appalachian State University, 2022",
                      "Appalachian State University", 2022),),
    skills=("Anaplan, spreadsheet modelling, SQL, Tableau, bank balance sheets",),
))

add(candidate(
    "fa_corporate_fpa", family="finance", category="partial", layout=DOCX,
    grades={FA: 2},
    note="FP&A analyst at a manufacturer in Charlotte: the modelling and forecasting, not banking.",
    name="Jessica Albrecht", location="Charlotte, NC", headline="Financial Analyst",
    summary="FP&A analyst with three years in industrial manufacturing.",
    roles=(
        role("Financial Analyst, FP&A", "Carolina Textile Machinery", (2023, 5), None, "Charlotte, NC",
             "Annual budget and rolling forecasts for three plants; monthly variance analysis.",
             "Driver-based cost models in Excel and Adaptive Planning."),
    ),
    education=(degree("bachelor", "B.S. Finance, Wake Forest University, 2023", "Wake Forest University", 2023),),
    skills=("Excel modelling, Adaptive Planning, Power BI, variance analysis",),
))

add(candidate(
    "fa_credit_analyst", family="finance", category="partial", layout=TXT_UNDERLINE,
    grades={FA: 2},
    note="Commercial credit analyst at a bank: banking and financial statements, credit rather than FP&A.",
    name="Devon Maxwell", location="Charlotte, NC", headline="Commercial Credit Analyst",
    summary="Credit analyst with three years underwriting commercial loans.",
    roles=(
        role("Commercial Credit Analyst", "Uptown Commerce Bank", (2023, 6), None, "Charlotte, NC",
             "Spread financial statements, build cash-flow models and write credit memos for $1-25M loans.",
             "Loan pricing with relationship managers; annual reviews and risk ratings."),
    ),
    education=(degree("bachelor", "B.S. Finance, Clemson University, 2023", "Clemson University", 2023),),
    skills=("Moody's CreditLens, Excel, financial statement analysis, loan pricing",),
))

add(candidate(
    "fa_investment_banking", family="finance", category="over_qualified", layout=DOCX_TABLE,
    grades={FA: 2},
    note="Investment banking associate with an MBA: strong modelling, over the level, likely to want more.",
    name="Preston Caldwell", location="Charlotte, NC", headline="Investment Banking Associate",
    summary="Investment banking associate covering financial institutions, moving to corporate finance.",
    roles=(
        role("Associate, Financial Institutions Group", "Tryon Street Capital", (2023, 7), None, "Charlotte, NC",
             "Operating and merger models for regional banks; net interest margin and deposit analysis."),
        role("Analyst", "Tryon Street Capital", (2019, 7), (2021, 6), "Charlotte, NC",
             "Valuation models and pitch books."),
    ),
    education=(degree("master", "MBA, Duke University Fuqua School of Business, 2023",
                      "Duke University Fuqua School of Business", 2023),
               degree("bachelor", "B.S. Finance, UNC Chapel Hill, 2019", "UNC Chapel Hill", 2019)),
    skills=("Financial modelling, valuation, bank M&A, Excel, PowerPoint",),
))

add(candidate(
    "fa_bank_staff_accountant", family="finance", category="weak", layout=DOCX_BOLD,
    grades={FA: 1, ACC: 1},
    note="Staff accountant at a bank: knows bank statements, has never budgeted or forecast; Charlotte, so only "
         "1 for the Minneapolis accounting job.",
    name="Heather Blanchard", location="Concord, NC", headline="Staff Accountant",
    summary="Staff accountant with four years of general ledger work at a community bank.",
    roles=(
        role("Staff Accountant", "Cabarrus Community Bank", (2022, 8), None, "Concord, NC",
             "Month-end close, journal entries and GL reconciliations for loans and deposits.",
             "Call report schedules and audit support."),
    ),
    education=(degree("bachelor", "B.S. Accounting, UNC Charlotte, 2022", "UNC Charlotte", 2022),),
    skills=("Jack Henry, Excel, US GAAP, reconciliations",),
))

add(candidate(
    "fa_new_grad", family="finance", category="under_qualified", layout=TXT_MD,
    grades={FA: 1},
    note="Finance graduate with one bank internship: the job wants two to four years.",
    name="Olivia Kingsbury", location="Charlotte, NC", headline="Finance Graduate",
    summary="Finance graduate looking for an analyst role in banking.",
    roles=(
        role("Corporate Finance Intern", "Carolina Piedmont Trust", (2025, 6), (2025, 8), "Charlotte, NC",
             "Updated the deposit forecast workbook and variance commentary."),
    ),
    education=(degree("bachelor", "B.S. Finance, Queens University of Charlotte, 2026",
                      "Queens University of Charlotte", 2026),),
    skills=("Excel, PowerPoint, Bloomberg, SQL (coursework)",),
))

add(candidate(
    "fa_london_bank", family="finance", category="wrong_location", layout=PDF,
    grades={FA: 1},
    note="Strong bank FP&A analyst in London with no US work authorisation, for a hybrid Charlotte job.",
    name="Oliver Pennington", location="London, United Kingdom", headline="Financial Analyst, Banking",
    summary="Financial analyst with four years in UK retail banking FP&A.",
    roles=(
        role("Financial Analyst", "Thameside Building Society", (2022, 9), None, "London",
             "Net interest income forecasts, budget and variance analysis for the mortgage book.",
             "Funds transfer pricing and board reporting."),
    ),
    education=(degree("bachelor", "BSc Economics, University of Bristol, 2022", "University of Bristol", 2022),),
    skills=("Excel modelling, Anaplan, SQL, Power BI",),
))

add(candidate(
    "mech_aerospace_stress", family="engineering", category="partial", layout=DOCX_TABLE,
    grades={MECH: 2},
    note="Aerospace stress engineer: strong FEA and a BSME, but analyses others' designs rather than designing "
         "machinery.",
    name="Ingrid Haverkamp", location="Grand Rapids, MI", headline="Stress Engineer",
    summary="Structures engineer with four years of FEA and hand analysis of aircraft components.",
    roles=(
        role("Stress Engineer", "Lakeshore Aerostructures", (2022, 7), None, "Grand Rapids, MI",
             "Static and fatigue analysis of brackets and fittings in ANSYS and Nastran; stress reports.",
             "Review designers' CATIA models and drawings and propose changes."),
    ),
    education=(degree("bachelor", "B.S. Mechanical Engineering, Purdue University, 2022", "Purdue University",
                      2022),),
    skills=("ANSYS, Nastran, Patran, CATIA V5, hand calculations",),
))
