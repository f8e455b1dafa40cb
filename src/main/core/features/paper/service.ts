// 打印: the chosen invoices as one PDF (each from a new page) that the renderer hands to the
// system's print dialog. Drawn here from the ledger (paperOf), so it works offline; a copy not yet
// issued is marked as such on its face.
import fs from 'node:fs'
import path from 'node:path'
import type { FileRef } from '../../../../shared/api/define'
import type { ParsedInvoiceRef } from '../../../../shared/api/invoiceRef'
import type { FileStore } from '../../files/tokens'
import type { Ledger } from '../../ledger/open'
import { paperOf } from './paperOf'

/** the shipped font's folder under the app folder */
export function fontsDirOf(appDir: string): string {
  return path.join(appDir, 'resources', 'fonts')
}

export async function printPdf(ledger: Ledger, files: FileStore, appDir: string, refs: ParsedInvoiceRef[]): Promise<FileRef & { pages: number }> {
  // every invoice is read before anything is drawn: a missing one refuses the whole print
  const papers = refs.map((ref) => paperOf(ledger, ref))
  const first = papers[0]!.invoice
  const title = papers.length === 1 ? first.number || `${first.buyer.name} 发票（未上传平台）` : `发票 ${papers.length} 张`
  // pdfkit and the fonts load when a paper is first drawn, not when the core starts
  const { renderPdfDocument } = await import('../../../../documents/pdf')
  const { bytes, pages } = await renderPdfDocument(
    papers.map((p) => ({ invoice: p.invoice, provisional: p.provisional, shortNames: p.shortNames })),
    { fontsDir: fontsDirOf(appDir), title },
  )
  const out = files.output(papers.length === 1 ? `${first.number || '发票预览'}.pdf` : `打印发票-${papers.length}张.pdf`)
  fs.writeFileSync(out.path, bytes)
  return { token: out.token, name: out.name, pages }
}
