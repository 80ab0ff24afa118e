import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { DEFAULT_SHIFTS, slotsOnDay, type TemplateInput } from '@/domain/standardWork'
import type { Board, Csu, Trust, Unit } from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { useActionsStore } from '@/stores/actions'
import { useIdeasStore } from '@/stores/ideas'
import { useOrgStore } from '@/stores/org'
import { TemplateErrors, useStandardWorkStore } from '@/stores/standardWork'
import { useChecklistRunsStore } from '@/stores/standardWorkRuns'

const at = '2026-11-01T08:00:00.000Z'
const meta = (id: string, unitId = 'u1') => ({ id, unitId, createdAt: at, updatedAt: at, updatedBy: 'Seed' })
const board: Board = { ...meta('b1'), name: 'Daily board', categories: [], agenda: [], huddleMinutes: 15 }
const unit: Unit = { ...meta('u1'), csuId: 'c1', name: 'Ward 7', kind: 'ward', people: [] }
const csu: Csu = { id: 'c1', trustId: 't1', name: 'Medicine', createdAt: at }
const trust: Trust = { id: 't1', name: 'Trust', createdAt: at }

const input = (changes: Partial<TemplateInput> = {}): TemplateInput => ({
  title: 'Safety walk',
  purpose: 'Spot risks early',
  forRole: 'Nurse in charge',
  frequency: { kind: 'daily', dueBy: '10:00' },
  steps: [
    { id: 'st1', text: 'Check the resus trolley', keyPoint: 'Seal intact', expectedMinutes: 5, conceptIds: [] },
    {
      id: 'st2',
      text: 'Check fire exits are clear',
      keyPoint: '',
      expectedMinutes: null,
      conceptIds: ['standard-work'],
    },
  ],
  conceptIds: [],
  leaderStandardWork: false,
  auditCard: false,
  ...changes,
})

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  await db.trusts.put(trust)
  await db.csus.put(csu)
  await db.units.put(unit)
  await db.boards.put(board)
  await useOrgStore().load()
})

async function stores() {
  const templates = useStandardWorkStore()
  await templates.load('b1', 'u1')
  const runs = useChecklistRunsStore()
  await runs.load('b1', 'u1')
  return { templates, runs }
}

describe('standard work stores', () => {
  it('creates, versions and retires a template; edits keep the version runs followed', async () => {
    const { templates, runs } = await stores()
    const created = await templates.create(input(), 'Sam')
    expect(created).toMatchObject({ version: 1, boardId: 'b1', unitId: 'u1' })
    const slot = slotsOnDay(created.frequency, '2026-11-26', DEFAULT_SHIFTS)[0]!
    const run = await runs.start(created, slot, 'Sam')
    const edited = await templates.update(created.id, input({ steps: [input().steps[1]!, input().steps[0]!] }), 'Ali')
    expect(edited.version).toBe(2)
    expect(edited.steps.map((s) => s.id)).toEqual(['st2', 'st1'])
    expect(await db.checklistRuns.get(run.id)).toMatchObject({ templateVersion: 1, steps: input().steps })
    expect(await templates.update(created.id, input({ steps: edited.steps }), 'Ali')).toMatchObject({ version: 2 })
    await templates.setRetired(created.id, true, 'Ali')
    expect(templates.active).toEqual([])
    expect(templates.retired.map((t) => t.id)).toEqual([created.id])
  })

  it('refuses a template with no steps, saving nothing', async () => {
    const { templates } = await stores()
    await expect(templates.create(input({ steps: [] }), 'Sam')).rejects.toThrow(TemplateErrors)
    expect(await db.checklistTemplates.count()).toBe(0)
  })

  it('keeps trust-wide templates in the library scope, and a unit adopts a copy', async () => {
    const { templates } = await stores()
    const shared = await templates.create(input({ title: 'Trust safety walk' }), 'Office', true)
    expect(shared).toMatchObject({ unitId: libraryScopeId('t1'), boardId: null })
    const adopted = await templates.adopt(shared.id, 'Sam')
    expect(adopted).toMatchObject({
      unitId: 'u1',
      boardId: 'b1',
      adoptedFromId: shared.id,
      version: 1,
      title: 'Trust safety walk',
    })
    expect(templates.library.map((t) => t.id)).toEqual([shared.id])
  })

  it('saves each tap, needs a reason for Not done, completes, and turns a miss into an action and an idea', async () => {
    const { templates, runs } = await stores()
    const template = await templates.create(input(), 'Sam')
    const run = await runs.start(template, null, 'Sam')
    await runs.record(run.id, 'st1', 'done', '', 'Sam')
    expect(await db.stepResults.get(`${run.id}:st1`)).toMatchObject({ outcome: 'done', updatedBy: 'Sam' })
    await expect(runs.record(run.id, 'st2', 'not-done', ' ', 'Sam')).rejects.toThrow(/Say why/)
    await expect(runs.complete(run.id, 'Sam')).rejects.toThrow(/step 2 has no answer yet/)
    await runs.record(run.id, 'st2', 'not-done', 'Fire door wedged open', 'Sam')

    useActionsStore()
    const withAction = await runs.missToAction(run.id, 'st2', 'Sam')
    const action = await db.actions.get(withAction.actionId!)
    expect(action).toMatchObject({ boardId: 'b1', owner: 'Sam', status: 'open', conceptIds: ['standard-work'] })
    expect(action!.title).toBe('Safety walk: “Check fire exits are clear” not done – Fire door wedged open')
    const withIdea = await runs.missToIdea(run.id, 'st2', 'Sam')
    expect(await db.ideas.get(withIdea.ideaId!)).toMatchObject({ problem: action!.title, status: 'new' })
    expect(useIdeasStore().ideas).toHaveLength(1)
    expect(await db.stepResults.get(`${run.id}:st2`)).toMatchObject({ actionId: action!.id, ideaId: withIdea.ideaId })

    const done = await runs.complete(run.id, 'Priya')
    expect(done).toMatchObject({ completedBy: 'Priya' })
    expect(done.completedAt).not.toBeNull()
    // Two taps, then the action link and the idea link: each its own queued change.
    expect(await db.outbox.where('table').equals('stepResults').count()).toBe(4)
  })

  it('gives a slot the same run id on every start, so two tablets meet on one run', async () => {
    const { templates, runs } = await stores()
    const template = await templates.create(input(), 'Sam')
    const slot = slotsOnDay(template.frequency, '2026-11-26', DEFAULT_SHIFTS)[0]!
    const first = await runs.start(template, slot, 'Sam')
    const again = await runs.start(template, slot, 'Ali')
    expect(again.id).toBe(first.id)
    expect(await db.checklistRuns.count()).toBe(1)
  })

  it('refuses overlapping shift times and keeps good ones on the board', async () => {
    const { templates } = await stores()
    await expect(
      templates.setShifts({ ...DEFAULT_SHIFTS, early: { start: '07:00', end: '15:00' } }, 'Sam'),
    ).rejects.toThrow(/overlap/)
    expect((await db.boards.get('b1'))!.shifts).toBeUndefined()
    const next = { ...DEFAULT_SHIFTS, early: { start: '07:30', end: '14:30' } }
    await templates.setShifts(next, 'Sam')
    expect((await db.boards.get('b1'))!.shifts).toEqual(next)
    expect(templates.shifts.early.start).toBe('07:30')
  })
})
