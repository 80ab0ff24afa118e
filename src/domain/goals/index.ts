// Strategy deployment: goals at each tier and the catch-ball that agrees them (docs/STRATEGY.md).
export * from './goals'
export * from './goalDraft'
export * from './catchBall'
export * from './catchBallInput'
export * from './deployment'
export * from './a3'
export * from './bowling'
export * from './review'
