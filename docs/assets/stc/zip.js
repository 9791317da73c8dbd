/* Zip files made and read in the browser, for the packages a teacher downloads: an LMS
   package made from the site's package of every exercise, and the Common Cartridge.
   Entries are deflated with the browser's CompressionStream (stored when it has none);
   reading takes stored and deflated entries, which is what the site's own zips hold. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function through(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const canDeflate = () => typeof CompressionStream === "function";

/** A zip of `files` ([name, Uint8Array | string] pairs) as a Uint8Array. */
export async function makeZip(files) {
  const encoder = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === "string" ? encoder.encode(content) : content;
    const nameBytes = encoder.encode(name);
    const deflate = canDeflate() && data.length > 0;
    const body = deflate ? await through(data, new CompressionStream("deflate-raw")) : data;
    const crc = crc32(data);
    const header = (signature, extra) => {
      const size = signature === 0x04034b50 ? 30 : 46;
      const view = new DataView(new ArrayBuffer(size));
      view.setUint32(0, signature, true);
      let at = 4;
      if (signature === 0x02014b50) {
        view.setUint16(at, 20, true); // made by: version 2.0
        at += 2;
      }
      view.setUint16(at, 20, true); // version needed: 2.0
      view.setUint16(at + 2, 0x0800, true); // names are UTF-8
      view.setUint16(at + 4, deflate ? 8 : 0, true);
      view.setUint16(at + 6, 0, true); // time
      view.setUint16(at + 8, (40 << 9) | (1 << 5) | 1, true); // 1 January 2020
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, body.length, true);
      view.setUint32(at + 18, data.length, true);
      view.setUint16(at + 22, nameBytes.length, true);
      if (extra) extra(view, at + 26);
      return new Uint8Array(view.buffer);
    };
    const local = header(0x04034b50);
    parts.push(local, nameBytes, body);
    central.push(
      header(0x02014b50, (view, at) => view.setUint32(at + 10, offset, true)),
      nameBytes,
    );
    offset += local.length + nameBytes.length + body.length;
  }
  const size = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(await new Blob([...parts, ...central, new Uint8Array(end.buffer)]).arrayBuffer());
}

/** The entries of a zip as [name, Uint8Array] pairs, in the order of its directory. */
export async function readZip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("damaged zip directory");
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const body = bytes.subarray(start, start + packed);
    if (method !== 0 && method !== 8) throw new Error(`${name}: packed in a way this page cannot read`);
    entries.push([name, method === 8 ? await through(body, new DecompressionStream("deflate-raw")) : body.slice()]);
    at += 46 + skip;
  }
  return entries;
}
