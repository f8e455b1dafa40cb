// 发票查询 › 导出: the selection (the ticked invoices, or every one the filter matches) to a streamed
// .xlsx — 发票列表, then 发票明细 — or to one GBK .csv of the invoice list, each with a 合计 row.
// The export reads on a connection of its own inside one read transaction: every sheet sees the
// ledger as it was when the export began, while autosave and sync go on beside it. It works in
// slices with progress and a yield between them; a cancelled or failed export leaves no file.
import type { InvoiceRow, InvoiceSelection, InvoiceSide } from '../../../../shared/api/invoiceQuery'
import type { ExportFormat, InvoiceExportResult } from '../../../../shared/api/invoiceExport'
import { shanghaiDate } from '../../../../shared/domain/time'
import type { CoreContext } from '../../context'
import type { Job } from '../../jobs'
import { openLedgerConnection, type Ledger } from '../../ledger/open'
import { prepared } from '../../sync/statements'
import { matchingRawBatches, selectionTotals } from '../query/filter'
import type { RawRow } from '../query/rows'
import { INVOICE_COLUMNS, INVOICE_SHEET, LINE_COLUMNS, LINE_SHEET, type ExportInvoice } from './columns'
import { openCsv } from './csvWriter'
import { linesOf, shortNames } from './lines'
import { openWorkbook } from './xlsxWriter'

/** invoices per slice: between two slices progress goes out and other calls run */
export const SLICE = 500

const STATE_WORDS: Record<InvoiceRow['state'], string> = { queued: '待开具', issuing: '待开具', issued: '已开具', failed: '开具失败' }
const RED_WORDS: Record<InvoiceRow['redStatus'], string> = { normal: '正常', 'partly-reversed': '部分红冲', 'fully-reversed': '全额红冲' }

type Company = { name: string; taxId: string }

function exportInvoice(side: InvoiceSide, r: RawRow, company: Company): ExportInvoice {
  const sales = side === '销项'
  const counterparty = { name: r.name, taxId: r.taxId }
  const buyer = sales ? counterparty : company
  const seller = sales ? company : counterparty
  return {
    side,
    id: r.id,
    number: r.number,
    // 待开具/开具失败 have no 开票日期 yet (the query's date is the day it was queued)
    issuedAt: r.state === 'issued' ? r.dated : null,
    kind: r.kind,
    colour: r.colour,
    buyerName: buyer.name,
    buyerTaxId: buyer.taxId,
    sellerName: seller.name,
    sellerTaxId: seller.taxId,
    amountFen: r.amountFen,
    taxFen: r.taxFen,
    totalFen: r.totalFen,
    state: STATE_WORDS[r.state],
    redStatus: r.state === 'issued' ? RED_WORDS[r.redStatus] : '',
    drawer: r.drawer ?? '',
    blueNumber: r.blueNumber,
  }
}

/** the selection's invoices a slice at a time, in the query's stable order */
function* slices(ledger: Ledger, selection: InvoiceSelection, company: Company): Generator<ExportInvoice[]> {
  const side = selection.filter.side
  for (const raw of matchingRawBatches(ledger, selection, { batch: SLICE })) yield raw.map((r) => exportInvoice(side, r, company))
}

function exportName(selection: InvoiceSelection, format: ExportFormat, today: string): string {
  return `${selection.filter.side}发票_${today}.${format}`
}

async function writeXlsx(path: string, ledger: Ledger, selection: InvoiceSelection, company: Company, total: number, job: Job, now: Date): Promise<number> {
  const wb = openWorkbook(path, now)
  try {
    const list = wb.sheet(INVOICE_SHEET, INVOICE_COLUMNS)
    // the second pass needs only which invoices, in order: kept compact rather than whole rows
    const keys: Pick<ExportInvoice, 'id' | 'number'>[] = []
    let done = 0
    job.progress(0, total, INVOICE_SHEET)
    for (const slice of slices(ledger, selection, company)) {
      job.checkpoint()
      for (const inv of slice) {
        list.add(inv)
        keys.push({ id: inv.id, number: inv.number })
      }
      done += slice.length
      job.progress(done, total, INVOICE_SHEET)
      await list.drain()
      await job.yield()
    }
    list.finish('张')
    await list.commit()

    const lines = wb.sheet(LINE_SHEET, LINE_COLUMNS)
    const names = shortNames(ledger)
    job.progress(0, keys.length, LINE_SHEET)
    for (let at = 0; at < keys.length; at += SLICE) {
      job.checkpoint()
      for (const l of linesOf(ledger, keys.slice(at, at + SLICE), names)) lines.add(l)
      job.progress(Math.min(at + SLICE, keys.length), keys.length, LINE_SHEET)
      await lines.drain()
      await job.yield()
    }
    lines.finish('行')
    await lines.commit()
    return done
  } finally {
    // also on cancel: the file is closed before it is removed
    await wb.close()
  }
}

async function writeCsv(path: string, ledger: Ledger, selection: InvoiceSelection, company: Company, total: number, job: Job): Promise<{ count: number; replaced: number }> {
  const csv = openCsv(path, INVOICE_COLUMNS)
  try {
    let done = 0
    job.progress(0, total, INVOICE_SHEET)
    for (const slice of slices(ledger, selection, company)) {
      job.checkpoint()
      for (const inv of slice) csv.add(inv)
      done += slice.length
      await csv.drain()
      job.progress(done, total, INVOICE_SHEET)
      await job.yield()
    }
    csv.finish('张')
    return { count: done, replaced: csv.replaced() }
  } finally {
    await csv.close()
  }
}

export async function exportInvoices(ctx: CoreContext, input: { selection: InvoiceSelection; format: ExportFormat; jobId?: string }): Promise<InvoiceExportResult> {
  const job = ctx.jobs.start(input.jobId)
  const ledger = openLedgerConnection((await ctx.ledger()).file)
  const out = ctx.files.output(exportName(input.selection, input.format, shanghaiDate(ctx.clock.now())))
  try {
    // one snapshot for the count, both sheets and the totals
    ledger.db.exec('BEGIN')
    const company = prepared(ledger, 'SELECT name, tax_id AS taxId FROM company WHERE id = 1').get() as Company
    const total = selectionTotals(ledger, input.selection).total
    const file = { token: out.token, name: out.name }
    if (input.format === 'csv') return { file, ...(await writeCsv(out.path, ledger, input.selection, company, total, job)) }
    return { file, count: await writeXlsx(out.path, ledger, input.selection, company, total, job, ctx.clock.now()), replaced: 0 }
  } catch (e) {
    ctx.files.release(out.token)
    throw e
  } finally {
    if (ledger.db.inTransaction) ledger.db.exec('ROLLBACK')
    ledger.close()
    job.end()
  }
}
