// invoices.deliveryZip: 下载 of several invoices from 交付 — each one's chosen files, the same files
// a mail would attach (the platform's, or offline the <号码>-本地副本 drawn here), in one zip the user
// saves. Bounded like a mail (DELIVERY_MAX); a month of invoices is 发票下载's job.
import type { ParsedInput } from '../../../../shared/api'
import type { DeliveryZip } from '../../../../shared/api/delivery'
import type { CoreContext } from '../../context'
import type { Connector } from '../../sync/connection'
import { openZip } from '../downloads/zipFile'
import { deliveredFiles, papersToDeliver } from './targets'

export async function deliveryZip(ctx: CoreContext, connector: Connector, input: ParsedInput<'invoices.deliveryZip'>): Promise<DeliveryZip> {
  const ledger = await ctx.ledger()
  const papers = papersToDeliver(ledger, input)
  const items = await deliveredFiles(ctx, connector, ledger, papers, input.formats)
  const first = papers[0]!.invoice.number
  const out = ctx.files.output(papers.length === 1 ? `发票${first}.zip` : `发票${papers.length}张-${first}等.zip`)
  const zip = openZip(out.path, ctx.clock.now())
  const entries: string[] = []
  const localCopies: DeliveryZip['localCopies'] = []
  try {
    for (const { files } of items)
      for (const f of files) {
        // an OFD is a zip itself and a PDF is compressed already: only the XML gains from deflate
        await zip.add(f.name, f.bytes, f.format === 'xml')
        entries.push(f.name)
        if (f.note) localCopies.push({ name: f.name, note: f.note })
      }
    await zip.finish()
  } catch (e) {
    await zip.abort()
    ctx.files.release(out.token)
    throw e
  }
  return { token: out.token, name: out.name, invoices: papers.length, entries, localCopies }
}
