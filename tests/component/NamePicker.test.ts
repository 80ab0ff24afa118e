// "Who is doing this?": recent names first, a typed new name, and never a second dialog on top of one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ModalDialog from '@/components/common/ModalDialog.vue'
import NamePickerDialog from '@/components/common/NamePickerDialog.vue'
import { resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import { seedBoard } from './boardFixture'
import { accessibleName } from '../helpers/dom'

enableAutoUnmount(afterEach)

let pinia: ReturnType<typeof createPinia>
beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  await seedBoard(pinia)
})

const openDialogs = () => [...document.querySelectorAll('dialog')].filter((d) => d.hasAttribute('open'))
const buttonsIn = (root: Element) => [...root.querySelectorAll('button')].map((b) => accessibleName(b))

describe('who is doing this', () => {
  it('offers the recent names on this tablet first, then the board list, and takes a typed name', async () => {
    const actor = useActorStore(pinia)
    actor.pick('Porter Joe')
    actor.forget()
    const app = mount(NamePickerDialog, { global: { plugins: [pinia] }, attachTo: document.body })
    const answer = actor.whoIsDoingThis()
    await flushPromises()
    const [picker] = openDialogs()
    expect(picker!.querySelector('h2')!.textContent).toBe('Who is doing this?')
    const names = buttonsIn(picker!)
    expect(names.indexOf('Porter Joe')).toBeLessThan(names.indexOf('Test Nurse'))
    const input = picker!.querySelector('input') as HTMLInputElement
    input.value = 'Agency Nurse Kim'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    picker!.querySelector('form')!.dispatchEvent(new Event('submit'))
    await expect(answer).resolves.toBe('Agency Nurse Kim')
    expect(actor.recent[0]).toBe('Agency Nurse Kim')
    app.unmount()
  })

  it('is asked inside a dialog already open, never as a second dialog; what was typed stays', async () => {
    const actor = useActorStore(pinia)
    const Host = defineComponent(() => {
      const text = ref('Hoist broken')
      return () =>
        h('div', [
          h(ModalDialog, { open: true, title: 'Add an action' }, () =>
            h('input', {
              'data-testid': 'typed',
              value: text.value,
              onInput: (e: Event) => (text.value = (e.target as HTMLInputElement).value),
            }),
          ),
          h(NamePickerDialog),
        ])
    })
    const wrapper = mount(Host, { global: { plugins: [pinia] }, attachTo: document.body })
    await flushPromises()
    const answer = actor.whoIsDoingThis()
    await flushPromises()
    expect(openDialogs()).toHaveLength(1)
    const [dialog] = openDialogs()
    expect(dialog!.querySelector('h2')!.textContent).toBe('Who is doing this?')
    ;[...dialog!.querySelectorAll('button')].find((b) => accessibleName(b) === 'Test Nurse')!.click()
    await expect(answer).resolves.toBe('Test Nurse')
    await flushPromises()
    expect(dialog!.querySelector('h2')!.textContent).toBe('Add an action')
    expect((wrapper.find('[data-testid="typed"]').element as HTMLInputElement).value).toBe('Hoist broken')
  })
})
