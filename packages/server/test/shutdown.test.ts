import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import WebSocket from 'ws';
import { HoldingSmtpServer } from './holding-smtp-server.ts';

const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));

/** One real `plein start` process on a fresh SQLite file, with its pino log lines as they come. */
class ServerProcess {
  readonly child: ChildProcess;
  url = '';
  private output = '';
  private errors = '';

  constructor(dir: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, [bin, 'start'], {
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: `sqlite:${join(dir, 'plein.db')}`,
        PLEIN_OUTBOX_DIR: join(dir, 'outbox'),
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
  }

  messages(): string[] {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
  }

  /** Waits until the output holds `text` (a log message or a console line); fails when the process ends first. */
  async waitFor(text: string): Promise<void> {
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null) throw new Error(`the server stopped:\n${this.output}\n${this.errors}`);
      const [event] = await Promise.race([
        once(this.child.stdout!, 'data').then(() => ['data']),
        once(this.child, 'exit').then(() => ['exit']),
      ]);
      if (event === 'exit' && !this.output.includes(text))
        throw new Error(`the server stopped:\n${this.output}\n${this.errors}`);
    }
  }

  async started(): Promise<void> {
    await this.waitFor('Plein draait op ');
    this.url = /Plein draait op (\S+)/.exec(this.output)![1]!;
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return once(this.child, 'exit').then(([code]) => code as number | null);
  }
}

/** A POST /graphql whose body is sent in two parts: the request is in flight until `finish` sends the rest. */
async function startSlowRequest(url: string): Promise<{ finish(): void; response: Promise<string> }> {
  const body = JSON.stringify({ query: '{ community(slug: "eemsdelta") { name } }' });
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  // A forced exit resets the connection: then the answer is whatever arrived, usually nothing.
  socket.on('error', () => {});
  const response = once(socket, 'close').then(() => received);
  // `Expect: 100-continue`: Node answers "100 Continue" once it has read the headers, so when that line is back the
  // server has the request in hand and it is in flight.
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
  );
  while (!received.includes('100 Continue')) await once(socket, 'data');
  received = '';
  socket.write(body.slice(0, 10));
  return { finish: () => socket.write(body.slice(10)), response };
}

/** Resolves once nothing listens on the server's port any more. */
async function listenerClosed(url: string): Promise<void> {
  for (;;) {
    const refused = await fetch(`${url}/healthz`).then(
      () => false,
      () => true,
    );
    if (refused) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A live-answers WebSocket (graphql-ws protocol), acknowledged by the server. */
async function openSubscription(url: string): Promise<{ socket: WebSocket; closed: Promise<[number, string]> }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = once(socket, 'close').then(([code, reason]) => [code as number, String(reason)] as [number, string]);
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init' }));
  const [ack] = await once(socket, 'message');
  assert.equal(JSON.parse(String(ack)).type, 'connection_ack');
  return { socket, closed };
}

describe('graceful shutdown of a real `plein start` process', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  function server(env: Record<string, string> = {}): ServerProcess {
    const dir = mkdtempSync(join(tmpdir(), 'plein-shutdown-'));
    dirs.push(dir);
    const started = new ServerProcess(dir, env);
    children.push(started.child);
    return started;
  }

  it('on SIGTERM: not ready first, then finishes the request in flight, closes live sockets, exits 0', async () => {
    const plein = server({ PLEIN_SHUTDOWN_DELAY_MS: '3000' });
    await plein.started();
    assert.equal((await fetch(`${plein.url}/readyz`)).status, 200);
    const live = await openSubscription(plein.url);
    const slow = await startSlowRequest(plein.url);

    plein.child.kill('SIGTERM');
    await plein.waitFor('not ready; waiting before closing the listener');
    const readiness = await fetch(`${plein.url}/readyz`);
    assert.equal(readiness.status, 503, 'readiness turns false while the server still listens');
    assert.deepEqual(await readiness.json(), { status: 'stopping' });

    await plein.waitFor('closing the listener; waiting for requests in flight');
    await listenerClosed(plein.url);
    // The listener is gone, and the request that started before SIGTERM still gets its full answer.
    slow.finish();
    const response = await slow.response;
    assert.match(response, /^HTTP\/1\.1 200 /);
    assert.match(response, /"community":\{"name":"[^"]+"\}/);

    const [code] = await live.closed;
    assert.notEqual(code, 1006, 'the live socket got a close frame, not a dropped connection');
    assert.equal(await plein.exited(), 0);
    const order = [
      'shutting down',
      'not ready; waiting before closing the listener',
      'closing the listener; waiting for requests in flight',
      'listener closed; sending mail still in flight',
    ];
    assert.deepEqual(
      plein.messages().filter((message) => order.includes(message)),
      order,
    );
  });

  it('a second SIGTERM stops at once, without waiting for the request in flight', async () => {
    const plein = server();
    await plein.started();
    const slow = await startSlowRequest(plein.url);
    plein.child.kill('SIGTERM');
    await plein.waitFor('closing the listener; waiting for requests in flight');
    plein.child.kill('SIGTERM');
    assert.equal(await plein.exited(), 1);
    assert.ok(plein.messages().includes('second signal: stopping without waiting'));
    assert.doesNotMatch(await slow.response, /200/);
  });

  it('stops after PLEIN_SHUTDOWN_TIMEOUT_MS when a request never finishes', async () => {
    const plein = server({ PLEIN_SHUTDOWN_TIMEOUT_MS: '500' });
    await plein.started();
    await startSlowRequest(plein.url);
    plein.child.kill('SIGTERM');
    assert.equal(await plein.exited(), 1);
    assert.ok(plein.messages().includes('shutdown took too long: stopping without waiting'));
  });

  it('sends an e-mail that is on its way when SIGTERM comes, before it exits', async () => {
    const smtp = new HoldingSmtpServer();
    await smtp.listen();
    try {
      const plein = server({ SMTP_URL: smtp.url, PLEIN_RATE_ASK: 'off' });
      await plein.started();
      // A question with an address for follow-up: its confirmation e-mail leaves after the answer to the citizen.
      const asked = await fetch(`${plein.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } errors { code } } }',
          variables: {
            input: {
              community: 'eemsdelta',
              topic: 'ww',
              title: 'Moet ik mijn WW zelf aanvragen?',
              body: 'Mijn contract loopt af. Gaat de WW vanzelf of moet ik die zelf aanvragen bij het UWV?',
              notifyEmail: 'burger@example.org',
              idempotencyKey: 'shutdown-mail-1',
              antiSpam: { honeypot: '', fillMs: 5_000 },
            },
          },
        }),
      });
      assert.deepEqual(
        ((await asked.json()) as { data: { askQuestion: { errors: unknown[] } } }).data.askQuestion.errors,
        [],
      );
      // The mail server has the message and has not accepted it: the e-mail is in flight.
      await smtp.messageHeld();
      plein.child.kill('SIGTERM');
      await plein.waitFor('listener closed; sending mail still in flight');
      assert.equal(plein.child.exitCode, null, 'the server waits for the e-mail');
      smtp.release();
      assert.equal(await plein.exited(), 0);
      assert.equal(smtp.accepted, 1, 'the e-mail was handed over before the process ended');
      assert.match(smtp.messages[0]!, /burger@example\.org/);
    } finally {
      await smtp.close();
    }
  });
});
