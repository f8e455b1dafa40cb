import { mutates, type Registry } from '../../registry'
import { createExtra, createScene, deleteExtras, deleteScenes, listExtras, listScenes, updateExtra, updateScene } from './service'

// an element's change shows in the templates using it, and the reverse: both lists refresh
const BOTH = ['extras', 'scenes']

export function registerExtras(reg: Registry): void {
  reg.handle('extras.list', async (q, ctx) => listExtras((await ctx.ledger()).orm, q?.query))
  reg.handle('scenes.list', async (q, ctx) => listScenes((await ctx.ledger()).orm, q?.query))
  reg.handle(
    'extras.create',
    mutates(BOTH, async (input, ctx) => createExtra(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'extras.update',
    mutates(BOTH, async (input, ctx) => updateExtra(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'extras.delete',
    mutates(BOTH, async ({ ids }, ctx) => deleteExtras(await ctx.ledger(), ids, ctx.now())),
  )
  reg.handle(
    'scenes.create',
    mutates(BOTH, async (input, ctx) => createScene(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'scenes.update',
    mutates(BOTH, async (input, ctx) => updateScene(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'scenes.delete',
    mutates(BOTH, async ({ ids }, ctx) => deleteScenes(await ctx.ledger(), ids, ctx.now())),
  )
}
