// The books and the settings are this user's only (issue 10 §4): ledgers with their -wal and -shm,
// backups, platform.json and app.json are created 0600 — checked on the real files.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { findAppDir } from '../../src/main/core/app'
import { createBackup } from '../../src/main/core/ledger/backups'
import { openLedger } from '../../src/main/core/ledger/open'
import { systemClock } from '../../src/shared/clock'
import { SELLER, tempDir, testCore } from '../support/core'

const mode = (file: string) => fs.statSync(file).mode & 0o777
const migrationsDir = path.join(findAppDir(), 'migrations', 'ledger')

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('a new company: ledger, WAL, SHM, app.json and platform.json are 0600', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    await core.call('settings.platform.set', { url: 'https://platform.example.com', password: 'secret-1' })
    const ledger = path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')
    for (const file of [ledger, `${ledger}-wal`, `${ledger}-shm`, path.join(dataDir, 'app.json'), path.join(dataDir, 'platform.json')]) expect(mode(file), file).toBe(0o600)
    expect(mode(path.dirname(ledger))).toBe(0o700)
  })

  it('backups, before a migration and before a restore, are 0600; so is the restored ledger', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const file = path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')
    // a backup as a migration takes it, through the ledger's own connection
    const other = await openLedger(path.join(tempDir(), 'ledger.db'), { migrationsDir, clock: systemClock })
    const first = await createBackup(other.db, other.file, 'before-0001_test', new Date())
    other.close()
    expect(mode(first)).toBe(0o600)
    const copy = new Database(first, { readonly: true })
    expect(copy.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toMatchObject({ n: expect.any(Number) })
    copy.close()

    fs.mkdirSync(path.join(path.dirname(file), 'backups'), { recursive: true })
    fs.copyFileSync(first, path.join(path.dirname(file), 'backups', path.basename(first)))
    await core.call('backups.restore', { name: path.basename(first) })
    const backups = fs.readdirSync(path.join(path.dirname(file), 'backups'))
    expect(backups.some((n) => n.includes('before-restore'))).toBe(true)
    for (const n of backups) expect(mode(path.join(path.dirname(file), 'backups', n)), n).toBe(0o600)
    expect(mode(file)).toBe(0o600)
  })

  it('a ledger an older version left readable by others is narrowed to 0600 when opened', async () => {
    const dataDir = tempDir()
    ;(await testCore({ dataDir })).close()
    const file = path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')
    fs.chmodSync(file, 0o644)
    const core = await testCore({ dataDir, company: SELLER.taxId })
    expect((await core.call('companies.current', {}))?.taxId).toBe(SELLER.taxId)
    expect(mode(file)).toBe(0o600)
    expect(mode(`${file}-wal`)).toBe(0o600)
  })
})
