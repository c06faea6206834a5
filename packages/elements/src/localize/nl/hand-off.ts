/**
 * Next steps an expert adds to an answer ("Maak een afspraak", "Stel uw vraag privé"): the choice in the expert's
 * answer forms and the buttons under the answer. Dutch is the source locale: language level B1, the "u" form.
 */
export const handOff = {
  'handOff.legend': 'Volgende stap voor de inwoner',
  'handOff.hint':
    'Vraagt de situatie om persoonlijk advies? Kies wat de inwoner kan doen. Onder uw antwoord staat dan een knop.',
  'handOff.APPOINTMENT': 'Maak een afspraak',
  'handOff.PRIVATE_QUESTION': 'Stel uw vraag privé',
  'handOff.lead': 'Uw situatie vraagt om persoonlijk advies.',
};
