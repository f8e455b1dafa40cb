// The app itself: version and data location, long jobs, the audit log, ledger backups.
import { z } from 'zod'
import { call, paging, type Page } from './define'

export interface AppInfo {
  version: string
  dataDir: string
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  summary: string
}

export interface Backup {
  name: string
  createdAt: string
  bytes: number
  reason: string
}

export const systemApi = {
  'app.info': call(z.object({}).optional()).returns<AppInfo>(),
  'jobs.cancel': call(z.object({ jobId: z.string().min(1) })).returns<{ cancelled: boolean }>(),
  'audit.list': call(z.object({ entity: z.string().optional(), ...paging })).returns<Page<AuditEntry>>(),
  'backups.list': call(z.object({}).optional()).returns<Backup[]>(),
  /** replaces the current ledger with a backup; the current file is itself backed up first */
  'backups.restore': call(z.object({ name: z.string().regex(/^[\w.-]+\.db$/, '备份文件名无效') })).returns<{ restored: string }>(),
}
