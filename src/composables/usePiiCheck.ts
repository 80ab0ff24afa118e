// Checks a form's free text for likely patient identifiers before it is saved (see
// src/domain/pii.ts for the rules). The first save with findings is stopped and the
// warning shown; from then on the warning follows the text as it is edited, and goes
// when the text is clean. "Save anyway" accepts exactly the findings on screen: new
// ones typed afterwards are warned about again. Nothing typed is ever changed here.
import { computed, reactive, ref } from 'vue'
import { findLikelyPatientIdentifiers, type PiiFinding } from '@/domain/pii'

export interface PiiField {
  text: string
  /** What is stored already: unchanged text is not checked again (it was saved before, or came from another tablet). */
  saved?: string | null
  /** The input's id, so the warning can link to it. */
  id?: string
  /** Named in the warning when a form checks several fields, e.g. "Description". */
  label?: string
}

export interface FieldFinding extends PiiFinding {
  fieldId?: string
  fieldLabel?: string
}

export function usePiiCheck(fields: () => PiiField[]) {
  const findings = computed<FieldFinding[]>(() =>
    fields()
      .filter((field) => field.text !== (field.saved ?? ''))
      .flatMap((field) =>
        findLikelyPatientIdentifiers(field.text).map((f) => ({ ...f, fieldId: field.id, fieldLabel: field.label })),
      ),
  )
  const asked = ref(false)
  const accepted = ref<string | null>(null)
  const fingerprint = computed(() =>
    JSON.stringify(findings.value.map((f) => [f.fieldId ?? f.fieldLabel ?? '', f.kind, f.matched])),
  )

  /** Shown after a stopped save, for as long as the text still has findings. */
  const showing = computed(() => asked.value && findings.value.length > 0)

  /** Call at the start of saving: false means stop, the warning is now showing. */
  function mayProceed(): boolean {
    if (findings.value.length === 0 || accepted.value === fingerprint.value) return true
    asked.value = true
    return false
  }

  /** "Save anyway — it is not patient information": the form then saves again. */
  function accept() {
    accepted.value = fingerprint.value
  }

  /** A fresh start, when a form opens for another record or has saved. */
  function reset() {
    asked.value = false
    accepted.value = null
  }

  // Reactive, so templates read `pii.showing` and `pii.findings` without `.value`.
  return reactive({ findings, showing, mayProceed, accept, reset })
}
