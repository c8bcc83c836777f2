// The userland punycode package (RFC 3492, works in browsers too); node's built-in module of the same name is
// deprecated, so core imports the package's file by its path, which has no types of its own.
declare module 'punycode/punycode.js' {
  interface Punycode {
    toUnicode(domain: string): string;
    toASCII(domain: string): string;
  }
  const punycode: Punycode;
  export = punycode;
}
