// Which company the core is working for. Each company has its own ledger file
// (<dataDir>/companies/<纳税人识别号>/ledger.db); app.json remembers the last one used.
// A tax ID names a folder: it is checked before any path is built from it, whoever gave it (a
// call, --company, app.json), so `../x` can never open — and migrate — a ledger elsewhere.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Clock } from '../../shared/clock'
import { taxIdProblem } from '../../shared/domain/taxpayerId'
import { AppError } from './errors'
import { dailyBackupIfDue } from './ledger/backups'
import { openLedger, type Ledger } from './ledger/open'
import { writePrivateFile } from './privateFile'

interface AppState {
  lastCompany?: string
}

export interface Session {
  /** the tax IDs of every company in the data directory */
  companies(): string[]
  /** the name stored in a company's ledger, read without opening it for writing */
  companyName(taxId: string): string
  ledgerFile(taxId: string): string
  currentTaxId(): string | null
  /** the current company's ledger; NO_COMPANY when none is set up or chosen */
  ledger(): Promise<Ledger>
  /** opens (creating if asked) a company's ledger and makes it current */
  switchTo(taxId: string, opts?: { create?: boolean }): Promise<Ledger>
  /** closes the current ledger (before a restore replaces its file) */
  closeCurrent(): void
  close(): void
}

export function createSession(opts: { dataDir: string; migrationsDir: string; clock: Clock; company?: string; dailyBackups?: boolean }): Session {
  const companiesDir = path.join(opts.dataDir, 'companies')
  const stateFile = path.join(opts.dataDir, 'app.json')
  let current: { taxId: string; ledger: Ledger } | null = null
  // a switch in progress: concurrent calls wait for the same open instead of opening twice
  let opening: Promise<Ledger> | null = null

  // app.json only remembers a choice: unreadable, it is as if none was made
  const readState = (): AppState => {
    try {
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as AppState
      return typeof state.lastCompany === 'string' && isCompanyId(state.lastCompany) ? state : {}
    } catch {
      return {}
    }
  }
  const writeState = (s: AppState) => writePrivateFile(stateFile, JSON.stringify(s, null, 2))
  const ledgerFile = (taxId: string) => path.join(companiesDir, checkedTaxId(taxId), 'ledger.db')
  const companies = () =>
    fs.existsSync(companiesDir)
      ? fs
          .readdirSync(companiesDir)
          .filter((d) => isCompanyId(d) && fs.existsSync(ledgerFile(d)))
          .sort()
      : []

  const open = async (taxId: string, create: boolean): Promise<Ledger> => {
    if (current?.taxId === taxId) return current.ledger
    const existed = fs.existsSync(ledgerFile(taxId))
    if (!create && !existed) throw new AppError('NOT_FOUND', `没有找到纳税人识别号为 ${taxId} 的企业`)
    const ledger = await openLedger(ledgerFile(taxId), { migrationsDir: opts.migrationsDir, clock: opts.clock })
    // 每日备份 as the books open (a ledger made just now has nothing to keep yet)
    if (existed && opts.dailyBackups !== false) await dailyBackup(ledger, opts.clock)
    current?.ledger.close()
    current = { taxId, ledger }
    // written (and synced to disk) only when it changes: a CLI command on the same company writes nothing
    const state = readState()
    if (state.lastCompany !== taxId) writeState({ ...state, lastCompany: taxId })
    return ledger
  }

  const serialised = (f: () => Promise<Ledger>): Promise<Ledger> => {
    const run = (opening ?? Promise.resolve()).catch(() => undefined).then(f)
    opening = run
    return run.finally(() => {
      if (opening === run) opening = null
    })
  }

  return {
    companies,
    companyName(taxId) {
      // the open ledger answers itself; another company's is read without opening it for writing
      const db = current?.taxId === taxId ? current.ledger.db : new Database(ledgerFile(taxId), { readonly: true, fileMustExist: true })
      try {
        return (db.prepare('SELECT name FROM company WHERE id = 1').pluck().get() as string | undefined) ?? ''
      } catch {
        return ''
      } finally {
        if (db !== current?.ledger.db) db.close()
      }
    },
    ledgerFile,
    currentTaxId: () => current?.taxId ?? null,
    ledger() {
      if (current && !opening) return Promise.resolve(current.ledger)
      return serialised(async () => {
        if (current) return current.ledger
        if (opts.company !== undefined) checkedTaxId(opts.company)
        const all = companies()
        const wanted = opts.company ?? (all.length === 1 ? all[0] : readState().lastCompany)
        if (!wanted || !all.includes(wanted)) {
          if (opts.company) throw new AppError('NOT_FOUND', `没有找到纳税人识别号为 ${opts.company} 的企业`)
          throw new AppError('NO_COMPANY', all.length === 0 ? '还没有创建企业，请先创建企业（销售方）信息' : '请先选择要操作的企业', { companies: all })
        }
        return open(wanted, false)
      })
    },
    switchTo(taxId, o) {
      return serialised(() => open(taxId, o?.create ?? false))
    },
    closeCurrent() {
      current?.ledger.close()
      current = null
    },
    close() {
      this.closeCurrent()
    },
  }
}

/**
 * A daily backup when one is due. Failing to take one (a full disk) must not keep the books shut:
 * it is logged, and the next open or the next daily check tries again.
 */
export async function dailyBackup(ledger: Ledger, clock: Clock): Promise<void> {
  try {
    await dailyBackupIfDue(ledger.db, ledger.file, clock.now())
  } catch (e) {
    console.error('[backups] 每日备份失败:', e)
  }
}

/** a tax ID the app accepts for a company (DOMAIN.md §1), so also a safe folder name */
function isCompanyId(taxId: string): boolean {
  return taxIdProblem(taxId) === null
}

/** the tax ID itself, or VALIDATION before any path is built from it */
function checkedTaxId(taxId: string): string {
  const problem = taxIdProblem(taxId)
  if (problem === null) return taxId
  const message = `纳税人识别号“${taxId.slice(0, 40)}”无效：${problem}`
  throw new AppError('VALIDATION', message, { issues: [{ path: 'taxId', message }] })
}
