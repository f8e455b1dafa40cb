// Filled copies of the official 批量开具 template (V260401) for the batch job's tests and bench,
// typed into the platform's own file through ExcelJS (fillOfficial) as a user's Excel would save them.
import { fillOfficial, type Rows } from '../../src/main/core/features/batch/testSupport'

export const S1 = '1-发票基本信息'
export const S2 = '2-发票明细信息'
export const S3 = '3-特定业务信息'
export const S4 = '4-附加要素信息'

export const HUAWEI = '914403001922038216'
export const BJ = '91110000101107173B'
export const SH = '91310000132206289R'

/** over the quota the tests grant (1,500,000.00): the platform alone refuses it */
export const HUGE = 'HUGE-1'
export const PLATFORM_QUOTA = '1500000.00'

/**
 * Good and tricky invoices: 不含税 with a 折扣金额 and a 数量 derived from 金额/单价; 含税 to a
 * 自然人 with an ID; one of each 特定业务; and one the platform refuses for its 授信额度.
 */
export const GOOD_SHEETS: Record<string, Rows> = {
  [S1]: [
    /* 4 */ { A: 'INV-001', B: '增值税专用发票', D: '否', F: '华为技术有限公司', G: HUAWEI, W: '合同号 HT-2026-001' },
    /* 5 */ { A: 'INV-002', B: '普通发票', D: '是', E: '是', F: '张先生', H: '居民身份证', I: '11010519491231002X' },
    /* 6 */ { A: 'BUILD-1', B: '增值税专用发票', C: '建筑服务', D: '否', F: '北京建工集团有限责任公司', G: BJ },
    /* 7 */ { A: 'FREIGHT-1', B: '普通发票', C: '货物运输服务', D: '否', F: '上海物流有限公司', G: SH },
    /* 8 */ { A: 'LEASE-1', B: '普通发票', C: '不动产经营租赁服务', D: '否', F: '上海物流有限公司', G: SH },
    /* 9 */ { A: 'TRAVEL-1', B: '普通发票', C: '旅客运输服务', D: '否', F: '上海物流有限公司', G: SH },
    /* 10 */ { A: 'SALE-1', B: '增值税专用发票', C: '不动产销售', D: '否', F: '北京建工集团有限责任公司', G: BJ },
    /* 11 */ { A: HUGE, B: '普通发票', D: '否', F: '上海物流有限公司', G: SH },
  ],
  [S2]: [
    /* 4 */ { A: 'INV-001', B: '软件开发服务', C: '3040201010000000000', D: 'V1', E: '项', F: '2', H: '10000', I: '0.06', J: '1000' },
    /* 5 */ { A: 'INV-001', B: '服务器', C: '1090511030000000000', E: '台', G: '300', H: '900', I: '0.13' },
    /* 6 */ { A: 'INV-002', B: '咨询服务', C: '3040302000000000000', E: '次', F: '1', G: '106', H: '106', I: '0.06' },
    /* 7 */ { A: 'BUILD-1', B: '工程施工', C: '3050100000000000000', H: '100000', I: '0.09' },
    /* 8 */ { A: 'FREIGHT-1', B: '运输服务', C: '3010102020100000000', H: '5000', I: '0.09' },
    /* 9 */ { A: 'LEASE-1', B: '房屋租赁', C: '3040502020199000000', H: '20000', I: '0.09' },
    /* 10 */ { A: 'TRAVEL-1', B: '客运服务', C: '3010101010100000000', H: '1000', I: '0.09' },
    /* 11 */ { A: 'SALE-1', B: '商品房', C: '5010101000000000000', H: '1000000', I: '0.09' },
    /* 12 */ { A: HUGE, B: '咨询服务', C: '3040302000000000000', H: '2000000', I: '0.06' },
  ],
  [S3]: [
    /* 4 */ { A: 'BUILD-1', B: '北京市朝阳区', C: '建国路1号', D: '国贸三期改造工程', F: '是', G: '11010520260001' },
    /* 5 */ { A: 'FREIGHT-1', H: '上海市浦东新区', I: '江苏省苏州市吴中区', J: '公路运输', K: '沪A12345', L: '电子元件' },
    /* 6 */ { A: 'FREIGHT-1', H: '江苏省苏州市吴中区', I: '浙江省杭州市西湖区', J: '公路运输', K: '苏E54321', L: '电子元件' },
    /* 7 */ { A: 'LEASE-1', V: '京(2026)朝阳区不动产权第0000001号', W: '北京市朝阳区', X: '建国路1号', Y: '20260101', Z: '20261231', AA: '否', AB: '平方米' },
    /* 8 */ { A: 'TRAVEL-1', AL: '张三', AM: '居民身份证', AN: '11010519491231002X', AO: '20260301', AP: '北京市朝阳区', AQ: '天津市和平区', AR: '火车', AS: '二等座' },
    /* 9 */ { A: 'SALE-1', N: '北京市朝阳区', O: '建国路1号', S: '1000000', T: '否', U: '平方米' },
  ],
  [S4]: [/* 4 */ { A: 'INV-001', B: '项目编号', C: 'P-001' }],
}

/** the figures of GOOD_SHEETS: 8 invoices, 9 lines */
export const GOOD_TOTALS = { amount: '3136000.00', tax: '222003.00', total: '3358003.00' }

export async function writeGoodBatch(file: string): Promise<void> {
  await fillOfficial(file, GOOD_SHEETS)
}

/**
 * `invoices` 普票 of `lines` lines each to one company buyer, 流水号 `${prefix}00001`…, amounts all
 * different (so each invoice is told apart on the platform).
 */
export function manySheets(invoices: number, lines: number, prefix = 'B'): Record<string, Rows> {
  const heads: Rows = []
  const rows: Rows = []
  for (let i = 1; i <= invoices; i++) {
    const serial = `${prefix}${String(i).padStart(5, '0')}`
    heads.push({ A: serial, B: '普通发票', D: '否', F: '上海物流有限公司', G: SH })
    for (let k = 0; k < lines; k++) rows.push({ A: serial, B: `服务器${k + 1}`, C: '1090511030000000000', E: '台', F: '1', G: String(100 + i), H: String(100 + i), I: '0.13' })
  }
  return { [S1]: heads, [S2]: rows }
}
