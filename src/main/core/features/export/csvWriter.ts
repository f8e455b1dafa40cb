// The invoice list as a .csv in GBK for old tools: CRLF lines, fields quoted when they hold a comma,
// a quote or a line break, formula-leading text guarded as in the .xlsx, money with two decimals.
// Written through a file stream; the caller awaits `drain` between slices so memory stays flat.
import fs from 'node:fs'
import { moneyFromFen } from '../../../../shared/domain/invoice'
import { safeCellText } from '../../files/excel/write'
import type { Column } from './columns'
import { encodeGbk, gbkText } from './gbk'
import { Totals, type TableWriter } from './table'

export interface CsvWriter<R> extends TableWriter<R> {
  drain(): Promise<void>
  close(): Promise<void>
  /** characters GBK cannot hold, written as '?' */
  replaced(): number
}

function field(v: string | number | null): string {
  if (v === null) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function openCsv<R>(filePath: string, columns: Column<R>[]): CsvWriter<R> {
  const out = fs.createWriteStream(filePath)
  let failure: Error | null = null
  out.on('error', (e) => (failure = e))
  const totals = new Totals(columns)
  let replaced = 0
  let pending = ''

  const text = (c: Column<R>, v: string | number | null): string | number | null => {
    if (v === null) return null
    if (c.kind === 'money') return moneyFromFen(v as number)
    if (typeof v !== 'string') return v
    const g = gbkText(safeCellText(v))
    replaced += g.replaced
    return g.text
  }
  const line = (cells: (string | number | null)[]) => {
    pending += cells.map(field).join(',') + '\r\n'
  }
  const flush = () => {
    if (pending === '') return true
    const ok = out.write(encodeGbk(pending))
    pending = ''
    return ok
  }
  line(columns.map((c) => c.header))

  return {
    add(r) {
      totals.add(r)
      line(columns.map((c) => text(c, c.value(r))))
    },
    finish(unit) {
      line(totals.cells(unit).map((v, i) => text(columns[i]!, v)))
    },
    async drain() {
      if (failure) throw failure
      if (!flush())
        await new Promise<void>((resolve, reject) => {
          out.once('drain', resolve)
          out.once('error', reject)
        })
    },
    async close() {
      flush()
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
      if (failure) throw failure
    },
    replaced: () => replaced,
  }
}
