import { freshSqliteDatabase } from './engines.ts';
import { defineStoreSuite } from './store-suite.ts';

defineStoreSuite('SQLite', async () => freshSqliteDatabase());
