// Whose quick name list a board offers in "Who is doing this?" and the owner pickers.
// A ward's board uses its unit's list (the Unit record). A CSU's or the trust's own board
// has no unit record, so it keeps its own list on the board: synced in the board's own
// scope, so every tablet of that tri-team shares it.
import type { Tier } from './tiers'
import { LIMITS, MAX_PEOPLE } from './textRules'

/** A board as far as its list goes: whose scope it is, and its own list (CSU and trust boards). */
interface BoardPeople {
  unitId: string
  people?: unknown
}

/** Where a board's list is kept: on its unit, or (CSU and trust boards) on the board itself. */
export type PeopleHolder = 'unit' | 'board'

export function peopleHolder(tier: Tier): PeopleHolder {
  return tier === 'unit' ? 'unit' : 'board'
}

/** The names to offer on `board`: its unit's list when it has a unit record, else the board's own. */
export function peopleFor(
  board: BoardPeople | null | undefined,
  unit: { people: unknown } | null | undefined,
): string[] {
  if (!board) return []
  return namesIn(unit ? unit.people : board.people)
}

/** What the Settings card is called: "People on Ward 7", "People in the Medicine CSU tri-team". */
export function peopleHeading(tier: Tier, scopeName: string | null | undefined): string {
  const name = scopeName?.trim()
  if (tier === 'csu') return name ? `People in the ${name} tri-team` : 'People in the CSU tri-team'
  if (tier === 'trust') return name ? `People at the ${name} trust huddle` : 'People at the trust huddle'
  return name ? `People on ${name}` : 'People on the unit'
}

/** A plain-English problem with a parsed list (setup.ts `parsePeople`), or undefined. */
export function validatePeople(people: readonly string[]): string | undefined {
  if (people.some((p) => p.length > LIMITS.person)) return `Each name must be ${LIMITS.person} characters or fewer`
  if (people.length > MAX_PEOPLE) return `Enter ${MAX_PEOPLE} names or fewer`
  return undefined
}

// A list pulled from another tablet is read tolerantly: only non-blank names.
function namesIn(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.filter((name): name is string => typeof name === 'string' && name.trim() !== '')
}
