// The sync core shared by the app and the server: framework-free, no I/O.
export * from './hlc.ts'
export * from './json.ts'
export * from './tables.ts'
export * from './vector.ts'
export * from './protocol.ts'
export * from './text.ts'
export * from './merge.ts'
