// Worker entry: reads and checks one large import off the core's thread, within a memory ceiling,
// and sends the results back in batches. The core writes them (one transaction) on its own
// connection.
import { parentPort, workerData } from 'node:worker_threads'
import { importSpecs, type ImportEntity } from '../features/importSpecs'
import { isAppError } from '../errors'
import { openLedgerReadOnly } from '../ledger/open'
import { checkTable } from './checkTable'
import type { WorkerReply } from './worker'

const job = workerData as { entity: ImportEntity; ledgerFile: string; file: { path: string; name: string } }
const post = (m: unknown) => parentPort!.postMessage(m)

const ledger = openLedgerReadOnly(job.ledgerFile)
let reply: WorkerReply<number>
try {
  const total = await checkTable<unknown>(ledger, importSpecs[job.entity] as never, job.file, {
    pause: () => new Promise((resolve) => setImmediate(resolve)),
    progress: (rows) => post({ type: 'progress', rows }),
    batch: (valid, failed) => post({ type: 'batch', valid, failed }),
  })
  reply = { ok: true, value: total }
} catch (e) {
  reply = {
    ok: false,
    error: isAppError(e)
      ? { code: e.code, message: e.message, details: e.details }
      : { code: 'FILE_INVALID', message: `无法读取文件“${job.file.name}”：${(e as Error).message}` },
  }
} finally {
  ledger.close()
}
post(reply)
