// Standard work for the demo wards: four checklists each (leader standard work, an
// every-shift equipment check, a weekly 5S check and a kamishibai audit card) and six
// weeks of runs, mostly on time, some late, a few missed, with the odd "Not done" step.
// Runs use the same slot ids the app gives them, so the due list and adherence read
// them as if the ward had done them. Every name and reason is invented; no patients.
import { addDays } from './dates'
import { DEFAULT_SHIFTS, slotRunId, slotsBetween, stepResultId } from './standardWork'
import type { ChecklistFrequency, ChecklistRun, ChecklistStep, ChecklistTemplate, DayKey, StepResult } from './types'

export interface DemoWard {
  unitId: string
  boardId: string
  /** 1 or 2: ids and wording follow it. */
  number: number
  people: readonly string[]
}

export interface DemoStandardWork {
  templates: ChecklistTemplate[]
  runs: ChecklistRun[]
  results: StepResult[]
}

/** A step: its text, key point, and the reasons the demo gives when it is "Not done" (none: never missed). */
type StepSpec = [text: string, keyPoint: string, reasons: string[]]

interface TemplateSpec {
  key: string
  title: string
  purpose: string
  forRole: string
  frequency: ChecklistFrequency
  leaderStandardWork: boolean
  auditCard: boolean
  conceptIds: string[]
  steps: StepSpec[]
}

const EQUIPMENT_STEPS: StepSpec[] = [
  [
    'Resuscitation trolley sealed and the daily log signed',
    'A broken seal means a full check before anything else',
    ['Trolley used overnight, restock not finished at handover'],
  ],
  [
    'Suction tested at every bed space',
    'Run it: a unit that hisses is not a unit that works',
    ['Two suction units in bay 3 waiting for a new tubing set', 'Bay 1 occupied with a procedure, checked later'],
  ],
  ['Oxygen cylinders at least half full', '', []],
  ['Emergency bleep tested with switchboard', '', ['Switchboard line busy for the whole check']],
  [
    'Hoist batteries charged',
    'Swap the battery on the charger if the light is amber',
    ['Spare battery missing from the charger'],
  ],
]

function specs(ward: DemoWard): TemplateSpec[] {
  const equipment: StepSpec[] =
    ward.number === 2
      ? [
          ...EQUIPMENT_STEPS,
          [
            'Non-invasive ventilation masks in every size stocked',
            'Small and extra large run out first',
            ['Extra large masks out of stock, ordered from stores'],
          ],
        ]
      : EQUIPMENT_STEPS
  return [
    {
      key: 'lsw',
      title: 'Ward manager daily round',
      purpose: 'See the work, support the team and check our standards every day.',
      forRole: 'Ward manager',
      frequency: { kind: 'daily', dueBy: '11:00' },
      leaderStandardWork: true,
      auditCard: false,
      conceptIds: ['leader-standard-work', 'gemba'],
      steps: [
        [
          'Review yesterday\u2019s measures on the board with the nurse in charge',
          'Ask what got in the way, not who',
          ['Board review moved to the afternoon: bed meeting overran'],
        ],
        [
          'Walk every bay and ask one colleague what slowed them down',
          '',
          ['Called to a staffing meeting before the round'],
        ],
        ['Check overdue actions with their owners', '', []],
        [
          'Draw one audit card and do the check',
          'Do it where the work happens',
          ['No time: covering a break in bay 2', 'Audit card box empty, cards being reprinted'],
        ],
        ['Thank a colleague for something specific', '', []],
      ],
    },
    {
      key: 'equipment',
      title: 'Emergency equipment check',
      purpose: 'Emergency kit is ready before it is needed, on every shift.',
      forRole: 'Nurse in charge',
      frequency: { kind: 'every-shift', shifts: ['early', 'late', 'night'] },
      leaderStandardWork: false,
      auditCard: false,
      conceptIds: ['standard-work', 'mistake-proofing'],
      steps: equipment,
    },
    {
      key: '5s',
      title: 'Weekly 5S check of the clean utility',
      purpose: 'Stock is where it should be, at the right level, in date.',
      forRole: 'Healthcare assistant on the early shift',
      frequency: { kind: 'weekly', days: [0], dueBy: '16:00' },
      leaderStandardWork: false,
      auditCard: false,
      conceptIds: ['five-s', 'visual-management'],
      steps: [
        ['Shelves labelled and stock between the marked levels', '', ['Delivery came late, top-up done on Tuesday']],
        ['Out-of-date stock removed and recorded', 'First expiry at the front', []],
        ['Sharps bins below the fill line and labelled', '', []],
        ['Worktops clear and wiped down', '', ['Worktop used for a delivery that had not been put away']],
      ],
    },
    {
      key: 'audit',
      title: 'Audit card: hand hygiene at the bed space',
      purpose: 'A quick check on a round that our hand hygiene standard is really followed.',
      forRole: 'Nurse in charge or ward manager',
      frequency: { kind: 'on-demand' },
      leaderStandardWork: false,
      auditCard: true,
      conceptIds: ['kamishibai', 'standard-work'],
      steps: [
        ['Hand gel full at the bed space entrance', '', ['Gel dispenser empty in bay 4, domestic team told']],
        ['Watch one contact: hands cleaned before and after', 'Watch, then give feedback on the spot', []],
        ['Bare below the elbows', '', []],
      ],
    },
  ]
}

/** The chance a step is "Not done" on a run: small, so the most-missed list is short and believable. */
const MISS_CHANCE = 0.05

export function buildDemoStandardWork(
  ward: DemoWard,
  today: DayKey,
  days: number,
  at: string,
  r: () => number,
): DemoStandardWork {
  const out: DemoStandardWork = { templates: [], runs: [], results: [] }
  const created = Date.parse(at)
  const yesterday = addDays(today, -1)
  const person = () => ward.people[Math.floor(r() * Math.min(4, ward.people.length))]!
  for (const spec of specs(ward)) {
    const id = `demo-cl-${ward.number}-${spec.key}`
    const steps: ChecklistStep[] = spec.steps.map(([text, keyPoint], i) => ({
      id: `${id}-s${i + 1}`,
      text,
      keyPoint,
      expectedMinutes: 2,
      conceptIds: [],
    }))
    const template: ChecklistTemplate = {
      id,
      unitId: ward.unitId,
      createdAt: at,
      updatedAt: at,
      updatedBy: ward.people[0]!,
      boardId: ward.boardId,
      title: spec.title,
      purpose: spec.purpose,
      forRole: spec.forRole,
      frequency: spec.frequency,
      steps,
      conceptIds: spec.conceptIds,
      version: 1,
      leaderStandardWork: spec.leaderStandardWork,
      auditCard: spec.auditCard,
      retired: false,
      retiredAt: null,
      adoptedFromId: null,
    }
    out.templates.push(template)
    const addRun = (
      runId: string,
      slot: string | null,
      day: DayKey,
      dueAt: number | null,
      startedAt: number,
      completedAt: number,
    ) => {
      const by = person()
      const iso = new Date(completedAt).toISOString()
      out.runs.push({
        id: runId,
        unitId: ward.unitId,
        createdAt: new Date(startedAt).toISOString(),
        updatedAt: iso,
        updatedBy: by,
        templateId: id,
        boardId: ward.boardId,
        templateVersion: 1,
        title: spec.title,
        steps: steps.map((s) => ({ ...s, conceptIds: [...s.conceptIds] })),
        slot,
        day,
        dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
        startedAt: new Date(startedAt).toISOString(),
        completedAt: iso,
        completedBy: by,
      })
      spec.steps.forEach(([, , reasons], i) => {
        const missed = reasons.length > 0 && r() < MISS_CHANCE
        out.results.push({
          id: stepResultId(runId, steps[i]!.id),
          unitId: ward.unitId,
          createdAt: iso,
          updatedAt: iso,
          updatedBy: by,
          runId,
          stepId: steps[i]!.id,
          outcome: missed ? 'not-done' : 'done',
          reason: missed ? reasons[Math.floor(r() * reasons.length)]! : '',
          actionId: null,
          ideaId: null,
        })
      })
    }
    if (spec.frequency.kind === 'on-demand') {
      // An audit card drawn two or three times a week, on the morning round.
      for (let d = days; d >= 1; d--) {
        if (r() > 0.35) continue
        const day = addDays(today, -d)
        const start = Date.parse(`${day}T10:00:00Z`) + Math.floor(r() * 90) * 60_000
        addRun(`demo-run-${ward.number}-audit-${day}`, null, day, null, start, start + 6 * 60_000)
      }
      continue
    }
    const first = addDays(today, -days)
    for (const slot of slotsBetween(spec.frequency, first, yesterday, DEFAULT_SHIFTS)) {
      const due = slot.dueAt.getTime()
      if (due <= created) continue
      // The ward gets better at it: misses and late runs are commoner in the first weeks.
      const progress = (slot.opensAt.getTime() - created) / (days * 86_400_000)
      const x = r()
      if (x < 0.1 - 0.06 * progress) continue // missed: no run at all
      const late = x < 0.2 - 0.1 * progress
      const base = Math.max(slot.opensAt.getTime(), due - 3 * 3_600_000)
      const start = late ? due + Math.floor(10 + r() * 120) * 60_000 : base + Math.floor(r() * 0.6 * (due - base))
      const end = late ? start + 8 * 60_000 : Math.min(start + Math.floor(5 + r() * 10) * 60_000, due - 60_000)
      addRun(slotRunId(id, slot.key, ward.unitId), slot.key, slot.day, due, start, end)
    }
  }
  return out
}
