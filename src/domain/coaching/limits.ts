// How long a coaching request and a session's notes may be: their own module, so the texts-to-choose
// rules (textChoices.ts), which load with every screen, do not bring the coaching rules with them.
export const COACH_TEXT_MAX = 500
export const SESSION_NOTES_MAX = 1000
