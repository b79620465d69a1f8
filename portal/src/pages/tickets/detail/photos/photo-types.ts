/** A stored photo with its pre-signed URLs (GET /tickets/:id/images). */
export interface Photo {
  id: string;
  name: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  gps: { latitude: number; longitude: number } | null;
  url: string;
  thumbnailUrl: string;
  uploadedAt: string;
  uploadedBy: string | null;
}
