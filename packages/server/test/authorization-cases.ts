import assert from 'node:assert/strict';
import { newId } from '../src/services/secrets.ts';
import { cliActor } from '../src/services/verification-service.ts';
import type { Viewer } from '../src/services/viewer.ts';
import type { Role } from '../src/store/database-schema.ts';
import type { GraphQLBody } from './api-harness.ts';
import type { TestDatabase } from './engines.ts';
import {
  type AccountsHarness,
  bearer,
  createAccount,
  portalSessionFor,
  portalToken,
  sessionFor,
  startAccountsHarness,
  type TestAccount,
} from './sign-in-helper.ts';

/**
 * The authorization matrix of issue 5 as a table: every mutation and protected field of the contract (rows) against
 * every kind of caller (columns), with what each caller must get. `authorization-matrix.test.ts` runs every cell
 * against the real app on each engine and prints the grid. A new mutation (for example from the moderation issue) is
 * one more entry in `operations`; a new kind of caller is one more entry in `CALLERS` and in `makeCaller`.
 */

export const CALLERS = [
  'anonymous',
  'owner',
  'portal',
  'expert',
  'expired',
  'unverified',
  'moderator',
  'staff',
  'admin',
  'otherAdmin',
] as const;
export type CallerKind = (typeof CALLERS)[number];

export const callerDescriptions: Record<CallerKind, string> = {
  anonymous: 'no session',
  owner: 'no session, but holds the owner token of the question (in rows without one: anonymous)',
  portal: 'a citizen signed in with a host portal JWT',
  expert: 'EXPERT with a current verification (KvK, for ontslag and ww)',
  expired: 'EXPERT whose verification ended yesterday',
  unverified: 'EXPERT whose profile was never verified',
  moderator: 'MODERATOR',
  staff: 'STAFF',
  admin: 'ADMIN of testgemeente, the community everything in the table belongs to',
  otherAdmin: 'ADMIN of another community ("andere")',
};

/** A refusal: the `extensions.code` of a GraphQL error, or the code of a user error in the payload. */
export type Refusal = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_OWNER' | 'FIELD_NOT_ALLOWED' | 'VERIFICATION_REQUIRED';
/**
 * What a call did when nothing was refused.
 * - allow: the effect happened: the row is stored or changed, the field has its value.
 * - hidden: the protected data is not there: the field is null, the list leaves it out, the answer has no badge.
 * - noop: accepted, and nothing changed: the call cannot reach what is not the caller's.
 */
export type Effect = 'allow' | 'hidden' | 'noop';
export type Expected = Effect | Refusal;

/** One caller of the matrix: how its requests are signed, and who it is. */
export interface Caller {
  kind: CallerKind;
  /** The bearer token; null for anonymous callers and the owner. */
  token: string | null;
  /** What `Viewer.id` says: the account id, or `portal:…` for a portal citizen; null when nobody is signed in. */
  viewerId: string | null;
  /** The caller's expert profile, for expert accounts. */
  expertId: string | null;
}

export interface MatrixWorld {
  harness: AccountsHarness;
  callers: Record<CallerKind, Caller>;
  /** A caller of this kind made for one cell alone, for operations that change the caller (signOut, own roles). */
  makeCaller(kind: CallerKind): Promise<Caller>;
  /** A verified expert who is none of the callers: holds the claims that the `Question.claim` row looks at. */
  claimHolder: Viewer;
  /** An expert profile that is none of the callers', for verifyExpert and revokeVerification. */
  targetExpertId: string;
  portalSecret: string;
  /** A question of testgemeente, asked by an anonymous citizen; HELD with `held`. */
  ask(options?: { held?: boolean; topic?: string; title?: string }): Promise<{ id: string; ownerToken: string }>;
  /** A peer answer on a question; HELD with `held`. */
  answer(questionId: string, options?: { held?: boolean }): Promise<{ id: string; ownerToken: string }>;
  /** A professional account of testgemeente with a password. */
  account(roles: Role[]): Promise<TestAccount>;
  viewerOf(caller: Caller): Promise<Viewer>;
  /** A value no other cell uses. */
  unique(prefix: string): string;
  auditCount(): Promise<number>;
  close(): Promise<void>;
}

/** One cell: a caller about to make one operation. */
export interface Cell {
  world: MatrixWorld;
  caller: Caller;
  /** Sends a GraphQL operation with the caller's bearer token, if it has one. */
  send(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
}

export interface Operation {
  /** The row's name in the grid. */
  name: string;
  /** Why the row expects what it does, where the names alone do not say it. */
  why?: string;
  expected: Record<CallerKind, Expected>;
  /** Every cell gets a caller of its own: the operation changes the caller itself. */
  freshCaller?: boolean;
  /**
   * Prepares what the call needs (a fresh question, a claim, an account), makes the call as the caller, and returns
   * the response with `effect`, which looks at the database (writes) or the response (reads) to say what happened.
   * A refused write must leave `effect` at anything but 'allow'.
   */
  run(cell: Cell): Promise<{ body: GraphQLBody; effect(): Promise<Effect> }>;
}

const COMMUNITY = 'testgemeente';
const DAY = 24 * 60 * 60_000;
/** A name the personal-data step finds only with low confidence: the post is held for a moderator. */
const uncertainName = 'Mevrouw Jansen van personeelszaken zei dat ik weg moet. Klopt dat wel met mijn rechten?';

/** The fixture community on a fresh database with one caller of every kind, signed in through the real paths. */
export async function openMatrixWorld(open: () => Promise<TestDatabase>): Promise<MatrixWorld> {
  const harness = await startAccountsHarness(open);
  const { services } = harness;
  const { store } = harness.opened;
  await services.communities.create('andere', 'Andere community');
  const portalSecret = await services.portal.newSecret(COMMUNITY);
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}`;
  const topicIds = async (...slugs: string[]) =>
    Promise.all(slugs.map(async (slug) => (await store.topicBySlug(harness.communityId, slug))!.id));

  async function account(roles: Role[], community = COMMUNITY, displayName?: string): Promise<TestAccount> {
    return createAccount(services, { community, email: `${unique('account')}@${community}.nl`, roles, displayName });
  }

  async function makeCaller(kind: CallerKind): Promise<Caller> {
    if (kind === 'anonymous' || kind === 'owner') return { kind, token: null, viewerId: null, expertId: null };
    if (kind === 'portal') {
      const { token } = await portalSessionFor(services, {
        community: COMMUNITY,
        subject: unique('burger'),
        secret: portalSecret,
        now: harness.now(),
      });
      const viewer = await services.sessions.viewerFor(token);
      return { kind, token, viewerId: `portal:${viewer!.sessionId}`, expertId: null };
    }
    const roles: Record<Exclude<CallerKind, 'anonymous' | 'owner' | 'portal'>, Role> = {
      expert: 'EXPERT',
      expired: 'EXPERT',
      unverified: 'EXPERT',
      moderator: 'MODERATOR',
      staff: 'STAFF',
      admin: 'ADMIN',
      otherAdmin: 'ADMIN',
    };
    // An EXPERT account gets an unverified profile of its own (AccountService.ensureExpertProfile).
    const user = await account([roles[kind]], kind === 'otherAdmin' ? 'andere' : COMMUNITY, unique(`Caller ${kind}`));
    if (kind === 'expert') await verifyWithKvk(user.expertId!);
    if (kind === 'expired') {
      // The service refuses a date in the past, so the ended record is written to the store as it would be after a year.
      const now = harness.now().getTime();
      const topics = await topicIds('ontslag', 'ww');
      await store.transaction(async (trx) =>
        trx.insertVerification(
          {
            id: newId(),
            expert_id: user.expertId!,
            evidence: 'MANUAL',
            kvk_number: null,
            note: 'Diploma gezien op kantoor.',
            organisation: 'Adviespraktijk Verlopen',
            independence: 'INDEPENDENT',
            independence_note: null,
            valid_until: new Date(now - DAY).toISOString(),
            verified_by: null,
            created_at: new Date(now - 366 * DAY).toISOString(),
            revoked_at: null,
          },
          topics,
        ),
      );
    }
    return { kind, token: await sessionFor(services, user), viewerId: user.id, expertId: user.expertId };
  }

  async function verifyWithKvk(expertId: string): Promise<void> {
    const verified = await services.verifications.verify(
      {
        expertId,
        evidence: 'KVK',
        kvkNumber: '12345678',
        note: 'KvK-uittreksel gezien.',
        organisation: 'Adviespraktijk Test',
        independence: 'INDEPENDENT',
        topics: ['ontslag', 'ww'],
        validUntil: '2027-06-30',
      },
      cliActor,
    );
    assert.deepEqual(verified.errors, []);
  }

  const callers = {} as Record<CallerKind, Caller>;
  for (const kind of CALLERS) callers[kind] = await makeCaller(kind);
  const holder = await makeCaller('expert');
  const target = await account(['EXPERT'], COMMUNITY, 'Doel Expert');

  return {
    harness,
    callers,
    makeCaller,
    claimHolder: (await services.sessions.viewerFor(holder.token))!,
    targetExpertId: target.expertId!,
    portalSecret,
    async ask(options = {}) {
      const result = await services.questions.ask({
        community: COMMUNITY,
        topic: options.topic ?? 'bijstand-aanvragen',
        title: options.title ?? 'Mag ik bijstand krijgen als ik een eigen huis heb?',
        body: options.held ? uncertainName : 'Ik heb een koophuis en geen werk meer. Kan ik dan toch bijstand krijgen?',
        idempotencyKey: unique('vraag'),
      });
      assert.deepEqual(result.errors, []);
      assert.equal(result.question?.publication, options.held ? 'HELD' : 'PUBLISHED');
      return { id: result.question.id, ownerToken: result.ownerToken! };
    },
    async answer(questionId, options = {}) {
      const result = await services.answers.answer({
        questionId,
        body: options.held ? uncertainName : 'Dat kan soms. Vraag het na bij de gemeente.',
        idempotencyKey: unique('antwoord'),
      });
      assert.deepEqual(result.errors, []);
      assert.equal(result.answer?.publication, options.held ? 'HELD' : 'PUBLISHED');
      return { id: result.answer.id, ownerToken: result.ownerToken! };
    },
    account: (roles) => account(roles),
    async viewerOf(caller) {
      const viewer = await services.sessions.viewerFor(caller.token);
      assert.ok(viewer, `${caller.kind} has a session`);
      return viewer;
    },
    unique,
    auditCount: () => store.countRows('audit_log'),
    async close() {
      await services.follows.settled();
      await harness.close();
    },
  };
}

const db = (cell: Cell) => cell.world.harness.opened.connection.db;

/** Everyone gets the same. */
const everyone = (expected: Expected): Record<CallerKind, Expected> =>
  Object.fromEntries(CALLERS.map((kind) => [kind, expected])) as Record<CallerKind, Expected>;

/**
 * Refused for every caller but those named: UNAUTHENTICATED without a session, FORBIDDEN with one (also for the admin
 * of another community: a role holds in its own community only).
 */
const onlyFor = (allowed: Partial<Record<CallerKind, Expected>>): Record<CallerKind, Expected> => ({
  ...everyone('FORBIDDEN'),
  anonymous: 'UNAUTHENTICATED',
  owner: 'UNAUTHENTICATED',
  ...allowed,
});

/** The owner token's operations: the owner may, anyone else (any role) gets NOT_OWNER. */
const ownerOnly: Record<CallerKind, Expected> = { ...everyone('NOT_OWNER'), owner: 'allow' };

/**
 * The owner token a caller sends: the question's own for the owner; for anyone else the token of a question of
 * their own, so the refusal is about this question and not about a malformed token.
 */
async function tokenFor(cell: Cell, question: { ownerToken: string }): Promise<string> {
  return cell.caller.kind === 'owner' ? question.ownerToken : (await cell.world.ask()).ownerToken;
}

const rolesOf = async (cell: Cell, userId: string) =>
  (await db(cell).selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute())
    .map((row) => row.role)
    .join(',');

async function questionRow(cell: Cell, id: string) {
  return db(cell).selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
}

async function answerByKey(cell: Cell, idempotencyKey: string) {
  return db(cell).selectFrom('answers').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

async function claimOf(cell: Cell, questionId: string) {
  return db(cell).selectFrom('question_claims').selectAll().where('question_id', '=', questionId).executeTakeFirst();
}

/** The mutation that answers as the caller; `extra` adds fields to the input. */
async function answerAs(cell: Cell, extra: Record<string, unknown> = {}) {
  const question = await cell.world.ask();
  const idempotencyKey = cell.world.unique('antwoord-matrix');
  const body = await cell.send(
    `mutation ($input: AnswerQuestionInput!) {
      answerQuestion(input: $input) { answer { id author { role expert { id } } } errors { code } }
    }`,
    {
      input: { questionId: question.id, body: 'Dat kan soms. Vraag het na bij de gemeente.', idempotencyKey, ...extra },
    },
  );
  return { body, stored: () => answerByKey(cell, idempotencyKey) };
}

/** Ask a sign-in mutation for a session, and say whether the session belongs to `userId` (or is a portal one). */
async function sessionEffect(
  cell: Cell,
  session: { token?: string } | null | undefined,
  userId: string | null,
): Promise<Effect> {
  if (!session?.token) return 'noop';
  const viewer = await cell.world.harness.services.sessions.viewerFor(session.token);
  assert.ok(viewer, 'the new session works');
  assert.equal(viewer.userId, userId, 'the session is for the account that signed in, not for the caller');
  return 'allow';
}

const VERIFICATION_FIELDS = `query ($id: ID!) { expert(id: $id) { id verification { kvkNumber note current } } }`;

export const operations: Operation[] = [
  // Queries and protected fields
  {
    name: 'viewer',
    expected: { ...everyone('allow'), anonymous: 'hidden', owner: 'hidden' },
    async run({ send, caller }) {
      const body = await send('{ viewer { id roles portalCitizen } }');
      return {
        body,
        effect: async () => {
          const viewer = body.data?.viewer;
          if (viewer) assert.equal(viewer.id, caller.viewerId, 'the viewer is the caller');
          return viewer ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'Viewer.inbox',
    why: 'Experts only. An expert without a current verification gets an empty inbox, not an error.',
    expected: {
      ...onlyFor({ expert: 'allow', expired: 'hidden', unverified: 'hidden' }),
      anonymous: 'hidden',
      owner: 'hidden',
    },
    async run(cell) {
      const question = await cell.world.ask({ topic: 'ww' });
      const body = await cell.send('{ viewer { id inbox(first: 50) { edges { node { id } } } } }');
      return {
        body,
        effect: async () => {
          const ids = (body.data?.viewer?.inbox?.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id);
          return ids.includes(question.id) ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'Question.claim',
    why:
      'Experts (verified or not), moderators and admins of the community see who claimed a question ' +
      '(ClaimService.claimsFor); the contract text says "Shown to signed-in experts only".',
    expected: {
      ...everyone('hidden'),
      expert: 'allow',
      expired: 'allow',
      unverified: 'allow',
      moderator: 'allow',
      admin: 'allow',
    },
    async run(cell) {
      const question = await cell.world.ask();
      const claimed = await cell.world.harness.services.claims.claim(question.id, cell.world.claimHolder);
      assert.deepEqual(claimed.errors, []);
      const body = await cell.send('query ($id: ID!) { question(id: $id) { id claim { claimedAt mine } } }', {
        id: question.id,
      });
      return {
        body,
        effect: async () => {
          assert.ok(body.data?.question, 'the question itself is public');
          return body.data.question.claim ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'Verification.kvkNumber',
    why: "The verified expert's own KvK number: admins of the community only, not even the expert.",
    expected: { ...everyone('hidden'), admin: 'allow' },
    async run(cell) {
      const body = await cell.send(VERIFICATION_FIELDS, { id: cell.world.callers.expert.expertId });
      return {
        body,
        effect: async () => {
          assert.equal(body.data?.expert?.verification?.current, true, 'the current verification itself is public');
          return body.data.expert.verification.kvkNumber === '12345678' ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'Verification.note',
    expected: { ...everyone('hidden'), admin: 'allow' },
    async run(cell) {
      const body = await cell.send(VERIFICATION_FIELDS, { id: cell.world.callers.expert.expertId });
      return {
        body,
        effect: async () => {
          assert.equal(body.data?.expert?.verification?.current, true, 'the current verification itself is public');
          return body.data.expert.verification.note === 'KvK-uittreksel gezien.' ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'Expert.verification (expired)',
    why: 'Admins see an ended record, to know when to renew it; others see no verification at all.',
    expected: { ...everyone('hidden'), admin: 'allow' },
    async run(cell) {
      const body = await cell.send(VERIFICATION_FIELDS, { id: cell.world.callers.expired.expertId });
      return {
        body,
        effect: async () => {
          assert.ok(body.data?.expert, 'the expert itself is public');
          const verification = body.data.expert.verification;
          if (verification) assert.equal(verification.current, false);
          return verification ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'question(id, ownerToken): HELD',
    why: 'Only the owner token shows a held question; others send the token of a question of their own.',
    expected: { ...everyone('hidden'), owner: 'allow' },
    async run(cell) {
      const held = await cell.world.ask({ held: true });
      const body = await cell.send(
        'query ($id: ID!, $ownerToken: String) { question(id: $id, ownerToken: $ownerToken) { id publication } }',
        { id: held.id, ownerToken: await tokenFor(cell, held) },
      );
      return { body, effect: async () => (body.data?.question?.id === held.id ? 'allow' : 'hidden') };
    },
  },
  {
    name: 'HELD question in questions/similar',
    why: 'Lists take no token: a held question is in no list, for anyone.',
    expected: everyone('hidden'),
    async run(cell) {
      // A made-up word in both titles finds exactly these two questions, so the check sees the list work.
      const word = `kwartel${cell.world
        .unique('')
        .replace(/\D/g, '')
        .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)}`;
      const title = `Vraag over het ${word} bij bijstand`;
      const held = await cell.world.ask({ held: true, title });
      const published = await cell.world.ask({ title });
      const body = await cell.send(
        `query ($slug: String!, $word: String!) {
          community(slug: $slug) { questions(search: $word, first: 50) { edges { node { id } } } similarQuestions(text: $word) { id } }
        }`,
        { slug: COMMUNITY, word },
      );
      return {
        body,
        effect: async () => {
          const listed = (body.data?.community?.questions?.edges ?? []).map((e: { node: { id: string } }) => e.node.id);
          const similar = (body.data?.community?.similarQuestions ?? []).map((q: { id: string }) => q.id);
          assert.ok(listed.includes(published.id), 'the search finds the published question with the word');
          assert.ok(similar.includes(published.id), 'similarQuestions finds the published question with the word');
          return listed.includes(held.id) || similar.includes(held.id) ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'myQuestions: HELD',
    why: 'Only the owner token lists a held question; others send tokens of their own.',
    expected: { ...everyone('hidden'), owner: 'allow' },
    async run(cell) {
      const held = await cell.world.ask({ held: true });
      const own = await cell.world.ask();
      const token = cell.caller.kind === 'owner' ? held.ownerToken : own.ownerToken;
      const body = await cell.send('query ($tokens: [String!]!) { myQuestions(ownerTokens: $tokens) { id } }', {
        tokens: [token],
      });
      return {
        body,
        effect: async () => {
          const ids = (body.data?.myQuestions ?? []).map((question: { id: string }) => question.id);
          if (cell.caller.kind !== 'owner') assert.deepEqual(ids, [own.id], 'their own token lists their own question');
          return ids.includes(held.id) ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'myAnswers: HELD',
    expected: { ...everyone('hidden'), owner: 'allow' },
    async run(cell) {
      const question = await cell.world.ask();
      const held = await cell.world.answer(question.id, { held: true });
      const own = await cell.world.answer(question.id);
      const token = cell.caller.kind === 'owner' ? held.ownerToken : own.ownerToken;
      const body = await cell.send('query ($tokens: [String!]!) { myAnswers(ownerTokens: $tokens) { id } }', {
        tokens: [token],
      });
      return {
        body,
        effect: async () => {
          const ids = (body.data?.myAnswers ?? []).map((answer: { id: string }) => answer.id);
          if (cell.caller.kind !== 'owner') assert.deepEqual(ids, [own.id], 'their own token lists their own answer');
          return ids.includes(held.id) ? 'allow' : 'hidden';
        },
      };
    },
  },

  // Mutations of citizens: public by design, or guarded by the owner token
  {
    name: 'askQuestion',
    expected: everyone('allow'),
    async run(cell) {
      const idempotencyKey = cell.world.unique('vraag-matrix');
      const body = await cell.send(
        'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } errors { code } } }',
        {
          input: {
            community: COMMUNITY,
            topic: 'bijstand-aanvragen',
            title: 'Telt mijn spaargeld mee voor de bijstand?',
            body: 'Ik heb wat spaargeld. Moet ik dat eerst opmaken voordat ik bijstand krijg?',
            idempotencyKey,
          },
        },
      );
      return {
        body,
        effect: async () => {
          const stored = await db(cell)
            .selectFrom('questions')
            .select('id')
            .where('idempotency_key', '=', idempotencyKey)
            .executeTakeFirst();
          return stored ? 'allow' : 'noop';
        },
      };
    },
  },
  {
    name: 'answerQuestion',
    expected: everyone('allow'),
    async run(cell) {
      const { body, stored } = await answerAs(cell);
      return { body, effect: async () => ((await stored()) ? 'allow' : 'noop') };
    },
  },
  {
    name: 'answerQuestion: expert badge',
    why: 'Anyone may answer; only an expert with a current verification answers as an expert (hidden: a peer answer).',
    expected: { ...everyone('hidden'), expert: 'allow' },
    async run(cell) {
      const { body, stored } = await answerAs(cell);
      return {
        body,
        effect: async () => {
          const row = await stored();
          if (!row) return 'noop';
          const badge = body.data?.answerQuestion?.answer?.author?.expert;
          assert.equal(
            !!badge,
            row.is_expert === 1,
            'the answer shows the badge exactly when it is stored as an expert',
          );
          return row.is_expert === 1 && row.author_role === 'EXPERT' ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'answerQuestion: sourceUrl+reviewedOn',
    why: 'A source and a review date belong to expert answers; anyone else gets FIELD_NOT_ALLOWED and nothing is stored.',
    expected: { ...everyone('FIELD_NOT_ALLOWED'), expert: 'allow' },
    async run(cell) {
      const sourceUrl = 'https://wetten.overheid.nl/BWBR0015703/';
      const { body, stored } = await answerAs(cell, { sourceUrl, reviewedOn: '2026-10-15' });
      return {
        body,
        effect: async () => {
          const row = await stored();
          if (!row) return 'noop';
          assert.deepEqual([row.source_url, row.reviewed_on], [sourceUrl, '2026-10-15'], 'stored with the source');
          return 'allow';
        },
      };
    },
  },
  {
    name: 'answerQuestion: handOff',
    why: 'Next steps ("Maak een afspraak") belong to expert answers; anyone else gets FIELD_NOT_ALLOWED, nothing stored.',
    expected: { ...everyone('FIELD_NOT_ALLOWED'), expert: 'allow' },
    async run(cell) {
      const { body, stored } = await answerAs(cell, { handOff: ['APPOINTMENT'] });
      return {
        body,
        effect: async () => {
          const row = await stored();
          if (!row) return 'noop';
          assert.equal(row.hand_off, '["APPOINTMENT"]', 'stored with the next step');
          return 'allow';
        },
      };
    },
  },
  {
    name: 'editQuestion',
    why: 'The owner token is the only proof; no role edits a citizen question.',
    expected: ownerOnly,
    async run(cell) {
      const question = await cell.world.ask();
      const title = `Nieuwe titel van mijn vraag ${cell.world.unique('titel')}`;
      const body = await cell.send(
        'mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { question { id } errors { code } } }',
        {
          input: {
            questionId: question.id,
            ownerToken: await tokenFor(cell, question),
            title,
            body: 'Ik heb mijn vraag aangepast, zodat hij duidelijker is.',
            topic: 'ww',
          },
        },
      );
      return {
        body,
        effect: async () => {
          const row = await questionRow(cell, question.id);
          return row?.title === title && row.edited_at !== null ? 'allow' : 'noop';
        },
      };
    },
  },
  {
    name: 'deleteQuestion',
    expected: ownerOnly,
    async run(cell) {
      const question = await cell.world.ask();
      const body = await cell.send(
        'mutation ($input: OwnerQuestionInput!) { deleteQuestion(input: $input) { deletedQuestionId errors { code } } }',
        { input: { questionId: question.id, ownerToken: await tokenFor(cell, question) } },
      );
      return { body, effect: async () => ((await questionRow(cell, question.id)) ? 'noop' : 'allow') };
    },
  },
  {
    name: 'resolveQuestion',
    expected: ownerOnly,
    async run(cell) {
      const question = await cell.world.ask();
      const body = await cell.send(
        'mutation ($input: OwnerQuestionInput!) { resolveQuestion(input: $input) { question { id } errors { code } } }',
        { input: { questionId: question.id, ownerToken: await tokenFor(cell, question) } },
      );
      return {
        body,
        effect: async () => ((await questionRow(cell, question.id))?.status === 'RESOLVED' ? 'allow' : 'noop'),
      };
    },
  },
  {
    name: 'acceptAnswer',
    expected: ownerOnly,
    async run(cell) {
      const question = await cell.world.ask();
      const answer = await cell.world.answer(question.id);
      const body = await cell.send(
        'mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { question { id } errors { code } } }',
        { input: { answerId: answer.id, ownerToken: await tokenFor(cell, question) } },
      );
      return {
        body,
        effect: async () => {
          const row = await questionRow(cell, question.id);
          return row?.accepted_answer_id === answer.id ? 'allow' : 'noop';
        },
      };
    },
  },
  {
    name: 'markAnswerHelpful',
    expected: everyone('allow'),
    async run(cell) {
      const question = await cell.world.ask();
      const answer = await cell.world.answer(question.id);
      const body = await cell.send(
        'mutation ($input: MarkAnswerHelpfulInput!) { markAnswerHelpful(input: $input) { counted errors { code } } }',
        { input: { answerId: answer.id, voterKey: cell.world.unique('apparaat-sleutel') } },
      );
      return {
        body,
        effect: async () => {
          const row = await db(cell)
            .selectFrom('answers')
            .select('helpful_count')
            .where('id', '=', answer.id)
            .executeTakeFirst();
          return Number(row?.helpful_count) === 1 ? 'allow' : 'noop';
        },
      };
    },
  },
  {
    name: 'followQuestion',
    expected: everyone('allow'),
    async run(cell) {
      const question = await cell.world.ask();
      const body = await cell.send(
        'mutation ($input: FollowQuestionInput!) { followQuestion(input: $input) { confirmationSent errors { code } } }',
        { input: { questionId: question.id, email: `${cell.world.unique('volger')}@example.org` } },
      );
      return {
        body,
        effect: async () => {
          const rows = await db(cell)
            .selectFrom('notification_subscriptions')
            .select('id')
            .where('question_id', '=', question.id)
            .execute();
          return rows.length === 1 ? 'allow' : 'noop';
        },
      };
    },
  },

  // Sessions: public by design; the caller's own session does not matter
  {
    name: 'signIn',
    expected: everyone('allow'),
    async run(cell) {
      const account = await cell.world.account(['STAFF']);
      const body = await cell.send(
        'mutation ($input: SignInInput!) { signIn(input: $input) { session { token } errors { code } } }',
        { input: { community: COMMUNITY, email: account.email, password: account.password } },
      );
      return { body, effect: () => sessionEffect(cell, body.data?.signIn?.session, account.id) };
    },
  },
  {
    name: 'requestSignInLink',
    expected: everyone('allow'),
    async run(cell) {
      const { harness } = cell.world;
      const account = await cell.world.account(['STAFF']);
      const mails = () => harness.mailer.sent.filter((mail) => mail.to === account.email).length;
      const before = mails();
      const body = await cell.send(
        'mutation ($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) { sent errors { code } } }',
        { input: { community: COMMUNITY, email: account.email } },
      );
      return {
        body,
        effect: async () => {
          await harness.services.accounts.settled();
          return mails() === before + 1 ? 'allow' : 'noop';
        },
      };
    },
  },
  {
    name: 'signInWithLink',
    expected: everyone('allow'),
    async run(cell) {
      const { harness } = cell.world;
      const account = await cell.world.account(['STAFF']);
      await harness.services.accounts.requestSignInLink({ community: COMMUNITY, email: account.email }, 'nl');
      await harness.services.accounts.settled();
      const mail = harness.mailer.sent.filter((sent) => sent.to === account.email).at(-1);
      const token = /plein-link=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
      assert.ok(token, 'the sign-in link was mailed');
      const body = await cell.send(
        'mutation ($token: String!) { signInWithLink(token: $token) { session { token } errors { code } } }',
        { token },
      );
      return { body, effect: () => sessionEffect(cell, body.data?.signInWithLink?.session, account.id) };
    },
  },
  {
    name: 'signInWithPortalToken',
    expected: everyone('allow'),
    async run(cell) {
      const { harness } = cell.world;
      const token = await portalToken(cell.world.portalSecret, {
        sub: cell.world.unique('burger'),
        now: harness.now(),
      });
      const body = await cell.send(
        `mutation ($input: PortalSignInInput!) {
          signInWithPortalToken(input: $input) { session { token } errors { code } }
        }`,
        { input: { community: COMMUNITY, token } },
      );
      return { body, effect: () => sessionEffect(cell, body.data?.signInWithPortalToken?.session, null) };
    },
  },
  {
    name: 'signOut',
    why: "Ends the caller's own session and no other; without a session there is nothing to end.",
    expected: { ...everyone('allow'), anonymous: 'noop', owner: 'noop' },
    freshCaller: true,
    async run(cell) {
      const { services } = cell.world.harness;
      const body = await cell.send('mutation { signOut { signedOut } }');
      return {
        body,
        effect: async () => {
          assert.equal(body.data?.signOut?.signedOut, true);
          const shared = cell.world.callers[cell.caller.kind].token;
          if (shared) assert.ok(await services.sessions.viewerFor(shared), 'the other session of its kind still works');
          if (!cell.caller.token) return 'noop';
          return (await services.sessions.viewerFor(cell.caller.token)) ? 'noop' : 'allow';
        },
      };
    },
  },

  // Professionals: verification, profiles, accounts, claims
  {
    name: 'verifyExpert',
    why: 'Experts try to verify their own profile; everyone else an expert that is not theirs.',
    expected: onlyFor({ admin: 'allow' }),
    async run(cell) {
      const expertId = cell.caller.expertId ?? cell.world.targetExpertId;
      const verifications = () =>
        db(cell).selectFrom('verifications').select('id').where('expert_id', '=', expertId).execute();
      const before = { rows: (await verifications()).length, audit: await cell.world.auditCount() };
      const body = await cell.send(
        'mutation ($input: VerifyExpertInput!) { verifyExpert(input: $input) { expert { id } errors { code } } }',
        {
          input: {
            expertId,
            evidence: 'KVK',
            kvkNumber: '87654321',
            organisation: 'Eigen Praktijk',
            independence: 'INDEPENDENT',
            topics: ['bijstand-aanvragen'],
            validUntil: '2027-06-30',
          },
        },
      );
      return {
        body,
        effect: async () =>
          (await verifications()).length > before.rows || (await cell.world.auditCount()) > before.audit
            ? 'allow'
            : 'noop',
      };
    },
  },
  {
    name: 'revokeVerification',
    expected: onlyFor({ admin: 'allow' }),
    async run(cell) {
      const { harness, targetExpertId } = cell.world;
      const verified = await harness.services.verifications.verify(
        {
          expertId: targetExpertId,
          evidence: 'ORGANISATION_SIGN_IN',
          organisation: 'Gemeente Test',
          independence: 'MUNICIPALITY',
          topics: ['bijstand-aanvragen'],
          validUntil: '2027-06-30',
        },
        cliActor,
      );
      assert.deepEqual(verified.errors, []);
      const current = async () =>
        (await harness.opened.store.currentVerifications([targetExpertId], harness.now().toISOString())).has(
          targetExpertId,
        );
      const audit = await cell.world.auditCount();
      const body = await cell.send(
        `mutation ($input: RevokeVerificationInput!) {
          revokeVerification(input: $input) { expert { id } errors { code } }
        }`,
        { input: { expertId: targetExpertId, reason: 'Werkt niet meer bij deze organisatie.' } },
      );
      return {
        body,
        effect: async () => (!(await current()) || (await cell.world.auditCount()) > audit ? 'allow' : 'noop'),
      };
    },
  },
  {
    name: 'updateMyProfile',
    why: 'Every expert account edits its own profile, verified or not; accounts without a profile are refused.',
    expected: onlyFor({ expert: 'allow', expired: 'allow', unverified: 'allow' }),
    async run(cell) {
      const displayName = cell.world.unique('Nieuwe Naam');
      const body = await cell.send(
        'mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { expert { id } errors { code } } }',
        { input: { displayName, title: 'Arbeidsadviseur' } },
      );
      return {
        body,
        effect: async () => {
          const rows = await db(cell)
            .selectFrom('experts')
            .select('id')
            .where('display_name', '=', displayName)
            .execute();
          if (rows.length > 0) assert.deepEqual(rows, [{ id: cell.caller.expertId }], 'only the own profile changed');
          return rows.length > 0 ? 'allow' : 'noop';
        },
      };
    },
  },
  {
    name: 'addUser (roles: ADMIN)',
    why: 'Admins of the community add accounts, admins included; nobody else adds any account.',
    expected: onlyFor({ admin: 'allow' }),
    async run(cell) {
      const email = `${cell.world.unique('nieuw')}@testgemeente.nl`;
      const audit = await cell.world.auditCount();
      const body = await cell.send(
        'mutation ($input: AddUserInput!) { addUser(input: $input) { user { id } errors { code } } }',
        { input: { community: COMMUNITY, email, displayName: 'Nieuwe Beheerder', roles: ['ADMIN'] } },
      );
      return {
        body,
        effect: async () => {
          const row = await db(cell).selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
          return row || (await cell.world.auditCount()) > audit ? 'allow' : 'noop';
        },
      };
    },
  },
  {
    name: 'setUserRoles (a STAFF account)',
    why: 'Makes a STAFF account of testgemeente ADMIN: only its admins may; the admin of "andere" is refused.',
    expected: onlyFor({ admin: 'allow' }),
    async run(cell) {
      const target = await cell.world.account(['STAFF']);
      return setRoles(cell, target.id);
    },
  },
  {
    name: 'setUserRoles (own account)',
    why: "Makes the caller's own account ADMIN: an admin manages their own community, themself included.",
    expected: onlyFor({ admin: 'allow', otherAdmin: 'allow' }),
    freshCaller: true,
    async run(cell) {
      // Without a session there is no own account: the target is then an account of testgemeente.
      return setRoles(cell, cell.caller.viewerId ?? (await cell.world.account(['STAFF'])).id);
    },
  },
  {
    name: 'claimQuestion',
    why: 'Experts with a current verification only.',
    expected: onlyFor({ expert: 'allow' }),
    async run(cell) {
      const question = await cell.world.ask();
      const body = await cell.send(
        'mutation ($id: ID!) { claimQuestion(questionId: $id) { question { id } errors { code } } }',
        { id: question.id },
      );
      return { body, effect: async () => ((await claimOf(cell, question.id)) ? 'allow' : 'noop') };
    },
  },
  {
    name: 'releaseClaim',
    why: "The verified expert's own claim: other experts' calls leave it (no-op), other roles are refused.",
    expected: onlyFor({ expert: 'allow', expired: 'noop', unverified: 'noop' }),
    async run(cell) {
      const question = await cell.world.ask();
      const holder = await cell.world.viewerOf(cell.world.callers.expert);
      assert.deepEqual((await cell.world.harness.services.claims.claim(question.id, holder)).errors, []);
      const body = await cell.send(
        'mutation ($id: ID!) { releaseClaim(questionId: $id) { question { id } errors { code } } }',
        { id: question.id },
      );
      return { body, effect: async () => ((await claimOf(cell, question.id)) ? 'noop' : 'allow') };
    },
  },

  // Private e-mail questions (services/private-question-service.ts): anyone asks; experts verified for the topic
  // read and answer them; the citizen reads the thread through the secret link only.
  {
    name: 'askPrivateQuestion',
    expected: everyone('allow'),
    async run(cell) {
      await offerEmailService(cell);
      const idempotencyKey = cell.world.unique('prive-matrix');
      const body = await cell.send(
        `mutation ($input: AskPrivateQuestionInput!) {
          askPrivateQuestion(input: $input) { confirmationSent errors { code } }
        }`,
        {
          input: {
            community: COMMUNITY,
            topic: 'ww',
            body: PRIVATE_QUESTION,
            email: `${cell.world.unique('burger')}@example.org`,
            idempotencyKey,
          },
        },
      );
      const stored = () =>
        db(cell).selectFrom('private_questions').select('id').where('idempotency_key', '=', idempotencyKey).execute();
      return { body, effect: async () => ((await stored()).length > 0 ? 'allow' : 'noop') };
    },
  },
  {
    name: 'answerPrivateQuestion',
    why: "Experts with a current verification for the question's topic (ww) only.",
    expected: onlyFor({ expert: 'allow' }),
    async run(cell) {
      const asked = await askPrivately(cell);
      const body = await cell.send(
        `mutation ($input: AnswerPrivateQuestionInput!) {
          answerPrivateQuestion(input: $input) { question { id answered } errors { code } }
        }`,
        {
          input: {
            questionId: asked.id,
            body: 'Daarna kunt u misschien bijstand krijgen. Vraag het na bij de gemeente.',
          },
        },
      );
      const messages = () =>
        db(cell).selectFrom('private_messages').select('id').where('question_id', '=', asked.id).execute();
      return { body, effect: async () => ((await messages()).length > 0 ? 'allow' : 'noop') };
    },
  },
  {
    name: 'Viewer.privateQuestions',
    why: 'Experts only, as Viewer.inbox: an expert without a current verification gets an empty list, not an error.',
    expected: {
      ...onlyFor({ expert: 'allow', expired: 'hidden', unverified: 'hidden' }),
      anonymous: 'hidden',
      owner: 'hidden',
    },
    async run(cell) {
      const asked = await askPrivately(cell);
      const body = await cell.send('{ viewer { id privateQuestions(first: 50) { id } } }');
      return {
        body,
        effect: async () => {
          const ids = (body.data?.viewer?.privateQuestions ?? []).map((question: { id: string }) => question.id);
          return ids.includes(asked.id) ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'privateThread',
    why: 'Only the secret from the e-mail opens a thread; others send the secret of a thread of their own.',
    expected: { ...everyone('hidden'), owner: 'allow' },
    async run(cell) {
      const asked = await askPrivately(cell);
      const secret = cell.caller.kind === 'owner' ? asked.secret : (await askPrivately(cell)).secret;
      const body = await cell.send(
        'query ($id: ID!, $secret: String!) { privateThread(id: $id, secret: $secret) { id body } }',
        { id: asked.id, secret },
      );
      return { body, effect: async () => (body.data?.privateThread?.id === asked.id ? 'allow' : 'hidden') };
    },
  },

  // Appointments (services/appointment-service.ts): experts publish and remove their own times; anyone books a free
  // one; the cancel link's token cancels its own appointment only; experts read their own agenda.
  {
    name: 'publishSlots',
    why: 'Experts with a current verification; an expert without one gets VERIFICATION_REQUIRED and nothing is stored.',
    expected: onlyFor({ expert: 'allow', expired: 'VERIFICATION_REQUIRED', unverified: 'VERIFICATION_REQUIRED' }),
    async run(cell) {
      await offerAppointments(cell);
      const startsAt = nextSlotTime();
      const body = await cell.send(
        `mutation ($input: PublishSlotsInput!) { publishSlots(input: $input) { slots { id } errors { code } } }`,
        { input: { community: COMMUNITY, startsAt: [startsAt], mode: 'VIDEO' } },
      );
      const stored = () =>
        db(cell).selectFrom('appointment_slots').select('id').where('starts_at', '=', startsAt).execute();
      return { body, effect: async () => ((await stored()).length > 0 ? 'allow' : 'noop') };
    },
  },
  {
    name: 'removeSlot',
    why: "Experts remove their own free times, also without a current verification; others try the claim holder's.",
    expected: onlyFor({ expert: 'allow', expired: 'allow', unverified: 'allow' }),
    async run(cell) {
      const slotId = await insertSlot(cell, cell.caller.expertId ?? cell.world.claimHolder.expertId!);
      const body = await cell.send(
        'mutation ($slotId: ID!) { removeSlot(slotId: $slotId) { slots { id } errors { code } } }',
        { slotId },
      );
      const slot = () =>
        db(cell).selectFrom('appointment_slots').select('id').where('id', '=', slotId).executeTakeFirst();
      return { body, effect: async () => ((await slot()) ? 'noop' : 'allow') };
    },
  },
  {
    name: 'bookAppointment',
    why: 'Anyone may book a free time of an advisor verified for the topic; no account is needed.',
    expected: everyone('allow'),
    async run(cell) {
      await offerAppointments(cell);
      const slotId = await insertSlot(cell, cell.world.claimHolder.expertId!);
      const body = await cell.send(
        `mutation ($input: BookAppointmentInput!) {
          bookAppointment(input: $input) { appointment { id } errors { code } }
        }`,
        { input: appointmentInput(cell, slotId) },
      );
      return { body, effect: async () => ((await appointmentOfSlot(cell, slotId)) ? 'allow' : 'noop') };
    },
  },
  {
    name: 'cancelAppointment',
    why: "Only the cancel link's token cancels; others send the token of an appointment of their own, which stays theirs.",
    expected: { ...everyone('noop'), owner: 'allow' },
    async run(cell) {
      const booked = await bookedAppointment(cell);
      const token = cell.caller.kind === 'owner' ? booked.token : (await bookedAppointment(cell)).token;
      const body = await cell.send(
        'mutation ($token: String!) { cancelAppointment(token: $token) { cancelled errors { code } } }',
        { token },
      );
      return {
        body,
        effect: async () => ((await appointmentOfSlot(cell, booked.slotId))?.cancelled_at ? 'allow' : 'noop'),
      };
    },
  },
  {
    name: 'Viewer.appointments',
    why: 'Experts read their own appointments; an expert without a current verification cannot be booked (empty list).',
    expected: {
      ...onlyFor({ expert: 'allow', expired: 'hidden', unverified: 'hidden' }),
      anonymous: 'hidden',
      owner: 'hidden',
    },
    async run(cell) {
      await offerAppointments(cell);
      // The caller's own time for experts (refused for one without a current verification); else the claim holder's.
      const slotId = await insertSlot(cell, cell.caller.expertId ?? cell.world.claimHolder.expertId!);
      await cell.world.harness.services.appointments.book(appointmentInput(cell, slotId));
      const body = await cell.send('{ viewer { id appointments(first: 50) { id name slot { id } } } }');
      return {
        body,
        effect: async () => {
          const slots = (body.data?.viewer?.appointments ?? []).map((a: { slot: { id: string } }) => a.slot.id);
          return slots.includes(slotId) ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'Viewer.mySlots',
    why: 'Experts see their own free times, whatever their verification; nobody sees another expert’s.',
    expected: {
      ...onlyFor({ expert: 'allow', expired: 'allow', unverified: 'allow' }),
      anonymous: 'hidden',
      owner: 'hidden',
    },
    async run(cell) {
      const slotId = await insertSlot(cell, cell.caller.expertId ?? cell.world.claimHolder.expertId!);
      const body = await cell.send('{ viewer { id mySlots(first: 50) { id } } }');
      return {
        body,
        effect: async () =>
          (body.data?.viewer?.mySlots ?? []).some((slot: { id: string }) => slot.id === slotId) ? 'allow' : 'hidden',
      };
    },
  },

  // Moderation (services/moderation-service.ts): flags from anyone, decisions by moderators and admins of the
  // community, settings by its admins.
  {
    name: 'flagContent',
    why: 'Anyone may flag published content, signed in or not, from a widget that sends its Plein-Device key.',
    expected: everyone('allow'),
    async run(cell) {
      const question = await cell.world.ask();
      const body = await sendWithDevice(
        cell,
        'mutation ($input: FlagContentInput!) { flagContent(input: $input) { counted errors { code } } }',
        { input: { content: { kind: 'QUESTION', id: question.id }, reason: 'SPAM' } },
      );
      const flags = () =>
        db(cell).selectFrom('content_flags').select('id').where('content_id', '=', question.id).execute();
      return { body, effect: async () => ((await flags()).length > 0 ? 'allow' : 'noop') };
    },
  },
  moderatorDecision('approveContent', 'ModerationActionInput', { held: true }, () => ({}), 'PUBLISHED'),
  moderatorDecision('rejectContent', 'ModerationActionInput', {}, () => ({ reason: 'Past niet.' }), 'REJECTED'),
  moderatorDecision('hideContent', 'ModerationActionInput', {}, () => ({ reason: 'Even weg.' }), 'HIDDEN'),
  moderatorDecision(
    'redactContent',
    'RedactContentInput',
    { held: true },
    () => ({ body: 'Iemand van personeelszaken zei dat ik weg moet. Mag dat?', removedKinds: ['name'] }),
    'PUBLISHED',
  ),
  {
    name: 'blockAuthor',
    expected: onlyFor({ moderator: 'allow', admin: 'allow' }),
    async run(cell) {
      const pseudonym = cell.world.unique('Matrix Schuilnaam');
      const asked = await cell.world.harness.services.questions.ask({
        community: COMMUNITY,
        topic: 'bijstand-aanvragen',
        title: 'Mag ik bijstand krijgen als ik een eigen huis heb?',
        body: 'Ik heb een koophuis en geen werk meer. Kan ik dan toch bijstand krijgen?',
        displayName: pseudonym,
        idempotencyKey: cell.world.unique('vraag'),
      });
      const body = await cell.send(
        'mutation ($input: BlockAuthorInput!) { blockAuthor(input: $input) { item { id } errors { code } } }',
        { input: { content: { kind: 'QUESTION', id: asked.question!.id }, scope: 'PSEUDONYM', reason: 'Reclame.' } },
      );
      const blocks = () =>
        db(cell).selectFrom('author_blocks').select('id').where('value', '=', pseudonym.toLowerCase()).execute();
      return { body, effect: async () => ((await blocks()).length > 0 ? 'allow' : 'noop') };
    },
  },
  {
    name: 'updateModerationSettings',
    why: 'Admins of the community only; moderators read the settings but do not change them.',
    expected: onlyFor({ admin: 'allow' }),
    async run(cell) {
      const word = cell.world.unique('matrixwoord');
      const body = await cell.send(
        `mutation ($input: ModerationSettingsInput!) {
          updateModerationSettings(input: $input) { settings { heldWords } errors { code } }
        }`,
        {
          input: { community: COMMUNITY, preModeration: 'NONE', flagThreshold: 3, blockedWords: [], heldWords: [word] },
        },
      );
      return { body, effect: async () => ((await heldWordsOfTestgemeente(cell)).includes(word) ? 'allow' : 'noop') };
    },
  },
  {
    name: 'setContactChannels',
    why: 'Staff and admins of the community; moderators and experts do not run the contact channels.',
    expected: onlyFor({ staff: 'allow', admin: 'allow' }),
    async run(cell) {
      // A description no other cell sends, so the effect is this cell's own write.
      const description = `Bel gratis met een adviseur (${cell.world.unique('kanalen')}).`;
      const body = await cell.send(
        `mutation ($input: ContactChannelsInput!) {
          setContactChannels(input: $input) { contact { adviceLine { description } } errors { code } }
        }`,
        {
          input: {
            community: COMMUNITY,
            adviceLine: {
              phoneNumber: '0800-0123',
              description,
              openingHours: [{ weekday: 1, opens: '09:00', closes: '17:00' }],
              closedDays: [],
            },
          },
        },
      );
      const row = () =>
        db(cell)
          .selectFrom('contact_channels')
          .select('advice_line')
          .where('community_id', '=', cell.world.harness.communityId)
          .executeTakeFirst();
      return {
        body,
        effect: async () => ((await row())?.advice_line?.includes(description) ? 'allow' : 'noop'),
      };
    },
  },
  {
    name: 'community.reportSchedule',
    why: 'Staff and admins of the community read when the report is e-mailed, and to whom.',
    expected: onlyFor({ staff: 'allow', admin: 'allow' }),
    async run(cell) {
      const set = await cell.world.harness.services.reportSchedules.setSchedule(cliActor, {
        community: COMMUNITY,
        frequency: 'WEEKLY',
        recipientIds: [],
      });
      assert.deepEqual(set.errors, []);
      const body = await cell.send(
        'query ($slug: String!) { community(slug: $slug) { id reportSchedule { frequency recipients { id } } } }',
        { slug: COMMUNITY },
      );
      return {
        body,
        effect: async () => (body.data?.community?.reportSchedule?.frequency === 'WEEKLY' ? 'allow' : 'hidden'),
      };
    },
  },
  {
    name: 'setReportSchedule',
    why: 'Admins of the community only; staff read the schedule but do not change it.',
    expected: onlyFor({ admin: 'allow' }),
    async run(cell) {
      const { services } = cell.world.harness;
      const reset = await services.reportSchedules.setSchedule(cliActor, {
        community: COMMUNITY,
        frequency: 'WEEKLY',
        recipientIds: [],
      });
      assert.deepEqual(reset.errors, []);
      const recipient = cell.world.callers.staff.viewerId!;
      const body = await cell.send(
        `mutation ($input: ReportScheduleInput!) {
          setReportSchedule(input: $input) { schedule { frequency } errors { code } }
        }`,
        { input: { community: COMMUNITY, frequency: 'MONTHLY', recipientIds: [recipient] } },
      );
      const frequency = async () =>
        (
          await db(cell)
            .selectFrom('report_schedules')
            .select('frequency')
            .where('community_id', '=', cell.world.harness.communityId)
            .executeTakeFirst()
        )?.frequency;
      return { body, effect: async () => ((await frequency()) === 'MONTHLY' ? 'allow' : 'noop') };
    },
  },
  {
    name: 'community.report',
    why: 'Staff and admins of the community; every report they get is written to the audit log.',
    expected: onlyFor({ staff: 'allow', admin: 'allow' }),
    async run(cell) {
      const before = await cell.world.auditCount();
      const body = await cell.send(
        `query ($slug: String!) {
          community(slug: $slug) { id report(from: "2026-10-01", to: "2026-10-31") { questions { current { value } } } }
        }`,
        { slug: COMMUNITY },
      );
      return {
        body,
        effect: async () =>
          body.data?.community?.report || (await cell.world.auditCount()) > before ? 'allow' : 'hidden',
      };
    },
  },
  {
    name: 'Viewer.moderationQueue',
    why: 'Moderators and admins of the community; the admin of "andere" sees the queue of "andere".',
    expected: {
      ...onlyFor({ moderator: 'allow', admin: 'allow', otherAdmin: 'hidden' }),
      anonymous: 'hidden',
      owner: 'hidden',
    },
    async run(cell) {
      const held = await cell.world.ask({ held: true });
      // Oldest first, and the matrix's clock stands still: read every page until the held question turns up.
      const query = `query ($after: String) {
        viewer { id moderationQueue(first: 50, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }
      }`;
      let body = await cell.send(query);
      let found = false;
      for (;;) {
        const queue = body.data?.viewer?.moderationQueue;
        const edges: { node: { id: string } }[] = queue?.edges ?? [];
        found ||= edges.some((edge) => edge.node.id === `QUESTION:${held.id}`);
        if (found || !queue?.pageInfo.hasNextPage) break;
        body = await cell.send(query, { after: queue.pageInfo.endCursor });
      }
      return { body, effect: async () => (found ? 'allow' : 'hidden') };
    },
  },
  {
    name: 'Viewer.auditLog',
    why: 'Staff, moderators and admins of the community; the admin of "andere" reads the log of "andere".',
    expected: {
      ...onlyFor({ moderator: 'allow', staff: 'allow', admin: 'allow', otherAdmin: 'hidden' }),
      anonymous: 'hidden',
      owner: 'hidden',
    },
    async run(cell) {
      const question = await cell.world.ask();
      const moderator = await cell.world.viewerOf(cell.world.callers.moderator);
      const hidden = await cell.world.harness.services.moderation.hide(
        { content: { kind: 'QUESTION', id: question.id }, reason: 'Voor het logboek.' },
        moderator,
      );
      assert.deepEqual(hidden.errors, []);
      const body = await cell.send('{ viewer { id auditLog(first: 10) { edges { node { subjectId } } } } }');
      return {
        body,
        effect: async () => {
          const edges: { node: { subjectId: string | null } }[] = body.data?.viewer?.auditLog?.edges ?? [];
          return edges.some((edge) => edge.node.subjectId === question.id) ? 'allow' : 'hidden';
        },
      };
    },
  },
  {
    name: 'Viewer.moderationSettings',
    why: 'Moderators and admins of the community; the admin of "andere" reads the settings of "andere".',
    expected: {
      ...onlyFor({ moderator: 'allow', admin: 'allow', otherAdmin: 'hidden' }),
      anonymous: 'hidden',
      owner: 'hidden',
    },
    async run(cell) {
      const word = cell.world.unique('instelwoord');
      const admin = await cell.world.viewerOf(cell.world.callers.admin);
      const saved = await cell.world.harness.services.moderation.updateSettings(
        { community: COMMUNITY, preModeration: 'NONE', flagThreshold: 3, blockedWords: [], heldWords: [word] },
        admin,
      );
      assert.deepEqual(saved.errors, []);
      const body = await cell.send('{ viewer { id moderationSettings { heldWords } } }');
      return {
        body,
        effect: async () => (body.data?.viewer?.moderationSettings?.heldWords?.includes(word) ? 'allow' : 'hidden'),
      };
    },
  },
  {
    name: 'Question.moderationReason',
    why: 'The author reads why a moderator rejected the question (owner token); others send a token of their own.',
    expected: { ...everyone('hidden'), owner: 'allow' },
    async run(cell) {
      const question = await cell.world.ask();
      const moderator = await cell.world.viewerOf(cell.world.callers.moderator);
      const reason = 'Dit gaat niet over werk of inkomen.';
      const rejected = await cell.world.harness.services.moderation.reject(
        { content: { kind: 'QUESTION', id: question.id }, reason },
        moderator,
      );
      assert.deepEqual(rejected.errors, []);
      const body = await cell.send(
        'query ($id: ID!, $ownerToken: String) { question(id: $id, ownerToken: $ownerToken) { id moderationReason } }',
        { id: question.id, ownerToken: await tokenFor(cell, question) },
      );
      return { body, effect: async () => (body.data?.question?.moderationReason === reason ? 'allow' : 'hidden') };
    },
  },
];

/** A moderator's decision on a fresh question of testgemeente (held with `held`); allowed when it reached `to`. */
function moderatorDecision(
  mutation: string,
  inputType: string,
  question: { held?: boolean },
  input: () => Record<string, unknown>,
  to: string,
): Operation {
  return {
    name: mutation,
    expected: onlyFor({ moderator: 'allow', admin: 'allow' }),
    async run(cell) {
      const { id } = await cell.world.ask(question);
      const body = await cell.send(
        `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { item { id publication } errors { code } } }`,
        { input: { content: { kind: 'QUESTION', id }, ...input() } },
      );
      return { body, effect: async () => ((await questionRow(cell, id))?.publication === to ? 'allow' : 'noop') };
    },
  };
}

/** Sends `query` as the caller, from a widget: with a `Plein-Device` key of its own. */
async function sendWithDevice(cell: Cell, query: string, variables: Record<string, unknown>) {
  const headers = {
    ...(cell.caller.token ? bearer(cell.caller.token) : {}),
    'plein-device': cell.world.unique('matrix-device-0123456789'),
  };
  return (await cell.world.harness.graphql(query, variables, headers)).body;
}

async function heldWordsOfTestgemeente(cell: Cell): Promise<string[]> {
  const row = await db(cell)
    .selectFrom('moderation_settings')
    .select('held_words')
    .where('community_id', '=', cell.world.harness.communityId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.held_words) as string[]) : [];
}

const PRIVATE_QUESTION = 'Mijn WW stopt straks. Welke uitkering kan ik daarna krijgen?';

/** Switches private e-mail questions on for testgemeente (a setContactChannels cell may have switched them off). */
async function offerEmailService(cell: Cell): Promise<void> {
  const email_service = JSON.stringify({ description: null, answerWithinDays: 3 });
  await db(cell)
    .insertInto('contact_channels')
    .values({
      community_id: cell.world.harness.communityId,
      advice_line: null,
      email_service,
      appointments: null,
      updated_at: cell.world.harness.now().toISOString(),
    })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ email_service }))
    .execute();
}

/** A private question about ww from an anonymous citizen: its id, and the secret from the confirmation e-mail. */
async function askPrivately(cell: Cell): Promise<{ id: string; secret: string }> {
  await offerEmailService(cell);
  const { harness } = cell.world;
  const email = `${cell.world.unique('prive')}@example.org`;
  const asked = await harness.services.privateQuestions.ask({
    community: COMMUNITY,
    topic: 'ww',
    body: PRIVATE_QUESTION,
    email,
    idempotencyKey: cell.world.unique('prive-vraag'),
  });
  assert.deepEqual(asked.errors, []);
  const link = /#plein-prive=([A-Za-z0-9-]+)\.([A-Za-z0-9_-]+)/.exec(
    harness.mailer.sent.find((mail) => mail.to === email)?.text ?? '',
  );
  assert.ok(link, 'the confirmation e-mail holds the secret link');
  return { id: link[1]!, secret: link[2]! };
}

/** Switches appointments of 30 minutes on for testgemeente (a setContactChannels cell may have switched them off). */
async function offerAppointments(cell: Cell): Promise<void> {
  const appointments = JSON.stringify({ description: null, durationMinutes: 30 });
  await db(cell)
    .insertInto('contact_channels')
    .values({
      community_id: cell.world.harness.communityId,
      advice_line: null,
      email_service: null,
      appointments,
      updated_at: cell.world.harness.now().toISOString(),
    })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ appointments }))
    .execute();
}

let slotHours = 0;
/** A start time no other cell uses: whole hours from December on, a month after the matrix's clock. */
const nextSlotTime = () => new Date(Date.parse('2026-12-01T08:00:00.000Z') + ++slotHours * 60 * 60_000).toISOString();

/** A free 30-minute video slot of `expertId` in testgemeente, written to the store as publishSlots would. */
async function insertSlot(cell: Cell, expertId: string): Promise<string> {
  const startsAt = nextSlotTime();
  const id = newId();
  await db(cell)
    .insertInto('appointment_slots')
    .values({
      id,
      community_id: cell.world.harness.communityId,
      expert_id: expertId,
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
      mode: 'VIDEO',
      location: null,
      created_at: cell.world.harness.now().toISOString(),
      appointment_id: null,
    })
    .execute();
  return id;
}

const appointmentInput = (cell: Cell, slotId: string) => ({
  slotId,
  topic: 'ww',
  name: 'Matrix',
  email: `${cell.world.unique('afspraak')}@example.org`,
  idempotencyKey: cell.world.unique('afspraak-matrix'),
});

const appointmentOfSlot = (cell: Cell, slotId: string) =>
  db(cell).selectFrom('appointments').selectAll().where('slot_id', '=', slotId).executeTakeFirst();

/** An appointment with the claim holder, booked by an anonymous citizen: its slot and the token from the e-mail. */
async function bookedAppointment(cell: Cell): Promise<{ slotId: string; token: string }> {
  await offerAppointments(cell);
  const { services, mailer } = cell.world.harness;
  const slotId = await insertSlot(cell, cell.world.claimHolder.expertId!);
  const input = appointmentInput(cell, slotId);
  assert.deepEqual((await services.appointments.book(input)).errors, []);
  await services.appointments.settled();
  const token = /\/afspraak\/annuleren\?token=([A-Za-z0-9_-]+)/.exec(
    mailer.sent.find((mail) => mail.to === input.email)?.text ?? '',
  )?.[1];
  assert.ok(token, 'the confirmation e-mail holds the cancel link');
  return { slotId, token };
}

/** Asks for ADMIN (and STAFF) on `userId`; the effect is a change of its roles or an audit entry. */
async function setRoles(cell: Cell, userId: string) {
  const before = { roles: await rolesOf(cell, userId), audit: await cell.world.auditCount() };
  const body = await cell.send(
    'mutation ($input: SetUserRolesInput!) { setUserRoles(input: $input) { user { id roles } errors { code } } }',
    { input: { userId, roles: ['ADMIN', 'STAFF'] } },
  );
  return {
    body,
    effect: async (): Promise<Effect> =>
      (await rolesOf(cell, userId)) !== before.roles || (await cell.world.auditCount()) > before.audit
        ? 'allow'
        : 'noop',
  };
}

/** Sends `query` as the caller of a cell. */
export function cellFor(world: MatrixWorld, caller: Caller): Cell {
  return {
    world,
    caller,
    async send(query, variables = {}) {
      const { body } = await world.harness.graphql(query, variables, caller.token ? bearer(caller.token) : {});
      return body;
    },
  };
}
