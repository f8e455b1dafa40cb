// Where everything sits on the page (mm): the national 数电票 layout (DOMAIN.md §6) on its own
// paper size, 240 × 140 mm. Kept in one table so the page can be tuned without touching the code
// that fills it.

export const PAGE = { width: 240, height: 140 } as const

/** the form's frame and words are printed in the invoice's brown; values in black */
export const COLOUR = { form: '#8b3a1a', value: '#000000', mark: '#d40000' } as const

export const FRAME = { left: 10, right: 230, top: 30, bottom: 133 } as const

export const HEADER = {
  qr: { x: 12, y: 5, size: 22 },
  title: { y: 14, size: 6.2 },
  /** the double rule under the title */
  titleRule: { y1: 17, y2: 17.9, half: 34 },
  /** 发票号码 / 开票日期 / page */
  metaLabelX: 166,
  metaValueX: 182,
  numberY: 11,
  dateY: 17,
  pageY: 23,
  metaSize: 3,
  provisional: { y: 25, size: 3.6 },
} as const

export const PARTIES = {
  top: FRAME.top,
  bottom: 52,
  mid: 120,
  /** the narrow column with the vertical 购买方信息 / 销售方信息 */
  labelColumn: 7,
  nameLabelY: 37,
  /** where a wrapped 名称 may run */
  nameTop: 31,
  nameBottom: 42,
  taxIdY: 47.5,
  size: 3,
  labelSize: 2.8,
} as const

/** the item table: its columns (left, right, how the cell aligns) and rows */
export const TABLE = {
  headerTop: PARTIES.bottom,
  headerY: 56.2,
  rowsTop: 58.5,
  rowsBottom: 102,
  headerSize: 2.8,
  size: 2.7,
  minSize: 2.0,
  lineHeight: 3.4,
  padding: 1,
  columns: [
    { key: 'name', title: '项目名称', left: 10, right: 64, align: 'left' },
    { key: 'spec', title: '规格型号', left: 64, right: 88, align: 'left' },
    { key: 'unit', title: '单位', left: 88, right: 100, align: 'left' },
    { key: 'quantity', title: '数量', left: 100, right: 122, align: 'right' },
    { key: 'unitPrice', title: '单价', left: 122, right: 146, align: 'right' },
    { key: 'amount', title: '金额', left: 146, right: 172, align: 'right' },
    { key: 'taxRate', title: '税率/征收率', left: 172, right: 194, align: 'center' },
    { key: 'tax', title: '税额', left: 194, right: 230, align: 'right' },
  ],
} as const

export const TOTALS = {
  /** the 合计 row */
  sumTop: 102,
  sumY: 106.3,
  sumBottom: 108,
  /** the 价税合计 row */
  grandY: 113.2,
  grandBottom: 117,
  wordsLabelX: 12,
  wordsX: 50,
  smallLabelX: 158,
  smallX: 172,
  size: 3,
} as const

export const REMARK = {
  top: TOTALS.grandBottom,
  bottom: FRAME.bottom,
  labelColumn: 7,
  size: 2.7,
  minSize: 1.8,
} as const

/**
 * 特定业务: its label beside the title (right of the QR), and the 特定信息 block after the item rows
 * (a caption row, then one row of values per 特定业务 row), flowing over pages like the rows do.
 */
export const SPECIAL = {
  label: { x: HEADER.qr.x + HEADER.qr.size + 3, y: HEADER.title.y, size: 3.6 },
  /** the block's left column with 特定信息, then the kind's columns side by side to the frame */
  labelColumn: 14,
  /** space above the block's rule */
  gap: 1,
  maxLines: 3,
} as const

export const FOOTER = { drawerX: 150, y: 137.5, size: 3 } as const
