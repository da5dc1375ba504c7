import { readPngSize } from './png-size';

const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;

/**
 * Packs PNG images into a Windows .ico. Every entry stays PNG-compressed, which
 * Windows has read since Vista and which keeps the 256 px entry small.
 */
export function packIco(pngs: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);

  let offset = HEADER_BYTES + ENTRY_BYTES * pngs.length;
  const entries = pngs.map((png) => {
    const { width, height } = readPngSize(png);
    if (width > 256 || height > 256) throw new Error(`An .ico entry may be at most 256 px, got ${width}`);
    const entry = Buffer.alloc(ENTRY_BYTES);
    // 0 stands for 256 in the one-byte width and height fields.
    entry.writeUInt8(width % 256, 0);
    entry.writeUInt8(height % 256, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs]);
}
