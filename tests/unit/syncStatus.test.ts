import { describe, expect, it } from 'vitest'
import {
  announcementFor,
  lastSyncedText,
  pendingText,
  retryDelayMs,
  summariseSync,
  type SyncSituation,
} from '@/domain/syncStatus'
import { textContext, textLabel, textsToChoose, validateChosenText } from '@/domain/textChoices'

// 26/11/2026 09:00 in London (GMT); 07:42 the same morning, and a summer evening (BST).
const now = new Date('2026-11-26T09:00:00Z')
const base: SyncSituation = { status: 'idle', online: true, pending: 0, lastSyncedAt: null, now }

describe('summariseSync', () => {
  it.each<[string, Partial<SyncSituation>, string, string, string]>([
    ['never synced', {}, 'online', 'ok', 'Online'],
    ['synced this morning', { lastSyncedAt: '2026-11-26T07:42:10Z' }, 'online', 'ok', 'Online – Synced 07:42'],
    [
      'synced before today (BST)',
      { lastSyncedAt: '2026-07-01T17:03:00Z' },
      'online',
      'ok',
      'Online – Synced 01/07/2026 18:03',
    ],
    [
      'changes waiting',
      { pending: 3, lastSyncedAt: '2026-11-26T07:42:10Z' },
      'online',
      'ok',
      'Online – 3 changes waiting to sync',
    ],
    ['one change waiting', { pending: 1 }, 'online', 'ok', 'Online – 1 change waiting to sync'],
    ['syncing', { status: 'syncing' }, 'sync', 'ok', 'Online – Syncing…'],
    [
      'offline by the browser',
      { online: false, pending: 2 },
      'offline',
      'offline',
      'Offline – 2 changes waiting to sync',
    ],
    [
      'offline by the server',
      { status: 'offline' },
      'offline',
      'offline',
      'Offline – changes are saved on this tablet',
    ],
    [
      'not enrolled',
      { status: 'not-enrolled', pending: 4 },
      'info',
      'quiet',
      'Not shared: this tablet is not enrolled',
    ],
    [
      'not enrolled and offline',
      { status: 'not-enrolled', online: false, pending: 4 },
      'offline',
      'offline',
      'Offline – 4 changes saved on this tablet',
    ],
    [
      'not enrolled, offline, nothing changed',
      { status: 'not-enrolled', online: false },
      'offline',
      'offline',
      'Offline – changes are saved on this tablet',
    ],
    [
      'a sync problem',
      { status: 'error', pending: 2 },
      'warning',
      'problem',
      'Sync problem – 2 changes waiting to sync',
    ],
    ['an old app', { status: 'update-needed', online: false }, 'warning', 'problem', 'Update needed to sync'],
    ['a removed tablet', { status: 'removed' }, 'warning', 'problem', 'Not syncing – tablet removed'],
    [
      'a clock the server found fast',
      { clockSkewMs: 3 * 3_600_000, lastSyncedAt: '2026-11-26T07:42:10Z' },
      'warning',
      'problem',
      'Online – tablet clock is wrong',
    ],
    [
      'a fast clock while syncing',
      { status: 'syncing', clockSkewMs: 120_000 },
      'warning',
      'problem',
      'Online – tablet clock is wrong',
    ],
    [
      'a fast clock, offline',
      { online: false, clockSkewMs: 120_000 },
      'offline',
      'offline',
      'Offline – changes are saved on this tablet',
    ],
    ['the clock warning cleared', { clockSkewMs: null }, 'online', 'ok', 'Online'],
  ])('%s', (_name, situation, icon, tone, text) => {
    expect(summariseSync({ ...base, ...situation })).toMatchObject({ icon, tone, text })
  })

  it('gives counts and times the same announcement key, so they are never read out', () => {
    const keys = [{}, { pending: 3 }, { status: 'syncing' as const }, { lastSyncedAt: '2026-11-26T07:42:10Z' }].map(
      (s) => summariseSync({ ...base, ...s }).key,
    )
    expect(new Set(keys).size).toBe(1)
  })
})

describe('sync wording', () => {
  it.each([
    [0, '0 changes waiting to sync'],
    [1, '1 change waiting to sync'],
    [12, '12 changes waiting to sync'],
  ])('pendingText(%i)', (count, text) => expect(pendingText(count)).toBe(text))

  it('says when it last synced in London time', () => {
    expect(lastSyncedText('2026-11-26T00:05:00Z', now)).toBe('Synced 00:05')
    expect(lastSyncedText('2026-11-25T23:59:00Z', now)).toBe('Synced 25/11/2026 23:59')
  })

  it.each([
    ['offline', 'ok', null, 'Offline. Changes are saved on this tablet.'],
    ['ok', 'offline', null, 'Back online.'],
    ['ok', 'error', null, 'Sync is working again.'],
    ['ok', undefined, null, ''],
    [
      'clock',
      'ok',
      null,
      "This tablet's clock is wrong. Its changes are timed by the sync server instead. Ask IT to set the clock right.",
    ],
    ['ok', 'clock', null, "This tablet's clock is right again."],
    ['not-enrolled', undefined, 'Not enrolled', ''],
    [
      'removed',
      'ok',
      'This tablet was removed from Ward 7. Ask your manager to re-enrol it.',
      'This tablet was removed from Ward 7. Ask your manager to re-enrol it.',
    ],
    [
      'error',
      'ok',
      'The sync server is not available right now.',
      'Sync problem. The sync server is not available right now.',
    ],
  ])('announces %s after %s', (key, previous, message, text) => {
    expect(announcementFor(key, previous, message)).toBe(text)
  })

  it('names texts to choose in plain words', () => {
    expect([
      textLabel('actions', 'title'),
      textLabel('measures', 'name'),
      textLabel('entries', 'comment'),
      textLabel('huddles', 'notes'),
    ]).toEqual(['Action', 'Measure name', 'Day comment', 'Huddle notes'])
    expect([textsToChoose(1), textsToChoose(2)]).toEqual(['1 text to choose', '2 texts to choose'])
    expect(textContext('entries', { day: '2026-11-26' }, 'Falls')).toBe('Falls on 26/11/2026')
    expect(textContext('actions', { title: 'x' })).toBe('')
  })

  it('checks the kept wording like the form it came from', () => {
    expect(validateChosenText('actions', 'title', ' ')).toBe('Enter the action, or choose one of the versions')
    expect(validateChosenText('entries', 'comment', '')).toBeUndefined()
    expect(validateChosenText('measures', 'name', 'x'.repeat(81))).toBe(
      'Measure name must be 80 characters or fewer (it has 81)',
    )
  })
})

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 5_000],
    [2, 0, 10_000],
    [3, 0, 20_000],
    [7, 0, 300_000],
    [50, 0, 300_000],
    [1, 1, 6_250],
    [50, 1, 375_000],
  ])('after %i failures in a row with jitter %f waits %i ms', (failures, jitter, expected) => {
    expect(retryDelayMs(failures, () => jitter)).toBe(expected)
  })
})
