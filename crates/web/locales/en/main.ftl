# SOLEIL interface: shared messages. The other files of this folder hold
# the texts of single pages.

app-name = SOLEIL
app-tagline = Regional network against labour exploitation
skip-to-content = Skip to main content
switch-language = Italiano
switch-language-label = Passa all'italiano

nav-home = Home
nav-new-contact = New contact
nav-persons = Persons
nav-courses = Labs
nav-disbursements = Disbursements
nav-budgets = Measures and budgets
nav-employers = Employers
nav-job-offers = Job offers
nav-work-placements = Work placements
nav-employer-portal = My company
nav-queue = Assessment queue
nav-cases = Cases
nav-statistics = Case statistics
nav-organisations = Network organisations
nav-users = Users
nav-audit = Access log
nav-sign-out = Sign out
nav-main = Main menu
signed-in-as = Signed in as { $name }

# Outcomes and confirmations
done-saved = Saved.
done-sent = Screening sent to the regional technical secretariat.
done-assessed = Assessment recorded.
done-moved = Case state updated.
done-team = Working group updated.
done-plan-saved = Plan draft saved.
done-plan-submitted = Plan sent to the zonal working group.
done-reviewed = Review recorded.
done-agreed = The person's agreement recorded.
done-action = Action updated.
done-created = Created.

# Errors
error-page-title = Something went wrong
error-required = This field is required.
error-too_long = The text is too long.
error-invalid_email = Not a valid e-mail address.
error-email_taken = A user with this e-mail address already exists.
error-password_too_short = The password must have at least 10 characters.
error-invalid_phone = Not a valid phone number.
error-invalid_country = Give the nationality as a two-letter ISO code (e.g. IN, MA, SN).
error-invalid_language = Give languages as ISO codes (e.g. pa, ar, bn).
error-implausible_date = This date is not plausible.
error-anonymous_with_identity = An anonymous contact cannot have a name, phone or date of birth.
error-name_required = Give at least a given name or a surname, or record an anonymous contact.
error-unknown_organisation = Organisation not found.
error-organisation_exists = An organisation with this name already exists in the region.
error-not_a_case_manager = Choose an active case manager of the same region.
error-not_a_team_candidate = Only active service workers or case managers of the region can join.
error-already_on_team = This person is already in the working group.
error-plan_needs_required = The plan must name at least one need.
error-plan_actions_required = The plan must name at least one action.
error-action_status_final = An action can only be marked done or dropped.
error-invalid_input = Some data is not valid: correct the fields shown.
error-invalid_request = Invalid request.
error-unauthenticated = Sign in to continue.
error-bad_credentials = Wrong e-mail or password.
error-rate_limited = Too many failed sign-ins. Try again in { $minutes } minutes.
error-empty_query_parameter = The query parameter “{ $name }” has no value: give one or leave it out.
error-forbidden = You are not allowed to do this.
error-not_found = Not found, or not visible with your role.
error-transition_not_allowed = This change of state is not allowed from the current state.
error-assessment_required = Record the first assessment: its decision sets the next step.
error-already_assessed = The assessment has already been recorded.
error-case_changed_meanwhile = Someone else updated this case in the meantime: reload the page.
error-case_closed = The case is closed.
error-screening_already_sent = The screening has been sent and can no longer be changed.
error-plan_not_editable_now = The plan can be changed only while planning or in inclusion.
error-plan_in_review = The working group is reviewing the plan: it cannot be changed now.
error-no_plan_draft = There is no plan draft to submit.
error-team_required_for_review = Add at least one member to the working group to review the plan.
error-plan_not_in_review = The plan is not under review.
error-plan_not_approved = The plan is not approved yet.
error-agreement_already_recorded = The agreement has already been recorded.
error-plan_not_approved_and_agreed = To start inclusion the plan must be approved and agreed by the person.
error-no_plan_in_force = There is no approved plan in force.
error-action_already_closed = The action is already closed.
error-cannot_deactivate_self = You cannot deactivate your own account.
error-internal = Internal error. Nothing already saved was lost; try again later and, if it persists, quote the code { $id }.
error-allowed-next = Possible next steps: { $states }.

# Roles
role-frontline = Front-line operator
role-secretariat = Regional technical secretariat
role-case_manager = Case manager
role-service = Service / zonal working group
role-coordinator = Regional coordination
role-admin = Administration
role-auditor = Auditor
role-employer = Employer

# Organisation kinds
organisation_kind-desk = Desk
organisation_kind-mobile_unit = Mobile unit
organisation_kind-secretariat = Technical secretariat
organisation_kind-job_centre = Job centre
organisation_kind-social_services = Social services
organisation_kind-health_authority = Health authority
organisation_kind-inspectorate = Labour inspectorate
organisation_kind-union = Trade union
organisation_kind-reception_centre = Reception centre
organisation_kind-anti_trafficking = Anti-trafficking system
organisation_kind-third_sector = Third sector
organisation_kind-training_body = Training body
organisation_kind-employer = Employer
organisation_kind-municipality = Municipality
organisation_kind-helpline = Helpline
organisation_kind-territorial_commission = Territorial commission
organisation_kind-court = Court

# Case states
case_state-reported = Reported
case_state-assessing = Being assessed
case_state-emergency = Emergency response
case_state-planning = Personalised plan being drafted
case_state-plan_review = Plan under working-group review
case_state-inclusion = Inclusion
case_state-closed = Closed

closing_reason-goals_met = Goals met
closing_reason-dropped_out = Dropped out
closing_reason-transferred = Referred to another body
closing_reason-not_in_scope = Not in scope
closing_reason-moved_region = Moved to another region

decision-emergency_response = Emergency response
decision-personalised_path = Personalised path
decision-not_in_scope = Not in scope
decision-refer_elsewhere = Refer to another body

priority-urgent = Urgent
priority-high = High
priority-normal = Normal

sex-female = Woman
sex-male = Man
sex-other = Other

contact_channel-desk = Desk
contact_channel-mobile_unit = Mobile unit / street outreach
contact_channel-union = Trade union
contact_channel-reception_centre = Reception centre (CAS/SAI)
contact_channel-labour_inspection = Labour inspection
contact_channel-health_service = Health service
contact_channel-helpline = Anti-trafficking helpline
contact_channel-territorial_commission = Territorial commission
contact_channel-referral_from_service = Referred by another service
contact_channel-self_referral = Came forward on their own
contact_channel-other = Other

work_sector-agriculture = Agriculture
work_sector-construction = Construction
work_sector-logistics = Logistics
work_sector-domestic_work = Domestic work
work_sector-care_work = Care work
work_sector-manufacturing = Manufacturing
work_sector-hospitality = Hospitality
work_sector-retail = Retail
work_sector-other = Other
work_sector-unknown = Unknown

declared_legal_status-italian_or_eu_citizen = Italian or EU citizen
declared_legal_status-residence_permit = Valid residence permit
declared_legal_status-permit_expired = Expired permit
declared_legal_status-asylum_seeker = Asylum seeker
declared_legal_status-international_protection = International protection
declared_legal_status-no_permit = No residence permit
declared_legal_status-unknown = Not declared

screening_status-draft = Draft
screening_status-sent = Sent

need_area-training = Training
need_area-work = Work
need_area-housing = Housing
need_area-health = Health
need_area-legal_aid = Legal aid
need_area-union_aid = Union support
need_area-social_support = Social support
need_area-documents = Documents
need_area-language = Italian language

plan_status-draft = Draft
plan_status-in_review = Under working-group review
plan_status-approved = Approved
plan_status-superseded = Superseded

action_status-open = To do
action_status-done = Done
action_status-dropped = Dropped

review_verdict-comment = Comment
review_verdict-approve = Approval
review_verdict-request_changes = Changes requested

case_event_kind-reported = Screening received
case_event_kind-screening_added = Further screening added to the case
case_event_kind-transition = Change of state
case_event_kind-assessment = First assessment
case_event_kind-team_member_added = Working-group member added
case_event_kind-team_member_removed = Working-group member removed
case_event_kind-plan_drafted = New plan version
case_event_kind-plan_submitted = Plan sent to the working group
case_event_kind-plan_reviewed = Plan review
case_event_kind-plan_approved = Plan approved
case_event_kind-plan_changes_requested = Changes to the plan requested
case_event_kind-agreement_recorded = The person agreed to the plan
case_event_kind-action_done = Action done
case_event_kind-action_dropped = Action dropped

audit_action-read = Read
audit_action-create = Create
audit_action-update = Update
audit_action-transition = Change of state
audit_action-login = Sign-in
audit_action-login_failed = Failed sign-in
audit_action-logout = Sign-out
audit_action-token_created = API token created

pager-label = Pagination
pager-previous = Previous
pager-next = Next
pager-status = Page { $page } of { $pages }
list-total =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
list-empty = No results.
filter-apply = Filter
filter-search = Search
filter-all = All
yes = Yes
no = No
save = Save
cancel = Cancel
back = Back

login-title = Sign in
login-email = E-mail
login-password = Password
login-submit = Sign in
home-title = Welcome to SOLEIL
footer-note = SOLEIL · Personal data is protected: every access is logged.
