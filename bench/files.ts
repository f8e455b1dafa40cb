// Issue 11, Scale: an invoice's PDF in a batch — ≤ 50 ms per invoice. 200 invoices of 3 lines each
// (distinct numbers and buyers), each as its own PDF (交付, 发票下载) and all in one PDF (打印),
// beside two floors from the same run: the layout alone, and pdfkit drawing the same primitives in
// a built-in font (no CJK font to subset or embed). Measured in a fresh process, so the peak RSS
// is the PDF writer's own.
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import PDFDocument from 'pdfkit'
import { renderPdf, renderPdfDocument } from '../src/documents/pdf'
import { layoutInvoice, type InvoicePage } from '../src/shared/domain/invoiceLayout'
import { testInvoice } from '../src/shared/domain/invoiceLayout/testInvoice'
import type { PlatformInvoice } from '../src/shared/platform/wire'

const here = path.dirname(fileURLToPath(import.meta.url))
const fontsDir = path.join(here, '..', 'resources', 'fonts')
const PT = 72 / 25.4

function batch(n: number): PlatformInvoice[] {
  return Array.from({ length: n }, (_, i) => {
    const number = `2644200000${String(100000 + i).padStart(10, '0')}`
    const inv = testInvoice(3, { buyer: { ...testInvoice(1).draft.buyer, name: `第${i + 1}号客户贸易有限公司` } }, { number })
    return { ...inv, buyer: { ...inv.buyer, name: inv.draft.buyer.name } }
  })
}

/** pdfkit with Helvetica drawing the same primitives (text kept to its ASCII): the cost without a CJK font */
function builtinFontPdf(pages: InvoicePage[]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (const p of pages) {
    doc.addPage({ size: [p.widthMm * PT, p.heightMm * PT], margin: 0 })
    for (const it of p.items) {
      if (it.type === 'text') {
        const ascii = it.text.replace(/[^\x20-\x7e]/g, 'x')
        doc
          .fontSize(it.size * PT)
          .fillColor(it.colour)
          .text(ascii, it.x * PT, it.y * PT, { lineBreak: false, baseline: 'alphabetic' })
      } else if (it.type === 'line')
        doc
          .moveTo(it.x1 * PT, it.y1 * PT)
          .lineTo(it.x2 * PT, it.y2 * PT)
          .stroke(it.colour)
      else if (it.type === 'rect') doc.rect(it.x * PT, it.y * PT, it.w * PT, it.h * PT).stroke(it.colour)
    }
  }
  doc.end()
  return done
}

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now()
  const value = await f()
  return { ms: performance.now() - t0, value }
}

async function measure(n: number) {
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const invoices = batch(n)
  const first = await timed(() => renderPdf(invoices[0]!, { fontsDir }))
  const layout = await timed(() => invoices.map((inv) => layoutInvoice(inv)))
  const floor = await timed(async () => {
    for (const pages of layout.value) await builtinFontPdf(pages)
  })
  const perFile: number[] = []
  let bytes = 0
  const cpu0 = process.cpuUsage()
  for (const inv of invoices) {
    const t = await timed(() => renderPdf(inv, { fontsDir }))
    perFile.push(t.ms)
    bytes += t.value.length
  }
  const cpu = process.cpuUsage(cpu0)
  const oneDoc = await timed(() =>
    renderPdfDocument(
      invoices.map((invoice) => ({ invoice })),
      { fontsDir, title: 'bench' },
    ),
  )
  clearInterval(sampler)
  const sorted = [...perFile].sort((a, b) => a - b)
  const total = perFile.reduce((a, b) => a + b, 0)
  return {
    n,
    firstMs: first.ms,
    layoutMs: layout.ms / n,
    floorMs: floor.ms / n,
    pdfMs: total / n,
    pdfP95: sorted[Math.floor(0.95 * (n - 1))]!,
    /** CPU time (user + system) per invoice: what the work costs, whatever else shares the machine */
    pdfCpuMs: (cpu.user + cpu.system) / 1000 / n,
    avgKb: bytes / n / 1024,
    oneDocMs: oneDoc.ms / n,
    oneDocKb: oneDoc.value.bytes.length / 1024,
    peakMb: Math.max(peak, process.memoryUsage().rss) / 1048576,
  }
}

export async function filesBench(smoke: boolean): Promise<void> {
  const n = smoke ? 20 : 200
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'measure', String(n)], { encoding: 'utf8' })
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof measure>>
  const f = (x: number) => x.toFixed(1)
  console.log(`invoice files: PDF of ${r.n} invoices × 3 lines (issue 11)`)
  console.log(`  first PDF (opens the 15.7 MB font once per process): ${f(r.firstMs)} ms`)
  console.log(`  floor — layout alone: ${f(r.layoutMs)} ms/invoice; pdfkit, same primitives, built-in font: ${f(r.floorMs)} ms/invoice`)
  console.log(
    `  PDF per invoice (font subset embedded, QR): ${f(r.pdfMs)} ms/invoice, p95 ${f(r.pdfP95)} ms (CPU ${f(r.pdfCpuMs)} ms/invoice), ${f(r.avgKb)} KB each (target ≤ 50 ms)`,
  )
  console.log(`  all in one PDF (打印): ${f(r.oneDocMs)} ms/invoice, ${f(r.oneDocKb)} KB`)
  console.log(`  peak RSS ${Math.round(r.peakMb)} MB; load average while measured ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === 'measure') console.log(JSON.stringify(await measure(Number(process.argv[3]))))
