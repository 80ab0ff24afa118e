import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ref } from 'vue'
import type { RegisterSWOptions } from 'vite-plugin-pwa/types'
import { holdIdleFetches } from '@/composables/lazyDialog'
import { DRAFT_PREFIX, useDraft } from '@/composables/useDraft'
import UpdatePrompt from '@/components/layout/UpdatePrompt.vue'

// The real module registers /sw.js through workbox-window; here each test decides
// what the service worker lifecycle has reported.
const sw = vi.hoisted(() => ({
  needRefresh: undefined as unknown as import('vue').Ref<boolean>,
  offlineReady: undefined as unknown as import('vue').Ref<boolean>,
  updateServiceWorker: vi.fn(async () => {}),
  options: undefined as RegisterSWOptions | undefined,
}))
vi.mock('virtual:pwa-register/vue', () => ({
  useRegisterSW(options: RegisterSWOptions) {
    sw.options = options
    return { needRefresh: sw.needRefresh, offlineReady: sw.offlineReady, updateServiceWorker: sw.updateServiceWorker }
  },
}))

beforeEach(() => {
  sw.needRefresh = ref(false)
  sw.offlineReady = ref(false)
  sw.options = undefined
  sw.updateServiceWorker.mockClear()
  localStorage.clear()
  sessionStorage.clear()
  // jsdom has no idle callback (the app then waits 2 s): the next turn stands in for the browser's idle moment.
  vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0))
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** Mounted, and its service worker registered (at the browser's first idle moment). */
async function mountRegistered() {
  const wrapper = mount(UpdatePrompt)
  await vi.waitFor(() => expect(sw.options).toBeDefined())
  await flushPromises()
  return wrapper
}

const buttonNamed = (wrapper: ReturnType<typeof mount>, name: string) =>
  wrapper.findAll('button').find((b) => b.text() === name)

describe('UpdatePrompt', () => {
  it('shows nothing until a new version is waiting', () => {
    const wrapper = mount(UpdatePrompt)
    expect(wrapper.find('[data-testid="update-prompt"]').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
  })

  it('registers the service worker only once the screen has shown its values and the browser is idle', async () => {
    const release = holdIdleFetches()
    try {
      mount(UpdatePrompt)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(sw.options).toBeUndefined()
    } finally {
      release()
    }
    await vi.waitFor(() => expect(sw.options).toBeDefined())
  })

  it('offers "Update now" and "Later" when a new version is waiting', async () => {
    const wrapper = await mountRegistered()
    sw.needRefresh.value = true
    await flushPromises()
    const banner = wrapper.get('[data-testid="update-prompt"]')
    expect(banner.attributes('role')).toBe('region')
    expect(banner.text()).toContain('A new version of LIM Huddle is ready. Your work is saved.')
    expect(buttonNamed(wrapper, 'Update now')).toBeDefined()
    expect(buttonNamed(wrapper, 'Later')).toBeDefined()
    expect(wrapper.get('[role="status"]').text()).toBe('A new version of LIM Huddle is ready. Your work is saved.')
  })

  it('saves unsaved drafts before handing over to the new version', async () => {
    const draft = useDraft('comment', () => '')
    draft.value = 'typed just before updating'
    const wrapper = await mountRegistered()
    sw.needRefresh.value = true
    await flushPromises()
    sw.updateServiceWorker.mockImplementationOnce(async () => {
      expect(sessionStorage.getItem(DRAFT_PREFIX + 'comment')).toBe('"typed just before updating"')
    })
    await buttonNamed(wrapper, 'Update now')!.trigger('click')
    await flushPromises()
    expect(sw.updateServiceWorker).toHaveBeenCalledWith(true)
    expect(wrapper.text()).toContain('Updating…')
    expect(buttonNamed(wrapper, 'Later')!.attributes('disabled')).toBeDefined()
  })

  it('"Later" hides the banner without updating', async () => {
    const wrapper = await mountRegistered()
    sw.needRefresh.value = true
    await flushPromises()
    await buttonNamed(wrapper, 'Later')!.trigger('click')
    expect(wrapper.find('[data-testid="update-prompt"]').exists()).toBe(false)
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()
  })

  it('says once per tablet that the app now works offline', async () => {
    const first = await mountRegistered()
    sw.offlineReady.value = true
    await flushPromises()
    expect(first.get('[data-testid="offline-ready"]').text()).toContain('LIM Huddle now works offline on this tablet')
    await buttonNamed(first, 'OK')!.trigger('click')
    expect(first.find('[data-testid="offline-ready"]').exists()).toBe(false)
    first.unmount()

    sw.offlineReady = ref(false)
    sw.options = undefined
    const second = await mountRegistered()
    sw.offlineReady.value = true
    await flushPromises()
    expect(second.find('[data-testid="offline-ready"]').exists()).toBe(false)
  })

  it('starts checking for updates once the service worker is registered, and stops on unmount', async () => {
    const wrapper = await mountRegistered()
    vi.useFakeTimers()
    try {
      const registration = { installing: null, update: vi.fn(async () => undefined) }
      sw.options!.onRegisteredSW!('/sw.js', registration as unknown as ServiceWorkerRegistration)
      vi.advanceTimersByTime(30 * 60 * 1000)
      expect(registration.update).toHaveBeenCalledTimes(1)
      wrapper.unmount()
      vi.advanceTimersByTime(60 * 60 * 1000)
      expect(registration.update).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
