import { describe, expect, it } from 'vitest'
import * as adminLimits from '@/shared/adminLimits'
import * as enrolmentCode from '@/shared/enrolmentCode'
import * as escalations from '@/domain/escalations'
import * as ideas from '@/domain/ideas'
import * as standardWork from '@/domain/standardWork'
import * as validation from '@/domain/validation'
import { templateOf, vueFiles } from './formMarkup'
import { sourceOf } from './saveFlow'

// A text box stops typing at the same limit its rule and the server enforce: its maxlength
// is a limit from src/domain or src/shared, never a number written again in the template.
const SHARED: Record<string, unknown> = {
  ...adminLimits,
  ...enrolmentCode,
  ...escalations,
  ...ideas,
  ...standardWork,
  ...validation,
}
const MAXLENGTH = /(:?)maxlength="([^"]*)"/g
const NAMED_LIMIT = /^([A-Z][A-Z0-9_]*)(?:\.([a-zA-Z]+))?$/

/** Each maxlength in a template, with the shared limit it names (or why it names none). */
export function maxlengthsIn(
  template: string,
  script: string,
): { expression: string; value?: number; problem?: string }[] {
  return [...template.matchAll(MAXLENGTH)].map(([, bound, expression = '']) => {
    if (!bound) return { expression, problem: 'a number written in the template' }
    const named = NAMED_LIMIT.exec(expression)
    if (!named) return { expression, problem: 'not one shared limit (no arithmetic on it either)' }
    const [, name = '', key] = named
    if (!new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '@/(domain|shared)/`).test(script))
      return { expression, problem: `${name} is not imported from src/domain or src/shared` }
    const found = SHARED[name]
    const value = key ? (found as Record<string, unknown> | undefined)?.[key] : found
    return typeof value === 'number' ? { expression, value } : { expression, problem: 'not a shared limit' }
  })
}

const files = vueFiles('src').filter((file) => file !== 'components/common/FormField.vue')
const withMaxlength = files.filter((file) => templateOf(`src/${file}`).includes('maxlength='))

describe("a text box's maxlength is the shared limit", () => {
  it('reads a shared limit, and refuses a number written again or worked out from one', () => {
    const script =
      "import { LIMITS } from '@/domain/validation'\nimport { CODE_TYPED_MAX } from '@/shared/enrolmentCode'"
    expect(maxlengthsIn('<input :maxlength="LIMITS.person" />', script)).toEqual([
      { expression: 'LIMITS.person', value: validation.LIMITS.person },
    ])
    expect(maxlengthsIn('<input :maxlength="CODE_TYPED_MAX" />', script)[0]?.value).toBe(enrolmentCode.CODE_TYPED_MAX)
    expect(maxlengthsIn('<input maxlength="80" />', script)[0]?.problem).toBe('a number written in the template')
    expect(maxlengthsIn('<input :maxlength="250" />', script)[0]?.problem).toMatch(/not one shared limit/)
    expect(maxlengthsIn('<input :maxlength="LIMITS.person * 2" />', script)[0]?.problem).toMatch(/not one shared limit/)
    expect(maxlengthsIn('<input :maxlength="REASON_MAX" />', script)[0]?.problem).toMatch(/not imported/)
  })

  it('finds the text boxes that set one', () => {
    expect(withMaxlength).toEqual(
      expect.arrayContaining(['components/actions/OwnerField.vue', 'components/enrol/EnrolForm.vue']),
    )
  })

  it.each(withMaxlength)('%s', (file) => {
    const found = maxlengthsIn(templateOf(`src/${file}`), sourceOf(`src/${file}`))
    expect(found.filter((m) => m.problem)).toEqual([])
  })
})
