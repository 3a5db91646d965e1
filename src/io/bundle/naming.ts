/** File names of a checkpoint with prefix `prefix` (TF's tensor_bundle naming). */

export function indexFileName(prefix: string): string {
  return `${prefix}.index`;
}

export function dataFileName(prefix: string, shard = 0, numShards = 1): string {
  const pad = (n: number) => String(n).padStart(5, "0");
  return `${prefix}.data-${pad(shard)}-of-${pad(numShards)}`;
}
