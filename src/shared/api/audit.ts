// 操作日志: who changed what, when.
import { z } from 'zod'
import { call, paging, type Page } from './define'

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  summary: string
}

export const auditApi = {
  'audit.list': call(z.object({ entity: z.string().optional(), ...paging })).returns<Page<AuditEntry>>(),
}
