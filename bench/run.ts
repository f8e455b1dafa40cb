// `npm run bench`: figures, not pass/fail (timing limits belong here, not in tests). Each figure
// is printed beside the floor measured in the same run. `--smoke` runs small sizes in CI.
import { customerBenches } from './customers'

const smoke = process.argv.includes('--smoke')
console.log(`票税通 benchmarks (${smoke ? 'smoke' : 'full'}) — node ${process.version}, ${new Date().toISOString()}`)
await customerBenches(smoke)
await import('./match').then((m) => m.matchBench(smoke))
await import('./invoices').then((m) => m.invoiceBench(smoke))
