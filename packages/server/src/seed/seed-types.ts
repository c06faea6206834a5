import type { ContactSettings } from '../services/contact-service.ts';
import type { HandOff } from '../services/models.ts';
import type { ModerationSettings } from '../services/moderation-settings.ts';
import type { Independence, VerificationEvidence } from '../store/database-schema.ts';

/** The shape of a community's demo content. Times are relative so the seed always looks recent. */
export interface SeedCommunity {
  slug: string;
  name: string;
  municipalities: { slug: string; name: string }[];
  topics: { slug: string; name: string }[];
  experts: SeedExpert[];
  questions: SeedQuestion[];
  /** Entry points in a citizen's own words, in this order, each leading to the questions of one topic. */
  situations?: SeedSituation[];
  /** The pipeline's settings; without them the defaults hold (services/moderation-settings.ts). */
  moderation?: ModerationSettings;
  /** The advice line, e-mail service and appointments, as `plein contact set` takes them; without it: none. */
  contact?: ContactSettings;
}

export interface SeedSituation {
  slug: string;
  /** In the citizen's words, B1: "Ik ben ziek en mijn baan is in gevaar". */
  title: string;
  /** One or two short sentences: what the citizen finds there. */
  description: string;
  /** Slug of a topic in `topics`. */
  topic: string;
}

export interface SeedExpert {
  /** Stable key used by answers in this file, e.g. "anna-arbeidsadviseur". */
  key: string;
  displayName: string;
  title: string;
  organisation: string;
  independent: boolean;
  bio: string;
  topics: string[];
  /**
   * The verification record the demo starts with, for `topics`. Without it: checked by hand, independence from
   * `independent` (INDEPENDENT, else MUNICIPALITY), valid for a year.
   */
  verification?: SeedVerification;
}

/** An admin's verification of a seeded expert; `organisation` is the expert's. */
export interface SeedVerification {
  evidence: VerificationEvidence;
  /** 8 digits, for KVK. Fictitious in the demo. */
  kvkNumber?: string;
  /** How it was checked; required for MANUAL. */
  note?: string;
  independence: Independence;
  /** Required for OTHER. */
  independenceNote?: string;
  /** Days from the seed's clock to the end of the verification (365 by default); negative: it has expired. */
  validForDays?: number;
}

export interface SeedQuestion {
  topic: string;
  /** Slug of the municipality the asker lives in. */
  municipality: string;
  title: string;
  body: string;
  /** Pseudonym; leave out for "Anoniem". */
  displayName?: string;
  /** How long ago the question was asked, in days (0 to 180, fractions allowed). */
  daysAgo: number;
  /** True when the asker marked one of the answers as the accepted one (the one with `accepted: true`). */
  resolved?: boolean;
  answers: SeedAnswer[];
}

export interface SeedAnswer {
  /** Key of an expert in `experts`; leave out for a peer (citizen) answer. */
  expert?: string;
  /** Pseudonym of a peer; leave out for "Anoniem". Ignored for expert answers. */
  displayName?: string;
  body: string;
  /** Hours after the question was asked. */
  hoursAfter: number;
  accepted?: boolean;
  helpfulCount?: number;
  /** Expert answers: the source, an https address. */
  sourceUrl?: string;
  /** Expert answers: how many days ago the expert last checked the answer. */
  reviewedDaysAgo?: number;
  /** Expert answers: next steps for a situation that needs personal advice ("Maak een afspraak"). */
  handOff?: HandOff[];
}
