"""Asks about how two things relate: which of them is better, whether one leads to the other; and what a diagnosis needs.

The first two are strict: only a sentence that compares, or that says what restless legs
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

CRITERIA = Ask(
    # "all 4 criteria required or is 3/4 enough?", "what has to be true before a doctor can officially say i have rls":
    # what a diagnosis needs, which "no test can diagnose RLS" does not say
    "criteria",
    pattern(
        r"\bcriteri(?:a|on)\b|\btick (?:every|all|each|some|the|a few) (?:of the )?box|\b(?:3|three) (?:out )?of (?:the )?(?:4|four)\b|\b3/4\b"
        r"|\b(?:need|have to have|has to have) (?:all|every one of) (?:the |these |those |4 |four )?(?:symptoms|signs|boxes)\b|\bwhat (?:has|needs) to be (?:true|going on|there)\b"
        r"|\bofficially (?:told|say|call|diagnos)|\b(?:need|needs|has|have) to (?:see|find) before\b|\bbefore (?:they|a doctor|the doctor|a physician|someone|he|she) can (?:say|call)\b"
    ),
    pattern(r"\bmust have\b|\bfour key signs\b|\ball four\b"),
    False,
    "what a diagnosis needs",
    ("diagnosis",),
    search=("four", "signs"),
    of_subject=True,
)

TRIAL = Ask(
    # "gp put me on a parkinsons tablet 'to see if it works'... is that a way of working out if its rls": a diagnosis by
    # a drug's trial, which only "If the medicines relieve your symptoms, your doctor can confirm that you have RLS." answers
    "drug trial",
    pattern(
        r"\bsee if (?:it|they|that|this) (?:works?|helps?|does anything)\b|\bas a trial\b"
        r"|\bif (?:it works?|it helps?|they work|they help|that works|that helps),? (?:then )?(?:i['’]?ve got|i have|i['’]?ve|it['’]?s|its|that means)\b"
        r"|\b(?:pills?|tablets?|meds|medicines?|medications?|drugs?) (?:partly |just )?to (?:find out|work out|see|check|tell) (?:if|whether) (?:it|i|this)\b"
    ),
    pattern(r"\bcan confirm\b|\bif the medicines? (?:relieve|help)"),
    False,
    "whether a medicine that helps confirms it",
    ("diagnosis", "drug therapy trial"),
    search=("confirm",),
    of_subject=True,
)

# What a diagnosis needs, before the diagnosis ask itself (rlsbot.asks.ASKS).
DIAGNOSIS_NEEDS = (TRIAL, CRITERIA)
