import { ApiError, errorFromResponse } from './api-error';
import type { AuthClient } from './auth-client';

interface XhrResult {
  status: number;
  text: string;
}

export interface UploadOptions {
  /** Field name of the multipart part. */
  field: string;
  locale: string;
  /** 0–100 as the bytes go out. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Text parts sent before the file (options of the request). */
  fields?: Record<string, string>;
}

/** One POST of one file by XMLHttpRequest — fetch cannot report upload progress. */
function send(url: string, jwt: string, file: File, options: UploadOptions): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${jwt}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', options.locale);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError('unavailable', `upload of ${file.name} got no answer`));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append(options.field, file, file.name);
    xhr.send(form);
  });
}

/** Uploads `file` to `url` as multipart with progress, through the auth client's token refresh. */
export async function uploadFile<T>(client: AuthClient, url: string, file: File, options: UploadOptions): Promise<T> {
  const res = await client.withToken((jwt) => send(url, jwt, file, options));
  if (res.status < 200 || res.status >= 300) throw errorFromResponse(res.status, res.text);
  return JSON.parse(res.text) as T;
}
