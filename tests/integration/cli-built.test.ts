// The CLI as it ships: out/main/cli.js, built with the app, run by plain Node — as `fapiao`
// (bin/fapiao.js) and the installer's launcher run it. Built here first when the build is missing
// (npm test builds before vitest, so it is normally there).
import { execSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { LEDGER_COMPANY, makeLedger } from '../../bench/ledger1m'

const root = process.cwd()
const built = path.join(root, 'out', 'main', 'cli.js')
const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version

function fapiao(file: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  // no FAPIAO_APP_DIR from the calling shell unless the test sets one
  const { FAPIAO_APP_DIR: _ignored, ...base } = process.env
  return spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', env: { ...base, ...env } })
}

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

let ledger: string

beforeAll(async () => {
  if (!fs.existsSync(built)) execSync('npx electron-vite build', { stdio: 'inherit' })
  ledger = tempDir('fapiao-built-cli-')
  await makeLedger(ledger, { count: 30 })
}, 300_000)

describe('the built CLI (out/main/cli.js) under plain Node', () => {
  it('--version prints package.json’s version and nothing else', () => {
    const r = fapiao(built, ['--version'])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`${version}\n`)
    expect(JSON.parse(fapiao(built, ['--version', '--json']).stdout)).toEqual({ version })
  })

  it('--help lists the commands under the name fapiao, in Chinese and English', () => {
    const r = fapiao(built, ['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('fapiao invoices list')
    expect(r.stdout).toContain('List invoices')
    expect(r.stdout).toContain('fapiao platform serve --data DIR')
    const own = fapiao(built, ['invoices', 'show', '--help'])
    expect(own.stdout).toContain('示例 Examples:\n  fapiao invoices show 26442000000000000001')
  })

  it('invoices list --json answers from a ledger: one JSON document, the first page', () => {
    const r = fapiao(built, ['--data', ledger, '--company', LEDGER_COMPANY.taxId, 'invoices', 'list', '--json'])
    expect(r.status, r.stderr).toBe(0)
    const page = JSON.parse(r.stdout) as { total: number; rows: { id: number }[] }
    expect(page.total).toBe(30)
    // newest first, as the app lists them
    expect(page.rows.map((x) => x.id)).toEqual([...page.rows.map((x) => x.id)].sort((a, b) => b - a))
    expect(page.rows).toHaveLength(20)
  })

  it('a command on the last used company does not rewrite app.json (no write, no fsync at each start)', () => {
    const list = ['--data', ledger, '--company', LEDGER_COMPANY.taxId, 'invoices', 'list', '--json']
    expect(fapiao(built, list).status).toBe(0)
    const state = path.join(ledger, 'app.json')
    const before = fs.statSync(state)
    expect(fapiao(built, list).status).toBe(0)
    const after = fs.statSync(state)
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
    expect(JSON.parse(fs.readFileSync(state, 'utf8'))).toMatchObject({ lastCompany: LEDGER_COMPANY.taxId })
  })

  it('bin/fapiao.js runs the same build', () => {
    const r = fapiao(path.join(root, 'bin', 'fapiao.js'), ['--version'])
    expect(r.stdout).toBe(`${version}\n`)
  })
})

describe('where migrations/ and resources/ are (FAPIAO_APP_DIR)', () => {
  /** the built code away from the checkout, as in the installed app: nothing above it holds migrations/ */
  function relocated(): string {
    const dir = tempDir('fapiao-relocated-')
    fs.cpSync(path.join(root, 'out', 'main'), path.join(dir, 'out', 'main'), { recursive: true })
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
    return path.join(dir, 'out', 'main', 'cli.js')
  }

  it('is found above out/main/ in a checkout, and from FAPIAO_APP_DIR when the code is elsewhere', () => {
    const cli = relocated()
    const data = tempDir('fapiao-appdir-')
    const args = ['--data', data, 'company', 'add', '--name', '测试有限公司', '--tax-id', LEDGER_COMPANY.taxId, '--region', '广东', '--operator', '王会计', '--json']
    const lost = fapiao(cli, args)
    expect(lost.status).not.toBe(0)
    expect(lost.stdout + lost.stderr).toContain('migrations/ledger')
    const found = fapiao(cli, args, { FAPIAO_APP_DIR: root })
    expect(found.status, found.stderr).toBe(0)
    expect(JSON.parse(found.stdout)).toMatchObject({ taxId: LEDGER_COMPANY.taxId, region: '44' })
    expect(JSON.parse(fapiao(cli, ['--data', data, 'invoices', 'list', '--json'], { FAPIAO_APP_DIR: root }).stdout)).toEqual({ total: 0, rows: [] })
  })

  it('a FAPIAO_APP_DIR without migrations is refused in Chinese, naming the variable, and nothing is written', () => {
    const data = tempDir('fapiao-appdir-')
    const r = fapiao(built, ['--data', data, 'company', 'list', '--json'], { FAPIAO_APP_DIR: path.join(data, 'nowhere') })
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'INTERNAL', message: expect.stringContaining('环境变量 FAPIAO_APP_DIR 指向的文件夹') } })
    expect(fs.readdirSync(data)).toEqual([])
  })
})
