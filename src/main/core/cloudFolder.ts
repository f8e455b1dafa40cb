// Is the data folder inside a folder a sync client copies to the cloud? A ledger is SQLite in WAL
// mode: the database, its -wal and -shm change together, and a sync client uploads them one by one,
// mid-write, and may "restore" an older copy over a newer one or leave a 冲突副本 — the books end
// up corrupt or silently behind. Only the path is looked at (pure: no disk, no registry), in the
// Windows and macOS forms, any case, either separator.

export interface CloudFolder {
  /** the sync service, as a person names it */
  service: string
  /** the folder of the path that belongs to it */
  folder: string
}

/** a path's folder names with where each ends; drive letters and UNC prefixes are just more names */
const partsOf = (p: string): { name: string; end: number }[] => [...p.matchAll(/[^\\/]+/g)].map((m) => ({ name: m[0], end: m.index + m[0].length }))

interface Rule {
  service: string
  /** matches one folder name (already lower-cased) */
  name: RegExp
  /** the folder names that must come right before it (lower-cased), e.g. iCloud's Library/Mobile Documents */
  after?: string[]
}

const RULES: Rule[] = [
  // OneDrive, "OneDrive - 公司名" (OneDrive for Business), OneDrive-Personal / OneDrive-公司 under
  // macOS's ~/Library/CloudStorage
  { service: 'OneDrive', name: /^onedrive(\s*-.*|-.+)?$/ },
  // iCloud 云盘: ~/Library/Mobile Documents (the 桌面与文稿 sync lives there too)
  { service: 'iCloud 云盘', name: /^mobile documents$/, after: ['library'] },
  { service: 'iCloud 云盘', name: /^icloud ?drive.*$/ },
  { service: 'Dropbox', name: /^dropbox(\s*\(.*\)|-.+)?$/ },
  { service: '坚果云', name: /^(nutstore|nutstore files|我的坚果云|坚果云.*)$/ },
  { service: 'Google 云端硬盘', name: /^(google ?drive.*|googledrive-.+|我的云端硬盘|my drive)$/ },
  { service: '百度网盘同步空间', name: /^(baidunetdisk.*sync.*|百度网盘同步空间|百度网盘同步盘|baiduyunguanjia.*sync.*)$/ },
]

function matchParts(dir: string): CloudFolder | null {
  const parts = partsOf(dir)
  const lower = parts.map((p) => p.name.toLowerCase())
  for (let i = 0; i < lower.length; i++) {
    for (const rule of RULES) {
      if (!rule.name.test(lower[i]!)) continue
      const after = rule.after ?? []
      if (after.some((a, k) => lower[i - after.length + k] !== a)) continue
      return { service: rule.service, folder: dir.slice(0, parts[i]!.end) }
    }
  }
  return null
}

/**
 * The cloud-synced folder the data folder lies in, else null. `env` is the environment the path
 * was resolved in: OneDrive moves 文档/桌面 into its folder and names it in OneDrive /
 * OneDriveCommercial / OneDriveConsumer, whatever the folder is called (a renamed or localised one).
 */
export function cloudFolderOf(dataDir: string, env: Record<string, string | undefined> = {}): CloudFolder | null {
  const byName = matchParts(dataDir)
  if (byName) return byName
  const parts = partsOf(dataDir)
  const lower = parts.map((p) => p.name.toLowerCase())
  for (const key of ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer']) {
    const root = env[key]
    if (!root) continue
    const rootParts = partsOf(root).map((p) => p.name.toLowerCase())
    if (rootParts.length > 0 && rootParts.every((p, i) => lower[i] === p)) return { service: 'OneDrive', folder: dataDir.slice(0, parts[rootParts.length - 1]!.end) }
  }
  return null
}

/** what the person reads: why it is dangerous and what to do */
export function cloudFolderWarning(found: CloudFolder): string {
  return (
    `数据文件夹位于 ${found.service} 同步的文件夹（${found.folder}）中。账簿是 SQLite 数据库，写入时数据库文件与 -wal、-shm 文件同时变化，` +
    `同步软件逐个上传、回滚或生成冲突副本，会使账簿损坏或丢失最近开具的记录。请把数据文件夹移到不同步的位置：` +
    `退出本软件后移动整个文件夹，并用环境变量 FAPIAO_DATA 指定新位置（或在同步软件中排除该文件夹）。`
  )
}
