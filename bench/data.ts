// Realistic customer rows for benchmarks: Chinese company names, valid 统一社会信用代码, the
// columns of the customer template.
import ExcelJS from 'exceljs'
import { usccCheckChar } from '../src/shared/domain/taxpayerId'

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '重庆', '武汉', '西安', '苏州', '长沙', '厦门', '青岛', '宁波', '合肥']
const WORDS = ['华信', '盛达', '恒通', '鑫源', '宏图', '瑞丰', '金桥', '天成', '博远', '中科', '新锐', '诚泰', '永辉', '佳禾', '启明', '汇通']
const TRADES = ['科技', '贸易', '建设工程', '餐饮管理', '物业服务', '信息技术', '文化传媒', '电子商务', '医疗器械', '物流']
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const REGIONS = ['110108', '310115', '440300', '330106', '510104', '500103']

/** a valid, unique USCC for index i */
export function uscc(i: number): string {
  let serial = ''
  for (let n = i, k = 0; k < 9; k++, n = Math.floor(n / 31)) serial = ALPHABET[n % 31] + serial
  const body = `91${REGIONS[i % REGIONS.length]}${serial}`
  return body + usccCheckChar(body)
}

export function customerRow(i: number): string[] {
  const name = `${CITIES[i % 16]}${WORDS[(i >> 4) % 16]}${TRADES[(i >> 8) % 10]}有限公司${i}`
  return [
    name,
    '企业',
    uscc(i),
    '',
    '',
    `${CITIES[i % 16]}市某区某路${i % 999}号`,
    `0${(i % 90) + 10}-8${String(i).padStart(7, '0')}`,
    '中国工商银行某支行',
    `62220${String(i).padStart(14, '0')}`,
    `finance${i}@example.com`,
    `13${String(i % 1e9).padStart(9, '0')}`,
  ]
}

export const CUSTOMER_HEADER = ['名称', '客户类型', '统一社会信用代码/纳税人识别号', '证件类型', '证件号码', '地址', '电话', '开户银行', '银行账号', '邮箱', '手机号']

/** a customer workbook as Excel saves one: shared strings, IDs as text cells */
export async function writeCustomerWorkbook(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: true })
  const ws = wb.addWorksheet('客户信息')
  ws.addRow(CUSTOMER_HEADER).commit()
  for (let i = 0; i < rows; i++) ws.addRow(customerRow(i)).commit()
  await wb.commit()
}
