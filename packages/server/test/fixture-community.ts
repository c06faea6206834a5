import type { SeedCommunity } from '../src/seed/seed-types.ts';

/** A small community for store and API tests, independent of the demo content. */
export const fixtureCommunity: SeedCommunity = {
  slug: 'testgemeente',
  name: 'Testgemeente Werk',
  municipalities: [
    { slug: 'noord', name: 'Noord' },
    { slug: 'zuid', name: 'Zuid' },
  ],
  topics: [
    { slug: 'ontslag', name: 'Ontslag en vaststellingsovereenkomst' },
    { slug: 'ww', name: 'WW aanvragen, hoogte en duur' },
    { slug: 'bijstand-aanvragen', name: 'Bijstand aanvragen (Participatiewet)' },
  ],
  experts: [
    {
      key: 'adviseur',
      displayName: 'Els Testadviseur',
      title: 'Onafhankelijk arbeidsadviseur',
      organisation: 'Adviespraktijk Test',
      independent: true,
      bio: 'Ik help mensen bij vragen over werk en ontslag.',
      topics: ['ontslag', 'ww'],
    },
    {
      key: 'klantmanager',
      displayName: 'Bram Testklant',
      title: 'Klantmanager',
      organisation: 'Gemeente Test',
      independent: false,
      bio: 'Ik werk bij de gemeente en ken de bijstand goed.',
      topics: ['bijstand-aanvragen'],
    },
  ],
  situations: [
    {
      slug: 'ziek-en-ontslag',
      title: 'Ik ben ziek en mijn baan is in gevaar',
      description: 'Lees wat uw werkgever wel en niet mag als u ziek bent.',
      topic: 'ontslag',
    },
    {
      slug: 'werkloos',
      title: 'Ik ben mijn baan kwijt',
      description: 'Lees hoe u WW aanvraagt.',
      topic: 'ww',
    },
  ],
  questions: [
    {
      topic: 'ontslag',
      municipality: 'noord',
      title: 'Mijn werkgever dreigt met ontslag terwijl ik ziek ben',
      body: 'Ik ben al drie weken ziek. Nu zegt mijn baas dat hij mij wil ontslaan. Mag dat zomaar?',
      daysAgo: 10,
      answers: [
        {
          expert: 'adviseur',
          body: 'Tijdens ziekte geldt een opzegverbod. Uw werkgever mag u meestal niet ontslaan.',
          hoursAfter: 5,
        },
        {
          displayName: 'Lotgenoot',
          body: 'Bij mij ging het ook zo. Laat u goed informeren.',
          hoursAfter: 2,
          accepted: true,
        },
      ],
      resolved: true,
    },
    {
      topic: 'ww',
      municipality: 'zuid',
      title: 'Hoe lang krijg ik WW na twintig jaar werk?',
      body: 'Ik heb twintig jaar bij dezelfde werkgever gewerkt. Hoe lang duurt mijn WW-uitkering dan?',
      daysAgo: 8,
      answers: [],
    },
    {
      topic: 'ontslag',
      municipality: 'zuid',
      title: 'Vaststellingsovereenkomst tekenen of niet?',
      body: 'Mijn werkgever wil dat ik een vaststellingsovereenkomst teken. Verlies ik dan mijn recht op WW?',
      daysAgo: 6,
      answers: [{ displayName: 'Piet', body: 'Laat de overeenkomst eerst nakijken door een jurist.', hoursAfter: 1 }],
    },
    {
      topic: 'bijstand-aanvragen',
      municipality: 'noord',
      title: 'Bijstand aanvragen als je jonger bent dan 27',
      body: 'Ik ben 23 en heb geen werk meer. Kan ik bijstand aanvragen en wat moet ik eerst doen?',
      daysAgo: 4,
      answers: [
        { expert: 'klantmanager', body: 'U moet eerst vier weken zelf naar werk of school zoeken.', hoursAfter: 3 },
      ],
    },
    {
      topic: 'ww',
      municipality: 'noord',
      title: 'Gedeeltelijk werken naast mijn WW-uitkering',
      body: 'Ik kan een paar uur per week werken. Wat gebeurt er dan met mijn uitkering?',
      daysAgo: 2,
      answers: [],
    },
  ],
};

/** A fixed clock: tests never depend on the wall clock. */
export const fixedClock = () => new Date('2026-11-01T12:00:00.000Z');
