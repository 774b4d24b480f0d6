# Network administration, access log and monitoring.

admin-filters = Filters
admin-filters-clear = Clear the filters
admin-region = Region
admin-kind = Kind of organisation
admin-created-on = Registered on

admin-organisations-title = Network organisations
admin-organisations-caption = Network organisations, by region and name
admin-organisation-new = New organisation
admin-organisation-new-title = Register a network organisation
admin-organisation-name = Name of the organisation
admin-organisation-search = Search by name
admin-organisation-create = Register the organisation
admin-back-to-organisations = Back to the list of organisations

admin-users-title = Users
admin-users-caption = Users, by name
admin-user-new = New user
admin-user-new-title = Create a user
admin-user-name = Full name
admin-user-search = Search by name or e-mail
admin-user-create = Create the user
admin-back-to-users = Back to the list of users
admin-email = E-mail
admin-role = Role
admin-organisation = Organisation
admin-no-organisation = No organisation (admins and auditors only)
admin-organisation-hint = Required for every role but admins and auditors; the user's region is the organisation's.
admin-password = Initial password
admin-password-hint = At least 10 characters. Give it to the user through a safe channel.
admin-access = Access
admin-active = Active
admin-inactive = Deactivated
admin-activate = Reactivate access
admin-deactivate = Deactivate access
done-admin-activated = The user's access was reactivated.
done-admin-deactivated = The user's access was deactivated: their sessions no longer work.

admin-audit-title = Access log
admin-audit-lead = Who read or changed which data, and when. The log cannot be changed.
admin-audit-caption = Events of the log, newest first
admin-audit-time = Date and time
admin-audit-actor = User (e-mail)
admin-audit-action = Operation
admin-audit-entity = Kind of record
admin-audit-entity-id = Record id
admin-audit-detail = Detail
admin-audit-from = From
admin-audit-to = To

admin-entity-person = Person
admin-entity-screening = First-profiling screening
admin-entity-case = Case
admin-entity-assessment = First assessment
admin-entity-plan = Personalised plan
admin-entity-plan_review = Plan review
admin-entity-plan_action = Plan action
admin-entity-user = User
admin-entity-organisation = Organisation

admin-statistics-title = Case monitoring
admin-statistics-lead = Aggregates only: no data that identifies a person.
admin-statistics-caption = Cases per state, region { $region }
admin-statistics-caption-all = Cases per state, all regions
admin-statistics-cases = Cases
admin-statistics-total = Total
