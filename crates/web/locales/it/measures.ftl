# Misure di sostegno: linee di budget ed erogazioni.
error-amount_is_computed = L'importo dell'indennità si calcola dalle presenze: non va scritto.
error-amount_not_positive = L'importo deve essere maggiore di zero.
error-attendance_below_threshold = Le presenze nel periodo non raggiungono la soglia del laboratorio.
error-budget_below_committed = L'importo non può scendere sotto quanto già impegnato.
error-budget_code_taken = La regione ha già una linea di budget con questo codice.
error-budget_exhausted = La linea di budget non ha fondi sufficienti; residuo:
error-cap_above_amount = Il tetto per persona non può superare l'importo della linea.
error-course_has_no_allowance = Il laboratorio non prevede un'indennità di frequenza.
error-enrolment_id_required = Indicare l'iscrizione al laboratorio.
error-enrolment_only_for_allowance = L'iscrizione si indica solo per l'indennità di frequenza.
error-invalid_amount = Scrivere l'importo in euro, per esempio 1.250,50.
error-measure_not_on_line = La linea di budget non finanzia questa misura.
error-no_attendance_in_period = Nessuna presenza registrata nel periodo.
error-outside_line_period = Il periodo esce dalla validità della linea di budget.
error-paid_in_the_future = La data di pagamento non può essere futura.
error-per_person_cap_exceeded = Si supera il tetto per persona della linea; residuo:
