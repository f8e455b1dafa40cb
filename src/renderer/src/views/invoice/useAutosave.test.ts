// Before the window closes the shell asks every open form to save now (flushAllAutosaves): the
// typing not yet saved is saved, a form whose save fails answers false, a closed form is not asked.
import { effectScope } from 'vue'
import { describe, expect, it } from 'vitest'
import { anyUnsaved, flushAllAutosaves, useAutosave } from './useAutosave'

function form(save: (v: string) => Promise<void>) {
  const scope = effectScope()
  let text = ''
  const autosave = scope.run(() => useAutosave({ snapshot: () => text, save }))!
  autosave.baseline(null)
  return {
    type(v: string) {
      text = v
      autosave.changed()
    },
    close: () => scope.stop(),
  }
}

describe('flushing every autosave at once', () => {
  it('saves what each open form holds now, without waiting for the typing pause', async () => {
    const saved: string[] = []
    const a = form(async (v) => void saved.push(`a:${v}`))
    const b = form(async (v) => void saved.push(`b:${v}`))
    a.type('购买方')
    b.type('项目')
    expect(anyUnsaved()).toBe(true)
    expect(await flushAllAutosaves()).toBe(true)
    expect(saved.sort()).toEqual(['a:购买方', 'b:项目'])
    expect(anyUnsaved()).toBe(false)
    // nothing new: nothing sent again
    expect(await flushAllAutosaves()).toBe(true)
    expect(saved).toHaveLength(2)
    a.close()
    b.close()
  })

  it('answers false when a save fails; a closed form is no longer asked', async () => {
    const broken = form(() => Promise.reject(new Error('账簿已被锁定')))
    broken.type('x')
    expect(await flushAllAutosaves()).toBe(false)
    broken.close()
    expect(await flushAllAutosaves()).toBe(true)
  })
})
