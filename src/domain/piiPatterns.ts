// The patterns behind findLikelyPatientIdentifiers (pii.ts), one per kind, each with
// the reason for its edges. They are kept narrow on purpose: see pii.ts.
import { FIRST_NAMES } from './piiNames'

/** "bed" → "[bB][eE][dD]": case-free words inside a pattern whose names must keep their capitals. */
const ci = (words: string) => words.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)
const anyOf = (words: string[]) => `(?:${words.map(ci).join('|')})`

// ——— NHS numbers ———
// 10 digits, run together or written 3-3-4 with spaces or dashes (as on letters and
// wristbands). Not when part of a longer digit run: the digits must not touch another
// digit, a dash- or dot-joined digit ("12-943…", "…5919.5"), or a "+44 " dialling
// prefix, so "0113 243 3144" (whose last 10 digits follow a 0) is a phone number. A
// number after a space ("bed 12 943 476 5919") is still looked at: missing a real NHS
// number is worse than a false alarm. The check digit is tested in pii.ts.
const GAP = '[ \\u00a0-]?'
export const NHS_NUMBER = new RegExp(
  String.raw`(?<![\d+])(?<!\d[-.])(?<!\+\d{1,3} )\d{3}${GAP}\d{3}${GAP}\d{4}(?![-.]?\d)`,
  'g',
)

// ——— Dates of birth ———
// A date on its own is ordinary ("3 falls on 24/11/2026"); a date within a few words
// after DOB, D.O.B., date of birth, born or a lower-case "b." is a date of birth.
// Dates: 12/03/1948, 12-3-48, 12.03.1948, 3 March 1948, 3rd of Mar 1948, March 3, 1948,
// year first as systems print them (1948-03-12, 1948/03/12, 1948.3.12) and run together
// (19480312, or 12031948 day first) with a real month and day.
// A year on its own ("born 1948") is not flagged: it identifies no one by itself.
const MONTHS = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`
const DOB_LABEL = String.raw`(?<label>\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bborn\b|(?<![\p{L}\p{N}])b\.)`
// Up to three words between label and date, but never across a full stop: "Baby born.
// Falls on 24/11/2026" is two sentences.
const DOB_GAP = String.raw`[\s:=(,–—-]*(?:[\p{L}']{1,15}[\s:=(,–—-]+){0,3}?`
const MONTH_NUMBER = '(?:0[1-9]|1[0-2])'
const DAY_NUMBER = '(?:0[1-9]|[12]\\d|3[01])'
const CENTURY_YEAR = '(?:18|19|20)\\d{2}'
const DATE = String.raw`(?<![\d/.-])(?:(?<nd>\d{1,2})[/.-](?<nm>\d{1,2})[/.-](?<ny>\d{4}|\d{2})|(?<iy>${CENTURY_YEAR})[/.-](?<im>\d{1,2})[/.-](?<idd>\d{1,2})|(?<cy>${CENTURY_YEAR})(?<cm>${MONTH_NUMBER})(?<cd>${DAY_NUMBER})|(?<kd>${DAY_NUMBER})(?<km>${MONTH_NUMBER})(?<ky>${CENTURY_YEAR})|(?<wd>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<wm>${MONTHS})\.?,?\s+(?<wy>\d{4}|\d{2})|(?<um>${MONTHS})\.?\s+(?<ud>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<uy>\d{4}|\d{2}))(?![\d/])`
export const DATE_OF_BIRTH = new RegExp(DOB_LABEL + DOB_GAP + DATE, 'giu')

const MONTH_STARTS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Day 1–31 and month 1–12, so "DOB 45/13/1948"-shaped noise is not called a date. */
export function isRealDate(groups: Record<string, string | undefined>): boolean {
  const day = Number(groups.nd ?? groups.wd ?? groups.ud ?? groups.idd ?? groups.cd ?? groups.kd)
  const named = groups.wm ?? groups.um
  const month = named
    ? MONTH_STARTS.indexOf(named.slice(0, 3).toLowerCase()) + 1
    : Number(groups.nm ?? groups.im ?? groups.cm ?? groups.km)
  return day >= 1 && day <= 31 && month >= 1 && month <= 12
}

// ——— Hospital numbers ———
// Trusts issue their own numbers (MRN, hospital, unit, case-note or PAS number) in many
// shapes: digits alone, or a letter or two and digits (e.g. "K1234567"). Digits alone
// are everywhere on a board, so a number counts only after one of those labels, with
// at least 5 digits ("unit no 3" is not one). An "NHS number" label counts whatever
// the check digit: a mistyped NHS number still points at a patient.
const NUMBER_WORD = String.raw`(?:number|num|no\b\.?|#)`
const ID_LABEL = String.raw`(?<label>\bMRN\b|\bM\.R\.N\b\.?|\bhosp(?:ital)?\.?\s*${NUMBER_WORD}|\bunit\s+${NUMBER_WORD}|\bcase\s*notes?\s+${NUMBER_WORD}|\bPAS\s+(?:${NUMBER_WORD}|id\b)|\bpatient\s+(?:${NUMBER_WORD}|id\b)|\bNHS\s*${NUMBER_WORD})`
const ID = String.raw`(?<id>(?:\p{L}{1,3}\d{0,2}[ /-]?)?\d(?:[ -]?\d){4,11})(?![\p{L}\p{N}])`
export const HOSPITAL_NUMBER_LABELLED = new RegExp(ID_LABEL + String.raw`[\s:#=.(-]*(?:is\s+)?` + ID, 'giu')

// Without a label, only the shape that cannot be anything else on a ward board: an NHS
// trust's organisation code (R and two letters or digits, e.g. RR8, RTH) in capitals,
// then 6–8 digits ("RR8 123456").
export const TRUST_CODE_NUMBER = /\bR[A-Z0-9]{2}[ /-]?\d{6,8}\b/g

// ——— A bed and a name ———
// A bed, bay or side room with a person's name next to it ("bed 12 Mrs Smith", "Bay 3
// bed 4 - John Smith", "Mr Jones in bed 6", "side room 2 Mrs Patel") tells anyone who
// reads the board who is lying where. A name is a title (Mr, Mrs, Miss, Ms, Mx) and a
// surname, or two capitalised words. "Dr" is left out: "bed 6 Dr Khan to review" names
// the doctor. Words that often follow a bed number ("Bed 12 Needs New Mattress") are not
// names; the list need not be complete because the person can still save.
const NOT_NAMES = [
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'has',
  'have',
  'in',
  'is',
  'needs',
  'need',
  'new',
  'no',
  'not',
  'now',
  'of',
  'on',
  'or',
  'out',
  'please',
  'the',
  'to',
  'was',
  'will',
  'with',
  'awaiting',
  'waiting',
  'ready',
  'empty',
  'free',
  'closed',
  'open',
  'blocked',
  'clean',
  'cleaned',
  'cleaning',
  'deep',
  'dirty',
  'broken',
  'fixed',
  'repair',
  'repaired',
  'order',
  'ordered',
  'pressure',
  'mattress',
  'air',
  'alarm',
  'sensor',
  'mat',
  'call',
  'bell',
  'bed',
  'bay',
  'side',
  'room',
  'ward',
  'chair',
  'bariatric',
  'isolation',
  'isolated',
  'infection',
  'covid',
  'flu',
  'norovirus',
  'sepsis',
  'falls',
  'fall',
  'risk',
  'high',
  'low',
  'discharge',
  'discharged',
  'discharges',
  'moved',
  'move',
  'transfer',
  'transferred',
  'admission',
  'admitted',
  'home',
  'today',
  'tomorrow',
  'tonight',
  'morning',
  'afternoon',
  'evening',
  'night',
  'nights',
  'days',
  'team',
  'staff',
  'nurse',
  'nurses',
  'doctor',
  'doctors',
  'patient',
  'patients',
  'male',
  'female',
  'dr',
  'sister',
  'matron',
  'consultant',
  'review',
  'reviewed',
  'physio',
  'fire',
  'door',
  'window',
  'light',
  'tv',
  'red',
  'amber',
  'green',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const NOT_NAME = String.raw`(?!${anyOf(NOT_NAMES)}\b)`
// "MS" and "MX" in capitals are left out of titles: "bed 4 MS patient" is a diagnosis.
const TITLE = String.raw`(?:Mrs?|MRS?|mrs?|Miss|MISS|miss|Ms|ms|Mx|mx|Master)\.?`
const SURNAME = String.raw`${NOT_NAME}\p{L}[\p{L}'’-]*\p{L}`
const NAME_WORD = String.raw`${NOT_NAME}(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`
const PERSON = String.raw`(?:${TITLE}\s+(?:\p{Lu}\.?\s+)?${SURNAME}|${NAME_WORD}\s+${NAME_WORD})(?![\p{L}\p{N}])`
const PLACE = String.raw`\b${anyOf(['bed', 'bay', 'side room', 'sideroom', 'cubicle', 'room', 'chair', 'trolley'])}\s*(?:${ci('no')}\.?\s*)?\d{1,2}[A-Za-z]?\b`
const PLACES = String.raw`${PLACE}(?:[\s,/-]+${PLACE})*`
const PLACE_THEN_PERSON = String.raw`${PLACES}(?:\s*[:,;=(–—-]\s*|\s+)(?:${ci('is')}\s+)?${PERSON}`
// The other way round needs "in", "on", "at" or a bracket: "Mrs Smith (bed 4)", "Mr Jones in bed 6".
const PERSON_THEN_PLACE = String.raw`${PERSON}\s*(?:\(\s*|,?\s+(?:${ci('is')}\s+)?${anyOf(['in', 'on', 'at'])}\s+(?:${ci('the')}\s+)?)${PLACES}\)?`
export const BED_AND_NAME = new RegExp(`${PLACE_THEN_PERSON}|${PERSON_THEN_PLACE}`, 'gu')

// A first name alone ("Bed 12 Edith fell", "Edith in bed 12") counts when it is a known
// first name written with its capital (piiNames.ts), so "Bed 12 Cleaned" does not. Only
// beside a place that holds one patient: boards allocate staff by bay ("Bay 1: Sarah,
// Bay 2: Helen"), so beside a bay a first name counts only with a patient event after it
// ("Bay 3 Edith fell"; the events are listed below).
const FIRST_NAME = String.raw`(?:${FIRST_NAMES.join('|')}|${FIRST_NAMES.map((n) => n.toUpperCase()).join('|')})(?![\p{L}\p{N}'’-])`
const ONE_PATIENT_PLACE = String.raw`\b${anyOf(['bed', 'side room', 'sideroom', 'cubicle', 'chair', 'trolley'])}\s*(?:${ci('no')}\.?\s*)?\d{1,2}[A-Za-z]?\b`
const BAY = String.raw`\b${anyOf(['bay', 'room'])}\s*(?:${ci('no')}\.?\s*)?\d{1,2}[A-Za-z]?\b`
const BESIDE = String.raw`(?:\s*[:,;=(–—-]\s*|\s+)(?:${ci('is')}\s+)?`
const IN_PLACE = String.raw`,?\s+(?:${ci('is')}\s+)?${anyOf(['in', 'on', 'at'])}\s+(?:${ci('the')}\s+)?`
// ——— A titled name and what happened to them ———
// "Mrs Jones fell again at 03:00" names a patient without a bed. A title and a surname
// count when, within two little words, what follows is something that happens to a
// patient (a fall, a refusal, confusion, a pressure ulcer...). Staff are named with a title
// too ("Mr Patel to review", "Mrs Khan, ward manager"), so review, admit, discharge and
// the like are not on the list: a surgeon discharges patients.
const LINK_WORD = anyOf(['has', 'had', 'was', 'is', 'again', 'just', 'then', 'also', 'nearly', 'been', 'very'])
const PATIENT_EVENT = anyOf([
  'fell',
  'fallen',
  'fall',
  'falls',
  'found on',
  'found in',
  'found wandering',
  'slipped',
  'tripped',
  'absconded',
  'wandering',
  'wandered',
  'confused',
  'agitated',
  'aggressive',
  'deteriorated',
  'deteriorating',
  'died',
  'passed away',
  'vomited',
  'vomiting',
  'incontinent',
  'choked',
  'collapsed',
  'pulled out',
  'pulled his',
  'pulled her',
  'refused',
  'refusing',
  'self-discharged',
  'sundowning',
  'pressure ulcer',
  'pressure sore',
  'septic',
  'delirious',
  'DNACPR',
  'nil by mouth',
  'NBM',
])
const EVENT_AFTER = String.raw`\s+(?:${LINK_WORD}\s+){0,2}${PATIENT_EVENT}(?![\p{L}])`

export const FIRST_NAME_AT_BED = new RegExp(
  String.raw`${ONE_PATIENT_PLACE}${BESIDE}${FIRST_NAME}|(?<![\p{L}])${FIRST_NAME}${IN_PLACE}${ONE_PATIENT_PLACE}|${BAY}${BESIDE}${FIRST_NAME}${EVENT_AFTER}`,
  'gu',
)

export const TITLED_NAME_EVENT = new RegExp(
  String.raw`(?<![\p{L}])${TITLE}\s+(?:\p{Lu}\.?\s+)?${SURNAME}${EVENT_AFTER}`,
  'gu',
)
