import { describe, expect, it } from 'vitest';
import { encodeUploadMetadata, nextChunk, resumeKey, toHex } from './tus-metadata.js';

describe('the tus client’s pure parts', () => {
  it('encodes Upload-Metadata as "key base64(utf8)" pairs, Vietnamese file names included', () => {
    const header = encodeUploadMetadata({ filename: 'dữ liệu.csv', dataCategory: 'traffic' });
    const [first, second] = header.split(',');
    expect(first?.split(' ')[0]).toBe('filename');
    expect(Buffer.from(first?.split(' ')[1] ?? '', 'base64').toString('utf8')).toBe('dữ liệu.csv');
    expect(second).toBe(`dataCategory ${Buffer.from('traffic').toString('base64')}`);
  });

  it('remembers an upload per order and per file, so another file never resumes it', () => {
    const file = { name: 'a.csv', size: 10, lastModified: 1 };
    expect(resumeKey('o1', file)).not.toBe(resumeKey('o2', file));
    expect(resumeKey('o1', file)).not.toBe(resumeKey('o1', { ...file, size: 11 }));
  });

  it('cuts chunks that never run past the file', () => {
    expect(nextChunk(0, 10, 4)).toEqual({ start: 0, end: 4 });
    expect(nextChunk(8, 10, 4)).toEqual({ start: 8, end: 10 });
  });

  it('writes a digest as lower-case hex', () => {
    expect(toHex(new Uint8Array([0, 15, 255]).buffer)).toBe('000fff');
  });
});
