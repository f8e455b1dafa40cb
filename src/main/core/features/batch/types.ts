// What reading a filled batch template gives the caller: the invoices as drafts of the issuing
// screen, and every problem found, each where the bookkeeper fixes it (sheet, row, column, value).
import type { BatchFileError } from '../../../../shared/api/batch'
import type { ComputedDraft, InvoiceDraft } from '../../../../shared/domain/invoice'

export interface BatchInvoice {
  /** 发票流水号: the user's key of the invoice across the four sheets */
  serial: string
  /** its row in 1-发票基本信息 */
  row: number
  /**
   * as the issuing screen holds it before 计算 (computeDraft derives 数量/单价 and splits 含税);
   * its specialBusiness is sheet 3's rows in the domain's form
   */
  draft: InvoiceDraft
  /** the draft as 计算 makes it (totals, 折扣行), the one the rules judged: the import stores its totals */
  computed: ComputedDraft
  /** sheet 2's row of each draft line */
  lineRows: number[]
  /**
   * sheet 1's cells the draft has no field for (国籍, 购买方邮箱, 销售方开户行 …) and sheet 2's per
   * line (即征即退类型, 煤炭种类): by the spec's keys, only the filled ones
   */
  fields: Record<string, string>
  lineFields: Record<string, string>[]
}

export interface BatchFile {
  /** what the hidden sheet excelVersion says: always TEMPLATE_VERSION (any other is refused) */
  version: string
  /** the invoices without a problem of their own, in sheet-1 order */
  invoices: BatchInvoice[]
  /** every problem, in sheet order then row order; a file with any is to be imported whole or not at all */
  errors: BatchFileError[]
}
