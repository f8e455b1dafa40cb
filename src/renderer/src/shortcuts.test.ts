// The keys the native menu shows are the keys the window answers: the renderer's shortcut
// definitions take their text and accelerator from the same app commands the menu reads.
import { describe, expect, it } from 'vitest'
import { APP_COMMANDS } from '../../shared/appCommands'
import { APP_KEYS, SHORTCUT_GROUPS } from './shortcuts'

const key = (init: Partial<KeyboardEvent>) => ({ ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, key: '', code: '', target: null, ...init }) as KeyboardEvent

describe('app commands: one definition for the menu and the window', () => {
  it('every app command is an app-wide key with the same keys, label and accelerator', () => {
    for (const [name, command] of Object.entries(APP_COMMANDS)) {
      const shortcut = APP_KEYS[name as keyof typeof APP_KEYS]
      expect(shortcut, name).toMatchObject(command)
      expect(SHORTCUT_GROUPS[0]!.keys).toContain(shortcut)
    }
  })

  it('the window answers each accelerator the menu shows (Ctrl on Windows, ⌘ on macOS)', () => {
    expect(APP_KEYS.help.matches(key({ key: 'F1' }))).toBe(true)
    expect(APP_KEYS.newInvoice.matches(key({ ctrlKey: true, key: 'n', code: 'KeyN' }))).toBe(true)
    expect(APP_KEYS.newInvoice.matches(key({ metaKey: true, key: 'n', code: 'KeyN' }))).toBe(true)
    expect(APP_KEYS.newInvoice.matches(key({ key: 'n', code: 'KeyN' }))).toBe(false)
    expect(APP_KEYS.settings.matches(key({ metaKey: true, key: ',', code: 'Comma' }))).toBe(true)
    expect(APP_KEYS.settings.matches(key({ key: ',', code: 'Comma' }))).toBe(false)
  })
})
