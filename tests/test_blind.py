"""The blind question sets, judged blind: rlsbot must not answer strangers worse than this.

A quote no judge has seen counts as not answering, so a change that quotes
new sentences fails here until they are judged (``tests/blind/evaluate.py
--worklist``) — a reminder, not a loophole.
"""

from __future__ import annotations

import pytest

from tests.blind import evaluate as blind

# set: (quote [1] answers, some quote answers, quote precision, correct refusals, wrong refusals at most, mean quoted words at most)
# Seventh session: two precision floors went down while the frozen sets' precision as a whole went up (0.57 -> 0.58):
# A6 0.64 -> 0.61, B1 0.82 -> 0.80. A near-duplicate or a further quote on another page's topic that
# judges had called an answer is left out, and "The movement is triggered ..." now comes with the sentence before it,
# which judges call "on topic" where the bare sentence was an answer (and "cannot stand alone" 7 times in 20).
# Eighth session: floors raised to this branch's rates; two went down, each where a question once refused is answered:
# A9's precision 0.70 -> 0.69 ("Will it ever just settle down by itself?": one quote answers, two are on topic) and B9's
# 0.65 -> 0.64 ("... i drive a forklift on nights. anything i should know": gabapentin's driving warning, a bullet
# of its leaflet that four judges of other sets called an answer and this set's judge "cannot stand alone").
# Ninth session: floors raised to this branch's rates; eight precision floors went down by 0.01-0.02, each set one
# answering quote fewer or one quote more that does not answer, while the frozen sets' precision as a whole rose
# (0.578 -> 0.579): "The disorder usually improves or goes away after giving birth." now leans on the sentences before
# it and is no longer quoted (most judges called it an answer, two "cannot stand alone"), and a sentence now keeps the
# "However, ..." that qualifies it (A12 0.63 -> 0.62, A16 0.57 -> 0.56, A18 0.52 -> 0.50, B2 0.62 -> 0.61,
# B4 0.57 -> 0.56, B10 0.71 -> 0.69, B12 0.57 -> 0.56, B13 0.47 -> 0.46).
# Tenth session: floors raised to this branch's rates; two went the other way. B13's precision 0.46 -> 0.45: a question
# refused on 5e37e07 is answered, with a quote its judge calls on topic (one wrong refusal fewer). A14's wrong refusals
# 0.03 -> 0.05: "before my appointment should i be writing down how i sleep each night" is refused where it was answered
# off topic ("write down" now reads as the sleep diary's "record", which answers B23's "what do I actually write down in it").
# Eleventh session: floors raised to this branch's rates; five precision floors went down, each where a question once
# refused is answered with a further quote that does not answer, or a list quoted for a drug by its own name: A16 0.61 -> 0.58
# and A19 0.65 -> 0.64 (frozen: two wrong refusals fewer each, quote [1] up 1 and 2), A10 0.76 -> 0.75, B15 0.63 -> 0.62,
# A25 0.66 -> 0.65 (tuned); the frozen sets' precision as a whole rose (0.571 -> 0.576).
# Twelfth session: floors raised to this branch's rates; none went down.
# Thirteenth session: floors raised to this branch's rates; none went down.
# Fourteenth session: floors raised to this branch's rates; five precision floors went down by 0.01-0.02, each where a
# typed or spelt-out question now gets the quote [1] the correctly spelt one gets and a further quote judged on topic:
# "does it run in famlies" (A1 0.88 -> 0.87, A10 0.75 -> 0.74, B11 0.73 -> 0.72; "famlies" now reads as the ask, so the
# autosomal-dominant sentence follows the answer) and "curable" read as "cure" (frozen A6 0.64 -> 0.62 and A16 0.58 -> 0.57,
# each with quote [1] now an answer where it was on topic).
# Fifteenth session: floors raised to this branch's rates; one went down: B14's wrong refusals 0.05 -> 0.07, "does taking iron
# help restless legs / how long till it starts working?" is refused where it was answered off topic (an infant's anaemia test
# "at 1 year of age" no longer counts as a length of time; the one sentence that gives one is on anaemia, not RLS).
# Sixteenth session: floors raised to this branch's rates, A34/B34 (frozen) and A35/B35 added; two went down, both precision:
# B9 0.74 -> 0.73 ("what's going wrong inside the head ..." now reads as a cause question and adds a third quote, judged on
# topic: "Nerve damage in the legs or feet ... may cause or worsen RLS.") and B22 0.68 -> 0.67 ("what goes wrong in the brain in
# RLS?" was refused and is now answered with a quote judged on topic: "The causes of restless legs may include nerve damage ...").
# Seventeenth session: floors raised to this branch's rates, A36/B36 (frozen) and A37/B37 added; six went down, all precision:
# A31 0.67 -> 0.64 and A32 0.49 -> 0.47 ("which ... meds" now asks for treatments and "meds" leaves the focus: quote [1] still
# answers, the two further quotes are now judged on topic; three other frozen questions gained a quote-[1] answer the same way),
# A2 0.76 -> 0.74 (a question refused is now answered, quote [1] an answer and two further quotes on topic), B2 0.67 -> 0.66 and
# B3 0.77 -> 0.75 (a further quote on topic or off topic added: hemodialysis now reads as a kidney disorder), B18 0.53 -> 0.52 (a
# question wrongly refused is now answered, its one quote judged off topic).
# Eighteenth session: floors raised to this branch's rates, A38/B38 (frozen) and A39/B39 added; none went down.
# Nineteenth session: floors raised to this branch's rates, A40/B40 (frozen) and A41/B41 added; four went down. Frozen, only
# precision: B36 0.60 -> 0.59 (a further quote judged on topic). Tuned: B25 ("amlodipine 10mg, sertraline, metformin, omeprazole
# and cetirizine ... could any of these be setting my legs off at night?" is refused now that omeprazole is found, as a medicine
# that cuts stomach acid: two omeprazole questions refused before are answered), B20 0.80 -> 0.78 (the story's "jumpy legs" no
# longer ranks beside "RLS": quote [1] is a sentence judged on topic, the answer now second), B37 precision 0.48 -> 0.47.
# Twentieth session: floors raised to this branch's rates, A42/B42 (frozen) and A43/B43 added; none went down.
FLOORS = {
    # tuned on from the start
    "A1": (0.97, 0.97, 0.87, 1.00, 0.00, 60),
    "B1": (0.93, 0.93, 0.84, 1.00, 0.00, 60),
    "A3": (0.82, 0.86, 0.72, 1.00, 0.03, 60),
    "B3": (0.87, 0.87, 0.76, 1.00, 0.03, 60),
    # tuned on after their first judged run
    "A5": (0.86, 0.86, 0.72, 0.87, 0.03, 60),
    "B5": (0.89, 0.89, 0.69, 0.87, 0.03, 60),
    "A7": (0.76, 0.80, 0.64, 1.00, 0.05, 60),
    "B7": (0.78, 0.80, 0.76, 0.93, 0.11, 60),
    # tuned on: written at the start of a round by helpers who saw only the articles and the users
    "A9": (0.84, 0.86, 0.77, 1.00, 0.03, 60),
    "B9": (0.84, 0.89, 0.73, 0.93, 0.05, 60),
    "A10": (0.84, 0.89, 0.74, 0.93, 0.03, 60),
    "B10": (0.84, 0.86, 0.76, 1.00, 0.05, 60),
    "A11": (0.95, 0.95, 0.75, 0.93, 0.00, 60),
    "B11": (0.80, 0.82, 0.75, 1.00, 0.07, 60),
    # tuned on: written in the fifth session of 2026-11-26 in voices no earlier set has (non-native word order, dictation, bare keywords)
    "A14": (0.84, 0.91, 0.75, 0.87, 0.05, 60),
    "B14": (0.85, 0.89, 0.73, 1.00, 0.05, 60),
    # tuned on: written in the sixth session (2026-11-27) in voices no earlier set had (clinical shorthand, beliefs told, "what does X mean")
    "A15": (0.80, 0.84, 0.66, 0.93, 0.00, 60),
    "B15": (0.78, 0.82, 0.64, 1.00, 0.07, 60),
    # tuned on: written in the ninth session (2026-11-27) in voices no earlier set had (formal letters, a first pregnancy,
    # a clinician's shorthand, growing pains, two questions at once; chemotherapy feet, iron-deficiency anaemia, Parkinson's)
    "A20": (0.73, 0.76, 0.65, 0.93, 0.14, 60),
    "B20": (0.78, 0.82, 0.69, 0.93, 0.05, 60),
    # tuned on: written in the tenth session (2026-11-27) in voices no earlier set had (a student's essay, night shifts,
    # English as a second language, a care home, thirty years of jargon; dictation, myths, MS, a stroke, menopause, a blood donor)
    "A22": (0.76, 0.82, 0.67, 0.93, 0.07, 60),
    "B22": (0.76, 0.78, 0.67, 1.00, 0.07, 60),
    "A23": (0.78, 0.80, 0.62, 0.81, 0.05, 60),
    "B23": (0.56, 0.69, 0.53, 0.87, 0.09, 60),
    # tuned on: written in the eleventh session (2026-11-27): a retired teacher, yes/no questions, separate beds, "growing
    # pains", antidepressants, stretching and yoga, a lorry driver; circulation, ferritin numbers, a widower, many medicines
    "A25": (0.84, 0.86, 0.67, 0.75, 0.05, 60),
    "B25": (0.67, 0.73, 0.58, 0.93, 0.07, 60),
    # tuned on: written in the twelfth session (2026-11-27): a first prescription, a vegan, a gamer, after an operation,
    # run-on messages, dementia, two questions at once; dialysis and a transplant list, chemotherapy, insomnia, a nurse
    "A27": (0.71, 0.71, 0.58, 0.81, 0.09, 60),
    "B27": (0.67, 0.73, 0.53, 0.87, 0.05, 60),
    # tuned on: written in the thirteenth session (2026-11-27): a runner, social-media myths, antidepressants, the menopause,
    # exams, a kicking wife, three-word questions; Parkinson's, kidney disease before dialysis, tablets that stop working,
    # research, an elderly father's pills, low iron after stomach surgery, "what is the difference"
    "A29": (0.71, 0.82, 0.56, 0.68, 0.07, 60),
    "B29": (0.54, 0.60, 0.55, 0.87, 0.16, 60),
    # tuned on: written in the fourteenth session (2026-11-28): a grandmother, energy drinks, a bad back, a news headline,
    # yes-or-no, a nursing-home carer, phone typos; dialysis, heavy periods, neuropathy, dopamine, a mother with dementia,
    # "will it ever go away", clinical trials
    "A30": (0.80, 0.86, 0.56, 0.75, 0.03, 60),
    "B30": (0.69, 0.71, 0.52, 0.75, 0.05, 60),
    # tuned on: written in the fifteenth session (2026-11-28): a new father, a swimmer, ALL CAPS, keto, "growing pains",
    # misspelt drug names, two questions in one; fibromyalgia, CPAP, sleeping pills, pregnancy nutrition, hemodialysis, DBS, ADHD
    "A33": (0.76, 0.78, 0.66, 0.87, 0.09, 60),
    "B33": (0.80, 0.86, 0.73, 1.00, 0.07, 60),
    # written in the sixteenth session (2026-11-28): a marathon runner, long-haul flights, twins, coffee, RLS back after years,
    # English as a second language, yes/no only; dialysis, a blood donor, aching calves, dementia, allergy pills, insomnia, spinal injury
    "A35": (0.84, 0.86, 0.68, 0.93, 0.03, 60),
    "B35": (0.58, 0.63, 0.59, 0.93, 0.14, 60),
    # written in the seventeenth session (2026-11-28): a care-home grandfather, menopause, a gym-goer's supplements, films and
    # church, one-word fragments, a worried partner, cramps mixed up with RLS; thyroid, a transplant list, a vegetarian teenager,
    # sleep apnoea, weight-loss surgery, over-the-counter pills, varicose veins at work
    "A37": (0.80, 0.86, 0.72, 0.93, 0.07, 60),
    "B37": (0.63, 0.63, 0.47, 0.87, 0.14, 60),
    # written in the eighteenth session (2026-11-28): exam cramming and energy drinks, a cyclist, endometriosis, 'the fidgets',
    # long meetings, blunt one-liners, forum claims; kidney disease before dialysis, heavy periods, sleeping pills, PAD,
    # Huntington's or ataxia in the family, anti-sickness tablets, a child with ADHD
    "A39": (0.82, 0.86, 0.66, 0.81, 0.03, 60),
    "B39": (0.63, 0.71, 0.55, 0.81, 0.09, 60),
    # written in the nineteenth session (2026-11-28): a farmer, a coach trip, ten cups of tea, the menopause, natural options,
    # English as a second language; migraines, low blood pressure, quitting smoking, coeliac disease, heavy periods and PCOS,
    # after a stroke, just diagnosed and frightened
    "A41": (0.86, 0.86, 0.68, 0.75, 0.05, 60),
    "B41": (0.71, 0.73, 0.65, 0.81, 0.11, 60),
    # written in the twentieth session (2026-11-28): weight lifting, a desk at home, a tight budget, an old man in capitals, a
    # vegan, a new nurse for her patients, a few words at a time; rheumatoid arthritis, low iron in pregnancy, sleep apnoea,
    # weight-loss surgery, sciatica, shift work and insomnia, an anxious asker of many questions at once
    "A43": (0.89, 0.93, 0.72, 1.00, 0.00, 60),
    "B43": (0.63, 0.65, 0.52, 1.00, 0.11, 60),
    # frozen: never tuned on (A8, B8 written at the end of a round, frozen from the start)
    "A2": (0.82, 0.86, 0.74, 0.93, 0.05, 60),
    "B2": (0.75, 0.80, 0.66, 0.94, 0.09, 60),
    "A4": (0.73, 0.76, 0.73, 0.87, 0.14, 60),
    "B4": (0.76, 0.80, 0.60, 0.80, 0.05, 60),
    "A6": (0.69, 0.76, 0.63, 0.87, 0.09, 60),
    "B6": (0.65, 0.69, 0.56, 0.93, 0.11, 60),
    "A8": (0.91, 0.93, 0.76, 0.93, 0.05, 60),
    "B8": (0.78, 0.78, 0.73, 0.93, 0.14, 60),
    # frozen: written after the third round of 2026-11-26, by helpers who saw only the articles and the users
    "A12": (0.71, 0.78, 0.65, 0.93, 0.05, 60),
    "B12": (0.60, 0.69, 0.62, 0.93, 0.18, 60),
    # frozen: written in the fourth session of 2026-11-26, in voices no other set has (clinical shorthand, numbers, negations)
    "A13": (0.73, 0.78, 0.64, 0.68, 0.11, 60),
    "B13": (0.52, 0.63, 0.50, 0.87, 0.18, 60),
    # frozen from the start: written in the sixth session (2026-11-27), scored only as totals
    "A16": (0.67, 0.67, 0.60, 0.93, 0.16, 60),
    "B16": (0.63, 0.71, 0.55, 0.81, 0.09, 60),
    # frozen from the start: written in the seventh session (2026-11-27), scored only as totals
    "A17": (0.69, 0.71, 0.55, 0.81, 0.09, 60),
    "B17": (0.60, 0.73, 0.50, 0.93, 0.05, 60),
    # frozen from the start: written in the eighth session (2026-11-27), scored only as totals
    "A18": (0.65, 0.71, 0.56, 0.81, 0.09, 60),
    "B18": (0.50, 0.60, 0.54, 0.87, 0.16, 60),
    # frozen from the start: written in the ninth session (2026-11-27), scored only as totals
    "A19": (0.71, 0.78, 0.65, 0.87, 0.09, 60),
    "B19": (0.58, 0.63, 0.51, 0.81, 0.18, 60),
    # frozen from the start: written in the tenth session (2026-11-27), scored only as totals
    "A21": (0.71, 0.73, 0.61, 0.75, 0.11, 60),
    "B21": (0.50, 0.54, 0.44, 0.87, 0.11, 60),
    # frozen from the start: written in the eleventh session (2026-11-27), scored only as totals
    "A24": (0.69, 0.73, 0.58, 0.75, 0.14, 60),
    "B24": (0.52, 0.58, 0.48, 0.93, 0.11, 60),
    # frozen from the start: written in the twelfth session (2026-11-27), scored only as totals
    "A26": (0.65, 0.67, 0.47, 0.75, 0.11, 60),
    "B26": (0.60, 0.65, 0.46, 0.81, 0.14, 60),
    # frozen from the start: written in the thirteenth session (2026-11-27), scored only as totals
    "A28": (0.67, 0.71, 0.60, 0.75, 0.07, 60),
    "B28": (0.65, 0.71, 0.60, 1.00, 0.14, 60),
    # frozen from the start: written in the fourteenth session (2026-11-28), scored only as totals
    "A31": (0.63, 0.67, 0.65, 1.00, 0.18, 60),
    "B31": (0.52, 0.56, 0.48, 0.93, 0.18, 60),
    # frozen from the start: written in the fifteenth session (2026-11-28), scored only as totals
    "A32": (0.63, 0.71, 0.50, 0.87, 0.05, 60),
    "B32": (0.56, 0.58, 0.52, 0.75, 0.20, 60),
    # frozen from the start: written in the sixteenth session (2026-11-28), scored only as totals
    "A34": (0.84, 0.84, 0.66, 0.75, 0.09, 60),
    "B34": (0.58, 0.67, 0.48, 0.93, 0.07, 60),
    # frozen from the start: written in the seventeenth session (2026-11-28), scored only as totals (a retired teacher, a
    # toddler who kicks, low ferritin, a sceptic, day sleepers, abbreviations, a kicking partner; celiac disease, heart failure,
    # a stroke survivor, new Parkinson's, lupus, chemotherapy neuropathy, a teenage footballer)
    "A36": (0.80, 0.86, 0.58, 0.81, 0.03, 60),
    "B36": (0.67, 0.71, 0.60, 0.75, 0.20, 60),
    # frozen from the start: written in the eighteenth session (2026-11-28), scored only as totals (a bus driver, an anxious
    # first trimester, a wife who forwards questions, Scottish and Irish turns of phrase, magnesium spray, "is that normal?",
    # text-speak; rheumatoid arthritis, anaemia after a birth, insulin, a retired miner, Parkinson's with acted-out dreams,
    # weekend drinking, antihistamines)
    "A38": (0.76, 0.82, 0.67, 1.00, 0.07, 60),
    "B38": (0.58, 0.63, 0.52, 0.81, 0.07, 60),
    # frozen from the start: written in the nineteenth session (2026-11-28), scored only as totals (a night-shift nurse, a
    # grandmother raising grandchildren, a marathon runner, antidepressants, supplement labels, the third trimester, very formal
    # English; multiple sclerosis, fibromyalgia, a flight attendant, a child's "growing pains", an underactive thyroid, blood
    # thinners, varicose veins)
    "A40": (0.78, 0.78, 0.64, 0.68, 0.05, 60),
    "B40": (0.71, 0.73, 0.55, 0.87, 0.14, 60),
    # frozen from the start: written in the twentieth session (2026-11-28), scored only as totals (a retired teacher, a young
    # father with a newborn, after knee surgery, a worried mother of a teenager, wine every evening, a care-home worker, voice
    # typing; dialysis and a transplant list, diabetes and numb feet, depression medicine, a lorry driver, trying to conceive,
    # a father with Parkinson's disease, a husband with dementia)
    "A42": (0.67, 0.76, 0.56, 0.87, 0.07, 60),
    "B42": (0.69, 0.71, 0.63, 0.87, 0.16, 60),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_rates(name):
    results = blind.run_set(name)
    s = blind.score(name, results, blind.load_judgements(name))
    q1, some, precision, refused, wrongly, words = FLOORS[name]
    print(blind.table([s]))
    assert s["q1 answers"] >= q1 * s["covered"]
    assert s["some answers"] >= some * s["covered"]
    assert (s["precision"] or 0) * (s["quotes"] - s["unjudged"]) >= precision * s["quotes"]
    assert s["correct refusals"] >= refused * s["uncovered"]
    assert s["wrong refusals"] <= wrongly * s["covered"]
    assert s["mean words"] <= words
