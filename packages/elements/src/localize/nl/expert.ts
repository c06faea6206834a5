/**
 * Words about experts that the profile, the directory and the thread share, and the words of `<plein-expert>`.
 * Dutch is the source locale: language level B1, the "u" form.
 */
export const expertCard = {
  // The same four statements everywhere a citizen meets an expert: does this person work for who decides?
  'expert.independence.INDEPENDENT': 'Onafhankelijk: werkt niet voor UWV of de gemeente',
  'expert.independence.MUNICIPALITY': 'Werkt voor de gemeente',
  'expert.independence.UWV': 'Werkt voor UWV',
  'expert.independence.OTHER': (note: string) => (note ? `Werkt voor ${note}` : 'Werkt voor een andere organisatie'),
  'expert.verified': 'Geverifieerde expert',
  'expert.verifiedUntil': (date: string) => `Gecontroleerd tot ${date}`,
  'expert.answerCount': (count: number) => (count === 1 ? '1 antwoord gegeven' : `${count} antwoorden gegeven`),
  'expert.responseTime.hour': 'Antwoordt meestal binnen een uur',
  'expert.responseTime.hours': (hours: number) => `Antwoordt meestal binnen ${hours} uur`,
  'expert.responseTime.days': (days: number) =>
    days === 1 ? 'Antwoordt meestal binnen 1 dag' : `Antwoordt meestal binnen ${days} dagen`,
  'expert.responseTime.weeks': (weeks: number) =>
    weeks === 1 ? 'Antwoordt meestal binnen 1 week' : `Antwoordt meestal binnen ${weeks} weken`,
  'expert.topics': 'Onderwerpen',
  'expert.profileOf': (name: string) => `Profiel van ${name}`,
};

export const expert = {
  'expert.loading': 'Profiel laden…',
  'expert.noId': 'Dit onderdeel weet niet welke expert het moet tonen. Geef het attribuut expert-id op.',
  'expert.notFound': 'We kunnen deze expert niet vinden. Misschien is het profiel verwijderd.',
  'expert.loadFailed': 'Het lukte niet om het profiel te laden. Probeer het opnieuw.',
  'expert.bio': 'Over mij',
  'expert.edit': 'Profiel aanpassen',
  'expert.edit.heading': 'Uw profiel aanpassen',
  'expert.edit.intro': 'Uw organisatie, uw onderwerpen en of u onafhankelijk bent, past de beheerder aan.',
  'expert.edit.displayName': 'Uw naam',
  'expert.edit.displayNameHint': 'Iedereen ziet deze naam bij uw antwoorden.',
  'expert.edit.title': 'Uw functie',
  'expert.edit.titleHint': 'Bijvoorbeeld: arbeidsadviseur of klantmanager.',
  'expert.edit.bio': 'Over u',
  'expert.edit.bioHint': 'Vertel in een paar zinnen wie u bent en waarmee u mensen helpt.',
  'expert.edit.photoUrl': 'Adres van uw foto',
  'expert.edit.photoUrlHint': 'Een webadres dat begint met https://. Zonder foto tonen we uw initialen.',
  'expert.edit.photoAlt': 'Beschrijving van uw foto',
  'expert.edit.photoAltHint':
    'Voor mensen die de foto niet kunnen zien. Bijvoorbeeld: foto van Geert Heikens in een blauw overhemd.',
  'expert.edit.photoAltRequiredNote': '(verplicht bij een foto)',
  'expert.edit.save': 'Profiel opslaan',
  'expert.edit.saving': 'Opslaan…',
  'expert.edit.cancel': 'Annuleren',
  'expert.edit.saved': 'Uw profiel is aangepast.',
  'expert.edit.failed': 'Uw profiel is niet opgeslagen. Probeer het opnieuw.',
  'expert.edit.kept': 'Uw tekst is bewaard. U kunt het zo opnieuw proberen.',
  'expert.edit.errorSummary': 'Controleer uw profiel:',
  'expert.edit.displayNameRequired': 'Vul uw naam in.',
  'expert.edit.tooLong': (max: number) => `Gebruik hoogstens ${max} tekens.`,
  'expert.edit.photoUrlInvalid': 'Dit adres klopt niet. Het moet beginnen met https://.',
  'expert.edit.photoAltRequired': 'Beschrijf uw foto. Dat is verplicht als u een foto toont.',
};
