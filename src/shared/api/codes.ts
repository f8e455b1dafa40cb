// The code lists the forms choose from (issue 13): the 行政区划 names that 特定业务's 发生地 and
// 不动产地址 must be one of (“省市县”, e.g. 河北省保定市阜平县), from the public division codes the
// app ships in resources/.
import { z } from 'zod'
import { call } from './define'

export const codesApi = {
  /** every county-level 行政区划 name, in the list's order */
  'codes.regions': call(z.object({})).returns<string[]>(),
}
