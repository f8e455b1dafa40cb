// Where the books live for web mode and the CLI: --data DIR, else FAPIAO_DATA, else a per-user
// folder — the same one the desktop app uses as its userData, so all three see the same books.
import os from 'node:os'
import path from 'node:path'

export function defaultDataDir(): string {
  const home = os.homedir()
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'fapiao-desk')
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'fapiao-desk')
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'fapiao-desk')
}

export function resolveDataDir(flag?: string): string {
  return path.resolve(flag ?? process.env.FAPIAO_DATA ?? defaultDataDir())
}
