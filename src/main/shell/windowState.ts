// 窗口位置和大小 remembered between starts, in window.json in the data folder. Which bounds to open
// with is decided here, without Electron: the saved ones only while they still fit a connected
// display (a laptop undocked from its second screen must not open the window off-screen), else the
// default size centred on the primary display; never smaller than the minimum.
import fs from 'node:fs'
import path from 'node:path'
import { writePrivateFile } from '../core/privateFile'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

/** what the shell knows of a display: where windows may go (without the taskbar / dock) */
export interface DisplayArea {
  workArea: Rect
}

export const DEFAULT_SIZE = { width: 1360, height: 860 } as const
export const MIN_SIZE = { width: 1024, height: 640 } as const
export const WINDOW_FILE = 'window.json'

/**
 * Windows draws a window's invisible resize borders outside its visible frame: a window snapped to
 * a screen's edge reports bounds a few pixels beyond the work area, and still fits.
 */
const EDGE_SLACK = 16

const inside = (r: Rect, area: Rect) =>
  r.x >= area.x - EDGE_SLACK && r.y >= area.y - EDGE_SLACK && r.x + r.width <= area.x + area.width + EDGE_SLACK && r.y + r.height <= area.y + area.height + EDGE_SLACK

/** the default size (no larger than the display, no smaller than the minimum), centred */
function centred(area: Rect): Rect {
  const width = Math.max(MIN_SIZE.width, Math.min(DEFAULT_SIZE.width, area.width))
  const height = Math.max(MIN_SIZE.height, Math.min(DEFAULT_SIZE.height, area.height))
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height }
}

export function chooseBounds(saved: WindowState | null, displays: DisplayArea[], primary: DisplayArea): WindowState {
  const fits = saved !== null && saved.bounds.width >= MIN_SIZE.width && saved.bounds.height >= MIN_SIZE.height && displays.some((d) => inside(saved.bounds, d.workArea))
  return { bounds: fits ? saved.bounds : centred(primary.workArea), maximized: saved?.maximized ?? false }
}

const isRect = (r: unknown): r is Rect =>
  typeof r === 'object' && r !== null && (['x', 'y', 'width', 'height'] as const).every((k) => Number.isFinite((r as Record<string, unknown>)[k]))

/** the saved state, or null when there is none or it is not one (a damaged file is ignored, not fatal) */
export function readWindowState(dataDir: string): WindowState | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_FILE), 'utf8'))
  } catch {
    return null
  }
  const s = parsed as Partial<WindowState> | null
  if (!s || !isRect(s.bounds) || typeof s.maximized !== 'boolean') return null
  const { x, y, width, height } = s.bounds
  return { bounds: { x, y, width, height }, maximized: s.maximized }
}

export function writeWindowState(dataDir: string, state: WindowState): void {
  writePrivateFile(path.join(dataDir, WINDOW_FILE), JSON.stringify(state))
}

/** a call deferred until `ms` pass without another; flush() runs a waiting call at once (the window closes) */
export function debounced(fn: () => void, ms: number): { (): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      fn()
    }, ms)
  }
  run.flush = () => {
    if (timer === undefined) return
    clearTimeout(timer)
    timer = undefined
    fn()
  }
  return run
}
