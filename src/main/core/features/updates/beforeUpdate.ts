// Before an update is installed: nothing may be on its way to the platform, and every company's
// ledger is backed up (reason before-update) — a new version may migrate them at its first start.
import path from 'node:path'
import Database from 'better-sqlite3'
import type { UnsentSync } from '../../../../shared/api/updates'
import type { CoreContext } from '../../context'
import { createBackup } from '../../ledger/backups'
import { unsentSync } from './unsent'

export interface InstallReadiness {
  /** false: invoices are on their way, nothing was backed up, do not install */
  ready: boolean
  unsent: UnsentSync
  /** the backups taken, one per company */
  backups: string[]
}

export async function prepareInstall(ctx: CoreContext): Promise<InstallReadiness> {
  const current = ctx.session.currentTaxId()
  const open = current === null ? null : await ctx.session.ledger()
  const unsent = unsentSync(ctx, open?.db ?? null)
  if (unsent.commands + unsent.invoices > 0) return { ready: false, unsent, backups: [] }
  const backups: string[] = []
  for (const taxId of ctx.session.companies()) {
    const file = ctx.session.ledgerFile(taxId)
    // another company's ledger is read through a read-only connection: backing up writes nothing to it
    const db = taxId === current && open ? open.db : new Database(file, { readonly: true, fileMustExist: true })
    try {
      backups.push(path.basename(await createBackup(db, file, 'before-update', ctx.clock.now())))
    } finally {
      if (db !== open?.db) db.close()
    }
  }
  return { ready: true, unsent, backups }
}
