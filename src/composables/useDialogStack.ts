// Which app dialogs are open, in the order they opened. "Who is doing this?" is asked inside
// the topmost one instead of as a second dialog on top of it.
import { computed, ref } from 'vue'

const open = ref<symbol[]>([])

export function useDialogStack() {
  const me = Symbol('dialog')
  return {
    opened: () => {
      if (!open.value.includes(me)) open.value = [...open.value, me]
    },
    closed: () => {
      open.value = open.value.filter((d) => d !== me)
    },
    isTop: computed(() => open.value.at(-1) === me),
  }
}

/** Whether any app dialog is open (then it hosts the name picker itself). */
export const anyDialogOpen = computed(() => open.value.length > 0)
