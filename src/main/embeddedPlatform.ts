// The embedded platform sandbox (DESIGN.md §1): with no platform configured, the app starts the
// sandbox itself on 127.0.0.1, its data beside the books, so a newcomer can issue invoices at
// once. Started on first need, stopped with the app. Host code: the core only sees a starter.
import crypto from 'node:crypto'
import path from 'node:path'
import type { startPlatformServer } from '../platform/server'
import type { EmbeddedPlatform } from './core/sync/connection'

export interface EmbeddedSandbox {
  start: EmbeddedPlatform
  close(): Promise<void>
}

/** `appDir`: where migrations/ and resources/ are (the packaged app's resources); found from the module when absent */
export function embeddedSandbox(dataDir: string, appDir?: string): EmbeddedSandbox {
  let running: ReturnType<typeof startPlatformServer> | null = null
  // a fresh admin token each run: only this process may register taxpayers on its sandbox
  const adminToken = crypto.randomBytes(24).toString('base64url')
  return {
    async start() {
      // loaded on first need: most commands and many sessions never start the sandbox
      running ??= import('../platform/server').then(({ startPlatformServer }) =>
        startPlatformServer({
          dataDir: path.join(dataDir, 'platform-sandbox'),
          host: '127.0.0.1',
          port: 0,
          adminToken,
          migrationsDir: appDir && path.join(appDir, 'migrations', 'platform'),
          taxcodesDir: appDir && path.join(appDir, 'resources', 'taxcodes'),
          fontsDir: appDir && path.join(appDir, 'resources', 'fonts'),
        }),
      )
      const server = await running
      return { url: server.url, adminToken }
    },
    async close() {
      if (running) await (await running).close()
      running = null
    },
  }
}
