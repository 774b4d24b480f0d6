# «Conosci i tuoi diritti»: la pagina pubblica per chi lavora, /rights/it.
# Frasi brevi e parole semplici: la leggono anche persone che sono andate
# poco a scuola. Stato della revisione: rivisto dal gruppo di lavoro SOLEIL.
# Le correzioni si fanno in questo file (vedi README, «Translations»).

rights-language-name = Italiano
# reviewed (rivisto) oppure draft (bozza, da far controllare a un mediatore).
rights-review-state = reviewed
rights-review-status = Testo rivisto dal gruppo di lavoro SOLEIL.
rights-mediators = Sei un mediatore o una mediatrice interculturale? Se trovi errori in questa pagina, manda le correzioni alla segreteria tecnica regionale della rete.

rights-title = Conosci i tuoi diritti
rights-lead = Se lavori in Italia, hai dei diritti. Anche senza documenti. Questa pagina spiega quali sono e dove trovare aiuto. Non salva niente su di te.
rights-skip = Vai al contenuto
rights-network = Rete contro lo sfruttamento lavorativo
rights-other-languages = Altre lingue
rights-choose-language = Scegli la tua lingua
rights-unknown-language = Questa lingua non c'è. Scegli una lingua qui sotto.
rights-nothing-stored = Questa pagina non salva niente su di te: nessun cookie, nessuna risposta registrata.
rights-login-link = Lavori in Italia? Conosci i tuoi diritti (in 8 lingue)

rights-hotline-title = Numero verde antitratta
rights-hotline-free = La chiamata è gratuita.
rights-hotline-anonymous = Non devi dire il tuo nome.
rights-hotline-always = Rispondono sempre: giorno e notte, tutti i giorni.
rights-hotline-languages = Parlano molte lingue.
rights-danger-title = Sei in pericolo adesso?
rights-danger = Chiama subito il numero di emergenza:

rights-exploitation-title = Che cos'è lo sfruttamento del lavoro?
rights-exploitation-lead = È sfruttamento quando, per esempio:
rights-exploitation-pay = Ti pagano molto meno di quello che dice il contratto o di quello che ti hanno promesso.
rights-exploitation-hours = Lavori troppe ore al giorno.
rights-exploitation-rest = Non hai giorni di riposo e non hai pause.
rights-exploitation-danger = Il lavoro è pericoloso o umiliante, senza protezioni.
rights-exploitation-housing = Ti fanno vivere in un posto sporco, affollato o pericoloso.
rights-exploitation-documents = Qualcuno ti ha preso il passaporto o i documenti.
rights-exploitation-debt = Devi dei soldi a chi ti ha portato qui o ti ha trovato il lavoro, e il debito non finisce mai.
rights-exploitation-threats = Minacciano te o la tua famiglia.
rights-exploitation-violence = Ti picchiano o ti fanno del male.
rights-exploitation-caporali = Un «caporale» (un intermediario illegale) comanda il tuo lavoro e si prende una parte della tua paga.
rights-exploitation-not-your-fault = Non è colpa tua. Sfruttare chi lavora è un reato.

rights-yours-title = I tuoi diritti
rights-yours-papers = Hai dei diritti anche se non hai il permesso di soggiorno.
rights-yours-pay = Il lavoro che hai fatto deve essere pagato, anche senza contratto.
rights-yours-safety = Hai diritto a lavorare in sicurezza e a riposare.
rights-yours-health = Puoi avere cure mediche urgenti anche senza documenti.
rights-yours-documents = Nessuno può tenere il tuo passaporto o i tuoi documenti.
rights-yours-free = L'aiuto è gratuito e riservato.
rights-permit = Se sei vittima di sfruttamento o di tratta, potresti avere diritto a un permesso di soggiorno speciale.
rights-permit-ask = Chiedi al numero verde o a uno sportello: ti spiegano se è il tuo caso.

rights-help-title = Quale aiuto esiste
rights-help-shelter = Un posto sicuro dove dormire, subito, se ne hai bisogno.
rights-help-health = Cure mediche e aiuto psicologico.
rights-help-legal = Aiuto legale gratuito: per i documenti, per la paga che ti devono e per denunciare, se vuoi.
rights-help-work = Aiuto per trovare un lavoro regolare, e corsi di italiano e di formazione.
rights-help-unions = I sindacati: difendono chi lavora, anche senza documenti.
rights-help-inspectorate = L'Ispettorato del lavoro: controlla i datori di lavoro che non rispettano le regole.

rights-check-title = Controlla la tua situazione
rights-check-lead = Rispondi a queste domande. Le risposte non vengono salvate. Il risultato è solo un'indicazione: non è un parere legale.
rights-q-documents = Qualcuno ha preso il tuo passaporto o i tuoi documenti?
rights-q-pay = Ti pagano molto meno di quello che ti hanno promesso?
rights-q-hours = Lavori molte ore ogni giorno, senza giorni di riposo?
rights-q-debt = Devi dei soldi al datore di lavoro o alla persona che ti ha trovato il lavoro?
rights-q-threats = Qualcuno ti minaccia o ti fa del male?
rights-q-leave = Puoi lasciare questo lavoro quando vuoi?
rights-yes = Sì
rights-no = No
rights-check-submit = Vedi il risultato

rights-result-title = Il tuo risultato
rights-result-signs-title = Alcune tue risposte sono segni di sfruttamento del lavoro.
rights-sign-documents = Nessuno può tenere i tuoi documenti. Hai diritto a riaverli.
rights-sign-pay = Devi ricevere una paga giusta per il lavoro che fai.
rights-sign-hours = Troppe ore senza riposo ti fanno male e non sono permesse.
rights-sign-debt = Un debito con chi ti dà lavoro può essere un modo per controllarti.
rights-sign-threats = Le minacce e la violenza sono reati. Puoi chiedere protezione.
rights-sign-leave = Devi essere libero o libera di lasciare il lavoro.
rights-result-help-free = Non sei solo, non sei sola. L'aiuto è gratuito e riservato, anche senza documenti.
rights-result-no-signs = Dalle tue risposte non vediamo segni chiari di sfruttamento. Se qualcosa ti preoccupa, chiedi un consiglio: è gratuito.
rights-result-indicative = Questo controllo è solo un'indicazione. Non è una valutazione legale della tua situazione.
rights-result-not-saved = Le tue risposte non sono state salvate.
rights-back = Torna alla pagina dei tuoi diritti

rights-desks-title = Sportelli vicino a te
rights-desks-lead = Puoi andare o telefonare a questi servizi della rete. Sono gratuiti.
rights-desks-region = La tua regione
rights-desks-all-regions = Tutte le regioni
rights-desks-show = Mostra
rights-desks-none = Per ora qui non ci sono sportelli. Chiama il numero verde: ti dicono dove andare.
rights-desks-in-italian = Nomi, indirizzi e orari sono scritti in italiano.
rights-desk-address = Indirizzo:
rights-desk-phone = Telefono:
rights-desk-hours = Orari:
rights-kind-desk = Sportello di aiuto
rights-kind-mobile_unit = Unità mobile: viene dove lavori
rights-kind-union = Sindacato
rights-kind-reception_centre = Centro di accoglienza
rights-kind-helpline = Linea telefonica di aiuto
rights-kind-other = Servizio della rete
