// The text limits, the name rule and the name list's length, apart from the rest of validation.ts (a day's value, a measure, an action…),
// which only forms and saves need: "Who is doing this?" (in the shell) checks a typed name with these.

export type Errors<F extends string = string> = Partial<Record<F, string>>

export const LIMITS = {
  name: 80,
  title: 200,
  comment: 1000,
  description: 1000,
  notes: 4000,
  person: 60,
  number: 1_000_000_000,
} as const

/** The most names a board's list holds (the setup form and Settings check it). */
export const MAX_PEOPLE = 200

export function hasErrors(errors: Errors): boolean {
  return Object.values(errors).some(Boolean)
}

export function textError(label: string, value: string, max: number, required: boolean): string | undefined {
  const trimmed = value.trim()
  if (required && !trimmed) return `Enter ${label}`
  if (trimmed.length > max) return `${capitalise(label)} must be ${max} characters or fewer (it has ${trimmed.length})`
  return undefined
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function validateName(label: string, value: string, max: number = LIMITS.name): string | undefined {
  return textError(label, value, max, true)
}
