// The buyer's 纳税人识别号 as the field is left (issue 10 §5): the shared validator's verdict, worded
// as 开票 words it (src/shared/domain/invoice/validate.ts), so a wrong check digit is seen at once.
// Empty is not judged here: whether it may be empty depends on the 票种, which 开票 checks.
import { idCardProblem, taxIdProblem } from '../../../../shared/domain/taxpayerId'

export function buyerTaxIdProblem(type: '企业' | '自然人', typed: string): string | null {
  const id = typed.trim()
  if (id === '') return null
  if (type === '企业') {
    const problem = taxIdProblem(id)
    return problem ? `购买方纳税人识别号${problem}` : null
  }
  // a person's 识别号 is a 身份证号 or a 统一社会信用代码
  return taxIdProblem(id) === null || idCardProblem(id) === null ? null : '自然人的纳税人识别号应为身份证号码或统一社会信用代码，请核对'
}
