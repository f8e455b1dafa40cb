// Ledger backups: the list, and a restore that first backs up what it replaces.
import { z } from 'zod'
import { call } from './define'

export interface Backup {
  name: string
  createdAt: string
  bytes: number
  reason: string
}

export const backupsApi = {
  'backups.list': call(z.object({}).optional()).returns<Backup[]>(),
  /** replaces the current ledger with a backup; the current file is itself backed up first */
  'backups.restore': call(z.object({ name: z.string().regex(/^[\w.-]+\.db$/, '备份文件名无效') })).returns<{ restored: string }>(),
}
