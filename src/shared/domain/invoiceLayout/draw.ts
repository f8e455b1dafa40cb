// The two primitives every part of the layout makes: a text (value or form word) and a rule.
import { COLOUR } from './geometry'
import { textWidth } from './metrics'
import type { FieldTag, FontRole, LayoutItem, TextAlign, TextItem } from './types'

export const RULE = 0.25

export function text(s: string, x: number, y: number, size: number, o: { role?: FontRole; align?: TextAlign; colour?: string; maxWidth?: number; tag?: FieldTag } = {}): TextItem {
  const role = o.role ?? 'value'
  const item: TextItem = {
    type: 'text',
    text: s,
    x,
    y,
    size,
    role,
    align: o.align ?? 'left',
    colour: o.colour ?? (role === 'value' ? COLOUR.value : COLOUR.form),
    maxWidth: o.maxWidth ?? textWidth(s, size),
  }
  if (o.tag) item.tag = o.tag
  return item
}

export const line = (x1: number, y1: number, x2: number, y2: number, width = RULE): LayoutItem => ({ type: 'line', x1, y1, x2, y2, width, colour: COLOUR.form })
