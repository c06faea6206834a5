/** `<plein-topics>`: situations in a citizen's own words, as a way in to the questions about them. */
export const topics = {
  'topics.heading': 'Wat is uw situatie?',
  'topics.intro': 'Kies wat het best bij u past. U ziet dan de vragen en antwoorden over dat onderwerp.',
  'topics.loading': 'Situaties laden…',
  'topics.empty': 'Er zijn nog geen situaties. Bekijk alle vragen of stel zelf een vraag.',
  'topics.failed': 'We kunnen de situaties nu niet laden.',
  'topics.count': (count: number) => (count === 1 ? '1 vraag' : `${count} vragen`),
  'topics.topic': (name: string) => `Onderwerp: ${name}`,
  'topics.showing': (name: string) => `U ziet nu de vragen over: ${name}.`,
  'topics.showingAll': 'U ziet nu alle vragen.',
};
