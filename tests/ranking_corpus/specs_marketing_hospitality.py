"""Candidates for the digital marketing manager and the restaurant general manager jobs.

Near-misses: a sales representative who writes about marketing materials against the marketing job, and a line
cook and a hotel front-desk agent against the restaurant job (restaurant work without management, and hospitality
without restaurants or management).
"""

from __future__ import annotations

from corpus.model import Lines

from ranking_corpus.job_ids import AE, MKT, RGM
from ranking_corpus.model import (
    DOCX,
    DOCX_BOLD,
    DOCX_SKILL_GRID,
    DOCX_TABLE,
    PDF,
    PDF_DARK_SIDEBAR,
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

# === marketing ===================================================================================================

add(candidate(
    "mkt_strong_dtc", family="marketing", category="strong", layout=PDF,
    grades={MKT: 3},
    note="Digital marketing manager at a Nashville DTC brand: paid social, Google Ads, Klaviyo, GA4, a team of two.",
    name="Savannah Pruitt", location="Nashville, TN", headline="Digital Marketing Manager",
    summary="Digital marketing manager with seven years growing direct-to-consumer brands through paid social, "
            "search, email and creators.",
    roles=(
        role("Digital Marketing Manager", "Music Row Candle Co.", (2022, 1), None, "Nashville, TN",
             "Own a $2.6M budget across Meta, TikTok Ads, Google Ads, Pinterest and influencers; ROAS up 35%.",
             "Lead brand social media on Instagram, TikTok and Pinterest: content calendar, community and "
             "creator partnerships; 180k new followers.",
             "Run email and SMS flows in Klaviyo (31% of online revenue).",
             "Report weekly in Google Analytics 4 and Shopify on CAC, conversion and repeat purchase.",
             "Manage a social media coordinator, a designer and our paid media agency."),
        role("Digital Marketing Specialist", "Cumberland Outdoor", (2019, 6), (2021, 12), "Franklin, TN",
             "Google Ads and Meta campaigns, SEO and the weekly newsletter."),
    ),
    education=(degree("bachelor", "B.S. Marketing, Belmont University, 2019", "Belmont University", 2019),),
    skills=("Meta Ads Manager, TikTok Ads, Google Ads, Klaviyo, GA4, Shopify, SEO, influencer marketing",),
))

add(candidate(
    "mkt_paraphrased_growth", family="marketing", category="paraphrased", layout=DOCX_SKILL_GRID,
    grades={MKT: 3},
    note="Strong marketer who writes 'growth lead', 'Facebook and Instagram ad buying', 'lifecycle program' and "
         "'return on ad spend' instead of digital marketing manager, paid social, email marketing and ROAS.",
    name="Jordan Ellsworth", location="Franklin, TN", headline="Growth Lead, Consumer Brands",
    summary="Six years growing online sales for kitchen and home brands. I plan where the money goes, test "
            "creative every week and lead a small team.",
    roles=(
        role("Head of Growth", "Hearth & Table Goods", (2022, 5), None, "Franklin, TN",
             "Plan and spend $1.8M a year on Facebook and Instagram ad buying, TikTok spots and search ads; "
             "weekly creative and audience tests.",
             "Grew our brand accounts on Instagram, TikTok and Pinterest from 40k to 210k with a posting plan, "
             "creator collaborations and replies to every comment.",
             "Built the lifecycle program: welcome, abandoned cart and win-back emails and texts in HubSpot.",
             "Track return on ad spend, cost per new customer and repeat rate in GA4; present monthly to the "
             "founders.",
             "Lead two people and the outside media-buying agency."),
        role("Ecommerce Coordinator", "Hearth & Table Goods", (2020, 6), (2022, 4), "Franklin, TN",
             "Product pages, promotions and the weekly send."),
    ),
    education=(degree("bachelor", "B.A. Communication Studies, Middle Tennessee State University, 2020",
                      "Middle Tennessee State University", 2020),),
    skills=("Advertising: Facebook and Instagram ads, TikTok, Google search ads",
            "Lifecycle: HubSpot, SMS", "Measurement: GA4, Shopify reports, Looker Studio"),
))

add(candidate(
    "mkt_social_media_manager", family="marketing", category="partial", layout=TXT_UNDERLINE,
    grades={MKT: 2},
    note="Social media manager with six years of brand social and a coordinator to manage, little paid media or "
         "email.",
    name="Kendall Okoro", location="Nashville, TN", headline="Social Media Manager",
    summary="Social media manager building brand communities for lifestyle and food brands.",
    roles=(
        role("Social Media Manager", "Broadway Brewing Co.", (2022, 3), None, "Nashville, TN",
             "Own Instagram, TikTok and Facebook: content calendar, shoots, community management and creators.",
             "Manage one social media coordinator; boosted posts with a small monthly budget."),
        role("Social Media Coordinator", "Southern Table Magazine", (2020, 8), (2022, 2), "Nashville, TN",
             "Scheduled posts in Sprout Social and reported engagement."),
    ),
    education=(degree("bachelor", "B.A. Journalism, University of Tennessee, 2020", "University of Tennessee",
                      2020),),
    skills=("Instagram, TikTok, Sprout Social, Canva, Later, content strategy",),
))

add(candidate(
    "mkt_b2b_demand_gen", family="marketing", category="partial", layout=DOCX,
    grades={MKT: 2},
    note="B2B demand generation manager: strong digital and HubSpot, no consumer brand or social.",
    name="Harrison Boyd", location="Brentwood, TN", headline="Demand Generation Manager",
    summary="Demand generation manager with six years in B2B software marketing.",
    roles=(
        role("Demand Generation Manager", "Clinicflow Software", (2021, 9), None, "Nashville, TN",
             "Own a $1.2M budget on LinkedIn Ads, Google Ads and webinars; pipeline sourced up 40%.",
             "Build nurture programs and lead scoring in HubSpot; manage one marketing specialist."),
        role("Marketing Specialist", "Clinicflow Software", (2020, 5), (2021, 8), "Nashville, TN",
             "Email campaigns, landing pages and SEO."),
    ),
    education=(degree("bachelor", "B.B.A. Marketing, Lipscomb University, 2020", "Lipscomb University", 2020),),
    skills=("HubSpot, Salesforce, LinkedIn Ads, Google Ads, GA4, SEO",),
))

add(candidate(
    "mkt_agency_paid_media", family="marketing", category="partial", layout=TXT_COLON,
    grades={MKT: 2},
    note="Agency paid media manager: deep paid social and search, no organic social, email or in-house brand.",
    name="Eliza Thornbury", location="Nashville, TN", headline="Paid Media Manager",
    summary="Paid media manager running Meta, TikTok and Google campaigns for consumer brands.",
    roles=(
        role("Paid Media Manager", "Cumberland Digital Agency", (2021, 4), None, "Nashville, TN",
             "Manage $6M a year in Meta, TikTok and Google Ads spend for eight DTC clients.",
             "Creative testing, audience strategy and weekly ROAS reports; lead two media buyers."),
    ),
    education=(degree("bachelor", "B.S. Advertising, Western Kentucky University, 2020",
                      "Western Kentucky University", 2020),),
    skills=("Meta Ads Manager, TikTok Ads, Google Ads, GA4, Triple Whale",),
))

add(candidate(
    "mkt_coordinator_junior", family="marketing", category="under_qualified", layout=TXT_MD,
    grades={MKT: 1},
    note="Social media coordinator with two years: right channels, far too junior to manage the function.",
    name="Avery Lockhart", location="Nashville, TN", headline="Social Media Coordinator",
    summary="Social media coordinator who loves short-form video and community building.",
    roles=(
        role("Social Media Coordinator", "East Nashville Bakehouse", (2024, 10), None, "Nashville, TN",
             "Shoot and edit Reels and TikToks; schedule posts and answer comments.",
             "Monthly engagement report for the owner."),
    ),
    education=(degree("bachelor", "B.A. Communication, Belmont University, 2024", "Belmont University", 2024),),
    skills=("Instagram, TikTok, CapCut, Canva, Later",),
))

add(candidate(
    "mkt_credit_union_traditional", family="marketing", category="weak", layout=DOCX_BOLD,
    grades={MKT: 1},
    note="Marketing coordinator for a credit union: print, events and some Facebook; little digital depth.",
    name="Phyllis Underwood", location="Murfreesboro, TN", headline="Marketing Coordinator",
    summary="Marketing coordinator with five years of branch promotions, print and community events.",
    roles=(
        role("Marketing Coordinator", "Stones River Credit Union", (2021, 8), None, "Murfreesboro, TN",
             "Branch posters, direct mail and community events; post on the Facebook page.",
             "Coordinate sponsorships and the member newsletter."),
    ),
    education=(degree("bachelor", "B.S. Mass Communication, MTSU, 2021", "MTSU", 2021),),
    skills=("Adobe InDesign, Canva, Facebook, event planning",),
))

add(candidate(
    "sales_rep_kitchenware", family="sales", category="distractor", layout=PDF,
    grades={AE: 1},
    note="Territory sales rep for a housewares distributor who 'uses marketing materials': sales, not marketing.",
    name="Clayton Rhodes", location="Nashville, TN", headline="Territory Sales Representative",
    summary="Territory sales representative with six years selling housewares to independent retailers.",
    roles=(
        role("Territory Sales Representative", "Volunteer Housewares Supply", (2020, 7), None, "Nashville, TN",
             "Sell kitchenware and home goods to 120 retail accounts in Tennessee and Kentucky; 108% of quota.",
             "Use marketing materials and promotions from the brand team; set up trade-show booths.",
             "Track accounts and orders in Salesforce."),
    ),
    education=(degree("bachelor", "B.B.A. Management, Austin Peay State University, 2020",
                      "Austin Peay State University", 2020),),
    skills=("Territory management, Salesforce, negotiation, trade shows",),
))

# === hospitality =================================================================================================

add(candidate(
    "rgm_strong_charleston", family="hospitality", category="strong", layout=PDF_DARK_SIDEBAR,
    grades={RGM: 3},
    note="General manager of a 250-seat full-service restaurant in Charleston: P&L, costs, Toast, ServSafe.",
    name="Beau Hartley", location="Charleston, SC", headline="Restaurant General Manager",
    summary="General manager with five years running high-volume full-service restaurants.",
    roles=(
        role("General Manager", "Low Tide Oyster House", (2021, 9), None, "Charleston, SC",
             "Lead a 250-seat restaurant and bar ($7M in sales), 4 managers and 85 staff.",
             "Own the P&L: food cost 29%, labor 27%; sales up 14% in 2025.",
             "Hire, train and schedule in Toast and HotSchedules; turnover down by a third.",
             "Passed every health inspection; run the beverage program."),
        role("Assistant General Manager", "King Street Grille", (2018, 5), (2021, 8), "Charleston, SC",
             "Front of house, private dining and the wine list."),
    ),
    education=(degree("bachelor", "B.S. Hospitality and Tourism Management, College of Charleston, 2018",
                      "College of Charleston", 2018),),
    skills=("P&L, food and labor cost, Toast, HotSchedules, beverage programs",),
    extra=(Lines("Certifications", ("ServSafe Food Protection Manager", "TIPS")),),
))

add(candidate(
    "rgm_paraphrased_operator", family="hospitality", category="paraphrased", layout=TXT_TITLE,
    grades={RGM: 3},
    note="Strong GM who writes 'operating partner', 'ran the house', 'plate cost' and 'profit and loss' "
         "instead of general manager, operations, food cost and P&L.",
    name="Delphine Marchetti", location="Mount Pleasant, SC", headline="Operating Partner",
    summary="Six years as the operator of busy neighbourhood dining rooms. I run the house, front and back, and "
            "I treat the numbers like the menu: every line earns its place.",
    roles=(
        role("Operating Partner", "Shem Creek Supper Club", (2020, 10), None, "Mount Pleasant, SC",
             "Run a 200-seat dining room, patio and bar doing $5.5M a year; lead three floor managers and the "
             "chef.",
             "Own the profit and loss: plate cost at 28%, hourly payroll planned in 7shifts every week.",
             "Hire and coach a crew of 60; most of my managers started as servers.",
             "Answer every online review within a day; guest scores at 4.7."),
        role("Floor Manager", "Sullivan's Island Fish Camp", (2018, 3), (2020, 9), "Sullivan's Island, SC",
             "Ran dinner service, closing and cash-out."),
    ),
    education=(degree("diploma", "High School Diploma, Wando High School, 2012", "Wando High School", 2012),),
    skills=("7shifts, point-of-sale systems, menu costing, hiring, guest recovery",),
    extra=(Lines("Certifications", ("Certified Food Protection Manager (ServSafe)",)),),
))

add(candidate(
    "rgm_senior_manager_steakhouse", family="hospitality", category="strong", layout=DOCX_TABLE,
    grades={RGM: 3},
    note="Senior manager of a high-volume steakhouse near Charleston for four years: the posting accepts senior "
         "managers.",
    name="Terrence Gadsden", location="Summerville, SC", headline="Senior Restaurant Manager",
    summary="Senior restaurant manager with seven years in high-volume full-service steakhouses.",
    roles=(
        role("Senior Manager", "Palmetto Prime Steakhouse", (2022, 6), None, "North Charleston, SC",
             "Second in command of a $6M, 240-seat steakhouse; run the P&L when the GM is away.",
             "Own labor scheduling in HotSchedules and weekly food and liquor inventory.",
             "Recruit and train servers and bartenders; lead 30 staff per shift."),
        role("Restaurant Manager", "Palmetto Prime Steakhouse", (2019, 4), (2022, 5), "Columbia, SC",
             "Opened the Columbia location; trained 90 new hires."),
    ),
    education=(degree("associate", "A.A.S. Culinary Arts, Trident Technical College, 2018",
                      "Trident Technical College", 2018),),
    skills=("Toast, HotSchedules, inventory, P&L",),
    extra=(Lines("Certifications", ("ServSafe Food Protection Manager",)),),
))

add(candidate(
    "rgm_agm_short", family="hospitality", category="partial", layout=TXT_UNDERLINE,
    grades={RGM: 2},
    note="Assistant GM for eighteen months after years behind the bar: close, short on management years.",
    name="Kaitlyn Moultrie", location="Charleston, SC", headline="Assistant General Manager",
    summary="Assistant general manager who came up through the bar program.",
    roles=(
        role("Assistant General Manager", "Rainbow Row Kitchen", (2025, 5), None, "Charleston, SC",
             "Run front-of-house shifts, schedules in Toast and the bar inventory for a 160-seat restaurant.",
             "Interview and train new servers."),
        role("Head Bartender", "Rainbow Row Kitchen", (2021, 3), (2025, 4), "Charleston, SC",
             "Built the cocktail menu; trained the bar team."),
    ),
    education=(degree("bachelor", "B.A. Sociology, The Citadel, 2020", "The Citadel", 2020),),
    skills=("Toast, bar inventory, staff training",),
    extra=(Lines("Certifications", ("ServSafe Food Protection Manager", "TIPS")),),
))

add(candidate(
    "rgm_quick_service", family="hospitality", category="partial", layout=DOCX,
    grades={RGM: 2},
    note="Quick-service general manager for six years: strong operator, but no full-service or bar.",
    name="Reginald Simmons", location="Goose Creek, SC", headline="General Manager, Quick Service",
    summary="General manager with six years running high-volume quick-service restaurants.",
    roles=(
        role("General Manager", "Coastal Chicken Co.", (2020, 11), None, "Goose Creek, SC",
             "Run a $4.2M drive-thru restaurant with 65 team members; P&L, food and labor cost.",
             "Hire and develop shift leaders; three promoted to management."),
    ),
    education=(degree("diploma", "High School Diploma, Stratford High School, 2014", "Stratford High School",
                      2014),),
    skills=("P&L, labor scheduling, food safety, drive-thru operations",),
    extra=(Lines("Certifications", ("ServSafe Food Protection Manager",)),),
))

add(candidate(
    "rgm_hotel_fnb", family="hospitality", category="partial", layout=PDF,
    grades={RGM: 2},
    note="Resort food and beverage outlet manager: restaurants inside a hotel, a neighbouring unit.",
    name="Anneliese Vogt", location="Johns Island, SC", headline="Food and Beverage Outlet Manager",
    summary="Food and beverage manager with five years in resort restaurants and banquets.",
    roles=(
        role("Outlet Manager, Restaurants and Bars", "Kiawah Dunes Resort", (2021, 3), None, "Kiawah Island, SC",
             "Manage two restaurants and a pool bar (3.5M in sales) with 50 staff.",
             "Budgets, food and beverage cost, scheduling and guest satisfaction scores."),
    ),
    education=(degree("bachelor", "B.S. Hotel Administration, Cornell University, 2020", "Cornell University",
                      2020),),
    skills=("Micros, budgeting, banquets, wine service",),
    extra=(Lines("Certifications", ("ServSafe Food Protection Manager",)),),
))

add(candidate(
    "line_cook_charleston", family="hospitality", category="weak", layout=TXT_COLON,
    grades={RGM: 1},
    note="Line cook in Charleston: restaurant experience, no management or P&L.",
    name="Darnell Pinckney", location="Charleston, SC", headline="Line Cook",
    summary="Line cook with four years in busy Charleston kitchens.",
    roles=(
        role("Line Cook", "Bull Street Kitchen", (2022, 8), None, "Charleston, SC",
             "Sauté and grill stations for 350 covers a night; prep lists and station set-up."),
        role("Prep Cook", "Marion Square Diner", (2021, 2), (2022, 7), "Charleston, SC", "Prep and dish."),
    ),
    education=(degree("diploma", "High School Diploma, Burke High School, 2020", "Burke High School", 2020),),
    skills=("Grill, sauté, knife skills, ServSafe Food Handler",),
))

add(candidate(
    "hotel_front_desk_agent", family="hospitality", category="distractor", layout=TXT_MD,
    grades={},
    note="Hotel front-desk agent: hospitality vocabulary, but neither restaurants nor management.",
    name="Maribel Santiago", location="Charleston, SC", headline="Front Desk Agent",
    summary="Guest-focused front desk agent with three years at a boutique hotel.",
    roles=(
        role("Front Desk Agent", "The Battery Inn", (2023, 6), None, "Charleston, SC",
             "Check guests in and out, handle reservations in Opera PMS and resolve guest complaints.",
             "Recommend restaurants and book dinner reservations for guests."),
    ),
    education=(degree("associate", "A.A. Hospitality, Trident Technical College, 2023",
                      "Trident Technical College", 2023),),
    skills=("Opera PMS, guest service, reservations, cash handling",),
))
