import { readRegions } from '../../codeLists/regions'
import { mutates, type Registry } from '../../registry'
import type { Connector } from '../../sync/connection'
import { cachedQuota } from '../../sync/service'
import { resultFileName, writeBatchResults } from './exportResults'
import { importBatchFile } from './importBatch'
import { discardBatch, issueBatch } from './issueBatch'
import { batchInvoicePage, batchQuota, batchRow, getBatch, listBatches, type QuotaOf } from './summary'
import { writeBatchTemplate } from './templateWriter'

/** the name 模板下载 offers, as the platform names its own */
const TEMPLATE_NAME = '(V260401版)批量开票-导入开票模板.xlsx'

/**
 * 批量开具's calls. `queued`: invoices entered the outbox (the sync engine sends them soon);
 * `connector` says which platform the cached 可用额度 was read from. 模板下载 is our own
 * writer's template (templateWriter.ts) with the 行政区划 list this installation ships.
 */
export function registerBatch(reg: Registry, queued: () => void, connector: Connector): void {
  const quotaAt =
    (now: string): QuotaOf =>
    (ledger) =>
      batchQuota(cachedQuota(ledger, connector), ledger, now)
  const changes = ['batch', 'invoices']
  reg.handle('batch.template', async (_input, ctx) => ctx.files.put(TEMPLATE_NAME, await writeBatchTemplate(readRegions(ctx.appDir))))
  reg.handle(
    'batch.import',
    mutates(changes, ({ file, jobId }, ctx) => importBatchFile(ctx, file, jobId, quotaAt(ctx.now()))),
  )
  reg.handle('batch.list', async ({ page, size }, ctx) => listBatches(await ctx.ledger(), page, size, quotaAt(ctx.now())))
  reg.handle('batch.get', async ({ id }, ctx) => getBatch(await ctx.ledger(), id, quotaAt(ctx.now())))
  reg.handle('batch.invoices', async ({ id, page, size }, ctx) => batchInvoicePage(await ctx.ledger(), id, page, size))
  reg.handle(
    'batch.issue',
    mutates(changes, async ({ id, confirmRepeats }, ctx) => {
      const summary = issueBatch(await ctx.ledger(), id, confirmRepeats, ctx.now(), quotaAt(ctx.now()))
      queued()
      return summary
    }),
  )
  reg.handle(
    'batch.discard',
    mutates(changes, async ({ id }, ctx) => discardBatch(await ctx.ledger(), id, ctx.now(), quotaAt(ctx.now()))),
  )
  reg.handle('batch.export', async ({ id }, ctx) => {
    const ledger = await ctx.ledger()
    const b = batchRow(ledger, id)
    const out = ctx.files.output(resultFileName(b.fileName, b.createdAt))
    await writeBatchResults(ledger, id, out.path)
    return { token: out.token, name: out.name }
  })
}
