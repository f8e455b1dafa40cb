// SQL functions every ledger connection has: the triggers of 发票查询 (migration 0005) call them, so
// a connection without them could not write an invoice. Deterministic, so SQLite may use them in
// triggers and indexes.
import type Database from 'better-sqlite3'
import { customerSearchKey } from '../features/customers/searchKey'

export function registerLedgerFunctions(db: Database.Database): void {
  // a counterparty's search key: lower-case name + 拼音首字母 (华为技术 → 华为技术\nhwjs), as customers have it
  db.function('search_key', { deterministic: true }, (name: unknown) => customerSearchKey(typeof name === 'string' ? name : ''))
}
