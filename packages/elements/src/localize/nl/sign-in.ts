/** `<plein-sign-in>`, for experts, moderators and staff. Dutch is the source locale: language level B1, the "u" form. */
export const signIn = {
  'signIn.heading': 'Inloggen voor professionals',
  'signIn.intro':
    'Voor experts, moderatoren en medewerkers van de gemeente. Wilt u alleen een vraag stellen? Dan hoeft u niet in te loggen.',
  'signIn.email': 'E-mailadres',
  'signIn.password': 'Wachtwoord',
  'signIn.showPassword': 'Toon wachtwoord',
  'signIn.submit': 'Inloggen',
  'signIn.submitting': 'Bezig met inloggen…',
  'signIn.errorSummary': 'Controleer het volgende:',
  'signIn.emailRequired': 'Vul uw e-mailadres in.',
  'signIn.emailInvalid': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'signIn.passwordRequired': 'Vul uw wachtwoord in.',
  'signIn.failed': 'Inloggen is niet gelukt. Probeer het opnieuw.',
  'signIn.kept': 'Uw gegevens staan er nog. U kunt het zo opnieuw proberen.',
  'signIn.linkHint': 'Geen wachtwoord bij de hand? Vul uw e-mailadres in. U krijgt dan een link om in te loggen.',
  'signIn.requestLink': 'Stuur mij een inloglink',
  'signIn.requestingLink': 'Inloglink aanvragen…',
  'signIn.linkSent': 'Als dit adres bij ons bekend is, krijgt u een e-mail met een link. De link werkt 15 minuten.',
  'signIn.linkFailed': 'Het lukte niet om een inloglink aan te vragen. Probeer het opnieuw.',
  'signIn.finishingSignIn': 'U wordt ingelogd…',
  'signIn.linkHeading': 'Inloggen met de link uit uw e-mail',
  'signIn.linkIntro':
    'Klik op de knop om in te loggen. De link werkt maar één keer. Daarom loggen we u pas in als u zelf op de knop klikt.',
  'signIn.linkSubmit': 'Nu inloggen',
  'signIn.linkOtherWay': 'Op een andere manier inloggen',
  'signIn.organisation': (organisation: string) => `Inloggen met uw account van ${organisation}`,
  'signIn.organisationHint': 'U gaat naar de inlogpagina van uw organisatie. Daarna komt u hier terug.',
  'signIn.organisationCancelled': 'U heeft het inloggen bij uw organisatie gestopt. U bent niet ingelogd.',
  'signIn.organisationUnknownAccount':
    'Uw organisatie kent u, maar er is hier geen account met uw e-mailadres. Vraag de beheerder van de community om een account.',
  'signIn.organisationFailed':
    'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw, of log in met uw e-mailadres.',
  'signIn.signedInAs': (name: string) => `Ingelogd als ${name}`,
  'signIn.roles': (roles: string, count: number) => (count === 1 ? `Rol: ${roles}` : `Rollen: ${roles}`),
  'signIn.role.EXPERT': 'Expert',
  'signIn.role.MODERATOR': 'Moderator',
  'signIn.role.STAFF': 'Medewerker gemeente',
  'signIn.role.ADMIN': 'Beheerder',
  'signIn.portalCitizen': 'U bent ingelogd via de website van uw gemeente.',
  'signIn.until': (time: string) => `U blijft ingelogd tot ${time}.`,
  'signIn.signOut': 'Uitloggen',
  'signIn.signingOut': 'Bezig met uitloggen…',
  'signIn.signedOut': 'U bent uitgelogd.',
};

/** What `<plein-community sso-token>` says when the host portal's sign-in is refused. */
export const portalSignIn = {
  'portalSignIn.failed': 'Inloggen via de website van uw gemeente is niet gelukt. U kunt gewoon anoniem verder.',
  'portalSignIn.dismiss': 'Sluiten',
};
