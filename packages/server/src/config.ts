import { DEFAULT_DATABASE_URL } from './store/connect.ts';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Log level for pino; 'silent' in tests. */
  logLevel: string;
  /** Seed the demo community when the database has no community yet. */
  seedWhenEmpty: boolean;
}

/** Reads the configuration from the environment (see README, "Configuration"). */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedWhenEmpty: env.PLEIN_SEED !== 'off',
  };
}
