// `node --import tsx bench/standardWork.ts`: how long the standard work due list and
// adherence take with 50 checklists and a year of runs. Prints figures; it is not a
// test. Pure computation always; with a built app (DIST_DIR, default dist/) it also
// times /board/standard-work in Chromium: navigation start → the due list on screen.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { chromium } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { addDays, londonDay } from '../src/domain/dates.ts'
import {
  adherenceByWeek,
  DEFAULT_SHIFTS,
  dueList,
  slotRunId,
  slotsBetween,
  weeklyAdherence,
} from '../src/domain/standardWork/index.ts'
import type { ChecklistFrequency, ChecklistRun, ChecklistTemplate, StepResult } from '../src/domain/types.ts'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'

const TEMPLATES = 50
const DAYS = 365
const STEPS = 6
const now = new Date()
const today = londonDay(now)
const first = addDays(today, -DAYS)
const at = new Date(`${first}T00:00:00Z`).toISOString()

function frequencyOf(i: number): ChecklistFrequency {
  if (i < 30) return { kind: 'every-shift', shifts: ['early', 'late', 'night'] }
  if (i < 40) return { kind: 'daily', dueBy: '10:00' }
  if (i < 45) return { kind: 'weekly', days: [0, 3], dueBy: '12:00' }
  return { kind: 'on-demand' }
}

function build() {
  const meta = (id: string) => ({ id, unitId: 'bench-unit', createdAt: at, updatedAt: at, updatedBy: 'Bench' })
  const templates: ChecklistTemplate[] = Array.from({ length: TEMPLATES }, (_, i) => ({
    ...meta(`bench-tpl-${i}`),
    boardId: 'bench-board',
    title: `Checklist ${String(i + 1).padStart(2, '0')}`,
    purpose: '',
    forRole: 'Nurse in charge',
    frequency: frequencyOf(i),
    conceptIds: [],
    version: 1,
    leaderStandardWork: i % 5 === 0,
    auditCard: i % 7 === 0,
    retired: false,
    adoptedFromId: null,
    steps: Array.from({ length: STEPS }, (_, s) => ({
      id: `st${s}`,
      text: `Step ${s + 1} of checklist ${i + 1}`,
      keyPoint: '',
      expectedMinutes: null,
      conceptIds: [],
    })),
  }))
  const runs: ChecklistRun[] = []
  const results: StepResult[] = []
  let n = 0
  for (const t of templates) {
    for (const slot of slotsBetween(t.frequency, first, addDays(today, -1), DEFAULT_SHIFTS)) {
      n++
      if (n % 10 === 0) continue // one slot in ten missed
      const late = n % 7 === 0
      const completedAt = new Date(slot.dueAt.getTime() + (late ? 20 : -20) * 60_000).toISOString()
      const id = slotRunId(t.id, slot.key, 'bench-unit')
      runs.push({
        ...meta(id),
        templateId: t.id,
        boardId: 'bench-board',
        templateVersion: 1,
        title: t.title,
        steps: t.steps,
        slot: slot.key,
        day: slot.day,
        dueAt: slot.dueAt.toISOString(),
        startedAt: slot.opensAt.toISOString(),
        completedAt,
        completedBy: 'Bench',
      })
      for (const step of t.steps) {
        const missed = (n + step.id.length) % 13 === 0 && step.id === 'st2'
        results.push({
          ...meta(`${id}:${step.id}`),
          runId: id,
          stepId: step.id,
          outcome: missed ? 'not-done' : 'done',
          reason: missed ? 'No time' : '',
          actionId: null,
          ideaId: null,
        })
      }
    }
  }
  return { templates, runs, results }
}

function time(label: string, repeat: number, work: () => unknown) {
  work() // warm up
  const times: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    `  ${label.padEnd(58)} median ${times[Math.floor(times.length / 2)]!.toFixed(1).padStart(7)} ms   worst ${times[times.length - 1]!.toFixed(1).padStart(7)} ms`,
  )
}

const data = build()
console.log(
  `${TEMPLATES} checklists (30 every shift, 10 daily, 5 weekly, 5 on demand), ${DAYS} days: ${data.runs.length} runs, ${data.results.length} step results`,
)
console.log('\nPure computation (Node):')
const recent = data.runs.filter((r) => r.day >= addDays(today, -15))
const input = { templates: data.templates, runs: data.runs, results: data.results, shifts: DEFAULT_SHIFTS, now }
time('due list, all runs of the year', 20, () => dueList(data.templates, data.runs, now, DEFAULT_SHIFTS))
time(`due list, the ${recent.length} runs of 15 days the screen loads`, 50, () =>
  dueList(data.templates, recent, now, DEFAULT_SHIFTS),
)
time('adherence of one week (all runs and results given)', 10, () => weeklyAdherence(input, today))
time('adherence of 52 weeks (trend chart)', 3, () => adherenceByWeek(input, today, 52))

const distDir = process.env.DIST_DIR
  ? resolve(process.env.DIST_DIR)
  : fileURLToPath(new URL('../dist', import.meta.url))
if (!existsSync(join(distDir, 'index.html'))) {
  console.log(`\nNo built app in ${distDir}: skipping the browser timing (build with npx vite build, or set DIST_DIR).`)
} else {
  await timeInBrowser(distDir, data)
}

async function timeInBrowser(dir: string, seed: ReturnType<typeof build>) {
  const server = await buildApp({ distDir: dir, version: 'bench' })
  await server.listen({ host: '127.0.0.1', port: 0 })
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('The server has no port')
  const origin = `http://127.0.0.1:${address.port}`
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      serviceWorkers: 'block',
    })
    const page = await context.newPage()
    await page.goto(`${origin}/setup`)
    await page.getByRole('button', { name: 'Load the demo trust' }).click()
    await page.waitForURL('**/board')
    // A year of runs; step results of the last eight weeks (older ones are never read by this screen).
    const since = addDays(today, -56)
    const runIds = new Set(seed.runs.filter((r) => r.day >= since).map((r) => r.id))
    await page.evaluate(
      async ({ templates, runs, results }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('lim-huddle')
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        const meta = await new Promise<{ value: string }>((resolve) => {
          const r = db.transaction('meta').objectStore('meta').get('currentBoardId')
          r.onsuccess = () => resolve(r.result as { value: string })
        })
        const boards = await new Promise<{ id: string; unitId: string }[]>((resolve) => {
          const r = db.transaction('boards').objectStore('boards').getAll()
          r.onsuccess = () => resolve(r.result as { id: string; unitId: string }[])
        })
        const board = boards.find((b) => b.id === meta.value)!
        const tx = db.transaction(['checklistTemplates', 'checklistRuns', 'stepResults'], 'readwrite')
        for (const t of templates)
          tx.objectStore('checklistTemplates').put({ ...t, boardId: board.id, unitId: board.unitId })
        for (const r of runs) tx.objectStore('checklistRuns').put({ ...r, boardId: board.id, unitId: board.unitId })
        for (const r of results) tx.objectStore('stepResults').put({ ...r, unitId: board.unitId })
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        })
        db.close()
      },
      { templates: seed.templates, runs: seed.runs, results: seed.results.filter((r) => runIds.has(r.runId)) },
    )

    console.log(
      '\n/board/standard-work in Chromium: navigation start → the due list on screen (built app, no service worker)',
    )
    const times: number[] = []
    for (let run = 1; run <= 5; run++) {
      const timed = await context.newPage()
      await timed.goto(`${origin}/board/standard-work`)
      await timed.waitForSelector('[data-testid="due-item"]', { timeout: 30_000 })
      const ms = await timed.evaluate(() => performance.now())
      const items = await timed.locator('[data-testid="due-item"]').count()
      times.push(ms)
      console.log(`  run ${run}: ${ms.toFixed(0)} ms (${items} due items)`)
      await timed.close()
    }
    times.sort((a, b) => a - b)
    console.log(`  median: ${times[2]!.toFixed(0)} ms`)
  } finally {
    await browser.close()
    await server.close()
  }
}
