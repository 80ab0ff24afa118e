import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ErrorSummary from '@/components/common/ErrorSummary.vue'
import { settle } from '../helpers/dom'

afterEach(() => {
  document.title = 'Board – LIM Huddle'
  document.body.innerHTML = ''
})

describe('ErrorSummary', () => {
  it('shows "There is a problem" focused, links to each field, and starts the page title "Error: " while it shows', async () => {
    document.title = 'Add an action – LIM Huddle'
    const w = mount(ErrorSummary, { props: { errors: {}, idPrefix: 'a-' }, attachTo: document.body })
    expect(w.find('.nhsuk-error-summary').exists()).toBe(false)
    expect(document.title).toBe('Add an action – LIM Huddle')

    await w.setProps({ errors: { title: 'Enter what needs doing', owner: undefined } })
    await settle()
    const box = w.find('.nhsuk-error-summary')
    expect(box.text()).toContain('There is a problem')
    expect(document.activeElement).toBe(box.element)
    expect(w.findAll('a').map((a) => a.attributes('href'))).toEqual(['#a-title'])
    expect(document.title).toBe('Error: Add an action – LIM Huddle')

    await w.setProps({ errors: { title: 'Enter what needs doing', owner: 'Choose an owner' } })
    expect(document.title).toBe('Error: Add an action – LIM Huddle')

    await w.setProps({ errors: {} })
    expect(document.title).toBe('Add an action – LIM Huddle')
  })

  it('keeps the prefix while another summary still shows errors, and drops it when the last goes', async () => {
    document.title = 'Idea – LIM Huddle'
    const page = mount(ErrorSummary, { props: { errors: { a: 'Enter a' } } })
    const dialog = mount(ErrorSummary, { props: { errors: { b: 'Enter b' } } })
    expect(document.title).toBe('Error: Idea – LIM Huddle')
    dialog.unmount()
    expect(document.title).toBe('Error: Idea – LIM Huddle')
    page.unmount()
    expect(document.title).toBe('Idea – LIM Huddle')
  })
})
