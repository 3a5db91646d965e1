import { OpError } from "../base/errors";

/** Tags an op error with the node it happened at, as TF prints it (`[[{{node name}}]]`); the first tag wins. */
export function withNode(e: unknown, nodeName: string): unknown {
  if (e instanceof OpError && !e.message.includes("[[{{node")) {
    e.message += `\n\t [[{{node ${nodeName}}}]]`;
    Object.defineProperty(e, "nodeName", { value: e.nodeName ?? nodeName });
  }
  return e;
}
