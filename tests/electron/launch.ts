// The Electron binary these specs start, and the one way they start the app on a data folder of
// their own. Where no binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 on machines that cannot
// download it) each spec skips, saying why.
import fs from 'node:fs'
import path from 'node:path'
import { _electron as electron, type ElectronApplication } from '@playwright/test'

const electronDir = path.resolve('node_modules/electron')
const pathFile = path.join(electronDir, 'path.txt')
export const electronBinary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')) : ''

export const NO_ELECTRON = !electronBinary || !fs.existsSync(electronBinary)
export const NO_ELECTRON_REASON = 'no Electron binary here: it is installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and cannot be downloaded on this machine'

/** the app from this checkout (`.`, the electron-vite build), its books in `dataDir` */
export function launchApp(dataDir: string, args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({ executablePath: electronBinary, args: ['.', ...args], env: { ...process.env, FAPIAO_DATA: dataDir } })
}
