// 账簿备份 and 软件更新 settings on the command line: the backups with their reasons in words,
// 手动备份, what a restore would replace, and the update feed / channel / automatic check.
import { backupReasonText } from '../../../shared/api/backups'
import { UPDATE_CHANNELS, type UpdateChannel } from '../../../shared/api/updates'
import { command, type Command } from '../command'

const NAME = { name: 'NAME', description: '备份文件名（backups list 列出的 name）', descriptionEn: 'backup file name (the name that backups list shows)' }

export const backupCommands: Record<string, Command> = {
  'backups list': command({
    summary: '当前企业账簿的备份：时间、原因（每日 / 手动 / 更新前 / 恢复前 / 迁移前）、大小',
    summaryEn: "The current company's ledger backups: time, reason (daily / manual / before update / before restore / before migration), size",
    examples: [{ line: 'backups list', zh: '列出备份', en: 'list the backups' }],
    run: async (core) => (await core.call('backups.list', {})).map((b) => ({ ...b, reasonText: backupReasonText(b.reason) })),
  }),
  'backups create': command({
    summary: '手动备份当前企业的账簿',
    summaryEn: "Back up the current company's ledger now",
    examples: [{ line: 'backups create --json', zh: '立即备份，以 JSON 输出备份', en: 'back up now, printing the backup as JSON' }],
    run: (core) => core.call('backups.create', {}),
  }),
  'backups inspect': command({
    summary: '恢复前对比：当前账簿与备份中的发票、草稿、客户、项目数和最后修改时间（只读，不做任何改动）',
    summaryEn: 'Before a restore: invoices, drafts, customers, items and last change in the ledger and in a backup (read-only)',
    examples: [{ line: 'backups inspect ledger-20261128-213005-manual.db', zh: '对比当前账簿与这份备份', en: 'compare the ledger with this backup' }],
    args: [NAME],
    run: (core, [name]) => core.call('backups.inspect', { name: name! }),
  }),
  'updates show': command({
    summary: '软件更新设置：更新地址、通道、是否自动检查、已跳过的版本',
    summaryEn: 'Software update settings: feed, channel, automatic check, skipped versions',
    examples: [{ line: 'updates show', zh: '查看更新设置', en: 'show the update settings' }],
    run: (core) => core.call('updates.get', {}),
  }),
  'updates set': command({
    summary: '修改软件更新设置（未给出的项保持不变）',
    summaryEn: 'Change the update settings (what is not given stays)',
    examples: [{ line: 'updates set --channel beta --auto on', zh: '改用测试版通道并自动检查', en: 'use the beta channel and check automatically' }],
    options: {
      feed: { value: 'URL', description: '更新地址（http:// 或 https://）；写 none 表示不检查更新', descriptionEn: 'update address (http:// or https://); none means never check' },
      channel: {
        choices: Object.keys(UPDATE_CHANNELS),
        description: `更新通道：${Object.entries(UPDATE_CHANNELS)
          .map(([k, v]) => `${k} ${v}`)
          .join('、')}`,
        descriptionEn: 'update channel: latest (the releases) or beta (test builds)',
      },
      auto: { choices: ['on', 'off'], description: '自动检查更新：on 或 off', descriptionEn: 'check for updates automatically: on or off' },
    },
    run: async (core, _args, o) => {
      const now = await core.call('updates.get', {})
      return core.call('updates.set', {
        feedUrl: o.feed === undefined ? (now.feedUrl ?? '') : o.feed === 'none' ? '' : o.feed,
        channel: (o.channel as UpdateChannel | undefined) ?? now.channel,
        autoCheck: o.auto === undefined ? now.autoCheck : o.auto === 'on',
      })
    },
  }),
}
