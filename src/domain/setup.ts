// Validation for the first-run "set up your board" form.
import { ORG_NAME_MAX } from '../shared/adminLimits'
import { LIMITS, MAX_PEOPLE, validateName, type Errors } from './textRules'

export type SetupField = 'trustName' | 'csuName' | 'unitName' | 'boardName' | 'people' | 'yourName'

export interface SetupDraft {
  trustName: string
  csuName: string
  unitName: string
  unitKind: 'ward' | 'department'
  boardName: string
  /** One name per line, as typed. */
  people: string
  yourName: string
}

export { MAX_PEOPLE }

/** Split the people box into a clean, de-duplicated list (case-insensitive). */
export function parsePeople(text: string): string[] {
  const seen = new Set<string>()
  const people: string[] = []
  for (const line of text.split(/[\n,;]+/)) {
    const name = line.trim().replace(/\s+/g, ' ')
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase())
      people.push(name)
    }
  }
  return people
}

export function validateSetup(draft: SetupDraft): Errors<SetupField> {
  const errors: Errors<SetupField> = {
    trustName: validateName('the name of your trust', draft.trustName, ORG_NAME_MAX),
    csuName: validateName('the name of your clinical service unit (CSU)', draft.csuName, ORG_NAME_MAX),
    unitName: validateName('the name of your ward or department', draft.unitName, ORG_NAME_MAX),
    boardName: validateName('a name for the board', draft.boardName),
    yourName: validateName('your name', draft.yourName, LIMITS.person),
  }
  const people = parsePeople(draft.people)
  const tooLong = people.find((p) => p.length > LIMITS.person)
  if (tooLong)
    errors.people = `Each name must be ${LIMITS.person} characters or fewer ("${tooLong.slice(0, 20)}…" is too long)`
  else if (people.length > MAX_PEOPLE) errors.people = `Enter ${MAX_PEOPLE} names or fewer`
  for (const key of Object.keys(errors) as SetupField[]) if (!errors[key]) delete errors[key]
  return errors
}
