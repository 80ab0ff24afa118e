import { describe, expect, it } from 'vitest'
import { handRolledFieldsIn, templateOf, vueFiles } from './formMarkup'

// Forms build their fields with FormField (label, hint, error, aria-describedby), so the NHS
// markup is written once. No file hand-rolls one: a group FormField does not build (radios,
// checkboxes, the minutes-and-seconds pair of the NHS date-input pattern) labels its items
// with the design system's own `__label` classes, which this check leaves alone.
const files = vueFiles('src').filter((file) => file !== 'components/common/FormField.vue')

describe('form-field markup is built by FormField', () => {
  it('finds a hand-rolled label and a hand-wired description, and passes FormField-style markup', () => {
    expect(handRolledFieldsIn('<label class="nhsuk-label nhsuk-label--s" :for="id">Name</label>')).toHaveLength(1)
    expect(handRolledFieldsIn('<input id="a" class="nhsuk-input" :aria-describedby="`${id}-error`" />')).toHaveLength(1)
    expect(handRolledFieldsIn('<textarea aria-describedby="notes-hint"></textarea>')).toHaveLength(1)
    expect(handRolledFieldsIn('<label class="nhsuk-label nhsuk-radios__label" for="r">Yes</label>')).toEqual([])
    expect(handRolledFieldsIn('<input type="radio" aria-describedby="r-hint" />')).toEqual([])
    expect(handRolledFieldsIn('<label class="nhsuk-label nhsuk-date-input__label" for="m">Minutes</label>')).toEqual([])
    expect(handRolledFieldsIn('<FormField id="a" label="Name" :error="e" />')).toEqual([])
  })

  it.each(files)('%s', (file) => {
    expect(handRolledFieldsIn(templateOf(`src/${file}`)), `${file}: build these fields with FormField`).toEqual([])
  })
})
