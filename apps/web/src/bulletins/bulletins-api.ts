/** Client of /api/bulletins for the 月度通报 page (session cookie; CSRF token on publish). */
import type { BulletinListDto, BulletinPreviewDto } from '@suocha/contract';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../api/api-error';
import { CSRF_HEADER } from '../api/client';
import type { FetchLike } from '../api/client';
import { bulletinFileUrl } from './bulletins-model';

export interface BulletinsApi {
  list(signal?: AbortSignal): Promise<BulletinListDto>;
  preview(month: string, signal?: AbortSignal): Promise<BulletinPreviewDto>;
  /** The printable HTML page as text (shown in a sandboxed frame). */
  html(month: string, signal?: AbortSignal): Promise<string>;
  publish(month: string): Promise<BulletinPreviewDto>;
}

export function createBulletinsApi(options: {
  readonly fetchFn: FetchLike;
  readonly csrfToken: () => string | null;
  readonly base?: string;
}): BulletinsApi {
  const base = options.base ?? '/api';
  async function send(path: string, init: RequestInit): Promise<Response> {
    let r: Response;
    try {
      r = await options.fetchFn(path, { credentials: 'same-origin', ...init });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, NETWORK_ERROR, e instanceof Error ? e.message : String(e));
    }
    if (!r.ok) throw apiErrorFromBody(r.status, r.statusText, await r.text());
    return r;
  }
  const json = async <T>(path: string, init: RequestInit = {}) =>
    (await (await send(path, init)).json()) as T;
  const month = encodeURIComponent;
  return {
    list: (signal) => json<BulletinListDto>(`${base}/bulletins`, signal ? { signal } : {}),
    preview: (m, signal) =>
      json<BulletinPreviewDto>(`${base}/bulletins/${month(m)}`, signal ? { signal } : {}),
    html: async (m, signal) =>
      (await send(bulletinFileUrl(m, 'html', base), signal ? { signal } : {})).text(),
    publish: (m) => {
      const token = options.csrfToken();
      return json<BulletinPreviewDto>(`${base}/bulletins/${month(m)}/publish`, {
        method: 'POST',
        headers: token === null ? {} : { [CSRF_HEADER]: token },
      });
    },
  };
}
