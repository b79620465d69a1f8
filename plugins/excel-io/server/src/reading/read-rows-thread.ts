import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openSpreadsheet, WorkbookRefusedError } from './spreadsheet';
import type { ReadMessage, ReadRequest } from './rows-in-thread';
import type { SheetRow } from './xlsx-rows';

// rows per message: few enough messages to be cheap, small enough to be collected young on arrival
const BATCH_ROWS = 256;
// batches the thread may post before the reader asks for more: reads ahead, memory stays bounded
const CREDITS = 2;

/** The reading thread: streams one sheet of a file and posts its rows in batches (see `rows-in-thread.ts`). */
async function readRows(port: MessagePort, request: ReadRequest) {
  let credits = CREDITS;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits += 1;
    wake?.();
    wake = null;
  });
  const post = async (message: ReadMessage) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    port.postMessage(message);
  };
  try {
    const spreadsheet = await openSpreadsheet(request.path, request.fileName, request.limits);
    let batch: SheetRow[] = [];
    for await (const row of spreadsheet.rows(request.sheet)) {
      if (row.number <= request.after) continue;
      batch.push(row);
      if (batch.length === BATCH_ROWS) {
        await post({ rows: batch });
        batch = [];
      }
    }
    if (batch.length) await post({ rows: batch });
    port.postMessage({ done: true } satisfies ReadMessage);
  } catch (error) {
    const failed = { refused: error instanceof WorkbookRefusedError, message: (error as Error)?.message ?? String(error) };
    port.postMessage({ failed } satisfies ReadMessage);
  }
}

if (parentPort) void readRows(parentPort, workerData as ReadRequest);
