// What the browser benches share: serving a build through the app's own server, the CPU a
// page's main thread spends from navigation until a condition holds (from a Chromium
// trace), and the bytes a cold load fetches.
import { loadavg } from 'node:os'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext } from '@playwright/test'
import { buildApp } from '../server/app.ts'

export interface Served {
  origin: string
  close(): Promise<void>
}

export async function serve(distDir: string): Promise<Served> {
  const server = await buildApp({ distDir, version: 'bench' })
  await server.listen({ host: '127.0.0.1', port: 0 })
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('The server has no port')
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() }
}

const READY_MARK = 'bench:ready'

/**
 * Installed before the page's own scripts: marks `bench:ready` (and sets window.__readyAt)
 * the first time `ready()` holds after a DOM change. It checks only when the DOM changes,
 * so its own cost is small and the same for every app measured.
 */
export async function markWhenReady(
  context: BrowserContext,
  ready: { selector: string; count: number; missingStatus: string },
) {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await context.addInitScript(
    ({ selector, count, missingStatus, mark }) => {
      const observer = new MutationObserver(() => {
        const tiles = document.querySelectorAll(selector)
        if (tiles.length < count) return
        for (const tile of tiles) if (tile.getAttribute('data-status') === missingStatus) return
        performance.mark(mark)
        ;(window as unknown as { __readyAt: number }).__readyAt = performance.now()
        observer.disconnect()
      })
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
    },
    { ...ready, mark: READY_MARK },
  )
}

export interface NavigationCost {
  /** Navigation start → ready, wall clock, ms. */
  wallMs: number
  /** CPU time of the renderer's main thread over the same span, ms. */
  cpuMs: number
  /** Of which style recalculation and layout, ms. */
  styleLayoutMs: number
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/** The main-thread CPU of the tasks between navigation start and the ready mark, from a trace. */
function costFromTrace(events: TraceEvent[], wallMs: number): NavigationCost {
  const mark = events.find((e) => e.name === READY_MARK)
  if (!mark) throw new Error('The trace has no ready mark')
  const mainThread = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain',
  )
  if (!mainThread) throw new Error('The trace has no renderer main thread')
  const onMain = events.filter((e) => e.pid === mark.pid && e.tid === mainThread.tid && e.ph === 'X')
  // performance.now() counts from navigation start, and a renderer can log several
  // navigationStart events (about:blank first), so the start is the mark less the wall time.
  const from = mark.ts - wallMs * 1000
  /** Thread time inside [from, mark]; a task cut by either end counts in proportion. */
  const cpuOf = (e: TraceEvent) => {
    const dur = e.dur ?? 0
    if (dur <= 0) return 0
    const inside = Math.min(e.ts + dur, mark.ts) - Math.max(e.ts, from)
    if (inside <= 0) return 0
    return ((e.tdur ?? dur) * inside) / dur
  }
  const sum = (names: string[]) =>
    onMain.filter((e) => names.includes(e.name)).reduce((total, e) => total + cpuOf(e), 0) / 1000
  return { wallMs, cpuMs: sum(['RunTask']), styleLayoutMs: sum(['UpdateLayoutTree', 'Layout']) }
}

/** Opens `url` in a new page of `context` under a trace and returns what reaching the ready mark cost. */
export async function navigationCost(browser: Browser, context: BrowserContext, url: string): Promise<NavigationCost> {
  const page = await context.newPage()
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'],
  })
  let trace: Buffer | undefined
  try {
    await page.goto(url)
    const handle = await page.waitForFunction(
      () => (window as unknown as { __readyAt?: number }).__readyAt,
      undefined,
      { timeout: 60_000 },
    )
    const wallMs = (await handle.jsonValue()) as number
    trace = await browser.stopTracing()
    const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
    return costFromTrace(events, wallMs)
  } finally {
    if (!trace) await browser.stopTracing().catch(() => undefined)
    await page.close()
  }
}

export interface Fetched {
  file: string
  bytes: number
  gzipped: number
  /** Whether the browser asked for it before `ready` first held (see coldLoad). */
  beforeReady: boolean
}

/** How long coldLoad keeps listening after `ready`, for what a screen fetches once the browser is idle. */
export const AFTER_READY_MS = 5000

/**
 * Every script and stylesheet a cold load of `url` fetches, each marked with whether it was
 * requested before the page's own `window.__readyAt` (set by markWhenReady, so the moment is the
 * DOM change that made the screen ready, not when this process noticed it), and then
 * everything fetched in the AFTER_READY_MS that follow until the network is idle (a screen's idle
 * prefetch of dialogs).
 */
export async function coldLoad(
  context: BrowserContext,
  url: string,
): Promise<{ scripts: Fetched[]; styles: Fetched[]; readyMs: number }> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const scripts: Fetched[] = []
  const styles: Fetched[] = []
  const fetched: { list: Fetched[]; requestedAt: number; file: Omit<Fetched, 'beforeReady'> }[] = []
  const pending: Promise<void>[] = []
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (!pathname.endsWith('.js') && !pathname.endsWith('.css')) return
    const list = pathname.endsWith('.js') ? scripts : styles
    pending.push(
      response.body().then((body) => {
        // The request's start on the browser's clock (epoch ms), as performance.timeOrigin is.
        const requestedAt = response.request().timing().startTime
        fetched.push({
          list,
          requestedAt,
          file: { file: pathname, bytes: body.length, gzipped: gzipSync(body).length },
        })
      }),
    )
  })
  await page.goto(url)
  const handle = await page.waitForFunction(
    () => {
      const readyAt = (window as unknown as { __readyAt?: number }).__readyAt
      return readyAt === undefined ? undefined : { readyMs: readyAt, readyAt: performance.timeOrigin + readyAt }
    },
    undefined,
    { timeout: 60_000 },
  )
  const { readyMs, readyAt } = (await handle.jsonValue()) as { readyMs: number; readyAt: number }
  await page.waitForTimeout(AFTER_READY_MS)
  await page.waitForLoadState('networkidle')
  await Promise.all(pending)
  await page.close()
  for (const f of fetched) f.list.push({ ...f.file, beforeReady: f.requestedAt <= readyAt })
  const bySize = (a: Fetched, b: Fetched) => b.bytes - a.bytes
  return { scripts: scripts.sort(bySize), styles: styles.sort(bySize), readyMs }
}

export const total = (files: Fetched[], key: 'bytes' | 'gzipped') => files.reduce((sum, f) => sum + f[key], 0)

export function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { min: sorted[0]!, median, max: sorted.at(-1)! }
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
