// Worker entry: one large import off the core's thread and within a memory ceiling (importFile
// does the work on its own connection and writes the error report; only progress and the
// outcome come back).
import { parentPort, workerData } from 'node:worker_threads'
import { importSpecs, type ImportEntity } from '../features/importSpecs'
import { isAppError } from '../errors'
import { importFile, type ImportOutcome } from './importFile'
import type { WorkerReply } from './worker'

const job = workerData as { entity: ImportEntity; ledgerFile: string; file: { path: string; name: string }; now: string; reportPath: string }

let reply: WorkerReply<ImportOutcome>
try {
  const value = await importFile<unknown>(
    job.ledgerFile,
    importSpecs[job.entity] as never,
    job.file,
    job.now,
    {
      pause: () => new Promise((resolve) => setImmediate(resolve)),
      progress: (rows, phase) => parentPort!.postMessage({ type: 'progress', rows, phase }),
    },
    job.reportPath,
  )
  reply = { ok: true, value }
} catch (e) {
  reply = {
    ok: false,
    error: isAppError(e) ? { code: e.code, message: e.message, details: e.details } : { code: 'FILE_INVALID', message: `无法读取文件“${job.file.name}”：${(e as Error).message}` },
  }
}
parentPort!.postMessage(reply)
