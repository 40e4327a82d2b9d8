"""Original sample content for the demo publication, The Meridian Review.

Everything here was written for Masthead: the outlet, its authors, the organisations they quote and
the picture agencies are fictional. The demo loader turns these plain data structures into pages, so
this module holds data only and imports nothing.
"""

PUBLICATION = {
    "name": "The Meridian Review",
    "tagline": "Independent analysis of a world in transition",
    "copyright_holder": "Meridian Review Media",
    # The policy itself is data (SYNDICATION below); this is the editors' note under it.
    "republishing_policy_html": (
        "<p>We want our journalism to travel. Pieces we have republished from partner outlets "
        "remain under the terms set by those partners, and photographs from agencies stay with "
        "us. For questions, write to our editors.</p>"
    ),
    "disclaimer_html": (
        "<p>The Meridian Review is an editorially independent publication. Views expressed by "
        "contributors are their own and do not necessarily reflect those of the editors or of "
        "Meridian Review Media. We correct errors promptly and say so at the end of the "
        "article. This is a demonstration publication. Its authors, the people they quote and "
        "the organisations and agencies they cite are fictional, and links to example domains "
        "lead nowhere.</p>"
    ),
    "article_footer_note_html": (
        "<p>The Meridian Review is reader-funded and free to read. If this analysis was useful "
        "to you, consider sharing it or subscribing to our weekly newsletter.</p>"
    ),
    "media_inquiries_email": "press@meridian.example",
    "mastodon_url": "https://social.example/@meridian",
    "bluesky_url": "https://bsky.app/profile/meridian.example",
}

AUTHORS = [
    {
        "slug": "johanna-lindqvist",
        "name": "Johanna Lindqvist",
        "bio": (
            "Johanna Lindqvist is a Brussels-based correspondent who covers European security, "
            "the war in Ukraine and the politics of the European Union. She previously worked "
            "as a researcher on arms control and spent four years reporting from Kyiv and "
            "Warsaw. She writes the Meridian's fortnightly column on European defence."
        ),
        "website_url": "https://lindqvist.example",
        "mastodon_url": "https://social.example/@jlindqvist",
        "photo_colour": "#3a6ea5",
    },
    {
        "slug": "amara-okafor",
        "name": "Amara Okafor",
        "bio": (
            "Amara Okafor is a Dakar-based analyst who writes about governance, conflict and "
            "economic policy across West Africa and the Sahel. Before joining the Meridian she "
            "led field research for a regional think tank and worked on election observation "
            "missions. She is interested in how ordinary people experience changes of regime."
        ),
        "website_url": "",
        "mastodon_url": "https://social.example/@aokafor",
        "photo_colour": "#c2703d",
    },
    {
        "slug": "youssef-haddad",
        "name": "Youssef Haddad",
        "bio": (
            "Youssef Haddad is an Amman-based researcher who covers energy, water and economic "
            "policy in the Middle East and the Gulf. He has a background in engineering and "
            "worked for several years on power-sector projects before turning to journalism. He "
            "also writes about maritime security in the Red Sea."
        ),
        "website_url": "https://haddad.example",
        "mastodon_url": "",
        "photo_colour": "#2f7f6f",
    },
    {
        "slug": "tan-mei-lin",
        "name": "Tan Mei Lin",
        "bio": (
            "Tan Mei Lin is a Singapore-based technology correspondent who follows "
            "semiconductors, telecommunications and the politics of supply chains across Asia "
            "and the Pacific. She trained as a data journalist and has reported from Taipei, "
            "Seoul and Tokyo. She edits the Meridian's special report on chips and sovereignty."
        ),
        "website_url": "https://tanmeilin.example",
        "mastodon_url": "https://social.example/@tanmeilin",
        "photo_colour": "#7a4fa0",
    },
    {
        "slug": "lucia-ferreira-vidal",
        "name": "Lucía Ferreira Vidal",
        "bio": (
            "Lucía Ferreira Vidal is a Mexico City-based journalist who reports on migration, "
            "mining and democratic institutions in Latin America and the United States. She has "
            "followed migrant routes from the Darién to the northern border and previously "
            "worked as an economics reporter in Santiago. She writes in English and Spanish."
        ),
        "website_url": "",
        "mastodon_url": "https://social.example/@lferreira",
        "photo_colour": "#b8434f",
    },
]

REGIONS = [
    {
        "slug": "europe",
        "title": "Europe",
        "description": (
            "The European Union, its neighbours and the war in Ukraine: security, institutions "
            "and the economics of a continent under pressure."
        ),
    },
    {
        "slug": "usa",
        "title": "USA",
        "description": (
            "American policy and its effects abroad, from export controls and intelligence to "
            "elections, migration and industrial strategy."
        ),
    },
    {
        "slug": "middle-east",
        "title": "Middle East",
        "description": (
            "Energy, water, conflict and economic change across the Levant, the Gulf, Iraq and "
            "the Red Sea."
        ),
    },
    {
        "slug": "latin-america",
        "title": "Latin America",
        "description": (
            "Mining and energy transitions, migration routes, the Amazon and the health of "
            "democratic institutions from Mexico to Chile."
        ),
    },
    {
        "slug": "africa",
        "title": "Africa",
        "description": (
            "Governance, security and economic policy across the continent, with a particular "
            "focus on West Africa and the Sahel."
        ),
    },
    {
        "slug": "asia-pacific",
        "title": "Asia-Pacific",
        "description": (
            "Technology supply chains, maritime security and climate adaptation from the Indian "
            "Ocean to the Pacific islands."
        ),
    },
]

THEMES = [
    {
        "slug": "intelligence",
        "title": "Intelligence",
        "description": (
            "How governments and independent researchers collect, verify and share information, "
            "and what open sources can and cannot tell us."
        ),
    },
    {
        "slug": "economy",
        "title": "Economy",
        "description": (
            "Trade, public finance, industrial policy and the economic choices that shape "
            "people's daily lives."
        ),
    },
    {
        "slug": "energy",
        "title": "Energy",
        "description": (
            "Power grids, fuel markets and the uneven shift from fossil fuels to cleaner "
            "sources of energy."
        ),
    },
    {
        "slug": "climate",
        "title": "Climate",
        "description": "Adaptation, water, land use and the politics of a warming world.",
    },
    {
        "slug": "technology",
        "title": "Technology",
        "description": (
            "Semiconductors, data infrastructure and digital policy, and the geopolitics behind "
            "them."
        ),
    },
    {
        "slug": "security",
        "title": "Security",
        "description": (
            "Armed conflict, defence industries, maritime routes and the institutions that try "
            "to keep the peace."
        ),
    },
    {
        "slug": "migration",
        "title": "Migration",
        "description": "Why people move, the routes they take and how states respond.",
    },
    {
        "slug": "democracy",
        "title": "Democracy",
        "description": (
            "Elections, transitions, the rule of law and the resilience of democratic institutions."
        ),
    },
]

REPORTS = [
    {
        "slug": "ukraine-reconstruction",
        "title": "Country report: Ukraine's reconstruction",
        "introduction": (
            "Rebuilding Ukraine is already under way, even as the war continues. This report "
            "follows the money, the materials and the people behind the effort, from the power "
            "grid to farmland and housing. It asks who decides what gets rebuilt first, and who "
            "pays."
        ),
        "image_colour": "#1f4e79",
    },
    {
        "slug": "sahel-in-transition",
        "title": "The Sahel in transition",
        "introduction": (
            "Military governments now run much of the central Sahel, and old alliances are "
            "being redrawn. Our correspondents look at what this means for security, for "
            "regional institutions and for the millions of people displaced by violence. The "
            "series draws on interviews in the region and on open data."
        ),
        "image_colour": "#b5651d",
    },
    {
        "slug": "chips-and-sovereignty",
        "title": "Chips and sovereignty",
        "introduction": (
            "Semiconductors have become a test of economic security for governments around the "
            "world. This report examines subsidies, export controls and the physical limits of "
            "chip production, from water to electricity. It asks whether the race for "
            "self-sufficiency can succeed, and at what cost."
        ),
        "image_colour": "#4b2e83",
    },
]

ARTICLES = [
    {
        "slug": "ukraine-grid-rebuilt-in-smaller-pieces",
        "headline": "Ukraine is rebuilding its power grid in smaller pieces",
        "standfirst": (
            "Large power stations make easy targets. Ukrainian utilities are betting on "
            "thousands of small generators, batteries and solar plants instead, and the "
            "approach is changing how reconstruction money is spent."
        ),
        "authors": ["johanna-lindqvist"],
        "regions": ["europe"],
        "themes": ["energy", "security"],
        "reports": ["ukraine-reconstruction"],
        "days_ago": 0,
        "hour": 7,
        "newsletter": True,
        "image": {
            "title": "A grid of many small parts",
            "alt": (
                "Abstract illustration of small overlapping circles in deep blue and warm "
                "yellow on a diagonal gradient."
            ),
            "caption": ("Distributed generation is harder to knock out than a single large plant."),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#1f4e79", "#f2c14e"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>For most of the twentieth century, Ukraine's electricity came from a "
                    "small number of very large plants. Nuclear stations, coal-fired units and "
                    "hydroelectric dams fed a national grid designed in the Soviet era. That "
                    "design was efficient in peacetime. In wartime it has proved fragile, "
                    "because damaging a single substation can leave a whole city without heat "
                    "or water.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Utilities and local authorities are now trying something different. "
                    "Instead of rebuilding every large plant as it was, they are adding "
                    "<b>distributed generation</b>: gas-fired engines of a few megawatts, "
                    "rooftop and field solar, and battery systems installed close to hospitals, "
                    "pumping stations and schools. The idea is simple. A network of many small "
                    "sources is harder to disable than a network of a few big ones.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why smaller is safer</h2><p>Engineers describe the goal as "
                    "<i>resilience</i> rather than efficiency. A modular gas engine can be "
                    "installed in weeks and hidden inside an ordinary industrial building. If "
                    "it is damaged, the loss is local and can be replaced from stock. Batteries "
                    "allow critical services to ride through short outages without switching to "
                    "diesel generators, which are noisy, expensive and dependent on fuel "
                    "deliveries.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "We stopped asking how to rebuild what we had. We started asking what "
                        "would still work after the next attack."
                    ),
                    "attribution": (
                        "Oksana Melnyk, planning director at a regional distribution company"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Who is paying</h2><p>Much of the early funding has come from donor "
                    "governments and development banks, often channelled through municipal "
                    "projects rather than national ministries. The <a "
                    'href="https://www.worldbank.org/">World Bank</a> and the <a '
                    'href="https://www.iea.org/">International Energy Agency</a> have both '
                    "published assessments of the damage, and donors have used them to decide "
                    "where to send equipment. Our own tracker of announced projects, published "
                    'on the <a href="https://meridian.example/data/ukraine-energy">Meridian '
                    "data desk</a>, counts several hundred small installations funded in the "
                    "past two years.</p><p>The shift has costs. Small gas engines are less "
                    "efficient than large combined-cycle plants, and the grid needs new control "
                    "systems to balance thousands of sources rather than dozens. Some "
                    "specialists worry that a patchwork of donor-funded projects, each with its "
                    "own equipment and contractors, will be hard to maintain once the emergency "
                    "phase ends.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What comes next</h2><p>The bigger question is whether the emergency "
                    "model will shape the permanent system. Ukraine's long-term plans still "
                    "rely on nuclear power and on closer integration with the European grid, "
                    "which it joined in an emergency synchronisation in 2022. Distributed "
                    "generation is unlikely to replace that backbone. But it may change the way "
                    "the backbone is built, with more local capacity, more storage and more "
                    "attention to protecting the points where failure spreads.</p><p>For "
                    "reconstruction planners, the lesson is that <i>what</i> gets rebuilt "
                    "matters as much as how quickly. A grid rebuilt in smaller pieces may cost "
                    "more per unit of power. It may also be the only kind of grid that keeps "
                    "the lights on.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "sahel-alliance-tests-west-african-institutions",
        "headline": "The Sahel's new alliance is testing West Africa's institutions",
        "standfirst": (
            "Three military governments have formed their own confederation and left the "
            "regional bloc. The break raises practical questions about trade, travel and "
            "security that neither side has fully answered."
        ),
        "authors": ["amara-okafor"],
        "regions": ["africa"],
        "themes": ["democracy", "security"],
        "reports": ["sahel-in-transition"],
        "days_ago": 0,
        "hour": 9,
        "newsletter": True,
        "image": {
            "title": "Two circles drifting apart",
            "alt": (
                "Abstract illustration of two large overlapping ochre and dark green shapes "
                "separating on a sand-coloured gradient."
            ),
            "caption": (
                "The split between the Sahel states and the regional bloc is still being "
                "negotiated in practice."
            ),
            "credit": "Photo: Harmattan Images",
            "credit_url": "https://harmattan.example/collections/sahel",
            "colours": ["#d9a441", "#2e5e4e"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>When Mali, Burkina Faso and Niger announced that they would leave the "
                    "Economic Community of West African States, many observers expected a long "
                    "and messy negotiation. The formal process has indeed been slow. But on the "
                    "ground, the three governments have moved quickly to build an alternative: "
                    "a confederation they call the <b>Alliance of Sahel States</b>, with plans "
                    "for a joint force, a common passport and eventually shared financial "
                    "institutions.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The split matters well beyond the Sahel. <a "
                    'href="https://www.ecowas.int/">ECOWAS</a> was built on the promise of '
                    "free movement of people and goods across fifteen countries. Traders, "
                    "seasonal workers and students have relied on that promise for decades. If "
                    "borders harden, the costs will fall first on the people who cross them "
                    "every day.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A confederation built on security</h2><p>The alliance began as a "
                    "mutual defence pact. All three governments came to power through coups, "
                    "all three face armed jihadist groups, and all three have pushed out French "
                    "forces and reduced cooperation with Western partners. Their leaders argue "
                    "that regional institutions failed to help them when it mattered and "
                    "punished them with sanctions instead.</p><p>That argument has found an "
                    "audience at home. Surveys by independent researchers suggest that many "
                    "residents of Sahelian capitals see the break with the regional bloc as a "
                    "matter of <i>dignity</i>, not simply of policy. Whether the alliance can "
                    "deliver more security than its predecessors is a different question, and "
                    "the early evidence is mixed.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "People here did not choose between two institutions. They were asked "
                        "to choose between frustration with the old order and hope in a new one."
                    ),
                    "attribution": (
                        "Ibrahim Sawadogo, researcher at the Sahel Governance Observatory"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h2>The practical questions</h2><p>Several issues remain "
                    "unresolved:</p><ul><li><b>Trade:</b> whether goods from the three states "
                    "will keep their tariff-free access to coastal "
                    "ports.</li><li><b>Travel:</b> whether existing regional passports will "
                    "continue to be recognised, and for how long.</li><li><b>Money:</b> the "
                    "three countries still use the regional CFA franc, and leaving the currency "
                    "union would be far more disruptive than leaving the political "
                    "bloc.</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What to watch</h2><p>For coastal states such as Senegal, Côte "
                    "d'Ivoire, Ghana and Togo, the priority is to keep trade corridors open "
                    "while avoiding the impression that coups carry no consequences. Quiet "
                    "bilateral deals on transit and customs are likely to matter more than "
                    "summit declarations.</p><p>For the alliance, the test is whether its "
                    "institutions become more than a statement of intent. A common force needs "
                    "funding, command structures and logistics. A common passport needs "
                    "recognition from the countries people actually travel to. Our series <a "
                    'href="https://meridian.example/reports/sahel-in-transition">The Sahel in '
                    "transition</a> will follow these questions over the coming months.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "asia-chip-subsidies-same-bottlenecks",
        "headline": "Asia's chip subsidies are converging on the same bottlenecks",
        "standfirst": (
            "Governments from Tokyo to New Delhi are spending heavily to attract semiconductor "
            "factories. They are discovering that money is not the scarcest resource: skilled "
            "engineers, water and reliable power are."
        ),
        "authors": ["tan-mei-lin"],
        "regions": ["asia-pacific"],
        "themes": ["technology", "economy"],
        "reports": ["chips-and-sovereignty"],
        "days_ago": 0,
        "hour": 11,
        "newsletter": True,
        "image": {
            "title": "Circuits and constraints",
            "alt": (
                "Abstract illustration of layered purple and teal shapes resembling overlapping "
                "wafers on a dark gradient."
            ),
            "caption": (
                "Subsidy programmes across Asia are competing for the same specialised workforce."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#4b2e83", "#2ab7a9"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>A decade ago, industrial policy for semiconductors was something few "
                    "governments admitted to. Today it is a competition. Japan has offered "
                    "large grants to attract foreign chipmakers. South Korea has expanded tax "
                    "credits for domestic champions. India has promised to cover a large share "
                    "of the cost of new fabrication plants, and several Southeast Asian "
                    "countries are courting assembly and testing facilities.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Each programme is designed for national goals, but together they are "
                    "producing a surprisingly similar set of problems. The <b>bottlenecks</b> "
                    "are not primarily financial. They are people, water, electricity and "
                    "time.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The engineer shortage</h2><p>A modern fabrication plant needs "
                    "thousands of process engineers and technicians, many of whom take years to "
                    "train. Universities across the region are expanding courses, and companies "
                    "are running their own academies. Yet every new project draws on a limited "
                    "pool of experienced staff, and much of that pool is concentrated in Taiwan "
                    "and South Korea.</p><p>Analysts at the Strait Technology Forum estimate "
                    "that the number of experienced fab engineers in the region has grown more "
                    "slowly than announced capacity. Their <a "
                    'href="https://straittech.example/reports/workforce">regional workforce '
                    "survey</a> suggests that some projects will have to rely on staff seconded "
                    "from existing plants for years, which limits how quickly new sites can "
                    "reach full output.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Water and power</h2><p>Chipmaking consumes large volumes of ultra-pure "
                    "water and needs electricity that does not fluctuate. Several proposed "
                    "sites have had to build dedicated reservoirs, recycling plants or grid "
                    "connections before construction could begin. Where power grids rely "
                    "heavily on coal, companies also face pressure from customers who have "
                    "committed to reducing emissions across their supply chains.</p><p>This is "
                    "why site selection now involves utilities and water authorities as closely "
                    "as it involves trade ministries. A subsidy can pay for a building. It "
                    "cannot, on its own, produce a stable grid or a reliable water supply.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Is the race worth it?</h2><p>Supporters argue that the spending is a "
                    "form of insurance. The pandemic-era chip shortage showed how a disruption "
                    "in one place could halt car factories on another continent. Diversifying "
                    "production, even at higher cost, reduces that risk. Critics respond that "
                    "subsidies are being duplicated across many countries, and that the "
                    "industry may face <i>overcapacity</i> in some segments while the most "
                    "advanced production remains concentrated in a few places.</p><p>Both sides "
                    "agree on one point: the countries that solve the practical constraints "
                    "first will gain most. Our report <a "
                    'href="https://meridian.example/reports/chips-and-sovereignty">Chips and '
                    "sovereignty</a> examines these constraints country by country, and the <a "
                    'href="https://www.wto.org/">World Trade Organization</a> has begun to '
                    "collect data on the growing number of subsidy schemes.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "gulf-solar-bets-on-hydrogen-exports",
        "headline": "The Gulf's solar boom is betting on hydrogen exports",
        "standfirst": (
            "Cheap sunlight has made the Arabian Peninsula one of the lowest-cost places to "
            "produce electricity. Turning that advantage into exportable fuel is proving harder "
            "than early plans suggested."
        ),
        "authors": ["youssef-haddad"],
        "regions": ["middle-east"],
        "themes": ["energy", "climate", "economy"],
        "reports": [],
        "days_ago": 1,
        "hour": 8,
        "newsletter": True,
        "image": {
            "title": "Sunlight into fuel",
            "alt": (
                "Abstract illustration of warm orange discs fading into pale blue on a diagonal "
                "gradient."
            ),
            "caption": (
                "Solar tenders in the Gulf have produced some of the lowest electricity prices "
                "in the world."
            ),
            "credit": "Photo: Qamar Visuals",
            "credit_url": "https://qamarvisuals.example/energy",
            "colours": ["#f28c28", "#9cc9e0"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>The Gulf states have spent the past decade proving that large solar "
                    "farms can produce electricity at very low prices. Auctions in the region "
                    "have repeatedly set records, helped by strong sunlight, flat land and "
                    "cheap public financing. Now governments and state energy companies want to "
                    "turn that advantage into a new export: <b>green hydrogen</b> and its "
                    "derivatives, such as ammonia.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The logic mirrors the region's history with oil and gas. Countries that "
                    "have long sold energy to the world want to keep doing so as the world "
                    "moves away from fossil fuels. Hydrogen made with renewable power could, in "
                    "theory, be shipped to industrial users in Europe and East Asia who need to "
                    "cut emissions from steel, fertiliser and chemicals.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>From announcements to contracts</h2><p>Several large projects have "
                    "been announced, and at least one is under construction. But most plans are "
                    "still waiting for the same thing: long-term buyers. Hydrogen is expensive "
                    "to transport, and converting it into ammonia for shipping and back again "
                    "loses a significant share of the energy. Importing countries have offered "
                    "subsidies, yet buyers remain cautious about signing contracts for a "
                    "product whose price and standards are still uncertain.</p><p>The <a "
                    'href="https://www.irena.org/">International Renewable Energy Agency</a> '
                    "has argued that the first viable markets may be close to the point of "
                    "production, for example in domestic fertiliser or steel plants, rather "
                    "than in long-distance trade. That would still reduce emissions, but it "
                    "would change the business case that attracted investors in the first "
                    "place.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Water and certification</h2><p>Electrolysis needs water, and in the "
                    "Gulf that means desalination. The energy cost of desalination is modest "
                    "compared with electrolysis itself, but the brine it produces has to be "
                    "managed carefully in shallow, enclosed seas. Buyers in Europe also want "
                    "proof that hydrogen is genuinely low-carbon. Certification rules, which "
                    "specify when and where the renewable electricity must be generated, will "
                    "determine whether Gulf projects qualify for import "
                    "subsidies.</p><p><i>None of these obstacles is fatal</i>, but together "
                    "they mean the timeline is longer than early announcements suggested. Our "
                    "analysis of public project data, available on the <a "
                    'href="https://meridian.example/data/gulf-hydrogen">Meridian data '
                    "desk</a>, shows that only a small fraction of announced capacity has "
                    "reached a final investment decision.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What it means for the region</h2><p>For Gulf governments, hydrogen is "
                    "one part of a wider effort to diversify their economies. Even if export "
                    "volumes grow slowly, the investment in solar power is already reducing the "
                    "amount of oil and gas burned at home for electricity, which frees more "
                    "hydrocarbons for export. That domestic effect may turn out to be the most "
                    "important result of the solar boom, at least in this decade.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "andes-lithium-consultation",
        "headline": "In the Andes, lithium projects now start with a conversation",
        "standfirst": (
            "Mining companies in Argentina, Bolivia and Chile are under growing pressure to "
            "consult Indigenous communities before extracting lithium from the salt flats. The "
            "process is slow, contested and increasingly decisive."
        ),
        "authors": ["lucia-ferreira-vidal"],
        "regions": ["latin-america"],
        "themes": ["economy", "climate"],
        "reports": [],
        "days_ago": 1,
        "hour": 14,
        "newsletter": True,
        "image": {
            "title": "Salt flats at dawn",
            "alt": (
                "Abstract illustration of pale white and turquoise bands crossing a soft pink "
                "gradient."
            ),
            "caption": (
                "Lithium brine is pumped from beneath high-altitude salt flats and left to "
                "evaporate in large ponds."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#e8e4dc", "#3fb3b0"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>The high salt flats where Argentina, Bolivia and Chile meet hold a "
                    "large share of the world's known lithium resources. Demand for the metal, "
                    "used in the batteries of electric vehicles and grid storage, has drawn "
                    "investment from mining companies, carmakers and governments. It has also "
                    "drawn attention to the communities who live around the flats and depend on "
                    "scarce water for herding and farming.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In the past, consultation with these communities was often a formality. "
                    "That is changing. Courts, regulators and international buyers are asking "
                    "for evidence that projects have the <b>free, prior and informed "
                    "consent</b> of affected Indigenous peoples, a principle set out in "
                    "international instruments and in national law in several countries.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Water at the centre</h2><p>The main concern is water. Extracting "
                    "lithium from brine involves pumping salty groundwater into evaporation "
                    "ponds. Companies argue that brine is not drinkable and that the process "
                    "does not affect freshwater. Hydrologists say the relationship between "
                    "brine and freshwater aquifers is complex and poorly mapped, and that "
                    "long-term monitoring is essential.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "We are not against lithium. We are against decisions about our water "
                        "being taken in offices far away from here."
                    ),
                    "attribution": (
                        "Rosa Mamani, spokesperson for a community council in the high plateau"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Different national models</h2><p>The three countries have taken "
                    "different approaches. Chile has moved towards public-private partnerships "
                    "in which the state takes a larger role. Argentina's provinces control "
                    "mineral resources and have welcomed private investment, with consultation "
                    "rules that vary from one province to another. Bolivia has kept lithium "
                    "under state control but has struggled to reach commercial "
                    "production.</p><p>These differences matter for communities. In some "
                    "provinces, consultation takes place before exploration begins. In others, "
                    "it happens only when a project is already well advanced. Researchers at "
                    "the Andean Water Institute have mapped these variations in an <a "
                    'href="https://andeanwater.example/consultation-map">interactive '
                    "guide</a>.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Newer technologies</h2><p>Some companies are testing <i>direct lithium "
                    "extraction</i>, which separates lithium from brine without large "
                    "evaporation ponds and returns most of the water underground. If it works "
                    "at scale, it could reduce water losses considerably. But the technology is "
                    "still being proven, and it needs energy and chemicals of its own.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why buyers care</h2><p>Carmakers and battery manufacturers in Europe "
                    "and the United States face new rules on supply-chain due diligence. They "
                    "need to show that the materials they buy were produced responsibly. This "
                    "gives communities leverage they did not have a decade ago. The <a "
                    'href="https://www.oecd.org/">OECD</a> guidance on responsible mineral '
                    "supply chains is now routinely cited in contracts.</p><p>Consultation, in "
                    "other words, is no longer only an ethical question. It is becoming a "
                    "commercial one, and the projects that treat it seriously may be the ones "
                    "that get built.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "eu-foreign-interference-elections",
        "headline": "Europe's new approach to foreign interference focuses on the plumbing",
        "standfirst": (
            "After years of debating disinformation, European governments are turning to less "
            "visible targets: advertising networks, payment flows and the small companies that "
            "help influence campaigns operate."
        ),
        "authors": ["johanna-lindqvist"],
        "regions": ["europe"],
        "themes": ["democracy", "intelligence"],
        "reports": [],
        "days_ago": 2,
        "hour": 10,
        "newsletter": True,
        "image": {
            "title": "Hidden networks",
            "alt": (
                "Abstract illustration of thin overlapping blue and grey shapes on a dark navy "
                "gradient."
            ),
            "caption": (
                "Influence operations rely on ordinary commercial services to reach their "
                "audiences."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#23395b", "#8e9aaf"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>For much of the past decade, the European debate about foreign "
                    "interference in elections focused on content. Which false stories were "
                    "circulating, how quickly they spread and whether platforms should remove "
                    "them. That debate was important, but it often ended in disagreement about "
                    "where disinformation stops and legitimate opinion begins.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>A different approach is gaining ground. Investigators in several "
                    "countries are paying more attention to the <b>infrastructure</b> of "
                    "influence operations: the shell companies that buy advertising, the "
                    "payment services that move money, the networks of websites that imitate "
                    "real news outlets and the marketing firms that rent out accounts.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Following the money</h2><p>This shift has practical advantages. "
                    "Judging the truth of a political claim is difficult and contentious. "
                    "Establishing that a website was registered through a chain of "
                    "intermediaries, or that an advertising campaign was paid for from an "
                    "undisclosed source, is a matter of evidence. Many countries already have "
                    "laws on political financing, company registration and advertising "
                    "transparency that can be applied.</p><p>European rules on online platforms "
                    "now require large services to assess risks to electoral processes and to "
                    "share data with researchers. Observers from the <a "
                    'href="https://www.osce.org/">OSCE</a> have also begun to include online '
                    "campaigning in their election assessments. Together these measures give "
                    "investigators more material to work with than they had a few years ago.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The role of intelligence services</h2><p>Security services have long "
                    "tracked state-backed influence operations, but they have often been "
                    "reluctant to share what they know. Some governments are now publishing "
                    "more detailed attributions, naming the companies and techniques involved. "
                    "The aim is to make the operations more expensive to run, because exposed "
                    "networks have to be rebuilt from scratch.</p><p><i>Publication carries "
                    "risks.</i> An attribution that proves wrong, or that appears politically "
                    "motivated, can undermine trust in the institutions that made it. Several "
                    "agencies have responded by publishing technical evidence alongside their "
                    "conclusions so that independent researchers can check it. The Baltic Open "
                    'Source Lab keeps a <a href="https://balticosl.example/archive">public '
                    "archive</a> of these reports.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Limits of the approach</h2><p>Focusing on infrastructure will not stop "
                    "every campaign. Domestic actors can spread the same narratives without "
                    "foreign money, and some influence operations use entirely legal methods. "
                    "There is also a risk that rules written to stop foreign interference are "
                    "used against legitimate civil society groups that receive funding from "
                    "abroad.</p><p>The most durable protection may be the least dramatic: "
                    "well-funded election administrations, transparent political finance and a "
                    "healthy local press. Those are slower to build than a new regulation. But "
                    "they make it harder for any campaign, foreign or domestic, to fill an "
                    "information vacuum.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "ukraine-housing-who-pays",
        "headline": "Who pays to rebuild a flat in Kharkiv?",
        "standfirst": (
            "Ukraine has created a compensation scheme for homes damaged or destroyed in the "
            "war. It is one of the most ambitious reconstruction programmes in Europe, and one "
            "of the most complicated."
        ),
        "authors": ["johanna-lindqvist"],
        "regions": ["europe"],
        "themes": ["economy"],
        "reports": ["ukraine-reconstruction"],
        "days_ago": 1,
        "hour": 16,
        "newsletter": False,
        "image": {
            "title": "Rebuilding home",
            "alt": (
                "Abstract illustration of stacked rectangles in brick red and soft grey on a "
                "pale blue gradient."
            ),
            "caption": (
                "Damaged apartment blocks are being repaired while families wait for "
                "compensation decisions."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#a63d40", "#c9d6df"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Across eastern and southern Ukraine, hundreds of thousands of homes "
                    "have been damaged by shelling, missiles and drones. Some need new windows "
                    "and roofs. Others are beyond repair. For the families who lived in them, "
                    "the most pressing question is not the grand strategy of reconstruction. It "
                    "is who will pay to fix their home, and when.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Ukraine's answer has been a national compensation programme, managed "
                    "through the state's digital services platform. Owners can apply online, "
                    "inspectors assess the damage, and approved claims are paid either as money "
                    "for repairs or as a <b>housing certificate</b> that can be used to buy "
                    "another property. The system has processed a large number of claims in a "
                    "short time, which officials point to as a success.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>How the scheme works</h2><p>The programme distinguishes between "
                    "damaged and destroyed homes. For repairs, owners receive funds that can "
                    "only be spent on building materials and work from registered suppliers. "
                    "For destroyed homes, certificates are issued that can be used to purchase "
                    "a new or existing flat anywhere in government-controlled "
                    "territory.</p><p>The digital approach has helped reduce fraud and "
                    "paperwork. Yet it also reveals the limits of a system designed for owners "
                    "with clear property titles. Many older flats were never properly "
                    "registered. Some owners have been displaced abroad and struggle to "
                    "complete inspections. Tenants, who do not own the property they lived in, "
                    "are largely outside the scheme.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The market problem</h2><p>Housing certificates depend on there being "
                    "homes to buy. In cities close to the front line, few people want to invest "
                    "in new construction while attacks continue. In safer western cities, the "
                    "arrival of displaced families has pushed up prices. A certificate "
                    "calculated on the basis of average costs may therefore buy less than "
                    "expected in the places where people actually want to "
                    "live.</p><p>Economists at the Kyiv Urban Policy Centre, an independent "
                    "research group, have suggested indexing certificates to local prices and "
                    "supporting rental housing as well as ownership. Their <a "
                    'href="https://kyivurban.example/briefs/housing-certificates">latest '
                    "brief</a> argues that a rental programme could help those who do not want "
                    "to commit to a new city while the war continues.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The role of donors</h2><p>Most compensation is paid from the national "
                    "budget, which depends heavily on foreign support. The <a "
                    'href="https://www.eib.org/">European Investment Bank</a> and other '
                    "partners have financed parts of the programme, and development banks have "
                    "offered loans for municipal housing. Donors tend to prefer projects with "
                    "<i>visible</i> results, such as a rebuilt school or bridge. Paying "
                    "thousands of small household claims is less visible, but it may do more to "
                    "keep people in their communities.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What comes next</h2><p>The scheme will be tested as the scale of "
                    "destruction grows and as families begin to return to areas that were once "
                    "occupied. Simple rules that work for a damaged roof may not work for a "
                    "village that has been largely destroyed. For now, the programme is "
                    "evidence that reconstruction does not have to wait for the end of the war. "
                    "It is also a reminder that it happens one flat at a time.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "export-controls-and-allies",
        "headline": "Washington's chip export controls depend on its allies",
        "standfirst": (
            "American restrictions on advanced semiconductor technology only work if Dutch, "
            "Japanese and South Korean companies follow similar rules. Keeping that coalition "
            "together is becoming harder."
        ),
        "authors": ["tan-mei-lin", "johanna-lindqvist"],
        "regions": ["usa", "asia-pacific"],
        "themes": ["technology", "security"],
        "reports": ["chips-and-sovereignty"],
        "days_ago": 3,
        "hour": 12,
        "newsletter": False,
        "image": {
            "title": "A tightening circle",
            "alt": (
                "Abstract illustration of concentric violet and steel blue shapes on a dark "
                "gradient."
            ),
            "caption": (
                "A handful of companies in a few countries make the tools needed for advanced "
                "chips."
            ),
            "credit": "Photo: Northlight Agency",
            "credit_url": "https://northlight.example/technology",
            "colours": ["#5c3c92", "#4f6d7a"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>The United States has spent several years restricting the export of "
                    "advanced semiconductors and the equipment used to make them. The stated "
                    "aim is to slow the development of military and surveillance capabilities "
                    "by strategic rivals. But the most important tools in chipmaking are not "
                    "only American. Lithography machines come mainly from the Netherlands. Key "
                    "materials and equipment come from Japan. Memory chips are made in large "
                    "volumes in South Korea.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>This means that American controls are only as strong as the "
                    "<b>coalition</b> behind them. If a restricted buyer can purchase "
                    "equivalent tools from another supplier, the controls mostly shift sales "
                    "from American companies to their competitors.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Negotiated alignment</h2><p>Washington's response has been to "
                    "negotiate parallel restrictions with allied governments. The Netherlands "
                    "and Japan have introduced their own licensing requirements for certain "
                    "advanced tools. These rules are not identical to the American ones, and "
                    "both governments have stressed that their decisions are national ones. In "
                    "practice, however, the effect has been a broadly aligned regime covering "
                    "the most advanced equipment.</p><p>The process has been uncomfortable for "
                    "allied companies. Some of their largest customers are in the countries "
                    "targeted by the controls. Restrictions on servicing and spare parts for "
                    "machines already installed have been especially sensitive, because service "
                    "contracts are a steady source of income.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "Every new rule is a negotiation with three or four governments, each "
                        "with its own industry to protect. The surprise is not that there are "
                        "gaps. It is that the coalition has held at all."
                    ),
                    "attribution": (
                        "Hannah Vos, trade lawyer at a technology policy consultancy in The Hague"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Pressure points</h2><p>Several developments are testing the "
                    "arrangement:</p><ul><li>Restricted buyers are investing heavily in "
                    "domestic equipment makers, which may reduce their dependence on foreign "
                    "tools over time.</li><li>Older, less advanced chips remain largely outside "
                    "the controls, yet they are used in cars, appliances and many military "
                    "systems.</li><li>Companies in allied countries argue that each new "
                    "expansion of controls is announced with little warning, making long-term "
                    "planning difficult.</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Europe's position</h2><p>The European Union has been working on a "
                    "common approach to export controls and economic security. For now, most "
                    "decisions remain with member states. A more coordinated European policy "
                    "could make alignment with the United States easier, or it could give "
                    "Europe a stronger voice in deciding where the lines are drawn. The <a "
                    'href="https://www.wassenaar.org/">Wassenaar Arrangement</a>, the '
                    "traditional multilateral forum for export controls on dual-use goods, has "
                    "been slow to reach consensus on new technologies.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What it means</h2><p>Export controls are often described as a wall. In "
                    "reality they are closer to a <i>filter</i>, with gaps that shift as "
                    "technology and diplomacy change. Their effectiveness will depend less on "
                    "the text of any single rule than on whether allies continue to see them as "
                    "serving their own interests. Our report <a "
                    'href="https://meridian.example/reports/chips-and-sovereignty">Chips and '
                    "sovereignty</a> follows that question across Asia and Europe.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "sahel-gold-and-state-revenues",
        "headline": "Gold has become the Sahel's most contested resource",
        "standfirst": (
            "As military governments renegotiate mining contracts and artisanal mining spreads, "
            "gold is funding states, armed groups and millions of households at the same time."
        ),
        "authors": ["amara-okafor"],
        "regions": ["africa"],
        "themes": ["economy", "security"],
        "reports": ["sahel-in-transition"],
        "days_ago": 4,
        "hour": 9,
        "newsletter": False,
        "image": {
            "title": "The weight of gold",
            "alt": (
                "Abstract illustration of soft gold and deep brown shapes overlapping on a "
                "sandy gradient."
            ),
            "caption": "Gold is the leading export of several Sahelian economies.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#d4a017", "#5b3a29"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>In Mali, Burkina Faso and Niger, gold is more than a commodity. It is "
                    "one of the largest sources of export earnings, a lifeline for rural "
                    "families and, in some areas, a source of income for armed groups. As "
                    "military governments reshape their relationships with foreign partners, "
                    "control over gold has become a central political question.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Industrial mines, often run by foreign companies, account for most "
                    "official production. Alongside them, an <b>artisanal sector</b> employs "
                    "very large numbers of people who dig by hand or with small machines, often "
                    "without licences. Estimates vary widely, but researchers agree that "
                    "artisanal output is substantial and that much of it leaves the region "
                    "through informal channels.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Renegotiating the contracts</h2><p>Several governments in the region "
                    "have introduced new mining codes that increase the state's share of "
                    "production and revenue. Some have demanded back taxes from foreign "
                    "operators, detained company staff during disputes or taken direct control "
                    "of mines. Officials present these moves as a correction of unfair "
                    "agreements signed by previous governments.</p><p>There is a real case that "
                    "past contracts offered generous terms to investors. But sudden changes "
                    "also carry risks. Mining companies plan over decades, and uncertainty "
                    "about the rules can delay investment in new projects. The long-term effect "
                    "on public revenue will depend on whether governments can combine a larger "
                    "share with a predictable environment.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Artisanal mining and armed groups</h2><p>In areas where the state has "
                    "little presence, armed groups tax artisanal mining sites or control access "
                    "to them. Researchers at the Sahel Governance Observatory have documented "
                    "cases in which groups offer <i>protection</i> to miners in exchange for a "
                    "share of output. Their <a "
                    'href="https://sahelobservatory.example/gold">field reports</a> show that '
                    "the relationship is often transactional rather than "
                    "ideological.</p><p>Military operations that close mining sites can remove "
                    "a source of funding for armed groups. They can also remove the only income "
                    "available to thousands of families, who may then become more open to "
                    "recruitment. Policies that formalise artisanal mining, by offering "
                    "licences, buying gold at fair prices and improving safety, are slower but "
                    "may prove more durable.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Where the gold goes</h2><p>Much of the region's informal gold is "
                    "believed to pass through regional trading hubs before reaching refineries "
                    "elsewhere. International efforts to trace gold, led in part by the <a "
                    'href="https://www.oecd.org/">OECD</a> due diligence framework, have '
                    "improved practices among major refiners. Smaller buyers remain harder to "
                    "monitor.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What to watch</h2><p>The coming years will show whether gold becomes a "
                    "foundation for state revenue in the Sahel or a source of further conflict. "
                    "The answer depends less on the headline terms of any mining code than on "
                    "who controls the sites, who buys the gold and whether miners see any "
                    "benefit from the formal economy.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "darien-migration-routes-shift",
        "headline": "Migration through the Darién is changing shape, not ending",
        "standfirst": (
            "Fewer people have been crossing the jungle between Colombia and Panama in recent "
            "months. Researchers say the routes and the people taking them are changing faster "
            "than the headline numbers suggest."
        ),
        "authors": ["lucia-ferreira-vidal"],
        "regions": ["latin-america", "usa"],
        "themes": ["migration"],
        "reports": [],
        "days_ago": 5,
        "hour": 13,
        "newsletter": False,
        "image": {
            "title": "Paths through the forest",
            "alt": (
                "Abstract illustration of winding dark green and muted teal shapes on a humid "
                "grey gradient."
            ),
            "caption": (
                "The Darién Gap has no roads and can take a week or more to cross on foot."
            ),
            "credit": "Photo: Selva Press Collective",
            "credit_url": "https://selvapress.example/darien",
            "colours": ["#1b4d3e", "#7fa99b"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>For several years, the Darién Gap was one of the busiest migration "
                    "corridors in the Americas. People from Venezuela, Ecuador, Haiti and "
                    "countries far beyond walked through the roadless jungle between Colombia "
                    "and Panama on their way north. Record numbers made the crossing, despite "
                    "the danger of rivers, steep terrain and criminal groups.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>More recently, official counts at reception stations in Panama have "
                    "fallen sharply. Governments have pointed to the decline as evidence that "
                    "stricter policies are working. Researchers who follow migration in the "
                    "region are more cautious. They argue that <b>the routes are changing</b>, "
                    "not disappearing.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why the numbers fell</h2><p>Several factors are at work. The United "
                    "States has tightened access to asylum at its southern border and expanded "
                    "removals. Panama has introduced measures to discourage crossings, "
                    "including repatriation flights. Mexico has increased enforcement along its "
                    "own routes. Each step raises the cost and risk of the journey, and some "
                    "people have decided to stay where they are or to return home.</p><p>At the "
                    "same time, social media groups used by migrants show a growing interest in "
                    "other destinations. Some Venezuelans are choosing to remain in Colombia, "
                    "Peru or Chile, where large communities already exist. Others are moving "
                    "<i>south</i> rather than north, a trend that reception centres in Panama "
                    "and Costa Rica have also observed.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Less visible routes</h2><p>When official corridors become harder to "
                    "use, some migrants turn to more hidden ones. Boat journeys along the "
                    "Caribbean and Pacific coasts avoid the jungle but carry their own risks. "
                    "Smuggling networks adjust their prices and methods quickly. Humanitarian "
                    "organisations, including the <a "
                    'href="https://www.iom.int/">International Organization for '
                    "Migration</a>, warn that people on hidden routes are harder to reach with "
                    "water, medical care and information.</p><p>The Mesoamerican Mobility Lab, "
                    "a research network based in Guatemala City, has built a <a "
                    'href="https://mobilitylab.example/dashboard">public dashboard</a> '
                    "combining official figures with reports from shelters. Its data suggests "
                    "that shelters in southern Mexico are seeing fewer new arrivals but longer "
                    "stays, as people wait for a chance to move on.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What it means for policy</h2><p>The fall in crossings has given "
                    "governments some breathing space. It has not resolved the underlying "
                    "reasons people leave home, which include economic collapse, violence and "
                    "the effects of climate change on farming. The <a "
                    'href="https://www.unhcr.org/">UN Refugee Agency</a> has repeatedly '
                    "argued that regional solutions, such as legal pathways and support for "
                    "host countries, are needed alongside enforcement.</p><p>Migration policy "
                    "in the Americas often reacts to the latest numbers. The experience of the "
                    "Darién suggests a different lesson. Routes respond to policy within weeks. "
                    "The pressures behind them change much more slowly.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "red-sea-shipping-insurance",
        "headline": "The Red Sea crisis is being priced in insurance premiums",
        "standfirst": (
            "Attacks on commercial ships have pushed many carriers to avoid the Suez route. The "
            "decision to return will be made as much by insurers as by navies."
        ),
        "authors": ["youssef-haddad"],
        "regions": ["middle-east"],
        "themes": ["security", "economy"],
        "reports": [],
        "days_ago": 6,
        "hour": 10,
        "newsletter": False,
        "image": {
            "title": "Rough water",
            "alt": (
                "Abstract illustration of deep red and navy wave-like shapes on a dark gradient."
            ),
            "caption": (
                "Shipping traffic through the Bab al-Mandab strait has fallen since attacks on "
                "merchant ships began."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#8b1e3f", "#1c2541"],
        },
        "originally_published_at": "https://harbourline.example/analysis/red-sea-insurance",
        "body": [
            (
                "paragraph",
                (
                    "<p>The Red Sea and the Suez Canal form one of the world's most important "
                    "shipping routes, linking Asia with Europe and the eastern Mediterranean. "
                    "When attacks on merchant ships began in the southern Red Sea, many of the "
                    "largest container lines diverted their vessels around the Cape of Good "
                    "Hope. The detour adds thousands of nautical miles and one to two weeks to "
                    "a typical voyage between Asia and northern Europe.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Naval patrols have escorted some ships and intercepted some attacks. "
                    "Yet traffic through the strait has remained well below its previous level. "
                    "To understand why, it helps to look at a less visible actor: the <b>war "
                    "risk insurance</b> market.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>How war risk cover works</h2><p>Ordinary marine insurance excludes "
                    "damage caused by war. Shipowners buy separate war risk cover, and when a "
                    "region is declared a listed area, they must pay an additional premium for "
                    "each voyage through it. Those premiums are calculated as a percentage of "
                    "the ship's value, so a single transit by a large modern vessel can cost a "
                    "very significant sum.</p><p>For some owners, the premium alone makes the "
                    "Red Sea route uneconomic. For others, the question is not cost but "
                    "availability. Insurers may refuse cover to ships with particular flags or "
                    "ownership links, and crews have the right under some labour agreements to "
                    "refuse to sail into high-risk areas.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "A navy can reduce the risk. It cannot guarantee the cargo. Until "
                        "underwriters believe the risk has fallen for good, most owners will "
                        "take the long way round."
                    ),
                    "attribution": "Karim Nasser, marine insurance broker in Dubai",
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Winners and losers</h2><p>The diversions have had uneven effects. "
                    "Egypt has lost a significant share of its Suez Canal revenue, an important "
                    "source of foreign currency. Ports in the eastern Mediterranean and the Red "
                    "Sea itself have seen fewer calls. Meanwhile, ports on the longer route "
                    "around Africa have gained business, and shipping companies have benefited "
                    "from higher freight rates during periods of tight capacity.</p><p>Analysts "
                    "at the Gulf Maritime Research Centre track the effect in their <a "
                    'href="https://gulfmaritime.example/transits">weekly transit index</a>, '
                    "which compares traffic through the strait with earlier years. The <a "
                    'href="https://www.imo.org/">International Maritime Organization</a> has '
                    "also called for the protection of seafarers, who bear the most direct "
                    "risk.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What would bring ships back</h2><p>A return to normal traffic would "
                    "likely require a sustained period without attacks, not simply a ceasefire "
                    "announcement. Insurers will want to see evidence over months, and shipping "
                    "lines will want confidence that they will not have to divert again after "
                    "rebuilding their schedules. <i>Timing matters</i>, because carriers plan "
                    "their networks many weeks in advance.</p><p>For the wider region, the "
                    "episode has shown how quickly security incidents in one narrow strait can "
                    "reshape global trade. It has also shown that the decision to return is not "
                    "made by any single government. It is made in the quiet calculations of "
                    "underwriters, brokers and shipowners.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "ukraine-demining-farmland",
        "headline": "Clearing Ukraine's farmland will take years, and it has already begun",
        "standfirst": (
            "Mines and unexploded ordnance contaminate large areas of Ukraine's agricultural "
            "land. Demining teams, farmers and new technologies are working to return fields to "
            "use, one hectare at a time."
        ),
        "authors": ["johanna-lindqvist"],
        "regions": ["europe"],
        "themes": ["security", "economy"],
        "reports": ["ukraine-reconstruction"],
        "days_ago": 8,
        "hour": 8,
        "newsletter": False,
        "image": {
            "title": "Fields in waiting",
            "alt": (
                "Abstract illustration of wheat-yellow and olive green bands crossing a pale "
                "sky-blue gradient."
            ),
            "caption": ("Agriculture is central to Ukraine's economy and to global food supplies."),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#e3b23c", "#556b2f"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Ukraine is one of the world's largest exporters of grain and vegetable "
                    "oil. Its farmland is also one of the most heavily contaminated by "
                    "explosive remnants of war. Areas close to current and former front lines "
                    "contain mines, cluster munitions and unexploded shells. Some of this land "
                    "cannot be farmed at all. Some is farmed at great risk by people who cannot "
                    "afford to wait.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Humanitarian demining has expanded rapidly. The state emergency "
                    "service, the armed forces, international organisations and private "
                    "companies are all involved. The national mine action authority sets "
                    "priorities, and farmland has moved up the list because of its importance "
                    "for rural incomes and for the wider economy.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A slow and careful process</h2><p>Demining is slow by design. Before "
                    "clearance, teams conduct a <b>non-technical survey</b>, speaking with "
                    "residents, checking records and mapping where fighting took place. Only "
                    "areas with evidence of contamination are then searched by manual teams, "
                    "dogs or machines. This approach avoids wasting effort on land that is "
                    "probably safe, but it depends on reliable information, which is not always "
                    "available.</p><p>Specialists at the <a "
                    'href="https://www.gichd.org/">Geneva International Centre for '
                    "Humanitarian Demining</a> have long stressed that land release is a matter "
                    "of evidence and confidence, not of declaring an area perfectly clean. "
                    "Farmers need to trust the result before they return with tractors.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>New tools</h2><p>Ukraine has become a testing ground for new demining "
                    "technology. Drones with cameras and sensors help to map contaminated "
                    "fields. Armoured machines can clear vegetation and detonate mines over "
                    "large areas. Data platforms share survey results between organisations. "
                    "The Dnipro Mine Action Network, a group of local operators, publishes an "
                    '<a href="https://dniprominemap.example/">open map</a> of cleared and '
                    "suspected areas to help coordinate work.</p><p>These tools speed up parts "
                    "of the process, but they do not replace trained people. Machines cannot "
                    "work on every type of terrain, and some munitions can only be removed by "
                    "hand. <i>Training and retaining deminers</i> has become one of the main "
                    "constraints, especially as the work is dangerous and often far from "
                    "home.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Paying for clearance</h2><p>Donor governments fund much of the "
                    "humanitarian work. The government has also introduced a programme that "
                    "compensates farmers for part of the cost of clearing their land through "
                    "certified commercial operators. This creates an incentive for private "
                    "investment, but it raises questions about quality control and about "
                    "fairness, since large agricultural companies can act faster than "
                    "smallholders.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The long view</h2><p>Experience from other post-conflict countries "
                    "suggests that full clearance can take decades. The priority now is to "
                    "return the most productive and most needed land first, while keeping "
                    "people safe on the rest. Every cleared field is a small contribution to "
                    "recovery. Every accident is a reminder of how long the war's effects will "
                    "last after the fighting stops.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "taiwan-fabs-and-water",
        "headline": "Taiwan's chipmakers are learning to live with drought",
        "standfirst": (
            "The island's semiconductor industry uses large amounts of water, and dry years are "
            "becoming more frequent. Recycling, new reservoirs and desalination are now part of "
            "the industrial strategy."
        ),
        "authors": ["tan-mei-lin"],
        "regions": ["asia-pacific"],
        "themes": ["technology", "climate"],
        "reports": ["chips-and-sovereignty"],
        "days_ago": 9,
        "hour": 15,
        "newsletter": False,
        "image": {
            "title": "Water and silicon",
            "alt": (
                "Abstract illustration of clear aqua circles overlapping violet shapes on a "
                "light gradient."
            ),
            "caption": (
                "Ultra-pure water is used to rinse wafers at many stages of chip production."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#48cae4", "#6a4c93"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Taiwan produces a large share of the world's most advanced "
                    "semiconductors. Its factories also depend on a resource that the island "
                    "cannot take for granted: fresh water. Although Taiwan receives heavy "
                    "rainfall in most years, its steep rivers carry water quickly to the sea, "
                    "and its reservoirs are relatively small. When the seasonal rains and "
                    "typhoons fail, supplies can fall to critical levels within months.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The island experienced a serious drought a few years ago, when "
                    "reservoirs in the central and southern regions dropped to very low levels. "
                    "Authorities rationed water for farmers and households, and some factories "
                    "brought in water by truck. The episode did not stop chip production, but "
                    "it was a warning that the industry's growth could run into physical "
                    "limits.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Recycling as standard practice</h2><p>Chipmakers use <b>ultra-pure "
                    "water</b> to rinse wafers between production steps. Producing it requires "
                    "large volumes of ordinary water, and the process creates wastewater that "
                    "must be treated. Over the past decade, the largest manufacturers have "
                    "invested heavily in recycling systems that allow much of this water to be "
                    "reused on site.</p><p>Companies now publish water recycling rates in their "
                    "sustainability reports, and the best plants reuse a very high proportion "
                    "of their water. Yet as total production grows, so does total demand. "
                    "Recycling slows the growth of consumption. It does not reverse it.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>New sources</h2><p>The government has responded with a mix of "
                    "infrastructure projects. These include pipelines that connect reservoirs "
                    "across regions, plants that treat municipal wastewater to industrial "
                    "standards, and desalination facilities on the coast. Reclaimed wastewater "
                    "is especially attractive for industry, because it is available even in dry "
                    "years and does not compete directly with drinking water.</p><p>Each option "
                    "has costs. Desalination uses a lot of energy, and Taiwan's grid is already "
                    "under pressure from the same industry. Pipelines require agreement between "
                    "regions that may see water transfers as a loss. The Formosa Water Policy "
                    "Forum has published a <a "
                    'href="https://formosawater.example/options">comparison of options</a> '
                    "that shows how quickly costs rise as easy sources are used up.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A climate question</h2><p>Climate scientists expect rainfall in East "
                    "Asia to become more variable, with more intense storms and longer dry "
                    'spells. The <a href="https://wmo.int/">World Meteorological '
                    "Organization</a> has highlighted the growing risk of compound events, in "
                    "which heat and drought occur together. For an industry that plans "
                    "factories over decades, <i>variability</i> matters as much as averages.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Beyond Taiwan</h2><p>Taiwan's experience has become a reference point "
                    "for other countries seeking chip factories. Sites in Arizona, Japan and "
                    "Europe all face their own water questions. Our report <a "
                    'href="https://meridian.example/reports/chips-and-sovereignty">Chips and '
                    "sovereignty</a> argues that water planning should be treated as part of "
                    "industrial policy from the start, rather than as a problem to solve once a "
                    "factory has been announced.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "sahel-displacement-reaches-the-coast",
        "headline": "Displacement from the Sahel is reaching the coastal states",
        "standfirst": (
            "Violence in Burkina Faso and Mali has pushed families across borders into Ghana, "
            "Togo, Benin and Côte d'Ivoire. Host communities are generous, but the strain is "
            "growing."
        ),
        "authors": ["amara-okafor"],
        "regions": ["africa"],
        "themes": ["migration", "security"],
        "reports": ["sahel-in-transition"],
        "days_ago": 10,
        "hour": 11,
        "newsletter": False,
        "image": {
            "title": "Crossing south",
            "alt": (
                "Abstract illustration of terracotta and soft green shapes drifting across a "
                "warm gradient."
            ),
            "caption": "Many families arrive in border villages with few belongings.",
            "credit": "Photo: Harmattan Images",
            "credit_url": "https://harmattan.example/collections/displacement",
            "colours": ["#c65d3b", "#8fbc8f"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>For years, most people displaced by violence in the central Sahel "
                    "stayed within their own countries. Burkina Faso alone has recorded very "
                    "large numbers of internally displaced people, many of whom moved from "
                    "rural areas to towns. More recently, a growing number of families have "
                    "crossed south into the coastal states of West Africa, where northern "
                    "border regions are now hosting new arrivals.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The movement reflects the spread of violence. Armed groups have "
                    "extended their operations towards the borders of Benin, Togo, Ghana and "
                    "Côte d'Ivoire, and attacks have been reported in the northern parts of "
                    "some of those countries. Families flee not only direct attacks but also "
                    "the collapse of local markets, schools and health services.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Hospitality under pressure</h2><p>In many border villages, new "
                    "arrivals have been welcomed by relatives or by communities who share "
                    "language and history with them. This informal hospitality has done much of "
                    "the work that camps would do elsewhere. But it has limits. Food prices "
                    "rise, water points become crowded, and schools struggle to absorb new "
                    "pupils.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "We share what we have. But this is the third harvest since they came, "
                        "and our granaries were never made for two villages."
                    ),
                    "attribution": (
                        "Adjoa Mensah, a community leader in a northern border district"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h2>The security dilemma</h2><p>Governments in the coastal states face a "
                    "difficult balance. They want to prevent armed groups from establishing "
                    "themselves in their northern regions. Some fear that fighters could hide "
                    "among displaced people. Yet treating refugees as a security threat risks "
                    "alienating the very communities whose cooperation is needed to detect "
                    "armed groups.</p><p>Researchers at the Sahel Governance Observatory have "
                    "warned that <b>profiling</b> of particular ethnic groups, especially "
                    "Fulani herders, could fuel the grievances that armed groups exploit. Their "
                    '<a href="https://sahelobservatory.example/notes/coastal-states">policy '
                    "note</a> recommends investing in local services and registration rather "
                    "than relying primarily on military measures.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    '<h2>International support</h2><p>The <a href="https://www.unhcr.org/">UN '
                    'Refugee Agency</a> and the <a href="https://www.wfp.org/">World Food '
                    "Programme</a> have expanded operations in the region, but funding has not "
                    "kept pace with needs. Donors are also reluctant to support programmes that "
                    "might be seen as encouraging people to settle permanently. As a result, "
                    "aid often arrives as short-term emergency assistance rather than "
                    "investment in water, schools and clinics that would benefit hosts and "
                    "newcomers alike.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What comes next</h2><p>The coastal states have strong institutions "
                    "compared with many of their northern neighbours, and they have managed "
                    "earlier waves of displacement. The question is whether they can "
                    "<i>adapt</i> their approach before tensions rise. Registration of new "
                    "arrivals, support for host communities and cooperation across borders will "
                    "matter more than fences or checkpoints. This article is part of our series "
                    '<a href="https://meridian.example/reports/sahel-in-transition">The Sahel '
                    "in transition</a>.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "what-open-source-investigators-can-prove",
        "headline": "What open-source investigators can and cannot prove",
        "standfirst": (
            "Satellite images, videos and social media posts have transformed how conflicts are "
            "documented. They have also created new ways to get things wrong."
        ),
        "authors": ["johanna-lindqvist", "youssef-haddad"],
        "regions": ["europe", "middle-east"],
        "themes": ["intelligence", "technology"],
        "reports": [],
        "days_ago": 12,
        "hour": 17,
        "newsletter": False,
        "image": {
            "title": "Signals and noise",
            "alt": (
                "Abstract illustration of scattered grey-blue and bright cyan shapes on a dark "
                "charcoal gradient."
            ),
            "caption": (
                "Open-source research combines many small pieces of evidence into a larger picture."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#2b2d42", "#00b4d8"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>A decade ago, documenting events in a war zone usually required "
                    "reporters or investigators on the ground. Today, much of the initial "
                    "evidence comes from the screens of researchers thousands of kilometres "
                    "away. Commercial satellite images, videos filmed on phones, ship-tracking "
                    "data and public records can be combined to establish where and when "
                    "something happened, and sometimes who was responsible.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>This field, known as <b>open-source intelligence</b> or OSINT, has "
                    "become part of the work of newsrooms, human rights organisations, courts "
                    "and governments. It has produced remarkable results. It has also generated "
                    "confident claims that later turned out to be wrong. Understanding its "
                    "strengths and limits is now part of basic media literacy.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What it does well</h2><p>Open-source methods are strongest at "
                    "establishing <i>location and time</i>. Investigators can match the skyline "
                    "in a video to satellite images, use shadows to estimate the hour, and "
                    "compare before-and-after images to show when a building was destroyed. "
                    "These techniques are transparent: other researchers can repeat the steps "
                    "and check the conclusion.</p><p>They are also good at spotting patterns. "
                    "Ship-tracking data can reveal vessels switching off their transponders in "
                    "certain areas. Satellite imagery can show the gradual construction of a "
                    "military facility. Large collections of verified videos allow researchers "
                    "to map the spread of fighting over months.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Where it struggles</h2><p>Open sources are weaker at establishing "
                    "<i>intent</i> and <i>responsibility</i>. A video can show that a building "
                    "was hit, but not always by whom, or what the attackers believed they were "
                    "targeting. Munition fragments may indicate the type of weapon, yet several "
                    "parties may use the same type. In these cases, responsible investigators "
                    "present their findings with clear levels of confidence.</p><p>There is "
                    "also a bias in what gets filmed. Areas with good mobile coverage and "
                    "active social media users are better documented than remote regions. "
                    "Events that happen at night, indoors or away from cities may leave little "
                    "trace. The absence of open-source evidence is not evidence that nothing "
                    "happened.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Good practice</h2><p>The best investigations share some common "
                    "features:</p><ul><li>They publish their methods alongside their "
                    "conclusions, so others can check the work.</li><li>They distinguish "
                    "clearly between what is confirmed, what is likely and what is "
                    "unknown.</li><li>They combine remote analysis with testimony from people "
                    "on the ground where possible.</li><li>They correct errors openly and "
                    "quickly.</li></ul><p>The Berkeley Protocol, developed with the <a "
                    'href="https://www.ohchr.org/">Office of the UN High Commissioner for '
                    "Human Rights</a>, sets out standards for collecting digital evidence that "
                    "can be used in legal proceedings. The Levant Verification Project keeps a "
                    '<a href="https://levantverify.example/handbook">public methods '
                    "handbook</a> that many newsrooms now use in training.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A shared responsibility</h2><p>Governments increasingly cite "
                    "open-source findings in their own statements, and intelligence agencies "
                    "sometimes release imagery to support their claims. This blurs the line "
                    "between independent research and official communication. Readers should "
                    "ask the same questions of any claim, whatever its source: what is the "
                    "evidence, who can check it, and how confident are the people making it?</p>"
                ),
            ),
        ],
    },
    {
        "slug": "amazon-enforcement-and-local-institutions",
        "headline": "Protecting the Amazon depends on small-town institutions",
        "standfirst": (
            "Satellite monitoring can detect illegal clearing within days. Turning those alerts "
            "into fines, court cases and lasting change depends on local officials, prosecutors "
            "and land registries."
        ),
        "authors": ["lucia-ferreira-vidal"],
        "regions": ["latin-america"],
        "themes": ["climate", "democracy"],
        "reports": [],
        "days_ago": 13,
        "hour": 9,
        "newsletter": False,
        "image": {
            "title": "Forest canopy",
            "alt": (
                "Abstract illustration of layered emerald and deep teal shapes on a misty green "
                "gradient."
            ),
            "caption": (
                "Deforestation alerts are generated from satellite images, but enforcement "
                "happens on the ground."
            ),
            "credit": "Photo: Selva Press Collective",
            "credit_url": "https://selvapress.example/amazon",
            "colours": ["#2d6a4f", "#95d5b2"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Brazil has some of the world's most advanced systems for monitoring "
                    "forests. Satellite-based programmes detect new clearing in the Amazon and "
                    "send alerts to environmental agencies, often within days. Rates of "
                    "deforestation have risen and fallen sharply over the past two decades, and "
                    "researchers broadly agree that changes in enforcement explain much of that "
                    "variation.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>But monitoring is only the first step. An alert does not stop a "
                    "chainsaw. What happens next depends on a chain of institutions: inspectors "
                    "who visit the site, agencies that issue fines, prosecutors who bring "
                    "cases, courts that decide them and land registries that record who owns "
                    "what. When any link in that chain is weak, satellite data loses much of "
                    "its value.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The land registry problem</h2><p>A large part of the Amazon consists "
                    "of public land that has not been assigned to any specific use. This land "
                    "is vulnerable to <b>land grabbing</b>, in which forest is cleared and then "
                    "claimed as private property. Registration systems that allow owners to "
                    "declare their own boundaries have sometimes been used to support these "
                    "claims.</p><p>Researchers at the Amazon Land Governance Institute have "
                    'shown in a <a href="https://amazonland.example/registry">detailed '
                    "study</a> that undesignated public forests account for a significant share "
                    "of recent clearing. Assigning these lands to protected areas or Indigenous "
                    "territories, they argue, is one of the most effective ways to reduce "
                    "deforestation.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "The satellite sees everything. The problem is the desk where the alert "
                        "arrives, and whether anyone there has the staff and the backing to act "
                        "on it."
                    ),
                    "attribution": "Mariana Costa, former environmental inspector in Pará",
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Local politics</h2><p>Enforcement also depends on local political "
                    "conditions. In some municipalities, cattle ranching and land speculation "
                    "are central to the economy, and environmental rules are unpopular. "
                    "Inspectors have faced threats and violence. Federal agencies can send "
                    "teams from outside, but lasting change requires support from local "
                    "institutions, including state governments and prosecutors.</p><p>This is "
                    "why some of the most promising programmes focus on municipalities rather "
                    "than on the forest as a whole. Municipalities that reduce deforestation "
                    "can gain access to credit, public investment and markets. Those that fail "
                    "face restrictions. The approach creates local incentives for enforcement "
                    "that do not depend entirely on Brasília.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Markets and finance</h2><p>International buyers of beef, soy and "
                    "timber are under growing pressure to prove that their supply chains are "
                    "free of deforestation. New European rules will require importers to show "
                    "due diligence. Banks have also tightened lending rules in the region. The "
                    '<a href="https://www.unep.org/">UN Environment Programme</a> has '
                    "highlighted traceability of cattle as a particular gap, because animals "
                    "often move between several farms before slaughter.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Democracy and the forest</h2><p>The Amazon is often described as a "
                    "climate issue, and it is. It is also a test of <i>democratic "
                    "governance</i>: whether laws passed in the capital are applied in remote "
                    "places, and whether local officials can resist pressure from powerful "
                    "interests. The health of the forest and the health of institutions are "
                    "closely connected.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "europe-chips-act-midterm-review",
        "headline": "Europe's chip strategy at half time",
        "standfirst": (
            "The European Union set out to double its share of global semiconductor production "
            "by the end of the decade. Progress has been real, but the headline goal looks out "
            "of reach."
        ),
        "authors": ["tan-mei-lin", "johanna-lindqvist"],
        "regions": ["europe"],
        "themes": ["technology", "economy"],
        "reports": ["chips-and-sovereignty"],
        "days_ago": 15,
        "hour": 10,
        "newsletter": False,
        "image": {
            "title": "Halfway there",
            "alt": (
                "Abstract illustration of a blue and gold gradient with overlapping translucent "
                "rectangles."
            ),
            "caption": (
                "New chip plants in Europe have been announced in Germany, France, Italy and "
                "elsewhere."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#003399", "#ffcc00"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>When the European Union adopted its semiconductor strategy, the "
                    "ambition was clear. Europe wanted to raise its share of global chip "
                    "production substantially by the end of the decade, reduce its dependence "
                    "on Asian suppliers and strengthen its position in a strategic industry. "
                    "The plan combined state aid for new factories, funding for research and "
                    "tools to manage future supply crises.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Several years on, the picture is mixed. A number of new plants and "
                    "expansions are under construction, and Europe's research centres remain "
                    "world leaders in some areas. But some of the largest announced projects "
                    "have been delayed or scaled back, and global production has grown so "
                    "quickly that a <b>larger European share</b> would require investment on a "
                    "scale no member state has offered.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What has worked</h2><p>The strategy has been most successful where it "
                    "built on existing strengths. Europe is strong in chips for cars, "
                    "industrial machinery and power electronics, which do not require the most "
                    "advanced manufacturing processes. Investments in these areas have moved "
                    "forward, often supported by national subsidies approved under EU "
                    "rules.</p><p>Research and pilot lines have also received significant "
                    "funding. Europe's advantage in chipmaking equipment, particularly "
                    "lithography, gives it influence over the global industry that production "
                    "figures do not capture.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What has not</h2><p>Attracting the most advanced logic factories has "
                    "proved harder. These plants cost tens of billions of euros each, and their "
                    "operators want long-term customers nearby. Europe has relatively few "
                    "companies that design leading-edge chips in large volumes, so demand for "
                    "local advanced production is limited.</p><p>Subsidy competition has also "
                    "caused tensions within the Union. Larger member states can afford more "
                    "generous support, which smaller members fear could <i>distort</i> the "
                    "single market. The European Court of Auditors has questioned whether the "
                    "original target was realistic. Independent analysts at the Brussels "
                    "Industrial Policy Hub reach a similar conclusion in their <a "
                    'href="https://bruxellesindustry.example/chips-midterm">midterm '
                    "review</a>.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Rethinking the goal</h2><p>Some experts argue that market share is the "
                    "wrong measure. Europe's real aim, they suggest, should be "
                    "<i>resilience</i>: ensuring access to the chips its industries need in a "
                    "crisis, and maintaining enough capability to remain a valued partner in "
                    "global supply chains. That might mean prioritising equipment, materials "
                    "and design skills over trying to match Asian production "
                    "volumes.</p><p>Others warn against lowering ambitions too quickly. "
                    "Semiconductor capacity takes many years to build, and decisions made now "
                    "will shape Europe's position in the 2030s. A second phase of the strategy "
                    "is under discussion, with proposals for a common European fund rather than "
                    "national subsidies.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What to watch</h2><p>The next few years will show whether Europe can "
                    "turn research strength into production, and whether member states can "
                    "coordinate rather than compete. Our report <a "
                    'href="https://meridian.example/reports/chips-and-sovereignty">Chips and '
                    "sovereignty</a> compares Europe's approach with those of Japan, South "
                    "Korea and India.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "iraq-water-stress-tigris-euphrates",
        "headline": "Iraq's water crisis is a security question",
        "standfirst": (
            "Lower river flows, rising temperatures and ageing infrastructure are putting "
            "pressure on farmers in the Tigris and Euphrates basins. The consequences reach "
            "from rural livelihoods to relations with neighbouring states."
        ),
        "authors": ["youssef-haddad"],
        "regions": ["middle-east"],
        "themes": ["climate", "security"],
        "reports": [],
        "days_ago": 16,
        "hour": 12,
        "newsletter": False,
        "image": {
            "title": "Receding rivers",
            "alt": (
                "Abstract illustration of pale blue shapes fading into cracked ochre tones on a "
                "warm gradient."
            ),
            "caption": "The marshes of southern Iraq have shrunk in recent dry years.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#6fa8dc", "#c99a5b"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>The Tigris and Euphrates rivers have sustained agriculture in "
                    "Mesopotamia for thousands of years. Today, Iraq depends on them for most "
                    "of its fresh water. Both rivers rise outside the country, and flows into "
                    "Iraq have declined as upstream states have built dams and irrigation "
                    "schemes, and as the region has become hotter and drier.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The effects are visible across the country. Farmers in the south report "
                    "saltier soil and shorter growing seasons. The marshes of southern Iraq, "
                    "restored after earlier destruction, have shrunk again during dry years. In "
                    "cities, water shortages during summer heatwaves have led to protests about "
                    "public services.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A rural crisis</h2><p>Agriculture employs a significant share of "
                    "Iraq's workforce, especially in rural areas. When water is scarce, the "
                    "government reduces the area that can be planted, and farmers lose income. "
                    "Many move to cities in search of work. Humanitarian agencies, including "
                    'the <a href="https://www.iom.int/">International Organization for '
                    "Migration</a>, have recorded displacement linked to water scarcity in "
                    "several southern governorates.</p><p>This movement can create tension. "
                    "Newcomers compete for jobs and housing in cities where services are "
                    "already stretched. Some tribal disputes over water access have turned "
                    "violent. Analysts increasingly describe water as a <b>threat "
                    "multiplier</b>, one that makes existing problems harder to manage.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Diplomacy upstream</h2><p>Iraq has no comprehensive agreement with its "
                    "upstream neighbours on the sharing of river flows. Negotiations have "
                    "produced occasional understandings, for example on releases during dry "
                    "summers, but no binding long-term framework. Water has been discussed "
                    "alongside trade, energy and security, which gives both sides reasons to "
                    "cooperate but also makes water a bargaining chip.</p><p>Experts from the "
                    "Mesopotamia Water Dialogue, a regional network of engineers and academics, "
                    "argue in a <a "
                    'href="https://mesowater.example/papers/shared-rivers">recent paper</a> '
                    "that data sharing could be a first step. Without agreed measurements of "
                    "flows and reservoir levels, each side tends to blame the other for "
                    "shortages.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Fixing what is at home</h2><p>Not all of the problem lies upstream. A "
                    "large share of Iraq's water is lost through leaking canals, inefficient "
                    "flood irrigation and evaporation from open reservoirs. Modernising "
                    "irrigation, treating wastewater and repairing urban networks could save "
                    "considerable volumes. These measures are expensive and slow, but they are "
                    "within the government's control.</p><p>The <a "
                    'href="https://www.fao.org/">Food and Agriculture Organization</a> has '
                    "supported pilot projects with drip irrigation and salt-tolerant crops. "
                    "Scaling them up would require <i>sustained</i> investment and changes to "
                    "how water is priced, which has been politically difficult.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why it matters beyond Iraq</h2><p>Water stress is growing across the "
                    "Middle East. Iraq's experience shows how climate pressures interact with "
                    "governance, infrastructure and regional politics. Treating water only as "
                    "an environmental issue misses much of the picture. It is also a question "
                    "of livelihoods, stability and, increasingly, of national security.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "us-local-election-offices-under-strain",
        "headline": "America's local election offices are running short of people",
        "standfirst": (
            "Elections in the United States are run by thousands of county and city offices. "
            "Many have lost experienced staff in recent years, and the people replacing them "
            "are learning on the job."
        ),
        "authors": ["lucia-ferreira-vidal", "johanna-lindqvist"],
        "regions": ["usa"],
        "themes": ["democracy"],
        "reports": [],
        "days_ago": 18,
        "hour": 14,
        "newsletter": False,
        "image": {
            "title": "The counting room",
            "alt": (
                "Abstract illustration of navy and soft red rectangles arranged loosely on a "
                "cream gradient."
            ),
            "caption": (
                "Local officials handle everything from voter registration to counting ballots."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#1d3557", "#e63946"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Most countries run national elections through a central election "
                    "commission. The United States does something different. Its elections are "
                    "administered by thousands of local jurisdictions, usually counties or "
                    "towns, under rules set by each state. A county clerk in a rural area may "
                    "be responsible for registering voters, recruiting poll workers, testing "
                    "equipment and counting ballots, often with a very small team.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>This decentralised system has strengths. It is hard to manipulate a "
                    "process spread across so many offices, and local officials know their "
                    "communities. But it also depends heavily on the experience of individual "
                    "administrators. In recent years, many of those administrators have "
                    "left.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why officials are leaving</h2><p>Surveys of election officials point "
                    "to several reasons. Workloads have grown with new rules on mail voting, "
                    "security and audits. Public scrutiny has become intense, and some "
                    "officials have received threats and harassment. Pay in many small "
                    "jurisdictions remains modest. Retirements that would have happened anyway "
                    "have added to the turnover.</p><p>The result is a loss of <b>institutional "
                    "memory</b>. A new clerk may be running their first major election with "
                    "limited training and few colleagues to ask for advice. Mistakes that an "
                    "experienced official would avoid, such as errors in ballot design or "
                    "missed deadlines, become more likely. Small errors, in turn, can feed "
                    "suspicion about the integrity of the process.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "People imagine a fortress with armed guards. Most of the time it is "
                        "two people in a basement office checking signatures until midnight."
                    ),
                    "attribution": (
                        "Teresa Whitfield, former county election director in the Midwest"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Responses</h2><p>States and professional associations have expanded "
                    "training programmes and mentoring networks for new officials. Some states "
                    "have passed laws that make it a crime to threaten election workers or that "
                    "protect their personal information. Federal grants have helped pay for "
                    "security upgrades, although funding has been irregular.</p><p>Non-profit "
                    "groups have also stepped in. The Civic Infrastructure Project, a "
                    "non-partisan organisation, runs an <a "
                    'href="https://civicinfra.example/academy">online academy</a> for new '
                    "administrators and publishes plain-language guides to common tasks. "
                    'Observers from the <a href="https://www.osce.org/">OSCE</a> Office for '
                    "Democratic Institutions and Human Rights have noted in past reports that "
                    "the decentralised system makes consistent standards difficult to "
                    "achieve.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why it matters abroad</h2><p>American elections are watched closely "
                    "around the world, and disputes over results have international "
                    "consequences. The lesson for other democracies is not that the American "
                    "system should be copied or avoided. It is that <i>administration "
                    "matters</i>. Trust in elections depends not only on laws and technology "
                    "but on the ordinary people who make the system work.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What to watch</h2><p>The coming election cycles will test whether "
                    "training and legal protections can stabilise the workforce. Funding will "
                    "be a key factor. Election offices compete with roads, schools and police "
                    "for local budgets, and they rarely win. Predictable long-term funding, "
                    "rather than emergency grants before each election, would allow offices to "
                    "plan, hire and retain staff.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "nigeria-after-the-fuel-subsidy",
        "headline": "Nigeria after the fuel subsidy: who carried the cost?",
        "standfirst": (
            "Removing the petrol subsidy freed up public money but pushed up prices across the "
            "economy. The promised compensation has reached fewer households than the reform "
            "affected."
        ),
        "authors": ["amara-okafor"],
        "regions": ["africa"],
        "themes": ["economy", "energy"],
        "reports": [],
        "days_ago": 20,
        "hour": 8,
        "newsletter": False,
        "image": {
            "title": "The price at the pump",
            "alt": (
                "Abstract illustration of bright green and charcoal shapes overlapping on a "
                "warm orange gradient."
            ),
            "caption": "Transport costs rose quickly after petrol prices were deregulated.",
            "credit": "Photo: Harmattan Images",
            "credit_url": "https://harmattan.example/collections/lagos",
            "colours": ["#008751", "#3c3c3c"],
        },
        "originally_published_at": (
            "https://partner.example/westafrica/nigeria-fuel-subsidy-analysis"
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>For decades, Nigerian governments kept the price of petrol below market "
                    "levels. The subsidy was popular, because cheap fuel kept transport and "
                    "food prices down. It was also enormously expensive, costing a large share "
                    "of federal revenue in some years, and much of the benefit went to "
                    "wealthier households that own cars and generators. Smuggling of cheap fuel "
                    "into neighbouring countries was widespread.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Economists had long called for reform, and the subsidy was finally "
                    "removed. The immediate effect was a sharp rise in pump prices. Combined "
                    "with a large devaluation of the naira, the change pushed inflation to its "
                    "highest level in many years. <i>This article was first published by our "
                    "partner outlet and is republished with permission.</i></p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Where the money went</h2><p>In principle, ending the subsidy freed "
                    "resources for health, education and infrastructure. Federal, state and "
                    "local governments have all received larger allocations from the shared "
                    "revenue account. Whether that money has been spent well is harder to "
                    "establish. Budget transparency varies widely between states, and civil "
                    "society groups have struggled to track how the additional funds are "
                    "used.</p><p>The Abuja Budget Monitor, an independent civic group, has "
                    "published a <a "
                    'href="https://abujabudget.example/subsidy-savings">state-by-state '
                    "tracker</a> comparing allocations with reported spending. It finds large "
                    "differences between states that publish detailed budgets and those that do "
                    "not.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Cash transfers and their limits</h2><p>The government announced cash "
                    "transfers for poor households to soften the impact. The programme relied "
                    "on a <b>national social register</b>, which has been criticised for "
                    "incomplete coverage, especially in cities. Many informal workers, who were "
                    "hit hard by rising transport costs, are not on the register. Payments were "
                    "delayed while the list was reviewed.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "Everyone agrees the subsidy had to go. The question was always whether "
                        "the protection for the poor would arrive before the price rises, and "
                        "it did not."
                    ),
                    "attribution": "Chinedu Eze, economist at a Lagos research institute",
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Energy side effects</h2><p>Higher petrol prices have changed "
                    "behaviour. Some commuters have switched to cheaper transport or reduced "
                    "their travel. Businesses that relied on petrol generators have looked at "
                    "alternatives, including solar systems and compressed natural gas for "
                    "vehicles. The government has promoted gas conversion kits, although their "
                    "spread has been slowed by the limited number of filling "
                    'stations.</p><p>The <a href="https://www.worldbank.org/">World Bank</a> '
                    "has described the reform as an important step towards fiscal stability, "
                    "while stressing the need for effective social protection. That "
                    "combination, reform paired with reliable support, is the lesson other "
                    "countries considering similar changes will study most closely.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What comes next</h2><p>Nigeria has begun refining more petrol "
                    "domestically, which could reduce dependence on imports and stabilise "
                    "supply. Prices, however, are now linked to world markets and the exchange "
                    "rate. For households, the question is no longer whether the subsidy will "
                    "return. It is whether wages and public services will catch up with the "
                    "cost of living.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "pacific-islands-planned-relocation",
        "headline": "In the Pacific, climate migration is being planned rather than feared",
        "standfirst": (
            "Low-lying island states are preparing for the possibility that some communities "
            "will have to move. Their approach emphasises choice, dignity and the right to stay "
            "as long as possible."
        ),
        "authors": ["tan-mei-lin"],
        "regions": ["asia-pacific"],
        "themes": ["climate", "migration"],
        "reports": [],
        "days_ago": 22,
        "hour": 6,
        "newsletter": False,
        "image": {
            "title": "Rising tide",
            "alt": (
                "Abstract illustration of turquoise and deep ocean blue bands over a soft coral "
                "gradient."
            ),
            "caption": "Atoll nations rise only a few metres above sea level.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#00a6a6", "#0b3c5d"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>For the atoll nations of the Pacific, sea-level rise is not a distant "
                    "scenario. Countries such as Tuvalu, Kiribati and the Marshall Islands "
                    "consist of low-lying coral islands, many of which rise only a few metres "
                    "above the ocean. Higher tides, storm surges and saltwater entering "
                    "freshwater lenses already affect homes, crops and drinking water.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>International debate often describes the people of these islands as "
                    "future <i>climate refugees</i>. Many Pacific leaders reject that language. "
                    "They argue that it presents their communities as helpless victims and "
                    "ignores their own efforts to adapt. Instead, they talk about <b>mobility "
                    "with dignity</b>: the right to stay where they are for as long as "
                    "possible, and the right to move safely and on their own terms if they "
                    "must.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Adaptation first</h2><p>Most current work focuses on staying. "
                    "Governments are building sea walls, raising land, protecting freshwater "
                    "and restoring mangroves and coral reefs that reduce wave energy. Some "
                    "projects reclaim land from the lagoon to create higher ground for housing "
                    "and infrastructure. These measures are expensive, and much of the funding "
                    "comes from international climate finance, which Pacific states say is too "
                    "slow and too complex to access.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Planned relocation</h2><p>Some communities have already moved, usually "
                    "over short distances, for example from a coastal village to higher land on "
                    "a larger island. Fiji has developed national guidelines for planned "
                    "relocation, which set out how communities should be consulted, how land "
                    "should be identified and how cultural sites should be respected. The "
                    "guidelines are often cited as a model for other countries.</p><p>Research "
                    "by the Pacific Mobility Forum, a network of regional universities, has "
                    "drawn lessons from these moves. Its <a "
                    'href="https://pacificmobility.example/relocation">case studies</a> show '
                    "that relocations work best when communities lead the process and when new "
                    "sites offer access to livelihoods, not only safer housing.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Migration pathways</h2><p>Some countries have created new legal "
                    "routes. Australia and Tuvalu have agreed a treaty that includes a small "
                    "annual number of visas allowing Tuvaluans to live, work and study in "
                    "Australia. New Zealand has long-standing programmes for Pacific migrants. "
                    "These pathways are not labelled as climate migration, but they give people "
                    "options that do not depend on waiting for a disaster.</p><p>The <a "
                    'href="https://www.iom.int/">International Organization for Migration</a> '
                    "and the Pacific Islands Forum have worked on a regional framework on "
                    "climate mobility, adopted by leaders in recent years. It commits states to "
                    "protect the rights of people who move and to support those who stay.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Sovereignty and identity</h2><p>Behind these practical questions lies "
                    "a deeper one. What happens to a nation if its territory becomes "
                    "uninhabitable? Pacific states have pushed for recognition that their "
                    "statehood and maritime boundaries should continue regardless of physical "
                    "changes caused by sea-level rise. Several regional declarations now "
                    "support that position. For island communities, climate policy is also "
                    "about preserving culture, language and a sense of home.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "lebanon-remittances-hold-economy-together",
        "headline": "Remittances are holding Lebanon's economy together",
        "standfirst": (
            "Years after the collapse of its banking system, Lebanon runs largely on cash sent "
            "home by workers abroad. The money keeps families afloat but cannot replace a "
            "functioning financial system."
        ),
        "authors": ["youssef-haddad"],
        "regions": ["middle-east"],
        "themes": ["economy", "migration"],
        "reports": [],
        "days_ago": 24,
        "hour": 11,
        "newsletter": False,
        "image": {
            "title": "Money from abroad",
            "alt": (
                "Abstract illustration of cedar green and soft gold shapes on a pale stone "
                "gradient."
            ),
            "caption": "Money transfer offices have replaced banks for many Lebanese families.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#00704a", "#d8b65c"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Lebanon's financial crisis began with the collapse of a banking system "
                    "that had attracted deposits with high interest rates for years. When the "
                    "system could no longer pay, banks restricted withdrawals, the currency "
                    "lost most of its value, and savers found that their deposits were "
                    "effectively frozen. Years later, there has still been no comprehensive "
                    "plan to restructure the banks or to decide how losses should be shared.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In the meantime, the country has adapted. Much of the economy now runs "
                    "on cash, often in US dollars. And a large part of that cash comes from "
                    "abroad, sent by the many Lebanese who live and work in the Gulf, Europe, "
                    "Africa and the Americas.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A lifeline measured in dollars</h2><p>Remittances to Lebanon are "
                    "<b>among the largest in the world</b> relative to the size of its economy, "
                    'according to <a href="https://www.worldbank.org/">World Bank</a> '
                    "estimates. For many households, money from a relative abroad pays for "
                    "food, school fees, medicines and generator subscriptions. Transfers have "
                    "continued through every stage of the crisis, even as other sources of "
                    "foreign currency dried up.</p><p>Because banks are distrusted, most "
                    "transfers now go through money transfer companies or are carried in cash "
                    "by travellers. This keeps money out of the frozen banking system, but it "
                    "also makes the economy harder to monitor and increases the risk of money "
                    "laundering. The country's placement on international watch lists for "
                    "financial crime has added to the difficulties.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "My brother in Abu Dhabi is our bank now. Every month, we wait for his "
                        "message that the money has been sent."
                    ),
                    "attribution": "Rania Khoury, a teacher in Tripoli",
                },
            ),
            (
                "paragraph",
                (
                    "<h2>The emigration cycle</h2><p>Remittances depend on emigration, and the "
                    "crisis has accelerated it. Doctors, nurses, engineers and teachers have "
                    "left in large numbers. Their departure supports families at home but "
                    "weakens the institutions that a recovery would need. Hospitals have "
                    "struggled to keep specialist staff, and universities have lost faculty to "
                    "institutions abroad.</p><p>Researchers at the Beirut Economic Observatory "
                    "estimate in a <a "
                    'href="https://beirutobservatory.example/remittances">recent report</a> '
                    "that <i>skilled emigration</i> has reached levels not seen since the civil "
                    "war. They note that many emigrants keep strong ties with Lebanon and could "
                    "return if conditions improved, but that such a return would require a "
                    "credible economic plan.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What recovery would require</h2><p>Economists broadly agree on the "
                    "main steps: restructuring the banking sector, unifying exchange rates, "
                    "reforming public finances and restoring trust through independent "
                    "institutions. An agreement with the <a "
                    'href="https://www.imf.org/">International Monetary Fund</a> has been '
                    "discussed for years but has stalled over the required reforms, "
                    "particularly on how to treat depositors' losses.</p><p>Remittances can "
                    "keep a society going through a crisis. They cannot finance public "
                    "infrastructure, rebuild credit for businesses or restore savings. Until "
                    "the banking system is fixed, Lebanon's economy will remain in a state of "
                    "suspended animation, sustained by the generosity of those who left.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "ukraine-defence-industry-joint-ventures",
        "headline": "Ukraine's defence industry is rebuilding with European partners",
        "standfirst": (
            "Joint ventures between Ukrainian and European arms makers are moving production "
            "closer to the front. They raise questions about financing, security and long-term "
            "industrial strategy."
        ),
        "authors": ["johanna-lindqvist"],
        "regions": ["europe"],
        "themes": ["security", "economy"],
        "reports": ["ukraine-reconstruction"],
        "days_ago": 26,
        "hour": 13,
        "newsletter": False,
        "image": {
            "title": "Industry under pressure",
            "alt": (
                "Abstract illustration of steel grey and deep blue angular shapes on a muted "
                "yellow gradient."
            ),
            "caption": (
                "Ukrainian manufacturers have expanded production of drones, shells and "
                "armoured vehicles."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#4a5568", "#f6c85f"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Before the full-scale invasion, Ukraine's defence industry was largely "
                    "state-owned and focused on maintaining Soviet-era equipment. Since then, "
                    "it has changed rapidly. Hundreds of private companies now produce drones, "
                    "electronic warfare systems and software, while state enterprises have "
                    "expanded production of ammunition and armoured vehicles. Reconstruction, "
                    "in this sector, is happening in real time.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Increasingly, Ukrainian firms are working with European partners. Joint "
                    "ventures allow European companies to produce their equipment in Ukraine, "
                    "close to the users, and give Ukrainian firms access to technology, capital "
                    "and export markets. Several governments have created financing schemes to "
                    "support such partnerships.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why produce in Ukraine?</h2><p>The main argument is speed. Equipment "
                    "made in Ukraine can reach the front line quickly, and repairs can be "
                    "carried out without long journeys to Western workshops. Ukrainian "
                    "engineers also bring battlefield experience that European firms lack. "
                    "Production costs are lower, and Ukraine has <b>spare industrial "
                    "capacity</b> that is limited mainly by financing rather than by skilled "
                    "labour.</p><p>A model promoted by some European governments involves "
                    "paying Ukrainian manufacturers directly to produce equipment for Ukraine's "
                    "armed forces. This approach uses donor money to buy output from Ukrainian "
                    "factories rather than shipping equipment from abroad.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The risks</h2><p>Producing weapons in a country under attack is "
                    "dangerous. Factories are targets, and companies have responded by "
                    "dispersing production across many small sites and moving some work "
                    "underground. Insurance for foreign investors is limited, although "
                    "development institutions have started to offer political risk "
                    "cover.</p><p>There are also concerns about oversight. Rapid growth and "
                    "large flows of money increase the risk of corruption. Ukraine has "
                    "strengthened its anti-corruption institutions in recent years, and defence "
                    "procurement has come under closer scrutiny. Partners are paying attention "
                    "to <i>transparency</i> as a condition for continued support.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Europe's own industrial interest</h2><p>For Europe, the partnerships "
                    "are also about its own defence industry. Years of low investment left "
                    "European producers unable to increase output quickly. Working with Ukraine "
                    "gives them access to a fast-moving industrial base and to lessons learned "
                    "in combat. The European Union's defence industrial strategy now explicitly "
                    "includes cooperation with Ukraine.</p><p>Analysts at the Nordic Defence "
                    "Industry Review have <a "
                    'href="https://nordicdefence.example/ukraine-jv">mapped announced joint '
                    "ventures</a> and note that most are in drones, ammunition and vehicle "
                    "maintenance. Fewer involve complex systems that would require long-term "
                    'technology transfer. <a href="https://www.nato.int/">NATO</a> has also '
                    "established structures to coordinate assistance and training.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The long view</h2><p>What happens after the war will shape the value "
                    "of these partnerships. A strong Ukrainian defence industry could become "
                    "part of Europe's security architecture and a significant employer in the "
                    "country's post-war economy. It could also face overcapacity if demand "
                    "falls. Decisions being made now, about ownership, intellectual property "
                    "and export rules, will determine which outcome is more likely.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "sahel-election-timetables-slip",
        "headline": "The Sahel's transition timetables keep slipping",
        "standfirst": (
            "Military governments in the region promised to return power to civilians. "
            "Deadlines have been extended, new charters adopted and elections postponed, "
            "leaving the nature of these transitions increasingly unclear."
        ),
        "authors": ["amara-okafor"],
        "regions": ["africa"],
        "themes": ["democracy"],
        "reports": ["sahel-in-transition"],
        "days_ago": 29,
        "hour": 10,
        "newsletter": False,
        "image": {
            "title": "Moving deadlines",
            "alt": (
                "Abstract illustration of shifting sand-coloured and dusty violet shapes on a "
                "soft gradient."
            ),
            "caption": "Transition charters in the Sahel have been revised several times.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#e0c097", "#7b5e7b"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>When soldiers took power in Mali, Burkina Faso and Niger, each new "
                    "government presented itself as a temporary arrangement. Transition "
                    "charters set out timetables for new constitutions, elections and a return "
                    "to civilian rule. Regional organisations negotiated over the length of "
                    "these transitions, and sanctions were imposed partly to enforce them.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Those timetables have repeatedly changed. In several cases, national "
                    "consultations organised by the governments themselves recommended "
                    "extending the transition by several years. Elections that were due have "
                    "been postponed, often citing insecurity. Political parties have been "
                    "suspended or dissolved in some countries. The word <i>transition</i> "
                    "increasingly describes a destination that keeps moving.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>How extensions happen</h2><p>The process usually follows a similar "
                    "pattern. The government convenes a national dialogue or assembly, with "
                    "participants drawn from civil society, religious groups, the military and "
                    "selected political figures. The assembly adopts recommendations, including "
                    "a new timetable, which the government then implements through a revised "
                    "charter. Each step follows a procedure, which allows officials to present "
                    "the outcome as a <b>popular mandate</b>.</p><p>Critics point out that the "
                    "participants are largely chosen by the government, and that independent "
                    "parties and media have limited space to take part. Researchers at the "
                    "Sahel Governance Observatory have compared charters across the region in "
                    'an <a href="https://sahelobservatory.example/charters">annotated '
                    "table</a>, showing how provisions on elections and eligibility have "
                    "changed over time.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Security as justification</h2><p>The argument for delay is that "
                    "elections cannot be held while large parts of the country are insecure. "
                    "There is some substance to this concern. Voter registration, polling and "
                    "the transport of ballots are difficult in areas where armed groups "
                    "operate, and an election that excludes large rural regions would have "
                    "limited legitimacy.</p><p>Yet insecurity has also persisted under military "
                    "rule, and some observers worry that it has become a permanent reason for "
                    "postponement. Without a clear plan to make elections possible, such as "
                    "local polls in secure areas first, the security argument can justify "
                    "almost any delay.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Regional responses</h2><p>Regional organisations have found their "
                    "influence reduced. After the three Sahelian states announced their "
                    'withdrawal from <a href="https://www.ecowas.int/">ECOWAS</a>, the bloc '
                    'lost its main tools for pressure. The <a href="https://au.int/">African '
                    "Union</a> maintains its policy of suspending governments that come to "
                    "power through coups, but it has limited means to enforce transitions.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What citizens want</h2><p>Opinion surveys in the region suggest that "
                    "many people support the military governments while also expressing a "
                    "preference for democracy in principle. This is not necessarily a "
                    "contradiction. It reflects disappointment with the elected governments "
                    "that came before and a hope that order will come first. Whether that "
                    "patience lasts will depend on what the transitions deliver, in security, "
                    "in services and in a credible path back to elected government. This "
                    "article is part of <a "
                    'href="https://meridian.example/reports/sahel-in-transition">The Sahel in '
                    "transition</a>.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "mexico-nearshoring-needs-power",
        "headline": "Mexico's nearshoring boom needs more electricity than it has",
        "standfirst": (
            "Manufacturers moving production closer to the United States have chosen northern "
            "Mexico in large numbers. Power lines, water and permits are now the limiting "
            "factors."
        ),
        "authors": ["lucia-ferreira-vidal"],
        "regions": ["latin-america", "usa"],
        "themes": ["economy", "energy"],
        "reports": [],
        "days_ago": 31,
        "hour": 9,
        "newsletter": False,
        "image": {
            "title": "Factories and power lines",
            "alt": (
                "Abstract illustration of bright orange and slate blue shapes overlapping on a "
                "dusty desert gradient."
            ),
            "caption": (
                "Industrial parks in northern Mexico have expanded rapidly in recent years."
            ),
            "credit": "Photo: Norte Imagen",
            "credit_url": "https://norteimagen.example/industria",
            "colours": ["#f77f00", "#3d5a80"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Companies that once relied on factories in Asia to supply the North "
                    "American market have been looking for alternatives closer to home. Mexico, "
                    "with its long border with the United States, an existing manufacturing "
                    "base and a regional trade agreement, has been one of the main "
                    "beneficiaries. Industrial parks in states such as Nuevo León, Coahuila and "
                    "Chihuahua have reported high occupancy and strong demand for new space.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>This trend, known as <b>nearshoring</b>, has been hailed as a historic "
                    "opportunity. But as investment has arrived, a less glamorous question has "
                    "moved to the centre of the debate: is there enough electricity to run the "
                    "new factories?</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The grid gap</h2><p>Mexico's electricity demand has grown faster than "
                    "its transmission network. Industrial parks in the north report waiting "
                    "times for new grid connections, and some companies have installed their "
                    "own generation to avoid delays. Business associations have warned that the "
                    "lack of transmission capacity could lead investors to choose other "
                    "locations.</p><p>The problem is partly one of policy. In recent years, the "
                    "government gave priority to the state electricity company and slowed the "
                    "approval of private renewable projects. Officials argue that this protects "
                    "national energy sovereignty. Critics say it has discouraged investment at "
                    "the moment it was most needed. A new framework for private participation "
                    "has been announced, and investors are watching how it is applied.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Water and cities</h2><p>Northern Mexico is also dry. Monterrey, the "
                    "largest industrial city in the region, experienced severe water shortages "
                    "during a recent drought, when some neighbourhoods went without running "
                    "water for long periods. New factories need water for cooling and "
                    "processing, and their workers need housing and services.</p><p>Researchers "
                    "at the Northern Urban Futures Lab argue in a <a "
                    'href="https://northernurban.example/nearshoring-water">recent study</a> '
                    "that industrial expansion should be tied to investment in water recycling "
                    "and urban infrastructure. Without it, they warn, the benefits of "
                    "nearshoring could be offset by <i>tensions</i> over basic services.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The American side</h2><p>Nearshoring is shaped by decisions in "
                    "Washington as well as in Mexico City. American tariffs and rules of origin "
                    "influence where companies locate production and which components they can "
                    "source from outside North America. The regional trade agreement is due for "
                    "a joint review, and uncertainty about its future terms has led some "
                    'investors to wait. The <a href="https://www.wto.org/">World Trade '
                    "Organization</a> has noted a broader shift towards regional supply chains "
                    "in its trade reports.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What it means</h2><p>Mexico has advantages that few competitors can "
                    "match, including geography, a skilled manufacturing workforce and "
                    "established supplier networks. The constraints it faces are largely within "
                    "its control: grid investment, water management and regulatory clarity. "
                    "Addressing them would require cooperation between federal and state "
                    "governments, the state electricity company and private investors. If that "
                    "cooperation happens, nearshoring could deliver lasting growth. If not, the "
                    "opportunity may prove smaller than the headlines suggested.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "indian-ocean-undersea-cables",
        "headline": "The Indian Ocean's undersea cables are a new strategic frontier",
        "standfirst": (
            "New data cables are linking East Africa, the Gulf and South Asia. Their routes, "
            "owners and repair ships have become questions of national security."
        ),
        "authors": ["tan-mei-lin", "amara-okafor"],
        "regions": ["asia-pacific", "africa"],
        "themes": ["technology", "security", "intelligence"],
        "reports": [],
        "days_ago": 34,
        "hour": 15,
        "newsletter": False,
        "image": {
            "title": "Lines beneath the sea",
            "alt": (
                "Abstract illustration of thin glowing cyan lines crossing a deep indigo gradient."
            ),
            "caption": (
                "Undersea cables carry the vast majority of international internet traffic."
            ),
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#00c2d1", "#1b1f3b"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Almost all international internet traffic travels through cables on the "
                    "seabed. They are thinner than a garden hose, run for thousands of "
                    "kilometres and connect countries in ways most users never think about. In "
                    "the Indian Ocean, a wave of new cable projects is connecting East Africa, "
                    "the Arabian Peninsula, South Asia and Southeast Asia, bringing faster and "
                    "cheaper connections to hundreds of millions of people.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>These cables have also become part of geopolitical competition. "
                    "Governments are paying closer attention to who builds them, who owns them, "
                    "where they land and who repairs them when they break.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Why cables matter</h2><p>For many African and South Asian countries, "
                    "new cables have dramatically increased available bandwidth and reduced "
                    "prices. Coastal states compete to become <b>landing points</b>, because "
                    "the arrival of a cable brings data centres, jobs and influence. Landlocked "
                    "countries depend on their neighbours for access, which makes overland "
                    "routes and political relations important.</p><p>Cables are also "
                    "vulnerable. Most breaks are caused by ships' anchors or fishing equipment, "
                    "not sabotage. But when several cables run close together, a single "
                    "incident can disrupt traffic across a whole region. Recent cable cuts in "
                    "the Red Sea, which affected traffic between Europe, Asia and East Africa, "
                    "showed how exposed the system can be.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "There are only a handful of repair ships for an entire ocean. When two "
                        "cables break in the same month, countries find out how long they can "
                        "manage on a backup route."
                    ),
                    "attribution": (
                        "Farah Siddiqui, network engineer at a regional internet exchange"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h2>Security and surveillance</h2><p>Security services have long been "
                    "interested in cables because of the data they carry. Some governments "
                    "worry that cables built or maintained by companies from rival states could "
                    "be used for surveillance, or cut during a crisis. Others see such concerns "
                    "as a pretext for excluding competitors. The debate has led to parallel "
                    "cable projects backed by different groups of countries and "
                    "companies.</p><p>The practical risk of tapping a modern fibre-optic cable "
                    "on the seabed is debated among experts, and most traffic is encrypted. "
                    "Landing stations on shore, where cables connect to national networks, are "
                    "generally considered more sensitive. The <a "
                    'href="https://www.itu.int/">International Telecommunication Union</a> '
                    "has encouraged states to treat cable infrastructure as critical and to "
                    "protect it accordingly.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Repair and resilience</h2><p>The global fleet of cable repair ships is "
                    "small and ageing, and many vessels are committed to maintenance agreements "
                    "in particular regions. Delays in repairs can leave countries relying on "
                    "slower backup routes for weeks. The Indian Ocean Connectivity Forum has <a "
                    'href="https://iocf.example/map">mapped cable routes and repair '
                    "arrangements</a> and argues that regional repair agreements and more "
                    "diverse routes would do more for resilience than any security rule.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What to watch</h2><p>Countries in the region are beginning to write "
                    "cable strategies of their own. Key questions include how to attract "
                    "diverse cable routes, how to protect landing stations and how to ensure "
                    "<i>repair capacity</i> in a crisis. For smaller states, the goal is not to "
                    "choose a side but to avoid depending on a single cable, operator or "
                    "partner.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "europe-asylum-pact-implementation",
        "headline": "Europe's asylum pact moves from negotiation to implementation",
        "standfirst": (
            "After years of deadlock, the European Union agreed new rules for handling asylum "
            "claims. Putting them into practice will test administrations, courts and "
            "solidarity between member states."
        ),
        "authors": ["johanna-lindqvist", "lucia-ferreira-vidal"],
        "regions": ["europe"],
        "themes": ["migration", "democracy"],
        "reports": [],
        "days_ago": 38,
        "hour": 12,
        "newsletter": False,
        "image": {
            "title": "Rules and borders",
            "alt": (
                "Abstract illustration of overlapping blue and warm grey circles on a pale "
                "gradient."
            ),
            "caption": "The new rules include faster procedures at the EU's external borders.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#2a4d8f", "#b0a8a0"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>For almost a decade, European governments argued about how to share "
                    "responsibility for asylum seekers. The system in place made the country of "
                    "first arrival responsible for most claims, which placed heavy pressure on "
                    "southern and eastern border states. Attempts to create a fairer system "
                    "repeatedly failed. Eventually, the Union agreed a package of laws known as "
                    "the <b>Pact on Migration and Asylum</b>.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The pact is now moving into implementation. Member states must adapt "
                    "their laws, build new facilities and train staff. The coming period will "
                    "show whether a compromise reached in Brussels can work at the borders.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What changes</h2><p>The main elements include:</p><ul><li>A screening "
                    "procedure at external borders, with identity, health and security "
                    "checks.</li><li>Faster border procedures for applicants from countries "
                    "with low recognition rates.</li><li>A system of solidarity in which member "
                    "states can accept relocated applicants, pay financial contributions or "
                    "provide other support.</li><li>Common databases that record more "
                    "information about arrivals.</li></ul><p>Supporters say the package creates "
                    "clearer rules and gives border states the support they have long "
                    "requested. Human rights organisations have raised concerns that faster "
                    "procedures could lead to <i>detention</i> at borders and reduce the "
                    "quality of decisions.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The administrative challenge</h2><p>Asylum procedures depend on "
                    "trained caseworkers, interpreters, legal advisers and judges. Many member "
                    "states already face backlogs. Border procedures require facilities that "
                    "meet legal standards for accommodation and access to legal aid. Building "
                    "that capacity in a short time is a substantial task, especially for "
                    "countries that receive large numbers of arrivals.</p><p>The European Union "
                    "Agency for Asylum supports national administrations with training and "
                    "staff. Independent analysts at the Mediterranean Migration Policy Unit "
                    'have examined <a href="https://medmigration.example/pact-plans">national '
                    "implementation plans</a> and found large differences in readiness between "
                    "countries.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Solidarity in practice</h2><p>The solidarity mechanism is the most "
                    "politically sensitive part of the pact. It allows governments that do not "
                    "want to accept relocated applicants to contribute in other ways. Whether "
                    "enough countries will make meaningful contributions remains uncertain. "
                    "Some governments have said they will not participate at all.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Courts and rights</h2><p>Implementation will also be shaped by courts. "
                    "National courts and the European courts will be asked to rule on detention "
                    "conditions, the application of border procedures and the treatment of "
                    "vulnerable people such as children. The <a "
                    'href="https://www.unhcr.org/">UN Refugee Agency</a> and the <a '
                    'href="https://www.coe.int/">Council of Europe</a> have both called for '
                    "close monitoring of fundamental rights.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A democratic test</h2><p>Migration has shaped European elections for "
                    "years, often in ways that reward simple promises. The pact is a complex "
                    "compromise that will not satisfy those who want either much stricter or "
                    "much more open policies. Its success may depend less on its legal text "
                    "than on whether governments can show that the system is orderly, fair and "
                    "workable. That is a test of administration, and of democratic trust.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "gulf-ai-data-centres",
        "headline": "The Gulf wants to become a hub for AI computing",
        "standfirst": (
            "Abundant energy and sovereign wealth are drawing large data centre projects to the "
            "Gulf. Access to advanced chips and cooling in extreme heat are the main "
            "constraints."
        ),
        "authors": ["youssef-haddad", "tan-mei-lin"],
        "regions": ["middle-east"],
        "themes": ["technology", "energy"],
        "reports": ["chips-and-sovereignty"],
        "days_ago": 42,
        "hour": 16,
        "newsletter": False,
        "image": {
            "title": "Computing in the desert",
            "alt": (
                "Abstract illustration of glowing violet rectangles over a hot amber gradient."
            ),
            "caption": "Data centres require large amounts of electricity and cooling.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#7b2cbf", "#ffb703"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>Training and running large artificial intelligence models requires huge "
                    "amounts of computing power. That power lives in data centres filled with "
                    "specialised chips, and those data centres need electricity, cooling and "
                    "connectivity. Several Gulf states believe they have a natural advantage in "
                    "this new industry, and they are investing accordingly.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The logic is straightforward. Gulf governments have access to <b>cheap "
                    "energy</b>, both from natural gas and from some of the world's lowest-cost "
                    "solar power. They have sovereign wealth funds able to finance large "
                    "projects. And they want to diversify their economies away from "
                    "hydrocarbons. Hosting computing capacity for regional and international "
                    "customers fits that strategy.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>The chip question</h2><p>The most advanced AI chips are subject to "
                    "American export controls, and sales to many countries require licences. "
                    "Gulf states have negotiated access through partnerships with American "
                    "technology companies, often accompanied by commitments on security and on "
                    "limiting ties with strategic rivals. These arrangements have allowed "
                    "projects to move forward, but they place the industry's growth partly in "
                    "the hands of decisions made in Washington.</p><p>This dependence is a "
                    "central theme of our report <a "
                    'href="https://meridian.example/reports/chips-and-sovereignty">Chips and '
                    "sovereignty</a>. Countries can build data centres and train engineers. "
                    "Without access to advanced chips, however, their ambitions in AI computing "
                    "remain limited.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Cooling in extreme heat</h2><p>Summer temperatures in the Gulf "
                    "regularly exceed 45 degrees Celsius. Traditional air cooling becomes "
                    "inefficient in such conditions, and water for evaporative cooling is "
                    "scarce. Operators are turning to liquid cooling systems, which circulate "
                    "fluid directly to the chips, and to designs that use cooler night-time "
                    "air.</p><p>The Gulf Energy Transition Forum estimates in a <a "
                    'href="https://gulfenergyforum.example/datacentre-cooling">technical '
                    "note</a> that cooling can account for a large share of a data centre's "
                    "energy use in the region. Reducing that share is essential if projects are "
                    "to be both profitable and compatible with climate commitments.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Energy and emissions</h2><p>If data centres are powered by gas, their "
                    "emissions will be substantial. If they are powered by solar, they need "
                    "storage or backup for the hours when the sun is down. Several projects "
                    "plan to combine dedicated solar plants with batteries and grid supply. The "
                    '<a href="https://www.iea.org/">International Energy Agency</a> has '
                    "highlighted the growing electricity demand of data centres worldwide as a "
                    "new factor in energy planning.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What to watch</h2><p>The Gulf's bid for AI computing will depend on "
                    "three things: continued access to advanced chips, the ability to build "
                    "reliable and efficient infrastructure in a harsh climate, and the "
                    "development of local talent. <i>Success is possible</i>, but it would be a "
                    "very different kind of industry from oil and gas, one that relies on "
                    "international partners for its most critical input.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "commercial-satellites-and-intelligence-sharing",
        "headline": "Commercial satellites have changed how governments share intelligence",
        "standfirst": (
            "High-resolution imagery that once belonged only to spy agencies is now sold by "
            "private companies. Governments use it to share evidence publicly without revealing "
            "their own sources."
        ),
        "authors": ["youssef-haddad", "johanna-lindqvist"],
        "regions": ["usa"],
        "themes": ["intelligence", "technology"],
        "reports": [],
        "days_ago": 47,
        "hour": 10,
        "newsletter": False,
        "image": {
            "title": "Eyes in orbit",
            "alt": (
                "Abstract illustration of small bright white circles scattered over a midnight "
                "blue gradient."
            ),
            "caption": "Hundreds of commercial imaging satellites now orbit the Earth.",
            "credit": "Photo: Orbital Frame",
            "credit_url": "https://orbitalframe.example/gallery",
            "colours": ["#0d1b2a", "#e0e1dd"],
        },
        "originally_published_at": "",
        "body": [
            (
                "paragraph",
                (
                    "<p>For most of the Cold War, detailed satellite images were among the most "
                    "closely guarded secrets of a few governments. Today, private companies "
                    "operate fleets of imaging satellites and sell their pictures to "
                    "governments, businesses, researchers and newsrooms. Some can capture "
                    "objects less than a metre across. Others revisit the same location several "
                    "times a day, or use radar to see through clouds and darkness.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>This commercial market has changed the way intelligence is used in "
                    "public. Governments, especially in the United States, now regularly "
                    "release or point to commercial imagery when they want to make a case, for "
                    "example about military deployments ahead of a conflict. Because the images "
                    "come from private companies, they can be shared without revealing the "
                    "capabilities of classified systems.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>A new kind of disclosure</h2><p>Intelligence agencies traditionally "
                    "protected their sources by saying very little. The use of commercial "
                    "imagery allows a different approach, sometimes called <b>strategic "
                    "disclosure</b>. By making evidence public, governments hope to shape the "
                    "narrative before an event, warn allies, and make it harder for adversaries "
                    "to deny what they are doing.</p><p>The approach has been effective in some "
                    "cases. Independent researchers and journalists can examine the same images "
                    "and reach their own conclusions, which adds credibility. But disclosure "
                    "also has limits. Images can show equipment and construction, but not "
                    "always intentions, and releasing evidence does not by itself change an "
                    "adversary's behaviour.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Governments as customers</h2><p>Intelligence agencies are among the "
                    "largest customers of commercial imagery providers. Contracts provide "
                    "companies with stable revenue, and agencies gain access to large volumes "
                    "of imagery at lower cost than building their own satellites. This "
                    "relationship raises questions about independence. Governments can, in some "
                    "circumstances, restrict what companies sell or publish, and companies may "
                    "be reluctant to upset their most important clients.</p><p>Researchers at "
                    "the Transatlantic Space Policy Institute discuss these tensions in a <a "
                    'href="https://transatlanticspace.example/papers/commercial-imagery">recent '
                    "paper</a>, noting that licensing rules in different countries give "
                    "governments varying degrees of control over commercial operators.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Risks and responsibilities</h2><p>Widely available imagery can also be "
                    "misused. Detailed pictures of critical infrastructure or military "
                    "positions can help those planning attacks. Some companies have delayed or "
                    "restricted imagery of active conflict zones for this reason. Humanitarian "
                    "organisations, meanwhile, rely on satellite data to assess damage and plan "
                    "aid, and the UN Satellite Centre, part of <a "
                    'href="https://www.unitar.org/">UNITAR</a>, supports agencies with '
                    "analysis after disasters and conflicts.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What comes next</h2><p>The market continues to grow, with new "
                    "companies offering higher resolution, faster revisits and analysis powered "
                    "by machine learning. This will make it even harder for any state to hide "
                    "large-scale activity. It will also put more <i>responsibility</i> on "
                    "companies, newsrooms and researchers to handle sensitive information "
                    "carefully. The age of secret images is not over, but it now coexists with "
                    "a very public one.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "chile-copper-and-the-energy-transition",
        "headline": "Chile's copper is central to the energy transition, and to its own",
        "standfirst": (
            "Electric grids, cars and wind turbines all need copper, and Chile is the world's "
            "largest producer. The country is trying to use that position to clean up its own "
            "mining and energy system."
        ),
        "authors": ["lucia-ferreira-vidal"],
        "regions": ["latin-america"],
        "themes": ["energy", "climate", "economy"],
        "reports": [],
        "days_ago": 55,
        "hour": 11,
        "newsletter": False,
        "image": {
            "title": "Copper and sun",
            "alt": (
                "Abstract illustration of copper-orange and bright yellow shapes over a desert "
                "brown gradient."
            ),
            "caption": "Many of Chile's largest copper mines are in the Atacama Desert.",
            "credit": "Illustration: The Meridian Review",
            "credit_url": "",
            "colours": ["#b87333", "#ffd166"],
        },
        "originally_published_at": "https://partner.example/andes/chile-copper-transition",
        "body": [
            (
                "paragraph",
                (
                    "<p>Copper conducts electricity better than almost any affordable metal, "
                    "which makes it essential for power lines, electric motors, batteries and "
                    "renewable energy installations. As countries build cleaner energy systems, "
                    "demand for copper is expected to grow significantly. Chile, which produces "
                    "more copper than any other country, stands at the centre of this shift. "
                    "<i>This article was first published by our partner outlet and is "
                    "republished with permission.</i></p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Chile's mines, many of them high in the Atacama Desert, have long been "
                    "a pillar of its economy and public finances. They also consume large "
                    "amounts of energy and water, and they have left environmental legacies "
                    "that communities still live with. The energy transition is pushing the "
                    "industry to change how it operates.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Cleaner power for mining</h2><p>Northern Chile has some of the "
                    "strongest sunlight in the world. Over the past decade, solar and wind "
                    "farms have expanded rapidly, and mining companies have signed contracts to "
                    "buy renewable electricity. Some mines now claim that most of their power "
                    "comes from renewable sources. The closure of several coal-fired power "
                    "plants has been part of a national plan to phase out coal.</p><p>The "
                    "challenge is the grid. Solar power is abundant during the day but must be "
                    "stored or replaced at night. Transmission lines between the sunny north "
                    "and the populated centre are congested, and renewable generators are "
                    "sometimes forced to switch off because the power cannot be transported. "
                    "Investment in <b>storage and transmission</b> has become a national "
                    "priority.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Water from the sea</h2><p>Mining in the Atacama has long drawn on "
                    "scarce groundwater, with effects on wetlands, farming and Indigenous "
                    "communities. Many large mines are now shifting to desalinated seawater, "
                    "pumped from the coast up to altitudes of several thousand metres. This "
                    "reduces pressure on local aquifers but requires significant energy, which "
                    "again makes clean electricity essential.</p><p>The Atacama Resource "
                    "Governance Centre has <a "
                    'href="https://atacamagovernance.example/water">compared water '
                    "sources</a> across major mines and found a clear trend towards seawater, "
                    "although older operations still rely heavily on continental water.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Sharing the benefits</h2><p>Chile has debated for years how much of "
                    "its mining wealth should go to the state and to producing regions. A "
                    "mining royalty reform adopted in recent years increased the government's "
                    "share and directed part of the revenue to regions and municipalities. "
                    "Supporters say it ensures that communities benefit. Industry groups warned "
                    "it could discourage investment, although new projects continue to be "
                    "announced.</p><p>International organisations, including the <a "
                    'href="https://www.iea.org/">International Energy Agency</a>, have warned '
                    "that copper supply could struggle to keep pace with demand, because new "
                    "mines take many years to develop and ore grades in existing mines are "
                    "declining.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>What it means</h2><p>Chile's experience shows that the energy "
                    "transition is not only about building solar panels and electric cars. It "
                    "also depends on how the raw materials are produced. A copper industry "
                    "powered by clean energy, using seawater and sharing revenue fairly, would "
                    "make the transition cleaner at its source. <i>Getting there</i> will "
                    "require sustained investment in grids and a durable consensus on how "
                    "mining wealth is shared.</p>"
                ),
            ),
        ],
    },
]

# Behind a page password (Wagtail's privacy setting): the tour shows it asks for the password at
# its own address and appears in no listing, feed, search result, sitemap or newsletter.
EMBARGOED_ARTICLE = {
    "slug": "embargoed-budget-briefing",
    "headline": "Embargoed: what the regional budget briefing will say",
    "standfirst": (
        "A briefing for partner newsrooms ahead of Friday's publication. It stays behind a "
        "password until the embargo lifts."
    ),
    "authors": ["johanna-lindqvist"],
    "regions": ["europe"],
    "themes": ["economy"],
    "days_ago": 0,
    "hour": 6,
    "newsletter": True,
    "image": {
        "title": "Embargoed briefing",
        "alt": "Abstract illustration of a closed envelope drawn in grey and amber.",
        "caption": "The briefing stays sealed until Friday.",
        "credit": "Illustration: The Meridian Review",
        "credit_url": "",
        "colours": ["#4a4e57", "#e0a33a"],
    },
    "originally_published_at": "",
    "body": [
        (
            "paragraph",
            (
                "<p>This briefing summarises the regional budget figures that partner "
                "newsrooms will publish together on Friday. Until then it is shared with them "
                "alone, behind a password.</p>"
            ),
        ),
        (
            "paragraph",
            (
                "<h2>What to expect</h2><p>Spending on grids and water rises, and the reserve "
                "fund is drawn down for the first time in five years.</p>"
            ),
        ),
    ],
}

# How others may republish: CC BY-ND 4.0 by default; one article only with permission, one
# under a more open licence; agency photographs stay home (the illustrations travel).
SYNDICATION = {
    "default_policy": "cc-by-nd",
    "permissions_email": "rights@meridian.example",
    "article_policies": {
        "export-controls-and-allies": ("permission", "Co-published with a partner; ask first."),
        "what-open-source-investigators-can-prove": ("cc-by", "Open for adaptation."),
    },
    "images_that_stay_home_credited": "Photo:",
}
