// Column widths of the lists, in px, for the tables' 13 px text and 8 px cell padding (styles.css):
// each holds its widest value on one line with some room for wider system fonts. A screen sizes its
// fixed columns from here and gives the rest (names, addresses) a min-width with a tooltip, so at
// 1366 px no table needs a sideways scroll and nothing hides under the fixed 操作 column
// (tests/e2e/layout.spec.ts measures it).
export const COL = {
  select: 40,
  /** 20-digit 发票号码 / 确认单编号, or under one 蓝字 and the blue invoice's number in 12 px */
  number: 180,
  /** 18-character 统一社会信用代码, or a 18-digit 身份证号 */
  taxId: 164,
  /** -99,999,999.99 */
  money: 110,
  /** -9,999,999.99 (税额) */
  tax: 100,
  /** 2026-12-03 */
  date: 92,
  /** 2026-12-03 15:18 */
  minute: 128,
  /** 2026-12-03 15:18:27 */
  second: 146,
  /** 数电专票 */
  kind: 78,
  /** a status tag of four characters (已开具, 开具失败, 部分红冲) */
  tag: 88,
  /** 入账状态: a tag and 待处理, and under it the longest 入账类型 (个人所得税经营所得税前扣除) in 12 px */
  booking: 176,
  /** 入账所属期 202612 (its header is the wider) */
  period: 84,
  /** 用途确认: 未确认 / 不抵扣 */
  use: 72,
  /** the 操作 column: `buttons` link buttons (14 px text, 2 px padding, 1 px border) of `chars` characters in all */
  actions: (buttons: number, chars: number) => 16 + chars * 14 + buttons * 6 + (buttons - 1) * 8 + 4,
} as const
