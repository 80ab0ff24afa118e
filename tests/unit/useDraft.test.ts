// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { DRAFT_DEBOUNCE_MS, DRAFT_PREFIX, flushDrafts, useDraft } from '@/composables/useDraft'

const stored = (key: string) => sessionStorage.getItem(DRAFT_PREFIX + key)
const blankForm = () => ({ name: '', target: null as number | null, tags: [] as string[] })

beforeEach(() => {
  sessionStorage.clear()
  vi.useFakeTimers()
})
afterEach(() => {
  flushDrafts()
  vi.useRealTimers()
})

describe('useDraft', () => {
  it('starts from initial() when nothing was saved', () => {
    const draft = useDraft('fresh', blankForm)
    expect(draft.value).toEqual(blankForm())
    expect(draft.restored).toBe(false)
  })

  it('writes to sessionStorage only after the debounce', () => {
    const draft = useDraft('debounced', blankForm)
    draft.value.name = 'Falls'
    vi.advanceTimersByTime(DRAFT_DEBOUNCE_MS - 1)
    expect(stored('debounced')).toBeNull()
    vi.advanceTimersByTime(1)
    expect(JSON.parse(stored('debounced')!)).toEqual({ name: 'Falls', target: null, tags: [] })
  })

  it('coalesces quick typing into one write of the latest value', () => {
    const draft = useDraft('typing', () => '')
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    for (const text of ['F', 'Fa', 'Fal', 'Fall', 'Falls']) {
      draft.value = text
      vi.advanceTimersByTime(100)
    }
    vi.advanceTimersByTime(DRAFT_DEBOUNCE_MS)
    expect(setItem).toHaveBeenCalledTimes(1)
    expect(stored('typing')).toBe('"Falls"')
    setItem.mockRestore()
  })

  it('notices changes deep inside the value', () => {
    const draft = useDraft('deep', blankForm)
    draft.value.tags.push('safety')
    flushDrafts()
    expect(JSON.parse(stored('deep')!).tags).toEqual(['safety'])
  })

  it('restores what was typed before a reload', () => {
    const before = useDraft('reload', blankForm)
    before.value = { name: 'Pressure ulcers', target: 0, tags: ['harm'] }
    flushDrafts()

    const after = useDraft('reload', blankForm)
    expect(after.value).toEqual({ name: 'Pressure ulcers', target: 0, tags: ['harm'] })
    expect(after.restored).toBe(true)
  })

  it('fills fields added since the draft was saved from initial()', () => {
    sessionStorage.setItem(DRAFT_PREFIX + 'grown', JSON.stringify({ name: 'Falls' }))
    const draft = useDraft('grown', blankForm)
    expect(draft.value).toEqual({ name: 'Falls', target: null, tags: [] })
  })

  it('ignores a corrupt saved draft', () => {
    sessionStorage.setItem(DRAFT_PREFIX + 'corrupt', '{not json')
    const draft = useDraft('corrupt', blankForm)
    expect(draft.value).toEqual(blankForm())
    expect(draft.restored).toBe(false)
  })

  it.each(['pagehide', 'beforeunload'])('flushes pending drafts on %s without waiting for the debounce', (event) => {
    const draft = useDraft(`exit-${event}`, () => '')
    draft.value = 'half-typed comment'
    window.dispatchEvent(new Event(event))
    expect(stored(`exit-${event}`)).toBe('"half-typed comment"')
  })

  it('flushes when the tab is hidden', () => {
    const draft = useDraft('hidden', () => '')
    draft.value = 'typed'
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    visibility.mockRestore()
    expect(stored('hidden')).toBe('"typed"')
  })

  it('flushDrafts() writes every pending draft at once', () => {
    const a = useDraft('a', () => '')
    const b = useDraft('b', () => 0)
    a.value = 'one'
    b.value = 2
    flushDrafts()
    expect([stored('a'), stored('b')]).toEqual(['"one"', '2'])
  })

  it('clear() forgets the draft and goes back to initial()', () => {
    const draft = useDraft('saved', blankForm)
    draft.value.name = 'Falls'
    flushDrafts()
    draft.clear()
    expect(draft.value).toEqual(blankForm())
    vi.runAllTimers()
    expect(stored('saved')).toBeNull()
    expect(useDraft('saved', blankForm).restored).toBe(false)
  })

  it('clear() cancels a write that was still waiting', () => {
    const draft = useDraft('cancelled', () => '')
    draft.value = 'saved already'
    draft.clear()
    vi.runAllTimers()
    flushDrafts()
    expect(stored('cancelled')).toBeNull()
  })

  it('does not store a draft that matches the blank form', () => {
    const draft = useDraft('blank', blankForm)
    draft.value.name = 'x'
    flushDrafts()
    draft.value.name = ''
    flushDrafts()
    expect(stored('blank')).toBeNull()
  })

  it('keeps a pending draft when the screen using it closes', async () => {
    const scope = effectScope()
    const draft = scope.run(() => useDraft('screen', () => ''))!
    draft.value = 'typed then navigated away'
    scope.stop()
    expect(stored('screen')).toBe('"typed then navigated away"')
    draft.value = 'after the screen closed'
    await nextTick()
    vi.runAllTimers()
    expect(stored('screen')).toBe('"typed then navigated away"')
  })

  it('keeps working in memory when storage is full', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const draft = useDraft('full', () => '')
    draft.value = 'still here'
    expect(() => flushDrafts()).not.toThrow()
    expect(draft.value).toBe('still here')
    setItem.mockRestore()
  })
})
