// Reads a spreadsheet without freezing the app: a 100,000-row file takes seconds to parse, so
// large files are parsed in a worker thread while the window (Electron) or the server (web mode)
// stays responsive. Small files parse faster than a worker starts, so they are read in place.
import fs from 'node:fs'
import { readTable, type ReadLimits, type ReadResult } from './excel/read'
import type { SheetSpec } from './excel/spec'
import { runWorker, siblingModule } from './worker'

/** files above this size go to a worker (about 10,000 rows of a typical customer sheet) */
export const WORKER_THRESHOLD_BYTES = 512 * 1024

export async function readTableOffThread(
  file: { path: string; name: string },
  spec: SheetSpec,
  opts: { limits?: Partial<ReadLimits>; cancelled?: () => boolean; workerThresholdBytes?: number } = {},
): Promise<ReadResult> {
  if (fs.statSync(file.path).size <= (opts.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES))
    return readTable(fs.readFileSync(file.path), file.name, spec, opts.limits)
  return runWorker<ReadResult>(
    siblingModule(import.meta.url, 'readWorker'),
    { path: file.path, fileName: file.name, spec, limits: opts.limits },
    opts.cancelled,
  )
}
