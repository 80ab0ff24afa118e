// Finding ideas on a busy board, and choosing what to try next. The filters narrow the
// board by words, status, waste, LIM concept, person and the day raised; the PICK grid
// sorts open ideas by effort and impact (Possible, Implement, Challenge, Kill), the
// standard Lean way to pick the next test. Pure: no Vue, no Dexie.
import { londonDay } from './dates'
import type { DayKey, Idea, IdeaLevel, IdeaStatus, WasteId } from './types'

export interface IdeaFilter {
  /** Words to find in the problem, idea, benefit or reason. */
  text: string
  status: IdeaStatus | ''
  waste: WasteId | ''
  conceptId: string
  /** Part of the name of who raised it, the owner or the sponsor. */
  person: string
  /** Raised on or after / on or before these London days; '' for no limit. */
  from: DayKey | ''
  to: DayKey | ''
}

export function emptyFilter(): IdeaFilter {
  return { text: '', status: '', waste: '', conceptId: '', person: '', from: '', to: '' }
}

export function isFiltering(filter: IdeaFilter): boolean {
  return Object.values(filter).some((v) => v.trim() !== '')
}

/** Case- and accent-insensitive, so "Zoe" finds "Zoë". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB')
}

/** When the from day is after the to day, a plain-English note; else undefined. */
export function filterProblem(filter: IdeaFilter): string | undefined {
  return filter.from && filter.to && filter.from > filter.to
    ? 'The “from” date is after the “to” date, so no idea can match'
    : undefined
}

/**
 * The ideas that match every filter given. `cycleConcepts` adds the concepts linked
 * on an idea's PDSA cycles, so an idea is found by what its tests practised too.
 */
export function filterIdeas<T extends Idea>(
  ideas: readonly T[],
  filter: IdeaFilter,
  cycleConcepts: ReadonlyMap<string, readonly string[]> = new Map(),
): T[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean)
  const person = fold(filter.person.trim())
  return ideas.filter((idea) => {
    if (filter.status && idea.status !== filter.status) return false
    if (filter.waste && !idea.wastes.includes(filter.waste)) return false
    if (
      filter.conceptId &&
      !idea.conceptIds.includes(filter.conceptId) &&
      !cycleConcepts.get(idea.id)?.includes(filter.conceptId)
    )
      return false
    if (person && ![idea.raisedBy ?? '', idea.owner, idea.sponsor].some((name) => fold(name).includes(person)))
      return false
    if (filter.from || filter.to) {
      const raised = londonDay(new Date(idea.createdAt))
      if (filter.from && raised < filter.from) return false
      if (filter.to && raised > filter.to) return false
    }
    if (words.length) {
      const haystack = fold([idea.problem, idea.idea, idea.benefit, idea.notProgressedReason].join('\n'))
      if (!words.every((w) => haystack.includes(w))) return false
    }
    return true
  })
}

export type PickQuadrant = 'possible' | 'implement' | 'challenge' | 'kill'

export interface PickQuadrantInfo {
  id: PickQuadrant
  label: string
  effort: IdeaLevel
  impact: IdeaLevel
  hint: string
}

/** Laid out as the grid reads: high impact on top, low effort on the left. */
export const PICK_QUADRANTS: readonly PickQuadrantInfo[] = [
  {
    id: 'implement',
    label: 'Implement',
    effort: 'low',
    impact: 'high',
    hint: 'High impact, low effort: do these first',
  },
  {
    id: 'challenge',
    label: 'Challenge',
    effort: 'high',
    impact: 'high',
    hint: 'High impact, high effort: worth it, plan carefully',
  },
  {
    id: 'possible',
    label: 'Possible',
    effort: 'low',
    impact: 'low',
    hint: 'Low impact, low effort: quick wins when there is time',
  },
  { id: 'kill', label: 'Kill', effort: 'high', impact: 'low', hint: 'Low impact, high effort: probably not worth it' },
]

export function pickQuadrant(effort: IdeaLevel | null, impact: IdeaLevel | null): PickQuadrant | null {
  if (!effort || !impact) return null
  return PICK_QUADRANTS.find((q) => q.effort === effort && q.impact === impact)!.id
}

/** Still open: on the board and not yet done with. */
const OPEN_STATUSES: readonly IdeaStatus[] = ['new', 'review', 'testing']

/** The open ideas in their quadrants, and those not rated yet (effort or impact missing). */
export function pickGrid<T extends Pick<Idea, 'status' | 'effort' | 'impact' | 'createdAt'>>(
  ideas: readonly T[],
): Record<PickQuadrant, T[]> & { unrated: T[] } {
  const grid = { possible: [] as T[], implement: [] as T[], challenge: [] as T[], kill: [] as T[], unrated: [] as T[] }
  const open = ideas
    .filter((i) => OPEN_STATUSES.includes(i.status))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  for (const idea of open) grid[pickQuadrant(idea.effort, idea.impact) ?? 'unrated'].push(idea)
  return grid
}
