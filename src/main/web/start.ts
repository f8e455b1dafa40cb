// `npm run web`: the app in a browser. Serves the built renderer and the core on 127.0.0.1 and
// prints the address to open.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createCore, findAppDir } from '../core/app'
import { resolveDataDir } from '../core/dataDir'
import { embeddedSandbox } from '../embeddedPlatform'
import { startWebServer } from './server'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
})

const appDir = findAppDir()
const dataDir = resolveDataDir(values.data)
const sandbox = embeddedSandbox(dataDir, appDir)
const core = createCore({ dataDir, appDir, embeddedPlatform: sandbox.start, backgroundSync: true })
const server = await startWebServer({
  core,
  rendererDir: path.join(appDir, 'out', 'renderer'),
  host: values.host ?? '127.0.0.1',
  port: values.port ? Number(values.port) : 0,
})

console.log(`票税通 网页模式已启动
  数据目录：${dataDir}
  请在浏览器中打开：${server.openUrl}
  （按 Ctrl+C 退出）`)
// machine-readable line for tests and scripts
console.log(`FAPIAO_WEB_URL=${server.openUrl}`)

const stop = async () => {
  await server.close()
  core.close()
  await sandbox.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
