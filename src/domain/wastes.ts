// The 8 wastes of lean thinking, in ward words. Staff tag an idea with the waste it
// tackles; the hint is what makes the word mean something at 3 a.m. on a busy ward, so
// each one names things people actually see. Pure: shared by the app and the server.
import type { WasteId } from './types'

export interface Waste {
  id: WasteId
  name: string
  /** One plain-English line with ward examples, shown under the chip. */
  hint: string
}

export const WASTES: readonly Waste[] = [
  {
    id: 'defects',
    name: 'Defects',
    hint: 'Mistakes and redoing work: missing paperwork, repeated bloods, wrong details on a form.',
  },
  {
    id: 'overproduction',
    name: 'Overproduction',
    hint: 'Doing things before they are needed or "just in case": printing lists nobody reads, tests not needed.',
  },
  {
    id: 'waiting',
    name: 'Waiting',
    hint: 'Patients or staff waiting: for a doctor, a porter, pharmacy, a bed or a discharge letter.',
  },
  {
    id: 'unused-talent',
    name: 'Unused talent',
    hint: "Not using people's skills and ideas: staff who could do more, ideas nobody asks for.",
  },
  { id: 'transport', name: 'Transport', hint: 'Moving patients, equipment, notes or samples more than needed.' },
  {
    id: 'inventory',
    name: 'Inventory',
    hint: 'Too much or too little stock: overflowing cupboards, out-of-date items, running out.',
  },
  {
    id: 'motion',
    name: 'Motion',
    hint: 'Walking and searching: hunting for equipment, keys or forms; long trips to the store room.',
  },
  {
    id: 'extra-processing',
    name: 'Extra processing',
    hint: 'Doing more than the patient needs: writing the same thing twice, extra checks and forms.',
  },
] as const

const BY_ID = new Map<string, Waste>(WASTES.map((w) => [w.id, w]))

/** The longest waste id: the server's bound on an id sent from the phone's idea form. */
export const WASTE_ID_MAX = Math.max(...WASTES.map((w) => w.id.length))

export function wasteById(id: string): Waste | undefined {
  return BY_ID.get(id)
}

export function isWasteId(id: unknown): id is WasteId {
  return typeof id === 'string' && BY_ID.has(id)
}
