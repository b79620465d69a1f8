/** Where a photo was taken, from its EXIF GPS tags. */
export interface GpsPosition {
  latitude: number;
  longitude: number;
}

/** What is known of a ticket's photo, stored and shown alike. */
export interface PhotoFacts {
  id: string;
  name: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  gps: GpsPosition | null;
  /** ISO 8601 (stored in UTC, shown in the platform's zone). */
  uploadedAt: string;
  uploadedBy: string | null;
}

/** What the API shows of a ticket's photo: its facts and freshly signed URLs, never a storage key. */
export interface PhotoView extends PhotoFacts {
  url: string;
  thumbnailUrl: string;
}
