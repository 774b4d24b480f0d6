## Screening instrument pages: the catalogue, one instrument, the training
## form, the public printable sheet and publishing a new version.

nav-instruments = Screening instruments

# The catalogue
instruments-title = Screening instruments
instruments-lead = The indicator checklists the network uses at first contact, with their versions. A published version never changes: every screening keeps the version it was answered with.
instruments-indicative = An instrument's result is indicative: it supports the technical secretariat's judgement and is never a legal qualification.
instruments-caption = Screening instruments and their versions
instruments-col-name = Instrument
instruments-col-current = Current version
instruments-col-versions = Published versions
instruments-col-links = Use it
instruments-version-of = Version { $version }
instruments-shipped = shipped with SOLEIL
instruments-published-by-admin = published by an administrator
instruments-try = Try the instrument
instruments-sheet = Printable sheet

# One instrument
instruments-back = All instruments
instruments-back-to-instrument = Back to the instrument
instruments-not-newest = Not the newest version
instruments-weighted = Strong, medium and weak indicators
instruments-sheet-it = Printable sheet in Italian
instruments-sheet-en = Printable sheet in English
instruments-publish = Publish a new version
instruments-purpose = What it is for
instruments-reading-title = How to read the result
instruments-reading-answers = Each question is answered yes, no or "don't know". Yes means the sign is there. A question left blank counts as "don't know".
instruments-reading-dimensions = The questions are grouped in dimensions. A dimension is met when the yes answers are enough for its rule; when the "don't know" answers could still decide it either way it stays undecided, and SOLEIL names the questions that would decide it.
instruments-reading-ladder = The outcomes form a ladder, from most to least serious. The result is the first rung whose rule is met; a more serious rung that is still undecided is shown as possible.
instruments-reading-unknown = "Don't know" never counts as yes: with more answers known the result can only stay the same or become more precise.
instruments-reading-indicative = The result is indicative: it supports the technical secretariat's judgement and never says whether a person is a victim or whether an offence was committed.
instruments-dimensions-title = Dimensions and indicators
instruments-dimensions-count = { $indicators } indicators in { $dimensions ->
    [one] 1 dimension
   *[other] { $dimensions } dimensions
}.
instruments-met-when = Met when:
instruments-rule-as-written = Rule in the catalogue:
instruments-question = Question:
instruments-look-for = What to look for:
instruments-ladder-title = The ladder of outcomes
instruments-ladder-lead = Outcomes go from most to least serious. The result is the first rung met, starting from the top; "don't know" answers never count as yes.
instruments-queue-priority = Priority in the secretariat's queue:
instruments-reached-when = Reached when:
instruments-source = Source
instruments-versions = Versions
instruments-versions-lead = A published version never changes: a correction is a new version.
instruments-versions-caption = Published versions of this instrument, newest first
instruments-col-version = Version
instruments-col-published = Published on
instruments-col-origin = Origin
instruments-uncertain = to be verified
instruments-uncertain-open = What is not yet verified against the source
instruments-strength = Strength
instruments-strength-strong = strong
instruments-strength-medium = medium
instruments-strength-weak = weak
instruments-answer-yes = Yes
instruments-answer-no = No
instruments-answer-unknown = Don't know
instruments-source-title = Title
instruments-source-publisher = Publisher
instruments-source-year = Year
instruments-source-reference = Reference
instruments-source-links = Links
instruments-source-note = Checked against the source

# Outcome rules in words
instruments-rule-and = and
instruments-rule-or = or
instruments-rule-not = not
instruments-rule-name = “{ $name }”
instruments-rule-true = always
instruments-rule-always = In every other case: no more serious rung is reached.

# Training
instruments-try-title = Try it: { $name }
instruments-try-lead = An exercise to learn the instrument: answer the questions and see which outcome they reach, and why.
instruments-try-nothing-stored = This is only practice: the answers are neither saved nor logged. Do not enter data about real people; for a real person use the screening form of the first contact.
instruments-try-result = Result of the exercise
instruments-try-change = Change the answers
instruments-try-answers = Questions
instruments-try-how = Every question starts at "Don't know". Change only those whose answer you know, then evaluate.
instruments-try-evaluate = Evaluate the answers

# Publishing a new version
instruments-publish-title = New version: { $name }
instruments-publish-how = How to publish
instruments-publish-step-version = Change the version line: the current one is "{ $version }". Each version has a name of its own (letters, digits, dot, hyphen).
instruments-publish-step-edit = Edit the text: questions, help, rules. Do not rename the ids whose meaning stays the same.
instruments-publish-step-check = SOLEIL checks the file before accepting it: ids, texts in Italian and English, rules that read and cannot get worse with one more yes.
instruments-publish-step-publish = Publish. From then on new screenings use the new version.
instruments-publish-never-changes = A published version never changes: the screenings already made are still explained by the rules they used.
instruments-publish-file = Catalogue file (TOML)
instruments-publish-file-hint = The text starts from the newest version. The format is described in catalogue/README.md.
instruments-publish-submit = Publish the version
instruments-publish-errors = { $count ->
    [one] The file has 1 error
   *[other] The file has { $count } errors
}
done-instrument-published = New version published.
error-instrument_id_mismatch = The id must stay that of this instrument.

# The printable sheet (public)
sheet-title = Indicator information sheet
sheet-other-language = Versione italiana
sheet-print-hint = To print it, use your browser's Print command (Ctrl+P, or ⌘+P on a Mac): the paper keeps only the sheet and the boxes to tick by hand.
sheet-print = Print the sheet
sheet-how-title = How to use it
sheet-how-gently = Ask calmly and in simple words, somewhere the person feels safe, with a cultural mediator if needed. Do not insist: you can come back to it another time.
sheet-how-privacy = Talk where nobody else can hear, above all not the person's employer or whoever came with them. Do not write the person's name on this sheet, or anything else that would identify them, and keep it safe.
sheet-how-decides = The person decides what to tell and whether to ask for help. Explain that they need not answer and that nothing is done without their consent.
sheet-how-answers = For each question tick yes, no or "don't know". Yes means the sign is there. "Don't know" never counts as yes.
sheet-how-indicative = The result is only indicative: it helps to see whether to turn to the network, and to whom. It is never a legal qualification: whether someone is a victim of trafficking or exploitation is decided by the authorities the law appoints.
sheet-how-danger = If the person is in danger now, call 112.
sheet-hotline-title = Anti-trafficking toll-free number
sheet-hotline-what = Free, anonymous, open 24 hours a day every day, in many languages: for the person and for anyone who wants to help them.
sheet-questions-of = Questions: { $dimension }
sheet-col-number = No.
sheet-col-question = Question and what to look for
sheet-col-answer = Answer
sheet-paraphrase = The questions and help are SOLEIL's own words, not the original text of the source.
sheet-footer = SOLEIL, regional network against labour exploitation. Indicative sheet, version { $version }: not a legal qualification.
