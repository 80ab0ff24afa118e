import type { Locator, Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /trends: the manager's roll-up of measures × units, and "How we work". */
export class TrendsPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly headerLink: Locator
  readonly matrix: Locator
  readonly summary: Locator
  readonly weekly: Locator
  readonly monthly: Locator
  readonly howWeWork: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1, name: 'Trends' })
    this.headerLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' })
    this.matrix = page.getByTestId('rollup-matrix')
    this.summary = page.getByTestId('rollup-summary')
    this.weekly = page.getByRole('button', { name: 'Weekly' })
    this.monthly = page.getByRole('button', { name: 'Monthly' })
    this.howWeWork = page.getByRole('button', { name: 'How we work' })
  }

  async goto(): Promise<void> {
    await this.page.goto('/trends')
  }

  /** The cell of one measure on one unit: a link to its trend. */
  cell(measure: string, unit: string): Locator {
    return this.matrix.getByRole('link', { name: `${measure}, ${unit}: open the trend` })
  }

  /** Every cell reading a special-cause concern. */
  concernCells(): Locator {
    return this.matrix.locator('td[data-variation^="concern"] a')
  }
}

/** /trends/measure/:id: one measure's SPC chart, its table and exports. */
export class MeasureTrendPage {
  readonly heading: Locator
  readonly chart: Locator
  readonly variation: Locator
  readonly showTable: Locator
  readonly table: Locator
  readonly message: Locator
  readonly downloadCsv: Locator
  readonly downloadPng: Locator
  readonly events: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.chart = page.getByTestId('spc-chart')
    this.variation = page.getByTestId('spc-panel').getByTestId('variation-badge')
    this.showTable = page.getByRole('button', { name: 'Show as a table' })
    this.table = page.getByTestId('spc-table')
    this.message = page.getByTestId('spc-message')
    this.downloadCsv = page.getByRole('button', { name: 'Download CSV' })
    this.downloadPng = page.getByRole('button', { name: 'Download image (PNG)' })
    this.events = page.getByRole('region', { name: 'Changes on these dates' })
  }

  period(label: 'Daily' | 'Weekly' | 'Monthly'): Locator {
    return this.page.getByRole('group', { name: 'Group values by' }).getByRole('button', { name: label })
  }
}
