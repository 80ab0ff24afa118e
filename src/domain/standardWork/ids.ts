// The ids of slot runs and step results, apart from the rules that use them: the database's migrations
// (db/db.ts, in the shell) read them without loading the standard work rules, which only the board's panels
// and the standard work screens need.

/** The run id for a template's slot on one unit: the same on every tablet of that unit, so two tablets that
 * start the same slot offline meet on one run instead of making two. The unit is part of it because a
 * trust-wide checklist is run by many wards: without it, one ward's run would replace another's on every CSU
 * and trust tablet (and ids cannot cross scopes on the server). */
export function slotRunId(templateId: string, slot: string, unitId: string): string {
  return `${legacySlotRunId(templateId, slot)}_${unitId}`
}

/** The id slot runs had before it named the unit (Dexie version 6 renames them). */
export function legacySlotRunId(templateId: string, slot: string): string {
  return `${templateId}_${slot.replace('/', '_')}`
}

/** The id of a step's result in a run: the same on every tablet. */
export function stepResultId(runId: string, stepId: string): string {
  return `${runId}:${stepId}`
}
