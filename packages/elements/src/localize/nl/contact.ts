/**
 * `<plein-contact>`: the advice line, the private e-mail question, appointments, and the private thread a citizen
 * opens from the link in their e-mail. Language level B1, the "u" form.
 */
export const contact = {
  'contact.heading': 'Persoonlijk advies',
  'contact.intro': 'Gaat uw vraag over uw eigen situatie? Dan helpt een adviseur u persoonlijk. Kies wat bij u past.',
  'contact.loading': 'Contactgegevens laden…',
  'contact.failed': 'Het lukte niet om de contactgegevens te laden.',
  'contact.none': 'Deze community heeft nu geen adviestelefoon, privé vragen of afspraken.',
  'contact.errorSummary': 'Controleer het volgende:',
  'contact.topic': 'Onderwerp',
  'contact.topicChoose': 'Kies een onderwerp',
  'contact.topicRequired': 'Kies een onderwerp.',
  'contact.emailRequired': 'Vul uw e-mailadres in.',
  'contact.invalidEmail': 'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
  'contact.tooShort': (min: number) => `Schrijf minstens ${min} tekens.`,
  'contact.tooLong': (max: number) => `Gebruik niet meer dan ${max} tekens.`,
  'contact.dateAt': (day: string, time: string) => `${day} om ${time}`,

  'contact.phone.heading': 'Bel de adviestelefoon',
  'contact.phone.hoursHeading': 'Openingstijden',
  'contact.phone.day': 'Dag',
  'contact.phone.times': 'Tijden',
  'contact.phone.hours': (opens: string, closes: string) => `${opens} tot ${closes}`,
  'contact.phone.closed': 'Gesloten',
  'contact.phone.closedDaysHeading': 'Extra gesloten',
  'contact.phone.closedOn': (date: string, reason: string | null) =>
    reason ? `Gesloten op ${date} (${reason})` : `Gesloten op ${date}`,

  'contact.private.heading': 'Stel uw vraag privé',
  'contact.private.intro': (days: number) =>
    `Uw vraag komt niet op het forum. Alleen adviseurs lezen hem. Een adviseur antwoordt binnen ${days} ${
      days === 1 ? 'werkdag' : 'werkdagen'
    }. U krijgt een e-mail als het antwoord klaar is.`,
  'contact.private.body': 'Uw vraag',
  'contact.private.bodyHint': 'Vertel wat er aan de hand is en wat u wilt weten.',
  'contact.private.email': 'Uw e-mailadres',
  'contact.private.emailHint':
    'Hier sturen wij een link naar uw vraag, en een bericht als het antwoord klaar is. Niemand anders ziet dit adres.',
  'contact.private.bodyRequired': 'Schrijf uw vraag.',
  'contact.private.personalDataWhy':
    'Uw vraag is privé: alleen adviseurs lezen hem. Toch is het goed om alleen te noemen wat nodig is. Uw burgerservicenummer (BSN) is nooit nodig.',
  'contact.private.privateNote': 'U heeft gekozen voor een privé vraag. Alleen adviseurs lezen dit.',
  'contact.private.submit': 'Verstuur uw vraag',
  'contact.private.submitting': 'Uw vraag versturen…',
  'contact.private.sent': 'Kijk in uw e-mail. Daar staat een link naar uw vraag.',
  'contact.private.notSent': 'Uw vraag is niet verstuurd.',
  'contact.private.kept': 'Alles wat u typte, staat er nog. U kunt het opnieuw proberen.',
  'contact.private.draftRestored': 'Wij hebben de tekst teruggezet die u eerder typte.',
  'contact.private.draftDiscard': 'Wis deze tekst',

  'contact.appointment.heading': 'Maak een afspraak',
  'contact.appointment.intro': (minutes: number) =>
    `Praat met een onafhankelijke adviseur, op kantoor, via video of aan de telefoon. Een gesprek duurt ${minutes} minuten.`,
  'contact.appointment.topic': 'Waarover wilt u praten?',
  'contact.appointment.slots': 'Kies een tijd',
  'contact.appointment.chooseTopicFirst': 'Kies eerst een onderwerp. Dan ziet u de vrije tijden.',
  'contact.appointment.slotsLoading': 'Vrije tijden laden…',
  'contact.appointment.slotsNone':
    'Voor dit onderwerp zijn er nu geen vrije tijden. Bel de adviestelefoon of stel uw vraag privé.',
  'contact.appointment.slotsFailed': 'Het lukte niet om de vrije tijden te laden.',
  'contact.appointment.slotRequired': 'Kies een tijd.',
  'contact.appointment.slot': (day: string, start: string, end: string, mode: string, advisor: string) =>
    `${day}, ${start} – ${end}, ${mode} met ${advisor}`,
  'contact.appointment.mode.VIDEO': 'videogesprek',
  'contact.appointment.mode.PHONE': 'telefoongesprek',
  'contact.appointment.mode.IN_PERSON': 'gesprek op kantoor',
  'contact.appointment.location': (location: string) => `Adres: ${location}`,
  'contact.appointment.name': 'Uw naam of een schuilnaam',
  'contact.appointment.nameHint': 'Zo spreekt de adviseur u aan.',
  'contact.appointment.nameRequired': 'Vul uw naam of een schuilnaam in.',
  'contact.appointment.email': 'Uw e-mailadres',
  'contact.appointment.emailHint': 'Hier sturen wij de afspraak en een link om af te zeggen.',
  'contact.appointment.note': 'Korte toelichting',
  'contact.appointment.noteHint': 'Waar wilt u het over hebben? Een paar woorden zijn genoeg. Uw BSN is niet nodig.',
  'contact.appointment.submit': 'Afspraak maken',
  'contact.appointment.submitting': 'Afspraak maken…',
  'contact.appointment.booked': 'Uw afspraak is gemaakt',
  'contact.appointment.bookedWhen': (when: string) => `${when}.`,
  'contact.appointment.bookedEmail': 'U krijgt een e-mail met de afspraak voor uw agenda en een link om af te zeggen.',
  'contact.appointment.notBooked': 'De afspraak is niet gemaakt.',
  'contact.appointment.kept': 'Wat u invulde, staat er nog. U kunt het opnieuw proberen.',
  'contact.appointment.slotsRefreshed': 'We hebben de lijst met vrije tijden bijgewerkt.',

  'contact.thread.heading': 'Uw privé vraag',
  'contact.thread.loading': 'Uw vraag laden…',
  'contact.thread.asked': (topic: string, date: string) => `${topic}, gesteld op ${date}`,
  'contact.thread.answersHeading': (count: number) => (count === 1 ? 'Antwoord' : `${count} antwoorden`),
  'contact.thread.noAnswer': 'Er is nog geen antwoord. U krijgt een e-mail als het antwoord klaar is.',
  'contact.thread.answeredOn': (date: string) => `Geantwoord op ${date}`,
  'contact.thread.deleteAfter': (date: string) => `Deze vraag en de antwoorden worden op ${date} verwijderd.`,
  'contact.thread.keepEmail': 'Bewaar de e-mail met de link. Alleen met die link kunt u uw vraag weer lezen.',
  'contact.thread.invalid':
    'Deze link werkt niet (meer). Misschien is de vraag al verwijderd. U kunt een nieuwe vraag stellen.',
  'contact.thread.newQuestion': 'Stel een nieuwe vraag',
  'contact.thread.failed': 'Het lukte niet om uw vraag te laden.',

  'contact.compact.privateQuestion': 'Stel uw vraag privé',
  'contact.compact.appointment': 'Maak een afspraak',
};
