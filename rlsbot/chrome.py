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
    r"\d{1,3}[ -]?min(?:ute)?s?\.? read|reading time:?\s*\d{1,3}\s*min(?:ute)?s?\.?",
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
    """Drop whole lines of site chrome from pasted text; keep everything else."""
    return "\n".join("" if is_chrome(line) else line for line in body.splitlines())


# ---------------------------------------------------------------- articles


# "By Dr. Jane Smith" or "Written by Jane Smith, RN" under a pasted title.
BYLINE = re.compile(
    rf"^(?i:(?:written |posted |words )?by)\s+({_NAME}){_CREDENTIALS}(?:\s*(?:\||\u00b7|\u2014|\u2013|-|,|on)\s*.{{0,60}})?$"
)
