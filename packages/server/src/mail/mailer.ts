import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../config.ts';

/** One e-mail to one person, already in that person's language. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, for example List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Files sent along, for example a report's CSV or an appointment's .ics. */
  attachments?: MailAttachment[];
  /**
   * A fixed Message-ID (`<…@…>`) for a message that must exist once, such as a period's report: should it ever be
   * sent twice, mail servers and clients see the same message.
   */
  messageId?: string;
}

export interface MailAttachment {
  filename: string;
  content: string;
  /** For example `text/csv; charset=utf-8` or `text/calendar; method=REQUEST; charset=utf-8`. */
  contentType: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Sends through nodemailer. With an SMTP URL the message goes to that server; without one nodemailer only builds
 * the raw RFC 822 message, and it is written to the outbox folder as one `.eml` file (for development and tests).
 */
export class NodemailerMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: MailConfig) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
      attachments: message.attachments,
      messageId: message.messageId,
    });
    if (!this.config.smtpUrl) await writeOutboxFile(this.config.outboxDir, info.message as Buffer);
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Writes the message under a temporary name first and then renames it, so a reader of the outbox never sees half a
 * message. The file name holds the time and a random part, never the address.
 */
async function writeOutboxFile(dir: string, raw: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
  const temporary = join(dir, `.${name}.tmp`);
  const final = join(dir, name);
  try {
    await writeFile(temporary, raw, { mode: 0o600 });
    await rename(temporary, final);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return final;
}

/**
 * A mailer that keeps messages in memory: what `createServices` uses when nobody passes a mailer (the CLI, tests
 * of other parts). The running server always passes a NodemailerMailer (see runtime.ts).
 */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }

  close(): void {}
}

/**
 * What a log may say about a failure in mail or other background work: its kind and code. Never the message, which
 * for mail can hold the address (an SMTP server's "550 <someone@example.org>: unknown user").
 */
export function describeFailure(error: unknown): { name: string; code?: string; responseCode?: number } {
  if (!(error instanceof Error)) return { name: typeof error };
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return {
    name: error.name,
    ...(typeof code === 'string' && { code }),
    ...(typeof responseCode === 'number' && { responseCode }),
  };
}
