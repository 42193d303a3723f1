/** A strict PNG reader for the distribution tests: signature, chunk CRCs, IHDR, IDAT size, IEND. */
import { readFileSync } from 'node:fs';
import { crc32, inflateSync } from 'node:zlib';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
/** Samples per pixel of each colour type (greyscale, RGB, palette, grey+alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Read a PNG file and check it the way a decoder would; throws naming the first problem. */
export function readPng(file: string): PngInfo {
  const buf = readFileSync(file);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${file}: not a PNG signature`);
  let offset = 8;
  let info: PngInfo | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < buf.length) {
    if (offset + 12 > buf.length) throw new Error(`${file}: truncated chunk at ${offset}`);
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    const crc = buf.readUInt32BE(offset + 8 + length);
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) >>> 0 !== crc)
      throw new Error(`${file}: bad CRC in ${type}`);
    if (offset === 8 && type !== 'IHDR') throw new Error(`${file}: IHDR is not the first chunk`);
    if (type === 'IHDR') {
      info = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] ?? 0,
        colorType: data[9] ?? 0,
      };
      if (data[12] !== 0) throw new Error(`${file}: interlaced images are not checked`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      offset += 12 + length;
      break;
    }
    offset += 12 + length;
  }
  if (!info) throw new Error(`${file}: no IHDR`);
  if (!ended || offset !== buf.length) throw new Error(`${file}: IEND missing or not last`);
  const channels = CHANNELS[info.colorType];
  if (!channels) throw new Error(`${file}: unknown colour type ${info.colorType}`);
  const rowBytes = Math.ceil((info.width * channels * info.bitDepth) / 8);
  const pixels = inflateSync(Buffer.concat(idat));
  if (pixels.length !== info.height * (1 + rowBytes))
    throw new Error(
      `${file}: image data has ${pixels.length} bytes, expected ${info.height * (1 + rowBytes)}`,
    );
  for (let y = 0; y < info.height; y++) {
    const filter = pixels[y * (1 + rowBytes)] ?? 255;
    if (filter > 4) throw new Error(`${file}: bad filter ${filter} on row ${y}`);
  }
  return info;
}
