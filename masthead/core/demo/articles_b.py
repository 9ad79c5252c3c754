"""Demo articles, part B: Asia-Pacific, Africa and the Americas.

Pure data for the demo publication. Slugs, regions, types, topics, authors and image
scenes refer to masthead/core/demo/taxonomy.py. Hero and inline images are generated
stylised scenes, and their captions and alt texts describe them as such.
"""

ARTICLES = [
    {
        "slug": "mekong-dams-quiet-politics-of-water",
        "type": "analysis",
        "region": "asia-pacific",
        "extra_regions": [],
        "topics": ["climate", "diplomacy", "energy"],
        "authors": ["mei-lin-zhou"],
        "headline": "On the Mekong, Dams Are Quietly Rewriting the Politics of Water",
        "dek": (
            "Hydropower cascades upstream are reshaping fisheries, farms and diplomacy "
            "downstream, and the region's institutions have struggled to keep pace with the "
            "concrete."
        ),
        "days_ago": 2,
        "hero": {
            "scene": "hills",
            "caption": (
                "Generated rolling hills under a low sun stand in for a news photograph in this "
                "demo."
            ),
            "alt": "Stylised illustration of green rolling hills beneath a low, warm sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Few rivers carry as much political weight as the Mekong. Rising on the "
                    "Tibetan Plateau, it runs through China, Myanmar, Laos, Thailand, Cambodia "
                    "and Vietnam before fanning out into one of the world's most productive "
                    "deltas. For centuries its rhythm was set by the monsoon: a long dry season "
                    "followed by a flood pulse that fed fisheries and replenished rice paddies "
                    "with sediment. That rhythm is now increasingly set by engineers. A chain of "
                    "large dams on the upper river, and a growing number on the lower mainstream "
                    "and its tributaries, has turned seasonal flow into something closer to a "
                    "managed release."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The consequences are felt most sharply downstream. Cambodia's Tonle Sap, a "
                    "lake that swells several times over when the Mekong's flood backs up into "
                    "it, depends on that pulse for the fish that supply much of the country's "
                    "protein. Vietnam's delta, home to millions of farmers, relies on sediment to "
                    "keep its low-lying land above the encroaching sea. Researchers have linked "
                    "lower sediment loads and erratic flows to dam operations, although drought, "
                    "sand mining and groundwater extraction all play a part, and untangling the "
                    "causes remains a matter of fierce scientific and political debate.[fn:1]"
                ),
            },
            {
                "type": "heading",
                "text": "Two Clubs, One River",
            },
            {
                "type": "paragraph",
                "text": (
                    "The diplomatic architecture reflects the river's divided geography. The "
                    "Mekong River Commission, created in 1995, brings together Cambodia, Laos, "
                    "Thailand and Vietnam, with China and Myanmar taking part only as dialogue "
                    "partners. Its procedures require members to notify and consult one another "
                    "on mainstream projects, but they grant no veto, and several contested dams "
                    "have gone ahead despite objections. In 2016 Beijing launched its own forum, "
                    "the Lancang-Mekong Cooperation framework, which includes all six riparian "
                    "states and comes with a development fund. The result is two overlapping "
                    "clubs with different memberships, different rules and very different amounts "
                    "of money."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Data sharing has become the quiet battleground. Downstream governments and "
                    "independent researchers have long pressed for year-round information on "
                    "reservoir levels and release schedules from upstream operators. Some data "
                    "now flows through both forums, and the commission has invested in monitoring "
                    "stations and forecasting tools. Yet the information is often partial or "
                    "delayed, and it arrives through channels that upstream states control. For "
                    "farmers in the delta deciding when to plant, the difference between a timely "
                    "warning and a late one can determine whether a harvest survives the dry "
                    "season."
                ),
            },
            {
                "type": "image",
                "scene": "fields",
                "caption": (
                    "Stylised striped fields, drawn by the demo's image generator, evoke the "
                    "delta's rice country without depicting it."
                ),
                "alt": (
                    "Generated illustration of striped green and gold farm fields beneath a pale "
                    "sky"
                ),
            },
            {
                "type": "heading",
                "text": "The Battery of Southeast Asia",
            },
            {
                "type": "paragraph",
                "text": (
                    "Laos sits at the centre of the dilemma. Landlocked and heavily indebted, it "
                    "has staked much of its development strategy on exporting hydropower to its "
                    "neighbours, an ambition often summed up in the phrase 'battery of Southeast "
                    "Asia'. Thailand has been the main buyer, and long-term power purchase "
                    "agreements underpin many of the projects. For Vientiane, each new dam "
                    "promises foreign exchange and infrastructure; for communities along the "
                    "banks, it can mean resettlement, lost fishing grounds and changes to a river "
                    "they have known for generations. The government has little room to slow down "
                    "while debt repayments keep falling due."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The energy transition adds another twist. As regional utilities try to cut "
                    "coal use, hydropower is marketed as a low-carbon alternative, and investors "
                    "see it as a bankable way to meet rising demand. But the falling cost of "
                    "solar, including panels floated on existing reservoirs, offers an option "
                    "that could deliver power with far less disruption to the river. Several "
                    "studies have argued that a mix of solar, wind and better grid links could "
                    "replace a significant share of planned mainstream dams.[fn:2] Whether "
                    "governments take that path depends as much on financing structures and "
                    "political relationships as on engineering."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "What would better governance look like? The most practical steps are "
                    "unglamorous: binding commitments to share operational data in real time, "
                    "joint environmental assessments that cover whole cascades rather than single "
                    "projects, and coordinated releases during droughts. None requires a grand "
                    "treaty, but all require upstream states to accept a degree of transparency "
                    "they have so far offered only selectively. Until then, the people of the "
                    "lower Mekong will keep living with a river whose moods are decided far away, "
                    "by operators they cannot see and under agreements they did not sign."
                ),
            },
        ],
        "footnotes": [
            (
                "Scientific assessments differ on how much of the decline in sediment and fish "
                "catch can be attributed to dams rather than to sand mining, land use and climate "
                "variability."
            ),
            (
                "Modelling by university and independent researchers has compared dam-heavy and "
                "solar-heavy expansion scenarios for the lower Mekong power system."
            ),
        ],
    },
    {
        "slug": "pacific-islands-bargaining-power-great-powers",
        "type": "analysis",
        "region": "asia-pacific",
        "extra_regions": [],
        "topics": ["defence", "diplomacy", "climate"],
        "authors": ["mei-lin-zhou", "anna-kowalczyk"],
        "headline": "Pacific Island States Turn Great-Power Rivalry Into Bargaining Power",
        "dek": (
            "Courted by Canberra, Beijing and Washington at once, small island governments are "
            "learning to set the terms, though their leverage may prove fleeting."
        ),
        "days_ago": 9,
        "hero": {
            "scene": "sea",
            "caption": "A stylised sea horizon stands in for a news photograph in this demo.",
            "alt": "Stylised illustration of a calm blue sea under a low sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "For much of the post-Cold War era the Pacific Islands sat at the edge of "
                    "strategic attention, visited by foreign ministers mostly when a cyclone "
                    "struck or a summit required a photograph. That era is over. Security "
                    "agreements, new embassies, patrol boats and infrastructure loans have "
                    "arrived in quick succession, as China expanded its presence and Australia, "
                    "the United States, Japan and New Zealand responded. Island governments that "
                    "once struggled to secure a meeting now field competing offers, and many have "
                    "grown adept at playing the suitors against one another without committing "
                    "fully to any of them."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For many observers the turning point came in 2022, when Solomon Islands "
                    "signed a security agreement with China. The text was not published in full, "
                    "which fuelled speculation in Canberra and Washington about port access and a "
                    "possible naval foothold. Honiara insisted that the arrangement concerned "
                    "domestic stability and policing. Whatever its precise terms, the deal showed "
                    "that a small state could upend regional assumptions with a single signature, "
                    "and it set off a burst of diplomatic activity across the region that has yet "
                    "to subside."
                ),
            },
            {
                "type": "heading",
                "text": "Climate First, Then Everything Else",
            },
            {
                "type": "paragraph",
                "text": (
                    "Island leaders have been consistent about their own priorities. The Pacific "
                    "Islands Forum's Boe Declaration of 2018 described climate change as the "
                    "single greatest threat to the livelihoods, security and wellbeing of the "
                    "region's peoples. For atoll nations whose highest ground may be only a few "
                    "metres above the sea, that is not rhetoric. Partners who arrive talking "
                    "about submarines and surveillance aircraft, but not about sea walls, "
                    "adaptation finance or fisheries enforcement, tend to receive a polite "
                    "hearing and little more."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "A small state that can say no to everyone has discovered a kind of power "
                    "that larger nations rarely notice until it is used."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "Australia has tried to fuse the two agendas. Its 2023 treaty with Tuvalu "
                    "combined a security guarantee with a migration pathway allowing a limited "
                    "number of Tuvaluans to settle in Australia each year, an explicit "
                    "acknowledgement that rising seas may displace entire communities. Critics in "
                    "Tuvalu worried about sovereignty, since the treaty gives Canberra a say over "
                    "the country's other security arrangements. Supporters saw it as the first "
                    "agreement to treat climate mobility as a security question. Either way, it "
                    "has become a template that other governments are studying closely."
                ),
            },
            {
                "type": "heading",
                "text": "The Limits of Leverage",
            },
            {
                "type": "paragraph",
                "text": (
                    "Bargaining power in a competitive market has a shelf life. If one major "
                    "power scales back, or if the competitors tacitly divide the region into "
                    "spheres of influence, the islands' ability to extract concessions could "
                    "shrink quickly. There is also a risk of fragmentation. The forum itself came "
                    "under strain when several Micronesian members threatened to leave over a "
                    "leadership dispute, a rift that was patched up but not forgotten. Outside "
                    "powers that court individual capitals can, intentionally or not, weaken the "
                    "regional institutions that give small states a collective voice."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Domestic politics adds further uncertainty. Governments in the region often "
                    "rest on narrow parliamentary majorities, and foreign partnerships can become "
                    "campaign issues overnight. Projects that are visible and quick, such as "
                    "roads, stadiums and hospital wings, tend to earn more goodwill than "
                    "long-term programmes, and donors have noticed. That dynamic rewards "
                    "eye-catching commitments over sustained capacity building in maritime "
                    "surveillance, customs and financial regulation, which is where many of the "
                    "real vulnerabilities lie."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The most durable strategy for island states may be the least dramatic: "
                    "keeping the forum united, insisting that security partnerships include "
                    "climate and fisheries components, and demanding the same transparency from "
                    "every partner. The great powers, for their part, would do well to remember "
                    "that attention measured in summits and press releases is easily matched by a "
                    "rival. Attention measured in decades of reliable presence is much harder to "
                    "compete with, and it is what Pacific governments have been asking for all "
                    "along."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "asia-chip-map-redrawn-subsidies",
        "type": "analysis",
        "region": "asia-pacific",
        "extra_regions": [],
        "topics": ["technology", "trade", "economy"],
        "authors": ["priya-raman", "mei-lin-zhou"],
        "headline": "The Chip Map Is Being Redrawn, One Subsidy at a Time",
        "dek": (
            "Export controls and industrial policy are pushing semiconductor investment across "
            "Asia, spreading risk but raising costs for an industry built on ruthless efficiency."
        ),
        "days_ago": 15,
        "hero": {
            "scene": "night-city",
            "caption": (
                "A generated night skyline with lit windows and a moon illustrates this piece; it "
                "shows no real city."
            ),
            "alt": "Stylised city skyline at night with a crescent moon and rows of lit windows",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "For three decades the semiconductor industry organised itself around a "
                    "simple logic: put each stage of production wherever it could be done best "
                    "and cheapest. Design clustered in the United States, advanced fabrication "
                    "concentrated in Taiwan and South Korea, the most sophisticated equipment "
                    "came from the United States, Japan and the Netherlands, and assembly and "
                    "testing spread across Southeast Asia and China. The system was astonishingly "
                    "productive. It was also, as pandemic-era shortages and rising geopolitical "
                    "tension revealed, exquisitely fragile, with single points of failure that "
                    "governments had barely noticed."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Since 2022, export controls have added a political layer to that geography. "
                    "Washington has restricted sales of advanced chips and chipmaking tools to "
                    "China, and allies that are home to key equipment makers have introduced "
                    "controls of their own.[fn:1] Beijing has responded by pouring state money "
                    "into domestic production and by tightening its own export controls on some "
                    "minerals used in electronics. The effect has been to split parts of the "
                    "market into separate spheres, with companies increasingly asked to decide "
                    "which side of the line their most sensitive operations will sit on."
                ),
            },
            {
                "type": "heading",
                "text": "Everyone Wants a Fab",
            },
            {
                "type": "paragraph",
                "text": (
                    "Governments have answered with subsidies on a scale not seen in decades. "
                    "Japan has backed new fabrication plants, including a joint venture in "
                    "Kumamoto with Taiwan's industry leader, and has funded a domestic start-up "
                    "aiming for cutting-edge logic chips. South Korea has offered generous tax "
                    "credits to its national champions. India has launched incentive schemes to "
                    "attract its first large fabs and packaging plants. Each programme promises "
                    "jobs and security of supply; collectively they risk a costly race in which "
                    "too many plants chase too few customers when demand turns down."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Southeast Asia is winning a different share of the prize. Malaysia, whose "
                    "Penang cluster has handled chip assembly and testing since the 1970s, has "
                    "attracted fresh investment in advanced packaging, a stage that has grown in "
                    "importance as chipmakers stack and combine components. Vietnam and Thailand "
                    "have drawn assembly and electronics plants from firms diversifying away from "
                    "China, while Singapore continues to host specialised fabrication. These "
                    "countries are betting that neutrality and reliability will make them "
                    "indispensable to companies seeking a 'China plus one' footprint."
                ),
            },
            {
                "type": "heading",
                "text": "The Price of Resilience",
            },
            {
                "type": "paragraph",
                "text": (
                    "Resilience is not free. A fab in Arizona or Kumamoto costs more to build and "
                    "run than one in Hsinchu, and duplicated supply chains mean duplicated "
                    "overheads. Those costs eventually flow into the price of phones, cars and "
                    "data centres. Economists debate how large the premium will be, but the "
                    "direction is clear: the era in which every cost saving was pursued "
                    "regardless of political risk has ended. Consumers may not notice at first, "
                    "because chips are a small share of most products' prices, but the effect "
                    "compounds across an economy."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Talent may be a tighter constraint than capital. New plants need engineers "
                    "and technicians with years of specialised training, and several projects "
                    "outside Taiwan have reported difficulty hiring. Universities in Japan, South "
                    "Korea and India are expanding their programmes, but the pipeline takes years "
                    "to fill. Meanwhile Taiwan remains home to the most advanced production by a "
                    "wide margin, and its government is wary of letting leading-edge processes "
                    "migrate too quickly, seeing the industry as an important pillar of the "
                    "island's security."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For Asian policymakers the question is how to capture the benefits of "
                    "diversification without being drawn into a subsidy contest they cannot "
                    "afford. The most successful may be those that focus on niches, such as "
                    "packaging, specialised materials or testing, rather than trying to replicate "
                    "the entire chain. In a fragmented industry, being the reliable partner for "
                    "one crucial step could prove more valuable than owning an expensive plant "
                    "that struggles to find work when the cycle turns."
                ),
            },
        ],
        "footnotes": [
            (
                "The first broad US controls were announced in October 2022 and extended in later "
                "rounds; Japan and the Netherlands introduced their own curbs on chipmaking "
                "equipment in 2023."
            ),
        ],
    },
    {
        "slug": "indonesia-nickel-export-ban-downstreaming",
        "type": "analysis",
        "region": "asia-pacific",
        "extra_regions": ["europe"],
        "topics": ["energy", "trade", "economy"],
        "authors": ["priya-raman"],
        "headline": "Indonesia's Nickel Gamble Has Paid Off, but the Bill Is Still Arriving",
        "dek": (
            "An ore export ban turned Indonesia into a processing powerhouse for battery metals, "
            "drawing investment, trade disputes and mounting environmental questions in roughly "
            "equal measure."
        ),
        "days_ago": 22,
        "hero": {
            "scene": "hills",
            "caption": (
                "This stylised hillside scene was drawn by a program and is not a photograph of "
                "any mining region."
            ),
            "alt": "Generated landscape of layered hills under a bright, hazy sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "When Indonesia banned exports of raw nickel ore in January 2020, many "
                    "economists predicted that foreign buyers would simply look elsewhere. "
                    "Instead, investors came to the ore. The country holds some of the largest "
                    "nickel reserves in the world, and the ban forced companies that wanted "
                    "access to build smelters and refineries on Indonesian soil. Within a few "
                    "years, industrial parks on Sulawesi and in the Maluku islands had grown into "
                    "some of the largest metal-processing complexes anywhere, and Indonesia had "
                    "become the dominant supplier of refined nickel to world markets."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The policy, known at home as downstreaming, has become a centrepiece of "
                    "economic strategy. Officials point to surging export earnings from processed "
                    "nickel products and to tens of thousands of jobs in regions that previously "
                    "relied on farming and fishing. The ambition extends further up the value "
                    "chain: from nickel pig iron and stainless steel to the intermediate "
                    "chemicals used in battery cathodes, and eventually to battery cells and "
                    "electric vehicles. Jakarta has sought to apply the same approach to other "
                    "minerals, including bauxite."
                ),
            },
            {
                "type": "heading",
                "text": "Trade Rules Versus Industrial Policy",
            },
            {
                "type": "paragraph",
                "text": (
                    "Not everyone is applauding. The European Union challenged the ore ban at the "
                    "World Trade Organization, and a dispute panel ruled against Indonesia in "
                    "2022. Jakarta appealed, but because the organisation's appellate body has "
                    "been unable to hear cases since 2019, the appeal left the ruling in limbo. "
                    "The episode illustrated a broader shift: resource-rich developing countries "
                    "increasingly see export restrictions as legitimate tools of development, "
                    "while importing countries see them as a breach of rules they helped to "
                    "write. Many of those same importers are now pursuing generous industrial "
                    "subsidies of their own."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "Indonesia did not ask permission to climb the value chain; it simply changed "
                    "the terms on which its ore could leave the country."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "Most of the capital behind the smelters came from Chinese companies, which "
                    "brought technology, financing and a willingness to build fast. That has "
                    "complicated Indonesia's hopes of selling into Western markets. American "
                    "electric-vehicle incentives were written to exclude batteries containing "
                    "materials linked to so-called foreign entities of concern, and European "
                    "buyers face growing scrutiny of supply-chain emissions and labour standards. "
                    "Indonesian officials have courted Korean, Japanese and Western investors to "
                    "diversify ownership, with mixed results so far."
                ),
            },
            {
                "type": "heading",
                "text": "Coal, Forests and Safety",
            },
            {
                "type": "paragraph",
                "text": (
                    "The environmental costs are significant. Many smelters run on captive "
                    "coal-fired power plants built inside the industrial parks, which means that "
                    "nickel destined for clean-energy products often carries a heavy carbon "
                    "footprint. Mining has cleared forest on islands with exceptional "
                    "biodiversity, and communities have reported damage to water sources and "
                    "coastal fisheries. Some refineries use high-pressure acid leaching, a "
                    "process that produces large volumes of tailings whose safe storage in an "
                    "earthquake-prone region is a serious engineering challenge."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Worker safety has also come under scrutiny after deadly accidents at "
                    "processing sites, prompting protests and calls for stronger enforcement. "
                    "Labour groups argue that the speed of construction has outpaced oversight, "
                    "and that inspectors are too few for the scale of the industry. The "
                    "government has promised reforms, but the tension between rapid growth and "
                    "careful regulation is built into the model: much of downstreaming's appeal "
                    "to investors lies in how quickly plants can be approved and brought online."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Markets present a final risk. The flood of Indonesian supply has pushed "
                    "nickel prices sharply lower, squeezing higher-cost producers elsewhere and, "
                    "eventually, Indonesia's own margins. Battery chemistries are shifting too, "
                    "with lithium iron phosphate cells, which use no nickel at all, taking a "
                    "growing share of the electric-vehicle market. Indonesia's gamble has worked "
                    "spectacularly so far. Whether it becomes a durable industrial base or a boom "
                    "exposed to the next technological turn depends on how well the country "
                    "manages the costs it has so far deferred."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "rcep-trade-pact-rules-of-origin-fine-print",
        "type": "news",
        "region": "asia-pacific",
        "extra_regions": [],
        "topics": ["trade", "economy"],
        "authors": ["mei-lin-zhou"],
        "headline": "Asia's Largest Trade Pact Turns to the Fine Print of Rules of Origin",
        "dek": (
            "Officials from the fifteen RCEP economies are working through customs procedures and "
            "tariff schedules, as businesses complain that the agreement's benefits remain "
            "underused."
        ),
        "days_ago": 1,
        "hero": {
            "scene": "city",
            "caption": (
                "A generated daytime skyline serves as a placeholder image; it does not depict "
                "any real port or city."
            ),
            "alt": "Stylised skyline of office towers under a clear daytime sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Trade officials from the fifteen members of the Regional Comprehensive "
                    "Economic Partnership are focusing on the least glamorous part of their "
                    "agreement: the paperwork. Since the pact took effect in 2022, tariffs have "
                    "been falling on a staggered schedule across a bloc that includes the ten "
                    "ASEAN members alongside China, Japan, South Korea, Australia and New "
                    "Zealand. Yet business groups across the region say many companies still do "
                    "not claim the preferences available to them, deterred by complex rules of "
                    "origin and unfamiliar certification procedures."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The agreement's defining feature is a single set of origin rules covering "
                    "the whole bloc, which lets manufacturers count inputs from any member toward "
                    "qualifying for lower tariffs. In principle that should make it easier to "
                    "build supply chains that cross several borders. In practice, exporters often "
                    "rely on older bilateral deals they already understand, or simply pay "
                    "standard tariffs rather than navigate new forms. Customs agencies also "
                    "differ in how strictly they verify certificates, adding uncertainty for "
                    "smaller firms without specialist staff."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Technical working groups have been discussing ways to simplify matters, "
                    "including wider use of electronic certificates and self-declaration by "
                    "approved exporters. Some members have moved much faster than others in "
                    "digitising their customs systems, and officials acknowledge that uneven "
                    "capacity is a bottleneck. Trade ministries in the bloc's poorer members, "
                    "including Cambodia, Laos and Myanmar, have sought technical assistance to "
                    "help their exporters make use of the market access they were promised when "
                    "they signed."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Membership remains a subject of interest. India took part in the "
                    "negotiations but withdrew in 2019, citing concerns about its trade deficit "
                    "with China and the impact on domestic farmers and manufacturers. The "
                    "agreement allows new members to join, and applications from other economies "
                    "have been discussed, though accession procedures have moved slowly. Analysts "
                    "note that the bloc's economic weight, roughly 30 percent of global output, "
                    "makes it an attractive platform even without further expansion."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For now, success is measured less in headlines than in utilisation rates. "
                    "Economists who study the region argue that the largest gains will come "
                    "gradually, as tariff cuts deepen and firms adjust their sourcing decisions "
                    "over several years. If officials can make the rules easier to use, they say, "
                    "the pact could quietly become one of the most important pieces of economic "
                    "plumbing in Asia, whatever the geopolitical noise around it."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "philippines-typhoon-season-disaster-budgets",
        "type": "news",
        "region": "asia-pacific",
        "extra_regions": [],
        "topics": ["climate", "economy"],
        "authors": ["mei-lin-zhou"],
        "headline": "Philippine Provinces Brace for a Harsher Storm Season on Tighter Budgets",
        "dek": (
            "Local disaster offices are stockpiling supplies and rehearsing evacuations, but "
            "officials warn that back-to-back storms drain emergency funds faster than they can "
            "be replenished."
        ),
        "days_ago": 3,
        "hero": {
            "scene": "sea",
            "caption": (
                "Rolling waves and a pale sun, drawn by the demo's image generator, stand in for "
                "a photograph here."
            ),
            "alt": "Generated illustration of a choppy sea horizon with a pale sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Local governments across the Philippines are preparing for another demanding "
                    "stretch of the typhoon season, stocking evacuation centres and updating "
                    "hazard maps as forecasters warn of storms that intensify quickly over warm "
                    "seas. The archipelago lies in the path of the western Pacific's most active "
                    "storm belt, and around twenty tropical cyclones typically enter its area of "
                    "responsibility in a year, several of which make landfall. Disaster officials "
                    "say the challenge is no longer only the strength of individual storms, but "
                    "how often they arrive back to back."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Under Philippine law, local governments must set aside a share of their "
                    "revenue for disaster risk reduction and management, with part of it reserved "
                    "for quick response. Provincial officials say those funds can be exhausted "
                    "early in a heavy season, leaving municipalities reliant on transfers from "
                    "the national government that may take weeks to arrive. Poorer towns, which "
                    "often face the greatest exposure, have the least room to absorb the cost of "
                    "repairing roads, schools and water systems."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The country has invested heavily in early warning since Typhoon Haiyan, "
                    "known locally as Yolanda, killed more than six thousand people in 2013. "
                    "Storm-surge warnings are now issued in plainer language, and pre-emptive "
                    "evacuations have become standard practice in coastal communities. "
                    "Humanitarian groups credit those changes with saving lives, but they caution "
                    "that evacuations impose their own costs on families who lose income, and "
                    "that crowded shelters can become a health risk when storms follow one "
                    "another closely."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Climate finance is part of the conversation in Manila. In 2024 the "
                    "Philippines was chosen to host the board of the new international fund for "
                    "responding to loss and damage, created under the UN climate process to help "
                    "vulnerable countries cope with the impacts of a warming world. Officials and "
                    "advocates see the fund as symbolically important, although its resources "
                    "remain small compared with the damage a single severe typhoon can inflict on "
                    "a region's economy."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For farmers and fishing communities the questions are more immediate: "
                    "whether crop insurance payouts will arrive before the next planting, and "
                    "whether boats and nets can be replaced in time. Agricultural losses from "
                    "storms regularly run into billions of pesos. Local officials say the most "
                    "useful help would be predictable, pre-arranged funding released "
                    "automatically when a storm hits, rather than emergency appeals whose success "
                    "depends on the news cycle."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "europe-indo-pacific-fewer-frigates-more-trade",
        "type": "opinion",
        "region": "asia-pacific",
        "extra_regions": ["europe"],
        "topics": ["diplomacy", "trade", "defence"],
        "authors": ["helena-varga"],
        "headline": "Europe's Indo-Pacific Ambitions Need Fewer Frigates and More Trade Deals",
        "dek": (
            "Occasional naval deployments win headlines in European capitals, but Asian partners "
            "would value sustained economic engagement and steady diplomacy far more, argues our "
            "Europe editor."
        ),
        "days_ago": 12,
        "hero": {
            "scene": "night-city",
            "caption": (
                "The demo's image generator drew this moonlit skyline; it is an illustration, not "
                "a photograph."
            ),
            "alt": "Illustrated night skyline with a full moon and scattered yellow windows",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Every few years a European warship sails through the South China Sea, and "
                    "every few years European capitals treat the voyage as proof that the "
                    "continent has become a serious Indo-Pacific actor. The gesture is not "
                    "meaningless. Freedom of navigation matters to trading nations, and showing "
                    "the flag signals that Europe cares about the rules that keep sea lanes open. "
                    "But in the region itself, a single frigate passing through is a modest "
                    "footnote. The powers that shape Asian security measure presence in decades, "
                    "not deployments."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Europe's genuine leverage in Asia lies elsewhere. The European Union is "
                    "among the largest trading partners and investors for most Asian economies, a "
                    "regulatory superpower whose standards ripple through supply chains, and a "
                    "major source of development finance. Its trade agreements with Japan, South "
                    "Korea, Singapore, Vietnam and New Zealand have done more to anchor it in the "
                    "region than any naval visit. Talks with several other large partners have "
                    "dragged on for years, sometimes stalling altogether, and have too often "
                    "become tangled in domestic European politics."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "A frigate passing through is a visit; a trade agreement is a relationship."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "Consider how the region sees Europe's choices. Asian governments notice when "
                    "agricultural lobbies in a handful of member states hold up an agreement for "
                    "years, or when new sustainability rules arrive with little consultation of "
                    "the exporters who must comply. Rules on deforestation and carbon at the "
                    "border may be justified on their own terms, but palm-oil producers in "
                    "Southeast Asia and steelmakers across the region experience them as "
                    "unilateral impositions. A Europe that wants partners cannot simply export "
                    "its rulebook and expect gratitude."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "None of this means Europe should ignore security. It has real contributions "
                    "to make: maritime domain awareness, coastguard training, cyber defence, and "
                    "support for smaller states' ability to monitor their own waters. These are "
                    "unglamorous tasks, but they match what many regional governments say they "
                    "need, and they do not require Europe to pretend it can project power on the "
                    "scale of the United States or China. Quiet, sustained programmes build more "
                    "trust than occasional shows of force."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "There is also a coherence problem. France, Germany, the Netherlands and the "
                    "EU as a whole have each published Indo-Pacific strategies, with overlapping "
                    "but not identical priorities. For Asian partners, working out which European "
                    "voice speaks for whom can be a puzzle. A little more coordination, and a "
                    "little less competition for visibility among European capitals, would make "
                    "the continent a more predictable interlocutor and a more useful one."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The stakes are rising. As trade fragments and supply chains relocate, Asian "
                    "economies are deciding which partners to build long-term ties with. Europe "
                    "has much to offer: open markets, stable institutions and no territorial "
                    "claims in the region. It would be a waste to squander those advantages on "
                    "symbolism. The next time a European minister is tempted to announce a naval "
                    "deployment, the better announcement might be a concluded trade chapter, a "
                    "funded training programme, or a regular seat at regional tables."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "mongolia-rail-links-coal-gobi-border",
        "type": "brief",
        "region": "asia-pacific",
        "extra_regions": [],
        "topics": ["trade", "energy"],
        "authors": ["mei-lin-zhou"],
        "headline": "Mongolia Leans on New Rail Links to Move Coal Across the Gobi",
        "dek": (
            "Cross-border railway connections are replacing long truck convoys, promising faster "
            "exports and shorter queues at the frontier with China."
        ),
        "days_ago": 0,
        "hero": {
            "scene": "desert",
            "caption": (
                "A generated scene of dunes under a strong sun illustrates this brief; no real "
                "location is shown."
            ),
            "alt": "Stylised desert dunes under a large yellow sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Mongolia is relying increasingly on new railway connections to move coal "
                    "from its southern mines to the Chinese border, replacing part of the truck "
                    "convoys that have long clogged the crossing points. The country depends "
                    "heavily on coal sales to China for export earnings and government revenue, "
                    "and delays at the frontier have repeatedly hurt its economy. Officials say "
                    "added rail capacity should reduce queues, dust and road damage across the "
                    "Gobi."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Economists welcome the efficiency gains but caution that better logistics "
                    "also deepen Mongolia's dependence on a single customer and a single "
                    "commodity, leaving public finances exposed to swings in Chinese steel "
                    "demand. Plans to diversify the economy, built around copper, agriculture and "
                    "tourism, have so far advanced more slowly than the railways."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "southeast-asia-linked-qr-payments-borders",
        "type": "brief",
        "region": "asia-pacific",
        "extra_regions": [],
        "topics": ["technology", "economy"],
        "authors": ["priya-raman"],
        "headline": "Southeast Asia's Linked QR Payments Spread From Market Stalls to Borders",
        "dek": (
            "Travellers and small merchants can increasingly pay across borders with domestic "
            "banking apps, as central banks connect their national payment systems to one another."
        ),
        "days_ago": 6,
        "hero": {
            "scene": "city",
            "caption": (
                "This daytime skyline is a stylised image made by the demo's generator, not a "
                "news photograph."
            ),
            "alt": "Generated illustration of city towers in soft afternoon light",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "A web of bilateral links between national QR payment systems is allowing "
                    "travellers in Southeast Asia to pay at market stalls and cafés abroad with "
                    "the banking app they use at home. Central banks in Indonesia, Malaysia, "
                    "Singapore, Thailand and the Philippines have connected their systems in "
                    "various combinations, and the arrangement has become a showcase for regional "
                    "financial integration that bypasses card networks and trims conversion costs."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Officials see the next step as linking fast payment systems for remittances "
                    "and business transfers, which could lower costs for migrant workers sending "
                    "money home. Challenges remain over data standards, fraud controls and how to "
                    "settle transactions directly in local currencies rather than routing them "
                    "through the dollar."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "afcfta-free-trade-area-roads-and-borders",
        "type": "analysis",
        "region": "africa",
        "extra_regions": [],
        "topics": ["trade", "economy"],
        "authors": ["daniel-okafor"],
        "headline": "Africa's Free Trade Area Has a Treaty. Now It Needs Roads and Faster Borders",
        "dek": (
            "The continental trade agreement has cleared its legal hurdles, but lorries still "
            "idle for days at frontiers, and the real work of integration is physical and "
            "bureaucratic."
        ),
        "days_ago": 4,
        "hero": {
            "scene": "fields",
            "caption": (
                "Striped fields under an open sky, produced by a program, stand in for a news "
                "photograph."
            ),
            "alt": "Stylised farmland in alternating green and yellow stripes under a blue sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "On paper, the African Continental Free Trade Area is one of the most "
                    "ambitious trade projects of the century. Agreed in Kigali in 2018 and in "
                    "force since 2019, it aims to bring more than fifty countries into a single "
                    "market for goods and services, with a combined population of around 1.4 "
                    "billion people. Trading under its rules formally began in January 2021. Yet "
                    "ask a lorry driver waiting at a border post between two member states what "
                    "has changed, and the answer is often: very little, at least not yet."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The gap between treaty and reality is not surprising. Tariff cuts are phased "
                    "in over many years, with longer timelines for the least developed members, "
                    "and negotiations on rules of origin for sensitive products such as cars and "
                    "textiles took longer than planned. The secretariat in Accra launched a "
                    "Guided Trade Initiative in 2022 to let a small group of countries ship goods "
                    "under the agreement's terms, partly to prove that the system worked. "
                    "Participation has widened since, but volumes remain modest beside the "
                    "agreement's promise.[fn:1]"
                ),
            },
            {
                "type": "heading",
                "text": "The Cost of a Border",
            },
            {
                "type": "paragraph",
                "text": (
                    "Tariffs were never the main barrier to African trade. Studies by development "
                    "banks have long found that transport costs, slow customs clearance, "
                    "unofficial payments at checkpoints and poor road and rail links add far more "
                    "to the price of goods moving between African countries than import duties "
                    "do. Trade among African countries accounts for only around a sixth of the "
                    "continent's total trade, a far lower share than in Europe or Asia.[fn:2] "
                    "Much of the gap reflects infrastructure built in the colonial era to carry "
                    "commodities from interior to port, not between neighbours."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "One-stop border posts, where two countries' customs officials work side by "
                    "side, have shown what is possible. At crossings in East and Southern Africa "
                    "that adopted the model, clearance times fell sharply, and trade corridor "
                    "authorities have pushed for digital cargo tracking and shared data systems. "
                    "Extending those reforms across the continent is slow, expensive work that "
                    "depends on trust between revenue authorities, many of which rely heavily on "
                    "customs receipts to fund their governments."
                ),
            },
            {
                "type": "heading",
                "text": "Payments, Standards and Services",
            },
            {
                "type": "paragraph",
                "text": (
                    "Finance is another bottleneck. A trader in one African country paying a "
                    "supplier in another has often had to convert currencies through the dollar "
                    "or the euro, incurring costs and delays. The Pan-African Payment and "
                    "Settlement System, developed with Afreximbank, is designed to let such "
                    "transactions settle directly in local currencies. Adoption by commercial "
                    "banks has been gradual, but advocates argue that it could matter as much to "
                    "the agreement's success as any tariff cut, especially for small businesses "
                    "working on thin margins."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Then there is the question of what will be traded. Many African economies "
                    "export similar raw commodities and import manufactured goods from outside "
                    "the continent. Without new productive capacity, removing tariffs will not by "
                    "itself generate much new trade. That is why the agreement's protocols on "
                    "investment, services, competition and digital trade matter. Services, from "
                    "logistics to finance to software, may offer faster gains than manufacturing, "
                    "because they depend less on roads and more on regulations that governments "
                    "can change quickly."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The agreement's supporters are right that it is a generational project, "
                    "comparable in ambition to the decades-long construction of the European "
                    "single market. Its critics are right that political will is uneven and that "
                    "implementation lags the rhetoric. Both can be true. The measure of progress "
                    "over the next few years will be found not in summit communiqués but at "
                    "border posts, in bank settlement times and in the invoices of firms that "
                    "never used to sell beyond their own frontiers."
                ),
            },
        ],
        "footnotes": [
            (
                "The Guided Trade Initiative began with a handful of volunteer countries and a "
                "short list of products before opening to more members."
            ),
            (
                "Estimates of intra-African trade vary with the data source and with how informal "
                "cross-border trade, which official statistics often miss, is treated."
            ),
        ],
    },
    {
        "slug": "sahel-juntas-security-partnerships-after-france",
        "type": "analysis",
        "region": "africa",
        "extra_regions": ["europe"],
        "topics": ["defence", "diplomacy"],
        "authors": ["anna-kowalczyk", "daniel-okafor"],
        "headline": (
            "After France, the Sahel's Juntas Are Rewriting the Rules of Security Partnership"
        ),
        "dek": (
            "Mali, Burkina Faso and Niger have expelled Western forces, left ECOWAS and turned to "
            "new partners, yet jihadist violence across the region has not receded."
        ),
        "days_ago": 11,
        "hero": {
            "scene": "desert",
            "caption": (
                "Dunes beneath a blazing sun, drawn by the demo's image generator, stand in for a "
                "photograph."
            ),
            "alt": "Illustration of sand dunes in warm orange tones under a bright sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Within little more than three years, the central Sahel's security landscape "
                    "was turned upside down. Military coups in Mali, Burkina Faso and Niger "
                    "brought to power juntas that accused France of failing to defeat the "
                    "jihadist insurgencies that have spread across the region since 2012. French "
                    "troops left Mali in 2022, Burkina Faso early the following year and Niger by "
                    "the end of 2023. The United Nations peacekeeping mission in Mali closed at "
                    "the end of 2023 after the government demanded its withdrawal, and American "
                    "forces later departed Niger as well."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "In place of those partnerships, the three governments have built an alliance "
                    "of their own. In September 2023 they signed a mutual defence pact "
                    "establishing the Alliance of Sahel States, and early the following year "
                    "announced their withdrawal from the Economic Community of West African "
                    "States, the regional bloc that had imposed sanctions after the coups. The "
                    "alliance has since moved toward a confederation, with talk of joint forces, "
                    "a common passport and shared development institutions. For the juntas it is "
                    "a statement of sovereignty; for their neighbours, a rupture in decades of "
                    "regional integration."
                ),
            },
            {
                "type": "heading",
                "text": "New Partners, Old Problems",
            },
            {
                "type": "paragraph",
                "text": (
                    "Russia has been the most visible beneficiary. Russian-linked military "
                    "contractors deployed to Mali and later to Burkina Faso and Niger, offering "
                    "training, protection for regime leaders and combat support without the "
                    "human-rights conditions attached to Western assistance. Turkish drones have "
                    "also become a significant part of the region's arsenals. These relationships "
                    "are transactional, often paid for partly with access to mining concessions, "
                    "and they have given the juntas a sense of strategic independence that "
                    "resonates with publics frustrated by years of Western operations."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Yet the security picture has not improved, and in many areas it has "
                    "worsened. Groups affiliated with al-Qaeda and the Islamic State continue to "
                    "control or contest large rural areas, blockade towns and attack army "
                    "positions. Rights organisations have documented killings of civilians during "
                    "counter-insurgency operations by national forces and their foreign partners, "
                    "abuses that in turn feed recruitment by armed groups. The number of people "
                    "displaced within the region has risen into the millions, and violence has "
                    "pushed southward toward the coastal states of the Gulf of Guinea."
                ),
            },
            {
                "type": "image",
                "scene": "hills",
                "caption": (
                    "A generated scene of low hills under a hazy sun illustrates this analysis; "
                    "it is not a photograph of the Sahel."
                ),
                "alt": "Stylised drawing of rolling hills beneath a large, pale sun",
            },
            {
                "type": "heading",
                "text": "Coastal States on Alert",
            },
            {
                "type": "paragraph",
                "text": (
                    "Benin, Togo, Ghana and Côte d'Ivoire have watched the spillover with alarm. "
                    "Attacks in their northern border regions have grown more frequent, and "
                    "governments have invested in border forces, local development programmes and "
                    "intelligence sharing. Their dilemma is that cooperation with the Sahelian "
                    "juntas, on whose territory the threat originates, has become politically "
                    "fraught. Coordination that once flowed through ECOWAS and Western partners "
                    "must now be negotiated bilaterally, with governments that often view their "
                    "coastal neighbours with suspicion."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For Europe the consequences are indirect but real. The Sahel sits on "
                    "migration routes toward the Mediterranean, and Niger's junta repealed a law "
                    "that had criminalised the transport of migrants northward, a measure that "
                    "European governments had backed. European influence in the region has shrunk "
                    "dramatically, and debates in Brussels and Paris have shifted from how to "
                    "fight the insurgency to how to keep any channel of dialogue open with "
                    "governments that regard the old partnership as a failure."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The juntas' narrative of reclaimed sovereignty has genuine popular support, "
                    "rooted in long-standing grievances about foreign influence. But sovereignty "
                    "does not by itself deliver security, and the promised transitions to "
                    "civilian rule have been repeatedly postponed. The test of the new "
                    "arrangements will be whether they can protect villages and reopen roads. So "
                    "far, the evidence suggests that swapping partners has changed the politics "
                    "of the Sahel far more than it has changed the war."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "green-hydrogen-africa-atlantic-coast-arithmetic",
        "type": "analysis",
        "region": "africa",
        "extra_regions": ["europe"],
        "topics": ["energy", "climate"],
        "authors": ["priya-raman"],
        "headline": "Green Hydrogen Dreams on Africa's Atlantic Coast Meet Hard Arithmetic",
        "dek": (
            "Namibia, Mauritania and Morocco are courting hydrogen investors with abundant sun "
            "and wind, but costs, buyers and water remain open questions for every project."
        ),
        "days_ago": 18,
        "hero": {
            "scene": "desert",
            "caption": (
                "A stylised desert under a midday sun stands in for a news photograph in this demo."
            ),
            "alt": "Generated illustration of pale dunes stretching toward a flat horizon",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Few energy ideas have travelled as fast as green hydrogen. Produced by "
                    "splitting water with renewable electricity, it promises a clean fuel for "
                    "industries that are hard to electrify, such as steelmaking, fertiliser "
                    "production and shipping. Along Africa's Atlantic and north-western coasts, "
                    "governments have embraced it as a chance to turn exceptional solar and wind "
                    "resources into exports. Namibia, Mauritania and Morocco have signed "
                    "agreements with developers and European partners, and projects worth tens of "
                    "billions of dollars sit on the drawing board."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The attraction is straightforward. Hydrogen's cost depends heavily on the "
                    "price of electricity, and sites that combine strong sunshine by day with "
                    "steady wind by night can run electrolysers for more hours, lowering costs. "
                    "Coastal deserts offer empty land and access to ports. European buyers, "
                    "seeking to replace imported natural gas and decarbonise heavy industry, have "
                    "signalled interest through partnership agreements and subsidy auctions "
                    "designed to bridge the price gap with fossil alternatives.[fn:1]"
                ),
            },
            {
                "type": "heading",
                "text": "From Memoranda to Megawatts",
            },
            {
                "type": "paragraph",
                "text": (
                    "Turning signed memoranda into operating plants has proved harder. "
                    "Electrolysers remain expensive, financing costs in emerging markets are "
                    "high, and buyers have been reluctant to sign long-term purchase contracts at "
                    "prices that would make projects bankable. Several high-profile projects "
                    "elsewhere in the world have been delayed or scaled back as developers "
                    "reassessed the economics. African projects face the added challenge of "
                    "building ports, pipelines, desalination plants and transmission lines from "
                    "scratch, often in remote places."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Namibia's flagship project near Lüderitz illustrates both the promise and "
                    "the tensions. Its location combines wind and solar resources with a "
                    "deep-water port, but parts of the planned site lie within a national park, "
                    "worrying conservationists. Government officials argue that the project could "
                    "transform a small economy and create thousands of jobs; critics ask how many "
                    "of those jobs will go to Namibians, and how much value will stay in the "
                    "country if the output is simply shipped abroad as ammonia."
                ),
            },
            {
                "type": "heading",
                "text": "Who Gets the Clean Energy?",
            },
            {
                "type": "paragraph",
                "text": (
                    "That question goes to the heart of the debate. Many African countries still "
                    "lack reliable electricity for their own citizens. Exporting the output of "
                    "vast renewable installations in the form of hydrogen, while local grids "
                    "struggle, strikes some economists as a repetition of the old pattern of "
                    "raw-material exports. A more balanced model would dedicate a share of new "
                    "generation to domestic grids, or use hydrogen locally to make green "
                    "fertiliser or iron, capturing more value and supporting agriculture and "
                    "industry at home."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Water is another sensitive issue in arid regions. Electrolysis requires "
                    "purified water, which in coastal deserts means desalination. The volumes are "
                    "manageable in engineering terms, and desalination plants could also supply "
                    "nearby towns, but they add cost and produce brine that must be handled "
                    "carefully to protect marine ecosystems. Developers who plan shared water "
                    "infrastructure from the outset are likely to find local support easier to "
                    "secure than those who treat water as an afterthought."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Morocco offers a useful reference point. Its large solar complexes, built "
                    "over the past decade with public finance and international lenders, have "
                    "given the country experience in managing giant renewable projects, and its "
                    "phosphate industry provides a ready domestic use for green ammonia. For the "
                    "region as a whole, the lesson may be that hydrogen succeeds where it is "
                    "grounded in local industry, rather than as a pure export play waiting for "
                    "distant buyers to make up their minds."
                ),
            },
        ],
        "footnotes": [
            (
                "Germany's H2Global scheme, for example, buys hydrogen derivatives abroad through "
                "auctions and resells them at home, with public money covering the difference in "
                "price."
            ),
        ],
    },
    {
        "slug": "kenya-rift-valley-geothermal-expansion",
        "type": "news",
        "region": "africa",
        "extra_regions": [],
        "topics": ["energy", "climate"],
        "authors": ["daniel-okafor"],
        "headline": "Kenya Pushes Deeper Into the Rift Valley for Geothermal Power",
        "dek": (
            "New drilling and financing plans aim to expand geothermal capacity, which already "
            "supplies a large share of Kenya's electricity, as demand from homes and industry "
            "rises."
        ),
        "days_ago": 2,
        "hero": {
            "scene": "hills",
            "caption": (
                "The demo's image generator drew these sunlit hills; they are not a picture of "
                "the Rift Valley."
            ),
            "alt": "Stylised hills in shades of green with a round sun above them",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Kenya is preparing a new phase of geothermal expansion in the Rift Valley, "
                    "as the state-owned developer and private operators line up drilling "
                    "programmes and seek financing from development lenders. Geothermal plants "
                    "already generate a large share of the country's electricity, often put at "
                    "around two-fifths of the total, making Kenya one of the world's leading "
                    "producers of power from underground heat. Officials argue that more capacity "
                    "is needed to meet rising demand from households, industry and, increasingly, "
                    "data centres."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Most existing output comes from the Olkaria fields near Lake Naivasha, where "
                    "wells tap steam from volcanic formations beneath the valley floor. New "
                    "exploration is focused on sites farther north, including the Menengai crater "
                    "and the Baringo-Silali area. Drilling is costly and carries geological risk, "
                    "since not every well finds steam at usable temperatures and pressures. That "
                    "risk is one reason governments and lenders often share the cost of early "
                    "exploration before private developers commit."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Unlike solar and wind, geothermal provides steady power around the clock, "
                    "which helps stabilise a grid that has expanded rapidly into rural areas. "
                    "Kenya's electricity mix is already dominated by renewable sources, including "
                    "hydropower from dams on the Tana River and a large wind farm near Lake "
                    "Turkana. Energy planners say geothermal's reliability lets them add more "
                    "variable solar and wind without leaning on expensive diesel generators to "
                    "cover the gaps."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The expansion faces familiar challenges. Communities near geothermal fields, "
                    "including Maasai groups around Olkaria, have raised concerns about land, "
                    "resettlement and the sharing of benefits, and some disputes have reached "
                    "courts and international grievance mechanisms. Electricity tariffs are a "
                    "sensitive political issue, and the national utility's finances remain "
                    "stretched. Investors want assurance that they will be paid reliably for the "
                    "power they deliver."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Kenya's experience is being watched across East Africa, where Ethiopia, "
                    "Tanzania and Djibouti also sit on the Rift system and have geothermal "
                    "potential that remains largely untapped. Regional officials see Kenyan "
                    "engineers and drilling expertise as a potential export in their own right. "
                    "If financing can be secured, the Rift could become a backbone of clean, "
                    "steady power for a region whose demand for electricity is expected to grow "
                    "for decades."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "nigeria-farmers-input-costs-harvest-prices",
        "type": "news",
        "region": "africa",
        "extra_regions": [],
        "topics": ["economy", "trade"],
        "authors": ["daniel-okafor"],
        "headline": "Nigerian Farmers Squeezed as Input Costs Outrun Harvest Prices",
        "dek": (
            "Currency reforms and the end of fuel subsidies have raised the cost of fertiliser, "
            "diesel and transport, leaving smallholders to weigh whether planting still pays."
        ),
        "days_ago": 7,
        "hero": {
            "scene": "fields",
            "caption": (
                "Neat rows of stylised fields, generated for this demo, take the place of a news "
                "photograph."
            ),
            "alt": "Illustration of farm fields in parallel bands of green and ochre",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Farmers across Nigeria's grain belt are confronting a season of difficult "
                    "arithmetic. Fertiliser, diesel, seed and transport have all grown sharply "
                    "more expensive in recent years, following the removal of the long-standing "
                    "petrol subsidy in 2023 and a series of currency reforms that saw the naira "
                    "lose much of its value against the dollar. Many smallholders say the price "
                    "they receive for maize, sorghum or rice at harvest no longer covers the cost "
                    "of planting, tending and moving the crop."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The reforms were intended to fix deep distortions. The fuel subsidy had "
                    "consumed a large share of government revenue, and multiple exchange rates "
                    "encouraged arbitrage and discouraged investment. Economists broadly "
                    "supported the direction of change. But the transition has been painful, "
                    "contributing to food inflation that has pushed many households into "
                    "hardship. Farmers occupy an awkward place in that story: food prices in the "
                    "cities are high, yet much of the margin is swallowed by costs along the "
                    "chain from field to market."
                ),
            },
            {
                "type": "image",
                "scene": "city",
                "caption": (
                    "A generated city skyline at dusk accompanies this report as a placeholder, "
                    "not as an image of any real city."
                ),
                "alt": "Stylised skyline of tall buildings against an orange dusk sky",
            },
            {
                "type": "paragraph",
                "text": (
                    "Insecurity compounds the pressure. In parts of the north-west and "
                    "north-central regions, attacks by armed groups and clashes between farmers "
                    "and herders have made some fields too dangerous to work. Farmers report "
                    "paying informal levies to reach their land or abandoning plots far from "
                    "their villages. Analysts say these conditions shrink the area under "
                    "cultivation and push people toward towns, with consequences for national "
                    "food supply that no fertiliser programme can fully offset."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Government programmes aim to cushion the impact, including distribution of "
                    "subsidised inputs, support for mechanisation and temporary waivers of import "
                    "duties on some staple foods. Agricultural economists say the schemes help at "
                    "the margins but reach only a fraction of the country's millions of "
                    "smallholders, and that distribution often favours better-connected farmers. "
                    "Domestic fertiliser production, which has grown with large urea plants in "
                    "recent years, offers some relief, though much of the output is exported when "
                    "world prices are attractive."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Traders and processors are adjusting as well. Some millers have begun "
                    "contracting directly with farmer cooperatives, supplying inputs on credit in "
                    "exchange for guaranteed deliveries. Such outgrower schemes can stabilise "
                    "incomes but depend on trust and enforcement in areas where both are scarce. "
                    "For now many farmers are hedging by planting smaller areas or switching to "
                    "crops that need less fertiliser, choices that make sense individually but "
                    "could tighten supplies next year."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The stakes extend beyond agriculture. Nigeria's population is young and "
                    "growing fast, and farming remains one of its largest sources of employment. "
                    "If rural incomes keep eroding, pressure on cities and on migration routes "
                    "will grow. Economists argue that the long-term benefits of the reforms "
                    "depend on whether the government channels the savings from the subsidy "
                    "removal into roads, storage, irrigation and security in the farming regions."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "africa-debt-restructuring-common-framework-months",
        "type": "opinion",
        "region": "africa",
        "extra_regions": [],
        "topics": ["economy", "diplomacy"],
        "authors": ["priya-raman"],
        "headline": (
            "Africa's Debt Crises Need a Restructuring System That Works in Months, Not Years"
        ),
        "dek": (
            "The G20's Common Framework was meant to speed up relief for struggling borrowers, "
            "but its slow record has punished the very countries it was designed to help."
        ),
        "days_ago": 27,
        "hero": {
            "scene": "city",
            "caption": (
                "This stylised skyline was created by the demo's image generator and shows no "
                "real financial district."
            ),
            "alt": "Generated daytime skyline with blocky towers and a few clouds",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "When the G20 launched its Common Framework for debt treatments in late 2020, "
                    "the idea was sensible. Lending to low-income countries had changed "
                    "dramatically since the last great wave of debt relief. China had become the "
                    "largest bilateral creditor to many African governments, and private "
                    "bondholders held a growing share of their debt. A framework bringing "
                    "traditional Paris Club lenders, China and other newer creditors to the same "
                    "table promised fairer burden-sharing and quicker deals. Several years on, "
                    "that promise looks badly overdue."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Zambia, which defaulted on its eurobonds in 2020, became the test case. It "
                    "took until 2023 to reach an agreement in principle with its official "
                    "creditors, and further rounds of negotiation with bondholders followed. "
                    "Ghana and Ethiopia also sought treatment under the framework, with long "
                    "processes of their own.[fn:1] Throughout those years, governments operated "
                    "under severe financing constraints, cutting investment and delaying payments "
                    "to suppliers, while their citizens bore the costs of inflation and austerity."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "Every month a default drags on is a month of schools unbuilt and clinics "
                    "unstocked."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "The delays have several causes, and the blame is widely shared. Creditors "
                    "have argued over how to compare the value of different types of loans, "
                    "whether multilateral lenders should take losses, and how to ensure that "
                    "private creditors contribute comparably. Debt sustainability analyses, which "
                    "set the size of the relief needed, became contested terrain. Each party had "
                    "reasons for caution; the cumulative effect was paralysis. Meanwhile, other "
                    "vulnerable borrowers watched and concluded that asking for help was worse "
                    "than struggling on."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "That deterrent effect may be the framework's most damaging legacy. "
                    "Governments that might benefit from early restructuring are instead cutting "
                    "essential spending to keep paying creditors, sometimes devoting more to "
                    "interest than to health and education combined. A system that discourages "
                    "countries from seeking relief until they are in freefall makes the eventual "
                    "crisis deeper and more expensive for everyone, creditors included."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Fixing it does not require a new global institution. Creditors could agree "
                    "on clear timelines for each stage of negotiation, with an automatic "
                    "suspension of debt service once a country formally requests treatment. "
                    "Standard methods for comparing loans would remove a recurring source of "
                    "argument. Bond clauses that pause payments after climate disasters, already "
                    "adopted by some borrowers, could become the norm. And the IMF could be given "
                    "a firmer mandate to keep lending when a single creditor unreasonably holds "
                    "up a deal.[fn:2]"
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "African governments have work to do as well. Borrowing transparency remains "
                    "poor in several countries, with collateralised loans and off-budget debts "
                    "surfacing only in a crisis. Fuller public disclosure of loan terms, and "
                    "parliamentary oversight of major borrowing, would make restructurings faster "
                    "and reduce the chance of repeating them. Relief without reform risks a "
                    "return to the same predicament within a decade."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The continent needs investment on a vast scale, in energy, infrastructure "
                    "and people, and that will inevitably involve borrowing. A well-functioning "
                    "system for resolving debt distress is not a luxury for that future but a "
                    "precondition of it. Creditors and borrowers alike have an interest in a "
                    "process that works in months rather than years. The cost of the alternative "
                    "is measured in the lost years of development that Zambia and others have "
                    "already paid."
                ),
            },
        ],
        "footnotes": [
            (
                "Chad was the first country to apply under the framework; Zambia, Ghana and "
                "Ethiopia followed with considerably more complex cases."
            ),
            (
                "The IMF's policy on lending into official arrears lets it proceed in some "
                "circumstances without full creditor agreement, but using it is politically "
                "delicate."
            ),
        ],
    },
    {
        "slug": "horn-of-africa-port-diplomacy-not-rivalry",
        "type": "opinion",
        "region": "africa",
        "extra_regions": ["middle-east"],
        "topics": ["diplomacy", "trade"],
        "authors": ["daniel-okafor"],
        "headline": "The Horn of Africa Needs Port Diplomacy, Not Port Rivalry",
        "dek": (
            "Ethiopia's quest for access to the sea has inflamed regional tensions; a cooperative "
            "approach to ports and corridors would serve every government in the Horn far better."
        ),
        "days_ago": 41,
        "hero": {
            "scene": "sea",
            "caption": (
                "A generated seascape with gentle waves stands in for a photograph; it depicts no "
                "actual coastline."
            ),
            "alt": "Stylised sea with small waves and an orange sun near the horizon",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Ethiopia is the most populous landlocked country in the world, and it rarely "
                    "lets its neighbours forget it. Since Eritrea's independence in 1993 left it "
                    "without a coastline, Ethiopia has routed the overwhelming majority of its "
                    "trade through Djibouti, paying substantial port and transit fees. Successive "
                    "governments have described sea access as a national priority, sometimes in "
                    "language that alarms neighbours who hear in it an echo of territorial "
                    "claims. The frustration is understandable; the way it has been pursued is "
                    "helping no one."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The region's waters are crowded with outside interests. Gulf states have "
                    "invested in ports along the Red Sea and the Gulf of Aden, and foreign "
                    "militaries maintain bases in Djibouti. Turkey has built a large presence in "
                    "Somalia. Attacks on shipping in the Red Sea from late 2023 underlined how "
                    "exposed these waters are, diverting vessels around the Cape of Good Hope and "
                    "cutting revenues for ports and canals alike. Every coastal government in the "
                    "Horn now sees its harbours as bargaining chips in a much larger game."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "In that environment, the memorandum of understanding Ethiopia signed with "
                    "Somaliland in early 2024, reportedly offering coastline access in exchange "
                    "for possible recognition, set off a predictable storm. Somalia, which "
                    "regards Somaliland as part of its territory, saw it as an assault on its "
                    "sovereignty and sought support from Egypt and Eritrea. Mediation later eased "
                    "the confrontation, but the episode showed how quickly a commercial ambition "
                    "can become a security crisis once it is framed in terms of sovereignty."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "Ports can be shared in ways that land cannot; that is their great diplomatic "
                    "virtue."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "There is a better path. Ports are not territory; they are services, and "
                    "services can be shared. Ethiopia's legitimate need for reliable, affordable "
                    "sea access can be met through long-term commercial agreements with several "
                    "coastal neighbours, backed by investment in the roads and railways that "
                    "connect them. The electrified railway to Djibouti, completed in the last "
                    "decade, shows that infrastructure can bind economies together. Similar "
                    "corridors to Berbera, Lamu or Port Sudan would reduce Ethiopia's dependence "
                    "on any single route."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Such arrangements work only if they are multilateral in spirit. Regional "
                    "bodies such as the Intergovernmental Authority on Development, which "
                    "includes the countries of the Horn, could host negotiations on transit "
                    "rules, tariffs and dispute resolution. Gulf investors, whose money is "
                    "building much of the region's port infrastructure, have an interest in "
                    "stability and should be pressed to support shared corridors rather than "
                    "exclusive arrangements that pit neighbours against each other."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "None of this will be easy. The Horn carries deep historical grievances, and "
                    "the war in Sudan and the fragile peace in northern Ethiopia leave little "
                    "room for trust. But the alternative is worse: a region in which every port "
                    "deal becomes a military flashpoint and every government seeks a foreign "
                    "patron to guard its coastline. Leaders who treat access to the sea as a "
                    "matter of cooperation rather than conquest would do their countries, and "
                    "their neighbours, a considerable service."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "west-africa-cocoa-price-swings-farm-economies",
        "type": "brief",
        "region": "africa",
        "extra_regions": [],
        "topics": ["economy", "trade"],
        "authors": ["daniel-okafor"],
        "headline": "Cocoa Price Swings Ripple Through West Africa's Farm Economies",
        "dek": (
            "Volatile global cocoa markets are testing the pricing systems of Côte d'Ivoire and "
            "Ghana, which together grow well over half of the world's beans."
        ),
        "days_ago": 1,
        "hero": {
            "scene": "fields",
            "caption": (
                "Bands of colour representing farmland were drawn by the demo's generator; no "
                "real farm is shown."
            ),
            "alt": "Generated image of striped fields receding toward low hills and sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Sharp swings in international cocoa prices are testing the regulated "
                    "marketing systems of Côte d'Ivoire and Ghana, which together produce well "
                    "over half of the world's cocoa. Both governments set farmgate prices for "
                    "each season to shield growers from volatility, but when world prices surge "
                    "the fixed prices can lag far behind, encouraging smuggling across borders "
                    "and frustrating farmers who see little of the windfall."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Ageing trees, plant disease and erratic rainfall have also reduced yields in "
                    "the region, adding to supply worries. Agronomists say replanting programmes "
                    "and fairer transmission of world prices to growers will matter more to "
                    "farmers' long-term prospects than any single season's market rally, however "
                    "dramatic."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "atlantic-route-canary-islands-west-african-migrants",
        "type": "brief",
        "region": "africa",
        "extra_regions": ["europe"],
        "topics": ["migration"],
        "authors": ["daniel-okafor"],
        "headline": "Atlantic Route to the Canary Islands Draws More West African Migrants",
        "dek": (
            "Long and perilous crossings from Senegal and Mauritania toward Spain's Canary "
            "Islands have grown as other migration routes become harder to use."
        ),
        "days_ago": 8,
        "hero": {
            "scene": "sea",
            "caption": (
                "An illustrated open sea under a low sun, made by a program, stands in for a news "
                "photograph."
            ),
            "alt": "Stylised wide ocean horizon with rolling waves and a setting sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The Atlantic sea route from West Africa to Spain's Canary Islands has become "
                    "one of the busiest irregular migration corridors toward Europe, with "
                    "departures from Senegal, Mauritania and neighbouring countries. The journey, "
                    "often made in crowded wooden fishing boats, can take a week or more across "
                    "open ocean and is among the deadliest in the world. Humanitarian groups say "
                    "many vessels are lost without any record."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Spain and the European Union have expanded cooperation with transit "
                    "countries on coastal patrols and legal migration schemes, while island "
                    "authorities have struggled to house arrivals, including large numbers of "
                    "unaccompanied minors, prompting disputes with Madrid over how responsibility "
                    "should be shared among Spain's regions."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "lithium-triangle-value-beyond-salt-flats",
        "type": "analysis",
        "region": "americas",
        "extra_regions": [],
        "topics": ["energy", "trade", "economy"],
        "authors": ["lucas-ferreira", "priya-raman"],
        "headline": "South America's Lithium Triangle Wants More Than Brine and Royalties",
        "dek": (
            "Argentina, Bolivia and Chile hold much of the world's lithium, and each is pursuing "
            "a different model to capture more value from the battery boom."
        ),
        "days_ago": 6,
        "hero": {
            "scene": "desert",
            "caption": (
                "A stylised desert scene, drawn by the demo's image generator, stands in for the "
                "high salt flats."
            ),
            "alt": "Generated image of smooth dunes under a white-hot sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "High in the Andes, where Argentina, Bolivia and Chile meet, lie salt flats "
                    "holding a large share of the world's known lithium resources. For years the "
                    "region was a curiosity of the commodities trade; the electric-vehicle boom "
                    "turned it into a strategic asset. Yet the three countries, often grouped "
                    "together as the lithium triangle, have taken strikingly different approaches "
                    "to developing it, shaped by their political histories, their constitutions "
                    "and their experience of earlier booms in silver, tin, copper and gas."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Chile has been a major producer for decades, with two companies operating in "
                    "the Salar de Atacama under contracts with a state development agency. In "
                    "2023 the government announced a national lithium strategy giving the state a "
                    "leading role in new strategic projects, and the state copper company Codelco "
                    "later agreed a partnership with the largest incumbent producer. The approach "
                    "aims to capture more revenue and steer development without scaring away "
                    "private capital, a balance that investors continue to scrutinise closely."
                ),
            },
            {
                "type": "heading",
                "text": "Three Models, One Market",
            },
            {
                "type": "paragraph",
                "text": (
                    "Argentina has taken the opposite path. Under its federal system, provinces "
                    "own subsurface resources, and they have competed to attract private miners "
                    "with favourable terms. Production has grown quickly, with new projects in "
                    "Catamarca, Salta and Jujuy, and a national incentive regime for large "
                    "investments introduced in 2024 has drawn further interest. Critics argue "
                    "that fragmented provincial oversight weakens environmental and fiscal "
                    "standards, and that the country mostly exports lightly processed lithium "
                    "carbonate rather than higher-value products."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Bolivia has the largest reported resources but the smallest output. Its "
                    "state lithium company has controlled development, and successive governments "
                    "have insisted that industrialisation must happen at home. Partnerships with "
                    "foreign firms, including Chinese and Russian companies promoting direct "
                    "extraction technologies, have been announced but have run into political and "
                    "legal hurdles. The high magnesium content of the Salar de Uyuni's brine and "
                    "the country's remote geography have also complicated extraction, leaving "
                    "much of Bolivia's potential on paper."
                ),
            },
            {
                "type": "image",
                "scene": "hills",
                "caption": (
                    "Generated rolling hills beneath a bright sun serve as a placeholder "
                    "illustration; the Andes are not depicted."
                ),
                "alt": "Stylised landscape of green hills and a round yellow sun",
            },
            {
                "type": "heading",
                "text": "Water and Consent",
            },
            {
                "type": "paragraph",
                "text": (
                    "Beneath the policy debates lies a shared controversy over water. Lithium "
                    "brine operations evaporate large volumes of water in some of the driest "
                    "places on earth, and Indigenous communities living around the salt flats "
                    "have raised concerns about the effects on springs, wetlands and grazing "
                    "land. Companies are testing direct lithium extraction methods that promise "
                    "to return brine to the aquifer and use less fresh water. Those technologies "
                    "look promising but are not yet proven at scale in the region's varied "
                    "geology."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The question of consent has become as important as the chemistry. Under an "
                    "international labour convention that all three countries have ratified, "
                    "Indigenous peoples are entitled to consultation on projects affecting their "
                    "lands. Implementation has been uneven, and protests over water and "
                    "consultation have delayed or reshaped projects in all three countries. "
                    "Companies increasingly recognise that a social licence to operate is a "
                    "commercial necessity, not merely a public-relations exercise."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Talk of an 'OPEC of lithium' surfaces periodically, but the differences "
                    "among the three countries make a cartel implausible. A more realistic form "
                    "of cooperation would focus on shared environmental standards, joint research "
                    "into extraction technologies and coordinated efforts to attract "
                    "battery-material processing. Whether the triangle becomes a cluster of "
                    "value-adding industry or remains a source of raw chemicals depends less on "
                    "geology than on the policy choices now being made in Santiago, Buenos Aires "
                    "and La Paz."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "panama-canal-drought-fragility-of-trade",
        "type": "analysis",
        "region": "americas",
        "extra_regions": [],
        "topics": ["climate", "trade"],
        "authors": ["lucas-ferreira"],
        "headline": "The Panama Canal's Drought Was a Warning About the Fragility of Trade",
        "dek": (
            "Low water levels forced the canal to cut transits, rippling through global shipping; "
            "a lasting fix means difficult choices about water and land in Panama itself."
        ),
        "days_ago": 14,
        "hero": {
            "scene": "sea",
            "caption": (
                "This calm seascape is a generated illustration standing in for a photograph; it "
                "shows no real waterway."
            ),
            "alt": "Illustrated sea horizon with gentle swell beneath a soft yellow sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Most people think of the Panama Canal as a feat of engineering that "
                    "conquered geography. It is also, fundamentally, a water system. Ships are "
                    "raised and lowered through locks using fresh water that flows by gravity "
                    "from Gatun Lake, an artificial reservoir created when the canal was built "
                    "more than a century ago. Each transit through the older locks sends tens of "
                    "millions of gallons of that water out to sea.[fn:1] When the rains fail, the "
                    "canal's capacity shrinks, and the effects reach supermarket shelves and fuel "
                    "markets thousands of miles away."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "That is what happened in 2023, when one of the driest years on record in "
                    "Panama, made worse by the El Niño climate pattern, drove lake levels sharply "
                    "down. The canal authority cut the number of daily transit slots and limited "
                    "how deeply ships could be loaded. Queues formed at both ends; some shipping "
                    "lines paid high fees at auction to jump ahead, while others diverted cargo "
                    "through the Suez Canal, around South America or across the United States by "
                    "rail. Restrictions eased as the rains returned in 2024."
                ),
            },
            {
                "type": "heading",
                "text": "A Reservoir Shared With a Nation",
            },
            {
                "type": "paragraph",
                "text": (
                    "The drought exposed a tension that had been building for years. Gatun Lake "
                    "and the neighbouring Alhajuela reservoir do not only feed the canal; they "
                    "also supply drinking water to about half of Panama's population, including "
                    "Panama City and Colón. As the country's population and economy grow, demand "
                    "for water rises at the same time as the canal seeks more transits. In a "
                    "severe dry season the authority must weigh ships against households, a "
                    "choice that no government wants to make in public."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "A canal built to defeat geography now finds itself negotiating with the "
                    "weather."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "The main long-term solution on the table is a new reservoir on the Río "
                    "Indio, west of the canal, which would feed additional water into the system. "
                    "The project requires relocating communities that live in the river basin, "
                    "and residents have raised concerns about compensation and the loss of "
                    "farmland and ways of life. Panama's courts and legislature have both been "
                    "involved in defining where the canal authority may build. The debate echoes "
                    "earlier disputes over the canal's expansion, whose larger locks opened in "
                    "2016."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Those newer locks use water-saving basins that recycle a large share of the "
                    "water used in each transit, a design that partly anticipated today's "
                    "constraints.[fn:2] Engineers have also explored ways to manage lake levels "
                    "more precisely and reduce losses. But efficiency gains alone may not be "
                    "enough if dry seasons grow longer and more intense, as climate projections "
                    "for the region suggest they could. Planning for a canal that must operate "
                    "reliably for decades means preparing for weather with no historical "
                    "precedent."
                ),
            },
            {
                "type": "heading",
                "text": "Lessons for Other Chokepoints",
            },
            {
                "type": "paragraph",
                "text": (
                    "The Panama episode coincided with disruption elsewhere. Attacks on ships in "
                    "the Red Sea forced many vessels to avoid the Suez Canal at around the same "
                    "time, leaving global shipping with two of its great shortcuts constrained at "
                    "once. Freight rates spiked, and supply chains that had only just recovered "
                    "from the pandemic were tested again. For policymakers, the lesson was that "
                    "chokepoints are vulnerable not only to conflict but also to climate, and "
                    "that the two can strike together."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "For Panama, the canal is an economic engine and a symbol of national "
                    "sovereignty, regained in full at the end of 1999. Protecting it requires "
                    "investment in water, but also careful politics at home, where communities "
                    "affected by new reservoirs must be treated as partners rather than "
                    "obstacles. For the rest of the world, the drought was a reminder that the "
                    "arteries of global trade depend on natural systems, and that resilience "
                    "means planning for the day when rain, not rivals, decides how much cargo can "
                    "pass."
                ),
            },
        ],
        "footnotes": [
            (
                "Figures commonly cited by the canal authority put the fresh water used per "
                "transit through the original locks at about 50 million gallons, or roughly 200 "
                "million litres."
            ),
            (
                "Each chamber of the expanded locks is paired with water-saving basins designed "
                "to reuse about 60 percent of the water in every lockage."
            ),
        ],
    },
    {
        "slug": "amazon-eight-nations-one-forest-diplomacy",
        "type": "analysis",
        "region": "americas",
        "extra_regions": [],
        "topics": ["climate", "diplomacy"],
        "authors": ["lucas-ferreira"],
        "headline": "Eight Nations, One Forest: The Slow Diplomacy of the Amazon",
        "dek": (
            "The Amazon's governments share a treaty organisation and a common stake in the "
            "forest's survival, but divergent economies and politics keep their cooperation "
            "modest."
        ),
        "days_ago": 34,
        "hero": {
            "scene": "hills",
            "caption": (
                "Green hills under a gentle sun, generated by a program, stand in for a "
                "photograph of the forest."
            ),
            "alt": "Stylised illustration of overlapping green hills and a low sun",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The Amazon rainforest does not respect borders. Its rivers, rainfall and "
                    "wildlife span Brazil, Bolivia, Peru, Ecuador, Colombia, Venezuela, Guyana "
                    "and Suriname, as well as the French overseas territory of French Guiana. "
                    "Moisture evaporating from the forest falls as rain far to the west and "
                    "south, feeding agriculture and hydropower well beyond the canopy itself. "
                    "Scientists warn that continued deforestation and warming could push parts of "
                    "the forest toward a tipping point at which it degrades into drier savanna. "
                    "Protecting it is, by its nature, a collective task."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The institutional framework for that task has existed for decades. The "
                    "Amazon Cooperation Treaty, signed in 1978 by the eight sovereign Amazonian "
                    "states, created a forum for coordination that later gained a permanent "
                    "secretariat in Brasília. For much of its history the organisation was modest "
                    "in ambition and resources, overshadowed by national priorities and by "
                    "governments' sensitivity to any suggestion that the forest might be subject "
                    "to foreign oversight. Sovereignty over the Amazon has long been a rallying "
                    "cry in the region's politics."
                ),
            },
            {
                "type": "heading",
                "text": "A Summit and Its Limits",
            },
            {
                "type": "paragraph",
                "text": (
                    "In 2023 the member states' leaders met in Belém, in northern Brazil, for "
                    "their first summit in many years. The resulting declaration committed "
                    "governments to cooperate on fighting deforestation and organised crime, "
                    "sharing scientific data and protecting Indigenous peoples. Environmental "
                    "groups welcomed the renewed attention but noted that the text set no common "
                    "target for ending deforestation, reflecting differences between countries "
                    "with very different degrees of dependence on extractive industries, from oil "
                    "in some members to mining in others."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Those differences are real. For some Amazonian governments, oil and gas "
                    "revenues fund a large share of public spending. For others, cattle ranching "
                    "and soy production drive the rural economy along the forest's edge. Illegal "
                    "gold mining, often run by criminal networks, spreads mercury through rivers "
                    "and threatens Indigenous territories across several borders. No single "
                    "government can address these pressures alone, yet each is wary of "
                    "commitments that could constrain its development or invite criticism from "
                    "abroad."
                ),
            },
            {
                "type": "image",
                "scene": "fields",
                "caption": (
                    "Striped fields under an open sky, produced by the demo's image generator, "
                    "represent farmland at a forest frontier."
                ),
                "alt": "Illustration of neatly striped farm fields stretching to the horizon",
            },
            {
                "type": "heading",
                "text": "Money, Data and Policing",
            },
            {
                "type": "paragraph",
                "text": (
                    "Finance may be the most practical lever. International contributions that "
                    "pay for verified reductions in deforestation, such as Norway's and Germany's "
                    "support for Brazil's Amazon Fund, have shown that money can reward results. "
                    "Proposals for larger mechanisms to pay countries for keeping forests "
                    "standing have gained attention in climate negotiations. For Amazonian "
                    "governments, predictable payments could shift the economics of conservation, "
                    "provided the money reaches local communities rather than stalling in "
                    "bureaucracies."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Satellite monitoring has transformed what is possible. Brazil's national "
                    "space research institute has tracked deforestation for decades, and its data "
                    "have become a reference point for enforcement. Sharing such systems across "
                    "borders would let neighbouring countries spot illegal clearing and mining "
                    "earlier. Joint policing of the rivers and airstrips used by traffickers and "
                    "illegal miners is more sensitive, since it touches on military and "
                    "sovereignty concerns, but criminal networks will exploit every gap between "
                    "national jurisdictions."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The Amazon's diplomacy will probably remain incremental, shaped by elections "
                    "and commodity prices as much as by treaties. That is not necessarily a "
                    "failure. A forum that keeps eight governments talking, sharing data and "
                    "gradually aligning enforcement can matter more than a grand declaration. The "
                    "risk is that incrementalism moves more slowly than the forest's decline. "
                    "Scientists' warnings about tipping points suggest that the margin for slow "
                    "diplomacy is narrower than the region's politics would prefer."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "mexico-nearshoring-boom-power-grid-limits",
        "type": "news",
        "region": "americas",
        "extra_regions": [],
        "topics": ["energy", "trade", "economy"],
        "authors": ["lucas-ferreira"],
        "headline": "Mexico's Nearshoring Boom Runs Into the Limits of Its Power Grid",
        "dek": (
            "Factories relocating to northern Mexico are finding that electricity and water, "
            "rather than land or labour, are the scarcest resources in the industrial corridor."
        ),
        "days_ago": 3,
        "hero": {
            "scene": "city",
            "caption": (
                "A program-drawn skyline in evening light illustrates this report; it is not a "
                "photograph of Monterrey."
            ),
            "alt": "Generated skyline silhouetted against a pink and orange evening sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Manufacturers expanding in northern Mexico to serve the US market are "
                    "increasingly running into a basic constraint: the electricity grid. "
                    "Industrial parks in states such as Nuevo León, Coahuila and Chihuahua have "
                    "drawn investment from companies seeking to shorten supply chains and reduce "
                    "their exposure to Asia, a trend widely described as nearshoring. Developers "
                    "and business groups say new connections can take a long time to approve, and "
                    "that transmission lines in the region run close to capacity at times of peak "
                    "demand."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Mexico became the largest trading partner of the United States in 2023, "
                    "overtaking China, as cross-border manufacturing grew in autos, electronics "
                    "and appliances. The integration of the North American economy under the "
                    "agreement that replaced NAFTA has encouraged companies to locate production "
                    "near the border. But that growth depends on infrastructure built for a "
                    "smaller industrial base, and power demand in the north has risen faster than "
                    "new generation and transmission have been added."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The state utility, the Federal Electricity Commission, dominates "
                    "transmission and distribution, and energy policy in recent years has "
                    "emphasised its role over that of private generators. Investors have called "
                    "for clearer rules on private and self-supply projects, including rooftop and "
                    "on-site solar, which could ease pressure on the grid. The government has "
                    "presented plans to expand generation and transmission through public "
                    "investment and mixed arrangements with private partners, though timelines "
                    "for major lines stretch over several years."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Water is a parallel concern. Monterrey, the hub of the northern industrial "
                    "corridor, suffered severe shortages in 2022, when reservoirs ran low and "
                    "many neighbourhoods faced rationing. New industrial projects now face closer "
                    "scrutiny of their water use, and companies have invested in recycling and "
                    "treatment. Local officials say future growth will depend on completing "
                    "aqueduct and reservoir projects designed to secure supply for households and "
                    "factories alike."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Analysts say the bottlenecks are unlikely to halt nearshoring, given the "
                    "advantages of proximity to the United States, but they could shape where "
                    "investment lands. States in central Mexico with spare grid capacity are "
                    "marketing themselves to manufacturers, while some companies are building "
                    "their own generation. Much will depend on whether public investment keeps "
                    "pace, and on the state of trade relations with Washington, including the "
                    "periodic reviews built into the North American agreement."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "darien-gap-crossings-fall-policies-shift",
        "type": "news",
        "region": "americas",
        "extra_regions": [],
        "topics": ["migration", "diplomacy"],
        "authors": ["lucas-ferreira"],
        "headline": (
            "Migration Through the Darién Gap Falls Sharply as Policies Shift Along the Route"
        ),
        "dek": (
            "Crossings of the jungle frontier between Colombia and Panama have dropped from "
            "record highs, as governments tightened controls and migrants rethought their plans."
        ),
        "days_ago": 0,
        "hero": {
            "scene": "hills",
            "caption": (
                "Rolling hills drawn by the demo's image generator stand in for a photograph; no "
                "real terrain is shown."
            ),
            "alt": "Illustration of dark green hills under a muted, cloud-free sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "The number of migrants crossing the Darién Gap, the roadless jungle between "
                    "Colombia and Panama, has fallen steeply from the record set in 2023, when "
                    "Panamanian authorities counted more than half a million people making the "
                    "journey. The route, once considered nearly impassable, had become a main "
                    "corridor for people travelling north toward the United States, including "
                    "Venezuelans, Ecuadorians and Haitians as well as a growing number of "
                    "migrants from Asia and Africa."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Officials and humanitarian agencies attribute the decline to a combination "
                    "of factors. Panama tightened controls and arranged repatriation flights for "
                    "some migrants, while governments farther north stepped up enforcement. "
                    "Changes in US asylum and border policy altered the calculations of people "
                    "considering the trip. Smugglers, who had built a lucrative business guiding "
                    "migrants through the jungle, have adapted by shifting routes and prices, "
                    "including greater use of boats along the Caribbean and Pacific coasts."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Humanitarian groups warn that fewer crossings do not mean less need. Many "
                    "people who set out for the north are now stranded in transit countries such "
                    "as Mexico, Guatemala, Costa Rica and Panama, with limited access to work, "
                    "shelter or legal status. Some have begun travelling south again, back toward "
                    "Colombia or Venezuela. Agencies that built up reception centres during the "
                    "peak years are reassessing their operations as funding priorities change."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The Darién itself remains dangerous. Migrants have reported robberies, "
                    "sexual violence and drownings at river crossings, and Indigenous communities "
                    "in the region have had to cope with the effects of large numbers of people "
                    "passing through their land. Aid workers say that the crossings that continue "
                    "are often undertaken by the most vulnerable, who have the fewest "
                    "alternatives, and that the risks along the route have not diminished."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Regional governments have discussed coordination through forums such as the "
                    "Los Angeles Declaration process, launched in 2022 to promote shared "
                    "responsibility and legal pathways. Analysts say the latest shifts show how "
                    "quickly migration patterns respond to policy changes far away, and how "
                    "fragile the situation remains. A deterioration in conditions in Venezuela or "
                    "Haiti, or another change of policy in Washington, could reverse the trend "
                    "within months."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "latin-america-trade-blocs-tools-not-trophies",
        "type": "opinion",
        "region": "americas",
        "extra_regions": ["europe"],
        "topics": ["trade", "diplomacy"],
        "authors": ["lucas-ferreira"],
        "headline": "Latin America Should Treat Its Trade Blocs as Tools, Not Trophies",
        "dek": (
            "Decades of summits have produced overlapping agreements with thin results; the "
            "region's trade blocs should be judged by the commerce they actually make possible."
        ),
        "days_ago": 20,
        "hero": {
            "scene": "fields",
            "caption": (
                "These generated striped fields stand in for a news photograph and depict no real "
                "farmland."
            ),
            "alt": "Stylised patchwork of yellow and green fields under a wide sky",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Latin America has never lacked trade agreements. Mercosur, founded in 1991, "
                    "links Brazil, Argentina, Paraguay and Uruguay, with Bolivia admitted more "
                    "recently. The Andean Community dates back to 1969. The Pacific Alliance, "
                    "created in 2011 by Chile, Colombia, Mexico and Peru, was hailed as a more "
                    "outward-looking alternative. On top of these sit bilateral deals and "
                    "regional forums too numerous to count. Yet trade among Latin American "
                    "countries remains a small share of their total commerce, and their economies "
                    "are more tightly tied to China, the United States and Europe than to each "
                    "other."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Part of the problem is that the blocs have often served political purposes "
                    "first. Mercosur has been used as a platform for ideological alignments that "
                    "shift with each change of government in Brasília or Buenos Aires. The "
                    "Pacific Alliance lost momentum when political disagreements between members "
                    "spilled into its summits. Agreements are announced with fanfare and then "
                    "left to stagnate, while the dull work of harmonising standards, simplifying "
                    "customs procedures and removing non-tariff barriers advances slowly, if at "
                    "all."
                ),
            },
            {
                "type": "quote",
                "text": (
                    "A trade bloc is worth what moves across its borders, not what is said at its "
                    "summits."
                ),
                "attribution": "",
            },
            {
                "type": "paragraph",
                "text": (
                    "The long negotiation between Mercosur and the European Union illustrates the "
                    "pattern. Talks began in 1999, reached a political agreement in 2019 and were "
                    "concluded again in revised form at the end of 2024, after years of wrangling "
                    "over deforestation commitments, agriculture and public procurement. "
                    "Supporters see a chance to anchor South American exporters in a large market "
                    "and to diversify away from dependence on China; opponents on both sides of "
                    "the Atlantic warn of damage to farmers and forests. A quarter-century of "
                    "talks is itself a verdict on how trade diplomacy has been conducted."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "A more pragmatic approach would start with what businesses actually need. "
                    "Mutual recognition of sanitary and technical standards would let food and "
                    "manufactured goods move without duplicated testing. Digital customs systems "
                    "that talk to each other would cut waiting times at land borders, where "
                    "lorries can spend days. Rules of origin allowing inputs from several blocs "
                    "to be combined would let firms build regional supply chains instead of "
                    "choosing between rival clubs."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "There are signs of such thinking. Several countries have invested in "
                    "single-window customs systems and trade facilitation under the World Trade "
                    "Organization's framework. Road and rail corridors linking the Atlantic and "
                    "Pacific coasts, discussed for generations, have begun to attract serious "
                    "investment as Brazil and its neighbours seek faster routes to Asian markets. "
                    "These projects are less photogenic than a signing ceremony, but they create "
                    "the conditions in which agreements can finally deliver."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "The region's governments face a world in which trade is fragmenting into "
                    "blocs and supply chains are being reorganised around security concerns. That "
                    "creates opportunities for Latin America as a supplier of food, energy and "
                    "critical minerals, but only if its economies can offer scale and "
                    "reliability. Treating trade blocs as practical tools, measured by the goods "
                    "and services they help to move, rather than as trophies of political "
                    "alignment, would be a good place to start."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "guyana-oil-boom-tests-institutions",
        "type": "brief",
        "region": "americas",
        "extra_regions": [],
        "topics": ["energy", "economy"],
        "authors": ["lucas-ferreira"],
        "headline": "Guyana's Oil Boom Tests How Fast a Small State Can Build Institutions",
        "dek": (
            "Offshore production has transformed Guyana's economy within a few years, putting "
            "heavy pressure on the institutions that must manage the country's new wealth."
        ),
        "days_ago": 2,
        "hero": {
            "scene": "sea",
            "caption": (
                "A stylised offshore horizon, generated for this demo, takes the place of a news "
                "photograph."
            ),
            "alt": "Generated seascape with a flat horizon and a bright sun over blue water",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Few economies have changed as quickly as Guyana's. Since oil production "
                    "began in 2019 from the offshore Stabroek block, operated by a consortium led "
                    "by ExxonMobil, output has risen steadily as new floating production vessels "
                    "have come online, and the economy has recorded some of the fastest growth "
                    "rates in the world. Oil revenues flow into a sovereign wealth fund created "
                    "to manage the windfall."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Economists say the challenge now is absorption: building roads, schools and "
                    "hospitals quickly without fuelling inflation or waste. The long-running "
                    "border dispute with Venezuela over the Essequibo region, which has been "
                    "before the International Court of Justice, adds a geopolitical layer to the "
                    "boom."
                ),
            },
        ],
        "footnotes": [],
    },
    {
        "slug": "latin-america-election-bodies-ai-disinformation",
        "type": "brief",
        "region": "americas",
        "extra_regions": [],
        "topics": ["elections", "technology"],
        "authors": ["lucas-ferreira"],
        "headline": "Latin American Election Authorities Brace for AI-Generated Disinformation",
        "dek": (
            "Electoral bodies across the region are signing agreements with platforms and "
            "training staff to spot manipulated audio and video before campaigns reach their peak."
        ),
        "days_ago": 10,
        "hero": {
            "scene": "night-city",
            "caption": (
                "A generated skyline at night, with a moon and lit windows, illustrates this "
                "brief; it is not a real city."
            ),
            "alt": "Illustration of a dark city skyline with glowing windows and a pale moon",
        },
        "body": [
            {
                "type": "paragraph",
                "text": (
                    "Election authorities across Latin America are expanding efforts to counter "
                    "disinformation, as cheap tools for generating synthetic audio, images and "
                    "video make convincing fakes easier to produce. Several electoral bodies have "
                    "signed cooperation agreements with social media and messaging platforms, set "
                    "up rapid-response units and issued rules on the use of artificial "
                    "intelligence in campaign material. Brazil's electoral court, which has broad "
                    "powers over campaign conduct, has been among the most assertive."
                ),
            },
            {
                "type": "paragraph",
                "text": (
                    "Civil-society groups welcome the attention but warn that heavy-handed rules "
                    "risk restricting legitimate speech. Fact-checking networks say that "
                    "messaging apps, where content spreads in private groups, remain the hardest "
                    "space to monitor, and that media literacy will matter more than takedowns in "
                    "the long run."
                ),
            },
        ],
        "footnotes": [],
    },
]
