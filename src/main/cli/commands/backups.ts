// 账簿备份 and 软件更新 settings on the command line: the backups with their reasons in words,
// 手动备份, what a restore would replace, and the update feed / channel / automatic check.
import { backupReasonText } from '../../../shared/api/backups'
import { UPDATE_CHANNELS, type UpdateChannel } from '../../../shared/api/updates'
import { command, type Command } from '../command'

const NAME = { name: 'NAME', description: '备份文件名（backups list 列出的 name）' }

export const backupCommands: Record<string, Command> = {
  'backups list': command({
    summary: '当前企业账簿的备份：时间、原因（每日 / 手动 / 更新前 / 恢复前 / 迁移前）、大小',
    run: async (core) => (await core.call('backups.list', {})).map((b) => ({ ...b, reasonText: backupReasonText(b.reason) })),
  }),
  'backups create': command({
    summary: '手动备份当前企业的账簿',
    run: (core) => core.call('backups.create', {}),
  }),
  'backups inspect': command({
    summary: '恢复前对比：当前账簿与备份中的发票、草稿、客户、项目数和最后修改时间（只读，不做任何改动）',
    args: [NAME],
    run: (core, [name]) => core.call('backups.inspect', { name: name! }),
  }),
  'updates show': command({
    summary: '软件更新设置：更新地址、通道、是否自动检查、已跳过的版本',
    run: (core) => core.call('updates.get', {}),
  }),
  'updates set': command({
    summary: '修改软件更新设置（未给出的项保持不变）',
    options: {
      feed: { value: 'URL', description: '更新地址（http:// 或 https://）；写 none 表示不检查更新' },
      channel: {
        choices: Object.keys(UPDATE_CHANNELS),
        description: `更新通道：${Object.entries(UPDATE_CHANNELS)
          .map(([k, v]) => `${k} ${v}`)
          .join('、')}`,
      },
      auto: { choices: ['on', 'off'], description: '自动检查更新：on 或 off' },
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
