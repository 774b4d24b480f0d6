# Employers: records, sites, needs surveys and logins.
# Every id starts with "employers-", except the errors.

error-employer_exists = An employer with this VAT number is already registered in the region.
error-vat_number_length = A VAT number has 11 digits (the IT prefix is optional).
error-vat_number_check_digit = The VAT number is not valid: check its digits.
error-vat_number_office = The VAT number has no valid office code.
error-invalid_company_tax_code = The company's tax code is not valid: 11 digits or 16 characters.
error-unknown_ateco_code = ATECO code not found: give at least the division, for example 01 or 56.10.
error-unknown_ateco_section = ATECO section not found: give a letter from A to V.
error-date_in_the_future = The date cannot be in the future.
error-out_of_range = The number is outside the allowed range.
error-needed_before_survey = The date needed comes before the survey.
error-too_many_rows = Too many rows: 50 at most.
error-period_ends_before_start = The end of the period comes before its start.
