// 发票下载 use cases: apply (a job 待处理 the runner picks up), list, cancel, hand over the zip, and
// the single lookup by 发票号码 + 开票日期 + 进/销项.
import fs from 'node:fs'
import type { FileRef } from '../../../../shared/api/define'
import type { DownloadApplication, DownloadJob, InvoiceSummary } from '../../../../shared/api/downloads'
import { DOWNLOAD_KEEP_DAYS, DOWNLOAD_STATE_LABELS } from '../../../../shared/api/downloads'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { recordReceived } from '../../sync/apply'
import type { Connection } from '../../sync/connection'
import { recordAudit } from '../audit/service'
import { cancelJob, insertJob, jobRow, listJobs, toJob } from './jobStore'
import { findInvoice } from './selection'

export function createDownload(ledger: Ledger, a: DownloadApplication, now: string): DownloadJob {
  const today = now.slice(0, 10)
  if (a.from > today) throw new AppError('VALIDATION', `开票日期起（${a.from}）晚于今天，没有可下载的发票`, { issues: [{ path: 'from', message: '开票日期起不能晚于今天' }] })
  const row = ledger.db.transaction(() => {
    const r = insertJob(ledger, a, now)
    const what = `${a.side}${a.kind ? ` ${a.kind === '81' ? '专票' : '普票'}` : ''} ${a.from} 至 ${a.to}（${a.formats.join('、').toUpperCase()}）`
    recordAudit(ledger.orm, now, { action: 'create', entity: 'download', entityId: r.id, summary: `申请发票下载：${what}` })
    return r
  })()
  return toJob(row)
}

export const listDownloads = (ledger: Ledger): DownloadJob[] => listJobs(ledger).map(toJob)

export const getDownload = (ledger: Ledger, id: number): DownloadJob => toJob(jobRow(ledger, id))

export function cancelDownload(ledger: Ledger, id: number, now: string): DownloadJob {
  const row = cancelJob(ledger, id, now)
  recordAudit(ledger.orm, now, { action: 'cancel', entity: 'download', entityId: id, summary: `取消发票下载任务 ${id}` })
  return toJob(row)
}

/** the package of a job 处理完成, registered as a file token (the zip stays where it is) */
export function downloadFile(ctx: CoreContext, ledger: Ledger, id: number): FileRef {
  const row = jobRow(ledger, id)
  if (row.state !== 'done') throw new AppError('CONFLICT', `下载任务 ${id} ${DOWNLOAD_STATE_LABELS[row.state]}，没有可下载的文件`)
  if (!row.filePath || !fs.existsSync(row.filePath)) throw new AppError('NOT_FOUND', `下载任务 ${id} 的文件已超过 ${DOWNLOAD_KEEP_DAYS} 天保留期而删除，请重新申请下载`)
  return ctx.files.register(row.filePath, row.fileName ?? `发票下载_${id}.zip`)
}

const NOT_FOUND = '未查询到该发票'

/**
 * 单张查询: the ledger first; a 进项 invoice it does not hold yet is asked of the platform (and
 * kept, as the change feed would have kept it).
 */
export async function lookupInvoice(
  ctx: CoreContext,
  ledger: Ledger,
  q: { number: string; date: string; side: DownloadApplication['side'] },
  connect: (ledger: Ledger) => Promise<Connection>,
): Promise<InvoiceSummary> {
  const local = findInvoice(ledger, q.side, q.number, q.date)
  if (local) return local
  if (q.side === '销项') throw new AppError('NOT_FOUND', NOT_FOUND)
  // whether the platform answered (a refusal says it has no such invoice; no answer says nothing)
  let reached: boolean
  try {
    const conn = await connect(ledger)
    const inv = await conn.authed((token) => conn.client.invoice(token, q.number))
    reached = true
    // the platform answers its seller too: only an invoice this company bought is a 进项
    if (inv.buyer.taxId === conn.taxId && inv.issuedAt.slice(0, 10) === q.date) {
      const now = ctx.now()
      ledger.db.transaction(() => recordReceived(ledger, inv, now))()
    }
  } catch (e) {
    reached = !(e instanceof Error && (e.name === 'Unreachable' || (e instanceof AppError && e.code === 'OFFLINE')))
  }
  const found = findInvoice(ledger, q.side, q.number, q.date)
  if (found) return found
  throw new AppError('NOT_FOUND', reached ? NOT_FOUND : `${NOT_FOUND}（未能连接税务平台，仅查询了本地账簿）`)
}
