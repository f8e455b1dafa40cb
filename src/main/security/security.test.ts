// The Electron shell's security decisions, in plain Node (no Electron binary runs here): every
// permission refused, only the tax bureau's https pages opened outside, a packaged build with its
// own page and no DevTools, passwords sealed by the keychain where there is one.
import { describe, expect, it } from 'vitest'
import { connectionFile } from '../core/sync/connectionFile'
import { tempDir } from '../../../tests/support/core'
import { isAllowedExternal } from './externalLinks'
import { safeStorageSeal, type SafeStorageLike } from './passwordSeal'
import { denyAllPermissions, type PermissionSession } from './permissions'
import { rendererSource } from './rendererSource'

describe('Electron shell security', () => {
  it('denies every permission request and check', () => {
    const installed: Partial<Record<'request' | 'check' | 'device', (...a: never[]) => unknown>> = {}
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => void (installed.request = h ?? undefined),
      setPermissionCheckHandler: (h) => void (installed.check = h ?? undefined),
      setDevicePermissionHandler: (h) => void (installed.device = h ?? undefined),
    }
    denyAllPermissions(session)
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'midiSysex',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
    ]) {
      const answers: boolean[] = []
      ;(installed.request as (wc: unknown, p: string, cb: (g: boolean) => void, d: unknown) => void)(null, permission, (g) => answers.push(g), {})
      expect(answers, permission).toEqual([false])
      expect((installed.check as (wc: unknown, p: string, o: string, d: unknown) => boolean)(null, permission, 'file://', {}), permission).toBe(false)
    }
    expect((installed.device as (d: unknown) => boolean)({})).toBe(false)
  })

  it('opens only https pages of chinatax.gov.cn outside the app', () => {
    for (const url of ['https://www.chinatax.gov.cn/', 'https://inv-veri.chinatax.gov.cn/index.html', 'https://etax.guangdong.chinatax.gov.cn/xxx?a=1', 'https://CHINATAX.GOV.CN'])
      expect(isAllowedExternal(url), url).toBe(true)
    for (const url of [
      'http://www.chinatax.gov.cn/',
      'https://chinatax.gov.cn.evil.example/',
      'https://evilchinatax.gov.cn/',
      'https://www.chinatax.gov.cn@evil.example/',
      'https://user:pw@www.chinatax.gov.cn/',
      'https://www.chinatax.gov.cn:8443/',
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://www.chinatax.gov.cn/share',
      'not a url',
    ])
      expect(isAllowedExternal(url), url).toBe(false)
  })

  it('a packaged build loads its own page without DevTools, whatever ELECTRON_RENDERER_URL says', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173' }
    expect(rendererSource({ isPackaged: true, env })).toEqual({ url: null, devTools: false })
    expect(rendererSource({ isPackaged: false, env })).toEqual({ url: 'http://evil.example:5173', devTools: true })
    expect(rendererSource({ isPackaged: false, env: {} })).toEqual({ url: null, devTools: true })
  })

  it('seals passwords with the keychain where there is one, and says when there is none', () => {
    let available = true
    const fakeKeychain: SafeStorageLike = {
      isEncryptionAvailable: () => available,
      encryptString: (plain) => Buffer.from([...Buffer.from(plain)].reverse()),
      decryptString: (sealed) => Buffer.from([...sealed].reverse()).toString(),
    }
    const dir = tempDir()
    const file = connectionFile(dir, safeStorageSeal(fakeKeychain))
    expect(file.protection()).toBe('keychain')
    const cfg = file.withPassword({ url: null, passwords: {}, provisioned: [], demoAdded: false }, 'embedded', '91440300MA5G0X1U23', '密码-secret')
    const stored = cfg.passwords.embedded!['91440300MA5G0X1U23']!
    expect(stored).toMatch(/^sealed:/)
    expect(stored).not.toContain('secret')
    expect(file.password(cfg, 'embedded', '91440300MA5G0X1U23')).toBe('密码-secret')

    available = false
    expect(file.protection()).toBe('file')
    const plain = file.withPassword(cfg, 'https://p.example', '91440300MA5G0X1U23', 'typed')
    expect(plain.passwords['https://p.example']!['91440300MA5G0X1U23']).toBe('typed')
    // a password sealed earlier still opens
    expect(file.password(plain, 'embedded', '91440300MA5G0X1U23')).toBe('密码-secret')
    // no seal at all (web and CLI mode): kept in the 0600 file
    expect(connectionFile(dir).protection()).toBe('file')
  })
})
