// Templates and runs for the standard work rule tests.
import { slotRunId } from '@/domain/standardWork'
import type { ChecklistFrequency, ChecklistRun, ChecklistStep, ChecklistTemplate, StepResult } from '@/domain/types'

export function step(id: string, text = `Step ${id}`): ChecklistStep {
  return { id, text, keyPoint: '', expectedMinutes: null, conceptIds: [] }
}

export function template(
  id: string,
  frequency: ChecklistFrequency,
  overrides: Partial<ChecklistTemplate> = {},
): ChecklistTemplate {
  return {
    id,
    unitId: 'unit-1',
    boardId: 'board-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'Seed',
    title: `Checklist ${id}`,
    purpose: '',
    forRole: '',
    frequency,
    steps: [step('s1'), step('s2')],
    conceptIds: [],
    version: 1,
    leaderStandardWork: false,
    auditCard: false,
    retired: false,
    adoptedFromId: null,
    ...overrides,
  }
}

/** A run of `t` for `slotKey`, completed at `completedAt` (null: started only). */
export function run(
  t: ChecklistTemplate,
  slotKey: string | null,
  dueAt: string | null,
  completedAt: string | null,
): ChecklistRun {
  const id = slotKey ? slotRunId(t.id, slotKey, t.unitId) : `${t.id}-demand-${completedAt}`
  return {
    id,
    unitId: t.unitId,
    createdAt: completedAt ?? '2026-01-01T00:00:00.000Z',
    updatedAt: completedAt ?? '2026-01-01T00:00:00.000Z',
    updatedBy: 'Seed',
    templateId: t.id,
    boardId: 'board-1',
    templateVersion: t.version,
    title: t.title,
    steps: t.steps,
    slot: slotKey,
    day: slotKey ? slotKey.slice(0, 10) : (completedAt ?? '').slice(0, 10),
    dueAt,
    startedAt: completedAt ?? '2026-01-01T00:00:00.000Z',
    completedAt,
    completedBy: completedAt ? 'Sam' : '',
  }
}

export function result(
  r: ChecklistRun,
  stepId: string,
  outcome: StepResult['outcome'],
  reason = '',
  at = '2026-03-02T10:00:00.000Z',
): StepResult {
  return {
    id: `${r.id}:${stepId}`,
    unitId: r.unitId,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Sam',
    runId: r.id,
    stepId,
    outcome,
    reason,
    actionId: null,
    ideaId: null,
  }
}
