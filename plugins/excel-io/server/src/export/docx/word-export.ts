import { Packer } from 'docx';
import type { ExportColumn } from '../columns';
import type { HistoryEntry, ListedTicket, Locale, StoredPhoto } from '../ticketing-slice';
import { mapLimited, reduceForReport } from './photo-images';
import { buildReport, type ReportCover, type ReportTicket } from './ticket-report';

/** Photos read and resized at once: sharp has its own threads, the store its own latency. */
const PHOTO_LANES = 2;
/** Tickets gathered at once (each with its photo lanes): 3 × 2 keeps both cores and the store busy. */
const TICKET_LANES = 3;
/** History entries shown per ticket, newest first. */
export const HISTORY_ENTRIES = 50;

/** What a Word export needs from storage and the audit log. */
export interface WordSources {
  readPhoto(photo: StoredPhoto): Promise<Buffer>;
  history(ticketId: string): Promise<HistoryEntry[]>;
  /** After each ticket is gathered: may throw to stop (a cancelled job). */
  afterTicket(done: number, total: number): Promise<void>;
}

/** The Word report of `tickets` as .docx bytes: photos reduced with sharp, history from the audit log. */
export async function writeWordReport(tickets: ListedTicket[], columns: ExportColumn[], cover: ReportCover, locale: Locale, sources: WordSources): Promise<Buffer> {
  let done = 0;
  const parts: ReportTicket[] = await mapLimited(tickets, TICKET_LANES, async (ticket) => {
    const [photos, history] = await Promise.all([
      mapLimited(ticket.photos, PHOTO_LANES, async (photo) => ({ name: photo.name, image: await reduceForReport(await sources.readPhoto(photo)) })),
      sources.history(ticket.documentId),
    ]);
    await sources.afterTicket(++done, tickets.length);
    return { ticket, photos, history };
  });
  return Packer.toBuffer(buildReport(cover, parts, columns, locale));
}
