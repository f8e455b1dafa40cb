import { downloadEventId } from '../../../../shared/api/downloads'
import { mutates, type Registry } from '../../registry'
import type { Ledger } from '../../ledger/open'
import type { Connection } from '../../sync/connection'
import type { DownloadRunner } from './runner'
import { cancelDownload, createDownload, downloadFile, getDownload, listDownloads, lookupInvoice } from './service'

export function registerDownloads(reg: Registry, runner: DownloadRunner, connect: (ledger: Ledger) => Promise<Connection>): void {
  reg.handle(
    'downloads.create',
    mutates(['downloads'], async (input, ctx) => {
      const job = createDownload(await ctx.ledger(), input, ctx.now())
      runner.kick()
      return job
    }),
  )
  reg.handle('downloads.list', async (_q, ctx) => listDownloads(await ctx.ledger()))
  reg.handle('downloads.get', async ({ id }, ctx) => getDownload(await ctx.ledger(), id))
  reg.handle(
    'downloads.cancel',
    mutates(['downloads'], async ({ id }, ctx) => {
      const job = cancelDownload(await ctx.ledger(), id, ctx.now())
      // the runner of this core stops at its next slice; one in another process sees the row
      ctx.jobs.cancel(downloadEventId(id))
      return job
    }),
  )
  reg.handle('downloads.file', async ({ id }, ctx) => downloadFile(ctx, await ctx.ledger(), id))
  reg.handle('downloads.lookup', async (input, ctx) => lookupInvoice(ctx, await ctx.ledger(), input, connect))
}
