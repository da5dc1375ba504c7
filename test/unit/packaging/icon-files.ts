/**
 * Independent readers for the committed icon files, so the packaging tests do
 * not trust the generator's own code to check its output.
 */
const PNG_SIGNATURE = '89504e470d0a1a0a';

export interface PngInfo {
  width: number;
  height: number;
  /** 6 = truecolour with alpha. */
  colourType: number;
}

export function readPngInfo(data: Buffer): PngInfo {
  if (data.subarray(0, 8).toString('hex') !== PNG_SIGNATURE) throw new Error('not a PNG');
  if (data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data.readUInt8(25) };
}

export interface IcoEntry {
  width: number;
  height: number;
  image: Buffer;
}

export function readIcoEntries(data: Buffer): IcoEntry[] {
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + index * 16;
    const size = data.readUInt32LE(entry + 8);
    const offset = data.readUInt32LE(entry + 12);
    if (offset + size > data.length) throw new Error(`.ico entry ${index} runs past the end of the file`);
    return {
      width: data.readUInt8(entry) || 256,
      height: data.readUInt8(entry + 1) || 256,
      image: data.subarray(offset, offset + size),
    };
  });
}

export interface IcnsChunkInfo {
  type: string;
  image: Buffer;
}

export function readIcnsChunks(data: Buffer): IcnsChunkInfo[] {
  if (data.toString('latin1', 0, 4) !== 'icns') throw new Error('not an .icns file');
  if (data.readUInt32BE(4) !== data.length) throw new Error('.icns length header does not match the file');
  const chunks: IcnsChunkInfo[] = [];
  let offset = 8;
  while (offset < data.length) {
    const length = data.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > data.length) throw new Error(`bad .icns chunk at ${offset}`);
    chunks.push({
      type: data.toString('latin1', offset, offset + 4),
      image: data.subarray(offset + 8, offset + length),
    });
    offset += length;
  }
  return chunks;
}
