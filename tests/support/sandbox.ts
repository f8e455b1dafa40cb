// The real platform sandbox over HTTP on 127.0.0.1, for integration and e2e tests: it can be
// stopped (the client goes offline) and started again on the same port (back online).
import crypto from 'node:crypto'
import { startPlatformServer } from '../../src/platform/server'
import type { EmbeddedPlatform } from '../../src/main/core/sync/connection'
import type { Clock } from '../../src/shared/clock'

export interface TestSandbox {
  url: string
  adminToken: string
  /** what a core passes as `embeddedPlatform` */
  embedded: EmbeddedPlatform
  platform: Awaited<ReturnType<typeof startPlatformServer>>['platform']
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startTestSandbox(dataDir: string, opts: { clock?: Clock } = {}): Promise<TestSandbox> {
  const adminToken = crypto.randomBytes(16).toString('hex')
  let server: Awaited<ReturnType<typeof startPlatformServer>> | null = await startPlatformServer({ dataDir, adminToken, clock: opts.clock })
  const port = server.port
  const sandbox: TestSandbox = {
    url: server.url,
    adminToken,
    embedded: async () => ({ url: sandbox.url, adminToken }),
    platform: server.platform,
    async stop() {
      await server?.close()
      server = null
    },
    async start() {
      if (server) return
      server = await startPlatformServer({ dataDir, adminToken, clock: opts.clock, port })
      sandbox.platform = server.platform
    },
  }
  return sandbox
}
