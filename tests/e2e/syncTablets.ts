// Tablets for the sync specs: each is its own Chromium profile on disk (its own
// IndexedDB), loaded from a test's own sync server, enrolled through the real enrol
// screen. Service workers are blocked so page.route sees every sync request (a worker's
// fetches bypass Playwright's routing); offline-shell.spec.ts covers the worker.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { EnrolPage } from './pages/EnrolPage.ts'
import { MeasureFormDialog, type MeasureTypeLabel } from './pages/MeasureFormDialog.ts'
import { MeasuresPage } from './pages/MeasuresPage.ts'
import { SyncStatus } from './pages/SyncStatus.ts'

/** Long enough for a first sync on a busy two-core machine; never a wait in itself. */
export const SYNC_TIMEOUT = 30_000

export interface WardMeasure {
  name: string
  type: MeasureTypeLabel
  unit?: string
  lowerIsBetter?: boolean
}

export const SAFETY_BRIEF = 'Safety brief done every shift'
export const FALLS = 'Falls'
export const HARM_FREE = 'Harm-free day'

/** What the first tablet puts on a new ward board. */
export const WARD_MEASURES: readonly WardMeasure[] = [
  { name: SAFETY_BRIEF, type: 'Yes or no' },
  { name: FALLS, type: 'Count', unit: 'falls', lowerIsBetter: true },
  { name: HARM_FREE, type: 'Day status (green, amber or red)' },
]

export interface Tablet {
  /** What it is called when enrolled (the admin screen's device name). */
  readonly name: string
  readonly context: BrowserContext
  readonly page: Page
  readonly enrol: EnrolPage
  readonly board: BoardPage
  readonly sync: SyncStatus
  close(): Promise<void>
}

export async function launchTablet(baseURL: string, name: string): Promise<Tablet> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lim-huddle-sync-tablet-'))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      hasTouch: true,
      baseURL,
      serviceWorkers: 'block',
    })
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true })
    throw error
  }
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    name,
    context,
    page,
    enrol: new EnrolPage(page),
    board: new BoardPage(page),
    sync: new SyncStatus(page),
    async close() {
      await context.close().catch(() => undefined)
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * What a test started (servers, tablets), undone in reverse order by `run()` from an
 * afterEach hook: unlike a `finally`, a hook also runs when the test times out on a wait
 * that never ends, so no server process or browser is left behind.
 */
export class Teardown {
  private readonly steps: (() => Promise<unknown>)[] = []

  add<T>(thing: T, undo: (thing: T) => Promise<unknown>): T {
    this.steps.push(() => undo(thing))
    return thing
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step().catch(() => undefined)
  }
}

/** A new tablet: first-run screen, "Enrol this tablet with a code", code and name. */
export async function enrolFromFirstRun(tablet: Tablet, code: string): Promise<void> {
  await tablet.page.goto('/')
  await tablet.page.waitForURL('**/setup')
  await tablet.enrol.startFromFirstRun()
  await tablet.enrol.enrol(code, tablet.name)
}

/** Right after enrolment, the unit has no board yet: set it up and give it measures. */
export async function setUpWardBoard(
  tablet: Tablet,
  unitName: string,
  person: string,
  measures: readonly WardMeasure[] = WARD_MEASURES,
): Promise<void> {
  const { page } = tablet
  await tablet.enrol.setUpBoardButton(unitName).click({ timeout: SYNC_TIMEOUT })
  await tablet.board.shell.typeName(person)
  await page.waitForURL('**/board')
  await expect(tablet.board.heading).toHaveText(unitName)

  const measuresPage = new MeasuresPage(page)
  await measuresPage.goto()
  const form = new MeasureFormDialog(page)
  for (const measure of measures) {
    await expect(measuresPage.addButton).toBeEnabled()
    await measuresPage.addButton.click()
    await form.add(measure)
    // A new screen: its first save asks who is doing it, inside the measure's dialog.
    if (await tablet.board.shell.namePicker.isVisible()) await tablet.board.shell.pickName(person)
    await measuresPage.expectLoaded(measure.name)
  }
  await tablet.board.goto()
  await tablet.board.expectTiles(measures.length)
}

/** Right after enrolment, the unit's board came with the first sync: open it. */
export async function openEnrolledBoard(
  tablet: Tablet,
  unitName: string,
  measureCount = WARD_MEASURES.length,
): Promise<void> {
  await tablet.enrol.openBoardLink.click({ timeout: SYNC_TIMEOUT })
  await tablet.page.waitForURL('**/board')
  await expect(tablet.board.heading).toHaveText(unitName)
  await tablet.board.expectTiles(measureCount)
}

export interface StoredEnrolment {
  deviceId: string
  token: string
  units: { id: string; name: string }[]
}

/** This tablet's enrolment as kept in its IndexedDB (meta `sync.enrolment`). */
export async function storedEnrolment(page: Page): Promise<StoredEnrolment> {
  const rows = await readAllStores(page)
  const row = (rows.meta ?? []).find((r) => (r as { key?: unknown }).key === 'sync.enrolment') as
    { value?: StoredEnrolment } | undefined
  if (!row?.value) throw new Error('This tablet holds no enrolment')
  return row.value
}

/** Every object store of the app's IndexedDB ('lim-huddle'), read from inside the page. */
export async function readAllStores(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lim-huddle')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      const names = [...db.objectStoreNames]
      const result: Record<string, unknown[]> = {}
      const tx = db.transaction(names)
      await Promise.all(
        names.map(
          (name) =>
            new Promise<void>((resolve, reject) => {
              const request = tx.objectStore(name).getAll()
              request.onsuccess = () => {
                result[name] = request.result
                resolve()
              }
              request.onerror = () => reject(request.error)
            }),
        ),
      )
      return result
    } finally {
      db.close()
    }
  })
}
