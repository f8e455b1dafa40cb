// One CLI command: its declaration (src/shared/cli.ts) and what it runs against the core. `command`
// types a run by the options the command declares (the parser guarantees exactly those).
import type { Core } from '../core/app'
import type { CliCommandSpec, CliOption, CliOptions, CliRawValues, CliValues } from '../../shared/cli'

export interface Command extends CliCommandSpec {
  run(core: Core, args: string[], options: CliRawValues): Promise<unknown>
}

/** A command whose run sees exactly the options it declares, typed (the parser guarantees them). */
export function command<const O extends CliOptions = Record<never, CliOption>>(
  c: CliCommandSpec & { options?: O; run(core: Core, args: string[], o: CliValues<O>): Promise<unknown> },
): Command {
  return c as unknown as Command
}
