// Bad inputs made from a zod schema itself, so every call of the contract and every body of the
// platform's wire gets them without a list to keep up to date: the wrong type for each field (at
// the top and deep inside lines and lists), every field missing, every text too long, every list
// too long, a value outside every enum. And the check that a message a person sees is Chinese.
import { expect } from 'vitest'
import type { z } from 'zod'

type Def = { type: string; [k: string]: unknown }
type Schema = { _zod: { def: Def } }

export type Mode = 'not-an-object' | 'missing' | 'wrong-type' | 'wrong-type-deep' | 'too-long' | 'too-many' | 'bad-enum'
export const MODES: Mode[] = ['not-an-object', 'missing', 'wrong-type', 'wrong-type-deep', 'too-long', 'too-many', 'bad-enum']

const def = (s: unknown): Def => (s as Schema)._zod.def

/** the schema inside wrappers (optional, default, pipe, …) */
function unwrap(s: unknown): Def {
  let d = def(s)
  for (;;) {
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) d = def(d.innerType)
    else if (d.type === 'pipe') d = def(d.in)
    else if (d.type === 'lazy') d = def((d.getter as () => unknown)())
    else return d
  }
}

/** a check's limit (maxLength / maxSize / less_than) on a schema, if it has one */
function maxOf(d: Def): number | null {
  for (const c of (d.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const cd = c._zod.def
    if (typeof cd.maximum === 'number') return cd.maximum
    if (typeof cd.value === 'number' && (cd.check === 'less_than' || cd.check === 'max_length' || cd.check === 'max_size')) return cd.value
  }
  return null
}

/** a value of the wrong type for this schema */
function wrongType(d: Def): unknown {
  switch (d.type) {
    case 'string':
    case 'enum':
    case 'literal':
      return 12345
    case 'number':
      return 'abc'
    case 'boolean':
      return 'x'
    default:
      return 'x'
  }
}

function sampleOf(s: unknown, mode: Mode, depth: number): unknown {
  const d = unwrap(s)
  const leaf = (): unknown => {
    if (mode === 'wrong-type-deep') return wrongType(d)
    if (d.type === 'string') return mode === 'too-long' ? 'x'.repeat((maxOf(d) ?? 5000) + 1) : '1'
    if (d.type === 'number') return mode === 'too-long' ? (maxOf(d) ?? 1e15) + 1e6 : 1
    if (d.type === 'boolean') return true
    if (d.type === 'enum') return mode === 'bad-enum' ? 'XYZ' : Object.values(d.entries as object)[0]
    if (d.type === 'literal') return (d.values as unknown[])[0]
    return '1'
  }
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) out[k] = mode === 'wrong-type' && depth === 0 ? wrongType(unwrap(v)) : sampleOf(v, mode, depth + 1)
      return out
    }
    case 'array': {
      const max = maxOf(d)
      if (mode === 'too-many' && max !== null) return Array.from({ length: max + 1 }, () => sampleOf(d.element, 'missing', depth + 1))
      return [sampleOf(d.element, mode, depth + 1)]
    }
    case 'union':
      return sampleOf((d.options as unknown[])[0], mode, depth)
    case 'record':
      return { k: sampleOf(d.valueType, mode, depth + 1) }
    default:
      return leaf()
  }
}

/** one bad input of this kind for a call (or a wire body) taking `schema` */
export function badInput(schema: z.ZodType, mode: Mode): unknown {
  if (mode === 'not-an-object') return 'x'
  if (mode === 'missing') return unwrap(schema).type === 'object' ? {} : undefined
  return sampleOf(schema, mode, 0)
}

/** every path of field names in a schema (indices left out), for the labels check */
export function fieldPaths(schema: unknown, at: string[] = [], out: string[][] = [], seen = new Set<unknown>()): string[][] {
  if (seen.has(schema)) return out
  seen.add(schema)
  const d = unwrap(schema)
  if (d.type === 'object')
    for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) {
      out.push([...at, k])
      fieldPaths(v, [...at, k], out, seen)
    }
  if (d.type === 'array') fieldPaths(d.element, at, out, seen)
  if (d.type === 'union') for (const o of d.options as unknown[]) fieldPaths(o, at, out, seen)
  if (d.type === 'record') fieldPaths(d.valueType, at, out, seen)
  return out
}

/** two Latin words in a row: the shape of an English sentence ("Invalid input", "expected string") */
const LATIN_PHRASE = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/
const ZOD_WORDS = /\b(Invalid|Required|Expected|expected|received|Unrecognized|instanceof|undefined|NaN)\b/

/** a message a person sees: Chinese, no English sentence, none of zod's own words */
export function expectChinese(message: string, where: string): void {
  expect(message, where).toMatch(/[\u4e00-\u9fff]/)
  expect(message, where).not.toMatch(LATIN_PHRASE)
  expect(message, where).not.toMatch(ZOD_WORDS)
}
