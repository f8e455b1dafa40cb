// The 开票项 table's columns and row heights, shared by the header, the rows and the windowing that
// places them (rows are positioned by arithmetic, so their heights are fixed here).
export const EDITABLE_FIELDS = ['name', 'spec', 'unit', 'quantity', 'unitPrice', 'amount', 'taxRate', 'discount', 'deduction'] as const
export type EditableField = (typeof EDITABLE_FIELDS)[number]

/** The cells Enter/Tab walk through: 差额征税 takes a 扣除额 and allows no discount. */
export function walkedFields(difference: boolean): EditableField[] {
  return EDITABLE_FIELDS.filter((f) => (difference ? f !== 'discount' : f !== 'deduction'))
}

/** 序号 · 项目名称 · 编码 · 规格型号 · 单位 · 数量 · 单价 · 金额 · 税率 · 税额 · 折扣/扣除额 · 删除 */
export const GRID_COLUMNS = '40px minmax(140px, 2fr) 120px 84px 56px 88px 104px 104px 64px 88px 96px 30px'
/** the columns' least total width: narrower, the table scrolls sideways */
export const GRID_MIN_WIDTH = 1014

export const HEAD_HEIGHT = 34
export const ROW_HEIGHT = 34
/** the 折扣行 under a discounted line */
export const DISCOUNT_HEIGHT = 26
/** the messages under a line with errors */
export const ERRORS_HEIGHT = 22
export const GRID_MAX_HEIGHT = 420
