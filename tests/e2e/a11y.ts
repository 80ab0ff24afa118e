import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** WCAG 2.2 AA, which NHS services must meet. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>
export type AxeViolation = AxeResults['violations'][number]

export interface A11yScope {
  /** CSS selectors to check (default: the whole page). */
  include?: string[]
  /** CSS selectors to leave out, e.g. a third-party chart canvas. */
  exclude?: string[]
}

/** Runs axe on the page and returns only the serious and critical violations. */
export async function seriousA11yViolations(page: Page, scope: A11yScope = {}): Promise<AxeViolation[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS)
  for (const selector of scope.include ?? []) builder = builder.include(selector)
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector)
  const results = await builder.analyze()
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** One line per failing element, for a readable assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((node) => `${v.impact} ${v.id}: ${v.help} → ${node.target.join(' ')}`))
    .join('\n')
}

/** Fails the test with one line per serious or critical WCAG 2.2 AA violation on the page. */
export async function expectNoA11yViolations(page: Page, scope: A11yScope = {}): Promise<void> {
  const violations = await seriousA11yViolations(page, scope)
  if (violations.length > 0) throw new Error(`Accessibility violations:\n${describeViolations(violations)}`)
}
