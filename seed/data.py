"""The seed newsroom: every fact, figure and quote of the three seed articles, as data.

Statements are in our own words; quotes and `passage` values are verbatim from the
articles. Each citation names its article (`fox`, `abc`, `cnn`), a pinpoint counted in body
paragraphs (the first paragraph after the headline is para. 1) and the supporting passage.
Where the articles differ, both readings are kept, each with its source.

Terminal punctuation of a quote is normalised when the article split it around "he said"
(a closing comma becomes a full stop); the exact passage is kept in the citation.
"""

import datetime
from decimal import Decimal

D = datetime.date


def cite(source, para, passage, field=""):
    return {"source": source, "pinpoint": f"para. {para}", "passage": passage, "field": field}


#: The seed's two desk accounts, so its race call is entered by one person and confirmed by
#: another, as every call is. They have no password: nobody logs in as them.
DESK = [
    {"username": "seed-results-desk", "first_name": "Seed", "last_name": "results desk"},
    {
        "username": "seed-editor",
        "first_name": "Seed",
        "last_name": "editor",
        "confirms_race_calls": True,
    },
]

OUTLETS = [
    {
        "slug": "fox-news",
        "name": "Fox News",
        "kind": "news",
        "homepage_url": "https://www.foxnews.com/",
    },
    {
        "slug": "abc-news",
        "name": "ABC News",
        "kind": "news",
        "homepage_url": "https://abcnews.go.com/",
    },
    {"slug": "cnn", "name": "CNN", "kind": "news", "homepage_url": "https://www.cnn.com/"},
    {
        "slug": "the-associated-press",
        "name": "The Associated Press",
        "kind": "wire",
        "homepage_url": "https://apnews.com/",
    },
    {
        "slug": "politico",
        "name": "Politico",
        "kind": "news",
        "homepage_url": "https://www.politico.com/",
    },
    {
        "slug": "marketwatch",
        "name": "MarketWatch",
        "kind": "business_news",
        "homepage_url": "https://www.marketwatch.com/",
    },
    {
        "slug": "x",
        "name": "X",
        "kind": "social",
        "homepage_url": "https://x.com/",
        "description": "The social network formerly called Twitter.",
    },
    {
        "slug": "palmer-for-president",
        "name": "Palmer for President",
        "kind": "campaign",
        "description": "Jason Palmer's campaign website and channels. The seed articles do not give its address.",
    },
    {
        "slug": "linkedin",
        "name": "LinkedIn",
        "kind": "professional",
        "homepage_url": "https://www.linkedin.com/",
    },
]

SOURCES = [
    {
        "key": "fox",
        "slug": "fox-news-palmer-american-samoa",
        "outlet": "fox-news",
        "headline": "",
        "untitled_description": "Report on Jason Palmer's win in the 2024 American Samoa Democratic caucus",
        "published_on": D(2024, 3, 1),
        "published_on_precision": "month",
        "internal_note": "Seed article shared/seeds/000_5d0c8b027134dc3d.txt. Headline, URL and exact day not in our copy.",
        "contributors": [
            {
                "name": "The Associated Press",
                "role": "wire",
                "is_organisation": True,
                "outlet": "the-associated-press",
            },
        ],
    },
    {
        "key": "abc",
        "slug": "abc-news-who-is-jason-palmer",
        "outlet": "abc-news",
        "headline": "Who is Jason Palmer? Biden loses the American Samoa Democratic caucuses to entrepreneur",
        "standfirst": 'He calls himself a "problem solver" and says the president should be younger.',
        "published_on": D(2024, 3, 6),
        "published_on_precision": "day",
        "internal_note": "Seed article shared/seeds/001_33c10dd3f0ab8a79.txt. URL not in our copy.",
        "contributors": [
            {"name": "Libby Cathey", "role": "contributor"},
            {"name": "Oren Oppenheim", "role": "contributor"},
            {"name": "Brittany Shepherd", "role": "contributor"},
        ],
    },
    {
        "key": "cnn",
        "slug": "cnn-who-is-jason-palmer",
        "outlet": "cnn",
        "headline": "Who is Jason Palmer, the Democrat who delivered Biden his first primary defeat?",
        "published_on": None,
        "published_on_precision": "",
        "update_note": "This story has been updated with additional reporting.",
        "internal_note": "Seed article shared/seeds/002_6cb349240cab35ab.txt. Date and URL not in our copy.",
        "contributors": [{"name": "MJ Lee", "role": "contributor"}],
    },
]

PARTIES = [
    {
        "slug": "democratic",
        "name": "Democratic Party",
        "adjective": "Democratic",
        "abbreviation": "DEM",
    },
    {
        "slug": "republican",
        "name": "Republican Party",
        "adjective": "Republican",
        "abbreviation": "REP",
    },
]

CANDIDATES = [
    {
        "slug": "jason-palmer",
        "full_name": "Jason Palmer",
        "given_name": "Jason",
        "family_name": "Palmer",
        "party": "democratic",
        "summary": (
            "Baltimore entrepreneur and venture investor who ran a long-shot campaign for the "
            "2024 Democratic presidential nomination and won the American Samoa caucuses, "
            "handing President Biden his first loss of the nominating race."
        ),
        "age": 52,
        "age_as_of": D(2024, 3, 1),
        "age_as_of_precision": "month",
        "hometown": "Baltimore",
        "occupation": "Entrepreneur and venture capitalist",
        "campaign_launched_on": D(2023, 11, 1),
        "campaign_launched_on_precision": "month",
        "self_funding_amount": Decimal("500000.00"),
        "self_funding_currency": "USD",
        "self_funding_kind": "loan",
        "campaign_staff_on_ground": 3,
        "staff_location": "American Samoa",
        "has_held_office": False,
        "citations": [
            cite("fox", 2, "Jason Palmer, a 52-year-old businessman from Baltimore", "age"),
            cite("abc", 12, "compared to his own age, which Politico reported was 52", "age"),
            cite("cnn", 9, "The 52-year-old acknowledges on his campaign website", "age"),
            cite("fox", 2, "a 52-year-old businessman from Baltimore", "hometown"),
            cite("cnn", 2, "The little-known candidate from Baltimore", "hometown"),
            cite("fox", 2, "a 52-year-old businessman from Baltimore", "occupation"),
            cite("abc", 1, "entrepreneur Jason Palmer", "occupation"),
            cite("cnn", 1, "venture capitalist Jason Palmer", "occupation"),
            cite("fox", 12, "Palmer entered the race in November 2023.", "campaign_launched_on"),
            cite(
                "cnn",
                8,
                "launched his ambitious bid for the White House in November",
                "campaign_launched_on",
            ),
            cite(
                "fox",
                14,
                "He has also loaned himself $500,000 for his campaign.",
                "self_funding_amount",
            ),
            cite(
                "cnn",
                4,
                "the candidate had three full time campaign staffers on the ground",
                "campaign_staff_on_ground",
            ),
            cite("cnn", 8, "Palmer, who’s never held political office", "has_held_office"),
            cite("fox", 2, "an unlikely Democratic candidate named Jason Palmer", "party"),
            cite("cnn", 1, "venture capitalist Jason Palmer", "summary"),
        ],
    },
    {
        "slug": "joe-biden",
        "full_name": "Joe Biden",
        "given_name": "Joe",
        "family_name": "Biden",
        "party": "democratic",
        "summary": "The sitting president, who sought and led the race for the 2024 Democratic nomination.",
        "age": 81,
        "age_as_of": D(2024, 1, 1),
        "age_as_of_precision": "year",
        "occupation": "President of the United States",
        "citations": [
            cite("abc", 12, "Palmer also cited Biden and Trump's ages, at 81 and 77", "age"),
            cite(
                "fox",
                1,
                "President Biden overwhelmingly won the Democratic contests on Super Tuesday",
                "occupation",
            ),
            cite("cnn", 2, "Biden’s commanding march to the Democratic nomination", "party"),
        ],
    },
    {
        "slug": "donald-trump",
        "full_name": "Donald Trump",
        "given_name": "Donald",
        "family_name": "Trump",
        "party": "republican",
        "summary": "Former president and the front-runner for the 2024 Republican nomination.",
        "age": 77,
        "age_as_of": D(2024, 1, 1),
        "age_as_of_precision": "year",
        "occupation": "Former president of the United States",
        "citations": [
            cite("abc", 12, "Palmer also cited Biden and Trump's ages, at 81 and 77", "age"),
            cite("abc", 4, "former President Donald Trump", "occupation"),
            cite(
                "cnn", 10, "the front-runner for the Republican presidential nomination", "summary"
            ),
            cite("cnn", 10, "the front-runner for the Republican presidential nomination", "party"),
        ],
    },
    {
        "slug": "michael-bloomberg",
        "full_name": "Michael Bloomberg",
        "given_name": "Michael",
        "family_name": "Bloomberg",
        "party": "democratic",
        "summary": "Billionaire and former New York City mayor who won American Samoa in the 2020 Democratic race.",
        "occupation": "Former mayor of New York City",
        "citations": [
            cite(
                "fox",
                4,
                "billionaire Michael Bloomberg’s only win came in American Samoa",
                "summary",
            ),
            cite(
                "abc",
                17,
                "former New York City Mayor Michael Bloomberg was the Democratic winner",
                "occupation",
            ),
            cite(
                "abc",
                17,
                "former New York City Mayor Michael Bloomberg was the Democratic winner",
                "party",
            ),
        ],
    },
    {
        "slug": "tulsi-gabbard",
        "full_name": "Tulsi Gabbard",
        "given_name": "Tulsi",
        "family_name": "Gabbard",
        "party": "democratic",
        "summary": "Ran in the 2020 Democratic presidential race and came second in American Samoa.",
        "citations": [
            cite("fox", 4, "with Tulsi Gabbard coming second with 103 votes", "summary"),
            {
                **cite("fox", 4, "During the 2020 Democratic primaries", "party"),
                "note": "The paragraph gives her result in those primaries.",
            },
        ],
    },
    {
        "slug": "bernie-sanders",
        "full_name": "Bernie Sanders",
        "given_name": "Bernie",
        "family_name": "Sanders",
        "party": "democratic",
        "summary": "Ran in the 2020 Democratic presidential race and came third in American Samoa.",
        "citations": [
            cite("fox", 4, "Bernie Sanders earned 37 votes", "summary"),
            {
                **cite("fox", 4, "During the 2020 Democratic primaries", "party"),
                "note": "The paragraph gives his result in those primaries.",
            },
        ],
    },
]

CAREER = [
    {
        "candidate": "jason-palmer",
        "organisation": "New Markets Venture Partners",
        "organisation_description": "impact investor firm (ABC News); venture capital firm (CNN)",
        "role": "Partner",
        "is_current": True,
        "citations": [
            cite(
                "cnn",
                8,
                "He’s currently a partner at New Markets Venture Partners, a venture capital firm",
            ),
            cite("abc", 6, "the impact investor firm New Markets Venture Partners"),
        ],
    },
    {
        "candidate": "jason-palmer",
        "organisation": "Bill & Melinda Gates Foundation",
        "role": "Executive and leadership positions",
        "is_current": False,
        "citations": [
            cite(
                "abc",
                6,
                "serving in executive and leadership positions at multiple organizations, including Microsoft, Kaplan Education, the Bill & Melinda Gates Foundation",
            ),
            cite(
                "cnn",
                8,
                "previously worked at the Bill and Melinda Gates Foundation, Microsoft and Kaplan, according to his LinkedIn profile",
            ),
        ],
    },
    {
        "candidate": "jason-palmer",
        "organisation": "Microsoft",
        "role": "Executive and leadership positions",
        "is_current": False,
        "citations": [
            cite(
                "abc",
                6,
                "executive and leadership positions at multiple organizations, including Microsoft",
            ),
            cite(
                "cnn",
                8,
                "previously worked at the Bill and Melinda Gates Foundation, Microsoft and Kaplan",
            ),
        ],
    },
    {
        "candidate": "jason-palmer",
        "organisation": "Kaplan",
        "organisation_description": "named Kaplan Education by ABC News, Kaplan by CNN",
        "role": "Executive and leadership positions",
        "is_current": False,
        "citations": [
            cite("abc", 6, "including Microsoft, Kaplan Education"),
            cite(
                "cnn",
                8,
                "previously worked at the Bill and Melinda Gates Foundation, Microsoft and Kaplan",
            ),
        ],
    },
]

PLATFORM = [
    {
        "candidate": "jason-palmer",
        "topic": "Innovation and technology",
        "summary": "Would set up a new federal Department of Innovation and Technology.",
        "citations": [
            cite("abc", 7, "promising to create a new Department of Innovation and Technology")
        ],
    },
    {
        "candidate": "jason-palmer",
        "topic": "Civil liberties",
        "summary": "Backs freedom of choice, of speech and of religion, according to MarketWatch.",
        "citations": [cite("abc", 10, 'Palmer supports "freedom of choice, speech and religion."')],
    },
    {
        "candidate": "jason-palmer",
        "topic": "Generational change",
        "summary": "Argues the next president should understand young people and that leadership should pass to a younger generation.",
        "citations": [
            cite(
                "abc",
                13,
                "It's super important that the next president of the United States be someone who really understands young people",
            ),
            cite(
                "cnn",
                7,
                "Palmer called on the president to “pass the torch to the next generation of Americans”",
            ),
        ],
    },
    {
        "candidate": "jason-palmer",
        "topic": "Lawmaking",
        "summary": "Wants the country's laws revised more often than they are today.",
        "citations": [
            cite(
                "abc",
                14,
                "he believes the country's laws should be updated more often than they are now",
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "topic": "Education, health care and climate",
        "summary": "Built his campaign message around education, health care and climate change.",
        "citations": [
            cite(
                "cnn",
                6,
                "our message really resonated about focusing on education, health care, and climate change",
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "topic": "Economy",
        "summary": "Pitches an economy driven by talent, mission-minded founders and conscious capitalism.",
        "citations": [
            cite(
                "cnn",
                14,
                "touted his plan for a “talent economy powered by mission driven entrepreneurs and conscious capitalism.”",
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "topic": "The 2024 election",
        "summary": "Calls stopping a second Trump term paramount, and stays in the Democratic primary so as not to act as a spoiler.",
        "citations": [
            cite(
                "cnn",
                10,
                "it is extremely important to keep Trump from returning to office for a second term",
            ),
            cite("cnn", 9, "we don’t want to play a spoiler role in this election"),
        ],
    },
]

_PALMER = {"candidate": "jason-palmer", "speaker_name": "Jason Palmer"}

QUOTES = [
    {
        **_PALMER,
        "key": "x-victory-post",
        "text": "Honored to announce my victory in the American Samoa presidential primary. Thank you to the incredible community for your support. This win is a testament to the power of our voices. Together, we can rebuild the American Dream and shape a brighter future for all.",
        "venue": "social_post",
        "venue_outlet": "x",
        "said_when_as_reported": "after Tuesday’s caucus",
        "context": "Post thanking American Samoa voters after the caucus result.",
        "citations": [
            cite(
                "fox",
                6,
                "Honored to announce my victory in the American Samoa presidential primary. Thank you to the incredible community for your support. This win is a testament to the power of our voices. Together, we can rebuild the American Dream and shape a brighter future for all.",
            ),
            cite("cnn", 3, "Palmer said in a post on X."),
        ],
    },
    {
        **_PALMER,
        "key": "phone-blowing-up",
        "text": "I found out that I had won because my phone started blowing up with friends and campaign staffers texting me",
        "venue": "interview",
        "venue_outlet": "the-associated-press",
        "said_on": D(2024, 3, 5),
        "said_on_precision": "day",
        "said_when_as_reported": "Tuesday",
        "context": "How he learned of the result.",
        "citations": [
            cite(
                "fox",
                9,
                '"I found out that I had won because my phone started blowing up with friends and campaign staffers texting me," Palmer told The Associated Press.',
            )
        ],
    },
    {
        **_PALMER,
        "key": "campaigning-remotely",
        "text": "I have been campaigning remotely, doing Zoom town halls, talking to people, listening to them about their concerns and what matters to them",
        "venue": "not_stated",
        "context": "On running his American Samoa campaign without visiting the territory.",
        "citations": [
            cite(
                "fox",
                11,
                '"I have been campaigning remotely, doing Zoom town halls, talking to people, listening to them about their concerns and what matters to them," he said.',
            )
        ],
    },
    {
        **_PALMER,
        "key": "little-chance",
        "text": "very little chance of winning",
        "is_partial": True,
        "venue": "campaign_website",
        "venue_outlet": "palmer-for-president",
        "context": "How his campaign website describes his odds.",
        "citations": [
            cite("fox", 13, 'he admits he has a "very little chance of winning,"'),
            cite("cnn", 9, "his candidacy is a longshot bid “with very little chance of winning,”"),
        ],
    },
    {
        **_PALMER,
        "key": "changing-the-conversation",
        "text": "ideas, solutions and changing the conversation",
        "is_partial": True,
        "venue": "campaign_website",
        "venue_outlet": "palmer-for-president",
        "context": "What his campaign website says the campaign is about.",
        "citations": [
            cite("fox", 13, 'new "ideas, solutions and changing the conversation."'),
            cite("cnn", 9, "more focused on “ideas, solutions and changing the conversation.”"),
        ],
    },
    {
        **_PALMER,
        "key": "take-the-money",
        "text": "You can’t take the money with you when you die. But you can change the world while you're here.",
        "venue": "not_stated",
        "context": "On lending his own campaign $500,000.",
        "citations": [
            cite(
                "fox",
                15,
                '"You can’t take the money with you when you die," he said. "But you can change the world while you\'re here."',
            )
        ],
    },
    {
        **_PALMER,
        "key": "problem-solver",
        "text": "problem solver",
        "is_partial": True,
        "venue": "not_stated",
        "context": "How he pitches himself, citing his business experience.",
        "citations": [
            cite(
                "abc",
                7,
                'Palmer has pointed to that experience in pitching himself as a "problem solver" in the presidential race',
            )
        ],
    },
    {
        **_PALMER,
        "key": "business-background",
        "text": "I kept waiting for someone with a business background to join the race. When they didn’t, I decided to run based on my strong business background.",
        "venue": "not_stated",
        "venue_outlet": "marketwatch",
        "said_on": D(2023, 1, 1),
        "said_on_precision": "year",
        "said_when_as_reported": "last year",
        "context": "Why he entered the race, as reported by MarketWatch.",
        "citations": [
            cite(
                "abc",
                9,
                '"I kept waiting for someone with a business background to join the race. When they didn’t, I decided to run based on my strong business background," he said last year, according to MarketWatch.',
            )
        ],
    },
    {
        **_PALMER,
        "key": "freedoms",
        "text": "freedom of choice, speech and religion",
        "is_partial": True,
        "venue": "not_stated",
        "venue_outlet": "marketwatch",
        "context": "Values MarketWatch reported he supports.",
        "citations": [
            cite(
                "abc",
                10,
                'The business news outlet also reported that Palmer supports "freedom of choice, speech and religion."',
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "key": "website-experience",
        "speaker_name": "Palmer for President",
        "speaker_role": "Jason Palmer's campaign website",
        "text": "Palmer brings twenty-five years of experience in small business and multi-partisan fluency to his political endeavors.",
        "venue": "campaign_website",
        "venue_outlet": "palmer-for-president",
        "context": "The campaign's description of his experience.",
        "citations": [
            cite(
                "abc",
                11,
                '"Palmer brings twenty-five years of experience in small business and multi-partisan fluency to his political endeavors," his website states',
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "key": "website-expertise",
        "speaker_name": "Palmer for President",
        "speaker_role": "Jason Palmer's campaign website",
        "text": "As an education technology entrepreneur, executive, and investor, he offers rare levels of expertise.",
        "venue": "campaign_website",
        "venue_outlet": "palmer-for-president",
        "context": "The campaign's description of his expertise.",
        "citations": [
            cite(
                "abc",
                11,
                'adding, "As an education technology entrepreneur, executive, and investor, he offers rare levels of expertise."',
            )
        ],
    },
    {
        **_PALMER,
        "key": "understands-young-people",
        "text": "It's super important that the next president of the United States be someone who really understands young people.",
        "venue": "interview",
        "venue_outlet": "politico",
        "said_on": D(2024, 1, 1),
        "said_on_precision": "year",
        "said_when_as_reported": "earlier this year",
        "context": "Contrasting his age with Biden's and Trump's.",
        "citations": [
            cite(
                "abc",
                13,
                '"It\'s super important that the next president of the United States be someone who really understands young people," Palmer said.',
            )
        ],
    },
    {
        **_PALMER,
        "key": "new-generation",
        "text": "We need to pass the torch to a new generation of Americans.",
        "venue": "interview",
        "venue_outlet": "politico",
        "said_on": D(2024, 1, 1),
        "said_on_precision": "year",
        "said_when_as_reported": "earlier this year",
        "context": "On generational change in the presidency.",
        "citations": [
            cite(
                "abc",
                14,
                '"We need to pass the torch to a new generation of Americans," he told Politico',
            )
        ],
    },
    {
        "candidate": "joe-biden",
        "key": "unique-politics",
        "speaker_name": "Biden campaign spokesperson",
        "speaker_role": "Unnamed spokesperson for the Biden campaign",
        "text": "There are unique politics on the island.",
        "venue": "statement",
        "venue_outlet": "abc-news",
        "said_on": D(2024, 3, 5),
        "said_on_precision": "day",
        "said_when_as_reported": "Tuesday night",
        "context": "The Biden campaign's response to losing American Samoa.",
        "citations": [
            cite(
                "abc",
                15,
                'in a statement to ABC News on Tuesday night, saying, "There are unique politics on the island."',
            )
        ],
    },
    {
        **_PALMER,
        "key": "surprised",
        "text": "surprised",
        "is_partial": True,
        "venue": "interview",
        "venue_outlet": "cnn",
        "interviewer": "Laura Coates",
        "said_on": D(2024, 3, 6),
        "said_on_precision": "day",
        "said_when_as_reported": "early Wednesday",
        "context": "His reaction to winning.",
        "citations": [
            cite(
                "cnn",
                5,
                "Palmer told CNN’s Laura Coates in an interview early Wednesday he was “surprised” by his Tuesday win.",
            )
        ],
    },
    {
        **_PALMER,
        "key": "local-team",
        "text": "I’m just proud to say my local team did a fantastic job, and I think our message really resonated about focusing on education, health care, and climate change.",
        "venue": "interview",
        "venue_outlet": "cnn",
        "interviewer": "Laura Coates",
        "said_on": D(2024, 3, 6),
        "said_on_precision": "day",
        "said_when_as_reported": "early Wednesday",
        "context": "Crediting his team in American Samoa.",
        "citations": [
            cite(
                "cnn",
                6,
                "“I’m just proud to say my local team did a fantastic job, and I think our message really resonated about focusing on education, health care, and climate change,” Palmer said.",
            )
        ],
    },
    {
        **_PALMER,
        "key": "tremendous-service",
        "text": "tremendous service",
        "is_partial": True,
        "venue": "not_stated",
        "context": "His praise for President Biden.",
        "citations": [cite("cnn", 7, "While he lauded Biden for his “tremendous service,”")],
    },
    {
        **_PALMER,
        "key": "next-generation",
        "text": "pass the torch to the next generation of Americans",
        "is_partial": True,
        "venue": "not_stated",
        "context": "His call on President Biden; he said he would stay in the race.",
        "citations": [
            cite(
                "cnn",
                7,
                "Palmer called on the president to “pass the torch to the next generation of Americans” and said he’ll continue his presidential campaign.",
            )
        ],
    },
    {
        **_PALMER,
        "key": "not-a-spoiler",
        "text": "because (1) I’m a Democrat, and (2) we don’t want to play a spoiler role in this election.",
        "is_partial": True,
        "venue": "campaign_website",
        "venue_outlet": "palmer-for-president",
        "context": "Why he runs in the Democratic primary.",
        "citations": [
            cite(
                "cnn",
                9,
                "He is running in the Democratic primary, he said on the site, “because (1) I’m a Democrat, and (2) we don’t want to play a spoiler role in this election.”",
            )
        ],
    },
    {
        **_PALMER,
        "key": "most-important-election",
        "text": "This is the most important election of the 21st century, and it is extremely important to keep Trump from returning to office for a second term.",
        "venue": "not_stated",
        "context": "On Donald Trump.",
        "citations": [
            cite(
                "cnn",
                10,
                "“This is the most important election of the 21st century, and it is extremely important to keep Trump from returning to office for a second term,” he said of former President Donald Trump",
            )
        ],
    },
    {
        "candidate": "joe-biden",
        "key": "silly-news",
        "speaker_name": "Biden campaign official",
        "speaker_role": "Unnamed official of the Biden campaign",
        "text": "silly news",
        "is_partial": True,
        "venue": "remarks",
        "context": "Dismissing projections of a loss in American Samoa.",
        "citations": [cite("cnn", 11, "with one campaign official calling it “silly news.”")],
    },
    {
        "candidate": "joe-biden",
        "key": "advocate-for-american-samoa",
        "speaker_name": "Biden campaign official",
        "speaker_role": "Unnamed official of the Biden campaign",
        "text": "platform of being an advocate for American Samoa.",
        "is_partial": True,
        "venue": "remarks",
        "context": "Describing Palmer's pitch to the territory's voters.",
        "citations": [
            cite(
                "cnn",
                13,
                "Pressed for more details, the Biden campaign official said Palmer had a “platform of being an advocate for American Samoa.”",
            )
        ],
    },
    {
        **_PALMER,
        "key": "talent-economy",
        "text": "talent economy powered by mission driven entrepreneurs and conscious capitalism.",
        "is_partial": True,
        "venue": "video",
        "venue_outlet": "palmer-for-president",
        "context": "From the video announcing his candidacy.",
        "citations": [
            cite(
                "cnn",
                14,
                "In a video announcing his candidacy, Palmer vowed to be a champion for young Americans and touted his plan for a “talent economy powered by mission driven entrepreneurs and conscious capitalism.”",
            )
        ],
    },
]

FACTS = [
    {
        "candidate": "jason-palmer",
        "key": "never-visited",
        "topic": "campaign",
        "statement": "Has never been to American Samoa; he campaigned there remotely, appearing at events by video.",
        "citations": [
            cite("fox", 10, "He has also never visited American Samoa."),
            cite(
                "cnn", 4, "did not visit the island himself, instead appearing virtually at events"
            ),
        ],
    },
    {
        "candidate": "jason-palmer",
        "key": "staff-on-ground",
        "topic": "campaign",
        "statement": "Had three full-time campaign staff working in American Samoa, according to a campaign official.",
        "citations": [
            cite(
                "cnn",
                4,
                "A Palmer campaign official told CNN the candidate had three full time campaign staffers on the ground",
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "key": "eleven-vote-shock",
        "topic": "event",
        "statement": "Said his 11-vote margin of victory in American Samoa came as a shock.",
        "occurred_on": D(2024, 3, 5),
        "occurred_on_precision": "day",
        "citations": [
            cite(
                "fox",
                8,
                "On Tuesday, Palmer said winning the island by a mere 11 votes came as a shock to him.",
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "key": "continues-campaign",
        "topic": "campaign",
        "statement": "Said after the win that he would keep campaigning for the nomination.",
        "citations": [cite("cnn", 7, "said he’ll continue his presidential campaign")],
    },
    {
        "candidate": "jason-palmer",
        "key": "nh-forum",
        "topic": "event",
        "statement": "Took part in the New Hampshire Institute of Politics' Lesser-Known Candidate Forum in 2023, one of 18 Democratic hopefuls without national name recognition.",
        "occurred_on": D(2023, 1, 1),
        "occurred_on_precision": "year",
        "citations": [
            cite(
                "cnn",
                15,
                "Last year, he participated in the New Hampshire Institute of Politics’ “Lesser-Known Candidate Forum,” appearing as one of 18 Democratic presidential hopefuls who lack national name recognition.",
            )
        ],
    },
    {
        "candidate": "jason-palmer",
        "key": "longshot",
        "topic": "campaign",
        "statement": "His campaign website concedes the bid is a long shot.",
        "citations": [
            cite("fox", 13, 'he admits he has a "very little chance of winning,"'),
            cite("cnn", 9, "his candidacy is a longshot bid"),
        ],
    },
    {
        "candidate": "jason-palmer",
        "key": "age-comparison",
        "topic": "background",
        "statement": "Contrasted his age of 52 with Biden's 81 and Trump's 77 in a Politico interview.",
        "occurred_on": D(2024, 1, 1),
        "occurred_on_precision": "year",
        "citations": [
            cite(
                "abc",
                12,
                "Speaking with Politico earlier this year, Palmer also cited Biden and Trump's ages, at 81 and 77, compared to his own age, which Politico reported was 52.",
            )
        ],
    },
    {
        "candidate": "joe-biden",
        "key": "campaign-reaction",
        "topic": "reaction",
        "statement": "Biden's campaign played down the American Samoa loss, pointing to the territory's particular politics, its very small turnout and Bloomberg's win there in 2020.",
        "occurred_on": D(2024, 3, 5),
        "occurred_on_precision": "day",
        "citations": [
            cite(
                "abc",
                15,
                "A Biden campaign spokesperson brushed off the loss in American Samoa in a statement to ABC News on Tuesday night",
            ),
            cite(
                "cnn",
                11,
                "The Biden campaign shrugged off projections showing the president losing American Samoa",
            ),
            cite(
                "cnn",
                12,
                "a very small number of votes is expected in American Samoa, and pointing out that Michael Bloomberg won the Democratic race there in 2020",
            ),
        ],
    },
    {
        "candidate": "joe-biden",
        "key": "super-tuesday",
        "topic": "event",
        "statement": "Won the other Democratic contests held on Super Tuesday 2024.",
        "occurred_on": D(2024, 3, 5),
        "occurred_on_precision": "day",
        "citations": [
            cite(
                "fox",
                1,
                "President Biden overwhelmingly won the Democratic contests on Super Tuesday, with one notable exception — American Samoa.",
            ),
            cite("cnn", 2, "the president dominated Super Tuesday races across the country"),
        ],
    },
]

JURISDICTIONS = [
    {
        "slug": "american-samoa",
        "name": "American Samoa",
        "kind": "territory",
        "ocd_id": "ocd-division/country:us/territory:as",
        "description": (
            "A United States territory in the South Pacific. Its residents take part in party "
            "presidential nominating contests but have no votes in the Electoral College."
        ),
        "casts_electoral_votes": False,
        "citations": [
            cite(
                "fox",
                2,
                "The American territory, an island located in the South Pacific Ocean",
                "description",
            ),
            cite(
                "fox",
                16,
                "Residents of U.S. territories can vote in primaries but do not have any official representation in the Electoral College.",
                "casts_electoral_votes",
            ),
            cite(
                "abc",
                16,
                "American Samoa is a U.S. territory and not a state -- so it does not cast electoral votes for president.",
                "casts_electoral_votes",
            ),
        ],
    },
]

CONTESTS = [
    {
        "slug": "2024-american-samoa-democratic-caucuses",
        "name": "2024 American Samoa Democratic presidential caucuses",
        "jurisdiction": "american-samoa",
        "party": "democratic",
        "kind": "caucus",
        "year": 2024,
        "held_on": D(2024, 3, 5),
        "held_on_precision": "day",
        "held_on_as_reported": "Tuesday (Super Tuesday)",
        "delegates_at_stake": 6,
        "ballots_cast": 91,
        "count_status": "final",
        "reporting_percent": Decimal("99.00"),
        "reporting_as_of_as_reported": "Tuesday night",
        "summary": (
            "Jason Palmer beat President Biden by 51 votes to 40 in a caucus of 91 ballots, "
            "Biden's only defeat on Super Tuesday."
        ),
        "citations": [
            cite(
                "abc",
                2,
                "On Tuesday night, the local Democratic Party chair confirmed to ABC News that Palmer won",
                "held_on",
            ),
            cite(
                "fox",
                5,
                "After Tuesday’s caucus, Palmer thanked American Samoa in a message on X.",
                "held_on",
            ),
            cite(
                "fox", 7, "Six delegates were at stake in the U.S. territory", "delegates_at_stake"
            ),
            cite(
                "fox",
                3,
                "Out of 91 ballots cast in the territory's caucus, Palmer won 51 and Biden won 40, according to the local party.",
                "ballots_cast",
            ),
            cite("abc", 3, "With 99% of the expected vote reporting", "reporting_percent"),
            cite(
                "fox",
                3,
                "Palmer won 51 and Biden won 40, according to the local party",
                "count_status",
            ),
            cite(
                "abc",
                2,
                "the local Democratic Party chair confirmed to ABC News that Palmer won",
                "count_status",
            ),
            # ABC News reports the count as not yet complete: the sources differ.
            {
                **cite(
                    "abc",
                    3,
                    "With 99% of the expected vote reporting, Palmer leads",
                    "count_status",
                ),
                "value": "99% of the expected vote reporting, Palmer leads",
            },
        ],
        "results": [
            {
                "candidate": "jason-palmer",
                "votes": 51,
                "reported_share": Decimal("56.00"),
                "outcome": "won",
                "position": 1,
                "citations": [
                    cite("fox", 3, "Palmer won 51", "votes"),
                    cite("abc", 3, "Palmer leads with 56% of the vote", "reported_share"),
                    cite(
                        "abc",
                        2,
                        "the local Democratic Party chair confirmed to ABC News that Palmer won",
                        "outcome",
                    ),
                    cite(
                        "cnn",
                        2,
                        "The little-known candidate from Baltimore won the American Samoa Democratic nominating contest.",
                        "outcome",
                    ),
                ],
            },
            {
                "candidate": "joe-biden",
                "votes": 40,
                "reported_share": Decimal("44.00"),
                "outcome": "lost",
                "position": 2,
                "citations": [
                    cite("fox", 3, "Biden won 40", "votes"),
                    cite("abc", 3, "followed by Biden with 44%", "reported_share"),
                    cite(
                        "cnn",
                        1,
                        "President Joe Biden was handed his first defeat so far in the Democratic presidential primary",
                        "outcome",
                    ),
                ],
            },
        ],
        "snapshots": [
            {
                "source": "abc",
                "reporting_percent": Decimal("99.00"),
                "as_of_as_reported": "Tuesday night",
                "note": "Shares only; ABC News gave no vote counts.",
                "entries": [
                    {"candidate": "jason-palmer", "share": Decimal("56.00")},
                    {"candidate": "joe-biden", "share": Decimal("44.00")},
                ],
            },
            {
                "source": "fox",
                "reporting_percent": None,
                "as_of_as_reported": "after Tuesday’s caucus",
                "note": "Vote counts according to the local party.",
                "entries": [
                    {"candidate": "jason-palmer", "votes": 51},
                    {"candidate": "joe-biden", "votes": 40},
                ],
            },
        ],
        "race_calls": [
            {
                "winner": "jason-palmer",
                "called_by": "Local Democratic Party chair",
                "reported_by": "abc-news",
                "basis": "party_confirmation",
                "called_at_as_reported": "Tuesday night",
                "entered_by": "seed-results-desk",
                "confirmed_by": "seed-editor",
                "basis_note": "The party chair confirmed the winner to ABC News; Fox News cites the local party's count.",
                "citations": [
                    cite(
                        "abc",
                        2,
                        "the local Democratic Party chair confirmed to ABC News that Palmer won",
                    ),
                    cite("fox", 3, "according to the local party"),
                ],
            },
        ],
        "facts": [
            {
                "statement": "Biden's first defeat of the 2024 nominating race.",
                "citations": [
                    cite(
                        "abc",
                        4,
                        "The results mark Biden's first loss in the nominating race so far.",
                    ),
                    cite(
                        "cnn",
                        1,
                        "President Joe Biden was handed his first defeat so far in the Democratic presidential primary",
                    ),
                ],
            },
            {
                "statement": "Palmer's margin was 11 votes.",
                "citations": [cite("fox", 8, "winning the island by a mere 11 votes")],
            },
            {
                "statement": "Fewer than 100 people took part.",
                "citations": [
                    cite(
                        "abc",
                        2,
                        "the ballot total was tiny, with less than 100 votes between both candidates",
                    ),
                    cite("cnn", 2, "fewer than 100 people participate in the caucus"),
                ],
            },
            {
                "statement": "Six delegates were at stake. The articles give no per-candidate delegate figures, so none are recorded.",
                "citations": [
                    cite(
                        "fox",
                        7,
                        "Six delegates were at stake in the U.S. territory, with the vote split between Palmer and Biden.",
                    )
                ],
            },
            {
                "statement": "The second time American Samoa's Democrats passed over Biden, after the 2020 contest.",
                "citations": [
                    cite(
                        "fox",
                        3,
                        "it marks the second time the American territory has rejected Biden",
                    )
                ],
            },
            {
                "statement": "The loss did not threaten Biden's path to the nomination.",
                "citations": [
                    cite(
                        "fox",
                        3,
                        "The upset will not derail Biden’s march toward his party’s nomination",
                    ),
                    cite("abc", 4, "That doesn't meaningfully change his enormous lead overall"),
                    cite(
                        "cnn",
                        2,
                        "it will not slow Biden’s commanding march to the Democratic nomination",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "2020-american-samoa-democratic-contest",
        "name": "2020 American Samoa Democratic presidential contest",
        "jurisdiction": "american-samoa",
        "party": "democratic",
        "kind": "not_stated",
        "year": 2020,
        "held_on": D(2020, 1, 1),
        "held_on_precision": "year",
        "count_status": "final",
        "summary": "Michael Bloomberg won with 175 votes: his only win of the 2020 primaries.",
        "citations": [
            cite(
                "fox",
                4,
                "During the 2020 Democratic primaries, billionaire Michael Bloomberg’s only win came in American Samoa.",
                "held_on",
            ),
            cite(
                "abc",
                17,
                "In 2020, former New York City Mayor Michael Bloomberg was the Democratic winner",
                "count_status",
            ),
        ],
        "results": [
            {
                "candidate": "michael-bloomberg",
                "votes": 175,
                "outcome": "won",
                "position": 1,
                "citations": [
                    cite("fox", 4, "He garnered 175 votes in the contest", "votes"),
                    cite(
                        "abc",
                        17,
                        "In 2020, former New York City Mayor Michael Bloomberg was the Democratic winner",
                        "outcome",
                    ),
                    cite(
                        "cnn",
                        12,
                        "Michael Bloomberg won the Democratic race there in 2020",
                        "outcome",
                    ),
                ],
            },
            {
                "candidate": "tulsi-gabbard",
                "votes": 103,
                "outcome": "lost",
                "position": 2,
                "citations": [
                    cite("fox", 4, "with Tulsi Gabbard coming second with 103 votes", "votes"),
                    cite("fox", 4, "Tulsi Gabbard coming second", "outcome"),
                ],
            },
            {
                "candidate": "bernie-sanders",
                "votes": 37,
                "outcome": "lost",
                "position": 3,
                "citations": [
                    cite("fox", 4, "Bernie Sanders earned 37 votes", "votes"),
                    cite(
                        "fox",
                        4,
                        "billionaire Michael Bloomberg’s only win came in American Samoa",
                        "outcome",
                    ),
                ],
            },
            {
                "candidate": "joe-biden",
                "votes": 31,
                "outcome": "lost",
                "position": 4,
                "citations": [
                    cite("fox", 4, "Biden came fourth with 31", "votes"),
                    cite(
                        "fox",
                        3,
                        "it marks the second time the American territory has rejected Biden",
                        "outcome",
                    ),
                ],
            },
        ],
        "facts": [
            {
                "statement": "American Samoa was Michael Bloomberg's only win of the 2020 Democratic primaries.",
                "citations": [
                    cite(
                        "fox", 4, "billionaire Michael Bloomberg’s only win came in American Samoa"
                    )
                ],
            },
        ],
    },
    {
        "slug": "2016-american-samoa-republican-caucuses",
        "name": "2016 American Samoa Republican presidential caucuses",
        "jurisdiction": "american-samoa",
        "party": "republican",
        "kind": "caucus",
        "year": 2016,
        "held_on": D(2016, 1, 1),
        "held_on_precision": "year",
        "count_status": "final",
        "summary": "Donald Trump won the territory's last contested Republican caucuses. The articles give no vote counts.",
        "citations": [
            cite(
                "abc", 17, "in 2016, the last contested Republican caucuses, Trump won", "held_on"
            ),
            cite(
                "abc",
                17,
                "in 2016, the last contested Republican caucuses, Trump won",
                "count_status",
            ),
        ],
        "results": [
            {
                "candidate": "donald-trump",
                "outcome": "won",
                "position": 1,
                "citations": [
                    cite(
                        "abc",
                        17,
                        "in 2016, the last contested Republican caucuses, Trump won",
                        "outcome",
                    )
                ],
            },
        ],
    },
    {
        "slug": "2024-american-samoa-republican-caucuses",
        "name": "2024 American Samoa Republican presidential caucuses",
        "jurisdiction": "american-samoa",
        "party": "republican",
        "kind": "caucus",
        "year": 2024,
        "held_on": D(2024, 3, 8),
        "held_on_precision": "day",
        "held_on_as_reported": "Friday",
        "count_status": "scheduled",
        "summary": "Scheduled for the Friday after Super Tuesday, as ABC News reported on March 6, 2024.",
        "citations": [
            {
                **cite(
                    "abc",
                    18,
                    "The Republican presidential caucus will be held on Friday.",
                    "held_on",
                ),
                "note": "ABC News gives only “Friday”; the date is the Friday after the article's date of March 6, 2024.",
            },
            cite(
                "abc",
                18,
                "The Republican presidential caucus will be held on Friday.",
                "count_status",
            ),
        ],
    },
]
