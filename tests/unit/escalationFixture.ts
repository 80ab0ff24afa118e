// One escalation from Ward 7 to its CSU, raised at 09:00 on 20/11/2026, for the escalation tests.
import { newEscalationFields } from '@/domain/escalations'
import type { Escalation } from '@/domain/types'

export function escalation(over: Partial<Escalation> = {}): Escalation {
  const at = '2026-11-20T09:00:00.000Z'
  return {
    id: 'e1',
    unitId: 'ward7',
    boardId: 'b1',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Sam',
    ...newEscalationFields(
      { title: 'Broken hoist', reason: 'Estates not answering', category: 'Equipment or estates' },
      'unit',
      'Sam',
      null,
      new Date(at),
    ),
    ...over,
  }
}
