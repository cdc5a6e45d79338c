"""What a question asks for, and the sentences that can answer it.

A question has a *focus* (what it is about: magnesium, iron, dialysis) and an
*ask* (what kind of answer it wants: a dose, a cause, how common, how long).
"How many people get RLS?" wants a prevalence, not a dose; "which medicines
make it worse?" wants causes, not treatments. Each ask here has the question
shapes that name it and the cues of a sentence that gives it. A *strict* ask can only be answered by a sentence
with its cue (a dose needs an amount, "how long" a length of time); when none carries the focus, the articles do not answer it.

Who a question is about ("my 6 year old") is in ``rlsbot.populations``; what makes a
sentence lean on the one before, in ``rlsbot.leaning``. A leaf: patterns, no ranking.
"""

from __future__ import annotations

import re

from rlsbot.ask_type import AMOUNT, MAKERS, RLS_DRUGS, TIME, Ask
from rlsbot.patterns import DATA, LazyPattern, pattern
from rlsbot.relation_asks import COMPARISON, DIAGNOSIS_NEEDS, PROGRESSION

__all__ = ["ASKS", "DATA", "Ask", "LazyPattern", "ask", "asks_of", "pattern"]


# In order of precedence: the first ask a question matches is its main ask.
ASKS: tuple[Ask, ...] = (
    COMPARISON,
    PROGRESSION,
    Ask(
        "cost",
        pattern(
            r"\bcosts?\b|\bprices?\b|\bexpensive\b|\bcheap\b|\bafford|\binsurance\b|\bmedicare\b|\bmedicaid\b|\bnhs\b|\bprescription charge"
        ),
        pattern(r"\bcosts?\b|\bprices?\b|\$\s?\d|£\s?\d|\binsurance\b|\bmedicare\b"),
        True,
        "what it costs or whether insurance covers it",
        search=(),
    ),
    Ask(
        "driving",
        # "driving me mad" is no question about driving.
        pattern(
            r"\b(?:driv(?:e|es|ing)|drove)\b(?!\s+(?:me|you|her|him|them|us|everyone)\b)|\bbehind the wheel\b|\boperat(?:e|ing) (?:heavy )?machinery\b|\bdriving licen[cs]e"
        ),
        pattern(r"\bdriv(?:e|es|ing)\b|\bmachinery\b"),
        True,
        "whether you can drive",
        search=("drive",),
    ),
    Ask(
        "missed dose",
        pattern(
            r"\bmiss(?:ed|ing)?(?= (?:a |my |one |the |your |her |his |their )?(?:\w+ )?(?:doses?|pills?|tablets?|capsules?|meds|medicines?|medications?)\b)|\bforg[eo]t (?:to take |my |a |one )|\bdouble (?:up|dose)\b"
        ),
        pattern(r"\bmissed\b|\bforget\b|\bforgot\b|\bdouble dose\b|\bnext dose\b"),
        False,
        "what to do about a missed dose",
        ("a missed dose",),
        search=("missed", "forget"),
    ),
    Ask(
        "dose",
        pattern(
            r"\bhow much(?= (?:\w+ ){0,2}(?:should|can|could|(?:would|will) (?:i|you|we|he|she|they) (?:give|take|need|use|have)|do|does|to take|to give|is safe|are safe|is (?:ok|okay|fine|alright)|a day|per day|daily|is too much)\b| \w+\s*\?*$| \w+ for (?:a|an|my|your|her|his|their|the|kids|children|teens|adults|pregnant)\b|(?: then| though| tho| exactly)?\s*[?.!]*\s*$)"
            r"|\bhow many (?:mg|milligrams?|tablets?|pills?|capsules?|doses?|cups?|glass(?:es)?|mugs?|pints?|drinks?|units?|servings?)\b|(?<!\bself-)(?<!\bself )\bdos(?:e|es|age|ages|ing)\b|\bmg\b|\bmilligrams?\b"
            r"|\bdaily amount\b|\bper day\b|\b(?:safe|right|recommended|usual|max(?:imum)?) amount\b|\bhow often\b(?= (?:\w+ ){0,4}(?:take|taken|have|use|dose)\b)"
        ),
        pattern(AMOUNT),
        True,
        "how much to take",
        ("dose", "dosage", "how to use it"),
        search=("dose", "mg", "daily"),
    ),
    Ask(
        "duration",
        pattern(
            r"\bhow (?:long|soon|quickly|fast)\b|\bhow many (?:days|weeks|months|years)\b|\bwhen will (?:it|they|i|she|he) (?:start|kick|work)"
        ),
        pattern(TIME),
        True,
        "how long it takes",
        search=(),
    ),
    Ask(
        "prevalence",
        pattern(
            r"\bhow (?:common|rare|widespread|many (?:people|ppl|folks|persons|of us|americans|adults|children|kids|women|men|get|have|suffer))\b|\bprevalen|\bincidence\b|\bpercent(?:age)?\b"
            r"|\bis (?:it|rls|this|restless legs(?: syndrome)?) (?:really |genuinely |actually |that |very |so )?(?:rare|common|uncommon)\b"
            # "I read somewhere that RLS is really rare, like one in ten thousand people"
            r"|\b(?:rls|restless legs(?: syndrome)?|it) (?:is|was|['’]s) (?:really |genuinely |actually |that |very |so |quite )?(?:rare|uncommon)\b"
            # "whether this complaint is a rare one, or whether a good many people are afflicted by it"
            r"|\bis (?:a |an )?(?:rare|uncommon|common) (?:one|thing|condition|complaint|disorder)\b|\ba good many (?:people|folks)\b|\b(?:is|does|do) (?:it|rls|this|restless legs(?: syndrome)?) (?:get |become |getting )?more common(?= (?:as (?:you|we|people|one) (?:get|grow)s? older|with age)\b)"
        ),
        pattern(
            r"\bpercent\b|%|\bprevalen|\bincidence\b|\bmost common\b|\bone of the\b|\baffects (?:about|an estimated)\b"
            # "People on dialysis often have ... restless legs syndrome": how common, in words
            r"|\boften (?:have|has|get|develop)\b|\bmany (?:people|patients|women|adults|children)\b|\bmore common\b|\bcommon in\b"
        ),
        True,
        "how common it is",
        ("frequency",),
        search=("common", "percent"),
        of_subject=True,
    ),
    Ask(
        "interactions",
        pattern(
            r"\binteract|\binterfer|\bmix(?:ing)?\b(?![ -]up\b)|\bcombin|\btogether\b|\bclash(?:es|ing)?\b|\bon top of (?:those|these|them|that|my|his|her)\b|\bwith (?:my|his|her|other|their) (?:[a-z]+ ){0,2}(?:meds|medic|pills?|drugs?|tablets?|prescriptions?)\b|\b(?:meds|medicines|tablets|pills|drugs)\b[^.?!]{0,12}\b(?:a problem|problems) with\b|\b(?:stop|stops|block|blocks|affect|affects|reduce|reduces)\b(?=[^.?!]{0,30}\b(?:absorb|absorbed|absorption)\b)"
        ),
        pattern(r"\binteract|\binterfer|\bantibiotic|\bdiuretic|\babsorb|\babsorption|\bat least \d+ hours\b|\bbe sure to mention\b"),
        True,
        "whether it interacts with other medicines",
        search=("interact", "medications"),
    ),
    Ask(
        # "the pills helped at first but now my legs are worse", "is augmentation a concern?": what long use does
        "wearing off",
        pattern(
            r"\b(?:helped|helping|worked|wrked|working|brilliant|great|amazing)\b[^.?!]*\b(?:at first|to begin with|in the beginning|for (?:the first (?:year|month|few months|while)|a while|months|years|ages"
            r"|(?:about |around |over |almost |nearly )?(?:a|one|two|three|a few|several|\d+) (?:years?|months?)))\b"
            r"|\bstop(?:s|ped)? (?:working|helping)\b|\bworse than (?:before|when) i (?:\w+ )?start|\b(?:not|isn['’]t|doesn['’]t|don['’]t) (?:working|work|help) (?:any ?more|now)\b|\blike taking nothing\b"
            r"|\baugmentation\b|\btolerance\b|\blong[- ]term (?:use|therapy|treatment)\b"
        ),
        pattern(
            r"\bcontinued use\b|\bover time\b|\blong[- ]term\b|\baugmentation\b|\btolerance\b|\bresistance\b|\bstop(?:s|ped)? working\b|\bno longer\b|\bless effective\b"
        ),
        True,
        "what long use of it does",
        search=("continued",),
    ),
    Ask(
        # "can i just quit my neurontin?", "can I stop it straight away?": how to come off it, which ranks, not gates.
        "stopping",
        pattern(
            r"\b(?:can|should|could|do) i (?:just )?(?:stop|quit|come off)\b|\bstop(?:ping)? taking\b|\bcome off\b|\bwean(?:ing)? off\b|\bcold turkey\b"
        ),
        pattern(r"\bstop(?:s|ped|ping)? taking\b|\bsuddenly stop|\bgradually\b|\bwithdraw"),
        False,
        "how to stop taking it",
        search=("stop",),
    ),
    Ask(
        "side effects",
        pattern(
            r"\bside[- ]?effects?\b|\bdownsides?\b|\bdrawbacks?\b|\badverse\b|\breactions?\b|\bupset(?:ting)? (?:my|her|his|the)? ?stomach"
            # "he's gone unsteady and dozy. could that be the gabapentin?"
            rf"|\b(?:could|can|would|might) (?:that|this|it|they) be\b(?= (?:from |due to )?(?:the|his|her|my|their|your) (?:new )?{RLS_DRUGS}\b)"
            # "will the restless legs tablets make my husband drowsy in the day?" (look-arounds: the drug and the drowsiness stay its focus)
            rf"|(?:{MAKERS})make (?=(?:me|him|her|you|them|us|(?:my|his|her|our) \w+) (?:feel )?(?:drowsy|sleepy|dizzy|sick|nauseous|tired|groggy|dopey)\b)"
        ),
        pattern(r"\bside[- ]effects?\b|\bnausea\b|\bdiarrh|\bstomach\b|\bcramping\b|\bheadache|\bsleepiness\b|\bgambling\b|\bworsen"),
        False,
        "its side effects",
        ("side effects", "severe side effects"),
        search=("side", "effects"),
    ),
    Ask(
        "avoid",
        pattern(
            r"\bwho (?:should(?:n['’]?t| not)|must(?:n['’]?t| not)|can(?:['’]?t|not)|should avoid)\b|\bshould(?:n['’]?t| not) (?:take|use|have|be given|be prescribed|be offered)\b|\bavoid (?:taking|using)\b|\b(?:which|what) (?:\w+ )?(?:patients|people|residents) (?:should(?:n['’]?t| not)|must(?:n['’]?t| not))\b"
            r"|\badvised against\b|\bsteer clear\b|\bbe wary\b|\bcontraindicat|\bwho (?:should|must|needs to) (?:stay|keep) away\b"
        ),
        pattern(
            r"\bshould(?:n['’]t| not)\b|\bnot (?:be )?(?:safe|used|take)|\bavoid\b|\btalk (?:to|with) your doctor\b|\bkidney\b|\bcaution\b"
        ),
        False,
        "who should avoid it",
        search=("disorder",),
    ),
    Ask(
        "safety",
        pattern(
            r"\bsafe(?:ly|ty)?\b|\bdanger|\brisky\b|\bharm(?:ful)?\b|\bok(?:ay)? to\b|(?<!\bare )(?<!\bis )(?<!\bseem )(?<!\bfeel )(?<!\bim )(?<!\bi'm )\bok(?:ay)?(?= *(?:then|though|now|with (?:it|that|this|them))? *[?.!]*\s*$)|\bcan (?:i|we) give\b|\bcan (?:my|our|his|her|a|the) (?:[\w-]+ ){1,3}(?:drink|eat|have|take)\b(?! (?:it|this|that|rls|restless|(?:the|a) (?:condition|disorder|syndrome))\b)|\btoxic|\boverd(?:o|id)|\btoo much\b"
        ),
        pattern(
            r"\bsafe|\bdanger|\btoxic|\bharm|\bnot be used\b|\bavoid\b|\boverdose|\bside effects?\b|\btoo much\b|\bhigh doses?\b|\bshould(?:n['’]t| not) (?:take|use)\b"
        ),
        False,
        "whether it is safe",
        search=("safe",),
    ),
    Ask(
        # "how do i tell if its rls or just night cramps?": what sets the two apart.
        "difference",
        pattern(
            r"\bdifference between\b|\bdiffer(?:ent|s)? from\b|\bdistinguish(?:es)?\b|\btell (?:\w+ )?apart\b|\btell\b(?=[^.?!]{1,40}\bfrom\b)|\bvs\.?(?= )|\bversus\b"
            r"|\b(?:tell|know|sure)\b(?=[^.?!]*\b(?:or (?:is it |it['’]?s |its )?(?:just|only|normal|ordinary)|rather than|and not|(?:just|only) [^.?!]*\bor)\b)"
        ),
        pattern(
            r"\bnot the same\b|\baren['’]t the same\b|\bunlike\b|\bdiffer|\brather than\b|\bwhereas\b|\blimited to\b|\bmore severe\b|\binstead\b|\bthan\b"
        ),
        False,
        "how to tell them apart",
        search=("same",),
        of_subject=True,
    ),
    *DIAGNOSIS_NEEDS,
    Ask(
        "diagnosis",
        pattern(
            r"\bdiagnos|\btests?\b|\btested\b|\bbloods\b|\b(?:proves?|establish(?:es)?) (?:that )?(?:i|he|she|you|they|one|someone|somebody|a person) (?:have|has)\b|\bconfirm(?:s|ed|ing)?\b|\bhow (?:do|does|can|could|would|will) (?:i|you|we|they|(?:a |the |my |your )?(?:doctors?|docs?|physicians?|gp|neurologists?)) (?:know|tell|confirm|check|work out|figure out|find out|be sure)\b|\bwhat (?:kind|sort|type) of (?:doc|doctor|specialist)|\bspecialist\b|\bwhich doctor\b"
            r"|\b(?:get|have|had|getting) (?:my|his|her|their|your|the) (?:\w+ ){0,2}(?:checked|tested|measured)\b|\b(?:say|tell|know) (?:for sure|for certain|definitely) (?:that )?(?:it['’]s|it is|(?:i|you|he|she|they) (?:ha(?:ve|s)|got))\b"  # "should i get my iron levels checked", "before they can say for sure it's rls?"
            r"|\btold (?:i|it|you|he|she|they|someone|somebody)(?:['’]s| is| has| have| had)\b"  # "before someone is told it's RLS"
            # "a parkinsons tablet 'to see if it works'": a drug trial, which confirms RLS; "will they check my iron"
            r"|\bsee if (?:it|they|that|this) (?:works?|helps?|does anything)\b|\bas a trial\b|\bsay (?:i|you|he|she|they|someone) (?:ha(?:ve|s|d)|got)\b|\b(?:working|work|find|finding|figure|figuring) out (?:if|whether)\b|\b(?:will|would|do|does|should|can|could) (?:they|he|she|you|(?:the|my|your) (?:doctor|doc|gp)) (?:\w+ )?(?:check|test|measure)\b(?= (?:my|his|her|your|their|the|for)\b)"
        ),
        pattern(r"\bdiagnos|\btests?\b|\bexam\b|\bspecialist\b|\bneurologist\b|\bsleep study\b|\bconfirm"),
        False,
        "how it is diagnosed",
        ("diagnosis", "exams and tests", "drug therapy trial"),
        search=("diagnose",),
        of_subject=True,
    ),
    Ask(
        "inheritance",
        pattern(
            r"\brun(?:s)? in (?:the )?famil|\binherit|\bgenetic|\bhereditary|\bgenes?\b|\bpass(?:ed)? (?:it )?(?:on|down)\b|\bfamily history\b"
            r"|\b(?:get|gets|got|catch|caught)\b(?: (?:it|rls|this|the legs))? from (?:me|us|him|her|them|my|his|their|our)\b"
            r"|\b(?:am i|i'?m|i am|will i|i will|i['’]ll|are we|will we|are (?:my kids|they)|will (?:my kids|they)|is (?:he|she)|will (?:he|she)) (?:going to |gonna |(?:more |also )?likely to |bound to )?(?:end up with|get|develop) (?:it|this|rls) (?:too|as well)\b|\bthe family (?:type|kind|form|one)\b"
        ),
        pattern(r"\bfamil|\binherit|\bgenetic|\bgenes?\b|\brelatives?\b|\bautosomal\b"),
        False,
        "whether it is inherited",
        ("inheritance", "genetic changes"),
        search=("inherited", "families"),
        of_subject=True,
    ),
    Ask(
        # "Is any research being done?" asks what is under way, not what a study found.
        "research under way",
        pattern(
            r"\bresearch\w* (?:\w+ ){0,2}(?:being done|going on|under ?way|happening|ongoing|being carried out)"
            r"|\b(?:being|currently|now) (?:done|studied|researched|investigated)\b|\b(?:ongoing|current|upcoming|clinical) (?:research|studies|trials)\b"
            r"|\b(?:working on|looking (?:for|into)) (?:a )?(?:cure|new treatments?|better treatments?)\b"
            # "is anyone actually researching RLS?"
            r"|\b(?:any ?one|anybody|somebody|someone|scientists|researchers) (?:\w+ )?(?:researching|studying|looking into|working on)\b"
        ),
        pattern(
            r"\bongoing\b|\bcontinues? to (?:study|research|explore|investigate|look)|\bconduct\w* (?:and support )?(?:\w+ ){0,3}research"
            r"|\bsupports? (?:\w+ ){0,3}research|\bbeing (?:studied|tested|investigated)\b|\bunder ?way\b|\bnew ways\b|\bclinical trials?\b"
        ),
        False,
        "what research is under way",
        ("research",),
        search=("research",),
        of_subject=True,
    ),
    Ask(
        "research",
        pattern(r"\bresearch|\bstud(?:y|ies)\b|(?<!\bas a )\btrials?\b|\bscien(?:ce|tists?)\b|\bnew treatments?\b|\bevidence\b|\bproof\b"),
        pattern(r"\bresearch|\bstud(?:y|ies)\b|\btrials?\b|\bmeta-analysis\b|\bevidence\b|\bresearchers\b"),
        False,
        "what research says",
        ("research",),
        search=("research",),
        of_subject=True,
    ),
    Ask(
        "timing",
        pattern(
            r"^\W*when\b|\bwhen (?:do|does|is|are|in|during)\b|\bwhat time\b|\btiming\b|\badmin(?:istration)? time\b|\btime of (?:day|night)\b|\bat what age\b|\bhow old\b"
            # "at what stage of pregnancy does it appear?", "which trimester?"
            r"|\bat what (?:point|stage|time)\b|\bwhat (?:stage|point|trimester|month|week) (?:of|in)\b|\bwhich (?:trimester|stage|month|part of (?:pregnancy|the (?:day|night|pregnancy)|(?:my|her|your) pregnancy))\b"
            # "why is it worse in the evening?", "why only once i'm sat on the sofa?": when it comes, asked as why.
            # ("could that be why my legs go crazy every night?" asks for the story's reason, not when.)
            r"|(?<!\bbe )(?<!\bthat )(?<!\bthis )\bwhy\b(?=[^.?!]*\b(?:evenings?|nights?|nite|bedtime|late|sofa|couch|armchair|sitting|sat|lying|resting)\b)"
        ),
        pattern(
            r"\bnight\b|\bevening\b|\bmonths?\b|\btrimester\b|\bage\b|\bwhen (?:you|you['’]re|they|the|a)\b|\bwhile\b|\binactive\b|\bearly in life\b|\blater in life\b|\bduring\b|\bmiddle age\b|\bchildhood\b"
            # a time on the clock: "taken with food once daily at about 5 PM"
            r"|\b\d{1,2}(?::\d\d)? ?[ap]\.?m\b|\bat bedtime\b|\bin the (?:morning|afternoon)\b"
        ),
        False,
        "when it happens",
        search=("night",),
        of_subject=True,
    ),
    Ask(
        "outlook",
        pattern(
            r"\boutlook\b|\bprognosis\b|\bwhat (?:to|should i|can i|do i|will i) expect\b|\b(?:am i|are we|is (?:he|she)) to expect\b|\bgo(?:es)? away\b|\bgr[eo]w(?:s|n|ing)? out of\b|\bouts?grow|\bcure[ds]?\b|\bcurable\b|\bget(?:ting)? (?:better|worse)\b|\bfor ?ever\b|\blife-?long\b|\bpermanent\b|\bfor good\b|\bonce and for all\b|\bstuck with (?:it|this|them)\b|\bwill (?:it|my|her|his|rls|this) (?:\w+ ){0,2}?(?:settle|calm|die|ease|clear|wear|stop)(?: down| off| up)?\b|\bwill (?:it|my|her|his|rls|this) "
            r"|\bwill (?:the|these|those) (?:\w+ ){0,2}(?:stop|settle|improve|ease off|clear up)\b|\b(?:does|will|do|is) (?:it|this|they|rls|the legs|my legs) ever (?:going to )?(?:stop|end|ease|settle|calm|improve|get better)\b"  # "will the jittery legs stop?", "does it ever stop"
            # "Am I to expect that they will steadily worsen, or might they remain much as they are?"
            r"|\bwill (?:they|it|my symptoms|the symptoms|symptoms) (?:\w+ )?(?:worsen|progress|remain|stay the same)\b|\bexpect that\b"
        ),
        pattern(
            r"\bcure\b|\blife-?long\b|\brest of (?:your|their|his|her|one['’]s|a person['’]s) life\b|\bworsen|\bgo(?:es)? away\b|\bremissions?\b|\bget worse\b|\bover time\b|\bwith age\b|\bimproves?\b|\brelieve"
        ),
        False,
        "how it will go",
        ("outlook",),
        search=("outlook",),
        of_subject=True,
    ),
    Ask(
        # "what's going wrong inside the head that makes the legs do this?": what happens in the body.
        "mechanism",
        pattern(
            r"\bgoing (?:wrong|on)\b(?=[^.?!]*\b(?:inside|in) (?:the |my |your |his |her |their )?(?:head|brain|body|nerves)\b)"
            r"|\bmakes? (?:the |my |your |his |her |their |someone['’]?s |someones )?legs (?:do|act|jump|twitch)\b"
        ),
        # what goes wrong, not what the brain does when all is well ("The brain uses iron to make ... dopamine")
        pattern(r"\bfaulty\b|\black of\b|\bshortage\b|\bdeficien|\bmalfunction|\bimbalance|\bdamage\b|\bcaus"),
        False,
        "how it comes about",
        ("causes",),
        search=("brain", "dopamine"),
        of_subject=True,
    ),
    Ask(
        "cause",
        pattern(
            r"\bcaus(?!ed by)|\b(?:is|are|was|were|be|been|it['’]s|its)\b(?: \w+){0,4} caused by\b|\btrigger|\bwhy\b(?!(?: (?:would|did|do|does|has|is|was) (?:my |the |a |her |his |your |our )?(?:doc|doctor|dr|gp|he|she|they|neurologist|nurse|specialist) (?:\w+ )?(?:do that|do this|give|gave|prescribe|put|suggest|recommend|want|try|start)))|\bworse\b|\bworsen|\bwhat (?:should|do|must|can) (?:i|we|you|he|she|they) (?:be )?cut(?:ting)? out\b(?![^.?!]*\b(?:when|while|with|taking)\b)|\bset(?:s|ting)? (?:\w+ ){0,2}off\b|\bbr(?:ing|ings|inging|ought) (?:\w+ )?on\b|\bmore common\b|\bbehind\b|\blinked\b|\bconnected\b|\bto blame\b|\bresponsible\b|\bat risk\b|\brisk factors?\b|\bwho gets\b|\b(?:that|who) gets? (?:it|this)\b|\bmore likely\b|\bbe contributing\b|\bwhat(?:['’]s| is)? (?:\w+ )?(?:goes|going|gone|went) wrong\b"
            # "is being low on iron a reason people end up with RLS?", "a woman thing?" (look-behinds keep "thing" a trigger)
            r"|\ba reason (?:why )?(?:people|you|someone|folks|i|he|she) (?:end up with|get|develop|have)\b|(?:(?<=\bwoman )|(?<=\bwomen )|(?<=\bwomen's )|(?<=\bwomen’s )|(?<=\bwomens )|(?<=\bwoman's )|(?<=\bgirl )|(?<=\bgirls )|(?<=\blady )|(?<=\bladies )|(?<=\bfemale )|(?<=\bman )|(?<=\bmen )|(?<=\bman's )|(?<=\bmen's )|(?<=\bguy )|(?<=\bguys )|(?<=\bmale )|(?<=\bage )|(?<=\bold person )|(?<=\bold people ))(?:thing|problem|issue)\b"
        ),  # "rls caused by kidney failure" names which RLS; "is it caused by ...?" asks the cause
        pattern(
            r"\bmore often\b|\bmore common\b|\b(?:main|primary|underlying)(?= causes?\b)|\bcaus|\btrigger|\bbehind\b|\bworse|\blinked\b|\brelated\b|\bresults? (?:from|in)\b|\bdue to\b|\blead(?:s)? to\b|\brisk\b|\bmore likely\b|\bassociated\b|\bcontribut"
        ),
        False,
        "what causes it",
        ("causes", "who is at risk", "genetic changes"),
        search=("cause", "trigger"),
        of_subject=True,
    ),
    Ask(
        # Where it is felt: "can it be in ur arms too", "does it spread to the arms?". The
        # body part is what it is asked of, so it stays the focus (a lookahead, not the ask's words).
        "where",
        pattern(
            r"\b(?:affects?|spreads?(?: to)?|be in|occurs? in|happens? in|present(?: itself)? in|feel it in|get it in|go(?:es)? (?:in)?to)"
            r"(?=\s+(?:the |my |your |ur |her |his |their |other )?(?:upper |lower )?"
            r"(?:arms?|hands?|feet|foot|body|torso|back|hips?|thighs?|extremities|limbs?)\b)|(?:(?<=\barms)|(?<=\barm)|(?<=\bhands)|(?<=\bhand)) (?:too|as well)\b"
            # "can restless legs be on just one side?", "i read it has to be both legs"
            r"|\b(?:it|rls|legs|this|they) (?:\w+ )?(?:be|happen|occur) (?:on |in )?(?:just |only )?one (?:sides?|legs?)\b|\b(?:has|have|needs?) to be (?:in )?both legs\b"
        ),
        pattern(r"\boccurs?\b|\bfelt\b|\bfeel(?:s|ings?)?\b|\baffects?\b|\bspreads?\b|\bsensations?\b"),
        False,
        "where it is felt",
        ("symptoms",),
    ),
    Ask(
        "symptoms",
        pattern(r"\b(?:symptom|sign)s?\b|\bfeels? like|\bwhat (?:does (?:it|rls|this) feel|happens)|\bhow (?:\w+ ){1,3}feels|\bsensation"),
        pattern(r"\bsymptoms?\b|\bfeel|\bsensations?\b|\burge\b|\bcreeping\b|\bcrawling\b|\btingling\b"),
        False,
        "what its symptoms are",
        ("symptoms",),
        search=("symptoms",),
        of_subject=True,
    ),
    Ask(
        "foods",
        pattern(
            r"\b(?:what|which|any|best|good)\s+(?:\w+\s+)?foods?\b|\bfoods?\s+(?:are\s+)?(?:high|rich|with|that|contain|have|to)\b"
            r"|\bwhat (?:should|can|could) (?:i|we|he|she|they) eat\b|\beat(?:ing)? (?:more|to|for)\b|\bdiet\b|\bnatural sources?\b"
        ),
        pattern(r"\bfoods?\b(?! and drug)|\bdiet\b|\bnuts\b|\bspinach\b|\bbeans\b|\bseeds\b|\bgrains\b|\bsources? of\b|\bmeat\b|\bfish\b"),
        True,
        "which foods",
        search=("foods",),
    ),
    Ask(
        # "what can I do at home tonight?", "any non drug things to try?": what people do themselves.
        "self-care",
        pattern(
            # "legs going crazy, its 2am, what can i do tonight?": right now, what they can do themselves
            r"\b(?:what|anything) (?:(?:can|could|should|do) (?:i|we|he|she|they)|(?:i|we|he|she|they) (?:can|could|should)) do\b(?=[^.?!]*\b(?:tonight|right now|now|at 2am|this minute)\b)"
            r"|\bat home\b|\bnon[- ]?(?:drug|medication|medicine|medical|prescription)s?\b|\bdrug[- ]free\b|\bhome remed|\bnatural(?:ly)?\b(?! sources?)"
            r"|\bwith ?out (?:any |taking |using )?(?:medications?|medicines?|meds|pills|tablets|drugs|anything)\b|\b(?:don['’]?t|do not|rather not) (?:want to )?take (?:anything|any)\b"
            # "i dont want to take pills", "I don't really want to take another pill": the pills are what they do not want
            r"|\b(?:don['’]?t|do not|rather not) (?:really )?(?:want to |have to )?take (?:another |any ?more |more |any )?(?:pills?|tablets?|meds|medicines?|medications?|drugs)\b"
        ),
        pattern(
            r"\b(?:hot|warm) bath|\bmassag|\bheating pad|\bice pack|\bstretch|\bwalk|\bexercise|\blifestyle(?! factors)|\brelaxation|\bdistract|\bcrossword|\bsleep habits\b|\bavoid(?:ing)? caffeine\b|\bvibrat"
        ),
        False,
        "what you can do yourself",
        ("lifestyle changes", "treatment"),
        search=("lifestyle", "bath", "massaging"),
        of_subject=True,
    ),
    Ask(
        "treatment",
        pattern(
            # "why would my doctor give me a Parkinson's drug?" asks what it treats, not what causes RLS; "what tablets do they give dialysis patients for rls?" asks for treatments
            r"\bwhy\b(?=(?: (?:would|did|do|does|has|is|was) (?:my |the |a |her |his |your |our )?(?:doc|doctor|dr|gp|he|she|they|neurologist|nurse|specialist) (?:\w+ )?(?:do that|do this|give|gave|prescribe|put|suggest|recommend|want|try|start)))|\btreat|\bmanag|\boptions?\b|\bremed|\brelie|\bget(?:s|ting)? rid\b|\bhow (?:should|do|can|would) (?:i|we|she|he|they|you) take\b|\bwhat (?:can|should|could|might|do) (?:i|we|she|he|they) (?:do|take|try)\b|\b(?:meds|tablets|pills)\b(?= (?:\w+ ){0,2}(?:(?:can|should|could|would) (?:i|we|she|he|they|you)|(?:i|we|she|he|they|you) (?:can|should|could|would)) (?:\w+ )?(?:take|try|use|have)\b)|\btips\b|\bcop(?:e|ing)(?= with\b| when\b|$)|\bfor coping\b|\badvice\b|\bsuggestions?\b|(?<!\bcan i )(?<!\bi just )(?<!\bshould i )(?<!\bok to )\bstop (?:it|them|my|her|his)\b|\bcalm\b|\bhandle\b|\b(?:medications?|medicines?|drugs?)\b(?! (?:\w+ )?(?:do (?:that|this)|be doing|be causing|cause|causes|makes? (?:\w+ ){0,3}worse|trigger|triggers|worsen)\b)|\bapproved\b|\b(?:what|which)\b(?: \w+){0,4} prescribe\b|\b(?:meds|pills|tablets)\s+(?:are there|are available|exist|r there)\b|\b(?:what|which|any|best) (?:\w+ )?meds\b(?! (?:\w+ )?(?:do (?:that|this)|cause|make|trigger|worsen))|^\W*meds for\b|\bwhat (?:actually |really |else |ever )?(?:helps?|works?)\b|\b(?:meds|tablets|pills)\b(?= (?:\w+ ){0,5}(?:take|give|prescribe|use)\b(?: \w+){0,3} for (?:rls|restless|it|this|that|the legs|(?:my|his|her|their|the) (?:jittery |jumpy |restless )?legs)\b)"
        ),
        pattern(r"\btreat|\brelie|\bease|\bmedicin|\bmedications?\b|\bdrugs?\b|\btherap|\blifestyle changes\b|\bmanag|\bapproved\b|\bhelp"),
        False,
        "how to treat it",
        ("treatment", "lifestyle changes", "relieving symptoms", "medicines"),
        search=("treatment",),
        of_subject=True,
    ),
    Ask(
        "effect",
        pattern(
            r"\bhelps?\b|\bwork(?:s|ed)?\b(?! out)|\beffective|\bgood for\b|\bany good\b|\bis good (?:the|for)\b|\bworth\b|\bmyth\b|\bhype\b|\bproven\b|\bimprove|\bbenefit|\bdo anything\b|\bsort (?:(?:it|them|this|that|(?:my|his|her|the) \w+) )?out\b|\bsort (?:it|them|this|that)\b|\bfix\b"
        ),
        pattern(r"\bhelp|\bimprov|\brelie|\bease|\beffective|\bevidence\b|\breduc|\balleviat|\bbenefi|\bcontrol\b|\bgo away\b"),
        False,
        "whether it helps",
        search=("ease",),
    ),
    Ask(
        "definition",
        pattern(
            r"^\W*(?:(?:ok|okay|so|well|and|but|hi|hey|hello|hiya|please|pls|um|honestly|basically)\W+)*wh?at(?:\s+(?:exactly|actually|really|even))?(?:['’]?s| is| are)\b(?! (?:going on|happening|wrong|up)\b)"
            # ("what's going on" asks what is happening; "what's a safe dose at his age?" asks a dose, "what is a good way to ..." a way)
            r"(?! (?:the|a|an) (?:(?:safe|good|normal|usual|typical|right|proper|recommended|maximum|max) )?(?:best|cause|dose|dosage|amount|risk|outlook|treatment|way)\b)"
            r"|\bmean(?:s|ing)?\b|\bdefin"
            # The indirect question: "could you explain what restless legs syndrome actually is?"
            r"|\bwhat (?:\w+\s+){1,5}(?:actually |really |exactly )?is\s*(?:[?.!]|$)"
            # "restless legs, what is it in plain english?"
            r"|\bwhat (?:is|are) (?:it|this|that|they)\s*(?:exactly|actually|really)?\s*(?:(?:in )?(?:plain|simple|layman'?s|normal|everyday) (?:english|terms|words|language))?\s*(?:[?.!]|$)"
        ),
        pattern(r"\bis an?\b|\bis one of\b|\bdisorder\b|\bcondition\b|\bcauses an?\b"),
        False,
        "what it is",
        ("summary", "overview"),
        search=("summary",),
        of_subject=True,
    ),
)

_BY_KIND = {a.kind: a for a in ASKS}


def ask(kind: str) -> Ask:
    return _BY_KIND[kind]


def asks_of(question: str) -> list[Ask]:
    """The asks a question makes, most specific first."""
    found = [a for a in ASKS if a.question.search(question)]
    if any(a.kind == "missed dose" for a in found):
        # "I missed my dose" asks what to do, not how much to take
        found = [a for a in found if a.kind != "dose"]
    if _DOES_WHAT.search(question):
        # "does working out help or make it worse?" asks what it does, not what causes RLS;
        # "b6 and magnesium together, any good?" what the two do, not how they interact ("does it work and is it safe?" too)
        found.sort(key=lambda a: a.kind != "effect")
    return found


_DOES_WHAT = re.compile(
    r"\b(?:helps?|sort (?:it|them|this|that))\b[^.?!]*\bor\b[^.?!]*\bworse\b|\btogether\b[^.?!]*\b(?:any good|helps?|works?|worth it|good for)\b|\b(?:helps?|works?)\b[^.?!]*\band (?:is|are) (?:it|they|that) safe\b",
    re.IGNORECASE,
)
