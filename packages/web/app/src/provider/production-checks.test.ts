import { describe, expect, it } from 'vitest';
import { checkProduction } from './production-checks.js';

const limit = 4 * 1024 ** 3;

/** A file that claims a size without holding the bytes: only the size matters here. */
const sized = (size: number): File => {
  const file = new File(['x'], 'production.bin');
  Object.defineProperty(file, 'size', { value: size });
  return file;
};

describe('checking a production before it is hashed', () => {
  it('takes a file up to the limit the node published, and refuses one byte more', () => {
    expect(checkProduction(sized(limit), 'traffic', limit)).toEqual({});
    expect(checkProduction(sized(limit + 1), 'traffic', limit)).toEqual({ file: 'validation.fileTooLarge' });
  });

  it('follows the node\u2019s own limit, however small its operator set it', () => {
    expect(checkProduction(sized(4097), 'content', 4096)).toEqual({ file: 'validation.fileTooLarge' });
    expect(checkProduction(sized(4096), 'content', 4096)).toEqual({});
  });

  it('names a missing or empty file and a missing data category', () => {
    expect(checkProduction(null, '', limit)).toEqual({
      file: 'validation.required',
      dataCategory: 'validation.required',
    });
    expect(checkProduction(sized(0), 'subscriber', limit)).toEqual({ file: 'validation.fileEmpty' });
    expect(checkProduction(sized(10), 'everything', limit)).toEqual({ dataCategory: 'validation.required' });
  });
});
