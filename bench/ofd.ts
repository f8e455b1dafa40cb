// Issue 11 (scale): an invoice's OFD and XML, ms per invoice over a batch, beside the PDF of the same
// invoices and a floor — the layout alone (the work every drawn format shares) and JSON.stringify of
// the invoice (the least any data file costs). Target: OFD and XML each < 50 ms and faster than the PDF.
import path from 'node:path'
import { renderOfd } from '../src/documents/ofd'
import { renderPdf } from '../src/documents/pdf'
import { renderXml } from '../src/documents/xml'
import { layoutInvoice } from '../src/shared/domain/invoiceLayout'
import { percentile } from './stats'
import { testInvoice } from '../src/shared/domain/invoiceLayout/testInvoice'

const OPTS = { fontsDir: path.resolve('resources/fonts') }

async function perInvoice(invoices: readonly unknown[], f: (inv: never) => unknown): Promise<string> {
  const times: number[] = []
  for (const inv of invoices) {
    const t0 = performance.now()
    await f(inv as never)
    times.push(performance.now() - t0)
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  const p95 = percentile(times, 95)
  return `${mean.toFixed(2)} ms/invoice (p95 ${p95.toFixed(2)} ms)`
}

export async function ofdBench(smoke: boolean): Promise<void> {
  const count = smoke ? 20 : 200
  // 1–8 lines each, as invoices come: different names and amounts, so every subset differs
  const invoices = Array.from({ length: count }, (_, i) => testInvoice(1 + (i % 8), {}, { number: `2644200000${String(100000 + i).padStart(10, '0')}` }))
  // the font is parsed once per process: warm it (and the code) before timing
  await renderOfd(invoices[0]!, OPTS)
  await renderPdf(invoices[0]!, OPTS)
  console.log(`invoice files (issue 11): ${count} invoices of 1–8 lines`)
  console.log(`  floor, layout only: ${await perInvoice(invoices, (inv) => layoutInvoice(inv))}`)
  console.log(`  floor, JSON.stringify: ${await perInvoice(invoices, (inv) => JSON.stringify(inv))}`)
  console.log(`  XML: ${await perInvoice(invoices, (inv) => renderXml(inv, OPTS))} (target < 50 ms, faster than the PDF)`)
  console.log(`  OFD: ${await perInvoice(invoices, (inv) => renderOfd(inv, OPTS))} (target < 50 ms, faster than the PDF)`)
  console.log(`  PDF (for comparison): ${await perInvoice(invoices, (inv) => renderPdf(inv, OPTS))}`)
  const lines = smoke ? 200 : 2000
  const long = [testInvoice(lines)]
  console.log(
    `  ${lines}-line invoice: XML ${await perInvoice(long, (inv) => renderXml(inv, OPTS))}, OFD ${await perInvoice(long, (inv) => renderOfd(inv, OPTS))}, PDF ${await perInvoice(long, (inv) => renderPdf(inv, OPTS))}`,
  )
}
