// The rate rules on the issuing screen: the company's 纳税人类型 and granted rates (the platform's,
// once read) and the rows of the tax-code table the draft uses, so each line is told at once which
// rates it may take and why one is refused — the same rules (shared/domain/rateRules) 开票 applies.
import { computed, reactive } from 'vue'
import type { TaxCode } from '../../../../shared/api/taxcodes'
import type { DraftLine, InvoiceKind, QualificationContext } from '../../../../shared/domain/invoice'
import { allowedRates, type CodeRates } from '../../../../shared/domain/rateRules'
import type { RateLabel } from '../../../../shared/domain/rates'
import { RATES_BY_TYPE } from '../../../../shared/domain/taxpayerType'
import { shanghaiDate } from '../../../../shared/domain/time'
import { api } from '../../api'
import { useCompanyStore } from '../../stores/company'

export function useQualification() {
  const company = useCompanyStore()
  /** code → its row; null when the table lacks it */
  const codes = reactive<Record<string, CodeRates | null>>({})

  const context = computed<QualificationContext | undefined>(() => {
    const c = company.current
    if (!c) return undefined
    return {
      seller: { type: c.taxpayerType, rates: c.platformRates ?? RATES_BY_TYPE[c.taxpayerType] },
      taxCode: (code) => codes[code] ?? null,
      today: shanghaiDate(new Date()),
    }
  })

  /** the row of a code just chosen (its rates came with it) */
  function know(code: TaxCode | CodeRates): void {
    codes[code.code] = { code: code.code, name: code.name, rates: code.rates, specialManagement: code.specialManagement }
  }

  /** reads the rows of codes the screen has not seen (a draft opened, lines inserted from items) */
  async function learn(lines: readonly DraftLine[]): Promise<void> {
    const unknown = [...new Set(lines.map((l) => l.taxCode.trim()))].filter((c) => /^\d{19}$/.test(c) && !(c in codes))
    await Promise.all(
      unknown.map((code) =>
        api.taxcodes.get({ code }).then(
          (tc) => know(tc),
          // gone from the table: the leaf check at 开票 says so
          () => (codes[code] = null),
        ),
      ),
    )
  }

  /** what the line's 税率 cell offers; null while the company is not known */
  function ratesFor(kind: InvoiceKind, line: DraftLine): RateLabel[] | null {
    const q = context.value
    if (!q) return null
    const taxCode = line.taxCode.trim()
    return allowedRates({ kind, seller: q.seller, taxCode, code: q.taxCode(taxCode), today: q.today })
  }

  return { codes, context, know, learn, ratesFor }
}
