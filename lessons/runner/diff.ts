/** A small line diff (longest common subsequence) whose notion of "same line" is the output comparer's. */
import type { LineComparer } from "./compare";

export function lineDiff(
  expected: string[],
  actual: string[],
  compareLine: LineComparer,
  isWildcard: (line: string) => boolean,
): string {
  const n = expected.length;
  const m = actual.length;
  const same = (i: number, j: number) => isWildcard(expected[i]) || compareLine(expected[i], actual[j]).ok;
  // lcs[i][j]: length of the longest common run of expected[i..] and actual[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    // Pair a removed line with the added line replacing it, to say which number drifted.
    removed.forEach((line, k) => {
      out.push(`- ${line}`);
      const note = added[k] !== undefined ? compareLine(line, added[k]).note : undefined;
      if (note) out.push(`  ^ ${note}`);
    });
    out.push(...added.map((line) => `+ ${line}`));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(i, j) && lcs[i][j] === lcs[i + 1][j + 1] + 1) {
      flush();
      out.push(`  ${isWildcard(expected[i]) ? actual[j] : expected[i]}`);
      // A wildcard line may absorb further printed lines.
      if (isWildcard(expected[i]) && lcs[i][j + 1] === lcs[i][j]) j++;
      else {
        i++;
        j++;
      }
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(actual[j++]);
    } else {
      if (!isWildcard(expected[i])) removed.push(expected[i]);
      i++;
    }
  }
  flush();
  return out.join("\n");
}
