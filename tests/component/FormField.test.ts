import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { h } from 'vue'
import FormField from '@/components/common/FormField.vue'

describe('FormField', () => {
  it('labels a text input and ties its hint and error to it', async () => {
    const w = mount(FormField, {
      props: { id: 'ward', label: 'Ward name', hint: 'As on the door', error: 'Enter the ward name', modelValue: 'W' },
    })
    const input = w.find('input')
    expect(w.find('label').attributes('for')).toBe('ward')
    expect(input.attributes('id')).toBe('ward')
    expect(input.attributes('aria-describedby')).toBe('ward-hint ward-error')
    expect(w.find('#ward-error').text()).toBe('Error: Enter the ward name')
    expect(w.find('#ward-error').attributes('role')).toBeUndefined()
    await input.setValue('Ward 7')
    expect(w.emitted('update:modelValue')).toEqual([['Ward 7']])
  })

  it('gives another control in its slot the same label, hint and error wiring', async () => {
    const render = (error: string) =>
      mount(FormField, {
        props: { id: 'token', label: 'Token', hint: 'Kept for this tab', error, errorRole: 'alert' },
        slots: {
          default: (props: { describedBy?: string; invalid: boolean }) =>
            h('input', {
              id: 'token',
              type: 'password',
              'aria-describedby': props.describedBy,
              'data-invalid': String(props.invalid),
            }),
        },
      })
    const quiet = render('')
    expect(quiet.findAll('input')).toHaveLength(1)
    expect(quiet.find('input').attributes()).toMatchObject({
      type: 'password',
      'aria-describedby': 'token-hint',
      'data-invalid': 'false',
    })

    const wrong = render('Enter the token')
    expect(wrong.find('input').attributes()).toMatchObject({
      'aria-describedby': 'token-hint token-error',
      'data-invalid': 'true',
    })
    expect(wrong.find('#token-error').attributes('role')).toBe('alert')
    expect(wrong.find('.nhsuk-form-group').classes()).toContain('nhsuk-form-group--error')
  })

  it('makes the label larger or bold when asked', () => {
    const plain = mount(FormField, { props: { id: 'a', label: 'A' } })
    const larger = mount(FormField, { props: { id: 'b', label: 'B', labelSize: 'm' } })
    const bold = mount(FormField, { props: { id: 'c', label: 'C', labelSize: 's' } })
    expect(plain.find('label').classes()).toEqual(['nhsuk-label'])
    expect(larger.find('label').classes()).toEqual(['nhsuk-label', 'nhsuk-label--m'])
    expect(bold.find('label').classes()).toEqual(['nhsuk-label', 'nhsuk-label--s'])
  })

  it('can take its hint and error ids from another base and name a further description', () => {
    const w = mount(FormField, {
      props: {
        id: 'scope-name',
        describedIdBase: 'scope',
        alsoDescribedBy: 'origin-note',
        label: 'Name',
        hint: 'As it appears',
        error: 'Enter a name',
      },
    })
    expect(w.find('#scope-hint').exists()).toBe(true)
    expect(w.find('#scope-error').exists()).toBe(true)
    expect(w.find('input').attributes('aria-describedby')).toBe('scope-hint scope-error origin-note')
  })

  it('gives a plain input its type and length limit, and a textarea its rows', () => {
    const time = mount(FormField, { props: { id: 't', label: 'Due by', type: 'time', maxlength: 5 } })
    expect(time.find('input').attributes()).toMatchObject({ type: 'time', maxlength: '5' })
    const notes = mount(FormField, { props: { id: 'n', label: 'Notes', multiline: true, rows: 2 } })
    expect(notes.find('textarea').attributes('rows')).toBe('2')
  })

  it('takes a label and hint with markup from slots, and ties the slotted hint to the input', () => {
    const w = mount(FormField, {
      props: { id: 'who', label: 'Who' },
      slots: {
        label: () => h('span', ['Your name ', h('em', '(optional)')]),
        hint: () => 'Leave blank to stay anonymous',
      },
    })
    expect(w.find('label').text()).toBe('Your name (optional)')
    expect(w.find('#who-hint').text()).toBe('Leave blank to stay anonymous')
    expect(w.find('input').attributes('aria-describedby')).toBe('who-hint')
  })
})
