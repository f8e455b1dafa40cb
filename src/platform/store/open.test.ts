import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createPlatform } from '../platform'
import { tempDataDir } from '../testSupport'
import { DB_FILE } from './open'

describe('the platform store', () => {
  it('opens with WAL and full sync, migrated, and refuses a database from a newer version untouched', () => {
    const dataDir = tempDataDir()
    const platform = createPlatform({ dataDir })
    expect(platform.file).toBe(path.join(dataDir, DB_FILE))
    platform.close()

    const db = new Database(path.join(dataDir, DB_FILE))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect((db.prepare('SELECT tag FROM schema_migrations').all() as { tag: string }[]).map((r) => r.tag)).toContain('0000_init')
    db.prepare("INSERT INTO schema_migrations (tag, applied_at) VALUES ('9999_future', 'x')").run()
    db.close()

    expect(() => createPlatform({ dataDir })).toThrow(/更新版本/)
  })
})
