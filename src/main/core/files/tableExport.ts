// Export writes every row of a query (all pages) in the template's columns, so an export
// re-imports unchanged. Streamed, in slices, with progress; a cancelled export leaves no file.
import fs from 'node:fs'
import type { ExportResult } from '../../../shared/api/importResult'
import type { CoreContext } from '../context'
import { openExportWriter } from './excel/write'
import type { SheetSpec } from './excel/spec'

export interface TableExport<R> {
  sheet: SheetSpec
  fileName: string
  count(): number
  /** rows in a stable order */
  page(offset: number, limit: number): R[]
  toValues(r: R): Record<string, string | number | null>
}

const SLICE = 2000

export async function runExport<R>(ctx: CoreContext, spec: TableExport<R>, jobId: string | undefined): Promise<ExportResult> {
  const job = ctx.jobs.start(jobId)
  const out = ctx.files.output(spec.fileName)
  try {
    const total = spec.count()
    const writer = await openExportWriter(spec.sheet, out.path)
    let done = 0
    job.progress(0, total, '导出')
    while (done < total) {
      job.checkpoint()
      const rows = spec.page(done, SLICE)
      if (rows.length === 0) break
      for (const r of rows) writer.add(spec.toValues(r))
      done += rows.length
      job.progress(done, total, '导出')
      await job.yield()
    }
    await writer.close()
    return { file: { token: out.token, name: out.name }, count: done }
  } catch (e) {
    fs.rmSync(out.path, { force: true })
    throw e
  } finally {
    job.end()
  }
}
