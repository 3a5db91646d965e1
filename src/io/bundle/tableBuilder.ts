/**
 * Writes a whole LevelDB-style table in memory, byte for byte as TF's `table::TableBuilder` does
 * with the options the bundle writer uses (no compression): data blocks flushed when they reach
 * `blockSize`, an empty metaindex block, an index block with one entry per data block, a footer.
 */
import { maskCrc, crc32c } from "../crc32c";
import { BlockBuilder } from "./blockBuilder";
import { ByteSink } from "./byteSink";
import {
  BlockHandle,
  DEFAULT_BLOCK_SIZE,
  DEFAULT_RESTART_INTERVAL,
  FOOTER_SIZE,
  MAGIC_HI,
  MAGIC_LO,
  NO_COMPRESSION,
  compareBytes,
  shortSuccessor,
  shortestSeparator,
} from "./tableFormat";

export interface TableOptions {
  blockSize?: number;
  blockRestartInterval?: number;
}

const TRAILER_TYPE = new Uint8Array([NO_COMPRESSION]);

export class TableBuilder {
  private readonly out = new ByteSink(4096);
  private readonly blockSize: number;
  private readonly dataBlock: BlockBuilder;
  // Index entries use a restart point each, so every separator key is stored whole.
  private readonly indexBlock = new BlockBuilder(1);
  private lastKey: Uint8Array | null = null;
  /** Handle of the last flushed data block, whose index entry waits for the next key (to pick a short separator). */
  private pendingHandle: BlockHandle | null = null;
  private finished = false;

  constructor(options: TableOptions = {}) {
    this.blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
    this.dataBlock = new BlockBuilder(options.blockRestartInterval ?? DEFAULT_RESTART_INTERVAL);
  }

  /** Add an entry; keys must be strictly increasing in byte order. */
  add(key: Uint8Array, value: Uint8Array): void {
    if (this.finished) throw new Error("TableBuilder: add() after finish()");
    if (this.lastKey !== null) {
      if (compareBytes(key, this.lastKey) <= 0)
        throw new Error("TableBuilder: keys must be added in strictly increasing order");
      // An entry at least twice the block size gets a block of its own.
      if (key.length + value.length >= 2 * this.blockSize) this.flush();
    }
    if (this.pendingHandle) {
      this.addIndexEntry(shortestSeparator(this.lastKey!, key), this.pendingHandle);
      this.pendingHandle = null;
    }
    this.lastKey = key;
    this.dataBlock.add(key, value);
    if (this.dataBlock.currentSizeEstimate() >= this.blockSize) this.flush();
  }

  /** Finish the table and return its bytes. */
  finish(): Uint8Array {
    this.flush();
    this.finished = true;
    const metaindex = this.writeBlock(new BlockBuilder(DEFAULT_RESTART_INTERVAL).finish());
    if (this.pendingHandle) {
      this.addIndexEntry(shortSuccessor(this.lastKey!), this.pendingHandle);
      this.pendingHandle = null;
    }
    const index = this.writeBlock(this.indexBlock.finish());
    const footerStart = this.out.length;
    this.out.varint(metaindex.offset).varint(metaindex.size).varint(index.offset).varint(index.size);
    while (this.out.length < footerStart + FOOTER_SIZE - 8) this.out.byte(0);
    this.out.fixed32(MAGIC_LO).fixed32(MAGIC_HI);
    return this.out.view().slice();
  }

  private flush(): void {
    if (this.dataBlock.empty) return;
    this.pendingHandle = this.writeBlock(this.dataBlock.finish());
  }

  private addIndexEntry(key: Uint8Array, handle: BlockHandle): void {
    this.indexBlock.add(key, new ByteSink(20).varint(handle.offset).varint(handle.size).view());
  }

  /** Append a block and its trailer (type byte + masked CRC of block and type). */
  private writeBlock(block: Uint8Array): BlockHandle {
    const handle = { offset: this.out.length, size: block.length };
    const crc = crc32c(TRAILER_TYPE, crc32c(block));
    this.out.bytes(block).bytes(TRAILER_TYPE).fixed32(maskCrc(crc));
    return handle;
  }
}
