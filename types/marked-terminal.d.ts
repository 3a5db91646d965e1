// @types/marked-terminal is broken against marked 15 (see spec/toolchain.md), so declare what we use.
declare module "marked-terminal" {
  import type { MarkedExtension } from "marked";
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): MarkedExtension;
  const TerminalRenderer: unknown;
  export default TerminalRenderer;
}
