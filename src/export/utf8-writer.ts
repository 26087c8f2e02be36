// Text given as UTF-8 in pieces, straight from the parts it is made of: for the longest export,
// the FHIR bundle of years of scores (see fhir.ts).
/** Takes each piece of a text as UTF-8, and must be done with it when it returns (see Utf8Writer). */
export type Sink = (piece: Uint8Array) => void;
/** A text given to a sink in pieces. */
export type ByteSource = (sink: Sink) => void;

/**
 * Text turned into UTF-8 as it is added, straight into one buffer of about a megabyte that is
 * given to `sink` whenever it is full, and then used again. Years of scores make a FHIR bundle of
 * tens of megabytes whose lines differ in a few values only: its shared parts can be encoded once
 * and copied as bytes, and no string of the whole, nor a new buffer for each piece, is ever made.
 */
export class Utf8Writer {
  private readonly chunk: Buffer;
  private used = 0;

  constructor(
    private readonly sink: Sink,
    size = 1 << 20,
  ) {
    this.chunk = Buffer.allocUnsafe(size);
  }

  text(text: string): void {
    // A UTF-16 unit is at most three bytes of UTF-8.
    if (this.room(text.length * 3)) this.used += this.chunk.write(text, this.used);
    else this.sink(Buffer.from(text));
  }

  bytes(bytes: Uint8Array): void {
    if (this.room(bytes.length)) {
      this.chunk.set(bytes, this.used);
      this.used += bytes.length;
    } else {
      this.sink(bytes);
    }
  }

  /** Gives on what is left: call it once all is added. */
  end(): void {
    if (this.used === 0) return;
    this.sink(this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  /** Makes room for `size` bytes, giving on the full buffer first when needed; false when even an empty one cannot hold them. */
  private room(size: number): boolean {
    if (this.used + size <= this.chunk.length) return true;
    this.end();
    return size <= this.chunk.length;
  }
}
