const CHUNK_HEADER_BYTES = 8;

export interface IcnsChunk {
  /** Four-character OSType, e.g. 'ic10'. */
  type: string;
  png: Buffer;
}

/** Packs PNG images into an Apple .icns: a big-endian 'icns' header followed by typed chunks. */
export function packIcns(chunks: readonly IcnsChunk[]): Buffer {
  const parts = chunks.map(({ type, png }) => {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`Not an icns chunk type: ${JSON.stringify(type)}`);
    const header = Buffer.alloc(CHUNK_HEADER_BYTES);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(CHUNK_HEADER_BYTES + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(CHUNK_HEADER_BYTES);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(CHUNK_HEADER_BYTES + body.length, 4);
  return Buffer.concat([header, body]);
}
