# Case pages: triage queue, list, case file, first assessment.
# Every id starts with "cases-".

cases-queue-title = Triage queue
cases-queue-intro = Reports waiting for the first assessment: urgent first, then oldest first.
cases-queue-caption = Reports to assess, by priority and arrival
cases-queue-empty = No reports waiting for assessment.
cases-list-title = Cases
cases-list-caption = Cases visible to your profile, newest first
cases-filter-label = Filter the cases
cases-filter-q = Person's name
cases-col-priority = Priority
cases-col-person = Person
cases-col-state = State
cases-col-received = Received on
cases-col-opened = Opened on
cases-col-case-manager = Case manager
cases-col-link = Link
cases-open = Open
cases-none = none
cases-not-yet = Not set yet
cases-choose = Choose…
cases-breadcrumb = Breadcrumb

cases-header-person = Person
cases-header-decision = First assessment decision
cases-header-zonal-group = Zonal coordination group
cases-header-case-manager = Case manager
cases-header-opened = Report received on

cases-actions-title = What you can do now
cases-actions-none = Your profile has nothing to do on this case at this stage.
cases-take-in-charge = Take in charge for assessment
cases-assess-link = Record the first assessment
cases-leave-emergency-title = From emergency to a personalised path
cases-leave-emergency = Start the personalised path
cases-submit-plan = Submit the plan to the working group
cases-take-back-plan = Take the plan back to change it
cases-start-inclusion = Start inclusion
cases-submit-needs-draft = To submit the plan to the working group, write a draft with at least one need and one action.
cases-inclusion-waits = Inclusion starts once the working group has approved the plan and the person has agreed to it.
cases-close-title = Closing the case
cases-close = Close the case
cases-field-to = Change of state
cases-field-closing_reason = Reason for closing
cases-field-note = Note
cases-field-case_manager_id = Case manager
cases-field-zonal_group = Zonal coordination group
cases-field-user_id = Member to add

cases-person-title = Person
cases-person-name = Name or description
cases-person-anonymous = Anonymous contact
cases-person-sex = Sex
cases-person-born = Date of birth
cases-person-nationality = Nationality
cases-person-link = The person's full record

cases-screening-title = First profiling
cases-screening-sent = Sheet sent on { $date }
cases-screening-draft = Draft sheet
cases-screening-none = No sheet is linked to this case.
cases-screening-channel = How the contact happened
cases-screening-work-place = Place of work
cases-screening-sector = Sector
cases-screening-legal-status = Declared legal status
cases-screening-urgent = Urgent needs
cases-screening-urgent-none = None
cases-screening-languages = Languages spoken
cases-screening-consent = Consent to referral to services
cases-screening-notes = Notes
cases-urgent-danger = Danger to safety
cases-urgent-health = Urgent health need
cases-urgent-no_shelter = No shelter
cases-urgent-minors = Minors involved

cases-assessment-title = First assessment
cases-assessment-none = The first assessment has not been recorded yet.
cases-assessment-by = Recorded by { $name }

cases-team-title = Zonal working group
cases-team-empty = The working group has no members.
cases-team-caption = Members of the case's working group
cases-team-name = Name
cases-team-role = Role
cases-team-organisation = Organisation
cases-team-added = Added on
cases-team-remove-col = Removal
cases-team-remove = Remove
cases-team-add-title = Add a member
cases-team-add = Add to the working group
cases-team-no-candidates = There are no other active service users or case managers in the region to add.

cases-plan-title = Personalised plan
cases-plan-none = The personalised plan has not been written yet.
cases-plan-write = Write the plan
cases-plan-open = Open the plan
cases-plan-created = Created on { $date }
cases-plan-submitted = Submitted to the working group on { $date }
cases-plan-approved = Approved on { $date }
cases-plan-agreed = The person's agreement recorded on { $date }

cases-timeline-title = Timeline
cases-note-version = Version { $version }

cases-assess-title = First assessment
cases-assess-decision = Decision
cases-decision-help-emergency_response = Danger or urgent needs: emergency shelter, anti-trafficking system, art. 18 protection.
cases-decision-help-personalised_path = The person enters the pathway: name the zonal group and the case manager who will write the plan.
cases-decision-help-not_in_scope = Not a case of labour exploitation: the case closes, with the reason.
cases-decision-help-refer_elsewhere = Another organisation fits better: say which and why; the case closes as transferred.
cases-assess-common = Check and summary
cases-assess-declared = At first profiling the person declared: { $status }.
cases-assess-legal_status_checked = Outcome of the legal-status check
cases-assess-summary = Summary of the assessment
cases-assess-path = Personalised path only
cases-assess-zonal_group = Zonal coordination group
cases-assess-case_manager_id = Case manager
cases-assess-elsewhere = Referral elsewhere or not in scope only
cases-assess-referred_to = Organisation to refer the person to
cases-assess-reason = Reason
cases-assess-submit = Record the assessment

# The links of phase 3 on a case in inclusion.
cases-inclusion-title = Inclusion
cases-inclusion-disbursements = Allowances and vouchers
cases-inclusion-courses = Labs and attendance
cases-inclusion-work-placements = Work placements
