import { mutates, type Registry } from '../../registry'
import type { Connector } from '../../sync/connection'
import { cachedQuota } from '../../sync/service'
import { resultFileName, writeBatchResults } from './exportResults'
import { importBatchFile } from './importBatch'
import { discardBatch, issueBatch } from './issueBatch'
import { batchInvoicePage, batchRow, getBatch, listBatches, type QuotaOf } from './summary'

/**
 * 批量开具's calls. `queued`: invoices entered the outbox (the sync engine sends them soon);
 * `connector` says which platform the cached 可用额度 was read from. 模板下载 (`batch.template`)
 * is registered here with the template writer (templateWriter.ts) once that is in.
 */
export function registerBatch(reg: Registry, queued: () => void, connector: Connector): void {
  const quotaOf: QuotaOf = (ledger) => cachedQuota(ledger, connector)
  const changes = ['batch', 'invoices']
  reg.handle(
    'batch.import',
    mutates(changes, ({ file, jobId }, ctx) => importBatchFile(ctx, file, jobId, quotaOf)),
  )
  reg.handle('batch.list', async ({ page, size }, ctx) => listBatches(await ctx.ledger(), page, size, quotaOf))
  reg.handle('batch.get', async ({ id }, ctx) => getBatch(await ctx.ledger(), id, quotaOf))
  reg.handle('batch.invoices', async ({ id, page, size }, ctx) => batchInvoicePage(await ctx.ledger(), id, page, size))
  reg.handle(
    'batch.issue',
    mutates(changes, async ({ id, confirmRepeats }, ctx) => {
      const summary = issueBatch(await ctx.ledger(), id, confirmRepeats, ctx.now(), quotaOf)
      queued()
      return summary
    }),
  )
  reg.handle(
    'batch.discard',
    mutates(changes, async ({ id }, ctx) => discardBatch(await ctx.ledger(), id, ctx.now(), quotaOf)),
  )
  reg.handle('batch.export', async ({ id }, ctx) => {
    const ledger = await ctx.ledger()
    const b = batchRow(ledger, id)
    const out = ctx.files.output(resultFileName(b.fileName, b.createdAt))
    await writeBatchResults(ledger, id, out.path)
    return { token: out.token, name: out.name }
  })
}
