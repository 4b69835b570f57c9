/** The part of archiver (installed with @actions/artifact, untyped) that the tests use. */
declare module 'archiver' {
  import type { Writable } from 'node:stream';

  interface Archiver {
    pipe(destination: Writable): void;
    append(data: string | Buffer, options: { name: string }): void;
    finalize(): Promise<void>;
  }
  export default function archiver(format: 'zip', options?: { zlib?: { level?: number } }): Archiver;
}
