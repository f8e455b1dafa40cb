// Deleting selected records, the same way for every list screen: all or nothing, one audit
// entry per record.
import { inArray } from 'drizzle-orm'
import { AppError } from '../errors'
import type { Ledger, Tx } from '../ledger/open'
import { customers, extras, items, scenes } from '../ledger/schema'
import { recordAudit } from './audit/service'

type NamedTable = typeof items | typeof customers | typeof extras | typeof scenes

export function deleteRecords(
  ledger: Ledger,
  table: NamedTable,
  ids: number[],
  now: string,
  what: { entity: string; label: string },
  /** a last check before anything is deleted (e.g. an element still used by a template) */
  guard?: (tx: Tx, found: { id: number; name: string }[]) => void,
): { deleted: number } {
  return ledger.orm.transaction((tx) => {
    const found = tx.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids)).all()
    if (found.length !== new Set(ids).size) throw new AppError('NOT_FOUND', `所选${what.label}中有的已被删除，请刷新后重试`)
    guard?.(tx, found)
    tx.delete(table).where(inArray(table.id, ids)).run()
    for (const r of found) recordAudit(tx, now, { action: 'delete', entity: what.entity, entityId: r.id, summary: `删除${what.label} ${r.name}` })
    return { deleted: found.length }
  })
}
