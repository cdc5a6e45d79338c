"""Sentences that lean on the one before: quoted alone, the reader cannot tell what "This" or "However" points to.

Passages join a paragraph that leans on the one before it, and a quote brings
the sentence a leaning one points to (``rlsbot.quotes``).  One pattern,
compiled on first use like the asks' (``rlsbot.patterns.pattern``).
"""

from __future__ import annotations

from rlsbot.patterns import pattern

LEANS_BACK = pattern(
    # "It is not known exactly how gabapentin works": an "it" that stands for nothing before.
    r"^\W*(?!it\s+(?:is|was)\s+(?:not\s+)?(?:known|unknown|unclear|clear|thought|believed|estimated|important|possible|impossible|likely|unlikely|recommended|common|uncommon|rare|best|hard|difficult|easy)\b)"
    # "There's strong evidence that...", "There is no cure": a "there" that points nowhere.
    r"(?!there(?:['’]s|\s+(?:is|are|was|were|has|have|had|may|might|can|could|will|would|seems?|appears?|remains?))\b)"
    r"(?:this|these|that|those|it|its|they|their|them|he|she|his|her|however|but|and|or|notably|thus|therefore|hence|"
    r"so|such|then|still|instead|otherwise|nevertheless|nonetheless|as a result|in these cases|in this case|in other cases|"
    r"in such cases|the same|another|other|both|either|neither|here|there|others|rather|yet|for example|for instance|"
    r"in addition(?! to)|additionally|also|moreover|furthermore|in contrast|by contrast|similarly|likewise|meanwhile|again|"
    r"strikingly|interestingly|surprisingly|consequently|accordingly|conversely|alternatively)\b(?!-)"
    # "Changes in other genes ... probably also contribute": other than the ones said before.
    r"|^\W*\w+\s+(?:in|of|to|with)\s+other\s+\w+s\b"
    # "Some people describe it as a creeping ... sensation": what "it" is was said before.
    r"|^\W*(?:\w+\s+){1,3}(?:describe|describes|described|call|calls|called|feel|feels|experience|experiences|notice|notices)\s+(?:it|them)\b"
    # "If they fall asleep quickly, ...": whom "they" are is said before.
    r"|^\W*(?:if|when|while|although|though|because|since|once|unless|until|as|even if)\s+(?:they|it|this|these|those|he|she)\b"
    # "The goal of this research", "Contact your doctor if you have any of these problems".
    # "this medication" in a drug's own leaflet is the drug the page is about.
    r"|^\W*(?:\w+[\s,]+){1,10}(?:this|these|those|such)\s+(?!is\b|are\b|was\b|as\b|who\b|whose\b|with\b|medication\b)\w+"
    # "... have been implicated in keeping these circuits balanced": these, however late in the
    # sentence, point back (unless the sentence named them itself: "since these medications").
    r"|^[^\n;.!?]*?(?<!\bsince )(?<!\bbecause )\b(?:these|those)\s+(?!who\b|whose\b|with\b|that\b|which\b|of\b|in\b|on\b|at\b|for\b|taking\b"
    r"|is\b|are\b|was\b|were\b|as\b|people\b|patients\b|persons\b|individuals\b)[a-z]\w*"
    # "It is unclear whether any of the genes play roles in ...": which genes was said before (a verb right after them; not
    # "Some of the medicines used to treat RLS ...", which says which).
    r"|^[^\n;.!?]*?\b(?:any|each|none|either|neither|both|all|most|some|many|one) of the [a-z]+s\s+"
    r"(?:play|are|were|have|has|is|can|may|might|do|does|will|would|could|cause|seem|appear|affect|contribute|increase|work)\b"
    # "You can develop a resistance to others, like ...": others of what the sentence before named.
    r"|^[^\n;.!?]*?\b(?:to|of|for|with|and)\s+others\s*,"
)

# "In children, the condition may occur with hyperactivity.", "For unknown reasons, the disorder affects women more often",
# "If the medicines relieve your symptoms, ...", "The movement is triggered by ...": which condition, which medicines,
# which movement, was said in the sentence before, which a quote brings along when it can; one that opens a paragraph is
# quoted alone.
LEANS_SOFTLY = pattern(
    r"^\W*(?:(?:(?:in|for) [\w\s-]{1,30},\s*|(?:individuals|people|those) (?:affected )?with )the (?:condition|disorder|syndrome|disease)"
    r"|(?:if|when|once) the (?:medicines?|medications?|drugs?|treatments?)\b"
    r"|the (?:movements?|feelings|sensations|symptoms|early-onset form|late-onset form|disorder|condition))\b"
)
