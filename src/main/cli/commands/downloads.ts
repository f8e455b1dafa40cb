// 发票下载 on the command line: apply (and, with --wait or --out, run the job here and hand over the
// zip), list, cancel, and the single lookup. A CLI core runs no jobs in the background: a job only
// applied for runs in the open app, or in the next `downloads create --wait`.
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import { DOWNLOAD_FORMATS, INVOICE_SIDES, type DownloadJob } from '../../../shared/api/downloads'
// type only: this module is imported by commands.ts, so it takes nothing from it at run time
import { command, type Command } from '../command'

const day = (what: string, whatEn: string) => ({ value: 'YYYY-MM-DD', description: what, descriptionEn: whatEn, required: true }) as const

/** a job as a line of the list */
function jobLine(j: DownloadJob) {
  const p = j.params
  return {
    id: j.id,
    createdAt: j.createdAt,
    state: j.stateLabel,
    range: `${p.from} 至 ${p.to}`,
    side: p.side,
    kind: p.kind ?? '全部',
    formats: p.formats.join(','),
    count: `${j.done}/${j.total}`,
    result: j.expired ? `已超过保留期，文件已删除` : (j.error ?? j.note ?? j.fileName ?? ''),
  }
}

export const downloadCommands: Record<string, Command> = {
  'downloads create': command({
    summary: '申请发票下载（一个 zip：每张发票的 PDF/OFD/XML 和 汇总.xlsx）；--wait 在此处理并输出 zip 的位置',
    summaryEn: "Request an invoice download (one zip: each invoice's PDF/OFD/XML and 汇总.xlsx); --wait runs it here and prints where the zip is",
    examples: [
      {
        line: 'downloads create --from 2026-11-01 --to 2026-11-30 --formats pdf,ofd --wait',
        zh: '打包 11 月销项发票的 PDF 和 OFD，等待完成',
        en: "zip November's sales invoices as PDF and OFD, and wait for it",
      },
    ],
    options: {
      from: day('开票日期起', 'issue date from'),
      to: day('开票日期止', 'issue date to'),
      side: {
        description: '销项（默认）或进项；进项先从税务平台获取本地尚未有的发票',
        descriptionEn: 'issued (销项, default) or received (进项); received first fetches from the platform the invoices not yet here',
        choices: INVOICE_SIDES,
      },
      kind: { description: '票种：81 专票、82 普票（默认全部）', descriptionEn: 'invoice kind: 81 special VAT (专票), 82 ordinary (普票); default both', choices: ['81', '82'] },
      formats: {
        value: 'pdf,ofd,xml',
        description: `文件格式，逗号分隔（${DOWNLOAD_FORMATS.join('、')}）`,
        descriptionEn: `file formats, comma-separated (${DOWNLOAD_FORMATS.join(', ')})`,
        required: true,
      },
      out: { value: 'ZIP', description: '处理完成后把 zip 复制到这里（含 --wait）', descriptionEn: 'copy the zip here once done (implies --wait)' },
      wait: { type: 'boolean', description: '在此处理任务并等待完成', descriptionEn: 'process the job here and wait until it is done' },
    },
    async run(core, _a, o) {
      const formats = o.formats
        .split(/[,，]/)
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean)
      const job = await core.call('downloads.create', {
        from: o.from,
        to: o.to,
        side: (o.side ?? '销项') as (typeof INVOICE_SIDES)[number],
        kind: o.kind as '81' | '82' | undefined,
        formats: formats as (typeof DOWNLOAD_FORMATS)[number][],
      })
      if (!o.wait && !o.out) return { ...jobLine(job), message: '已申请，任务待处理：打开票税通时处理，或用 downloads create --wait 在此处理' }
      await core.downloads.drain()
      const done = await core.call('downloads.get', { id: job.id })
      if (done.state !== 'done')
        throw new AppError(done.state === 'cancelled' ? 'CANCELLED' : 'INTERNAL', `下载任务 ${job.id} ${done.stateLabel}${done.error ? `：${done.error}` : ''}`)
      const zip = core.files.resolve((await core.call('downloads.file', { id: job.id })).token).path
      let savedTo: string | undefined
      if (o.out) {
        savedTo = path.resolve(o.out)
        fs.mkdirSync(path.dirname(savedTo), { recursive: true })
        fs.copyFileSync(zip, savedTo)
      }
      return { ...jobLine(done), file: zip, ...(savedTo ? { savedTo } : {}) }
    },
  }),
  'downloads list': command({
    summary: '列出发票下载任务（最新在前）：状态、时间、张数；zip 保留 7 天',
    summaryEn: 'List invoice download jobs (newest first): state, time, count; zips are kept 7 days',
    examples: [{ line: 'downloads list', zh: '列出下载任务', en: 'list the download jobs' }],
    async run(core) {
      const rows = (await core.call('downloads.list', {})).map(jobLine)
      return { total: rows.length, rows }
    },
  }),
  'downloads cancel': command({
    summary: '取消待处理或处理中的发票下载任务（删除未完成的 zip）',
    summaryEn: 'Cancel a pending or running download job (its unfinished zip is deleted)',
    examples: [{ line: 'downloads cancel 4', zh: '取消下载任务 4', en: 'cancel download job 4' }],
    args: [{ name: 'ID', description: '任务编号（downloads list 中的第一列）', descriptionEn: 'job ID (the first column of downloads list)' }],
    async run(core, [id]) {
      if (!/^[1-9]\d{0,9}$/.test(id!)) throw new AppError('VALIDATION', `任务编号应为正整数，现为“${id}”`)
      return jobLine(await core.call('downloads.cancel', { id: Number(id) }))
    },
  }),
  'invoices lookup': command({
    summary: '单张发票查询：按发票号码、开票日期和进/销项；没有时提示“未查询到该发票”',
    summaryEn: 'Single-invoice lookup by number, issue date and side; says 未查询到该发票 when there is none',
    examples: [{ line: 'invoices lookup --number 26442000000000000001 --date 2026-11-03 --side 进项', zh: '查询一张进项发票', en: 'look up one purchase invoice' }],
    options: {
      number: { value: 'N', description: '发票号码（20 位）', descriptionEn: 'invoice number (20 digits)', required: true },
      date: day('开票日期', 'issue date'),
      side: { description: '销项或进项', descriptionEn: 'issued (销项) or received (进项)', choices: INVOICE_SIDES, required: true },
    },
    run: (core, _a, o) => core.call('downloads.lookup', { number: o.number, date: o.date, side: o.side as (typeof INVOICE_SIDES)[number] }),
  }),
}
