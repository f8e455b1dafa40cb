// `invoices export FILE.xlsx|FILE.csv` (every filter of 发票查询) and `invoices summary` (发票汇总).
// Only the Command type comes from ../commands: that file imports this one, and a value taken back
// from it would not be there yet while this one loads.
import path from 'node:path'
import { AppError } from '../../core/errors'
import type { InvoiceTotalsReport, SummaryRow } from '../../../shared/api/invoiceExport'
import { SUMMARY_SIDES } from '../../../shared/api/invoiceExport'
import { command, type Command } from '../command'
import { filterFromOptions, invoiceFilterOptions } from './invoiceFilterOptions'
import { saveTo } from '../files'

function formatOf(file: string): 'xlsx' | 'csv' {
  const ext = path.extname(file).toLowerCase()
  if (ext === '.xlsx' || ext === '.csv') return ext.slice(1) as 'xlsx' | 'csv'
  throw new AppError('VALIDATION', `导出文件名应以 .xlsx 或 .csv 结尾：${file}`, { issues: [{ path: 'FILE', message: '请写成 发票.xlsx 或 发票.csv' }] })
}

const FIGURES = ['份数', '金额', '税额', '价税合计'] as const
const SUMMARY_HEADER = ['方向', '分组', '项目', ...['蓝字', '红字', '合计'].flatMap((g) => FIGURES.map((f) => `${g}${f}`))]

function summaryTable(report: InvoiceTotalsReport): (string | number)[][] {
  const line = (side: string, group: string, r: SummaryRow) => [side, group, r.label, ...[r.blue, r.red, r.net].flatMap((f) => [f.count, f.amount, f.tax, f.total])]
  return report.sides.flatMap((s) => [...s.byKind.map((r) => line(s.side, '票种', r)), line(s.side, '票种', s.total), ...s.byRate.map((r) => line(s.side, '税率/征收率', r))])
}

export const invoiceExportCommands: Record<string, Command> = {
  'invoices export': command({
    summary: '导出查询到的发票：.xlsx（发票列表 + 发票明细）或 GBK 编码的 .csv（发票列表）；打印张数和文件路径',
    summaryEn: 'Export the invoices a query finds: .xlsx (list + lines) or GBK .csv (list); prints the count and the file',
    examples: [
      { line: 'invoices export 11月销项.xlsx --from 2026-11-01 --to 2026-11-30', zh: '导出 11 月的销项发票', en: "export November's sales invoices" },
      { line: 'invoices export 进项.csv --side 进项', zh: '以 GBK 编码的 CSV 导出全部进项发票', en: 'export every purchase invoice as a GBK .csv' },
    ],
    args: [{ name: 'FILE', description: '导出到的文件（.xlsx 或 .csv）', descriptionEn: 'the file to export to (.xlsx or .csv)' }],
    options: invoiceFilterOptions,
    async run(core, [file], o) {
      const format = formatOf(file!)
      const r = await core.call('invoices.export', { selection: { filter: filterFromOptions(o) }, format })
      const saved = saveTo(core, r.file, file!)
      return { count: r.count, path: saved, ...(r.replaced > 0 ? { replaced: r.replaced, note: `${r.replaced} 个字符无法用 GBK 表示，已写为“?”；完整内容请导出 .xlsx` } : {}) }
    },
  }),
  'invoices summary': command({
    summary: '发票汇总：按票种和税率/征收率统计已开具发票的份数、金额、税额、价税合计（蓝字、红字、合计）',
    summaryEn: 'Invoice summary: count, amount, tax and total of issued invoices by kind and rate (blue, red, together)',
    examples: [
      {
        line: 'invoices summary --from 2026-10-01 --to 2026-12-31 --out 四季度汇总.xlsx',
        zh: '第四季度的销项汇总，并保存为 .xlsx',
        en: "the fourth quarter's sales summary, saved as .xlsx",
      },
    ],
    options: {
      from: { value: 'YYYY-MM-DD', description: '开票日期起（含当天）', descriptionEn: 'issue date from (inclusive)', required: true },
      to: { value: 'YYYY-MM-DD', description: '开票日期止（含当天）', descriptionEn: 'issue date to (inclusive)', required: true },
      side: {
        value: '销项|进项',
        description: '只统计一个方向（默认两者）',
        descriptionEn: 'count one side only: 销项 issued or 进项 received (default both)',
        choices: SUMMARY_SIDES,
      },
      out: { value: 'FILE.xlsx', description: '同时导出为 .xlsx', descriptionEn: 'also export as .xlsx' },
    },
    async run(core, _a, o) {
      if (o.out && path.extname(o.out).toLowerCase() !== '.xlsx')
        throw new AppError('VALIDATION', `--out 的文件名应以 .xlsx 结尾：${o.out}`, { issues: [{ path: 'out', message: '请写成 汇总.xlsx' }] })
      const period = { from: o.from, to: o.to, side: o.side as (typeof SUMMARY_SIDES)[number] | undefined }
      const report = await core.call('invoices.summary', period)
      const saved = o.out ? saveTo(core, (await core.call('invoices.summaryExport', period)).file, o.out) : undefined
      return { from: report.from, to: report.to, header: SUMMARY_HEADER, rows: summaryTable(report), ...(saved ? { path: saved } : {}) }
    },
  }),
}
