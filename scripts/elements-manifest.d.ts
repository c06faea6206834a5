/** Types for scripts/elements-manifest.js, for the tests in packages/elements/test-node. */

export interface ManifestItem {
  name: string;
  description?: string;
  summary?: string;
}
export interface ManifestModule {
  path: string;
  declarations?: unknown[];
}
export interface Manifest {
  schemaVersion: string;
  modules: ManifestModule[];
}
export interface ManifestElement extends ManifestItem {
  tagName: string;
  modulePath: string;
  customElement: true;
  attributes?: (ManifestItem & { fieldName?: string })[];
  members?: (ManifestItem & { kind: string; static?: boolean; privacy?: string })[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}
export interface TokenUse {
  token: string;
  fallbacks: string[];
  value: string;
}
export interface ElementFacts {
  parts: Set<string>;
  partPrefixes: Set<string>;
  dynamicPartCandidates: Set<string>;
  eventClasses: Set<string>;
  slots: Set<string>;
  tokens: Set<string>;
  properties: { name: string; attribute?: string }[];
}

export declare const root: string;
export declare const elementsSource: string;
export declare function analyzeElements(): Promise<Manifest>;
export declare function elementsOf(manifest: Manifest): ManifestElement[];
export declare function elementSourceFiles(): string[];
export declare function parseVar(expression: string): TokenUse;
export declare function pleinVars(text: string): TokenUse[];
export declare function readTokens(files?: string[]): {
  tokens: Map<string, TokenUse & { files: string[] }>;
  conflicts: { token: string; file: string; expected: TokenUse; found: TokenUse }[];
};
export declare function elementText(modulePath: string, className: string, otherElements?: Set<string>): string;
export declare function elementFacts(text: string): ElementFacts;
export declare function eventNames(): Map<string, string>;
