import { describe, expect, it } from 'vitest'
import { effectScope, ref } from 'vue'
import { usePiiCheck } from '@/composables/usePiiCheck'

function setUp(saved?: string) {
  const text = ref('')
  const scope = effectScope()
  const pii = scope.run(() => usePiiCheck(() => [{ text: text.value, saved, id: 'f' }]))!
  return { text, pii }
}

describe('usePiiCheck', () => {
  it('lets clean text through without showing anything', () => {
    const { text, pii } = setUp()
    text.value = 'Order more pressure cushions'
    expect(pii.mayProceed()).toBe(true)
    expect(pii.showing).toBe(false)
  })

  it('stops the first save with findings, then follows the text as it is edited', () => {
    const { text, pii } = setUp()
    text.value = 'Chase bloods for 943 476 5919'
    expect(pii.showing).toBe(false)
    expect(pii.mayProceed()).toBe(false)
    expect(pii.showing).toBe(true)
    expect(pii.findings.map((f) => [f.kind, f.matched, f.fieldId])).toEqual([['nhs-number', '943 476 5919', 'f']])
    text.value = 'Chase bloods for bay 4'
    expect(pii.showing).toBe(false)
    expect(pii.mayProceed()).toBe(true)
  })

  it('"Save anyway" accepts the findings on screen, but not new ones typed afterwards', () => {
    const { text, pii } = setUp()
    text.value = 'Order code 943 476 5919'
    expect(pii.mayProceed()).toBe(false)
    pii.accept()
    expect(pii.mayProceed()).toBe(true)
    text.value = 'Order code 943 476 5919, MRN 1234567'
    expect(pii.mayProceed()).toBe(false)
    pii.reset()
    expect(pii.showing).toBe(false)
    expect(pii.mayProceed()).toBe(false)
  })

  it('does not ask again about text that is already stored', () => {
    const { text, pii } = setUp('Order code 943 476 5919')
    text.value = 'Order code 943 476 5919'
    expect(pii.mayProceed()).toBe(true)
    text.value = 'Order code 943 476 5919 again'
    expect(pii.mayProceed()).toBe(false)
  })
})
