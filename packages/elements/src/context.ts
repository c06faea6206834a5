import { createContext } from '@lit/context';
import { type ClientLocale, createPleinClient, type PleinClient } from '@plein/client';

/**
 * The client that `<plein-community>` provides to the elements inside it. The key is a global symbol, so elements
 * from another copy of the bundle on the same page still find it.
 */
export const pleinClientContext = createContext<PleinClient | undefined>(Symbol.for('plein/client@1'));

const clients = new Map<string, PleinClient>();

/** Forgets the shared clients and their caches: for tests that switch the mocked server between scenarios. */
export function resetSharedClients(): void {
  clients.clear();
}

/** One client per endpoint, community and language, shared by standalone elements so they share cache and requests. */
export function sharedClient(endpoint: string, community: string, locale: ClientLocale): PleinClient {
  const key = `${endpoint}|${community}|${locale}`;
  let client = clients.get(key);
  if (!client) {
    client = createPleinClient({ endpoint, community, locale });
    clients.set(key, client);
  }
  return client;
}
