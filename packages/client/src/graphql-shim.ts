/**
 * Stands in for the `graphql` package in the browser bundle (see docs/decisions/0004-string-documents.md).
 * graphql-request imports graphql's parser only to read an operation's name and type from its text; Plein's
 * documents are generated strings, so a pattern does that for a fraction of the size. Everything else graphql-request
 * could ask of graphql is unused here and fails loudly if that ever changes.
 */
export const Kind = { OPERATION_DEFINITION: 'OperationDefinition', DOCUMENT: 'Document' } as const;

const operationPattern = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

export function parse(source: string) {
  const match = operationPattern.exec(source);
  if (!match) throw new Error('Plein documents start with a named operation');
  return {
    kind: Kind.DOCUMENT,
    definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: match[1], name: { kind: 'Name', value: match[2] } }],
  };
}

export function print(): never {
  throw new Error('Plein sends documents as strings; print is not available in the browser bundle');
}

export class GraphQLError extends Error {}
