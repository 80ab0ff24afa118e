// Read-only: the records on this tablet that link to one LIM concept, for the concept
// page's local examples. There is no index on `conceptIds` (the schema belongs to
// db.ts and a tablet holds a few units' worth of rows), so measures and actions are
// scanned; day notes are read only for the linked measures, through their index.
import type { ConceptLinkRows } from '@/domain/conceptExamples'
import type { HuddleDatabase } from './db'

const linksTo = (conceptIds: unknown, conceptId: string) => Array.isArray(conceptIds) && conceptIds.includes(conceptId)

export async function readConceptLinks(database: HuddleDatabase, conceptId: string): Promise<ConceptLinkRows> {
  return database.transaction('r', [database.units, database.measures, database.entries, database.actions], async () => {
    const [units, measures, actions] = await Promise.all([
      database.units.toArray(),
      database.measures.filter((m) => linksTo(m.conceptIds, conceptId)).toArray(),
      database.actions.filter((a) => linksTo(a.conceptIds, conceptId)).toArray(),
    ])
    // Days are `YYYY-MM-DD`, so '' and '\uffff' bound every day of a measure.
    const entries = await Promise.all(
      measures.map((m) => database.entries.where('[measureId+day]').between([m.id, ''], [m.id, '\uffff'], true, true)
        .filter((e) => typeof e.comment === 'string' && e.comment.trim() !== '').toArray()),
    )
    return { units: units.map(({ id, name }) => ({ id, name })), measures, entries: entries.flat(), actions }
  })
}
