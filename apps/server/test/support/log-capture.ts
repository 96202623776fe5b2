import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';

/** A real pino logger (same redaction as production) writing into memory, so tests can read it. */
export function createCapturingLogger(level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const log = createLogger(level, stream);
  return { log, lines, text: () => lines.join('\n') };
}
