// How long a goal's monthly review commentary may be: its own module, so the texts-to-choose rules
// (textChoices.ts), which load with every screen, do not bring the goal and catch-ball rules with them.
export const REVIEW_COMMENTARY_MAX = 600
