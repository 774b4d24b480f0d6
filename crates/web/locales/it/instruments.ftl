## Screening instruments: results in words, errors of sheets and catalogue files.

explain-no-outcome = Nessun esito raggiunto
explain-uncertain = regola da verificare
explain-because = Perché:
explain-possible = Potrebbe risultare anche: { $outcome }.
explain-could-change = { $count ->
    [one] Lo deciderebbe la risposta ancora sconosciuta a:
   *[other] Lo deciderebbero le risposte ancora sconosciute a:
}
explain-present = { $count ->
    [one] 1 indicatore presente
   *[other] { $count } indicatori presenti
}
explain-unknown = { $count ->
    [one] 1 risposta sconosciuta
   *[other] { $count } risposte sconosciute
}
explain-dimensions-caption = Dimensioni dello strumento e risposte che le decidono
explain-col-dimension = Dimensione
explain-col-met = Soddisfatta
explain-col-present = Indicatori presenti
explain-col-could-change = Risposte sconosciute che potrebbero cambiarla
explain-met-yes = Sì
explain-met-no = No
explain-met-unknown = Non ancora decidibile
explain-indicative = Esito indicativo: sostiene la valutazione della segreteria tecnica e non costituisce una qualificazione giuridica.

error-unknown_instrument = Strumento o versione non trovati.
error-unknown_indicator = Questo indicatore non fa parte dello strumento.
error-invalid_catalogue_id = Identificativo non valido: usare lettere minuscole, cifre e trattini bassi.
error-invalid_version = Versione non valida: usare lettere, cifre, punti e trattini.
error-duplicate_id = Identificativo già usato in questo strumento.
error-unknown_dimension = Dimensione non presente nello strumento.
error-unexpected_strength = Questo strumento non assegna una forza agli indicatori.
error-invalid_rule = Regola non valida.
error-rule_not_monotone = La regola deve poter solo diventare più vera quando una risposta diventa sì: niente negazioni né conteggi limitati dall'alto.
error-invalid_catalogue_file = Il file del catalogo non si legge.
error-instrument_version_exists = Questa versione è già pubblicata: una versione pubblicata non cambia, pubblicarne una nuova.

cases-col-why = Perché
cases-urgent-needs = Bisogni urgenti:
cases-no-indicator-sheet = Nessuna scheda indicatori compilata.

sheet-legend = Scheda indicatori
sheet-intro = Le domande aiutano a riconoscere lo sfruttamento. Rispondere solo con ciò che la persona racconta o che si è visto; "Non so" va benissimo: una risposta sconosciuta non conta mai come sì.
sheet-instrument = Strumento
sheet-instrument-hint = Per cambiare strumento sceglierlo e salvare: la scheda torna con le sue domande, senza salvare nulla.
sheet-no-instrument = Nessuna scheda indicatori
sheet-note = Aggiungi una nota
sheet-note-label = Nota su questa risposta (facoltativa)
done-instrument-switched = Strumento cambiato: rispondere alle sue domande, poi salvare. Non è stato salvato nulla.
explain-priority = Priorità indicata dall'esito: { $priority }.
screening-result = Esito della scheda indicatori
screening-answer-notes = Note sulle risposte
