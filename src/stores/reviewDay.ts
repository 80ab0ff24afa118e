import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { londonDay } from '@/domain/dates'
import {
  huddleDayShortWords,
  huddleDayWords,
  readReviewChoice,
  reviewDayFor,
  type ReviewChoice,
} from '@/domain/reviewDay'

const STORAGE_KEY = 'lim-huddle.review-day'

/**
 * The one day under review, shared by the board and the huddle: chosen once on this tablet
 * (yesterday unless the ward huddles about today), so the huddle shows the day the board
 * says it will.
 */
export const useReviewDayStore = defineStore('reviewDay', () => {
  const choice = ref<ReviewChoice>(readReviewChoice(readStored()))
  /** Moved on by App.vue's clock, so a tablet left on overnight reviews the right day. */
  const today = ref(londonDay())
  const reviewDay = computed(() => reviewDayFor(choice.value, today.value))
  const words = computed(() => huddleDayWords(choice.value, today.value))
  const shortWords = computed(() => huddleDayShortWords(choice.value, today.value))
  /** "yesterday" or "today so far", for short labels. */
  const shortName = computed(() => (choice.value === 'today' ? 'today so far' : 'yesterday'))

  function choose(next: ReviewChoice) {
    choice.value = next
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private mode or full storage: the choice holds for this page's lifetime.
    }
  }

  return { choice, today, reviewDay, words, shortWords, shortName, choose }
})

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage unavailable: the usual choice.
    return null
  }
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReviewDayStore, import.meta.hot))
