import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { GENERATED_FILE, generatedTypes } from '../scripts/generate-types.ts';

it('the committed generated types match schema.graphql and the operations (run `npm run codegen` if not)', async () => {
  assert.equal(readFileSync(GENERATED_FILE, 'utf8'), await generatedTypes());
});
