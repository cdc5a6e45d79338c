"""Asks about how two things relate: which of them is better, whether one leads to the other.

Both are strict: only a sentence that compares, or that says what restless legs
syndrome leads to, answers them; that two things are named together is no answer.
"""

from __future__ import annotations

from rlsbot.ask_type import Ask
from rlsbot.patterns import pattern

COMPARISON = Ask(
    # "which is better, ropinirole or pramipexole?": only a sentence that compares answers it
    "comparison",
    pattern(
        r"\bwh?ich (?:one |ones |of them |of the two )?(?:is |are |works? |would be |['’]s )?(?:actually |really |generally |usually )?(?:better|best|more effective|safer|stronger)\b|\bwh?ich (?:one )?works? best\b"
        # "is cetirizine or loratadine better for my legs?", "which hayfever tablet is least likely to set them off?"
        r"|\b(?:is|are|would|will) \w+(?: \w+)? (?:or|vs\.?|versus) \w+(?: \w+)? (?:better|best|safer|more effective)\b|\bwh?ich (?:\w+ ){0,2}(?:is |are |would be )?(?:least|less|most|more) likely\b"
        r"|\b(?:better|safer|more effective|stronger) than\b(?! (?:before|ever|usual|it was))(?![^.?!]*\b(?:on (?:its|their) own|alone|by itself)\b)|\bworks? as well as\b|\bas (?:good|effective) as\b|\bhelp more than\b"
    ),
    pattern(
        r"\bthan\b|\bbetter\b|\bbest\b|\bmore effective\b|\bas effective\b|\bsuperior\b|\bfirst[- ]line\b|\bpreferred\b|\binstead\b|\bcompared\b|\bespecially\b"
        r"|\bif .{0,60}(?:can['’]?t|cannot|don['’]?t|do not|doesn['’]?t) (?:control|work|help|relieve)"
    ),
    True,
    "which is better",
)

PROGRESSION = Ask(
    # "can restless legs turn into parkinsons later on?": only a sentence on what RLS leads to answers it
    "progression",
    pattern(
        # what RLS ("it", "this") leads to, not what leads to RLS ("can low iron lead to rls?") nor what another disease leads to
        r"\b(?:rls|restless legs?(?: syndrome)?|it|this|that)\b(?: \w+){0,2}? (?:turns?|leads?|progress(?:es)?|develops?) (?:on )?(?:to|into) (?!rls\b|restless|it\b|this\b|the legs\b)"
        r"|\b(?:rls|restless legs?(?: syndrome)?|it|this|that)\b[^.?!]{0,40}?\b(?:means? (?:i|i['’]?ll|he|he['’]?ll|she|she['’]?ll|my \w+)(?: will)? (?:get|develop|end up with)|(?:likely|going) to develop) (?=(?!it\b|this\b|rls\b|restless)\w)"
    ),
    pattern(r"\bleads? to\b|\bturns? into\b|\bprogress|\bdevelop(?:s|ing)? into\b"),
    True,
    "whether restless legs syndrome leads to it",
)
