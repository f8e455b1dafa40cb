// A real core on a throwaway data directory, for integration tests.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onTestFinished } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../src/main/core/app'

export const SELLER = { name: '深圳市测试科技有限公司', taxId: '91440300MA5G0X1U23', region: '44' as const, operator: '王会计' }
export const OTHER = { name: '北京示例贸易有限公司', taxId: '91110108551385082Q', region: '11' as const, operator: '李出纳' }

export function tempDir(prefix = 'fapiao-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A core on a fresh data dir, closed after the test; with the SELLER company unless told not. */
export async function testCore(opts: Partial<Omit<CoreOptions, 'company'>> & { company?: false | string } = {}): Promise<Core> {
  const dataDir = opts.dataDir ?? tempDir()
  const core = createCore({ ...opts, dataDir, company: typeof opts.company === 'string' ? opts.company : undefined })
  onTestFinished(() => core.close())
  if (opts.company === undefined) await core.call('companies.create', SELLER)
  return core
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await p
  } catch (e) {
    return e as { code: string; message: string; details?: unknown }
  }
  throw new Error('expected the call to fail, but it succeeded')
}

/** Registers a file on disk with the core, as a native dialog or an upload would. */
export function fileToken(core: Core, filePath: string): string {
  return core.files.register(filePath).token
}
