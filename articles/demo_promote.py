"""What makes each demo article pass every readiness check: its Promote fields, a hero credit,
and the rest of its text (each ends with an internal link). Written fresh for this project."""

from articles.demo_data import h, p

# "{index}" becomes a link to the article index when the demo is loaded.
MORE_GUIDES = 'More guides like this one are in <a linktype="page" id="{index}">our articles</a>.'

PROMOTE = {
    "seo-or-smo-small-business": {
        "seo_title": "SEO or SMO? What each does for a small business",
        "search_description": "Search and social optimisation reach different people on different "
        "timescales. How they compare and which to start with.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            p(
                "Whichever you start with, measure both the same way: enquiries and customers, not impressions or likes. That keeps the comparison honest. "
                + MORE_GUIDES
            )
        ],
    },
    "smm-and-smo-where-they-differ": {
        "seo_title": "SMM and SMO: paid reach and earned reach",
        "search_description": "Social media marketing buys attention; social media optimisation earns it. "
        "How to run both without paying twice.",
        "more": [
            h("Running both from one plan"),
            p(
                "The teams that get the most from social keep one calendar for paid and organic posts. "
                "Each campaign starts with a page worth landing on and a post worth sharing without a budget "
                "behind it; the budget then goes to the posts that already earn comments and saves.",
                "Review the numbers together every month. If a boosted post costs more per click than the "
                "organic version earned for free, the problem is usually the preview or the page, not the "
                "targeting. " + MORE_GUIDES,
            ),
        ],
    },
    "local-seo-checklist-for-service-businesses": {
        "seo_title": "A local SEO checklist for service businesses",
        "search_description": "Twelve checks that help plumbers, dentists and accountants show up when "
        "people nearby search for them.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            h("Make the site answer local questions"),
            p(
                "People searching nearby want to know three things fast: do you cover my area, can you come "
                "soon, and what will it cost. Put the answers on the page they land on, in plain words, "
                "above the first photo.",
                "Add your opening hours, the areas you cover and a phone number that works on a tap. Keep "
                "them identical on every page and every profile, down to the abbreviations.",
            ),
            h("Earn local links"),
            p(
                "A mention from the local paper, a sponsor page of the football club you support or a trade "
                "association listing is worth more than a hundred directory entries nobody reads. Ask the "
                "people you already work with; most are happy to link to a supplier they trust.",
                "Finally, check your business profile every month. Photos, questions and suggested edits "
                "arrive there without warning, and an unanswered question on a busy profile looks like a closed business. Answer it the same day. "
                + MORE_GUIDES,
            ),
        ],
    },
    "writing-meta-descriptions-that-get-clicks": {
        "seo_title": "Writing meta descriptions that earn the click",
        "search_description": "A meta description will not lift your ranking, but it decides whether a "
        "searcher picks you. How to write ones that work.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            h("Write for the phone first"),
            p(
                "Most searches happen on a phone, where the description wraps onto three short lines. Put the promise in the first hundred characters and let the rest add detail. Then check it on your own phone before you publish, as a searcher would see it."
            ),
            h("Keep it inside the space"),
            p(
                "Google shows roughly 160 characters on a desktop screen and fewer on a phone. Anything "
                "longer is cut with an ellipsis, often just before the point you wanted to make. Count the "
                "characters, and read the description aloud: if it runs out of breath, so will the reader.",
                "Write one for every page that matters. When a page has none, search engines pick a sentence "
                "from the text, and it is rarely the sentence you would have chosen.",
            ),
            h("Test and rewrite"),
            p(
                "Search Console shows impressions and clicks for each page. Pages with many impressions and "
                "few clicks are where a better description pays off first. Rewrite the description, wait a "
                "few weeks, and compare the click-through rate with the weeks before.",
                "Avoid repeating the title word for word, and never promise what the page does not give: "
                "a visitor who leaves at once teaches search engines that the result was a poor match. "
                + MORE_GUIDES,
            ),
        ],
    },
    "share-previews-open-graph-explained": {
        "seo_title": "Share previews explained: Open Graph and cards",
        "search_description": "When a link is shared, the preview is the first impression. What the tags "
        "do and how to check yours in five minutes.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            h("When the preview is wrong"),
            p(
                "If a network shows an old title or the wrong picture, the page is usually fine and the network's copy is stale. Ask its preview tool to read the page again, then share the link once more to check."
            ),
            h("How each network crops"),
            p(
                "Facebook and LinkedIn show a wide image at about 1.91 to 1; X crops the same image to 2 to 1 "
                "for large cards. Messaging apps often show a small square. Keep faces, logos and words in "
                "the middle of the picture so that every crop still makes sense.",
                "The title in a card is cut far sooner than in search results, so put the important words "
                "first. The description may not be shown at all on a phone.",
            ),
            h("Checking before you share"),
            p(
                "Each network caches the preview the first time a link is shared. Check the page with the "
                "network's own preview tool before the campaign starts, and ask it to read the page again "
                "after every change; otherwise the old image keeps appearing for days.",
                "Set a social image for every article you plan to promote, at least 1200 by 630 pixels, and "
                "write alt text for it too: some apps read it aloud. " + MORE_GUIDES,
            ),
        ],
    },
    "paid-search-budgets-for-first-timers": {
        "seo_title": "Paid search budgets for first-timers",
        "search_description": "How much to spend on a first search campaign, and how to tell within a "
        "month whether the money is working.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            h("Know when to stop"),
            p(
                "Decide before you start what result would make you pause the campaign, and write it down. It keeps a bad month from turning into a bad quarter. Review that line with whoever signs off the budget, so nobody argues about it later."
            ),
            h("Start narrow"),
            p(
                "A small budget spread over every keyword buys a few clicks on each and teaches you nothing. "
                "Pick the handful of searches closest to a purchase, such as a service plus your town, and "
                "give them enough budget to collect a hundred clicks in the first month.",
                "Send each ad to the page that answers that search, not to the home page. A visitor who has "
                "to look for the answer is a click you paid for twice.",
            ),
            h("Read the first month"),
            p(
                "After four weeks look at three numbers: cost per click, the share of clicks that became "
                "enquiries, and the cost of each enquiry. If the cost of an enquiry is below what an enquiry "
                "is worth to you, raise the budget slowly; if it is above, fix the landing page before "
                "touching the bids.",
                "Record every change you make and the date. Paid search rewards patience, and a log stops "
                "you from undoing a good change a week before it would have paid off. " + MORE_GUIDES,
            ),
        ],
    },
    "content-calendar-that-survives-a-busy-month": {
        "seo_title": "A content calendar that survives a busy month",
        "search_description": "Most content plans collapse in the first busy week. A lighter way to plan "
        "that keeps publishing going when work piles up.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            h("Share the load"),
            p(
                "A calendar that depends on one writer stops when that person is busy. Ask each specialist for one short piece a quarter on the question clients ask them most, and let an editor shape it. Experts write faster when they answer a real question, and readers trust an article signed by the person who does the work every day. Thank them in the article, too: a named expert is a reason to share."
            ),
            h("Plan in themes"),
            p(
                "Choose one theme per month and three or four articles that serve it. Themes survive "
                "changes of date and author; a rigid list of daily posts does not. When a week goes wrong "
                "the theme still tells you what to write next.",
                "Keep the plan where everyone can see it, with one owner for each piece and a date for the "
                "first draft rather than the publishing date alone.",
            ),
            h("Keep a bank of evergreen pieces"),
            p(
                "Write two or three articles that do not date: a glossary, a checklist, an answer to the "
                "question clients ask most. Publish one of them whenever the plan slips, and write a new one "
                "in a quiet week to refill the bank.",
                "Review the calendar every Friday for fifteen minutes. Move what slipped, drop what no longer "
                "matters and tell the team what changed. A calendar that nobody reads is only a wish list. "
                + MORE_GUIDES,
            ),
        ],
    },
    "technical-seo-audit-in-an-afternoon": {
        "seo_title": "A technical SEO audit you can run in an afternoon",
        "search_description": "You do not need an enterprise tool to find the problems that hold most "
        "small sites back. Four checks for one afternoon.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            h("Broken links and redirects"),
            p(
                "Crawl the site and list every link that answers with an error or passes through more than one redirect. Broken internal links waste the attention search engines give your site and frustrate readers; chains of redirects slow both down. Fix the links at the source rather than adding yet another redirect, and keep a short list of the redirects you do need so nobody removes them by accident during the next redesign."
            ),
            h("Structured data"),
            p(
                "Paste a few of your pages into a rich results test and read what it finds. Articles need a "
                "headline, an image, dates with a time zone and an author with a profile page; the "
                "organisation needs a logo. Missing pieces cost you the richer result, not the ranking.",
                "Check the breadcrumbs too: they should match the path a visitor can click through.",
            ),
            h("Titles and descriptions"),
            p(
                "Export the titles and descriptions of every page into a spreadsheet and sort by length. "
                "Duplicates, blanks and titles over sixty characters show up at once, and fixing them is "
                "an afternoon's writing rather than a development project.",
                "Write down what you found, in order of how many pages each problem touches, and fix the "
                "biggest first. Run the same audit again in three months to see what came back. "
                + MORE_GUIDES,
            ),
        ],
    },
    "measuring-social-roi-without-guesswork": {
        "seo_title": "Measuring social ROI without guesswork",
        "search_description": "Likes are not revenue. How to connect social activity to enquiries with UTM "
        "tags, a tidy form and a simple monthly report.",
        "hero_credit": "Northwind Digital studio",
        "more": [
            h("Keep the report small"),
            p(
                "A useful monthly report fits on one screen. Show visits from each network, the enquiries they brought, and what the month cost in time and money. Add one sentence on what you will change next month and why. Directors read a report that ends with a decision; they skim one that ends with a chart. Keep last month's figures beside this month's so that a change stands out without anyone having to look it up, and note any campaign that ran so the peaks explain themselves."
            ),
            h("Tag links the same way every time"),
            p(
                "Agree on a short list of sources and mediums and write them down: linkedin and social, "
                "newsletter and email, and so on. A campaign tagged three different ways becomes three "
                "campaigns in the report, and nobody trusts the total.",
                "Use the campaign tag for the theme or offer, not for the date. The date is already in the "
                "report.",
            ),
            h("Follow the enquiry, not the click"),
            p(
                "Make your forms keep the UTM tags of the visit that brought the person in, and pass them to "
                "whoever handles the enquiry. Then ask sales, a month later, which of those enquiries became "
                "customers. That is the only number that tells you what social is worth.",
                "Share the report with the people who write the posts. When they see which posts brought "
                "enquiries, the next month's posts get better without another meeting. " + MORE_GUIDES,
            ),
        ],
    },
}

# A draft that fails on purpose, so editors can see what the checks say.
FAILING_DRAFT = {
    "slug": "draft-that-fails-every-readiness-check",
    "title": "Demo draft that fails the readiness checks on purpose: open its Checks panel to see why",
    "intro": "This draft is kept unfinished so that editors can see what the readiness checks report.",
    "category": "search",
    "authors": ["maya-okafor"],
    "tags": ["demo"],
    "body": [h("Too short"), p("A few words, no link, and no image.")],
}
