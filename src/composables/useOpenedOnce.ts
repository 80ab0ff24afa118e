import { ref, watch, type Ref, type WatchSource } from 'vue'

/**
 * True from the first time `open` holds. A dialog loaded with defineAsyncComponent and
 * mounted with `v-if` on this is fetched when it is first opened, not with the screen,
 * and then stays mounted, so it closes (and hands focus back) as an always-mounted one does.
 */
export function useOpenedOnce(open: WatchSource<boolean>): Readonly<Ref<boolean>> {
  const opened = ref(false)
  watch(
    open,
    (now) => {
      if (now) opened.value = true
    },
    { immediate: true },
  )
  return opened
}
