// createCore: the program without a window. Electron, the web server, the CLI and the tests all
// drive the same handlers through `call`.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CallName, Input, Output } from '../../shared/api'
import type { ApiErrorBody } from '../../shared/api/errors'
import { toShanghaiIso } from '../../shared/domain/time'
import { systemClock, type Clock } from '../../shared/clock'
import type { CoreContext } from './context'
import { AppError, isAppError } from './errors'
import { createEventBus, type EventBus } from './events'
import { createFileStore, type FileStore } from './files/tokens'
import { createJobs } from './jobs'
import { createRegistry, toErrorBody } from './registry'
import { createSession } from './session'
import { createConnector, type EmbeddedPlatform } from './sync/connection'
import type { SecretSeal } from './sync/connectionFile'
import { createSyncEngine, type SyncEngine } from './sync/engine'
import { registerCompanies } from './features/companies/handlers'
import { registerCustomers } from './features/customers/handlers'
import { registerDownloads } from './features/downloads/handlers'
import { createDownloadRunner, type DownloadRunner } from './features/downloads/runner'
import { registerDelivery } from './features/delivery/handlers'
import { registerExtras } from './features/extras/handlers'
import { registerFirstDay } from './features/firstDay/handlers'
import { registerInvoices } from './features/invoices/handlers'
import { registerQuery } from './features/query/handlers'
import { registerItems } from './features/items/handlers'
import { registerPaper } from './features/paper/handlers'
import { registerRed } from './features/red/handlers'
import { registerSync } from './sync/handlers'
import { registerReceived } from './features/received/handlers'
import { registerBooking } from './features/booking/handlers'
import { registerBatch } from './features/batch/handlers'
import { syncStatus } from './sync/service'
import { registerSystem } from './features/system/handlers'
import { startDailyBackups } from './features/system/dailyBackups'
import { registerTaxcodes } from './features/taxcodes/handlers'
import { registerUpdates } from './features/updates/handlers'
import { registerExport } from './features/export/handlers'
import { registerCodes } from './codeLists/handlers'
import { registerIdentify } from './files/identifyHandler'

export interface CoreOptions {
  dataDir: string
  /** the folder holding migrations/ and resources/; found from this file when not given */
  appDir?: string
  clock?: Clock
  /** work for this company (CLI --company) instead of the only / last used one */
  company?: string
  version?: string
  /** starts the embedded platform sandbox when no platform URL is configured (the host supplies it) */
  embeddedPlatform?: EmbeddedPlatform
  /** Electron's safeStorage, to seal platform passwords; without it the file is 0600 */
  secretSeal?: SecretSeal
  /** sync in the background while the app is open (the app, not the CLI or tests) */
  backgroundSync?: boolean
  /** run 发票下载 jobs in the background (default); the CLI runs them only for `downloads create --wait` */
  downloadJobs?: boolean
  /** 每日备份 as a ledger opens and hourly (default); off for benches that reopen one kept ledger */
  dailyBackups?: boolean
}

export interface Core {
  /** a typed call, for tests and the CLI */
  call<N extends CallName>(name: N, input: Input<N>): Promise<Output<N>>
  /** an untyped call from a transport: validated like any other */
  dispatch(name: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorBody }>
  events: EventBus
  files: FileStore
  dataDir: string
  sync: SyncEngine
  /** 发票下载 jobs (the CLI's --wait runs them with drain()) */
  downloads: DownloadRunner
  close(): void
}

/** set by the installed `fapiao` launcher to the app's resources folder, where migrations/ and resources/ are */
export const APP_DIR_ENV = 'FAPIAO_APP_DIR'

/** The app folder: FAPIAO_APP_DIR when set, else the nearest ancestor of this module that holds migrations/ledger. */
export function findAppDir(from = path.dirname(fileURLToPath(import.meta.url)), env: NodeJS.ProcessEnv = process.env): string {
  const given = env[APP_DIR_ENV]
  if (given) {
    const dir = path.resolve(given)
    if (!fs.existsSync(path.join(dir, 'migrations', 'ledger')))
      throw new AppError('INTERNAL', `环境变量 ${APP_DIR_ENV} 指向的文件夹 ${dir} 中没有 migrations/ledger：请重新安装本软件，或删除这个环境变量`)
    return dir
  }
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'migrations', 'ledger'))) return dir
    if (path.dirname(dir) === dir) throw new Error(`migrations/ledger not found above ${from}`)
  }
}

export function createCore(opts: CoreOptions): Core {
  const appDir = opts.appDir ?? findAppDir()
  const clock = opts.clock ?? systemClock
  const events = createEventBus()
  const files = createFileStore(path.join(opts.dataDir, 'tmp', `files-${process.pid}`))
  const session = createSession({
    dataDir: opts.dataDir,
    migrationsDir: path.join(appDir, 'migrations', 'ledger'),
    clock,
    company: opts.company,
    dailyBackups: opts.dailyBackups,
  })
  const ctx: CoreContext = {
    dataDir: opts.dataDir,
    appDir,
    version: opts.version ?? '0.1.0',
    clock,
    events,
    jobs: createJobs((e) => events.emit(e)),
    files,
    session,
    ledger: () => session.ledger(),
    now: () => toShanghaiIso(clock.now()),
  }

  const connector = createConnector(ctx, { embedded: opts.embeddedPlatform, seal: opts.secretSeal })
  // reads overlap (a queued invoice, a run's progress): only the newest one started is sent, so a
  // slower, older read never overwrites the top bar with stale counts
  let statusRead = 0
  const status = () => {
    const n = ++statusRead
    void syncStatus(ctx, { engine, connector }).then(
      (s) => n === statusRead && events.emit({ type: 'sync.status', status: s }),
      () => undefined,
    )
  }
  const engine = createSyncEngine(ctx, connector, { status, settled: (e) => events.emit(e) })
  if (opts.backgroundSync) engine.startBackground()
  const downloads = createDownloadRunner(ctx, { connector, background: opts.downloadJobs !== false })
  // a company created or switched to syncs at once (registers it on the embedded sandbox, pulls its feed)
  events.on((e) => {
    if (e.type !== 'data.changed') return
    if (e.entity === 'company') engine.kick()
    if (e.entity === 'company') downloads.kick()
    // an edit or a deletion can change the counts of 待上传 / 开具失败
    if (e.entity === 'invoices') status()
  })

  const registry = createRegistry()
  registerCompanies(registry)
  registerCustomers(registry)
  registerDownloads(registry, downloads, (ledger) => connector.connect(ledger))
  registerExtras(registry)
  registerFirstDay(registry)
  /** a command entered the outbox: the top bar's 待上传 counts it at once, and a run follows soon */
  const queued = () => {
    status()
    engine.kick()
  }
  registerInvoices(registry, queued)
  registerQuery(registry)
  registerItems(registry)
  registerPaper(registry)
  registerDelivery(registry, { connector, seal: opts.secretSeal, dataDir: opts.dataDir })
  registerRed(registry, queued)
  registerSync(registry, { engine, connector })
  registerReceived(registry)
  registerBooking(registry, queued)
  registerBatch(registry, queued, connector)
  registerSystem(registry)
  registerTaxcodes(registry)
  registerExport(registry)
  registerCodes(registry)
  registerIdentify(registry)
  registerUpdates(registry)
  const missing = registry.missing()
  if (missing.length > 0) throw new Error(`contract calls without a handler: ${missing.join(', ')}`)
  // jobs left 待处理 (or 处理中 by a process that died) run once the core is up
  downloads.kick()
  const stopDailyBackups = opts.dailyBackups === false ? () => undefined : startDailyBackups(ctx)

  return {
    async call(name, input) {
      return (await registry.dispatch(name, input, ctx)) as never
    },
    async dispatch(name, input) {
      try {
        return { ok: true, value: await registry.dispatch(name, input, ctx) }
      } catch (e) {
        if (!isAppError(e)) console.error(`[core] ${name} failed:`, e)
        return { ok: false, error: toErrorBody(e) }
      }
    },
    events,
    files,
    dataDir: opts.dataDir,
    sync: engine,
    downloads,
    close: () => {
      stopDailyBackups()
      engine.stop()
      void downloads.stop()
      session.close()
      files.close()
    },
  }
}
