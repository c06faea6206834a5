/**
 * Checks a whole-number command-line option, so every bench refuses `--seconds 0` or `--sizes 1e3x` the same way
 * before it starts a server or creates a database.
 */
export function wholeNumber(name: string, text: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    const expected = minimum === 1 ? 'a positive whole number' : `a whole number of at least ${minimum}`;
    throw new Error(`--${name} must be ${expected}: "${text}"`);
  }
  return value;
}
