// "2 texts to choose", for the header's badge: its own module, so the header does not load the
// text-choice rules (textChoices.ts) on a tablet with nothing to choose.
export function textsToChoose(count: number): string {
  return `${count} ${count === 1 ? 'text' : 'texts'} to choose`
}
