import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CALLERS,
  type Caller,
  type CallerKind,
  callerDescriptions,
  cellFor,
  type Expected,
  type MatrixWorld,
  type Operation,
  openMatrixWorld,
  operations,
} from './authorization-cases.ts';
import { bearer, onEveryEngine, portalToken } from './sign-in-helper.ts';

/**
 * Issue 5's authorization matrix: every operation of `authorization-cases.ts` as every kind of caller, through the
 * real app, on SQLite and PostgreSQL. A refusal must also leave the database as it was. At the end the observed grid
 * is printed, so a review can read it without running the suite.
 */

interface Observation {
  /** 'allow', 'hidden' or 'noop'; or the refusal: a GraphQL error code or a payload user error code. */
  outcome: string;
  /** A refused call whose effect happened anyway: the worst kind of failure. */
  refusedButChanged: boolean;
  body: unknown;
}

async function observe(operation: Operation, world: MatrixWorld, caller: Caller): Promise<Observation> {
  const { body, effect } = await operation.run(cellFor(world, caller));
  const happened = await effect();
  const graphqlCodes = [...new Set((body.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE'))];
  const payload: unknown = body.data ? Object.values(body.data)[0] : undefined;
  const payloadErrors = (payload as { errors?: unknown } | null | undefined)?.errors;
  const userCodes = Array.isArray(payloadErrors)
    ? [...new Set(payloadErrors.map((e: { code: string }) => e.code))]
    : [];
  const refusal = graphqlCodes.length > 0 ? graphqlCodes.join('+') : userCodes.join('+') || null;
  return { outcome: refusal ?? happened, refusedButChanged: refusal !== null && happened === 'allow', body };
}

const short: Record<string, string> = {
  UNAUTHENTICATED: 'UNAUTH',
  FIELD_NOT_ALLOWED: 'NOT_ALLOWED',
  noop: 'no-op',
};
const label = (outcome: string) => short[outcome] ?? outcome;

/** The observed grid; a cell that differs from the table shows `observed!expected`. */
function printGrid(engine: string, observed: Map<string, Map<CallerKind, string>>): void {
  const rows = operations
    .filter((operation) => observed.has(operation.name))
    .map((operation) => [
      operation.name,
      ...CALLERS.map((kind) => {
        const outcome = observed.get(operation.name)?.get(kind);
        if (outcome === undefined) return '?';
        const expected = operation.expected[kind];
        return outcome === expected ? label(outcome) : `${label(outcome)}!${label(expected)}`;
      }),
    ]);
  const table = [['', ...CALLERS], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const nameWidth = Math.max(...CALLERS.map((kind) => kind.length));
  const differing = rows.filter((row) => row.some((cell) => cell.includes('!'))).length;
  console.log(
    [
      '',
      `Authorization matrix on ${engine}: ${rows.length} operations x ${CALLERS.length} callers` +
        (differing > 0 ? `, ${differing} row(s) NOT as expected (observed!expected)` : ', every cell as expected'),
      line(table[0]!),
      ...rows.map(line),
      'allow: the effect happened; hidden: no error, the protected data is null or left out (or no badge);',
      'no-op: accepted, nothing changed; UNAUTH, FORBIDDEN: GraphQL error code; NOT_OWNER, NOT_ALLOWED',
      '(FIELD_NOT_ALLOWED): user error in the payload. A refusal also checks that the database did not change.',
      ...CALLERS.map((kind) => `${kind.padEnd(nameWidth)}  ${callerDescriptions[kind]}`),
      '',
    ].join('\n'),
  );
}

onEveryEngine('authorization matrix', (engine, open) => {
  describe(`the authorization matrix on ${engine}`, () => {
    let world: MatrixWorld;
    const observed = new Map<string, Map<CallerKind, string>>();

    before(async () => {
      world = await openMatrixWorld(open);
    });
    after(async () => {
      printGrid(engine, observed);
      await world?.close();
    });

    for (const operation of operations) {
      it(operation.name, async () => {
        const row = new Map<CallerKind, string>();
        observed.set(operation.name, row);
        const failures: string[] = [];
        for (const kind of CALLERS) {
          const expected: Expected = operation.expected[kind];
          try {
            const caller = operation.freshCaller ? await world.makeCaller(kind) : world.callers[kind];
            const seen = await observe(operation, world, caller);
            row.set(kind, seen.outcome);
            if (seen.outcome !== expected) {
              failures.push(`${kind}: expected ${expected}, got ${seen.outcome}: ${JSON.stringify(seen.body)}`);
            }
            if (seen.refusedButChanged)
              failures.push(`${kind}: refused with ${seen.outcome}, yet the database changed`);
          } catch (error) {
            row.set(kind, 'ERROR');
            failures.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        assert.deepEqual(failures, [], `${operation.name}${operation.why ? ` (${operation.why})` : ''}`);
      });
    }

    it('logs refused sign-ins with a reason, never the address: a wrong password, another community portal secret', async () => {
      const { harness } = world;
      const from = harness.logLines.length;
      const account = await world.account(['STAFF']);
      const wrong = await harness.graphql(
        'mutation ($input: SignInInput!) { signIn(input: $input) { session { token } errors { code } } }',
        { input: { community: 'testgemeente', email: account.email, password: 'niet het wachtwoord' } },
      );
      assert.deepEqual(wrong.body.data.signIn, { session: null, errors: [{ code: 'SIGN_IN_FAILED' }] });

      const otherSecret = await harness.services.portal.newSecret('andere');
      const forged = await harness.graphql(
        'mutation ($input: PortalSignInInput!) { signInWithPortalToken(input: $input) { session { token } errors { code } } }',
        {
          input: {
            community: 'testgemeente',
            token: await portalToken(otherSecret, { sub: 'burger-elders', now: harness.now() }),
          },
        },
      );
      assert.deepEqual(forged.body.data.signInWithPortalToken, {
        session: null,
        errors: [{ code: 'PORTAL_TOKEN_INVALID' }],
      });

      const refusals = harness.logLines
        .slice(from)
        .filter((line) => line.includes('sign-in refused'))
        .map((line) => (JSON.parse(line) as { signIn: { method: string; reason: string } }).signIn);
      assert.deepEqual(
        refusals.map((refusal) => [refusal.method, refusal.reason]),
        [
          ['password', 'wrong-password'],
          ['portal', 'signature'],
        ],
      );
      assert.doesNotMatch(harness.logLines.slice(from).join('\n'), new RegExp(`${account.email}|burger-elders`));
    });

    it('logs a refused role escalation', async () => {
      const { harness, callers } = world;
      const from = harness.logLines.length;
      const staff = await world.account(['STAFF']);
      const setRoles = 'mutation ($input: SetUserRolesInput!) { setUserRoles(input: $input) { errors { code } } }';
      const attempts = [
        { caller: callers.otherAdmin, query: setRoles, input: { userId: staff.id, roles: ['ADMIN'] } },
        { caller: callers.expert, query: setRoles, input: { userId: callers.expert.viewerId, roles: ['ADMIN'] } },
        {
          caller: callers.moderator,
          query: 'mutation ($input: AddUserInput!) { addUser(input: $input) { errors { code } } }',
          input: { community: 'testgemeente', email: 'stiekem@testgemeente.nl', displayName: 'X', roles: ['ADMIN'] },
        },
      ];
      for (const { caller, query, input } of attempts) {
        const { body } = await harness.graphql(query, { input }, bearer(caller.token!));
        assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN', caller.kind);
      }
      const logged = harness.logLines.slice(from).filter((line) => /forbidden|refused|denied/i.test(line));
      assert.equal(logged.length, attempts.length, 'one log line for each refused escalation');
    });
  });
});
