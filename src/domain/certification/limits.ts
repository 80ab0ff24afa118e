// What a certification submission may hold: its own module, so the texts-to-choose rules
// (textChoices.ts), which load with every screen, do not bring the submission rules with them.
export const REFLECTION_MIN = 100
export const REFLECTION_MAX = 2000
export const MAX_NAMES = 12
export const ENDORSEMENT_MAX = 1000
