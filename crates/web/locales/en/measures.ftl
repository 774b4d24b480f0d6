# Support measures: budget lines and disbursements.
error-amount_is_computed = The allowance is computed from attendance: leave the amount blank.
error-amount_not_positive = The amount must be above zero.
error-attendance_below_threshold = Attendance in the period is below the lab's threshold.
error-budget_below_committed = The amount cannot go below what is already committed.
error-budget_code_taken = The region already has a budget line with this code.
error-budget_exhausted = The budget line has not enough money left; remaining:
error-cap_above_amount = The per-person cap cannot exceed the line's amount.
error-course_has_no_allowance = The lab pays no attendance allowance.
error-enrolment_id_required = Name the lab enrolment.
error-enrolment_only_for_allowance = An enrolment is named only for an attendance allowance.
error-invalid_amount = Write the amount in euros, for example 1,250.50.
error-measure_not_on_line = The budget line does not pay this measure.
error-no_attendance_in_period = No attendance recorded in the period.
error-outside_line_period = The period falls outside the budget line's validity.
error-paid_in_the_future = The payment date cannot be in the future.
error-per_person_cap_exceeded = This goes over the line's per-person cap; remaining:
