/**
 * The tag names of Plein's elements: the public API of the web components. The client counts only these in the
 * anonymous visit counts, and the server accepts only these, so a made-up name can never become a counter.
 */
export const elementTags = [
  'plein-community',
  'plein-questions',
  'plein-question',
  'plein-ask',
  'plein-topics',
  'plein-my-questions',
  'plein-sign-in',
  'plein-expert-inbox',
  'plein-expert',
  'plein-experts',
  'plein-moderation',
  'plein-report',
  'plein-contact',
] as const;

export type ElementTag = (typeof elementTags)[number];
