"""Regions, article types, topics and authors of the demo publication (all fictional people)."""

REGIONS = [
    {"slug": "europe", "name": "Europe"},
    {"slug": "asia-pacific", "name": "Asia-Pacific"},
    {"slug": "middle-east", "name": "Middle East"},
    {"slug": "africa", "name": "Africa"},
    {"slug": "americas", "name": "Americas"},
    {"slug": "eurasia", "name": "Russia & Eurasia"},
]

TYPES = [
    {"slug": "analysis", "name": "Analysis", "plural": "Analysis", "schema": "AnalysisNewsArticle"},
    {"slug": "news", "name": "News", "plural": "News", "schema": "ReportageNewsArticle"},
    {"slug": "opinion", "name": "Opinion", "plural": "Opinion", "schema": "OpinionNewsArticle"},
    {"slug": "brief", "name": "Brief", "plural": "Briefs", "schema": "ReportageNewsArticle"},
]

TOPICS = [
    {"slug": "diplomacy", "name": "Diplomacy"},
    {"slug": "defence", "name": "Security & Defence"},
    {"slug": "energy", "name": "Energy"},
    {"slug": "trade", "name": "Trade"},
    {"slug": "elections", "name": "Elections"},
    {"slug": "climate", "name": "Climate"},
    {"slug": "migration", "name": "Migration"},
    {"slug": "military-history", "name": "Military History"},
    {"slug": "technology", "name": "Technology"},
    {"slug": "economy", "name": "Economy"},
]

# Demo authors are invented people; their bios say what they cover, not real careers.
AUTHORS = [
    {"slug": "helena-varga", "name": "Helena Varga", "role": "Europe Editor", "guest": False},
    {
        "slug": "daniel-okafor",
        "name": "Daniel Okafor",
        "role": "Africa Correspondent",
        "guest": False,
    },
    {"slug": "mei-lin-zhou", "name": "Mei Lin Zhou", "role": "Asia-Pacific Editor", "guest": False},
    {"slug": "rania-haddad", "name": "Rania Haddad", "role": "Middle East Analyst", "guest": False},
    {
        "slug": "lucas-ferreira",
        "name": "Lucas Ferreira",
        "role": "Americas Correspondent",
        "guest": False,
    },
    {"slug": "anna-kowalczyk", "name": "Anna Kowalczyk", "role": "Defence Writer", "guest": False},
    {
        "slug": "james-whitfield",
        "name": "James Whitfield",
        "role": "Military Historian",
        "guest": True,
    },
    {"slug": "priya-raman", "name": "Priya Raman", "role": "Energy Economist", "guest": True},
]

# Scenes the demo image generator can draw; captions must describe the scene honestly.
SCENES = ["hills", "sea", "city", "night-city", "desert", "fields"]
