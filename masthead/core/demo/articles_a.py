"""Demo articles, set A: Europe, Russia & Eurasia and the Middle East.

Pure data for the demo content loader. All bylines are fictional people (see
taxonomy.AUTHORS); hero and inline images are generated stylised scenes, and captions
say so. Text is original to this demo.
"""

AUTHOR_BIOS = {
    "helena-varga": (
        "Helena Varga edits the magazine's Europe coverage, with a focus on coalition politics, "
        "EU institutions and the continent's energy transition. She spent more than a decade "
        "reporting from Central European capitals before turning to longer-form analysis."
    ),
    "daniel-okafor": (
        "Daniel Okafor reports on politics, trade and security across Africa, with particular "
        "attention to the Horn of Africa and the Red Sea coast. He began his career as a "
        "freelance correspondent in West and East Africa and has a background in development "
        "economics."
    ),
    "mei-lin-zhou": (
        "Mei Lin Zhou leads the magazine's Asia-Pacific coverage, writing on regional trade "
        "architecture, supply chains and China's economic links with its western neighbours. "
        "Trained as an economist, she has reported from across East and Central Asia."
    ),
    "rania-haddad": (
        "Rania Haddad analyses politics, energy and diplomacy in the Middle East and the Gulf, "
        "with a particular interest in mediation, refugees and water security. She has worked as "
        "a researcher and reporter in the Levant and the Gulf for more than fifteen years."
    ),
    "lucas-ferreira": (
        "Lucas Ferreira covers Latin America and the Caribbean, writing on trade policy, "
        "commodities and elections from a base in South America. He started out on the business "
        "desk of a regional daily and has since reported from most countries in the hemisphere."
    ),
    "anna-kowalczyk": (
        "Anna Kowalczyk writes on European security, the defence industry and the war in Ukraine, "
        "with a focus on logistics, procurement and force structure. She has a background in "
        "security studies and spent several years reporting from Central and Eastern Europe."
    ),
    "james-whitfield": (
        "James Whitfield is a military historian who contributes essays on twentieth-century "
        "warfare and on what it can, and cannot, teach about present-day conflicts. He has taught "
        "and written widely on the Eastern Front of the Second World War and the history of "
        "attritional warfare."
    ),
    "priya-raman": (
        "Priya Raman is an energy economist who writes on oil and gas markets, electricity "
        "systems and the economics of the energy transition. She holds a doctorate in economics "
        "and has advised public and private clients on energy policy."
    ),
}

ARTICLES = [
    {
        "slug": "stalingrad-and-bakhmut-battles-of-attrition",
        "type": "analysis",
        "region": "europe",
        "extra_regions": ["eurasia"],
        "topics": ["military-history", "defence"],
        "authors": ["james-whitfield", "anna-kowalczyk"],
        "headline": "Stalingrad and Bakhmut: What Two Battles of Attrition Do and Don't Share",
        "dek": (
            "Eighty years apart, two cities became symbols of endurance and slaughter; comparing "
            "them shows how attrition works, and how it can mislead those who wage it."
        ),
        "days_ago": 2,
        "hero": {
            "scene": "fields",
            "caption": (
                "Striped farm fields under a pale sky, drawn by the demo's image generator, stand "
                "in for a photograph."
            ),
            "alt": "Stylised illustration of striped fields beneath a wide sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Few place names carry as much weight in military memory as Stalingrad. For "
                    "the generation that fought on the Eastern Front, the city on the Volga "
                    "became shorthand for a struggle so costly and so stubborn that it seemed to "
                    "redefine what armies could endure. When Russian forces spent the better part "
                    "of a year grinding their way into Bakhmut, a mid-sized industrial town in "
                    "eastern Ukraine, commentators on all sides reached for the comparison almost "
                    "at once. The parallel is tempting, and in places instructive. It is also, in "
                    "important ways, misleading, and the differences say as much about modern war "
                    "as the similarities do."
                ),
            },
            {"type": "heading", "text": "A City Chosen for Its Name"},
            {
                "type": "paragraph",
                "text": (
                    "Neither city was, on its own, the prize its attackers made it out to be. In "
                    "the summer of 1942 Germany's main objective in the south was the oil of the "
                    "Caucasus; Stalingrad was meant to anchor the flank of that drive and cut "
                    "traffic on the Volga. Yet as the German 6th Army reached the city's "
                    "outskirts in late August, the battle acquired a symbolic logic of its own. A "
                    "city bearing the Soviet leader's name became something neither side could be "
                    "seen to abandon, and commanders on both sides kept feeding divisions into "
                    "its ruins long after the military case for doing so had worn thin."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Bakhmut followed a similar arc on a smaller scale. Before the war it was "
                    "home to roughly 70,000 people and was better known for its sparkling-wine "
                    "cellars than for any strategic importance. It sat on roads that mattered to "
                    "the defence of the Ukrainian-held part of Donetsk province, but analysts on "
                    "both sides questioned whether its capture would open the way to anything "
                    "larger. Shelling intensified in the spring of 2022 and ground assaults began "
                    "in earnest that summer.[fn:1] By the winter, the town had become a test of "
                    "will that neither government seemed prepared to fail in public."
                ),
            },
            {"type": "heading", "text": "The Arithmetic of Grinding"},
            {
                "type": "paragraph",
                "text": (
                    "At Stalingrad, the autumn of 1942 was a contest of street against street. "
                    "German units, backed by heavy air attack, pushed the Soviet 62nd Army back "
                    "until its defenders held only narrow strips of ground along the riverbank, "
                    "resupplied by boats crossing under fire at night. Soviet commanders learned "
                    "to keep their lines pressed close to the enemy's, so that German aircraft "
                    "and artillery could not strike without endangering their own troops. Factory "
                    "complexes changed hands repeatedly. Each side measured progress in buildings "
                    "and floors, and both paid for it at a rate that would have been unthinkable "
                    "in the open steppe."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Bakhmut's defenders and attackers faced a different battlefield but a "
                    "recognisably similar problem. Russia's assault was led for months by the "
                    "Wagner Group, a private military company that recruited heavily from Russian "
                    "prisons and sent waves of lightly equipped infantry against Ukrainian "
                    "positions, while regular Russian units fought on the flanks. Ukraine rotated "
                    "brigades through the town, holding it cellar by cellar as artillery from "
                    "both sides reduced most of it to rubble. Drones hung over the ruins day and "
                    "night, making any movement visible and turning the short trip to the front "
                    "line into one of the most dangerous journeys of the war."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Attrition, properly understood, is not simply a matter of who loses more "
                    "soldiers. It is about the ratio between losses and the capacity to replace "
                    "them, in people, ammunition and morale. On that measure both battles are "
                    "hard to score. Figures for Stalingrad are estimates that vary widely, though "
                    "nearly all place combined military losses, counting the killed, wounded and "
                    "captured, well above a million.[fn:2] For Bakhmut, both governments made "
                    "claims that served their own narratives, independent tallies remain partial, "
                    "and the true numbers may never be settled.[fn:3] What is widely accepted is "
                    "that the attackers' losses were very heavy, and that the defenders' were "
                    "serious enough to fuel a sharp debate over whether holding on was worth the "
                    "price."
                ),
            },
            {"type": "heading", "text": "Encirclement Versus Exhaustion"},
            {
                "type": "paragraph",
                "text": (
                    "Here the comparison begins to break down. Stalingrad did not end because one "
                    "side ran out of soldiers in the city; it ended because of a manoeuvre "
                    "outside it. On 19 November 1942 Soviet forces launched Operation Uranus, "
                    "striking the weaker Romanian armies that guarded the long flanks north and "
                    "south of the city. Within days the two pincers met near Kalach on the Don, "
                    "trapping the 6th Army and parts of other formations, by most estimates a "
                    "quarter of a million men or more. The grinding fight in the ruins had served "
                    "as an anvil; the decisive blow came from a concentrated offensive the "
                    "Germans failed to anticipate."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "What followed was slow strangulation. An airlift promised by the Luftwaffe "
                    "delivered only a fraction of what the pocket needed, and a relief attempt in "
                    "December stalled short of its goal. Hitler refused to authorise a breakout. "
                    "Friedrich Paulus, promoted to field marshal in the last days of January 1943 "
                    "in what was widely read as an invitation to die rather than surrender, was "
                    "taken prisoner on 31 January; the last German troops in the northern part of "
                    "the city laid down their arms on 2 February. Of the roughly 90,000 men who "
                    "went into captivity, only a small fraction ever returned home."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "A battle of attrition only rewards the side that can still afford the next "
                    "month of it."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "Bakhmut had no such ending. Wagner claimed to have taken the town in May "
                    "2023, and Ukraine, after initially disputing the claim, shifted its effort "
                    "to the high ground on the flanks, where it recovered several villages over "
                    "the summer. No encirclement was closed, no army surrendered, and the front "
                    "line moved only a few kilometres. About a month later Wagner itself turned "
                    "on the Russian military leadership in a short-lived mutiny, a reminder that "
                    "the costs of attrition are political as well as physical. The battle changed "
                    "the map very little, but it consumed forces that both sides would badly miss "
                    "in the months that followed."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Three lessons stand out. First, symbolism is a trap: once a city becomes a "
                    "test of prestige, leaders find it hard to weigh it honestly against other "
                    "objectives. Second, drones and satellites have made the kind of surprise "
                    "achieved in Operation Uranus far harder, because they expose the massing of "
                    "forces long before a blow can land; attrition is therefore likelier to "
                    "remain attrition rather than set up a decisive stroke. Third, a battle of "
                    "attrition only rewards the side that can still afford the next month of it. "
                    "Stalingrad's outcome was decided by industry, manpower and generalship far "
                    "from the city. Bakhmut's legacy will be judged the same way."
                ),
            },
        ],
        "footnotes": [
            (
                "Accounts date the start of the battle differently: some count from the first "
                "sustained shelling in spring 2022, others from the main ground assault that "
                "summer."
            ),
            (
                "Estimates of Soviet and Axis losses at Stalingrad differ considerably between "
                "archival studies, and many published totals combine the killed, wounded, sick "
                "and captured."
            ),
            (
                "Neither Russia nor Ukraine has published verified casualty totals for Bakhmut; "
                "government and independent estimates vary widely and remain disputed."
            ),
        ],
    },
    {
        "slug": "europe-ammunition-production-gap",
        "type": "analysis",
        "region": "europe",
        "extra_regions": [],
        "topics": ["defence", "economy"],
        "authors": ["anna-kowalczyk"],
        "headline": "Europe's Shell Shortage Is an Industrial Problem, Not a Budget One",
        "dek": (
            "Governments have found money for artillery ammunition, but explosives, factory space "
            "and skilled workers are proving far harder to conjure on a political timetable."
        ),
        "days_ago": 6,
        "hero": {
            "scene": "city",
            "caption": (
                "A generated daytime skyline illustrates this article; it does not depict any "
                "real factory or city."
            ),
            "alt": "Stylised drawing of city buildings in daylight",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "When European governments pledged in 2023 to deliver a million artillery "
                    "shells to Ukraine within a year, the promise sounded modest next to the sums "
                    "already being spent on the war. It was missed by a wide margin, and the "
                    "episode became a case study in how far the continent's defence industry had "
                    "shrunk after the Cold War. Money, it turned out, was the easy part. The "
                    "harder problem was a supply chain that had been sized for peacetime "
                    "training, with small orders, thin margins and few customers willing to pay "
                    "for spare capacity."
                ),
            },
            {"type": "heading", "text": "Bottlenecks Upstream"},
            {
                "type": "paragraph",
                "text": (
                    "The shell casing itself is rarely the binding constraint. Producers point "
                    "instead to the energetic materials that fill and propel it: explosives such "
                    "as TNT, and the nitrocellulose used in propellant charges. Europe has only a "
                    "handful of plants able to make these at scale, and several depend on "
                    "imported cotton linters or chemical inputs with long lead times of their "
                    "own. Building a new line takes years rather than months, partly because of "
                    "safety permitting, and companies are reluctant to invest without contracts "
                    "that will outlast the current emergency."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The European Union has tried to tackle this directly. A dedicated support "
                    "programme adopted in 2023 offered grants to firms willing to expand output, "
                    "and officials have since spoken of annual capacity of around two million "
                    "shells as a realistic goal. Industry figures point to genuine progress, with "
                    "new lines opening in several member states. But capacity on paper is not the "
                    "same as shells delivered, and independent analysts caution that headline "
                    "numbers often count production that is planned rather than production that "
                    "has been achieved."
                ),
            },
            {
                "type": "image",
                "scene": "night-city",
                "caption": (
                    "A stylised night skyline with lit windows, generated for this demo, "
                    "accompanies the article."
                ),
                "alt": "Illustration of a city at night with a crescent moon above lit buildings",
            },
            {"type": "heading", "text": "The Contract Question"},
            {
                "type": "paragraph",
                "text": (
                    "The deeper issue is certainty of demand. Arms makers remember the 1990s, "
                    "when orders dried up and production lines were mothballed or sold for scrap. "
                    "They want framework agreements stretching five to ten years, ideally pooled "
                    "across several governments so that no single budget cycle can pull the rug "
                    "away. Some countries have moved in that direction, signing multi-year deals "
                    "and joint procurement arrangements. Others still buy in short, nationally "
                    "fragmented tranches, which pushes up prices and encourages suppliers to "
                    "prioritise whichever customer commits first and for longest."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "There is also a people problem. Chemical engineers, machinists and quality "
                    "inspectors cannot be hired overnight, particularly in regions where defence "
                    "firms compete with carmakers and energy companies for the same workers. "
                    "Several producers report that training new staff to the standards required "
                    "for handling explosives takes the better part of a year. Adding shifts on "
                    "existing lines is quicker than building new ones, but it runs into the same "
                    "limit: there are only so many people qualified to run them safely."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Meanwhile, stopgaps have filled part of the shortfall. Some governments have "
                    "bought ammunition from outside Europe through intermediaries, accepting "
                    "higher prices and patchier quality in exchange for speed. That approach has "
                    "delivered meaningful volumes, but it is expensive and politically exposed, "
                    "and it does nothing to rebuild domestic capacity. It also raises awkward "
                    "questions about standardisation, since munitions sourced from many suppliers "
                    "must still work safely in a wide range of Western and Soviet-designed guns."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The lesson for European capitals is uncomfortable but clear. Industrial "
                    "readiness is not a switch that can be flipped when a crisis arrives; it is a "
                    "standing cost that has to be paid in quieter years. That means long "
                    "contracts, stockpiles that are genuinely replenished, and a willingness to "
                    "fund capacity that may sit partly idle. The alternative is to rediscover, in "
                    "the next emergency, the same gap between political promises and factory "
                    "floors that the past few years have exposed."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "eu-mercosur-deal-farm-politics",
        "type": "analysis",
        "region": "europe",
        "extra_regions": ["americas"],
        "topics": ["trade", "elections"],
        "authors": ["helena-varga", "lucas-ferreira"],
        "headline": "Beef, Cars and Ballot Boxes: The Long Road of the EU-Mercosur Deal",
        "dek": (
            "A trade agreement a quarter of a century in the making now faces its hardest test in "
            "the farmyards and parliaments of Europe rather than at the negotiating table."
        ),
        "days_ago": 11,
        "hero": {
            "scene": "fields",
            "caption": (
                "A computer-drawn view of striped farmland under an open sky serves as this "
                "story's illustration."
            ),
            "alt": "Stylised farm fields in bands of green and gold under a blue sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Talks between the European Union and Mercosur, the South American bloc whose "
                    "founding members are Brazil, Argentina, Uruguay and Paraguay, began in the "
                    "late 1990s. They have outlasted several generations of negotiators, more "
                    "than one near-collapse and a global pandemic. Negotiators announced the "
                    "conclusion of a text at the end of 2024, but the deal's fate rests on "
                    "ratification, and the arguments that stalled it for years have not gone "
                    "away. If anything, they have grown louder as farm politics has moved closer "
                    "to the centre of European elections."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "On paper the economic logic is straightforward. European makers of cars, "
                    "machinery, chemicals and medicines would gain easier access to a market of "
                    "more than 260 million people, long protected by high tariffs. South American "
                    "exporters would win larger quotas for beef, poultry, sugar and ethanol. "
                    "Supporters in Brussels also frame the agreement in geopolitical terms, as a "
                    "way of anchoring ties with a region where Chinese trade and investment have "
                    "grown rapidly, and of diversifying supplies of critical minerals."
                ),
            },
            {"type": "heading", "text": "The Farm Vote"},
            {
                "type": "paragraph",
                "text": (
                    "The opposition is concentrated in agriculture, and it is well organised. "
                    "Farmers in France, Ireland, Poland, Belgium and elsewhere argue that they "
                    "would be undercut by imports produced under looser rules on pesticides, "
                    "animal welfare and deforestation. Tractor convoys on motorways and manure "
                    "dumped outside public buildings have become familiar features of European "
                    "politics, and governments facing tight elections are acutely sensitive to "
                    "them. Farmers are a small share of the electorate, but rural discontent "
                    "resonates well beyond the farm gate, particularly among voters who feel left "
                    "behind by the green transition."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Environmental groups add a second line of criticism. They argue that "
                    "expanding beef and soy exports could increase pressure on the Amazon and the "
                    "Cerrado savanna, and that the deal's sustainability chapter lacks teeth. "
                    "Negotiators responded by attaching additional commitments on climate and "
                    "forests, and by pointing to the EU's separate regulation on "
                    "deforestation-free supply chains. Critics reply that side documents are only "
                    "as strong as their enforcement, and that enforcement across thousands of "
                    "kilometres of agricultural frontier is hard to verify."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "Trade deals are rarely lost on economics; they are lost when nobody is "
                    "willing to defend them in the places where the costs are felt."
                ),
                "attribution": "",
            },
            {"type": "heading", "text": "A View From the South"},
            {
                "type": "paragraph",
                "text": (
                    "In South America the debate looks different. Brazilian and Argentine "
                    "industrialists worry that European competitors will squeeze domestic "
                    "manufacturers, while parts of agribusiness regard the quotas on offer as too "
                    "small to justify the concessions. Some governments in the region have "
                    "objected to European environmental conditions as disguised protectionism. "
                    "Yet the deal retains broad support among exporters, who see it as insurance "
                    "against a more volatile global trading system and as a way to reduce "
                    "dependence on a small number of very large buyers."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The procedural question may decide the outcome. If the agreement is split so "
                    "that its trade provisions can be approved by qualified majority at EU level, "
                    "a handful of sceptical governments cannot block it on their own. If it must "
                    "be ratified by every national parliament, the risk of a veto rises sharply. "
                    "That choice is itself contentious, and opponents argue that splitting the "
                    "agreement sidesteps democratic scrutiny. Supporters counter that trade "
                    "policy was made an exclusive competence of the Union precisely to avoid such "
                    "paralysis."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Whatever the mechanism, the episode shows how trade politics in Europe has "
                    "changed. Trade deals are rarely lost on economics; they are lost when nobody "
                    "is willing to defend them in the places where the costs are felt. For the "
                    "EU-Mercosur agreement to survive, its backers will need to do more than cite "
                    "aggregate gains. They will have to show farmers, and the many voters who "
                    "sympathise with them, that safeguards are real and that the benefits are not "
                    "reserved for boardrooms."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "north-sea-states-offshore-grid-cost-sharing",
        "type": "news",
        "region": "europe",
        "extra_regions": [],
        "topics": ["energy", "climate"],
        "authors": ["helena-varga"],
        "headline": "North Sea Governments Agree Cost-Sharing Rules for Offshore Power Links",
        "dek": (
            "A new framework aims to unblock cross-border cables that connect wind farms to more "
            "than one country, a long-standing bottleneck in Europe's offshore energy plans."
        ),
        "days_ago": 0,
        "hero": {
            "scene": "sea",
            "caption": (
                "A generated seascape with gentle waves and a low sun illustrates this report."
            ),
            "alt": "Stylised sea horizon with waves and a setting sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Energy ministers from several North Sea countries have agreed a common "
                    "approach to sharing the costs and benefits of so-called hybrid "
                    "interconnectors, cables that link offshore wind farms to more than one "
                    "national grid. Officials involved in the talks described the framework as a "
                    "technical arrangement rather than a new treaty, but said it should remove "
                    "one of the main obstacles to projects that have been discussed for years "
                    "without reaching construction."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Hybrid projects are attractive on paper. A single set of cables can carry "
                    "wind power ashore and also let electricity flow between countries when it is "
                    "not needed locally, reducing the need for duplicate infrastructure. In "
                    "practice, they have stalled over a simple question: who pays, and who "
                    "collects the revenue, when power flows mostly in one direction. Grid "
                    "operators have warned that without clear rules no single country will carry "
                    "costs that largely benefit its neighbours."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Under the new arrangement, participating governments will use a shared "
                    "methodology to estimate the benefits each country receives from a given "
                    "project, and allocate construction costs accordingly. A review mechanism "
                    "will allow the split to be adjusted if power flows turn out very differently "
                    "from forecasts. The agreement also commits regulators to align permitting "
                    "timelines, a frequent source of delay when a cable crosses several "
                    "jurisdictions."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Industry groups welcomed the move but cautioned that supply chains for "
                    "cables, converter stations and installation vessels remain tight. Several "
                    "offshore wind tenders in the region have drawn fewer bids than hoped in "
                    "recent years, as higher interest rates and equipment costs squeezed margins. "
                    "Developers said predictable grid arrangements would help, but would not on "
                    "their own resolve the underlying financing pressures."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Environmental organisations broadly supported the framework while urging "
                    "governments to protect sensitive seabed habitats along cable routes. "
                    "Officials said the first projects to use the new rules could reach final "
                    "investment decisions within the next few years, although they declined to "
                    "give dates pending consultations with grid operators and regulators in each "
                    "participating country. Ministers are expected to review progress at their "
                    "next regular meeting."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "europe-migration-pact-implementation",
        "type": "opinion",
        "region": "europe",
        "extra_regions": [],
        "topics": ["migration"],
        "authors": ["helena-varga"],
        "headline": "Europe Needs a Migration System That Works, Not Another Migration Mood",
        "dek": (
            "The EU has finally agreed common asylum rules; the real test is whether governments "
            "fund and run them rather than reopening the argument every election."
        ),
        "days_ago": 15,
        "hero": {
            "scene": "hills",
            "caption": (
                "Rolling hills under a bright sun, produced by a simple image generator, "
                "illustrate this column."
            ),
            "alt": "Stylised green hills with a yellow sun in the sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "For most of the past decade, European migration policy has moved in a cycle. "
                    "A surge in arrivals produces alarm, emergency summits and dramatic promises; "
                    "arrivals fall, attention drifts, and the hard work of building a functioning "
                    "system is postponed until the next surge. The result has been a policy "
                    "governed less by rules than by moods, with each government improvising its "
                    "own response and blaming its neighbours when the improvisation fails."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The EU's Pact on Migration and Asylum, agreed in 2024 after years of "
                    "deadlock, was meant to break that cycle. It sets common procedures for "
                    "screening people at the external border, faster handling of claims with low "
                    "chances of success, and a mechanism through which member states must "
                    "contribute when others are under pressure, either by relocating asylum "
                    "seekers or by paying into a common fund. Nobody is entirely happy with it, "
                    "which is often the sign of a genuine compromise."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The danger now is that governments treat the pact as a press release rather "
                    "than a workload. Border procedures require staff, interpreters, legal aid "
                    "and reception places that meet basic standards. Faster decisions require "
                    "well-trained caseworkers and courts that are not already drowning in "
                    "backlogs. Returning people with no right to stay depends on agreements with "
                    "countries of origin that are slow to negotiate and easy to neglect. None of "
                    "this makes headlines, and all of it costs money."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "Migration policy fails most often not in the drafting but in the staffing."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "Migration policy fails most often not in the drafting but in the staffing. "
                    "Greece, Italy and Spain have each learned this in different ways, as have "
                    "the northern countries whose reception systems were overwhelmed in 2015 and "
                    "2016. A system built on solidarity between states will not survive if "
                    "frontline countries see pledges go unfulfilled, or if other members quietly "
                    "wave people onward rather than registering them. Trust, once broken, is "
                    "slower to rebuild than any reception centre."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "There is also a political temptation to reopen the settlement before it has "
                    "been tried. Some governments are already pressing for tougher measures, "
                    "including processing claims outside the EU's territory, while others argue "
                    "the pact goes too far in restricting rights. Both debates are legitimate. "
                    "But abandoning a framework before it has been implemented would confirm the "
                    "suspicion that Europe can agree on migration only in principle, never in "
                    "practice."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The honest case for the pact is not that it will end irregular migration, "
                    "which no policy can promise, but that it can make the system more orderly, "
                    "more humane and more predictable. That requires sustained funding, "
                    "independent monitoring of conditions at the border, and the patience to fix "
                    "problems rather than declare failure. Europe has spent years arguing about "
                    "what its migration policy should be. It is time to find out what it can "
                    "actually deliver."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "europe-fragmented-parliaments-coalition-era",
        "type": "analysis",
        "region": "europe",
        "extra_regions": [],
        "topics": ["elections"],
        "authors": ["helena-varga"],
        "headline": "Longer Talks, Shakier Cabinets: Europe's Age of Fragmented Parliaments",
        "dek": (
            "As traditional big-tent parties shrink, governments across Europe take longer to "
            "form and break up more easily, with consequences reaching well beyond national "
            "capitals."
        ),
        "days_ago": 24,
        "hero": {
            "scene": "city",
            "caption": (
                "This dusk skyline is a generated illustration, not a photograph of any "
                "particular capital."
            ),
            "alt": "Stylised skyline silhouetted against an orange evening sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "In much of post-war Western Europe, elections produced a recognisable "
                    "pattern. One large party of the centre-right and one of the centre-left "
                    "dominated, sometimes with a smaller liberal or green partner, and "
                    "governments were usually formed within weeks. That world has largely gone. "
                    "Across the continent the combined vote share of the traditional governing "
                    "parties has eroded, and parliaments now hold more parties of meaningful size "
                    "than at almost any point since the 1940s."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Political scientists track this with an index known as the effective number "
                    "of parties, which weights each party by its share of seats.[fn:1] In many "
                    "countries the figure has risen steadily, reflecting the growth of green "
                    "parties, national-populist movements on the right, new formations on the "
                    "left and a scattering of regional and single-issue groups. The change is not "
                    "uniform, and some systems remain relatively concentrated. But the direction "
                    "of travel is clear, and it has reshaped the mechanics of government."
                ),
            },
            {"type": "heading", "text": "The Mathematics of Coalition"},
            {
                "type": "paragraph",
                "text": (
                    "More parties mean more possible coalitions, and more possible vetoes. "
                    "Negotiations that once involved two partners now routinely involve three or "
                    "four, each with its own red lines and its own activists watching for "
                    "betrayal. Belgium's stretch of more than 500 days without a fully empowered "
                    "government after its 2010 election remains an extreme case,[fn:2] but "
                    "prolonged talks have become common elsewhere, including in the Netherlands, "
                    "Spain and Germany. Caretaker governments can keep the lights on, yet they "
                    "are poorly placed to take difficult decisions."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Once formed, broad coalitions can also be brittle. Parties that campaigned "
                    "against each other must share ministries and defend compromises their voters "
                    "dislike. When polls turn, the incentive to walk out grows, particularly for "
                    "smaller partners that fear being absorbed. Several European governments in "
                    "recent years have fallen over issues as specific as budget rules, nitrogen "
                    "regulations or asylum policy, triggering early elections that often produced "
                    "parliaments just as divided as before."
                ),
            },
            {"type": "heading", "text": "Why It Matters Beyond Borders"},
            {
                "type": "paragraph",
                "text": (
                    "Fragmentation is not only a domestic problem. The European Union relies on "
                    "national governments to agree budgets, sanctions, enlargement decisions and "
                    "common defence projects, many of them by unanimity. A government stuck in "
                    "formation talks may be unable to commit; one held together by a fragile "
                    "coalition may find that a junior partner can block a position at European "
                    "level. Partners abroad increasingly ask not only what a government wants but "
                    "whether it will still be in office to deliver it."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "There are counter-arguments. Coalition politics can produce more consensual "
                    "policy, forcing parties to bargain rather than impose. Some of Europe's most "
                    "stable economies have long been governed by multi-party coalitions, and "
                    "voters in those countries tend to regard negotiation as normal rather than "
                    "as crisis. Fragmentation also reflects something healthy: a wider range of "
                    "opinion finding representation, rather than being squeezed into two blocs "
                    "that no longer fit the electorate."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The challenge, then, is institutional adaptation rather than nostalgia. Some "
                    "countries rely on detailed written coalition agreements, clear rules for "
                    "caretaker governments and constructive votes of no confidence, which require "
                    "an alternative majority before a government can be removed. Such mechanisms "
                    "cannot create consensus where none exists, but they can reduce the cost of "
                    "disagreement. On a continent where single-party majorities look increasingly "
                    "unlikely, learning to govern in coalitions may be the most important reform "
                    "of all."
                ),
            },
        ],
        "footnotes": [
            (
                "The measure entered comparative politics research in the late 1970s and is "
                "calculated from the squared seat shares of all parties in a parliament."
            ),
            (
                "Belgium's federal government formation after the June 2010 election lasted "
                "roughly a year and a half, a figure often cited as a record among democracies."
            ),
        ],
    },
    {
        "slug": "rhine-low-water-barge-loads",
        "type": "brief",
        "region": "europe",
        "extra_regions": [],
        "topics": ["climate", "trade"],
        "authors": ["priya-raman"],
        "headline": "Low Water on the Rhine Forces Barges to Lighten Their Loads",
        "dek": (
            "A dry spell has cut water levels on Europe's busiest inland waterway, raising "
            "freight costs for fuel, chemicals and bulk goods moving inland."
        ),
        "days_ago": 3,
        "hero": {
            "scene": "hills",
            "caption": (
                "Rolling hills beneath a sun, rendered by the demo's image generator, stand in "
                "for a photograph."
            ),
            "alt": "Stylised hills in shades of green under a sunny sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Falling water levels on the Rhine have forced barge operators to carry "
                    "reduced loads on key stretches of the river, pushing up the cost of moving "
                    "fuel, chemicals, coal and grain to inland destinations in Germany, "
                    "Switzerland and beyond. The middle Rhine, where the channel is shallowest, "
                    "is typically the first section affected when rainfall is scarce and alpine "
                    "snowmelt has passed its peak."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Shippers said surcharges had risen as vessels sailed partly empty, and some "
                    "industrial customers were shifting cargo to rail or drawing on stocks. "
                    "Low-water episodes have become more frequent in recent dry summers, "
                    "prompting renewed calls for dredging at bottlenecks and for barges designed "
                    "to operate in shallower water."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "eu-chips-strategy-midterm-review",
        "type": "brief",
        "region": "europe",
        "extra_regions": [],
        "topics": ["technology", "economy"],
        "authors": ["helena-varga"],
        "headline": "EU Weighs Course Correction for Its Semiconductor Strategy",
        "dek": (
            "With the bloc's market-share target looking out of reach, officials are debating "
            "whether to focus subsidies on niches where European industry already leads."
        ),
        "days_ago": 9,
        "hero": {
            "scene": "night-city",
            "caption": (
                "A stylised city at night, generated by the demo software, illustrates this brief."
            ),
            "alt": "Illustration of lit buildings under a dark sky with a moon",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "European officials are reviewing the bloc's semiconductor strategy amid "
                    "growing doubts that it can meet its goal of roughly doubling Europe's share "
                    "of global chip production, to about a fifth, by 2030. Auditors and industry "
                    "groups have questioned whether the target was ever realistic, noting that "
                    "several planned large fabrication plants have been delayed or shelved."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Options under discussion include concentrating public support on areas where "
                    "European firms are already strong, such as chipmaking equipment, power "
                    "semiconductors and chips for cars and factories, and on design and research "
                    "rather than leading-edge mass production. Any revision is expected to be "
                    "debated by member states before new funding rounds are launched."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "black-sea-shipping-corridor-war-risk",
        "type": "analysis",
        "region": "eurasia",
        "extra_regions": ["europe"],
        "topics": ["trade", "defence"],
        "authors": ["anna-kowalczyk"],
        "headline": "How Ukraine Kept Its Grain Moving Through a Contested Black Sea",
        "dek": (
            "After a UN-brokered deal collapsed in 2023, a corridor hugging the western coast "
            "restored exports, showing how navies, insurers and drones now shape maritime trade."
        ),
        "days_ago": 4,
        "hero": {
            "scene": "sea",
            "caption": (
                "A stylised seascape with a low sun, generated for the demo, illustrates this "
                "analysis."
            ),
            "alt": "Drawing of calm sea waves stretching to the horizon under a sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "When Russia withdrew in July 2023 from the arrangement that had allowed "
                    "Ukrainian grain to leave its Black Sea ports under international "
                    "supervision, many traders assumed that seaborne exports would shrink to a "
                    "trickle. The deal, brokered by the United Nations and Turkey a year earlier, "
                    "had provided inspections and a degree of political cover on which insurers "
                    "and shipowners relied. Without it, the sea route from Odesa looked too "
                    "dangerous for most commercial operators."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "That expectation proved wrong. Within weeks Ukraine announced its own "
                    "shipping corridor, routing vessels close to the western shore of the Black "
                    "Sea, near and through the waters of NATO members Romania and Bulgaria. "
                    "Volumes recovered faster than most analysts had predicted, and by some "
                    "measures exports through the ports around Odesa later came close to their "
                    "pre-war levels. The episode is one of the less-noticed turning points of the "
                    "war, and it holds lessons well beyond the region."
                ),
            },
            {"type": "heading", "text": "Sea Denial From the Shore"},
            {
                "type": "paragraph",
                "text": (
                    "The corridor depended first on a change in the military balance at sea. "
                    "Ukraine, with almost no conventional navy, used anti-ship missiles, uncrewed "
                    "surface vessels and aerial drones to strike Russian warships and facilities "
                    "in Crimea. Over time much of Russia's Black Sea Fleet moved eastward, away "
                    "from the western waters the corridor used. Russia kept the ability to strike "
                    "ports and grain infrastructure from the air, and did so repeatedly, but the "
                    "threat of interception at sea receded."
                ),
            },
            {
                "type": "image",
                "scene": "fields",
                "caption": (
                    "Stylised striped fields, drawn by a program, accompany this section on grain "
                    "exports."
                ),
                "alt": "Illustration of farmland in parallel coloured stripes under a clear sky",
            },
            {
                "type": "paragraph",
                "text": (
                    "This was sea denial practised largely from land, and with relatively cheap "
                    "weapons. It did not give Ukraine command of the sea in any traditional "
                    "sense; it made the western Black Sea too costly for the larger navy to "
                    "patrol with confidence. For naval planners elsewhere the implications are "
                    "striking. Expensive surface ships proved vulnerable in a confined sea to an "
                    "adversary able to combine surveillance, precision strikes and expendable "
                    "drones."
                ),
            },
            {"type": "heading", "text": "The Insurance Market as Battlefield"},
            {
                "type": "paragraph",
                "text": (
                    "Military conditions were only half the story. Commercial shipping moves when "
                    "insurers will cover it at a price charterers can bear. War-risk premiums for "
                    "voyages to Ukrainian ports rose steeply after the deal collapsed, and some "
                    "underwriters stepped back. To keep ships coming, Ukraine arranged a "
                    "state-backed insurance facility with participation from private insurers, "
                    "lowering premiums for vessels using the corridor. The mechanism shifted part "
                    "of the risk from private balance sheets to the public purse."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Ports themselves remained exposed. Missile and drone attacks damaged grain "
                    "silos, berths and rail links, and mines left over from earlier phases of the "
                    "war posed a persistent hazard. Several merchant ships were hit. Yet losses "
                    "stayed low enough for traffic to continue, partly because mine-clearing by "
                    "regional navies improved and partly because shipowners adapted routes and "
                    "schedules to the threat."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The broader lesson concerns how trade adapts to conflict. Formal agreements "
                    "matter, but they are not the only way to keep goods moving. A combination of "
                    "military pressure, state risk-sharing and commercial pragmatism can sustain "
                    "a trade route even without the adversary's consent. That is encouraging for "
                    "exporters in other contested waters. It is also sobering, because it implies "
                    "that maritime trade will increasingly depend on governments willing to "
                    "underwrite it, and on weapons cheap enough to hold larger navies at bay."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "middle-corridor-caspian-trade-route",
        "type": "analysis",
        "region": "eurasia",
        "extra_regions": ["asia-pacific"],
        "topics": ["trade", "diplomacy"],
        "authors": ["mei-lin-zhou"],
        "headline": "The Middle Corridor's Big Promise Runs Through a Small Sea",
        "dek": (
            "Demand for a trade route between China and Europe that avoids Russia has surged, but "
            "Caspian ports, ferries and customs posts are struggling to keep pace."
        ),
        "days_ago": 13,
        "hero": {
            "scene": "desert",
            "caption": (
                "Dunes under a high sun, rendered by the demo's image generator, illustrate this "
                "piece."
            ),
            "alt": "Stylised sand dunes beneath a bright sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "For most of the past decade, rail freight between China and Europe ran "
                    "largely through Russia and Belarus. The route was quicker than the sea and "
                    "cheaper than air, and it grew steadily as Chinese manufacturers and European "
                    "retailers sought alternatives to congested ports. After Russia's full-scale "
                    "invasion of Ukraine in 2022, sanctions, insurance concerns and reputational "
                    "risk made many shippers wary of the northern route. Attention turned south, "
                    "to a patchwork of railways, ports and ferries known as the Middle Corridor."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The corridor, formally the Trans-Caspian International Transport Route, runs "
                    "from western China across Kazakhstan to the Caspian Sea, by ferry to "
                    "Azerbaijan, then by rail through Georgia to the Black Sea or onward through "
                    "Turkey. Cargo volumes rose sharply after 2022, albeit from a low base.[fn:1] "
                    "Governments along the way have signed agreements, announced investments and "
                    "courted European funding, presenting the corridor as a strategic link "
                    "between two continents that no longer want to depend on a single transit "
                    "state."
                ),
            },
            {"type": "heading", "text": "Bottlenecks on the Water"},
            {
                "type": "paragraph",
                "text": (
                    "The Caspian crossing is the weakest link. Ferries and cargo vessels are "
                    "limited in number and size, because ships must either be built locally or "
                    "brought in through inland waterways that themselves pass through Russia. "
                    "Ports on the Kazakh coast, such as Aktau and Kuryk, and at Alat near Baku "
                    "have expanded but still face congestion when demand peaks. Falling water "
                    "levels in the Caspian, linked by many researchers to a warming climate and "
                    "upstream water use, have added a further constraint by reducing depth in "
                    "shallow approaches."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Then there are the borders. A container moving along the corridor may pass "
                    "through five or six customs regimes and change rail gauge more than once. "
                    "Each handover is an opportunity for delay, and shippers complain less about "
                    "distance than about unpredictability. Efforts to digitise documents and "
                    "harmonise procedures have made progress, but they require close coordination "
                    "among governments that are partners on this project and competitors on "
                    "others."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "Corridors are built less from steel than from trust between the customs "
                    "officers at either end."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "Corridors are built less from steel than from trust between the customs "
                    "officers at either end. That is why the most useful investments may be the "
                    "least visible: shared electronic manifests, joint inspections and agreed "
                    "timetables that allow trains and ferries to connect rather than wait for one "
                    "another. Several of the corridor's governments have begun working towards "
                    "such arrangements, in some cases with technical support from the European "
                    "Union and multilateral development lenders."
                ),
            },
            {"type": "heading", "text": "A Geopolitical Project"},
            {
                "type": "paragraph",
                "text": (
                    "The corridor's appeal is also political. For Kazakhstan and Azerbaijan it "
                    "offers leverage and diversification, reducing dependence on Russian routes "
                    "for their own exports. For Georgia and Turkey it promises transit revenue "
                    "and relevance. For China it is one more option within a broader strategy of "
                    "diversified overland links. For the European Union it fits an agenda of "
                    "deepening ties with Central Asia through investment initiatives presented as "
                    "an alternative to Chinese-financed infrastructure.[fn:2]"
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Realism is needed about scale. Even optimistic projections leave the Middle "
                    "Corridor carrying a small fraction of trade between China and Europe, most "
                    "of which will continue to travel by sea. Its value lies less in volume than "
                    "in redundancy: a second or third route that can absorb shocks when others "
                    "are closed. That is a worthwhile goal, but it implies a slower, more "
                    "incremental build-out than the grand announcements suggest, and a sustained "
                    "focus on the unglamorous work of making borders function."
                ),
            },
        ],
        "footnotes": [
            (
                "Reported growth rates differ depending on whether they measure containers, total "
                "tonnage or transit cargo alone, and on which national authority supplies the "
                "figures."
            ),
            (
                "The EU's Global Gateway programme is the main framework under which European "
                "institutions have announced transport and connectivity investments in Central "
                "Asia."
            ),
        ],
    },
    {
        "slug": "south-caucasus-after-karabakh",
        "type": "analysis",
        "region": "eurasia",
        "extra_regions": [],
        "topics": ["diplomacy", "defence"],
        "authors": ["anna-kowalczyk"],
        "headline": "After Karabakh, the South Caucasus Redraws Its Alliances",
        "dek": (
            "The end of the Armenian-held enclave in 2023 closed one conflict but opened "
            "questions about borders, transport routes and which outside powers still matter in "
            "the region."
        ),
        "days_ago": 19,
        "hero": {
            "scene": "hills",
            "caption": (
                "The demo's generator drew these rolling hills and sun; the image is illustrative "
                "only."
            ),
            "alt": "Stylised illustration of layered hills under a sunny sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "For three decades the conflict over Nagorno-Karabakh defined the politics of "
                    "the South Caucasus. An ethnic Armenian enclave inside Azerbaijan's "
                    "internationally recognised borders, it had been held by Armenian forces "
                    "since the early 1990s. Azerbaijan regained most of the surrounding territory "
                    "in a six-week war in 2020, and in September 2023 a swift military operation "
                    "brought the enclave itself under its control. Within days the great majority "
                    "of its Armenian population, more than 100,000 people, had left for Armenia."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The speed of that collapse surprised many outside observers, but the reasons "
                    "were visible in advance. Azerbaijan had spent years building up its armed "
                    "forces with oil and gas revenue and with military technology from partners "
                    "including Turkey and Israel. The enclave had been cut off for months by a "
                    "blockade of its only road to Armenia. And Russia, whose peacekeepers had "
                    "deployed after the 2020 war, was preoccupied with its war in Ukraine and "
                    "showed little appetite to intervene."
                ),
            },
            {"type": "heading", "text": "Armenia Looks West, Cautiously"},
            {
                "type": "paragraph",
                "text": (
                    "The consequences for Armenia have been profound. Many Armenians concluded "
                    "that their long-standing security relationship with Moscow had failed them "
                    "at the decisive moment. The government froze its participation in the "
                    "Russian-led Collective Security Treaty Organization and has deepened ties "
                    "with the European Union, France, India and the United States, including on "
                    "arms purchases. Yet Armenia remains heavily dependent on Russia for energy "
                    "and trade, and on Russian-owned infrastructure, which limits how far and how "
                    "fast it can turn."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Negotiations between Armenia and Azerbaijan on a peace treaty have advanced "
                    "in fits and starts. The main issues include the delimitation of a long and "
                    "largely unmarked border, mutual recognition of territorial integrity, and "
                    "the opening of transport links. The most sensitive is a route connecting "
                    "mainland Azerbaijan with its exclave of Nakhchivan across southern Armenia. "
                    "Baku has sought unimpeded transit, Yerevan has insisted that any road or "
                    "railway remain under Armenian sovereignty, and proposals for outside "
                    "involvement in running such a route have been floated as a compromise."
                ),
            },
            {"type": "heading", "text": "Outside Powers Reassess"},
            {
                "type": "paragraph",
                "text": (
                    "The balance of outside influence is shifting. Turkey, Azerbaijan's closest "
                    "ally, stands to gain from new transport links and has explored normalising "
                    "relations with Armenia, with which it has no diplomatic ties and a closed "
                    "border. Iran, which borders both countries, has signalled strong opposition "
                    "to any arrangement that might weaken its land connection with Armenia. "
                    "Russia retains economic weight and a military base in Armenia but has lost "
                    "much of its credibility as a security guarantor."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For Europe the region matters more than it did a few years ago. It lies on "
                    "the Middle Corridor trade route, it supplies gas through the Southern Gas "
                    "Corridor, and an EU civilian monitoring mission has operated on the Armenian "
                    "side of the border since 2023. These interests pull in slightly different "
                    "directions, creating tension between energy ties with Azerbaijan and "
                    "political sympathy for democratic reform in Armenia."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "A durable settlement would be the best outcome for everyone in the region, "
                    "including the displaced Karabakh Armenians, whose future and property rights "
                    "remain unresolved. But peace treaties endure only when the balance of power "
                    "that produced them is accepted by the weaker party and underpinned by more "
                    "than goodwill. The South Caucasus may be entering a calmer period. Whether "
                    "it is also a more stable one will depend on how its new borders and trade "
                    "routes are built, and by whom."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "caspian-ports-joint-ferry-schedule",
        "type": "news",
        "region": "eurasia",
        "extra_regions": [],
        "topics": ["trade"],
        "authors": ["mei-lin-zhou"],
        "headline": "Caspian Ports Trial Joint Ferry Timetable to Ease Freight Queues",
        "dek": (
            "Port operators in Kazakhstan and Azerbaijan will coordinate sailings and rail "
            "connections in a pilot scheme meant to cut the days cargo spends waiting at the "
            "water's edge."
        ),
        "days_ago": 1,
        "hero": {
            "scene": "sea",
            "caption": (
                "A stylised horizon over open water, generated by the demo software, illustrates "
                "this news item."
            ),
            "alt": "Simple illustration of sea waves and a sun above the horizon",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Port and rail operators on both sides of the Caspian Sea have begun a pilot "
                    "scheme to coordinate ferry departures with train arrivals, in an effort to "
                    "reduce the long waits that have dogged freight moving between Central Asia "
                    "and the South Caucasus. The trial covers services between Kazakhstan's "
                    "western ports and terminals near Baku, and is expected to run for several "
                    "months before a decision on whether to make it permanent."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Under the pilot, ferries will sail to a published timetable rather than "
                    "waiting to fill up, and rail operators will schedule block trains to meet "
                    "them. Shipping agents have long complained that vessels sometimes sit in "
                    "port for days until enough wagons arrive, while trains in turn wait for "
                    "ships. Operators said a fixed schedule should allow exporters to plan more "
                    "reliably, even if some sailings leave less than fully loaded."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The scheme also includes a shared digital system for pre-arrival customs "
                    "information, allowing documents to be checked before cargo reaches the port. "
                    "Officials described this as the most important part of the trial, because "
                    "inspection delays can outweigh the time spent at sea. The crossing itself "
                    "takes around a day in good weather, but total transit times across the "
                    "Caspian have at times stretched well beyond a week."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Freight forwarders welcomed the initiative but noted that ferry capacity "
                    "remains limited, with a small fleet serving growing demand. Several new "
                    "vessels are under construction or on order, though deliveries have faced "
                    "delays. Low water levels in parts of the Caspian have also restricted the "
                    "loads some ships can carry through shallow port approaches, forcing some "
                    "operators to split cargoes across additional sailings."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The pilot is part of a wider push by governments along the so-called Middle "
                    "Corridor to make the route more competitive as an alternative to transit "
                    "through Russia. Analysts said coordinated timetables were a modest step, but "
                    "one that addressed the unpredictability shippers most often cite as their "
                    "main reason for hesitating to commit cargo to the route. If the trial "
                    "succeeds, operators said, similar timetables could be extended to other "
                    "ports."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "northern-sea-route-season-mixed-picture",
        "type": "news",
        "region": "eurasia",
        "extra_regions": [],
        "topics": ["climate", "trade"],
        "authors": ["priya-raman"],
        "headline": "Arctic Shipping Season Ends With Big Hopes Only Partly Met",
        "dek": (
            "More ice-free weeks allowed additional voyages along Russia's northern coast, but "
            "sanctions, insurance costs and a shortage of ice-class ships continued to limit "
            "traffic."
        ),
        "days_ago": 5,
        "hero": {
            "scene": "night-city",
            "caption": (
                "A generated night skyline under a moon accompanies this report as a stand-in "
                "image."
            ),
            "alt": "Stylised city skyline at night with a moon and glowing windows",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The summer navigation season on the Northern Sea Route, the shipping lane "
                    "that runs along Russia's Arctic coast between the Barents Sea and the Bering "
                    "Strait, is drawing to a close with more voyages than in some recent years "
                    "but well short of the ambitious targets set by Russian planners. Shipping "
                    "analysts who track vessel movements said traffic continued to be dominated "
                    "by liquefied natural gas, oil and other commodities from Russian Arctic "
                    "projects rather than by international transit trade."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Warming temperatures have lengthened the period during which the route can "
                    "be navigated with limited icebreaker support. Scientists have documented a "
                    "long-term decline in the extent and thickness of summer sea ice across the "
                    "Arctic, although conditions vary considerably from year to year. The route "
                    "can substantially shorten voyages between northern Europe and East Asia "
                    "compared with the passage through the Suez Canal, which makes it attractive "
                    "in principle to shippers seeking alternatives."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "In practice, several obstacles remain. Western sanctions on Russia have "
                    "restricted access to ice-class tankers and to technology needed for some "
                    "Arctic energy projects. Most major international container lines have said "
                    "they do not plan to use the route, citing environmental commitments, "
                    "reputational concerns and the difficulty of keeping tight schedules in "
                    "unpredictable ice. Insurance for Arctic voyages is costly, and the fleet of "
                    "vessels able to operate safely in ice remains small."
                ),
            },
            {
                "type": "image",
                "scene": "sea",
                "caption": "An illustrative seascape produced by the demo's drawing program.",
                "alt": "Stylised waves under a pale sun at the horizon",
            },
            {
                "type": "paragraph",
                "text": (
                    "Chinese shipping companies have been among the most active international "
                    "users, running seasonal voyages between Chinese ports and northern Europe. "
                    "Analysts said these services could grow gradually but were unlikely to "
                    "reshape global trade patterns in the near term. The number of ships able to "
                    "sail without an icebreaker escort remains limited, and the season for "
                    "independent navigation is still measured in weeks rather than months."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Environmental groups warned that more shipping in the Arctic raises the risk "
                    "of oil spills in waters where response capacity is thin, and adds black "
                    "carbon emissions that can speed up local ice melt. Researchers also noted "
                    "that the same warming that opens the route is contributing to coastal "
                    "erosion and the thawing of permafrost beneath Arctic ports and "
                    "infrastructure, creating new costs for the industries that depend on them."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "deterrence-is-a-budget-line",
        "type": "opinion",
        "region": "eurasia",
        "extra_regions": ["europe"],
        "topics": ["defence"],
        "authors": ["anna-kowalczyk"],
        "headline": "Deterrence Is Not a Slogan. It Is a Line in the Budget",
        "dek": (
            "Europe's governments talk about defending the eastern flank, but credible deterrence "
            "depends on stockpiles, logistics and readiness that cost money every single year."
        ),
        "days_ago": 10,
        "hero": {
            "scene": "fields",
            "caption": (
                "A generated landscape of striped fields serves as a placeholder image for this "
                "opinion piece."
            ),
            "alt": "Illustrated farm fields in horizontal stripes beneath a light sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Every few months a European summit ends with a communique promising to "
                    "strengthen deterrence on the continent's eastern flank. The language is "
                    "firm, the photographs are solemn, and the commitments are real enough as "
                    "statements of intent. But deterrence is not achieved in communiques. It "
                    "lives in ammunition depots, railway sidings, air-defence batteries and "
                    "trained reservists, and in the unglamorous budget lines that keep all of "
                    "them ready, year after year."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The war in Ukraine has offered a brutal lesson in what modern high-intensity "
                    "conflict consumes. Artillery shells are fired in a single day in quantities "
                    "that peacetime armies once expected to use over months. Air-defence "
                    "interceptors are expended faster than they can be produced. Drones, "
                    "electronic-warfare kit and spare parts wear out or become obsolete at a pace "
                    "that makes long procurement cycles look dangerously slow. Any European army "
                    "that plans for a short, tidy war is planning for the wrong one."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Many NATO members have raised defence spending substantially since 2022, and "
                    "far more of them now meet the alliance's long-standing guideline of two per "
                    "cent of GDP; allies have since agreed to aim considerably higher. That is "
                    "welcome. Yet headline percentages can mislead. A large share of new money "
                    "has gone to high-profile platforms such as fighter jets and tanks, which "
                    "take years to arrive. Less attention has gone to stockpiles, maintenance, "
                    "military mobility and the infrastructure needed to move forces quickly "
                    "across the continent in a crisis."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "An adversary is not deterred by what we intend to buy, only by what we can "
                    "use tomorrow morning."
                ),
                "attribution": "Anna Kowalczyk",
            },
            {
                "type": "paragraph",
                "text": (
                    "An adversary is not deterred by what we intend to buy, only by what we can "
                    "use tomorrow morning. Readiness is the difference between a force that "
                    "exists on paper and one that can fight. It depends on units that are fully "
                    "manned, trained together and supplied with enough munitions to sustain "
                    "combat for weeks, not days. It also depends on reserves that can be "
                    "mobilised, and on civil preparedness that keeps hospitals, power grids and "
                    "communications working under attack."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "None of this is cheap, and much of it is politically thankless. There are no "
                    "ribbon-cutting ceremonies for a replenished depot or a strengthened bridge. "
                    "Finance ministries understandably prefer one-off purchases to permanent "
                    "commitments. But the cost of preparedness must be weighed against the cost "
                    "of failing to deter, which Ukrainians have been paying since 2022. "
                    "Deterrence that is visibly underfunded invites precisely the miscalculation "
                    "it is meant to prevent."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Europe's governments should therefore judge their defence efforts not by "
                    "spending targets alone but by measurable readiness: days of ammunition on "
                    "hand, the time needed to move a brigade across the continent, the share of "
                    "air defences ready to fire. Publishing at least some of these measures in "
                    "aggregate would help voters understand what their money buys. Deterrence is "
                    "ultimately a promise, and it is only credible if it is paid for every year, "
                    "long after the summit photographs have faded."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "history-warns-against-predicting-collapse",
        "type": "opinion",
        "region": "eurasia",
        "extra_regions": [],
        "topics": ["military-history", "diplomacy"],
        "authors": ["james-whitfield"],
        "headline": "History's Warning to Those Who Predict a Sudden Collapse",
        "dek": (
            "Wars of exhaustion rarely end when outsiders expect; a historian argues that "
            "patience and planning serve policymakers better than forecasts of imminent "
            "breakdown."
        ),
        "days_ago": 30,
        "hero": {
            "scene": "hills",
            "caption": (
                "This image of hills and sun was generated by a program and is purely decorative."
            ),
            "alt": "Simple drawing of rolling hills with a round sun overhead",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Ever since the first months of Russia's full-scale invasion of Ukraine, "
                    "commentators have periodically announced that one side or the other was on "
                    "the verge of collapse. Sanctions would cripple the Russian economy within a "
                    "year; Ukrainian morale would crack under winter bombardment; Western unity "
                    "would dissolve before the next election. Each prediction had some basis in "
                    "evidence. Each, so far, has proved premature. Historians of war will not be "
                    "surprised."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The twentieth century offers many examples of societies that endured far "
                    "longer than their enemies expected. British planners in the late 1930s "
                    "feared that bombing would break civilian morale within weeks; in the event, "
                    "the Blitz hardened it. Germany sustained its war effort under an "
                    "intensifying strategic bombing campaign until its armies were overrun in "
                    "1945. Even Japan, blockaded and burning, did not surrender until the "
                    "combined shock of the atomic bombings and Soviet entry into the Pacific war "
                    "in August 1945."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "There are, of course, counter-examples. Tsarist Russia disintegrated in 1917 "
                    "under the strain of war, and Imperial Germany's collapse in the autumn of "
                    "1918 came faster than many of its own commanders had believed possible. But "
                    "those cases illustrate the problem rather than solving it. Collapses do "
                    "happen, but they are almost impossible to time, and the signs that precede "
                    "them are usually legible only in hindsight. Policymakers who plan around a "
                    "forecast of imminent breakdown are betting on the least predictable variable "
                    "in warfare."
                ),
            },
            {
                "type": "quote",
                "text": "Collapses do happen, but they are almost impossible to time.",
                "attribution": "James Whitfield",
            },
            {
                "type": "paragraph",
                "text": (
                    "Why are such forecasts so persistent? Part of the answer is that they are "
                    "comforting. The belief that an adversary will soon fall apart offers an "
                    "escape from the harder conclusion that a war must be won, or settled, "
                    "through sustained effort. Another part is that modern information "
                    "environments reward confident prediction. Analysts who argue that a conflict "
                    "will grind on for years make for less compelling commentary than those who "
                    "detect a tipping point just around the corner."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The more useful historical lesson is about capacity. Wars of attrition tend "
                    "to be decided by which side can better mobilise its economy, sustain its "
                    "alliances and adapt its methods over time. In both world wars, the "
                    "coalitions that eventually prevailed did so not because they correctly "
                    "predicted when their enemies would break, but because they prepared to "
                    "outlast them, expanding industrial output, training new armies and holding "
                    "their political coalitions together through years of setbacks."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For governments supporting Ukraine, or for anyone planning policy around a "
                    "long war, the implication is to plan for duration rather than for a "
                    "breakthrough. That means multi-year commitments rather than emergency "
                    "packages, industrial investment rather than the steady depletion of old "
                    "stocks, and political strategies that can survive disappointment. If a "
                    "sudden collapse does come, it will be welcome. But history suggests it is "
                    "wiser to be ready for a long war and surprised by a short one than the other "
                    "way round."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "armenia-turkey-border-crossing-talks",
        "type": "brief",
        "region": "eurasia",
        "extra_regions": [],
        "topics": ["diplomacy"],
        "authors": ["rania-haddad"],
        "headline": "Armenia and Turkey Resume Technical Talks on Border Crossing",
        "dek": (
            "Officials from both countries met to discuss customs and infrastructure at a "
            "frontier that has been closed to regular traffic since the early 1990s."
        ),
        "days_ago": 1,
        "hero": {
            "scene": "hills",
            "caption": "Generated hills under a bright sky illustrate this brief.",
            "alt": "Stylised rolling hills and a sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Technical teams from Armenia and Turkey have resumed talks on the practical "
                    "arrangements needed to open their shared border to third-country nationals "
                    "and diplomatic passport holders, according to officials familiar with the "
                    "discussions. The frontier has been closed to regular traffic since 1993, "
                    "although a crossing was briefly opened in 2023 so that humanitarian aid "
                    "could reach areas of Turkey struck by a devastating earthquake."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The latest round focused on customs facilities, road repairs and staffing at "
                    "the crossing point. The two countries have no formal diplomatic relations, "
                    "and broader normalisation remains closely tied to progress in peace "
                    "negotiations between Armenia and Azerbaijan. No date has been set for a "
                    "further round."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "central-asia-summer-water-allocation",
        "type": "brief",
        "region": "eurasia",
        "extra_regions": [],
        "topics": ["climate", "diplomacy"],
        "authors": ["mei-lin-zhou"],
        "headline": "Central Asian States Open Talks on Summer Water Releases",
        "dek": (
            "Upstream and downstream countries along the region's two great rivers are "
            "negotiating reservoir releases as a hot, dry season strains irrigation supplies."
        ),
        "days_ago": 17,
        "hero": {
            "scene": "desert",
            "caption": "Sand dunes under a high sun, drawn by the demo's image generator.",
            "alt": "Stylised desert dunes in warm colours",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Water officials from Central Asian states have begun their annual "
                    "negotiations over releases from upstream reservoirs on the Syr Darya and Amu "
                    "Darya, the rivers that feed much of the region's irrigated farmland. "
                    "Upstream countries rely on the reservoirs to generate hydropower in winter, "
                    "while downstream states need water in summer for cotton, wheat and other "
                    "crops, a long-standing tension that shapes relations across the region."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "This year's talks take place amid concern about rising temperatures, "
                    "shrinking glaciers in the mountains that feed both rivers, and a new canal "
                    "in northern Afghanistan expected to draw substantial volumes from the Amu "
                    "Darya. Analysts said cooperation had improved in recent years but warned "
                    "that existing agreements were not designed for a hotter, drier climate."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "red-sea-shipping-disruption-suez",
        "type": "analysis",
        "region": "middle-east",
        "extra_regions": ["africa"],
        "topics": ["trade", "defence"],
        "authors": ["rania-haddad", "daniel-okafor"],
        "headline": "The Red Sea Crisis Rerouted Global Trade. Its Costs Are Still Being Counted",
        "dek": (
            "Attacks on merchant shipping sent container lines around Africa, cutting Egypt's "
            "canal revenues and exposing how fragile one of the world's busiest sea lanes has "
            "become."
        ),
        "days_ago": 3,
        "hero": {
            "scene": "sea",
            "caption": (
                "A program-drawn seascape stands in for a news photograph in this demo article."
            ),
            "alt": "Stylised sea with rolling waves and an orange sun near the horizon",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "From late 2023, Yemen's Houthi movement began attacking commercial ships in "
                    "the Red Sea and the Gulf of Aden, saying it was acting in solidarity with "
                    "Palestinians in Gaza. The campaign, which included missile and drone strikes "
                    "and the seizure of a car carrier, prompted most large container lines to "
                    "avoid the route altogether. Instead of passing through the Bab el-Mandeb "
                    "strait and the Suez Canal, many ships began sailing around the Cape of Good "
                    "Hope, adding roughly ten to fourteen days to a typical voyage between Asia "
                    "and Europe."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The diversion was one of the largest shifts in maritime trade patterns in "
                    "decades. It absorbed a substantial share of the world's container-ship "
                    "capacity, pushed freight rates sharply higher for a time, and increased fuel "
                    "consumption and emissions. Western navies responded with escort and "
                    "defensive missions, including a US-led coalition and a separate European "
                    "Union operation, and American and British forces carried out strikes on "
                    "Houthi targets in Yemen. Yet attacks continued intermittently, and shipping "
                    "companies remained cautious about returning."
                ),
            },
            {"type": "heading", "text": "Egypt Pays the Price"},
            {
                "type": "paragraph",
                "text": (
                    "Egypt has borne some of the heaviest economic costs. The Suez Canal is one "
                    "of the country's most important sources of foreign currency, and its revenue "
                    "fell steeply as transits dropped, by more than half over the course of 2024 "
                    "according to figures released by Egyptian authorities.[fn:1] The loss came "
                    "at a difficult moment for an economy already struggling with high inflation, "
                    "heavy debt and a shortage of hard currency, and it complicated efforts to "
                    "stabilise the public finances with support from international lenders."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The canal authority has tried to lure traffic back with discounts for "
                    "certain vessels, but price is not the main issue. Shipowners and insurers "
                    "are weighing security risk, crew safety and the reputational cost of a "
                    "vessel being struck. Even where the probability of attack is low, the "
                    "consequences can be severe, and many lines have concluded that the longer "
                    "but predictable route around Africa is worth the extra cost, particularly "
                    "when higher freight rates allow some of it to be passed on to customers."
                ),
            },
            {
                "type": "image",
                "scene": "desert",
                "caption": (
                    "Stylised dunes under a hot sun, generated by the demo, illustrate this "
                    "section."
                ),
                "alt": "Drawing of desert dunes beneath a bright yellow sun",
            },
            {"type": "heading", "text": "Winners, Losers and Ports Along the Way"},
            {
                "type": "paragraph",
                "text": (
                    "The crisis has reshuffled fortunes along other coastlines. Ports on the Red "
                    "Sea, from Jeddah to Djibouti, saw traffic disrupted, while some ports on "
                    "Africa's Atlantic and southern coasts handled more calls for fuel and "
                    "supplies, though many struggled with congestion and limited capacity. Across "
                    "the Horn of Africa, governments watched anxiously as security in the waters "
                    "off their coasts deteriorated, amid concern about a revival of piracy in the "
                    "Gulf of Aden and the western Indian Ocean."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For importers and exporters in East Africa and the Gulf, higher shipping "
                    "costs have been felt directly. Import-dependent economies have faced higher "
                    "prices for goods ranging from machinery to food, and some exporters have "
                    "lost competitiveness in European markets. Estimating the full economic cost "
                    "is difficult, since freight rates were also shaped by other factors, "
                    "including congestion elsewhere and shifts in demand.[fn:2] But the episode "
                    "underlined how tightly the economies around the Red Sea are bound to the "
                    "security of a single chokepoint."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The broader lesson is strategic. A non-state armed group with relatively "
                    "inexpensive weapons was able to disrupt a critical artery of global trade "
                    "for an extended period, despite the presence of some of the world's most "
                    "capable navies. Military escorts can reduce risk but cannot eliminate it, "
                    "and they are expensive to sustain. A lasting return to normal traffic is "
                    "likely to depend less on naval power than on the political situation in "
                    "Yemen and the wider region."
                ),
            },
        ],
        "footnotes": [
            (
                "Egyptian officials have cited several figures for the revenue loss; comparisons "
                "depend on the baseline period and the currency used."
            ),
            (
                "Freight-rate indices from different providers diverged at times during the "
                "crisis, reflecting differences in the routes and contract types they cover."
            ),
        ],
    },
    {
        "slug": "gulf-economies-diversification-beyond-oil",
        "type": "analysis",
        "region": "middle-east",
        "extra_regions": [],
        "topics": ["economy", "energy"],
        "authors": ["priya-raman", "rania-haddad"],
        "headline": "The Gulf's Race to Diversify Meets the Arithmetic of Oil Prices",
        "dek": (
            "Ambitious plans to build tourism, logistics and technology industries depend, for "
            "now, on the hydrocarbon revenues they are meant to replace, creating a delicate "
            "balancing act."
        ),
        "days_ago": 16,
        "hero": {
            "scene": "city",
            "caption": (
                "A generated skyline of simple towers at dusk illustrates this analysis; it shows "
                "no real city."
            ),
            "alt": "Stylised tall buildings silhouetted against an evening sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "For more than a decade, the oil-exporting monarchies of the Gulf have "
                    "promised to reduce their dependence on hydrocarbons. Saudi Arabia's Vision "
                    "2030, launched in 2016, is the most ambitious of these plans, but the United "
                    "Arab Emirates, Qatar, Oman, Bahrain and Kuwait have all published strategies "
                    "of their own. The goals are broadly similar: expand private-sector "
                    "employment, grow industries from tourism and logistics to finance and "
                    "technology, and prepare public finances for a world that will eventually "
                    "burn less oil."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Progress is real but uneven. The UAE, and Dubai in particular, has long had "
                    "a diversified economy built on trade, aviation, property and services, with "
                    "non-oil sectors accounting for a large share of output. Saudi Arabia has "
                    "seen rapid growth in entertainment and tourism, and women's participation in "
                    "the labour force roughly doubled within a few years. Other states have moved "
                    "more slowly, constrained by smaller fiscal buffers or by political systems "
                    "in which public-sector jobs remain a central part of the social contract."
                ),
            },
            {"type": "heading", "text": "Paying for the Transition"},
            {
                "type": "paragraph",
                "text": (
                    "The central paradox is financial. Diversification requires enormous "
                    "investment in infrastructure, new cities, sovereign wealth funds and "
                    "subsidised industries, and the main source of that investment is oil and gas "
                    "revenue. When prices are high, governments can fund ambitious projects and "
                    "still run surpluses. When prices fall, they must choose between borrowing, "
                    "cutting spending or scaling back plans. Several flagship megaprojects in the "
                    "region have already been reviewed, rephased or reduced in scope as costs "
                    "mounted."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Economists often refer to the fiscal breakeven oil price, the price at which "
                    "a government's budget balances. Estimates vary, but for some Gulf states it "
                    "sits well above the level at which oil has traded in recent periods, meaning "
                    "deficits must be financed through debt or asset sales. Gulf governments have "
                    "become regular issuers on international bond markets, and sovereign funds "
                    "that once served mainly as savings vehicles are now expected to act as "
                    "engines of domestic development."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "Diversification is not a way out of the oil economy so much as a bet placed "
                    "with its proceeds."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "Diversification is not a way out of the oil economy so much as a bet placed "
                    "with its proceeds. The bet may well pay off. The Gulf states have real "
                    "advantages, including a strategic location, abundant capital, cheap energy, "
                    "young populations in some countries and governments able to move quickly. "
                    "But returns on new industries take years to materialise, and many of the "
                    "sectors being targeted, from tourism to artificial intelligence, are "
                    "fiercely competitive worldwide."
                ),
            },
            {"type": "heading", "text": "Competition Within the Neighbourhood"},
            {
                "type": "paragraph",
                "text": (
                    "One under-appreciated risk is that Gulf states are competing with each "
                    "other. Several are trying to become regional hubs for the same industries: "
                    "aviation, logistics, financial services, corporate headquarters, tourism and "
                    "data centres. Some duplication is inevitable and even healthy, but it can "
                    "lead to overcapacity and costly subsidy races. Policies that require foreign "
                    "firms to base their regional headquarters in a particular country in order "
                    "to win government contracts have added to tensions between neighbours."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The energy transition adds another layer. Gulf producers expect oil demand "
                    "to remain substantial for decades and are investing to maintain or expand "
                    "capacity, while also building solar power, exploring hydrogen and "
                    "positioning themselves in carbon capture. Their low production costs mean "
                    "they may be among the last producers standing even in a shrinking market. "
                    "That is a strong position, but it also creates a strong incentive to hedge "
                    "against a transition that moves faster than expected."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Ultimately, success will be measured less by skylines or megaprojects than "
                    "by a more mundane indicator: the share of citizens working productively in "
                    "the private sector, paying taxes and building businesses that could survive "
                    "without state support. On that measure, the region's transformation is still "
                    "at an early stage. The next sustained fall in oil prices will be the real "
                    "test of how far diversification has gone."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "middle-east-water-scarcity-desalination",
        "type": "analysis",
        "region": "middle-east",
        "extra_regions": [],
        "topics": ["climate", "technology"],
        "authors": ["rania-haddad"],
        "headline": "Desalination Keeps the Middle East's Taps Running. At What Cost?",
        "dek": (
            "The world's most water-stressed region increasingly turns seawater into drinking "
            "water, but the technology brings energy, environmental and political trade-offs that "
            "planners cannot ignore."
        ),
        "days_ago": 27,
        "hero": {
            "scene": "desert",
            "caption": (
                "An illustrative desert of dunes under a blazing sun, created by the demo's image "
                "generator."
            ),
            "alt": "Stylised orange dunes stretching under a bright sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The Middle East and North Africa is home to a large share of the world's "
                    "people living with extreme water stress. Rainfall is low and erratic, "
                    "aquifers are being pumped faster than they recharge, and rivers such as the "
                    "Tigris, Euphrates and Jordan are shared among states with competing demands. "
                    "Population growth and climate change are widening the gap between supply and "
                    "need. Across much of the region the question is no longer whether water will "
                    "be scarce, but how scarcity will be managed."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Desalination has become the region's main answer. Gulf states were early "
                    "adopters, using abundant energy to turn seawater into drinking water, and "
                    "they now rely on it for most of their municipal supply. Israel has built "
                    "large plants along its Mediterranean coast that provide a substantial share "
                    "of its domestic water. Other countries, including Egypt, Morocco and Jordan, "
                    "are expanding or planning facilities. The technology has improved markedly, "
                    "with modern reverse-osmosis plants using far less energy per cubic metre "
                    "than older thermal methods."
                ),
            },
            {"type": "heading", "text": "Energy and Brine"},
            {
                "type": "paragraph",
                "text": (
                    "Yet desalination is not free of trade-offs. It remains energy-intensive, and "
                    "where plants run on fossil fuels they add to emissions and tie water "
                    "security to energy prices. Pairing desalination with solar power is "
                    "increasingly common and is an important step, but it requires storage or "
                    "grid support, because plants generally need to run around the clock. For "
                    "poorer, energy-importing countries, the cost of operating large plants can "
                    "strain budgets even when construction is financed by outside lenders."
                ),
            },
            {
                "type": "image",
                "scene": "sea",
                "caption": (
                    "A generated sea horizon, drawn for this demo, accompanies the discussion of "
                    "coastal plants."
                ),
                "alt": "Stylised calm sea and sun, with waves in the foreground",
            },
            {
                "type": "paragraph",
                "text": (
                    "Then there is brine, the highly concentrated salt solution left once fresh "
                    "water has been extracted. For every litre of drinking water produced, plants "
                    "typically discharge more than a litre of brine, usually back into the sea. "
                    "In enclosed, shallow and warm waters such as the Gulf, scientists have "
                    "raised concerns about rising salinity and effects on marine life near "
                    "outfalls. Better diffuser design and research into recovering minerals from "
                    "brine may reduce these impacts, but monitoring remains patchy."
                ),
            },
            {"type": "heading", "text": "Water as Diplomacy"},
            {
                "type": "paragraph",
                "text": (
                    "Water also shapes relations between states. Jordan, one of the most "
                    "water-scarce countries in the world, has pursued a large desalination "
                    "project on the Red Sea coast at Aqaba, with water to be pumped hundreds of "
                    "kilometres north to its main population centres. Iraq faces falling river "
                    "flows as upstream dams in Turkey and Iran, together with drought, reduce the "
                    "volume reaching its territory. Disputes over dam operations and "
                    "water-sharing are becoming an increasingly prominent part of regional "
                    "diplomacy."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Desalination cannot solve every problem. Agriculture uses most of the "
                    "region's water, and producing irrigation water from the sea is rarely "
                    "economic. Cutting losses in leaky distribution networks, treating and "
                    "reusing wastewater, pricing water to reflect its scarcity and shifting to "
                    "less thirsty crops are often cheaper than building new plants. These "
                    "measures are politically harder, because they touch farmers' livelihoods and "
                    "subsidised tariffs that households have long taken for granted."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The region's water future will probably depend on a mix of technologies and "
                    "reforms rather than a single solution. Desalination will keep growing, and "
                    "renewable energy can make it cleaner and more affordable. But without "
                    "parallel efforts to use water more efficiently and to manage shared rivers "
                    "cooperatively, new plants risk becoming an expensive way to postpone "
                    "difficult choices rather than a durable answer to scarcity."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "iraq-electricity-gas-flaring-imports",
        "type": "analysis",
        "region": "middle-east",
        "extra_regions": [],
        "topics": ["energy", "economy"],
        "authors": ["priya-raman"],
        "headline": "Iraq Burns Its Own Gas While Importing Power. Why the Paradox Persists",
        "dek": (
            "One of the world's largest oil producers still struggles to keep the lights on each "
            "summer, relying on imported gas while flaring much of its own."
        ),
        "days_ago": 35,
        "hero": {
            "scene": "night-city",
            "caption": (
                "A stylised night skyline with glowing windows, generated for the demo, "
                "illustrates this piece."
            ),
            "alt": "Drawing of a city at night with a moon and lit windows",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Every summer, as temperatures in Baghdad and Basra climb towards 50 degrees "
                    "Celsius, Iraq's electricity grid buckles. Demand for air conditioning soars, "
                    "power stations struggle to keep up, and many households depend for hours "
                    "each day on private neighbourhood generators that are noisy, polluting and "
                    "expensive. Shortages have repeatedly fuelled street protests, particularly "
                    "in the south. For a country with some of the largest oil reserves in the "
                    "world, the situation is a persistent political embarrassment."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The paradox is most visible in the oil fields. Crude production brings up "
                    "large quantities of associated gas, which in many fields is burned off in "
                    "flares rather than captured and processed. Iraq ranks among the world's "
                    "largest flarers of gas by volume, according to satellite-based "
                    "monitoring.[fn:1] At the same time, many of its power stations depend on gas "
                    "piped from neighbouring Iran, alongside direct imports of electricity, "
                    "supplies that have been subject to interruptions, payment disputes and the "
                    "complications of US sanctions on Iran."
                ),
            },
            {"type": "heading", "text": "Why Capture Lags"},
            {
                "type": "paragraph",
                "text": (
                    "Capturing associated gas requires processing plants, pipelines and "
                    "investment that Iraq has struggled to attract. Contracts with international "
                    "oil companies have historically focused on crude output, and the state-owned "
                    "gas sector has been hampered by bureaucracy, insecurity and limited budgets. "
                    "Several major gas-capture projects have been signed in recent years, "
                    "including multi-billion-dollar agreements with foreign energy companies, but "
                    "they take years to build and their timetables have often slipped."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The electricity sector has its own problems. Transmission and distribution "
                    "losses are high, because of ageing infrastructure and widespread "
                    "unauthorised connections. Tariffs are low and bill collection is poor, "
                    "leaving the state to subsidise the system heavily. That makes it hard to "
                    "finance maintenance or new capacity, and weakens any incentive for consumers "
                    "to use power efficiently. Even when generation improves, much of the extra "
                    "output can be lost before it reaches homes."
                ),
            },
            {"type": "heading", "text": "Regional Links and Political Stakes"},
            {
                "type": "paragraph",
                "text": (
                    "Iraq has sought to diversify its supplies by connecting its grid with "
                    "neighbours. Links with Jordan and with the Gulf states' shared grid have "
                    "been built or are under way, offering alternatives to Iranian power. These "
                    "connections are modest relative to Iraq's needs, but they carry political "
                    "weight, signalling a gradual rebalancing of the country's energy "
                    "relationships. Expanded electricity imports from Turkey into northern Iraq "
                    "have also been discussed."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Solar power is another promising avenue. Iraq has excellent solar resources "
                    "and has signed agreements for large solar plants, which could help meet "
                    "daytime peaks in summer. But progress has been slow, and integrating large "
                    "amounts of solar into a weak grid requires investment in transmission and "
                    "storage. The country's renewable ambitions, like its gas-capture plans, "
                    "depend on the same underlying conditions: political stability, regulatory "
                    "clarity and a workable relationship between the state and investors."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Fixing Iraq's electricity problem is not mainly a question of technology; "
                    "the solutions are well known. It is a question of governance, financing and "
                    "political will, in a system where subsidies, patronage and informal "
                    "generator networks all have beneficiaries. Progress is possible, and some "
                    "has been made. But until associated gas is routinely captured and the grid's "
                    "finances are put on a sustainable footing, Iraqis will continue to swelter "
                    "through summers in one of the world's great energy-rich nations."
                ),
            },
        ],
        "footnotes": [
            (
                "Flaring estimates are derived largely from satellite observations and can differ "
                "from figures reported by national authorities."
            ),
        ],
    },
    {
        "slug": "gulf-european-ports-green-ammonia-memorandum",
        "type": "news",
        "region": "middle-east",
        "extra_regions": ["europe"],
        "topics": ["energy", "climate"],
        "authors": ["priya-raman"],
        "headline": "Gulf Energy Firm and European Ports Sign Green Ammonia Supply Memorandum",
        "dek": (
            "The non-binding agreement envisages shipments of hydrogen-derived ammonia to "
            "northern Europe later this decade, subject to financing, certification and buyers "
            "signing long-term contracts."
        ),
        "days_ago": 0,
        "hero": {
            "scene": "desert",
            "caption": (
                "Simple generated dunes under a bright sun stand in for a photograph in this news "
                "story."
            ),
            "alt": "Stylised desert landscape with sand dunes and a sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "A state-backed energy company in the Gulf and a group of northern European "
                    "port operators have signed a memorandum of understanding to develop a supply "
                    "chain for green ammonia, a hydrogen-based fuel and chemical feedstock made "
                    "using renewable electricity. The agreement, which is not legally binding, "
                    "sets out plans for feasibility studies, shared terminal standards and pilot "
                    "shipments later in the decade."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Ammonia is seen as one of the most practical ways to move hydrogen over long "
                    "distances, since it can be shipped in liquid form using established "
                    "technology. It can be used directly in fertiliser production and some "
                    "industrial processes, or converted back into hydrogen at its destination, "
                    "although that conversion consumes energy and adds cost. European industry is "
                    "expected to need substantial imports to meet its decarbonisation targets."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Gulf producers are drawn by the prospect of turning abundant sunshine, "
                    "available land and long experience of large energy projects into a new "
                    "export industry. Several countries in the region have published national "
                    "hydrogen strategies, and a few large projects have reached construction. "
                    "However, many announced schemes around the world remain at an early stage, "
                    "and analysts have cautioned that only a fraction are likely to proceed."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The main obstacles are economic. Green ammonia remains considerably more "
                    "expensive than ammonia made from natural gas, and buyers have been reluctant "
                    "to sign long-term contracts at a premium without firm policy support. "
                    "Certification is another hurdle: European buyers will need assurance that "
                    "imported fuel meets EU rules on renewable origin and emissions, which "
                    "require detailed tracking of the electricity used in production."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Port operators said the memorandum would help them plan investment in "
                    "storage tanks and safety systems, since ammonia is toxic and must be handled "
                    "with care. Environmental groups said imports could play a role in "
                    "decarbonising heavy industry but urged that priority go to uses where direct "
                    "electrification is not possible, rather than to sectors with cheaper "
                    "alternatives. The parties said they expected to report on the feasibility "
                    "studies within the next two years."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "refugee-hosting-communities-funding-gap",
        "type": "news",
        "region": "middle-east",
        "extra_regions": [],
        "topics": ["migration", "economy"],
        "authors": ["rania-haddad"],
        "headline": "Aid Agencies Warn of Deepening Funding Gap for Refugee-Hosting Communities",
        "dek": (
            "At a regional meeting, humanitarian organisations said cuts in donor support risk "
            "pushing refugees and poor host families in the Levant into deeper hardship this "
            "year."
        ),
        "days_ago": 7,
        "hero": {
            "scene": "city",
            "caption": (
                "This daytime skyline is a generated illustration used as a placeholder image."
            ),
            "alt": "Stylised city buildings beneath a clear daytime sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Humanitarian organisations meeting in Amman this week warned that shrinking "
                    "donor budgets are forcing cuts to food, cash and health assistance for "
                    "refugees across the Levant, with knock-on effects for the communities that "
                    "host them. Representatives of UN agencies and non-governmental groups said "
                    "appeals for the region had been only partly funded, and that some programmes "
                    "had already reduced the number of people they could reach."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Jordan and Lebanon host some of the largest refugee populations in the world "
                    "relative to their size, most of them Syrians who fled the civil war that "
                    "began in 2011. Many have lived in the two countries for more than a decade, "
                    "often in towns and cities rather than camps, and depend on a mix of aid, "
                    "informal work and support from relatives. Aid workers said rising living "
                    "costs had eroded the value of assistance even before the latest cuts."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Speakers said reductions in aid were also hurting host communities, since "
                    "many programmes support local schools, clinics and water systems used by "
                    "refugees and citizens alike. They warned that competition for jobs and "
                    "services could heighten social tensions if support kept declining, "
                    "particularly in areas where poverty among host families is already high. "
                    "Municipal officials from several towns described schools running double "
                    "shifts and water networks operating beyond their design capacity."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Participants also discussed conditions for voluntary return to Syria, where "
                    "political change has raised hopes among some refugees of going home. Aid "
                    "agencies stressed that returns must be safe, voluntary and informed, and "
                    "pointed to widespread destruction of housing, damaged infrastructure and "
                    "scarce economic opportunities in many parts of Syria as obstacles to "
                    "large-scale return in the near term. Several agencies said they would expand "
                    "information services so that refugees could make decisions based on reliable "
                    "accounts of conditions."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Organisers said the aim of the meeting was to coordinate priorities rather "
                    "than to announce new pledges. Several participants called for multi-year "
                    "funding commitments that would let agencies plan ahead, and for greater "
                    "investment in livelihoods and education so that refugees can support "
                    "themselves. A fuller assessment of needs is expected to be presented to "
                    "donors in the coming months."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "small-states-big-mediators-gulf-diplomacy",
        "type": "opinion",
        "region": "middle-east",
        "extra_regions": [],
        "topics": ["diplomacy"],
        "authors": ["rania-haddad"],
        "headline": "Why Small Gulf States Have Become the World's Go-To Mediators",
        "dek": (
            "Qatar and Oman have built diplomatic influence far beyond their size by talking to "
            "everyone; the model has real strengths, but also limits that deserve honest "
            "scrutiny."
        ),
        "days_ago": 21,
        "hero": {
            "scene": "night-city",
            "caption": (
                "A stylised city under a night sky and moon, produced by the demo's generator, "
                "illustrates this column."
            ),
            "alt": "Illustration of a night skyline with lit windows and a crescent moon",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "When adversaries need to talk without being seen to talk, they increasingly "
                    "turn to the Gulf. Oman quietly hosted contacts between the United States and "
                    "Iran that paved the way for the 2015 nuclear agreement. Qatar hosted the "
                    "talks between Washington and the Taliban that led to the 2020 deal on the US "
                    "withdrawal from Afghanistan, and it has mediated repeatedly in conflicts "
                    "involving Gaza, including over the release of hostages. These are small "
                    "states with modest armed forces, yet they have made themselves "
                    "diplomatically indispensable."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Their method rests on a simple principle: keep channels open to everyone. "
                    "Oman has long cultivated a reputation for neutrality, maintaining relations "
                    "with Iran while remaining close to Western powers and its Gulf neighbours. "
                    "Qatar has combined that openness with deep financial resources and a "
                    "willingness to host political offices for groups that others shun. Both "
                    "offer discretion, secure venues and direct lines to almost any capital, a "
                    "scarce asset in a polarised region."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The benefits for the mediators are obvious. Mediation earns goodwill in "
                    "Washington, European capitals and beyond, providing a form of security that "
                    "small states cannot buy with weapons alone. It raises their international "
                    "profile and gives them a voice in decisions that affect their neighbourhood. "
                    "For the parties in conflict, it offers a trusted intermediary without the "
                    "baggage that great powers bring, and a place where concessions can be "
                    "explored without public commitment."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "But the model has limits, and honesty about them serves everyone. Mediators "
                    "who talk to armed groups are inevitably accused of legitimising or "
                    "sheltering them, and the line between facilitation and sympathy is "
                    "contested. Hosting political offices can expose a mediator to pressure from "
                    "powerful allies when talks fail. And mediation can yield agreements on paper "
                    "that the parties lack the will or capacity to implement, leaving the "
                    "mediator to absorb part of the blame."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "There is also a structural problem. Mediation depends on the willingness of "
                    "the main protagonists, and of their great-power backers, to reach a deal. No "
                    "intermediary, however skilled, can substitute for political decisions that "
                    "only the parties themselves can make. The Gulf mediators are most effective "
                    "on specific, bounded issues such as prisoner exchanges, humanitarian pauses "
                    "and hostage releases, and less so when asked to deliver comprehensive "
                    "settlements to conflicts that neither side is ready to end."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "None of this diminishes the value of what they do. In a world of hardening "
                    "blocs, states that keep lines open to all sides perform a public service, "
                    "even when they pursue their own interests in the process. The wiser course "
                    "for Western governments is to support these channels while being clear-eyed "
                    "about what they can achieve, and to avoid treating mediators as scapegoats "
                    "when the underlying conflicts prove intractable. Talking is not peace, but "
                    "without talking there can be no peace."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "suez-canal-discounts-container-lines",
        "type": "brief",
        "region": "middle-east",
        "extra_regions": ["africa"],
        "topics": ["trade"],
        "authors": ["daniel-okafor"],
        "headline": "Suez Canal Extends Toll Discounts in Bid to Win Back Container Traffic",
        "dek": (
            "Canal authorities have renewed fee rebates for large container ships, though "
            "shipping lines say security rather than price will decide their routes."
        ),
        "days_ago": 38,
        "hero": {
            "scene": "sea",
            "caption": (
                "A drawn seascape with a low sun, generated for this demo, illustrates the brief."
            ),
            "alt": "Stylised waves and sea horizon at sunset",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The authority that runs the Suez Canal has extended a package of toll "
                    "discounts for large container ships, its latest attempt to reverse the sharp "
                    "fall in traffic caused by attacks on shipping in the Red Sea. The rebates "
                    "apply to vessels above a certain size that return to the route, and are "
                    "meant to offset part of the cost advantage of sailing around southern "
                    "Africa."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Shipping executives said the discounts were welcome but unlikely on their "
                    "own to change routing decisions. Most large lines have said they will return "
                    "only when confident that crews and cargo will be safe, a judgement that "
                    "depends on security around the Bab el-Mandeb strait rather than on canal "
                    "fees."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "gulf-midday-outdoor-work-ban",
        "type": "brief",
        "region": "middle-east",
        "extra_regions": [],
        "topics": ["climate", "migration"],
        "authors": ["rania-haddad"],
        "headline": "Midday Outdoor Work Bans Return as Gulf Summer Heat Sets In",
        "dek": (
            "Governments across the Gulf are enforcing seasonal limits on outdoor labour, while "
            "rights groups argue that fixed hours no longer match rising temperatures."
        ),
        "days_ago": 42,
        "hero": {
            "scene": "desert",
            "caption": "A generated image of dunes and a blazing sun accompanies this brief.",
            "alt": "Stylised dunes under an intense yellow sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Seasonal bans on outdoor work during the hottest hours of the day have come "
                    "back into force across several Gulf states, covering construction sites, "
                    "farms and other open-air workplaces through the summer months. The rules, "
                    "which typically prohibit outdoor labour from around midday to mid-afternoon, "
                    "mainly protect migrant workers from South Asia and Africa, who make up most "
                    "of the region's outdoor workforce."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Labour rights organisations welcomed enforcement but argued that fixed "
                    "calendar dates and hours are too blunt for a warming climate, calling "
                    "instead for rules based on measured heat and humidity at each site. Some "
                    "governments have begun applying such measurements alongside the traditional "
                    "bans."
                ),
            },
        ],
        "footnotes": [],
    },
]
