// Shared pieces of the certification tests: a submission, thread entries, and real sustain checks
// worked out by the SPC engine from a ward's falls, drawn from a seeded Poisson generator.
import { checkSustained, type SustainCheck, type SustainMeasure } from '@/domain/certification/sustained'
import { addDays } from '@/domain/dates'
import type { CertEntry, CertEntryKind, CertRole, CertSubmission, DayKey } from '@/domain/types'

function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
function poisson(random: () => number, rate: number): number {
  const limit = Math.exp(-rate)
  let k = 0
  for (let p = random(); p > limit; p *= random()) k++
  return k
}

export const falls: SustainMeasure = { name: 'Falls', type: 'count', direction: 'lower', unit: 'falls', target: null }
export const changeDay = '2026-05-06'
export const today = addDays(changeDay, 20 * 7 + 5)

/** A ward's daily falls: 0.9 a day for 26 weeks before the change, `rateAfter` a day since. */
export function fallsDays(seed: number, rateAfter: number): { day: DayKey; value: number }[] {
  const random = seeded(seed)
  const out: { day: DayKey; value: number }[] = []
  for (let day = addDays(changeDay, -26 * 7); day <= today; day = addDays(day, 1))
    out.push({ day, value: poisson(random, day < changeDay ? 0.9 : rateAfter) })
  return out
}

/** Falls halved and stayed down: the engine finds it sustained. */
export const sustainedCheck = (): SustainCheck => checkSustained(falls, fallsDays(1, 0.35), changeDay, today)
/** Falls as they were: no measurable improvement. */
export const flatCheck = (): SustainCheck => checkSustained(falls, fallsDays(2, 0.9), changeDay, today)

export function submission(over: Partial<CertSubmission> = {}): CertSubmission {
  return {
    id: 's1',
    unitId: 'u1',
    createdAt: '2026-09-01T09:00:00.000Z',
    updatedAt: '2026-09-01T09:00:00.000Z',
    updatedBy: 'Priya Shah',
    ideaId: 'i1',
    boardId: 'b1',
    title: 'Falls huddle at the bedside',
    problem: 'Falls at night in bay 2',
    names: ['Priya Shah', 'Sam Jones'],
    measureId: 'm1',
    measureName: 'Falls',
    changeDay,
    pdsaCycleIds: ['c1'],
    conceptIds: ['pdsa'],
    reflection:
      'We tested a bedside falls huddle in bay 2 with three PDSA cycles and watched the falls chart every week.',
    sponsor: 'Dr Amir Khan',
    consentToShare: true,
    ...over,
  }
}

let counter = 0
/** An entry at minute `minute` of a day, by `role`. */
export function certEntry(
  kind: CertEntryKind,
  role: CertRole,
  minute: number,
  over: Partial<CertEntry> = {},
): CertEntry {
  const at = new Date(Date.UTC(2026, 8, 1, 9, minute)).toISOString()
  return {
    id: `e${String(++counter).padStart(4, '0')}`,
    unitId: 'u1',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'x',
    submissionId: 's1',
    kind,
    role,
    author: role === 'office' ? 'Kay' : role === 'sponsor' ? 'Dr Amir Khan' : 'Priya Shah',
    at,
    text: '',
    reflection: null,
    decisions: null,
    outcome: kind === 'assess' ? 'not-yet' : null,
    evidence: null,
    ...over,
  }
}
