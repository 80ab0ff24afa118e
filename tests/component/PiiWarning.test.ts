import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import PiiWarning from '@/components/common/PiiWarning.vue'
import type { FieldFinding } from '@/composables/usePiiCheck'
import { findLikelyPatientIdentifiers } from '@/domain/pii'

enableAutoUnmount(afterEach)

const findingsIn = (text: string, field: Partial<FieldFinding> = {}): FieldFinding[] =>
  findLikelyPatientIdentifiers(text).map((f) => ({ ...f, ...field }))

const flat = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('PiiWarning', () => {
  it('says in plain English what was found, with an icon, in an NHS warning callout', () => {
    const w = mount(PiiWarning, { props: { findings: findingsIn('Chase 943 476 5919 today') } })
    expect(w.classes()).toContain('nhsuk-warning-callout')
    expect(w.find('svg.app-icon').exists()).toBe(true)
    expect(flat(w.find('p').text())).toBe(
      'This looks like it may identify a patient: an NHS number (943 476 5919). Boards are seen by everyone on the ward — please remove it.',
    )
    expect(w.find('ul').exists()).toBe(false)
  })

  it('lists each finding, with the field it is in, when there are several', () => {
    const findings = [
      ...findingsIn('bed 12 Mrs Smith, DOB 12/03/1948', { fieldLabel: 'the name' }),
      ...findingsIn('MRN 1234567', { fieldLabel: 'the description' }),
    ]
    const w = mount(PiiWarning, { props: { findings } })
    expect(w.findAll('li').map((li) => flat(li.text()))).toEqual([
      'a bed and a name together (bed 12 Mrs Smith) in the name',
      'a date of birth (DOB 12/03/1948) in the name',
      'a hospital number (MRN 1234567) in the description',
    ])
    expect(w.text()).toContain('please remove them')
  })

  it('links a finding to its field, and takes focus when it appears', async () => {
    const input = document.createElement('input')
    input.id = 'the-title'
    document.body.append(input)
    const w = mount(PiiWarning, {
      props: { findings: findingsIn('9434765919', { fieldId: 'the-title' }) },
      attachTo: document.body,
    })
    expect(document.activeElement).toBe(w.element)
    await w.find('a[href="#the-title"]').trigger('click')
    expect(document.activeElement).toBe(input)
    input.remove()
  })

  it('offers "Save anyway" as a separate, deliberate button', async () => {
    const w = mount(PiiWarning, { props: { findings: findingsIn('9434765919') } })
    const button = w.find('button')
    expect(button.text()).toBe('Save anyway — it is not patient information')
    expect(button.attributes('type')).toBe('button')
    await button.trigger('click')
    expect(w.emitted('saveAnyway')).toHaveLength(1)
    await w.setProps({ busy: true })
    expect(w.find('button').attributes('disabled')).toBeDefined()
  })

  it('can be a nudge with no button that leaves the focus where the person is typing', () => {
    const box = document.createElement('textarea')
    document.body.append(box)
    box.focus()
    const w = mount(PiiWarning, {
      props: { findings: findingsIn('9434765919'), canSaveAnyway: false, focusOnShow: false },
      attachTo: document.body,
    })
    expect(w.find('button').exists()).toBe(false)
    expect(document.activeElement).toBe(box)
    box.remove()
  })
})
