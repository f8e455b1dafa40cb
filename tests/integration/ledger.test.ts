// Migrations: applied at open, one transaction each, after an online backup; a ledger from a
// newer version is refused untouched.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/shared/clock'
import { openLedger } from '../../src/main/core/ledger/open'
import { rejection, SELLER, tempDir, testCore } from '../support/core'

const REAL = path.resolve('migrations/ledger')
const clock = manualClock(new Date('2026-11-28T12:00:00Z'))

/** the real migrations plus one more, as a later version of the app would ship */
function migrationsWith(extra: { tag: string; sql: string }): string {
  const dir = tempDir('fapiao-migrations-')
  fs.cpSync(REAL, dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `${extra.tag}.sql`), extra.sql)
  const journalFile = path.join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] }
  journal.entries.push({ ...journal.entries[0]!, idx: journal.entries.length, tag: extra.tag })
  fs.writeFileSync(journalFile, JSON.stringify(journal))
  return dir
}

describe('ledger', () => {
  it('opens with the pragmas books need', async () => {
    const ledger = await openLedger(path.join(tempDir(), 'ledger.db'), { migrationsDir: REAL, clock })
    expect(ledger.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ledger.db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(ledger.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ledger.db.pragma('busy_timeout', { simple: true })).toBe(5000)
    ledger.close()
  })

  it('backs the file up before applying a new migration, and applies it', async () => {
    const file = path.join(tempDir(), 'ledger.db')
    const first = await openLedger(file, { migrationsDir: REAL, clock })
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'before')").run()
    first.close()
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false)

    const dir = migrationsWith({ tag: '0099_add_note', sql: "ALTER TABLE items ADD `note` text DEFAULT '' NOT NULL;" })
    const second = await openLedger(file, { migrationsDir: dir, clock })
    const cols = (second.db.prepare("SELECT name FROM pragma_table_info('items')").all() as { name: string }[]).map((c) => c.name)
    expect(cols).toContain('note')
    second.close()

    const backups = fs.readdirSync(path.join(path.dirname(file), 'backups'))
    expect(backups).toEqual(['ledger-20261128-200000-before-0099_add_note.db'])
    const backup = new Database(path.join(path.dirname(file), 'backups', backups[0]!), { readonly: true })
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'before' })
    expect((backup.prepare("SELECT name FROM pragma_table_info('items')").all() as { name: string }[]).map((c) => c.name)).not.toContain('note')
    backup.close()
  })

  it('rolls a failing migration back whole', async () => {
    const file = path.join(tempDir(), 'ledger.db')
    ;(await openLedger(file, { migrationsDir: REAL, clock })).close()
    const dir = migrationsWith({
      tag: '0099_broken',
      sql: 'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    })
    await expect(openLedger(file, { migrationsDir: dir, clock })).rejects.toThrow()
    const db = new Database(file, { readonly: true })
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined()
    expect(db.prepare("SELECT tag FROM schema_migrations WHERE tag = '0099_broken'").get()).toBeUndefined()
    db.close()
  })

  it('refuses a ledger written by a newer version, and leaves it untouched', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    core.close()
    const file = path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')
    const db = new Database(file)
    db.prepare("INSERT INTO schema_migrations (tag, applied_at) VALUES ('0042_from_the_future', '2027-01-01T00:00:00+08:00')").run()
    db.close()
    const before = fs.readFileSync(file)

    const e = await rejection(openLedger(file, { migrationsDir: REAL, clock }))
    expect(e.code).toBe('LEDGER_TOO_NEW')
    expect(e.message).toContain('0042_from_the_future')
    expect(e.message).toContain('请安装最新版本')
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('lists backups and restores one, keeping the current ledger as a backup too', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    await core.call('extras.create', { name: '合同编号', dataType: '文本' })
    const ledger = path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')
    // a backup as a migration would take it
    fs.mkdirSync(path.join(path.dirname(ledger), 'backups'))
    const db = new Database(ledger)
    await db.backup(path.join(path.dirname(ledger), 'backups', 'ledger-20261101-090000-before-0001_x.db'))
    db.close()
    await core.call('extras.create', { name: '车牌号', dataType: '文本' })

    expect((await core.call('backups.list', {})).map((b) => b.name)).toEqual(['ledger-20261101-090000-before-0001_x.db'])
    await core.call('backups.restore', { name: 'ledger-20261101-090000-before-0001_x.db' })
    expect((await core.call('extras.list', {})).rows.map((r) => r.name)).toEqual(['合同编号'])
    const names = (await core.call('backups.list', {})).map((b) => b.reason)
    expect(names).toContain('before-restore')
    expect((await rejection(core.call('backups.restore', { name: '../ledger.db' }))).code).toBe('VALIDATION')
    expect((await rejection(core.call('backups.restore', { name: 'nope.db' }))).code).toBe('NOT_FOUND')
  })
})
