## Screening instruments: results in words, errors of sheets and catalogue files.

explain-no-outcome = No outcome reached
explain-uncertain = rule to be verified
explain-because = Because:
explain-possible = Could also turn out: { $outcome }.
explain-could-change = { $count ->
    [one] It would be decided by the still unknown answer to:
   *[other] It would be decided by the still unknown answers to:
}
explain-present = { $count ->
    [one] 1 indicator present
   *[other] { $count } indicators present
}
explain-unknown = { $count ->
    [one] 1 unknown answer
   *[other] { $count } unknown answers
}
explain-dimensions-caption = The instrument's dimensions and the answers that decide them
explain-col-dimension = Dimension
explain-col-met = Met
explain-col-present = Indicators present
explain-col-could-change = Unknown answers that could change it
explain-met-yes = Yes
explain-met-no = No
explain-met-unknown = Not yet decidable
explain-indicative = Indicative result: it supports the technical secretariat's judgement and is not a legal qualification.

error-unknown_instrument = Instrument or version not found.
error-unknown_indicator = This indicator is not part of the instrument.
error-invalid_catalogue_id = Invalid id: use lower-case letters, digits and underscores.
error-invalid_version = Invalid version: use letters, digits, dots and hyphens.
error-duplicate_id = Id already used in this instrument.
error-unknown_dimension = The instrument has no such dimension.
error-unexpected_strength = This instrument gives indicators no strength.
error-invalid_rule = Invalid rule.
error-rule_not_monotone = The rule may only grow more true as an answer turns yes: no negation, and no count bounded from above.
error-invalid_catalogue_file = The catalogue file cannot be read.
error-instrument_version_exists = This version is already published: a published version never changes, publish a new one.

cases-col-why = Why
cases-urgent-needs = Urgent needs:
cases-no-indicator-sheet = No indicator sheet filled in.

sheet-legend = Indicator sheet
sheet-intro = The questions help recognise exploitation. Answer only with what the person tells or what was seen; "Don't know" is fine: an unknown answer never counts as yes.
sheet-instrument = Instrument
sheet-instrument-hint = To change instrument, choose it and save: the sheet comes back with its questions, nothing saved.
sheet-no-instrument = No indicator sheet
sheet-note = Add a note
sheet-note-label = Note on this answer (optional)
done-instrument-switched = Instrument changed: answer its questions, then save. Nothing was saved.
explain-priority = Priority the outcome asks for: { $priority }.
screening-result = Result of the indicator sheet
screening-answer-notes = Notes on the answers
