// 操作日志: append-only. Written inside the same transaction as the change it records.
import { count, desc, eq, sql } from 'drizzle-orm'
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
  return statements(orm).actor.get()?.operator ?? ''
}

const p = sql.placeholder

/**
 * Prepared once per connection (or transaction object): 批量开具 records a thousand 开票 in one
 * transaction, and building and preparing the two statements each time cost more than running them.
 */
function build(orm: Db) {
  return {
    actor: orm.select({ operator: company.operator }).from(company).where(eq(company.id, 1)).prepare(),
    insert: orm
      .insert(auditLog)
      .values({ at: p('at'), actor: p('actor'), action: p('action'), entity: p('entity'), entityId: p('entityId'), summary: p('summary'), details: p('details') })
      .prepare(),
  }
}
const cache = new WeakMap<Db, ReturnType<typeof build>>()
function statements(orm: Db): ReturnType<typeof build> {
  let s = cache.get(orm)
  if (!s) cache.set(orm, (s = build(orm)))
  return s
}

export function recordAudit(orm: Db, at: string, r: AuditRecord): void {
  statements(orm).insert.run({
    at,
    actor: actorOf(orm),
    action: r.action,
    entity: r.entity,
    entityId: r.entityId === undefined ? '' : String(r.entityId),
    summary: r.summary,
    details: r.details === undefined ? null : JSON.stringify(r.details),
  })
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
