import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { DEFAULT_MAIL_FROM } from '../src/config.ts';
import { NodemailerMailer } from '../src/mail/mailer.ts';
import { ServiceEvents } from '../src/services/events.ts';
import { createServices } from '../src/services/services.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';
import { fixedClock } from './fixture-community.ts';

export const PUBLIC_URL = 'https://plein.test';

/** One message from the outbox: the raw file as written, and what a mail program makes of it. */
export interface OutboxMessage {
  file: string;
  raw: string;
  mail: ParsedMail;
}

export interface FollowHarness extends ApiHarness {
  outboxDir: string;
  /** Everything the server logged, one JSON line each. */
  logLines: string[];
  /** Moves the clock that the services read. */
  advance(milliseconds: number): void;
  now(): Date;
  /** Waits until every listener and every e-mail started so far is done. */
  settle(): Promise<void>;
  /** The outbox's `.eml` files, oldest first. */
  outbox(): Promise<OutboxMessage[]>;
  close(): Promise<void>;
}

/**
 * The API harness (`api-harness.ts`) with mail written as `.eml` files to a temporary outbox, a clock the test moves,
 * and the server's log lines kept.
 */
export async function startFollowHarness(): Promise<FollowHarness> {
  const outboxDir = mkdtempSync(join(tmpdir(), 'plein-outbox-'));
  let now = fixedClock();
  const clock = () => new Date(now);
  const mailer = new NodemailerMailer({ smtpUrl: undefined, outboxDir, from: DEFAULT_MAIL_FROM });
  const failures: unknown[] = [];
  const logLines: string[] = [];
  const api = await startApiHarness({
    clock,
    services: (store) =>
      createServices(store, clock, new ServiceEvents((error) => failures.push(error)), {
        follow: { mailer, publicUrl: PUBLIC_URL, onError: (error) => failures.push(error) },
      }),
    logLevel: 'info',
    logStream: { write: (line: string) => void logLines.push(line) },
  });
  const { services } = api;
  return {
    ...api,
    outboxDir,
    logLines,
    advance(milliseconds) {
      now = new Date(now.getTime() + milliseconds);
    },
    now: clock,
    async settle() {
      await services.events.settled();
      await services.follows.settled();
      if (failures.length > 0) throw failures[0];
    },
    async outbox() {
      const files = readdirSync(outboxDir)
        .filter((name) => name.endsWith('.eml'))
        .sort();
      return Promise.all(
        files.map(async (file) => {
          const raw = readFileSync(join(outboxDir, file), 'utf8');
          return { file, raw, mail: await simpleParser(raw) };
        }),
      );
    },
    async close() {
      await api.close();
      mailer.close();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

/** The link in a message's plain text that starts with `prefix`. */
export function linkIn(message: OutboxMessage, prefix: string): string {
  const found = (message.mail.text ?? '').split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`no link starting with ${prefix} in the message`);
  return found;
}

/** A header exactly as written (unfolded), from a parsed message's header lines; undefined when absent. */
export function headerOf(message: OutboxMessage, name: string): string | undefined {
  const line = message.mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
