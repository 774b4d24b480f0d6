# Referrals from a case to a service. Every id starts with "referrals-",
# except the shared vocabularies, errors and notices.

case_event_kind-referral_sent = Referral sent
case_event_kind-referral_accepted = Referral accepted
case_event_kind-referral_declined = Referral declined
case_event_kind-referral_completed = Referral completed
case_event_kind-referral_cancelled = Referral cancelled

error-consent_required = The person must consent to sharing with this organisation.
error-referral_changed_meanwhile = The referral has changed meanwhile: reload it and check its state.

referral_state-sent = Sent, waiting for an answer
referral_state-accepted = Accepted
referral_state-declined = Declined
referral_state-completed = Completed
referral_state-cancelled = Cancelled
referral_share-identity = Names
referral_share-contact = Phone
referral_share-languages = Languages
referral_share-screening_summary = Screening summary (sector, work place, urgent needs, outcome)
referral_share-plan_actions = Actions of the plan

nav-referrals = Referrals
done-referral-sent = Referral sent to the service.
done-referral-accepted = Referral accepted.
done-referral-declined = Referral declined.
done-referral-completed = Referral completed: the sender sees your feedback.
done-referral-cancelled = Referral cancelled.

referrals-title = Referrals
referrals-intro-receiver = Referrals your service has received: you see only what the person agreed to share.
referrals-intro-sender = Referrals of your cases to the services of the network.
referrals-filter-overdue = Only those past their due date
referrals-filter = Filter
referrals-none = No referrals.
referrals-open-case = Open the case
referrals-overdue = Overdue
referrals-overdue-count = { $count } overdue
referrals-section-title = Referrals to services
referrals-section-none = No referrals yet.
referrals-section-caption = The case's referrals, newest first
referrals-col-service = Service
referrals-col-request = Request
referrals-col-due = Due by
referrals-col-shares = Shared
referrals-col-state = State
referrals-cancel = Cancel the referral
referrals-send-title = Refer the person to a service
referrals-choose = Choose…
referrals-field-organisation_id = Service
referrals-field-area = Need area
referrals-field-description = What is asked
referrals-field-due_date = Answer by
referrals-field-shares = What is shared with the service
referrals-field-consent = The person consents to sharing these data with this organisation
referrals-field-reason = Reason for declining
referrals-field-feedback = Feedback: what was done
referrals-send = Send the referral
referrals-accept = Accept
referrals-decline = Decline
referrals-complete = Complete
referrals-shared-title = Shared data
referrals-shared-nothing = Nothing about the person was shared.
referrals-shared-name = Name
referrals-shared-phone = Phone
referrals-shared-languages = Languages
referrals-shared-sector = Sector
referrals-shared-work-place = Work place
referrals-shared-urgent = Urgent needs
referrals-shared-outcome = Screening outcome
referrals-urgent-danger = danger
referrals-urgent-health = health
referrals-urgent-no_shelter = no shelter
referrals-urgent-minors = minors
