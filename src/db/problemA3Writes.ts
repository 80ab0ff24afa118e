// Writes of problem-solving A3s. One save is one transaction: the A3 (only what the person changed from
// what the form showed, applied to the A3 as stored now), the board actions its new countermeasures
// become, and their history and outbox entries; all land or none. `problemA3WritesFor(database)` serves
// the sync tests' tablets; the plain exports work on the app's database.
import { InputError } from '@/domain/errors'
import { newId } from '@/domain/ids'
import {
  applyCountermeasureEdits,
  changedTextFields,
  countermeasureOf,
  problemA3DraftOf,
  problemA3Id,
  validateProblemA3,
  type ProblemA3Draft,
  type ProblemA3Errors,
} from '@/domain/problemA3'
import type { Action, ProblemA3, ProblemA3SubjectTable } from '@/domain/types'
import { hasErrors, validateAction } from '@/domain/validation'
import { db, type HuddleDatabase } from './db'
import { repoFor } from './repo'

/** The draft cannot be saved as it is: the errors by field. */
export class ProblemA3InputError extends InputError {
  constructor(readonly errors: ProblemA3Errors) {
    super(Object.values(errors)[0] ?? 'Check the A3')
  }
}

/** The idea or escalation the A3 is about, as this tablet holds it. */
export interface ProblemA3Subject {
  table: ProblemA3SubjectTable
  id: string
  unitId: string
  boardId: string
}

export function problemA3WritesFor(database: HuddleDatabase) {
  const repo = repoFor(database)

  /**
   * Saves what changed between `shown` (the A3 as the form opened) and `draft`. Returns the A3 as stored,
   * unchanged (no new version) when nothing differs. Countermeasures marked to become actions are added
   * to the subject's board as open actions and linked, in the same transaction.
   */
  async function saveProblemA3(
    subject: ProblemA3Subject,
    draft: ProblemA3Draft,
    shown: ProblemA3Draft,
    by: string,
    now?: Date,
  ): Promise<ProblemA3> {
    const errors = validateProblemA3(draft)
    if (Object.keys(errors).length) throw new ProblemA3InputError(errors)
    const id = problemA3Id(subject.table, subject.id)
    const tables = [
      database.problemA3s,
      database.actions,
      database.history,
      database.outbox,
      database.meta,
      database.syncState,
      database.syncStatePacks,
    ]
    return database.transaction('rw', tables, async () => {
      const stored = await database.problemA3s.get(id)
      // A new A3 sends everything typed, the title taken from the subject included.
      const text = changedTextFields(
        draft,
        stored ? shown : problemA3DraftOf(undefined, { title: '', measureId: null }),
      )
      const edited = draft.countermeasures.map(countermeasureOf)
      const countermeasures = applyCountermeasureEdits(
        shown.countermeasures.map(countermeasureOf),
        edited,
        stored?.countermeasures ?? [],
      )
      const wanted = new Set(draft.countermeasures.filter((c) => c.makeAction && !c.actionId).map((c) => c.id))
      const made: string[] = []
      // One after another: each action's write ticks the device clock.
      for (const [i, c] of countermeasures.entries()) {
        if (!wanted.has(c.id) || c.actionId) continue
        const actionErrors = validateAction({ title: c.text, owner: c.owner, dueDay: c.dueDay ?? '' })
        if (hasErrors(actionErrors))
          throw new ProblemA3InputError({ [`countermeasure-${c.id}-text`]: Object.values(actionErrors).find(Boolean)! })
        const action = await repo.saveRecord<Action>(
          'actions',
          {
            id: newId(),
            unitId: subject.unitId,
            boardId: subject.boardId,
            title: c.text,
            owner: c.owner,
            dueDay: c.dueDay,
            status: 'open',
            measureId: null,
            measureDay: null,
            conceptIds: [],
            closedAt: null,
          },
          by,
          undefined,
          now,
        )
        made.push(action.id)
        countermeasures[i] = { ...c, actionId: action.id }
      }
      const measureId = draft.measureId || null
      const measureChanged = measureId !== (shown.measureId || null)
      const listChanged = JSON.stringify(countermeasures) !== JSON.stringify(stored?.countermeasures ?? [])
      if (stored && !Object.keys(text).length && !measureChanged && !listChanged && !made.length) return stored
      // A new A3 sends only what was typed: another tablet may have started the same one offline.
      const base = stored ?? {
        id,
        unitId: subject.unitId,
        subjectTable: subject.table,
        subjectId: subject.id,
        boardId: subject.boardId,
        title: '',
        measureId: null,
        countermeasures: [],
        version: 0,
      }
      return repo.saveRecord<ProblemA3>(
        'problemA3s',
        {
          ...base,
          ...text,
          ...(measureChanged || !stored ? { measureId } : {}),
          countermeasures,
          version: (stored?.version ?? 0) + 1,
        },
        by,
        undefined,
        now,
      )
    })
  }

  return { saveProblemA3 }
}

export const { saveProblemA3 } = problemA3WritesFor(db)
