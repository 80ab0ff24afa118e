// A problem-solving A3, read live with what its screens show beside it: the idea or escalation it is about,
// the measures of that board (one is picked for the current condition) and the actions its countermeasures
// became, so a countermeasure done on the board shows as done on the A3.
import type { Ref } from 'vue'
import { problemA3Id } from '@/domain/problemA3'
import type { Action, Measure, ProblemA3, ProblemA3SubjectTable } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface ProblemA3Page {
  /** The idea or escalation as this tablet holds it; undefined when it is not here. */
  subject?: {
    table: ProblemA3SubjectTable
    id: string
    unitId: string
    boardId: string
    /** The problem in a line, as the subject puts it. */
    title: string
    /** What it says about the problem, for the A3's background. */
    detail: string
    measureId: string | null
  }
  a3?: ProblemA3
  measures: Measure[]
  actions: Action[]
}

const NONE: ProblemA3Page = { measures: [], actions: [] }

export async function readProblemA3Page(table: ProblemA3SubjectTable, id: string): Promise<ProblemA3Page> {
  return db.transaction('r', [db.ideas, db.escalations, db.problemA3s, db.measures, db.actions], async () => {
    const a3 = await db.problemA3s.get(problemA3Id(table, id))
    let subject: ProblemA3Page['subject']
    if (table === 'ideas') {
      const idea = await db.ideas.get(id)
      if (idea)
        subject = {
          table,
          id,
          unitId: idea.unitId,
          boardId: idea.boardId,
          title: idea.problem,
          detail: idea.idea,
          measureId: idea.measureId,
        }
    } else {
      const escalation = await db.escalations.get(id)
      if (escalation)
        subject = {
          table,
          id,
          unitId: escalation.unitId,
          boardId: escalation.boardId,
          title: escalation.title,
          detail: escalation.reason,
          measureId: escalation.source?.table === 'measures' ? escalation.source.id : null,
        }
    }
    const boardId = subject?.boardId ?? a3?.boardId
    const measures = boardId
      ? (await db.measures.where('boardId').equals(boardId).toArray())
          .filter((m) => !m.archived || m.id === a3?.measureId)
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      : []
    const actionIds = (a3?.countermeasures ?? []).flatMap((c) => (c.actionId ? [c.actionId] : []))
    const actions = (await db.actions.bulkGet(actionIds)).filter((a): a is Action => Boolean(a))
    return { subject, a3, measures, actions }
  })
}

/** The A3 of one idea or escalation and what its screens show beside it. */
export function useProblemA3Page(table: Ref<ProblemA3SubjectTable>, id: Ref<string>) {
  return useLiveQuery(
    () => readProblemA3Page(table.value, id.value),
    NONE,
    () => `${table.value}|${id.value}`,
  )
}
