# One person, one record: possible duplicates, merges and their undo.

nav-identity = Possible duplicates

# Intake check
identity-matches-title = This person may already be recorded
identity-matches-lead = Before recording a new person, check these similar records. If it is one of them, open their file and add the new screening there.
identity-matches-hidden = Other similar records exist that you cannot see: the secretariat will reconcile them.
identity-confirm-new-person = None of these is the person: record a new one
identity-use-this-person = This is the person: add the screening here
identity-recorded-by = Recorded by { $organisation } on { $date }
identity-score = Similarity score
identity-why = Why they look alike
error-possible_duplicates = This person may already be recorded. Check the similar records, or confirm that none of them is the person.
warning-possible-duplicates = This person may already be recorded: check the similar records at the end of the form, before the buttons.
done-sent-reconcile = Sent to the secretariat. Possible duplicates exist that you cannot see: the secretariat will reconcile them.
done-saved-reconcile = Draft saved. Possible duplicates exist that you cannot see: the secretariat will reconcile them.

# Explanation
identity-evidence-caption = Field by field comparison
identity-col-field = Field
identity-col-verdict = Outcome
identity-col-weight = Weight (bits)
identity-verdict-agreed = Agrees
identity-verdict-disagreed = Disagrees
identity-verdict-neutral = No weight
identity-verdict-missing = Missing
identity-field-surname = Surname
identity-field-given_name = Given name
identity-field-name_order = Order of names
identity-field-date_of_birth = Date of birth
identity-field-sex = Sex
identity-field-nationality = Nationality
identity-field-place_of_birth = Place of birth
identity-field-codice_fiscale = Codice fiscale
identity-field-document = Document
identity-field-phone = Phone
identity-field-address = Address
identity-outcome-exact = identical
identity-outcome-variant = variant of the same name
identity-outcome-fuzzy = similar
identity-outcome-partial = in part
identity-outcome-placeholder = placeholder date (1 January)
identity-outcome-swapped_day_month = day and month swapped
identity-outcome-typing_slip = typing slip
identity-outcome-year_close = close year
identity-outcome-swapped = given name and surname swapped
identity-outcome-disagree = different
identity-outcome-missing = not given

# The secretariat's queue
identity-queue-title = Possible duplicates
identity-queue-lead = Persons recorded more than once, perhaps spelt differently. Compare them and merge them, or mark them as different persons.
identity-queue-caption = Pairs of records to check, most alike first
identity-col-person = Person
identity-col-possible-duplicate = Possible duplicate
identity-col-score = Score
identity-col-found = Found on
identity-col-open = Open
identity-open-pair = Compare
identity-other-region = A record in another region
identity-sweep = Look for duplicates in this region
done-identity-swept = Search done: new pairs are in the queue.

# A pair
identity-pair-title = Two records compared
identity-cross-region = The two records are in different regions: only administrators can merge them.
identity-screenings = Screenings
identity-cases = Cases
identity-keep-this = Merge, keeping this record
identity-merge-hint = Merging gives the record kept every screening and case of the other, with their origin. A merge can be undone.
identity-mark-distinct = These are different persons
identity-admins-decide = Only administrators can decide on this pair.
identity-back-to-queue = Back to possible duplicates
done-identity-merged = Records merged.
done-identity-distinct = Pair marked as different persons: it will not be proposed again.

# Merges
identity-merges-title = Merged records
identity-merges-caption = Merges in force, newest first
identity-col-survivor = Record kept
identity-col-merged = Record merged
identity-col-merged-on = Merged on
identity-undo = Undo the merge
done-identity-undone = Merge undone: the record has its screenings and cases back.
identity-merged-title = Record merged into another
identity-merged-lead = This record was a duplicate and has been merged into another record of the same person.
identity-open-survivor = Open the person's record

# Case timeline
case_event_kind-persons_merged = Two records of the person were merged
case_event_kind-merge_undone = A merge of two records of the person was undone

# Errors
error-pair_not_open = This pair has already been decided.
error-person_already_merged = One of the two records has already been merged into another.
error-merge_already_undone = This merge has already been undone.
error-survivor_merged_since = The record kept was later merged into another: undo that merge first.
error-not_in_pair = Choose one of the pair's two records.
