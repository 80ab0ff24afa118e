// Escalations from the demo wards to their CSU: one answered and waiting for the ward
// to close it, one still open (accepted by the CSU), one closed. The demo CSU has no
// board of its own, so a ward board shows them under what it raised. Invented wording.
import { addDays } from './dates'
import type { DemoWard } from './demoStandardWork'
import type { DayKey, Escalation, EscalationStatus } from './types'

interface EscalationSpec {
  ward: number
  title: string
  reason: string
  category: string
  status: EscalationStatus
  /** Days ago it was raised, and (when it moved on) days ago it was last moved. */
  raised: number
  moved: number
  owner: string
  answer: string
  /** The ward's board measure it came from (number in demo.ts MEASURES), if any. */
  measure?: number
}

const SPECS: EscalationSpec[] = [
  {
    ward: 1,
    title: 'Broken sluice door for over a week',
    category: 'Equipment or estates',
    status: 'answered',
    raised: 6,
    moved: 2,
    reason:
      'The sluice door does not close. Estates job logged twice, no date yet. Infection risk and a fire door left open.',
    owner: 'CSU matron',
    answer:
      'Estates will replace the door closer on Friday; a temporary closer is fitted today. Tell us if Friday slips.',
  },
  {
    ward: 1,
    title: 'Night shift below safe staffing three nights running',
    category: 'Staffing',
    status: 'closed',
    raised: 19,
    moved: 12,
    measure: 6,
    reason:
      'Two registered nurses on nights for 28 beds on three nights. Bank shifts unfilled; agency requests declined.',
    owner: 'Head of nursing',
    answer: 'Agency approved for nights until the new starters begin; a nurse from Ward 12 moved for two nights.',
  },
  {
    ward: 2,
    title: 'Not enough non-invasive ventilation machines this winter',
    category: 'Safety risk',
    status: 'accepted',
    raised: 3,
    moved: 2,
    reason:
      'Three machines for up to five patients who need one on busy nights. We borrow from critical care, which delays starting treatment.',
    owner: 'CSU clinical director',
    answer: '',
  },
]

export function buildDemoEscalations(wards: readonly DemoWard[], today: DayKey): Escalation[] {
  const instant = (ago: number, hour: number) => `${addDays(today, -ago)}T${String(hour).padStart(2, '0')}:30:00.000Z`
  return SPECS.map((spec, i) => {
    const ward = wards.find((w) => w.number === spec.ward)!
    const raisedBy = ward.people[1]!
    const raisedAt = instant(spec.raised, 9)
    const movedAt = instant(spec.moved, 15)
    const answered = spec.status === 'answered' || spec.status === 'closed'
    const answeredAt = spec.status === 'closed' ? instant(spec.moved + 2, 15) : movedAt
    return {
      id: `demo-esc-${spec.ward}-${i + 1}`,
      unitId: ward.unitId,
      createdAt: raisedAt,
      updatedAt: movedAt,
      updatedBy: spec.status === 'closed' ? raisedBy : spec.owner,
      boardId: ward.boardId,
      tier: 'csu',
      title: spec.title,
      reason: spec.reason,
      category: spec.category,
      status: spec.status,
      raisedBy,
      raisedAt,
      source: spec.measure
        ? { table: 'measures', id: `demo-m-${spec.ward}-${spec.measure}`, day: addDays(today, -spec.raised - 1) }
        : null,
      owner: spec.owner,
      answer: answered ? spec.answer : '',
      answeredBy: answered ? spec.owner : '',
      answeredAt: answered ? answeredAt : null,
      closedAt: spec.status === 'closed' ? movedAt : null,
      tierSince: raisedAt,
      statusBy: spec.status === 'closed' ? raisedBy : spec.owner,
      statusAt: movedAt,
    }
  })
}
