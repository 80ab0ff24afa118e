// The patient-identifier guard on a day's comment (see usePiiCheck).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import DayEditor from '@/components/board/DayEditor.vue'
import { db, resetDatabase } from '@/db/db'
import { londonDay } from '@/domain/dates'
import { entryId } from '@/domain/ids'
import { useActorStore } from '@/stores/actor'
import { makeMeasure, seedBoard } from './boardFixture'
import { buttonNamed, settle } from '../helpers/dom'

const today = londonDay()
const falls = makeMeasure({
  id: 'm-falls',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: { green: 0, red: 1 },
})

enableAutoUnmount(afterEach)

describe('DayEditor: patient identifiers in the comment', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
    await seedBoard(pinia, [falls])
    useActorStore(pinia).pick('Test Nurse')
  })

  function mountEditor() {
    return mount(DayEditor, {
      props: { measure: falls, day: today, today },
      global: { plugins: [pinia] },
      attachTo: document.body,
    })
  }
  const stored = () => db.entries.get(entryId(falls.id, today))
  const comment = (w: ReturnType<typeof mountEditor>) => w.find<HTMLTextAreaElement>('#day-editor-comment')

  it('stops a comment with a valid NHS number, then saves once it is edited away', async () => {
    const w = mountEditor()
    await buttonNamed(w, '2').trigger('click')
    await comment(w).setValue('Fall in bay 2, 9434765919, no harm')
    await buttonNamed(w, 'Save').trigger('click')
    await settle()

    const warning = w.find('[data-testid="pii-warning"]')
    expect(warning.text()).toContain('This looks like it may identify a patient: an NHS number (9434765919).')
    expect(warning.find('a').attributes('href')).toBe('#day-editor-comment')
    expect(comment(w).element.value).toBe('Fall in bay 2, 9434765919, no harm')
    expect(await stored()).toBeUndefined()
    expect(await db.outbox.count()).toBe(0)
    expect(w.find('.day-editor__notice').text()).toBe('')

    await comment(w).setValue('Fall in bay 2, no harm')
    expect(w.find('[data-testid="pii-warning"]').exists()).toBe(false)
    await buttonNamed(w, 'Save').trigger('click')
    await settle()
    expect(await stored()).toMatchObject({ value: 2, comment: 'Fall in bay 2, no harm' })
  })

  it('warns about a date of birth and a bed with a name, and "Save anyway" saves the comment as typed', async () => {
    const w = mountEditor()
    await buttonNamed(w, '1').trigger('click')
    await comment(w).setValue('bed 12 Mrs Smith fell, DOB 12/03/1948')
    await buttonNamed(w, 'Save').trigger('click')
    await settle()
    expect(w.findAll('[data-testid="pii-warning"] li').map((li) => li.text())).toEqual([
      'a bed and a name together (bed 12 Mrs Smith)',
      'a date of birth (DOB 12/03/1948)',
    ])
    expect(await stored()).toBeUndefined()

    await buttonNamed(w, 'Save anyway — it is not patient information').trigger('click')
    await settle()
    expect(await stored()).toMatchObject({ value: 1, comment: 'bed 12 Mrs Smith fell, DOB 12/03/1948' })
    expect(w.find('[data-testid="pii-warning"]').exists()).toBe(false)
    expect(w.find('.day-editor__notice').text()).toContain('Saved for')
  })

  it('lets ordinary ward text through without a warning', async () => {
    const w = mountEditor()
    await buttonNamed(w, '3').trigger('click')
    await comment(w).setValue('Bed 12 needs a new pressure mattress; 3 falls on 24/11/2026, ext 4567')
    await buttonNamed(w, 'Save').trigger('click')
    await settle()
    expect(w.find('[data-testid="pii-warning"]').exists()).toBe(false)
    expect(await stored()).toMatchObject({ value: 3 })
  })
})
