import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config.ts'
import { databaseConfigFrom, describeDatabase } from '../../server/db/config.ts'

describe('database configuration', () => {
  it('uses the SQLite file in ./data by default', () => {
    expect(readConfig({}).database).toEqual({
      dialect: 'sqlite',
      filename: expect.stringMatching(/\/data\/lim-huddle\.sqlite$/),
    })
  })

  it('puts the SQLite file in DATA_DIR', () => {
    expect(databaseConfigFrom({ DATA_DIR: '/var/lib/lim-huddle' }, '/srv/app')).toEqual({
      dialect: 'sqlite',
      filename: '/var/lib/lim-huddle/lim-huddle.sqlite',
    })
    expect(databaseConfigFrom({ DATA_DIR: 'store' }, '/srv/app')).toEqual({
      dialect: 'sqlite',
      filename: '/srv/app/store/lim-huddle.sqlite',
    })
  })

  it.each(['postgres://huddle:secret@db.internal:5432/huddle', 'postgresql://db.internal/huddle'])(
    'uses PostgreSQL for DATABASE_URL=%s',
    (url) => {
      expect(databaseConfigFrom({ DATABASE_URL: url, DATA_DIR: '/ignored' }, '/srv/app')).toEqual({
        dialect: 'postgres',
        connectionString: url,
      })
    },
  )

  it('refuses a DATABASE_URL for another kind of database', () => {
    expect(() => databaseConfigFrom({ DATABASE_URL: 'mysql://db/huddle' }, '/srv/app')).toThrow(
      /DATABASE_URL must start with postgres:\/\//,
    )
  })

  it('describes where the data is without the password', () => {
    const text = describeDatabase({
      dialect: 'postgres',
      connectionString: 'postgres://huddle:secret@db.internal:5433/huddle',
    })
    expect(text).toBe('PostgreSQL db.internal:5433/huddle')
    expect(describeDatabase({ dialect: 'sqlite', filename: '/data/lim-huddle.sqlite' })).toBe(
      'SQLite file /data/lim-huddle.sqlite',
    )
  })
})
