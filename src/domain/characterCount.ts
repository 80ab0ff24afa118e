// The NHS character count: how many characters are left before a limited field's maximum
// (the maxima come from the validation that enforces them). Counted as the validation
// counts: trimmed, an emoji as one character.
import { textLength } from './textLength'

export interface CharacterCount {
  message: string
  over: boolean
}

export function characterCount(text: string, max: number): CharacterCount {
  const left = max - textLength(text.trim())
  const over = left < 0
  const n = Math.abs(left)
  const characters = `${n.toLocaleString('en-GB')} ${n === 1 ? 'character' : 'characters'}`
  return { message: over ? `You have ${characters} too many` : `You have ${characters} remaining`, over }
}
