// 客户信息维护: an enterprise customer is identified by its 纳税人识别号, a natural person by
// name + 证件号码. Searching is selection.ts.
import type Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import type { Customer } from '../../../../shared/api/customers'
import type { Page } from '../../../../shared/api/define'
import type { ParsedInput } from '../../../../shared/api'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { customers } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import { deleteRecords } from '../deleteRecords'
import { toCustomer, toRow, type CustomerFields } from './row'
import { selectCustomers } from './selection'

export function listCustomers(ledger: Ledger, q: ParsedInput<'customers.list'>): Page<Customer> {
  const selection = selectCustomers(ledger, q)
  return { total: selection.total, rows: selection.page((q.page - 1) * q.size, q.size) }
}

export function getCustomer(db: Db, id: number): Customer {
  const row = db.select().from(customers).where(eq(customers.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', '该客户不存在或已被删除')
  return toCustomer(row)
}

/**
 * Finds a customer by identity: an enterprise by its 纳税人识别号, a natural person by name +
 * 证件号码. Prepared once, it serves a single save and a 100,000-row import alike.
 */
export function customerFinder(db: Database.Database) {
  const enterprise = db.prepare("SELECT id FROM customers WHERE type = '企业' AND tax_id = ? AND id <> ?").pluck()
  const person = db.prepare("SELECT id FROM customers WHERE type = '自然人' AND name = ? AND id_number = ? AND id <> ?").pluck()
  return (f: Pick<CustomerFields, 'type' | 'taxId' | 'name' | 'idNumber'>, exceptId = 0): number | undefined =>
    (f.type === '企业' ? enterprise.get(f.taxId, exceptId) : person.get(f.name, f.idNumber, exceptId)) as number | undefined
}

function duplicate(f: CustomerFields): AppError {
  return f.type === '企业'
    ? new AppError('CONFLICT', `已存在纳税人识别号为 ${f.taxId} 的客户`, { issues: [{ path: 'taxId', message: '该纳税人识别号的客户已存在' }] })
    : new AppError('CONFLICT', `已存在同名同证件号码的自然人客户“${f.name}”`, { issues: [{ path: 'name', message: '该自然人客户已存在' }] })
}

export function createCustomer(ledger: Ledger, f: CustomerFields, now: string): Customer {
  const id = ledger.orm.transaction((tx) => {
    if (customerFinder(ledger.db)(f) !== undefined) throw duplicate(f)
    const { id } = tx
      .insert(customers)
      .values({ ...toRow(f), createdAt: now, updatedAt: now })
      .returning({ id: customers.id })
      .get()
    recordAudit(tx, now, { action: 'create', entity: 'customer', entityId: id, summary: `新增客户 ${f.name}` })
    return id
  })
  return getCustomer(ledger.orm, id)
}

export function updateCustomer(ledger: Ledger, f: ParsedInput<'customers.update'>, now: string): Customer {
  const { id, ...fields } = f
  ledger.orm.transaction((tx) => {
    const before = getCustomer(tx, id)
    if (customerFinder(ledger.db)(fields, id) !== undefined) throw duplicate(fields)
    tx.update(customers)
      .set({ ...toRow(fields), updatedAt: now })
      .where(eq(customers.id, id))
      .run()
    recordAudit(tx, now, { action: 'update', entity: 'customer', entityId: id, summary: `修改客户 ${f.name}`, details: { before } })
  })
  return getCustomer(ledger.orm, id)
}

export function deleteCustomers(ledger: Ledger, ids: number[], now: string): { deleted: number } {
  return deleteRecords(ledger, customers, ids, now, { entity: 'customer', label: '客户' })
}
