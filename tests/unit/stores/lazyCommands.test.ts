import { describe, expect, it } from 'vitest'
import { lazyCommands } from '@/stores/lazyCommands'

interface Context {
  unit: string
}

/** A command module as a store keeps one: each command takes the store's context first. */
function commandModule() {
  const calls: unknown[][] = []
  return {
    calls,
    module: {
      async rename(context: Context, id: string, name: string) {
        calls.push(['rename', context.unit, id, name])
        return `${context.unit}/${id}: ${name}`
      },
      async archive(context: Context, id: string) {
        calls.push(['archive', context.unit, id])
        if (id === 'gone') throw new Error('That record is no longer on this tablet')
      },
    },
  }
}

describe('lazyCommands', () => {
  it('gives each named command the context, passes its arguments on and returns its answer', async () => {
    const { calls, module } = commandModule()
    let loads = 0
    const commands = lazyCommands(
      async () => {
        loads += 1
        return module
      },
      { unit: 'ward-7' },
      ['rename', 'archive'],
    )
    expect(loads).toBe(0)
    await expect(commands.rename('a1', 'Check the fridge')).resolves.toBe('ward-7/a1: Check the fridge')
    await commands.archive('a1')
    expect(calls).toEqual([
      ['rename', 'ward-7', 'a1', 'Check the fridge'],
      ['archive', 'ward-7', 'a1'],
    ])
    expect(loads).toBe(2)
  })

  it("rejects with the command's own failure, so the form can say what went wrong", async () => {
    const { module } = commandModule()
    const commands = lazyCommands(async () => module, { unit: 'ward-7' }, ['archive'])
    await expect(commands.archive('gone')).rejects.toThrow('That record is no longer on this tablet')
  })

  it('rejects when the module cannot be loaded (offline before it was fetched)', async () => {
    const commands = lazyCommands(
      async (): Promise<ReturnType<typeof commandModule>['module']> => {
        throw new TypeError('Failed to fetch dynamically imported module')
      },
      { unit: 'ward-7' },
      ['rename'],
    )
    await expect(commands.rename('a1', 'x')).rejects.toThrow('Failed to fetch')
  })

  it('offers only the commands named, with their own argument types', () => {
    const { module } = commandModule()
    const commands = lazyCommands(async () => module, { unit: 'ward-7' }, ['rename'])
    expect(Object.keys(commands)).toEqual(['rename'])
    // @ts-expect-error: rename takes an id and a name
    void commands.rename('a1').catch(() => undefined)
    // @ts-expect-error: archive was not named
    expect(commands.archive).toBeUndefined()
  })
})
