# „Cunoaște-ți drepturile”: pagina publică pentru muncitori, /rights/ro.
# Review status: DRAFT translation, to be checked by an intercultural
# mediator. Corrections: edit this file, then set rights-review-state to
# reviewed and change rights-review-status (see README, "Translations").

rights-language-name = Română
# reviewed, or draft (to be checked by an intercultural mediator).
rights-review-state = draft
rights-review-status = Traducere provizorie, care trebuie verificată de un mediator intercultural.
rights-mediators = Sunteți mediator intercultural? Dacă găsiți greșeli pe această pagină, trimiteți corecturile la secretariatul tehnic regional al rețelei.

rights-title = Cunoaște-ți drepturile
rights-lead = Dacă lucrezi în Italia, ai drepturi. Chiar și fără acte. Această pagină îți explică drepturile și unde găsești ajutor. Nu salvează nimic despre tine.
rights-skip = Mergi la conținut
rights-network = Rețea împotriva exploatării prin muncă
rights-other-languages = Alte limbi
rights-choose-language = Alege limba ta
rights-unknown-language = Această limbă nu este disponibilă. Alege o limbă de mai jos.
rights-nothing-stored = Această pagină nu salvează nimic despre tine: niciun cookie, niciun răspuns păstrat.
rights-login-link = Lucrezi în Italia? Cunoaște-ți drepturile (în 8 limbi)

rights-hotline-title = Numărul verde împotriva traficului de persoane
rights-hotline-free = Apelul este gratuit.
rights-hotline-anonymous = Nu trebuie să spui cum te cheamă.
rights-hotline-always = Răspund mereu: zi și noapte, în fiecare zi.
rights-hotline-languages = Acolo se vorbesc multe limbi.
rights-danger-title = Ești în pericol acum?
rights-danger = Sună imediat la numărul de urgență:

rights-exploitation-title = Ce este exploatarea prin muncă?
rights-exploitation-lead = Este exploatare când, de exemplu:
rights-exploitation-pay = Ești plătit mult mai puțin decât scrie în contract sau decât ți s-a promis.
rights-exploitation-hours = Lucrezi prea multe ore pe zi.
rights-exploitation-rest = Nu ai zile libere și nici pauze.
rights-exploitation-danger = Munca este periculoasă sau umilitoare, fără protecție.
rights-exploitation-housing = Ești pus să locuiești într-un loc murdar, aglomerat sau periculos.
rights-exploitation-documents = Cineva ți-a luat pașaportul sau actele.
rights-exploitation-debt = Datorezi bani persoanei care te-a adus aici sau ți-a găsit de lucru, iar datoria nu se termină niciodată.
rights-exploitation-threats = Cineva te amenință pe tine sau familia ta.
rights-exploitation-violence = Cineva te bate sau îți face rău.
rights-exploitation-caporali = Un „caporale” (un intermediar ilegal) îți conduce munca și îți ia o parte din bani.
rights-exploitation-not-your-fault = Nu este vina ta. Exploatarea muncitorilor este o infracțiune.

rights-yours-title = Drepturile tale
rights-yours-papers = Ai drepturi chiar dacă nu ai permis de ședere.
rights-yours-pay = Munca pe care ai făcut-o trebuie plătită, chiar și fără contract.
rights-yours-safety = Ai dreptul să lucrezi în siguranță și să te odihnești.
rights-yours-health = Poți primi îngrijiri medicale urgente chiar și fără acte.
rights-yours-documents = Nimeni nu are voie să-ți păstreze pașaportul sau actele.
rights-yours-free = Ajutorul este gratuit și confidențial.
rights-permit = Dacă ești victimă a exploatării sau a traficului de persoane, s-ar putea să ai dreptul la un permis de ședere special.
rights-permit-ask = Întreabă la numărul verde sau la un ghișeu: îți vor spune dacă este cazul tău.

rights-help-title = Ce ajutor există
rights-help-shelter = Un loc sigur unde să dormi, imediat, dacă ai nevoie.
rights-help-health = Îngrijiri medicale și sprijin psihologic.
rights-help-legal = Ajutor juridic gratuit: pentru acte, pentru banii care ți se datorează și pentru a face plângere, dacă vrei.
rights-help-work = Ajutor să găsești o muncă legală, și cursuri de italiană și de calificare.
rights-help-unions = Sindicatele: apără muncitorii, chiar și fără acte.
rights-help-inspectorate = Inspectoratul Muncii: controlează angajatorii care nu respectă regulile.

rights-check-title = Verifică-ți situația
rights-check-lead = Răspunde la aceste întrebări. Răspunsurile nu sunt salvate. Rezultatul este doar un indiciu: nu este o părere juridică.
rights-q-documents = Ți-a luat cineva pașaportul sau actele?
rights-q-pay = Ești plătit mult mai puțin decât ți s-a promis?
rights-q-hours = Lucrezi multe ore în fiecare zi, fără zile libere?
rights-q-debt = Datorezi bani angajatorului sau persoanei care ți-a găsit de lucru?
rights-q-threats = Te amenință cineva sau îți face rău?
rights-q-leave = Poți pleca de la acest loc de muncă atunci când vrei?
rights-yes = Da
rights-no = Nu
rights-check-submit = Vezi rezultatul

rights-result-title = Rezultatul tău
rights-result-signs-title = Unele răspunsuri ale tale sunt semne de exploatare prin muncă.
rights-sign-documents = Nimeni nu are voie să-ți păstreze actele. Ai dreptul să le primești înapoi.
rights-sign-pay = Trebuie să primești o plată corectă pentru munca ta.
rights-sign-hours = Prea multe ore fără odihnă îți fac rău și nu sunt permise.
rights-sign-debt = O datorie față de cei care îți dau de lucru poate fi un mod de a te controla.
rights-sign-threats = Amenințările și violența sunt infracțiuni. Poți cere protecție.
rights-sign-leave = Trebuie să fii liber să pleci de la locul de muncă.
rights-result-help-free = Nu ești singur. Ajutorul este gratuit și confidențial, chiar și fără acte.
rights-result-no-signs = Răspunsurile tale nu arată semne clare de exploatare. Dacă ceva te îngrijorează, cere un sfat: este gratuit.
rights-result-indicative = Această verificare este doar un indiciu. Nu este o evaluare juridică a situației tale.
rights-result-not-saved = Răspunsurile tale nu au fost salvate.
rights-back = Înapoi la drepturile tale

rights-desks-title = Ghișee de ajutor lângă tine
rights-desks-lead = Poți merge sau suna la aceste servicii ale rețelei. Sunt gratuite.
rights-desks-region = Regiunea ta
rights-desks-all-regions = Toate regiunile
rights-desks-show = Arată
rights-desks-none = Încă nu este niciun ghișeu aici. Sună la numărul verde: îți vor spune unde să mergi.
rights-desks-in-italian = Numele, adresele și programul sunt scrise în italiană.
rights-desk-address = Adresa:
rights-desk-phone = Telefon:
rights-desk-hours = Program:
rights-kind-desk = Ghișeu de ajutor
rights-kind-mobile_unit = Unitate mobilă: vine acolo unde lucrezi
rights-kind-union = Sindicat
rights-kind-reception_centre = Centru de primire
rights-kind-helpline = Linie telefonică de ajutor
rights-kind-other = Serviciu al rețelei
