import { describe, it } from 'node:test';
import { freshPostgresDatabase, postgresTestUrl } from './engines.ts';
import { defineStoreSuite } from './store-suite.ts';

const serverUrl = postgresTestUrl;
if (serverUrl) {
  // When the variable is set, a PostgreSQL that cannot be reached fails the suite: it never silently skips.
  defineStoreSuite('PostgreSQL', () => freshPostgresDatabase(serverUrl));
} else {
  describe('store and services on PostgreSQL', () => {
    it('was NOT tested: set PLEIN_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it', {
      skip: 'PLEIN_TEST_POSTGRES_URL is not set, so PostgreSQL was not tested',
    });
  });
}
