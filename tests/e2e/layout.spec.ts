import { expect, test, type Page } from '@playwright/test'
import { BoardPage } from './pages/BoardPage.ts'
import { HuddlePage } from './pages/HuddlePage.ts'
import { SetupPage } from './pages/SetupPage.ts'

// The tablet on the ward wall, both ways up: nothing scrolls sideways, every control is
// big enough for a gloved finger, and the huddle's clocks read from across the bay.

const VIEWPORTS = [
  { name: 'landscape tablet', width: 1280, height: 800 },
  { name: 'portrait tablet', width: 768, height: 1024 },
]

/** WCAG 2.2's enhanced target size (2.5.5) in CSS pixels; the app aims for 48. */
const MIN_TARGET = 44
/** Readable from 2 m. */
const MIN_FIGURE_FONT_PX = 64

interface Target {
  name: string
  tag: string
  width: number
  height: number
}

/**
 * Every visible control in <main> with its size. Inline text links in running text are
 * left out: WCAG exempts them, and padding them to 44 px would break the line.
 */
async function controlsInMain(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"]'
    const main = document.querySelector('main')
    if (!main) throw new Error('The page has no <main>')
    // Roughly the accessible name: text a screen reader would read (aria-hidden left out).
    const text = (el: Element | null) => {
      if (!el) return ''
      const copy = el.cloneNode(true) as Element
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
    }
    const nameOf = (el: HTMLElement): string => {
      const label = el.getAttribute('aria-label')
      if (label) return label
      const labelledBy = el.getAttribute('aria-labelledby')
      if (labelledBy)
        return labelledBy
          .split(' ')
          .map((id) => text(document.getElementById(id)))
          .join(' ')
      const labels = (el as HTMLInputElement).labels
      if (labels?.length) return text(labels[0]!)
      return text(el) || el.id || el.outerHTML.slice(0, 80)
    }
    const isInlineTextLink = (el: HTMLElement) =>
      el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.closest('p, li, dd') !== null
    return [...main.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
      .filter((el) => !isInlineTextLink(el))
      .map((el) => {
        const box = el.getBoundingClientRect()
        return {
          name: nameOf(el),
          tag: el.tagName.toLowerCase(),
          width: Math.round(box.width * 10) / 10,
          height: Math.round(box.height * 10) / 10,
        }
      })
      .filter((target) => target.width > 0 && target.height > 0)
  })
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollWidth,
    viewport: window.innerWidth,
  }))
  expect(widths.scroll, `page is ${widths.scroll} px wide in a ${widths.viewport} px viewport`).toBeLessThanOrEqual(
    widths.viewport,
  )
}

async function expectBigEnoughTargets(page: Page): Promise<void> {
  const targets = await controlsInMain(page)
  expect(targets.length, 'controls found in <main>').toBeGreaterThan(5)
  const small = targets
    .filter((t) => t.width < MIN_TARGET || t.height < MIN_TARGET)
    .map((t) => `${t.tag} "${t.name}": ${t.width}×${t.height}`)
  expect(small, `controls smaller than ${MIN_TARGET}×${MIN_TARGET} px`).toEqual([])
}

async function fontSizePx(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('.countdown__digits')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } })

    test.beforeEach(async ({ page }) => {
      const setup = new SetupPage(page)
      await setup.goto()
      await setup.loadDemo()
    })

    test('the board fits the screen and its controls are big enough to tap', async ({ page }) => {
      const board = new BoardPage(page)
      await board.expectLoaded()
      await expect(board.actionRows.first()).toBeVisible()
      await expectNoSidewaysScroll(page)
      await expectBigEnoughTargets(page)
    })

    test('the running huddle fits the screen, its controls are big enough and its clocks read from 2 m', async ({
      page,
    }) => {
      const huddle = new HuddlePage(page)
      await huddle.goto()
      await huddle.startButton.click()
      await expect(huddle.currentTitle).toHaveText('Safety')
      await expect(huddle.itemCountdown).toBeVisible()
      await expectNoSidewaysScroll(page)
      await expectBigEnoughTargets(page)
      expect(await fontSizePx(page, 'huddle-countdown'), 'huddle countdown font size (px)').toBeGreaterThanOrEqual(
        MIN_FIGURE_FONT_PX,
      )
      expect(await fontSizePx(page, 'item-countdown'), 'item countdown font size (px)').toBeGreaterThanOrEqual(
        MIN_FIGURE_FONT_PX,
      )
    })
  })
}
