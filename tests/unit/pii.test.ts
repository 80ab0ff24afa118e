import { describe, expect, it } from 'vitest'
import { findLikelyPatientIdentifiers, isValidNhsNumber, type PiiKind } from '@/domain/pii'
import { SAFE_WARD_TEXTS } from './piiSafeTexts'

/** The same modulus-11 rule written out longhand, to make fresh valid numbers from any nine digits. */
function withCheckDigit(nine: string): string | null {
  const sum = [...nine].reduce((total, d, i) => total + Number(d) * (10 - i), 0)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? null : nine + String(check)
}

const found = (text: string) => findLikelyPatientIdentifiers(text).map((f) => [f.kind, f.matched])

describe('isValidNhsNumber', () => {
  it.each([
    ['943 476 5919', true, 'the well-known test number, spaced'],
    ['9434765919', true, 'run together'],
    ['943-476-5919', true, 'with dashes'],
    ['401 023 2137', true, 'check digit 7 (remainder 4)'],
    ['450 557 7104', true, 'check digit 4'],
    ['485 777 3457', true, 'check digit 7'],
    ['600 000 0006', true, 'check digit 6'],
    ['400 000 0020', true, 'remainder 0: 11 becomes check digit 0'],
    ['943 476 5918', false, 'one digit out'],
    ['401 023 2138', false, 'last digit changed'],
    ['123 456 7890', false, 'check would be 10, so no such number'],
    ['000 000 0000', false, 'a dummy number passes the sum but is never issued'],
    ['943 476 591', false, 'nine digits'],
    ['943 476 59191', false, 'eleven digits'],
    ['943 476 591X', false, 'a letter'],
  ])('%s → %s (%s)', (text, valid) => {
    expect(isValidNhsNumber(text)).toBe(valid)
  })

  it('agrees with the rule written out longhand for many numbers', () => {
    for (let n = 400_000_000; n < 400_000_000 + 5000 * 7919; n += 7919) {
      const made = withCheckDigit(String(n))
      if (made) expect(isValidNhsNumber(made)).toBe(true)
      // Every other last digit is wrong.
      const wrong = String(n) + String((Number(made?.[9] ?? 0) + 1) % 10)
      if (made) expect(isValidNhsNumber(wrong)).toBe(false)
    }
  })

  it('has the check digits the tests rely on', () => {
    expect(withCheckDigit('400000002')).toBe('4000000020')
    expect(withCheckDigit('123456789')).toBeNull()
  })
})

describe('findLikelyPatientIdentifiers: NHS numbers', () => {
  it.each<[string, [PiiKind, string][]]>([
    ['943 476 5919', [['nhs-number', '943 476 5919']]],
    ['Patient 9434765919 to ward', [['nhs-number', '9434765919']]],
    ['nhs:943-476-5919.', [['nhs-number', '943-476-5919']]],
    ['bed 12 943 476 5919 moved', [['nhs-number', '943 476 5919']]],
    [
      'two: 401 023 2137 and 4857773457',
      [
        ['nhs-number', '401 023 2137'],
        ['nhs-number', '4857773457'],
      ],
    ],
    ['NHS number 943 476 5918 (mistyped but labelled)', [['nhs-number', '943 476 5918']]],
    ['NHS no: 943 476 5919', [['nhs-number', '943 476 5919']]],
    ['hosp no 9434765919', [['nhs-number', '9434765919']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each([
    ['an invalid check digit, spaced', 'Call 943 476 5918 about the audit'],
    ['an invalid check digit, run together', 'Order 9434765918 placed'],
    ['a 10-digit number whose check would be 10', 'Ref 1234567890'],
    ['a valid number inside a longer digit run', 'Barcode 12943476591900'],
    ['a valid number after a leading 0', 'Ring 09434765919'],
    ['a valid number joined by a dash to more digits', 'Ref 12-943-476-5919'],
    ['a valid number with a decimal after it', 'Total 9434765919.5'],
    ['a landline', 'Bleep switchboard on 0113 243 3144'],
    ['an international number', 'Call +44 943 476 5919'],
    ['a mobile', 'Ward mobile 07700 900123'],
    ['an extension', 'ext 4567'],
    ['a dummy number', 'NHS number field shows 000 000 0000'],
  ])('does not flag %s', (_, text) => {
    expect(found(text)).toEqual([])
  })

  it('gives the span and a plain-English message', () => {
    const text = 'Please check 943 476 5919 today'
    const [finding] = findLikelyPatientIdentifiers(text)
    expect(finding).toEqual({
      kind: 'nhs-number',
      start: 13,
      end: 25,
      matched: '943 476 5919',
      message: 'an NHS number (943 476 5919)',
    })
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.matched)
  })
})

describe('findLikelyPatientIdentifiers: dates of birth', () => {
  it.each([
    ['DOB 12/03/1948', 'DOB 12/03/1948'],
    ['dob: 1-3-48', 'dob: 1-3-48'],
    ['D.O.B. 12.03.1948', 'D.O.B. 12.03.1948'],
    ['Date of birth 3 March 1948', 'Date of birth 3 March 1948'],
    ['born on the 3rd of Mar 1948', 'born on the 3rd of Mar 1948'],
    ['Mrs S b. 12/3/48 needs review', 'b. 12/3/48'],
    ['DOB March 3, 1948', 'DOB March 3, 1948'],
    ['DOB is 02-11-1950, falls risk', 'DOB is 02-11-1950'],
    // Year first, as systems print them, and run together
    ['DOB 1945-03-12', 'DOB 1945-03-12'],
    ['DOB 1945/03/12', 'DOB 1945/03/12'],
    ['dob 1945.3.12 on the label', 'dob 1945.3.12'],
    ['DOB 19450312', 'DOB 19450312'],
    ['D.O.B: 12031945', 'D.O.B: 12031945'],
    ['born 19480229 per the notes', 'born 19480229'],
  ])('%s', (text, matched) => {
    expect(found(text)).toEqual([['date-of-birth', matched]])
  })

  it.each([
    ['a date with no label', '3 falls on 24/11/2026'],
    ['a date range', 'Audit 01/11/2026 - 30/11/2026'],
    ['a year only', 'born 1948'],
    ['a label with no date', 'Check DOB on the wristband'],
    ['a capital "B." (Bay B)', 'Bay B. 12/03/2026 two falls'],
    ['a label in another sentence', 'Baby born. Falls on 24/11/2026'],
    ['a label too many words away', 'DOB was written on the board 12/03/2026'],
    ['not a real date', 'DOB 45/13/1948'],
    ['"born" inside a word', 'Stubborn leak 12/03/2026'],
    ['a year-first date with no label', 'Training due 2026-12-01'],
    ['a year-first date that is not real', 'DOB 1945-13-12'],
    ['a run-together number that is not a date', 'DOB 19451399'],
    ['a run-together number with no label', 'Stock ref 20261130 delivered'],
    ['nine digits', 'DOB 194503121'],
  ])('does not flag %s', (_, text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findLikelyPatientIdentifiers: hospital numbers', () => {
  it.each([
    ['MRN 1234567', 'MRN 1234567'],
    ['mrn: K1234567 chased', 'mrn: K1234567'],
    ['Hospital number 12345678', 'Hospital number 12345678'],
    ['hosp no. RR8 123456', 'hosp no. RR8 123456'],
    ['Unit no: 0123456', 'Unit no: 0123456'],
    ['case note number A123456', 'case note number A123456'],
    ['patient ID 55512345', 'patient ID 55512345'],
    ['Notes for RR8 123456 sent', 'RR8 123456'],
    ['RTH1234567', 'RTH1234567'],
  ])('%s', (text, matched) => {
    expect(found(text)).toEqual([['hospital-number', matched]])
  })

  it.each([
    ['a label with no number', 'Check hospital number on wristbands'],
    ['a short number', 'unit no 3'],
    ['a ward', 'Ward 7'],
    ['an unlabelled number', 'Spent 1234567 pence'],
    ['a lower-case code', 'rr8 123456'],
    ['a product code', 'Order code FWB123 x 2'],
  ])('does not flag %s', (_, text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findLikelyPatientIdentifiers: a bed and a name', () => {
  it.each([
    ['bed 12 Mrs Smith', 'bed 12 Mrs Smith'],
    ['Bay 3 bed 4 - John Smith', 'Bay 3 bed 4 - John Smith'],
    ['Mr Jones in bed 6', 'Mr Jones in bed 6'],
    ['side room 2 Mrs Patel', 'side room 2 Mrs Patel'],
    ["Bed 4: Miss O'Brien for discharge", "Bed 4: Miss O'Brien"],
    ['Mrs Smith (bed 4) home today', 'Mrs Smith (bed 4)'],
    ['bed 12 mrs smith', 'bed 12 mrs smith'],
    ['Cubicle 3 is Mr A. Khan', 'Cubicle 3 is Mr A. Khan'],
    ['José Núñez is in bay 2', 'José Núñez is in bay 2'],
    // A first name alone beside a bed
    ['Bed 12 Edith fell', 'Bed 12 Edith'],
    ['bed 4: Doris for discharge', 'bed 4: Doris'],
    ['Edith in bed 12 unsettled', 'Edith in bed 12'],
    ['Side room 3 - ARTHUR', 'Side room 3 - ARTHUR'],
    ['Bay 3 Edith fell again', 'Bay 3 Edith fell'],
    ['Bay 2: Mohammed refusing meds', 'Bay 2: Mohammed refusing'],
  ])('%s', (text, matched) => {
    expect(found(text)).toEqual([['bed-and-name', matched]])
  })

  it.each([
    ['Mrs Jones fell again at 03:00', 'Mrs Jones fell'],
    ['mr smith has fallen twice', 'mr smith has fallen'],
    ['Miss Ahmed refused her tablets', 'Miss Ahmed refused'],
    ['Mr T. Evans very confused overnight', 'Mr T. Evans very confused'],
    ['Mrs Brown pressure ulcer grade 2', 'Mrs Brown pressure ulcer'],
  ])('a titled name with what happened to them: %s', (text, matched) => {
    expect(found(text)).toEqual([['name-and-event', matched]])
  })

  it.each([
    ['Bed 12 needs a new pressure mattress'],
    ['Bed 12 Needs New Mattress'],
    ['Bay 3 Deep Clean today'],
    ['bed 4 MS patient'],
    ['Bed 6 Dr Khan to review'],
    ['Bed 7 free, Staff Nurse on break'],
    ['Mr Jones to review bed 6'],
    ['Ward 7 Mrs Smith'],
    ['Side room 2 closed for cleaning'],
  ])('does not flag "%s"', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('false alarms on ordinary ward sentences', () => {
  it('there are at least 200 of them, all different', () => {
    expect(SAFE_WARD_TEXTS.length).toBeGreaterThanOrEqual(200)
    expect(new Set(SAFE_WARD_TEXTS).size).toBe(SAFE_WARD_TEXTS.length)
  })

  it('flags none of them (false-alarm rate 0 of 200)', () => {
    const alarms = SAFE_WARD_TEXTS.filter((t) => findLikelyPatientIdentifiers(t).length > 0).map((t) => [t, found(t)])
    expect(alarms).toEqual([])
  })
})

describe('findLikelyPatientIdentifiers: mixed text', () => {
  it('finds each kind once, in order, in a long note', () => {
    const text = [
      'Bed 12 needs a new pressure mattress. 3 falls on 24/11/2026, ext 4567.',
      'Mr Jones in bed 6 (NHS 943 476 5919, DOB 12/03/1948, MRN 1234567).',
    ].join('\n')
    expect(found(text)).toEqual([
      ['bed-and-name', 'Mr Jones in bed 6'],
      ['nhs-number', '943 476 5919'],
      ['date-of-birth', 'DOB 12/03/1948'],
      ['hospital-number', 'MRN 1234567'],
    ])
  })

  it('copes with empty, long, emoji and right-to-left text', () => {
    expect(findLikelyPatientIdentifiers('')).toEqual([])
    expect(found('😀 שלום 943 476 5919 مرحبا')).toEqual([['nhs-number', '943 476 5919']])
    const long = 'Bed 12 needs a new pressure mattress. '.repeat(300) + '9434765919'
    const started = performance.now()
    expect(found(long)).toEqual([['nhs-number', '9434765919']])
    expect(performance.now() - started).toBeLessThan(500)
  })
})
