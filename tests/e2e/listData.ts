// Realistic books for the layout spec: every list filled with what a small business's lists hold —
// long names, 18-character tax IDs, seven-figure money, red (negative) invoices, every invoice state
// and 红字确认单 status the screens show — made through the core and the platform sandbox.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { InvoiceDraftInput } from '../../src/shared/api/invoices'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, SELLER, type AppUnderTest } from './fixtures'
import { uscc } from './helpers'

// the two counterparties the embedded sandbox registers as companies of the app
export const BEIJING = { name: '北京示例科技有限公司', taxId: '91110105MA01ABCD26' }
export const SHANGHAI = { name: '上海示例贸易有限公司', taxId: '91310115MA1H7Q3PX4' }

const SOFTWARE = '3040201010000000000'
const IT_SYSTEMS = '3040203000000000000'
const CONSULTING = '3040603000000000000'
const PROPERTY = '3040801010000000000'
const DIESEL = '1070101030000000000'
const MEETINGS = '3040304010000000000'

const ITEMS = [
  { name: '企业资源计划（ERP）系统定制开发及实施服务', taxCode: SOFTWARE, rate: '6%', unit: '项', unitPrice: '1280000', spec: 'ERP-ENT-2024', category: '信息技术服务' },
  { name: '信息系统运维', taxCode: IT_SYSTEMS, rate: '6%', unit: '月', unitPrice: '45000', category: '信息技术服务' },
  { name: '管理咨询', taxCode: CONSULTING, rate: '6%', unit: '次', unitPrice: '8800.5', priceIncludesTax: true, category: '咨询' },
  { name: '写字楼物业管理服务费（含公共区域保洁、安保及设施设备维护）', taxCode: PROPERTY, rate: '6%', unit: '平方米·月', unitPrice: '32.8', category: '物业' },
  { name: '0号柴油', taxCode: DIESEL, rate: '13%', unit: '升', unitPrice: '7.65', spec: 'GB 19147-2016 国VI', category: '燃料' },
  { name: '年度经销商大会会议服务', taxCode: MEETINGS, rate: '6%', unit: '场', unitPrice: '356000', category: '会务' },
] as const

const CUSTOMERS = [
  {
    name: '中国石油化工股份有限公司北京燕山分公司',
    taxId: uscc('91110000802100385'),
    address: '北京市房山区燕山岗南路1号院燕化大厦办公楼十二层1208室',
    phone: '010-69341234',
    bank: '中国工商银行股份有限公司北京燕山支行营业部',
    account: '0200004509089131550',
    email: 'caiwu.fapiao@yanshan-petrochem.example.com',
    mobile: '13901234567',
  },
  { ...BEIJING, address: '北京市朝阳区建国路88号', phone: '010-85801234', bank: '招商银行北京分行', account: '110902345610101', email: 'ap@bj-demo.example.cn' },
  { ...SHANGHAI, address: '上海市浦东新区世纪大道100号环球金融中心58楼', phone: '021-68881234', bank: '交通银行上海浦东分行', account: '310066726018010123456' },
  { name: '张三', type: '自然人', idType: '201', idNumber: '11010519491231002X', mobile: '13800138000' },
  { name: '深圳市腾讯计算机系统有限公司', taxId: uscc('91440300708461136'), address: '深圳市南山区海天二路33号腾讯滨海大厦', phone: '0755-86013388' },
] as const

/** a blue draft to `buyer`: lines of `amounts` (不含税) at 6% */
function draftTo(buyer: { name: string; taxId: string }, amounts: string[], over: Partial<InvoiceDraftInput> = {}): InvoiceDraftInput {
  const d = testDraft()
  return {
    ...d,
    buyer: { ...d.buyer, ...buyer },
    lines: amounts.map((a, i) => testLine({ name: i === 0 ? '企业资源计划（ERP）系统定制开发及实施服务' : `信息系统运维（第 ${i} 期）`, quantity: '1', unitPrice: a })),
    ...over,
  }
}

async function syncOk(app: AppUnderTest): Promise<void> {
  expect((await app.core.call('sync.now', {})).error).toBeNull()
}

async function issued(app: AppUnderTest, draft: InvoiceDraftInput): Promise<string> {
  const { id } = await app.core.call('invoices.saveDraft', { draft })
  await app.core.call('invoices.issue', { id })
  await syncOk(app)
  const inv = await app.core.call('invoices.get', { id })
  expect(inv.state).toBe('issued')
  return inv.number!
}

/** the books filled; returns a draft to open on the issuing screen */
export async function seedLists(app: AppUnderTest): Promise<{ draftId: number }> {
  const platform = () => app.sandbox!.platform
  await app.createCompany()
  await syncOk(app) // registers the company and the demo counterparties
  const month = (await app.core.call('sync.status', {})).quota!.month
  for (const t of [SELLER, BEIJING]) platform().setQuota(t.taxId, month, '900000000.00')

  for (const i of ITEMS) await app.core.call('items.create', i)
  for (const c of CUSTOMERS) await app.core.call('customers.create', c)
  const extraIds = []
  for (const [name, dataType] of [
    ['项目编号', '文本'],
    ['合同金额', '数值'],
    ['服务起止日期', '日期'],
    ['工程项目名称及施工地点', '文本'],
  ] as const)
    extraIds.push((await app.core.call('extras.create', { name, dataType })).id)
  await app.core.call('scenes.create', { name: '建筑服务（跨地区施工项目）', extraIds })
  await app.core.call('scenes.create', { name: '软件项目', extraIds: extraIds.slice(0, 2) })

  // 销项: issued blue invoices, one of them reversed in full (01: a red invoice at once), one partly
  // under a 销售折让 the buyer has still to confirm
  const big = await issued(app, draftTo(CUSTOMERS[0], ['1280000', '45000', '3560.5']))
  await issued(app, draftTo(SHANGHAI, ['98765.43']))
  const reversed = await issued(app, draftTo(SHANGHAI, ['13000']))
  await app.core.call('red.create', { blueNumber: reversed, reason: '01', as: 'seller' })
  const booked = await issued(app, draftTo(BEIJING, ['2000000']))
  platform().setBooking(BEIJING.taxId, booked, { status: '02', period: month })
  await app.core.call('red.create', { blueNumber: booked, reason: '04', as: 'seller', lines: [{ blueLine: 1, amount: '-150000.00' }] })
  await syncOk(app)
  void big

  // 开具失败: the platform refuses an invoice over the month's 授信额度
  platform().setQuota(SELLER.taxId, month, '1000.00')
  const { id: refused } = await app.core.call('invoices.saveDraft', { draft: draftTo(BEIJING, ['5000000']) })
  await app.core.call('invoices.issue', { id: refused })
  await app.core.call('sync.now', {})
  platform().setQuota(SELLER.taxId, month, '900000000.00')

  // 草稿箱: drafts as typed, one of them with mistakes
  const { id: draftId } = await app.core.call('invoices.saveDraft', {
    draft: draftTo(CUSTOMERS[0], ['1234567.89', '1000'], {
      extras: [{ name: '项目编号', value: 'ERP-2024-0815' }],
      remark: '合同编号 HT-2024-0815；分三期付款',
      agent: { name: '李经办', idType: '201', idNumber: '11010519491231002X', nationality: '中国', taxId: '' },
    }),
  })
  await app.core.call('invoices.saveDraft', { draft: draftTo({ name: '', taxId: '' }, ['12.5']) })
  await app.core.call('invoices.saveDraft', { draft: draftTo(SHANGHAI, ['888888.88'], { kind: '82' }) })

  // 进项 and 红字申请确认: 北京示例 sells to this company, which books it; 北京示例 then enters a 销售折让
  await app.core.call('companies.switch', { taxId: BEIJING.taxId })
  await syncOk(app)
  const bought = await issued(app, draftTo(SELLER, ['3456789.01', '250']))
  const small = await issued(app, draftTo(SELLER, ['1200']))
  platform().setBooking(SELLER.taxId, bought, { status: '02', period: month })
  await app.core.call('red.create', { blueNumber: bought, reason: '04', as: 'seller', lines: [{ blueLine: 1, amount: '-56789.01' }] })
  await syncOk(app)
  await app.core.call('companies.switch', { taxId: SELLER.taxId })
  await syncOk(app)
  // 发票入账: the other one booked from the list with the longest 入账类型 (a job in 入账申请)
  await app.core.call('received.book', { numbers: [small], type: '04', period: month })
  await syncOk(app)

  // 账簿备份: one as an upgrade leaves it, then a restore of it, which keeps the ledger it replaced
  const ledger = path.join(app.dataDir, 'companies', SELLER.taxId, 'ledger.db')
  fs.mkdirSync(path.join(path.dirname(ledger), 'backups'), { recursive: true })
  const db = new Database(ledger, { readonly: true })
  await db.backup(path.join(path.dirname(ledger), 'backups', 'ledger-20260105-093012-before-0003_red.db'))
  db.close()
  await app.core.call('backups.restore', { name: 'ledger-20260105-093012-before-0003_red.db' })
  return { draftId }
}
