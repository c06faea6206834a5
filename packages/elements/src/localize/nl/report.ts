// Words inside the summaries' sentences.
const unitName = { DAY: 'dag', WEEK: 'week', MONTH: 'maand' } as const;
const unitNames = { DAY: 'dagen', WEEK: 'weken', MONTH: 'maanden' } as const;
const times = (count: number) => (count === 1 ? '1 keer' : `${count} keer`);

/**
 * `<plein-report>`: the period picker, the figures and their summaries, the downloads and the report e-mail. Dutch is
 * the source locale: language level B1, the "u" form. The words of the tables themselves come from `reportTables`
 * in `@plein/schema`, so the CLI, the e-mail and the element say the same.
 */
export const report = {
  'report.heading': 'Rapport',
  'report.intro':
    'Hoeveel vragen stelden inwoners, waarover, en hoe snel kregen ze antwoord? Het rapport is anoniem. Aantallen onder de 5 ziet u als „minder dan 5”. Zo is niemand te herkennen.',
  'report.signInFirst': 'Alleen medewerkers die zijn ingelogd, kunnen het rapport zien. Log eerst in.',
  'report.noAccess': 'U heeft geen toegang tot rapporten van deze community.',

  'report.period': 'Periode',
  'report.mode.month': 'Maand',
  'report.mode.quarter': 'Kwartaal',
  'report.mode.custom': 'Zelf kiezen',
  'report.month': 'Maand',
  'report.quarter': 'Kwartaal',
  'report.quarterName': (quarter: number, year: number, firstMonth: string, lastMonth: string) =>
    `${quarter}e kwartaal ${year} (${firstMonth} t/m ${lastMonth})`,
  'report.custom.from': 'Eerste dag',
  'report.custom.to': 'Laatste dag',
  'report.custom.hint': 'Hoogstens 366 dagen. Beide dagen tellen mee.',
  'report.custom.submit': 'Toon rapport',
  'report.custom.fromRequired': 'Vul de eerste dag in.',
  'report.custom.toRequired': 'Vul de laatste dag in.',
  'report.custom.toBeforeFrom': 'De laatste dag mag niet vóór de eerste dag liggen.',
  'report.custom.tooLong': (days: number) => `Kies een periode van hoogstens ${days} dagen.`,
  'report.errorSummary': 'Controleer het volgende:',
  'report.municipality': 'Gemeente',
  'report.allMunicipalities': 'Alle gemeenten',

  'report.loading': 'Rapport wordt geladen',
  'report.loaded': (period: string) => `Rapport voor ${period} geladen`,
  'report.failed': 'Het lukte niet om het rapport te laden. Probeer het opnieuw.',
  'report.kept': 'Uw keuze voor de periode staat er nog.',
  'report.title': (period: string) => `Rapport over ${period}`,
  'report.scope': (municipality: string, previous: string) =>
    `${municipality}. Vergeleken met de periode ervoor: ${previous}.`,
  'report.download.csv': 'Download CSV',
  'report.download.json': 'Download JSON',
  'report.download.hint': 'U downloadt precies de cijfers die hier staan.',
  'report.tableLabel': (title: string) => `${title}, in cijfers`,
  'report.legend': 'Uitleg bij de grafiek',
  'report.empty.visits': 'In deze periode zijn geen bezoeken geteld.',
  'report.empty.titles':
    'Er zijn geen voorbeelden van vragen. Bij een onderwerp met minder dan 5 vragen tonen we ze niet.',
  'report.empty.rows': 'Er zijn geen gegevens voor deze periode.',
  'report.titlesIntro':
    'Titels van vragen uit deze periode. We tonen alleen titels zonder persoonlijke gegevens, en alleen bij onderwerpen met 5 vragen of meer.',

  'report.compare.more': (difference: number) => `${difference} meer dan de vorige periode`,
  'report.compare.fewer': (difference: number) => `${difference} minder dan de vorige periode`,
  'report.compare.same': 'evenveel als de vorige periode',
  'report.compare.previousSuppressed': 'de vorige periode waren het er minder dan 5',
  'report.summary.topics': (topic: string, count: string, comparison: string) =>
    `De meeste vragen gingen over ${topic}: ${count}, ${comparison}.`,
  'report.summary.topicsTie': (topics: string, count: string) =>
    `De meeste vragen gingen over ${topics}: elk ${count}.`,
  'report.summary.topicsNone': 'Bij elk onderwerp waren het minder dan 5 vragen.',
  'report.summary.municipalities': (municipality: string, count: string, comparison: string) =>
    `De meeste vragen kwamen uit ${municipality}: ${count}, ${comparison}.`,
  'report.summary.municipalitiesTie': (municipalities: string, count: string) =>
    `De meeste vragen kwamen uit ${municipalities}: elk ${count}.`,
  'report.summary.municipalitiesNone': 'Bij elke gemeente waren het minder dan 5 vragen.',
  'report.summary.noMunicipality': 'pagina’s zonder gemeente',
  'report.summary.visits': (page: string, count: string, comparison: string) =>
    `De meeste bezoeken waren op ${page}: ${count}, ${comparison}.`,
  'report.summary.visitsTie': (pages: string, count: string) => `De meeste bezoeken waren op ${pages}: elk ${count}.`,
  'report.summary.visitsNone': 'Op elke pagina waren het minder dan 5 bezoeken.',
  'report.summary.overTime': (unit: 'DAY' | 'WEEK' | 'MONTH', when: string, count: string) =>
    `De drukste ${unitName[unit]} was ${when}, met ${count} vragen.`,
  'report.summary.overTimeTie': (unit: 'DAY' | 'WEEK' | 'MONTH', when: string, count: string) =>
    `De drukste ${unitNames[unit]} waren ${when}, met elk ${count} vragen.`,
  'report.summary.overTimeNone': (unit: 'DAY' | 'WEEK' | 'MONTH') =>
    `Per ${unitName[unit]} waren het steeds minder dan 5 vragen.`,
  'report.chart.current': (period: string) => `Deze periode (${period})`,
  'report.chart.previous': (period: string) => `Vorige periode (${period})`,
  'report.chart.gaps': (current: number, previous: number) =>
    `Waar het minder dan 5 vragen waren, staat geen punt en is de lijn onderbroken. Dat is ${times(current)} in deze periode en ${times(previous)} in de vorige periode.`,

  'report.schedule.heading': 'Rapport per e-mail',
  'report.schedule.loading': 'Laden…',
  'report.schedule.failed': 'Het lukte niet om te laden wie het rapport per e-mail krijgt. Probeer het opnieuw.',
  'report.schedule.off': 'Er gaat geen rapport per e-mail.',
  'report.schedule.to': (frequency: 'WEEKLY' | 'MONTHLY', names: string) =>
    `${frequency === 'WEEKLY' ? 'Elke maandag' : 'Elke maand op de 1e'} gaat het rapport naar: ${names}.`,
  'report.schedule.toNobody': (frequency: 'WEEKLY' | 'MONTHLY') =>
    `${frequency === 'WEEKLY' ? 'Elke maandag' : 'Elke maand op de 1e'} gaat er een rapport, maar er is nog niemand gekozen die het krijgt.`,
  'report.schedule.next': (date: string) => `Het volgende rapport gaat op ${date}.`,
  'report.schedule.intro':
    'Kies hoe vaak het rapport per e-mail gaat, en naar wie. Het rapport zit erin als tabel en als CSV-bestand.',
  'report.schedule.frequency': 'Hoe vaak?',
  'report.schedule.frequency.off': 'Uit',
  'report.schedule.frequency.off.hint': 'Er gaat geen rapport per e-mail.',
  'report.schedule.frequency.WEEKLY': 'Elke week',
  'report.schedule.frequency.WEEKLY.hint': 'Op maandag, over de week ervoor.',
  'report.schedule.frequency.MONTHLY': 'Elke maand',
  'report.schedule.frequency.MONTHLY.hint': 'Op de 1e van de maand, over de maand ervoor.',
  'report.schedule.recipients': 'Wie krijgt het rapport?',
  'report.schedule.recipients.hint': 'Alleen medewerkers en beheerders van deze community kunnen het krijgen.',
  'report.schedule.noCandidates': 'Er zijn nog geen medewerkers die het rapport kunnen krijgen.',
  'report.schedule.recipientsRequired': 'Kies minstens één persoon die het rapport krijgt.',
  'report.schedule.submit': 'Opslaan',
  'report.schedule.saving': 'Opslaan…',
  'report.schedule.saved': 'Opgeslagen.',
  'report.schedule.notSaved': 'Het opslaan is niet gelukt. Probeer het opnieuw.',
  'report.schedule.kept': 'Uw keuzes staan er nog.',
  'report.schedule.errorSummary': 'Controleer het volgende:',
};
