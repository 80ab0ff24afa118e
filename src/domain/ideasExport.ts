// What leaves the board about ideas: the CSV of a unit's ideas for a spreadsheet, the
// "You said, we did" list for huddles and newsletters, and the people named on an A3
// summary. Anonymous stays anonymous everywhere: no name is ever guessed from history.
// Pure: no Vue, no Dexie.
import { conceptById } from './concepts'
import type { CsvCell } from './csv'
import { formatDay, londonDay } from './dates'
import { ANONYMOUS, IDEA_STATUS_LABEL, raisedByText } from './ideas'
import type { DayKey, Idea, IdeaLevel } from './types'
import { wasteById } from './wastes'

export const IDEA_CSV_HEADER = [
  'Raised',
  'Status',
  'Problem',
  'Idea',
  'Expected benefit',
  'Wastes',
  'Raised by',
  'Owner',
  'Sponsor',
  'Effort',
  'Impact',
  'In status since',
  'Implemented',
  'Why not progressed',
  'LIM concepts',
  'PDSA cycles',
  'Measure',
] as const

const LEVEL: Record<IdeaLevel, string> = { low: 'Low', high: 'High' }

function day(instant: string | null): string {
  return instant ? formatDay(londonDay(new Date(instant))) : ''
}

/**
 * One row per idea, oldest first, under IDEA_CSV_HEADER. Cells are plain values:
 * csv.ts quotes and defuses them. `cycleCount` and `measureName` come from the caller.
 */
export function ideaCsvRows(
  ideas: readonly Idea[],
  cycleCount: (ideaId: string) => number = () => 0,
  measureName: (measureId: string) => string | undefined = () => undefined,
): CsvCell[][] {
  const rows = [...ideas]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((idea): CsvCell[] => [
      day(idea.createdAt),
      IDEA_STATUS_LABEL[idea.status],
      idea.problem,
      idea.idea,
      idea.benefit,
      idea.wastes.map((w) => wasteById(w)?.name ?? w).join('; '),
      raisedByText(idea),
      idea.owner,
      idea.sponsor,
      idea.effort ? LEVEL[idea.effort] : '',
      idea.impact ? LEVEL[idea.impact] : '',
      day(idea.statusChangedAt),
      day(idea.implementedAt),
      idea.notProgressedReason,
      idea.conceptIds.map((c) => conceptById(c)?.name ?? c).join('; '),
      cycleCount(idea.id),
      idea.measureId ? (measureName(idea.measureId) ?? '') : '',
    ])
  return [[...IDEA_CSV_HEADER], ...rows]
}

/** "ideas-ward-7a-2026-11-26.csv": safe for any file system. */
export function ideaCsvFileName(unitName: string, today: DayKey): string {
  const slug = unitName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `ideas-${slug || 'unit'}-${today}.csv`
}

/** Implemented (or since sustained) ideas whose implementation day is within the
 * period, the most recent first. */
export function implementedBetween<T extends Pick<Idea, 'status' | 'implementedAt'>>(
  ideas: readonly T[],
  from: DayKey,
  to: DayKey,
): T[] {
  return ideas
    .filter((i) => (i.status === 'implemented' || i.status === 'sustained') && i.implementedAt)
    .filter((i) => {
      const d = londonDay(new Date(i.implementedAt!))
      return d >= from && d <= to
    })
    .sort((a, b) => b.implementedAt!.localeCompare(a.implementedAt!))
}

export interface IdeaPeople {
  /** "Anonymous" when they chose not to give a name. */
  raisedBy: string
  owner: string
  sponsor: string
  /** Everyone else who changed the idea or its cycles, in the order they first did. */
  others: string[]
}

/** The people named on an idea's summary. `historyNames` are the `by` of its history
 * and its cycles' history; "Anonymous" and people already named are left out. */
export function ideaPeople(
  idea: Pick<Idea, 'raisedBy' | 'owner' | 'sponsor'>,
  historyNames: readonly string[],
): IdeaPeople {
  const named = new Set(
    [idea.raisedBy ?? '', idea.owner, idea.sponsor, ANONYMOUS, ''].map((n) => n.trim().toLocaleLowerCase('en-GB')),
  )
  const others: string[] = []
  for (const raw of historyNames) {
    const name = raw.trim()
    const key = name.toLocaleLowerCase('en-GB')
    if (named.has(key)) continue
    named.add(key)
    others.push(name)
  }
  return { raisedBy: raisedByText(idea), owner: idea.owner, sponsor: idea.sponsor, others }
}
