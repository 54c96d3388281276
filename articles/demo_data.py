"""The words and pictures of the demo site, written for this project in the shapes of the
source pages (SEEDS.md); `articles.demo` puts them in the database."""

from articles.images import draw_image

# Local accounts only: the README states these. The command refuses to run with DEBUG off
# unless forced, and uses these passwords only on a database that has no users yet.
ACCOUNTS = [
    # username, password, group (None: superuser), email
    ("admin", "admin-demo-2026", None, "admin@example.com"),
    ("editor", "editor-demo-2026", "Editors", "editor@example.com"),
    ("moderator", "moderator-demo-2026", "Moderators", "moderator@example.com"),
    ("sales", "sales-demo-2026", "Sales", "sales@example.com"),
]

AUTHORS = [
    {
        "slug": "maya-okafor",
        "name": "Maya Okafor",
        "job_title": "Head of Search",
        "bio": "Maya has run technical SEO projects for retailers and charities for a decade. "
        "She likes crawl logs, clean information architecture and plain-English reports.",
        "linkedin": "https://www.linkedin.com/in/example-maya",
        "colour": "#7a3b69",
        "user": "editor",
    },
    {
        "slug": "tomas-lindqvist",
        "name": "Tomás Lindqvist",
        "job_title": "Social Media Strategist",
        "bio": "Tomás plans social campaigns for B2B brands and teaches teams to write posts "
        "people actually want to share.",
        "x": "https://x.com/example_tomas",
        "colour": "#1d6b5f",
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "job_title": "Paid Media Lead",
        "bio": "Priya manages search and social ad budgets and is happiest with a clean "
        "conversion-tracking setup.",
        "website": "https://example.com/priya",
        "colour": "#8a4b08",
    },
]

CATEGORIES = [
    ("search", "Search", "Getting found on search engines: technical SEO, content and links."),
    ("social", "Social", "Social media optimisation and marketing that builds an audience."),
    ("paid", "Paid media", "Search and social advertising that pays its way."),
]


def p(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def h(text):
    return {"type": "heading", "value": {"text": text, "anchor": ""}}


def table(caption, header, rows):
    return {
        "type": "table",
        "value": {
            "data": [header, *rows],
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }


def image(image_obj, caption, credit, alt):
    return {
        "type": "image",
        "value": {
            "image": {"image": image_obj.pk, "alt_text": alt, "decorative": False},
            "caption": caption,
            "credit": credit,
        },
    }


def cta(title, text, service, label="Talk to our team"):
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": text, "button_label": label, "service": service},
    }


def quote(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def article_specs():
    """The demo articles, newest last. Each is a dict of page fields plus authors and tags."""
    chart = draw_image("Demo: engagement chart", background="#1d6b5f", text="Engagement by channel")
    workshop = draw_image("Demo: planning workshop", background="#7a3b69", text="Planning workshop")
    return [
        {
            "slug": "seo-or-smo-small-business",
            "title": "SEO or SMO? What each one does for a small business",
            "intro": "Search engine optimisation and social media optimisation are often sold together, "
            "but they work on different audiences, on different timescales and with different measures.",
            "category": "search",
            "authors": ["maya-okafor", "tomas-lindqvist"],
            "tags": ["seo", "smo", "strategy"],
            "comments_open": False,
            "hero": ("Demo: two paths", "#1f4e79", "Two paths, one audience"),
            "hero_caption": "Search and social reach people at different moments.",
            "body": [
                p(
                    "Ask ten marketers where SEO ends and SMO begins and you will hear ten answers. "
                    "The short version: SEO makes your site the best answer when someone searches; "
                    "SMO makes your content easy and rewarding to discover, share and discuss on social platforms.",
                    "Both aim at more of the right visitors. They differ in where those visitors come from "
                    "and how quickly the work pays back.",
                ),
                h("The two side by side"),
                table(
                    "How SEO and SMO compare",
                    ["#", "Search engine optimisation (SEO)", "Social media optimisation (SMO)"],
                    [
                        [
                            "1",
                            "Visitors arrive with a question they typed.",
                            "Visitors arrive because someone shared or recommended.",
                        ],
                        [
                            "2",
                            "Results build over months and compound.",
                            "Results can spike within days, then fade.",
                        ],
                        [
                            "3",
                            "Work happens on your own site: structure, speed, content.",
                            "Work happens on profiles, posts and share previews.",
                        ],
                        [
                            "4",
                            "Measured in rankings, organic sessions and leads.",
                            "Measured in reach, engagement and referral visits.",
                        ],
                        [
                            "5",
                            "Links from other sites are a strong signal.",
                            "Conversations and shares are the signal.",
                        ],
                        [
                            "6",
                            "Rewards depth and evergreen answers.",
                            "Rewards timeliness and a clear voice.",
                        ],
                    ],
                ),
                h("Which should come first?"),
                p(
                    "If people already search for what you sell, start with SEO: that demand exists with or without you. "
                    "If your product is new or visual, SMO earns attention sooner while search demand grows.",
                    "Most of our clients end up running both, with one content plan feeding each channel.",
                ),
                quote(
                    "Rank for the question, then give people a reason to pass the answer on.", "Maya Okafor"
                ),
                p("Next in this series: how social media marketing differs from social media optimisation."),
            ],
        },
        {
            "slug": "smm-and-smo-where-they-differ",
            "title": "SMM and SMO: where paid reach ends and earned reach begins",
            "intro": "Social media marketing buys and schedules attention; social media optimisation makes "
            "every post and page worth sharing. Here is how to run them together.",
            "category": "social",
            "authors": ["tomas-lindqvist"],
            "tags": ["smm", "smo", "social"],
            "hero": ("Demo: social reach", "#1d6b5f", "Earned and paid reach"),
            "hero_caption": "A campaign calendar mixing organic and paid posts.",
            "hero_credit": "Northwind Digital studio",
            "body": [
                p(
                    "Social media marketing (SMM) is the campaign side: ads, boosted posts, influencer budgets "
                    "and a calendar. Social media optimisation (SMO) is the craft side: profiles that explain "
                    "who you are, share previews that look right, and content people pass on without being paid to."
                ),
                image(
                    chart,
                    "Engagement on organic posts rose once share previews were fixed.",
                    "Northwind Digital analytics",
                    "Bar chart of engagement by channel",
                ),
                h("What SMO fixes before you spend"),
                p(
                    "Before any budget goes live we check Open Graph tags, image sizes, profile links and the landing page. "
                    "Paid reach sent to a page with a broken preview is money spent twice."
                ),
                image(
                    workshop,
                    "A planning workshop with a client's content team.",
                    "Photo: Lena Brooks for Northwind Digital",
                    "Four people planning posts around a whiteboard",
                ),
                h("Where SMM earns its keep"),
                p(
                    "Paid social is unbeatable for reaching a precise audience quickly: a region, a job title, "
                    "people who visited a page last week. Optimised content makes that paid reach cheaper per click."
                ),
                cta(
                    "Want both sides working together?",
                    "Our social team audits your profiles and plans a campaign that pays for itself.",
                    "smm",
                    "Plan my campaign",
                ),
            ],
        },
        {
            "slug": "local-seo-checklist-for-service-businesses",
            "title": "A local SEO checklist for service businesses",
            "intro": "Plumbers, dentists and accountants win most of their work from people nearby. "
            "Twelve checks that help you show up when they search.",
            "category": "search",
            "authors": ["maya-okafor"],
            "tags": ["seo", "local"],
            "hero": ("Demo: local map", "#365314", "Found nearby"),
            "body": [
                p(
                    "Local search rewards consistency: the same name, address and phone number everywhere, and a site that answers local questions."
                ),
                h("Get the basics consistent"),
                p(
                    "List your business with the same details on your site, your business profile and the main directories. Mismatched phone numbers confuse people and search engines alike."
                ),
                h("Write pages for the places you serve"),
                p(
                    "One useful page per town or district you serve, with real detail: response times, local projects, parking. Thin copies of the same page do more harm than good."
                ),
                h("Ask for reviews, and answer them"),
                p(
                    "Reviews are both a ranking signal and a sales tool. A short, human reply to every review shows prospects that someone is listening."
                ),
            ],
        },
        {
            "slug": "writing-meta-descriptions-that-get-clicks",
            "title": "Writing meta descriptions that earn the click",
            "intro": "A meta description will not lift your ranking, but it decides whether a searcher chooses you. "
            "How to write ones that work.",
            "category": "search",
            "authors": ["maya-okafor"],
            "tags": ["seo", "copywriting"],
            "hero": ("Demo: search snippet", "#7c2d12", "Search snippet"),
            "body": [
                p(
                    "Think of the description as the advert under your headline. It should promise exactly what the page delivers, in about 150 characters."
                ),
                h("Lead with the answer"),
                p("Searchers scan. Put the benefit or the answer first, and the brand last if at all."),
                h("Match the intent"),
                p(
                    "Someone searching for a price wants a price. Someone searching how to do something wants steps. Say which one they will find."
                ),
            ],
        },
        {
            "slug": "share-previews-open-graph-explained",
            "title": "Share previews explained: Open Graph and cards without the jargon",
            "intro": "When a link is shared, the preview is your first impression. "
            "What the tags do and how to check yours in five minutes.",
            "category": "social",
            "authors": ["tomas-lindqvist"],
            "tags": ["smo", "open-graph"],
            "hero": ("Demo: share preview", "#0f4c81", "Share preview"),
            "body": [
                p(
                    "Social platforms read a handful of tags from your page to build the preview: a title, a description, an image and its size."
                ),
                h("The four tags that matter most"),
                p(
                    "og:title, og:description, og:image and og:url. Get those right and most platforms show a clean card."
                ),
                h("Image sizes"),
                p(
                    "A 1200 by 630 pixel image works almost everywhere. Keep text away from the edges: some apps crop."
                ),
            ],
        },
        {
            "slug": "paid-search-budgets-for-first-timers",
            "title": "Paid search budgets for first-timers",
            "intro": "How much to spend on your first search campaign, and how to tell within a month whether it works.",
            "category": "paid",
            "authors": ["priya-raman"],
            "tags": ["ppc", "budget"],
            "hero": ("Demo: budget plan", "#8a4b08", "Budget plan"),
            "body": [
                p("Start with what a customer is worth to you, not with what a competitor spends."),
                h("Work backwards from a lead"),
                p(
                    "If one in five enquiries becomes a customer worth £1,000, an enquiry is worth up to £200. That caps what you can pay per click."
                ),
                cta(
                    "Not sure what to spend?",
                    "We will model a first campaign with you, free of charge.",
                    "ppc",
                    "Ask about paid search",
                ),
            ],
        },
        {
            "slug": "content-calendar-that-survives-a-busy-month",
            "title": "A content calendar that survives a busy month",
            "intro": "Most content plans collapse in the first busy week. A lighter way to plan that keeps publishing going.",
            "category": "social",
            "authors": ["tomas-lindqvist", "priya-raman"],
            "tags": ["content", "planning"],
            "hero": ("Demo: content calendar", "#155e75", "Content calendar"),
            "body": [
                p(
                    "Plan themes per month, not posts per day. Then keep a small bank of evergreen posts for the weeks that go wrong."
                ),
                h("One idea, five formats"),
                p(
                    "A single article becomes a short video, a carousel, a quote card, a newsletter item and a question for your followers."
                ),
            ],
        },
        {
            "slug": "technical-seo-audit-in-an-afternoon",
            "title": "A technical SEO audit you can run in an afternoon",
            "intro": "You do not need an enterprise tool to find the problems that hold most small sites back.",
            "category": "search",
            "authors": ["maya-okafor"],
            "tags": ["seo", "technical"],
            "hero": ("Demo: site audit", "#4c1d95", "Site audit"),
            "body": [
                p(
                    "Crawl the site, check what is indexed, measure speed on a phone, and read the structured data. That covers most of what matters."
                ),
                h("Indexing"),
                p(
                    "Compare the pages you want found with the pages search engines actually know about. Gaps usually point at internal links."
                ),
                h("Speed on a real phone"),
                p(
                    "Test on a mid-range phone over a slow connection. Heavy images and third-party scripts are the usual suspects."
                ),
            ],
        },
        {
            "slug": "measuring-social-roi-without-guesswork",
            "title": "Measuring social ROI without guesswork",
            "intro": "Likes are not revenue. How to connect social activity to enquiries with UTM tags and a simple report.",
            "category": "paid",
            "authors": ["priya-raman"],
            "tags": ["analytics", "social", "utm"],
            "hero": ("Demo: ROI report", "#3f3f46", "ROI report"),
            "body": [
                p(
                    "Tag every link you share with UTM parameters, and make sure your enquiry forms record them."
                ),
                h("A report a director will read"),
                p(
                    "Three numbers a month: visits from social, enquiries from social, and the cost of each. Everything else is detail."
                ),
            ],
        },
    ]


PRIVACY_BODY = (
    "<h2>What we keep</h2>"
    "<p>When you ask for a callback or contact us we keep what you typed, the page you sent it from "
    "and the campaign that brought you, so our team can answer you. When you comment we keep your name, "
    "email address (never shown), website, your comment, and your IP address and browser for spam checks.</p>"
    "<h2>How long</h2>"
    "<p>Enquiries that do not lead anywhere are deleted after a year. Comments stay while they are published.</p>"
    "<h2>Your rights</h2>"
    "<p>Write to hello@example.com to get a copy of everything we hold about you, or to have it erased.</p>"
)
