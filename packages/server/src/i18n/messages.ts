import type { Locale } from './locale.ts';

export type UserErrorCode =
  | 'REQUIRED'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'INVALID_EMAIL'
  | 'INVALID_KEY'
  | 'UNKNOWN_COMMUNITY'
  | 'UNKNOWN_TOPIC'
  | 'UNKNOWN_QUESTION'
  | 'UNKNOWN_ANSWER'
  | 'NOT_OWNER'
  | 'EDIT_WINDOW_CLOSED'
  // Experts, verifications and claims
  | 'INVALID_URL'
  | 'INVALID_DATE'
  | 'INVALID_KVK'
  | 'VALID_UNTIL'
  | 'FIELD_NOT_ALLOWED'
  | 'ALREADY_CLAIMED'
  | 'UNKNOWN_EXPERT'
  | 'NOT_VERIFIED'
  // Accounts and sessions
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_LINK_INVALID'
  | 'PORTAL_TOKEN_INVALID'
  | 'USER_EXISTS'
  | 'UNKNOWN_USER'
  | 'LAST_ADMIN'
  // Moderation
  | 'BLOCKED_WORDS'
  | 'REPEATED_POST'
  | 'BLOCKED_AUTHOR'
  | 'SUBMITTED_TOO_FAST'
  | 'POST_REFUSED'
  | 'TOO_MANY_POSTS'
  | 'MODERATED'
  | 'DEVICE_REQUIRED'
  | 'NO_DEVICE'
  | 'ANONYMOUS_NOT_BLOCKABLE'
  | 'ACCOUNT_NOT_BLOCKABLE'
  | 'TEXT_ERASED'
  | 'REMOVED_KINDS'
  | 'FLAG_THRESHOLD'
  | 'WORD_LIST'
  // Appointments
  | 'APPOINTMENTS_OFF'
  | 'VERIFICATION_REQUIRED'
  | 'SLOT_TIME'
  | 'TOO_MANY_SLOTS'
  | 'SLOT_OVERLAP'
  | 'UNKNOWN_SLOT'
  | 'SLOT_BOOKED'
  | 'SLOT_TAKEN'
  | 'SLOT_UNAVAILABLE'
  | 'CANCEL_LINK_INVALID'
  | 'ALREADY_CANCELLED'
  | 'APPOINTMENT_PAST'
  // Contact channels
  | 'INVALID_PHONE'
  | 'INVALID_WEEKDAY'
  | 'INVALID_TIME'
  | 'MIDNIGHT_HOURS'
  | 'CLOSES_BEFORE_OPENS'
  | 'OVERLAPPING_HOURS'
  | 'TOO_MANY_BLOCKS'
  | 'INVALID_DAY'
  | 'DUPLICATE_DAY'
  | 'TOO_MANY_CLOSED_DAYS'
  | 'ANSWER_WITHIN_DAYS'
  | 'APPOINTMENT_DURATION'
  | 'UNKNOWN_FIELD'
  // Private e-mail questions
  | 'EMAIL_SERVICE_OFF'
  | 'CONFIRMATION_NOT_SENT'
  // The report e-mail
  | 'NOT_STAFF'
  | 'TOO_MANY_RECIPIENTS';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INTERNAL_SERVER_ERROR'
  // Limits (http/rate-limits.ts, graphql/limits.ts, graphql/persisted-operations.ts)
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'PERSISTED_OPERATION_NOT_FOUND'
  | 'INTROSPECTION_DISABLED';

/** The text of a refusal (`ServiceError.messageKey`): an ErrorCode's own, or a more precise one. */
export type ErrorMessageKey =
  | ErrorCode
  | 'INVALID_CURSOR'
  | 'PAGE_SIZE'
  | 'ORIGIN'
  // The municipal report's period and municipality (services/report-service.ts)
  | 'REPORT_INVALID_DAY'
  | 'REPORT_END_BEFORE_START'
  | 'REPORT_PERIOD_TOO_LONG'
  | 'REPORT_UNKNOWN_MUNICIPALITY';

/** Why `POST /visits` refused a visit count (http/visit-beacon.ts, services/visit-service.ts). */
export type VisitRefusal =
  | 'BODY'
  | 'CONTENT_TYPE'
  | 'TOO_LARGE'
  | 'UNKNOWN_COMMUNITY'
  | 'PAGE'
  | 'ORIGIN'
  | 'ORIGIN_MISMATCH'
  | 'ELEMENTS'
  | 'UNKNOWN_MUNICIPALITY'
  | 'RATE_LIMITED';

interface Params {
  min?: number;
  max?: number;
}

type Messages = {
  userErrors: Record<UserErrorCode, (params: Params) => string>;
  errors: Record<ErrorMessageKey, string>;
  visits: Record<VisitRefusal, string>;
};

/** Language level B1: short sentences, common words, the "u" form. */
const nl: Messages = {
  userErrors: {
    REQUIRED: () => 'Vul dit veld in.',
    TOO_SHORT: ({ min }) => `Schrijf minstens ${min} tekens.`,
    TOO_LONG: ({ max }) => `Gebruik niet meer dan ${max} tekens.`,
    INVALID_EMAIL: () => 'Dit e-mailadres klopt niet. Controleer het adres, bijvoorbeeld naam@voorbeeld.nl.',
    INVALID_KEY: () => 'Het formulier is niet goed verstuurd. Laad de pagina opnieuw en probeer het nog een keer.',
    UNKNOWN_COMMUNITY: () => 'Deze community bestaat niet.',
    UNKNOWN_TOPIC: () => 'Kies een onderwerp uit de lijst.',
    UNKNOWN_QUESTION: () => 'Deze vraag bestaat niet (meer).',
    UNKNOWN_ANSWER: () => 'Dit antwoord bestaat niet (meer).',
    NOT_OWNER: () => 'Dit kan alleen op het apparaat waarmee de vraag is gesteld.',
    EDIT_WINDOW_CLOSED: () =>
      'U kunt uw vraag alleen in de eerste 15 minuten na het plaatsen wijzigen. U kunt de vraag wel verwijderen.',
    INVALID_URL: () => 'Vul een webadres in dat begint met https://, bijvoorbeeld https://wetten.overheid.nl.',
    INVALID_DATE: () =>
      'Vul een datum in als jaar-maand-dag, bijvoorbeeld 2026-03-15. De datum ligt niet in de toekomst en niet voor 2000.',
    INVALID_KVK: () => 'Een KvK-nummer heeft precies 8 cijfers.',
    VALID_UNTIL: () => 'Kies een datum in de toekomst. Dat mag hoogstens 3 jaar vooruit zijn.',
    FIELD_NOT_ALLOWED: () => 'Alleen een expert met een geldige verificatie kan dit invullen. Laat dit veld leeg.',
    ALREADY_CLAIMED: () => 'Een andere expert werkt al aan deze vraag.',
    UNKNOWN_EXPERT: () => 'Deze expert bestaat niet (meer).',
    NOT_VERIFIED: () => 'Deze expert heeft nu geen geldige verificatie.',
    SIGN_IN_FAILED: () => 'Het e-mailadres of het wachtwoord klopt niet.',
    SIGN_IN_LINK_INVALID: () => 'Deze link werkt niet meer. Vraag een nieuwe aan.',
    PORTAL_TOKEN_INVALID: () => 'Uw inlog via het portaal werkt niet (meer). U kunt gewoon anoniem verder.',
    USER_EXISTS: () => 'Er is al een account met dit e-mailadres in deze community.',
    UNKNOWN_USER: () => 'Dit account bestaat niet (meer).',
    LAST_ADMIN: () =>
      'U bent de laatste beheerder. Maak eerst iemand anders beheerder. Daarna kunt u deze rol weghalen.',
    // Moderation
    BLOCKED_WORDS: () => 'In uw bericht staan woorden die hier niet mogen.',
    REPEATED_POST: () => 'U heeft dit bericht net al geplaatst.',
    BLOCKED_AUTHOR: () => 'U kunt op dit moment niet plaatsen.',
    SUBMITTED_TOO_FAST: () => 'Dat ging erg snel. Controleer uw bericht en verstuur het opnieuw.',
    POST_REFUSED: () => 'Uw bericht is niet geplaatst. Laad de pagina opnieuw en probeer het nog een keer.',
    TOO_MANY_POSTS: () =>
      'U heeft in korte tijd veel berichten geplaatst. Wacht een paar minuten en probeer het dan opnieuw.',
    MODERATED: () =>
      'Een moderator heeft over deze vraag besloten. U kunt de vraag niet meer wijzigen. U kunt de vraag wel verwijderen.',
    DEVICE_REQUIRED: () => 'Melden lukt niet vanaf deze pagina. Laad de pagina opnieuw en probeer het nog een keer.',
    NO_DEVICE: () =>
      'Het is niet bekend vanaf welk apparaat dit bericht kwam. Blokkeer de schuilnaam of verberg het bericht.',
    ANONYMOUS_NOT_BLOCKABLE: () => 'Dit bericht heeft geen schuilnaam. Blokkeer het apparaat of verberg het bericht.',
    ACCOUNT_NOT_BLOCKABLE: () => 'Dit bericht is van een account. Een beheerder kan het account uitzetten.',
    TEXT_ERASED: () =>
      'De tekst van dit bericht is gewist, omdat het langer dan 30 dagen geleden is afgewezen. U kunt het niet meer plaatsen.',
    REMOVED_KINDS: () =>
      'Geef aan wat u heeft weggehaald, bijvoorbeeld naam of telefoonnummer. Gebruik kleine letters en streepjes.',
    FLAG_THRESHOLD: () => 'Kies een getal van 1 tot en met 20.',
    WORD_LIST: () => 'Een lijst heeft hoogstens 200 woorden. Elk woord heeft 2 tot 40 tekens.',
    // Appointments
    APPOINTMENTS_OFF: () => 'Er zijn hier nu geen afspraken met een adviseur mogelijk.',
    VERIFICATION_REQUIRED: () =>
      'U heeft nu geen geldige verificatie als expert. Daarom kunt u geen tijden voor afspraken aanbieden. Vraag de beheerder om u opnieuw te verifiëren.',
    SLOT_TIME: () => 'Kies een tijd in de toekomst. Dat mag hoogstens een jaar vooruit zijn.',
    TOO_MANY_SLOTS: () => 'U kunt hoogstens 50 tijden tegelijk aanbieden.',
    SLOT_OVERLAP: () => 'Deze tijden overlappen met elkaar of met een tijd die u al aanbiedt. Kies andere tijden.',
    UNKNOWN_SLOT: () => 'Deze tijd bestaat niet (meer).',
    SLOT_BOOKED: () =>
      'Op deze tijd heeft iemand al een afspraak. Deze tijd kunt u niet weghalen. Kan de afspraak niet doorgaan? Stuur de inwoner dan een e-mail.',
    SLOT_TAKEN: () => 'Deze tijd is net door iemand anders gekozen. Kies een andere tijd.',
    SLOT_UNAVAILABLE: () => 'Deze tijd kunt u niet (meer) kiezen. Kies een andere tijd uit de lijst.',
    CANCEL_LINK_INVALID: () => 'Deze link werkt niet. Gebruik de hele link uit de e-mail over uw afspraak.',
    ALREADY_CANCELLED: () => 'Deze afspraak is al geannuleerd. U hoeft niets meer te doen.',
    APPOINTMENT_PAST: () => 'Deze afspraak is al begonnen of voorbij. U kunt hem niet meer annuleren.',
    // Contact channels
    INVALID_PHONE: () =>
      'Vul een Nederlands telefoonnummer in, bijvoorbeeld 0800 - 023 45 67, 050 123 45 67 of +31 50 123 45 67.',
    INVALID_WEEKDAY: () => 'Kies een dag: 1 is maandag, 7 is zondag.',
    INVALID_TIME: () => 'Vul een tijd in als uu:mm, bijvoorbeeld 09:00 of 17:30.',
    MIDNIGHT_HOURS: () => 'Laat de tijden na 00:00 beginnen. Openingstijden lopen niet door middernacht heen.',
    CLOSES_BEFORE_OPENS: () => 'De sluitingstijd moet later zijn dan de openingstijd.',
    OVERLAPPING_HOURS: () => 'Deze tijden overlappen met andere tijden op dezelfde dag.',
    TOO_MANY_BLOCKS: () => 'Geef per dag hoogstens 4 blokken met openingstijden op.',
    INVALID_DAY: () => 'Vul een datum in die bestaat, als jaar-maand-dag, bijvoorbeeld 2026-12-25.',
    DUPLICATE_DAY: () => 'Deze datum staat al in de lijst.',
    TOO_MANY_CLOSED_DAYS: () => 'Geef hoogstens 60 dagen op waarop de lijn gesloten is.',
    ANSWER_WITHIN_DAYS: () => 'Kies een aantal werkdagen van 1 tot en met 10.',
    APPOINTMENT_DURATION: () => 'Kies een duur van 15 tot en met 120 minuten, in stappen van 5 minuten.',
    UNKNOWN_FIELD: () => 'Dit veld bestaat niet. Controleer de spelling of haal het veld weg.',
    // Private e-mail questions
    EMAIL_SERVICE_OFF: () =>
      'U kunt hier nu geen vraag per e-mail stellen. Op deze pagina staan andere manieren om een adviseur te bereiken.',
    CONFIRMATION_NOT_SENT: () =>
      'Het lukte niet om u een e-mail te sturen. Uw vraag is niet verstuurd. Controleer uw e-mailadres en probeer het opnieuw.',
    // The report e-mail
    NOT_STAFF: () => 'Dit account kan het rapport niet krijgen. Kies een medewerker of beheerder van deze community.',
    TOO_MANY_RECIPIENTS: ({ max }) => `Kies hoogstens ${max} ontvangers.`,
  },
  errors: {
    BAD_USER_INPUT: 'De gegevens in het verzoek kloppen niet.',
    FORBIDDEN: 'U mag dit niet doen.',
    UNAUTHENTICATED: 'U bent niet (meer) ingelogd. Log opnieuw in.',
    INTERNAL_SERVER_ERROR: 'Er ging iets mis bij ons. Probeer het later opnieuw.',
    INVALID_CURSOR: 'Deze pagina bestaat niet. Laad de lijst opnieuw.',
    PAGE_SIZE: 'Vraag minstens 1 en hoogstens 50 items tegelijk op.',
    ORIGIN: 'Deze website mag de community niet gebruiken. De beheerder kan de website toevoegen.',
    RATE_LIMITED: 'U heeft veel berichten kort na elkaar gestuurd. Wacht even en probeer het dan opnieuw.',
    QUERY_TOO_COMPLEX:
      'Dit verzoek aan de server is te groot of te ingewikkeld (te diep, te veel velden of te veel aliassen). Stuur een kleiner verzoek.',
    PERSISTED_OPERATION_NOT_FOUND:
      'Deze server neemt alleen de verzoeken van de Plein-widgets aan. Laad de pagina opnieuw voor de nieuwste versie.',
    INTROSPECTION_DISABLED: 'Deze server geeft geen beschrijving van zijn schema. Het schema staat in @plein/schema.',
    REPORT_INVALID_DAY: 'Deze datum bestaat niet. Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2026-10-01.',
    REPORT_END_BEFORE_START: 'De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.',
    REPORT_PERIOD_TOO_LONG: 'Deze periode is te lang. Kies een periode van hoogstens 366 dagen.',
    REPORT_UNKNOWN_MUNICIPALITY: 'Deze gemeente hoort niet bij deze community. Kies een gemeente uit de lijst.',
  },
  visits: {
    BODY: 'De telling is niet goed verstuurd. Stuur JSON met community, page en elements.',
    CONTENT_TYPE: 'Stuur de telling als text/plain of application/json.',
    TOO_LARGE: 'De telling is te groot. Stuur hoogstens 2 KB.',
    UNKNOWN_COMMUNITY: 'Deze community bestaat niet.',
    PAGE: 'Het adres van de pagina klopt niet. Stuur het volledige adres. Het begint met https:// of http://.',
    ORIGIN: 'Deze website mag de community niet gebruiken. De beheerder kan de website toevoegen.',
    ORIGIN_MISMATCH: 'Het adres van de pagina hoort niet bij de website die de telling stuurt.',
    ELEMENTS: 'Noem 1 tot 20 Plein-elementen, bijvoorbeeld plein-questions. Andere namen tellen niet.',
    UNKNOWN_MUNICIPALITY: 'Deze gemeente hoort niet bij de community. Controleer het attribuut municipality.',
    RATE_LIMITED: 'Er komen veel tellingen van dit adres. Wacht even en probeer het dan opnieuw.',
  },
};

const en: Messages = {
  userErrors: {
    REQUIRED: () => 'Please fill in this field.',
    TOO_SHORT: ({ min }) => `Write at least ${min} characters.`,
    TOO_LONG: ({ max }) => `Use no more than ${max} characters.`,
    INVALID_EMAIL: () => 'This e-mail address is not right. Check it, for example name@example.com.',
    INVALID_KEY: () => 'The form was not sent correctly. Reload the page and try again.',
    UNKNOWN_COMMUNITY: () => 'This community does not exist.',
    UNKNOWN_TOPIC: () => 'Choose a topic from the list.',
    UNKNOWN_QUESTION: () => 'This question does not exist (any more).',
    UNKNOWN_ANSWER: () => 'This answer does not exist (any more).',
    NOT_OWNER: () => 'This only works on the device the question was asked from.',
    EDIT_WINDOW_CLOSED: () =>
      'You can only change your question in the first 15 minutes after posting. You can still delete it.',
    INVALID_URL: () => 'Enter a web address that starts with https://, for example https://wetten.overheid.nl.',
    INVALID_DATE: () =>
      'Enter a date as year-month-day, for example 2026-03-15. It may not be in the future or before 2000.',
    INVALID_KVK: () => 'A KvK (Chamber of Commerce) number has exactly 8 digits.',
    VALID_UNTIL: () => 'Choose a date in the future, at most 3 years ahead.',
    FIELD_NOT_ALLOWED: () => 'Only an expert with a valid verification can fill this in. Leave this field empty.',
    ALREADY_CLAIMED: () => 'Another expert is already working on this question.',
    UNKNOWN_EXPERT: () => 'This expert does not exist (any more).',
    NOT_VERIFIED: () => 'This expert has no valid verification now.',
    SIGN_IN_FAILED: () => 'The e-mail address or the password is not right.',
    SIGN_IN_LINK_INVALID: () => 'This link no longer works. Please ask for a new one.',
    PORTAL_TOKEN_INVALID: () =>
      'Your sign-in through the portal does not work (any more). You can simply go on anonymously.',
    USER_EXISTS: () => 'There already is an account with this e-mail address in this community.',
    UNKNOWN_USER: () => 'This account does not exist (any more).',
    LAST_ADMIN: () =>
      'You are the last administrator. First make someone else an administrator. Then you can remove this role.',
    // Moderation
    BLOCKED_WORDS: () => 'Your message contains words that are not allowed here.',
    REPEATED_POST: () => 'You have just posted this message.',
    BLOCKED_AUTHOR: () => 'You cannot post at the moment.',
    SUBMITTED_TOO_FAST: () => 'That was very fast. Check your message and send it again.',
    POST_REFUSED: () => 'Your message was not posted. Reload the page and try again.',
    TOO_MANY_POSTS: () => 'You have posted many messages in a short time. Wait a few minutes and try again.',
    MODERATED: () => 'A moderator has decided on this question. You can no longer change it. You can still delete it.',
    DEVICE_REQUIRED: () => 'Reporting does not work from this page. Reload the page and try again.',
    NO_DEVICE: () => 'It is not known which device this message came from. Block the pseudonym or hide the message.',
    ANONYMOUS_NOT_BLOCKABLE: () => 'This message has no pseudonym. Block the device or hide the message.',
    ACCOUNT_NOT_BLOCKABLE: () => 'This message is from an account. An administrator can disable the account.',
    TEXT_ERASED: () =>
      'The text of this message was erased, because it was rejected more than 30 days ago. It can no longer be published.',
    REMOVED_KINDS: () => 'Say what you removed, for example name or phone number. Use lower-case letters and hyphens.',
    FLAG_THRESHOLD: () => 'Choose a number from 1 to 20.',
    WORD_LIST: () => 'A list has at most 200 words. Each word has 2 to 40 characters.',
    // Appointments
    APPOINTMENTS_OFF: () => 'Appointments with an advisor are not possible here now.',
    VERIFICATION_REQUIRED: () =>
      'You have no valid verification as an expert now. That is why you cannot offer times for appointments. Ask the administrator to verify you again.',
    SLOT_TIME: () => 'Choose a time in the future, at most one year ahead.',
    TOO_MANY_SLOTS: () => 'You can offer at most 50 times at once.',
    SLOT_OVERLAP: () => 'These times overlap with each other or with a time you already offer. Choose other times.',
    UNKNOWN_SLOT: () => 'This time does not exist (any more).',
    SLOT_BOOKED: () =>
      'Someone already has an appointment at this time. You cannot remove this time. Can the appointment not go ahead? Then send the resident an e-mail.',
    SLOT_TAKEN: () => 'Someone else has just chosen this time. Please choose another time.',
    SLOT_UNAVAILABLE: () => 'You cannot choose this time (any more). Please choose another time from the list.',
    CANCEL_LINK_INVALID: () => 'This link does not work. Use the whole link from the e-mail about your appointment.',
    ALREADY_CANCELLED: () => 'This appointment is already cancelled. You do not need to do anything else.',
    APPOINTMENT_PAST: () => 'This appointment has already started or is over. You can no longer cancel it.',
    // Contact channels
    INVALID_PHONE: () => 'Enter a Dutch phone number, for example 0800 - 023 45 67, 050 123 45 67 or +31 50 123 45 67.',
    INVALID_WEEKDAY: () => 'Choose a day: 1 is Monday, 7 is Sunday.',
    INVALID_TIME: () => 'Enter a time as hh:mm, for example 09:00 or 17:30.',
    MIDNIGHT_HOURS: () => 'Let the hours start after 00:00. Opening hours do not run past midnight.',
    CLOSES_BEFORE_OPENS: () => 'The closing time must be later than the opening time.',
    OVERLAPPING_HOURS: () => 'These hours overlap with other hours on the same day.',
    TOO_MANY_BLOCKS: () => 'Enter at most 4 blocks of opening hours per day.',
    INVALID_DAY: () => 'Enter a date that exists, as year-month-day, for example 2026-12-25.',
    DUPLICATE_DAY: () => 'This date is already in the list.',
    TOO_MANY_CLOSED_DAYS: () => 'Enter at most 60 days on which the line is closed.',
    ANSWER_WITHIN_DAYS: () => 'Choose a number of working days from 1 to 10.',
    APPOINTMENT_DURATION: () => 'Choose a length from 15 to 120 minutes, in steps of 5 minutes.',
    UNKNOWN_FIELD: () => 'This field does not exist. Check the spelling or remove the field.',
    // Private e-mail questions
    EMAIL_SERVICE_OFF: () =>
      'You cannot ask a question by e-mail here now. This page shows other ways to reach an advisor.',
    CONFIRMATION_NOT_SENT: () =>
      'We could not send you an e-mail. Your question was not sent. Check your e-mail address and try again.',
    // The report e-mail
    NOT_STAFF: () =>
      'This account cannot receive the report. Choose a staff member or administrator of this community.',
    TOO_MANY_RECIPIENTS: ({ max }) => `Choose at most ${max} recipients.`,
  },
  errors: {
    BAD_USER_INPUT: 'The data in the request is not right.',
    FORBIDDEN: 'You are not allowed to do this.',
    UNAUTHENTICATED: 'You are not signed in (any more). Please sign in again.',
    INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again later.',
    INVALID_CURSOR: 'This page does not exist. Reload the list.',
    PAGE_SIZE: 'Ask for at least 1 and at most 50 items at a time.',
    ORIGIN: 'This website may not use the community. The administrator can add the website.',
    RATE_LIMITED: 'You sent many messages in a short time. Please wait a moment and try again.',
    QUERY_TOO_COMPLEX:
      'This request to the server is too large or too complex (too deep, too many fields or too many aliases). Send a smaller request.',
    PERSISTED_OPERATION_NOT_FOUND:
      "This server only accepts the Plein widgets' requests. Reload the page for the latest version.",
    INTROSPECTION_DISABLED: 'This server does not describe its schema. The schema is in @plein/schema.',
    REPORT_INVALID_DAY: 'This date does not exist. Write a date as year-month-day, for example 2026-10-01.',
    REPORT_END_BEFORE_START: 'The end date is before the start date. Choose an end date on or after the start date.',
    REPORT_PERIOD_TOO_LONG: 'This period is too long. Choose a period of at most 366 days.',
    REPORT_UNKNOWN_MUNICIPALITY:
      'This municipality is not part of this community. Choose a municipality from the list.',
  },
  visits: {
    BODY: 'The count was not sent correctly. Send JSON with community, page and elements.',
    CONTENT_TYPE: 'Send the count as text/plain or application/json.',
    TOO_LARGE: 'The count is too large. Send at most 2 KB.',
    UNKNOWN_COMMUNITY: 'This community does not exist.',
    PAGE: 'The address of the page is not right. Send the full address. It starts with https:// or http://.',
    ORIGIN: 'This website may not use the community. The administrator can add the website.',
    ORIGIN_MISMATCH: 'The address of the page does not belong to the website that sends the count.',
    ELEMENTS: 'Name 1 to 20 Plein elements, for example plein-questions. Other names are not counted.',
    UNKNOWN_MUNICIPALITY: 'This municipality does not belong to the community. Check the municipality attribute.',
    RATE_LIMITED: 'Many counts come from this address. Please wait a moment and try again.',
  },
};

export const messages: Record<Locale, Messages> = { nl, en };
