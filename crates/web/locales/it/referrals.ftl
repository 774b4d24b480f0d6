# Invii da un caso a un servizio. Ogni id comincia con "referrals-",
# tranne i vocabolari condivisi, gli errori e gli avvisi.

case_event_kind-referral_sent = Invio a un servizio
case_event_kind-referral_accepted = Invio accettato
case_event_kind-referral_declined = Invio rifiutato
case_event_kind-referral_completed = Invio concluso
case_event_kind-referral_cancelled = Invio annullato

error-consent_required = La persona deve acconsentire alla condivisione con questo ente.
error-referral_changed_meanwhile = L'invio è cambiato nel frattempo: ricaricalo e controllane lo stato.

referral_state-sent = Inviato, in attesa di risposta
referral_state-accepted = Accettato
referral_state-declined = Rifiutato
referral_state-completed = Concluso
referral_state-cancelled = Annullato
referral_share-identity = Nomi
referral_share-contact = Telefono
referral_share-languages = Lingue
referral_share-screening_summary = Sintesi dello screening (settore, luogo di lavoro, bisogni urgenti, esito)
referral_share-plan_actions = Azioni del piano

nav-referrals = Invii
done-referral-sent = Invio trasmesso al servizio.
done-referral-accepted = Invio accettato.
done-referral-declined = Invio rifiutato.
done-referral-completed = Invio concluso: chi l'ha inviato vede il tuo riscontro.
done-referral-cancelled = Invio annullato.

referrals-title = Invii
referrals-intro-receiver = Gli invii ricevuti dal tuo servizio: vedi solo ciò che la persona ha acconsentito a condividere.
referrals-intro-sender = Gli invii dei tuoi casi ai servizi della rete.
referrals-filter-overdue = Solo quelli scaduti
referrals-filter = Filtra
referrals-none = Nessun invio.
referrals-open-case = Apri il caso
referrals-overdue = Scaduto
referrals-overdue-count = { $count } scaduti
referrals-section-title = Invii ai servizi
referrals-section-none = Ancora nessun invio.
referrals-section-caption = Gli invii del caso, dal più recente
referrals-col-service = Servizio
referrals-col-request = Richiesta
referrals-col-due = Entro il
referrals-col-shares = Condiviso
referrals-col-state = Stato
referrals-cancel = Annulla l'invio
referrals-send-title = Invia la persona a un servizio
referrals-choose = Scegli…
referrals-field-organisation_id = Servizio
referrals-field-area = Area di bisogno
referrals-field-description = Che cosa si chiede
referrals-field-due_date = Risposta entro il
referrals-field-shares = Che cosa si condivide con il servizio
referrals-field-consent = La persona acconsente alla condivisione di questi dati con questo ente
referrals-field-reason = Motivo del rifiuto
referrals-field-feedback = Riscontro: che cosa è stato fatto
referrals-send = Invia
referrals-accept = Accetta
referrals-decline = Rifiuta
referrals-complete = Concludi
referrals-shared-title = Dati condivisi
referrals-shared-nothing = Nulla della persona è stato condiviso.
referrals-shared-name = Nome
referrals-shared-phone = Telefono
referrals-shared-languages = Lingue
referrals-shared-sector = Settore
referrals-shared-work-place = Luogo di lavoro
referrals-shared-urgent = Bisogni urgenti
referrals-shared-outcome = Esito dello screening
referrals-urgent-danger = pericolo
referrals-urgent-health = salute
referrals-urgent-no_shelter = senza alloggio
referrals-urgent-minors = minori
