import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../errors'
import { createBackup, backupDir, listBackups } from '../../ledger/backups'
import { mutates, type Registry } from '../../registry'
import { listAudit, recordAudit } from '../audit/service'
import { aboutInfo, appInfo } from './about'
import { backupSummary, ledgerSummary } from './ledgerSummary'

export function registerSystem(reg: Registry): void {
  reg.handle('app.info', (_input, ctx) => appInfo(ctx))
  reg.handle('app.about', (_input, ctx) => aboutInfo(ctx))
  reg.handle('jobs.cancel', ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }))
  reg.handle('audit.list', async (q, ctx) => listAudit((await ctx.ledger()).orm, q))
  reg.handle('backups.list', async (_input, ctx) => listBackups((await ctx.ledger()).file))
  reg.handle('backups.create', async (_input, ctx) => {
    const ledger = await ctx.ledger()
    // no 操作日志 entry: the books did not change, and the backup's 最后修改 stays the ledger's own
    const made = path.basename(await createBackup(ledger.db, ledger.file, 'manual', ctx.clock.now()))
    return listBackups(ledger.file).find((b) => b.name === made)!
  })
  reg.handle('backups.inspect', async ({ name }, ctx) => {
    const ledger = await ctx.ledger()
    const backup = backupSummary(path.join(backupDir(ledger.file), name), name)
    const listed = listBackups(ledger.file).find((b) => b.name === name)
    return { name, createdAt: listed?.createdAt ?? '', current: ledgerSummary(ledger.db), backup }
  })
  reg.handle(
    'backups.restore',
    mutates(['company', 'items', 'customers', 'extras', 'scenes', 'taxcodes'], async ({ name }, ctx) => {
      const ledger = await ctx.ledger()
      const source = path.join(backupDir(ledger.file), name)
      if (!fs.existsSync(source)) throw new AppError('NOT_FOUND', `没有找到备份 ${name}`)
      // a file that is not a ledger is refused before anything is replaced
      backupSummary(source, name)
      const taxId = ctx.session.currentTaxId()!
      // the ledger as it is now is kept too: a restore can itself be undone (and the backup
      // restored from is never pruned to make room for it)
      const safety = await createBackup(ledger.db, ledger.file, 'before-restore', ctx.clock.now(), { alsoKeep: [name] })
      ctx.session.closeCurrent()
      for (const suffix of ['-wal', '-shm']) fs.rmSync(ledger.file + suffix, { force: true })
      fs.copyFileSync(source, ledger.file)
      const reopened = await ctx.session.switchTo(taxId)
      recordAudit(reopened.orm, ctx.now(), {
        action: 'restore',
        entity: 'ledger',
        summary: `从备份 ${name} 恢复账簿（恢复前的账簿已备份为 ${path.basename(safety)}）`,
      })
      return { restored: name }
    }),
  )
}
