# "Know your rights": the public page for workers, /rights/en.
# Short sentences and plain words: people with little schooling read it.
# Review status: reviewed by the SOLEIL team. Corrections are made in this
# file (see README, "Translations").

rights-language-name = English
# reviewed, or draft (to be checked by an intercultural mediator).
rights-review-state = reviewed
rights-review-status = Text reviewed by the SOLEIL team.
rights-mediators = Are you an intercultural mediator? If you find mistakes on this page, send your corrections to the regional technical secretariat of the network.

rights-title = Know your rights
rights-lead = If you work in Italy, you have rights. Even without documents. This page explains your rights and where to find help. It saves nothing about you.
rights-skip = Skip to content
rights-network = Network against labour exploitation
rights-other-languages = Other languages
rights-choose-language = Choose your language
rights-unknown-language = This language is not available. Choose a language below.
rights-nothing-stored = This page saves nothing about you: no cookies, no answers recorded.
rights-login-link = Do you work in Italy? Know your rights (in 8 languages)

rights-hotline-title = Anti-trafficking helpline (free number)
rights-hotline-free = The call is free.
rights-hotline-anonymous = You do not have to say your name.
rights-hotline-always = They always answer: day and night, every day.
rights-hotline-languages = They speak many languages.
rights-danger-title = Are you in danger now?
rights-danger = Call the emergency number at once:

rights-exploitation-title = What is labour exploitation?
rights-exploitation-lead = It is exploitation when, for example:
rights-exploitation-pay = You are paid much less than your contract says, or than you were promised.
rights-exploitation-hours = You work too many hours a day.
rights-exploitation-rest = You have no days off and no breaks.
rights-exploitation-danger = The work is dangerous or humiliating, without protection.
rights-exploitation-housing = You are made to live in a dirty, crowded or dangerous place.
rights-exploitation-documents = Someone took your passport or your documents.
rights-exploitation-debt = You owe money to the person who brought you here or found you the job, and the debt never ends.
rights-exploitation-threats = Someone threatens you or your family.
rights-exploitation-violence = Someone hits you or hurts you.
rights-exploitation-caporali = A "caporale" (an illegal gangmaster) controls your work and takes part of your pay.
rights-exploitation-not-your-fault = It is not your fault. Exploiting workers is a crime.

rights-yours-title = Your rights
rights-yours-papers = You have rights even if you have no residence permit.
rights-yours-pay = The work you did must be paid, even without a contract.
rights-yours-safety = You have the right to work safely and to rest.
rights-yours-health = You can get urgent medical care even without documents.
rights-yours-documents = Nobody may keep your passport or your documents.
rights-yours-free = Help is free and confidential.
rights-permit = If you are a victim of exploitation or trafficking, you may be entitled to a special residence permit.
rights-permit-ask = Ask the free number or a help desk: they will tell you if this is your case.

rights-help-title = What help there is
rights-help-shelter = A safe place to sleep, at once, if you need it.
rights-help-health = Health care and psychological support.
rights-help-legal = Free legal help: for your documents, for the pay you are owed, and to report the crime if you want.
rights-help-work = Help to find legal work, and courses in Italian and job training.
rights-help-unions = Trade unions: they defend workers, even without documents.
rights-help-inspectorate = The Labour Inspectorate: it checks employers who break the rules.

rights-check-title = Check your situation
rights-check-lead = Answer these questions. Your answers are not saved. The result is only a guide: it is not legal advice.
rights-q-documents = Did someone take your passport or your documents?
rights-q-pay = Are you paid much less than you were promised?
rights-q-hours = Do you work many hours every day, with no days off?
rights-q-debt = Do you owe money to your employer or to the person who found you the job?
rights-q-threats = Does someone threaten you or hurt you?
rights-q-leave = Can you leave this job when you want?
rights-yes = Yes
rights-no = No
rights-check-submit = See the result

rights-result-title = Your result
rights-result-signs-title = Some of your answers are signs of labour exploitation.
rights-sign-documents = Nobody may keep your documents. You have the right to get them back.
rights-sign-pay = You must get fair pay for the work you do.
rights-sign-hours = Too many hours without rest harm you and are not allowed.
rights-sign-debt = A debt to the people who give you work can be a way to control you.
rights-sign-threats = Threats and violence are crimes. You can ask for protection.
rights-sign-leave = You must be free to leave your job.
rights-result-help-free = You are not alone. Help is free and confidential, even without documents.
rights-result-no-signs = Your answers show no clear sign of exploitation. If something worries you, ask for advice: it is free.
rights-result-indicative = This check is only a guide. It is not a legal assessment of your situation.
rights-result-not-saved = Your answers were not saved.
rights-back = Back to your rights

rights-desks-title = Help desks near you
rights-desks-lead = You can visit or call these services of the network. They are free.
rights-desks-region = Your region
rights-desks-all-regions = All regions
rights-desks-show = Show
rights-desks-none = No help desk is listed here yet. Call the free number: they will tell you where to go.
rights-desks-in-italian = Names, addresses and opening hours are written in Italian.
rights-desk-address = Address:
rights-desk-phone = Phone:
rights-desk-hours = Opening hours:
rights-kind-desk = Help desk
rights-kind-mobile_unit = Mobile unit: it comes to where you work
rights-kind-union = Trade union
rights-kind-reception_centre = Reception centre
rights-kind-helpline = Helpline
rights-kind-other = Service of the network
