export * from './generated/graphql.ts';
export { limits } from './limits.ts';
