# Datori di lavoro: anagrafica, sedi, rilevazione dei fabbisogni e accessi.
# Ogni id inizia con "employers-", tranne gli errori.

error-employer_exists = Un datore di lavoro con questa partita IVA è già registrato nella regione.
error-vat_number_length = La partita IVA ha 11 cifre (il prefisso IT è facoltativo).
error-vat_number_check_digit = La partita IVA non è valida: controlla le cifre.
error-vat_number_office = La partita IVA non ha un codice di ufficio valido.
error-invalid_company_tax_code = Il codice fiscale dell'impresa non è valido: 11 cifre o 16 caratteri.
error-unknown_ateco_code = Codice ATECO non trovato: indica almeno la divisione, ad esempio 01 o 56.10.
error-unknown_ateco_section = Sezione ATECO non trovata: indica una lettera da A a V.
error-date_in_the_future = La data non può essere futura.
error-out_of_range = Il numero indicato è fuori dall'intervallo ammesso.
error-needed_before_survey = La data del fabbisogno viene prima della rilevazione.
error-too_many_rows = Troppe righe: al massimo 50.
error-period_ends_before_start = La fine del periodo viene prima dell'inizio.
