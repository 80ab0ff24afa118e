// Field-level diffs for the audit trail. Only fields people care about are listed;
// bookkeeping fields (updatedAt, updatedBy, createdAt) are never reported as changes.
import type { FieldChange } from './types'

const BOOKKEEPING = new Set(['id', 'unitId', 'createdAt', 'updatedAt', 'updatedBy'])

export function diffRecords(before: object | undefined, after: object): FieldChange[] {
  const changes: FieldChange[] = []
  const old = (before ?? {}) as Record<string, unknown>
  for (const [field, to] of Object.entries(after)) {
    if (BOOKKEEPING.has(field)) continue
    const from = old[field]
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to })
  }
  return changes
}

const FIELD_LABEL: Record<string, string> = {
  title: 'title',
  owner: 'owner',
  dueDay: 'due date',
  status: 'status',
  value: 'value',
  comment: 'comment',
  name: 'name',
  target: 'target',
  thresholds: 'thresholds',
  archived: 'archived',
  order: 'position',
  categoryId: 'category',
  description: 'description',
  conceptIds: 'LIM concepts',
  unit: 'unit',
  direction: 'direction of good',
  type: 'type',
  goodAnswer: 'good answer',
  measureId: 'linked measure',
  agenda: 'agenda',
  categories: 'categories',
  notes: 'notes',
  attendance: 'attendance',
  facilitator: 'facilitator',
  people: 'people',
  huddleMinutes: 'huddle length',
  problem: 'problem',
  idea: 'idea',
  benefit: 'expected benefit',
  wastes: 'wastes',
  raisedBy: 'raised by',
  sponsor: 'sponsor',
  notProgressedReason: 'reason not progressed',
  effort: 'effort',
  impact: 'impact',
  ideaStuckDays: 'days before ideas are flagged',
  rebaseDays: 'limits recalculated from',
  baseline: 'SPC limits',
  limitsReason: 'reason for the limits',
  // A problem-solving A3's parts.
  background: 'background',
  currentCondition: 'current condition',
  targetCondition: 'target condition',
  followUp: 'follow-up',
  countermeasures: 'countermeasures',
  version: 'version',
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].flatMap((n) => [
      [`why${n}`, `why ${n}`],
      [`because${n}`, `because ${n}`],
    ]),
  ),
  causesPeople: 'people causes',
  causesMethods: 'methods causes',
  causesEquipment: 'equipment causes',
  causesMaterials: 'materials causes',
  causesEnvironment: 'environment causes',
  causesMeasurement: 'measurement causes',
}

export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? field
}

export { changedFields } from './changedFields'
