// What an invoice draft carries of its 特定业务 — a leaf the invoice's own types import, so the
// draft and the checks of its 特定业务 do not import each other.
import type { SpecialKind } from './kinds'
import type { SpecialRow } from './types'

/** A draft's 特定业务: the kind and its rows of fields by key (one row unless the kind lists trips). */
export interface SpecialBusiness {
  kind: SpecialKind
  rows: SpecialRow[]
}
