# Work placements (internships, apprenticeships, jobs) and their follow-ups.

case_event_kind-work_placement_started = Work placement started
case_event_kind-work_placement_ended = Work placement ended
case_event_kind-follow_up_recorded = Work placement follow-up recorded

error-start_after_end = The end date must come after the start.
error-internship_too_long = An internship lasts at most 12 months.
error-apprenticeship_too_short = An apprenticeship lasts at least 6 months.
error-mentor_required = Give the tutor at the employer: internships and apprenticeships need one.
error-end_required = Give the end date: internships and fixed-term or seasonal contracts need one.
error-end_not_for_permanent = A permanent contract has no end date.
error-contract_type_required = Choose the contract type.
error-contract_type_not_for_kind = A contract type is for employment only.
error-hours_out_of_range = Weekly hours go from 1 to 48.
error-negative_amount = The amount cannot be negative.
error-end_before_start = The end cannot come before the start.
error-ended_in_the_future = The end date cannot be in the future.
error-end_note_required = Say why the placement ended.
error-unknown_employer = No such employer in this region.
error-offer_not_of_employer = The offer is not this employer's.
error-proposal_not_for_placement = The proposal does not match this person, offer or employer.
error-case_not_in_inclusion = The case is not in inclusion.
error-placement_ended = The placement has ended already.
error-follow_up_not_due = A follow-up can be recorded from 14 days before it is due.
error-follow_up_recorded = This follow-up was recorded already.
