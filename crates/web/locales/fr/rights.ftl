# « Connaissez vos droits » : la page publique pour les travailleurs, /rights/fr.
# Review status: DRAFT translation, to be checked by an intercultural
# mediator. Corrections: edit this file, then set rights-review-state to
# reviewed and change rights-review-status (see README, "Translations").

rights-language-name = Français
# reviewed, or draft (to be checked by an intercultural mediator).
rights-review-state = draft
rights-review-status = Traduction provisoire, à vérifier par un médiateur interculturel.
rights-mediators = Vous faites de la médiation interculturelle ? Si vous trouvez des erreurs sur cette page, envoyez vos corrections au secrétariat technique régional du réseau.

rights-title = Connaissez vos droits
rights-lead = Si vous travaillez en Italie, vous avez des droits. Même sans papiers. Cette page explique vos droits et où trouver de l'aide. Elle n'enregistre rien sur vous.
rights-skip = Aller au contenu
rights-network = Réseau contre l'exploitation au travail
rights-other-languages = Autres langues
rights-choose-language = Choisissez votre langue
rights-unknown-language = Cette langue n'est pas disponible. Choisissez une langue ci-dessous.
rights-nothing-stored = Cette page n'enregistre rien sur vous : aucun cookie, aucune réponse gardée.
rights-login-link = Vous travaillez en Italie ? Connaissez vos droits (en 8 langues)

rights-hotline-title = Numéro vert contre la traite des êtres humains
rights-hotline-free = L'appel est gratuit.
rights-hotline-anonymous = Vous n'êtes pas obligé de dire votre nom.
rights-hotline-always = On vous répond toujours : jour et nuit, tous les jours.
rights-hotline-languages = On y parle beaucoup de langues.
rights-danger-title = Êtes-vous en danger maintenant ?
rights-danger = Appelez tout de suite le numéro d'urgence :

rights-exploitation-title = Qu'est-ce que l'exploitation au travail ?
rights-exploitation-lead = C'est de l'exploitation quand, par exemple :
rights-exploitation-pay = On vous paie beaucoup moins que ce que dit le contrat, ou que ce qu'on vous a promis.
rights-exploitation-hours = Vous travaillez trop d'heures par jour.
rights-exploitation-rest = Vous n'avez pas de jour de repos et pas de pause.
rights-exploitation-danger = Le travail est dangereux ou humiliant, sans protection.
rights-exploitation-housing = On vous fait vivre dans un endroit sale, surpeuplé ou dangereux.
rights-exploitation-documents = Quelqu'un a pris votre passeport ou vos papiers.
rights-exploitation-debt = Vous devez de l'argent à la personne qui vous a fait venir ou qui vous a trouvé le travail, et la dette ne finit jamais.
rights-exploitation-threats = On vous menace, vous ou votre famille.
rights-exploitation-violence = On vous frappe ou on vous fait du mal.
rights-exploitation-caporali = Un « caporale » (un intermédiaire illégal) commande votre travail et prend une partie de votre salaire.
rights-exploitation-not-your-fault = Ce n'est pas de votre faute. Exploiter des travailleurs est un crime.

rights-yours-title = Vos droits
rights-yours-papers = Vous avez des droits même sans permis de séjour.
rights-yours-pay = Le travail que vous avez fait doit être payé, même sans contrat.
rights-yours-safety = Vous avez le droit de travailler en sécurité et de vous reposer.
rights-yours-health = Vous pouvez recevoir des soins médicaux urgents, même sans papiers.
rights-yours-documents = Personne n'a le droit de garder votre passeport ou vos papiers.
rights-yours-free = L'aide est gratuite et confidentielle.
rights-permit = Si vous êtes victime d'exploitation ou de traite, vous pourriez avoir droit à un permis de séjour spécial.
rights-permit-ask = Demandez au numéro vert ou à un guichet : on vous dira si c'est votre cas.

rights-help-title = Quelle aide existe
rights-help-shelter = Un endroit sûr pour dormir, tout de suite, si vous en avez besoin.
rights-help-health = Des soins médicaux et un soutien psychologique.
rights-help-legal = Une aide juridique gratuite : pour vos papiers, pour le salaire qu'on vous doit, et pour porter plainte si vous le voulez.
rights-help-work = De l'aide pour trouver un travail déclaré, et des cours d'italien et de formation.
rights-help-unions = Les syndicats : ils défendent les travailleurs, même sans papiers.
rights-help-inspectorate = L'Inspection du travail : elle contrôle les employeurs qui ne respectent pas les règles.

rights-check-title = Vérifiez votre situation
rights-check-lead = Répondez à ces questions. Vos réponses ne sont pas enregistrées. Le résultat est seulement une indication : ce n'est pas un avis juridique.
rights-q-documents = Quelqu'un a-t-il pris votre passeport ou vos papiers ?
rights-q-pay = Êtes-vous payé beaucoup moins que ce qu'on vous a promis ?
rights-q-hours = Travaillez-vous beaucoup d'heures chaque jour, sans jour de repos ?
rights-q-debt = Devez-vous de l'argent à votre employeur ou à la personne qui vous a trouvé le travail ?
rights-q-threats = Quelqu'un vous menace-t-il ou vous fait-il du mal ?
rights-q-leave = Pouvez-vous quitter ce travail quand vous le voulez ?
rights-yes = Oui
rights-no = Non
rights-check-submit = Voir le résultat

rights-result-title = Votre résultat
rights-result-signs-title = Certaines de vos réponses sont des signes d'exploitation au travail.
rights-sign-documents = Personne n'a le droit de garder vos papiers. Vous avez le droit de les récupérer.
rights-sign-pay = Vous devez recevoir un salaire juste pour le travail que vous faites.
rights-sign-hours = Trop d'heures sans repos, c'est mauvais pour vous et ce n'est pas permis.
rights-sign-debt = Une dette envers ceux qui vous donnent du travail peut servir à vous contrôler.
rights-sign-threats = Les menaces et la violence sont des crimes. Vous pouvez demander une protection.
rights-sign-leave = Vous devez être libre de quitter votre travail.
rights-result-help-free = Vous n'êtes pas seul. L'aide est gratuite et confidentielle, même sans papiers.
rights-result-no-signs = Vos réponses ne montrent pas de signe clair d'exploitation. Si quelque chose vous inquiète, demandez conseil : c'est gratuit.
rights-result-indicative = Ce test est seulement une indication. Ce n'est pas une évaluation juridique de votre situation.
rights-result-not-saved = Vos réponses n'ont pas été enregistrées.
rights-back = Retour à vos droits

rights-desks-title = Guichets d'aide près de chez vous
rights-desks-lead = Vous pouvez aller voir ou appeler ces services du réseau. Ils sont gratuits.
rights-desks-region = Votre région
rights-desks-all-regions = Toutes les régions
rights-desks-show = Afficher
rights-desks-none = Aucun guichet n'est encore indiqué ici. Appelez le numéro vert : on vous dira où aller.
rights-desks-in-italian = Les noms, les adresses et les horaires sont écrits en italien.
rights-desk-address = Adresse :
rights-desk-phone = Téléphone :
rights-desk-hours = Horaires :
rights-kind-desk = Guichet d'aide
rights-kind-mobile_unit = Unité mobile : elle vient là où vous travaillez
rights-kind-union = Syndicat
rights-kind-reception_centre = Centre d'accueil
rights-kind-helpline = Ligne téléphonique d'aide
rights-kind-other = Service du réseau
