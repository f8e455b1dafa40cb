import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { chooseBounds, debounced, DEFAULT_SIZE, MIN_SIZE, readWindowState, WINDOW_FILE, writeWindowState, type DisplayArea } from './windowState'

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const second: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } }
const small: DisplayArea = { workArea: { x: 0, y: 25, width: 1280, height: 775 } }

describe('the window opens where it was, while that still fits a display', () => {
  it('first start: the default size centred on the primary display', () => {
    expect(chooseBounds(null, [laptop], laptop)).toEqual({ bounds: { x: 280, y: 90, ...DEFAULT_SIZE }, maximized: false })
  })

  it('saved bounds on a connected display are used, maximized kept', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true }
    expect(chooseBounds(saved, [laptop, second], laptop)).toEqual(saved)
  })

  it('a window snapped to an edge on Windows (a few pixels outside) still fits', () => {
    const saved = { bounds: { x: -7, y: 0, width: 1200, height: 1047 }, maximized: false }
    expect(chooseBounds(saved, [laptop], laptop).bounds).toEqual(saved.bounds)
  })

  it('the second screen is gone: default size centred on the primary one, maximized still remembered', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true }
    expect(chooseBounds(saved, [laptop], laptop)).toEqual({ bounds: { x: 280, y: 90, ...DEFAULT_SIZE }, maximized: true })
  })

  it('a window straddling two displays does not fit either: default', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: false }
    expect(chooseBounds(saved, [laptop, second], laptop).bounds).toEqual({ x: 280, y: 90, ...DEFAULT_SIZE })
  })

  it('never smaller than the minimum: a saved tiny window and a small screen', () => {
    const tiny = { bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false }
    expect(chooseBounds(tiny, [laptop], laptop).bounds).toEqual({ x: 280, y: 90, ...DEFAULT_SIZE })
    const onSmall = chooseBounds(null, [small], small).bounds
    expect(onSmall.width).toBe(1280)
    expect(onSmall.height).toBe(Math.max(MIN_SIZE.height, 775))
    const tinyScreen: DisplayArea = { workArea: { x: 0, y: 0, width: 800, height: 600 } }
    expect(chooseBounds(null, [tinyScreen], tinyScreen).bounds).toMatchObject(MIN_SIZE)
  })
})

describe('window.json', () => {
  const dirs: string[] = []
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-window-'))
    dirs.push(d)
    return d
  }
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

  it('reads back what was written', () => {
    const dir = tmp()
    expect(readWindowState(dir)).toBeNull()
    const state = { bounds: { x: 5, y: 6, width: 1300, height: 800 }, maximized: true }
    writeWindowState(dir, state)
    expect(readWindowState(dir)).toEqual(state)
  })

  it('a damaged or foreign file is ignored (the window opens at the default), never fatal', () => {
    const dir = tmp()
    for (const text of ['{', 'null', '{"bounds":{"x":"a","y":0,"width":1,"height":1},"maximized":false}', '{"bounds":{"x":0,"y":0,"width":1300,"height":800}}']) {
      fs.writeFileSync(path.join(dir, WINDOW_FILE), text)
      expect(readWindowState(dir), text).toBeNull()
    }
  })
})

describe('saving while the window moves', () => {
  it('saves once after the moves stop, and at once on flush', async () => {
    let saves = 0
    const save = debounced(() => saves++, 30)
    save()
    save()
    save()
    expect(saves).toBe(0)
    await new Promise((r) => setTimeout(r, 80))
    expect(saves).toBe(1)
    save()
    save.flush()
    expect(saves).toBe(2)
    save.flush()
    await new Promise((r) => setTimeout(r, 60))
    expect(saves).toBe(2)
  })
})
