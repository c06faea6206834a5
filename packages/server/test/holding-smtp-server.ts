import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';

/**
 * A small SMTP server for tests that holds every message after its data until `release()`: while it holds, the
 * e-mail is in flight. It speaks just enough SMTP for nodemailer without TLS (EHLO, MAIL, RCPT, DATA, QUIT) and
 * keeps each message's text. Not a mail server: a test part, named as such.
 */
export class HoldingSmtpServer {
  readonly messages: string[] = [];
  /** Messages accepted on a connection that was still open: the sender really handed them over. */
  accepted = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private held: (() => void)[] = [];
  private releasing = false;
  private onData = () => {};
  url = '';

  constructor() {
    this.server = createServer((socket) => this.converse(socket));
  }

  async listen(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    this.url = `smtp://127.0.0.1:${address.port}`;
  }

  /** Resolves once a message's data has arrived and is being held. */
  messageHeld(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((resolve) => (this.onData = resolve));
  }

  /** Accepts every held message, and from now on every new one at once. */
  release(): void {
    this.releasing = true;
    for (const accept of this.held.splice(0)) accept();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
  }

  private converse(socket: Socket): void {
    let buffer = '';
    let inData = false;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.setEncoding('utf8');
    socket.on('error', () => {});
    socket.write('220 holding-smtp test server\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          this.messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          const accept = () => {
            if (!socket.writable) return;
            socket.write('250 accepted\r\n');
            this.accepted += 1;
          };
          if (this.releasing) accept();
          else {
            this.held.push(accept);
            this.onData();
          }
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 holding-smtp\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  }
}
