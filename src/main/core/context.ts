// What every handler may use. Built once per core (createCore).
import type { Clock } from '../../shared/clock'
import type { EventBus } from './events'
import type { FileStore } from './files/tokens'
import type { Jobs } from './jobs'
import type { Ledger } from './ledger/open'
import type { Session } from './session'

export interface CoreContext {
  dataDir: string
  /** where migrations/ and resources/ are (the app folder, or Electron's resourcesPath) */
  appDir: string
  version: string
  clock: Clock
  events: EventBus
  jobs: Jobs
  files: FileStore
  session: Session
  /** the current company's ledger; NO_COMPANY when there is none */
  ledger(): Promise<Ledger>
  /** now, as stored in the books: ISO 8601 with +08:00 */
  now(): string
}
