# Una persona, una scheda: possibili doppioni, unioni e loro annullamento.

nav-identity = Possibili doppioni

# Controllo all'accoglienza
identity-matches-title = Questa persona potrebbe essere già registrata
identity-matches-lead = Prima di registrare una nuova persona, controlla queste schede simili. Se è una di loro, apri la sua scheda e aggiungi lì il nuovo colloquio.
identity-matches-hidden = Esistono altre schede simili che non puoi vedere: la segreteria le verificherà.
identity-confirm-new-person = Nessuna di queste è la persona: registra una nuova scheda
identity-use-this-person = È questa persona: aggiungi il colloquio qui
identity-recorded-by = Registrata da { $organisation } il { $date }
identity-score = Punteggio di somiglianza
identity-why = Perché si somigliano
error-possible_duplicates = Questa persona potrebbe essere già registrata. Controlla le schede simili, oppure conferma che nessuna è la persona.
warning-possible-duplicates = Questa persona potrebbe essere già registrata: controlla le schede simili in fondo al modulo, prima dei pulsanti.
done-sent-reconcile = Inviata alla segreteria. Esistono possibili doppioni che non puoi vedere: la segreteria li verificherà.
done-saved-reconcile = Bozza salvata. Esistono possibili doppioni che non puoi vedere: la segreteria li verificherà.

# Spiegazione
identity-evidence-caption = Confronto campo per campo
identity-col-field = Campo
identity-col-verdict = Esito
identity-col-weight = Peso (bit)
identity-verdict-agreed = Concorda
identity-verdict-disagreed = Non concorda
identity-verdict-neutral = Indifferente
identity-verdict-missing = Mancante
identity-field-surname = Cognome
identity-field-given_name = Nome
identity-field-name_order = Ordine di nome e cognome
identity-field-date_of_birth = Data di nascita
identity-field-sex = Sesso
identity-field-nationality = Cittadinanza
identity-field-place_of_birth = Luogo di nascita
identity-field-codice_fiscale = Codice fiscale
identity-field-document = Documento
identity-field-phone = Telefono
identity-field-address = Indirizzo
identity-outcome-exact = identico
identity-outcome-variant = variante dello stesso nome
identity-outcome-fuzzy = simile
identity-outcome-partial = in parte
identity-outcome-placeholder = data convenzionale (1° gennaio)
identity-outcome-swapped_day_month = giorno e mese invertiti
identity-outcome-typing_slip = errore di battitura
identity-outcome-year_close = anno vicino
identity-outcome-swapped = nome e cognome invertiti
identity-outcome-disagree = diverso
identity-outcome-missing = non indicato

# Coda della segreteria
identity-queue-title = Possibili doppioni
identity-queue-lead = Persone registrate più volte, forse con grafie diverse. Confrontale e uniscile, oppure segnala che sono persone diverse.
identity-queue-caption = Coppie di schede da verificare, dalla più simile
identity-col-person = Persona
identity-col-possible-duplicate = Possibile doppione
identity-col-score = Punteggio
identity-col-found = Trovata il
identity-col-open = Apri
identity-open-pair = Confronta
identity-other-region = Una scheda in un'altra regione
identity-sweep = Cerca doppioni nella regione
done-identity-swept = Ricerca completata: le nuove coppie sono in coda.

# Coppia
identity-pair-title = Confronto di due schede
identity-cross-region = Le due schede sono in regioni diverse: solo l'amministrazione può unirle.
identity-screenings = Colloqui
identity-cases = Prese in carico
identity-keep-this = Unisci tenendo questa scheda
identity-merge-hint = Unendo, la scheda tenuta riceve tutti i colloqui e le prese in carico dell'altra, con la loro origine. L'unione si può annullare.
identity-mark-distinct = Sono persone diverse
identity-admins-decide = Solo l'amministrazione può decidere su questa coppia.
identity-back-to-queue = Torna ai possibili doppioni
done-identity-merged = Schede unite.
done-identity-distinct = Coppia segnata come persone diverse: non sarà più proposta.

# Unioni
identity-merges-title = Unioni di schede
identity-merges-caption = Unioni in vigore, dalla più recente
identity-col-survivor = Scheda tenuta
identity-col-merged = Scheda unita
identity-col-merged-on = Unita il
identity-undo = Annulla l'unione
done-identity-undone = Unione annullata: la scheda ha di nuovo i suoi colloqui e prese in carico.
identity-merged-title = Scheda unita a un'altra
identity-merged-lead = Questa scheda era un doppione ed è stata unita a un'altra scheda della stessa persona.
identity-open-survivor = Apri la scheda della persona

# Cronologia della presa in carico
case_event_kind-persons_merged = Due schede della persona sono state unite
case_event_kind-merge_undone = Annullata l'unione di due schede della persona

# Errori
error-pair_not_open = Questa coppia è già stata decisa.
error-person_already_merged = Una delle due schede è già stata unita a un'altra.
error-merge_already_undone = Questa unione è già stata annullata.
error-survivor_merged_since = La scheda tenuta è stata poi unita a un'altra: annulla prima quell'unione.
error-not_in_pair = Scegli una delle due schede della coppia.
