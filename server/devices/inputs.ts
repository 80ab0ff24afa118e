// What the admin API, the CLI and enrolment accept. Strict: an unknown field is refused,
// so a typo ("nmae") is an error rather than a silent no-op.
import { z } from 'zod'
import { StorableTextSchema } from '../../src/shared/sync/protocol.ts'
import { ID_LIMITS } from '../../src/shared/sync/limits.ts'
import { CODE_TYPED_MAX } from '../../src/shared/enrolmentCode.ts'
import {
  CODE_HOURS_DEFAULT,
  CODE_HOURS_MAX,
  CODE_LABEL_MAX,
  DEVICE_NAME_MAX,
  ORG_NAME_MAX,
} from '../../src/shared/adminLimits.ts'

// Every text here is stored as it is, so it must be text both stores keep unchanged.
const text = () => StorableTextSchema.trim()

export const IdSchema = StorableTextSchema.min(1, 'Give an id').max(
  ID_LIMITS.chars,
  `Ids are ${ID_LIMITS.chars} characters or fewer`,
)
const NameSchema = text().min(1, 'Give a name').max(ORG_NAME_MAX, `Names are ${ORG_NAME_MAX} characters or fewer`)
const UnitKindSchema = z.enum(['ward', 'department'], { error: 'Kind must be "ward" or "department"' })
const ScopeKindSchema = z.enum(['unit', 'csu', 'trust'], {
  error: 'Scope kind must be "unit", "csu" or "trust"',
})

export const NameInputSchema = z.strictObject({ name: NameSchema })
export const CsuInputSchema = z.strictObject({ trustId: IdSchema, name: NameSchema })
export const UnitInputSchema = z.strictObject({
  csuId: IdSchema,
  name: NameSchema,
  kind: UnitKindSchema.default('ward'),
})
export const UnitChangeSchema = z
  .strictObject({ name: NameSchema.optional(), kind: UnitKindSchema.optional() })
  .refine((change) => change.name !== undefined || change.kind !== undefined, 'Give a new name or kind')

export const CodeInputSchema = z.strictObject({
  scopeKind: ScopeKindSchema,
  scopeId: IdSchema,
  expiresInHours: z
    .int('Hours must be a whole number')
    .min(1, 'A code lasts at least 1 hour')
    .max(CODE_HOURS_MAX, `A code lasts at most ${CODE_HOURS_MAX} hours (30 days)`)
    .default(CODE_HOURS_DEFAULT),
  label: text().max(CODE_LABEL_MAX, `Labels are ${CODE_LABEL_MAX} characters or fewer`).optional(),
})

export const EnrolInputSchema = z.strictObject({
  code: z.string().max(CODE_TYPED_MAX, 'That is too long for an enrolment code'),
  deviceName: text()
    .min(1, 'Give this tablet a name')
    .max(DEVICE_NAME_MAX, `Tablet names are ${DEVICE_NAME_MAX} characters or fewer`),
})

export type NameInput = z.input<typeof NameInputSchema>
export type CsuInput = z.input<typeof CsuInputSchema>
export type UnitInput = z.input<typeof UnitInputSchema>
export type UnitChange = z.input<typeof UnitChangeSchema>
export type CodeInput = z.input<typeof CodeInputSchema>
export type EnrolInput = z.input<typeof EnrolInputSchema>
