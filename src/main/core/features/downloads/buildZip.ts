// One job's work: (进项) fetch what the platform has that the ledger lacks, select the invoices, and
// write the zip — `<发票号码>.<格式>` per invoice and format, then 汇总.xlsx — to a `.part` file that
// becomes the package only when complete. A cancel or a failure leaves no file behind.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { DownloadApplication } from '../../../../shared/api/downloads'
import type { Ledger } from '../../ledger/open'
import type { Connection } from '../../sync/connection'
import { fetchReceived } from './fetchReceived'
import type { FileSource } from './fileSource'
import { selectInvoices } from './selection'
import { SUMMARY_NAME, writeSummary } from './summarySheet'
import { openZip } from './zipFile'

export interface BuildSteps {
  now(): string
  clockNow(): Date
  /** throws CANCELLED when the job was cancelled or the runner stops; called between slices */
  checkpoint(): void
  progress(done: number, total: number, phase: string): void
  yield(): Promise<void>
}

export interface BuildResult {
  filePath: string
  fileName: string
  count: number
  note: string | null
}

/** <company folder>/downloads: beside the ledger, private like it */
export function downloadsDir(ledger: Ledger): string {
  return path.join(path.dirname(ledger.file), 'downloads')
}

export function zipName(id: number, a: DownloadApplication): string {
  return `发票下载_${id}_${a.side}_${a.from.replaceAll('-', '')}-${a.to.replaceAll('-', '')}.zip`
}

function removeParts(dir: string, fileName: string): void {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return // no folder yet: nothing left behind
  }
  for (const n of names) if (n.startsWith(`${fileName}.`) && n.endsWith('.part')) fs.rmSync(path.join(dir, n), { force: true })
}

export async function buildZip(
  ledger: Ledger,
  job: { id: number; params: DownloadApplication },
  deps: { source: FileSource; connect: () => Promise<Connection> },
  steps: BuildSteps,
): Promise<BuildResult> {
  const a = job.params
  let note: string | null = null
  let fetched: Awaited<ReturnType<typeof fetchReceived>> | null = null
  if (a.side === '进项') {
    steps.progress(0, 0, '从税务平台获取进项发票')
    fetched = await fetchReceived(ledger, deps.connect, a, {
      now: steps.now,
      checkpoint: steps.checkpoint,
      progress: (m, months) => steps.progress(m, months, '从税务平台获取进项发票'),
    })
  }
  steps.checkpoint()
  const invoices = selectInvoices(ledger, a)
  if (fetched?.unavailable)
    note = fetched.unavailable.offline
      ? `离线：仅含本地已有的 ${invoices.length} 张进项发票`
      : `未能从税务平台获取进项发票（${fetched.unavailable.reason}）：仅含本地已有的 ${invoices.length} 张进项发票`

  const dir = downloadsDir(ledger)
  const fileName = zipName(job.id, a)
  const filePath = path.join(dir, fileName)
  // what a runner that died on this job left behind
  removeParts(dir, fileName)
  // a name of its own: a runner that lost the job (put back, taken by another) never writes over the new one's
  const part = `${filePath}.${crypto.randomBytes(4).toString('hex')}.part`
  const summary = path.join(dir, `.${job.id}-${SUMMARY_NAME}.part`)
  const files = deps.source(ledger)
  const zip = openZip(part, steps.clockNow())
  try {
    const total = invoices.length
    steps.progress(0, total, '生成发票文件')
    for (const [i, inv] of invoices.entries()) {
      steps.checkpoint()
      const paper = files.paper(inv.number)
      for (const format of a.formats) await zip.add(`${inv.number}.${format}`, await files.file(paper, format), format === 'xml')
      steps.progress(i + 1, total, '生成发票文件')
      await steps.yield()
    }
    steps.checkpoint()
    await writeSummary(summary, a.side, invoices)
    await zip.addFile(SUMMARY_NAME, summary)
    await zip.finish()
    fs.renameSync(part, filePath)
    const local = files.local()
    if (local.count > 0) note = [note, `${local.count} 个文件由本机生成，非税务平台文件（${local.reason}）`].filter(Boolean).join('；')
    return { filePath, fileName, count: total, note }
  } catch (e) {
    await zip.abort()
    throw e
  } finally {
    fs.rmSync(summary, { force: true })
  }
}
