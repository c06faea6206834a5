/** Shared words. Dutch is the source locale: language level B1, the "u" form. */
export const common = {
  'common.retry': 'Opnieuw proberen',
  'common.failed': 'Er ging iets mis. Probeer het opnieuw.',
  'common.loading': 'Laden…',
  'common.anonymous': 'Anoniem',
  'common.notConfigured':
    'Dit onderdeel weet niet met welke community het moet werken. Geef de attributen endpoint en community op, of zet het in een <plein-community>.',
  'common.expert': 'Expert',
  'common.status.OPEN': 'Open',
  'common.status.ANSWERED': 'Beantwoord',
  'common.status.RESOLVED': 'Opgelost',
  'common.answers': (count: number) => (count === 1 ? '1 antwoord' : `${count} antwoorden`),
  'common.askedBy': (name: string) => `Gevraagd door ${name}`,
  'common.charactersLeft': (left: number) =>
    left >= 0
      ? `Nog ${left} ${left === 1 ? 'teken' : 'tekens'} over`
      : `${-left} ${left === -1 ? 'teken' : 'tekens'} te veel`,
  'common.charactersNeeded': (needed: number) => `Nog minstens ${needed} ${needed === 1 ? 'teken' : 'tekens'} nodig`,
  'common.optional': '(niet verplicht)',
};
