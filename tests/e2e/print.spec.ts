import { writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { BoardPage } from './pages/BoardPage.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { MeasureTrendPage } from './pages/TrendsPage.ts'

// What the printer gets: Chromium's own print to PDF (print media, the pages' @page size),
// counted page by page. Each sheet is meant to be one landscape A4 page.

/** Pages in a PDF: each page object is "/Type /Page" (the tree's root is "/Type /Pages"). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
}

/** A4 landscape is 297 × 210 mm: 842 × 595 points. */
function firstPageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
  if (!box) throw new Error('The PDF has no MediaBox')
  return { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) }
}

/** The page as Chromium prints it; PRINT_DIR=/some/dir keeps each PDF to look at. */
async function printed(page: Page, name: string): Promise<Buffer> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  if (process.env.PRINT_DIR) writeFileSync(`${process.env.PRINT_DIR}/${name}.pdf`, pdf)
  return pdf
}

test.beforeEach(async ({ page }) => {
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
})

test('plain Ctrl+P on the board prints one landscape A4 page of measures and actions, with no screen controls', async ({
  page,
}) => {
  const board = new BoardPage(page)
  await board.expectLoaded()
  await expect(board.actionRows.first()).toBeVisible()
  await expect(page.getByTestId('ideas-panel')).toBeVisible()

  const pdf = await printed(page, 'board')
  expect(pageCount(pdf)).toBe(1)
  expect(firstPageSize(pdf)).toEqual({ width: 842, height: 595 })

  await page.emulateMedia({ media: 'print' })
  const shown = (selector: string) =>
    page.locator(selector).evaluateAll((els) => els.filter((el) => el.checkVisibility()).length)
  expect(await shown('header, footer, nav, button, .nhsuk-button, input, select'), 'screen controls printed').toBe(0)
  await expect(board.measureTiles.first()).toBeVisible()
  await expect(board.actionRows.first()).toBeVisible()
  await page.emulateMedia({ media: null })
})

test("the board's print sheet is one landscape A4 page, and its calendar day numbers read at 4.5:1", async ({
  page,
}) => {
  await page.goto('/board/print')
  await expect(page.getByTestId('print-measure').first()).toBeVisible()
  const pdf = await printed(page, 'board-sheet')
  expect(pageCount(pdf)).toBe(1)
  expect(firstPageSize(pdf)).toEqual({ width: 842, height: 595 })

  await page.emulateMedia({ media: 'print' })
  const contrasts = await page.locator('.print-cell__date').evaluateAll((numbers) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
    }
    const backgroundOf = (el: Element | null): string => {
      for (let at = el; at; at = at.parentElement) {
        const bg = getComputedStyle(at).backgroundColor
        if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') return bg
      }
      return 'rgb(255, 255, 255)'
    }
    return numbers.map((n) => {
      const fg = luminance(rgb(getComputedStyle(n).color))
      const bg = luminance(rgb(backgroundOf(n)))
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)
    })
  })
  await page.emulateMedia({ media: null })
  expect(contrasts.length).toBeGreaterThan(27)
  expect(Math.min(...contrasts)).toBeGreaterThanOrEqual(4.5)
})

test("an idea's A3 with three PDSA cycles prints on one page, with no near-blank page first", async ({ page }) => {
  await page.goto('/board/ideas/demo-idea-1-3/a3')
  await expect(page.getByTestId('idea-a3').getByText('Cycle 3')).toBeVisible()
  expect(pageCount(await printed(page, 'idea-a3'))).toBe(1)
})

test('a trend prints on one page, its "Printed" line included', async ({ page }) => {
  const trend = new MeasureTrendPage(page)
  await page.goto('/trends/measure/demo-m-1-1')
  await expect(trend.chart).toBeVisible()
  for (const period of ['Weekly', 'Daily'] as const) {
    await trend.period(period).click()
    await expect(trend.period(period)).toHaveAttribute('aria-pressed', 'true')
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    const chart = page.getByTestId('trend-print-chart')
    await expect(chart).toHaveAttribute('src', /^data:image\/png;base64,/)
    // Drawn, not refused by the content security policy.
    await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    expect(pageCount(await printed(page, `trend-${period}`)), `${period} trend`).toBe(1)
  }
})
