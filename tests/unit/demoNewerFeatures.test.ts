import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/dates'
import { buildDemoTrust } from '@/domain/demo'
import { findLikelyPatientIdentifiers } from '@/domain/pii'
import { changeDayOf } from '@/domain/beforeAfter'
import { ANSWERED_STATUSES, OPEN_STATUSES } from '@/domain/escalations'
import {
  DEFAULT_SHIFTS,
  completedOnTime,
  completionProblem,
  slotRunId,
  slotsOnDay,
  stepResultId,
  weeklyAdherence,
} from '@/domain/standardWork'
import { validatePdsa } from '@/domain/pdsa'

const today = '2026-11-26'
const demo = buildDemoTrust(today)
const now = new Date(`${today}T06:00:00Z`)

/** Every string anywhere in a record, nested or not. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(texts)
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts)
  return []
}

describe('the demo trust: newer features', () => {
  it('is the same every time it is built for a day', () => {
    expect(JSON.stringify(buildDemoTrust(today))).toBe(JSON.stringify(demo))
  })

  it('keeps the original measures, entries and huddles exactly as they were', () => {
    // The newer parts draw from their own random streams.
    const entries = demo.entries
      .filter((e) => e.measureId === 'demo-m-1-4')
      .slice(0, 3)
      .map((e) => [e.day, e.value])
    expect(entries).toEqual(
      buildDemoTrust(today)
        .entries.filter((e) => e.measureId === 'demo-m-1-4')
        .slice(0, 3)
        .map((e) => [e.day, e.value]),
    )
    expect(demo.entries.length).toBeGreaterThan(700)
  })

  it('gives every record a demo- id, so none of it ever syncs', () => {
    const records = [
      ...demo.checklistTemplates,
      ...demo.checklistRuns,
      ...demo.stepResults,
      ...demo.ideas,
      ...demo.pdsaCycles,
      ...demo.escalations,
    ]
    expect(records.length).toBeGreaterThan(500)
    for (const record of records) {
      expect(record.id.startsWith('demo-')).toBe(true)
      expect(['demo-unit-1', 'demo-unit-2']).toContain(record.unitId)
    }
  })

  it('has no text that looks like patient information', () => {
    const all = [
      ...demo.checklistTemplates,
      ...demo.checklistRuns,
      ...demo.stepResults,
      ...demo.ideas,
      ...demo.pdsaCycles,
      ...demo.escalations,
    ]
      .flatMap(texts)
      .filter((t) => !/^demo-|^\d{4}-\d{2}-\d{2}/.test(t))
    expect(all.length).toBeGreaterThan(100)
    const flagged = [...new Set(all)].filter((t) => findLikelyPatientIdentifiers(t).length > 0)
    expect(flagged).toEqual([])
  })

  it('gives each ward four checklists: leader standard work, every shift, weekly and an audit card', () => {
    for (const board of demo.boards) {
      const own = demo.checklistTemplates.filter((t) => t.boardId === board.id)
      expect(own).toHaveLength(4)
      expect(own.filter((t) => t.leaderStandardWork)).toHaveLength(1)
      expect(own.filter((t) => t.auditCard)).toHaveLength(1)
      expect(own.map((t) => t.frequency.kind).sort()).toEqual(['daily', 'every-shift', 'on-demand', 'weekly'])
    }
  })

  it('files slot runs under the ids and slots the app uses, with every step answered and reasons for misses', () => {
    const templates = new Map(demo.checklistTemplates.map((t) => [t.id, t]))
    const results = new Map(demo.stepResults.map((r) => [r.id, r]))
    for (const run of demo.checklistRuns) {
      const template = templates.get(run.templateId)!
      expect(run.boardId).toBe(template.boardId)
      expect(run.day < today).toBe(true)
      if (run.slot) {
        expect(run.id).toBe(slotRunId(template.id, run.slot, run.unitId))
        const slot = slotsOnDay(template.frequency, run.day, DEFAULT_SHIFTS).find((s) => s.key === run.slot)
        expect(slot, run.slot).toBeDefined()
        expect(run.dueAt).toBe(slot!.dueAt.toISOString())
        expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(slot!.opensAt.getTime())
      } else {
        expect(template.frequency.kind).toBe('on-demand')
      }
      const own = run.steps.map((s) => results.get(stepResultId(run.id, s.id))!)
      expect(own.every(Boolean)).toBe(true)
      expect(completionProblem({ ...run, completedAt: null }, own)).toBeUndefined()
      expect(run.completedAt! >= run.startedAt).toBe(true)
    }
    expect(demo.stepResults).toHaveLength(demo.checklistRuns.reduce((n, r) => n + r.steps.length, 0))
  })

  it('is mostly done on time, with some late and some missed, and a few steps not done', () => {
    const onTime = demo.checklistRuns.filter((r) => r.slot && completedOnTime(r)).length
    const late = demo.checklistRuns.filter((r) => r.slot && !completedOnTime(r)).length
    expect(onTime / (onTime + late)).toBeGreaterThan(0.8)
    expect(late).toBeGreaterThan(5)
    const notDone = demo.stepResults.filter((r) => r.outcome === 'not-done')
    expect(notDone.length).toBeGreaterThan(10)
    expect(notDone.length / demo.stepResults.length).toBeLessThan(0.06)

    const board = demo.boards[0]!
    const input = {
      templates: demo.checklistTemplates.filter((t) => t.boardId === board.id),
      runs: demo.checklistRuns.filter((r) => r.boardId === board.id),
      results: demo.stepResults.filter((r) => r.unitId === board.unitId),
      shifts: DEFAULT_SHIFTS,
      now,
    }
    const lastWeek = weeklyAdherence(input, addDays(today, -7))
    expect(lastWeek.templates).toHaveLength(3)
    expect(lastWeek.unit.due).toBe(7 * 3 + 7 + 1)
    expect(lastWeek.unit.share!).toBeGreaterThan(0.7)
    expect(lastWeek.unit.share!).toBeLessThan(1)
    const earlier = [14, 21, 28].map((ago) => weeklyAdherence(input, addDays(today, -ago)))
    expect(earlier.some((w) => w.unit.missed > 0)).toBe(true)
    expect([lastWeek, ...earlier].some((w) => w.mostMissed.length > 0)).toBe(true)
  })

  it('has ideas in every column, and tested ideas with PDSA cycles linked to a measure', () => {
    for (const board of demo.boards) {
      const ideas = demo.ideas.filter((i) => i.boardId === board.id)
      expect(ideas).toHaveLength(8)
      expect(new Set(ideas.map((i) => i.status))).toEqual(
        new Set(['new', 'review', 'testing', 'implemented', 'sustained', 'not-progressed']),
      )
      for (const idea of ideas) {
        expect(idea.statusChangedAt >= idea.createdAt).toBe(true)
        expect(idea.conceptIds.length).toBeGreaterThan(0)
        expect(Boolean(idea.notProgressedReason)).toBe(idea.status === 'not-progressed')
        expect(idea.implementedAt !== null).toBe(idea.status === 'implemented' || idea.status === 'sustained')
      }
      const linked = ideas.filter((i) => i.measureId)
      expect(linked).toHaveLength(1)
      const measure = demo.measures.find((m) => m.id === linked[0]!.measureId)!
      expect(measure.boardId).toBe(board.id)
      const cycles = demo.pdsaCycles.filter((c) => c.ideaId === linked[0]!.id).sort((a, b) => a.number - b.number)
      expect(cycles.length).toBeGreaterThanOrEqual(2)
      expect(cycles.map((c) => c.number)).toEqual(cycles.map((_, i) => i + 1))
      expect(cycles.some((c) => c.decision === 'adopt')).toBe(true)
      for (const cycle of cycles) {
        expect(cycle.createdAt >= linked[0]!.createdAt).toBe(true)
        expect(validatePdsa({ ...cycle, startDay: cycle.startDay ?? '', endDay: cycle.endDay ?? '' }, today)).toEqual(
          {},
        )
      }
      expect(changeDayOf(linked[0]!, cycles)).toBe(addDays(today, -(board.id === 'demo-board-1' ? 84 : 98)))
    }
  })

  it('has escalations to the CSU: one answered, one open, one closed', () => {
    expect(demo.escalations).toHaveLength(3)
    expect(demo.escalations.every((e) => e.tier === 'csu')).toBe(true)
    expect(demo.escalations.filter((e) => ANSWERED_STATUSES.includes(e.status))).toHaveLength(1)
    expect(demo.escalations.filter((e) => OPEN_STATUSES.includes(e.status))).toHaveLength(1)
    expect(demo.escalations.filter((e) => e.status === 'closed')).toHaveLength(1)
    for (const e of demo.escalations) {
      expect(demo.boards.find((b) => b.id === e.boardId)?.unitId).toBe(e.unitId)
      expect(e.statusAt >= e.raisedAt).toBe(true)
      expect(Boolean(e.answer)).toBe(e.status === 'answered' || e.status === 'closed')
    }
  })
})
