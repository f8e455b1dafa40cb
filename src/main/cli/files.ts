// Files between the command line and the core: a path the user names becomes a file token, and a
// file the core produced is copied where the user asked (a folder: under the file's own name).
import fs from 'node:fs'
import path from 'node:path'
import type { Core } from '../core/app'
import { AppError } from '../core/errors'
import type { FileRef } from '../../shared/api/define'

export function saveTo(core: Core, file: FileRef, target: string): string {
  let dest = path.resolve(target)
  if (fs.existsSync(dest) && fs.statSync(dest).isDirectory()) dest = path.join(dest, file.name)
  fs.mkdirSync(path.dirname(dest), { recursive: true })
  fs.copyFileSync(core.files.resolve(file.token).path, dest)
  return dest
}

export function inputFile(core: Core, file: string): string {
  const p = path.resolve(file)
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', `文件不存在：${p}`)
  return core.files.register(p).token
}
