// The benches' baseline: the smallest app on the same stack as LIM Huddle (Vue, Pinia,
// Vue Router, Dexie), built with the app's own Vite config (bench/emptyApp/build.ts). Its
// /board reads the same measures and last fortnight of day values from IndexedDB through
// a Dexie live query in a Pinia store and renders one plain tile per measure, so "the
// app's board costs N× this" says what the app adds on top of the stack itself.
import Dexie, { liveQuery, type EntityTable } from 'dexie'
import { defineStore, createPinia } from 'pinia'
import { computed, createApp, defineComponent, h, shallowRef } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'

interface Measure {
  id: string
  boardId: string
  name: string
  order: number
}
interface Entry {
  id: string
  measureId: string
  boardId: string
  day: string
  value: unknown
}
interface Meta {
  key: string
  value: string
}

// The same database name and the indexes the benches seed through (tests/e2e/indexedDb.ts).
const db = new Dexie('lim-huddle') as Dexie & {
  measures: EntityTable<Measure, 'id'>
  entries: EntityTable<Entry, 'id'>
  boards: EntityTable<{ id: string }, 'id'>
  trusts: EntityTable<{ id: string }, 'id'>
  csus: EntityTable<{ id: string }, 'id'>
  units: EntityTable<{ id: string }, 'id'>
  meta: EntityTable<Meta, 'key'>
}
db.version(1).stores({
  measures: 'id, boardId',
  entries: 'id, [boardId+day]',
  boards: 'id',
  trusts: 'id',
  csus: 'id',
  units: 'id',
  meta: 'key',
})

function londonDay(offset = 0): string {
  const date = new Date(Date.now() + offset * 86_400_000)
  return date.toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
}

async function readBoard() {
  const boardId = (await db.meta.get('currentBoardId'))?.value
  if (!boardId) return { measures: [] as Measure[], entries: new Map<string, Entry>() }
  const [measures, entries] = await Promise.all([
    db.measures.where('boardId').equals(boardId).sortBy('order'),
    db.entries
      .where('[boardId+day]')
      .between([boardId, londonDay(-13)], [boardId, londonDay()], true, true)
      .toArray(),
  ])
  return { measures, entries: new Map(entries.map((e) => [e.id, e])) }
}

const useBoardStore = defineStore('board', () => {
  const data = shallowRef<Awaited<ReturnType<typeof readBoard>> | null>(null)
  liveQuery(readBoard).subscribe((value) => (data.value = value))
  const today = londonDay()
  const tiles = computed(() =>
    (data.value?.measures ?? []).map((m) => ({ measure: m, entry: data.value?.entries.get(`${m.id}:${today}`) })),
  )
  return { loaded: computed(() => data.value !== null), tiles }
})

const BoardView = defineComponent(() => {
  const board = useBoardStore()
  return () =>
    board.loaded
      ? h(
          'main',
          board.tiles.map(({ measure, entry }) =>
            h('article', { 'data-testid': 'measure-tile', 'data-status': entry ? 'recorded' : 'missing' }, [
              h('h3', measure.name),
              h('p', entry ? String(entry.value) : 'Not recorded'),
            ]),
          ),
        )
      : h('p', { role: 'status' }, 'Loading the board…')
})

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/board' },
    { path: '/board', component: BoardView },
  ],
})

createApp(() => h(RouterView))
  .use(createPinia())
  .use(router)
  .mount('#app')
