# Inserimenti lavorativi (tirocini, apprendistati, impieghi) e follow-up.

case_event_kind-work_placement_started = Inserimento lavorativo avviato
case_event_kind-work_placement_ended = Inserimento lavorativo concluso
case_event_kind-follow_up_recorded = Follow-up dell'inserimento registrato

error-start_after_end = La data di fine deve essere successiva all'inizio.
error-internship_too_long = Un tirocinio extracurricolare dura al massimo 12 mesi.
error-apprenticeship_too_short = Un apprendistato professionalizzante dura almeno 6 mesi.
error-mentor_required = Indica il tutor aziendale: è obbligatorio per tirocini e apprendistati.
error-end_required = Indica la data di fine: è obbligatoria per tirocini e contratti a termine o stagionali.
error-end_not_for_permanent = Un contratto a tempo indeterminato non ha data di fine.
error-contract_type_required = Indica il tipo di contratto.
error-contract_type_not_for_kind = Il tipo di contratto vale solo per l'impiego.
error-hours_out_of_range = Le ore settimanali vanno da 1 a 48.
error-negative_amount = L'importo non può essere negativo.
error-end_before_start = La conclusione non può precedere l'inizio.
error-ended_in_the_future = La data di conclusione non può essere futura.
error-end_note_required = Spiega il motivo della conclusione.
error-unknown_employer = Datore di lavoro sconosciuto in questa regione.
error-offer_not_of_employer = L'offerta non è di questo datore di lavoro.
error-proposal_not_for_placement = La candidatura non corrisponde a questa persona, offerta o datore di lavoro.
error-case_not_in_inclusion = Il caso non è in fase di inclusione.
error-placement_ended = L'inserimento è già concluso.
error-follow_up_not_due = Il follow-up si può registrare solo da 14 giorni prima della scadenza.
error-follow_up_recorded = Questo follow-up è già stato registrato.
