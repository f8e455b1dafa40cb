// Control characters in text (docs/domain-rules.md §1): NUL and the other C0/C1 controls print as
// nothing, cut strings short in other programs, and corrupt exports and the invoice XML. No field of
// the platform takes one. Tab and line breaks are text only in the fields that span lines.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/
const LINE_CONTROL = /[\t\n\r]/

/** fields whose text may span lines, by their last path segment: 备注, 处理意见, 说明 */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['remark', 'opinion', 'description'])

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** Why this text may not be stored, or null; `label` names the field. */
export function controlCharProblem(label: string, text: string, multiLine: boolean): string | null {
  const control = CONTROL.exec(text)
  if (control) return `${label}含有不可见的控制字符（${codePoint(control[0])}），请删除后重新输入`
  if (!multiLine) {
    const line = LINE_CONTROL.exec(text)
    if (line) return `${label}不能包含${line[0] === '\t' ? '制表符' : '换行'}，请改为一行`
  }
  return null
}

export interface ControlCharIssue {
  path: string
  message: string
}

/**
 * Every string in a value (a call's input, a request body) that holds a control character, with its
 * path; `labelOf` turns a path into the field's name for the message.
 */
export function controlCharIssues(value: unknown, labelOf: (path: readonly (string | number)[]) => string = (p) => `“${p.join('.')}”`): ControlCharIssue[] {
  const issues: ControlCharIssue[] = []
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      const problem = controlCharProblem(labelOf(path), v, MULTILINE_FIELDS.has(String(path.at(-1) ?? '')))
      if (problem) issues.push({ path: path.join('.'), message: problem })
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]))
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
  }
  walk(value, [])
  return issues
}
