// One customers import in a process of its own, so its peak memory is its own: `node --import tsx
// tests/support/importChild.ts <dataDir> <file>` prints one JSON line { result | error, peakMb }.
import { createCore } from '../../src/main/core/app'

const [dataDir, file] = process.argv.slice(2) as [string, string]
const core = createCore({ dataDir })
await core.call('companies.create', { name: '深圳市测试科技有限公司', taxId: '91440300MA5G0X1U23', region: '44', operator: '王会计' })
let answer: object
try {
  answer = { result: await core.call('customers.import', { file: core.files.register(file).token }) }
} catch (e) {
  const { code, message } = e as { code: string; message: string }
  answer = { error: { code, message } }
}
core.close()
// maxRSS is in kilobytes: the most this process ever held
console.log(JSON.stringify({ ...answer, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }))
