# Job offers, work profiles, matches, proposals and recruiting days.
# Codes already defined elsewhere and reused here: consent_required (referrals),
# unknown_comune, too_many (directory), invalid_language (main),
# hours_out_of_range, unknown_employer, case_not_in_inclusion (work_placements).

case_event_kind-candidate_proposed = Proposed to a job offer, with the person's consent
case_event_kind-proposal_answered = A proposal was answered

error-unknown_occupation = Unknown occupation: give a four-digit ISCO-08 unit group.
error-unknown_sector = Unknown lab sector.
error-positions_out_of_range = Open positions go from 1 to 500.
error-invalid_skill = Invalid skill: short words, at most 40 characters.
error-offer_not_open = The offer is no longer open.
error-already_proposed = The person has already been proposed to this offer.
error-proposal_closed = The proposal is already closed.
