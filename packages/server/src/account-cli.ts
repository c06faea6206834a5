import { parseArgs } from 'node:util';
import { configFromEnvironment } from './config.ts';
import { describeFailure, NodemailerMailer } from './mail/mailer.ts';
import { systemClock } from './services/clock.ts';
import { ServiceEvents } from './services/events.ts';
import { createServices, type Services } from './services/services.ts';
import { openStore } from './store/open-store.ts';

export const accountUsage = `  user add --community SLUG --email ADRES --role ROL [--role ROL …] [--name "NAAM"] [--password-stdin]
           [--expert-id ID]             maakt een account (rollen: EXPERT, MODERATOR, STAFF, ADMIN); zonder
                                        --password-stdin krijgt het account een inloglink per e-mail;
                                        --expert-id koppelt een bestaand expertprofiel
  user reset-password --community SLUG --email ADRES [--link]
                                        nieuw wachtwoord van stdin, of met --link een inloglink per e-mail;
                                        alle sessies van het account stoppen
  user list --community SLUG            toont de accounts van een community
  community set-oidc --community SLUG --issuer URL --client-id ID --organisation "NAAM"
                     (--client-secret GEHEIM | --client-secret-stdin)
                                        inloggen met de organisatie (OpenID Connect)
  community set-portal-secret --community SLUG
                                        maakt een nieuw geheim voor inloggen via het portaal en toont het één keer`;

/** True for the commands this file handles. */
export function isAccountCommand(argv: readonly string[]): boolean {
  return argv[0] === 'user' || (argv[0] === 'community' && ['set-oidc', 'set-portal-secret'].includes(argv[1] ?? ''));
}

/** The first line on stdin (a password), without its line ending. Passwords never go on the command line. */
async function readSecretLine(prompt: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function required(values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((name) => typeof values[name] !== 'string' || values[name] === '');
  if (missing.length > 0) throw new Error(`Geef ${missing.map((name) => `--${name}`).join(' en ')} op.`);
}

/**
 * `plein user …`, `plein community set-oidc` and `set-portal-secret`. Mail goes out as the running server sends it
 * (SMTP_URL, else the outbox), and the command waits until it has. Exit code 0 on success.
 */
export async function runAccountCommand(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const { values } = parseArgs({
    args: argv.slice(2),
    strict: true,
    options: {
      community: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'expert-id': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      link: { type: 'boolean' },
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'client-secret-stdin': { type: 'boolean' },
      organisation: { type: 'string' },
    },
  });
  required(values, 'community');
  const community = values.community!;

  const config = configFromEnvironment();
  const { connection, store } = await openStore(config.databaseUrl);
  const mailer = new NodemailerMailer(config.mail);
  const failures: unknown[] = [];
  const services = createServices(store, systemClock, new ServiceEvents(), {
    secret: config.secret,
    follow: { mailer, publicUrl: config.publicUrl, questionUrl: config.questionUrl },
    accounts: { signInUrl: config.signInUrl, onError: (error) => failures.push(error) },
  });
  try {
    const code = await run(services, command, sub, values, community);
    await services.accounts.settled();
    if (failures.length > 0) {
      console.error(`De e-mail kon niet worden verstuurd (${JSON.stringify(describeFailure(failures[0]))}).`);
      return 1;
    }
    return code;
  } finally {
    mailer.close();
    await connection.close();
  }
}

async function run(
  services: Services,
  command: string | undefined,
  sub: string | undefined,
  values: Record<string, string | boolean | string[] | undefined>,
  community: string,
): Promise<number> {
  if (command === 'user' && sub === 'add') {
    required(values, 'email');
    const roles = (values.role as string[] | undefined) ?? [];
    if (roles.length === 0) throw new Error('Geef minstens één --role op: EXPERT, MODERATOR, STAFF of ADMIN.');
    const password = values['password-stdin'] ? await readSecretLine('Wachtwoord: ') : undefined;
    const user = await services.accounts.addUserFromCli(community, {
      email: values.email as string,
      displayName: values.name as string | undefined,
      roles: roles.map((role) => role.toUpperCase()),
      password,
      expertId: values['expert-id'] as string | undefined,
    });
    console.log(
      `Account ${user.id} aangemaakt in ${community} met rollen ${user.roles.join(', ')}.` +
        (password === undefined ? ' Er is een inloglink per e-mail verstuurd.' : ''),
    );
    return 0;
  }
  if (command === 'user' && sub === 'reset-password') {
    required(values, 'email');
    const change = values.link ? ({ link: true } as const) : { password: await readSecretLine('Nieuw wachtwoord: ') };
    const { revokedSessions } = await services.accounts.resetPassword(community, values.email as string, change);
    console.log(
      `${values.link ? 'Het wachtwoord is verwijderd en er is een inloglink per e-mail verstuurd.' : 'Het wachtwoord is gewijzigd.'} ` +
        `${revokedSessions} sessie(s) gestopt.`,
    );
    return 0;
  }
  if (command === 'user' && sub === 'list') {
    for (const user of await services.accounts.listUsers(community)) {
      const locked =
        user.lockedUntil && user.lockedUntil > new Date().toISOString() ? `\tgeblokkeerd tot ${user.lockedUntil}` : '';
      console.log(`${user.id}\t${user.email}\t${user.displayName}\t${user.roles.join(',') || '-'}${locked}`);
    }
    return 0;
  }
  if (command === 'community' && sub === 'set-oidc') {
    required(values, 'issuer', 'client-id', 'organisation');
    const clientSecret = values['client-secret-stdin']
      ? await readSecretLine('Client secret: ')
      : (values['client-secret'] as string | undefined);
    if (!clientSecret) throw new Error('Geef --client-secret of --client-secret-stdin op.');
    const { redirectUri } = await services.oidc.configure(community, {
      issuer: values.issuer as string,
      clientId: values['client-id'] as string,
      clientSecret,
      organisation: values.organisation as string,
    });
    console.log(
      `Inloggen met de organisatie staat aan voor ${community}. Redirect-URI bij de provider: ${redirectUri}`,
    );
    return 0;
  }
  if (command === 'community' && sub === 'set-portal-secret') {
    const secret = await services.portal.newSecret(community);
    console.log(`Nieuw portaalgeheim voor ${community} (HS256; alleen nu zichtbaar, het oude werkt niet meer):`);
    console.log(secret);
    return 0;
  }
  throw new Error(`Onbekende opdracht. Gebruik:\n${accountUsage}`);
}
