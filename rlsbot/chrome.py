"""Site chrome: whole lines of page furniture that are never article prose."""

from __future__ import annotations

import re

# rest of the line to be furniture too (a date, a network's name).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[t ]\d{{2}}:\d{{2}}\S*)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
)
_NAME = r"(?-i:(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})"
_CREDENTIALS = r"(?:,?\s+(?-i:[A-Z][A-Za-z.]{1,8}))*"
_CHROME_LINES = [
    # navigation
    r"(?:\u2191\s*)?(?:back|return|go|scroll) to (?:the )?top(?: of (?:the )?page)?\s*\u2191?",
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)",
    r"(?:main |site )?(?:menu|navigation)|toggle (?:navigation|menu)|(?:open|close) (?:menu|search)|search(?: this site)?",
    r"home(?:\s*[>\u203a\u00bb/|]\s*[^>\u203a\u00bb|/]{1,40}){1,6}",  # breadcrumbs: Home > Conditions > RLS
    # bylines and dates
    r"(?:originally |first )?(?:published|posted)(?: (?:on|by))?:?",
    rf"(?:(?:originally |first )?(?:published|posted)|(?:last )?(?:updated|modified|reviewed)|last reviewed)(?: on)?:?\s+{_DATE}(?:\s*(?:,|by|\||\u2014|\u2013|-)\s*.{{0,60}})?",
    rf"(?:medically reviewed|fact[- ]checked|reviewed) by\s+{_NAME}{_CREDENTIALS}(?:\s*(?:\u2014|\u2013|-|\||\u00b7|on)\s*.{{0,80}})?",
    r"\d{1,3}[ -]?min(?:ute)?s?\.? read|reading time:?\s*\d{1,3}\s*min(?:ute)?s?\.?|(?:estimated )?read(?:ing)? time:?\s*\d{1,3}\s*min(?:ute)?s?\.?",
    # ads and banners
    r"advertisements?|sponsored(?: content)?|ad|scroll to continue(?: with content)?|(?:story|article) continues below(?: advertisement)?",
    r".{0,60}\breport (?:is )?now available\b.{0,60}",
    r".{0,60}\bnow available for .{0,40}members!?",
    r".{0,80}\b(?:free (?:shipping|delivery) on|shop now|buy now|order (?:now|today)|limited[- ]time offer|use (?:promo |discount )?code)\b.{0,80}",
    # sharing
    r"share(?: this)?(?: article| post| page| story| leaflet)?(?: (?:on|via) \w+)?:?",
    r"(?:tweet|print|email|pin it|share)(?:\s+(?:tweet|print|email|pin it|share))*",
    r"(?:[\w+.-]+ )?icon(?: [\w+.-]+ icon)*",
    r"(?:[\w+.-]+ icon\s*){2,}",
    r"(?:print|download|save)(?: this)?(?: page| article| leaflet| post)?(?: as)?(?: \(?pdf\)?)?",
    r"(?:copy|copied) link|link copied",
    # sign-up prompts and newsletters
    r"(?:follow us|sign up|subscribe|log ?in|sign ?in|register|join us)(?: (?:now|today|here|on \w+))?[.!]?",
    r".{0,80}\b(?:delivered (?:straight )?to your inbox|sign up for (?:our|the) (?:free )?(?:\w+ )?newsletter|subscribe to (?:our|the) (?:free )?(?:\w+ )?newsletter)\b.{0,80}",
    r"(?:join|get) (?:our|the) (?:free )?(?:newsletter|mailing list)[.!]?|enter your email(?: address)?|(?:your )?e-?mail address",
    r"click here to (?:subscribe|sign up|register|download|read more|learn more).{0,40}",
    # related content
    r"(?:read more|read next|related(?: articles?| posts?| stories| content| reading| leaflets?)?|you (?:may|might) also like"
    r"|recommended(?: for you| reading| articles)?|trending(?: now)?|most (?:read|popular)|popular (?:posts|articles|stories)"
    r"|table of contents|in this article|on this page|jump to)[:.]?",
    r"(?:read more|read next|related|also read|see also|you (?:may|might) also like)\s*:\s*.{1,120}",
    r"(?:learn|find out|see|view|show) more\s*[\u00bb\u203a\u2192>]?",
    r"(?:tags|tagged(?: with)?|filed under|categories|topics)\s*:\s*.{0,150}",
    r"(?:image|photo|picture|illustration)(?: credit| source| by)?\s*:\s*.{0,100}|(?:getty images|shutterstock|istock)(?:\s*/.{0,40})?",
    # feedback and comments
    r"was this (?:article|page|information|post|leaflet) (?:helpful|useful)\??(?:\s*(?:yes|no)){0,2}|thank you for your feedback[.!]?|yes\s*[/|]?\s*no",
    r"leave a (?:comment|reply)|post a comment|add (?:a )?comment|\d+ comments?|comments?(?: \(\d+\))?|loading(?:\.\.\.|\u2026)?",
    # cookie notices and footers
    r"(?:accept|allow|manage|reject|decline) (?:all )?cookies|cookie (?:settings|preferences|policy)",
    r"(?:.{0,200}\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to)\b.{0,300})",
    r"(?:\u00a9|copyright\s*\u00a9|copyright\s+\d{4}).{0,150}|.{0,120}\ball rights reserved\b.{0,40}",
    r"privacy policy|terms (?:of (?:use|service)|and conditions)|cookie policy|contact us|about us|site ?map|advertise with us",
    # credits, captions and language links: MedQuAD's "NIH: National Heart, Lung, and Blood Institute"
    r"nih:\s+(?:national|office|warren|eunice)\b.{0,120}",
    r"(?:en |in )?(?:espa\W?ol|espa\u00f1ol|english)|(?:read|view) (?:this page )?in (?:spanish|english|espa\u00f1ol)",
    r"(?:photo|image|illustration|picture|caption)s?\s+(?:by|courtesy of|credit)\b.{0,100}|(?:credit|courtesy(?: of)?|source|photo)\s*:\s*.{0,100}",
    # keyword, tag and MeSH lists; author addresses
    r"(?:key ?words?|mesh(?: terms| headings)?|subjects?|index terms)\s*:\s*.{0,300}",
    r"(?:author )?affiliations?:?(?:\s*\d?\s*(?:department|division|school|faculty|university|institute)\b.{0,300})?",
    r"(?:correspondence|corresponding author|address (?:for )?correspondence|contact the author)\s*(?:to)?\s*:.{0,200}",
    r"\d{1,2}\s*(?:department|division|school|faculty) of [^.]{0,200}(?:university|hospital|institute|college|cent(?:er|re))[^.]{0,120}\.?",
    # subscription prompts, text-size controls, file sizes, "more from" teasers
    r"to (?:subscribe|unsubscribe)\b.{0,200}|subscribe (?:to|for) .{0,100}|get (?:our|the) (?:latest|free) .{0,80}(?:newsletter|updates|emails?)[.!]?",
    r"(?:text|font) size:?(?:\s*a[+-]?){0,3}|(?:a[+-]?\s*){2,3}|(?:increase|decrease|reset) (?:text|font) size",
    r".{0,150}\((?:(?:pdf|docx?|epub|mp3|mp4|xlsx?|pptx?)(?:,\s*|\s+))?\d+(?:[.,]\d+)?\s*(?:[kmg]i?b|bytes)\)",
    r"(?:pdf|docx?|epub)\s*[-\u2013|,]?\s*\d+(?:[.,]\d+)?\s*(?:[kmg]i?b)",
    r"more (?:from|stories from|articles from|on|in) [^.!?]{1,80}",
    r"(?:menu|search|log ?in|log ?out|sign ?in|sign up|subscribe|donate|home|close|my account)(?:\s+(?:menu|search|log ?in|log ?out|sign ?in|sign up|subscribe|donate|home|close|my account)){1,6}",
]
_CHROME = re.compile(r"^(?:" + "|".join(_CHROME_LINES) + r")$", re.I)

# Rows of share buttons pasted as words: "Facebook Twitter Pinterest Email".
_SOCIAL_NETWORKS = {
    "facebook", "twitter", "x", "instagram", "pinterest", "linkedin", "youtube", "whatsapp", "reddit", "tumblr",
    "telegram", "tiktok", "threads", "bluesky", "mastodon", "flipboard", "messenger", "snapchat", "google+", "rss",
}  # fmt: skip
_SOCIAL_WORDS = _SOCIAL_NETWORKS | {
    "email",
    "e-mail",
    "mail",
    "print",
    "share",
    "tweet",
    "pin",
    "copy",
    "link",
    "icon",
    "sms",
    "save",
    "feed",
}
# Footer link rows: "Privacy Policy | Terms of Use | Contact Us".
_FOOTER_ITEMS = {
    "home", "about", "about us", "contact", "contact us", "privacy", "privacy policy", "privacy notice", "terms", "terms of use",
    "terms of service", "terms and conditions", "cookies", "cookie policy", "cookie settings", "accessibility", "sitemap",
    "site map", "careers", "jobs", "advertise", "advertise with us", "disclaimer", "editorial policy", "help", "faq", "faqs",
    "newsletter", "subscribe", "press", "media", "feedback", "blog", "shop", "donate", "legal", "imprint", "our team",
}  # fmt: skip


def _is_share_row(line: str) -> bool:
    words = [w.strip(".,:;!()[]").lower() for w in re.split(r"[\s|\u00b7\u2022/]+", line) if w.strip(".,:;!()[]|")]
    return (
        0 < len(words) <= 20
        and all(w in _SOCIAL_WORDS for w in words)
        and any(w in _SOCIAL_NETWORKS or w in ("icon", "share") for w in words)
    )


def _is_footer_row(line: str) -> bool:
    items = [i.strip().lower() for i in re.split(r"\s*[|\u00b7\u2022]\s*", line) if i.strip()]
    return len(items) >= 2 and all(i in _FOOTER_ITEMS for i in items)


def is_chrome(line: str) -> bool:
    """Is this whole line site furniture (never a sentence of an article)?"""
    line = " ".join(line.split())
    if not line or len(line) > 500:
        return False
    return bool(_CHROME.match(line)) or _is_share_row(line) or _is_footer_row(line)


def strip_chrome(body: str) -> str:
    """Drop whole lines of site chrome from pasted text; keep everything else.

    A link list's lead-in ("Related articles", "More from ...") goes with the
    lines right under it, up to the next blank line: the list's titles.
    """
    out = []
    in_list = False
    for line in body.splitlines():
        if not line.strip():
            in_list = False
        elif in_list or (len(line) <= 300 and LINK_LIST_LEAD.match(line.strip())):
            in_list = True
            line = ""
        elif is_chrome(line):
            line = ""
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------- articles


DATE = re.compile(_DATE, re.I)

# "By Dr. Jane Smith" or "Written by Jane Smith, RN" under a pasted title.
BYLINE = re.compile(
    rf"^(?i:(?:written |posted |words )?by)\s+({_NAME}){_CREDENTIALS}(?:\s*(?:\||\u00b7|\u2014|\u2013|-|,|on)\s*.{{0,60}})?$"
)


# Lead-ins of link lists and headings of furniture sections: the lead-in and
# the list under it (or the heading and its section) are never the article.
LINK_LIST_LEAD = re.compile(
    r"^(?i:these resources (?:address|from \S+ offer information about)\b.{0,200}"
    r"|(?:related|more|other|useful|helpful|further) (?:articles?|reading|links|resources|topics|stories|websites|posts)"
    r"(?: (?:on|about|from|for) .{1,80})?:?"
    r"|more (?:from|stories from|articles from|on|in) [^.!?]{1,80}"
    r"|(?:references|sources|bibliography|citations|further reading|see also|resources|external links|learn more|you (?:may|might) also like|related)[:.]?)$"
)

# Letters after a name that are credentials, not part of it.
_CREDENTIAL = re.compile(
    r"(?:M\.?D|D\.?O|Ph\.?D|MPH|MSc?|BSc?|RN|BSN|MSN|NP|PA(?:-C)?|FACP|FRCP|MBBS|MBChB|DNP|RD|PharmD|MA|BA|DPM|FAAN|FAASM|CNS|APRN|DrPH|Jr|Sr|II|III)\.?"
)


def clean_author(author: str) -> str:
    """The people of a byline, without credentials, specialties, "Updated" or dates.

    "Jordan Reyes; MPH Updated; MD; Hematology" is Jordan Reyes.
    """
    names = []
    for part in re.split(r"\s*(?:[;,|\u00b7\u2022]|\band\b|&)\s*", author):
        words = [w for w in part.split() if not _CREDENTIAL.fullmatch(w.strip(".,"))]
        cut = next(
            (i for i, w in enumerate(words) if w.lower().rstrip(":") in ("updated", "reviewed", "published", "posted", "on", "last")), None
        )
        words = words[:cut]
        # A person's name has two words or more, each capitalised.
        if 2 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in ("de", "van", "von", "da", "del", "le", "la") for w in words):
            names.append(" ".join(words))
    return ", ".join(dict.fromkeys(names))
