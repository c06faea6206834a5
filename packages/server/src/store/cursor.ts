/**
 * Opaque page cursors: base64url of a JSON array that names the order and the position in it. A cursor that does
 * not decode to exactly that shape is refused, so a forged cursor never reaches SQL as anything but a bound value.
 */
export type CursorValue = string | number;

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
  }
}

export function encodeCursor(order: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([order, ...values])).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor(order, …)` with values of the given kinds, or throws InvalidCursorError. */
export function decodeCursor(cursor: string, order: string, kinds: ('string' | 'number')[]): CursorValue[] {
  let parsed: unknown;
  try {
    if (cursor.length > 500 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length + 1 || parsed[0] !== order) {
    throw new InvalidCursorError();
  }
  const values = parsed.slice(1) as unknown[];
  values.forEach((value, i) => {
    if (typeof value !== kinds[i]) throw new InvalidCursorError();
  });
  return values as CursorValue[];
}
