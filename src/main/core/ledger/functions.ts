// SQL functions every ledger connection has: the triggers of 发票查询 (migration 0005) call them, so
// a connection without them could not write an invoice; 发票汇总 groups by rate_group. Deterministic, so SQLite may use them in
// triggers and indexes.
import type Database from 'better-sqlite3'
import { customerSearchKey } from '../features/customers/searchKey'
import { rateGroup } from '../features/export/rateGroup'

export function registerLedgerFunctions(db: Database.Database): void {
  // a counterparty's search key: lower-case name + 拼音首字母 (华为技术 → 华为技术\nhwjs), as customers have it
  db.function('search_key', { deterministic: true }, (name: unknown) => customerSearchKey(typeof name === 'string' ? name : ''))
  // how a line's 税率 and 优惠政策标识 read in 发票汇总 (13%, 免税, 不征税 …), for its GROUP BY
  db.function('rate_group', { deterministic: true }, (rate: unknown, policy: unknown) => rateGroup(String(rate ?? ''), typeof policy === 'string' ? policy : null))
}
