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
import type { PlatformInvoice } from '../src/shared/platform/wire'

const OPTS = { fontsDir: path.resolve('resources/fonts') }

/** wall and CPU time (user + system: what the work costs, whatever else shares the machine) per call, in ms */
interface Times {
  wall: number[]
  cpu: number[]
}
const times = (): Times => ({ wall: [], cpu: [] })

async function timeOne(into: Times, f: () => unknown): Promise<void> {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  await f()
  into.wall.push(performance.now() - t0)
  const c = process.cpuUsage(c0)
  into.cpu.push((c.user + c.system) / 1000)
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const show = (t: Times) => `${mean(t.wall).toFixed(2)} ms/invoice (p95 ${percentile(t.wall, 95).toFixed(2)} ms, CPU ${mean(t.cpu).toFixed(2)} ms)`

async function perInvoice(invoices: readonly unknown[], f: (inv: never) => unknown): Promise<string> {
  const t = times()
  for (const inv of invoices) await timeOne(t, () => f(inv as never))
  return show(t)
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
  // the three formats of each invoice one after another, the first of them taking turns: whatever
  // else loads the machine meanwhile weighs on each format alike
  const xml = times()
  const ofd = times()
  const pdf = times()
  const formats: [Times, (inv: PlatformInvoice) => unknown][] = [
    [xml, (inv) => renderXml(inv, OPTS)],
    [ofd, (inv) => renderOfd(inv, OPTS)],
    [pdf, (inv) => renderPdf(inv, OPTS)],
  ]
  for (const [i, inv] of invoices.entries())
    for (let k = 0; k < formats.length; k++) {
      const [into, render] = formats[(i + k) % formats.length]!
      await timeOne(into, () => render(inv))
    }
  console.log(`  XML: ${show(xml)} (target < 50 ms, faster than the PDF)`)
  console.log(`  OFD: ${show(ofd)} (target < 50 ms, faster than the PDF)`)
  console.log(`  PDF (for comparison): ${show(pdf)}`)
  console.log(`  OFD ÷ PDF: ${(mean(ofd.wall) / mean(pdf.wall)).toFixed(2)} wall, ${(mean(ofd.cpu) / mean(pdf.cpu)).toFixed(2)} CPU (below 1: the OFD is faster)`)
  const lines = smoke ? 200 : 2000
  const long = [testInvoice(lines)]
  console.log(
    `  ${lines}-line invoice: XML ${await perInvoice(long, (inv) => renderXml(inv, OPTS))}, OFD ${await perInvoice(long, (inv) => renderOfd(inv, OPTS))}, PDF ${await perInvoice(long, (inv) => renderPdf(inv, OPTS))}`,
  )
}
