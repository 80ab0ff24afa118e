// Read-only: the records on this tablet that link to LIM concepts, for the concept
// page's local examples, the learning record and the coverage view. There is no index
// on `conceptIds` (the schema belongs to db.ts and a tablet holds a few units' worth of
// rows), so the linked tables are scanned; day notes are read only for the linked
// measures, through their index. Tables other helpers are still filling may hold
// records with fields missing: the domain functions read them defensively.
import type { CoverageRows } from '@/domain/conceptCoverage'
import type { ConceptLinkRows } from '@/domain/conceptExamples'
import type { PortfolioRows } from '@/domain/portfolio'
import type { ChecklistStep } from '@/domain/types'
import type { HuddleDatabase } from './db'

const linksTo = (conceptIds: unknown, conceptId: string) => Array.isArray(conceptIds) && conceptIds.includes(conceptId)
const stepsLink = (steps: unknown, conceptId: string) =>
  Array.isArray(steps) && steps.some((s: Partial<ChecklistStep> | null) => linksTo(s?.conceptIds, conceptId))

export async function readConceptLinks(database: HuddleDatabase, conceptId: string): Promise<ConceptLinkRows> {
  const d = database
  return d.transaction(
    'r',
    [
      d.units,
      d.boards,
      d.measures,
      d.entries,
      d.actions,
      d.ideas,
      d.pdsaCycles,
      d.checklistTemplates,
      d.checklistRuns,
      d.certifications,
    ],
    async () => {
      const [units, boards, measures, actions, ideas, pdsaCycles, checklistTemplates, certifications] =
        await Promise.all([
          d.units.toArray(),
          d.boards
            .filter((b) => Array.isArray(b.agenda) && b.agenda.some((item) => linksTo(item?.conceptIds, conceptId)))
            .toArray(),
          d.measures.filter((m) => linksTo(m.conceptIds, conceptId)).toArray(),
          d.actions.filter((a) => linksTo(a.conceptIds, conceptId)).toArray(),
          d.ideas.filter((i) => linksTo(i.conceptIds, conceptId)).toArray(),
          d.pdsaCycles.filter((p) => linksTo(p.conceptIds, conceptId)).toArray(),
          d.checklistTemplates
            .filter((t) => linksTo(t.conceptIds, conceptId) || stepsLink(t.steps, conceptId))
            .toArray(),
          d.certifications.filter((c) => linksTo(c.conceptIds, conceptId)).toArray(),
        ])
      // Days are `YYYY-MM-DD`, so '' and '\uffff' bound every day of a measure.
      const entries = await Promise.all(
        measures.map((m) =>
          d.entries
            .where('[measureId+day]')
            .between([m.id, ''], [m.id, '\uffff'], true, true)
            .filter((e) => typeof e.comment === 'string' && e.comment.trim() !== '')
            .toArray(),
        ),
      )
      const templateIds = checklistTemplates.map((t) => t.id)
      const runs = templateIds.length ? await d.checklistRuns.where('templateId').anyOf(templateIds).toArray() : []
      return {
        units: units.map(({ id, name }) => ({ id, name })),
        measures,
        entries: entries.flat(),
        actions,
        ideas,
        pdsaCycles,
        checklistTemplates,
        checklistRuns: runs.map(({ templateId, completedAt }) => ({ templateId, completedAt })),
        boards,
        certifications,
      }
    },
  )
}

/** Every linked item on this tablet, for the coverage view. */
export async function readCoverageRows(database: HuddleDatabase): Promise<CoverageRows> {
  const d = database
  return d.transaction(
    'r',
    [d.units, d.boards, d.measures, d.actions, d.ideas, d.pdsaCycles, d.checklistTemplates, d.escalations],
    async () => {
      const [units, boards, measures, actions, ideas, pdsaCycles, checklistTemplates, escalations] = await Promise.all([
        d.units.toArray(),
        d.boards.toArray(),
        d.measures.toArray(),
        d.actions.toArray(),
        d.ideas.toArray(),
        d.pdsaCycles.toArray(),
        d.checklistTemplates.toArray(),
        d.escalations.toArray(),
      ])
      return {
        units: units.map(({ id, name }) => ({ id, name })),
        boards,
        measures,
        actions,
        ideas,
        pdsaCycles,
        checklistTemplates,
        escalations: escalations.map(({ unitId, status }) => ({ unitId, status })),
      }
    },
  )
}

/** What a learning record needs: everything a person may have contributed. */
export async function readPortfolioRows(database: HuddleDatabase): Promise<PortfolioRows> {
  const d = database
  return d.transaction(
    'r',
    [d.units, d.ideas, d.pdsaCycles, d.history, d.checklistRuns, d.checklistTemplates, d.actions],
    async () => {
      const [units, ideas, pdsaCycles, checklistRuns, checklistTemplates, actions, history] = await Promise.all([
        d.units.toArray(),
        d.ideas.toArray(),
        d.pdsaCycles.toArray(),
        d.checklistRuns.toArray(),
        d.checklistTemplates.toArray(),
        d.actions.toArray(),
        d.history.where('[table+recordId]').between(['pdsaCycles', ''], ['pdsaCycles', '\uffff'], true, true).toArray(),
      ])
      return {
        units: units.map(({ id, name }) => ({ id, name })),
        ideas,
        pdsaCycles,
        checklistRuns,
        checklistTemplates,
        actions,
        pdsaAuthors: history.map((h) => ({ recordId: h.recordId, by: h.by })),
      }
    },
  )
}
