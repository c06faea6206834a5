/** The experts directory. Dutch is the source locale: language level B1, the "u" form. */
export const experts = {
  'experts.heading': 'Experts',
  'experts.intro':
    'Deze professionals beantwoorden vragen in de community. Bij iedereen staat of hij of zij voor UWV of de gemeente werkt.',
  'experts.topic.label': 'Onderwerp',
  'experts.topic.all': 'Alle onderwerpen',
  'experts.count': (count: number) => (count === 1 ? '1 expert' : `${count} experts`),
  'experts.countTopic': (count: number, topic: string) =>
    count === 1 ? `1 expert voor ${topic}` : `${count} experts voor ${topic}`,
  'experts.shown': (shown: number, total: number) => `${shown} van ${total} experts getoond`,
  'experts.more': 'Meer experts laden',
  'experts.moreLoading': 'Meer experts laden…',
  'experts.loading': 'Experts laden…',
  'experts.empty': 'Er zijn nog geen experts in deze community.',
  'experts.emptyTopic': 'Er zijn nog geen experts voor dit onderwerp. Kies een ander onderwerp.',
  'experts.failed': 'Het lukte niet om de experts te laden. Probeer het opnieuw.',
  'experts.back': 'Terug naar alle experts',
};
