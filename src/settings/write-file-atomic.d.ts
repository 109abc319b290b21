// write-file-atomic ships no types; this declares the part we use.
declare module "write-file-atomic" {
  interface Options {
    mode?: number;
    chown?: { uid: number; gid: number } | false;
    encoding?: BufferEncoding;
    fsync?: boolean;
  }
  function writeFileAtomic(filename: string, data: string | Uint8Array, options?: Options): Promise<void>;
  namespace writeFileAtomic {
    function sync(filename: string, data: string | Uint8Array, options?: Options): void;
  }
  export = writeFileAtomic;
}
