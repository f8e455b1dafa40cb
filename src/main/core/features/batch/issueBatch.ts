// 批量开具 and 放弃 of a batch under review. 批量开具 is 开票 of every draft of the batch in ONE
// transaction, each through the same function single 开票 runs (invoices/service.ts queueInvoice:
// the lifecycle's move, the lines, the outbox command with its idempotency key) — so the sync engine
// delivers each exactly once and its result comes back as any single invoice's does. Nothing is
// queued while a repeated 发票流水号 is unconfirmed, nor when any draft fails the rules now.
import { and, eq, inArray } from 'drizzle-orm'
import type { BatchSummary } from '../../../../shared/api/batch'
import { moneyFromFen } from '../../../../shared/domain/invoice'
import { AppError, isAppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { batches, batchInvoices, invoices } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import { draftContext, queueInvoice } from '../invoices/service'
import { batchRepeats, batchRow, batchStateLabel, getBatch, type BatchRow, type QuotaOf } from './summary'

/** 流水号 named in a refusal's message; the details carry them all */
const NAMED = 10

function underReview(b: BatchRow, what: string): void {
  if (b.state !== 'review') throw new AppError('CONFLICT', `批次 ${b.id}（${b.fileName}）${batchStateLabel(b.state)}，不能${what}：只有待开具的批次可以${what}`)
}

const named = (serials: string[]) => `${serials.slice(0, NAMED).join('、')}${serials.length > NAMED ? ` 等 ${serials.length} 个` : `（共 ${serials.length} 个）`}`

function refuseUnconfirmedRepeats(ledger: Ledger, id: number, confirmed: readonly string[]): void {
  const ok = new Set(confirmed)
  const unconfirmed = batchRepeats(ledger, id).filter((r) => !ok.has(r.serial))
  if (unconfirmed.length === 0) return
  throw new AppError('CONFLICT', `这些发票流水号已在之前的批次中提交开具或已开具：${named(unconfirmed.map((r) => r.serial))}。确认要再次开具的，请逐一确认后再批量开具`, {
    repeats: unconfirmed,
  })
}

/** the batch's invoices still 草稿, in sheet order (a draft deleted or issued on its own is left out) */
function draftsOf(ledger: Ledger, id: number): { serial: string; invoiceId: number }[] {
  return ledger.orm
    .select({ serial: batchInvoices.serial, invoiceId: invoices.id })
    .from(batchInvoices)
    .innerJoin(invoices, eq(invoices.id, batchInvoices.invoiceId))
    .where(and(eq(batchInvoices.batchId, id), eq(invoices.state, 'draft')))
    .orderBy(batchInvoices.position)
    .all()
}

export function issueBatch(ledger: Ledger, id: number, confirmRepeats: readonly string[], now: string, quotaOf: QuotaOf): BatchSummary {
  ledger.db.transaction(() => {
    const b = batchRow(ledger, id)
    underReview(b, '批量开具')
    refuseUnconfirmedRepeats(ledger, id, confirmRepeats)
    const drafts = draftsOf(ledger, id)
    if (drafts.length === 0) throw new AppError('CONFLICT', `批次 ${id} 中已没有待开具的发票草稿`)
    const context = draftContext(ledger, now)
    const refused: { serial: string; message: string }[] = []
    for (const d of drafts) {
      try {
        queueInvoice(ledger, d.invoiceId, now, context)
      } catch (e) {
        if (!isAppError(e) || e.code !== 'VALIDATION') throw e
        refused.push({ serial: d.serial, message: e.message })
      }
    }
    // one refused draft rolls back the whole batch: 批量开具 queues all of it or nothing
    if (refused.length > 0)
      throw new AppError(
        'VALIDATION',
        `批次中有 ${refused.length} 张发票未通过校验，整批均未提交：${refused
          .slice(0, 3)
          .map((r) => `发票流水号 ${r.serial}：${r.message}`)
          .join('；')}${refused.length > 3 ? ' …' : ''}。请修改这些发票后再批量开具`,
        { invoices: refused },
      )
    ledger.orm.update(batches).set({ state: 'queued', queuedAt: now, updatedAt: now }).where(eq(batches.id, id)).run()
    recordAudit(ledger.orm, now, {
      action: 'issue',
      entity: 'batch',
      entityId: id,
      summary: `批量开具（${b.fileName}）：${drafts.length} 张发票已排队等待上传至平台，价税合计 ${moneyFromFen(b.totalFen)}`,
    })
  })()
  return getBatch(ledger, id, quotaOf)
}

/** 放弃: the batch's drafts are deleted (its 流水号 stay, for the record); issued ones are never touched */
export function discardBatch(ledger: Ledger, id: number, now: string, quotaOf: QuotaOf): BatchSummary {
  ledger.db.transaction(() => {
    const b = batchRow(ledger, id)
    underReview(b, '放弃')
    const ids = draftsOf(ledger, id).map((d) => d.invoiceId)
    for (let i = 0; i < ids.length; i += 900)
      ledger.orm
        .delete(invoices)
        .where(and(inArray(invoices.id, ids.slice(i, i + 900)), eq(invoices.state, 'draft')))
        .run()
    ledger.orm.update(batches).set({ state: 'discarded', updatedAt: now }).where(eq(batches.id, id)).run()
    recordAudit(ledger.orm, now, { action: 'delete', entity: 'batch', entityId: id, summary: `放弃批量开具（${b.fileName}）：删除 ${ids.length} 张发票草稿` })
  })()
  return getBatch(ledger, id, quotaOf)
}
