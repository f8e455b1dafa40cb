// 操作日志: append-only. Written inside the same transaction as the change it records.
import { count, desc, eq } from 'drizzle-orm'
import type { Page } from '../../../../shared/api/define'
import type { AuditEntry } from '../../../../shared/api/audit'
import type { AuditAction } from '../../../../shared/auditLabels'
import type { Db } from '../../ledger/open'
import { auditLog, company } from '../../ledger/schema'

export interface AuditRecord {
  /** one of the actions 操作日志 has a Chinese name for (src/shared/auditLabels.ts) */
  action: AuditAction
  /** a kind of record of AUDIT_ENTITIES (src/shared/auditLabels.ts) */
  entity: string
  entityId?: string | number
  summary: string
  details?: unknown
}

/** The operator named on the company (开票员) is who acts in this ledger. */
export function actorOf(orm: Db): string {
  return orm.select({ operator: company.operator }).from(company).where(eq(company.id, 1)).get()?.operator ?? ''
}

export function recordAudit(orm: Db, at: string, r: AuditRecord): void {
  orm
    .insert(auditLog)
    .values({
      at,
      actor: actorOf(orm),
      action: r.action,
      entity: r.entity,
      entityId: r.entityId === undefined ? '' : String(r.entityId),
      summary: r.summary,
      details: r.details === undefined ? null : JSON.stringify(r.details),
    })
    .run()
}

export function listAudit(orm: Db, q: { entity?: string; page: number; size: number }): Page<AuditEntry> {
  const where = q.entity ? eq(auditLog.entity, q.entity) : undefined
  const total = orm.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0
  const rows = orm
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .all()
  return { total, rows }
}
