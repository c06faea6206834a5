import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { limits as inputLimits } from '@plein/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeFromHeader } from '../i18n/locale.ts';
import { type ErrorCode, messages } from '../i18n/messages.ts';
import { ServiceError } from '../services/errors.ts';
import type { PersistedOperations } from './persisted-operations.ts';

/**
 * What one GraphQL request may ask for. The widgets' operations stay far below every number (test/limits.test.ts
 * prints their measures; docs/decisions/0015-limits.md explains the choice).
 */
export interface GraphQLLimits {
  /** Nested field levels; a top-level field is level 1. */
  maxDepth: number;
  /** Fields with an alias (`a: questions`), counted where they are used (a fragment used twice counts twice). */
  maxAliases: number;
  /** Fields times the list sizes around them (see `measureOperation`). */
  maxCost: number;
  /** The document text in bytes (UTF-8), checked before it is parsed. */
  maxDocumentBytes: number;
  /** Operations in one document; an array of requests (batching) is refused as well. */
  maxOperations: number;
}

export const defaultGraphQLLimits: GraphQLLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 10_000,
  maxDocumentBytes: 20 * 1024,
  maxOperations: 1,
};

/** A list whose size no `first` argument tells (topics of a community, an expert's topics). */
export const ASSUMED_LIST_SIZE = 10;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Measures an operation without running it. Every field counts once for each item of the lists around it:
 * `questions(first: 20) { edges { node { title } } }` costs 1 + 20 (edges) + 20 (node) + 20 (title) = 61.
 * A list's size is its `first` argument: the literal value, the largest page (50) when it comes from a variable,
 * the schema's default when it is left out. The `edges` or `nodes` list of such a connection adds no factor of its
 * own; another list without `first` counts as ASSUMED_LIST_SIZE items. Fields starting with `__` (`__typename`,
 * introspection) are free: introspection has a switch of its own. An alias counts once for every use of the
 * fragment it is in, not for every item of a list.
 *
 * A fragment is measured once and scaled where it is used, so a document that nests fragments to explode (each
 * spreading the next one twice) costs time in proportion to its length, not to what it would expand to.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined,
): OperationMeasure {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { depth: 0, aliases: 0, cost: 0 };
  const measuredFragments = new Map<string, OperationMeasure>();
  const walking = new Set<string>();

  /** The measure of a selection set for one item of its parent: depth relative to it, cost per item. */
  const measureSet = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType, inConnection: boolean) => {
    const total: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };
    const add = (part: OperationMeasure, depthOffset = 0, factor = 1) => {
      total.depth = Math.max(total.depth, part.depth + depthOffset);
      total.aliases += part.aliases;
      total.cost += part.cost * factor;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        add(measureSet(selection.selectionSet, type ?? parentType, inConnection));
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        add(measureFragment(selection.name.value, inConnection));
      } else {
        if (selection.alias) total.aliases += 1;
        if (selection.name.value.startsWith('__')) continue;
        const field = fieldOf(parentType, selection.name.value);
        if (!field || !selection.selectionSet) {
          add({ depth: 1, aliases: 0, cost: 1 });
          continue;
        }
        const size = listSize(field, selection, inConnection);
        const children = measureSet(selection.selectionSet, getNamedType(field.type), size.connection);
        add({ depth: children.depth + 1, aliases: children.aliases, cost: 1 + size.factor * children.cost });
      }
    }
    return total;
  };

  const measureFragment = (name: string, inConnection: boolean): OperationMeasure => {
    const key = `${name}:${inConnection}`;
    const known = measuredFragments.get(key);
    if (known) return known;
    const fragment = fragments(name);
    // A cycle is refused by graphql's own NoFragmentCycles rule; here it only must not loop.
    if (!fragment || walking.has(key)) return { depth: 0, aliases: 0, cost: 0 };
    walking.add(key);
    const type = schema.getType(fragment.typeCondition.name.value);
    const measure = type ? measureSet(fragment.selectionSet, type, inConnection) : { depth: 0, aliases: 0, cost: 0 };
    walking.delete(key);
    measuredFragments.set(key, measure);
    return measure;
  };

  return measureSet(operation.selectionSet, rootType, false);
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The factor a field multiplies its children by, and whether it is a paged connection (its edges add no factor). */
function listSize(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  inConnection: boolean,
): { factor: number; connection: boolean } {
  const firstArgument = field.args.find((argument) => argument.name === 'first');
  if (firstArgument) {
    const given = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
    let size: number;
    if (!given) size = typeof firstArgument.defaultValue === 'number' ? firstArgument.defaultValue : ASSUMED_LIST_SIZE;
    else if (given.kind === Kind.INT) size = Number(given.value);
    else size = inputLimits.pageSize.max;
    // A page of 0 or less is refused by the resolver; it still costs what one item costs.
    const factor = Number.isFinite(size) ? Math.max(1, size) : Number.MAX_SAFE_INTEGER;
    return { factor, connection: !isListType(getNullableType(field.type)) };
  }
  if (isListType(getNullableType(field.type))) {
    return {
      factor: inConnection && (field.name === 'edges' || field.name === 'nodes') ? 1 : ASSUMED_LIST_SIZE,
      connection: false,
    };
  }
  return { factor: 1, connection: false };
}

/** A GraphQL error whose code and Dutch or English message the error formatter takes from the ServiceError. */
export function limitError(
  code: 'QUERY_TOO_COMPLEX' | 'INTROSPECTION_DISABLED' | 'PERSISTED_OPERATION_NOT_FOUND',
  node?: OperationDefinitionNode | FieldNode | DocumentNode,
  detail: string = code,
): GraphQLError {
  return new GraphQLError(detail, { nodes: node ? [node] : undefined, originalError: new ServiceError(code) });
}

/**
 * A validation rule for Mercurius's `validationRules`: refuses documents with too many operations and operations
 * that are too deep, have too many aliases or cost too much. Mercurius caches a document's validation, so each
 * distinct document is measured once.
 */
export function queryLimitsRule(limits: GraphQLLimits = defaultGraphQLLimits): ValidationRule {
  return (context: ValidationContext) => ({
    Document(document) {
      const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
      if (operations.length > limits.maxOperations) {
        context.reportError(limitError('QUERY_TOO_COMPLEX', document, `more than ${limits.maxOperations} operations`));
        return;
      }
      for (const operation of operations) {
        const measure = measureOperation(
          context.getSchema(),
          operation,
          (name) => context.getFragment(name) ?? undefined,
        );
        const problem =
          measure.depth > limits.maxDepth
            ? `deeper than ${limits.maxDepth} levels`
            : measure.aliases > limits.maxAliases
              ? `more than ${limits.maxAliases} aliases`
              : measure.cost > limits.maxCost
                ? `costs more than ${limits.maxCost}`
                : undefined;
        if (problem) context.reportError(limitError('QUERY_TOO_COMPLEX', operation, problem));
      }
    },
  });
}

/**
 * Introspection off (production): `__schema` and `__type` are refused, `__typename` stays. The same check as
 * graphql's NoSchemaIntrospectionCustomRule, with a code and a Dutch or English message.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type)) context.reportError(limitError('INTROSPECTION_DISABLED', node));
  },
});

/** Whether a text is longer than `maxBytes` in UTF-8, counting bytes only when the length leaves it open. */
export function exceedsBytes(source: string, maxBytes: number): boolean {
  // UTF-8 needs at least one byte and at most three per UTF-16 unit.
  if (source.length > maxBytes) return true;
  if (source.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(source, 'utf8') > maxBytes;
}

export interface GraphQLGuardOptions {
  limits: GraphQLLimits;
  /** False in production (NODE_ENV=production or PLEIN_INTROSPECTION=off). */
  introspection: boolean;
  /** The allowlist when PLEIN_PERSISTED_OPERATIONS=only; null accepts any document within the limits. */
  persisted: PersistedOperations | null;
}

/** Mercurius's `validationRules`: the limits, and the introspection switch. */
export function graphqlValidationRules(
  options: Pick<GraphQLGuardOptions, 'limits' | 'introspection'>,
): ValidationRule[] {
  return [queryLimitsRule(options.limits), ...(options.introspection ? [] : [noIntrospectionRule])];
}

/** A refusal in the shape of a GraphQL response, in the caller's language; never anything of the request. */
export function refuseRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode | 'BAD_REQUEST',
  extensions: Record<string, unknown> = {},
): FastifyReply {
  const texts = messages[localeFromHeader(request.headers['accept-language'])].errors;
  const message = texts[code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code];
  return reply.code(status).send({ data: null, errors: [{ message, extensions: { code, ...extensions } }] });
}

const isGraphQLRoute = (request: FastifyRequest) => request.routeOptions.url === '/graphql';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optional = (value: unknown, check: (value: unknown) => boolean) =>
  value === undefined || value === null || check(value);

const isJsonObject = (text: unknown) => {
  try {
    return typeof text === 'string' && isPlainObject(JSON.parse(text));
  } catch {
    return false;
  }
};

/**
 * Mercurius reads a `query` that does not parse as GraphQL as a JSON syntax tree instead; no JSON text is a GraphQL
 * document. Only a text that starts like JSON, and not like a selection set, is tried.
 */
const isJson = (source: string) => {
  if (!/^\s*(?:["[\d-]|true|false|null|\{\s*["}])/.test(source)) return false;
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
};

/** The kinds of operation in a document, of those asked about; parsed only when one of their keywords occurs. */
function operationTypes(source: string, asked: readonly ('mutation' | 'subscription')[]): Set<string> {
  const types = new Set<string>();
  if (!asked.some((keyword) => source.includes(keyword))) return types;
  try {
    for (const definition of parse(source, { noLocation: true }).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) types.add(definition.operation);
    }
  } catch {
    // Mercurius reports the syntax error.
  }
  return types;
}

/**
 * The document of a request that has the shape GraphQL over HTTP describes (`query`, `variables`, `operationName`,
 * `extensions`), or the code to refuse it with. Mercurius's own checks answer some wrong shapes with an empty list
 * of errors or an internal error, so they are refused here first, with a code.
 */
function documentOf(request: FastifyRequest): string | 'BAD_REQUEST' | 'QUERY_TOO_COMPLEX' {
  if (request.method === 'GET') {
    const params = isPlainObject(request.query) ? request.query : {};
    if (typeof params.query !== 'string') return 'BAD_REQUEST';
    if (!optional(params.variables, isJsonObject) || !optional(params.extensions, isJsonObject)) return 'BAD_REQUEST';
    if (!optional(params.operationName, (name) => typeof name === 'string')) return 'BAD_REQUEST';
    return params.query;
  }
  const body: unknown = request.body;
  // A list of requests in one call (batching) is off: one operation per request.
  if (Array.isArray(body)) return 'QUERY_TOO_COMPLEX';
  if (!isPlainObject(body) || typeof body.query !== 'string') return 'BAD_REQUEST';
  if (!optional(body.variables, isPlainObject) || !optional(body.extensions, isPlainObject)) return 'BAD_REQUEST';
  if (!optional(body.operationName, (name) => typeof name === 'string')) return 'BAD_REQUEST';
  if (!optional(body.persisted, (flag) => typeof flag === 'boolean')) return 'BAD_REQUEST';
  return body.query;
}

/**
 * Checks that come before Mercurius parses anything: the request's shape, one request per HTTP call (no batching),
 * the document's size, and in persisted-operations mode the allowlist. WebSocket subscriptions get the same checks
 * and the validation rules, which Mercurius does not apply to them. Register after Mercurius (it needs
 * `app.graphql`).
 */
export function registerGraphQLGuards(app: FastifyInstance, options: GraphQLGuardOptions): void {
  const { limits, persisted } = options;
  app.addHook('preValidation', async (request, reply) => {
    if (!isGraphQLRoute(request) || request.headers.upgrade || request.method === 'OPTIONS') return;
    const source = documentOf(request);
    if (source === 'BAD_REQUEST' || source === 'QUERY_TOO_COMPLEX') return refuseRequest(request, reply, 400, source);
    if (exceedsBytes(source, limits.maxDocumentBytes)) return refuseRequest(request, reply, 400, 'QUERY_TOO_COMPLEX');
    if (persisted && !persisted.allows(source)) {
      return refuseRequest(request, reply, 400, 'PERSISTED_OPERATION_NOT_FOUND');
    }
    if (isJson(source)) return refuseRequest(request, reply, 400, 'BAD_REQUEST');
    // Subscriptions run over WebSocket only; a GET may only read. Mercurius answers both without a usable error.
    const types = operationTypes(source, request.method === 'GET' ? ['mutation', 'subscription'] : ['subscription']);
    if (types.has('subscription')) return refuseRequest(request, reply, 400, 'BAD_REQUEST');
    if (request.method === 'GET' && types.has('mutation')) {
      reply.header('allow', 'POST');
      return refuseRequest(request, reply, 405, 'BAD_REQUEST');
    }
  });

  const rules = graphqlValidationRules(options);
  app.graphql.addHook('preSubscriptionParsing', async (schema, source, context) => {
    const texts = messages[context.locale ?? 'nl'].errors;
    const refuse = (code: ErrorCode) => new GraphQLError(texts[code], { extensions: { code } });
    if (exceedsBytes(source, limits.maxDocumentBytes)) throw refuse('QUERY_TOO_COMPLEX');
    if (persisted && !persisted.allows(source)) throw refuse('PERSISTED_OPERATION_NOT_FOUND');
    const errors = validate(schema, parse(source), rules);
    const original = errors[0]?.originalError;
    if (original instanceof ServiceError) throw refuse(original.code);
  });
}
