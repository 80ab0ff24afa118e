// A rough readability check for the concept library's plain English: Flesch–Kincaid
// grade from a heuristic syllable count. Reading age is about grade + 5, so grade 6
// is a reading age of about 11. Good enough to catch a page that drifts into jargon.

export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (!w) return 0
  if (w.length <= 3) return 1
  // A silent final e (or -es, -ed) adds no syllable; vowel groups make one each.
  w = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '')
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 1)
}

export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?]["\u201d]?)\s+/).filter((s) => /\w/.test(s))
}

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w))

export function fleschKincaidGrade(text: string): number {
  const words = wordsOf(text)
  const sentences = sentencesOf(text).length
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0)
  return 0.39 * (words.length / sentences) + 11.8 * (syllableCount / words.length) - 15.59
}

export function longestSentence(text: string): number {
  return Math.max(...sentencesOf(text).map((s) => wordsOf(s).length))
}
