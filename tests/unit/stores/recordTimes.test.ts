// @vitest-environment jsdom
// A tablet whose clock runs three hours fast: every time a screen writes into a shared record (closed,
// completed, raised, answered, retired, started, ended…) comes from the same corrected clock as the sync
// stamps, never from the raw device clock, so no future times reach the other tablets.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase, SYNC_META } from '@/db/db'
import { DEFAULT_AGENDA } from '@/domain/defaults'
import type { Board, Csu, Trust, Unit } from '@/domain/types'
import { useActionsStore } from '@/stores/actions'
import { useEscalationsStore } from '@/stores/escalations'
import { useHuddleStore } from '@/stores/huddle'
import { useIdeasStore } from '@/stores/ideas'
import { useOrgStore } from '@/stores/org'
import { useStandardWorkStore } from '@/stores/standardWork'
import { useChecklistRunsStore } from '@/stores/standardWorkRuns'

const HOUR = 3_600_000
const at = '2026-11-01T08:00:00.000Z'
const meta = (id: string, unitId = 'u1') => ({ id, unitId, createdAt: at, updatedAt: at, updatedBy: 'Seed' })
const board: Board = { ...meta('b1'), name: 'Daily board', categories: [], agenda: [], huddleMinutes: 15 }
const unit: Unit = { ...meta('u1'), csuId: 'c1', name: 'Ward 7', kind: 'ward', people: [] }
const csu: Csu = { id: 'c1', trustId: 't1', name: 'Medicine', createdAt: at }
const trust: Trust = { id: 't1', name: 'Trust', createdAt: at }

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  await db.trusts.put(trust)
  await db.csus.put(csu)
  await db.units.put(unit)
  await db.boards.put(board)
  // What the sync engine stores after the server said this tablet's clock is three hours fast.
  await db.meta.put({ key: SYNC_META.device, value: { nodeId: 'dfast', offsetMs: -3 * HOUR } })
  await useOrgStore().load()
})

/** Within a minute of the server's time, not the tablet's (three hours ahead). */
function expectCorrected(time: string | null | undefined) {
  expect(time, 'a time was written').toBeTruthy()
  expect(Math.abs(Date.parse(time!) - (Date.now() - 3 * HOUR))).toBeLessThan(60_000)
}

describe('record times on a tablet whose clock is three hours fast', () => {
  it('an action closed', async () => {
    const actions = useActionsStore()
    await actions.load('b1', 'u1')
    const action = await actions.add({ title: 'Chase estates', owner: 'Sam', dueDay: null }, 'Sam')
    const done = await actions.setStatus(action.id, 'done', 'Sam')
    expectCorrected(done.closedAt)
    expectCorrected(done.updatedAt)
  })

  it('a checklist started and completed, and a checklist retired', async () => {
    const templates = useStandardWorkStore()
    await templates.load('b1', 'u1')
    const runs = useChecklistRunsStore()
    await runs.load('b1', 'u1')
    const template = await templates.create(
      {
        title: 'Safety walk',
        purpose: 'Spot risks early',
        forRole: 'Nurse in charge',
        frequency: { kind: 'daily', dueBy: '10:00' },
        steps: [{ id: 'st1', text: 'Check the resus trolley', keyPoint: '', expectedMinutes: null, conceptIds: [] }],
        conceptIds: [],
        leaderStandardWork: false,
        auditCard: false,
      },
      'Sam',
    )
    const run = await runs.start(template, null, 'Sam')
    expectCorrected(run.startedAt)
    await runs.record(run.id, 'st1', 'done', '', 'Sam')
    const completed = await runs.complete(run.id, 'Sam')
    expectCorrected(completed.completedAt)
    const retired = await templates.setRetired(template.id, true, 'Sam')
    expectCorrected(retired.retiredAt)
  })

  it('an idea raised and moved on', async () => {
    const ideas = useIdeasStore()
    await ideas.load('b1', 'u1')
    const idea = await ideas.add(
      { problem: 'We walk to the far store room', idea: 'Keep stock in each bay', wastes: [], raisedBy: 'Sam' },
      'Sam',
    )
    expectCorrected(idea.statusChangedAt)
    expectCorrected(idea.createdAt)
    const moved = await ideas.move(idea.id, 'review', '', 'Sam')
    expectCorrected(moved.statusChangedAt)
    expectCorrected(moved.updatedAt)
  })

  it('an escalation raised and answered', async () => {
    const escalations = useEscalationsStore()
    await escalations.load()
    const raised = await escalations.raise(
      board,
      { title: 'Hoist broken', reason: 'Estates cannot come until Monday', category: 'Equipment or estates' },
      null,
      'Sam',
    )
    expectCorrected(raised.raisedAt)
    expectCorrected(raised.createdAt)
    await escalations.move(raised.id, 'accept', 'Jo', 'Jo')
    const answered = await escalations.move(raised.id, 'answer', 'Estates come today', 'Jo')
    expectCorrected(answered.answeredAt)
    expectCorrected(answered.updatedAt)
  })

  it('a huddle started and ended', async () => {
    const huddle = useHuddleStore()
    huddle.start({ ...board, agenda: DEFAULT_AGENDA })
    huddle.facilitator = 'Sam'
    huddle.attendance = 6
    const saved = await huddle.end('Sam')
    expectCorrected(saved.startedAt)
    expectCorrected(saved.endedAt)
    expectCorrected(saved.createdAt)
  })
})
