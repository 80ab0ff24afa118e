// Checks on the "Enrol this tablet" form before anything is sent. Plain English, keyed
// by field for the NHS error summary. Pure: no Vue, no Dexie.
import { validateName, type Errors } from '@/domain/validation'
import { CODE_LENGTH, normaliseCode, usesCodeAlphabet } from '@/shared/enrolmentCode'

export type EnrolField = 'code' | 'deviceName' | 'submit'

export interface EnrolDraft {
  code: string
  deviceName: string
}

export const DEVICE_NAME_MAX = 80

export function validateEnrolDraft(draft: EnrolDraft): Errors<EnrolField> {
  const errors: Errors<EnrolField> = {}
  const code = normaliseCode(draft.code)
  if (!code) errors.code = 'Enter the enrolment code from your improvement office'
  else if (!usesCodeAlphabet(code)) {
    errors.code =
      'Enrolment codes use only the letters A to Z (never I or O) and the numbers 2 to 9. Check the code and try again'
  } else if (code.length !== CODE_LENGTH) {
    errors.code = `Enter all ${CODE_LENGTH} letters and numbers of the code (you entered ${code.length}), for example ABCD-EFGH-JKMN`
  }
  const name = validateName('a name for this tablet', draft.deviceName, DEVICE_NAME_MAX)
  if (name) errors.deviceName = name
  return errors
}
