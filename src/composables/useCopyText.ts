// Copying a text (a log, a list of changes) for staff to send to IT. When the browser will
// not copy (no permission, an older browser), the text is kept for CopiedText to show, so
// the person can select it and copy it by hand: the message still gets sent.
import { ref } from 'vue'

export function useCopyText() {
  /** What happened, said in words ('' before any copy). */
  const status = ref('')
  /** The text to select by hand; '' unless the browser refused to copy it. */
  const manualCopy = ref('')

  async function copy(text: string, copiedMessage: string): Promise<void> {
    status.value = ''
    manualCopy.value = ''
    try {
      await navigator.clipboard.writeText(text)
      status.value = copiedMessage
    } catch {
      manualCopy.value = text
      status.value = 'This browser would not copy it. Select the text below and copy it.'
    }
  }

  return { status, manualCopy, copy }
}
