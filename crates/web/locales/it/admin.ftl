# Amministrazione della rete, registro accessi e monitoraggio.

admin-filters = Filtri
admin-filters-clear = Azzera i filtri
admin-region = Regione
admin-kind = Tipo di ente
admin-created-on = Registrato il

admin-organisations-title = Enti della rete
admin-organisations-caption = Enti della rete, per regione e nome
admin-organisation-new = Nuovo ente
admin-organisation-new-title = Registra un ente della rete
admin-organisation-name = Nome dell'ente
admin-organisation-search = Cerca per nome
admin-organisation-create = Registra l'ente
admin-back-to-organisations = Torna all'elenco degli enti

admin-users-title = Utenti
admin-users-caption = Utenti, per nome
admin-user-new = Nuovo utente
admin-user-new-title = Crea un utente
admin-user-name = Nome e cognome
admin-user-search = Cerca per nome o e-mail
admin-user-create = Crea l'utente
admin-back-to-users = Torna all'elenco degli utenti
admin-email = E-mail
admin-role = Ruolo
admin-organisation = Ente
admin-no-organisation = Nessun ente (solo amministrazione e revisori)
admin-organisation-hint = Obbligatorio per tutti i ruoli tranne amministrazione e revisori; la regione dell'utente è quella dell'ente.
admin-password = Password iniziale
admin-password-hint = Almeno 10 caratteri. Comunicarla all'utente per un canale sicuro.
admin-access = Accesso
admin-active = Attivo
admin-inactive = Disattivato
admin-activate = Riattiva l'accesso
admin-deactivate = Disattiva l'accesso
done-admin-activated = Accesso dell'utente riattivato.
done-admin-deactivated = Accesso dell'utente disattivato: le sue sessioni non sono più valide.

admin-audit-title = Registro accessi
admin-audit-lead = Chi ha letto o modificato quali dati, e quando. Il registro non si può modificare.
admin-audit-caption = Eventi del registro, dal più recente
admin-audit-time = Data e ora
admin-audit-actor = Utente (e-mail)
admin-audit-action = Operazione
admin-audit-entity = Tipo di dato
admin-audit-entity-id = Identificativo del dato
admin-audit-detail = Dettaglio
admin-audit-from = Dal giorno
admin-audit-to = Al giorno

admin-entity-person = Persona
admin-entity-screening = Scheda di prima profilazione
admin-entity-case = Presa in carico
admin-entity-assessment = Prima valutazione
admin-entity-plan = Piano personalizzato
admin-entity-plan_review = Parere sul piano
admin-entity-plan_action = Azione del piano
admin-entity-user = Utente
admin-entity-organisation = Ente

admin-statistics-title = Monitoraggio delle prese in carico
admin-statistics-lead = Solo dati aggregati: nessun dato identificativo delle persone.
admin-statistics-caption = Prese in carico per stato, regione { $region }
admin-statistics-caption-all = Prese in carico per stato, tutte le regioni
admin-statistics-cases = Prese in carico
admin-statistics-total = Totale
