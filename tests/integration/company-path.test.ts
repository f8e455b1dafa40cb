// A tax ID names a folder under <dataDir>/companies: given as `../x` — to companies.switch, to
// `settings platform --tax-id`, to --company, or remembered in app.json — it must never reach a
// path. A real ledger.db planted at <dataDir>/x stays byte for byte as it was (no migration, no
// WAL beside it).
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app'
import { rejection, SELLER, tempDir, testCore } from '../support/core'

/** a small real SQLite ledger outside companies/, and how to tell it was not touched */
function plantLedger(dataDir: string): { file: string; untouched(): void } {
  const dir = path.join(dataDir, 'x')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'ledger.db')
  const db = new Database(file)
  db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('不是本软件的账簿')")
  db.close()
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  return {
    file,
    untouched() {
      expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(hash)
      expect(fs.readdirSync(dir).sort()).toEqual(['ledger.db'])
    },
  }
}

function cli(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args, '--json'], { encoding: 'utf8' })
  return { status: r.status, json: JSON.parse(r.stdout.trim()) as { error?: { code: string; message: string } } }
}

describe('a tax ID never becomes a path before it is checked', { timeout: 60_000 }, () => {
  it('companies.switch refuses ../x and leaves a ledger planted there untouched', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const planted = plantLedger(dataDir)
    for (const taxId of ['../x', '..\\x', '/etc', 'companies/../../x']) {
      const e = await rejection(core.call('companies.switch', { taxId }))
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toMatch(/^纳税人识别号.*无效/)
    }
    planted.untouched()
    expect((await core.call('companies.current', {}))?.taxId).toBe(SELLER.taxId)
  })

  it('--company ../x and app.json remembering ../x open nothing outside companies/', async () => {
    const dataDir = tempDir()
    ;(await testCore({ dataDir })).close()
    const planted = plantLedger(dataDir)

    const chosen = createCore({ dataDir, company: '../x' })
    const e = await rejection(chosen.call('companies.current', {}))
    expect(e.code).toBe('VALIDATION')
    chosen.close()

    fs.writeFileSync(path.join(dataDir, 'app.json'), JSON.stringify({ lastCompany: '../x' }))
    fs.mkdirSync(path.join(dataDir, 'companies', '91110108551385082Q'))
    const remembered = createCore({ dataDir })
    // one company on disk: it is the one, whatever app.json says
    expect((await remembered.call('companies.current', {}))?.taxId).toBe(SELLER.taxId)
    remembered.close()
    planted.untouched()
  })

  it('CLI: settings platform --tax-id ../x and --company ../x are refused', () => {
    const dataDir = tempDir()
    expect(cli(dataDir, 'company', 'add', '--name', SELLER.name, '--tax-id', SELLER.taxId, '--region', '广东', '--operator', SELLER.operator).status).toBe(0)
    const planted = plantLedger(dataDir)
    const viaSettings = cli(dataDir, 'settings', 'platform', '--tax-id', '../x', '--url', 'embedded')
    expect(viaSettings.status).toBe(1)
    expect(viaSettings.json.error?.code).toBe('VALIDATION')
    const viaFlag = cli(dataDir, '--company', '../x', 'sync', 'status')
    expect(viaFlag.status).toBe(1)
    expect(viaFlag.json.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('纳税人识别号') })
    planted.untouched()
    expect(fs.existsSync(path.join(dataDir, 'platform.json'))).toBe(false)
  })
})
