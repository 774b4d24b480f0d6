# Emersione: nuova segnalazione, persone, scheda della persona, schede di prima profilazione.

intake-contact-title = Nuova segnalazione
intake-contact-lead = Registrare la persona incontrata e i primi elementi raccolti. I campi obbligatori sono indicati; tutto il resto si può completare in seguito.
intake-person-legend = Persona
intake-anonymous = Contatto anonimo
intake-anonymous-hint = La persona non vuole dare il proprio nome: si registra solo una descrizione, senza nome, telefono né data di nascita.
intake-alias = Descrizione o soprannome
intake-alias-hint = Obbligatoria per un contatto anonimo (es. «uomo, circa 30 anni, parla punjabi»).
intake-given_name = Nome
intake-surname = Cognome
intake-sex = Sesso
intake-date_of_birth = Data di nascita
intake-date-hint = Formato gg/mm/aaaa.
intake-nationality = Nazionalità
intake-nationality-hint = Codice ISO di due lettere (es. IN, MA, SN, NG).
intake-phone = Telefono
intake-place_of_birth = Luogo di nascita
intake-place_of_birth-hint = Comune italiano o Stato estero, come sul documento (es. Roma, Marocco).
intake-codice_fiscale = Codice fiscale
intake-codice_fiscale-hint = 16 caratteri, come sulla tessera sanitaria o sul certificato dell'Agenzia delle Entrate.
intake-choose = Scegliere…
intake-not-stated = Non indicato

intake-profile-legend = Prima profilazione
intake-contact_channel = Come è stata incontrata la persona
intake-contact_channel-required = Come è stata incontrata la persona (obbligatorio)
intake-work_place = Dove lavora
intake-work_place-hint = Comune, provincia o descrizione del luogo.
intake-sector = Settore di lavoro
intake-legal_status = Condizione giuridica dichiarata
intake-urgent-legend = Bisogni urgenti
intake-urgent-hint = Ogni bisogno urgente fa salire la priorità della segnalazione.
intake-urgent-danger = Pericolo per la persona
intake-urgent-health = Problemi di salute
intake-urgent-no_shelter = Senza alloggio
intake-urgent-minors = Presenza di minori
intake-no-urgent-needs = Nessuno
intake-languages = Lingue parlate
intake-other-languages = Altre lingue
intake-other-languages-hint = Codici ISO separati da virgola (es. tl, ta, ff).
intake-consent_to_referral = La persona acconsente a essere inviata alla rete
intake-consent-hint = Senza consenso la segnalazione resta alla segreteria tecnica e non viene condivisa con altri servizi.
intake-notes = Note
intake-notes-hint = Solo ciò che serve alla presa in carico.

intake-language-it = Italiano
intake-language-en = Inglese
intake-language-fr = Francese
intake-language-ar = Arabo
intake-language-pa = Punjabi
intake-language-hi = Hindi
intake-language-ur = Urdu
intake-language-bn = Bengalese
intake-language-wo = Wolof
intake-language-ro = Rumeno
intake-language-sq = Albanese
intake-language-uk = Ucraino

intake-submit-send = Invia alla segreteria tecnica
intake-submit-draft = Salva come bozza
intake-submit-save-draft = Salva la bozza
intake-errors-title = Il modulo contiene errori

intake-new-screening-title = Nuova scheda di prima profilazione
intake-edit-screening-title = Modifica della scheda in bozza
intake-screening-for = Persona: { $name }
intake-back-to-file = Torna alla scheda della persona

intake-persons-title = Persone
intake-persons-search = Cerca per nome, descrizione o telefono
intake-persons-search-hint = Si vedono solo le persone accessibili con il proprio profilo.
intake-persons-caption = Persone registrate, dalla più recente
intake-col-name = Nome o descrizione
intake-col-open = Azioni
intake-recorded-on = Registrata il
intake-anonymous-badge = Anonimo
intake-open-file = Apri la scheda

intake-back-to-persons = Torna all'elenco delle persone
intake-identity-title = Dati della persona
intake-cases-title = Prese in carico
intake-no-cases = Nessuna presa in carico: la segnalazione non è ancora stata inviata alla segreteria.
intake-col-opened-on = Aperta il
intake-col-state = Stato
intake-col-priority = Priorità
intake-open-case = Apri la presa in carico
intake-screenings-title = Schede di prima profilazione
intake-add-screening = Aggiungi una scheda
intake-no-screenings = Nessuna scheda registrata.
intake-screening-of = Scheda del { $date }
intake-status = Stato
intake-sent-on = Inviata il
intake-open-case-of-screening = Apri la presa in carico collegata
intake-edit-screening = Modifica la scheda
intake-send-screening = Invia alla segreteria tecnica


error-invalid_choice = Scegliere una delle voci dell'elenco.
error-invalid_date = Data non valida: usare il formato gg/mm/aaaa.

# Codice fiscale e luogo di nascita.
intake-codice-fiscale-suggestion = Codice fiscale calcolato
intake-codice-fiscale-suggestion-hint = Calcolato da nome, cognome, sesso, data e luogo di nascita: da verificare sulla tessera o sul documento, non è registrato. Se l'Agenzia delle Entrate ha assegnato un codice diverso (omocodia), vale quello del documento.
error-invalid_codice_fiscale = Codice fiscale non valido: servono 16 caratteri, lettere e cifre al loro posto.
error-codice_fiscale_check_character = Il carattere di controllo (l'ultimo) non corrisponde: ricontrollare il codice carattere per carattere.
error-codice_fiscale_mismatch = Il codice fiscale non corrisponde alla data di nascita o al sesso indicati.
error-codice_fiscale_sex = Il codice fiscale si calcola solo per il sesso femminile o maschile.
error-codice_fiscale_not_computable = Il codice fiscale non si può calcolare da questo testo: servono lettere dell'alfabeto latino, come sul documento.
error-unknown_birth_place = Luogo non trovato: scrivere il nome del comune italiano o dello Stato estero in italiano (es. «Marocco»), o il codice ISO (es. MA).
error-ambiguous_birth_place = Più luoghi hanno questo nome: aggiungere la sigla della provincia, es. «Castro (LE)».
