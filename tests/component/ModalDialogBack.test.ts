import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ModalDialog from '@/components/common/ModalDialog.vue'

// The browser's Back button (or a phone's back gesture) closes the dialog on top instead of
// leaving the screen with the dialog's work in it.

const Host = defineComponent({
  setup() {
    const open = ref(true)
    const closes = ref(0)
    return () =>
      h(
        ModalDialog,
        {
          open: open.value,
          title: 'Add an action',
          onClose: () => {
            closes.value += 1
            open.value = false
          },
        },
        () => h('p', `closed ${closes.value} times`),
      )
  },
})

let wrapper: VueWrapper | null = null
afterEach(() => wrapper?.unmount())

describe('a dialog and the Back button', () => {
  it('Back closes the open dialog and stays on the page', async () => {
    const before = window.history.length
    const url = window.location.href
    wrapper = mount(Host, { attachTo: document.body, global: { plugins: [createPinia()] } })
    expect(window.history.length).toBe(before + 1)
    window.history.back()
    await vi.waitFor(() => expect(wrapper!.findComponent(ModalDialog).emitted('close')).toHaveLength(1))
    expect(window.location.href).toBe(url)
  })

  it('closing it with its own button takes its history entry back out, so Back is not wasted later', async () => {
    wrapper = mount(Host, { attachTo: document.body, global: { plugins: [createPinia()] } })
    const dialogState = window.history.state as Record<string, unknown> | null
    expect(dialogState?.appDialog).toBeDefined()
    await wrapper.find('button[aria-label="Close"]').trigger('click')
    await vi.waitFor(() => expect((window.history.state as Record<string, unknown> | null)?.appDialog).toBeUndefined())
    expect(wrapper.findComponent(ModalDialog).emitted('close')).toHaveLength(1)
  })
})
