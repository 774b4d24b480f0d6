# Documenti di identità e di soggiorno della persona, e promemoria prima
# della scadenza del permesso. Ogni id inizia con "documents-", tranne i
# vocabolari condivisi, gli errori, gli avvisi e la voce del menu.

document_kind-passport = Passaporto
document_kind-identity_card = Carta d'identità
document_kind-residence_permit = Permesso di soggiorno
document_kind-permit_receipt = Ricevuta della richiesta di permesso o di rinnovo
document_kind-other = Altro documento

permit_type-art18_special_protection = Casi speciali – art. 18 d.lgs. 286/1998, protezione sociale
permit_type-art18ter_labour_exploitation = Art. 18-ter d.lgs. 286/1998, vittime di intermediazione illecita e sfruttamento del lavoro
permit_type-art22_12quater = Art. 22 c. 12-quater d.lgs. 286/1998 (sostituito dall'art. 18-ter, d.l. 145/2024)
permit_type-international_protection_refugee = Protezione internazionale – status di rifugiato
permit_type-subsidiary_protection = Protezione sussidiaria
permit_type-special_protection = Protezione speciale (art. 19 d.lgs. 286/1998)
permit_type-work_employed = Lavoro subordinato
permit_type-work_self_employed = Lavoro autonomo
permit_type-seeking_employment = Attesa occupazione
permit_type-family = Motivi familiari
permit_type-study = Studio
permit_type-minor = Minore età
permit_type-other = Altro motivo

reminder_stage-60 = 60 giorni alla scadenza
reminder_stage-30 = 30 giorni alla scadenza
reminder_stage-7 = 7 giorni alla scadenza

case_event_kind-document_added = Documento registrato
case_event_kind-permit_reminder = Promemoria di scadenza del permesso
audit_action-delete = Rimozione
nav-reminders = Scadenze dei permessi
done-document-added = Documento registrato.
done-document-saved = Documento aggiornato.
done-document-removed = Documento rimosso.
done-reminder-done = Promemoria segnato come gestito.

error-permit_type_required = Indica il tipo di permesso di soggiorno.
error-permit_type_not_for_kind = Solo il permesso di soggiorno ha un tipo.
error-expiry_required = Indica la data di scadenza: passaporti e permessi la riportano sempre.
error-expiry_before_issue = La scadenza deve essere successiva alla data di rilascio.
error-issued_in_the_future = La data di rilascio non può essere futura.
error-invalid_document_number = Il numero può contenere solo lettere, cifre, spazi, "-" e "/".
error-document_number_length = Il numero del documento deve avere da 5 a 30 lettere o cifre.
error-reminder_done = Questo promemoria è già stato gestito.

documents-title = Documenti di identità e di soggiorno
documents-none = Nessun documento registrato.
documents-add-title = Aggiungi un documento
documents-edit-title = Modifica il documento
documents-add = Aggiungi il documento
documents-save = Salva il documento
documents-edit = Modifica
documents-remove = Rimuovi
documents-choose = Scegli…
documents-field-kind = Tipo di documento
documents-field-permit_type = Tipo di permesso
documents-permit_type-hint = Solo per il permesso di soggiorno.
documents-field-number = Numero
documents-field-issued_by = Rilasciato da
documents-issued_by-hint = Paese di rilascio, o autorità (per il permesso: la questura).
documents-field-issued_on = Data di rilascio
documents-field-expires_on = Data di scadenza
documents-expires_on-hint = Obbligatoria per passaporto e permesso di soggiorno.
documents-field-notes = Note
documents-expired = Scaduto
documents-expires-today = Scade oggi
documents-expires-in = { $days ->
    [one] Scade domani
   *[other] Scade tra { $days } giorni
}
documents-days-left = { $days ->
    [one] manca { $days } giorno
   *[other] mancano { $days } giorni
}
documents-expired-since = { $days ->
    [one] scaduto da { $days } giorno
   *[other] scaduto da { $days } giorni
}
documents-reminders-title = Scadenze dei permessi di soggiorno
documents-reminders-intro = I permessi che scadono entro 60 giorni: accompagna la persona al rinnovo in questura, poi segna il promemoria come gestito.
documents-reminders-none = Nessun promemoria aperto.
documents-reminders-count = { $count ->
    [one] { $count } promemoria aperto
   *[other] { $count } promemoria aperti
}
documents-col-person = Persona
documents-col-document = Documento
documents-col-expires = Scadenza
documents-col-stage = Promemoria
documents-col-assigned = Case manager
documents-col-done = Azioni
documents-unassigned = Nessuno: alla segreteria
documents-person-hidden = Riservato
documents-mark-done = Segna come gestito
documents-home-reminders = { $count ->
    [one] Hai { $count } permesso di soggiorno in scadenza da seguire.
   *[other] Hai { $count } permessi di soggiorno in scadenza da seguire.
}
