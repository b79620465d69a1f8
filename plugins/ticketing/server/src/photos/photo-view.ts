/** Where a photo was taken, from its EXIF GPS tags. */
export interface GpsPosition {
  latitude: number;
  longitude: number;
}

/** What the API shows of a ticket's photo: its data and freshly signed URLs, never a storage key. */
export interface PhotoView {
  id: string;
  name: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  gps: GpsPosition | null;
  url: string;
  thumbnailUrl: string;
  /** ISO 8601 in the platform's zone. */
  uploadedAt: string;
  uploadedBy: string | null;
}
