// Ideas stored in fake IndexedDB for the idea screens' tests, on boardFixture's board.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { db } from '@/db/db'
import { newIdeaFields } from '@/domain/ideas'
import type { Idea, IdeaStatus } from '@/domain/types'
import { seedBoard } from './boardFixture'
import { settle } from '../helpers/dom'

export function makeIdea(
  id: string,
  fields: {
    problem: string
    status?: IdeaStatus
    statusChangedAt?: string
    raisedBy?: string | null
    createdAt?: string
  },
): Idea {
  const at = fields.createdAt ?? fields.statusChangedAt ?? new Date().toISOString()
  return {
    id,
    unitId: 'unit-1',
    boardId: 'board-1',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Seed',
    ...newIdeaFields(
      { problem: fields.problem, idea: `Idea for: ${fields.problem}`, raisedBy: fields.raisedBy ?? null },
      new Date(at),
    ),
    status: fields.status ?? 'new',
    statusChangedAt: fields.statusChangedAt ?? at,
  }
}

/** Seed the board and `ideas`, then mount `view` at `path` with a fresh Pinia and router. */
export async function mountWithIdeas(view: Component, path: string, ideas: Idea[] = []) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await seedBoard(pinia)
  await db.ideas.bulkPut(ideas)
  const blank = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: blank },
      { path: '/board/ideas', component: path === '/board/ideas' ? view : blank },
      { path: '/board/ideas/new', component: path === '/board/ideas/new' ? view : blank },
      { path: '/board/ideas/:id', component: blank },
    ],
  })
  await router.push(path)
  const wrapper = mount(view, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { wrapper, pinia, router }
}
