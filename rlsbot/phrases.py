"""Two words that say one thing the articles say in one ("working out" is exercise), read before a question's words are.

Each entry: the words, the one word for them (or none: "cold turkey" is the stopping ask's), and what must not follow
them ("working out if it's rls" is finding out, not exercise). ``rlsbot.analysis.without_filler_phrases`` applies them.
"""

from __future__ import annotations

PHRASES = (
    ("working out", "workout", r"(?!\s+(?:if|whether|what|how|why|who|which|when|where)\b)"),
    ("hay fever", "hayfever", ""),
    # "does rls hurt?": whether it is painful, as the articles say ("Severe RLS may cause painful feelings."); not "my knee hurts"
    *(
        (f"{what} hurt", f"{what} painful", r"(?=\s*(?:[?.!]|$))")
        for what in ("rls", "restless legs", "restless leg syndrome", "restless legs syndrome")
    ),
    ("the runs", "diarrhea", ""),
    ("cold turkey", "", ""),  # how to stop: the stopping ask
    ("charley horses", "cramps", ""),
    ("charley horse", "cramp", ""),
    ("one side", "one leg", ""),  # "can restless legs be on just one side?": "... the feelings can occur in one leg, ..."
    ("one-sided", "one leg", ""),
    ("both sides", "both legs", ""),
    ("restless feelings", "restless legs", ""),  # "what else can relieve the restless feeling": the legs, not any feeling
    ("restless feeling", "restless legs", ""),
    ("leg troubles", "legs", ""),
    ("leg trouble", "legs", ""),
    ("water tablets", "diuretics", ""),
    ("water tablet", "diuretic", ""),
    ("water pills", "diuretics", ""),
    ("water pill", "diuretic", ""),
    ("habit forming", "addictive", ""),
    ("habit-forming", "addictive", ""),
    ("hooked up", "connected", ""),  # to wires, not on a drug
    ("sleep lab", "sleep study", ""),
    ("rest less legs", "restless legs", ""),  # dictated
    ("cutting back on", "avoiding", ""),  # "cutting back on the drink", as the articles put it ("reduce or avoid")
    ("cut back on", "avoid", ""),
    ("cutting down on", "avoiding", ""),
    ("cut down on", "avoid", ""),
    ("cutting out", "avoiding", ""),  # "what should i be cutting out to stop it coming on?"
    ("cut out", "avoid", r"(?!\s+(?:for|of)\b)"),
    ("go for a run", "exercise", ""),  # "is it ok to go for a run late at night": the articles' exercise, not "runs in families"
    ("going for a run", "exercising", ""),
    ("went for a run", "exercised", ""),
    ("go running", "exercise", ""),
    ("without meat", "nonmeat", ""),  # "what can i eat to get my iron up without meat?": the articles' "nonmeat sources"
    ("a set of", "", ""),  # "is there a set of criteria": the criteria
    ("writing down", "recording", ""),  # a sleep diary's "daily record"
    ("write down", "record", ""),
    ("write it down", "record it", ""),
    ("medically speaking", "", ""),
    ("underlying causes", "causes", ""),  # what causes it, not an underlying condition
    ("underlying cause", "cause", ""),
    ("sleeping pills", "sleep medications", ""),
    ("sleeping pill", "sleep medication", ""),
    ("sleeping tablets", "sleep medications", ""),
    ("sleeping tablet", "sleep medication", ""),
    ("nursing homes", "care homes", ""),  # where they live, not breastfeeding
    ("nursing home", "care home", ""),
    ("scratch cards", "gambling", ""),
    ("scratch card", "gambling", ""),
    ("grown ups", "adults", ""),
    ("grown-ups", "adults", ""),
    ("grown up", "adult", ""),
    ("grown-up", "adult", ""),
    ("hot water bottles", "heating pads", ""),  # the articles' "heating pad"
    ("hot water bottle", "heating pad", ""),
    ("hot-water bottle", "heating pad", ""),
    ("feeding it", "making it worse", ""),  # "energy drinks and coffee... could that be feeding it?"
    ("old wives tale", "", ""),  # "does a hot bath really do anything or is it an old wives tale?": a way of doubting
    ("old wives' tale", "", ""),
    ("old wives’ tale", "", ""),
    ("the fidgets", "restless legs", ""),  # what a grandmother calls it
    ("von willebrand's disease", "bleeding", ""),  # a bleeding disorder by its name: "...is magnesium ok for me?"
    ("von willebrands disease", "bleeding", ""),
    ("von willebrand disease", "bleeding", ""),
    ("von willebrand's", "bleeding", ""),
    ("von willebrands", "bleeding", ""),
    ("von willebrand", "bleeding", ""),
    ("worst", "worse", r"(?=\s*(?:[?!.]|$|at\b|in the\b|during\b|when\b))"),  # "what time of day is it usually worst?": when it is worse
    ("till", "until", ""),  # "how long till it starts working?"
    ("it kicks off", "it starts", ""),  # "ice pack on my calves when it kicks off"
    ("they kick off", "they start", ""),
    ("normal gp", "primary care doctor", ""),  # "can my normal GP handle it": the articles' "primary care doctor"
    ("normal doctor", "primary care doctor", ""),
    ("regular doctor", "primary care doctor", ""),
    ("usual doctor", "primary care doctor", ""),
    ("family doctor", "primary care doctor", ""),
    ("anti-sickness", "antinausea", ""),  # "anti-sickness pills": the articles' "antinausea medicines"
    ("anti sickness", "antinausea", ""),
    ("energy drinks", "caffeine drinks", ""),  # what is in them that the articles name
    ("energy drink", "caffeine drink", ""),
    ("impulse control", "excessive gambling shopping", ""),  # the articles name the problems: "excessive gambling, shopping"
    ("impulse-control", "excessive gambling shopping", ""),
    ("diagnostic criteria", "key signs diagnose", ""),  # "The four key signs of restless legs syndrome (RLS) are:"
    ("settle down", "go away", ""),  # "do restless legs ever settle down on their own?"
    ("worse fast", "worse rapidly", ""),  # "is it going to get worse fast?": the articles' "worsen more rapidly"
    ("worse quickly", "worse rapidly", ""),
    *((f"{verb} {whose} legs up", "", "") for verb in ("winding", "wind", "winds") for whose in ("my", "her", "his", "their", "the")),
    ("winding them up", "", ""),  # making them worse: what "could that be ...?" asks
    # "is rls more of a girl thing?": whether women get it more (the cause ask reads "... thing")
    *((f"{who} thing", "women thing", "") for who in ("girl", "girls", "girly", "lady", "ladies", "female")),
    *((f"{who} thing", "men thing", "") for who in ("guy", "guys", "male")),
    *(
        (f"{who} {what}", f"{sex} thing", "")
        for sex, who_ in (("women", ("women's", "womens", "woman's", "female", "ladies")), ("men", ("men's", "mens", "man's", "male")))
        for who in who_
        for what in ("problem", "issue", "condition", "disease")
    ),
    *((f"{when}{sep}starting", f"{when}-onset", "") for when in ("late", "early") for sep in (" ", "-")),  # "the late starting kind"
    # "does keeping my brain busy help?": the articles' "challenging activity before bedtime, such as solving a crossword puzzle"
    *((f"{what} {how}", "challenging activity", "") for what in ("brain", "mind") for how in ("busy", "active", "occupied")),
    # "what actually IS it? is it a nerve thing": whether it is neurological, as the articles' definitions put it
    *((f"nerve {what}", "neurological disorder", "") for what in ("thing", "problem", "issue", "condition", "disorder")),
    # "do only old people get it?": what the articles say of age ("old" alone is the filler of "6 years old")
    ("old people", "age", ""),
    ("old person", "age", ""),
    ("old folks", "age", ""),
    # "is the kicking part of it?": whether it goes with RLS, which "part" does not name
    ("part of", "", r"(?= (?:it|this|that|(?:the|my|his|her|their) (?:same|rls|restless)|rls|restless)\b)"),
)
