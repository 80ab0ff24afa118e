import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { db, resetDatabase } from '@/db/db'
import { ANONYMOUS, IDEA_TEXT_MAX } from '@/domain/ideas'
import { useActorStore } from '@/stores/actor'
import IdeaCaptureView from '@/views/IdeaCaptureView.vue'
import { mountWithIdeas } from './ideasFixture'
import { buttonNamed, settle } from '../helpers/dom'

const PROBLEM = 'We walk to the far store room every time we need dressings'
const IDEA = 'Keep a small box of dressings in each bay'
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
})
afterEach(() => wrapper?.unmount())

async function open() {
  ;({ wrapper } = await mountWithIdeas(IdeaCaptureView, '/board/ideas/new'))
  return wrapper
}

const field = (w: VueWrapper, label: string) => {
  const found = w.findAll('label').find((l) => l.text() === label)
  if (!found) throw new Error(`No field labelled "${label}"`)
  return w.find(`[id="${found.attributes('for')!}"]`)
}

describe('Log an idea', () => {
  it('opens a fresh form when the header\'s "Log an idea" is tapped while "Idea saved" shows', async () => {
    const mounted = await mountWithIdeas(IdeaCaptureView, '/board/ideas/new')
    wrapper = mounted.wrapper
    await field(wrapper, "What's the problem?").setValue(PROBLEM)
    await field(wrapper, "What's your idea?").setValue(IDEA)
    await buttonNamed(wrapper, 'Save idea').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="idea-saved"]').exists()).toBe(true)
    // The header's link goes to this very path.
    await mounted.router.push('/board/ideas/new')
    await settle()
    expect(wrapper.find('[data-testid="idea-saved"]').exists()).toBe(false)
    expect(field(wrapper, "What's the problem?").exists()).toBe(true)
  })

  it('counts the characters left in each limited box, tied to the box for a screen reader', async () => {
    const w = await open()
    for (const label of ["What's the problem?", "What's your idea?", 'Expected benefit (optional)']) {
      const box = field(w, label)
      const describedBy = box.attributes('aria-describedby')!.split(' ')
      const info = describedBy.map((id) => w.find(`[id="${id}"]`)).find((e) => e.text().startsWith('You can enter'))
      expect(info?.text()).toBe(`You can enter up to ${IDEA_TEXT_MAX.toLocaleString('en-GB')} characters`)
    }
    await field(w, "What's the problem?").setValue(PROBLEM)
    expect(w.findAll('[data-testid="character-count"]')[0]!.text()).toBe(
      `You have ${(IDEA_TEXT_MAX - PROBLEM.length).toLocaleString('en-GB')} characters remaining`,
    )
  })

  it('asks for the problem first, with the cursor already in it', async () => {
    const w = await open()
    const labels = w.findAll('label').map((l) => l.text())
    expect(labels.indexOf("What's the problem?")).toBeLessThan(labels.indexOf("What's your idea?"))
    expect(document.activeElement).toBe(field(w, "What's the problem?").element)
    expect(w.text()).toContain('Your name (optional — leave blank to stay anonymous)')
  })

  it('saves an anonymous idea at once, asking nobody for a name, and says where to find it', async () => {
    const w = await open()
    await field(w, "What's the problem?").setValue(PROBLEM)
    await field(w, "What's your idea?").setValue(IDEA)
    const motion = w.findAll('[data-testid="waste-chip"]').find((b) => b.text().startsWith('+ Motion'))!
    expect(motion.text()).toContain('hunting for equipment')
    await motion.trigger('click')
    expect(motion.attributes('aria-pressed')).toBe('true')
    await buttonNamed(w, 'Save idea').trigger('click')
    await settle()

    expect(useActorStore().asking).toBe(false)
    const [saved, ...others] = await db.ideas.toArray()
    expect(others).toEqual([])
    expect(saved).toMatchObject({
      problem: PROBLEM,
      idea: IDEA,
      wastes: ['motion'],
      raisedBy: null,
      status: 'new',
      updatedBy: ANONYMOUS,
      unitId: 'unit-1',
      boardId: 'board-1',
    })
    const outbox = await db.outbox.toArray()
    expect(outbox.map((e) => [e.table, e.by])).toEqual([['ideas', ANONYMOUS]])

    const banner = w.find('[data-testid="idea-saved"]')
    expect(banner.text()).toContain('Idea saved')
    expect(banner.text()).toContain('on the idea board under New, raised by Anonymous')
    expect(document.activeElement).toBe(banner.element)
    expect(w.find('a[href="/board/ideas"]').exists()).toBe(true)

    // "Log another idea" brings back an empty form.
    await buttonNamed(w, 'Log another idea').trigger('click')
    await settle()
    expect((field(w, "What's the problem?").element as HTMLTextAreaElement).value).toBe('')
  })

  it('keeps the name of someone who gives it', async () => {
    const w = await open()
    await field(w, "What's the problem?").setValue(PROBLEM)
    await field(w, "What's your idea?").setValue(IDEA)
    await field(w, 'Your name (optional — leave blank to stay anonymous)').setValue('Priya Natarajan')
    await buttonNamed(w, 'Save idea').trigger('click')
    await settle()
    expect((await db.ideas.toArray())[0]).toMatchObject({ raisedBy: 'Priya Natarajan', updatedBy: 'Priya Natarajan' })
    expect(w.text()).toContain('raised by Priya Natarajan')
  })

  it('says what is missing, keeps what was typed and saves nothing', async () => {
    const w = await open()
    await field(w, "What's your idea?").setValue(IDEA)
    await buttonNamed(w, 'Save idea').trigger('click')
    await settle()
    expect(w.find('.nhsuk-error-summary').text()).toContain('Enter what the problem is')
    expect((field(w, "What's your idea?").element as HTMLTextAreaElement).value).toBe(IDEA)
    expect(await db.ideas.count()).toBe(0)
  })

  it('warns about a pasted NHS number before saving, and saves once it is removed', async () => {
    const w = await open()
    await field(w, "What's the problem?").setValue('Patient 943 476 5919 waited for a commode')
    await field(w, "What's your idea?").setValue(IDEA)
    await buttonNamed(w, 'Save idea').trigger('click')
    await settle()
    expect(w.find('[data-testid="pii-warning"]').text()).toContain('an NHS number (943 476 5919) in the problem')
    expect(await db.ideas.count()).toBe(0)

    await field(w, "What's the problem?").setValue('A patient waited for a commode')
    await buttonNamed(w, 'Save idea').trigger('click')
    await settle()
    expect(await db.ideas.count()).toBe(1)
  })
})
