// `npm run bench:ideas`: how fast the idea board opens with a busy unit's 2,000 ideas
// (and 500 PDSA cycles), how fast one long column shows all its cards, and how fast a
// search narrows the board. Prints figures; it is not a
// test and does not fail on them. DIST_DIR=<dir> runs a build already made; otherwise
// dist/ is built if stale and copied, so another build meanwhile cannot disturb it.
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'
import { putRows } from '../tests/e2e/indexedDb.ts'
import { addDays, londonDay } from '@/domain/dates'
import { buildDemoTrust } from '@/domain/demo'
import { IDEA_STATUSES, newIdeaFields } from '@/domain/ideas'
import type { Idea, PdsaCycle, WasteId } from '@/domain/types'
import { WASTES } from '@/domain/wastes'
import { ensureBuilt, snapshotDist } from './ensureDist.ts'

const RUNS = 5
const IDEAS = 2000
const CYCLES = 500
const CARD = '[data-testid="idea-card"]'
/** IdeaColumn's default page: a column shows this many cards before "Show N more". */
const PER_COLUMN = 50
const SEARCH = 'dressings'

/** Cards on screen when every column shows its first page. */
function visibleCards(ideas: readonly Idea[]): number {
  return IDEA_STATUSES.reduce(
    (sum, status) => sum + Math.min(PER_COLUMN, ideas.filter((i) => i.status === status).length),
    0,
  )
}

function buildData(today = londonDay()) {
  const demo = buildDemoTrust(today, 30)
  const unit = demo.units[0]!
  const board = demo.boards[0]!
  const people = ['Priya Shah', 'Sam Okafor', 'Jo Bloggs', null]
  const ideas: Idea[] = Array.from({ length: IDEAS }, (_, i) => {
    const created = new Date(`${addDays(today, -(i % 400))}T10:00:00.000Z`)
    const status = IDEA_STATUSES[i % IDEA_STATUSES.length]!
    const fields = newIdeaFields(
      {
        problem: `Problem ${i + 1}: ${i % 7 === 0 ? 'walking to the store room for dressings' : 'waiting for pharmacy to send discharge medicines'}`,
        idea: `Idea ${i + 1}: keep a small stock nearer the bays and check it each morning`,
        wastes: [WASTES[i % WASTES.length]!.id as WasteId],
        raisedBy: people[i % people.length],
      },
      created,
    )
    return {
      ...fields,
      id: `bench-idea-${i + 1}`,
      unitId: unit.id,
      boardId: board.id,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      updatedBy: 'Bench',
      status,
      notProgressedReason: status === 'not-progressed' ? 'Tried before; the stock went missing' : '',
      implementedAt: status === 'implemented' || status === 'sustained' ? created.toISOString() : null,
      effort: i % 3 === 0 ? null : i % 2 ? 'low' : 'high',
      impact: i % 3 === 0 ? null : i % 5 ? 'high' : 'low',
    }
  })
  const cycles: PdsaCycle[] = Array.from({ length: CYCLES }, (_, i) => ({
    id: `bench-cycle-${i + 1}`,
    unitId: unit.id,
    boardId: board.id,
    ideaId: ideas[i * 4]!.id,
    number: 1,
    createdAt: ideas[i * 4]!.createdAt,
    updatedAt: ideas[i * 4]!.createdAt,
    updatedBy: 'Bench',
    change: 'Try it in one bay for a week',
    prediction: 'Fewer walks',
    measurePlan: 'Walks per shift',
    whatHappened: '',
    study: '',
    decision: null,
    startDay: null,
    endDay: null,
    conceptIds: ['pdsa'],
  }))
  return { trust: demo.trust, csu: demo.csu, unit, board, ideas, cycles }
}

type BenchData = ReturnType<typeof buildData>

/** Writes the unit, its board and the ideas straight into the app's IndexedDB. */
async function seed(page: Page, data: BenchData): Promise<void> {
  await putRows(page, [
    ['trusts', [data.trust]],
    ['csus', [data.csu]],
    ['units', [data.unit]],
    ['boards', [data.board]],
    ['ideas', data.ideas],
    ['pdsaCycles', data.cycles],
    ['meta', [{ key: 'currentBoardId', value: data.board.id }]],
  ])
}

/** In ms: navigation start → the board's first page of cards in the DOM; then "Show N
 * more" in New → all its cards; then a search → only the matching cards, painted. */
async function timeBoard(
  context: BrowserContext,
  origin: string,
  data: BenchData,
): Promise<{ load: number; all: number; search: number }> {
  const page = await context.newPage()
  await page.addInitScript(
    ({ selector, count }) => {
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll(selector).length >= count) {
          ;(window as unknown as { __cardsAt: number }).__cardsAt = performance.now()
          observer.disconnect()
        }
      })
      observer.observe(document, { childList: true, subtree: true })
    },
    { selector: CARD, count: visibleCards(data.ideas) },
  )
  await page.goto(`${origin}/board/ideas`)
  const handle = await page.waitForFunction(() => (window as unknown as { __cardsAt?: number }).__cardsAt, undefined, {
    timeout: 60_000,
  })
  const load = (await handle.jsonValue()) as number

  // Timed inside the page, up to the next painted frame. The controls are found by hand:
  // Playwright's getByLabel would spend seconds reading the labels of every card.
  const all = await page.evaluate(
    async ({ selector, count }) => {
      const column = document.querySelector('[data-testid="idea-column"][data-status="new"]')!
      const started = performance.now()
      column.querySelector<HTMLButtonElement>('[data-testid="idea-column-more"]')!.click()
      while (column.querySelectorAll(selector).length !== count)
        await new Promise((resolve) => requestAnimationFrame(resolve))
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
      return performance.now() - started
    },
    { selector: CARD, count: data.ideas.filter((i) => i.status === 'new').length },
  )

  const search = await page.evaluate(
    async ({ selector, count, word }) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Words')
      const input = label && (document.getElementById(label.htmlFor) as HTMLInputElement | null)
      if (!input) throw new Error('No "Words" search box on the idea board')
      const started = performance.now()
      input.value = word
      input.dispatchEvent(new Event('input', { bubbles: true }))
      while (document.querySelectorAll(selector).length !== count)
        await new Promise((resolve) => requestAnimationFrame(resolve))
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
      return performance.now() - started
    },
    { selector: CARD, count: data.ideas.filter((i) => i.problem.includes(SEARCH)).length, word: SEARCH },
  )
  await page.close()
  return { load, all, search }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const snapshot = process.env.DIST_DIR ? null : (ensureBuilt(), snapshotDist())
const server = await buildApp({ distDir: process.env.DIST_DIR ?? snapshot!.dir, version: 'bench' })
await server.listen({ host: '127.0.0.1', port: 0 })
const address = server.server.address()
if (!address || typeof address === 'string') throw new Error('The server has no port')
const origin = `http://127.0.0.1:${address.port}`
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })

try {
  const data = buildData()
  console.log(
    `Idea board: ${data.ideas.length} ideas in ${IDEA_STATUSES.length} columns, ${data.cycles.length} PDSA cycles (${origin})`,
  )
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    hasTouch: true,
  })
  const first = await context.newPage()
  await first.goto(`${origin}/`)
  await first.waitForSelector('#main-content')
  await seed(first, data)
  await first.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await first.close()

  const matching = data.ideas.filter((i) => i.problem.includes(SEARCH)).length
  const inNew = data.ideas.filter((i) => i.status === 'new').length
  console.log(
    `\n/board/ideas, ${RUNS} loads: navigation start → first ${PER_COLUMN} cards of each column (${visibleCards(data.ideas)}) in the DOM;`,
  )
  console.log(
    `then "Show more" in New → all ${inNew} of its cards; then a search for "${SEARCH}" → ${matching} cards (each to the next painted frame)`,
  )
  const loads: number[] = []
  const alls: number[] = []
  const searches: number[] = []
  for (let run = 1; run <= RUNS; run++) {
    const { load, all, search } = await timeBoard(context, origin, data)
    loads.push(load)
    alls.push(all)
    searches.push(search)
    console.log(
      `  run ${run}: render ${load.toFixed(0)} ms, show all of New ${all.toFixed(0)} ms, search ${search.toFixed(0)} ms`,
    )
  }
  console.log(
    `  median: render ${median(loads).toFixed(0)} ms, show all of New ${median(alls).toFixed(0)} ms, search ${median(searches).toFixed(0)} ms`,
  )
  await context.close()
} finally {
  await browser.close()
  await server.close()
  snapshot?.dispose()
}
