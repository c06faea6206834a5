import { writeFileSync } from 'node:fs';
import { generatedTypes, GENERATED_FILE } from './generate-types.ts';

writeFileSync(GENERATED_FILE, await generatedTypes());
console.log(`wrote ${GENERATED_FILE}`);
