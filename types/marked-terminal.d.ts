// @types/marked-terminal is broken against marked 15 (it depends on marked <12 and fails with TS2559), so
// declare what we use.
declare module "marked-terminal" {
  import type { MarkedExtension } from "marked";
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): MarkedExtension;
  const TerminalRenderer: unknown;
  export default TerminalRenderer;
}
