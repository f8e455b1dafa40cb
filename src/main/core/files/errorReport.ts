// The rows an import refused, in the template's columns with 错误原因 and 原行号 after them,
// ready to fix and re-upload. Written in slices from where the failures wait (the import's
// stage), handing the event loop back between slices so the file streams out as it goes.
import type { FailedRow } from './checkTable'
import type { SheetSpec } from './excel/spec'
import { openExportWriter } from './excel/write'

const SLICE = 2000

export async function writeErrorReport(sheet: SheetSpec, filePath: string, failures: (offset: number, limit: number) => FailedRow[], pause: () => Promise<void>): Promise<void> {
  const writer = await openExportWriter(sheet, filePath, {
    extraColumns: [
      { key: '__error', header: '错误原因', width: 60 },
      { key: '__row', header: '原行号', width: 8 },
    ],
  })
  for (let offset = 0; ; offset += SLICE) {
    const rows = failures(offset, SLICE)
    for (const o of rows) {
      const reasons = o.issues.map((i) => {
        const header = sheet.columns.find((c) => c.key === i.key)?.header
        return header ? `【${header}】${i.message}` : i.message
      })
      writer.add({ ...o.row.values, __error: reasons.join('；'), __row: String(o.row.row) })
    }
    if (rows.length < SLICE) break
    await pause()
  }
  await writer.close()
}
