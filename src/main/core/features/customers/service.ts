// 客户信息维护: an enterprise customer is identified by its 纳税人识别号, a natural person by
// name + 证件号码. Search by name, 拼音首字母, or ID prefix.
import { and, count, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Customer } from '../../../../shared/api/customers'
import type { Page } from '../../../../shared/api/define'
import type { ParsedInput } from '../../../../shared/api'
import type { IdTypeCode } from '../../../../shared/domain/idTypes'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { customers } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import { deleteRecords } from '../deleteRecords'
import { customerSearchKey } from './searchKey'

export type CustomerFields = ParsedInput<'customers.create'>
type CustomerRow = typeof customers.$inferSelect

export function toCustomer(r: CustomerRow): Customer {
  const { searchKey: _k, ...rest } = r
  return { ...rest, idType: r.idType as IdTypeCode | null }
}

export function toRow(f: CustomerFields) {
  return { ...f, searchKey: customerSearchKey(f.name) }
}

export function customerWhere(q: { query?: string; type?: '企业' | '自然人' }) {
  const conds = []
  if (q.query) {
    const text = q.query.toLowerCase()
    const id = q.query.toUpperCase()
    // instr and a prefix compare are plain byte searches: far cheaper than LIKE over 100,000 rows
    conds.push(
      or(
        sql`instr(${customers.searchKey}, ${text}) > 0`,
        sql`substr(${customers.taxId}, 1, ${id.length}) = ${id}`,
        sql`substr(${customers.idNumber}, 1, ${id.length}) = ${id}`,
      ),
    )
  }
  if (q.type) conds.push(eq(customers.type, q.type))
  return conds.length ? and(...conds) : undefined
}

/** one page of customers in list order (newest change first) */
export function pageCustomers(db: Db, where: SQL | undefined, offset: number, limit: number): Customer[] {
  return db
    .select()
    .from(customers)
    .where(where)
    .orderBy(desc(customers.updatedAt), desc(customers.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map(toCustomer)
}

export function countCustomers(db: Db, where: SQL | undefined): number {
  return db.select({ n: count() }).from(customers).where(where).get()?.n ?? 0
}

export function listCustomers(db: Db, q: ParsedInput<'customers.list'>): Page<Customer> {
  const where = customerWhere(q)
  return { total: countCustomers(db, where), rows: pageCustomers(db, where, (q.page - 1) * q.size, q.size) }
}

export function getCustomer(db: Db, id: number): Customer {
  const row = db.select().from(customers).where(eq(customers.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', '该客户不存在或已被删除')
  return toCustomer(row)
}

/** The id of the customer with this identity, if any. */
export function findCustomerId(db: Db, f: Pick<CustomerFields, 'type' | 'taxId' | 'name' | 'idNumber'>, exceptId?: number): number | undefined {
  const identity =
    f.type === '企业'
      ? and(eq(customers.type, '企业'), eq(customers.taxId, f.taxId))
      : and(eq(customers.type, '自然人'), eq(customers.name, f.name), eq(customers.idNumber, f.idNumber))
  return db
    .select({ id: customers.id })
    .from(customers)
    .where(and(identity, exceptId ? ne(customers.id, exceptId) : undefined))
    .get()?.id
}

function duplicate(f: CustomerFields): AppError {
  return f.type === '企业'
    ? new AppError('CONFLICT', `已存在纳税人识别号为 ${f.taxId} 的客户`, { issues: [{ path: 'taxId', message: '该纳税人识别号的客户已存在' }] })
    : new AppError('CONFLICT', `已存在同名同证件号码的自然人客户“${f.name}”`, { issues: [{ path: 'name', message: '该自然人客户已存在' }] })
}

export function createCustomer(ledger: Ledger, f: CustomerFields, now: string): Customer {
  const id = ledger.orm.transaction((tx) => {
    if (findCustomerId(tx, f) !== undefined) throw duplicate(f)
    const { id } = tx.insert(customers).values({ ...toRow(f), createdAt: now, updatedAt: now }).returning({ id: customers.id }).get()
    recordAudit(tx, now, { action: 'create', entity: 'customer', entityId: id, summary: `新增客户 ${f.name}` })
    return id
  })
  return getCustomer(ledger.orm, id)
}

export function updateCustomer(ledger: Ledger, f: ParsedInput<'customers.update'>, now: string): Customer {
  const { id, ...fields } = f
  ledger.orm.transaction((tx) => {
    const before = getCustomer(tx, id)
    if (findCustomerId(tx, fields, id) !== undefined) throw duplicate(fields)
    tx.update(customers).set({ ...toRow(fields), updatedAt: now }).where(eq(customers.id, id)).run()
    recordAudit(tx, now, { action: 'update', entity: 'customer', entityId: id, summary: `修改客户 ${f.name}`, details: { before } })
  })
  return getCustomer(ledger.orm, id)
}

export function deleteCustomers(ledger: Ledger, ids: number[], now: string): { deleted: number } {
  return deleteRecords(ledger, customers, ids, now, { entity: 'customer', label: '客户' })
}
