import { nextTick, onBeforeUnmount, onMounted, ref } from 'vue'

/**
 * When a printed sheet was printed, for its "Printed …" line. The stamp is taken at print
 * time, not when the page opened, whether staff tap the page's Print button or use the
 * browser's own Print (Ctrl+P, via `beforeprint`). `beforePrint` runs first on both paths,
 * for work the sheet needs just before printing (such as taking a chart image).
 */
export function usePrintStamp(beforePrint: () => void = () => {}) {
  const printedAt = ref(new Date())

  function stamp() {
    beforePrint()
    printedAt.value = new Date()
  }

  async function print() {
    stamp()
    await nextTick()
    window.print()
  }

  onMounted(() => window.addEventListener('beforeprint', stamp))
  onBeforeUnmount(() => window.removeEventListener('beforeprint', stamp))

  return { printedAt, print }
}
