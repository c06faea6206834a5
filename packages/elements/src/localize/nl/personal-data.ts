/**
 * The personal-data guard under a field of the ask and answer forms. Kinds are said the way a citizen would say them,
 * with an article, so they read well in a list ("een telefoonnummer: 06 12345678").
 */
export const personalData = {
  'personalData.heading': 'Let op: dit lijkt persoonlijke informatie',
  'personalData.why.question':
    'Uw vraag is voor iedereen te lezen. Zet er geen gegevens in waarmee iemand u kan herkennen.',
  'personalData.why.answer':
    'Uw antwoord is voor iedereen te lezen. Zet er geen gegevens in waarmee iemand u of een ander kan herkennen.',
  'personalData.kind.bsn': 'een burgerservicenummer (BSN)',
  'personalData.kind.iban': 'een bankrekeningnummer (IBAN)',
  'personalData.kind.phone': 'een telefoonnummer',
  'personalData.kind.email': 'een e-mailadres',
  'personalData.kind.postcode': 'een postcode',
  'personalData.kind.date-of-birth': 'een geboortedatum',
  'personalData.kind.street-address': 'een adres',
  'personalData.kind.name': 'een naam',
  'personalData.kind.other': 'persoonlijke informatie',
  'personalData.maybe': (kind: string) => `misschien ${kind}`,
  'personalData.remove': 'Verwijder dit voor mij',
  'personalData.removeAll': 'Verwijder alles',
  'personalData.removed': 'Verwijderd',
  'personalData.found': (count: number) =>
    count === 1
      ? 'Let op: er staat mogelijk persoonlijke informatie in uw tekst.'
      : `Let op: er staan mogelijk ${count} stukjes persoonlijke informatie in uw tekst.`,
  'personalData.health.question': 'U hoeft geen medische details te delen. Vertel alleen wat nodig is voor uw vraag.',
  'personalData.health.answer': 'U hoeft geen medische details te delen. Vertel alleen wat nodig is voor uw antwoord.',
};
