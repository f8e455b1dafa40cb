// The measured side of bench/export.ts, run in a child process of its own per measurement and built
// to JavaScript first (see export.ts): one export through the core, or one of the floors. Prints its
// figures as one JSON line.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { createCore } from '../src/main/core/app'
import { linesOf, shortNames } from '../src/main/core/features/export/lines'
import { matchingRawBatches } from '../src/main/core/features/query/filter'
import { openStreamedWorkbook } from '../src/main/core/files/excel/streamedWorkbook'
import { openLedgerConnection } from '../src/main/core/ledger/open'
import type { InvoiceSelection } from '../src/shared/api/invoiceQuery'

export interface Figures {
  ms: number
  peakMb: number
  stallMs: number
  invoices: number
  lines: number
  bytes: number
}

/** peak RSS and the longest stall of the event loop while `work` runs */
async function measured(work: () => Promise<{ invoices: number; lines: number; bytes: number }>): Promise<Figures> {
  let peak = process.memoryUsage().rss
  const rss = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  let last = performance.now()
  let stall = 0
  const probe = setInterval(() => {
    const now = performance.now()
    stall = Math.max(stall, now - last - 10)
    last = now
  }, 10)
  const t0 = performance.now()
  try {
    const r = await work()
    return { ms: performance.now() - t0, peakMb: Math.max(peak, process.memoryUsage().rss) / 1048576, stallMs: stall, ...r }
  } finally {
    clearInterval(rss)
    clearInterval(probe)
  }
}

/** loads ExcelJS's writer once, so neither side counts its module loading as work */
async function warmUp(dir: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'warm.xlsx'), useStyles: true, useSharedStrings: false })
  wb.addWorksheet('x').addRow(['x', 1]).commit()
  await wb.commit()
}

/** ExcelJS, as the export used it, waits for deflate (its queue read as the old xlsxWriter did) */
async function deflated(ws: ExcelJS.Worksheet): Promise<void> {
  const pending = () =>
    ((ws as unknown as { stream?: { pipes?: { _writableState?: { length?: number } }[] } }).stream?.pipes ?? []).reduce((n, p) => n + (p._writableState?.length ?? 0), 0)
  while (pending() > 4 * 1024 * 1024) await new Promise((r) => setTimeout(r, 1))
}

const invoiceRow = (i: number) => [
  '销项',
  `2644200082151730${String(i).padStart(4, '0')}`,
  '2026-12-03 15:04:05',
  '电子发票（普通发票）',
  '蓝字',
  '华为技术有限公司',
  '914403001922038216',
  '深圳市星河数据科技有限公司',
  '91440300MA5G0X1U23',
  1000 + i,
  130,
  1130 + i,
  '已开具',
  '正常',
  '王会计',
  null,
]
const lineRow = (i: number) => [`2644200082151730${String(i).padStart(4, '0')}`, 1 + (i % 3), '*信息技术服务*软件开发服务', 'A-1', '项', 2, 500, 1000, '13%', 130]

/** writing alone: the same number of plain rows through the export's writer, no database */
async function writeFloor(file: string, invoices: number, lines: number): Promise<{ invoices: number; lines: number; bytes: number }> {
  const wb = openStreamedWorkbook(file, new Date())
  const list = wb.sheet(
    '发票列表',
    invoiceRow(0).map(() => 12),
  )
  for (let i = 0; i < invoices; i++) {
    list.row(invoiceRow(i), [])
    if (i % 500 === 0) await list.drain()
  }
  await list.end()
  const detail = wb.sheet(
    '发票明细',
    lineRow(0).map(() => 12),
  )
  for (let i = 0; i < lines; i++) {
    detail.row(lineRow(i), [])
    if (i % 1500 === 0) await detail.drain()
  }
  await detail.end()
  await wb.close()
  return { invoices, lines, bytes: fs.statSync(file).size }
}

/** reading alone: the invoices and their lines as the export reads them, in one snapshot */
function readFloor(file: string): { invoices: number; lines: number; bytes: number } {
  const ledger = openLedgerConnection(file)
  try {
    ledger.db.exec('BEGIN')
    const names = shortNames(ledger)
    let invoices = 0
    let lines = 0
    for (const batch of matchingRawBatches(ledger, { filter: { side: '销项' } } as InvoiceSelection, { batch: 500 })) {
      invoices += batch.length
      lines += linesOf(ledger, batch, names).length
    }
    return { invoices, lines, bytes: 0 }
  } finally {
    ledger.close()
  }
}

/** ExcelJS's streaming writer on the same plain rows, unstyled (the export's writer before) */
async function excelJsWrite(file: string, invoices: number, lines: number): Promise<{ invoices: number; lines: number; bytes: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false })
  const list = wb.addWorksheet('发票列表')
  for (let i = 0; i < invoices; i++) {
    list.addRow(invoiceRow(i)).commit()
    if (i % 500 === 0) await deflated(list)
  }
  list.commit()
  const detail = wb.addWorksheet('发票明细')
  for (let i = 0; i < lines; i++) {
    detail.addRow(lineRow(i)).commit()
    if (i % 1500 === 0) await deflated(detail)
  }
  detail.commit()
  await wb.commit()
  return { invoices, lines, bytes: fs.statSync(file).size }
}

export type Measure = 'xlsx' | 'csv' | 'read' | 'write' | 'exceljs'

/** the child: one export through the core, or a floor */
async function child(dir: string, company: string, what: Measure, invoices: number, lines: number): Promise<Figures> {
  await warmUp(dir)
  if (what === 'write') return measured(() => writeFloor(path.join(dir, 'floor.xlsx'), invoices, lines))
  if (what === 'exceljs') return measured(() => excelJsWrite(path.join(dir, 'exceljs.xlsx'), invoices, lines))
  if (what === 'read') return measured(async () => readFloor(path.join(dir, 'companies', company, 'ledger.db')))
  const core = createCore({ dataDir: dir, company, dailyBackups: false })
  try {
    // the ledger open (as it is in a running app) before the clock starts
    await core.call('invoices.query', { size: 1 })
    return await measured(async () => {
      const r = await core.call('invoices.export', { selection: { filter: { side: '销项' } }, format: what })
      const file = core.files.resolve(r.file.token).path
      return { invoices: r.count, lines: what === 'xlsx' ? lines : 0, bytes: fs.statSync(file).size }
    })
  } finally {
    core.close()
  }
}

const [dir, company, what, invoices, lines] = process.argv.slice(2)
console.log(JSON.stringify(await child(dir!, company!, what as Measure, Number(invoices), Number(lines))))
