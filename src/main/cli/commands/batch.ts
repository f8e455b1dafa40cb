// 批量开具 on the command line (issue 13): 模板下载, 导入 of a filled V260401 template (a refused file
// leaves its 错误报告 beside it and exits non-zero), 批量开具 (--confirm-repeats for 流水号 an earlier
// batch already issued), each invoice's 流水号 / state / 发票号码, and 导出结果.
import path from 'node:path'
import type { Core } from '../../core/app'
import { AppError } from '../../core/errors'
import { command, type Command } from '../command'
import { inputFile, saveTo } from '../files'

const ID = { name: 'ID', description: '批次编号（batch import 输出的 id）', descriptionEn: 'batch ID (the id that batch import prints)' }

function batchId(id: string | undefined): number {
  if (!/^[1-9]\d{0,9}$/.test(id ?? '')) throw new AppError('VALIDATION', `批次编号应为正整数，现为“${id}”`)
  return Number(id)
}

/** every invoice of a batch, a page at a time */
async function allRows(core: Core, id: number) {
  const first = await core.call('batch.invoices', { id, page: 1, size: 500 })
  const rows = [...first.rows]
  for (let page = 2; rows.length < first.total; page++) rows.push(...(await core.call('batch.invoices', { id, page, size: 500 })).rows)
  return rows
}

export const batchCommands: Record<string, Command> = {
  'batch template': command({
    summary: '下载批量开具模板（V260401 版，与税务平台的模板同格式）',
    summaryEn: "Download the batch-issue template (V260401, the platform's own format)",
    examples: [{ line: 'batch template 批量开具.xlsx', zh: '下载批量开具模板', en: 'download the batch-issue template' }],
    args: [{ name: 'FILE', description: '保存到（.xlsx 文件或文件夹）', descriptionEn: 'save to (an .xlsx file or a folder)' }],
    run: async (core, [target]) => ({ file: saveTo(core, await core.call('batch.template', {}), target!) }),
  }),
  'batch import': command({
    summary: '导入填好的批量开具模板：全部无误才生成待开具的发票草稿；有错误时一张也不导入，错误报告保存在文件旁',
    summaryEn: 'Import a filled-in batch template: drafts only when every row is right; otherwise nothing, with an error report beside the file',
    examples: [{ line: 'batch import 批量开具.xlsx', zh: '导入填好的模板', en: 'import the filled-in template' }],
    args: [{ name: 'FILE', description: '填好的 V260401 版批量开具模板（.xlsx）', descriptionEn: 'the filled-in bulk-issue template (批量开具), version V260401 (.xlsx)' }],
    async run(core, [file]) {
      const r = await core.call('batch.import', { file: inputFile(core, file!) })
      const figures = { id: r.batch?.id ?? null, invoices: r.invoices, lines: r.lines, totals: r.totals }
      if (r.batch) return { ...figures, errors: [] }
      const source = path.resolve(file!)
      const report = saveTo(core, r.errorReport!, path.join(path.dirname(source), `${path.basename(source, path.extname(source))}-错误报告.xlsx`))
      throw new AppError('VALIDATION', `文件有 ${r.errorCount} 处错误，未导入任何发票：错误报告已保存到 ${report}`, {
        ...figures,
        errors: r.errors,
        errorCount: r.errorCount,
        errorReport: report,
      })
    },
  }),
  'batch list': command({
    summary: '批量开具的批次列表（最新在前）',
    summaryEn: 'Batches (newest first)',
    examples: [{ line: 'batch list', zh: '列出批次', en: 'list the batches' }],
    async run(core) {
      const { total, rows } = await core.call('batch.list', { page: 1, size: 100 })
      return {
        total,
        rows: rows.map((b) => ({
          id: b.id,
          file: b.fileName,
          state: b.stateLabel,
          invoices: b.invoices,
          total: b.totals.total,
          issued: b.counts.issued,
          failed: b.counts.failed,
          createdAt: b.createdAt,
        })),
      }
    },
  }),
  'batch issue': command({
    summary: '批量开具：批次中的发票草稿全部排队开具（sync 时提交平台）；已在之前批次开具的流水号须 --confirm-repeats 确认',
    summaryEn: 'Issue a batch: every draft queued (sync submits them); serial numbers issued in an earlier batch need --confirm-repeats',
    examples: [
      { line: 'batch issue 5', zh: '开具批次 5', en: 'issue batch 5' },
      { line: 'batch issue 5 --confirm-repeats', zh: '确认重复的流水号后开具', en: 'issue it, confirming the repeated serial numbers' },
    ],
    args: [ID],
    options: {
      'confirm-repeats': {
        type: 'boolean',
        description: '确认重复开具：之前批次已提交或已开具的发票流水号也再次开具',
        descriptionEn: 'confirm repeats: issue again the serial numbers (发票流水号) an earlier batch already submitted or issued',
      },
    },
    async run(core, [id], o) {
      const n = batchId(id)
      const confirmRepeats = o['confirm-repeats'] ? (await core.call('batch.get', { id: n })).repeats.map((r) => r.serial) : []
      const b = await core.call('batch.issue', { id: n, confirmRepeats })
      return { id: b.id, state: b.stateLabel, invoices: b.invoices, queued: b.counts.queued, message: '已排队：运行 sync 或打开票税通后提交平台' }
    },
  }),
  'batch show': command({
    summary: '批次中每张发票的流水号、状态、发票号码（或平台的拒绝原因）',
    summaryEn: "Each invoice of a batch: serial number, state, invoice number (or the platform's reason for refusing it)",
    examples: [{ line: 'batch show 5 --json', zh: '以 JSON 查看批次 5', en: 'show batch 5 as JSON' }],
    args: [ID],
    async run(core, [id]) {
      const n = batchId(id)
      const b = await core.call('batch.get', { id: n })
      const rows = await allRows(core, n)
      return {
        header: ['发票流水号', '状态', '发票号码', '购买方', '价税合计', '失败原因'],
        rows: rows.map((r) => [r.serial, r.stateLabel, r.number ?? '', r.buyerName, r.totals.total, r.failure ?? '']),
        batch: { id: b.id, file: b.fileName, state: b.stateLabel, invoices: b.invoices, totals: b.totals, counts: b.counts, repeats: b.repeats.length },
      }
    },
  }),
  'batch export': command({
    summary: '导出批次结果（发票流水号、购买方、价税合计、状态、发票号码、失败原因）为 .xlsx',
    summaryEn: "Export a batch's results (serial, buyer, total, state, number, reason) as .xlsx",
    examples: [{ line: 'batch export 5 批次结果.xlsx', zh: '导出批次 5 的结果', en: "export batch 5's results" }],
    args: [ID, { name: 'FILE', description: '保存到（.xlsx 文件或文件夹）', descriptionEn: 'save to (an .xlsx file or a folder)' }],
    run: async (core, [id, target]) => ({ file: saveTo(core, await core.call('batch.export', { id: batchId(id) }), target!) }),
  }),
}
