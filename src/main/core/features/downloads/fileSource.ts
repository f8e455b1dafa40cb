// Where a download's files come from — the one place to switch it. On the real platform an
// invoice's PDF/OFD/XML are the platform's signed files; until the client can fetch them, they are
// drawn here from the same shared layout (src/documents).
import path from 'node:path'
import type { DownloadFormat } from '../../../../shared/api/downloads'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import { renderInvoiceFile } from '../../../../documents'
import type { CoreContext } from '../../context'

export type FileSource = (invoice: PlatformInvoice, format: DownloadFormat) => Promise<Buffer>

/** drawn on this machine: every invoice in a download is issued, so none is provisional */
export function localFiles(ctx: Pick<CoreContext, 'appDir'>): FileSource {
  const fontsDir = path.join(ctx.appDir, 'resources', 'fonts')
  return (invoice, format) => renderInvoiceFile(invoice, format, { fontsDir })
}
