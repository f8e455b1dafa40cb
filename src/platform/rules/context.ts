// What every rule works with: the sandbox's database, its clock and the 行政区划 list it judges by.
import type Database from 'better-sqlite3'
import type { Clock } from '../clock'

export interface Ctx {
  db: Database.Database
  clock: Clock
  /** the shipped 行政区划 names (issuance's 特定业务 check); absent in a sandbox made without them */
  regions?: ReadonlySet<string>
}
