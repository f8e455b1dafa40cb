// Worker entry: parses one spreadsheet off the core's thread (see readTableOffThread).
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { isAppError } from '../errors'
import { readTable, type ReadLimits, type ReadResult } from './excel/read'
import type { SheetSpec } from './excel/spec'
import type { WorkerReply } from './worker'

const job = workerData as { path: string; fileName: string; spec: SheetSpec; limits?: Partial<ReadLimits> }

let reply: WorkerReply<ReadResult>
try {
  reply = { ok: true, value: readTable(fs.readFileSync(job.path), job.fileName, job.spec, job.limits) }
} catch (e) {
  reply = {
    ok: false,
    error: isAppError(e)
      ? { code: e.code, message: e.message, details: e.details }
      : { code: 'FILE_INVALID', message: `无法读取文件“${job.fileName}”：${(e as Error).message}` },
  }
}
parentPort!.postMessage(reply)
