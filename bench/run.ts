// `npm run bench`: figures, not pass/fail (timing limits belong here, not in tests). Each figure
// is printed beside the floor measured in the same run. `--smoke` runs small sizes in CI.
// Names pick some of them: `npx tsx bench/run.ts sync`, `npm run bench -- match invoices --smoke`.
const BENCHES: Record<string, (smoke: boolean) => Promise<void>> = {
  customers: (smoke) => import('./customers').then((m) => m.customerBenches(smoke)),
  files: (smoke) => import('./files').then((m) => m.filesBench(smoke)),
  match: (smoke) => import('./match').then((m) => m.matchBench(smoke)),
  invoices: (smoke) => import('./invoices').then((m) => m.invoiceBench(smoke)),
  sync: (smoke) => import('./sync').then((m) => m.syncBench(smoke)),
  query: (smoke) => import('./query').then((m) => m.queryBench(smoke)),
  ofd: (smoke) => import('./ofd').then((m) => m.ofdBench(smoke)),
  export: (smoke) => import('./export').then((m) => m.exportBench(smoke)),
  downloads: (smoke) => import('./downloads').then((m) => m.downloadsBench(smoke)),
  booking: (smoke) => import('./booking').then((m) => m.bookingBench(smoke)),
  batch: (smoke) => import('./batch').then((m) => m.batchBench(smoke)),
  cli: (smoke) => import('./cli').then((m) => m.cliBench(smoke)),
}

const smoke = process.argv.includes('--smoke')
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const unknown = named.filter((n) => !(n in BENCHES))
if (unknown.length > 0) {
  console.error(`no benchmark named ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
console.log(`票税通 benchmarks (${smoke ? 'smoke' : 'full'}) — node ${process.version}, ${new Date().toISOString()}`)
for (const name of named.length > 0 ? named : Object.keys(BENCHES)) await BENCHES[name]!(smoke)

export {} // a module: top-level await
