import { describe, expect, it } from 'vitest'
import { templateOf, vueFiles } from './formMarkup'

// A free-text box with a limit shows the NHS character count ("You have 120 characters
// remaining") as it is typed, so nobody writes a long comment only to be told at Save that it
// is too long. Every multi-line FormField names its limit (character-limit), the one its
// validation enforces.
const FORM_FIELD = /<FormField\b(?:[^>"]|"[^"]*")*>/g

export function uncountedBoxesIn(template: string): string[] {
  return [...template.matchAll(FORM_FIELD)]
    .map((match) => match[0])
    .filter((tag) => /\smultiline\b/.test(tag) && !/\s:?character-limit=/.test(tag))
}

/** Boxes whose limit is not on the box as a whole, so a running count would mislead. */
const NO_SINGLE_LIMIT: Record<string, string> = {
  'components/settings/PeopleForm.vue': 'a list of names, each limited on its own',
  'views/SetupView.vue': 'the list of names, each limited on its own',
  'components/escalations/EscalationSettings.vue': 'categories, each limited on its own; criteria are unlimited',
  'components/huddle/StepNotes.vue': "each step's notes join the huddle's notes, limited together at Finish",
  // (ConceptEditForm's pitfalls and a problem A3's fishbone causes, one a line, are each limited on their own too: see below.)
  'components/coaching/CoachRosterForm.vue': "a CSU's coaches, one a line, each name limited on its own",
  'components/sync/TextChoiceForm.vue': 'the limit is the conflicting field’s own, checked when the choice is saved',
}

/** Screens still to give some boxes a count (certification, being built now); this list may only shrink. */
const STILL_TO_COUNT = new Set<string>([])

const files = vueFiles('src').filter((file) => file !== 'components/common/FormField.vue' && !(file in NO_SINGLE_LIMIT))

describe('multi-line boxes show a character count', () => {
  it('finds a multi-line FormField without a limit, and passes one with it or a one-line field', () => {
    expect(uncountedBoxesIn('<FormField id="a" v-model="x" label="Notes" multiline :rows="3" />')).toHaveLength(1)
    expect(
      uncountedBoxesIn(
        '<FormField id="a" label="Notes" :error="e ? `${a}>b` : \'\'" multiline :character-limit="LIMITS.notes" />',
      ),
    ).toEqual([])
    expect(uncountedBoxesIn('<FormField id="a" label="Name" />')).toEqual([])
  })

  it.each([...STILL_TO_COUNT])('%s is still to count (take it off the list once it does)', (file) => {
    expect(uncountedBoxesIn(templateOf(`src/${file}`))).not.toEqual([])
  })

  it.each(files.filter((file) => !STILL_TO_COUNT.has(file)))('%s', (file) => {
    const uncounted = uncountedBoxesIn(templateOf(`src/${file}`)).filter(
      (tag) =>
        !(file === 'components/concepts/ConceptEditForm.vue' && tag.includes('pitfalls')) &&
        // A fishbone category's causes, one a line, are each limited on their own.
        !(file === 'views/ProblemA3EditView.vue' && tag.includes('category.field')),
    )
    expect(uncounted, `${file}: give these boxes a character-limit`).toEqual([])
  })
})
