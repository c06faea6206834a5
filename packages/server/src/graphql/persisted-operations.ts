import { createHash } from 'node:crypto';
import * as contract from '@plein/schema';

/** One operation of the widgets, as `@plein/client` sends it. */
export interface WidgetOperation {
  /** The operation's name, e.g. `QuestionsList`. */
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The exact document text the client sends: the operation followed by the fragments it uses. */
  source: string;
}

const operationPattern = /^\s*(query|mutation|subscription)\s+(\w+)/;

/**
 * Every operation in `@plein/schema`'s generated module: the `*Document` constants (TypedDocumentString, a String
 * whose text is what the client puts in `query`). Fragment constants (`*FragmentDoc`) are not operations.
 */
export function widgetOperations(): WidgetOperation[] {
  const operations: WidgetOperation[] = [];
  for (const [exportName, value] of Object.entries(contract)) {
    if (!exportName.endsWith('Document') || !(value instanceof String)) continue;
    const source = value.toString();
    const match = operationPattern.exec(source);
    if (!match) continue;
    operations.push({ name: match[2]!, type: match[1] as WidgetOperation['type'], source });
  }
  return operations.sort((a, b) => a.name.localeCompare(b.name));
}

/** SHA-256 of the document text, hex: the key of the allowlist. */
export function operationHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

/**
 * PLEIN_PERSISTED_OPERATIONS=only: the allowlist of the widgets' documents. A request whose document text is not
 * exactly one of them is refused before it is parsed, so a changed, extended or hand-written query never runs.
 * The client keeps sending the full text (graphql-request, string documents: decision 0004); the server hashes it.
 */
export class PersistedOperations {
  private readonly hashes: ReadonlySet<string>;

  constructor(operations: readonly WidgetOperation[] = widgetOperations()) {
    this.hashes = new Set(operations.map((operation) => operationHash(operation.source)));
  }

  get size(): number {
    return this.hashes.size;
  }

  allows(source: string): boolean {
    return this.hashes.has(operationHash(source));
  }
}
