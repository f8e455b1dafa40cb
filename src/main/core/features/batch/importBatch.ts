// 导入 of a filled V260401 template (批量开具): the file is read with the issuing screen's own context
// (operator, the company's 纳税人类型 and rates, its tax-code table), so a draft the issuing screen
// would refuse is refused here, at its sheet / row / column. A file with any problem imports
// nothing and comes back with its 错误报告; a good one becomes, in ONE transaction, a batch of drafts
// — each inserted the way 保存 inserts a draft — awaiting review and 批量开具.
import type { BatchFileError, BatchImport } from '../../../../shared/api/batch'
import { invoiceDraftSchema } from '../../../../shared/api/invoices'
import { fenOfText, moneyFromFen, type ComputedDraft, type DraftContext } from '../../../../shared/domain/invoice'
import type { CoreContext } from '../../context'
import type { Ledger } from '../../ledger/open'
import { batches, batchInvoices } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import { draftContext, insertDraft } from '../invoices/service'
import { leafProblem } from '../taxcodes/service'
import { errorReportName, writeBatchErrorReport } from './errorReport'
import { readBatchFile } from './readBatchFile'
import { getBatch, type QuotaOf } from './summary'
import { columnOf, LINE_SHEET } from './templateSpec'
import type { BatchInvoice } from './types'

/** problems listed in the answer; the 错误报告 has every one */
export const LISTED_ERRORS = 1000
/** batch_invoices rows per INSERT (SQLite's bound-parameter limit is far above 500 × 5) */
const CHUNK = 500

const TAX_CODE_HEADER = columnOf(LINE_SHEET, 'taxCode').header

/**
 * What only this ledger knows (as 开票 checks it): each line's 税收分类编码 is a leaf of the company's
 * table. The form of the code is the reader's (validateDraft's) to judge.
 */
function leafErrors(ledger: Ledger, inv: BatchInvoice): BatchFileError[] {
  return inv.draft.lines.flatMap((line, i) => {
    if (!/^\d{19}$/.test(line.taxCode)) return []
    const problem = leafProblem(ledger, line.taxCode)
    return problem ? [{ sheet: LINE_SHEET.name, row: inv.lineRows[i] ?? 0, column: TAX_CODE_HEADER, value: line.taxCode, message: `发票「${inv.serial}」：${problem}` }] : []
  })
}

interface Computed {
  inv: BatchInvoice
  draft: ComputedDraft
}

type Sums = ReturnType<typeof sums>

function sums(list: Computed[]) {
  let amount = 0
  let tax = 0
  let total = 0
  let lines = 0
  for (const { draft } of list) {
    amount += fenOfText(draft.totals.amount) ?? 0
    tax += fenOfText(draft.totals.tax) ?? 0
    total += fenOfText(draft.totals.total) ?? 0
    lines += draft.lines.length
  }
  return { amountFen: amount, taxFen: tax, totalFen: total, lines }
}

/** the batch, its drafts and their 流水号 in one transaction: all of them or nothing */
function saveBatch(ledger: Ledger, fileName: string, list: Computed[], s: Sums, now: string): number {
  return ledger.db.transaction(() => {
    const { id } = ledger.orm
      .insert(batches)
      .values({
        fileName,
        state: 'review',
        invoiceCount: list.length,
        lineCount: s.lines,
        amountFen: s.amountFen,
        taxFen: s.taxFen,
        totalFen: s.totalFen,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: batches.id })
      .get()
    const rows = list.map(({ inv, draft }, position) => ({
      batchId: id,
      position,
      serial: inv.serial,
      sheetRow: inv.row,
      invoiceId: insertDraft(ledger, inv.draft, draft.totals, now),
    }))
    for (let i = 0; i < rows.length; i += CHUNK)
      ledger.orm
        .insert(batchInvoices)
        .values(rows.slice(i, i + CHUNK))
        .run()
    recordAudit(ledger.orm, now, {
      action: 'import',
      entity: 'batch',
      entityId: id,
      summary: `批量开具导入（${fileName}）：${list.length} 张发票草稿待开具，价税合计 ${moneyFromFen(s.totalFen)}`,
      details: { file: fileName, invoices: list.length, lines: s.lines },
    })
    return id
  })()
}

export async function importBatchFile(ctx: CoreContext, file: string, jobId: string | undefined, quotaOf: QuotaOf): Promise<BatchImport> {
  const { path, name } = ctx.files.resolve(file)
  const job = ctx.jobs.start(jobId)
  try {
    const ledger = await ctx.ledger()
    const now = ctx.now()
    const context: DraftContext = draftContext(ledger, now)
    job.progress(0, 0, '读取并校验')
    const read = await readBatchFile(path, {
      name,
      context,
      pause: async () => {
        job.checkpoint()
        await job.yield()
      },
    })
    const errors: BatchFileError[] = [...read.errors, ...read.invoices.flatMap((inv) => leafErrors(ledger, inv))]
    // the schema 保存 parses with: a draft stored by the batch is one the issuing screen can open
    // (it fills only defaults, which the reader's drafts never lack: the reader's 计算 still holds)
    const list: Computed[] = read.invoices.map((inv) => ({ inv: { ...inv, draft: invoiceDraftSchema.parse(inv.draft) }, draft: inv.computed }))
    const s = sums(list)
    const figures = { invoices: list.length, lines: s.lines, totals: { amount: moneyFromFen(s.amountFen), tax: moneyFromFen(s.taxFen), total: moneyFromFen(s.totalFen) } }
    if (errors.length > 0) {
      errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row)
      const out = ctx.files.output(errorReportName(name))
      await writeBatchErrorReport(out.path, errors)
      ctx.files.release(file)
      return { batch: null, ...figures, errors: errors.slice(0, LISTED_ERRORS), errorCount: errors.length, errorReport: { token: out.token, name: out.name } }
    }
    job.checkpoint() // the last moment to cancel: nothing is written before this
    job.progress(list.length, list.length, '写入')
    const id = saveBatch(ledger, name, list, s, now)
    ctx.files.release(file)
    return { batch: getBatch(ledger, id, quotaOf), ...figures, errors: [], errorCount: 0 }
  } finally {
    job.end()
  }
}
