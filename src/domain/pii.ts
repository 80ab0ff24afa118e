// Spotting text that may identify a patient, before it is saved to a huddle board.
//
// Boards are seen by everyone who walks past the ward tablet and are synced to every
// tablet of the unit, so they must never hold patient-identifiable information. This
// cannot be proved by a program: these rules catch the shapes that turn up on real
// boards (an NHS number copied from a wristband, "DOB 12/03/1948", "MRN 1234567",
// "bed 12 Mrs Smith", "Bed 12 Edith fell", "Mrs Jones fell again") and the person
// decides. Each rule is deliberately narrow, because a guard that cries wolf on "Bed 12
// needs a new pressure mattress" teaches staff to tap "Save anyway" without reading
// (the false-alarm rate on 200 ordinary ward sentences is measured in tests/unit/pii.test.ts). Pure: no Vue, no DOM; shared with the server.
import {
  BED_AND_NAME,
  DATE_OF_BIRTH,
  FIRST_NAME_AT_BED,
  HOSPITAL_NUMBER_LABELLED,
  NHS_NUMBER,
  TITLED_NAME_EVENT,
  TRUST_CODE_NUMBER,
  isRealDate,
} from './piiPatterns'

export type PiiKind = 'nhs-number' | 'date-of-birth' | 'hospital-number' | 'bed-and-name' | 'name-and-event'

export interface PiiFinding {
  kind: PiiKind
  /** Where the match is in the text: `text.slice(start, end) === matched`. */
  start: number
  end: number
  matched: string
  /** Plain English for the warning, e.g. "an NHS number (943 476 5919)". */
  message: string
}

const PII_KIND_LABEL: Record<PiiKind, string> = {
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date of birth',
  'hospital-number': 'a hospital number',
  'bed-and-name': 'a bed and a name together',
  'name-and-event': "a patient's name",
}

/** When two findings overlap, the more specific one is kept: an NHS number inside
 * "hospital no 943 476 5919" is reported once, as an NHS number. */
const PRIORITY: PiiKind[] = ['nhs-number', 'date-of-birth', 'hospital-number', 'bed-and-name', 'name-and-event']

/**
 * The NHS number's own check: weights 10 down to 2 on the first nine digits, remainder
 * of the sum divided by 11, check digit = 11 − remainder (11 becomes 0; 10 means the
 * number cannot exist). About one random 10-digit number in eleven passes, which is why
 * phone numbers and order codes are mostly left alone.
 */
export function isValidNhsNumber(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(digits)) return false
  // "000 000 0000" and "111 111 1111" pass the sum but are dummy numbers, never issued.
  if (/^(\d)\1{9}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 10) return false
  return (check === 11 ? 0 : check) === Number(digits[9])
}

/** Every likely patient identifier in `text`, in the order they appear; none → []. */
export function findLikelyPatientIdentifiers(text: string): PiiFinding[] {
  if (!text) return []
  const found: PiiFinding[] = []
  const add = (kind: PiiKind, start: number, matched: string) => {
    const trimmed = matched.trimEnd()
    found.push({
      kind,
      start,
      end: start + trimmed.length,
      matched: trimmed,
      message: `${PII_KIND_LABEL[kind]} (${trimmed})`,
    })
  }

  for (const m of text.matchAll(NHS_NUMBER)) {
    if (isValidNhsNumber(m[0])) add('nhs-number', m.index, m[0])
  }
  for (const m of text.matchAll(DATE_OF_BIRTH)) {
    const g = m.groups ?? {}
    // Only a lower-case "b." counts as "born": a capital "B." is usually Bay B or Ward B.
    if (g.label === 'B.') continue
    if (isRealDate(g)) add('date-of-birth', m.index, m[0])
  }
  for (const m of text.matchAll(HOSPITAL_NUMBER_LABELLED)) {
    // A number labelled "NHS number" is one, even mistyped: the label says what it is.
    // It is reported as the number alone, like an unlabelled one.
    const id = m.groups?.id ?? ''
    const digits = id.replace(/\D/g, '')
    if (/^nhs/i.test(m.groups?.label ?? '')) {
      if (digits.length === 10) add('nhs-number', m.index + m[0].lastIndexOf(id), id)
    } else if (digits.length >= 5) add('hospital-number', m.index, m[0])
  }
  for (const m of text.matchAll(TRUST_CODE_NUMBER)) add('hospital-number', m.index, m[0])
  for (const m of text.matchAll(BED_AND_NAME)) add('bed-and-name', m.index, m[0])
  for (const m of text.matchAll(FIRST_NAME_AT_BED)) add('bed-and-name', m.index, m[0])
  for (const m of text.matchAll(TITLED_NAME_EVENT)) add('name-and-event', m.index, m[0])

  return keepOnePerSpan(found)
}

function keepOnePerSpan(found: PiiFinding[]): PiiFinding[] {
  const ranked = [...found].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start)
  const kept: PiiFinding[] = []
  for (const finding of ranked) {
    if (!kept.some((k) => finding.start < k.end && k.start < finding.end)) kept.push(finding)
  }
  return kept.sort((a, b) => a.start - b.start)
}
