import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError } from 'graphql';
import type { ExecutionResult } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { type Locale, localeFromHeader } from '../i18n/locale.ts';
import { messages } from '../i18n/messages.ts';
import { ServiceError } from '../services/errors.ts';

interface SafeError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: { code: string; status?: number };
}

/**
 * graphql-js quotes a refused variable ('Variable "$input" got invalid value { title: "…" }; …'), and that value may
 * hold personal data. Only the variable, the path and the name of a missing or unknown field stay.
 */
function withoutInput(message: string): string {
  const variable = /^Variable "(\$\w+)" got invalid value /.exec(message)?.[1];
  if (!variable) return message;
  const path = / at "([\w.[\]]+)"; /.exec(message)?.[1];
  const field = /; (Field "\w+" (?:of required type "[\w![\]]+" was not provided|is not defined by type "\w+")\.)/.exec(
    message,
  )?.[1];
  return `Variable "${variable}" got an invalid value${path ? ` at "${path}"` : ''}.${field ? ` ${field}` : ''}`;
}

/** Mercurius wraps query-validation failures in one error that holds the real ones. */
function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((error) => {
    const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(inner) ? inner.filter((e): e is GraphQLError => e instanceof GraphQLError) : [error];
  });
}

function toSafeError(error: GraphQLError, locale: Locale, log: FastifyBaseLogger, actor?: string | null): SafeError {
  const position = { locations: error.locations, path: error.path };
  const original = error.originalError;
  if (original instanceof ServiceError) {
    // Refused for want of rights: logged with the field and the account's internal id (never a name or address),
    // so attempts to escalate a role show up in the log.
    if (original.code === 'FORBIDDEN' || original.code === 'UNAUTHENTICATED') {
      log.warn({ code: original.code, path: error.path, actor: actor ?? null }, 'refused: not allowed');
    }
    return { message: messages[locale].errors[original.messageKey], ...position, extensions: { code: original.code } };
  }
  const status = (original as { statusCode?: unknown } | undefined)?.statusCode;
  if (!(original instanceof GraphQLError) && typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify refused the HTTP request itself: not JSON, too large, wrong content type.
    return { message: messages[locale].errors.BAD_USER_INPUT, extensions: { code: 'BAD_REQUEST', status } };
  }
  if (!original || original instanceof GraphQLError) {
    // Syntax and validation errors: graphql-js wording, which names the field or type that is wrong.
    return { message: withoutInput(error.message), ...position, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  log.error({ err: original, path: error.path }, 'resolver failed');
  return {
    message: messages[locale].errors.INTERNAL_SERVER_ERROR,
    ...position,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Every GraphQL error leaves the server as a message in the caller's language and a code: never a stack trace or
 * an internal message. Requests that could not run get 400; everything else 200, as GraphQL over HTTP describes.
 */
export function formatErrors(execution: ExecutionResult & { statusCode?: number }, context: MercuriusContext) {
  const locale = localeFromHeader(context.reply?.request.headers['accept-language']);
  const log = context.reply?.log ?? context.app.log;
  const actor = context.viewer?.userId ?? context.viewer?.sessionId;
  const errors = flatten(execution.errors ?? []).map((error) => toSafeError(error, locale, log, actor));
  const httpStatus = errors.find((e) => e.extensions.status)?.extensions.status;
  const couldNotRun = !execution.data && errors.every((e) => e.extensions.code === 'GRAPHQL_VALIDATION_FAILED');
  for (const error of errors) delete error.extensions.status;
  return {
    statusCode: httpStatus ?? (couldNotRun ? 400 : 200),
    response: { data: execution.data ?? null, errors },
  };
}
