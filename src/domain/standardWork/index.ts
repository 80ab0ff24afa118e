// Standard work checklists: shifts, due slots, the due list, templates,
// runs, adherence and kamishibai audit cards. Pure: no Vue, no Dexie, no DOM.
export * from './shifts'
export * from './slots'
export * from './dueList'
export * from './ids'
export * from './templates'
export * from './runs'
export * from './adherence'
export * from './kamishibai'
