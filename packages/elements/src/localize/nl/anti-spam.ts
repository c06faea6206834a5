/** The hidden field against bots in the ask and answer forms. Dutch is the source locale. */
export const antiSpam = {
  // Nobody sees or hears this field; the label is there for the rare tool that shows it anyway.
  'antiSpam.honeypot': 'Laat dit veld leeg',
};
