/**
 * How long the ask and answer forms keep a draft: a week.
 *
 * Drafts are kept in localStorage, not sessionStorage: a citizen who writes about their dismissal may close the tab
 * halfway, or the phone's browser may drop it, and should find the text again. The cost is that the text stays on the
 * device after the tab closes, which matters on a shared computer (a library, a Werkplein desk). Hence a week at most
 * (older drafts are dropped whenever a form loads), cleared the moment the text is posted, and "Wis deze tekst" on
 * the ask form's note that says it was put back.
 */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
