/**
 * The learner's answers at the prompt between cells: Enter (next), r (run the cell again), q (quit).
 * On a real terminal keys arrive one by one in raw mode; a stream without raw mode (a pipe, a test's
 * fake stdin) is read line by line, so "r⏎" means "run again" rather than "run again, then next".
 */

export type Key = "next" | "again" | "quit";

export interface KeySource {
  next(): Promise<Key>;
  close(): void;
}

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export function keysFrom(input: Input): KeySource {
  const raw = Boolean(input.isTTY && typeof input.setRawMode === "function");
  const pending: Key[] = [];
  let buffered = "";
  let ended = false;
  let waiter: ((key: Key) => void) | undefined;

  const deliver = () => {
    if (!waiter) return;
    const key = pending.shift() ?? (ended ? "quit" : undefined);
    if (!key) return;
    const resolve = waiter;
    waiter = undefined;
    stop();
    resolve(key);
  };
  const onData = (chunk: Buffer | string) => {
    buffered += chunk.toString();
    if (raw) {
      for (const ch of buffered.replace(/\r\n/g, "\r")) {
        const key = keyForChar(ch);
        if (key) pending.push(key);
      }
      buffered = "";
    } else {
      let nl: number;
      while ((nl = buffered.indexOf("\n")) !== -1) {
        const key = keyForLine(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (key) pending.push(key);
      }
    }
    deliver();
  };
  const onEnd = () => {
    ended = true;
    deliver();
  };
  const start = () => {
    if ((input as { readableEnded?: boolean }).readableEnded) ended = true;
    if (raw) input.setRawMode!(true);
    input.on("data", onData);
    input.on("end", onEnd);
    input.resume();
  };
  const stop = () => {
    input.off("data", onData);
    input.off("end", onEnd);
    if (raw) input.setRawMode!(false);
    input.pause();
  };

  return {
    next: () =>
      new Promise<Key>((resolve) => {
        waiter = resolve;
        start();
        deliver();
      }),
    close: () => {
      if (waiter) stop();
      waiter = undefined;
    },
  };
}

function keyForChar(ch: string): Key | undefined {
  if (ch === "\r" || ch === "\n" || ch === " ") return "next";
  if (ch === "r" || ch === "R") return "again";
  // Ctrl-C and Ctrl-D arrive as characters in raw mode.
  if (ch === "q" || ch === "Q" || ch === "\u0003" || ch === "\u0004") return "quit";
  return undefined;
}

function keyForLine(line: string): Key | undefined {
  const word = line.trim().toLowerCase();
  if (word === "") return "next";
  if (word === "r") return "again";
  if (word === "q") return "quit";
  return undefined;
}
