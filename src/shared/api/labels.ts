// The Chinese name of every field a call or the platform's wire takes — the one place they are
// written. A refusal names the field it is about (`第 3 行单价应为文本`), whatever transport it
// crossed. Keys are property names; a dotted key (`buyer.name`) names a field in one place only
// and wins over the plain key. labels.test.ts checks every key of every schema has its name here.

export const FIELD_LABELS: Record<string, string> = {
  // 企业、客户 (销售方 / 购买方)
  name: '名称',
  taxId: '纳税人识别号',
  region: '所在地区',
  address: '地址',
  phone: '电话',
  mobile: '手机号码',
  email: '电子邮箱',
  bank: '开户银行',
  account: '银行账号',
  operator: '开票员',
  taxpayerType: '纳税人类型',
  type: '类型',
  idType: '证件类型',
  idNumber: '证件号码',
  nationality: '国籍',
  // 项目、附加要素、场景模板
  category: '项目分类',
  spec: '规格型号',
  unit: '单位',
  unitPrice: '单价',
  rate: '税率',
  taxCode: '税收分类编码',
  policy: '优惠政策标识',
  priceIncludesTax: '含税标志',
  dataType: '数据类型',
  extraIds: '附加要素',
  value: '值',
  // 新手引导
  dismissed: '不再显示新手引导',
  queryViewed: '已在发票查询中查看',
  // 发票
  draft: '发票内容',
  kind: '票种',
  taxMode: '征税方式',
  differenceMode: '差额征税方式',
  buyer: '购买方',
  'buyer.name': '购买方名称',
  'buyer.taxId': '购买方纳税人识别号',
  'buyer.type': '购买方类型',
  'buyer.address': '购买方地址',
  'buyer.phone': '购买方电话',
  'buyer.bank': '购买方开户银行',
  'buyer.account': '购买方银行账号',
  showAddressPhone: '是否显示地址电话',
  showBank: '是否显示开户银行及账号',
  lines: '明细行',
  'lines.name': '项目名称',
  quantity: '数量',
  amount: '金额',
  taxRate: '税率',
  tax: '税额',
  discount: '折扣金额',
  discountTax: '折扣税额',
  deduction: '扣除额',
  extras: '附加要素',
  specialBusiness: '特定业务',
  specialKind: '特定业务',
  reducedReason: '放弃享受减按1%征收率原因',
  'extras.name': '附加要素名称',
  'extras.value': '附加要素值',
  remark: '备注',
  agent: '经办人',
  'agent.name': '经办人姓名',
  'agent.taxId': '经办人纳税人识别号',
  payee: '收款人',
  reviewer: '复核人',
  drawer: '开票人',
  check: '是否校验',
  clientRef: '客户端单据号',
  // 红字确认单、入账
  blueNumber: '蓝字发票号码',
  blueLine: '蓝字发票行号',
  reason: '红冲原因',
  as: '录入方身份',
  agree: '是否同意',
  opinion: '处理意见',
  number: '编号',
  counterparty: '对方',
  initiatedBy: '录入方',
  role: '角色',
  status: '状态',
  state: '状态',
  period: '入账所属期',
  // 入账 / 用途确认 of many invoices (shared/platform/booking.ts)
  rows: '发票清单',
  'rows.number': '发票号码',
  'rows.code': '发票代码',
  'rows.type': '入账类型',
  issueDate: '开票日期',
  book: '是否入账',
  use: '用途确认',
  colour: '红蓝字',
  dateFrom: '开始日期',
  dateTo: '结束日期',
  // 发票下载
  formats: '文件格式',
  date: '开票日期',
  // 列表、查询、文件
  id: '编号',
  ids: '所选记录',
  refs: '所选发票',
  invoiceId: '发票编号',
  query: '查询内容',
  text: '查询内容',
  top: '返回条数',
  page: '页码',
  size: '每页条数',
  code: '编码',
  parent: '上级编码',
  entity: '记录类型',
  file: '文件',
  jobId: '任务编号',
  // 批量开具 (batch.ts)
  confirmRepeats: '确认重复开具的发票流水号',
  // 平台连接、平台账户
  url: '平台地址',
  password: '登录密码',
  quota: '额度',
  after: '变更游标',
  limit: '条数',
  month: '月份',
  // 发票查询 (invoiceQuery.ts)
  side: '方向',
  from: '开始日期',
  to: '结束日期',
  min: '价税合计下限',
  max: '价税合计上限',
  item: '项目名称',
  syncState: '同步状态',
  booking: '入账状态',
  // 发票入账、用途确认
  numbers: '发票号码',
  seller: '销售方',
  sort: '排序',
  order: '排序方向',
  filter: '查询条件',
  keys: '所选发票',
  // 导出 (invoiceExport.ts), 交付 (delivery.ts): 发票查询's selection
  selection: '所选发票范围',
  format: '文件格式',
  // 发票交付、邮件设置
  ref: '发票',
  eml: '是否保存为 .eml',
  host: 'SMTP 服务器',
  port: '端口',
  secure: 'SSL/TLS',
  user: '用户名',
  fromName: '发件人名称',
  fromAddress: '发件人邮箱',
  // 软件更新 (updates.ts)
  feedUrl: '更新地址',
  channel: '更新通道',
  autoCheck: '自动检查更新',
  version: '版本号',
}

/** what a path with no field names: the request as a whole */
export const WHOLE_REQUEST = '请求内容'

/** the label of the deepest field of a path: its longest dotted suffix that has one */
function leafLabel(keys: string[]): string | null {
  for (let from = 0; from < keys.length; from++) {
    const label = FIELD_LABELS[keys.slice(from).join('.')]
    if (label !== undefined) return label
  }
  return null
}

/**
 * The field a path points at, as a bookkeeper reads it: `['lines', 2, 'unitPrice']` → 第 3 行单价,
 * `['ids', 0]` → 所选记录第 1 项, `[]` → 请求内容. A field without a label is named generically
 * (labels.test.ts keeps that from happening for the contract's own fields).
 */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const keys = path.filter((p): p is string => typeof p === 'string')
  const last = path[path.length - 1]
  const label = keys.length === 0 ? WHOLE_REQUEST : (leafLabel(keys) ?? '输入项')
  if (typeof last === 'number') return `${label}第 ${last + 1} 项`
  const at = path.findLastIndex((p) => typeof p === 'number')
  if (at < 0) return label
  const row = path[at] as number
  return `${path[at - 1] === 'lines' ? `第 ${row + 1} 行` : `第 ${row + 1} 项`}${label}`
}
