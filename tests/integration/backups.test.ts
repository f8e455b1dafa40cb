// 账簿备份: 每日 as the books open, 手动, pruned to limits (automatic and manual apart), and a
// restore that first says what it would replace — real SQLite files and an injected clock.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/shared/clock'
import { createBackup, dailyBackupIfDue, listBackups, pruneBackups } from '../../src/main/core/ledger/backups'
import { openLedger } from '../../src/main/core/ledger/open'
import { createSession } from '../../src/main/core/session'
import { dailyBackupCheck } from '../../src/main/core/features/system/dailyBackups'
import { backupKind, backupReasonText } from '../../src/shared/api/backups'
import { rejection, SELLER, tempDir, testCore } from '../support/core'

const REAL = path.resolve('migrations/ledger')
const HOUR = 60 * 60 * 1000
const ledgerOf = (dataDir: string) => path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')

describe('backups', () => {
  it('takes a daily backup when the books open and the newest backup is a day old, not before', async () => {
    const dataDir = tempDir()
    const clock = manualClock(new Date('2026-12-01T01:00:00Z'))
    ;(await testCore({ dataDir, clock })).close()
    // a ledger made just now has nothing to keep
    expect(listBackups(ledgerOf(dataDir))).toEqual([])

    const reopen = async () => {
      const core = await testCore({ dataDir, clock, company: SELLER.taxId })
      await core.call('backups.list', {})
      core.close()
      return listBackups(ledgerOf(dataDir)).map((b) => b.name)
    }
    clock.advance(HOUR)
    expect(await reopen()).toEqual(['ledger-20261201-100000-daily.db'])
    clock.advance(24 * HOUR - 1000)
    expect(await reopen()).toHaveLength(1)
    clock.advance(1000)
    expect(await reopen()).toEqual(['ledger-20261202-100000-daily.db', 'ledger-20261201-100000-daily.db'])
  })

  it('while the app runs, the hourly check backs up the open ledger once its newest backup is a day old', async () => {
    const dataDir = tempDir()
    const clock = manualClock(new Date('2026-12-01T01:00:00Z'))
    const session = createSession({ dataDir, migrationsDir: REAL, clock })
    // no company open: nothing to do
    await dailyBackupCheck({ session, clock })
    await session.switchTo(SELLER.taxId, { create: true })
    clock.advance(HOUR)
    await createBackup((await session.ledger()).db, ledgerOf(dataDir), 'manual', clock.now())
    clock.advance(24 * HOUR - 1000)
    await dailyBackupCheck({ session, clock })
    expect(listBackups(ledgerOf(dataDir))).toHaveLength(1)
    clock.advance(1000)
    await dailyBackupCheck({ session, clock })
    expect(listBackups(ledgerOf(dataDir)).map((b) => b.name)).toEqual(['ledger-20261202-100000-daily.db', 'ledger-20261201-100000-manual.db'])
    session.close()
  })

  it('takes none when the core is told not to (a bench reopening one kept ledger)', async () => {
    const dataDir = tempDir()
    const clock = manualClock(new Date('2026-12-01T01:00:00Z'))
    ;(await testCore({ dataDir, clock })).close()
    clock.advance(48 * HOUR)
    const core = await testCore({ dataDir, clock, company: SELLER.taxId, dailyBackups: false })
    await core.call('backups.list', {})
    expect(listBackups(ledgerOf(dataDir))).toEqual([])
  })

  it('counts any kind of backup as the newest one', async () => {
    const file = path.join(tempDir(), 'ledger.db')
    const ledger = await openLedger(file, { migrationsDir: REAL, clock: manualClock(new Date()) })
    const at = new Date('2026-12-01T01:00:00Z')
    await createBackup(ledger.db, file, 'manual', at)
    expect(await dailyBackupIfDue(ledger.db, file, new Date(at.getTime() + 23 * HOUR))).toBeNull()
    expect(path.basename((await dailyBackupIfDue(ledger.db, file, new Date(at.getTime() + 24 * HOUR)))!)).toBe('ledger-20261202-090000-daily.db')
    ledger.close()
  })

  it('keeps the newest automatic backups and, apart from them, the newest manual ones', async () => {
    const file = path.join(tempDir(), 'ledger.db')
    const ledger = await openLedger(file, { migrationsDir: REAL, clock: manualClock(new Date()) })
    const limits = { automatic: 3, manual: 2 }
    const t0 = new Date('2026-12-01T01:00:00Z').getTime()
    const at = (h: number) => new Date(t0 + h * HOUR)
    await createBackup(ledger.db, file, 'manual', at(0), { limits })
    await createBackup(ledger.db, file, 'before-0001_x', at(1), { limits })
    for (let h = 2; h <= 5; h++) await createBackup(ledger.db, file, h % 2 ? 'before-update' : 'daily', at(h), { limits })
    // five automatic made, three kept (the oldest two went); the manual one untouched
    expect(listBackups(file).map((b) => b.reason)).toEqual(['before-update', 'daily', 'before-update', 'manual'])
    await createBackup(ledger.db, file, 'manual', at(6), { limits })
    await createBackup(ledger.db, file, 'manual', at(7), { limits })
    expect(
      listBackups(file)
        .filter((b) => b.reason === 'manual')
        .map((b) => b.createdAt),
    ).toEqual(['2026-12-01T16:00:00+08:00', '2026-12-01T15:00:00+08:00'])
    // never the one just made, nor one asked to be kept, even over the limit
    expect(pruneBackups(file, { keep: listBackups(file).map((b) => b.name), limits: { automatic: 0, manual: 0 } })).toEqual([])
    const made = path.basename(await createBackup(ledger.db, file, 'daily', at(8), { limits: { automatic: 0, manual: 2 } }))
    expect(listBackups(file).map((b) => b.name)).toContain(made)
    expect(listBackups(file).filter((b) => backupKind(b.reason) === 'automatic')).toHaveLength(1)
    ledger.close()
  })

  it('names every reason in Chinese and sorts it into automatic or manual', () => {
    expect(['before-0003_red', 'daily', 'before-update', 'before-restore-2', 'manual'].map(backupReasonText)).toEqual([
      '迁移前（升级账簿结构 0003）',
      '每日',
      '更新前',
      '恢复前',
      '手动',
    ])
    expect(['before-0003_red', 'daily-2', 'before-update', 'before-restore', 'manual', 'manual-2', 'copied-by-hand'].map(backupKind)).toEqual([
      'automatic',
      'automatic',
      'automatic',
      'automatic',
      'manual',
      'manual',
      'manual',
    ])
  })

  it('手动备份, then shows the current ledger against the backup before a restore', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir, clock: manualClock(new Date('2026-12-01T01:00:00Z')) })
    await core.call('customers.create', { name: '重庆银行股份有限公司', taxId: '91500000202869177Y' })
    const made = await core.call('backups.create', {})
    expect(made).toMatchObject({ name: 'ledger-20261201-090000-manual.db', reason: 'manual', createdAt: '2026-12-01T09:00:00+08:00' })
    await core.call('customers.create', { name: 'ABC 咨询', taxId: '91310000132200821H' })
    await core.call('items.create', { name: '学费', taxCode: '3070201010000000000', rate: '免税' })

    const cmp = await core.call('backups.inspect', { name: made.name })
    expect(cmp.current).toMatchObject({ invoices: 0, drafts: 0, customers: 2, items: 1 })
    expect(cmp.backup).toMatchObject({ invoices: 0, drafts: 0, customers: 1, items: 0 })
    expect(cmp.backup.lastChangeAt).toBe('2026-12-01T09:00:00+08:00')
    expect(cmp.createdAt).toBe(made.createdAt)
    // read-only: inspecting changed nothing in the backup
    expect(fs.statSync(path.join(path.dirname(ledgerOf(dataDir)), 'backups', made.name)).size).toBe(made.bytes)

    await core.call('backups.restore', { name: made.name })
    expect((await core.call('customers.list', {})).rows.map((r) => r.name)).toEqual(['重庆银行股份有限公司'])
  })

  it('refuses a backup file that is not a ledger, for the comparison and the restore, changing nothing', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    await core.call('customers.create', { name: '重庆银行股份有限公司', taxId: '91500000202869177Y' })
    const dir = path.join(path.dirname(ledgerOf(dataDir)), 'backups')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'ledger-20261101-090000-manual.db'), 'not a database at all, just some text long enough')
    const e = await rejection(core.call('backups.inspect', { name: 'ledger-20261101-090000-manual.db' }))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('ledger-20261101-090000-manual.db')
    expect((await rejection(core.call('backups.restore', { name: 'ledger-20261101-090000-manual.db' }))).code).toBe('FILE_INVALID')
    expect((await core.call('customers.list', {})).rows).toHaveLength(1)
    expect(listBackups(ledgerOf(dataDir)).map((b) => b.reason)).toEqual(['manual'])
    expect((await rejection(core.call('backups.inspect', { name: 'nope.db' }))).code).toBe('NOT_FOUND')
  })

  it('keeps automatic backups within their total size, the newest few whatever their size', async () => {
    const file = path.join(tempDir(), 'ledger.db')
    const ledger = await openLedger(file, { migrationsDir: REAL, clock: manualClock(new Date()) })
    const t0 = new Date('2026-12-01T01:00:00Z').getTime()
    const at = (d: number) => new Date(t0 + d * 24 * HOUR)
    const size = fs.statSync(await createBackup(ledger.db, file, 'manual', at(0))).size
    // room for two and a half copies: each new daily one pushes out the oldest past two
    const limits = { automatic: 30, manual: 100, automaticBytes: Math.floor(size * 2.5), automaticAtLeast: 1 }
    for (let d = 1; d <= 5; d++) await createBackup(ledger.db, file, 'daily', at(d), { limits })
    expect(listBackups(file).map((b) => [b.reason, b.createdAt.slice(0, 10)])).toEqual([
      ['daily', '2026-12-06'],
      ['daily', '2026-12-05'],
      ['manual', '2026-12-01'],
    ])
    // the newest `automaticAtLeast` stay even when one alone is over the size
    await createBackup(ledger.db, file, 'daily', at(6), { limits: { ...limits, automaticBytes: 1, automaticAtLeast: 2 } })
    expect(listBackups(file).map((b) => [b.reason, b.createdAt.slice(0, 10)])).toEqual([
      ['daily', '2026-12-07'],
      ['daily', '2026-12-06'],
      ['manual', '2026-12-01'],
    ])
    ledger.close()
  })

  it('restores the oldest of a full set of automatic backups: the one restored from is not pruned first', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    await core.call('customers.create', { name: '重庆银行股份有限公司', taxId: '91500000202869177Y' })
    const first = await core.call('backups.create', {})
    const dir = path.join(path.dirname(ledgerOf(dataDir)), 'backups')
    const oldest = 'ledger-20261001-090000-daily.db'
    fs.renameSync(path.join(dir, first.name), path.join(dir, oldest))
    for (let d = 2; d <= 30; d++) fs.copyFileSync(path.join(dir, oldest), path.join(dir, `ledger-202610${String(d).padStart(2, '0')}-090000-daily.db`))
    await core.call('customers.create', { name: 'ABC 咨询', taxId: '91310000132200821H' })

    await core.call('backups.restore', { name: oldest })
    expect((await core.call('customers.list', {})).rows).toHaveLength(1)
    const names = listBackups(ledgerOf(dataDir)).map((b) => b.name)
    expect(names).toContain(oldest)
    expect(names.filter((n) => n.includes('before-restore'))).toHaveLength(1)
  })
})
