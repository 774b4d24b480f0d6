# Emersione: new contact, persons, a person's file, first-profiling screenings.

intake-contact-title = New contact
intake-contact-lead = Record the person you met and what you learnt first. Required fields are marked; everything else can be completed later.
intake-person-legend = Person
intake-anonymous = Anonymous contact
intake-anonymous-hint = The person does not want to give their name: only a description is kept, with no name, phone or date of birth.
intake-alias = Description or nickname
intake-alias-hint = Required for an anonymous contact (e.g. "man, about 30, speaks Punjabi").
intake-given_name = Given name
intake-surname = Surname
intake-sex = Sex
intake-date_of_birth = Date of birth
intake-date-hint = Format dd/mm/yyyy.
intake-nationality = Nationality
intake-nationality-hint = Two-letter ISO code (e.g. IN, MA, SN, NG).
intake-phone = Phone
intake-place_of_birth = Place of birth
intake-place_of_birth-hint = Italian comune or foreign country, in Italian as on the document (e.g. Roma, Marocco).
intake-codice_fiscale = Codice fiscale (tax code)
intake-codice_fiscale-hint = 16 characters, as on the health card or the Revenue Agency's certificate.
intake-choose = Choose…
intake-not-stated = Not stated

intake-profile-legend = First profile
intake-contact_channel = How the person was met
intake-contact_channel-required = How the person was met (required)
intake-work_place = Where they work
intake-work_place-hint = Municipality, province or a description of the place.
intake-sector = Work sector
intake-legal_status = Declared legal status
intake-urgent-legend = Urgent needs
intake-urgent-hint = Any urgent need raises the priority of the referral.
intake-urgent-danger = The person is in danger
intake-urgent-health = Health problems
intake-urgent-no_shelter = No shelter
intake-urgent-minors = Minors involved
intake-no-urgent-needs = None
intake-languages = Languages spoken
intake-other-languages = Other languages
intake-other-languages-hint = ISO codes separated by commas (e.g. tl, ta, ff).
intake-consent_to_referral = The person consents to be referred to the network
intake-consent-hint = Without consent the referral stays with the technical secretariat and is not shared with other services.
intake-notes = Notes
intake-notes-hint = Only what the case needs.

intake-language-it = Italian
intake-language-en = English
intake-language-fr = French
intake-language-ar = Arabic
intake-language-pa = Punjabi
intake-language-hi = Hindi
intake-language-ur = Urdu
intake-language-bn = Bengali
intake-language-wo = Wolof
intake-language-ro = Romanian
intake-language-sq = Albanian
intake-language-uk = Ukrainian

intake-submit-send = Send to the technical secretariat
intake-submit-draft = Save as draft
intake-submit-save-draft = Save the draft
intake-errors-title = The form has errors

intake-new-screening-title = New first-profiling screening
intake-edit-screening-title = Edit the draft screening
intake-screening-for = Person: { $name }
intake-back-to-file = Back to the person's file

intake-persons-title = Persons
intake-persons-search = Search by name, description or phone
intake-persons-search-hint = Only the persons your profile gives access to are shown.
intake-persons-caption = Recorded persons, newest first
intake-col-name = Name or description
intake-col-open = Actions
intake-recorded-on = Recorded on
intake-anonymous-badge = Anonymous
intake-open-file = Open the file

intake-back-to-persons = Back to the list of persons
intake-identity-title = Personal details
intake-cases-title = Cases
intake-no-cases = No case yet: the screening has not been sent to the secretariat.
intake-col-opened-on = Opened on
intake-col-state = State
intake-col-priority = Priority
intake-open-case = Open the case
intake-screenings-title = First-profiling screenings
intake-add-screening = Add a screening
intake-no-screenings = No screening recorded.
intake-screening-of = Screening of { $date }
intake-status = Status
intake-sent-on = Sent on
intake-open-case-of-screening = Open the linked case
intake-edit-screening = Edit the screening
intake-send-screening = Send to the technical secretariat


error-invalid_choice = Choose one of the items of the list.
error-invalid_date = Not a valid date: use the format dd/mm/yyyy.

# Codice fiscale and place of birth.
intake-codice-fiscale-suggestion = Computed codice fiscale
intake-codice-fiscale-suggestion-hint = Computed from the given name, surname, sex, date and place of birth: check it against the card or document; it is not saved. If the Revenue Agency gave a different code (omocodia), the one on the document holds.
error-invalid_codice_fiscale = Not a valid codice fiscale: it has 16 characters, letters and digits in their places.
error-codice_fiscale_check_character = The check character (the last one) does not match: check the code character by character.
error-codice_fiscale_mismatch = The codice fiscale does not match the date of birth or sex given.
error-codice_fiscale_sex = A codice fiscale is computed only for the female or male sex.
error-codice_fiscale_not_computable = No codice fiscale can be computed from this text: it needs letters of the Latin alphabet, as on the document.
error-unknown_birth_place = Place not found: write the name of the Italian comune, or of the foreign country in Italian (e.g. «Marocco»), or its ISO code (e.g. MA).
error-ambiguous_birth_place = Several places have this name: add the province's abbreviation, e.g. «Castro (LE)».
