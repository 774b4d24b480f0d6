# Importing and exporting the services directory: the error codes of the
# import report (the report gives the field and the line).

error-file_too_large = The file is too large: 2 MiB at most. Split it into several files.
error-unreadable_file = The file cannot be read: check that it is in the format chosen (HSDS JSON, CSV or Excel .xlsx).
error-empty_file = The file holds no services.
error-too_many_lines = The sheet has too many lines: split it into several files.
error-unknown_column = Unknown column: rename it as in the list of columns, or remove it.
error-duplicate_column = Column repeated.
error-missing_column = A required column is missing.
error-differs_from_first_line = Differs from the first line of the same service: write the service's data the same or leave it blank.
error-unknown_need_area = Unknown area: use formazione, lavoro, abitare, salute, assistenza legale, tutela sindacale, sostegno sociale, documenti, lingua.
error-unknown_language = Unknown language: use its Italian or English name (e.g. punjabi, arabo) or its ISO code (e.g. pa, ar).
error-unknown_location_kind = Unknown kind of location: use sportello, sportello unico, sosta unità mobile, accoglienza or ufficio.
error-invalid_number = Not a number.
error-invalid_hours = Opening hours cannot be read: write for instance "lun-ven 9-13; mar, gio 15:00-18:00".
error-ambiguous_comune = Several comuni have this name: add the province's abbreviation, e.g. "Calliano (AT)", or use the ISTAT code.
error-invalid_id = Not a valid identifier: it must be a UUID.
error-unsupported_schedule = Schedule not supported: only weekly schedules with days (byday) and opening and closing times.
error-ambiguous_organisation = Several organisations have this name: give the organisation's id.
error-organisation_of_another_region = The organisation is in another region: only your region's services can be imported.
error-service_of_another_organisation = This id belongs to a service of another organisation.
error-duplicate_service = Service repeated in the file.

directory_import-outcome-create = New
directory_import-outcome-update = Updated
directory_import-outcome-rejected = To fix
