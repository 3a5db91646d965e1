/**
 * One block of a LevelDB-style table (`BlockBuilder`, tensorflow/core/lib/io/block_builder.cc):
 * prefix-compressed entries, then the restart offsets and their count. A restart point (an entry stored with
 * its full key) every `restartInterval` entries lets readers binary-search a block.
 */
import { ByteSink } from "./byteSink";

export class BlockBuilder {
  private readonly sink = new ByteSink();
  private restarts: number[] = [0];
  private counter = 0;
  private lastKey: Uint8Array = new Uint8Array(0);

  constructor(readonly restartInterval = 16) {}

  get empty(): boolean {
    return this.sink.length === 0;
  }

  /** Size of the finished block if it were finished now (entries + restart array + count). */
  currentSizeEstimate(): number {
    return this.sink.length + this.restarts.length * 4 + 4;
  }

  add(key: Uint8Array, value: Uint8Array): void {
    let shared = 0;
    if (this.counter < this.restartInterval) {
      const limit = Math.min(this.lastKey.length, key.length);
      while (shared < limit && this.lastKey[shared] === key[shared]) shared++;
    } else {
      this.restarts.push(this.sink.length);
      this.counter = 0;
    }
    this.sink
      .varint(shared)
      .varint(key.length - shared)
      .varint(value.length)
      .bytes(key.subarray(shared))
      .bytes(value);
    this.lastKey = key;
    this.counter++;
  }

  /** The finished block (a copy), after which the builder is reset for the next block. */
  finish(): Uint8Array {
    for (const r of this.restarts) this.sink.fixed32(r);
    this.sink.fixed32(this.restarts.length);
    const block = this.sink.view().slice();
    this.reset();
    return block;
  }

  reset(): void {
    this.sink.reset();
    this.restarts = [0];
    this.counter = 0;
    this.lastKey = new Uint8Array(0);
  }
}
