// A core in a process of its own that takes the 待处理 download job and, once it has written part
// of the zip, hangs (the event loop blocked) so the test can kill it mid-way:
// `node --import tsx tests/support/downloadChild.ts <dataDir> <taxId>` prints "working <id> <done>".
import { createCore } from '../../src/main/core/app'

const [dataDir, company] = process.argv.slice(2) as [string, string]
const core = createCore({ dataDir, company })
core.events.on((e) => {
  if (e.type !== 'progress' || !e.jobId.startsWith('download:') || e.done < 2) return
  process.stdout.write(`working ${e.jobId} ${e.done}\n`)
  // frozen mid-job, as a crash or a power cut would leave it; the parent kills this process
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
})
