// Which customers a query selects, in list order (newest change first). The 客户 lists and the
// buyer picker search as the bookkeeper types, over as many as 100,000 customers: a SQLite scan of
// every row costs ~20 ms before paging, so keyword searches run over an in-memory list of the
// searchable texts. The list is rebuilt when the ledger changed — by this connection
// (total_changes) or by another process such as the CLI (data_version).
import { count, desc, eq, inArray } from 'drizzle-orm'
import type { Customer, CustomerType } from '../../../../shared/api/customers'
import { cachedByLedger } from '../../ledger/changeStamp'
import type { Ledger } from '../../ledger/open'
import { customers } from '../../ledger/schema'
import { toCustomer } from './row'

export interface CustomerQuery {
  /** 名称 contains, 拼音首字母 contains, or 纳税人识别号 / 证件号码 starts with */
  query?: string
  type?: CustomerType
}

export interface Selection {
  total: number
  page(offset: number, limit: number): Customer[]
}

interface Entry {
  id: number
  type: string
  /** lower-case name and 拼音首字母 */
  key: string
  taxId: string
  idNumber: string
}

const searchList = cachedByLedger(
  (db) => db.prepare('SELECT id, type, search_key AS key, tax_id AS taxId, id_number AS idNumber FROM customers ORDER BY updated_at DESC, id DESC').all() as Entry[],
)

function byIds(ledger: Ledger, ids: number[]): Customer[] {
  if (ids.length === 0) return []
  const rows = new Map(
    ledger.orm
      .select()
      .from(customers)
      .where(inArray(customers.id, ids))
      .all()
      .map((r) => [r.id, toCustomer(r)]),
  )
  return ids.flatMap((id) => rows.get(id) ?? [])
}

export function selectCustomers(ledger: Ledger, q: CustomerQuery): Selection {
  if (!q.query) {
    const where = q.type ? eq(customers.type, q.type) : undefined
    return {
      total: ledger.orm.select({ n: count() }).from(customers).where(where).get()?.n ?? 0,
      page: (offset, limit) =>
        ledger.orm.select().from(customers).where(where).orderBy(desc(customers.updatedAt), desc(customers.id)).limit(limit).offset(offset).all().map(toCustomer),
    }
  }
  const text = q.query.toLowerCase()
  const id = q.query.toUpperCase()
  const ids: number[] = []
  for (const e of searchList(ledger.db)) if ((!q.type || e.type === q.type) && (e.key.includes(text) || e.taxId.startsWith(id) || e.idNumber.startsWith(id))) ids.push(e.id)
  return { total: ids.length, page: (offset, limit) => byIds(ledger, ids.slice(offset, offset + limit)) }
}
