import assert from 'node:assert/strict';
import type { RealServer } from './server.ts';

/**
 * What the end-to-end tests set up and check through the real server's own doors, as an operator or another caller
 * would: GraphQL over HTTP and the `plein` command line. The browser part of each test never uses these.
 */

/** A GraphQL call over HTTP; fails the test on any error, so a setup step cannot go wrong quietly. */
export async function graphql<T>(
  server: RealServer,
  query: string,
  variables: object = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  assert.ok(body.data && !body.errors, `GraphQL answered ${JSON.stringify(body)}`);
  return body.data;
}

/** Signs in with a password in the demo community and returns the bearer token. */
export async function signIn(server: RealServer, email: string, password: string): Promise<string> {
  const data = await graphql<{ signIn: { session: { token: string } | null } }>(
    server,
    'mutation ($input: SignInInput!) { signIn(input: $input) { session { token } } }',
    { input: { community: 'eemsdelta', email, password } },
  );
  assert.ok(data.signIn.session, `${email} could not sign in`);
  return data.signIn.session.token;
}

export interface Account {
  email: string;
  password: string;
}

/** Adds accounts to the demo community with `plein user add`, as an administrator does. */
export async function addAccounts(
  server: RealServer,
  accounts: readonly (readonly [account: Account, role: string, name: string])[],
): Promise<void> {
  for (const [account, role, name] of accounts) {
    const added = await server.cli(
      [
        'user',
        'add',
        '--community',
        'eemsdelta',
        '--email',
        account.email,
        '--role',
        role,
        '--name',
        name,
        '--password-stdin',
      ],
      `${account.password}\n`,
    );
    assert.equal(added.code, 0, added.stderr);
  }
}

/**
 * Verifies the expert with this display name for some topics for 30 days (evidence: a KvK number), as the
 * community's administrator: the id comes from `plein expert list`, the verification through GraphQL.
 */
export async function verifyExpert(
  server: RealServer,
  adminToken: string,
  name: string,
  topics: readonly string[],
): Promise<void> {
  const listed = await server.cli(['expert', 'list', '--community', 'eemsdelta']);
  const expertId = listed.stdout
    .split('\n')
    .find((row) => row.split('\t')[1] === name)
    ?.split('\t')[0];
  assert.ok(expertId, `no expert profile for ${name}`);
  const verified = await graphql<{ verifyExpert: { errors: unknown[] } }>(
    server,
    'mutation ($input: VerifyExpertInput!) { verifyExpert(input: $input) { errors { code } } }',
    {
      input: {
        expertId,
        evidence: 'KVK',
        kvkNumber: '90123456',
        organisation: 'Wiersma Advies',
        independence: 'INDEPENDENT',
        topics,
        validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    },
    adminToken,
  );
  assert.deepEqual(verified.verifyExpert.errors, []);
}
