// A ward (Ward 7 on boardFixture's board) and its CSU with a board of its own, and
// escalations stored in fake IndexedDB, for the escalation screens' tests.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { db } from '@/db/db'
import { DEFAULT_CATEGORIES, defaultAgendaForTier } from '@/domain/defaults'
import { newEscalationFields } from '@/domain/escalations'
import type { Board, Escalation } from '@/domain/types'
import { useOrgStore } from '@/stores/org'
import { seedBoard } from './boardFixture'
import { settle } from '../helpers/dom'

const at = '2026-01-01T08:00:00.000Z'
export const CSU_BOARD: Board = {
  id: 'csu-board',
  unitId: 'csu-1',
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Seed',
  name: 'Medicine CSU huddle',
  categories: DEFAULT_CATEGORIES,
  agenda: defaultAgendaForTier('csu'),
  huddleMinutes: 20,
}

export function makeEscalation(
  id: string,
  fields: Partial<Escalation> & { title: string; raisedAt?: string },
): Escalation {
  const raised = new Date(fields.raisedAt ?? new Date(Date.now() - 3 * 3_600_000).toISOString())
  return {
    id,
    unitId: 'unit-1',
    boardId: 'board-1',
    createdAt: raised.toISOString(),
    updatedAt: raised.toISOString(),
    updatedBy: 'Seed',
    ...newEscalationFields(
      { title: fields.title, reason: 'Estates cannot come until Monday', category: 'Equipment or estates' },
      'unit',
      'Priya',
      null,
      raised,
    ),
    ...fields,
  }
}

/** Seed Ward 7's board, the CSU and its board, `escalations`; show `boardId`; mount `view`. */
export async function mountEscalations(
  view: Component,
  boardId: string,
  escalations: Escalation[] = [],
  csuBoard: Board = CSU_BOARD,
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await db.trusts.put({ id: 'trust-1', name: 'Trust', createdAt: at })
  await db.csus.put({ id: 'csu-1', trustId: 'trust-1', name: 'Medicine', createdAt: at })
  await db.boards.put(csuBoard)
  await seedBoard(pinia)
  await db.escalations.bulkPut(escalations)
  await useOrgStore(pinia).selectBoard(boardId)
  const blank = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: blank },
      { path: '/escalations', component: view },
      { path: '/problem-a3/:kind/:id', component: blank },
    ],
  })
  await router.push('/escalations')
  const wrapper = mount(view, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { wrapper, pinia }
}
