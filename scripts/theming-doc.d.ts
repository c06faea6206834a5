import type { Manifest } from './elements-manifest.js';

/** Types for scripts/theming-doc.js, for packages/elements/test-node/theming-doc.test.ts. */
export declare const themingDocPath: string;
export declare function themingDoc(manifest: Manifest): Promise<string>;
