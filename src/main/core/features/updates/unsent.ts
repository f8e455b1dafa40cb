// What is still on its way to the platform in every company's ledger: installing an update restarts
// the app, which must never happen while invoices are being sent. The open ledger is read through
// its own connection; the others read-only, never migrated or written.
import Database from 'better-sqlite3'
import type { UnsentSync } from '../../../../shared/api/updates'
import type { CoreContext } from '../../context'

function counts(db: Database.Database): { commands: number; invoices: number } {
  const n = (sql: string) => {
    try {
      return (db.prepare(sql).pluck().get() as number | null) ?? 0
    } catch {
      // a ledger this version cannot read (too new, damaged) holds nothing this app is sending
      return 0
    }
  }
  return {
    commands: n("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')"),
    invoices: n("SELECT count(*) FROM invoices WHERE state IN ('queued', 'issuing')"),
  }
}

export function unsentSync(ctx: CoreContext, openDb: Database.Database | null): UnsentSync {
  const out: UnsentSync = { commands: 0, invoices: 0, companies: [] }
  const current = ctx.session.currentTaxId()
  for (const taxId of ctx.session.companies()) {
    let db: Database.Database | null = null
    let c = { commands: 0, invoices: 0 }
    try {
      db = taxId === current && openDb ? openDb : new Database(ctx.session.ledgerFile(taxId), { readonly: true, fileMustExist: true })
      c = counts(db)
    } catch {
      // unreadable: nothing of it can be on its way
    } finally {
      if (db && db !== openDb) db.close()
    }
    if (c.commands + c.invoices === 0) continue
    out.commands += c.commands
    out.invoices += c.invoices
    out.companies.push(ctx.session.companyName(taxId) || taxId)
  }
  return out
}
