// 关于票税通 and the data folder's cloud warning, through the real core.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, testCore } from '../support/core'

describe('app.about / app.info', () => {
  it('says the versions, the data folder and the shipped tax-code table before any company', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir, company: false, version: '1.2.3' })
    const about = await core.call('app.about', {})
    expect(about).toMatchObject({ version: '1.2.3', dataDir, cloudFolder: null })
    // the tests run in Node: no Electron, no Chromium — the window says 网页模式
    expect(about.versions).toEqual({ electron: null, chrome: null, node: process.versions.node })
    expect(about.taxcodes).toMatchObject({ version: '2018-01', total: 4204, leaves: 3534, sourceLabel: '内置编码表', current: false })
  })

  it("tells the current company's table once there is one", async () => {
    const core = await testCore()
    const about = await core.call('app.about', {})
    expect(about.taxcodes).toMatchObject({ version: '2018-01', total: 4204, leaves: 3534, current: true })
  })

  it('names every bundled licence, each from a README that says it', async () => {
    const core = await testCore({ company: false })
    const { licences } = await core.call('app.about', {})
    expect(licences.length).toBeGreaterThanOrEqual(3)
    for (const l of licences) {
      const text = fs.readFileSync(path.resolve(l.file), 'utf8')
      // the licence as named is what the file it points to says (each of 'MIT / WTFPL')
      for (const name of l.licence.split(' / ')) expect(text).toContain(name)
    }
  })

  it('warns when the data folder lies in a OneDrive folder, saying why and what to do', async () => {
    const dataDir = path.join(tempDir(), 'OneDrive - 深圳市测试科技有限公司', 'fapiao-desk')
    fs.mkdirSync(dataDir, { recursive: true })
    const core = await testCore({ dataDir, company: false })
    const info = await core.call('app.info', {})
    expect(info.cloudFolder).toMatchObject({ service: 'OneDrive', folder: path.dirname(dataDir) })
    expect(info.cloudFolder?.warning).toContain('FAPIAO_DATA')
    expect((await core.call('app.about', {})).cloudFolder?.service).toBe('OneDrive')
  })
})
