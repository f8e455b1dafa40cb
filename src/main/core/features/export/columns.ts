// The columns of the invoice export: sheet 发票列表 (one row per invoice) and sheet 发票明细 (one row
// per printed line). The .csv carries the first. Money is kept in 分 until a writer formats it.
import { INVOICE_KINDS } from '../../../../shared/domain/invoice'
import { formatTime } from '../../../../shared/timeText'

/** text: as is (numbers and IDs stay text); money: 分, written as a number with two decimals; decimal: 数量/单价 */
export type CellKind = 'text' | 'money' | 'decimal' | 'count'

export interface Column<R> {
  header: string
  width: number
  kind: CellKind
  value(r: R): string | number | null
}

/** one invoice as exported */
export interface ExportInvoice {
  side: '销项' | '进项'
  /** the ledger's id of a 销项 invoice (its lines are invoice_lines); null for 进项 */
  id: number | null
  number: string | null
  issuedAt: string | null
  kind: string
  colour: 'blue' | 'red'
  buyerName: string
  buyerTaxId: string
  sellerName: string
  sellerTaxId: string
  amountFen: number
  taxFen: number
  totalFen: number
  /** 状态 in words: 已开具, 待开具, 开具失败 … */
  state: string
  /** 红冲状态 in words: 正常, 部分红冲, 全额红冲 */
  redStatus: string
  drawer: string
  blueNumber: string | null
}

/** one printed row of an invoice (折扣行 included, negative) */
export interface ExportLine {
  number: string | null
  no: number
  /** *简称*项目名称 */
  name: string
  spec: string
  unit: string
  quantity: string | null
  unitPrice: string | null
  amountFen: number
  /** 13%, 免税, 不征税 … */
  rate: string
  taxFen: number
}

const kindName = (code: string) => INVOICE_KINDS.find((k) => k.code === code)?.name ?? code

export const INVOICE_COLUMNS: Column<ExportInvoice>[] = [
  { header: '发票方向', width: 10, kind: 'text', value: (r) => r.side },
  { header: '发票号码', width: 24, kind: 'text', value: (r) => r.number },
  { header: '开票日期', width: 20, kind: 'text', value: (r) => formatTime(r.issuedAt) },
  { header: '票种', width: 28, kind: 'text', value: (r) => kindName(r.kind) },
  { header: '蓝字/红字', width: 10, kind: 'text', value: (r) => (r.colour === 'red' ? '红字' : '蓝字') },
  { header: '购买方名称', width: 30, kind: 'text', value: (r) => r.buyerName },
  { header: '购买方纳税人识别号', width: 22, kind: 'text', value: (r) => r.buyerTaxId },
  { header: '销售方名称', width: 30, kind: 'text', value: (r) => r.sellerName },
  { header: '销售方纳税人识别号', width: 22, kind: 'text', value: (r) => r.sellerTaxId },
  { header: '金额', width: 14, kind: 'money', value: (r) => r.amountFen },
  { header: '税额', width: 14, kind: 'money', value: (r) => r.taxFen },
  { header: '价税合计', width: 14, kind: 'money', value: (r) => r.totalFen },
  { header: '状态', width: 10, kind: 'text', value: (r) => r.state },
  { header: '红冲状态', width: 10, kind: 'text', value: (r) => r.redStatus },
  { header: '开票人', width: 10, kind: 'text', value: (r) => r.drawer },
  { header: '蓝字发票号码', width: 24, kind: 'text', value: (r) => r.blueNumber },
]

export const LINE_COLUMNS: Column<ExportLine>[] = [
  { header: '发票号码', width: 24, kind: 'text', value: (r) => r.number },
  { header: '序号', width: 6, kind: 'count', value: (r) => r.no },
  { header: '项目名称', width: 36, kind: 'text', value: (r) => r.name },
  { header: '规格型号', width: 14, kind: 'text', value: (r) => r.spec },
  { header: '单位', width: 8, kind: 'text', value: (r) => r.unit },
  { header: '数量', width: 12, kind: 'decimal', value: (r) => r.quantity },
  { header: '单价', width: 14, kind: 'decimal', value: (r) => r.unitPrice },
  { header: '金额', width: 14, kind: 'money', value: (r) => r.amountFen },
  { header: '税率/征收率', width: 10, kind: 'text', value: (r) => r.rate },
  { header: '税额', width: 14, kind: 'money', value: (r) => r.taxFen },
]

export const INVOICE_SHEET = '发票列表'
export const LINE_SHEET = '发票明细'
