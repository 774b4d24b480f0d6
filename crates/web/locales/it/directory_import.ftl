# Import ed esportazione dell'elenco dei servizi: codici degli errori del
# rapporto di importazione (campo e riga li dà il rapporto).

error-file_too_large = Il file è troppo grande: al massimo 2 MiB. Dividerlo in più file.
error-unreadable_file = Il file non si legge: controllare che sia nel formato scelto (HSDS JSON, CSV o Excel .xlsx).
error-empty_file = Il file non contiene servizi.
error-too_many_lines = Il foglio ha troppe righe: dividerlo in più file.
error-unknown_column = Colonna sconosciuta: rinominarla come nell'elenco delle colonne o toglierla.
error-duplicate_column = Colonna ripetuta.
error-missing_column = Manca una colonna obbligatoria.
error-differs_from_first_line = Diverso dalla prima riga dello stesso servizio: i dati del servizio vanno scritti uguali o lasciati vuoti.
error-unknown_need_area = Area sconosciuta: usare formazione, lavoro, abitare, salute, assistenza legale, tutela sindacale, sostegno sociale, documenti, lingua.
error-unknown_language = Lingua sconosciuta: usare il nome italiano (es. punjabi, arabo) o il codice ISO (es. pa, ar).
error-unknown_location_kind = Tipo di sede sconosciuto: usare sportello, sportello unico, sosta unità mobile, accoglienza o ufficio.
error-invalid_number = Numero non valido.
error-invalid_hours = Orari non leggibili: scrivere ad esempio «lun-ven 9-13; mar, gio 15:00-18:00».
error-ambiguous_comune = Più comuni hanno questo nome: aggiungere la sigla della provincia, es. «Calliano (AT)», o usare il codice ISTAT.
error-invalid_id = Identificativo non valido: deve essere un UUID.
error-unsupported_schedule = Orario non gestito: solo orari settimanali con giorni (byday) e ore di apertura e chiusura.
error-ambiguous_organisation = Più enti hanno questo nome: indicare l'identificativo dell'ente.
error-organisation_of_another_region = L'ente è di un'altra regione: si importano solo i servizi della propria.
error-service_of_another_organisation = Questo identificativo è di un servizio di un altro ente.
error-duplicate_service = Servizio ripetuto nel file.

directory_import-outcome-create = Nuovo
directory_import-outcome-update = Aggiornato
directory_import-outcome-rejected = Da correggere
