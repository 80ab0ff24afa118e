// A store's commands (their checks and writes) kept in a module of their own, so a screen that only reads the
// store (the board's tiles) loads without them. The module is fetched once the browser is idle, as dialogs are
// (a save made after the Wi-Fi drops must not need the network), or by the first command, whichever is first.
import { fetchWhenIdle } from '@/composables/lazyDialog'

/** A command as its module exports it: the store's context first, then what the screen passes. */
type Command<Context> = (context: Context, ...args: never[]) => Promise<unknown>

/** The commands as the store offers them: the context already given. */
export type BoundCommands<Context, Module> = {
  [Name in keyof Module]: Module[Name] extends (context: Context, ...args: infer Args) => infer Result
    ? (...args: Args) => Promise<Awaited<Result>>
    : never
}

export function lazyCommands<
  Context,
  Module extends Record<Name, Command<Context>>,
  Name extends keyof Module & string,
>(load: () => Promise<Module>, context: Context, names: readonly Name[]): Pick<BoundCommands<Context, Module>, Name> {
  fetchWhenIdle(load)
  const bound = names.map((name) => {
    const command = async (...args: never[]) => (await load())[name](context, ...args)
    return [name, command] as const
  })
  return Object.fromEntries(bound) as unknown as Pick<BoundCommands<Context, Module>, Name>
}
