import { messages } from '../i18n/messages.ts';
import type { SignInResult, User } from '../services/account-service.ts';
import type { UserError } from '../services/errors.ts';
import type { Viewer } from '../services/viewer.ts';
import type { PleinContext } from './context.ts';

/** Resolvers of accounts and sessions: sign-in, the viewer, account management. Merged into resolvers.ts. */

function localised(errors: UserError[], context: PleinContext) {
  const texts = messages[context.locale].userErrors;
  return errors.map(({ field, code, params }) => ({ field, code, message: texts[code](params ?? {}) }));
}

const signInPayload = (result: SignInResult, context: PleinContext) => ({
  ...result,
  errors: localised(result.errors, context),
});

export const accountQueries = {
  viewer: (_root: unknown, _args: unknown, context: PleinContext) => context.viewer ?? null,
};

export const accountMutations = {
  signIn: async (_root: unknown, { input }: { input: unknown }, context: PleinContext) =>
    signInPayload(await context.services.accounts.signIn(input, context.request), context),
  requestSignInLink: async (_root: unknown, { input }: { input: unknown }, context: PleinContext) => {
    const result = await context.services.accounts.requestSignInLink(input, context.locale, context.request);
    return { ...result, errors: localised(result.errors, context) };
  },
  signInWithLink: async (_root: unknown, { token }: { token: string }, context: PleinContext) =>
    signInPayload(await context.services.accounts.signInWithLink(token, context.request), context),
  signInWithPortalToken: async (_root: unknown, { input }: { input: unknown }, context: PleinContext) =>
    signInPayload(await context.services.portal.signIn(input, context.request), context),
  signOut: async (_root: unknown, _args: unknown, context: PleinContext) => {
    await context.services.sessions.close(context.viewer);
    return { signedOut: true };
  },
  addUser: async (_root: unknown, { input }: { input: unknown }, context: PleinContext) => {
    const result = await context.services.accounts.addUser(context.viewer, input, context.locale);
    return { ...result, errors: localised(result.errors, context) };
  },
  setUserRoles: async (_root: unknown, { input }: { input: unknown }, context: PleinContext) => {
    const result = await context.services.accounts.setUserRoles(context.viewer, input);
    return { ...result, errors: localised(result.errors, context) };
  },
};

/** `Viewer` besides `inbox` (resolvers.ts). The parent is the services' Viewer. */
export const viewerFields = {
  id: (viewer: Viewer) => viewer.userId ?? `portal:${viewer.sessionId}`,
  displayName: (viewer: Viewer) => viewer.displayName,
  community: (viewer: Viewer, _args: unknown, context: PleinContext) => context.services.accounts.communityOf(viewer),
  roles: (viewer: Viewer) => [...viewer.roles].sort(),
  email: (viewer: Viewer, _args: unknown, context: PleinContext) => context.services.accounts.emailOf(viewer),
  expert: (viewer: Viewer, _args: unknown, context: PleinContext) =>
    viewer.expertId ? context.services.experts.byId(viewer.expertId) : null,
  portalCitizen: (viewer: Viewer) => viewer.portalCitizen,
  sessionExpiresAt: (viewer: Viewer) => viewer.expiresAt,
};

export const userFields = {
  expert: (user: User, _args: unknown, context: PleinContext) =>
    user.expertId ? context.services.experts.byId(user.expertId) : null,
};
