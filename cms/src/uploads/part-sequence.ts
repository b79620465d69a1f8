let sequence = 0;

/**
 * formidable's `fileBegin` hook: numbers each uploaded part as it starts. formidable lists a
 * request's files in the order they finish writing, which is not the order they were sent;
 * handlers that keep the client's order (ticket photos) sort by `partSequence`.
 */
export function numberFilePart(_field: string, file: { partSequence?: number }): void {
  sequence += 1;
  file.partSequence = sequence;
}
