export { buildApp } from './app.ts';
export { configFromEnvironment, type ServerConfig } from './config.ts';
export { openStore } from './store/open-store.ts';
export { seedIfEmpty, startServer, type RunningServer } from './runtime.ts';
export { createServices, type Services } from './services/services.ts';
export { connect } from './store/connect.ts';
export { PleinStore } from './store/store.ts';
