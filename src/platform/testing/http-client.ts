import type { LightMyRequestResponse } from 'fastify';
import type { HttpServer } from '../http/server.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A browser-like client over `inject`: keeps its cookies and sends the CSRF
 * header the way the members' app does.
 */
export function createHttpClient(server: HttpServer) {
  const cookies = new Map<string, string>();
  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
  };
  const request = async (method: HttpMethod, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const response = await server.inject({
      method,
      url,
      headers: {
        ...(cookies.size > 0 ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
        ...(method !== 'GET' && cookies.has('usher_csrf') ? { 'x-csrf-token': cookies.get('usher_csrf') as string } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    remember(response);
    return response;
  };
  return {
    request,
    get: (url: string) => request('GET', url),
    post: (url: string, payload: unknown = {}) => request('POST', url, payload),
    /** Starts a browser session: the CSRF cookie comes with GET /api/session. */
    open: () => request('GET', '/api/session'),
    cookies,
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
