# Offerte di lavoro, profili lavorativi, abbinamenti, candidature e recruiting day.
# Codici già definiti altrove e riusati qui: consent_required (referrals),
# unknown_comune, too_many (directory), invalid_language (main),
# hours_out_of_range, unknown_employer, case_not_in_inclusion (work_placements).

case_event_kind-candidate_proposed = Candidatura a un'offerta di lavoro, con il consenso della persona
case_event_kind-proposal_answered = Risposta a una candidatura

error-unknown_occupation = Professione sconosciuta: indicare un gruppo professionale ISCO-08 di quattro cifre.
error-unknown_sector = Settore di laboratorio sconosciuto.
error-positions_out_of_range = I posti disponibili vanno da 1 a 500.
error-invalid_skill = Competenza non valida: parole brevi, al massimo 40 caratteri.
error-offer_not_open = L'offerta non è più aperta.
error-already_proposed = La persona è già stata candidata a questa offerta.
error-proposal_closed = La candidatura è già chiusa.
