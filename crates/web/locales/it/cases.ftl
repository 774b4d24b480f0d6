# Pagine delle prese in carico: coda di valutazione, elenco, fascicolo,
# prima valutazione. Tutti gli id iniziano con "cases-".

cases-queue-title = Coda di valutazione
cases-queue-intro = Le segnalazioni in attesa della prima valutazione: prima le urgenti, poi le più vecchie.
cases-queue-caption = Segnalazioni da valutare, in ordine di priorità e di arrivo
cases-queue-empty = Nessuna segnalazione in attesa di valutazione.
cases-list-title = Prese in carico
cases-list-caption = Prese in carico visibili con il proprio profilo, dalle più recenti
cases-filter-label = Filtra le prese in carico
cases-filter-q = Nome della persona
cases-col-priority = Priorità
cases-col-person = Persona
cases-col-state = Stato
cases-col-received = Ricevuta il
cases-col-opened = Aperta il
cases-col-case-manager = Case manager
cases-col-link = Collegamento
cases-open = Apri
cases-none = nessuno
cases-not-yet = Non ancora indicato
cases-choose = Scegliere…
cases-breadcrumb = Percorso di navigazione

cases-header-person = Persona
cases-header-decision = Decisione della prima valutazione
cases-header-zonal-group = Gruppo di coordinamento zonale
cases-header-case-manager = Case manager
cases-header-opened = Segnalazione ricevuta il

cases-actions-title = Cosa si può fare ora
cases-actions-none = Con il proprio profilo non ci sono azioni possibili in questa fase.
cases-take-in-charge = Prendi in carico per la valutazione
cases-assess-link = Registra la prima valutazione
cases-leave-emergency-title = Dall'emergenza al percorso personalizzato
cases-leave-emergency = Avvia il percorso personalizzato
cases-submit-plan = Invia il piano al gruppo di lavoro
cases-take-back-plan = Ritira il piano per modificarlo
cases-start-inclusion = Avvia l'inclusione
cases-submit-needs-draft = Per inviare il piano al gruppo di lavoro serve una bozza con almeno un bisogno e un'azione.
cases-inclusion-waits = L'inclusione si avvia quando il gruppo di lavoro ha approvato il piano e la persona vi ha aderito.
cases-close-title = Chiusura della presa in carico
cases-close = Chiudi la presa in carico
cases-field-to = Passaggio di stato
cases-field-closing_reason = Motivo della chiusura
cases-field-note = Nota
cases-field-case_manager_id = Case manager
cases-field-zonal_group = Gruppo di coordinamento zonale
cases-field-user_id = Operatore da aggiungere

cases-person-title = Persona
cases-person-name = Nome o descrizione
cases-person-anonymous = Contatto anonimo
cases-person-sex = Sesso
cases-person-born = Data di nascita
cases-person-nationality = Nazionalità
cases-person-link = Scheda completa della persona

cases-screening-title = Prima profilazione
cases-screening-sent = Scheda inviata il { $date }
cases-screening-draft = Scheda in bozza
cases-screening-none = Nessuna scheda collegata a questa presa in carico.
cases-screening-channel = Come è avvenuto il contatto
cases-screening-work-place = Luogo di lavoro
cases-screening-sector = Settore
cases-screening-legal-status = Posizione giuridica dichiarata
cases-screening-urgent = Bisogni urgenti
cases-screening-urgent-none = Nessuno
cases-screening-languages = Lingue parlate
cases-screening-consent = Consenso all'invio ai servizi
cases-screening-notes = Note
cases-urgent-danger = Pericolo per l'incolumità
cases-urgent-health = Bisogno sanitario urgente
cases-urgent-no_shelter = Senza alloggio
cases-urgent-minors = Presenza di minori

cases-assessment-title = Prima valutazione
cases-assessment-none = La prima valutazione non è ancora stata registrata.
cases-assessment-by = Registrata da { $name }

cases-team-title = Gruppo di lavoro zonale
cases-team-empty = Nessun componente nel gruppo di lavoro.
cases-team-caption = Componenti del gruppo di lavoro della presa in carico
cases-team-name = Nome
cases-team-role = Ruolo
cases-team-organisation = Ente
cases-team-added = Aggiunto il
cases-team-remove-col = Rimozione
cases-team-remove = Rimuovi
cases-team-add-title = Aggiungi un componente
cases-team-add = Aggiungi al gruppo di lavoro
cases-team-no-candidates = Non ci sono altri operatori dei servizi o case manager attivi nella regione da aggiungere.

cases-plan-title = Piano personalizzato
cases-plan-none = Il piano personalizzato non è ancora stato scritto.
cases-plan-write = Scrivi il piano
cases-plan-open = Apri il piano
cases-plan-created = Creato il { $date }
cases-plan-submitted = Inviato al gruppo di lavoro il { $date }
cases-plan-approved = Approvato il { $date }
cases-plan-agreed = Adesione della persona registrata il { $date }

cases-timeline-title = Cronologia
cases-note-version = Versione { $version }

cases-assess-title = Prima valutazione
cases-assess-decision = Decisione
cases-decision-help-emergency_response = Pericolo o bisogni urgenti: accoglienza in emergenza, sistema antitratta, percorso art. 18.
cases-decision-help-personalised_path = La persona entra nel percorso: si indicano il gruppo zonale e il case manager che scriverà il piano.
cases-decision-help-not_in_scope = La situazione non riguarda lo sfruttamento lavorativo: la presa in carico si chiude, indicando il motivo.
cases-decision-help-refer_elsewhere = Un altro ente è più adatto: si indica quale e perché; la presa in carico si chiude come inviata.
cases-assess-common = Verifica e sintesi
cases-assess-declared = Alla prima profilazione la persona ha dichiarato: { $status }.
cases-assess-legal_status_checked = Esito della verifica della posizione giuridica
cases-assess-summary = Sintesi della valutazione
cases-assess-path = Solo per il percorso personalizzato
cases-assess-zonal_group = Gruppo di coordinamento zonale
cases-assess-case_manager_id = Case manager
cases-assess-elsewhere = Solo per l'invio ad altro ente o se non di competenza
cases-assess-referred_to = Ente a cui inviare la persona
cases-assess-reason = Motivazione
cases-assess-submit = Registra la valutazione

# The links of phase 3 on a case in inclusion.
cases-inclusion-title = Inclusione
cases-inclusion-disbursements = Indennità e voucher
cases-inclusion-courses = Laboratori e presenze
cases-inclusion-work-placements = Inserimenti lavorativi
