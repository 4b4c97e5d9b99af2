/**
 * Run as a separate process by the data-directory lock tests:
 * `node --import tsx open-data-dir.fixture.ts <dataDir> <close|exit>`.
 * Prints one JSON line: `{"opened":true}` or `{"code":…,"message":…}`.
 */
import { openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';

const [dataDir, ending = 'close'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: open-data-dir.fixture.ts <dataDir> <close|exit>');

try {
  const database = await openDatabase({ dataDir });
  process.stdout.write(`${JSON.stringify({ opened: true, pid: process.pid })}\n`);
  // `exit` leaves without closing, as a crashed or killed-by-Ctrl-C server would.
  if (ending === 'exit') process.exit(0);
  await database.close();
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  process.stdout.write(`${JSON.stringify({ code: error.code, message: error.message })}\n`);
  process.exitCode = 1;
}
