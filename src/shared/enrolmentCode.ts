// What an enrolment code looks like, for the server that issues and checks codes and the
// tablet that asks for one: one definition, so a code the server prints is always one the
// enrol form accepts. Framework-free, no I/O.

/** Letters and digits that cannot be mistaken for one another read aloud or off paper:
 * no 0/O and no 1/I. 32 of them, so a random byte's low 5 bits pick one evenly. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 12
/** The longest a code may be as typed: its 12 characters with a dash or space between
 * each group of four, and room for a few more spaces. The enrol form stops there and the
 * server refuses anything longer. */
export const CODE_TYPED_MAX = 20

/** As typed, in either case, with or without dashes and spaces. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '')
}

/** As people are shown it, "ABCDEFGHJKLM" → "ABCD-EFGH-JKLM"; partial codes too. */
export function formatCode(code: string): string {
  return (
    normaliseCode(code)
      .match(/.{1,4}/g)
      ?.join('-') ?? ''
  )
}

/** Whether every character of a normalised code is one a code can contain. */
export function usesCodeAlphabet(code: string): boolean {
  return [...code].every((char) => CODE_ALPHABET.includes(char))
}
