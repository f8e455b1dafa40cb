// <dataDir>/updates.json: where updates come from, which channel, automatic checks, and the
// versions the user skipped. This user's only (0600), replaced whole (privateFile.ts). Unlike
// platform.json it names nothing that could send an invoice astray, so a damaged file is reported
// (updates.get says so) and the defaults — no feed, so no update is looked for — stand until the
// user saves 软件更新 again, which writes a sound file over it.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { UpdateSettings } from '../../../../shared/api/updates'
import { writePrivateFile } from '../../privateFile'

/** how many skipped versions are remembered (only the newest matter) */
const SKIPPED_KEPT = 20

const fileSchema = z.object({
  feedUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .default(null),
  channel: z.enum(['latest', 'beta']).default('latest'),
  autoCheck: z.boolean().default(true),
  skippedVersions: z.array(z.string()).default([]),
})

export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { feedUrl: null, channel: 'latest', autoCheck: true, skippedVersions: [] }

export interface UpdateSettingsFile {
  readonly path: string
  /** the settings, or the defaults and why the file could not be used */
  read(): { settings: UpdateSettings; damaged: string | null }
  write(s: UpdateSettings): void
}

export function updateSettingsFile(dataDir: string): UpdateSettingsFile {
  const file = path.join(dataDir, 'updates.json')
  const damaged = (why: string) => ({
    settings: { ...DEFAULT_UPDATE_SETTINGS },
    damaged: `软件更新设置文件已损坏（${why}）：${file}。在它被重新保存之前不会检查更新；请在 软件更新 中重新填写并保存。`,
  })
  return {
    path: file,
    read() {
      let text: string
      try {
        text = fs.readFileSync(file, 'utf8')
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        return code === 'ENOENT' ? { settings: { ...DEFAULT_UPDATE_SETTINGS }, damaged: null } : damaged(`无法读取：${code ?? (e as Error).message}`)
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        return damaged(text.trim() === '' ? '文件是空的' : '不是有效的 JSON')
      }
      const parsed = fileSchema.safeParse(json)
      if (!parsed.success) return damaged(`内容不是本软件写入的格式（${parsed.error.issues[0]?.path.map(String).join('.') || '整个文件'}）`)
      return { settings: parsed.data, damaged: null }
    },
    write(s) {
      writePrivateFile(file, JSON.stringify({ ...s, skippedVersions: s.skippedVersions.slice(-SKIPPED_KEPT) }, null, 2))
    },
  }
}
