import type { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import MQEmitterRedis from 'mqemitter-redis';

/** The Redis channels of live answers start with this, so they never mix with another application's channels. */
export const LIVE_CHANNEL_PREFIX = 'plein:live:';

/** What Mercurius needs of an emitter, and the way to close it when the app closes. */
export interface LiveEmitter {
  emitter: object;
  close(): Promise<void>;
}

/**
 * The emitter behind live answers when several instances serve one community (REDIS_URL): an answer published on
 * one instance goes through Redis pub/sub to the sockets on every instance. mqemitter-redis is Mercurius's own
 * choice for this (same author, same message shape), so subscriptions need no code of ours beyond this file.
 *
 * The first connection is checked here, so a wrong REDIS_URL stops the start with a clear error instead of
 * silently keeping live answers on one instance. Later outages are reported to `onError` and ioredis reconnects;
 * answers published meanwhile are queued and sent when Redis is back.
 */
export async function redisLiveEmitter(url: string, onError: (error: unknown) => void): Promise<LiveEmitter> {
  const connections = [new Redis(url, { lazyConnect: true }), new Redis(url, { lazyConnect: true })];
  try {
    await Promise.all(connections.map((connection) => connection.connect()));
  } catch (error) {
    for (const connection of connections) connection.disconnect();
    throw new Error(`REDIS_URL: no connection to Redis for live answers (${(error as Error).message})`);
  }
  const [subConn, pubConn] = connections as [Redis, Redis];
  const emitter = MQEmitterRedis({ subConn, pubConn });
  // ioredis retries a lost connection every few seconds; one report a minute is enough to notice an outage.
  let reportedAt = 0;
  // Connection errors arrive on `state`, an EventEmitter the package's types leave out.
  (emitter as unknown as { state: EventEmitter }).state.on('error', (error: unknown) => {
    if (Date.now() - reportedAt < 60_000) return;
    reportedAt = Date.now();
    onError(error);
  });
  return {
    emitter,
    close: () => new Promise<void>((resolve) => emitter.close(() => resolve())),
  };
}
