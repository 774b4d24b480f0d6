# Interfaccia di SOLEIL: messaggi comuni. Gli altri file di questa cartella
# contengono i testi delle singole pagine.

app-name = SOLEIL
app-tagline = Rete regionale contro lo sfruttamento lavorativo
skip-to-content = Vai al contenuto principale
switch-language = English
switch-language-label = Switch to English

nav-home = Inizio
nav-new-contact = Nuova segnalazione
nav-persons = Persone
nav-courses = Laboratori
nav-disbursements = Erogazioni
nav-budgets = Misure e budget
nav-employers = Imprese
nav-job-offers = Offerte di lavoro
nav-work-placements = Inserimenti lavorativi
nav-employer-portal = La mia impresa
nav-queue = Coda di valutazione
nav-cases = Prese in carico
nav-statistics = Statistiche dei casi
nav-organisations = Enti della rete
nav-users = Utenti
nav-audit = Registro accessi
nav-sign-out = Esci
nav-main = Menu principale
signed-in-as = Accesso come { $name }

# Esiti e conferme
done-saved = Salvato.
done-sent = Segnalazione inviata alla segreteria tecnica regionale.
done-assessed = Valutazione registrata.
done-moved = Stato della presa in carico aggiornato.
done-team = Gruppo di lavoro aggiornato.
done-plan-saved = Bozza del piano salvata.
done-plan-submitted = Piano inviato al gruppo di lavoro zonale.
done-reviewed = Parere registrato.
done-agreed = Adesione della persona registrata.
done-action = Azione aggiornata.
done-created = Creato.

# Errori
error-page-title = Si è verificato un problema
error-required = Campo obbligatorio.
error-too_long = Testo troppo lungo.
error-invalid_email = Indirizzo e-mail non valido.
error-email_taken = Esiste già un utente con questo indirizzo e-mail.
error-password_too_short = La password deve avere almeno 10 caratteri.
error-invalid_phone = Numero di telefono non valido.
error-invalid_country = Indicare la nazionalità con il codice ISO di due lettere (es. IN, MA, SN).
error-invalid_language = Indicare le lingue con il codice ISO (es. pa, ar, bn).
error-implausible_date = Data non plausibile.
error-anonymous_with_identity = Un contatto anonimo non può avere nome, telefono o data di nascita.
error-name_required = Indicare almeno il nome o il cognome, oppure registrare un contatto anonimo.
error-unknown_organisation = Ente non trovato.
error-organisation_exists = Esiste già un ente con questo nome nella regione.
error-not_a_case_manager = Scegliere un case manager attivo della stessa regione.
error-not_a_team_candidate = Si possono aggiungere solo operatori dei servizi o case manager attivi della regione.
error-already_on_team = Questa persona fa già parte del gruppo di lavoro.
error-plan_needs_required = Il piano deve indicare almeno un bisogno.
error-plan_actions_required = Il piano deve indicare almeno un'azione.
error-action_status_final = Un'azione può essere solo completata o abbandonata.
error-invalid_input = Alcuni dati non sono validi: correggere i campi indicati.
error-invalid_request = Richiesta non valida.
error-unauthenticated = Accedere per continuare.
error-bad_credentials = E-mail o password errate.
error-rate_limited = Troppi tentativi di accesso non riusciti. Riprovare tra { $minutes } minuti.
error-empty_query_parameter = Il parametro “{ $name }” della richiesta è vuoto: indicare un valore oppure ometterlo.
error-forbidden = Non si dispone dei permessi per questa operazione.
error-not_found = Elemento non trovato, oppure non visibile con il proprio profilo.
error-transition_not_allowed = Passaggio di stato non consentito da questo stato.
error-assessment_required = Registrare la prima valutazione: è la decisione a stabilire il passo successivo.
error-already_assessed = La valutazione è già stata registrata.
error-case_changed_meanwhile = Nel frattempo qualcun altro ha aggiornato questa presa in carico: ricaricare la pagina.
error-case_closed = La presa in carico è chiusa.
error-screening_already_sent = La scheda è già stata inviata e non può essere modificata.
error-plan_not_editable_now = Il piano si può modificare solo in fase di progettazione o di inclusione.
error-plan_in_review = Il piano è all'esame del gruppo di lavoro: non si può modificare ora.
error-no_plan_draft = Non c'è una bozza di piano da inviare.
error-team_required_for_review = Aggiungere al gruppo di lavoro almeno un componente che esamini il piano.
error-plan_not_in_review = Il piano non è all'esame del gruppo di lavoro.
error-plan_not_approved = Il piano non è ancora approvato.
error-agreement_already_recorded = L'adesione è già stata registrata.
error-plan_not_approved_and_agreed = Per passare all'inclusione il piano deve essere approvato e la persona deve avervi aderito.
error-no_plan_in_force = Non c'è un piano approvato in vigore.
error-action_already_closed = L'azione è già stata chiusa.
error-cannot_deactivate_self = Non è possibile disattivare il proprio account.
error-internal = Errore interno. Nessun dato già salvato è andato perso; riprovare più tardi e, se persiste, comunicare il codice { $id }.
error-allowed-next = Passaggi possibili: { $states }.

# Ruoli
role-frontline = Operatore di primo contatto
role-secretariat = Segreteria tecnica regionale
role-case_manager = Case manager
role-service = Servizio / gruppo di lavoro zonale
role-coordinator = Coordinamento regionale
role-admin = Amministrazione
role-auditor = Revisore
role-employer = Impresa

# Tipi di ente
organisation_kind-desk = Sportello
organisation_kind-mobile_unit = Unità mobile
organisation_kind-secretariat = Segreteria tecnica
organisation_kind-job_centre = Centro per l'impiego
organisation_kind-social_services = Servizi sociali
organisation_kind-health_authority = Azienda sanitaria
organisation_kind-inspectorate = Ispettorato del lavoro
organisation_kind-union = Sindacato
organisation_kind-reception_centre = Centro di accoglienza
organisation_kind-anti_trafficking = Sistema antitratta
organisation_kind-third_sector = Terzo settore
organisation_kind-training_body = Ente di formazione
organisation_kind-employer = Impresa
organisation_kind-municipality = Comune
organisation_kind-helpline = Numero verde
organisation_kind-territorial_commission = Commissione territoriale
organisation_kind-court = Tribunale

# Stati della presa in carico
case_state-reported = Segnalata
case_state-assessing = In valutazione
case_state-emergency = Risposta in emergenza
case_state-planning = Piano personalizzato in preparazione
case_state-plan_review = Piano all'esame del gruppo di lavoro
case_state-inclusion = Inclusione
case_state-closed = Chiusa

closing_reason-goals_met = Obiettivi raggiunti
closing_reason-dropped_out = Abbandono
closing_reason-transferred = Inviata ad altro ente
closing_reason-not_in_scope = Non di competenza
closing_reason-moved_region = Trasferita in altra regione

decision-emergency_response = Risposta in emergenza
decision-personalised_path = Percorso personalizzato
decision-not_in_scope = Non di competenza
decision-refer_elsewhere = Invio ad altro ente

priority-urgent = Urgente
priority-high = Alta
priority-normal = Ordinaria

sex-female = Donna
sex-male = Uomo
sex-other = Altro

contact_channel-desk = Sportello
contact_channel-mobile_unit = Unità mobile / uscita su strada
contact_channel-union = Sindacato
contact_channel-reception_centre = Centro di accoglienza (CAS/SAI)
contact_channel-labour_inspection = Ispezione del lavoro
contact_channel-health_service = Servizio sanitario
contact_channel-helpline = Numero verde antitratta
contact_channel-territorial_commission = Commissione territoriale
contact_channel-referral_from_service = Invio da un altro servizio
contact_channel-self_referral = Si è presentata spontaneamente
contact_channel-other = Altro

work_sector-agriculture = Agricoltura
work_sector-construction = Edilizia
work_sector-logistics = Logistica
work_sector-domestic_work = Lavoro domestico
work_sector-care_work = Assistenza alla persona
work_sector-manufacturing = Manifattura
work_sector-hospitality = Ristorazione e turismo
work_sector-retail = Commercio
work_sector-other = Altro
work_sector-unknown = Non noto

declared_legal_status-italian_or_eu_citizen = Cittadinanza italiana o UE
declared_legal_status-residence_permit = Permesso di soggiorno valido
declared_legal_status-permit_expired = Permesso scaduto
declared_legal_status-asylum_seeker = Richiedente asilo
declared_legal_status-international_protection = Protezione internazionale
declared_legal_status-no_permit = Senza permesso di soggiorno
declared_legal_status-unknown = Non dichiarato

screening_status-draft = Bozza
screening_status-sent = Inviata

need_area-training = Formazione
need_area-work = Lavoro
need_area-housing = Abitare
need_area-health = Salute
need_area-legal_aid = Assistenza legale
need_area-union_aid = Tutela sindacale
need_area-social_support = Sostegno sociale
need_area-documents = Documenti
need_area-language = Lingua italiana

plan_status-draft = Bozza
plan_status-in_review = All'esame del gruppo di lavoro
plan_status-approved = Approvato
plan_status-superseded = Sostituito

action_status-open = Da fare
action_status-done = Completata
action_status-dropped = Abbandonata

review_verdict-comment = Commento
review_verdict-approve = Approvazione
review_verdict-request_changes = Richiesta di modifiche

case_event_kind-reported = Segnalazione ricevuta
case_event_kind-screening_added = Nuova scheda aggiunta alla presa in carico
case_event_kind-transition = Cambio di stato
case_event_kind-assessment = Prima valutazione
case_event_kind-team_member_added = Componente aggiunto al gruppo di lavoro
case_event_kind-team_member_removed = Componente rimosso dal gruppo di lavoro
case_event_kind-plan_drafted = Nuova versione del piano
case_event_kind-plan_submitted = Piano inviato al gruppo di lavoro
case_event_kind-plan_reviewed = Parere sul piano
case_event_kind-plan_approved = Piano approvato
case_event_kind-plan_changes_requested = Richieste modifiche al piano
case_event_kind-agreement_recorded = Adesione della persona al piano
case_event_kind-action_done = Azione completata
case_event_kind-action_dropped = Azione abbandonata

audit_action-read = Lettura
audit_action-create = Creazione
audit_action-update = Modifica
audit_action-transition = Cambio di stato
audit_action-login = Accesso
audit_action-login_failed = Accesso non riuscito
audit_action-logout = Uscita
audit_action-token_created = Token API creato

pager-label = Paginazione
pager-previous = Precedente
pager-next = Successiva
pager-status = Pagina { $page } di { $pages }
list-total =
    { $count ->
        [one] { $count } risultato
       *[other] { $count } risultati
    }
list-empty = Nessun risultato.
filter-apply = Filtra
filter-search = Cerca
filter-all = Tutti
yes = Sì
no = No
save = Salva
cancel = Annulla
back = Indietro

login-title = Accesso
login-email = E-mail
login-password = Password
login-submit = Accedi
home-title = Benvenuto in SOLEIL
footer-note = SOLEIL · I dati delle persone sono protetti: ogni accesso è registrato.
