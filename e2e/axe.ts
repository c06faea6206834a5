import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The axe-core rule sets for WCAG 2.0, 2.1 and 2.2 at levels A and AA: the level a municipality must meet (Besluit
 * digitale toegankelijkheid overheid points to EN 301 549, which follows WCAG 2.1 AA; 2.2 AA is what Plein promises).
 */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Rules switched off, each with its reason. Empty on purpose: every rule in the tags above runs. A rule may only be
 * added here with a written reason why it is wrong for this code (for example a rule that cannot see into shadow DOM),
 * and the report must say so.
 */
export const disabledRules: Record<string, string> = {};

export interface AxeOutcome {
  /** One line per violating node: rule, impact, the node's target path and axe's summary of what is wrong. */
  violations: string[];
  /** How many rules axe ran on the page (passed, violated, incomplete or not applicable). */
  rulesRun: number;
  /** What axe could not decide by itself ("needs review"), by rule and reason with a count: printed, not failed. */
  incomplete: string[];
}

/**
 * Runs axe on the page (all frames, open shadow roots included) with the WCAG A/AA tags. `include` scopes it to a
 * part of the page, such as Storybook's story root.
 */
export async function runAxe(page: Page, include?: string): Promise<AxeOutcome> {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  const disabled = Object.keys(disabledRules);
  if (disabled.length > 0) builder = builder.disableRules(disabled);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const violations = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}) at ${JSON.stringify(node.target)}: ` +
        (node.failureSummary ?? violation.help).replace(/\s+/g, ' ').slice(0, 300),
    ),
  );
  const rulesRun =
    results.passes.length + results.violations.length + results.incomplete.length + results.inapplicable.length;
  // Grouped by rule and axe's reason, with a count: a chart has dozens of the same.
  const reasons = new Map<string, number>();
  for (const rule of results.incomplete) {
    for (const node of rule.nodes) {
      const key = `${rule.id}: ${node.any[0]?.message ?? rule.help}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  }
  const incomplete = [...reasons].map(([reason, count]) => `${count}x ${reason}`);
  return { violations, rulesRun, incomplete };
}
