// A goal's A3, in the structure the method teaches: background, current condition, target condition,
// analysis (root cause), countermeasures, plan, follow-up. Kept on the goal itself as text fields (so
// two people editing different boxes offline both keep theirs, and the same box typed twice keeps both
// versions to choose from); each save counts a version, and the goal's history says who changed what.
import type { Goal } from '../types'
import { LIMITS } from '../validation'

export type A3Field =
  | 'a3Background'
  | 'a3CurrentCondition'
  | 'a3TargetCondition'
  | 'a3Analysis'
  | 'a3Countermeasures'
  | 'a3Plan'
  | 'a3FollowUp'

export interface A3Section {
  field: A3Field
  title: string
  hint: string
}

/** The boxes, in the order the method reads them: the left half (why and where we are), then the right. */
export const A3_SECTIONS: readonly A3Section[] = [
  { field: 'a3Background', title: 'Background', hint: 'Why this matters now: the trust goal it serves, for whom.' },
  {
    field: 'a3CurrentCondition',
    title: 'Current condition',
    hint: 'What happens today, in facts and the measure (its SPC chart is shown beside this box).',
  },
  { field: 'a3TargetCondition', title: 'Target condition', hint: 'What will be true, by when, in the measure.' },
  {
    field: 'a3Analysis',
    title: 'Analysis and root cause',
    hint: 'Why the gap exists: 5 whys, fishbone, what the data says.',
  },
  { field: 'a3Countermeasures', title: 'Countermeasures', hint: 'What we will change, each aimed at a cause.' },
  { field: 'a3Plan', title: 'Plan', hint: 'Who does what, by when.' },
  { field: 'a3FollowUp', title: 'Follow-up', hint: 'How and when we check it worked, and what we do if it did not.' },
]

export const A3_TEXT_MAX = LIMITS.notes

export type A3Draft = Record<A3Field, string>

export function a3DraftOf(goal: Partial<Goal> | undefined): A3Draft {
  return Object.fromEntries(A3_SECTIONS.map(({ field }) => [field, goal?.[field] ?? ''])) as A3Draft
}

/** Errors by box, and the boxes that changed from what the form showed (trimmed), with the next version. */
export function validateA3(
  draft: A3Draft,
  shown: A3Draft,
  version: number,
): { errors: Partial<Record<A3Field, string>>; changes?: Partial<A3Draft> & { a3Version: number } } {
  const errors: Partial<Record<A3Field, string>> = {}
  const changes: Partial<A3Draft> = {}
  for (const { field, title } of A3_SECTIONS) {
    const text = draft[field].trim()
    const length = [...text].length
    if (length > A3_TEXT_MAX)
      errors[field] =
        `${title} must be ${A3_TEXT_MAX.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`
    else if (text !== shown[field].trim()) changes[field] = text
  }
  if (Object.keys(errors).length) return { errors }
  if (Object.keys(changes).length === 0) return { errors: {}, changes: { a3Version: version } }
  return { errors, changes: { ...changes, a3Version: version + 1 } }
}

/** "Version 3", or "Not started" before the first save. */
export function a3VersionText(goal: Pick<Goal, 'a3Version'>): string {
  return goal.a3Version ? `Version ${goal.a3Version}` : 'Not started'
}
