// 纳税人识别号 and 身份证号 checks (DOMAIN.md §1).

// GB 32100-2015 统一社会信用代码: 18 characters, the last a check character.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

// GB 11643-1999 公民身份号码: 18 characters, mod 11-2 check.
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CARD_CHECK = '10X98765432'

/** The check character a 17-character USCC body should end with, or null if the body is malformed. */
export function usccCheckChar(body17: string): string | null {
  if (body17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(body17[i]!)
    if (v < 0) return null
    sum += v * USCC_WEIGHTS[i]!
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  return usccCheckChar(code.slice(0, 17)) === code[17]
}

export function idCardCheckChar(body17: string): string | null {
  if (!/^\d{17}$/.test(body17)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * ID_CARD_WEIGHTS[i]!
  return ID_CARD_CHECK[sum % 11]!
}

export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  if (month < 1 || month > 12 || day < 1 || day > 31) return false
  return idCardCheckChar(id.slice(0, 17)) === id[17]
}

/**
 * Checks a 纳税人识别号 as entered for a seller or an enterprise buyer.
 * Returns null when acceptable, else a Chinese reason to put after the field's name.
 * 18 characters: the USCC check digit applies. 15, 17 or 20 characters of [0-9A-Z]: legacy IDs,
 * accepted without a checksum.
 */
export function taxIdProblem(id: string, opts: { allowLegacy: boolean } = { allowLegacy: true }): string | null {
  if (id === '') return '不能为空'
  if (!/^[0-9A-Z]+$/.test(id)) return '只能包含数字和大写字母'
  if (id.length === 18) {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(id)) return '不能包含字母 I、O、S、V、Z'
    const expected = usccCheckChar(id.slice(0, 17))
    return expected === id[17] ? null : `校验位不正确（按前 17 位计算，第 18 位校验码应为 ${expected}），请核对`
  }
  if (opts.allowLegacy && (id.length === 15 || id.length === 17 || id.length === 20)) return null
  return opts.allowLegacy ? `长度应为 18 位统一社会信用代码，或 15、17、20 位纳税人识别号（现为 ${id.length} 位）` : `应为 18 位统一社会信用代码（现为 ${id.length} 位）`
}

export function idCardProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '居民身份证号码应为 18 位：17 位数字加 1 位数字或 X'
  if (!isValidIdCard(id)) {
    const month = Number(id.slice(10, 12))
    const day = Number(id.slice(12, 14))
    if (month < 1 || month > 12 || day < 1 || day > 31) return '居民身份证号码中的出生日期不正确'
    return `居民身份证号码校验位不正确（第 18 位应为 ${idCardCheckChar(id.slice(0, 17))}），请核对`
  }
  return null
}
