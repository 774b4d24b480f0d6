# Posti in emergenza: la pagina dei posti liberi per la segreteria e la
# sezione della scheda del caso. Ogni id inizia con "places-", tranne i
# vocabolari condivisi, gli errori e gli avvisi.

place_kind-men = Uomini
place_kind-women = Donne
place_kind-families = Nuclei familiari
place_kind-minors = Minori
case_event_kind-place_allocated = Posto in emergenza assegnato
case_event_kind-place_released = Posto in emergenza liberato
nav-places = Posti in emergenza
done-place-allocated = Posto assegnato.
done-place-released = Posto liberato: è di nuovo disponibile.
done-place-transferred = La persona è stata trasferita nel nuovo posto.

error-place_taken = Il posto è stato appena assegnato a un'altra persona: scegli un altro posto libero.
error-place_withdrawn = La struttura ha ritirato questo posto.
error-place_occupied = Il posto è assegnato: liberalo prima di ritirarlo.
error-allocation_released = Questa assegnazione è già terminata.
error-not_a_facility = Questo ente non offre posti in emergenza.
error-label_taken = La struttura ha già un posto con questo nome.
error-unknown_place = Scegli un posto libero della regione.
error-until_before_from = La data di fine precede quella di inizio.

places-title = Posti in emergenza
places-intro = I posti dichiarati dalle strutture della tua regione, con quelli liberi ora.
places-filter-label = Filtra i posti
places-filter-kind = Per
places-filter-free = Disponibilità
places-filter-free-any = Tutti
places-filter-free-yes = Solo liberi
places-filter-free-no = Solo assegnati
places-filter-accessible = Solo accessibili
places-filter-apply = Filtra
places-any = Qualsiasi
places-caption = Posti di { $facility }
places-col-label = Posto
places-col-kind = Per
places-col-accessible = Accessibile
places-col-status = Stato
places-free = Libero
places-taken = Assegnato dal { $from }
places-withdrawn = Ritirato
places-case-link = Apri il caso
places-none = Nessun posto corrisponde ai filtri.
places-count-free = { $count ->
    [one] { $count } posto libero
   *[other] { $count } posti liberi
}
places-yes = sì
places-no = no

places-section-title = Posto in emergenza
places-section-none = Nessun posto in emergenza è stato assegnato a questo caso.
places-section-caption = Posti assegnati al caso, dal più recente
places-section-place = Posto
places-section-dates = Date
places-section-by = Assegnato da
places-section-status = Stato
places-section-active = In uso
places-section-released = Liberato il { $date }
places-section-from-until = { $from } – { $until }
places-section-from = dal { $from }
places-allocate-title = Assegna un posto libero
places-allocate-none = Nessun posto è libero nella regione in questo momento.
places-allocate = Assegna il posto
places-release = Libera il posto
places-transfer-title = Trasferisci in un altro posto
places-transfer = Trasferisci
places-field-place_id = Posto libero
places-field-from = Dal
places-field-until = Al (facoltativo)
places-field-reason = Motivo
places-choose = Scegli…

done-places-declared = Posti dichiarati: la segreteria regionale li vede già liberi.
done-place-withdrawn = Posto ritirato: non è più offerto.
done-place-offered = Il posto è di nuovo offerto.
error-place_count_out_of_range = Indica un numero di posti da 1 a { $max_places }.
places-own-title = I posti di { $facility }
places-own-none = La struttura non ha ancora dichiarato posti.
places-own-caption = Posti della struttura per tipo e disponibilità
places-own-taken = Assegnati
places-declare-title = Dichiara nuovi posti
places-declare = Dichiara i posti
places-field-kind = Per
places-field-count = Quanti posti
places-field-count-hint = Da 1 a { $max }.
places-field-label = Nome (facoltativo)
places-field-label-hint = Con più posti, vengono numerati dopo il nome: «Letto» se manca, ad es. Letto 1, Letto 2…
places-field-accessible = Accessibili (senza barriere architettoniche)
places-col-availability = Disponibilità
places-withdraw = Ritira
places-offer = Offri di nuovo

# The account the automatic end of allocations acts as.
error-system_account = È l'account di sistema delle operazioni automatiche: non si attiva e non riceve token.
error-user_inactive = L'utente è disattivato: riattivalo prima di creare un token.
