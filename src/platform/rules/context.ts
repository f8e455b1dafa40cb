// What every rule works with: the sandbox's database and its clock.
import type Database from 'better-sqlite3'
import type { Clock } from '../clock'

export interface Ctx {
  db: Database.Database
  clock: Clock
}
