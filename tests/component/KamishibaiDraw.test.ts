import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import KamishibaiDraw from '@/components/standardWork/KamishibaiDraw.vue'
import type { ChecklistTemplate } from '@/domain/types'
import { buttonNamed } from '../helpers/dom'

const at = '2026-01-01T08:00:00.000Z'
function card(id: string, title: string, auditCard = true): ChecklistTemplate {
  return {
    id,
    unitId: 'unit-1',
    boardId: 'board-1',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Seed',
    title,
    purpose: '',
    forRole: '',
    frequency: { kind: 'on-demand' },
    steps: [],
    conceptIds: [],
    version: 1,
    leaderStandardWork: true,
    auditCard,
    retired: false,
    adoptedFromId: null,
  }
}

describe('kamishibai draw', () => {
  it('draws an audit card with the given random source, never the same twice running, and asks to check it', async () => {
    const templates = [card('a', 'Hand hygiene audit'), card('b', 'Sharps bin audit'), card('c', 'Not a card', false)]
    const wrapper = mount(KamishibaiDraw, { props: { templates, random: () => 0 } })
    expect(wrapper.text()).toContain('2 cards in the draw')
    await buttonNamed(wrapper, 'Draw a card').trigger('click')
    expect(wrapper.find('[data-testid="kamishibai-drawn"]').text()).toBe('Card drawn: Hand hygiene audit')
    await buttonNamed(wrapper, 'Draw a card').trigger('click')
    expect(wrapper.find('[data-testid="kamishibai-drawn"]').text()).toBe('Card drawn: Sharps bin audit')
    await buttonNamed(wrapper, 'Check “Sharps bin audit”').trigger('click')
    expect(wrapper.emitted('check')?.[0]?.[0]).toMatchObject({ id: 'b' })
  })

  it('explains how to add cards when there are none', () => {
    const wrapper = mount(KamishibaiDraw, { props: { templates: [card('c', 'Not a card', false)] } })
    expect(wrapper.text()).toContain('No checklist is marked as an audit card yet')
  })
})
