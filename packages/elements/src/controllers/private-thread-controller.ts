import { Task, TaskStatus } from '@lit/task';
import type { PleinClient, PrivateThread } from '@plein/client';
import type { ReactiveControllerHost } from 'lit';

/** The link from a private question's e-mail, as read from the page's address: `#plein-prive=<id>.<secret>`. */
export interface PrivateThreadLink {
  id: string;
  secret: string;
}

/** `plein-prive`'s value, `<id>.<secret>`; undefined when it is not shaped like one (then the link cannot work). */
export function parsePrivateThreadLink(value: string): PrivateThreadLink | undefined {
  let text: string;
  try {
    text = decodeURIComponent(value).trim();
  } catch {
    return undefined;
  }
  const dot = text.indexOf('.');
  if (dot <= 0 || dot === text.length - 1) return undefined;
  return { id: text.slice(0, dot), secret: text.slice(dot + 1) };
}

/**
 * The private thread a citizen opens from their e-mail. The secret lives in this object only: never in an attribute,
 * storage, a log or another request (the client sends it in one uncached request). `null` as the value means the
 * server knows no such thread: a wrong or old link, or a thread already deleted.
 */
export class PrivateThreadController {
  /** A link was opened on this page (also a malformed one, which shows the "link does not work" message). */
  opened = false;
  private link?: PrivateThreadLink;
  private readonly task: Task<[PleinClient | undefined, PrivateThreadLink | undefined], PrivateThread | null>;

  constructor(
    private readonly host: ReactiveControllerHost,
    client: () => PleinClient | undefined,
  ) {
    this.task = new Task(host, {
      args: () => [client(), this.link] as [PleinClient | undefined, PrivateThreadLink | undefined],
      // A link that cannot be one is a link that does not work: no request needed to say so.
      task: ([current, link], { signal }) =>
        current && link ? current.privateThread(link.id, link.secret, { signal }) : Promise.resolve(null),
    });
  }

  /** Shows the thread of this link (undefined: a link that cannot be one). */
  open(link: PrivateThreadLink | undefined): void {
    this.opened = true;
    this.link = link;
    this.host.requestUpdate();
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  /** The thread; null for a link that does not work (wrong, old or deleted). */
  get thread(): PrivateThread | null | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  get error(): unknown {
    return this.task.error;
  }

  retry(): Promise<unknown> {
    return this.task.run();
  }
}
