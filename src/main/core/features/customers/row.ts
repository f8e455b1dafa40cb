// A customer as the contract shows it, and as the ledger stores it (with its search key).
import type { ParsedInput } from '../../../../shared/api'
import type { Customer } from '../../../../shared/api/customers'
import type { IdTypeCode } from '../../../../shared/domain/idTypes'
import type { customers } from '../../ledger/schema'
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
