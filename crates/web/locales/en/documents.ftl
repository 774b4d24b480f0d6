# Identity and stay documents of a person, and reminders before a permit
# expires. Every id starts with "documents-", except the shared
# vocabularies, the errors, the notices and the menu entry.

document_kind-passport = Passport
document_kind-identity_card = Identity card
document_kind-residence_permit = Residence permit
document_kind-permit_receipt = Receipt of a permit application or renewal
document_kind-other = Other document

permit_type-art18_special_protection = Special cases – art. 18 Legislative Decree 286/1998, social protection
permit_type-art18ter_labour_exploitation = Art. 18-ter Legislative Decree 286/1998, victims of illegal intermediation and labour exploitation
permit_type-art22_12quater = Art. 22(12-quater) Legislative Decree 286/1998 (replaced by art. 18-ter, Decree-Law 145/2024)
permit_type-international_protection_refugee = International protection – refugee status
permit_type-subsidiary_protection = Subsidiary protection
permit_type-special_protection = Special protection (art. 19 Legislative Decree 286/1998)
permit_type-work_employed = Employment
permit_type-work_self_employed = Self-employment
permit_type-seeking_employment = Seeking employment
permit_type-family = Family
permit_type-study = Study
permit_type-minor = Minor
permit_type-other = Other grounds

reminder_stage-60 = 60 days before expiry
reminder_stage-30 = 30 days before expiry
reminder_stage-7 = 7 days before expiry

case_event_kind-document_added = Document recorded
case_event_kind-permit_reminder = Permit expiry reminder
audit_action-delete = Removal
nav-reminders = Permit expiries
done-document-added = Document recorded.
done-document-saved = Document updated.
done-document-removed = Document removed.
done-reminder-done = Reminder marked as handled.

error-permit_type_required = Give the type of residence permit.
error-permit_type_not_for_kind = Only a residence permit has a type.
error-expiry_required = Give the expiry date: passports and permits always carry one.
error-expiry_before_issue = The expiry must come after the issue date.
error-issued_in_the_future = The issue date cannot be in the future.
error-invalid_document_number = The number may hold only letters, digits, spaces, "-" and "/".
error-document_number_length = The document number must have from 5 to 30 letters or digits.
error-reminder_done = This reminder was handled already.

documents-title = Identity and stay documents
documents-none = No document recorded.
documents-add-title = Add a document
documents-edit-title = Edit the document
documents-add = Add the document
documents-save = Save the document
documents-edit = Edit
documents-remove = Remove
documents-choose = Choose…
documents-field-kind = Kind of document
documents-field-permit_type = Type of permit
documents-permit_type-hint = For residence permits only.
documents-field-number = Number
documents-field-issued_by = Issued by
documents-issued_by-hint = Issuing country, or authority (for a permit: the questura).
documents-field-issued_on = Issue date
documents-field-expires_on = Expiry date
documents-expires_on-hint = Required for passports and residence permits.
documents-field-notes = Notes
documents-expired = Expired
documents-expires-today = Expires today
documents-expires-in = { $days ->
    [one] Expires tomorrow
   *[other] Expires in { $days } days
}
documents-days-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}
documents-expired-since = { $days ->
    [one] expired { $days } day ago
   *[other] expired { $days } days ago
}
documents-reminders-title = Residence permit expiries
documents-reminders-intro = Permits expiring within 60 days: accompany the person to the renewal at the questura, then mark the reminder as handled.
documents-reminders-none = No open reminder.
documents-reminders-count = { $count ->
    [one] { $count } open reminder
   *[other] { $count } open reminders
}
documents-col-person = Person
documents-col-document = Document
documents-col-expires = Expiry
documents-col-stage = Reminder
documents-col-assigned = Case manager
documents-col-done = Actions
documents-unassigned = Nobody: the secretariat
documents-person-hidden = Restricted
documents-mark-done = Mark as handled
documents-home-reminders = { $count ->
    [one] You have { $count } expiring residence permit to follow.
   *[other] You have { $count } expiring residence permits to follow.
}
