"""Write MedQuAD answers as rlsbot articles: one Markdown article per NIH page.

MedQuAD (Ben Abacha & Demner-Fushman, BMC Bioinformatics 2019, CC BY 4.0)
holds the text of NIH pages as question-answer pairs. A page becomes one
article: front matter (title, publisher, url, licence), then each answer
verbatim under a ``##`` heading that names its topic. The answers' words are
never changed, damage included; only Markdown structure is added: a short
title-like line of its own becomes a ``###`` heading, and an inline "  - "
list or the short lines after a lead-in ending in ":" become list items.

    python tests/blind/medquad_articles.py corpus --bundled        # the bundled NIH RLS pages
    python tests/blind/medquad_articles.py tests/blind/nih_multi  # the multi-disease test corpus
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
from collections import defaultdict
from pathlib import Path

MEDQUAD = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "liveqa" / "medquad.jsonl.xz"

LICENCE = (
    "CC BY 4.0. Text of the NIH page as collected in MedQuAD "
    "(Asma Ben Abacha and Dina Demner-Fushman, A Question-Entailment Approach to Question Answering, "
    "BMC Bioinformatics 20, 511, 2019)."
)
PUBLISHERS = {
    "GARD": "Genetic and Rare Diseases Information Center (GARD), NIH",
    "GHR": "Genetics Home Reference, U.S. National Library of Medicine",
    "MPlusHealthTopics": "MedlinePlus, U.S. National Library of Medicine",
    "MPlusDrugs": "MedlinePlus, U.S. National Library of Medicine",
    "NINDS": "National Institute of Neurological Disorders and Stroke (NINDS)",
    "NHLBI": "National Heart, Lung, and Blood Institute (NHLBI)",
    "NIDDK": "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)",
}
HEADINGS = {
    "information": "Summary",
    "frequency": "Frequency",
    "genetic changes": "Genetic changes",
    "inheritance": "Inheritance",
    "treatment": "Treatment",
    "outlook": "Outlook",
    "research": "Research",
    "causes": "Causes",
    "susceptibility": "Who is at risk",
    "symptoms": "Symptoms",
    "exams and tests": "Diagnosis",
    "prevention": "Prevention",
    "complications": "Complications",
    "considerations": "Things to consider",
    "indication": "Why it is prescribed",
    "usage": "How to use it",
    "precautions": "Precautions",
    "dietary": "Diet",
    "forget a dose": "A missed dose",
    "side effects": "Side effects",
    "emergency or overdose": "Overdose",
    "other information": "Other information",
    "brand names": "Brand names",
    "storage and disposal": "Storage and disposal",
}
# The pages whose focus is restless legs syndrome: bundled with rlsbot.
RLS_PAGES = {
    "NINDS_0000246": ("nih-ninds-restless-legs.md", "Restless Legs Syndrome Information Page"),
    "NHLBI_0000114": ("nih-nhlbi-restless-legs.md", "Restless Legs Syndrome"),
    "GHR_0000869": ("nih-ghr-restless-legs.md", "Restless legs syndrome"),
    "GARD_0005317": ("nih-gard-restless-legs.md", "Restless legs syndrome"),
    "MPlusHealthTopics_0000776": ("nih-medlineplus-restless-legs.md", "Restless Legs"),
}
# The multi-disease test corpus: pages that mention RLS, then neighbouring conditions.
OTHER_PAGES = [
    "GARD_0001104",
    "MPlusDrugs_0000541",
    "GARD_0004827",
    "GHR_0000940",
    "MPlusHealthTopics_0000824",
    "NIDDK_0000126",
    "NIDDK_0000158",
    "NIDDK_0000176",
    "NHLBI_0000081",
    "NHLBI_0000082",
    "NINDS_0000223",
    "NINDS_0000097",
    "NINDS_0000229",
    "NINDS_0000106",
    "MPlusHealthTopics_0000942",
    "NHLBI_0000135",
    "MPlusHealthTopics_0000034",
    "MPlusHealthTopics_0000518",
    "MPlusHealthTopics_0000539",
    "NINDS_0000254",
    "NINDS_0000211",
    "MPlusHealthTopics_0000360",
    "NINDS_0000006",
    "NINDS_0000202",
    "NHLBI_0000101",
    "MPlusHealthTopics_0000739",
    "GHR_0000773",
    "NIDDK_0000093",
]
INLINE_LIST = re.compile(r"\s{2,}-\s+|(?<=:)\s+-\s+")
END_PUNCT = tuple('.?!:;,")')


def load(path: Path = MEDQUAD) -> dict[str, list[dict]]:
    pages: dict[str, list[dict]] = defaultdict(list)
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            pages[rec["id"].rsplit("_Sec", 1)[0]].append(rec)
    for recs in pages.values():
        recs.sort(key=lambda r: int(r["id"].rsplit("_Sec", 1)[1]))
    return pages


def _title_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 8 and line[0].isupper() and not line.endswith(END_PUNCT)


def _title_case(line: str) -> bool:
    """ "Unpleasant Feelings" is a heading; "Rubbing the legs" is a list item."""
    long_words = [w for w in line.split() if len(w) >= 4]
    return len(line.split()) >= 2 and bool(long_words) and all(w[0].isupper() for w in long_words)


def body(answer: str) -> list[str]:
    """Markdown blocks for one answer, its words exactly as MedQuAD has them."""
    paragraphs: list[str] = []
    for line in answer.split("\n"):
        # MedQuAD flattened some pages' paragraphs into one line, joined by
        # runs of three or more spaces; a run before "- " continues a list.
        # Two spaces after a sentence's end are its paragraph break.
        for chunk in re.split(r"\s{3,}|(?<=[.?!)\"])\s{2,}(?=[A-Z(])", line.strip()):
            if chunk.startswith("- ") and paragraphs:
                paragraphs[-1] += "  " + chunk
            elif chunk:
                paragraphs.append(chunk)
    blocks: list[str] = []
    in_list = False
    for i, para in enumerate(paragraphs):
        parts = INLINE_LIST.split(para)
        if len(parts) > 1:
            lead, items = parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]
            if lead:
                blocks.append(lead)
            blocks.append("\n".join(f"- {item}" for item in items))
            in_list = False
            continue
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if in_list and len(para.split()) <= 14 and not para.endswith(":") and not _title_case(para):
            blocks.append(f"- {para}")
            continue
        in_list = para.endswith(":")
        if len(paragraphs) > 1 and _title_like(para) and following and not following.startswith("-"):
            blocks.append(f"### {para}")
        else:
            blocks.append(para)
    # Consecutive list items are one Markdown list.
    merged: list[str] = []
    for block in blocks:
        if merged and block.startswith("- ") and merged[-1].startswith("- "):
            merged[-1] += "\n" + block
        else:
            merged.append(block)
    return merged


def article(recs: list[dict], title: str | None = None) -> str:
    first = recs[0]
    title = title or first["focus"][:1].upper() + first["focus"][1:]
    front = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"publisher: {json.dumps(PUBLISHERS[first['source']])}",
        f"url: {json.dumps(first['url'])}",
        f"license: {json.dumps(LICENCE)}",
        f"medquad: {json.dumps(first['id'].rsplit('_Sec', 1)[0])}",
        "---",
    ]
    out = ["\n".join(front)]
    last_heading = None
    for rec in recs:
        heading = HEADINGS.get(rec["qtype"], rec["qtype"].capitalize())
        if heading != last_heading:
            out.append(f"## {heading}")
            last_heading = heading
        out.extend(body(rec["answer"]))
    return "\n\n".join(out) + "\n"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("--bundled", action="store_true", help="only the RLS pages, named for the bundled corpus")
    args = p.parse_args(argv)
    pages = load()
    args.out.mkdir(parents=True, exist_ok=True)
    for page, (name, title) in RLS_PAGES.items():
        (args.out / name).write_text(article(pages[page], title), encoding="utf-8")
    if not args.bundled:
        # The multi-disease corpus holds the two web articles bundled with rlsbot too.
        for seed in ("gene-food-vitamins-minerals-rls.md", "magnesium-for-restless-legs.md"):
            (args.out / seed).write_bytes((Path(__file__).resolve().parents[2] / "corpus" / seed).read_bytes())
        for page in OTHER_PAGES:
            recs = pages[page]
            name = f"nih-{recs[0]['source'].lower()}-{slug(recs[0]['focus'])}.md"
            (args.out / name).write_text(article(recs), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
