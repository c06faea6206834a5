/** "Mijn vragen": the questions asked on this device. Dutch is the source locale: language level B1, the "u" form. */
export const myQuestions = {
  'myQuestions.heading': 'Mijn vragen',
  'myQuestions.intro':
    'Dit zijn de vragen die u op dit apparaat heeft gesteld. Op een ander apparaat ziet u ze hier niet.',
  'myQuestions.loading': 'Uw vragen laden…',
  'myQuestions.empty': 'U heeft op dit apparaat nog geen vragen gesteld.',
  'myQuestions.failed': 'Het lukte niet om uw vragen te laden. Probeer het opnieuw.',
  'myQuestions.held': 'Wacht op controle',
  'myQuestions.heldNote': 'Een moderator kijkt eerst naar uw vraag. Daarna ziet iedereen hem.',
  'myQuestions.back': 'Terug naar mijn vragen',
  'myQuestions.hidden': 'Verborgen door een moderator',
  'myQuestions.hiddenNote': 'Anderen zien deze vraag nu niet. Een moderator heeft hem verborgen, of kijkt er nog naar.',
  'myQuestions.rejected': 'Afgewezen door een moderator',
  'myQuestions.rejectedWithReason': (reason: string) => `Afgewezen door een moderator: ${reason}`,
  'myQuestions.rejectedNote': 'Deze vraag komt niet online. U kunt wel een nieuwe vraag stellen.',
  'myQuestions.reason': (reason: string) => `Reden: ${reason}`,
};
