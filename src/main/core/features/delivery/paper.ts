// Which invoice a 交付 is about, as the platform's invoice (paperOf, features/paper/): issued — its
// files are the platform's — or not yet (drawn provisionally, never sent).
import type { InvoiceRef } from '../../../../shared/api/delivery'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import type { Ledger } from '../../ledger/open'
import { paperOf } from '../paper/paperOf'

export interface Paper {
  invoice: PlatformInvoice
  /** the platform has issued it (it has a number): its files are the platform's */
  issued: boolean
  side: '销项' | '进项'
  /** the 销项 row's id when named by it (a name for the file of an invoice without a number) */
  id: number | null
  /** tax code → 简称 from this ledger's table, for the printed `*简称*名称` */
  shortNames: Record<string, string>
}

export function findPaper(ledger: Ledger, ref: InvoiceRef): Paper {
  const p = paperOf(ledger, ref)
  return { invoice: p.invoice, issued: !p.provisional, side: p.side, id: ref.id ?? null, shortNames: p.shortNames }
}

/** `<号码>` for an issued invoice; `未开具发票-<编号>` for one without a number */
export const fileStem = (p: Paper): string => (p.issued ? p.invoice.number : `未开具发票-${p.id ?? 0}`)
