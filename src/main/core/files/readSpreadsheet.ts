// The import's reader. Rows go to `row` one by one, so the import checks them as they arrive:
// .xlsx streams (the whole table never sits in memory; the event loop is handed back between
// slices); .xls and .csv are parsed whole by SheetJS, large ones in a worker thread.
import fs from 'node:fs'
import type { Job } from '../jobs'
import { isZip } from './excel/openWorkbook'
import type { TableRow } from './excel/read'
import { readTableStream, type TableHeader } from './excel/readStream'
import type { SheetSpec } from './excel/spec'
import { readTableOffThread } from './readTableOffThread'

const SLICE = 2000

export async function readSpreadsheet(file: { path: string; name: string }, spec: SheetSpec, job: Job, row: (r: TableRow) => void): Promise<TableHeader> {
  const pause = async () => {
    job.checkpoint()
    await job.yield()
  }
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = fs.readFileSync(file.path)
    if (isZip(bytes)) return readTableStream(bytes, file.name, spec, {}, { pause, row })
  }
  const { rows, ...header } = await readTableOffThread(file, spec, { cancelled: job.cancelled })
  for (const [i, r] of rows.entries()) {
    row(r)
    if ((i + 1) % SLICE === 0) await pause()
  }
  await pause()
  return header
}
