// 特定业务 in the 数电 XML: SpecificInformation holds one element per 特定业务 row, named for its
// kind, each field an element of its own. 旅客运输服务's names are those of public 数电 files
// (PassengerTransportation: Departure, Destination, Traveler, ValidIDNumber, TravelDate, Grade,
// TypeOfPassengerDocument, Vehicletype); the other kinds' are (assumed) in the same style — the
// bureau's schema is not public (src/documents/xsd/EInvoice.xsd says which).
import { specialKindSpec, SPECIAL_KINDS, type SpecialBusiness, type SpecialKind } from '../../shared/domain/specialBusiness'

interface KindXml {
  element: string
  /** field key → element name, in the order the elements are written */
  fields: Readonly<Record<string, string>>
}

export const SPECIAL_XML: Readonly<Record<SpecialKind, KindXml>> = {
  建筑服务: {
    element: 'ConstructionServices',
    fields: {
      site: 'ConstructionSite',
      siteAddress: 'ConstructionSiteAddress',
      projectName: 'ConstructionProjectName',
      landVatProjectNo: 'LandVATProjectNumber',
      crossCity: 'CrossCityMark',
      crossRegionNo: 'CrossRegionalTaxMatterNumber',
    },
  },
  货物运输服务: {
    element: 'GoodsTransportation',
    fields: { from: 'Departure', to: 'Destination', vehicleType: 'TransportType', vehicleNo: 'LicensePlateNumber', goods: 'GoodsName' },
  },
  不动产销售: {
    element: 'RealEstateSales',
    fields: {
      certificateNo: 'PropertyCertificateNumber',
      address: 'RealEstateAddress',
      detailAddress: 'RealEstateDetailAddress',
      unitCode: 'RealEstateUnitCode',
      landVatProjectNo: 'LandVATProjectNumber',
      assessedPrice: 'AssessedTaxablePrice',
      dealAmount: 'ActualTransactionAmount',
      crossCity: 'CrossCityMark',
      areaUnit: 'AreaUnit',
    },
  },
  不动产经营租赁服务: {
    element: 'RealEstateLeasing',
    fields: {
      certificateNo: 'PropertyCertificateNumber',
      address: 'RealEstateAddress',
      detailAddress: 'RealEstateDetailAddress',
      leaseStart: 'LeaseStartDate',
      leaseEnd: 'LeaseEndDate',
      crossCity: 'CrossCityMark',
      areaUnit: 'AreaUnit',
      plateNo: 'LicensePlateNumber',
    },
  },
  旅客运输服务: {
    element: 'PassengerTransportation',
    fields: {
      from: 'Departure',
      to: 'Destination',
      traveller: 'Traveler',
      idNumber: 'ValidIDNumber',
      date: 'TravelDate',
      class: 'Grade',
      idType: 'TypeOfPassengerDocument',
      vehicle: 'Vehicletype',
    },
  },
}

/** Header/UndefinedLabel/Label of a 特定业务 invoice: its 特定要素类型代码 and name (LabelType assumed) */
export const SPECIAL_LABEL_TYPE = '特定要素类型'

/** what the XML says of a 特定业务: its kind and, per row, the fields that are filled (trimmed) */
export interface XmlSpecial {
  kind: SpecialKind
  code: string
  rows: Record<string, string>[]
}

export function xmlSpecialOf(sb: SpecialBusiness | null | undefined): XmlSpecial | null {
  if (!sb) return null
  const spec = specialKindSpec(sb.kind)
  const keys = Object.keys(SPECIAL_XML[sb.kind].fields)
  return {
    kind: sb.kind,
    code: spec.code,
    rows: sb.rows.map((row) => Object.fromEntries(keys.map((k) => [k, (row[k] ?? '').trim()]).filter(([, v]) => v !== ''))),
  }
}

/** the kind whose element SpecificInformation holds, by element name */
export function kindOfElement(name: string): SpecialKind | undefined {
  return SPECIAL_KINDS.find((k) => SPECIAL_XML[k.kind].element === name)?.kind
}
