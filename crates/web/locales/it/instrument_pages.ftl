## Pagine degli strumenti di screening: il catalogo, uno strumento, la prova,
## la scheda stampabile pubblica e la pubblicazione di una nuova versione.

nav-instruments = Strumenti di screening

# Il catalogo
instruments-title = Strumenti di screening
instruments-lead = Le schede di indicatori che la rete usa al primo contatto, con le loro versioni. Ogni versione pubblicata resta com'è: ogni screening ricorda la versione con cui è stato compilato.
instruments-indicative = Il risultato di uno strumento è indicativo: sostiene la valutazione della segreteria tecnica e non è mai una qualificazione giuridica.
instruments-caption = Strumenti di screening e loro versioni
instruments-col-name = Strumento
instruments-col-current = Versione attuale
instruments-col-versions = Versioni pubblicate
instruments-col-links = Usalo
instruments-version-of = Versione { $version }
instruments-shipped = inclusa in SOLEIL
instruments-published-by-admin = pubblicata da un amministratore
instruments-try = Prova lo strumento
instruments-sheet = Scheda stampabile

# Uno strumento
instruments-back = Tutti gli strumenti
instruments-back-to-instrument = Torna allo strumento
instruments-not-newest = Non è la versione più recente
instruments-weighted = Indicatori forti, medi e deboli
instruments-sheet-it = Scheda stampabile in italiano
instruments-sheet-en = Scheda stampabile in inglese
instruments-publish = Pubblica una nuova versione
instruments-purpose = A che cosa serve
instruments-reading-title = Come si legge il risultato
instruments-reading-answers = A ogni domanda si risponde sì, no o «non so». Sì vuol dire che il segnale c'è. Una domanda lasciata senza risposta vale «non so».
instruments-reading-dimensions = Le domande sono divise in dimensioni. Una dimensione è raggiunta quando le risposte sì bastano per la sua regola; se le risposte «non so» potrebbero ancora deciderla in un senso o nell'altro, resta non decidibile, e SOLEIL dice quali domande la deciderebbero.
instruments-reading-ladder = Gli esiti formano una scala, dal più grave al meno grave. Il risultato è il primo gradino la cui regola è raggiunta; un gradino più grave ancora incerto è indicato come possibile.
instruments-reading-unknown = «Non so» non conta mai come sì: con più risposte note il risultato può solo restare uguale o diventare più preciso.
instruments-reading-indicative = Il risultato è indicativo: sostiene la valutazione della segreteria tecnica e non dice mai se una persona è vittima o se c'è un reato.
instruments-dimensions-title = Dimensioni e indicatori
instruments-dimensions-count = { $indicators } indicatori in { $dimensions ->
    [one] 1 dimensione
   *[other] { $dimensions } dimensioni
}.
instruments-met-when = Quando è raggiunta:
instruments-rule-as-written = Regola nel catalogo:
instruments-question = Domanda:
instruments-look-for = Cosa osservare:
instruments-ladder-title = La scala degli esiti
instruments-ladder-lead = Gli esiti vanno dal più grave al meno grave. Il risultato è il primo gradino raggiunto, partendo dall'alto; le risposte «non so» non contano mai come sì.
instruments-queue-priority = Priorità nella coda della segreteria:
instruments-reached-when = Si raggiunge quando:
instruments-source = Fonte
instruments-versions = Versioni
instruments-versions-lead = Una versione pubblicata non cambia mai: una correzione è una nuova versione.
instruments-versions-caption = Versioni pubblicate di questo strumento, dalla più recente
instruments-col-version = Versione
instruments-col-published = Pubblicata il
instruments-col-origin = Origine
instruments-uncertain = da verificare
instruments-uncertain-open = Che cosa non è ancora verificato sulla fonte (nota in inglese)
instruments-strength = Peso
instruments-strength-strong = forte
instruments-strength-medium = medio
instruments-strength-weak = debole
instruments-answer-yes = Sì
instruments-answer-no = No
instruments-answer-unknown = Non so
instruments-source-title = Titolo
instruments-source-publisher = Editore
instruments-source-year = Anno
instruments-source-reference = Riferimento
instruments-source-links = Collegamenti
instruments-source-note = Verifica sulla fonte (in inglese)

# Le regole degli esiti a parole
instruments-rule-and = e
instruments-rule-or = o
instruments-rule-not = non
instruments-rule-name = «{ $name }»
instruments-rule-true = sempre
instruments-rule-always = In tutti gli altri casi: nessun gradino più grave è raggiunto.

# La prova
instruments-try-title = Prova: { $name }
instruments-try-lead = Un esercizio per imparare lo strumento: rispondete alle domande e vedete quale esito ne risulta e perché.
instruments-try-nothing-stored = È solo una prova: le risposte non vengono salvate né registrate. Non inserite dati di persone reali; per una persona vera usate la scheda di screening del primo contatto.
instruments-try-result = Risultato della prova
instruments-try-change = Cambia le risposte
instruments-try-answers = Domande
instruments-try-how = Ogni domanda parte da «Non so». Cambiate solo quelle di cui conoscete la risposta, poi valutate.
instruments-try-evaluate = Valuta le risposte

# Pubblicare una nuova versione
instruments-publish-title = Nuova versione: { $name }
instruments-publish-how = Come si pubblica
instruments-publish-step-version = Cambiate la riga version: l'attuale è «{ $version }». Ogni versione ha un nome suo (lettere, cifre, punto, trattino).
instruments-publish-step-edit = Modificate il testo: domande, aiuti, regole. Non rinominate gli id che restano con lo stesso significato.
instruments-publish-step-check = SOLEIL controlla il file prima di accettarlo: id, testi in italiano e in inglese, regole che si leggono e che non possono peggiorare con un sì in più.
instruments-publish-step-publish = Pubblicate. Da quel momento i nuovi screening usano la nuova versione.
instruments-publish-never-changes = Una versione pubblicata non cambia mai: gli screening già fatti restano spiegati con le regole di allora.
instruments-publish-file = File del catalogo (TOML)
instruments-publish-file-hint = Il testo parte dalla versione più recente. Il formato è descritto in catalogue/README.md.
instruments-publish-submit = Pubblica la versione
instruments-publish-errors = { $count ->
    [one] Il file ha 1 errore
   *[other] Il file ha { $count } errori
}
done-instrument-published = Nuova versione pubblicata.
error-instrument_id_mismatch = L'id deve restare quello di questo strumento.

# La scheda stampabile (pubblica)
sheet-title = Scheda informativa sugli indicatori
sheet-other-language = English version
sheet-print-hint = Per stamparla usate il comando Stampa del browser (Ctrl+P, oppure ⌘+P sul Mac): sul foglio restano solo la scheda e le caselle da segnare a penna.
sheet-print = Stampa la scheda
sheet-how-title = Come usarla
sheet-how-gently = Chiedete con calma e con parole semplici, in un luogo dove la persona si senta al sicuro, se serve con un mediatore o una mediatrice culturale. Non insistete: si può tornare a parlarne un'altra volta.
sheet-how-privacy = Parlate dove nessun altro ascolta, soprattutto non chi la fa lavorare o chi l'ha accompagnata. Non scrivete su questo foglio il nome della persona né altro che la renda riconoscibile, e custoditelo con cura.
sheet-how-decides = È la persona a decidere che cosa raccontare e se chiedere aiuto. Spiegatele che può non rispondere e che nulla viene fatto senza il suo consenso.
sheet-how-answers = Per ogni domanda segnate sì, no o «non so». Sì vuol dire che il segnale c'è. «Non so» non conta mai come sì.
sheet-how-indicative = Il risultato è solo indicativo: aiuta a capire se rivolgersi alla rete e a chi. Non è mai una qualificazione giuridica: se qualcuno è vittima di tratta o di sfruttamento lo decidono le autorità previste dalla legge.
sheet-how-danger = Se la persona è in pericolo adesso, chiamate il 112.
sheet-hotline-title = Numero Verde Antitratta
sheet-hotline-what = Gratuito, anonimo, attivo 24 ore su 24 tutti i giorni, in molte lingue: per la persona stessa e per chi vuole aiutarla.
sheet-questions-of = Domande: { $dimension }
sheet-col-number = N.
sheet-col-question = Domanda e cosa osservare
sheet-col-answer = Risposta
sheet-paraphrase = Le domande e gli aiuti sono parole di SOLEIL, non il testo originale della fonte.
sheet-footer = SOLEIL, rete regionale contro lo sfruttamento lavorativo. Scheda indicativa, versione { $version }: non è una qualificazione giuridica.
