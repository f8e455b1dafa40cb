// 操作日志 in the bookkeeper's words: the one table of what the ledger's audit_log records — every
// action and every kind of record a feature writes (recordAudit in src/main/core takes only these),
// each with its Chinese name. A code this version does not know (a newer version's) shows as is.

export const AUDIT_ACTIONS = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  restore: '恢复',
  issue: '开票',
  cancel: '取消',
} as const
export type AuditAction = keyof typeof AUDIT_ACTIONS

export const AUDIT_ENTITIES = {
  company: '企业信息',
  customer: '客户',
  item: '项目',
  extra: '附加要素',
  scene: '场景模板',
  invoice: '发票',
  red: '红字确认单',
  taxcode: '税收分类编码',
  /** the table as the platform serves it (sync) */
  taxcodes: '税收分类编码',
  ledger: '账簿',
  download: '发票下载',
  booking: '发票入账',
  batch: '批量开具',
} as const
export type AuditEntity = keyof typeof AUDIT_ENTITIES

export function auditActionLabel(code: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[code] ?? code
}

export function auditEntityLabel(code: string): string {
  return (AUDIT_ENTITIES as Record<string, string>)[code] ?? code
}
