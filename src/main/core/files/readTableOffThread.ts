// Reads a spreadsheet in a worker thread: a 100,000-row file takes seconds to parse, and the
// window (Electron) or the server (web mode) must stay responsive meanwhile.
import type { ReadLimits, ReadResult } from './excel/read'
import type { SheetSpec } from './excel/spec'
import { runWorker, siblingModule } from './worker'

export function readTableOffThread(
  file: { path: string; name: string },
  spec: SheetSpec,
  opts: { limits?: Partial<ReadLimits>; cancelled?: () => boolean } = {},
): Promise<ReadResult> {
  return runWorker<ReadResult>(
    siblingModule(import.meta.url, 'readWorker'),
    { path: file.path, fileName: file.name, spec, limits: opts.limits },
    opts.cancelled,
  )
}
