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
  | 'EDIT_WINDOW_CLOSED';

export type ErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INTERNAL_SERVER_ERROR';

interface Params {
  min?: number;
  max?: number;
}

type Messages = {
  userErrors: Record<UserErrorCode, (params: Params) => string>;
  errors: Record<ErrorCode | 'INVALID_CURSOR' | 'PAGE_SIZE' | 'ORIGIN', string>;
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
  },
  errors: {
    BAD_USER_INPUT: 'De gegevens in het verzoek kloppen niet.',
    FORBIDDEN: 'U mag dit niet doen.',
    UNAUTHENTICATED: 'U bent niet (meer) ingelogd. Log opnieuw in.',
    INTERNAL_SERVER_ERROR: 'Er ging iets mis bij ons. Probeer het later opnieuw.',
    INVALID_CURSOR: 'Deze pagina bestaat niet. Laad de lijst opnieuw.',
    PAGE_SIZE: 'Vraag minstens 1 en hoogstens 50 items tegelijk op.',
    ORIGIN: 'Deze website mag de community niet gebruiken. De beheerder kan de website toevoegen.',
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
  },
  errors: {
    BAD_USER_INPUT: 'The data in the request is not right.',
    FORBIDDEN: 'You are not allowed to do this.',
    UNAUTHENTICATED: 'You are not signed in (any more). Please sign in again.',
    INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again later.',
    INVALID_CURSOR: 'This page does not exist. Reload the list.',
    PAGE_SIZE: 'Ask for at least 1 and at most 50 items at a time.',
    ORIGIN: 'This website may not use the community. The administrator can add the website.',
  },
};

export const messages: Record<Locale, Messages> = { nl, en };
