import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import EscalationReport from '@/components/escalations/EscalationReport.vue'
import { addDays, formatDayLong, londonDay, weekStart } from '@/domain/dates'
import { makeEscalation } from './escalationsFixture'

describe('the escalation report', () => {
  it('names each week by the Monday it begins, written out, never as an ISO week code', () => {
    setActivePinia(createPinia())
    const monday = weekStart(addDays(londonDay(), -7))
    const wrapper = mount(EscalationReport, {
      props: {
        list: [makeEscalation('e1', { title: 'Hoist broken', raisedAt: `${addDays(monday, 1)}T10:00:00.000Z` })],
      },
    })
    const weeks = wrapper.find('table')
    expect(weeks.find('thead th').text()).toBe('Week beginning')
    expect(weeks.findAll('tbody tr').map((row) => row.find('th').text())).toEqual([formatDayLong(monday)])
    expect(wrapper.text()).not.toMatch(/\d{4}-W\d{2}/)
  })
})
