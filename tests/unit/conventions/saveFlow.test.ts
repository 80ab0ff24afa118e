import { describe, expect, it } from 'vitest'
import { handRolledSavesIn, screenFiles, sourceOf } from './saveFlow'

// Screens save through useGuardedSave (who is doing this, one save at a time, every failure
// in words, nothing typed cleared), so no component or view catches InputError or asks for
// a name by hand. A screen that reads the fields of a store's error uses the failure the
// guard hands back; one that is not saving anything words a refusal with problemMessage.
const files = [
  ...screenFiles('src/components').map((file) => `components/${file}`),
  ...screenFiles('src/views').map((file) => `views/${file}`),
]

describe('saves go through useGuardedSave', () => {
  it('finds a hand-written catch of InputError and a hand-asked name, and passes the guard', () => {
    const byHand = `
      const by = await actor.whoIsDoingThis()
      try { await store.save(x, by) } catch (failure) {
        if (!(failure instanceof InputError)) throw failure
      }`
    expect(handRolledSavesIn(byHand)).toEqual(['InputError', 'whoIsDoingThis('])
    expect(handRolledSavesIn(`const outcome = await guarded.save((by) => store.save(x, by))`)).toEqual([])
    expect(handRolledSavesIn(`if (failure instanceof HuddleEndError) errors.value = failure.errors`)).toEqual([])
  })

  it('covers the screens', () => {
    expect(files).toContain('components/huddle/AgendaEditor.vue')
    expect(files).toContain('components/actions/useActionStatus.ts')
    expect(files).toContain('views/IdeasView.vue')
  })

  it.each(files)('%s', (file) => {
    expect(handRolledSavesIn(sourceOf(`src/${file}`)), `${file}: save with useGuardedSave`).toEqual([])
  })
})
