import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { crc32 } from 'node:zlib';
import { SERVER_DEVICE } from './doc-log-store.ts';

/** One edit as the journal keeps it until it is in the database. */
export interface JournalEntry {
  id: number;
  docKey: string;
  author: string;
  device: string;
  at: number;
  data: Uint8Array;
}

/**
 * Length and checksum of the body, then the body: id, at, the key, the author, the device and
 * the update, each string after its u16 length. Records written before devices were recorded
 * have no device string; the top bit of the author's length says one follows, so a journal a
 * crash left behind an upgrade still reads (its edits get SERVER_DEVICE, as old rows do).
 */
const HEADER_BYTES = 8;
const MAX_STRING_BYTES = 0xffff;
/** Author and device lengths stay below the flag bit. */
const MAX_NAME_BYTES = 0x7fff;
const WITH_DEVICE = 0x8000;

/**
 * An append-only file of edits, written with one `write` each before the edit is shared. It is
 * what makes an edit durable the moment it arrives, so SQLite can take edits in batches, off
 * the path between one partner's keystroke and the other's screen.
 *
 * The file only ever holds edits the database may not have yet: the log truncates it once
 * everything in it is committed. A `write` to a regular file is in the kernel's page cache when
 * it returns, so it survives the process being killed, as a WAL commit with
 * `synchronous = NORMAL` does (with `SQLITE_SYNC=full`, each write also waits for the disk).
 * A record cut short (the process killed in the middle of a large write, or a power loss)
 * fails its checksum; it and anything after it are ignored. Such an edit was never shared:
 * its write had not returned.
 */
export class EditJournal {
  private readonly fd: number;
  private bytes: number;
  private broken = false;

  /** `syncEachWrite` waits for the disk on every append, so an edit also survives a power loss. */
  constructor(
    readonly path: string,
    private readonly syncEachWrite = false,
  ) {
    this.fd = openSync(path, 'a+', 0o600);
    this.bytes = fstatSync(this.fd).size;
  }

  /** Bytes in the file: records not yet truncated away. */
  get size(): number {
    return this.bytes;
  }

  /** Writes one entry; when this returns, the entry survives a crash of this process. */
  append(entry: JournalEntry): void {
    if (this.broken) throw new Error('edit journal: unusable since a write failed');
    const record = encodeRecord(entry);
    try {
      // A short write (a full disk) would leave a damaged record, and the whole records after
      // it would never be read back: cut it off, and the edit is not shared.
      if (writeSync(this.fd, record) !== record.byteLength) throw new Error('edit journal: short write');
      if (this.syncEachWrite) fdatasyncSync(this.fd);
    } catch (error) {
      this.rollBack();
      throw error;
    }
    this.bytes += record.byteLength;
  }

  /** Cuts the file back to its last whole record; if even that fails, refuses every append. */
  private rollBack() {
    try {
      ftruncateSync(this.fd, this.bytes);
    } catch {
      this.broken = true;
    }
  }

  /** Every whole record in the file, oldest first, up to the first damaged one. */
  read(): JournalEntry[] {
    return readJournal(this.path);
  }

  /** Empties the file. Only once every entry in it is committed to the database. */
  clear(): void {
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The journal beside a database file: `twofold.sqlite` keeps its edits in `twofold.sqlite.edits`. */
export function editJournalPath(dbPath: string): string {
  return `${dbPath}.edits`;
}

/** Reads the journal at `path` without opening it for writing (backups). */
export function readJournal(path: string): JournalEntry[] {
  try {
    return decodeRecords(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function encodeRecord(entry: JournalEntry): Buffer {
  const docKey = Buffer.from(entry.docKey, 'utf8');
  const author = Buffer.from(entry.author, 'utf8');
  const device = Buffer.from(entry.device, 'utf8');
  if (
    docKey.byteLength > MAX_STRING_BYTES ||
    author.byteLength > MAX_NAME_BYTES ||
    device.byteLength > MAX_NAME_BYTES
  ) {
    throw new Error('edit journal: key, author or device too long');
  }
  const bodyBytes =
    8 + 8 + 2 + docKey.byteLength + 2 + author.byteLength + 2 + device.byteLength + entry.data.byteLength;
  const record = Buffer.allocUnsafe(HEADER_BYTES + bodyBytes);
  let at = HEADER_BYTES;
  at = record.writeDoubleLE(entry.id, at);
  at = record.writeDoubleLE(entry.at, at);
  at = record.writeUInt16LE(docKey.byteLength, at);
  at += docKey.copy(record, at);
  at = record.writeUInt16LE(author.byteLength | WITH_DEVICE, at);
  at += author.copy(record, at);
  at = record.writeUInt16LE(device.byteLength, at);
  at += device.copy(record, at);
  record.set(entry.data, at);
  record.writeUInt32LE(bodyBytes, 0);
  record.writeUInt32LE(crc32(record.subarray(HEADER_BYTES)), 4);
  return record;
}

function decodeRecords(file: Buffer): JournalEntry[] {
  const entries: JournalEntry[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= file.byteLength) {
    const bodyBytes = file.readUInt32LE(offset);
    const end = offset + HEADER_BYTES + bodyBytes;
    if (bodyBytes < 20 || end > file.byteLength) break;
    const body = file.subarray(offset + HEADER_BYTES, end);
    if (crc32(body) !== file.readUInt32LE(offset + 4)) break;
    let at = 16;
    const keyBytes = body.readUInt16LE(at);
    if (at + 2 + keyBytes > body.byteLength) break;
    const docKey = body.toString('utf8', at + 2, at + 2 + keyBytes);
    at += 2 + keyBytes;
    if (at + 2 > body.byteLength) break;
    const authorField = body.readUInt16LE(at);
    const authorBytes = authorField & ~WITH_DEVICE;
    if (at + 2 + authorBytes > body.byteLength) break;
    const author = body.toString('utf8', at + 2, at + 2 + authorBytes);
    at += 2 + authorBytes;
    let device = SERVER_DEVICE;
    if (authorField & WITH_DEVICE) {
      if (at + 2 > body.byteLength) break;
      const deviceBytes = body.readUInt16LE(at);
      if (at + 2 + deviceBytes > body.byteLength) break;
      device = body.toString('utf8', at + 2, at + 2 + deviceBytes);
      at += 2 + deviceBytes;
    }
    entries.push({
      id: body.readDoubleLE(0),
      at: body.readDoubleLE(8),
      docKey,
      author,
      device,
      data: new Uint8Array(body.subarray(at)),
    });
    offset = end;
  }
  return entries;
}
