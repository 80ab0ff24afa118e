import { describe, expect, it } from 'vitest'
import { formatValue, statusOf } from '@/domain/status'
import type { Measure } from '@/domain/types'

type M = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'target' | 'thresholds'>
const falls: M = { type: 'count', direction: 'lower', target: 0, thresholds: { green: 0, red: 1 } }
const obs: M = { type: 'percentage', direction: 'higher', target: 95, thresholds: { green: 95, red: 85 } }
const targetOnly: M = { type: 'count', direction: 'higher', target: 4, thresholds: null }
const neutral: M = { type: 'number', direction: 'neutral', target: null, thresholds: null }
const noTarget: M = { type: 'number', direction: 'lower', target: null, thresholds: null }
const briefHeld: M = { type: 'yesno', direction: 'higher', goodAnswer: 'yes' }
const anyFalls: M = { type: 'yesno', direction: 'lower', goodAnswer: 'no' }
const cross: M = { type: 'daystatus', direction: 'neutral' }

describe('statusOf', () => {
  it.each([
    ['falls 0 (lower is better, green at 0)', falls, 0, 'green'],
    ['falls 1 is on the red threshold, so amber', falls, 1, 'amber'],
    ['falls 2 is beyond the red threshold', falls, 2, 'red'],
    ['obs 95% meets green', obs, 95, 'green'],
    ['obs 94.9% is amber', obs, 94.9, 'amber'],
    ['obs 85% on the red threshold is amber', obs, 85, 'amber'],
    ['obs 84.9% is red', obs, 84.9, 'red'],
    ['target only, met', targetOnly, 4, 'green'],
    ['target only, missed', targetOnly, 3, 'red'],
    ['neutral measure has no RAG', neutral, 12, 'none'],
    ['direction but neither target nor thresholds', noTarget, 3, 'none'],
    ['yes is good, yes', briefHeld, true, 'green'],
    ['yes is good, no', briefHeld, false, 'red'],
    ['no is good, no', anyFalls, false, 'green'],
    ['no is good, yes', anyFalls, true, 'red'],
    ['day status passes through', cross, 'amber', 'amber'],
    ['nothing recorded', falls, undefined, 'missing'],
    ['null is nothing recorded', obs, null, 'missing'],
    ['wrong value type for a yes/no', briefHeld, 3, 'missing'],
    ['wrong value type for a count', falls, 'green', 'missing'],
  ] as const)('%s', (_, measure, value, expected) => {
    expect(statusOf(measure, value)).toBe(expected)
  })
})

describe('formatValue', () => {
  it.each([
    [{ type: 'percentage', unit: '%' }, 92.5, '92.5%'],
    [{ type: 'count', unit: 'falls' }, 2, '2 falls'],
    [{ type: 'count', unit: 'falls' }, 1, '1 fall'],
    [{ type: 'count', unit: 'falls' }, 0, '0 falls'],
    [{ type: 'number', unit: 'days' }, 1.04, '1.0 days'],
    [{ type: 'count', unit: 'class' }, 1, '1 class'],
    [{ type: 'number', unit: '' }, 7, '7'],
    [{ type: 'yesno', unit: '' }, true, 'Yes'],
    [{ type: 'daystatus', unit: '' }, 'red', 'Red'],
    [{ type: 'count', unit: 'falls' }, undefined, '–'],
  ] as const)('%j %j → %s', (measure, value, text) => {
    expect(formatValue(measure, value)).toBe(text)
  })
})
