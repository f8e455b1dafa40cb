// Where a download's files come from — the one place to switch it. Like 交付 (features/delivery),
// an issued invoice's file is the platform's (kept after the first fetch); when the platform cannot
// be had, the job draws the rest of its files here from the same shared layout — without asking again
// for each one — and says how many in its result.
import type { DownloadFormat } from '../../../../shared/api/downloads'
import { renderInvoiceFile } from '../../../../documents'
import type { CoreContext } from '../../context'
import type { Ledger } from '../../ledger/open'
import type { Connector } from '../../sync/connection'
import { drawnFile, fontsDirOf } from '../delivery/files'
import type { InvoicePaper } from '../../../../shared/api/invoicePaper'
import { paperOf } from '../paper/paperOf'

export interface JobFiles {
  paper(number: string): InvoicePaper
  file(paper: InvoicePaper, format: DownloadFormat): Promise<Buffer>
  /** files drawn on this machine, and why the platform's could not be had */
  local(): { count: number; reason: string | null }
}

export type FileSource = (ledger: Ledger) => JobFiles

export function platformFiles(ctx: CoreContext, connector: Connector): FileSource {
  return (ledger) => {
    let down: string | null = null
    let drawn = 0
    return {
      paper: (number) => paperOf(ledger, { number }),
      async file(paper, format) {
        if (down === null) {
          const f = await drawnFile(ctx, connector, ledger, paper, format)
          if (f.source === 'platform') return f.bytes
          // drawn here already, beside the reason; the rest of the job does not ask again
          down = f.note ?? '税务平台未连接'
          drawn++
          return f.bytes
        }
        drawn++
        return renderInvoiceFile(paper.invoice, format, { fontsDir: fontsDirOf(ctx), shortNames: paper.shortNames })
      },
      local: () => ({ count: drawn, reason: down }),
    }
  }
}
